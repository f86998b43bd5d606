package std

import (
	"bytes"
	"testing"
)

// TestDERLengthForms pins the SEQUENCE length of an ECDSA-Sig-Value at the
// switch between DER's short and long forms (X.690 §8.1.3, §10.1): a body
// of 127 bytes has the one-byte length 0x7f, one of 128 bytes the long form
// 0x81 0x80. appendDER writes exactly these, derToRaw takes them back, and
// derToRaw refuses every other spelling: the indefinite form 0x80, a long
// form for a short length, a long form with a leading zero, and a length
// whose bytes are missing. P-521 scalars of 61 and 62 bytes give these
// bodies.
func TestDERLengthForms(t *testing.T) {
	s61, s62 := bytes.Repeat([]byte{0x11}, 61), bytes.Repeat([]byte{0x22}, 62)
	body := func(r, s []byte) []byte {
		b := append([]byte{0x02, byte(len(r))}, r...)
		return append(append(b, 0x02, byte(len(s))), s...)
	}
	b127, b128 := body(s61, s62), body(s62, s62)
	cat := func(parts ...[]byte) []byte { return bytes.Join(parts, nil) }
	for _, tc := range []struct {
		name string
		r, s []byte
		der  []byte
	}{
		{"127-byte body, short form", s61, s62, cat([]byte{0x30, 0x7f}, b127)},
		{"128-byte body, long form", s62, s62, cat([]byte{0x30, 0x81, 0x80}, b128)},
	} {
		der, ok := appendDER(nil, tc.r, tc.s)
		if !ok || !bytes.Equal(der, tc.der) {
			t.Errorf("%s: appendDER = %x, %v; want %x", tc.name, der, ok, tc.der)
		}
		raw, err := derToRaw(tc.der, 66)
		want := cat(make([]byte, 66-len(tc.r)), tc.r, make([]byte, 66-len(tc.s)), tc.s)
		if err != nil || !bytes.Equal(raw, want) {
			t.Errorf("%s: derToRaw = %x, %v", tc.name, raw, err)
		}
	}
	for name, der := range map[string][]byte{
		"indefinite length":       cat([]byte{0x30, 0x80}, b128),
		"long form for 127":       cat([]byte{0x30, 0x81, 0x7f}, b127),
		"two-byte form for 128":   cat([]byte{0x30, 0x82, 0x00, 0x80}, b128),
		"nine-byte form for 128":  cat([]byte{0x30, 0x89, 1, 0, 0, 0, 0, 0, 0, 0, 0x80}, b128),
		"length byte missing":     {0x30, 0x81},
		"two length bytes, one":   {0x30, 0x82, 0x01},
		"long form, no content":   {0x30, 0x81, 0x80},
		"INTEGER long form for 1": {0x30, 0x07, 0x02, 0x81, 0x01, 0x01, 0x02, 0x01, 0x01},
	} {
		if raw, err := derToRaw(der, 66); err == nil {
			t.Errorf("%s: %x accepted as %x", name, der, raw)
		}
	}
}
