package lejp

import (
	"errors"
	"io"
)

// The Decoder's More and StringReader, the two methods lecp's Decoder has
// too. Both look at the next token before the machine reads it (peek);
// StringReader then has the machine read the string in stream mode, as the
// Parser does (stringstream.go), so that its pieces come through the
// string's own reader.

// More reports whether the current array or object (or, at the top level
// before the first value, or with Options.AllowMultipleValues, the input)
// has another element or member before its end: false where the next
// token is ']' or '}' or the input ends, and after the top-level value
// without AllowMultipleValues; true before anything else. After a member
// name it is true: the member's value is still to be read. It may read
// input, and so InputOffset may then be past whitespace before the next
// token; it reads no token. An error (a malformed next token, one
// held, the io.Reader's) is reported by the next ReadToken, and More
// returns false once one is held.
//
// Called before a reader from StringReader has returned io.EOF, More
// first reads that string to its end, as ReadToken would. Called from
// the Decoder's own io.Reader, it returns false.
func (d *Decoder) More() bool {
	if d.busy {
		return false
	}
	if d.sr.active && d.endString() != nil {
		return false
	}
	s := &d.s
	if s.err != nil || (s.state == stDone && !s.lim.allowMulti) {
		return false
	}
	c, _, ok := d.peek(false)
	return ok && c != ']' && c != '}'
}

// StringReader returns a reader over the decoded content of the next
// token, which must be a string value or a member name, and its kind
// (String or Name). A string value comes through in pieces of at most
// Options.StringChunk bytes, decoded and checked as it is read (escapes,
// \u surrogate pairs, UTF-8 unless Options.AllowInvalidUTF8), so that a
// string of any length up to Options.MaxStringLen (negative: no limit)
// takes bounded memory: MaxStringLen then bounds the string's
// length, not what the Decoder holds. A Read returns the content already
// read from the input without waiting for more, holding back only an
// escape or UTF-8 sequence the input so far ends inside: the io.Reader is
// read only when there is nothing to return (StringReader too reads until
// it holds some of the string, or its end). A member name is held whole,
// as ReadToken holds it (it is bounded by MaxNameLen and kept for
// duplicate detection).
//
// The reader's errors are those ReadToken would return for the string,
// *SyntaxError values at the same offsets, sticky as every error; as with
// the Parser's StringChunk events, pieces before an error found later in
// the string are delivered first. Read the reader to io.EOF before using
// the Decoder again: a ReadToken, ReadValue, SkipValue, More, Finish or
// StringReader call before that reads the rest of the string (checking
// it, so that a malformed rest is that call's error) and then goes on as
// if the string had been read with ReadToken, except that Finish returns
// ErrUnread at the string when the reader had not delivered all of it.
// Once the Decoder has moved on so, or has been reset, the reader returns
// an error matching ErrNoValue and changes nothing. While the reader is
// read, Path and Pointer are the string's and InputOffset is how far the
// input has been read. Each call returns a reader of its own (one small
// allocation, as lecp's StringReader makes): a reader kept after the
// Decoder has moved on never reads another string, and one read to io.EOF
// returns io.EOF from then on.
//
// Where the input ends inside a string value, or the io.Reader fails
// there, the reader delivers all of the string that was read, decoded
// (but for an escape, surrogate pair or UTF-8 sequence cut at the end),
// then the error: ErrUnexpectedEOF at the input's end, or the io.Reader's
// error, whether that came with the last bytes or on a later Read, and
// however the input was split. StringReader returns that error itself,
// with no reader, only for a member name (held whole) or where there is
// nothing to deliver. Where the string is malformed or too long, the error
// comes from StringReader when it is within the string's first piece,
// else from the reader after the pieces before it: a piece ends at
// Options.StringChunk bytes or where the input read so far ends,
// whichever comes first, so all but the piece found malformed is
// delivered. Either way the reader delivers what lecp's does.
//
// Should the io.Reader panic within StringReader (the panic recovered by
// the caller), the string is left as one whose reader was not read: the
// next call reads its rest, as above, and Finish returns ErrUnread at it.
//
// Where no string or name starts it reads no token (it may read input,
// and InputOffset may then be past whitespace, ',' or ':' before the next
// token) and returns an error matching ErrNoValue: ErrNoValue itself at
// the end of an object or array, another before a value that is not a
// string. That value is known by its first byte alone ('{', '[', 't',
// 'f', 'n', '-' or a digit), so a malformed one ("tru", "-x", "01") is
// refused so too, its syntax error left to the next ReadToken. At the end
// of the input it returns io.EOF; where the next byte starts no token
// allowed there (or the input ends early), the error ReadToken would
// return, sticky. Called from the Decoder's own io.Reader, it returns an
// error matching ErrClosed.
func (d *Decoder) StringReader() (Kind, io.Reader, error) {
	if d.busy {
		return Invalid, nil, errReaderCall
	}
	if d.sr.active {
		if err := d.endString(); err != nil {
			return Invalid, nil, err
		}
	}
	s := &d.s
	if s.err != nil {
		return Invalid, nil, s.err
	}
	c, st, ok := d.peek(true)
	if ok {
		switch st {
		case stValue, stFirstElem:
			switch {
			case c == '"':
				return d.startString()
			case c == ']' && st == stFirstElem:
				return Invalid, nil, ErrNoValue
			case c == '{':
				return Invalid, nil, errNotString[0]
			case c == '[':
				return Invalid, nil, errNotString[1]
			case c == 't' || c == 'f' || c == 'n':
				return Invalid, nil, errNotString[2]
			case c == '-' || c-'0' <= 9:
				return Invalid, nil, errNotString[3]
			}
		case stFirstName, stName:
			switch {
			case c == '"':
				return d.startString()
			case c == '}' && st == stFirstName:
				return Invalid, nil, ErrNoValue
			}
		case stAfter:
			if top := &s.frames[s.depth-1]; (c == '}' && top.obj) || (c == ']' && !top.obj) {
				return Invalid, nil, ErrNoValue
			}
		}
	}
	// The end of the input, or a token the grammar does not allow here:
	// the machine's verdict (io.EOF, or an error it holds from then on).
	// It reads no token here: every byte that would start one is taken
	// above.
	if _, err := d.readToken(); err != nil {
		return Invalid, nil, err
	}
	return Invalid, nil, errPeek // not reached
}

