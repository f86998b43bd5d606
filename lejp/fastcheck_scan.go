package lejp

// Token routines of Check's fast pass (fastcheck.go): strings, member
// names, numbers and whitespace over a whole input, eight bytes at a time.
// Like the fast pass they only ever accept: each returns the end of a token
// it is sure of, or -1 when the token is invalid or is left to the scanner.
// A string is either taken here (plain bytes, the short escapes, well-formed
// UTF-8) or handed whole to the scanner's scanStr, so a string is accepted
// exactly when scanStr accepts it (TestFastStrAgrees, FuzzFastStr).

import (
	"encoding/binary"
	"math/bits"
)

// fastSpecial flags (high bit of each byte) the bytes of x that end a
// plain run in a string: '"', '\\', control characters and non-ASCII
// bytes. The lowest flagged byte is always a true one; bytes above it may be
// flagged falsely (a borrow or carry from it), which no caller looks at.
//
// For an ASCII byte, q-1 (q = x^'"') has its high bit set only when q is 0,
// and x-0x20 only when x < 0x20; a non-ASCII byte is flagged by x itself.
// So the "&^q" of the usual zero-byte test is not needed.
func fastSpecial(x uint64) uint64 {
	q := x ^ (lo8 * '"')
	e := x ^ (lo8 * '\\')
	return ((q - lo8) | (e - lo8) | (x - lo8*0x20) | x) & hi8
}

// fastNonDigit flags the bytes of x that are not ASCII digits; as with
// fastSpecial only the lowest flag is exact. With t = x^'0', a digit is a t
// of 0..9: t+0x76 reaches 0x80 exactly when t is 10..0x7F, and a t of
// 0x80 or more is flagged by t.
func fastNonDigit(x uint64) uint64 {
	t := x ^ (lo8 * '0')
	return ((t + lo8*0x76) | t) & hi8
}

// fastEsc marks the bytes that may follow a backslash in a two-byte escape.
var fastEsc = [256]bool{'"': true, '\\': true, '/': true, 'b': true, 'f': true, 'n': true, 'r': true, 't': true}

// fastStr returns the end (just past the closing quote) of the string
// whose opening quote is b[i], or -1 if it is not a valid string of at most
// max content bytes under allow (AllowInvalidUTF8).
func fastStr(b []byte, i int, max int64, allow bool) int {
	end, _ := fastStrFrom(b, i, i+1, max, allow)
	return end
}

// fastStrFrom is fastStr for the string at b[i] whose bytes before b[j]
// are known to be plain; it also reports whether the string has escapes
// (as scanStr does).
func fastStrFrom(b []byte, i, j int, max int64, allow bool) (end int, esc bool) {
	for {
		for j+8 <= len(b) {
			if m := fastSpecial(binary.LittleEndian.Uint64(b[j : j+8])); m != 0 {
				j += bits.TrailingZeros64(m) >> 3
				goto unit
			}
			j += 8
		}
		// The last few bytes of the input: the scanner's way.
		return fastStrScan(b, i, max, allow)
	unit:
		switch c := b[j]; {
		case c == '"':
			if int64(j-i-1) > max {
				return -1, false
			}
			return j + 1, esc
		case c == '\\':
			if j+1 < len(b) && fastEsc[b[j+1]] {
				j += 2
				esc = true
				continue
			}
			return fastStrScan(b, i, max, allow)
		case c < 0x80:
			return -1, false // a control character
		case allow:
			j++
		default:
			k := fastUTF8(b, j)
			if k == j {
				return fastStrScan(b, i, max, allow)
			}
			j = k
		}
	}
}

// fastStrScan is scanStr's verdict on the string at b[i]: its end, or -1,
// and whether it has escapes.
func fastStrScan(b []byte, i int, max int64, allow bool) (int, bool) {
	end, esc, _, cause := scanStr(b, i, max, allow)
	if cause != nil || end < 0 {
		return -1, false
	}
	return end, esc
}

// byteText is the input of the routines that read a string's bytes
// either from the input ([]byte) or from a Writer's argument (string).
type byteText interface{ ~[]byte | ~string }

// load64 reads b[j:j+8] as a little-endian word, as
// binary.LittleEndian.Uint64 does for a []byte (the compiler makes it one
// load), for a string too.
func load64[T byteText](b T, j int) uint64 {
	w := b[j : j+8]
	return uint64(w[0]) | uint64(w[1])<<8 | uint64(w[2])<<16 | uint64(w[3])<<24 |
		uint64(w[4])<<32 | uint64(w[5])<<40 | uint64(w[6])<<48 | uint64(w[7])<<56
}

// fastUTF8 returns the end of the run of well-formed UTF-8 sequences
// (RFC 3629: no overlong forms, surrogates or code points above U+10FFFF)
// starting at b[j], which is non-ASCII; j if there is none, that is when
// b[j] does not start a well-formed sequence.
func fastUTF8[T byteText](b T, j int) int {
	// Two 3-byte sequences (most CJK text) at a time: leads 1110xxxx but
	// not E0 or ED (whose second byte is restricted), then two
	// continuation bytes each.
	for j+8 <= len(b) {
		w := load64(b, j)
		if w&0xC0C0F0C0C0F0 != 0x8080E08080E0 {
			break
		}
		if b0, b3 := byte(w), byte(w>>24); b0 == 0xE0 || b0 == 0xED || b3 == 0xE0 || b3 == 0xED {
			break
		}
		j += 6
	}
	for j+1 < len(b) {
		c, c1 := b[j], b[j+1]
		switch {
		case c < 0xC2:
			return j // ASCII, a continuation byte, or an overlong lead
		case c < 0xE0:
			if c1&0xC0 != 0x80 {
				return j
			}
			j += 2
			continue
		case c < 0xF0:
			lo, hi := byte(0x80), byte(0xBF)
			if c == 0xE0 {
				lo = 0xA0
			} else if c == 0xED {
				hi = 0x9F
			}
			if c1 < lo || c1 > hi || j+2 >= len(b) || b[j+2]&0xC0 != 0x80 {
				return j
			}
			j += 3
			continue
		case c < 0xF5:
			lo, hi := byte(0x80), byte(0xBF)
			if c == 0xF0 {
				lo = 0x90
			} else if c == 0xF4 {
				hi = 0x8F
			}
			if c1 < lo || c1 > hi || j+3 >= len(b) || b[j+2]&0xC0 != 0x80 || b[j+3]&0xC0 != 0x80 {
				return j
			}
			j += 4
			continue
		}
		return j
	}
	return j
}

