package hostile

import (
	"encoding/asn1"
	"encoding/json"
	"math/big"
	"strings"
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

// TestCaseVariantObjectNames checks the promise the bounds tests rely on:
// every member name is l bytes long, all distinct, beyond 10,000 members too.
func TestCaseVariantObjectNames(t *testing.T) {
	for _, tc := range []struct{ n, l int }{{3, 4}, {1024, 8}, {10001, 8}, {100001, 16}} {
		var m map[string]int
		dec := json.NewDecoder(strings.NewReader(CaseVariantObject(tc.n, tc.l, 'c')))
		if err := dec.Decode(&m); err != nil {
			t.Fatal(err)
		}
		if len(m) != tc.n {
			t.Errorf("n=%d: %d distinct names", tc.n, len(m))
		}
		for k := range m {
			if len(k) != tc.l {
				t.Errorf("n=%d, l=%d: name %q is %d bytes", tc.n, tc.l, k, len(k))
				break
			}
		}
	}
}
