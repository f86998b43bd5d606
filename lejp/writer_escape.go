package lejp

// String escaping for the Writer and the Append functions.
//
// dst is grown once at the start for the string copied as is (the quotes
// included); only an escape or a replacement, which is all that can make
// the output longer, may grow it again.
//
// Most strings are plain ASCII, and short: appendString copies them with no
// append or memmove. A string shorter than eight bytes is read and stored
// with two overlapping narrow loads and stores; a longer one a word at a
// time, each word stored where its bytes go once it is found plain, its
// last eight to sixteen bytes as two words that may overlap. No store
// reaches past the end of the finished output (each byte of s stands for at
// least one output byte, at or after the place it would have if copied), so
// the bytes of dst past the result are left as they were, as append leaves
// them. No byte of s is read after a store may have written over it (the
// word escapeInto starts at was not stored), so a byte slice that lies in
// dst's spare capacity past where its copy goes, as in
// AppendStringBytes(b[:0], b[k:]) with k >= 1, comes out as it did when
// the escaping appended.
//
// From the first byte that is not plain, found in the word that holds it,
// escapeInto takes over: it scans plain ASCII a word at a time and UTF-8
// in runs and appends what it scanned in one append per stretch between
// escapes, as the escaping did before the word stores. Storing words as
// they are scanned there too, UTF-8 runs included, measured slower on
// strings with non-ASCII text (twitter's 755) than one copy per stretch;
// so did keeping the output as a whole buffer and an end (out[:cap], n)
// there, whose extra live values cost spills around every call (fastUTF8,
// memmove) and which rescanned the word the first byte was found in.

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
// over at the first byte that is not plain.
func appendString[T byteText](dst []byte, s T, strict bool) ([]byte, bool) {
	n := len(dst)
	if cap(dst)-n < len(s)+2 {
		dst = slices.Grow(dst, len(s)+2)
	}
	out := dst[:cap(dst)]
	out[n] = '"'
	n++
	i, at := 0, 0
	if r := len(s); r < 8 {
		// s and the closing quote, two to eight bytes, as words of four
		// or two bytes that overlap (loadShort's way, inline)
		var w uint64
		switch {
		case r >= 4:
			w = uint64(load32(s, 0)) | uint64(load32(s, r-4))<<(8*(r-4))
		case r >= 2:
			w = uint64(load16(s, 0)) | uint64(load16(s, r-2))<<(8*(r-2))
		case r == 1:
			w = uint64(s[0])
		}
		m := fastSpecial(w) & (1<<(8*r) - 1)
		if m == 0 {
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
		at = bits.TrailingZeros64(m) >> 3
	} else {
		for ; i+16 < len(s); i += 8 {
			w := load64(s, i)
			if m := fastSpecial(w); m != 0 {
				at = i + bits.TrailingZeros64(m)>>3
				goto slow
			}
			store64(out, n+i, w)
		}
		// The last eight to sixteen bytes, as two words that may overlap:
		// a flag in the second is a true one when the first has none.
		j := len(s) - 8
		w0, w1 := load64(s, i), load64(s, j)
		m0, m1 := fastSpecial(w0), fastSpecial(w1)
		if m0|m1 == 0 {
			store64(out, n+i, w0)
			store64(out, n+j, w1)
			out[n+len(s)] = '"'
			return out[:n+len(s)+1], true
		}
		if m0 != 0 {
			at = i + bits.TrailingZeros64(m0)>>3
		} else {
			at = j + bits.TrailingZeros64(m1)>>3
		}
	}
slow:
	dst, ok := escapeInto(out[:n+i], s, i, at, strict)
	if !ok {
		return dst, false
	}
	return append(dst, '"'), true
}

// appendEscaped is appendString without the quotes, for a string or a
// byte slice (converting a long slice to a string would allocate).
func appendEscaped[T byteText](dst []byte, s T, strict bool) ([]byte, bool) {
	if cap(dst)-len(dst) < len(s) {
		dst = slices.Grow(dst, len(s))
	}
	i := 0
	for ; i+8 <= len(s); i += 8 {
		if m := fastSpecial(load64(s, i)); m != 0 {
			return escapeInto(dst, s, 0, i+bits.TrailingZeros64(m)>>3, strict)
		}
	}
	if r := len(s) - i; r > 0 {
		if m := fastSpecial(loadTail(s, i)) & (1<<(8*r) - 1); m != 0 {
			return escapeInto(dst, s, 0, i+bits.TrailingZeros64(m)>>3, strict)
		}
	}
	return append(dst, s...), true
}

// escapeInto appends s[start:] escaped to dst, s[start:i] known plain and
// s[i] not (a byte to escape, or the first of non-ASCII text).
//
// Plain ASCII is skipped eight bytes at a time and UTF-8 in runs, with the
// routines of Check's fast pass (fastSpecial, fastUTF8), and appended in
// one copy per stretch between escapes.
func escapeInto[T byteText](dst []byte, s T, start, i int, strict bool) ([]byte, bool) {
	for {
		c := s[i]
		if c >= utf8.RuneSelf {
			if k := fastUTF8(s, i); k > i {
				i = k
				goto scan
			}
			// s[i] starts no well-formed sequence
			if strict {
				return dst, false
			}
			dst = append(dst, s[start:i]...)
			dst = append(dst, "\\ufffd"...)
		} else {
			dst = append(dst, s[start:i]...)
			dst = appendEscape(dst, c)
		}
		i++
		start = i
	scan:
		for i+8 <= len(s) {
			if m := fastSpecial(load64(s, i)); m != 0 {
				i += bits.TrailingZeros64(m) >> 3
				goto next
			}
			i += 8
		}
		for i < len(s) && s[i] >= 0x20 && s[i] != '"' && s[i] != '\\' && s[i] < utf8.RuneSelf {
			i++
		}
		if i == len(s) {
			return append(dst, s[start:]...), true
		}
	next:
	}
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
