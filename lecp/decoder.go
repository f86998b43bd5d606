package lecp

import (
	"io"
)

// Decoder is the pull decoder: it reads one token at a time from an
// io.Reader (or a byte slice given whole). Tokens borrow the decoder's
// buffer until the next call. A Decoder holds a definite-length string whole
// (up to Options.MaxStringLen); StringReader streams one instead.
//
// A Decoder reads one top-level item, then io.EOF; with
// Options.AllowSequence it reads items until the input ends (RFC 8742).
//
// The zero Decoder, once Reset or ResetBytes gives it an input, reads with
// the default options, as NewDecoder(r, nil) does; before that, it reads an
// empty input (ErrUnexpectedEOF at offset 0), as does a Decoder given a nil
// io.Reader.
type Decoder struct {
	m     machine
	r     io.Reader
	buf   []byte
	pos   int  // buf[pos:] is unconsumed
	eof   bool // r is exhausted (or the input was given whole)
	whole bool // buf is the caller's slice
	keep  int  // buf[keep:] must be kept (ReadValue), or -1
	// keepDepth is the depth at which the value ReadValue reads starts,
	// for the path of its ErrValueTooLarge
	keepDepth int
	rerr      error
	sr        *stringReader // the last StringReader, for Finish
	// reading: r.Read is running (fill); a call of d's from inside it
	// returns errReaderCall and changes nothing
	reading bool
}

// NewDecoder returns a decoder reading from r. An error from r other than
// io.EOF is returned as it is, once the bytes read with it are read, r
// returning no bytes and no error 100 times in a row is io.ErrNoProgress
// (as for bufio.Reader and lejp's Decoder), and r returning a count below
// 0 or above the length of the slice it was given is an error matching
// bufio.ErrBadReadCount ("lecp: io.Reader returned an invalid count", not a
// *SyntaxError); all are sticky: once returned, each is returned by every
// later call, as a SyntaxError is, and More reports false. A nil r is an
// empty input.
//
// r's Read may call the Decoder's InputOffset, Depth, Path and
// AppendPath; its other methods called from inside Read (ReadToken,
// ReadValue, SkipValue, StringReader and its reader's Read, More, Finish,
// Reset, ResetBytes) are misuse and change nothing: those that return an error return one
// matching ErrClosed, More reports false, and Reset and ResetBytes do
// nothing. The call that was reading goes on as if they had not been made.
func NewDecoder(r io.Reader, opts *Options) *Decoder {
	d := &Decoder{r: r, keep: -1}
	d.m.init(opts)
	return d
}

// NewDecoderBytes returns a decoder over b, which it does not copy: tokens
// and values are slices of b, and map keys are compared in place, so b must
// not change while d reads it.
func NewDecoderBytes(b []byte, opts *Options) *Decoder {
	d := &Decoder{buf: b, eof: true, whole: true, keep: -1}
	d.m.init(opts)
	d.m.keys.src = b // stable: map keys are compared in place
	return d
}

// ResetBytes makes d read b from the start, keeping its options and buffers.
// A zero Decoder set up by ResetBytes or Reset has the default options.
// Called from d's own io.Reader, it does nothing (see NewDecoder).
func (d *Decoder) ResetBytes(b []byte) {
	if d.reading {
		return
	}
	d.initZero()
	d.m.reset()
	d.m.keys.src = b
	d.r, d.buf, d.pos, d.eof, d.whole, d.keep, d.rerr, d.sr = nil, b, 0, true, true, -1, nil, nil
}

// Reset makes d read r from the start, keeping its options and buffer.
// Called from d's own io.Reader, it does nothing (see NewDecoder).
func (d *Decoder) Reset(r io.Reader) {
	if d.reading {
		return
	}
	d.initZero()
	d.m.reset()
	if d.whole {
		d.buf = nil
	}
	d.r, d.buf, d.pos, d.eof, d.whole, d.keep, d.rerr, d.sr = r, d.buf[:0], 0, false, false, -1, nil, nil
}

