package lejp

import (
	"bufio"
	"errors"
	"io"
)

// ErrNoValue is returned by ReadValue, SkipValue and StringReader when the
// next token ends an object or array instead of starting a value (and,
// wrapped, by StringReader before a value that is not a string, and by its
// reader once stale). ReadValue and SkipValue read that end; StringReader,
// which reads no token, leaves it to ReadToken, as lecp's ReadValue,
// SkipValue and StringReader do. The input may well be valid: it is the
// caller's reading that is out of step.
var ErrNoValue = errors.New("lejp: no value here: end of object or array")

// Decoder is the pull parser: it returns one token per ReadToken, or one
// whole value's bytes per ReadValue. Tokens and values borrow the Decoder's
// buffer (or the input given to NewDecoderBytes) until the next call.
// ReadToken returns a string whole, so the Decoder holds up to
// Options.MaxStringLen bytes of one; StringReader (or a Parser) streams a
// string in pieces, in bounded memory, whatever its length up to
// MaxStringLen (which may then be lifted: negative is no limit). More
// reports whether an array or object has another element, as lecp's
// Decoder.More does.
//
// The zero Decoder, once Reset or ResetBytes gives it an input, reads with
// the default options, as NewDecoder(r, nil) does; before that, it reads
// an empty input (ErrUnexpectedEOF at offset 0). A Decoder is not safe for
// concurrent use.
//
// The io.Reader must not call its own Decoder's methods that read
// (ReadToken, ReadValue, SkipValue, Finish, StringReader and its reader's
// Read, More) or reset it (Reset, ResetBytes): called from its Read, the
// first five return an error matching ErrClosed (not a *SyntaxError), More
// returns false and the other two are ignored, and all leave the Decoder
// as it was, the call that is reading going on as if they had not been
// made. Depth, Path, AppendPath, Pointer,
// AppendPointer and InputOffset may be called from it.
type Decoder struct {
	s    scanner
	r    io.Reader
	rbuf []byte
	pin  int // index in s.buf that refills must keep (ReadValue), or -1, or pinTok
	// pinDepth is the depth of the value ReadValue reads (s.depth when
	// it began), for the path of its ErrValueTooLarge.
	pinDepth int
	// eof: r has returned io.EOF. s.eof says so too unless ReadValue's
	// view (s.buf, a prefix of rbuf) leaves bytes of rbuf out (setView).
	eof bool
	// rerr is an error r returned with bytes, returned once they are read.
	rerr error
	// fast: ReadToken may try its fast path (fastpull.go): no error is
	// held, no push is pending and comments are not allowed. Set where the
	// machine has run (setFast).
	fast bool
	// busy: r.Read is running (read): the methods that read or reset,
	// called from it, do nothing.
	busy bool
	// sr is StringReader's reader (decoder_stream.go); while it is
	// active, fast is off and every method that reads ends its string
	// first (endString).
	sr stringReader
}

// errReaderCall is the error of ReadToken, ReadValue, SkipValue or Finish
// called from the Decoder's own io.Reader: misuse, which changes nothing.
// It matches ErrClosed (errors.Is): the Decoder is closed to such a call.
var errReaderCall error = &misuseError{"lejp: Decoder method called from its io.Reader", ErrClosed}

// errInvalidRead: the io.Reader returned a count below 0 or above the
// length of the buffer it was given, breaking io.Reader's contract (as
// io.Copy's errInvalidWrite for a Writer). Sticky, as every error from r.
// It matches bufio.ErrBadReadCount (errors.Is), the standard library's
// sentinel for a Read that returned an impossible count.
var errInvalidRead error = &invalidReadError{}

// invalidReadError is errInvalidRead's type: lejp's message, the standard
// library's sentinel.
type invalidReadError struct{}

func (*invalidReadError) Error() string { return "lejp: io.Reader returned an invalid count" }

// Unwrap returns bufio.ErrBadReadCount.
func (*invalidReadError) Unwrap() error { return bufio.ErrBadReadCount }

// pinTok is d.pin while ReadValue reads the value's first token: the
// token being read (at s.pos) is the value, so that a long string is
// measured against MaxValueLen as it arrives, not once held whole.
const pinTok = -2

