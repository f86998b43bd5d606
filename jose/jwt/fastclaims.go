package jwt

// This file is the fast reader of a claims set. It reads, without lejp,
// the shape nearly every JWT has: one object of at most fastMaxClaims
// members, all of its bytes printable ASCII other than the backslash (so
// no escapes, no UTF-8 to validate, and ' ' the only whitespace), values
// that are strings, integers, true, false, null, or arrays of those
// scalars. Anything else — an escape, a byte outside printable ASCII, a
// fraction or exponent, a nested object, an array in an array, a syntax
// error, a duplicate or case-variant name, a registered claim of the wrong
// type or out of range — makes it give up, and the strict lejp reader
// (parseStrict) reads the claims set from the start and words any error.
// So the fast reader decides nothing on its own: it accepts a subset of
// what parseStrict accepts and fills the Claims as parseStrict would
// (FuzzFastClaims checks both).
//
// It works in two passes. The first (plainASCII) checks the bytes, eight
// at a time. Without escapes each string then runs from one quote to the
// next, which the second pass finds eight bytes at a time as it walks the
// structure.

import (
	"encoding/binary"
	"math/bits"
)

// fastMaxClaims bounds the members the fast reader handles; the duplicate
// detection keys live in an array of this size.
const fastMaxClaims = 32

// fastReader is the fast reader's state.
type fastReader struct {
	b []byte
}

// plainASCII reports whether every byte of r.b is printable ASCII (0x20
// to 0x7f) other than '\\'. It tests eight bytes at a time: a byte below
// 0x20, with its top bit set or equal to '\\' sets the top bit of its lane
// (borrows may flag higher lanes too, which does not matter for a yes/no).
func (r *fastReader) plainASCII() bool {
	const lo, hi = 0x0101010101010101, 0x8080808080808080
	b := r.b
	var bad uint64
	for len(b) >= 8 {
		x := binary.LittleEndian.Uint64(b)
		s := x ^ (lo * '\\')
		bad |= (s-lo)&^s | (x-lo*0x20)&^x | x
		b = b[8:]
	}
	for _, x := range b {
		if x < 0x20 || x >= 0x80 || x == '\\' {
			return false
		}
	}
	return bad&hi == 0
}

// str reads the string whose opening quote is at i and returns the index
// of its closing quote: with plainASCII holding, the next quote. It tests
// eight bytes at a time; the lowest flagged lane is always a real quote
// (borrows run only toward higher lanes).
func (r *fastReader) str(i int) (int, bool) {
	const lo, hi = 0x0101010101010101, 0x8080808080808080
	b := r.b
	if i >= len(b) || b[i] != '"' {
		return 0, false
	}
	for i++; i+8 <= len(b); i += 8 {
		q := binary.LittleEndian.Uint64(b[i:]) ^ (lo * '"')
		if m := (q - lo) &^ q & hi; m != 0 {
			return i + bits.TrailingZeros64(m)>>3, true
		}
	}
	for ; i < len(b); i++ {
		if b[i] == '"' {
			return i, true
		}
	}
	return 0, false
}

// ws returns the index of the first byte at or after i that is not a space
// (the only whitespace scanQuotes lets through).
func (r *fastReader) ws(i int) int {
	for i < len(r.b) && r.b[i] == ' ' {
		i++
	}
	return i
}

// at reports whether b[i] is x.
func (r *fastReader) at(i int, x byte) bool { return i < len(r.b) && r.b[i] == x }

// fastParse reads c.Raw, which must be reset, and reports whether it was
// in the fast subset. Its strings need no decoding, so the spans address
// Raw itself (c.inRaw) and nothing is copied. When it reports false, c is
// partly filled and must be reset before parseStrict.
func (c *Claims) fastParse() bool {
	var r fastReader
	r.b = c.Raw
	if !r.plainASCII() {
		return false
	}
	i := r.ws(0)
	if !r.at(i, '{') {
		return false
	}
	c.inRaw = true
	i = r.ws(i + 1)
	if r.at(i, '}') {
		return r.ws(i+1) == len(r.b)
	}
	var keys [fastMaxClaims]uint64
	for n := 0; ; n++ {
		j, ok := r.str(i)
		if !ok || n == fastMaxClaims {
			return false
		}
		nb := r.b[i+1 : j]
		// Duplicates and case variants: equal keys for two names that
		// differ (possible beyond seven bytes) only cost the strict
		// reader.
		key := foldKey(nb)
		for _, o := range keys[:n] {
			if o == key {
				return false
			}
		}
		keys[n] = key
		i = r.ws(j + 1)
		if !r.at(i, ':') {
			return false
		}
		if i = r.ws(i + 1); i >= len(r.b) {
			return false
		}
		switch regName(nb) {
		case 'i':
			i, ok = c.fastString(&r, i, &c.iss, hasIss)
		case 's':
			i, ok = c.fastString(&r, i, &c.sub, hasSub)
		case 'j':
			i, ok = c.fastString(&r, i, &c.jti, hasJti)
		case 'a':
			i, ok = c.fastAud(&r, i)
		case 'e':
			i, ok = c.fastDate(&r, i, &c.exp, hasExp)
		case 'n':
			i, ok = c.fastDate(&r, i, &c.nbf, hasNbf)
		case 't':
			i, ok = c.fastDate(&r, i, &c.iat, hasIat)
		default:
			start := i
			if r.b[i] == '[' {
				i, ok = r.array(i)
			} else {
				i, ok = r.scalar(i)
			}
			c.extra = append(c.extra, member{name: span{int32(j - len(nb)), int32(len(nb))},
				value: span{int32(start), int32(i - start)}})
		}
		if !ok {
			return false
		}
		i = r.ws(i)
		if r.at(i, ',') {
			i = r.ws(i + 1)
			continue
		}
		return r.at(i, '}') && r.ws(i+1) == len(r.b)
	}
}

