package hostile

import (
	"encoding/asn1"
	"math/big"
	"testing"
)

// parseModulus returns the bit length of the modulus of a PKCS #1 private
// key without validating the key.
func parseModulus(der []byte) (int, error) {
	var k struct {
		Version int
		N       *big.Int
		Rest    []asn1.RawValue `asn1:"optional"`
	}
	if _, err := asn1.Unmarshal(der, &k); err != nil {
		return 0, err
	}
	return k.N.BitLen(), nil
}

// TestRSAPrivateDERSize checks what the bounds tests rely on: the modulus
// has exactly the size asked for, odd sizes included, so that a test at a
// limit's N and N+1 bits really crosses the limit.
func TestRSAPrivateDERSize(t *testing.T) {
	for _, bits := range []int{512, 513, 1024, 1025} {
		for range 8 {
			got, err := parseModulus(RSAPrivateDER(t, bits))
			if err != nil {
				t.Fatal(err)
			}
			if got != bits {
				t.Errorf("asked for %d bits, modulus has %d", bits, got)
			}
		}
	}
}
