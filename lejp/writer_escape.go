package lejp

// String escaping for the Writer and the Append functions.
//
// The output is built in the spare capacity of dst, grown once at the start
// for the string copied as is (the quotes included) and again only after an
// escape or a replacement, which is all that can make it longer. Plain bytes
// are then stored eight at a time: a word of the string is stored where
// its bytes go before it is looked at, and when it holds a byte that is not
// plain only the bytes before that byte count; the others are written
// again later. No store reaches past the end of the finished output (each
// byte of s stands for at least one output byte, at or after the place it
// would have if copied), so the bytes of dst past the result are left as
// they were, as append leaves them. A string shorter than eight bytes is
// read and stored with two overlapping narrow loads and stores, the last
// bytes of a longer one as a word that overlaps the one before, rather
// than one byte at a time.

import (
	"encoding/binary"
	"math/bits"
	"slices"
	"unicode/utf8"
)

// appendString is AppendString, or, when strict, AppendString for a string
// that must be UTF-8: at the first byte that is not, it stops and returns
// false, leaving part of the string appended (the caller drops it).
//
// A string of plain ASCII (most strings) is copied here; escapeInto takes
// over from the first word that holds another byte.
func appendString[T byteText](dst []byte, s T, strict bool) ([]byte, bool) {
	n := len(dst)
	if cap(dst)-n < len(s)+2 {
		dst = slices.Grow(dst, len(s)+2)
	}
	out := dst[:cap(dst)]
	out[n] = '"'
	n++
	i := 0
	if r := len(s); r < 8 {
		// s and the closing quote, two to eight bytes, as words of four
		// or two bytes that overlap (loadShort and storeShort, inline)
		var w uint64
		switch {
		case r >= 4:
			w = uint64(load32(s, 0)) | uint64(load32(s, r-4))<<(8*(r-4))
		case r >= 2:
			w = uint64(load16(s, 0)) | uint64(load16(s, r-2))<<(8*(r-2))
		case r == 1:
			w = uint64(s[0])
		}
		if fastSpecial(w)&(1<<(8*r)-1) == 0 {
			w |= '"' << (8 * r)
			b := out[n : n+r+1]
			switch {
			case r == 7:
				binary.LittleEndian.PutUint64(b, w)
			case r >= 3:
				binary.LittleEndian.PutUint32(b, uint32(w))
				binary.LittleEndian.PutUint32(b[r-3:], uint32(w>>(8*(r-3))))
			case r >= 1:
				binary.LittleEndian.PutUint16(b, uint16(w))
				binary.LittleEndian.PutUint16(b[r-1:], uint16(w>>(8*(r-1))))
			default:
				b[0] = '"'
			}
			return out[:n+r+1], true
		}
	} else {
		for ; i+16 < len(s); i += 8 {
			w := load64(s, i)
			store64(out, n+i, w)
			if fastSpecial(w) != 0 {
				goto slow
			}
		}
		// The last eight to sixteen bytes, as two words that may overlap:
		// a flag in the second is a true one when the first has none.
		j := len(s) - 8
		w0, w1 := load64(s, i), load64(s, j)
		if fastSpecial(w0)|fastSpecial(w1) == 0 {
			store64(out, n+i, w0)
			store64(out, n+j, w1)
			out[n+len(s)] = '"'
			return out[:n+len(s)+1], true
		}
	}
slow:
	out, n, ok := escapeInto(out, n+i, s, i, strict)
	if !ok {
		return out[:n], false
	}
	out[n] = '"'
	return out[:n+1], true
}

// appendEscaped is appendString without the quotes, for a string or a
// byte slice (converting a long slice to a string would allocate).
func appendEscaped[T byteText](dst []byte, s T, strict bool) ([]byte, bool) {
	n := len(dst)
	if cap(dst)-n < len(s)+1 {
		dst = slices.Grow(dst, len(s)+1)
	}
	out, n, ok := escapeInto(dst[:cap(dst)], n, s, 0, strict)
	return out[:n], ok
}

// escapeInto writes s[i:] escaped at out[n:] and returns out (grown if an
// escape needed room) and the end of what it wrote. out is a whole
// buffer (its length is its capacity) with room at n for s[i:] as is and
// one byte more: len(out)-n > len(s)-i. The room is kept for what is left
// of s after each escape, so that the closing quote fits too.
//
// Plain ASCII is skipped eight bytes at a time and UTF-8 in runs, with the
// routines of Check's fast pass (fastSpecial, fastUTF8).
func escapeInto[T byteText](out []byte, n int, s T, i int, strict bool) ([]byte, int, bool) {
	for {
		for i+8 <= len(s) {
			w := load64(s, i)
			store64(out, n, w)
			if m := fastSpecial(w); m != 0 {
				k := bits.TrailingZeros64(m) >> 3
				i += k
				n += k
				goto unit
			}
			i += 8
			n += 8
		}
		if i == len(s) {
			return out, n, true
		}
		{
			// The last one to seven bytes.
			r := len(s) - i
			w := loadTail(s, i)
			m := fastSpecial(w) & (1<<(8*r) - 1)
			if m == 0 {
				storeShort(out, n, w, r)
				return out, n + r, true
			}
			k := bits.TrailingZeros64(m) >> 3
			storeShort(out, n, w, k)
			i += k
			n += k
		}
	unit:
		c := s[i]
		if c >= utf8.RuneSelf {
			if k, m := copyUTF8(out, n, s, i); k > i {
				i, n = k, m
				continue
			}
			// s[i] starts no well-formed sequence
			if strict {
				return out, n, false
			}
			out = append(out[:n], "\\ufffd"...)
		} else {
			out = appendEscape(out[:n], c)
		}
		i++
		n = len(out)
		if cap(out)-n <= len(s)-i {
			out = slices.Grow(out, len(s)-i+1)
		}
		out = out[:cap(out)]
	}
}

