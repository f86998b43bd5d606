package lecp

import (
	"math"
	"strconv"
)

// Kind is the kind of an event (Parser) or token (Decoder).
type Kind uint8

// The kinds. BytesChunk and TextChunk occur only in Parser events: a long
// definite-length string is delivered as one or more chunk events followed
// by one Bytes or Text event holding the last piece. A Decoder delivers every
// definite-length string whole as one Bytes or Text token.
//
// An indefinite-length string is visible as BytesStart (TextStart), then
// each of its chunks as a definite-length string (Bytes or Text, possibly in
// pieces), then BytesEnd (TextEnd). Arrays and maps say in their start event
// whether they are indefinite. A tagged item is enclosed in TagStart and
// TagEnd.
const (
	Invalid    Kind = iota
	Uint            // unsigned integer (major type 0): Uint is the value
	Nint            // negative integer (major type 1): the value is -1 - Uint
	Bytes           // a byte string, or the last piece of one
	BytesChunk      // a piece of a long byte string; more follows
	Text            // a text string, or the last piece of one
	TextChunk       // a piece of a long text string; more follows
	BytesStart      // an indefinite-length byte string begins
	BytesEnd        // an indefinite-length byte string ends
	TextStart       // an indefinite-length text string begins
	TextEnd         // an indefinite-length text string ends
	ArrayStart      // an array begins: Uint is its length unless Indefinite
	ArrayEnd        // an array ends
	MapStart        // a map begins: Uint is its pair count unless Indefinite
	MapEnd          // a map ends
	TagStart        // a tag: Uint is the tag number; the tagged item follows
	TagEnd          // the tagged item ended
	Float           // a float: Float is the value, Width its encoded width
	False           // false (simple value 20)
	True            // true (simple value 21)
	Null            // null (simple value 22)
	Undefined       // undefined (simple value 23)
	Simple          // another simple value: Uint is its number
	Raw             // the exact bytes of a captured item (Parser.Capture)
)

var kindNames = [...]string{"invalid", "uint", "nint", "bytes", "bytes-chunk", "text", "text-chunk",
	"bytes-start", "bytes-end", "text-start", "text-end", "array-start", "array-end",
	"map-start", "map-end", "tag-start", "tag-end", "float", "false", "true", "null",
	"undefined", "simple", "raw"}

// String returns the kind's name as used in event traces ("map-start",
// "text-chunk", …).
func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "kind(" + strconv.Itoa(int(k)) + ")"
}

// isStart reports whether k opens a nested level.
func (k Kind) isStart() bool {
	switch k {
	case BytesStart, TextStart, ArrayStart, MapStart, TagStart:
		return true
	}
	return false
}

// IsEnd reports whether k closes a nested level.
func (k Kind) IsEnd() bool {
	switch k {
	case BytesEnd, TextEnd, ArrayEnd, MapEnd, TagEnd:
		return true
	}
	return false
}

// Event is what a Parser delivers to its Handler. Value is valid only during
// the call: it borrows the parser's or the caller's buffer. Its capacity
// ends with it, so an append copies instead of writing over the input. It
// must not be modified: a map key's bytes are also what the Parser holds
// to reject a duplicate of it.
//
// Only the fields that apply to the event's Kind are set, each as its
// comment says; the others are not cleared and may hold an earlier
// event's values (Indefinite true on the end of an indefinite-length
// array and on the end of a tag around one, Uint on a Bytes event), so
// read a field only for the kinds it names. Value is the exception: nil
// wherever it does not apply.
type Event struct {
	// Kind says what the event is (see Kind).
	Kind Kind
	// Indefinite is set on ArrayStart, MapStart, BytesStart and TextStart
	// of an indefinite-length item (always true for the last two).
	Indefinite bool
	// Width is the encoded width in bytes of a Float: 2, 4 or 8.
	Width uint8
	// Uint is the value of a Uint, the argument of a Nint (value -1-Uint,
	// so the full range down to -2^64 is kept), the length of a definite
	// ArrayStart, the pair count of a definite MapStart, the tag number of
	// TagStart and the number of a Simple value.
	Uint uint64
	// Float is the value of a Float, widened to float64.
	Float float64
	// Value holds the string bytes (or piece) of Bytes, BytesChunk, Text
	// and TextChunk, and the captured item of Raw; nil for the other kinds.
	Value []byte
	// Offset is the byte offset of the event's first byte in the whole
	// input: the head of an item, the first data byte of a later piece of
	// a string, or where an end was found (the break byte, or the end of the
	// last item of a definite container).
	Offset int64
	// Pattern is the index of the first path pattern that matches the
	// event's path, or -1. A map key's events are at the map's path, not
	// at the key's (unlike lejp's Name events): with the pattern "[1]",
	// the keys of the map [1] match, and its values do not (they are at
	// [1].4 and so on). A container's start and end events share its path,
	// as do the events of a tag and of the item it tags: test Kind too.
	Pattern int
}

// Token is what a Decoder returns. Value borrows the decoder's buffer (or the
// input given to NewDecoderBytes) until the next call on the Decoder. Its
// capacity ends with it, so an append copies instead of writing over the
// input still to be read.
//
// Its fields mean what the Event fields of the same names do; it has no
// Pattern. A Decoder returns every Kind but BytesChunk, TextChunk and Raw:
// a definite-length string comes whole, and each chunk of an
// indefinite-length one is a Bytes or Text token between BytesStart and
// BytesEnd (TextStart and TextEnd).
type Token struct {
	Kind       Kind
	Indefinite bool
	Width      uint8
	Uint       uint64
	Float      float64
	Value      []byte
	Offset     int64
}

// Int64 returns the value of a Uint or Nint token or event as an int64, and
// false when it is out of range or the kind is not an integer.
func (t Token) Int64() (int64, bool) { return intValue(t.Kind, t.Uint) }

// Int64 returns the value of a Uint or Nint event as an int64, and false
// when it is out of range or the kind is not an integer.
func (e *Event) Int64() (int64, bool) { return intValue(e.Kind, e.Uint) }

func intValue(k Kind, u uint64) (int64, bool) {
	switch k {
	case Uint:
		if u <= math.MaxInt64 {
			return int64(u), true
		}
	case Nint:
		if u <= math.MaxInt64 {
			return -1 - int64(u), true
		}
	}
	return 0, false
}
