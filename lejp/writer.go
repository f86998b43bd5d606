package lejp

import (
	"errors"
	"math"
	"strconv"
	"unicode/utf8"
)

// ErrWriter matches every error of a Writer but those of Flush's
// io.Writer: misuse (a value where a member name is due, a name outside an
// object, an unbalanced end, an unfinished document, a NaN or infinite
// float, Raw bytes that are not one valid JSON value, a call other than a
// piece inside a string begun with BeginString) and content the Writer
// refuses (a string or name that is not UTF-8, a duplicate member name).
// A refused content error also matches the parser's sentinel for the same
// rule, ErrInvalidUTF8 or ErrDuplicateName (and, from Raw, the cause in
// Check's *SyntaxError), so errors.Is tells the rule from either side. A
// misuse error's text says which misuse it was ("lejp: writer misuse: a
// second top-level value"); compare with errors.Is, not ==.
var ErrWriter = errors.New("lejp: writer misuse")

const hexDigits = "0123456789abcdef"

// AppendString appends s as a JSON string: '"', '\\' and the control
// characters U+0000 to U+001F are escaped (\n, \t, \r, \b, \f or
// \u00XX), everything else (DEL and U+2028 included) is copied, and bytes
// that are not UTF-8 are replaced by U+FFFD (written \ufffd, one per byte)
// so that the output is always valid JSON. The replacement changes the
// string without saying so: where that matters (a key ID, a header value),
// write with a Writer, which refuses such strings unless its
// AllowInvalidUTF8 is set, or check utf8.ValidString first.
func AppendString(dst []byte, s string) []byte {
	dst, _ = appendString(dst, s, false)
	return dst
}

// AppendStringBytes is AppendString for a byte slice.
// b must not overlap dst's spare capacity (dst[len(dst):cap(dst)]),
// where the result is written: the output is then unspecified.
func AppendStringBytes(dst, b []byte) []byte {
	dst, _ = appendString(dst, b, false)
	return dst
}

// AppendInt appends v in decimal.
func AppendInt(dst []byte, v int64) []byte { return strconv.AppendInt(dst, v, 10) }

// AppendUint appends v in decimal.
func AppendUint(dst []byte, v uint64) []byte { return strconv.AppendUint(dst, v, 10) }

// AppendFloat appends f as the shortest JSON number that reads back as the
// same float64, in the form ECMAScript uses (exponent only below 1e-6 or
// from 1e21). NaN and infinities have no JSON form and are an error,
// matching ErrWriter ("lejp: writer misuse: a NaN or infinite float").
// Negative zero is written -0, which reads back as negative zero, where
// ECMAScript's Number::toString and RFC 8785 (JCS) write 0 (as
// encoding/json/jsontext does, -0 is kept); a caller producing JCS
// output turns -0 into 0 first.
func AppendFloat(dst []byte, f float64) ([]byte, error) {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return dst, errFloat
	}
	abs := math.Abs(f)
	if abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		n := len(dst)
		dst = strconv.AppendFloat(dst, f, 'e', -1, 64)
		// "1e-07" → "1e-7"
		if k := len(dst) - n; k >= 4 && dst[len(dst)-4] == 'e' && dst[len(dst)-3] == '-' && dst[len(dst)-2] == '0' {
			dst[len(dst)-2] = dst[len(dst)-1]
			dst = dst[:len(dst)-1]
		}
		return dst, nil
	}
	return strconv.AppendFloat(dst, f, 'f', -1, 64), nil
}