// NewDecoder returns a Decoder reading from r. Errors from r are returned
// as they are, once the bytes read with them are read, r returning
// no bytes and no error 100 times in a row is io.ErrNoProgress (as for
// bufio.Reader), and r returning a count below 0 or above the length of
// the slice it was given is an error that matches bufio.ErrBadReadCount
// ("lejp: io.Reader returned an invalid count", not a *SyntaxError); all
// are sticky.
func NewDecoder(r io.Reader, opts *Options) *Decoder {
	d := &Decoder{}
	d.s.init(opts)
	d.Reset(r)
	return d
}

// NewDecoderBytes returns a Decoder over b, which is the whole input. It
// reads b in place: no copy, no io.Reader, and names and unescaped strings
// point into b, which must therefore not change while d reads it (the
// names held for duplicate detection are b's bytes).
func NewDecoderBytes(b []byte, opts *Options) *Decoder {
	d := &Decoder{}
	d.s.init(opts)
	d.ResetBytes(b)
	return d
}

// Reset makes d read a new input from r, keeping its options and buffers
// but nothing of the previous input (a Decoder kept for reuse does not
// keep its last input alive). Called from d's own io.Reader, it does
// nothing.
func (d *Decoder) Reset(r io.Reader) {
	if d.busy {
		return
	}
	d.initZero()
	d.s.reset()
	d.s.noDecode = false // SkipValue's and Finish's, left set by a panic in r.Read
	d.sr.stale()
	d.r = r
	d.pin = -1
	d.eof, d.rerr = false, nil
	d.rbuf = d.rbuf[:0]
	d.s.buf = d.rbuf
	d.s.borrowNames = false
	d.setFast()
}

// ResetBytes makes d read b, the whole input, keeping its options and
// buffers but nothing of the previous input; ResetBytes(nil) lets a Decoder
// kept for reuse drop its last input. Called from d's own io.Reader, it
// does nothing.
func (d *Decoder) ResetBytes(b []byte) {
	if d.busy {
		return
	}
	d.initZero()
	d.s.reset()
	d.s.noDecode = false // SkipValue's and Finish's, left set by a panic in r.Read
	d.sr.stale()
	d.r = nil
	d.pin = -1
	d.s.buf = b
	d.s.eof = true
	d.s.borrowNames = true
	d.setFast()
}

// initZero gives a zero Decoder (never made by NewDecoder or
// NewDecoderBytes) the default options: resolved limits are never zero.
func (d *Decoder) initZero() {
	if d.s.lim.maxDepth == 0 {
		d.s.init(nil)
	}
}

// setFast sets d.fast from the scanner's state.
func (d *Decoder) setFast() {
	d.fast = d.s.err == nil && d.s.pendPush == 0 && !d.s.lim.allowComment && !noFastPull && !d.sr.active
}

// maxEmptyReads is how many reads in a row may return no bytes and no
// error before fill gives up with io.ErrNoProgress (as bufio.Reader).
const maxEmptyReads = 100

// fill reads more input into the buffer, keeping the unfinished token (and
// the pinned value). While ReadValue reads (d.pin set), the scanner sees
// no more than MaxValueLen+1 bytes of the value (setView), so that a value
// is judged by those bytes whatever the buffer's size and the reader's
// pieces: the scanner needing more with all of them in view is
// ErrValueTooLarge.
func (d *Decoder) fill() error {
	s := &d.s
	if d.pin != -1 {
		if start := d.valueStart(); len(s.buf)-start > s.lim.maxValue {
			if d.pin >= 0 {
				return d.tooLarge(s.base+int64(start), d.pinDepth)
			}
			// The value is the token cut at s.pos; in an array it is
			// the next element, counted when it ends (or fails).
			// A member name cut has no path yet: the object's.
			depth := d.pinDepth
			switch s.state {
			case stValue, stFirstElem:
				s.beginElem()
			case stName:
				depth--
			}
			return d.tooLarge(s.base+int64(start), depth)
		}
	}
	keep := s.pos
	if d.pin >= 0 && d.pin < keep {
		keep = d.pin
	}
	if keep > 0 {
		n := copy(d.rbuf[:cap(d.rbuf)], d.rbuf[keep:])
		d.rbuf = d.rbuf[:n]
		s.base += int64(keep)
		s.pos -= keep
		if d.pin >= 0 {
			d.pin -= keep
		}
		s.buf = d.rbuf[:len(s.buf)-keep]
	}
	if len(s.buf) < len(d.rbuf) || d.eof {
		// Bytes read and left out of the view, or the input's end kept
		// from it: take them first (r is not read after io.EOF).
		d.setView()
		return nil
	}
	if d.rerr != nil {
		return d.rerr
	}
	if len(d.rbuf) == cap(d.rbuf) {
		nb := make([]byte, len(d.rbuf), max(16<<10, 2*cap(d.rbuf)))
		copy(nb, d.rbuf)
		d.rbuf = nb
	}
	for empty := 0; ; empty++ {
		if empty == maxEmptyReads {
			return io.ErrNoProgress
		}
		p := d.rbuf[len(d.rbuf):cap(d.rbuf)]
		n, err := d.read(p)
		if n < 0 || n > len(p) {
			// Not the input's fault: a broken reader, whose bytes
			// cannot be told from what was in the buffer before.
			return errInvalidRead
		}
		d.rbuf = d.rbuf[:len(d.rbuf)+n]
		if err == io.EOF {
			d.eof = true
		}
		d.setView()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			if n > 0 {
				// The bytes first, as io.Reader's contract asks: the
				// same tokens and errors as when err comes on the next
				// Read.
				d.rerr = err
				return nil
			}
			return err
		}
		if n > 0 {
			return nil
		}
	}
}