// initZero gives a zero Decoder the default options.
func (d *Decoder) initZero() {
	if d.m.keys.lim == nil {
		d.m.init(nil)
	}
}

// Finish reads to the end of the input and returns nil if it held nothing
// after the items read so far; otherwise ErrTrailingData, ErrUnread (an
// item left partly read, below), or the error that stopped the decoder.
// With Options.AllowSequence, the remaining items are checked and skipped.
//
// Called before the end of an item, Finish reads and checks the rest of
// it and what follows it, so that the error says what the input is:
// ErrUnexpectedEOF where the input ends inside an item, the input's own
// error where it is malformed (ErrTrailingData for bytes after the item),
// and otherwise ErrUnread at the first byte left unread (with the path of
// the token there; inside a StringReader's string, the first byte the
// reader has not delivered, however much of the string the decoder has
// read ahead): the input is valid, but the caller stopped reading early.
// Ends that take no bytes (a definite array's or map's end after its last
// element, a tag's end) are not data: with only those due, Finish goes on
// as after the item. The error is sticky.
func (d *Decoder) Finish() error {
	if d.reading {
		return errReaderCall
	}
	if d.m.err != nil {
		return d.m.err
	}
	var unread *SyntaxError
	if !d.m.complete() || d.srPending() {
		var err error
		if unread, err = d.finishItem(); err != nil {
			return err
		}
	}
	for {
		if err := d.token(DefaultStringChunk); err != nil {
			if err != io.EOF {
				return err
			}
			if unread == nil {
				return nil
			}
			d.m.recheck = true
			d.m.err = unread
			return unread
		}
	}
}

// finishItem reads the rest of the top-level item, checking it, and
// returns ErrUnread at the offset where the caller stopped, with the path
// of the token there, if that left bytes unread. Where the caller stopped
// inside a StringReader's string, that is the first byte of it the reader
// has taken from the decoder and not delivered.
func (d *Decoder) finishItem() (*SyntaxError, error) {
	off := d.m.off
	unread := false
	var path string
	if d.srPending() {
		off -= int64(len(d.sr.data))
		unread, path = true, d.m.pathString()
	}
	d.sr = nil
	for !d.m.complete() {
		if err := d.token(DefaultStringChunk); err != nil {
			return nil, err // not io.EOF: the machine is not complete
		}
		if !unread && d.m.off > off {
			unread, path = true, d.m.pathString()
		}
	}
	if !unread {
		return nil, nil
	}
	return &SyntaxError{Offset: off, Path: path, Err: ErrUnread}, nil
}

// srPending reports whether the last StringReader holds bytes of its
// string it has taken from the decoder and not delivered, the decoder
// having read nothing since.
func (d *Decoder) srPending() bool {
	return d.sr != nil && len(d.sr.data) > 0 && d.sr.end == d.m.off
}

