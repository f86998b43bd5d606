package lecp

import (
	"bufio"
	"errors"
	"io"
	"strconv"
	"unicode/utf8"
)

// errInvalidRead: an io.Reader returned a count below 0 or above the
// length of the slice it was given, breaking io.Reader's contract (as
// io.Copy's errInvalidWrite for a Writer). Sticky, as the reader's errors.
// It matches bufio.ErrBadReadCount (errors.Is), the standard library's
// sentinel for a Read that returned an impossible count.
var errInvalidRead error = &invalidReadError{}

// invalidReadError is errInvalidRead's type: lecp's message, the standard
// library's sentinel.
type invalidReadError struct{}

func (*invalidReadError) Error() string { return "lecp: io.Reader returned an invalid count" }

// Unwrap returns bufio.ErrBadReadCount.
func (*invalidReadError) Unwrap() error { return bufio.ErrBadReadCount }

// SyntaxError is the one error type of this package for input that is not
// accepted: CBOR that is not well-formed (RFC 8949 §3, Appendix F), a rule
// of strict mode broken (valid UTF-8, unique map keys, deterministic
// encoding when asked) or a limit exceeded. Offset is the byte offset in the
// whole input (counted over every Write or Read so far) where the problem was
// found; Path is the path of the item being parsed, in the pattern syntax
// (see Path); Err is one of the sentinel errors below, for errors.Is, but
// for an indefinite length under Options.Deterministic: that Err is of its
// own, matching both ErrIndefinite and ErrNotDeterministic, so compare Err
// with errors.Is, not ==.
//
// Errors of a map key (ErrDuplicateKey, ErrKeyTooLarge, ErrTooManyKeys,
// and keys out of order under Options.Deterministic) are found as the key
// is read: the offset is where the key ends (for ErrKeyTooLarge, where the
// item in it that passes the limit ends), and the path is that of the map,
// not of the key. FromJSON reports a member name's errors at its opening
// quote instead (a duplicate with the member's path), as lejp does.
//
// Errors from a Handler and from the underlying io.Reader are returned as
// they are, not wrapped in a SyntaxError.
type SyntaxError struct {
	Offset int64
	Path   string
	Err    error
}

