package jwt

// This file is the fast reader of a claims set. It reads, without lejp's
// token loop, the shape nearly every JWT has: one object of at most
// fastMaxClaims members whose names and top-level values are printable
// ASCII other than the backslash (so no escapes, no UTF-8 to validate),
// ' ' the only whitespace between them, values that are strings,
// integers, true, false, null, or arrays of those scalars. A nested
// object or array (outside the registered claims) it hands to a strict
// lejp Decoder for that value alone, exactly as parseStrict checks nested
// values. Anything else — an escape or a byte outside printable ASCII at
// the top level, a fraction or exponent, a syntax error, a duplicate or
// case-variant name, a registered claim of the wrong type or out of range
// — makes it give up, and the strict lejp reader (parseStrict) reads the
// claims set from the start and words any error. So the fast reader
// decides nothing on its own: it accepts a subset of what parseStrict
// accepts and fills the Claims as parseStrict would (FuzzFastClaims checks
// both).
//
// Strings are searched for their closing quote eight bytes at a time,
// checking on the way that they hold no byte that would need decoding or
// validating; between them the reader admits only the bytes of the subset.

import (
	"encoding/binary"
	"math/bits"

	"github.com/lwscrypto/lwscrypto/lejp"
)

// fastMaxClaims bounds the members the fast reader handles; the duplicate
// detection keys live in an array of this size.
const fastMaxClaims = 32

// fastReader is the fast reader's state.
type fastReader struct {
	b []byte
}

// str reads the string whose opening quote is at i and returns the index
// of its closing quote. It gives up on a string holding a byte below 0x20,
// a byte with its top bit set or a backslash: without them, the string is
// plain ASCII with nothing to decode, and ends at the next quote. It gives
// up too on one longer than lejp's DefaultMaxStringLen, which the strict
// reader refuses (claimsOpts leaves MaxStringLen at its default; names have
// a lower bound, checked by the caller). It tests eight bytes at a time. In
// each word the lowest flagged lane of both the quote mask and the bad-byte
// mask is a real hit (the borrows of the subtractions only run toward
// higher lanes), so the string is good if no bad lane lies below the first
// quote.
func (r *fastReader) str(i int) (int, bool) {
	const lo, hi = 0x0101010101010101, 0x8080808080808080
	b := r.b
	if i >= len(b) || b[i] != '"' {
		return 0, false
	}
	start := i
	for i++; i+8 <= len(b); i += 8 {
		x := binary.LittleEndian.Uint64(b[i:])
		q := x ^ (lo * '"')
		s := x ^ (lo * '\\')
		bad := ((s-lo)&^s | (x-lo*0x20)&^x | x) & hi
		if m := (q - lo) &^ q & hi; m != 0 {
			if bad&(m&-m-1) != 0 {
				return 0, false
			}
			return strEnd(start, i+bits.TrailingZeros64(m)>>3)
		}
		if bad != 0 {
			return 0, false
		}
	}
	for ; i < len(b); i++ {
		switch x := b[i]; {
		case x == '"':
			return strEnd(start, i)
		case x < 0x20 || x >= 0x80 || x == '\\':
			return 0, false
		}
	}
	return 0, false
}

// strEnd is str's result for a string whose quotes are at start and end:
// refused when it is longer than the strict reader takes.
func strEnd(start, end int) (int, bool) {
	if end-start-1 > lejp.DefaultMaxStringLen {
		return 0, false
	}
	return end, true
}

