package lejp

// Handler receives the Parser's events. The Event's Value, and anything the
// Parser's methods return, is valid only during the call, and the Value
// must not be modified: a member name's is also what the Parser holds to
// reject a duplicate of it (see Event). Returning an
// error stops the parser: Write (or Close) returns that error. A Handler
// may call its Parser's Capture, Depth, Index, Path, AppendPath, Pointer,
// AppendPointer, Wildcard, AppendWildcard, InputOffset and Reset (see
// there); Write and Close called from it return an error matching
// ErrClosed. A Raw event comes only after the Handler called Capture.
type Handler interface {
	HandleEvent(p *Parser, ev Event) error
}

// HandlerFunc is a function used as a Handler.
type HandlerFunc func(p *Parser, ev Event) error

// HandleEvent calls f(p, ev).
func (f HandlerFunc) HandleEvent(p *Parser, ev Event) error { return f(p, ev) }

// Parser is the push parser: Write input in chunks of any size as it
// arrives, then Close; the Handler receives events as soon as each is
// complete. The events are the same however the input is split, down to one
// byte per Write, and memory stays bounded: strings longer than
// Options.StringChunk come as StringChunk events, and numbers and literals
// cut by a Write are kept aside (at most Options.MaxNumberLen+1 bytes: the
// one past the limit shows the number too long). A value being captured
// (Capture) is held until its Raw event, at most Options.MaxValueLen bytes
// of it, and so are the bytes read so far of a string value with an escape
// that a Write ends inside before its first event (at most MaxValueLen,
// and about six times Options.StringChunk), which a Capture from that
// event needs.
//
// With Write and Close, a Parser is an io.WriteCloser: io.Copy(p, r) feeds
// it the whole of a reader, and Close then says whether that was one
// complete JSON value.
//
// A Parser is made by NewParser. The zero Parser has no Handler: its Write
// and Close return an error saying so, whatever the input (not a
// *SyntaxError; it matches ErrClosed). A Parser is not safe for concurrent use.
type Parser struct {
	s        scanner
	h        Handler
	carry    []byte // an unfinished number or literal
	carryOff int64
	total    int64 // bytes written so far
	closed   bool
	herr     error
	// busy: a Write or Close is running (its Handler may be called);
	// resetDue: the Handler called Reset, done when that call returns
	busy, resetDue bool

	capt capture // Capture (capture.go)
}

// NewParser returns a parser that sends events to h. Each pattern is a path
// pattern (see the package documentation); an event's Pattern is the index
// of the first one matching its path. A nil Handler is an error (matching
// ErrClosed, as the zero Parser's Write and Close do), and so is
// a malformed pattern or more than MaxPatterns of them (wrapping
// ErrPattern).
func NewParser(h Handler, opts *Options, patterns ...string) (*Parser, error) {
	if f, ok := h.(HandlerFunc); h == nil || ok && f == nil {
		return nil, errNoHandler
	}
	p := &Parser{h: h}
	p.s.init(opts)
	p.s.stream = true
	if err := p.s.setPatterns(patterns); err != nil {
		return nil, err
	}
	return p, nil
}

// Reset makes the parser ready for a new input, with the same handler,
// options and patterns, keeping its buffers. Called from the Handler, it
// takes effect when the Write or Close that called the Handler returns,
// having read the rest of its input as before (the Handler returns an
// error to stop at once).
func (p *Parser) Reset() {
	if p.busy {
		p.resetDue = true
		return
	}
	p.resetDue = false
	p.s.reset()
	p.carry = p.carry[:0]
	p.carryOff, p.total = 0, 0
	p.closed, p.herr = false, nil
	p.capt.reset()
}

// errNoHandler is the error of a Parser without a Handler: misuse, not a
// verdict on the input. It matches ErrClosed (errors.Is): such a Parser
// is closed to every call.
var errNoHandler error = &misuseError{"lejp: Parser has no Handler; make it with NewParser", ErrClosed}