// read calls r.Read with d closed to calls from it: busy, and fast off so
// that ReadToken takes the machine's path, which checks busy (the fast
// path does not look; it would find the token at s.pos cut, as it is
// whenever d reads, but that is not its to know). Both are restored
// however Read returns, a panic included.
func (d *Decoder) read(p []byte) (int, error) {
	fast := d.fast
	d.fast, d.busy = false, true
	defer func() { d.fast, d.busy = fast, false }()
	return d.r.Read(p)
}

// valueStart is where in s.buf the value ReadValue reads starts: d.pin,
// or while its first token is read, s.pos (the token's start, or where
// the whitespace before it was read to).
func (d *Decoder) valueStart() int {
	if d.pin == pinTok {
		return d.s.pos
	}
	return d.pin
}

// setView points the scanner at the bytes read: all of them, or while
// ReadValue reads, at most MaxValueLen+1 bytes from the value's start, and
// then not as the input's end (even where it ends there): a value is
// judged by those bytes alone, whether r gave io.EOF with the last of
// them or on the next Read.
func (d *Decoder) setView() {
	s := &d.s
	s.buf, s.eof = d.rbuf, d.eof
	if d.pin != -1 {
		if start := d.valueStart(); len(d.rbuf)-start > s.lim.maxValue {
			s.buf, s.eof = d.rbuf[:start+s.lim.maxValue+1], false
		}
	}
}

// tooLarge fails with ErrValueTooLarge at off, the offset of the value
// ReadValue reads, with the path of that value, at depth (not that of the
// element inside it being read when the buffer filled).
func (d *Decoder) tooLarge(off int64, depth int) error {
	s := &d.s
	s.err = &SyntaxError{Offset: off, Path: string(s.appendPointerTo(nil, depth)), Err: ErrValueTooLarge}
	return s.err
}

// next reads one token, refilling as needed; io.EOF at the clean end.
func (d *Decoder) next() (Kind, error) {
	k, err := d.s.next()
	if err == nil {
		return k, nil
	}
	return d.more(err)
}

// more goes on from the scanner's result err (not nil): it refills and
// reads again while the scanner needs more input.
func (d *Decoder) more(err error) (Kind, error) {
	for {
		switch err {
		case errEnd:
			return Invalid, io.EOF
		case errNeedMore:
			if d.r == nil {
				// Bytes input is whole: only the zero Decoder, never
				// given an input, gets here. It reads an empty one.
				d.ResetBytes(nil)
				break
			}
			if err := d.fill(); err != nil {
				// Sticky, as a syntax error is: the input is cut where
				// the Read failed, maybe inside a value ReadValue was
				// reading.
				if d.s.err == nil {
					d.s.err = err
				}
				return Invalid, err
			}
		default:
			return Invalid, err
		}
		var k Kind
		if k, err = d.s.next(); err == nil {
			return k, nil
		}
	}
}

// readToken is ReadToken by the machine (next); the fast path
// (fastpull.go) comes here for every token it does not take.
func (d *Decoder) readToken() (t Token, err error) {
	if d.busy {
		return t, errReaderCall
	}
	if d.sr.active {
		if err = d.endString(); err != nil {
			return t, err
		}
	}
	if d.atCleanEnd() {
		return t, io.EOF
	}
	k, err := d.s.next() // d.next, one call shallower
	if err != nil {
		k, err = d.more(err)
	}
	d.setFast()
	if err != nil {
		return t, err
	}
	// Field by field into the result, which is zero already: a composite
	// literal would clear it a second time.
	// Values are capped (here and wherever a token or event leaves the
	// package): an append to one copies it instead of writing over the
	// input after it, still to be read.
	t.Kind, t.Value, t.Offset = k, d.s.val[:len(d.s.val):len(d.s.val)], d.s.tokOff
	return t, nil
}