// copyUTF8 copies the run of well-formed UTF-8 sequences at s[i], which
// is not ASCII, to out[n:] and returns the ends of the run in s and in out;
// i if there is none. Runs of 3-byte sequences (most CJK text) are taken
// two or one at a time from a word of s, which is stored before it is
// looked at, as in escapeInto; other sequences go to fastUTF8.
func copyUTF8[T byteText](out []byte, n int, s T, i int) (int, int) {
	for i+8 <= len(s) {
		w := load64(s, i)
		store64(out, n, w)
		// Leads 1110xxxx but not E0 or ED (whose second byte is
		// restricted), then two continuation bytes.
		if w&0xC0C0F0C0C0F0 == 0x8080E08080E0 && !edgeLeads(w&0x0F00000F) {
			i += 6
			n += 6
			continue
		}
		if l := byte(w) & 0x0F; w&0xC0C0F0 == 0x8080E0 && l != 0 && l != 0x0D {
			i += 3
			n += 3
			continue
		}
		if byte(w) < utf8.RuneSelf {
			return i, n
		}
		break
	}
	k := fastUTF8(s, i)
	return k, copyRun(out, n, s, i, k)
}

// edgeLeads reports whether x, the low nibbles of 3-byte leads at bytes 0
// and 3 (zero elsewhere), has a nibble of 0 or D: lead E0 or ED. A byte of
// x or of x^0x0D less 1 borrows only when it is zero (a borrow from byte 0
// into byte 3 needs byte 0 to be zero already).
func edgeLeads(x uint64) bool {
	y := x ^ 0x0D00000D
	return ((x-0x01000001)|(y-0x01000001))&0x80000080 != 0
}

// copyRun copies s[i:k], bytes already checked, to out[n:] and returns the
// end of the copy. Whole words are stored while s has eight bytes from i:
// those past k land where the output of s[k:] goes, and are written again.
func copyRun[T byteText](out []byte, n int, s T, i, k int) int {
	for i+8 <= len(s) {
		store64(out, n, load64(s, i))
		if k-i <= 8 {
			return n + k - i
		}
		i += 8
		n += 8
	}
	storeShort(out, n, loadTail(s, i), k-i)
	return n + k - i
}

// appendEscape appends the escape of c, a quote, a backslash or a control
// character.
func appendEscape(dst []byte, c byte) []byte {
	switch c {
	case '"', '\\':
		return append(dst, '\\', c)
	case '\n':
		return append(dst, '\\', 'n')
	case '\r':
		return append(dst, '\\', 'r')
	case '\t':
		return append(dst, '\\', 't')
	case '\b':
		return append(dst, '\\', 'b')
	case '\f':
		return append(dst, '\\', 'f')
	}
	return append(dst, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&15])
}

// loadTail returns s[i:], one to seven bytes, as a little-endian word
// (zero above them).
func loadTail[T byteText](s T, i int) uint64 {
	if len(s) >= 8 {
		return load64(s, len(s)-8) >> (64 - 8*(len(s)-i))
	}
	return loadShort(s[i:])
}

// loadShort returns s, fewer than eight bytes, as a little-endian word
// (zero above them): two overlapping narrow loads.
func loadShort[T byteText](s T) uint64 {
	switch r := len(s); {
	case r >= 4:
		return uint64(load32(s, 0)) | uint64(load32(s, r-4))<<(8*(r-4))
	case r >= 2:
		return uint64(load16(s, 0)) | uint64(load16(s, r-2))<<(8*(r-2))
	case r == 1:
		return uint64(s[0])
	}
	return 0
}

// load32 reads b[j:j+4] as a little-endian word.
func load32[T byteText](b T, j int) uint32 {
	w := b[j : j+4]
	return uint32(w[0]) | uint32(w[1])<<8 | uint32(w[2])<<16 | uint32(w[3])<<24
}

// load16 reads b[j:j+2] as a little-endian word.
func load16[T byteText](b T, j int) uint16 {
	w := b[j : j+2]
	return uint16(w[0]) | uint16(w[1])<<8
}

// store64 stores w at b[n:n+8], little-endian.
func store64(b []byte, n int, w uint64) {
	binary.LittleEndian.PutUint64(b[n:n+8], w)
}

// storeShort stores the low k bytes of w, k <= 8, at b[n:n+k]: one
// store or two overlapping narrow ones, and none past n+k.
func storeShort(b []byte, n int, w uint64, k int) {
	switch {
	case k == 8:
		store64(b, n, w)
	case k >= 4:
		binary.LittleEndian.PutUint32(b[n:n+4], uint32(w))
		binary.LittleEndian.PutUint32(b[n+k-4:n+k], uint32(w>>(8*(k-4))))
	case k >= 2:
		binary.LittleEndian.PutUint16(b[n:n+2], uint16(w))
		binary.LittleEndian.PutUint16(b[n+k-2:n+k], uint16(w>>(8*(k-2))))
	case k == 1:
		b[n] = byte(w)
	}
}
