package lecp

// Handler receives the events of a Parser. The Event (and its Value) is
// valid only during the call: it is the parser's, reused for the next event. Returning an error stops the parser: Write returns that
// error unchanged, and later calls return ErrClosed. A Handler may call
// its Parser's Capture, Path, AppendPath, Depth, InputOffset and Reset (see
// there); Write and Close called from it return an error matching ErrClosed.
type Handler interface {
	HandleEvent(p *Parser, ev *Event) error
}

// HandlerFunc is a function used as a Handler.
type HandlerFunc func(p *Parser, ev *Event) error

// HandleEvent calls f.
func (f HandlerFunc) HandleEvent(p *Parser, ev *Event) error { return f(p, ev) }

// Parser is the push parser: Write the input in chunks of any size as it
// arrives, and the Handler gets the events, the same ones however the input
// is split, down to one byte at a time. Memory stays bounded: a long
// definite-length string is delivered in pieces of Options.StringChunk
// bytes (BytesChunk/TextChunk events, then a last Bytes/Text event), a
// partial head or piece is carried over in a buffer of that size, and only
// the keys of open maps are held (for duplicate detection), and the bytes
// of an item being captured (Capture), at most Options.MaxValueLen.
//
// Input that arrives whole is not copied: events borrow it. With Write and
// Close, a Parser is an io.WriteCloser: io.Copy(p, r) feeds it the whole
// of a reader, and Close then says whether that was one complete item.
//
// A Parser is made by NewParser. The zero Parser has no Handler: its Write
// and Close return an error saying so, matching ErrClosed (not a
// *SyntaxError), whatever the input.
type Parser struct {
	m       machine
	h       Handler
	fn      HandlerFunc // h, when it is a HandlerFunc: called directly
	pats    []pattern
	carry   []byte
	chunk   int
	raw     []byte // bytes consumed by the current event, unless rawFast
	rawFast bool   // in direct delivery: they are rawSrc[ev.Offset-rawBase:m.off-rawBase]
	rawSrc  []byte
	rawBase int64
	// loopMaxString is the longest string loop delivers whole
	// (min(Options.MaxStringLen, StringChunk))
	loopMaxString uint64
	capOn         bool
	capDepth      int
	capBuf        []byte // the captured bytes so far, at most MaxValueLen
	capStart      int64  // the captured item's offset
	capOver       bool   // its first event was longer than MaxValueLen
	capEv         Event
	closed        bool
	err           error
	// busy: a Write or Close is running (its Handler may be called);
	// resetDue: the Handler called Reset, done when that call returns
	busy, resetDue bool
}

// NewParser returns a parser that calls h with each event. patterns are path
// patterns (see the path syntax in the package documentation); each event's
// Pattern field is the index of the first one matching its path, or -1. A
// nil Handler is an error (matching ErrClosed), and so is an invalid
// pattern (wrapping ErrPattern).
func NewParser(h Handler, opts *Options, patterns ...string) (*Parser, error) {
	if f, ok := h.(HandlerFunc); h == nil || ok && f == nil {
		return nil, errNoHandler
	}
	p := &Parser{h: h}
	p.fn, _ = h.(HandlerFunc)
	p.m.init(opts)
	p.chunk = p.m.lim.chunk
	for _, s := range patterns {
		c, err := compilePattern(s)
		if err != nil {
			return nil, err
		}
		p.pats = append(p.pats, c)
	}
	return p, nil
}

// errNoHandler is the error of a Parser without a Handler: misuse, not a
// verdict on the input. It matches ErrClosed (errors.Is), as the other
// misuse of a Parser (errHandlerCall) does: such a Parser takes no input.
var errNoHandler error = &misuseError{"lecp: Parser has no Handler; make it with NewParser", ErrClosed}

// Reset makes p ready for a new input, keeping its handler, options,
// patterns and buffers. Called from the Handler, it takes effect when the
// Write or Close that called the Handler returns, having read the rest of
// its input as before (the Handler returns an error to stop at once).
func (p *Parser) Reset() {
	if p.busy {
		p.resetDue = true
		return
	}
	p.resetDue = false
	p.m.reset()
	p.raw = nil // a slice of the last input, for Capture
	p.carry = p.carry[:0]
	p.capOn, p.capOver = false, false
	p.capBuf = p.capBuf[:0]
	p.closed = false
	p.err = nil
}

// Write parses b, calling the handler for every event it completes. It
// returns len(b) and nil, or 0 and the first error: a *SyntaxError or the
// handler's error. SyntaxError.Offset says where in the input the error
// is. Every later Write and Close returns the same *SyntaxError, or after a
// Handler's error one matching ErrClosed.
// Called from the Handler, Write and Close return an error matching
// ErrClosed and do nothing.
func (p *Parser) Write(b []byte) (int, error) {
	if p.h == nil {
		return 0, errNoHandler
	}
	if p.busy {
		return 0, errHandlerCall
	}
	p.busy = true
	defer p.done()
	return p.write(b)
}