// regName classifies a registered claim name by one byte ('i' iss, 's'
// sub, 'j' jti, 'a' aud, 'e' exp, 'n' nbf, 't' iat), or 0.
func regName(nb []byte) byte {
	if len(nb) != 3 {
		return 0
	}
	switch uint32(nb[0])<<16 | uint32(nb[1])<<8 | uint32(nb[2]) {
	case 'i'<<16 | 's'<<8 | 's':
		return 'i'
	case 's'<<16 | 'u'<<8 | 'b':
		return 's'
	case 'j'<<16 | 't'<<8 | 'i':
		return 'j'
	case 'a'<<16 | 'u'<<8 | 'd':
		return 'a'
	case 'e'<<16 | 'x'<<8 | 'p':
		return 'e'
	case 'n'<<16 | 'b'<<8 | 'f':
		return 'n'
	case 'i'<<16 | 'a'<<8 | 't':
		return 't'
	}
	return 0
}

// foldKey packs the length of an ASCII name, its first six bytes and its
// last byte, folded to lower case: names of up to seven bytes that differ
// but for case have different keys, and names that differ but for case
// have equal keys.
func foldKey(nb []byte) uint64 {
	k := uint64(len(nb))
	if len(nb) == 0 {
		return k
	}
	k |= uint64(lower(nb[len(nb)-1])) << 56
	if len(nb) > 6 {
		nb = nb[:6]
	}
	for i, x := range nb {
		k |= uint64(lower(x)) << (8 * (i + 1))
	}
	return k
}

func lower(x byte) byte {
	if 'A' <= x && x <= 'Z' {
		x += 'a' - 'A'
	}
	return x
}

// fastString reads a string value at b[i] into *dst.
func (c *Claims) fastString(r *fastReader, i int, dst *span, bit uint8) (int, bool) {
	j, ok := r.str(i)
	if !ok {
		return i, false
	}
	*dst = span{int32(i + 1), int32(j - i - 1)}
	c.has |= bit
	return j + 1, true
}

// fastAud reads "aud": a string or an array of them.
func (c *Claims) fastAud(r *fastReader, i int) (int, bool) {
	if r.b[i] == '"' {
		j, ok := r.str(i)
		if !ok {
			return i, false
		}
		c.aud = append(c.aud, span{int32(i + 1), int32(j - i - 1)})
		c.audOK = true
		return j + 1, true
	}
	if r.b[i] != '[' {
		return i, false
	}
	i = r.ws(i + 1)
	if r.at(i, ']') {
		c.audOK = true
		return i + 1, true
	}
	for {
		j, ok := r.str(i)
		if !ok {
			return i, false
		}
		c.aud = append(c.aud, span{int32(i + 1), int32(j - i - 1)})
		i = r.ws(j + 1)
		if r.at(i, ']') {
			c.audOK = true
			return i + 1, true
		}
		if !r.at(i, ',') {
			return i, false
		}
		i = r.ws(i + 1)
	}
}

// fastInt reads an integer of at most 15 digits at b[i] (RFC 8259 §6
// grammar, no fraction or exponent).
func fastInt(b []byte, i int) (v int64, end int, ok bool) {
	neg := false
	if i < len(b) && b[i] == '-' {
		neg = true
		i++
	}
	start := i
	for i < len(b) && '0' <= b[i] && b[i] <= '9' {
		v = v*10 + int64(b[i]-'0')
		i++
	}
	nd := i - start
	if nd == 0 || nd > 15 || nd > 1 && b[start] == '0' {
		return 0, i, false
	}
	if i < len(b) && (b[i] == '.' || b[i] == 'e' || b[i] == 'E') {
		return 0, i, false
	}
	if neg {
		v = -v
	}
	return v, i, true
}

// fastDate reads a NumericDate that is an integer within ±maxDate.
func (c *Claims) fastDate(r *fastReader, i int, dst *numericDate, bit uint8) (int, bool) {
	v, i, ok := fastInt(r.b, i)
	if !ok || v > maxDate || v < -maxDate {
		return i, false
	}
	*dst = numericDate{sec: v}
	c.has |= bit
	return i, true
}

// scalar reads a string, an integer, true, false or null.
func (r *fastReader) scalar(i int) (int, bool) {
	b := r.b
	switch x := b[i]; {
	case x == '"':
		j, ok := r.str(i)
		return j + 1, ok
	case x == '-' || '0' <= x && x <= '9':
		_, i, ok := fastInt(b, i)
		return i, ok
	case x == 't':
		return i + 4, hasLit(b, i, "true")
	case x == 'f':
		return i + 5, hasLit(b, i, "false")
	case x == 'n':
		return i + 4, hasLit(b, i, "null")
	}
	return i, false
}

func hasLit(b []byte, i int, lit string) bool {
	return len(b)-i >= len(lit) && string(b[i:i+len(lit)]) == lit
}

// array reads an array of scalars at b[i] == '['.
func (r *fastReader) array(i int) (int, bool) {
	i = r.ws(i + 1)
	if r.at(i, ']') {
		return i + 1, true
	}
	for {
		if i >= len(r.b) {
			return i, false
		}
		var ok bool
		if i, ok = r.scalar(i); !ok {
			return i, false
		}
		i = r.ws(i)
		if r.at(i, ']') {
			return i + 1, true
		}
		if !r.at(i, ',') {
			return i, false
		}
		i = r.ws(i + 1)
	}
}
