package lejp

import (
	"errors"
	"strconv"
	"strings"
)

// Kind is the kind of an event (Parser) or token (Decoder).
type Kind uint8

// The kinds. StringChunk occurs only in Parser events: a long string is
// delivered as zero or more StringChunk events followed by one String event
// holding the last piece; the pieces come as the string is read, so an
// error later in the string may follow them. A Decoder's ReadToken
// delivers every string whole as one String token; Decoder.StringReader
// streams one in pieces through an io.Reader instead, never as tokens.
// Raw occurs only in Parser events, and
// only after the Handler called Parser.Capture: a Handler that never calls
// it never gets one.
const (
	Invalid     Kind = iota
	ObjectStart      // {
	ObjectEnd        // }
	ArrayStart       // [
	ArrayEnd         // ]
	Name             // an object member name, decoded
	String           // a string value (or its last piece), decoded
	StringChunk      // a piece of a long string value, more follows
	Int              // a number without fraction or exponent, as text
	Float            // a number with a fraction or exponent, as text
	True             // true
	False            // false
	Null             // null
	Raw              // the exact bytes of a captured value (Parser.Capture)
)

var kindNames = [...]string{"invalid", "object-start", "object-end", "array-start", "array-end",
	"name", "string", "string-chunk", "int", "float", "true", "false", "null", "raw"}

// String returns the kind's name as used in event traces ("object-start",
// "name", "string-chunk", …).
func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "kind(" + strconv.Itoa(int(k)) + ")"
}

// IsNumber reports whether k is Int or Float.
func (k Kind) IsNumber() bool { return k == Int || k == Float }

// IsScalar reports whether k is a complete value by itself (string, number,
// true, false, null); StringChunk and Raw are not.
func (k Kind) IsScalar() bool { return k >= String && k <= Null && k != StringChunk }

// Event is what a Parser delivers to its Handler. Value is valid only during
// the call: it borrows the parser's or the caller's buffer. It must not be
// modified: a member name is also what the Parser holds to reject a
// duplicate of it.
type Event struct {
	Kind Kind
	// Value holds the decoded name (Name), the decoded string or piece of
	// it (String, StringChunk), the number's text (Int, Float) or the
	// captured value's bytes as received (Raw); it is nil for the other
	// kinds.
	Value []byte
	// Offset is the byte offset of the token's first byte in the whole
	// input (the opening quote for a string and all of its pieces; the
	// value's first byte for Raw).
	Offset int64
	// Pattern is the index of the first path pattern that matches the
	// event's path, or -1. A member's Name event is at the member's path,
	// so it matches as the value does ("kid" matches both the name and
	// its value), and a container's start and end events share its path:
	// test Kind too.
	Pattern int
}

// Token is what a Decoder returns. Value borrows the decoder's buffer (or the
// input given to NewDecoderBytes) until the next call on the Decoder. It
// must not be modified: a member name is also what the Decoder holds to
// reject a duplicate of it.
type Token struct {
	Kind Kind
	// Value holds the decoded name or string, or the number's text; nil
	// for the other kinds.
	Value []byte
	// Offset is the byte offset of the token's first byte in the input.
	Offset int64
}

// Int64 parses an Int token's value. The errors are *strconv.NumError:
// strconv.ErrSyntax for a token that is not an Int (a Float, even "1.0" or
// "-0.0", or not a number at all), strconv.ErrRange with the nearest int64
// for an integer outside int64's range.
func (t Token) Int64() (int64, error) {
	if t.Kind != Int {
		return 0, &strconv.NumError{Func: "Int64", Num: string(t.Value), Err: strconv.ErrSyntax}
	}
	return strconv.ParseInt(string(t.Value), 10, 64)
}

// Uint64 parses an Int token's value as unsigned. The errors are
// *strconv.NumError: strconv.ErrSyntax for a token that is not an Int (as
// for Int64), strconv.ErrRange with the nearest uint64 for an integer
// outside uint64's range, below it (-5, 0 returned) as above it
// (18446744073709551616, math.MaxUint64 returned). "-0" is 0.
func (t Token) Uint64() (uint64, error) {
	if t.Kind != Int {
		return 0, &strconv.NumError{Func: "Uint64", Num: string(t.Value), Err: strconv.ErrSyntax}
	}
	s := string(t.Value)
	if mag, ok := strings.CutPrefix(s, "-"); ok {
		// strconv.ParseUint takes no sign: a negative integer would be
		// ErrSyntax, though it is well-formed, only out of range.
		u, err := strconv.ParseUint(mag, 10, 64)
		switch {
		case err == nil && u == 0:
			return 0, nil
		case err == nil || errors.Is(err, strconv.ErrRange):
			return 0, &strconv.NumError{Func: "ParseUint", Num: s, Err: strconv.ErrRange}
		}
		return 0, &strconv.NumError{Func: "ParseUint", Num: s, Err: strconv.ErrSyntax}
	}
	return strconv.ParseUint(s, 10, 64)
}

// Float64 parses an Int or Float token's value, to the nearest float64.
// The errors are *strconv.NumError: strconv.ErrSyntax for a token that is
// not a number, strconv.ErrRange with ±Inf for a magnitude beyond
// float64's range (1e400). A magnitude too small for a float64 (1e-400)
// is not an error: it rounds to 0 or a subnormal, as strconv.ParseFloat
// does.
func (t Token) Float64() (float64, error) {
	if !t.Kind.IsNumber() {
		return 0, &strconv.NumError{Func: "Float64", Num: string(t.Value), Err: strconv.ErrSyntax}
	}
	return strconv.ParseFloat(string(t.Value), 64)
}

// String returns the token's value as a string (which copies it): the
// decoded name or string, the number's text, or the literal.
func (t Token) String() string {
	switch t.Kind {
	case True:
		return "true"
	case False:
		return "false"
	case Null:
		return "null"
	}
	return string(t.Value)
}