func (p *Parser) stopped() error {
	switch {
	case p.h == nil:
		return errNoHandler
	case p.s.err != nil:
		return p.s.err
	case p.herr != nil:
		return p.herr
	case p.closed:
		return ErrClosed
	}
	return nil
}

// Write parses the next chunk of input. It returns len(b) and nil, or the
// first error: a *SyntaxError, or the Handler's error. Errors are sticky.
// With an error, the count is how far into b the Parser had read when it
// stopped: for a Handler's error, past the token of the event it refused;
// for a *SyntaxError, a count that is not a position in the input, as it
// depends on how the input was split: a Write that ends inside a token
// (a number, a literal, an escape) returns len(b) and nil, and the error
// in the bytes it kept is found by a later Write (written whole, [01]
// gives 1, the number's start; a byte at a time, the counts add up to 3).
// SyntaxError.Offset is where the error is, the same for every split, and
// InputOffset counts all of b.
// Called from the Handler, Write and Close return an error matching
// ErrClosed (not a *SyntaxError) and do nothing.
func (p *Parser) Write(b []byte) (int, error) {
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
	if err := p.stopped(); err != nil {
		return 0, err
	}
	s := &p.s
	n := len(b)
	if len(p.carry) > 0 {
		cls, limit := &litClass, 6
		if c := p.carry[0]; c == '-' || (c >= '0' && c <= '9') {
			cls, limit = &numClass, s.lim.maxNumber+1
		}
		r := 0
		for r < len(b) && len(p.carry)+r < limit && cls[b[r]] {
			r++
		}
		p.carry = append(p.carry, b[:r]...)
		p.total += int64(r)
		b = b[r:]
		if len(b) == 0 && len(p.carry) < limit {
			return n, nil
		}
		if err := p.finishCarry(); err != nil {
			// The Write's bytes are written, as when the error is in
			// them (InputOffset).
			p.total += int64(len(b))
			return n - len(b), err
		}
	}
	s.buf, s.pos, s.base = b, 0, p.total
	err := p.run()
	if err == nil {
		// What a value captured or to capture needs of b, which the
		// caller may reuse once Write returns.
		if p.capt.on && !p.capt.pend {
			p.hold()
		} else if s.inStr && !s.str.name && p.capt.pieceOff != s.str.off+1 {
			p.keepPre()
		}
	}
	if err == nil && s.pos < len(b) {
		p.carry = append(p.carry[:0], b[s.pos:]...)
		p.carryOff = s.base + int64(s.pos)
	}
	p.total += int64(len(b))
	s.buf = nil
	if err != nil {
		return n - len(b) + s.pos, err
	}
	return n, nil
}

// finishCarry parses the kept number or literal, now known to be complete.
func (p *Parser) finishCarry() error {
	s := &p.s
	s.buf, s.pos, s.base = p.carry, 0, p.carryOff
	s.runDone = true
	err := p.one()
	s.runDone = false
	if err == nil && p.capt.on && !p.capt.pend {
		p.hold()
	}
	p.carry = p.carry[:0]
	s.buf = nil
	return err
}

// one reads and delivers exactly one token.
func (p *Parser) one() error {
	s := &p.s
	k, err := s.next()
	if err != nil {
		return err
	}
	if p.capt.on {
		if err := p.capBefore(k); err != nil {
			return err
		}
	}
	if err := p.h.HandleEvent(p, Event{Kind: k, Value: s.val[:len(s.val):len(s.val)], Offset: s.tokOff, Pattern: s.curMatch()}); err != nil {
		p.herr = err
		return err
	}
	if p.capt.on {
		return p.capAfter(k)
	}
	return nil
}