// Writer builds a JSON document by appending to a byte slice (which Flush
// empties into an io.Writer, see below), putting in the commas and colons
// and checking the structure. It is, the zero Writer
// included, as strict as the parser's defaults on content: a string or
// member name that is not UTF-8 and a member name that the same object
// already has are refused (ErrInvalidUTF8, ErrDuplicateName), so what a
// Writer produces, a strict Parser, Decoder or Check accepts and reads
// back as the strings and names given, as long as it is within the
// reader's limits: the Writer bounds neither depth nor sizes (a document
// nested deeper than DefaultMaxDepth is written, and refused by a reader
// with the default Options). Names are compared as a reader decodes them,
// byte for byte after escapes (no Unicode normalization), only within one
// object. Two fields loosen these rules, as the Options fields of the same
// names do for the parser.
//
// Nothing panics: misuse or a refused string sets a sticky error, matching
// ErrWriter, that Err and Finish return; the call that caused it writes
// nothing and every later call does nothing. The zero Writer is ready to
// use and appends to a new slice; Reset gives it one to append to.
//
// To write a document of any size in bounded memory, call Flush whenever
// Bytes has grown enough (a few KiB): it writes them to an io.Writer and
// empties the buffer, keeping the Writer's place in the document, and
// after the last call Flush once more and check Finish's error. A long
// string goes in pieces between BeginString and EndString (a base64
// payload through base64.NewEncoder, see the Example of Flush). What a
// flushing Writer holds is then its buffer (and the bytes of the slice
// given to Reset), the member names of the open objects (their text and a
// few words each) and a few bytes per open container.
//
//	var w lejp.Writer
//	w.BeginObject()
//	w.Name("alg")
//	w.String("ES256")
//	w.EndObject()
//	b, err := w.Finish() // {"alg":"ES256"}
//
// Duplicate detection copies no name (it compares the text already written;
// Flush keeps the names of the open objects) and allocates nothing while the
// open objects hold 24 entries or fewer (one per open object, one per name
// of each), so a new Writer writes a JOSE header, JWK or claims set without
// allocating beyond its output. An object of up to 64 names is searched
// linearly; a larger one is indexed by a hash of its names (hash/maphash,
// with a random seed per Writer), so the cost stays linear in the number of
// names whatever they are, and a reused Writer (Reset) keeps its memory.
type Writer struct {
	// AllowInvalidUTF8 writes a string or name that is not UTF-8 with each
	// byte that is not part of a UTF-8 sequence replaced by \ufffd, as
	// AppendString does, instead of refusing it. The output is still valid
	// JSON, but it no longer carries the string given. Names are compared
	// after the replacement: "\xff" and "\ufffd" are the same name.
	AllowInvalidUTF8 bool
	// AllowDuplicateNames writes a member name that the object already
	// has; no names are then held. It is read when an object begins, and
	// holds for that object.
	AllowDuplicateNames bool

	buf   []byte
	depth int    // open arrays and objects
	objs  uint64 // bit d: the container at depth d < 64 is an object
	deep  []bool // containers at depth 64 and below: true for an object
	inObj bool   // the innermost open container is an object
	comma bool   // a value or member precedes: write ',' first
	name  bool   // a name was written: a value must follow
	done  bool   // the top-level value is complete
	// err is the sticky error, or, while a string is written in pieces,
	// errStringOpen (see stop): Err, Finish and Flush never return that.
	err error

	base    int   // buf[:base] holds the names Flush keeps (writerNames.keep)
	flushed int64 // bytes Flush has written
	strOff  int64 // the output offset of the string in pieces (its comma)
	pend    [3]byte
	npend   uint8 // pend[:npend]: an incomplete UTF-8 sequence of the pieces

	names writerNames
}

// Reset makes w append to dst (which may be nil), forgetting any state
// but keeping its AllowInvalidUTF8 and AllowDuplicateNames and the memory
// it holds. The bytes of dst are never written over: Flush writes them
// with what follows, once, and then holds them (use dst[:0] to reuse a
// buffer, or a prefix as short as it can be).
func (w *Writer) Reset(dst []byte) {
	w.buf, w.depth, w.objs, w.deep, w.inObj = dst, 0, 0, w.deep[:0], false
	w.comma, w.name, w.done, w.err = false, false, false, nil
	w.base, w.flushed, w.npend = 0, 0, 0
	w.names.reset()
	// Flush keeps names after dst's bytes, which are the caller's: a
	// Writer appends to dst, and writes over none of them.
	w.names.keptEnd = len(dst)
}

// Bytes returns what was written so far, since the last Flush if any. The
// slice is the Writer's buffer: after a Flush, later calls overwrite it.
func (w *Writer) Bytes() []byte { return w.buf[w.base:] }

// Err returns the first error (misuse, refused content, or the error of
// Flush's io.Writer), if any.
func (w *Writer) Err() error {
	if w.err == errStringOpen {
		return nil
	}
	return w.err
}

