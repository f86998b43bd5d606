package jws

// This file is the base64url decoder of the compact verification path. It
// decodes exactly what jose.AppendBase64URLDecode decodes (canonical
// unpadded base64url: the URL alphabet only, no padding, no line breaks,
// zero trailing bits; FuzzDecodeB64 and TestDecodeB64Lengths check the two
// agree), eight characters at a time through tables that hold each
// character's value already shifted to its place in a four-character
// group: four lookups ORed give the group's 24 bits and, above them, a
// flag for any byte outside the alphabet, so two groups cost one test and
// their 48 bits one 64-bit store. The standard library's strict decoder
// does more work per character and skips '\r' and '\n', which then costs
// a separate check.

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

// b64Pos holds b64Val pre-shifted for each character of a four-character
// group: b64Pos[k][c] is the value of c shifted to its place in the
// group's 24 bits, or 0xff000000 for a byte outside the alphabet, so that
// ORing the four lookups gives the 24 bits and, above them, a flag.
var b64Pos = func() (t [4][256]uint32) {
	for k := range t {
		for c, v := range b64Val {
			if v == b64Inval {
				t[k][c] = 0xff000000
			} else {
				t[k][c] = uint32(v) << (18 - 6*k)
			}
		}
	}
	return t
}()

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
	t0, t1, t2, t3 := &b64Pos[0], &b64Pos[1], &b64Pos[2], &b64Pos[3]
	// Eight characters give six bytes, stored with an eight-byte write,
	// which needs two bytes to spare in out: twelve characters left leave
	// at least nine bytes.
	for len(src) >= 12 {
		s := src[:8]
		v0 := t0[s[0]] | t1[s[1]] | t2[s[2]] | t3[s[3]]
		v1 := t0[s[4]] | t1[s[5]] | t2[s[6]] | t3[s[7]]
		if (v0|v1)>>24 != 0 {
			return false
		}
		binary.BigEndian.PutUint64(out, uint64(v0)<<40|uint64(v1)<<16)
		out, src = out[6:], src[8:]
	}
	for len(src) >= 4 {
		s := src[:4]
		v := t0[s[0]] | t1[s[1]] | t2[s[2]] | t3[s[3]]
		if v>>24 != 0 {
			return false
		}
		o := out[:3]
		o[0], o[1], o[2] = byte(v>>16), byte(v>>8), byte(v)
		out, src = out[3:], src[4:]
	}
	t := &b64Val
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