// fastKey is the duplicate-search key of a member name: its length and
// first and last eight bytes (many names share their first eight bytes:
// "profile_link_color", "profile_text_color").
func fastKey(nm []byte) uint64 {
	var k uint64
	if len(nm) >= 8 {
		k = binary.LittleEndian.Uint64(nm) ^ bits.RotateLeft64(binary.LittleEndian.Uint64(nm[len(nm)-8:]), 31)
	} else {
		for i, c := range nm {
			k |= uint64(c) << (8 * i)
		}
	}
	return k ^ uint64(len(nm))*0x9E3779B97F4A7C15
}

// fastName returns the end of the member name whose opening quote is b[i],
// and its fastKey; or -1 if it is invalid, longer than max, or escaped (an
// escaped name is decoded for the duplicate search: the scanner's work).
func fastName(b []byte, i int, max int, allow bool) (int, uint64) {
	j := i + 1
	if j+8 <= len(b) {
		w := binary.LittleEndian.Uint64(b[j : j+8])
		if m := fastSpecial(w); m != 0 {
			k := bits.TrailingZeros64(m) >> 3
			if byte(w>>(8*k)) == '"' && k <= max {
				return j + k + 1, w&(1<<(8*k)-1) ^ uint64(k)*0x9E3779B97F4A7C15
			}
		} else {
			for j += 8; j+8 <= len(b); j += 8 {
				if m := fastSpecial(binary.LittleEndian.Uint64(b[j : j+8])); m != 0 {
					j += bits.TrailingZeros64(m) >> 3
					if k := j - i - 1; b[j] == '"' && k <= max {
						return j + 1, w ^ bits.RotateLeft64(binary.LittleEndian.Uint64(b[j-8:j]), 31) ^ uint64(k)*0x9E3779B97F4A7C15
					}
					break
				}
			}
		}
	}
	end, esc, _, cause := scanStr(b, i, int64(max), allow)
	if cause != nil || end < 0 || esc {
		return -1, 0
	}
	return end, fastKey(b[i+1 : end-1])
}

// fastDigits returns the end of the run of ASCII digits at b[j].
func fastDigits(b []byte, j int) int {
	for j+8 <= len(b) {
		if m := fastNonDigit(binary.LittleEndian.Uint64(b[j : j+8])); m != 0 {
			return j + bits.TrailingZeros64(m)>>3
		}
		j += 8
	}
	for j < len(b) && b[j]-'0' <= 9 {
		j++
	}
	return j
}

// fastNum returns the end of the number at b[i] (a '-' or a digit), or -1
// if it is not one. It does not look at the byte after the number: the
// fast pass accepts only a comma, a bracket, a brace or whitespace there,
// none of which could continue a number.
func fastNum(b []byte, i int) int {
	j := i
	if b[j] == '-' {
		j++
	}
	k := fastDigits(b, j)
	if k == j || (b[j] == '0' && k > j+1) {
		return -1
	}
	j = k
	if j < len(b) && b[j] == '.' {
		k = fastDigits(b, j+1)
		if k == j+1 {
			return -1
		}
		j = k
	}
	if j < len(b) && b[j]|0x20 == 'e' {
		j++
		if j < len(b) && (b[j] == '+' || b[j] == '-') {
			j++
		}
		k = fastDigits(b, j)
		if k == j {
			return -1
		}
		j = k
	}
	return j
}

// fastWS returns the end of the whitespace at b[i].
func fastWS(b []byte, i int) int {
	for i < len(b) {
		if c := b[i]; c != ' ' && c != '\n' && c != '\r' && c != '\t' {
			return i
		}
		i++
		for i+8 <= len(b) {
			if y := binary.LittleEndian.Uint64(b[i:i+8]) ^ spaces8; y != 0 {
				i += bits.TrailingZeros64(y) >> 3
				break
			}
			i += 8
		}
	}
	return i
}

// fastDup searches the names of an object (ents) for nm (whose key is
// key), spending len(ents) of the work budget: it reports false if nm is
// there or the budget is spent.
func fastDup(ents []fastEnt, b []byte, key uint64, nm []byte, acct *fastAcct) bool {
	if acct.work -= len(ents); acct.work < 0 {
		return false
	}
	for _, e := range ents {
		if e.key == key && string(b[e.off:e.off+e.n]) == string(nm) {
			return false
		}
	}
	return true
}

// fastExp returns the end of the exponent at b[k] ('e' or 'E'), or -1.
func fastExp(b []byte, k int) int {
	k++
	if k < len(b) && (b[k] == '+' || b[k] == '-') {
		k++
	}
	j := fastDigits(b, k)
	if j == k {
		return -1
	}
	return j
}