// Finish returns the document (since the last Flush if any; flush it too to
// have all of it), or the first error: misuse, refused content, the error
// of Flush's io.Writer, or, if the document is not complete, an error
// matching ErrWriter ("lejp: writer misuse: document not complete"). A
// string begun with BeginString and not ended is misuse.
func (w *Writer) Finish() ([]byte, error) {
	if w.err == nil {
		if !w.done || w.depth > 0 {
			w.err = errIncomplete
		}
	} else if w.err == errStringOpen {
		w.err = errFinishInString
	}
	return w.buf[w.base:], w.err
}

// writerMisuse makes a Writer's error for misuse: its text says what the
// misuse was ("lejp: writer misuse: a second top-level value"), and it
// matches ErrWriter.
func writerMisuse(why string) error {
	return &misuseError{msg: "lejp: writer misuse: " + why, is: ErrWriter}
}

// The Writer's misuse errors, made once so that setting one allocates
// nothing.
var (
	errIncomplete       error = writerMisuse("document not complete")
	errValueForName     error = writerMisuse("a value where a member name is due")
	errSecondValue      error = writerMisuse("a second top-level value")
	errNameOutside      error = writerMisuse("a member name outside an object")
	errNameForValue     error = writerMisuse("a member name where a value is due")
	errEndObjectNone    error = writerMisuse("EndObject without an open object")
	errEndArrayNone     error = writerMisuse("EndArray without an open array")
	errEndObjectInArray error = writerMisuse("EndObject with an array open")
	errEndArrayInObject error = writerMisuse("EndArray with an object open")
	errEndObjectAtValue error = writerMisuse("EndObject after a member name with no value")
	errFloat            error = writerMisuse("a NaN or infinite float")
)

func (w *Writer) misuse(err error) {
	if w.err == nil {
		w.err = err
	}
}

// stop is called where a call finds w.err set and does nothing: inside a
// string written in pieces, which holds errStringOpen there so that the
// other calls need no check of their own, the call is misuse.
func (w *Writer) stop() {
	if w.err == errStringOpen {
		w.err = errInString
	}
}

// writerError is a Writer's error for content it refuses: it matches both
// its cause (a sentinel of this package, or Check's *SyntaxError) and
// ErrWriter.
type writerError struct {
	cause error
	what  string // "a string", "a member name", "Raw"
	off   int64  // where in the output it would have started
}

func (e *writerError) Error() string {
	b := make([]byte, 0, 96)
	b = append(b, "lejp: writer: "...)
	if e.what == "Raw" {
		b = append(b, "Raw value at output offset "...)
		b = strconv.AppendInt(b, e.off, 10)
		b = append(b, ": "...)
		return string(append(b, e.cause.Error()...))
	}
	msg := e.cause.Error()
	if len(msg) > 6 && msg[:6] == "lejp: " {
		msg = msg[6:]
	}
	b = append(b, msg...)
	b = append(b, " ("...)
	b = append(b, e.what...)
	b = append(b, " at output offset "...)
	b = strconv.AppendInt(b, e.off, 10)
	return string(append(b, ')'))
}

// Unwrap returns the cause and ErrWriter.
func (e *writerError) Unwrap() []error { return []error{e.cause, ErrWriter} }

// refuse sets the sticky error for refused content and drops what the
// refused call appended after buf[off].
func (w *Writer) refuse(cause error, what string, off int) {
	w.refuseAt(cause, what, off, w.flushed+int64(off-w.base))
}

// refuseAt is refuse for content that started at output offset at, which
// may have been flushed: what is left of it from buf[cut] is dropped.
func (w *Writer) refuseAt(cause error, what string, cut int, at int64) {
	w.buf = w.buf[:cut]
	if w.err == nil {
		w.err = &writerError{cause: cause, what: what, off: at}
	}
}

// push and top keep the kinds of the open containers: a bit each for the
// first 64 levels, so that a new Writer allocates nothing for them.
func (w *Writer) push(obj bool) {
	if w.depth < 64 {
		if obj {
			w.objs |= 1 << w.depth
		} else {
			w.objs &^= 1 << w.depth
		}
	} else {
		w.deep = append(w.deep[:w.depth-64], obj)
	}
	w.depth++
	w.inObj = obj
}

