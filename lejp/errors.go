package lejp

import (
	"errors"
	"io"
	"strconv"
	"unicode/utf8"
)

// SyntaxError is the one error type of this package for input that is not
// accepted: malformed JSON, a rule of strict mode broken, or a limit
// exceeded. Offset is the byte offset in the whole input (counted over every
// Write or Read so far) of the byte where the problem was found, or of the
// start of the token for a limit; Path is the JSON Pointer (RFC 6901) of the
// value being parsed; Err is one of the sentinel errors below, for
// errors.Is.
//
// Errors from a Handler and from the underlying io.Reader are returned as
// they are, not wrapped in a SyntaxError.
type SyntaxError struct {
	Offset int64
	Path   string
	Err    error
}

// Error formats the cause, the offset and, when known, the path:
// "lejp: ... at offset N (path P)". The path is shown as one line of
// text: control characters, the line and paragraph separators, the
// bidirectional controls and bytes that are not UTF-8 in its member names
// as escapes (\u001b, \u2028, \xff), and at most 256 bytes of it, cut
// with "…".
func (e *SyntaxError) Error() string {
	b := make([]byte, 0, 64)
	if e.Err != nil {
		b = append(b, e.Err.Error()...)
	} else {
		b = append(b, "lejp: syntax error"...)
	}
	b = append(b, " at offset "...)
	b = strconv.AppendInt(b, e.Offset, 10)
	if e.Path != "" {
		b = append(b, " (path "...)
		b = appendPathText(b, e.Path)
		b = append(b, ')')
	}
	return string(b)
}

// maxPathText is how many bytes of a path Error shows.
const maxPathText = 256

// appendPathText appends path for a message: its member names come from
// the input, so what a terminal would act on rather than show becomes an
// escape, as the CLI writes them: control characters (C0, DEL, C1), the
// line and paragraph separators (U+2028, U+2029) and the bidirectional
// controls (marks, embeddings, overrides and isolates: U+061C, U+200E,
// U+200F, U+202A–U+202E, U+2066–U+2069) as \uXXXX, bytes that are not
// UTF-8 as \xXX. A path over maxPathText bytes is cut before the
// character that crosses it and ends in "…". The message is then one line
// of UTF-8 text of bounded length; SyntaxError.Path keeps the pointer
// exactly.
func appendPathText(b []byte, path string) []byte {
	const hex = "0123456789abcdef"
	for i := 0; i < len(path); {
		r, n := utf8.DecodeRuneInString(path[i:])
		if i+n > maxPathText {
			return append(b, "…"...)
		}
		switch {
		case r == utf8.RuneError && n == 1:
			b = append(b, '\\', 'x', hex[path[i]>>4], hex[path[i]&15])
		case r < 0x20 || r >= 0x7f && r < 0xa0 || r >= 0x2028 && r <= 0x202e || r >= 0x2066 && r <= 0x2069 || r == 0x061c || r == 0x200e || r == 0x200f:
			b = append(b, '\\', 'u', hex[r>>12&15], hex[r>>8&15], hex[r>>4&15], hex[r&15])
		default:
			b = append(b, path[i:i+n]...)
		}
		i += n
	}
	return b
}

// Unwrap returns the sentinel cause.
func (e *SyntaxError) Unwrap() error { return e.Err }

// eofError is ErrUnexpectedEOF: its own sentinel, which also matches
// io.ErrUnexpectedEOF.
type eofError struct{}

func (*eofError) Error() string { return "lejp: unexpected end of input" }

// Unwrap returns io.ErrUnexpectedEOF.
func (*eofError) Unwrap() error { return io.ErrUnexpectedEOF }