// fill reads more input so that at least need unconsumed bytes are
// buffered, or the input ends. Growth follows the bytes that actually
// arrive, never a declared length.
//
// While ReadValue reads from an io.Reader, the machine sees no more than
// MaxValueLen+1 bytes from the value's start (view), so that the value is
// judged by those bytes whatever the buffer's size and the reader's
// pieces: the machine needing more with all of them in view is
// ErrValueTooLarge, before any error of the reader's.
func (d *Decoder) fill(need int) error {
	if d.capped() {
		return d.tooLarge(false)
	}
	if d.rerr != nil {
		return d.readFailed()
	}
	if d.eof {
		return io.EOF
	}
	if d.r == nil {
		// a zero Decoder, or one given a nil reader: an empty input, with
		// the default options unless it has its own
		d.initZero()
		d.eof = true
		return io.EOF
	}
	if d.buf == nil {
		d.buf = make([]byte, 0, 4096)
	}
	for empty := 0; len(d.buf)-d.pos < need; {
		if d.capped() {
			return nil // the view is whole: the machine judges it
		}
		base := d.pos
		if d.keep >= 0 {
			base = d.keep
		}
		if base > 0 && len(d.buf) == cap(d.buf) {
			n := copy(d.buf, d.buf[base:])
			d.buf = d.buf[:n]
			d.pos -= base
			if d.keep >= 0 {
				d.keep = 0
			}
		}
		if len(d.buf) == cap(d.buf) {
			nb := make([]byte, len(d.buf), 2*cap(d.buf))
			copy(nb, d.buf)
			d.buf = nb
		}
		p := d.buf[len(d.buf):cap(d.buf)]
		n, err := d.read(p)
		if n < 0 || n > len(p) {
			// a broken reader, whose bytes cannot be told from what was
			// in the buffer before: sticky, as the reader's own errors
			d.rerr = errInvalidRead
			return d.readFailed()
		}
		d.buf = d.buf[:len(d.buf)+n]
		if n == 0 && err == nil {
			if empty++; empty == maxEmptyReads {
				// as bufio.Reader and lejp's Decoder: sticky, as the
				// reader's own errors
				d.rerr = io.ErrNoProgress
				return d.readFailed()
			}
			continue
		}
		empty = 0
		if err == io.EOF {
			d.eof = true
			if d.capped() {
				// the bytes that came with io.EOF filled the view: the
				// machine judges it, as when io.EOF comes on its own
				return nil
			}
			if len(d.buf)-d.pos < need {
				return io.EOF
			}
			return nil
		}
		if err != nil {
			// sticky; the bytes read with it first, as io.Reader's
			// contract asks: the same tokens and errors as when err
			// comes on the next Read
			d.rerr = err
			if n > 0 {
				return nil
			}
			return d.readFailed()
		}
	}
	return nil
}

// read calls r.Read with d.reading set, so that a call of d's from inside
// it is refused (errReaderCall). ReadToken's fast path needs a whole token
// in the buffer, which it does not hold while fill reads, so such a call
// reaches slowToken, which refuses it; m.recheck is set as well, so that
// the fast path hands it over without reading the buffer at all.
func (d *Decoder) read(p []byte) (int, error) {
	d.reading, d.m.recheck = true, true
	defer func() { d.reading = false }() // also when Read panics
	return d.r.Read(p)
}

// errReaderCall is the error of a Decoder's method called from inside its
// own io.Reader's Read: misuse, which changes nothing. It matches
// ErrClosed (errors.Is): the Decoder is closed to such a call.
var errReaderCall error = &misuseError{"lecp: Decoder called from its own io.Reader", ErrClosed}

// readFailed returns the reader's error, d.rerr, which stops d: the
// machine keeps it as its sticky error, so that every later call returns
// it (More reports false), as after a SyntaxError. Bytes that came with it
// were read first (fill returned nil for them).
func (d *Decoder) readFailed() error {
	d.m.recheck = true
	d.m.err = d.rerr
	return d.rerr
}

// capped reports whether ReadValue reads from an io.Reader and more than
// MaxValueLen bytes of the value are buffered: the machine then sees only
// the first MaxValueLen+1 of them (view).
func (d *Decoder) capped() bool {
	return d.keep >= 0 && !d.whole && len(d.buf)-d.keep > d.m.lim.maxValue
}

// view is the unconsumed input the machine is given: all of it, or while
// ReadValue reads from an io.Reader, up to the value's first MaxValueLen+1
// bytes.
func (d *Decoder) view() []byte {
	if d.capped() {
		return d.buf[d.pos : d.keep+d.m.lim.maxValue+1]
	}
	return d.buf[d.pos:]
}

// tooLarge fails with ErrValueTooLarge at the start of the value ReadValue
// reads, with its path; done: the value has ended (its last token read).
func (d *Decoder) tooLarge(done bool) error {
	m := &d.m
	m.recheck = true
	m.err = &SyntaxError{Offset: m.off - int64(d.pos-d.keep), Path: m.itemPath(d.keepDepth, done), Err: ErrValueTooLarge}
	return m.err
}