// inObject reports whether the innermost open container is an object.
func (w *Writer) inObject() bool { return w.inObj }

// kindAt reports whether the container at depth d (or none, d < 0) is an
// object.
func (w *Writer) kindAt(d int) bool {
	switch {
	case d < 0:
		return false
	case d < 64:
		return w.objs&(1<<d) != 0
	default:
		return w.deep[d-64]
	}
}

// beforeValue writes the separator before a value and reports whether a
// value is allowed here.
func (w *Writer) beforeValue() bool {
	if w.err != nil {
		w.stop()
		return false
	}
	if w.inObject() {
		if !w.name {
			w.misuse(errValueForName)
			return false
		}
		w.name = false
		return true
	}
	if w.done {
		w.misuse(errSecondValue)
		return false
	}
	if w.comma {
		w.buf = append(w.buf, ',')
	}
	return true
}

func (w *Writer) afterValue() {
	if w.depth == 0 {
		w.done = true
	}
	w.comma = true
}

// Name writes a member name (and the ':' after it). A name that is not
// UTF-8 (unless AllowInvalidUTF8) or that the object already has (unless
// AllowDuplicateNames) is refused: ErrInvalidUTF8 or ErrDuplicateName,
// both also matching ErrWriter.
func (w *Writer) Name(s string) {
	start, ok := w.beforeName()
	if !ok {
		return
	}
	off := len(w.buf)
	// Escaped strictly first: a name that is not UTF-8 is refused or,
	// with AllowInvalidUTF8, escaped again with replacements; whether it
	// had any then takes no second pass over every name.
	replaced := false
	if w.buf, ok = appendString(w.buf, s, true); !ok {
		if !w.AllowInvalidUTF8 {
			w.refuse(ErrInvalidUTF8, "a member name", start)
			return
		}
		w.buf, _ = appendString(w.buf[:off], s, false)
		replaced = true
	}
	if !w.names.addQuick(off+1, len(w.buf)-1, s) &&
		w.names.add(w.buf, off+1, len(w.buf)-1, s, replaced) {
		w.refuse(ErrDuplicateName, "a member name", start)
		return
	}
	w.buf = append(w.buf, ':')
	w.name = true
}

// NameBytes is Name for a name given as bytes; b is not retained.
// As for StringBytes, b must not lie in the spare capacity of the slice
// given to Reset, where the Writer writes.
func (w *Writer) NameBytes(b []byte) {
	start, ok := w.beforeName()
	if !ok {
		return
	}
	off := len(w.buf)
	// Not escaped twice as Name does: b may lie in the spare capacity of
	// the slice given to Reset, where a strict pass that fails has written
	// over it (AppendStringBytes(b[:0], b[k:]) must come out as before).
	replaced := false
	if w.AllowInvalidUTF8 {
		w.buf, _ = appendString(w.buf, b, false)
		replaced = !utf8.Valid(b)
	} else if w.buf, ok = appendString(w.buf, b, true); !ok {
		w.refuse(ErrInvalidUTF8, "a member name", start)
		return
	}
	// The name's keys are read from the bytes written (src ""): b, as a
	// string, would be a copy.
	if w.names.add(w.buf, off+1, len(w.buf)-1, "", replaced) {
		w.refuse(ErrDuplicateName, "a member name", start)
		return
	}
	w.buf = append(w.buf, ':')
	w.name = true
}

// beforeName writes the comma before a name and returns where the member
// starts (before the comma), or false if a name is not allowed here.
func (w *Writer) beforeName() (int, bool) {
	if w.err != nil {
		w.stop()
		return 0, false
	}
	if !w.inObject() {
		w.misuse(errNameOutside)
		return 0, false
	}
	if w.name {
		w.misuse(errNameForValue)
		return 0, false
	}
	start := len(w.buf)
	if w.comma {
		w.buf = append(w.buf, ',')
	}
	return start, true
}

// BeginObject writes '{'.
func (w *Writer) BeginObject() {
	if w.beforeValue() {
		w.buf = append(w.buf, '{')
		w.push(true)
		if w.AllowDuplicateNames || !w.names.beginQuick() {
			w.names.begin(w.AllowDuplicateNames)
		}
		w.comma = false
	}
}

