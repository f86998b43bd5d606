package lejp

import "math"

// Options loosen strict parsing or change its limits. The zero value (and a
// nil *Options) is strict RFC 8259 with the default limits; every field
// either tightens a limit or loosens exactly one rule. A limit of 0, or
// below 0, is the default limit (MaxStringLen excepted: below 0 is no
// limit).
type Options struct {
	// MaxDepth is the deepest nesting of arrays and objects accepted;
	// 0 means DefaultMaxDepth. JOSE uses 64.
	MaxDepth int
	// MaxNameLen bounds a member name's encoded length in bytes (between
	// the quotes); 0 means DefaultMaxNameLen.
	MaxNameLen int
	// MaxNumberLen bounds a number's length in bytes; 0 means
	// DefaultMaxNumberLen.
	MaxNumberLen int
	// MaxStringLen bounds one string value's encoded length in bytes
	// (between the quotes; member names are bounded by MaxNameLen
	// instead); 0 means DefaultMaxStringLen, negative means no limit. The
	// Parser delivers long strings in chunks, so the limit guards only the
	// consumer; the Decoder's ReadToken holds a string whole and so
	// buffers up to this much (its StringReader streams one, in pieces,
	// and the limit then bounds only its length).
	MaxStringLen int64
	// MaxValueLen bounds what Decoder.ReadValue holds in memory when
	// reading from an io.Reader; 0 means DefaultMaxValueLen. A value is
	// judged by its first MaxValueLen+1 bytes, whatever the reader's
	// pieces: an error in them is that error, else a value they do not
	// end, or one that long, is ErrValueTooLarge. Input given
	// whole (NewDecoderBytes) is not copied and has no such limit.
	// Decoder.SkipValue holds no value and has none either.
	//
	// It also bounds the value that Parser.Capture captures, whatever the
	// Writes (see there): one longer is ErrValueTooLarge at its start,
	// found at the first of its events that ends past the limit, so that
	// an error in the input before that event is that error instead.
	MaxValueLen int
	// MaxNameMemory bounds the bytes held for duplicate detection, as
	// counted: the names of every open object plus 32 bytes of
	// bookkeeping per name; 0 means DefaultMaxNameMemory. Exceeding it is
	// ErrTooManyNames. The memory actually held, in slices grown by
	// doubling and with the hash index of large objects, is up to about
	// 2.5 times the limit (held by a test).
	MaxNameMemory int
	// StringChunk is the size in bytes of the pieces in which the Parser
	// delivers long strings (StringChunk events), and the largest in
	// which Decoder.StringReader decodes them; 0 (or less) means
	// DefaultStringChunk; 1 to 3 mean 4 (the longest UTF-8 sequence). A
	// chunk never ends inside a UTF-8 sequence.
	StringChunk int

	// AllowDuplicateNames accepts an object with two members of the same
	// name; both are delivered. No names are then held for duplicate
	// detection, and MaxNameMemory does not apply: only each open object's
	// current name is kept (for paths and patterns), at most MaxDepth
	// names of MaxNameLen bytes.
	AllowDuplicateNames bool
	// AllowInvalidUTF8 accepts bytes that are not UTF-8 inside strings and
	// passes them through unchanged; an escaped lone surrogate (\ud800)
	// decodes to U+FFFD.
	AllowInvalidUTF8 bool
	// AllowComments accepts a '#' anywhere whitespace may appear, up to and
	// including the next line feed, as the lws lejp parser does.
	AllowComments bool
	// AllowMultipleValues accepts a sequence of top-level values separated
	// by optional whitespace (NDJSON, RFC 7464 without the RS byte).
	AllowMultipleValues bool
}

// Default limits used when the corresponding Options field is zero (or,
// but for MaxStringLen, negative).
const (
	DefaultMaxDepth      = 1000
	DefaultMaxNameLen    = 64 << 10
	DefaultMaxNumberLen  = 1 << 10
	DefaultMaxStringLen  = 64 << 20
	DefaultMaxValueLen   = 64 << 20
	DefaultMaxNameMemory = 4 << 20
	DefaultStringChunk   = 4 << 10
)

// limits is Options resolved: every default applied.
type limits struct {
	maxDepth     int
	maxName      int
	maxNumber    int
	maxString    int64
	maxValue     int
	maxNameMem   int
	chunk        int
	allowDup     bool
	allowUTF8    bool
	allowComment bool
	allowMulti   bool
}

func resolve(o *Options) limits {
	var z Options
	if o == nil {
		o = &z
	}
	l := limits{
		maxDepth: o.MaxDepth, maxName: o.MaxNameLen, maxNumber: o.MaxNumberLen,
		maxString: o.MaxStringLen, maxValue: o.MaxValueLen, maxNameMem: o.MaxNameMemory,
		chunk: o.StringChunk, allowDup: o.AllowDuplicateNames, allowUTF8: o.AllowInvalidUTF8,
		allowComment: o.AllowComments, allowMulti: o.AllowMultipleValues,
	}
	if l.maxDepth <= 0 {
		l.maxDepth = DefaultMaxDepth
	}
	if l.maxName <= 0 {
		l.maxName = DefaultMaxNameLen
	}
	if l.maxNumber <= 0 {
		l.maxNumber = DefaultMaxNumberLen
	}
	switch {
	case l.maxString == 0:
		l.maxString = DefaultMaxStringLen
	case l.maxString < 0:
		l.maxString = 1 << 62 // no limit, with room for arithmetic
	}
	if l.maxString > 1<<62 {
		l.maxString = 1 << 62
	}
	if l.maxValue <= 0 {
		l.maxValue = DefaultMaxValueLen
	}
	if l.maxNameMem <= 0 {
		l.maxNameMem = DefaultMaxNameMemory
	}
	if l.chunk <= 0 {
		l.chunk = DefaultStringChunk
	}
	if l.chunk < 4 {
		l.chunk = 4
	}
	// A limit beyond any input the machine can hold is no limit; capped,
	// the "+ 1"s and offsets added to it cannot overflow.
	l.maxDepth = min(l.maxDepth, maxLimit)
	l.maxName = min(l.maxName, maxLimit)
	l.maxNumber = min(l.maxNumber, maxLimit)
	l.maxValue = min(l.maxValue, maxLimit)
	l.maxNameMem = min(l.maxNameMem, maxLimit)
	l.chunk = min(l.chunk, maxLimit)
	return l
}

// maxLimit caps the int limits: a quarter of the int range.
const maxLimit = math.MaxInt >> 2
