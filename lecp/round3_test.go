package lecp

import (
	"bytes"
	"errors"
	"math/big"
	"strings"
	"testing"
)

// TestFromJSONBignumBoundary: the integers FromJSON converts are exactly
// -2^8192 … 2^8192-1 (a magnitude of at most 1024 bytes, tag 3 holding
// -1-n); 2^8192 and -2^8192-1 have no more digits (2467) than the largest
// accepted but are ErrJSONNumber, as its godoc says.
func TestFromJSONBignumBoundary(t *testing.T) {
	p := new(big.Int).Lsh(big.NewInt(1), 8192) // 2^8192, 2467 digits
	one := big.NewInt(1)
	ff := bytes.Repeat([]byte{0xff}, maxJSONBignum)
	for _, tc := range []struct {
		v    *big.Int
		want []byte // nil: ErrJSONNumber
	}{
		{new(big.Int).Sub(p, one), AppendBytes(AppendTag(nil, 2), ff)},
		{p, nil},
		{new(big.Int).Neg(p), AppendBytes(AppendTag(nil, 3), ff)},
		{new(big.Int).Neg(new(big.Int).Add(p, one)), nil},
	} {
		s := tc.v.String()
		if d := len(strings.TrimPrefix(s, "-")); d != maxJSONBignumDigits {
			t.Fatalf("%d digits, want %d", d, maxJSONBignumDigits)
		}
		c, err := FromJSON(nil, strings.NewReader(s), false)
		switch {
		case tc.want == nil && !errors.Is(err, ErrJSONNumber):
			t.Errorf("%.10s… (%d bytes): %x, %v; want ErrJSONNumber", s, len(s), c, err)
		case tc.want != nil && (err != nil || !bytes.Equal(c, tc.want)):
			t.Errorf("%.10s… (%d bytes): %.20x…, %v; want %.20x…", s, len(s), c, err, tc.want)
		}
	}
}