// token runs one step of the machine, reading more input as needed.
func (d *Decoder) token(chunk int) error {
	if d.m.err == nil && !d.m.lim.determ {
		if n, ok, err := d.m.fastStep(d.view(), chunk); ok {
			d.m.off += int64(n)
			d.pos += n
			return err
		}
	}
	for {
		n, err := d.m.next(d.view(), chunk)
		if err == nil {
			d.pos += n
			return nil
		}
		if err != errShort {
			return err
		}
		if ferr := d.fill(d.m.need); ferr != nil {
			if ferr != io.EOF {
				return ferr
			}
			if len(d.buf) > d.pos {
				return d.m.eofIn(d.buf[d.pos:])
			}
			if err := d.m.finish(); err != nil {
				return err
			}
			return io.EOF
		}
	}
}

// slowToken is ReadToken through token, where its fast path declines.
func (d *Decoder) slowToken() (tok Token, err error) {
	if d.reading {
		return Token{}, errReaderCall
	}
	if err := d.token(maxInt); err != nil {
		return Token{}, err
	}
	d.m.ev.setToken(&tok)
	return tok, nil
}

// setToken sets the fields of tok from e, one by one (a Token built whole
// and copied went through 16-byte moves reading back fields the machine had
// just stored one by one, which stalls store forwarding).
func (e *Event) setToken(tok *Token) {
	tok.Kind, tok.Indefinite, tok.Width = e.Kind, e.Indefinite, e.Width
	tok.Uint, tok.Float, tok.Value, tok.Offset = e.Uint, e.Float, e.Value, e.Offset
}

const maxInt = int(^uint(0) >> 1)

// maxEmptyReads is how many reads in a row may return no bytes and no
// error before fill gives up with io.ErrNoProgress (as bufio.Reader).
const maxEmptyReads = 100

// atBreak reports whether the next byte is the break that ends the
// indefinite-length item on top, where no item starts (a break after a map
// key is left to the machine, which reports it). The break stays unread,
// for ReadToken's end token, as the end of a definite container does.
func (d *Decoder) atBreak() bool {
	n := len(d.m.stack)
	if n == 0 || d.m.err != nil || d.m.str.left > 0 {
		return false
	}
	if f := &d.m.stack[n-1]; !f.indef || f.major == majMap && f.n&1 != 0 {
		return false
	}
	if d.pos == len(d.buf) && d.fill(1) != nil {
		return false
	}
	return d.pos < len(d.buf) && d.buf[d.pos] == 0xff
}

// ReadValue returns the exact bytes of the next item, as received, and
// moves past it. They borrow the decoder's buffer (or the input given to
// NewDecoderBytes) until the next call; their capacity ends with them, so
// an append copies. Reading from an io.Reader, the item is held whole, up
// to Options.MaxValueLen bytes: a longer one is ErrValueTooLarge at its
// start, with its path, unless its first MaxValueLen+1 bytes hold an error
// (see MaxValueLen: a fault past them is not looked for, so over the same
// bytes given whole the error can differ). Where no item starts (at the
// end of an array, map, tag or indefinite-length string) it returns
// ErrNoValue and leaves the end for ReadToken; after the last top-level
// item (or at the end of a sequence), io.EOF.
func (d *Decoder) ReadValue() ([]byte, error) {
	if d.reading {
		return nil, errReaderCall
	}
	if d.m.err != nil {
		return nil, d.m.err // before a due end: the error stopped d
	}
	if d.m.pend || d.atBreak() {
		return nil, ErrNoValue
	}
	d.keep = d.pos
	defer func() { d.keep = -1 }()
	depth := len(d.m.stack)
	d.keepDepth = depth
	for first := true; ; first = false {
		if err := d.token(maxInt); err != nil {
			if err == io.EOF && !first {
				err = d.m.fail(0, ErrUnexpectedEOF)
			}
			return nil, err
		}
		if first && d.m.ev.Kind.IsEnd() {
			return nil, ErrNoValue
		}
		if !d.whole && d.pos-d.keep > d.m.lim.maxValue {
			return nil, d.tooLarge(d.m.done && d.m.doneDepth == depth)
		}
		if d.m.done && d.m.doneDepth == depth {
			return d.buf[d.keep:d.pos:d.pos], nil
		}
	}
}