var (
	// errNotString is StringReader's error before a value that is not a
	// string, by what its first byte starts: the caller's reading is out
	// of step (errors.Is ErrNoValue).
	errNotString = [...]error{
		&misuseError{"lejp: StringReader: the next value is an object, not a string", ErrNoValue},
		&misuseError{"lejp: StringReader: the next value is an array, not a string", ErrNoValue},
		&misuseError{"lejp: StringReader: the next value is true, false or null, not a string", ErrNoValue},
		&misuseError{"lejp: StringReader: the next value is a number, not a string", ErrNoValue},
	}
	// errStaleString is the error of StringReader's reader read after its
	// Decoder moved on: misuse, which changes nothing (errors.Is
	// ErrNoValue).
	errStaleString error = &misuseError{"lejp: StringReader's reader read after its Decoder moved on", ErrNoValue}
	// errPeek would say that peek and the machine disagree.
	errPeek = errors.New("lejp: internal error: StringReader found no string the machine could read")
)

// startString has the machine read the string (or name) that peek found
// next, in stream mode: a string longer than a piece, or cut by the
// buffer's end, is decoded by the resumable decoder (startStream), piece by
// piece.
func (d *Decoder) startString() (Kind, io.Reader, error) {
	s := &d.s
	s.stream = true
	started := false
	defer func() {
		// Off however piece returns: a panic in the io.Reader included,
		// so that a Decoder Reset after one reads strings whole again.
		s.stream = false
		if !started {
			// A panic in the io.Reader (recovered by the caller), the
			// machine inside the string: the string is left as one
			// whose reader was not read, which the next call reads to
			// its end (endString), so that ReadToken never meets it
			// half read, nor ReadValue its start gone from the buffer.
			d.sr = stringReader{d: d, off: s.str.off, active: s.inStr, gen: d.sr.gen + 1}
			d.setFast()
		}
	}()
	k, err := d.piece()
	started = true
	if err != nil {
		d.setFast()
		return Invalid, nil, err
	}
	r := &d.sr
	*r = stringReader{d: d, data: s.val, off: s.tokOff, last: k != StringChunk, active: true, gen: r.gen + 1}
	d.fast = false // ReadToken's slow path ends the string (endString)
	h := &stringHandle{d: d, gen: r.gen}
	if k == Name {
		return Name, h, nil
	}
	return String, h, nil
}

// piece reads the next piece of the string StringReader is at, as next
// does, except that where the scanner needs more input while it holds
// decoded content, that content is the piece (heldPiece): the io.Reader
// is called only when there is nothing to return. Where the input ends
// inside the string, what the scanner holds of it is a piece too, before
// the error (which the scanner holds, sticky): whether the io.Reader
// returned io.EOF with its last bytes or on a Read of its own, every
// byte decoded is delivered, as lecp's reader delivers them.
func (d *Decoder) piece() (Kind, error) {
	for {
		k, err := d.s.next()
		switch {
		case err == nil:
			return k, nil
		case err != errNeedMore || d.r == nil:
			if cutEOF(err) && d.s.heldPiece() {
				return StringChunk, nil
			}
			return d.more(err)
		case d.s.heldPiece():
			return StringChunk, nil
		}
		if err := d.fill(); err != nil {
			// Sticky, as in more.
			if d.s.err == nil {
				d.s.err = err
			}
			return Invalid, err
		}
	}
}

// cutEOF reports whether err is the scanner's ErrUnexpectedEOF.
func cutEOF(err error) bool {
	se, ok := err.(*SyntaxError)
	return ok && se.Err == ErrUnexpectedEOF
}

