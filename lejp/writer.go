package lejp

import (
	"errors"
	"math"
	"strconv"
	"unicode/utf8"
)

// ErrWriter is the Writer's error for misuse: a value where a member name
// is due, a name outside an object, an unbalanced end, an unfinished
// document, a NaN or infinite float, or Raw bytes that are not one valid
// JSON value.
var ErrWriter = errors.New("lejp: writer misuse")

const hexDigits = "0123456789abcdef"

// AppendString appends s as a JSON string: '"', '\\' and control
// characters are escaped (\n, \t, \r, \b, \f or \u00XX), everything else is
// copied, and bytes that are not UTF-8 are replaced by U+FFFD so that the
// output is always valid JSON.
func AppendString(dst []byte, s string) []byte {
	dst = append(dst, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x20 && c != '"' && c != '\\' && c < utf8.RuneSelf {
			i++
			continue
		}
		if c >= utf8.RuneSelf {
			r, n := utf8.DecodeRuneInString(s[i:])
			if r != utf8.RuneError || n != 1 {
				i += n
				continue
			}
			dst = append(dst, s[start:i]...)
			dst = append(dst, "\\ufffd"...)
			i++
			start = i
			continue
		}
		dst = append(dst, s[start:i]...)
		switch c {
		case '"', '\\':
			dst = append(dst, '\\', c)
		case '\n':
			dst = append(dst, '\\', 'n')
		case '\r':
			dst = append(dst, '\\', 'r')
		case '\t':
			dst = append(dst, '\\', 't')
		case '\b':
			dst = append(dst, '\\', 'b')
		case '\f':
			dst = append(dst, '\\', 'f')
		default:
			dst = append(dst, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&15])
		}
		i++
		start = i
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}

// AppendStringBytes is AppendString for a byte slice.
func AppendStringBytes(dst, b []byte) []byte {
	// The conversion does not allocate: the compiler passes b's bytes.
	return AppendString(dst, string(b))
}

// AppendInt appends v in decimal.
func AppendInt(dst []byte, v int64) []byte { return strconv.AppendInt(dst, v, 10) }

// AppendUint appends v in decimal.
func AppendUint(dst []byte, v uint64) []byte { return strconv.AppendUint(dst, v, 10) }

// AppendFloat appends f as the shortest JSON number that reads back as the
// same float64, in the form ECMAScript uses (exponent only below 1e-6 or
// from 1e21). NaN and infinities have no JSON form and are an error.
func AppendFloat(dst []byte, f float64) ([]byte, error) {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return dst, ErrWriter
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

// Writer builds a JSON document by appending to a byte slice, putting in
// the commas and colons and checking the structure. Misuse does not panic:
// it sets a sticky error (ErrWriter) that Finish returns. The zero Writer
// is ready to use and appends to a new slice; Reset gives it one to append
// to.
//
//	var w lejp.Writer
//	w.BeginObject()
//	w.Name("alg")
//	w.String("ES256")
//	w.EndObject()
//	b, err := w.Finish() // {"alg":"ES256"}
type Writer struct {
	buf   []byte
	stack []bool // true: object
	comma bool   // a value or member precedes: write ',' first
	name  bool   // a name was written: a value must follow
	done  bool   // the top-level value is complete
	err   error
}

// Reset makes w append to dst (which may be nil), forgetting any state.
func (w *Writer) Reset(dst []byte) {
	*w = Writer{buf: dst, stack: w.stack[:0]}
}

// Bytes returns what was written so far.
func (w *Writer) Bytes() []byte { return w.buf }

// Err returns the first misuse, if any.
func (w *Writer) Err() error { return w.err }

// Finish returns the document, or ErrWriter if it was misused or is not
// complete.
func (w *Writer) Finish() ([]byte, error) {
	if w.err == nil && (!w.done || len(w.stack) > 0) {
		w.err = ErrWriter
	}
	return w.buf, w.err
}

func (w *Writer) misuse() {
	if w.err == nil {
		w.err = ErrWriter
	}
}

// beforeValue writes the separator before a value and reports whether a
// value is allowed here.
func (w *Writer) beforeValue() bool {
	if w.err != nil {
		return false
	}
	if n := len(w.stack); n > 0 && w.stack[n-1] {
		if !w.name {
			w.misuse()
			return false
		}
		w.name = false
		return true
	}
	if w.done {
		w.misuse()
		return false
	}
	if w.comma {
		w.buf = append(w.buf, ',')
	}
	return true
}

func (w *Writer) afterValue() {
	if len(w.stack) == 0 {
		w.done = true
	}
	w.comma = true
}

// Name writes a member name (and the ':' after it).
func (w *Writer) Name(s string) {
	if w.err != nil {
		return
	}
	if n := len(w.stack); n == 0 || !w.stack[n-1] || w.name {
		w.misuse()
		return
	}
	if w.comma {
		w.buf = append(w.buf, ',')
	}
	w.buf = AppendString(w.buf, s)
	w.buf = append(w.buf, ':')
	w.name = true
}

// NameBytes writes a member name given as bytes.
func (w *Writer) NameBytes(b []byte) { w.Name(string(b)) }

// BeginObject writes '{'.
func (w *Writer) BeginObject() {
	if w.beforeValue() {
		w.buf = append(w.buf, '{')
		w.stack = append(w.stack, true)
		w.comma = false
	}
}

// EndObject writes '}'.
func (w *Writer) EndObject() { w.end(true, '}') }

// BeginArray writes '['.
func (w *Writer) BeginArray() {
	if w.beforeValue() {
		w.buf = append(w.buf, '[')
		w.stack = append(w.stack, false)
		w.comma = false
	}
}

// EndArray writes ']'.
func (w *Writer) EndArray() { w.end(false, ']') }

func (w *Writer) end(obj bool, c byte) {
	if w.err != nil {
		return
	}
	n := len(w.stack)
	if n == 0 || w.stack[n-1] != obj || w.name {
		w.misuse()
		return
	}
	w.stack = w.stack[:n-1]
	w.buf = append(w.buf, c)
	w.afterValue()
}

// String writes a string value.
func (w *Writer) String(s string) {
	if w.beforeValue() {
		w.buf = AppendString(w.buf, s)
		w.afterValue()
	}
}

// StringBytes writes a string value given as bytes.
func (w *Writer) StringBytes(b []byte) { w.String(string(b)) }

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

// Float writes a float (see AppendFloat); NaN and infinities are misuse.
func (w *Writer) Float(f float64) {
	if w.beforeValue() {
		var err error
		if w.buf, err = AppendFloat(w.buf, f); err != nil {
			w.misuse()
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
// Decoder.ReadValue), byte for byte. It is checked strictly first; a value
// that does not pass is misuse and nothing is written.
func (w *Writer) Raw(v []byte) {
	if w.err != nil {
		return
	}
	if Check(v, nil) != nil {
		w.misuse()
		return
	}
	if w.beforeValue() {
		w.buf = append(w.buf, v...)
		w.afterValue()
	}
}