// SkipValue moves past the next item without holding it: long strings are
// read in pieces. Where no item starts it returns ErrNoValue, and after
// the last top-level item io.EOF, as ReadValue does.
func (d *Decoder) SkipValue() error {
	if d.reading {
		return errReaderCall
	}
	if d.m.err != nil {
		return d.m.err
	}
	if d.m.pend || d.atBreak() {
		return ErrNoValue
	}
	depth := len(d.m.stack)
	for first := true; ; first = false {
		if err := d.token(DefaultStringChunk); err != nil {
			if err == io.EOF && !first {
				err = d.m.fail(0, ErrUnexpectedEOF)
			}
			return err
		}
		if first && d.m.ev.Kind.IsEnd() {
			return ErrNoValue
		}
		if d.m.done && d.m.doneDepth == depth {
			return nil
		}
	}
}

// InputOffset is the number of input bytes consumed so far: the offset
// where the next token starts.
func (d *Decoder) InputOffset() int64 { return d.m.off }

// Depth is the number of arrays, maps, tags and indefinite-length strings
// open after the last token: 0 at the top level, 1 after the first
// ArrayStart, 0 again after its ArrayEnd, as lejp's Decoder.Depth. A start
// token counts the container it opens, so it is one more than the depth
// its Path names and than Parser.Depth of the same event (which is the
// depth outside the container).
func (d *Decoder) Depth() int { return len(d.m.stack) }

// Path returns the path of the last token (see the package documentation
// for the syntax).
func (d *Decoder) Path() string { return d.m.pathString() }

// AppendPath appends the path of the last token to dst, without allocating
// when dst has room (unless a key on the path is an array, map or tag).
func (d *Decoder) AppendPath(dst []byte) []byte { return d.m.appendPath(dst) }

// More reports whether the current array or map (or, at the top level with
// Options.AllowSequence, the input) has another item before its end. It may
// read input; an error is reported by the next ReadToken.
func (d *Decoder) More() bool {
	if d.reading || d.m.err != nil || d.m.pend {
		return false
	}
	if len(d.m.stack) == 0 {
		if d.m.nTop > 0 && !d.m.lim.allowMulti {
			return false
		}
		if len(d.buf) == d.pos && d.fill(1) != nil {
			return false
		}
		return len(d.buf) > d.pos
	}
	if len(d.buf) == d.pos && d.fill(1) != nil {
		return false
	}
	return len(d.buf) > d.pos && d.buf[d.pos] != 0xff
}

