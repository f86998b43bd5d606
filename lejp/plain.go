package lejp

// One-pass scans of the common tokens: a plain string or name (no escape,
// control or non-ASCII byte) found eight bytes at a time, and a number that
// ends inside the buffer. Each either settles its token or says where the
// general routine (scanStrAt, the scanner's number) must take over.

import (
	"encoding/binary"
	"math/bits"
)

// plainEnd steps over plain bytes (none that special flags) from buf[j]
// eight at a time while a whole word lies in buf and j < stop: it returns
// the index of the first special byte, or where it stopped. Every byte
// before the result is plain, so a quote there ends the string.
func plainEnd(buf []byte, j, stop int) int {
	for j+8 <= len(buf) && j < stop {
		if m := fastSpecial(binary.LittleEndian.Uint64(buf[j : j+8])); m != 0 {
			return j + bits.TrailingZeros64(m)>>3
		}
		j += 8
	}
	return j
}

// plainNameEnd scans the name whose opening quote is buf[i] over plain
// bytes, eight at a time. If the name is plain and at most max bytes long,
// it returns the index of its closing quote and its nameKey; otherwise key
// 0 and the index up to which the bytes are plain, for scanStrAt. (A plain
// name whose key is 0, such as "", takes scanStrAt's way too, to the same
// result.)
func plainNameEnd(buf []byte, i, max int) (j int, key uint64) {
	j = i + 1
	if j+8 > len(buf) {
		return j, 0
	}
	w := binary.LittleEndian.Uint64(buf[j : j+8])
	if m := fastSpecial(w); m != 0 {
		l := bits.TrailingZeros64(m) >> 3
		if byte(w>>(8*l)) != '"' || l > max {
			return j, 0
		}
		return j + l, shortKey(w, l)
	}
	j = plainEnd(buf, j+8, i+2+max)
	if l := j - i - 1; j < len(buf) && buf[j] == '"' && l <= max {
		return j, longKey(w, binary.LittleEndian.Uint64(buf[j-8:j]), l)
	}
	return j, 0
}

// numEnd returns the end of the number at buf[i] and its kind, if it is
// well-formed and ends inside buf at a byte that cannot continue it; else
// -1. Its length is the caller's to check.
func numEnd(buf []byte, i int) (int, Kind) {
	n := len(buf)
	j := i
	if buf[j] == '-' {
		j++
	}
	if j >= n {
		return -1, Invalid
	}
	if d := buf[j]; d == '0' {
		j++
	} else if d-'1' <= 8 {
		j = digits(buf, j+1, n)
	} else {
		return -1, Invalid
	}
	k := Int
	if j < n && buf[j] == '.' {
		k = Float
		j++
		d := j
		if j = digits(buf, j, n); j == d {
			return -1, Invalid
		}
	}
	if j < n && buf[j]|0x20 == 'e' {
		k = Float
		j++
		if j < n && (buf[j] == '+' || buf[j] == '-') {
			j++
		}
		d := j
		for j < n && buf[j]-'0' <= 9 {
			j++
		}
		if j == d {
			return -1, Invalid
		}
	}
	if j >= n || numClass[buf[j]] {
		return -1, Invalid
	}
	return j, k
}