// run delivers every token of s.buf: those fastRun settles, and the others
// one at a time through next. While a value is captured, next delivers
// them all, each checked against the value's limit before its Handler call
// (capBefore) and looked at after it (capAfter).
func (p *Parser) run() error {
	s := &p.s
	h := p.h
	for {
		// A few bytes (trickling input) are next's: fastRun's setup would
		// cost more than it saves.
		if len(s.buf)-s.pos >= fastRunMin && !p.capt.on {
			if err := p.fastRun(); err != nil {
				return err
			}
		}
		k, err := s.next()
		if err != nil {
			if err == errNeedMore || err == errEnd {
				return nil
			}
			return err
		}
		if k == StringChunk {
			p.piece()
		}
		if p.capt.on {
			if err := p.capBefore(k); err != nil {
				return err
			}
		}
		if err := h.HandleEvent(p, Event{Kind: k, Value: s.val[:len(s.val):len(s.val)], Offset: s.tokOff, Pattern: s.curMatch()}); err != nil {
			p.herr = err
			return err
		}
		if p.capt.on {
			if err := p.capAfter(k); err != nil {
				return err
			}
		}
	}
}

// Close tells the parser the input has ended. It returns nil if the input
// was one complete JSON value (or, with AllowMultipleValues, a sequence of
// them), or the error that ends it: a *SyntaxError (ErrUnexpectedEOF when
// the input stops inside a value), or the Handler's error. Called from the
// Handler, it returns an error and does nothing (see Write).
func (p *Parser) Close() error {
	if p.busy {
		return errHandlerCall
	}
	p.busy = true
	defer p.done()
	return p.close()
}

func (p *Parser) close() error {
	if err := p.stopped(); err != nil {
		if err == ErrClosed {
			return nil
		}
		return err
	}
	p.closed = true
	s := &p.s
	s.eof = true
	if len(p.carry) > 0 {
		s.buf, s.pos, s.base = p.carry, 0, p.carryOff
		p.carry = p.carry[:0]
	} else {
		s.buf, s.pos, s.base = nil, 0, p.total
	}
	err := p.run()
	s.buf = nil
	return err
}

// InputOffset is the number of bytes written so far, once Write has
// returned. Called from a Handler it says only that the event's token lies
// at or after the bytes of earlier Writes (a number or literal completed
// by the current Write counts some of its bytes): Event.Offset is where
// the event is.
func (p *Parser) InputOffset() int64 { return p.total }

// Depth is the number of containers enclosing the current event's value
// (0 at the top level).
func (p *Parser) Depth() int { return p.s.depth }

// Index is the current event's element index when it is inside an array,
// or its member index (0-based) inside an object; -1 at the top level.
func (p *Parser) Index() int64 {
	if p.s.depth == 0 {
		return -1
	}
	return p.s.frames[p.s.depth-1].index
}

// AppendPath appends the current event's path in pattern form (member
// names joined by '.', "[]" for array elements, as "keys[].kid") to dst.
func (p *Parser) AppendPath(dst []byte) []byte { return p.s.appendPath(dst) }

// Path returns the current event's path in pattern form.
func (p *Parser) Path() string { return string(p.s.appendPath(nil)) }

// AppendPointer appends the current event's JSON Pointer (RFC 6901, with
// array indexes, as "/keys/0/kid") to dst.
func (p *Parser) AppendPointer(dst []byte) []byte { return p.s.appendPointer(dst) }

// Pointer returns the current event's JSON Pointer.
func (p *Parser) Pointer() string { return string(p.s.appendPointer(nil)) }

// AppendWildcard appends what wildcard i of the current event's matching
// pattern matched: the member name for a "*" segment, the rest of the path
// for a final "*". Wildcards are numbered from 0, left to right. ok is false
// if the event matches no pattern or the pattern has no wildcard i.
func (p *Parser) AppendWildcard(dst []byte, i int) (out []byte, ok bool) {
	return p.s.appendWildcard(dst, i)
}

// Wildcard is AppendWildcard returning a string ("" when there is none).
func (p *Parser) Wildcard(i int) string {
	b, _ := p.s.appendWildcard(nil, i)
	return string(b)
}

// errHandlerCall is the error of Write or Close called from the Parser's
// own Handler: misuse, which changes nothing. It matches ErrClosed
// (errors.Is): the Parser is closed to such a call.
var errHandlerCall error = &misuseError{"lejp: Parser.Write or Close called from its Handler", ErrClosed}
