package lejp

// Capture: the exact bytes of a value, delivered as a Raw event right
// after the value's last event.
//
// A value's bytes run from its first token's first byte to its last
// token's last byte. Where they lie in the buffer being read (the input of
// the current Write, or the carried number or literal), the Raw event
// borrows them there. A value that the end of a Write cuts has the part of
// it read so far copied into capt.buf when that Write ends (hold), and the
// rest is appended when it completes; a number or literal cut by a Write
// is carried as before, and its bytes are held once the carry is read.
// Nothing is copied while no capture runs, but for one case: a string
// value with an escape that a Write ends inside before its first event
// (keepPre). That event (its first piece or the whole String) may come in
// a later Write, and Capture from it, or from the member's Name, needs the
// string's bytes from its opening quote. While the string has no escape,
// those bytes are its opening quote and its decoded bytes so far, which
// the scanner holds (s.sbuf) until that event: nothing is copied.
//
// The limit (MaxValueLen) is judged at events, so that the error is the
// same however the input is split: before each event of the value (after
// the one Capture was called from), the event's end must lie within
// MaxValueLen bytes of the value's start (extent). Bytes past the limit
// are never needed, as the value is refused by the event that ends past
// it at the latest, so the held bytes stop there (keep).

// capture is the Parser's capture state.
type capture struct {
	on    bool // a capture runs (or is due: pend)
	pend  bool // Capture was called from a Name: the member's value is captured from its first event
	inRaw bool // the Handler has the Raw event

	depth int    // Depth of the captured value
	start int64  // offset of its first byte
	next  int64  // offset of its first byte not in buf (bytes before are)
	buf   []byte // its bytes held across Writes, at most MaxValueLen

	// The string being delivered in pieces: its offset plus one (0:
	// none), the decoded length of its pieces so far, and whether the
	// current piece is its first.
	pieceOff   int64
	pieceLen   int64
	pieceFirst bool

	// The bytes of a string value that a Write ended inside before its
	// first event (keepPre), from its opening quote, at most MaxValueLen:
	// preOff is that quote's offset plus one (0: none). While prePlain,
	// the string had no escape up to the current buffer, and pre is empty:
	// its bytes are its opening quote and the start of s.sbuf.
	pre      []byte
	preOff   int64
	prePlain bool
}

// reset drops any capture and what was kept for one, keeping the buffers.
func (c *capture) reset() {
	c.on, c.pend, c.inRaw = false, false, false
	c.buf = c.buf[:0]
	c.pre = c.pre[:0]
	c.pieceOff, c.preOff, c.prePlain = 0, 0, false
}