// done ends a Write or Close: a Reset the Handler asked for is done now.
func (p *Parser) done() {
	p.busy = false
	if p.resetDue {
		p.Reset()
	}
}

func (p *Parser) write(b []byte) (int, error) {
	if p.err != nil {
		return 0, p.err
	}
	if p.closed {
		return 0, ErrClosed
	}
	n := len(b)
	for {
		if len(p.carry) > 0 {
			// complete the carried head or piece from b
			k, err := p.m.next(p.carry, p.chunk)
			if err == errShort {
				if len(b) == 0 {
					return n, nil
				}
				take := min(p.m.need-len(p.carry), len(b))
				p.carry = append(p.carry, b[:take]...)
				b = b[take:]
				continue
			}
			if err != nil {
				return 0, p.stop(err)
			}
			p.raw = p.carry[:k]
			if err := p.deliver(); err != nil {
				return 0, err
			}
			rest := copy(p.carry, p.carry[k:])
			p.carry = p.carry[:rest]
			continue
		}
		m := &p.m
		if p.fn != nil && len(p.pats) == 0 && !p.capOn && m.err == nil && !m.lim.determ &&
			m.str.left == 0 && !m.keys.building && m.keys.e == nil {
			k, err := p.writeLoop(b)
			b = b[k:]
			if err != nil {
				return 0, err
			}
		}
		var err error
		if b, err = p.writeFast(b); err != nil {
			return 0, err
		}
		k, err := p.m.step(b, p.chunk)
		p.m.off += int64(k)
		if err == errShort {
			p.carry = append(p.carry, b...)
			return n, nil
		}
		if err != nil {
			return 0, p.stop(err)
		}
		p.raw = b[:k]
		b = b[k:]
		if err := p.deliver(); err != nil {
			return 0, err
		}
	}
}

// writeFast delivers the events fastStep can make from b through deliver
// and returns the rest of b: for a Handler that is not a HandlerFunc, with
// patterns, or while a capture runs (otherwise writeLoop does this).
func (p *Parser) writeFast(b []byte) ([]byte, error) {
	m := &p.m
	if m.lim.determ || m.err != nil {
		return b, nil
	}
	direct := p.fn != nil && len(p.pats) == 0
	off := 0
	for !direct || p.capOn {
		k, ok, err := m.fastStep(b[off:], p.chunk)
		if !ok {
			break
		}
		m.off += int64(k)
		if err != nil {
			return b[off:], p.stop(err)
		}
		p.raw = b[off : off+k]
		off += k
		if err := p.deliver(); err != nil {
			return b[off:], err
		}
	}
	return b[off:], nil
}

// Close ends the input: it returns nil when the input held exactly one
// complete item (or a complete sequence, with Options.AllowSequence), and a
// SyntaxError with ErrUnexpectedEOF otherwise, at the offset where the
// input ended and with the path of the item due there. Input cut short is
// thus told apart from malformed input, which Write reports with its own
// cause; ErrUnexpectedEOF also matches io.ErrUnexpectedEOF. The one
// malformation Close reports is in a text string the input ends inside:
// where the bytes of it that Write kept (less than a piece) are not a valid
// start of UTF-8, Close returns ErrInvalidUTF8 at the first invalid byte,
// as Check does for the same input.
func (p *Parser) Close() error {
	if p.h == nil {
		return errNoHandler
	}
	if p.busy {
		return errHandlerCall
	}
	p.busy = true
	defer p.done()
	return p.close()
}

func (p *Parser) close() error {
	if p.err != nil {
		return p.err
	}
	if p.closed {
		return nil
	}
	p.closed = true
	if len(p.carry) > 0 {
		return p.stop(p.m.eofIn(p.carry))
	}
	// deliver end events still due
	for p.m.pend {
		if _, err := p.m.next(nil, p.chunk); err != nil {
			return p.stop(err)
		}
		p.raw = nil
		if err := p.deliver(); err != nil {
			return err
		}
	}
	if err := p.m.finish(); err != nil {
		return p.stop(err)
	}
	return nil
}

// stop records the error that stopped p: the machine's SyntaxError is
// sticky; any other error (the handler's, whatever its type) closes p.
func (p *Parser) stop(err error) error {
	if p.err == nil {
		p.err = ErrClosed
		if err == p.m.err {
			p.err = err
		}
	}
	return err
}

