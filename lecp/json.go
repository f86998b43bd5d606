package lecp

// CBOR ↔ JSON (RFC 8949 §6.1, §6.2): the mapping is described in the
// package documentation (doc.go); FromJSON's reader is in fromjson.go.

import (
	"bytes"
	"encoding/base64"
	"errors"
	"hash/maphash"
	"io"
	"math"
	"strconv"
	"unicode/utf8"
)

// Converting between binary and decimal takes time that grows faster than
// the number's length (Python limits int to 4300 digits for this reason,
// CVE-2020-10735), so bignums are converted to and from JSON numbers only
// up to maxJSONBignum bytes of magnitude, maxJSONBignumDigits digits.
const (
	maxJSONBignum       = 1024
	maxJSONBignumDigits = 2467 // digits of 2^8192-1
)

// ErrKeyCollision: converting a map to JSON gave two members the same name.
var ErrKeyCollision = errors.New("lecp: map keys collide when converted to JSON member names")

// AppendJSON appends the JSON form of the CBOR item in b to dst. With
// Options.AllowSequence, b may hold a sequence, written one JSON text per
// line. The input is checked as by Check, and input Check refuses is
// Check's error; on an error (also ErrKeyCollision, for input Check
// accepts), dst is returned unchanged. With
// Options.AllowInvalidUTF8, each byte of a text string or key that is not
// UTF-8 is written \ufffd.
func AppendJSON(dst, b []byte, opts *Options) ([]byte, error) {
	out, err := appendJSON(dst, b, opts)
	if err != nil {
		return dst, err
	}
	return out, nil
}

func appendJSON(dst, b []byte, opts *Options) ([]byte, error) {
	d := NewDecoderBytes(b, opts)
	c := jsonConv{d: d, opts: opts, seed: maphash.MakeSeed()}
	n := 0
	for d.More() {
		if n > 0 {
			dst = append(dst, '\n')
		}
		var err error
		if dst, err = c.item(dst, 0); err != nil {
			if errors.Is(err, ErrKeyCollision) {
				// input Check refuses is refused as Check refuses it,
				// whatever collides before the bytes at fault
				if ferr := d.Finish(); ferr != nil && !errors.Is(ferr, ErrUnread) {
					return dst, ferr
				}
			}
			return dst, err
		}
		n++
	}
	if _, err := d.ReadToken(); err != io.EOF {
		if err == nil {
			err = errors.New("lecp: unexpected token")
		}
		return dst, err
	}
	return dst, nil
}

type jsonConv struct {
	d      *Decoder
	opts   *Options // for the keys and tag contents read again
	tmp    []byte   // a member name being converted
	names  []byte   // the member names of the open maps (mapNames)
	ends   []int
	tables [][]int32 // free name tables
	levels []jsonLevel
	maps   []mapNames
	seed   maphash.Seed
}

// jsonLevel is an open array, map or tag of the item being converted
// (three bytes: a level per byte of input). A map's member names are in
// c.maps, whose last entry belongs to the innermost open map.
type jsonLevel struct {
	kind  Kind  // ArrayStart, MapStart or TagStart
	enc   uint8 // the byte-string encoding of the items inside (see item)
	begun bool  // an element or pair was begun; for a tag, its content
}

// item converts the next item; enc is 0 for base64url or the tag 21/22/23
// asking for base64url/base64/base16. The open arrays, maps and tags are
// kept in c.levels, not on the goroutine's stack, so memory follows the
// input whatever nesting Options.MaxDepth allows.
func (c *jsonConv) item(dst []byte, enc uint64) ([]byte, error) {
	base := len(c.levels)
	for {
		var err error
		if dst, err = c.start(dst, enc); err != nil {
			return dst, err
		}
		var done bool
		if enc, done, err = c.next(&dst, base); err != nil || done {
			return dst, err
		}
	}
}

// next closes the levels above base whose items are all written, and
// readies the next item (writing the separator and, in a map, the member
// name): it returns the item's enc, or done when no level above base is
// left open.
func (c *jsonConv) next(dst *[]byte, base int) (enc uint64, done bool, err error) {
	for len(c.levels) > base {
		l := &c.levels[len(c.levels)-1]
		if l.kind == TagStart && !l.begun {
			l.begun = true
			return uint64(l.enc), false, nil
		}
		if l.kind != TagStart && c.d.More() {
			if l.begun {
				*dst = append(*dst, ',')
			}
			l.begun = true
			if l.kind == MapStart {
				if *dst, err = c.member(*dst, &c.maps[len(c.maps)-1]); err != nil {
					return 0, false, err
				}
			}
			return uint64(l.enc), false, nil
		}
		if l.kind == MapStart {
			c.closeNames(c.maps[len(c.maps)-1])
			c.maps = c.maps[:len(c.maps)-1]
		}
		if _, err := c.d.ReadToken(); err != nil { // the end
			return 0, false, err
		}
		switch l.kind {
		case ArrayStart:
			*dst = append(*dst, ']')
		case MapStart:
			*dst = append(*dst, '}')
		}
		c.levels = c.levels[:len(c.levels)-1]
	}
	return 0, true, nil
}