// ReadValue returns the raw bytes of the next value (from its first byte to
// its last, checked by the same strict rules as every token). If the next
// token is a member name, it returns the name with its quotes; if it is the
// end of an object or array, it reads that end and returns ErrNoValue; at
// the end of the input, io.EOF. Reading from an io.Reader, a value larger
// than Options.MaxValueLen is an error, ErrValueTooLarge at its start,
// unless its first MaxValueLen+1 bytes hold an error (see MaxValueLen).
// The bytes are the input's: with Options.AllowComments, a comment inside
// the value is among them, and a strict reader (Check with nil Options)
// rejects them.
func (d *Decoder) ReadValue() ([]byte, error) {
	if d.busy {
		return nil, errReaderCall
	}
	if d.sr.active {
		if err := d.endString(); err != nil {
			return nil, err
		}
	}
	if d.r == nil {
		return d.readValue()
	}
	v, err := d.readValue()
	d.pin = -1
	d.setView() // all that was read
	return v, err
}

func (d *Decoder) readValue() ([]byte, error) {
	s := &d.s
	d.flushPush()
	d0 := s.depth
	d.pinDepth = d0
	// Token by token, through ReadToken's fast path (readFast); from an
	// io.Reader, the scanner sees MaxValueLen+1 bytes from the value's
	// start at most (setView).
	if d.r != nil {
		d.pin = pinTok
		d.setView()
	}
	k, _, off, err := d.readFast()
	d.pin = -1
	if err != nil {
		return nil, err
	}
	start := int(off - s.base)
	if k == ObjectEnd || k == ArrayEnd {
		return nil, ErrNoValue
	}
	if k == ObjectStart || k == ArrayStart {
		d.pin = start
		if d.r != nil {
			d.setView()
		}
		for {
			k, _, _, err = d.readFast()
			if err != nil {
				d.pin = -1
				return nil, err
			}
			if (k == ObjectEnd || k == ArrayEnd) && s.depth == d0 {
				break
			}
		}
		start = d.pin
		d.pin = -1
	}
	// fill stops a value whose first MaxValueLen+1 bytes do not end it;
	// one that ends in them is measured here.
	if d.r != nil && s.pos-start > s.lim.maxValue {
		depth := d0
		if k == Name {
			depth-- // the object's path, as for a name cut (fill)
		}
		err := d.tooLarge(s.base+int64(start), depth)
		d.setFast()
		return nil, err
	}
	// Capped: an append to the value copies it instead of writing over
	// the input after it, which is still to be read.
	return s.buf[start:s.pos:s.pos], nil
}

// SkipValue reads past the next value (or member name), checking it, token
// by token: it holds no more than ReadToken does (one token; a string
// whole, up to Options.MaxStringLen), so a value of any size is skipped in
// bounded memory and Options.MaxValueLen does not apply. Where the next
// token ends an object or array it reads that end and returns ErrNoValue;
// at the end of the input, io.EOF.
func (d *Decoder) SkipValue() error {
	if d.busy {
		return errReaderCall
	}
	if d.sr.active {
		if err := d.endString(); err != nil {
			return err
		}
	}
	s := &d.s
	nd := s.noDecode
	s.noDecode = true // checked, not decoded
	err := d.skipValue()
	s.noDecode = nd
	return err
}

// flushPush opens the container whose start the last token read, if its
// push was left pending, before a value is read whole or skipped.
func (d *Decoder) flushPush() {
	if s := &d.s; s.pendPush != 0 {
		s.push(s.pendPush == 1)
		s.pendPush = 0
		d.setFast()
	}
}

func (d *Decoder) skipValue() error {
	s := &d.s
	d.flushPush()
	d0 := s.depth
	k, _, _, err := d.readFast()
	if err != nil {
		return err
	}
	switch k {
	case ObjectEnd, ArrayEnd:
		return ErrNoValue
	case ObjectStart, ArrayStart:
		for {
			if k, _, _, err = d.readFast(); err != nil {
				return err
			}
			if (k == ObjectEnd || k == ArrayEnd) && s.depth == d0 {
				return nil
			}
		}
	}
	return nil
}