// Capture asks for the exact bytes of the value that the current event
// starts: when the value is complete, right after its last event, the
// Handler gets a Raw event whose Value holds the value as received, from
// its first byte to its last (whitespace inside it included, and comments
// with Options.AllowComments; nothing around it): the bytes
// Decoder.ReadValue returns for it. A JWK of a JWK Set can so be handed
// whole to a JWK parser, or a JWS JSON serialization's "header" object to a
// header parser. A string's Raw event holds its quoted text, escapes as
// written ("\u0065yJ" for eyJ): where the decoded string is wanted (a JWS
// "protected" member, whose decoded value is part of the signing input),
// take it from the String event instead. A value starts at its ObjectStart
// or ArrayStart event, at its String, Int, Float, True, False or Null
// event, or at the first StringChunk of a long string. Capture from a
// member's Name event captures the member's value, from the value's first
// event: a Handler that calls Capture at every event matching a pattern (a
// Name matches as its value does) gets one Raw event per value. Capture
// from any other event (an end event, a StringChunk after the first, the
// String ending a string delivered in pieces, a Raw event), from outside a
// Handler call, or while a capture runs (a value inside the captured one
// included) does nothing and returns false.
//
// The Raw event's Offset is that of the value's first byte; its Pattern,
// and Depth, Path and the like called during it, are those of the value's
// last event, which is at the value's path (an end event is at the path of
// the value it ends), so a Handler that tests Pattern before Kind gets the
// Raw event among the value's own events. Its Value is valid during the
// call, as every Event's: it borrows the input given to Write when the
// value lies in one Write, else the Parser's buffer.
//
// The captured bytes are held until the Raw event, so a value longer than
// Options.MaxValueLen stops the parser with ErrValueTooLarge at the value's
// start, with its path, as soon as its events show it that long: when the
// Handler returns from the event Capture was called from, if that event
// ends past the value's first MaxValueLen bytes, else before the Handler
// gets the first event that does (a piece of a long string counts as ending
// after the string's opening quote and its pieces so far, decoded, which
// are no longer than they were encoded). The Parser holds no more than
// MaxValueLen bytes of it, and the error is the same however the input is
// split. An error in the input inside the value is the input's own, as
// without Capture, and no Raw event comes. Reset drops a running capture
// (called from the Handler, once the Write or Close that called it
// returns). While a capture runs, the Parser reads the value a token at a
// time, more slowly than its fast path does (the events are the same).
func (p *Parser) Capture() bool {
	s := &p.s
	c := &p.capt
	if !p.busy || c.on || c.inRaw {
		return false
	}
	// The current event, from the scanner's state as next and fastRun
	// leave it during a Handler call.
	switch {
	case s.inStr:
		// A piece of a long string value (names come whole).
		if !c.pieceFirst {
			return false
		}
	case s.state == stColon:
		// A member name: its value is captured, from its first event
		// (capBefore).
		c.on, c.pend, c.depth = true, true, s.depth
		return true
	case s.pendPush != 0:
		// ObjectStart or ArrayStart.
	default:
		// A scalar, an end event, or the String ending a string
		// delivered in pieces. An end event's bracket is in s.buf.
		if c.pieceOff == s.tokOff+1 {
			return false
		}
		if i := s.tokOff - s.base; i >= 0 && i < int64(len(s.buf)) {
			if b := s.buf[i]; b == '}' || b == ']' {
				return false
			}
		}
	}
	c.on, c.pend, c.depth = true, false, s.depth
	p.capBegin()
	return true
}

// capBegin starts the capture at the current event, the value's first.
func (p *Parser) capBegin() {
	s := &p.s
	c := &p.capt
	c.start, c.next = s.tokOff, s.tokOff
	c.buf = c.buf[:0]
	if s.tokOff < s.base {
		// A string value begun in an earlier Write: keepPre has its bytes
		// up to this Write, or they are its quote and the start of its
		// decoded bytes, all in s.sbuf at its first event.
		if c.preOff == s.tokOff+1 {
			c.buf = p.keep(c.buf, p.preBytes())
			if c.prePlain {
				c.buf = p.keep(c.buf, s.sbuf[:s.base-s.tokOff-1])
			}
		}
		c.next = s.base
	}
}

// preBytes is what keepPre holds: while the string is plain, only its
// opening quote.
func (p *Parser) preBytes() []byte {
	if p.capt.prePlain {
		return quote
	}
	return p.capt.pre
}

var quote = []byte{'"'}

// piece records a StringChunk event (before its Handler call).
func (p *Parser) piece() {
	s := &p.s
	c := &p.capt
	c.pieceFirst = c.pieceOff != s.tokOff+1
	if c.pieceFirst {
		c.pieceOff, c.pieceLen = s.tokOff+1, 0
	}
	c.pieceLen += int64(len(s.val))
}

// extent is the offset just past the current event as the limit counts it:
// the end of its token, or for a piece of a long string, the string's
// first content byte plus the length of its pieces so far, decoded. (Where
// the reading of a string stopped may include bytes of a unit read ahead,
// which depends on the split; the decoded length does not, and is no more
// than the bytes it was decoded from.)
func (p *Parser) extent(k Kind) int64 {
	if k == StringChunk {
		return p.capt.pieceOff + p.capt.pieceLen
	}
	return p.s.base + int64(p.s.pos)
}

// capBefore is called before the Handler gets event k while a capture runs
// (or is due): the value's first event starts it; an event ending past the
// limit is refused.
func (p *Parser) capBefore(k Kind) error {
	c := &p.capt
	if c.pend {
		c.pend = false
		p.capBegin()
	}
	if p.extent(k)-c.start > int64(p.s.lim.maxValue) {
		return p.capTooLarge()
	}
	return nil
}