// EndObject writes '}'.
func (w *Writer) EndObject() { w.end(true, '}') }

// BeginArray writes '['.
func (w *Writer) BeginArray() {
	if w.beforeValue() {
		w.buf = append(w.buf, '[')
		w.push(false)
		w.comma = false
	}
}

// EndArray writes ']'.
func (w *Writer) EndArray() { w.end(false, ']') }

func (w *Writer) end(obj bool, c byte) {
	if w.err != nil {
		w.stop()
		return
	}
	switch {
	case w.depth == 0 && obj:
		w.misuse(errEndObjectNone)
		return
	case w.depth == 0:
		w.misuse(errEndArrayNone)
		return
	case w.inObject() != obj && obj:
		w.misuse(errEndObjectInArray)
		return
	case w.inObject() != obj:
		w.misuse(errEndArrayInObject)
		return
	case w.name:
		w.misuse(errEndObjectAtValue)
		return
	}
	if obj && !w.names.endQuick() {
		w.names.end()
	}
	w.depth--
	w.inObj = w.kindAt(w.depth - 1)
	w.buf = append(w.buf, c)
	w.afterValue()
}

// String writes a string value. A string that is not UTF-8 is refused
// (ErrInvalidUTF8, also matching ErrWriter) unless AllowInvalidUTF8 is set,
// when each byte that is not part of a UTF-8 sequence is written \ufffd.
func (w *Writer) String(s string) {
	start := len(w.buf) // before the comma beforeValue writes
	if !w.beforeValue() {
		return
	}
	var ok bool
	if w.buf, ok = appendString(w.buf, s, !w.AllowInvalidUTF8); !ok {
		w.refuse(ErrInvalidUTF8, "a string", start)
		return
	}
	w.afterValue()
}

// StringBytes is String for a string given as bytes.
// b must not lie in the spare capacity of the slice given to Reset
// (past its length), where the Writer writes: the output is then
// unspecified.
func (w *Writer) StringBytes(b []byte) {
	start := len(w.buf)
	if !w.beforeValue() {
		return
	}
	var ok bool
	if w.buf, ok = appendString(w.buf, b, !w.AllowInvalidUTF8); !ok {
		w.refuse(ErrInvalidUTF8, "a string", start)
		return
	}
	w.afterValue()
}

// Int writes an integer.
func (w *Writer) Int(v int64) {
	if w.beforeValue() {
		w.buf = AppendInt(w.buf, v)
		w.afterValue()
	}
}

// Uint writes an unsigned integer.
func (w *Writer) Uint(v uint64) {
	if w.beforeValue() {
		w.buf = AppendUint(w.buf, v)
		w.afterValue()
	}
}

// Float writes a float (see AppendFloat); NaN and infinities are misuse,
// and nothing is written.
func (w *Writer) Float(f float64) {
	start := len(w.buf) // before the comma beforeValue writes
	if w.beforeValue() {
		var err error
		if w.buf, err = AppendFloat(w.buf, f); err != nil {
			w.buf = w.buf[:start]
			w.misuse(errFloat)
			return
		}
		w.afterValue()
	}
}

// Bool writes true or false.
func (w *Writer) Bool(v bool) {
	if w.beforeValue() {
		if v {
			w.buf = append(w.buf, "true"...)
		} else {
			w.buf = append(w.buf, "false"...)
		}
		w.afterValue()
	}
}

// Null writes null.
func (w *Writer) Null() {
	if w.beforeValue() {
		w.buf = append(w.buf, "null"...)
		w.afterValue()
	}
}

// Raw writes v, which must be one complete JSON value (as returned by
// Decoder.ReadValue), byte for byte. It is checked first by Check with the
// strict defaults, whatever the Writer's Allow fields: a value that does
// not pass is an error matching ErrWriter and Check's *SyntaxError (so its
// sentinel, ErrDuplicateName for one), and nothing is written.
func (w *Writer) Raw(v []byte) {
	if w.err != nil {
		w.stop()
		return
	}
	if err := Check(v, nil); err != nil {
		w.refuse(err, "Raw", len(w.buf))
		return
	}
	if w.beforeValue() {
		w.buf = append(w.buf, v...)
		w.afterValue()
	}
}