// Finish reads to the end of the input and returns nil if it holds
// nothing but whitespace after the top-level value read (with
// AllowMultipleValues, the values after it are checked and skipped);
// otherwise the error that ends it, sticky as every error.
//
// Called before the end of the top-level value, Finish reads and checks
// the rest of it and what follows it, so that the error says what the
// input is: a *SyntaxError with ErrUnexpectedEOF where the input ends
// inside a value (it matches io.ErrUnexpectedEOF), the input's own cause
// where it is malformed, inside the value or after it (ErrTrailingData for
// bytes after the top-level value), each with the offset and path that
// reading on token by token would have given; and otherwise ErrUnread at
// the first token left unread, with its path: the input is valid, but the
// caller stopped reading early.
func (d *Decoder) Finish() error {
	if d.busy {
		return errReaderCall
	}
	var unread error
	if d.sr.active {
		var err error
		if unread, err = d.unreadString(); err != nil {
			return err
		}
	}
	err := d.finishRest()
	if unread != nil && (err == nil || errors.Is(err, ErrUnread)) {
		// A string part-read by StringReader's reader is the first
		// token left unread.
		d.s.err = unread
		d.setFast()
		return unread
	}
	return err
}

// finishRest is Finish once a string StringReader began is read.
func (d *Decoder) finishRest() error {
	if d.atCleanEnd() {
		return nil
	}
	s := &d.s
	if s.err != nil {
		return s.err
	}
	// The rest is checked, not decoded, as SkipValue does.
	nd := s.noDecode
	s.noDecode = true
	err := d.finish()
	s.noDecode = nd
	d.setFast()
	return err
}

// finish is Finish after its checks: it reads the rest of the top-level
// value, if one is under way or due, then what follows it, so that input
// malformed after the value is its error rather than ErrUnread.
func (d *Decoder) finish() error {
	s := &d.s
	var unread error
	if s.pendPush != 0 || s.depth > 0 || (s.state != stDone && !s.lim.allowMulti) {
		// At least one token is unread: every end of a JSON value is a byte.
		if _, err := d.next(); err != nil {
			return err // not io.EOF: a value is under way or due
		}
		unread = &SyntaxError{Offset: s.tokOff, Path: string(s.appendPointer(nil)), Err: ErrUnread}
		for s.pendPush != 0 || s.depth > 0 {
			if _, err := d.next(); err != nil {
				return err
			}
		}
	}
	for {
		if _, err := d.next(); err != nil {
			if err != io.EOF {
				return err
			}
			break
		}
	}
	if unread != nil {
		s.err = unread
	}
	return unread
}

// InputOffset is the offset just past the last token read (the
// whitespace after it is read with the next token) and, once ReadToken,
// ReadValue or SkipValue has returned io.EOF or Finish nil, the input's
// length: the whitespace after the last value is read too. After an
// error it is where reading stopped, at or past the end of the last token
// returned (a duplicate name, for one, is read before it is refused): not
// the error's place, which is SyntaxError.Offset.
func (d *Decoder) InputOffset() int64 { return d.s.base + int64(d.s.pos) }

// Depth is the number of containers open after the last token (1 after the
// first '{').
func (d *Decoder) Depth() int {
	if d.s.pendPush != 0 {
		return d.s.depth + 1
	}
	return d.s.depth
}

// AppendPath appends the last token's path in pattern form ("keys[].kid").
func (d *Decoder) AppendPath(dst []byte) []byte { return d.s.appendPath(dst) }

// Path returns the last token's path in pattern form.
func (d *Decoder) Path() string { return string(d.s.appendPath(nil)) }

// AppendPointer appends the last token's JSON Pointer ("/keys/0/kid").
func (d *Decoder) AppendPointer(dst []byte) []byte { return d.s.appendPointer(dst) }

// Pointer returns the last token's JSON Pointer.
func (d *Decoder) Pointer() string { return string(d.s.appendPointer(nil)) }

// atCleanEnd reports whether only whitespace follows the top-level value of
// a whole input, and if so moves past it, as next does before it reports
// the end (atEnd's errEnd): the common end, without the machine. Not with
// comments (d.fast is false), where next must judge.
func (d *Decoder) atCleanEnd() bool {
	s := &d.s
	if d.fast && s.state == stDone && s.eof {
		if i := skipWS(s.buf, s.pos); i == len(s.buf) {
			s.pos = i
			return true
		}
	}
	return false
}
