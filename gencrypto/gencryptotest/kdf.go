package gencryptotest

import (
	"bytes"
	"crypto"
	"crypto/fips140"
	"errors"
	"testing"

	"github.com/lwscrypto/lwscrypto/gencrypto"
)

// derive calls the KDF a with inputs varied by v (0 or 1 changes the
// secret, 2 the salt or other info, 3 the context info or iterations).
func (s *suite) derive(a gencrypto.Algorithm, v, n int, opt gencrypto.Option) ([]byte, error) {
	secret, salt, info := []byte("input keying material"), []byte("salt value 16byt"), []byte("context")
	iters := 2
	switch v {
	case 1:
		secret = []byte("input keying materiaL")
	case 2:
		salt = []byte("salt value 16byT")
	case 3:
		info, iters = []byte("contexT"), 3
	}
	switch a := a.(type) {
	case *gencrypto.HKDF:
		return a.Derive(secret, salt, info, n, opt)
	case *gencrypto.PBKDF2:
		return a.Derive(secret, salt, iters, n, opt)
	case *gencrypto.ConcatKDF:
		return a.Derive(secret, append(salt, info...), n, opt)
	}
	return nil, errors.New("gencryptotest: not a KDF")
}

func kdfHash(a gencrypto.Algorithm) crypto.Hash {
	switch a := a.(type) {
	case *gencrypto.HKDF:
		return a.Hash()
	case *gencrypto.PBKDF2:
		return a.Hash()
	case *gencrypto.ConcatKDF:
		return a.Hash()
	}
	return 0
}

func (s *suite) kdf(t *testing.T, a gencrypto.Algorithm) {
	hlen := kdfHash(a).Size()
	max := 255 * hlen
	lengths := []int{1, 16, hlen, hlen + 1, max}
	if _, ok := a.(*gencrypto.PBKDF2); ok && fips140.Enforced() {
		lengths = lengths[1:] // the module refuses outputs below 112 bits
	}
	for _, n := range lengths {
		out, err := s.derive(a, 0, n, s.opt)
		if err != nil || len(out) != n {
			t.Fatalf("Derive(%d bytes) = %d bytes, %v", n, len(out), err)
		}
		ref, err := s.derive(a, 0, n, s.ref)
		if err != nil || !bytes.Equal(out, ref) {
			t.Fatalf("Derive(%d bytes) differs from the reference backend", n)
		}
		// A shorter output is a prefix of a longer one for all three KDFs.
		if long, err := s.derive(a, 0, max, s.opt); err != nil || len(long) < n || !bytes.Equal(long[:n], out) {
			t.Fatalf("Derive(%d) is not a prefix of Derive(%d) (%v)", n, max, err)
		}
	}
	base, _ := s.derive(a, 0, 32, s.opt)
	for v := 1; v <= 3; v++ {
		if out, _ := s.derive(a, v, 32, s.opt); bytes.Equal(out, base) {
			t.Errorf("changing input %d does not change the output", v)
		}
	}
	for _, n := range []int{0, -1, max + 1} {
		if _, err := s.derive(a, 0, n, s.opt); !errors.Is(err, gencrypto.ErrInvalidInput) {
			t.Errorf("Derive(%d bytes): %v, want ErrInvalidInput", n, err)
		}
	}
	if p, ok := a.(*gencrypto.PBKDF2); ok {
		for _, it := range []int{0, -1} {
			if _, err := p.Derive([]byte("pw"), []byte("salt"), it, 16, s.opt); !errors.Is(err, gencrypto.ErrInvalidInput) {
				t.Errorf("PBKDF2 with %d iterations: %v, want ErrInvalidInput", it, err)
			}
		}
	}
}