// Error returns the cause, the offset and the path: "lecp: duplicate map key
// at offset 7 (path [0])". The path is shown as one line of text: the
// characters of its keys a terminal would act on rather than show (control
// characters, the line and paragraph separators, the bidirectional
// controls: marks, embeddings, overrides and isolates) as escapes
// (\u0085, \u2028, \u202e), and at most 256 bytes of it, cut with "…";
// the Path field keeps all of it as it is.
func (e *SyntaxError) Error() string {
	b := make([]byte, 0, 64)
	if e.Err != nil {
		b = append(b, e.Err.Error()...)
	} else {
		b = append(b, "lecp: syntax error"...) // a SyntaxError built without a cause
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

// appendPathText appends path for a message. Its text keys come from the
// input: Path quotes those holding C0 controls or DEL, with escapes, but
// keeps other characters as they are, so here what a terminal would act
// on becomes an escape, as the CLI's terminalSafe and lejp's messages
// write them: C1 controls, U+2028 and U+2029, and the bidirectional
// controls (U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069) as \uXXXX (C0 and DEL too, should one be there),
// a byte that is not UTF-8 as \xXX. A path over maxPathText bytes is cut
// before the character that crosses it and ends in "…", so that a deep
// input of long keys cannot make a message as large as itself.
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

// Sentinel causes carried by SyntaxError.Err. Each is prefixed "lecp: ".
var (
	// ErrUnexpectedEOF: the input ended inside an item, or before any.
	// It matches io.ErrUnexpectedEOF too (errors.Is), as truncated input
	// does across the standard library; malformed input never does.
	ErrUnexpectedEOF error = &eofError{}
	// ErrReservedInfo: additional information 28, 29 or 30, which RFC 8949
	// §3 reserves.
	ErrReservedInfo = errors.New("lecp: reserved additional information")
	// ErrIndefinite: additional information 31 on a major type that has no
	// indefinite length (the integers and tags, 0x1f, 0x3f and 0xdf; RFC
	// 8949 §3.2), or, with Options.Deterministic, a well-formed
	// indefinite-length string, array or map, which §4.2.1 forbids: that
	// error matches ErrNotDeterministic too. On major type 7, additional
	// information 31 is the break (0xff): out of place it is ErrBreak.
	ErrIndefinite = errors.New("lecp: invalid indefinite length")
	// ErrBreak: a break stop code (0xff) outside an indefinite-length item
	// (RFC 8949 §3.2.1), or in a map after a key and before its value.
	ErrBreak = errors.New("lecp: unexpected break")
	// ErrChunkType: a chunk of an indefinite-length string that is not a
	// definite-length string of the same major type (RFC 8949 §3.2.3).
	ErrChunkType = errors.New("lecp: invalid indefinite-length string chunk")
	// ErrSimple: a simple value below 32 encoded in two bytes (RFC 8949
	// §3.3; erratum 5917 of RFC 7049).
	ErrSimple = errors.New("lecp: invalid two-byte simple value")
	// ErrInvalidUTF8: a text string that is not valid UTF-8 (RFC 8949
	// §3.1, major type 3). Each chunk of an indefinite-length text string
	// must be valid by itself. The offset is that of the first byte that
	// starts no valid sequence, and input that ends inside a text string
	// whose bytes so far are not a valid start of UTF-8 is this error, not
	// ErrUnexpectedEOF, in every reader (Check, Parser, Decoder), however
	// the input is split.
	ErrInvalidUTF8 = errors.New("lecp: invalid UTF-8 in text string")
	// ErrDuplicateKey: a map key equal to an earlier key of the same map
	// (RFC 8949 §5.6; equality of data items, not of encodings).
	ErrDuplicateKey = errors.New("lecp: duplicate map key")
	// ErrNotDeterministic: with Options.Deterministic, an item not in core
	// deterministic encoding (RFC 8949 §4.2.1): a longer head than needed,
	// a float wider than needed, a bignum not in preferred serialization
	// (see Options.Deterministic), map keys out of bytewise order, or an
	// indefinite length (that error matches ErrIndefinite too). Every
	// refusal that Deterministic adds matches it, so errors.Is tells a
	// well-formed, valid item that is not deterministic from a malformed
	// or invalid one (the first fault in the input is the one reported).
	ErrNotDeterministic = errors.New("lecp: not core deterministic encoding")
	// ErrTrailingData: bytes after the top-level item when
	// Options.AllowSequence is not set.
	ErrTrailingData = errors.New("lecp: data after top-level item")
	// ErrUnread: from Decoder.Finish, an item the caller stopped reading
	// before its end, in input that is valid: Finish read and checked the
	// rest of the item and what follows it (where that fails, the error is
	// the input's own), and the error is at the first byte left unread,
	// with the path of the token there.
	ErrUnread = errors.New("lecp: item not read to its end")
	// ErrDepth: nesting deeper than Options.MaxDepth. Arrays, maps, tags
	// and indefinite-length strings each count one level.
	ErrDepth = errors.New("lecp: nesting too deep")
	// ErrStringTooLong: a string longer than Options.MaxStringLen (declared
	// or, for indefinite-length strings, in total).
	ErrStringTooLong = errors.New("lecp: string too long")
	// ErrTooManyItems: an array or map declaring or holding more than
	// Options.MaxItems elements (pairs for a map), at the head that says
	// so: the array's or map's own, or, in an indefinite-length one, that
	// of the element (key) past the limit, none of which is delivered.
	ErrTooManyItems = errors.New("lecp: too many items in array or map")
	// ErrKeyTooLarge: a map key whose canonical encoding is longer than
	// Options.MaxKeyLen.
	ErrKeyTooLarge = errors.New("lecp: map key too large")
	// ErrTooManyKeys: the keys held for duplicate detection exceeded
	// Options.MaxKeyMemory.
	ErrTooManyKeys = errors.New("lecp: too many map keys to check for duplicates")
	// ErrValueTooLarge: a value read whole by Decoder.ReadValue from an
	// io.Reader, or an item captured by Parser.Capture, is larger than
	// Options.MaxValueLen.
	ErrValueTooLarge = errors.New("lecp: value too large to read whole")
)

// ErrClosed is returned by Write after Close, and by any call after a
// Handler's error (a SyntaxError of the input is sticky instead: it is
// returned again). Write and Close called from the Parser's own Handler,
// and on a Parser without a Handler (the zero Parser; NewParser(nil, …)
// returns the same error), return an error of their own that matches it
// (errors.Is), as do a Decoder's methods called from inside its own
// io.Reader's Read (see NewDecoder).
var ErrClosed = errors.New("lecp: parser closed")

// misuseError is the error of a call out of place, with its own text,
// matching the package sentinel is (errors.Is).
type misuseError struct {
	msg string
	is  error
}

func (e *misuseError) Error() string { return e.msg }

// Unwrap returns the sentinel the error matches.
func (e *misuseError) Unwrap() error { return e.is }

// errIndefDeterministic is the cause of a well-formed indefinite-length
// string, array or map under Options.Deterministic: it matches both
// ErrIndefinite and ErrNotDeterministic.
var errIndefDeterministic error = indefDeterministic{}

type indefDeterministic struct{}

func (indefDeterministic) Error() string {
	return "lecp: indefinite length not allowed in deterministic encoding"
}

// Is reports whether target is ErrIndefinite or ErrNotDeterministic.
func (indefDeterministic) Is(target error) bool {
	return target == ErrIndefinite || target == ErrNotDeterministic
}

// eofError is ErrUnexpectedEOF: its own sentinel, which also matches
// io.ErrUnexpectedEOF.
type eofError struct{}

func (*eofError) Error() string { return "lecp: unexpected end of input" }

// Unwrap returns io.ErrUnexpectedEOF.
func (*eofError) Unwrap() error { return io.ErrUnexpectedEOF }

// ErrNoValue is returned by Decoder.ReadValue, SkipValue and StringReader
// where no item of the kind they read starts: at the end of an array or
// map (definite or not), a tag or an indefinite-length string, and, from
// StringReader, before an item that is not a byte or text string (the
// error then also names that item's kind). The input may well be valid:
// it is the caller's reading that is out of step. Nothing is consumed and
// the error is not sticky: ReadToken returns the end or the item next.
// After the last top-level item (or at the end of a sequence) these calls
// return io.EOF instead, as ReadToken does. The reader of a StringReader
// read after its Decoder moved on returns an error of its own that matches
// it (errors.Is).
var ErrNoValue = errors.New("lecp: no item here")

// notString is StringReader's ErrNoValue before an item that is not a
// string, one per major type, so that the error costs no allocation.
type notString struct{ what string }

func (e *notString) Error() string {
	return "lecp: StringReader: next item is " + e.what + ", not a string"
}

// Unwrap returns ErrNoValue.
func (e *notString) Unwrap() error { return ErrNoValue }

// errShort is internal: the machine needs more input to make progress.
var errShort = errors.New("lecp: short input")
