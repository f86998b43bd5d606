package gencrypto_test

import (
	"crypto"
	"crypto/cipher"
	"errors"
	"testing"

	"github.com/lwscrypto/lwscrypto/gencrypto"
)

// shortTagBackend is the default backend, except that its AES-GCM ignores
// the tag size it is asked for and uses 12-byte tags: a backend bug that
// would make Open accept truncated tags.
type shortTagBackend struct{ gencrypto.Backend }

func (b shortTagBackend) NewAEAD(p string, key []byte, n, t int, h crypto.Hash) (cipher.AEAD, error) {
	if p == gencrypto.PrimAESGCM {
		t = 12
	}
	return b.Backend.NewAEAD(p, key, n, t, h)
}

// TestAEADBackendTagSize: the registry decides the tag length, as it
// decides the nonce length. An AEAD from a backend whose overhead is not
// what the algorithm's tag makes it (the tag, plus one block of padding for
// AES-CBC-HMAC) is refused by New, so that Open never accepts a tag shorter
// than TagSize; every registered AEAD from a correct backend is accepted.
func TestAEADBackendTagSize(t *testing.T) {
	opt := gencrypto.WithBackend(shortTagBackend{gencrypto.DefaultBackend()})
	for _, alg := range gencrypto.All() {
		a, ok := alg.(*gencrypto.AEAD)
		if !ok {
			continue
		}
		c, err := a.New(make([]byte, a.KeySize()), opt)
		if a.Primitive() != gencrypto.PrimAESGCM {
			if err != nil {
				t.Errorf("%s New: %v", a, err)
			}
			continue
		}
		if err == nil {
			nonce := make([]byte, a.NonceSize())
			sealed := c.Seal(nil, nonce, []byte("m"), nil)
			_, openErr := c.Open(nil, nonce, sealed, nil)
			t.Errorf("%s New accepted a backend AEAD with %d bytes of overhead for a %d-byte tag (%d-byte message opens: %v)",
				a, c.Overhead(), a.TagSize(), len(sealed), openErr)
		} else if errors.Is(err, gencrypto.ErrUnsupported) {
			t.Errorf("%s New: %v, want a malformed-result error", a, err)
		}
	}
}
