package lecp

// Options loosen strict parsing or change its limits. The zero value (and a
// nil *Options) is strict RFC 8949 with the default limits. Each limit field
// sets one limit, higher or lower than its default; 0 keeps the default, and
// so does a negative value, but for MaxStringLen, where it means no limit.
// Each bool loosens exactly one rule, except Deterministic, which adds one.
type Options struct {
	// MaxDepth is the deepest nesting accepted; arrays, maps, tags and
	// indefinite-length strings each count one level. 0 means
	// DefaultMaxDepth. Formats of known shape need far less: a COSE
	// message nests a few levels.
	MaxDepth int
	// MaxItems bounds the element count of one array and the pair count of
	// one map, declared or actual; 0 means DefaultMaxItems. No memory is
	// ever reserved for a declared count: this guards consumers only, who
	// never get an element past it (see ErrTooManyItems).
	MaxItems uint64
	// MaxStringLen bounds one string's length in bytes (declared, or the
	// total of an indefinite-length string's chunks); 0 means
	// DefaultMaxStringLen, negative means no limit. The Parser delivers long
	// strings in chunks, so the limit guards only the consumer; the Decoder
	// holds a string whole and so buffers up to this much.
	MaxStringLen int64
	// MaxValueLen bounds what Decoder.ReadValue holds in memory when reading
	// from an io.Reader; 0 means DefaultMaxValueLen. A value is judged by
	// its first MaxValueLen+1 bytes, whatever the reader's pieces and the
	// Decoder's buffer: an item that ends in them and is malformed is that
	// error; else a value they do not end, or one that long, is
	// ErrValueTooLarge at its start (a string is judged whole: one they do
	// not end is too large, whatever it holds). Input given whole
	// (NewDecoderBytes) is not copied and has no such limit, so the same
	// input can be ErrValueTooLarge from a reader and, given whole, the
	// error of a fault past those bytes (or no error): finding that fault
	// from a reader would mean reading on to the value's end, without
	// bound for a value that never ends. It also bounds
	// the item Parser.Capture holds, however the input is given: a longer
	// one is ErrValueTooLarge at its start.
	MaxValueLen int
	// MaxKeyLen bounds the length of one map key's canonical encoding
	// (preferred serialization, definite lengths: the form in which keys
	// are compared and held), not of its encoding as received: {1b
	// 0000000000000001: 0} and {(_ "a", "b"): 0} have keys of 1 and 3
	// bytes. 0 means DefaultMaxKeyLen.
	MaxKeyLen int
	// MaxKeyMemory bounds the bytes held for duplicate detection, as
	// counted: the keys of every open map plus 16 bytes of bookkeeping per
	// key; 0 means DefaultMaxKeyMemory. Exceeding it is ErrTooManyKeys. Not
	// counted: the hash table of a map of more than 48 keys (16 to 32 bytes
	// per key) and 32 bytes per open map, so the memory actually held can
	// reach about three times MaxKeyMemory (a 4 MiB limit held 7.3 MB for
	// 150,000 five-byte keys).
	MaxKeyMemory int
	// StringChunk is the size in bytes of the pieces in which the Parser
	// delivers long strings (BytesChunk and TextChunk events); 0 (or less)
	// means DefaultStringChunk, and 1 to 63 are raised to 64. A text chunk
	// never ends inside a UTF-8 sequence.
	StringChunk int

	// Deterministic requires core deterministic encoding (RFC 8949
	// §4.2.1): shortest heads, no indefinite lengths, floats in the
	// shortest width that keeps the value (every NaN in half precision:
	// see NaN payloads in the package documentation), bignums in
	// preferred serialization, and map keys in bytewise lexicographic
	// order of their encodings. §4.2.1 requires preferred serialization,
	// which §3.4.3 defines for bignums: a tag 2 or 3 around a definite
	// byte string must hold more than 8 bytes (a major type 0 or 1
	// integer holds any smaller value) and no leading zero byte, so
	// 2(h'01') (c24101), c2420001 and c340 are refused, at the offset of
	// the byte string's head (just after the tag). §4.2.2
	// lets a protocol's own deterministic encoding always use tags 2 and
	// 3 instead; such input is not core deterministic. Tags are otherwise
	// not checked (a tag 2 around a text string passes: see Tag validity
	// in the package documentation). Each refusal Deterministic adds
	// matches ErrNotDeterministic (an indefinite length ErrIndefinite too).
	Deterministic bool
	// AllowDuplicateKeys accepts a map with two equal keys; both are
	// delivered. No keys are then held beyond the current one of each map.
	// With Deterministic, equal keys one after the other are in order.
	AllowDuplicateKeys bool
	// AllowInvalidUTF8 accepts text strings that are not UTF-8 and passes
	// them through unchanged.
	AllowInvalidUTF8 bool
	// AllowSequence accepts a CBOR sequence (RFC 8742): zero or more
	// top-level items one after another, including none at all.
	AllowSequence bool
}

// Default limits used when the corresponding Options field is zero (or
// negative, but for MaxStringLen, where negative means no limit).
const (
	DefaultMaxDepth     = 1000
	DefaultMaxItems     = 1 << 32
	DefaultMaxStringLen = 64 << 20
	DefaultMaxValueLen  = 64 << 20
	DefaultMaxKeyLen    = 64 << 10
	DefaultMaxKeyMemory = 4 << 20
	DefaultStringChunk  = 4 << 10
)

// limits is Options resolved: every default applied.
type limits struct {
	maxDepth   int
	maxItems   uint64
	maxString  uint64
	maxValue   int
	maxKey     int
	maxKeyMem  int
	chunk      int
	determ     bool
	allowDup   bool
	allowUTF8  bool
	allowMulti bool
}

func resolve(o *Options) limits {
	var z Options
	if o == nil {
		o = &z
	}
	l := limits{
		maxDepth: o.MaxDepth, maxItems: o.MaxItems, maxValue: o.MaxValueLen,
		maxKey: o.MaxKeyLen, maxKeyMem: o.MaxKeyMemory, chunk: o.StringChunk,
		determ: o.Deterministic, allowDup: o.AllowDuplicateKeys,
		allowUTF8: o.AllowInvalidUTF8, allowMulti: o.AllowSequence,
	}
	if l.maxDepth <= 0 {
		l.maxDepth = DefaultMaxDepth
	}
	if l.maxItems == 0 {
		l.maxItems = DefaultMaxItems
	}
	switch {
	case o.MaxStringLen == 0:
		l.maxString = DefaultMaxStringLen
	case o.MaxStringLen < 0:
		l.maxString = 1<<64 - 1
	default:
		l.maxString = uint64(o.MaxStringLen)
	}
	if l.maxValue <= 0 {
		l.maxValue = DefaultMaxValueLen
	}
	if l.maxKey <= 0 {
		l.maxKey = DefaultMaxKeyLen
	}
	if l.maxKeyMem <= 0 {
		l.maxKeyMem = DefaultMaxKeyMemory
	}
	if l.chunk <= 0 {
		l.chunk = DefaultStringChunk
	}
	if l.chunk < 64 {
		l.chunk = 64
	}
	return l
}
