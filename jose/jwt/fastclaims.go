package jwt

// This file is the fast reader of a claims set. It reads, in one pass and
// without lejp, the shape nearly every JWT has: one object of at most
// fastMaxClaims members, names and string values of printable ASCII
// without escapes, integers, true, false, null, and arrays of those
// scalars. Anything else — an escape, a byte outside printable ASCII, a
// fraction or exponent, a nested object, an array in an array, a syntax
// error, a duplicate or case-variant name, a registered claim of the wrong
// type or out of range — makes it give up, and the strict lejp reader
// (parseStrict) reads the claims set from the start and words any error.
// So the fast reader decides nothing on its own: it accepts a subset of
// what parseStrict accepts and fills the Claims exactly as parseStrict
// would (FuzzFastClaims checks both).

// fastMaxClaims bounds the members the fast reader handles; duplicate
// detection keys live in an array of this size.
const fastMaxClaims = 32

// plainStr marks the bytes that end the fast reader's plain strings: the
// quote, and everything it leaves to parseStrict (controls, the
// backslash, non-ASCII).
var plainStr = func() (t [256]bool) {
	for i := range t {
		t[i] = i < 0x20 || i == '"' || i == '\\' || i >= 0x80
	}
	return t
}()

// isWS reports JSON whitespace (RFC 8259 §2).
func isWS(b byte) bool { return b == ' ' || b == '\n' || b == '\r' || b == '\t' }

