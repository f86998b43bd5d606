package jose

import (
	"encoding/base64"
	"slices"
)

// b64 is the unpadded URL alphabet of RFC 4648 §5 in strict mode: trailing
// bits must be zero, so every value has exactly one encoding.
var b64 = base64.RawURLEncoding.Strict()

// b64Alphabet[c] is true for the 64 bytes of the base64url alphabet.
var b64Alphabet = func() (t [256]bool) {
	for _, c := range []byte("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_") {
		t[c] = true
	}
	return t
}()

// ValidBase64URL reports whether src is canonical unpadded base64url
// (RFC 7515 §2): only alphabet bytes, no padding, no line breaks or spaces,
// a length that is not 1 mod 4, and zero trailing bits.
func ValidBase64URL(src []byte) bool {
	if len(src)%4 == 1 {
		return false
	}
	for _, c := range src {
		if !b64Alphabet[c] {
			return false
		}
	}
	if r := len(src) % 4; r != 0 {
		// The last character's unused low bits must be zero (strict form):
		// 2 chars carry 8 bits (4 spare), 3 chars carry 16 bits (2 spare).
		last := decodeChar(src[len(src)-1])
		if r == 2 && last&0x0f != 0 || r == 3 && last&0x03 != 0 {
			return false
		}
	}
	return true
}

func decodeChar(c byte) byte {
	switch {
	case c >= 'A' && c <= 'Z':
		return c - 'A'
	case c >= 'a' && c <= 'z':
		return c - 'a' + 26
	case c >= '0' && c <= '9':
		return c - '0' + 52
	case c == '-':
		return 62
	}
	return 63
}

// AppendBase64URLDecode appends the decoding of src to dst. src must be
// canonical unpadded base64url (see ValidBase64URL); anything else is
// ErrMalformed. The standard library decoder alone is not enough: it skips
// '\r' and '\n' even in strict mode.
func AppendBase64URLDecode(dst, src []byte) ([]byte, error) {
	if !ValidBase64URL(src) {
		return dst, errBase64
	}
	n := b64.DecodedLen(len(src))
	dst = grow(dst, n)
	m, err := b64.Decode(dst[len(dst):len(dst)+n], src)
	if err != nil {
		return dst, errBase64
	}
	return dst[:len(dst)+m], nil
}

// DecodeBase64URL returns the strict decoding of src.
func DecodeBase64URL(src []byte) ([]byte, error) {
	return AppendBase64URLDecode(nil, src)
}

// AppendBase64URL appends the unpadded base64url encoding of src to dst.
func AppendBase64URL(dst, src []byte) []byte {
	n := b64.EncodedLen(len(src))
	dst = grow(dst, n)
	b64.Encode(dst[len(dst):len(dst)+n], src)
	return dst[:len(dst)+n]
}

// grow returns dst with room for n more bytes. A new array grows as append
// grows one (slices.Grow), so appending many pieces to one slice costs
// O(log n) allocations, not one each.
func grow(dst []byte, n int) []byte { return slices.Grow(dst, n) }