// member reads the next map key and writes its member name and the colon.
func (c *jsonConv) member(dst []byte, names *mapNames) ([]byte, error) {
	off := c.d.InputOffset()
	raw, err := c.d.ReadValue()
	if err != nil {
		return dst, err
	}
	name, err := c.keyName(raw)
	if err != nil {
		return dst, err
	}
	if !c.addName(names, name) {
		return dst, &SyntaxError{Offset: off, Path: c.d.Path(), Err: ErrKeyCollision}
	}
	dst = appendQuoted(dst, name)
	return append(dst, ':'), nil
}

// start converts the next item if it is a scalar or string, or writes the
// beginning of an array or map, or a bignum, and opens its level.
func (c *jsonConv) start(dst []byte, enc uint64) ([]byte, error) {
	t, err := c.d.ReadToken()
	if err != nil {
		if err == io.EOF {
			err = c.d.m.fail(0, ErrUnexpectedEOF)
		}
		return dst, err
	}
	switch t.Kind {
	case Uint:
		return strconv.AppendUint(dst, t.Uint, 10), nil
	case Nint:
		return appendNegDecimal(dst, t.Uint), nil
	case Float:
		if math.IsNaN(t.Float) || math.IsInf(t.Float, 0) {
			return append(dst, "null"...), nil
		}
		return appendDiagFloat(dst, t.Float, false), nil
	case False:
		return append(dst, "false"...), nil
	case True:
		return append(dst, "true"...), nil
	case Null, Undefined, Simple:
		return append(dst, "null"...), nil
	case Text:
		return appendQuoted(dst, t.Value), nil
	case Bytes:
		return appendEncoded(dst, t.Value, enc), nil
	case BytesStart, TextStart:
		var all []byte
		for {
			u, err := c.d.ReadToken()
			if err != nil {
				return dst, err
			}
			if u.Kind == BytesEnd || u.Kind == TextEnd {
				break
			}
			all = append(all, u.Value...)
		}
		if t.Kind == TextStart {
			return appendQuoted(dst, all), nil
		}
		return appendEncoded(dst, all, enc), nil
	case ArrayStart:
		c.levels = append(c.levels, jsonLevel{kind: ArrayStart, enc: uint8(enc)})
		return append(dst, '['), nil
	case MapStart:
		c.levels = append(c.levels, jsonLevel{kind: MapStart, enc: uint8(enc)})
		c.maps = append(c.maps, c.openNames())
		return append(dst, '{'), nil
	case TagStart:
		l := jsonLevel{kind: TagStart, enc: uint8(enc)}
		switch t.Uint {
		case 2, 3:
			if d := c.d; d.pos < len(d.buf) && d.buf[d.pos]>>5 == majBytes {
				if dst, err = c.bignum(dst, t.Uint == 3); err != nil {
					return dst, err
				}
				l.begun = true // written: next reads the tag's end
			}
			// otherwise not a bignum: the content is converted as under
			// other tags, in place (reading it whole and again would cost
			// a pass over it per enclosing tag)
		case 21, 22, 23:
			l.enc = uint8(t.Uint)
		}
		c.levels = append(c.levels, l)
		return dst, nil
	}
	return dst, errors.New("lecp: unexpected " + t.Kind.String())
}

// bignum converts the byte string content of a tag 2 (or 3, neg).
func (c *jsonConv) bignum(dst []byte, neg bool) ([]byte, error) {
	raw, err := c.d.ReadValue()
	if err != nil {
		return dst, err
	}
	mag, _ := byteStringContent(raw, c.opts) // a byte string, read under c.opts already
	if len(bytes.TrimLeft(mag, "\x00")) > maxJSONBignum {
		// §6.1's advice: base64url, "~" for a negative one
		dst = append(dst, '"')
		if neg {
			dst = append(dst, '~')
		}
		dst = base64.RawURLEncoding.AppendEncode(dst, mag)
		return append(dst, '"'), nil
	}
	return appendBignum(dst, mag, neg), nil
}

func appendEncoded(dst, b []byte, enc uint64) []byte {
	dst = append(dst, '"')
	switch enc {
	case 22:
		dst = base64.StdEncoding.AppendEncode(dst, b)
	case 23:
		// base16 "with uppercase alphabetics" (RFC 8949 §3.4.5.2)
		const upper = "0123456789ABCDEF"
		for _, c := range b {
			dst = append(dst, upper[c>>4], upper[c&15])
		}
	default:
		dst = base64.RawURLEncoding.AppendEncode(dst, b)
	}
	return append(dst, '"')
}

// byteStringContent returns the content of a (well-formed) encoded byte
// string, definite or indefinite.
func byteStringContent(raw []byte, opts *Options) ([]byte, bool) {
	if len(raw) == 0 || raw[0]>>5 != majBytes {
		return nil, false
	}
	d := NewDecoderBytes(raw, opts)
	var all []byte
	for {
		t, err := d.ReadToken()
		if err != nil {
			return all, err == io.EOF
		}
		all = append(all, t.Value...)
	}
}