// fastParse reads c.Raw, which must be reset, and reports whether it was
// in the fast subset. When it reports false, c is partly filled and must be
// reset before parseStrict.
func (c *Claims) fastParse() bool {
	b := c.Raw
	i := skipWS(b, 0)
	if i >= len(b) || b[i] != '{' {
		return false
	}
	var keys [fastMaxClaims]uint64
	n := 0
	c.names = c.names[:0]
	i = skipWS(b, i+1)
	if i < len(b) && b[i] == '}' {
		return skipWS(b, i+1) == len(b)
	}
	for {
		// Member name.
		if i >= len(b) || b[i] != '"' || n == fastMaxClaims {
			return false
		}
		j := plainEnd(b, i+1)
		if j < 0 {
			return false
		}
		nb := b[i+1 : j]
		// Duplicates and case variants: keys compare the length and the
		// first seven bytes folded to lower case, exactly for names of up
		// to seven bytes.
		k := foldKey(nb)
		for _, o := range keys[:n] {
			if o == k && (len(nb) <= 7 || c.foldSeen(nb)) {
				return false
			}
		}
		keys[n] = k
		n++
		i = skipWS(b, j+1)
		if i >= len(b) || b[i] != ':' {
			return false
		}
		i = skipWS(b, i+1)
		if i >= len(b) {
			return false
		}
		name := c.addStr(nb)
		c.names = append(c.names, name)
		var ok bool
		switch regName(nb) {
		case 'i':
			i, ok = c.fastString(b, i, &c.iss, hasIss)
		case 's':
			i, ok = c.fastString(b, i, &c.sub, hasSub)
		case 'j':
			i, ok = c.fastString(b, i, &c.jti, hasJti)
		case 'a':
			i, ok = c.fastAud(b, i)
		case 'e':
			i, ok = c.fastDate(b, i, &c.exp, hasExp)
		case 'n':
			i, ok = c.fastDate(b, i, &c.nbf, hasNbf)
		case 't':
			i, ok = c.fastDate(b, i, &c.iat, hasIat)
		default:
			start := i
			if b[i] == '[' {
				i, ok = fastArray(b, i)
			} else {
				i, ok = fastScalar(b, i)
			}
			c.extra = append(c.extra, member{name: name, value: span{int32(start), int32(i - start)}})
		}
		if !ok {
			return false
		}
		i = skipWS(b, i)
		if i >= len(b) {
			return false
		}
		if b[i] == ',' {
			i = skipWS(b, i+1)
			continue
		}
		if b[i] != '}' {
			return false
		}
		return skipWS(b, i+1) == len(b)
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

// foldKey packs the length of an ASCII name and its first seven bytes
// folded to lower case.
func foldKey(nb []byte) uint64 {
	k := uint64(len(nb))
	if len(nb) > 7 {
		nb = nb[:7]
	}
	for i, x := range nb {
		if 'A' <= x && x <= 'Z' {
			x += 'a' - 'A'
		}
		k |= uint64(x) << (8 * (i + 1))
	}
	return k
}

// foldSeen reports whether nb equals, but for ASCII case, a name already
// read (c.names, all in c.strs).
func (c *Claims) foldSeen(nb []byte) bool {
	for _, o := range c.names {
		if int(o.n) == len(nb) && equalFold(c.bytes(o), nb) {
			return true
		}
	}
	return false
}

// skipWS returns the index of the first non-whitespace byte at or after i.
func skipWS(b []byte, i int) int {
	for i < len(b) && isWS(b[i]) {
		i++
	}
	return i
}

// plainEnd returns the index of the quote closing a plain string whose
// contents start at i, or -1 if the string holds anything the fast reader
// leaves to parseStrict (or does not end).
func plainEnd(b []byte, i int) int {
	for i < len(b) {
		if plainStr[b[i]] {
			if b[i] == '"' {
				return i
			}
			return -1
		}
		i++
	}
	return -1
}

// fastString reads a plain string value at b[i] into *dst.
func (c *Claims) fastString(b []byte, i int, dst *span, bit uint8) (int, bool) {
	if b[i] != '"' {
		return i, false
	}
	j := plainEnd(b, i+1)
	if j < 0 {
		return i, false
	}
	*dst = c.addStr(b[i+1 : j])
	c.has |= bit
	return j + 1, true
}

// fastAud reads "aud": a plain string or an array of them.
func (c *Claims) fastAud(b []byte, i int) (int, bool) {
	if b[i] == '"' {
		j := plainEnd(b, i+1)
		if j < 0 {
			return i, false
		}
		c.aud = append(c.aud, c.addStr(b[i+1:j]))
		c.audOK = true
		return j + 1, true
	}
	if b[i] != '[' {
		return i, false
	}
	i = skipWS(b, i+1)
	if i < len(b) && b[i] == ']' {
		c.audOK = true
		return i + 1, true
	}
	for {
		if i >= len(b) || b[i] != '"' {
			return i, false
		}
		j := plainEnd(b, i+1)
		if j < 0 {
			return i, false
		}
		c.aud = append(c.aud, c.addStr(b[i+1:j]))
		i = skipWS(b, j+1)
		if i >= len(b) {
			return i, false
		}
		if b[i] == ']' {
			c.audOK = true
			return i + 1, true
		}
		if b[i] != ',' {
			return i, false
		}
		i = skipWS(b, i+1)
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
func (c *Claims) fastDate(b []byte, i int, dst *numericDate, bit uint8) (int, bool) {
	v, i, ok := fastInt(b, i)
	if !ok || v > maxDate || v < -maxDate {
		return i, false
	}
	*dst = numericDate{sec: v}
	c.has |= bit
	return i, true
}

// fastScalar reads a plain string, an integer, true, false or null.
func fastScalar(b []byte, i int) (int, bool) {
	switch x := b[i]; {
	case x == '"':
		j := plainEnd(b, i+1)
		return j + 1, j >= 0
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

// fastArray reads an array of scalars at b[i] == '['.
func fastArray(b []byte, i int) (int, bool) {
	i = skipWS(b, i+1)
	if i < len(b) && b[i] == ']' {
		return i + 1, true
	}
	for {
		if i >= len(b) {
			return i, false
		}
		var ok bool
		if i, ok = fastScalar(b, i); !ok {
			return i, false
		}
		i = skipWS(b, i)
		if i >= len(b) {
			return i, false
		}
		if b[i] == ']' {
			return i + 1, true
		}
		if b[i] != ',' {
			return i, false
		}
		i = skipWS(b, i+1)
	}
}