// peek returns the first byte of the next token, skipping whitespace
// (and comments), and the grammar state the machine would read it in;
// with sep, past the ',' or ':' before it and, with AllowMultipleValues,
// past the end of the top-level value. ok is false at the end of the
// input, or on the io.Reader's error, which it holds as the machine does.
// It moves the scanner only where the machine would before reading the
// token, and only where it must (at the buffer's end, so that input is
// read without keeping what is passed, and into or out of a comment): over
// whitespace, comments and separators, to the state they lead to.
func (d *Decoder) peek(sep bool) (c byte, st uint8, ok bool) {
	s := &d.s
	comments := s.lim.allowComment
	for {
		st = s.state
		buf := s.buf
		i := s.pos
		for {
			if comments && s.inComm && i == s.pos {
				for i < len(buf) && buf[i] != '\n' {
					i++
				}
				if i == len(buf) {
					break
				}
				s.inComm = false
				s.state, s.pos = st, i
			}
			if i < len(buf) && buf[i] <= ' ' {
				i = skipWS(buf, i)
			}
			if comments && i < len(buf) && buf[i] == '#' {
				s.state, s.pos, s.inComm = st, i, true
				continue
			}
			if i >= len(buf) {
				break
			}
			c = buf[i]
			if sep {
				switch {
				case st == stColon && c == ':':
					st = stValue
					i++
					continue
				case st == stAfter && c == ',':
					if s.frames[s.depth-1].obj {
						st = stName
					} else {
						st = stValue
					}
					i++
					continue
				case st == stDone && s.lim.allowMulti:
					st = stValue
					continue
				}
			}
			return c, st, true
		}
		// The buffer ends before the token: as the machine does there,
		// move past what was read, then read on.
		s.state, s.pos = st, i
		if s.eof {
			return 0, st, false
		}
		if d.r == nil {
			// The zero Decoder, never given an input: an empty one (more).
			d.ResetBytes(nil)
			continue
		}
		if err := d.fill(); err != nil {
			if s.err == nil {
				s.err = err
			}
			d.setFast()
			return 0, st, false
		}
	}
}

// endString ends the string a reader from StringReader is over: it reads
// the rest (checked, its pieces dropped), then lets ReadToken take its
// fast path again. The reader is then stale.
func (d *Decoder) endString() error {
	r := &d.sr
	r.active, r.data = false, nil
	var err error
	for d.s.inStr && err == nil {
		_, err = d.next()
	}
	d.setFast()
	return err
}

// unreadString is the ErrUnread of Finish called with a reader from
// StringReader that has not delivered its whole string, or nil: the
// string is then read to its end (a malformed rest is the error).
func (d *Decoder) unreadString() (unread, err error) {
	r := &d.sr
	part := len(r.data) > 0 || !r.last
	off := r.off
	if err := d.endString(); err != nil {
		return nil, err
	}
	if !part {
		return nil, nil
	}
	return &SyntaxError{Offset: off, Path: string(d.s.appendPointer(nil)), Err: ErrUnread}, nil
}

// stringReader is the state of StringReader's reader, a field of the
// Decoder; the reader returned is a stringHandle over it.
type stringReader struct {
	d    *Decoder
	data []byte // the piece not yet delivered
	off  int64  // the string's offset
	last bool   // data is the string's last piece
	// active: the Decoder is at this string (not read to io.EOF, not
	// moved on); done: read to io.EOF.
	active, done bool
	// gen counts the readers returned and the resets: a stringHandle of
	// another gen is stale.
	gen uint64
}

// stale makes the reader stale, for Reset and ResetBytes: its Decoder
// (kept, for Read to look at) is at another input.
func (r *stringReader) stale() { r.data, r.active, r.done, r.gen = nil, false, false, r.gen+1 }

// stringHandle is the io.Reader StringReader returns: its Decoder's
// reader while that is still at the handle's string (gen), else stale.
type stringHandle struct {
	d   *Decoder
	gen uint64
	eof bool // Read returned io.EOF
}

// Read delivers the string's content, reading input as needed.
func (h *stringHandle) Read(p []byte) (int, error) {
	switch {
	case h.d.busy:
		return 0, errReaderCall
	case h.eof:
		return 0, io.EOF
	case h.gen != h.d.sr.gen:
		return 0, errStaleString
	}
	n, err := h.d.sr.read(p)
	h.eof = err == io.EOF
	return n, err
}

// read delivers the string's content, reading input as needed.
func (r *stringReader) read(p []byte) (int, error) {
	d := r.d
	for len(r.data) == 0 {
		if r.done {
			return 0, io.EOF
		}
		if !r.active {
			return 0, errStaleString
		}
		if r.last {
			r.done, r.active = true, false
			d.setFast()
			return 0, io.EOF
		}
		k, err := d.piece()
		if err != nil {
			return 0, err // held: ReadToken returns it too
		}
		r.data, r.last = d.s.val, k != StringChunk
	}
	n := copy(p, r.data)
	r.data = r.data[n:]
	return n, nil
}