// StringReader returns a reader over the content of the next item, which
// must be a byte or text string (definite or indefinite length), and its
// kind (Bytes or Text). The content streams through in pieces, so a string
// of any length (up to Options.MaxStringLen) takes bounded memory; text is
// checked to be UTF-8 as it goes. A Read returns the content already read
// from the input without waiting for more, holding back only a UTF-8
// sequence of a text string that the input so far ends inside: the
// io.Reader is read only when there is nothing to return (StringReader too
// reads a definite-length string's head and then until it holds some of
// its content, or its end). Read the reader to io.EOF before using the
// decoder again, but for Finish, which counts what the reader has not
// delivered as unread: once the decoder has moved on (a read, another
// StringReader, Finish, Reset, or More refilling its buffer), the reader
// returns an error matching ErrNoValue and leaves the decoder as it is.
//
// Where no item starts (at the end of a container) and before an item that
// is not a string, it returns an error matching ErrNoValue and consumes
// nothing; after the last top-level item, io.EOF.
func (d *Decoder) StringReader() (Kind, io.Reader, error) {
	if d.reading {
		return Invalid, nil, errReaderCall
	}
	if d.m.err != nil {
		return Invalid, nil, d.m.err
	}
	if d.m.pend || d.atBreak() {
		return Invalid, nil, ErrNoValue
	}
	if d.itemNext() && (d.pos < len(d.buf) || d.fill(1) == nil) {
		// refuse another item before consuming its head (the machine
		// reports a malformed one at the next read)
		if ib := d.buf[d.pos]; ib != 0xff && ib>>5 != majBytes && ib>>5 != majText {
			return Invalid, nil, &notStrings[ib>>5]
		}
	}
	if err := d.token(chunkAvail); err != nil {
		return Invalid, nil, err // io.EOF: after the last item
	}
	sr := &stringReader{d: d, end: d.m.off, pos: d.pos}
	d.sr = sr
	switch k := d.m.ev.Kind; k {
	case Bytes, BytesChunk, Text, TextChunk:
		sr.data = d.m.ev.Value
		sr.last = k == Bytes || k == Text
		return Bytes + 2*((k-Bytes)/2), sr, nil
	case BytesStart, TextStart:
		sr.indef = true
		return Bytes + 2*((k-BytesStart)/2), sr, nil
	}
	// not reached: where an item comes next its head was checked above, and
	// elsewhere the machine reads a piece or chunk of a string or fails
	return Invalid, nil, &notString{d.m.ev.Kind.String()}
}

// itemNext reports whether the machine reads an item next: not a piece of
// a string, a chunk of an indefinite-length string, or data after the
// top-level item (whose errors the machine reports).
func (d *Decoder) itemNext() bool {
	m := &d.m
	if m.err != nil || m.str.left > 0 {
		return false
	}
	if n := len(m.stack); n > 0 {
		return m.stack[n-1].major > majText
	}
	return m.nTop == 0 || m.lim.allowMulti
}

// notStrings are StringReader's errors before an item of each major type.
var notStrings = [8]notString{{"an unsigned integer"}, {"a negative integer"}, {"a byte string"}, {"a text string"},
	{"an array"}, {"a map"}, {"a tag"}, {"a float or simple value"}}

type stringReader struct {
	d     *Decoder
	data  []byte
	end   int64 // the input offset where data ends
	pos   int   // the Decoder's buffer position then (More may move its buffer)
	last  bool  // data is the last piece
	indef bool
	done  bool
}

func (r *stringReader) Read(p []byte) (int, error) {
	if r.d.reading {
		return 0, errReaderCall
	}
	if len(r.data) == 0 && (r.done || r.last && !r.indef) {
		r.done = true
		return 0, io.EOF
	}
	if r.d.sr != r || r.d.m.off != r.end || r.d.pos != r.pos {
		// the Decoder moved on (read on, another StringReader, Finish,
		// Reset), or More moved its buffer, over data: its buffer and
		// tokens are no longer this string's
		return 0, errStaleString
	}
	for len(r.data) == 0 {
		if r.done || (r.last && !r.indef) {
			r.done = true
			return 0, io.EOF
		}
		if err := r.d.token(chunkAvail); err != nil {
			if err == io.EOF {
				err = r.d.m.fail(0, ErrUnexpectedEOF)
			}
			return 0, err
		}
		switch k := r.d.m.ev.Kind; k {
		case Bytes, Text, BytesChunk, TextChunk:
			r.data = r.d.m.ev.Value
			r.last = k == Bytes || k == Text
		case BytesEnd, TextEnd:
			r.done = true
			return 0, io.EOF
		}
		r.end, r.pos = r.d.m.off, r.d.pos
	}
	n := copy(p, r.data)
	r.data = r.data[n:]
	return n, nil
}

// errStaleString is the error of a StringReader's reader read after its
// Decoder moved on: misuse, which leaves the Decoder as it is. It matches
// ErrNoValue (errors.Is): the caller's reading is out of step.
var errStaleString error = &misuseError{"lecp: StringReader's reader read after its Decoder moved on", ErrNoValue}