// keyName converts a map key (its encoding, accepted under c.opts) to a
// JSON member name, in c.tmp or raw.
func (c *jsonConv) keyName(raw []byte) ([]byte, error) {
	a, hl := headArg(raw)
	switch raw[0] >> 5 {
	case majUint:
		c.tmp = strconv.AppendUint(c.tmp[:0], a, 10)
		return c.tmp, nil
	case majNint:
		c.tmp = appendNegDecimal(c.tmp[:0], a)
		return c.tmp, nil
	case majText:
		if raw[0]&0x1f != 31 {
			return raw[hl:], nil
		}
		// indefinite: the chunks are definite text strings, then a break
		c.tmp = c.tmp[:0]
		for rest := raw[1:]; rest[0] != 0xff; {
			n, hl := headArg(rest)
			c.tmp = append(c.tmp, rest[hl:hl+int(n)]...)
			rest = rest[hl+int(n):]
		}
		return c.tmp, nil
	}
	var err error
	c.tmp, err = AppendDiag(c.tmp[:0], raw, c.opts)
	return c.tmp, err
}

// mapNames are the member names of one map being converted: c.names[from:]
// holds them, the i-th ending at c.ends[first+i]. Past linearNames names,
// table indexes them (open addressing: i+1 in the slot of the name's hash,
// or the next free one; 0 is free).
type mapNames struct {
	from, first int
	table       []int32
}

// linearNames is the number of names compared one by one before a map's
// names are indexed.
const linearNames = 16

func (c *jsonConv) openNames() mapNames {
	return mapNames{from: len(c.names), first: len(c.ends)}
}

func (c *jsonConv) closeNames(m mapNames) {
	c.names, c.ends = c.names[:m.from], c.ends[:m.first]
	if m.table != nil {
		c.tables = append(c.tables, m.table)
	}
}

// name returns the i-th name of m.
func (c *jsonConv) name(m *mapNames, i int) []byte {
	from := m.from
	if i > 0 {
		from = c.ends[m.first+i-1]
	}
	return c.names[from:c.ends[m.first+i]]
}

// addName adds name to the map's names as JSON readers will see it (every
// byte that is not UTF-8 as U+FFFD, as appendQuoted writes it), reporting
// false when it is there already. A nested map's names, added meanwhile,
// are gone by then (closeNames).
func (c *jsonConv) addName(m *mapNames, name []byte) bool {
	start := len(c.names)
	if utf8.Valid(name) {
		c.names = append(c.names, name...)
	} else {
		for _, r := range string(name) {
			c.names = utf8.AppendRune(c.names, r)
		}
	}
	seen := c.names[start:]
	n := len(c.ends) - m.first // names before this one
	if m.table == nil {
		for i := range n {
			if bytes.Equal(c.name(m, i), seen) {
				c.names = c.names[:start]
				return false
			}
		}
		c.ends = append(c.ends, len(c.names))
		if n+1 == linearNames {
			c.index(m, 4*linearNames)
		}
		return true
	}
	slot, dup := c.probe(m, seen)
	if dup {
		c.names = c.names[:start]
		return false
	}
	c.ends = append(c.ends, len(c.names))
	m.table[slot] = int32(n + 1)
	if 2*(n+1) > len(m.table) {
		c.index(m, 2*len(m.table))
	}
	return true
}

// index puts m's names in a table of size slots (a power of two), taken
// from c.tables when one is free.
func (c *jsonConv) index(m *mapNames, size int) {
	if m.table != nil {
		c.tables = append(c.tables, m.table)
	}
	m.table = nil
	// From the last freed (the likeliest to fit), taking it out by moving
	// the last one into its place: the free list can hold one table per
	// open level (up to MaxDepth), and shifting it down cost every map
	// deep in a document a copy of it (helper acplx's audit).
	for i := len(c.tables) - 1; i >= 0; i-- {
		if t := c.tables[i]; cap(t) >= size {
			m.table = t[:size]
			last := len(c.tables) - 1
			c.tables[i], c.tables[last] = c.tables[last], nil
			c.tables = c.tables[:last]
			clear(m.table)
			break
		}
	}
	if m.table == nil {
		m.table = make([]int32, size)
	}
	for i := range len(c.ends) - m.first {
		slot, _ := c.probe(m, c.name(m, i))
		m.table[slot] = int32(i + 1)
	}
}

// probe finds name in m.table: its slot and true, or the free slot where it
// goes and false.
func (c *jsonConv) probe(m *mapNames, name []byte) (int, bool) {
	mask := len(m.table) - 1
	for s := int(maphash.Bytes(c.seed, name)) & mask; ; s = (s + 1) & mask {
		k := m.table[s]
		if k == 0 {
			return s, false
		}
		if bytes.Equal(c.name(m, int(k-1)), name) {
			return s, true
		}
	}
}
