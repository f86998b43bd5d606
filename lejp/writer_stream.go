package lejp

// The Writer's streaming: Flush, which hands what is written to an
// io.Writer and keeps only what duplicate detection needs, and strings
// written in pieces, escaped as String escapes them with an incomplete
// UTF-8 sequence at the end of a piece held over to the next.

import (
	"io"
	"unicode/utf8"
)

var (
	// errStringOpen is the Writer's err while a string is written in
	// pieces (see Writer.stop); it never leaves the Writer.
	errStringOpen     error = writerMisuse("a string in pieces is open")
	errInString       error = writerMisuse("a call other than StringPiece or EndString inside a string")
	errFinishInString error = writerMisuse("Finish inside a string begun with BeginString")
	errPieceNone      error = writerMisuse("StringPiece without BeginString")
	errEndStringNone  error = writerMisuse("EndString without BeginString")
	errFlushNil       error = writerMisuse("Flush to a nil io.Writer")
)

// flushError is the error of Flush's io.Writer, which it matches; it is
// not misuse, and does not match ErrWriter.
type flushError struct{ err error }

func (e *flushError) Error() string { return "lejp: writer: flush: " + e.err.Error() }

// Unwrap returns the io.Writer's error.
func (e *flushError) Unwrap() error { return e.err }

// Flush writes what was written since the last Flush (all of Bytes) to
// out and empties the Writer's buffer, keeping its memory and its place
// in the document: the open arrays and objects, the member names each open
// object has (so a duplicate is still refused), whether a comma is due.
// Bytes and Finish then return only what is written after it, and what
// Bytes returned before it may be overwritten, by the Flush itself (which
// moves the names it keeps to the start of the buffer, after the bytes of
// the slice given to Reset) and by later writes. Inside a string
// written in pieces, Flush writes what is complete (an incomplete UTF-8
// sequence waits for the next piece).
//
// An error of out (io.ErrShortWrite for a short write without one)
// becomes the Writer's sticky error, which matches it (errors.Is) and not
// ErrWriter: it is returned, and by Err and Finish, and later calls do
// nothing. Flush after an error writes nothing and returns that error. A
// nil out is misuse.
//
// Flushing every few KiB into a file or a socket writes a document of any
// size in a buffer of that size: what the Writer holds beyond it is the
// escaped member names of the open objects (none for an object begun with
// AllowDuplicateNames), which duplicate detection needs.
func (w *Writer) Flush(out io.Writer) error {
	if w.err != nil && w.err != errStringOpen {
		return w.err
	}
	if out == nil {
		w.err = errFlushNil
		return w.err
	}
	p := w.buf[w.base:]
	if len(p) == 0 {
		return nil
	}
	n, err := out.Write(p)
	if err == nil && n < len(p) {
		err = io.ErrShortWrite
	}
	if err != nil {
		w.err = &flushError{err}
		return w.err
	}
	w.flushed += int64(len(p))
	w.base = w.names.keep(w.buf)
	w.buf = w.buf[:w.base]
	return nil
}

// BeginString begins a string value to be written in pieces: wherever
// String is allowed, BeginString, any number of StringPiece or
// StringPieceBytes, then EndString write the same bytes as String of the
// pieces joined, cut anywhere (within a UTF-8 sequence too), and refuse
// what String refuses. With Flush between pieces, a string of any length
// is written in bounded memory (see the Example, which writes a base64url
// payload). Until EndString, any call but StringPiece, StringPieceBytes,
// EndString, Flush, Err, Bytes and Reset is misuse, matching ErrWriter
// ("lejp: writer misuse: a call other than StringPiece or EndString inside
// a string"), and so is Finish. Reset abandons the string with the rest of
// the document, an incomplete UTF-8 sequence held from the last piece too.
func (w *Writer) BeginString() {
	start := len(w.buf) // before the comma beforeValue writes
	if w.beforeValue() {
		w.buf = append(w.buf, '"')
		w.strOff = w.flushed + int64(start-w.base)
		w.err = errStringOpen
	}
}

// StringPiece writes s as the next piece of the string begun with
// BeginString, escaped as String escapes it. The string's UTF-8 is checked
// across pieces: a piece may end inside a UTF-8 sequence, which the next
// piece completes. Bytes that are not UTF-8 are refused (ErrInvalidUTF8,
// also matching ErrWriter; what is left of the string after the last
// Flush is dropped) unless AllowInvalidUTF8 is set, when each is written
// \ufffd. Without BeginString it is misuse.
func (w *Writer) StringPiece(s string) { writePiece(w, s) }

// StringPieceBytes is StringPiece for a piece given as bytes; b is not
// retained and, as for StringBytes, must not lie in the spare capacity
// of the slice given to Reset.
func (w *Writer) StringPieceBytes(b []byte) { writePiece(w, b) }

// EndString ends the string begun with BeginString. A UTF-8 sequence left
// incomplete by the last piece is not UTF-8: refused, or with
// AllowInvalidUTF8 written \ufffd for each of its bytes, as String would.
// Without BeginString it is misuse.
func (w *Writer) EndString() {
	if w.err != errStringOpen {
		if w.err == nil {
			w.misuse(errEndStringNone)
		}
		return
	}
	if w.npend > 0 {
		if !w.AllowInvalidUTF8 {
			w.refuseString()
			return
		}
		for range w.npend {
			w.buf = append(w.buf, `\ufffd`...)
		}
		w.npend = 0
	}
	w.buf = append(w.buf, '"')
	w.err = nil
	w.afterValue()
}

// refuseString refuses the string in pieces: not UTF-8.
func (w *Writer) refuseString() {
	cut := max(w.base, w.base+int(w.strOff-w.flushed))
	w.err, w.npend = nil, 0
	w.refuseAt(ErrInvalidUTF8, "a string", cut, w.strOff)
}

// writePiece is StringPiece and StringPieceBytes.
func writePiece[T byteText](w *Writer, s T) {
	if w.err != errStringOpen {
		if w.err == nil {
			w.misuse(errPieceNone)
		}
		return
	}
	if w.npend > 0 {
		k := int(w.npend)
		var t [utf8.UTFMax]byte
		copy(t[:], w.pend[:k])
		u := t[:k+copy(t[k:], s)]
		if !utf8.FullRune(u) { // s is too short to complete it
			w.npend = uint8(copy(w.pend[:], u))
			return
		}
		if r, n := utf8.DecodeRune(u); r != utf8.RuneError || n > 1 {
			w.buf = append(w.buf, u[:n]...)
			s = s[n-k:]
		} else {
			// Not UTF-8: the pending bytes are a lead byte and
			// continuation bytes, each of which String would replace.
			if !w.AllowInvalidUTF8 {
				w.refuseString()
				return
			}
			for range k {
				w.buf = append(w.buf, `\ufffd`...)
			}
		}
		w.npend = 0
	}
	// An incomplete sequence at the end of s (a lead byte in its last
	// three and too few bytes after it) waits for the next piece.
	cut := runeEnd(s)
	var ok bool
	if w.buf, ok = appendEscaped(w.buf, s[:cut], !w.AllowInvalidUTF8); !ok {
		w.refuseString()
		return
	}
	w.npend = uint8(copy(w.pend[:], s[cut:]))
}