// ws returns the index of the first byte at or after i that is not a
// space. The fast reader takes no other whitespace: '\t', '\n' or '\r'
// between tokens send the claims set to parseStrict.
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
	// mem is the names' memory as lejp counts it (maxNameMemory): at most
	// 32 names of at most 64 KiB cannot pass the bound alone, but with
	// the names of a nested object they can.
	mem := 0
	for n := 0; ; n++ {
		j, ok := r.str(i)
		// a longer name is lejp's ErrNameTooLong (claimsOpts leaves
		// MaxNameLen at its default); the strict reader words it
		if !ok || n == fastMaxClaims || j-i-1 > lejp.DefaultMaxNameLen {
			return false
		}
		nb := r.b[i+1 : j]
		// Duplicates and case variants: equal keys for two names that
		// differ (possible beyond seven bytes) only cost the strict
		// reader.
		w, key := r.nameKey(i+1, j)
		for _, o := range keys[:n] {
			if o == key {
				return false
			}
		}
		keys[n] = key
		mem += len(nb) + nameOverhead
		i = r.ws(j + 1)
		if !r.at(i, ':') {
			return false
		}
		if i = r.ws(i + 1); i >= len(r.b) {
			return false
		}
		switch regName(len(nb), w) {
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
			i, ok = c.fastExtra(&r, span{int32(j - len(nb)), int32(len(nb))}, i, mem)
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

// regName classifies a registered claim name, given its length and its
// bytes in w (see nameKey), by one byte ('i' iss, 's' sub, 'j' jti, 'a'
// aud, 'e' exp, 'n' nbf, 't' iat), or 0.
func regName(n int, w uint64) byte {
	if n != 3 {
		return 0
	}
	const (
		iss = 's'<<16 | 's'<<8 | 'i'
		sub = 'b'<<16 | 'u'<<8 | 's'
		jti = 'i'<<16 | 't'<<8 | 'j'
		aud = 'd'<<16 | 'u'<<8 | 'a'
		exp = 'p'<<16 | 'x'<<8 | 'e'
		nbf = 'f'<<16 | 'b'<<8 | 'n'
		iat = 't'<<16 | 'a'<<8 | 'i'
	)
	switch w {
	case iss:
		return 'i'
	case sub:
		return 's'
	case jti:
		return 'j'
	case aud:
		return 'a'
	case exp:
		return 'e'
	case nbf:
		return 'n'
	case iat:
		return 't'
	}
	return 0
}

// nameKey returns, for the name b[i:j], its bytes as a little-endian word
// w when it has at most seven (else w is 0), and its duplicate detection
// key: names that differ only in ASCII case have equal keys, and names of
// at most seven bytes that differ otherwise have different ones (longer
// names may collide, which only sends the claims set to parseStrict). The
// bytes are all below 0x80 (str has checked), so the lanes of the case folding
// never carry into each other: a lane from 'A' to 'Z' is the one whose
// sum with 0x3f reaches 0x80 and whose sum with 0x25 does not, and gets
// 0x20 added.
func (r *fastReader) nameKey(i, j int) (w, key uint64) {
	const lo, hi = 0x0101010101010101, 0x8080808080808080
	n := j - i
	fold := func(x uint64) uint64 { return x | ((x+lo*0x3f)&^(x+lo*0x25)&hi)>>2 }
	if n >= 8 {
		first := binary.LittleEndian.Uint64(r.b[i:])
		last := binary.LittleEndian.Uint64(r.b[j-8:])
		return 0, fold(first)*0x9e3779b97f4a7c15 ^ fold(last)*0xc2b2ae3d27d4eb4f ^ uint64(n)
	}
	if i+8 <= len(r.b) {
		w = binary.LittleEndian.Uint64(r.b[i:]) & (1<<(8*n) - 1)
	} else {
		for k := j - 1; k >= i; k-- {
			w = w<<8 | uint64(r.b[k])
		}
	}
	return w, fold(w) | uint64(n)<<56
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
		if !ok || len(c.aud) == maxAud { // the strict reader says why
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
	// Eight digits at a time while there are eight: every lane of x has
	// the high nibble 3 and a low nibble of at most 9; then lanes are
	// combined pairwise (d0*10+d1, …), the pairs by 100 and the quads by
	// 10000, the first digit being the lowest byte.
	const lo = 0x0101010101010101
	for i+8 <= len(b) {
		x := binary.LittleEndian.Uint64(b[i:])
		if x&(lo*0xf0) != lo*0x30 || (x+lo*0x06)&(lo*0xf0) != lo*0x30 {
			break
		}
		x -= lo * 0x30
		x = (x*10 + x>>8) & 0x00ff00ff00ff00ff
		x = (x*100 + x>>16) & 0x0000ffff0000ffff
		x = (x*10000 + x>>32) & 0xffffffff
		v = v*100000000 + int64(x)
		i += 8
	}
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

// fastExtra reads the value at b[i] of an unregistered claim named name;
// mem is the memory of the names so far (see checkNested).
func (c *Claims) fastExtra(r *fastReader, name span, i, mem int) (int, bool) {
	start := i
	var ok bool
	switch r.b[i] {
	case '[':
		if i, ok = r.array(start); !ok {
			i, ok = c.fastNested(r.b, start, mem)
		}
	case '{':
		i, ok = c.fastNested(r.b, start, mem)
	default:
		i, ok = r.scalar(i)
	}
	c.extra = append(c.extra, member{name: name, value: span{int32(start), int32(i - start)}})
	return i, ok
}

// fastNested reads the object or array at b[i] — one the fast reader does
// not take itself — with checkNested, as parseStrict does, and returns the
// index after it.
func (c *Claims) fastNested(b []byte, i, mem int) (int, bool) {
	n, err := c.checkNested(b[i:], mem)
	if err != nil {
		return i, false
	}
	return i + n, true
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