// capAfter is called after the Handler returned from event k while a
// capture runs: the event Capture was called from is held to the limit
// (the others were by capBefore), and after the value's last event comes
// its Raw event.
func (p *Parser) capAfter(k Kind) error {
	s := &p.s
	c := &p.capt
	if c.pend {
		return nil // Capture from this Name: the value comes next
	}
	end := p.extent(k)
	if end-c.start > int64(s.lim.maxValue) {
		return p.capTooLarge()
	}
	if !(k.IsScalar() || k == ObjectEnd || k == ArrayEnd) || s.depth != c.depth {
		return nil
	}
	from, to := int(c.next-s.base), int(end-s.base)
	var v []byte
	if len(c.buf) == 0 && c.next == c.start {
		v = s.buf[from:to:to] // all in this buffer: not copied
	} else {
		c.buf = p.keep(c.buf, s.buf[from:to]) // within the limit: checked above
		v = c.buf[:len(c.buf):len(c.buf)]
	}
	c.on = false
	c.inRaw = true
	err := p.h.HandleEvent(p, Event{Kind: Raw, Value: v, Offset: c.start, Pattern: s.curMatch()})
	c.inRaw = false
	c.buf = c.buf[:0]
	if err != nil {
		p.herr = err
		return err
	}
	return nil
}

// capTooLarge fails with ErrValueTooLarge at the captured value's start,
// with its path, and ends the capture.
func (p *Parser) capTooLarge() error {
	s := &p.s
	c := &p.capt
	c.on, c.pend = false, false
	c.buf = c.buf[:0]
	s.err = &SyntaxError{Offset: c.start, Path: string(s.appendPointerTo(nil, c.depth)), Err: ErrValueTooLarge}
	return s.err
}

// keep appends b to dst, up to MaxValueLen bytes in all: a value longer
// than that is refused before its Raw event, so the bytes past the limit
// are never needed. dst grows as append grows a slice, but never past
// MaxValueLen (append's headroom would hold up to a quarter more).
func (p *Parser) keep(dst, b []byte) []byte {
	lim := p.s.lim.maxValue
	if room := lim - len(dst); len(b) > room {
		b = b[:max(room, 0)]
	}
	if n := len(dst) + len(b); n > cap(dst) {
		c := cap(dst)
		if c < 256 {
			c *= 2
		} else {
			c += (c + 3*256) / 4
		}
		d := make([]byte, len(dst), min(max(c, n, 64), lim))
		copy(d, dst)
		dst = d
	}
	return append(dst, b...)
}

// hold copies the bytes of the captured value read from the current buffer
// (up to s.pos, where the reading stopped), before the buffer goes.
func (p *Parser) hold() {
	s := &p.s
	c := &p.capt
	if from := c.next - s.base; from < int64(s.pos) {
		c.buf = p.keep(c.buf, s.buf[from:s.pos])
		c.next = s.base + int64(s.pos)
	}
}

// keepPre keeps the bytes read from the current buffer of the string value
// that the buffer ends inside, before its first event: Capture from that
// event (or a capture due from the member's Name) needs them. While the
// string has no escape, they need no copy: its content bytes so far are
// its decoded ones, in s.sbuf (or pending as a UTF-8 sequence cut by the
// buffer, decoded as it is before the first event).
func (p *Parser) keepPre() {
	s := &p.s
	c := &p.capt
	st := &s.str
	from := st.off - s.base
	if c.preOff != st.off+1 {
		c.pre, c.preOff, c.prePlain = c.pre[:0], st.off+1, true
	}
	if c.prePlain {
		// Every escape decodes to fewer bytes than it takes.
		if st.shift == 0 && st.raw == int64(len(s.sbuf)+st.npend) && (st.npend == 0 || st.pend[0] != '\\') {
			return
		}
		// An escape in this buffer: the content before it is plain.
		c.prePlain = false
		if from < 0 {
			c.pre = p.keep(append(c.pre[:0], '"'), s.sbuf[:-from-1])
		}
	}
	c.pre = p.keep(c.pre, s.buf[max(from, 0):s.pos])
}