// Sentinel causes carried by SyntaxError.Err. Each is prefixed "lejp: ".
var (
	// ErrUnexpectedEOF: the input ended inside a value, or before any.
	// The SyntaxError's Offset is then the input's length, where a byte
	// was due. It matches io.ErrUnexpectedEOF too (errors.Is), as
	// truncated input does across the standard library; malformed input
	// never does.
	ErrUnexpectedEOF error = &eofError{}
	// ErrInvalidChar: a byte that the grammar does not allow here (RFC 8259
	// §2), including a byte order mark and a control character in a
	// string.
	ErrInvalidChar = errors.New("lejp: invalid character")
	// ErrTrailingData: a byte other than whitespace after the complete
	// top-level value (RFC 8259 §2: a JSON text is one value), such as a
	// second value ("1 2", "{} {}") or a closing bracket too many ("[1]]"),
	// unless Options.AllowMultipleValues is set; the offset is that byte's.
	ErrTrailingData = errors.New("lejp: data after top-level value")
	// ErrInvalidLiteral: a word that is not true, false or null.
	ErrInvalidLiteral = errors.New("lejp: invalid literal")
	// ErrInvalidNumber: a number that does not follow RFC 8259 §6.
	ErrInvalidNumber = errors.New("lejp: invalid number")
	// ErrInvalidEscape: a backslash escape that RFC 8259 §7 does not define.
	ErrInvalidEscape = errors.New("lejp: invalid escape")
	// ErrInvalidUTF8: bytes in a string that are not UTF-8 (RFC 8259 §8.1),
	// or a \u escape of a lone or misordered surrogate (§8.2).
	ErrInvalidUTF8 = errors.New("lejp: invalid UTF-8")
	// ErrDuplicateName: an object member name that the same object already
	// has (RFC 8259 §4 says names SHOULD be unique; JOSE requires it).
	ErrDuplicateName = errors.New("lejp: duplicate object member name")
	// ErrDepth: nesting deeper than Options.MaxDepth.
	ErrDepth = errors.New("lejp: nesting too deep")
	// ErrNameTooLong: a member name longer than Options.MaxNameLen.
	ErrNameTooLong = errors.New("lejp: member name too long")
	// ErrNumberTooLong: a number longer than Options.MaxNumberLen.
	ErrNumberTooLong = errors.New("lejp: number too long")
	// ErrStringTooLong: a string longer than Options.MaxStringLen.
	ErrStringTooLong = errors.New("lejp: string too long")
	// ErrTooManyNames: the member names held for duplicate detection
	// exceeded Options.MaxNameMemory.
	ErrTooManyNames = errors.New("lejp: too many member names to check for duplicates")
	// ErrUnread: from Decoder.Finish, a value the caller stopped reading
	// before its end, in input that is valid: Finish read and checked the
	// rest of the value and what follows it (where that fails, the error
	// is the input's own), and the error is at the first token left
	// unread, with its path.
	ErrUnread = errors.New("lejp: value not read to its end")
	// ErrValueTooLarge: a value read whole by Decoder.ReadValue from an
	// io.Reader, or captured by Parser.Capture, is larger than
	// Options.MaxValueLen.
	ErrValueTooLarge = errors.New("lejp: value too large to read whole")
)

// ErrClosed is returned by Write after Close. Errors are sticky: after a
// *SyntaxError, a Handler's error or an io.Reader's error, every later
// call on the Parser or Decoder returns that error again, until Reset.
// Write and Close called from the Parser's own Handler, NewParser with a
// nil Handler and the zero Parser's Write and Close, and a Decoder's
// ReadToken, ReadValue, SkipValue, Finish, StringReader and its reader's
// Read called from its own io.Reader return an error of their own that
// matches it (errors.Is): misuse, not a verdict on the input.
var ErrClosed = errors.New("lejp: parser closed")

// misuseError is the error of a call out of place, with its own text,
// matching the package sentinel is (errors.Is).
type misuseError struct {
	msg string
	is  error
}

func (e *misuseError) Error() string { return e.msg }

// Unwrap returns the sentinel the error matches.
func (e *misuseError) Unwrap() error { return e.is }