// deliver calls the handler with the machine's event, then any Raw event of
// a capture that completed.
func (p *Parser) deliver() error {
	ev := &p.m.ev
	ev.Pattern = -1
	if len(p.pats) == 0 && !p.capOn {
		if err := p.h.HandleEvent(p, ev); err != nil {
			return p.stop(err)
		}
		if p.capOn {
			if p.capOver {
				return p.stop(p.capTooLarge())
			}
			if p.m.done && p.m.doneDepth == p.capDepth {
				return p.captured(ev.Pattern)
			}
		}
		return nil
	}
	for i, pat := range p.pats {
		if p.m.match(pat) {
			ev.Pattern = i
			break
		}
	}
	if p.capOn {
		if len(p.capBuf)+len(p.raw) > p.m.lim.maxValue {
			return p.stop(p.capTooLarge())
		}
		p.capBuf = append(p.capBuf, p.raw...)
	}
	if err := p.h.HandleEvent(p, ev); err != nil {
		return p.stop(err)
	}
	if p.capOn {
		if p.capOver {
			return p.stop(p.capTooLarge())
		}
		if p.m.done && p.m.doneDepth == p.capDepth {
			return p.captured(ev.Pattern)
		}
	}
	return nil
}

// capTooLarge fails with ErrValueTooLarge at the start of the item being
// captured, with its path, and ends the capture.
func (p *Parser) capTooLarge() error {
	m := &p.m
	done := m.done && m.doneDepth == p.capDepth
	p.capOn, p.capOver = false, false
	p.capBuf = p.capBuf[:0]
	m.recheck = true
	m.err = &SyntaxError{Offset: p.capStart, Path: m.itemPath(p.capDepth, done), Err: ErrValueTooLarge}
	return m.err
}

// captured delivers the Raw event of a completed capture.
func (p *Parser) captured(pattern int) error {
	p.capOn = false
	p.m.itemStart = false // the Raw event starts no item: Capture refuses
	// capped, as every Event's Value: an append copies
	b := p.capBuf[:len(p.capBuf):len(p.capBuf)]
	p.capEv = Event{Kind: Raw, Value: b, Offset: p.m.off - int64(len(p.capBuf)), Pattern: pattern}
	if err := p.h.HandleEvent(p, &p.capEv); err != nil {
		return p.stop(err)
	}
	p.capBuf = p.capBuf[:0]
	return nil
}

// Capture asks for the exact bytes of the item that the current event
// starts (a scalar, the first piece of a string, or a start event): when the
// item is complete, right after its last event, the handler gets a Raw event
// whose Value holds the item's encoding exactly as received, for example a
// COSE protected header to verify a signature over. Capture from any other
// event, or while a capture is running, does nothing and returns false.
// The Raw event's Offset is that of the item's first byte; its Pattern, and
// Path called during it, are those of the item's last event, which is at
// the item's path (an end event is at the path of the item it ends), so a
// handler that tests Pattern before Kind gets the Raw event among the
// item's own events.
//
// The captured bytes are held until the Raw event, so an item longer than
// Options.MaxValueLen stops the parser with ErrValueTooLarge at the item's
// start, with its path, as soon as its events pass that length (after the
// handler has had the event that Capture was called from, but before it
// gets the one that passes the limit), holding no more than MaxValueLen
// bytes of it. Reset drops a running capture (called from the Handler,
// once the Write or Close that called it returns): no Raw event comes for
// that item.
func (p *Parser) Capture() bool {
	if p.capOn || !p.m.itemStart {
		return false
	}
	p.capOn = true
	p.capDepth = len(p.m.stack)
	if p.m.ev.Kind.isStart() {
		p.capDepth--
	}
	raw := p.raw
	if p.rawFast {
		raw = p.rawSrc[p.m.ev.Offset-p.rawBase : p.m.off-p.rawBase]
	}
	p.capStart = p.m.off - int64(len(raw))
	p.capBuf = p.capBuf[:0]
	if len(raw) > p.m.lim.maxValue {
		p.capOver = true // reported when the handler returns
	} else {
		p.capBuf = append(p.capBuf, raw...)
	}
	return true
}

// Path returns the path of the current event (see the package
// documentation for the syntax).
func (p *Parser) Path() string { return p.m.pathString() }

// AppendPath appends the path of the current event to dst, without
// allocating when dst has room (unless a key on the path is an array, map
// or tag, written through AppendDiag).
func (p *Parser) AppendPath(dst []byte) []byte { return p.m.appendPath(dst) }

// Depth is the nesting depth of the current event: 0 at the top level,
// counting arrays, maps, tags and indefinite-length strings. A start event
// is at the depth of its container's end event (and of its path), outside
// the container it opens, as in lejp.
func (p *Parser) Depth() int {
	if p.m.ev.Kind.isStart() {
		return len(p.m.stack) - 1
	}
	return len(p.m.stack)
}

// InputOffset is the number of input bytes consumed so far.
func (p *Parser) InputOffset() int64 { return p.m.off }

// errHandlerCall is the error of Write or Close called from the Parser's
// own Handler: misuse, which changes nothing. It matches ErrClosed
// (errors.Is): the Parser is closed to such a call.
var errHandlerCall error = &misuseError{"lecp: Parser.Write or Close called from its Handler", ErrClosed}
