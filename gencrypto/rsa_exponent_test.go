package gencrypto_test

import (
	"crypto/rsa"
	"errors"
	"math"
	"testing"

	"github.com/lwscrypto/lwscrypto/gencrypto"
)

// TestRSAExponentUpperBound: CheckPublicKey reports whether a key is one the
// algorithm can use. The exponent must fit in 31 bits (as package jwk
// already requires, and as crypto/rsa requires to compute at all, so that
// behaviour does not depend on the size of int): 2³¹−1 is the largest
// accepted, and the next odd exponent, 2³¹+1, is ErrInvalidKey, refused
// before any backend is called rather than failing every verification as
// ErrVerify and every encryption with crypto/rsa's own error.
func TestRSAExponentUpperBound(t *testing.T) {
	if math.MaxInt == math.MaxInt32 {
		t.Skip("int is 32 bits: an exponent above 2³¹−1 cannot be written in rsa.PublicKey.E")
	}
	n := getKeys(t).rsa.N
	maxE := &rsa.PublicKey{N: n, E: 1<<31 - 1}
	big := int64(1) << 31 // a variable, so that the file compiles where int is 32 bits
	tooBig := &rsa.PublicKey{N: n, E: int(big + 1)}
	for _, alg := range []*gencrypto.Signature{gencrypto.RS256(), gencrypto.PS256()} {
		if err := alg.CheckPublicKey(maxE); err != nil {
			t.Errorf("%s CheckPublicKey(e = 2³¹−1): %v, want nil", alg, err)
		}
		if err := alg.CheckPublicKey(tooBig); !errors.Is(err, gencrypto.ErrInvalidKey) {
			t.Errorf("%s CheckPublicKey(e = 2³¹+1): %v, want ErrInvalidKey", alg, err)
		}
	}
	if _, err := gencrypto.RSAOAEP256().Encrypt(maxE, make([]byte, 16)); err != nil {
		t.Errorf("RSA-OAEP-256 Encrypt(e = 2³¹−1): %v", err)
	}
	fake := newFake()
	opt := gencrypto.WithBackend(fake)
	if err := gencrypto.RS256().Verify(tooBig, []byte("m"), make([]byte, 256), opt); !errors.Is(err, gencrypto.ErrInvalidKey) {
		t.Errorf("RS256 Verify(e = 2³¹+1): %v, want ErrInvalidKey", err)
	}
	if _, err := gencrypto.RSAOAEP256().Encrypt(tooBig, make([]byte, 16), opt); !errors.Is(err, gencrypto.ErrInvalidKey) {
		t.Errorf("RSA-OAEP-256 Encrypt(e = 2³¹+1): %v, want ErrInvalidKey", err)
	}
	if n := fake.calls.Load(); n != 0 {
		t.Errorf("%d backend calls for a refused key", n)
	}
}
