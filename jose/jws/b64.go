package jws

// This file is the base64url decoder of the compact verification path. It
// decodes exactly what jose.AppendBase64URLDecode decodes (canonical
// unpadded base64url: the URL alphabet only, no padding, no line breaks,
// zero trailing bits; FuzzDecodeB64 checks the two agree), but through one
// table and eight characters at a time: every character is looked up, the
// lookups are ORed to catch any byte outside the alphabet in one test, and
// the 48 bits are stored with one 64-bit write. The standard library's
// strict decoder does the same work in smaller steps and skips '\r' and
// '\n', which then costs a separate check.

import (
	"encoding/binary"

	"github.com/lwscrypto/lwscrypto/jose"
)

// b64Inval marks a byte outside the base64url alphabet in b64Val.
const b64Inval = 0xff

// b64Val maps a byte to its 6-bit value, or b64Inval.
var b64Val = func() (t [256]byte) {
	const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
	for i := range t {
		t[i] = b64Inval
	}
	for i := 0; i < len(alphabet); i++ {
		t[alphabet[i]] = byte(i)
	}
	return t
}()

var errB64 = wrap(jose.ErrMalformed, "invalid base64url")

// decodeB64 appends the strict base64url decoding of src to dst.
func decodeB64(dst, src []byte) ([]byte, error) {
	n := len(src) / 4 * 3
	switch len(src) % 4 {
	case 1:
		return dst, errB64
	case 2:
		n++
	case 3:
		n += 2
	}
	if cap(dst)-len(dst) < n {
		d := make([]byte, len(dst), len(dst)+n)
		copy(d, dst)
		dst = d
	}
	out := dst[len(dst) : len(dst)+n]
	if !decodeB64Into(out, src) {
		return dst, errB64
	}
	return dst[:len(dst)+n], nil
}

// decodeB64Into decodes src into out, which has exactly the decoded
// length; it reports false for anything but canonical unpadded base64url.
func decodeB64Into(out, src []byte) bool {
	t := &b64Val
	// Eight characters give six bytes, stored with an eight-byte write,
	// which needs two bytes to spare in out: twelve characters left leave
	// at least nine bytes.
	for len(src) >= 12 {
		s := src[:8]
		a0, a1, a2, a3 := t[s[0]], t[s[1]], t[s[2]], t[s[3]]
		a4, a5, a6, a7 := t[s[4]], t[s[5]], t[s[6]], t[s[7]]
		if (a0|a1|a2|a3|a4|a5|a6|a7)&0xc0 != 0 {
			return false
		}
		v := uint64(a0)<<58 | uint64(a1)<<52 | uint64(a2)<<46 | uint64(a3)<<40 |
			uint64(a4)<<34 | uint64(a5)<<28 | uint64(a6)<<22 | uint64(a7)<<16
		binary.BigEndian.PutUint64(out, v)
		out, src = out[6:], src[8:]
	}
	for len(src) >= 4 {
		s := src[:4]
		a0, a1, a2, a3 := t[s[0]], t[s[1]], t[s[2]], t[s[3]]
		if (a0|a1|a2|a3)&0xc0 != 0 {
			return false
		}
		v := uint32(a0)<<18 | uint32(a1)<<12 | uint32(a2)<<6 | uint32(a3)
		o := out[:3]
		o[0], o[1], o[2] = byte(v>>16), byte(v>>8), byte(v)
		out, src = out[3:], src[4:]
	}
	switch len(src) {
	case 2:
		a0, a1 := t[src[0]], t[src[1]]
		if (a0|a1)&0xc0 != 0 || a1&0x0f != 0 {
			return false
		}
		out[0] = a0<<2 | a1>>4
	case 3:
		a0, a1, a2 := t[src[0]], t[src[1]], t[src[2]]
		if (a0|a1|a2)&0xc0 != 0 || a2&0x03 != 0 {
			return false
		}
		out[0] = a0<<2 | a1>>4
		out[1] = a1<<4 | a2>>2
	}
	return true
}
