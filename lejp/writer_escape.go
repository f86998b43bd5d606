package lejp

// String escaping for the Writer and the Append functions.
//
// The output is built in the spare capacity of dst, grown once at the start
// for the string copied as is (the quotes included) and again only after an
// escape or a replacement, which is all that can make it longer.
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
// From the first word that holds another byte, escapeInto takes over: it
// scans plain ASCII a word at a time and UTF-8 in runs and copies what it
// scanned in one copy per stretch between escapes. Storing words as they
// are scanned there too, UTF-8 runs included, measured slower on strings
// with non-ASCII text (twitter's 755) than one copy per stretch.

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
			if fastSpecial(w) != 0 {
				goto slow
			}
			store64(out, n+i, w)
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
// routines of Check's fast pass (fastSpecial, fastUTF8), and copied in one
// copy per stretch between escapes.
func escapeInto[T byteText](out []byte, n int, s T, i int, strict bool) ([]byte, int, bool) {
	start := i
	for {
		for i+8 <= len(s) {
			if m := fastSpecial(load64(s, i)); m != 0 {
				i += bits.TrailingZeros64(m) >> 3
				goto unit
			}
			i += 8
		}
		if r := len(s) - i; r > 0 {
			// the last one to seven bytes
			if m := fastSpecial(loadTail(s, i)) & (1<<(8*r) - 1); m != 0 {
				i += bits.TrailingZeros64(m) >> 3
				goto unit
			}
		}
		return out, n + copy(out[n:], s[start:]), true
	unit:
		c := s[i]
		if c >= utf8.RuneSelf {
			if k := fastUTF8(s, i); k > i {
				i = k
				continue
			}
			// s[i] starts no well-formed sequence
			if strict {
				return out, n, false
			}
		}
		n += copy(out[n:], s[start:i])
		if c >= utf8.RuneSelf {
			out = append(out[:n], "\\ufffd"...)
		} else {
			out = appendEscape(out[:n], c)
		}
		i++
		start = i
		n = len(out)
		if cap(out)-n <= len(s)-i {
			out = slices.Grow(out, len(s)-i+1)
		}
		out = out[:cap(out)]
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
