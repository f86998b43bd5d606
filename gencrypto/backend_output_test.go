package gencrypto_test

import (
	"bytes"
	"crypto"
	"errors"
	"testing"

	"github.com/lwscrypto/lwscrypto/gencrypto"
)

// lengthBreaker is the default backend with the results of its KDFs, key
// wrap, RSA-OAEP and ECDH passed through mangle, as a buggy or hostile
// backend (a PKCS#11 token, a remote KMS) could return them.
type lengthBreaker struct {
	*fakeBackend
	mangle func([]byte) []byte
}

func (b *lengthBreaker) out(p []byte, err error) ([]byte, error) {
	if err != nil {
		return nil, err
	}
	return b.mangle(p), nil
}

func (b *lengthBreaker) Wrap(p string, kek, key []byte) ([]byte, error) {
	return b.out(b.fakeBackend.Wrap(p, kek, key))
}

func (b *lengthBreaker) Unwrap(p string, kek, w []byte) ([]byte, error) {
	return b.out(b.fakeBackend.Unwrap(p, kek, w))
}

func (b *lengthBreaker) EncryptOAEP(h crypto.Hash, pub crypto.PublicKey, msg, label []byte) ([]byte, error) {
	return b.out(b.fakeBackend.EncryptOAEP(h, pub, msg, label))
}

func (b *lengthBreaker) DecryptOAEP(h crypto.Hash, key crypto.Decrypter, ct, label []byte) ([]byte, error) {
	return b.out(b.fakeBackend.DecryptOAEP(h, key, ct, label))
}

func (b *lengthBreaker) ECDH(p string, priv crypto.PrivateKey, pub crypto.PublicKey) ([]byte, error) {
	return b.out(b.fakeBackend.ECDH(p, priv, pub))
}

func (b *lengthBreaker) HKDF(h crypto.Hash, secret, salt, info []byte, n int) ([]byte, error) {
	return b.out(b.fakeBackend.HKDF(h, secret, salt, info, n))
}

func (b *lengthBreaker) PBKDF2(h crypto.Hash, pw, salt []byte, iter, n int) ([]byte, error) {
	return b.out(b.fakeBackend.PBKDF2(h, pw, salt, iter, n))
}

func (b *lengthBreaker) ConcatKDF(h crypto.Hash, z, other []byte, n int) ([]byte, error) {
	return b.out(b.fakeBackend.ConcatKDF(h, z, other, n))
}

// Manglings of a correct result: the identity, and three wrong lengths.
var (
	keepLength = func(p []byte) []byte { return p }
	badLengths = []struct {
		name   string
		mangle func([]byte) []byte
	}{
		{"one byte short", func(p []byte) []byte { return p[:len(p)-1] }},
		{"one byte long", func(p []byte) []byte { return append(p[:len(p):len(p)], 0x5a) }},
		{"empty", func(p []byte) []byte { return p[:0] }},
	}
)

// backendOutputCase is one registry call whose result comes from the
// backend and has a length the algorithm defines.
type backendOutputCase struct {
	name string
	call func(opt gencrypto.Option) ([]byte, error)
}

// backendOutputCases lists every call whose result length the algorithm
// fixes: each KDF (the length asked for), AES-KW wrapping (the key plus
// one block; unwrapping is a decryption, see TestBackendUnwrapLength),
// RSA-OAEP encryption (the modulus length) and ECDH (the
// curve's field size, RFC 7748 §5 and SP 800-56A §5.7.1.2).
func backendOutputCases(t *testing.T) []backendOutputCase {
	k := getKeys(t)
	var cases []backendOutputCase
	add := func(name string, call func(opt gencrypto.Option) ([]byte, error)) {
		cases = append(cases, backendOutputCase{name, call})
	}
	for _, a := range gencrypto.All() {
		switch a := a.(type) {
		case *gencrypto.HKDF:
			add(a.Name(), func(opt gencrypto.Option) ([]byte, error) {
				return a.Derive(make([]byte, 32), nil, []byte("info"), 42, opt)
			})
		case *gencrypto.PBKDF2:
			add(a.Name(), func(opt gencrypto.Option) ([]byte, error) {
				return a.Derive([]byte("a long password"), make([]byte, 16), 2, 24, opt)
			})
		case *gencrypto.ConcatKDF:
			add(a.Name(), func(opt gencrypto.Option) ([]byte, error) {
				return a.Derive(make([]byte, 32), []byte("other"), 16, opt)
			})
		case *gencrypto.KeyWrap:
			kek := bytes.Repeat([]byte{1}, a.KeySize())
			cek := bytes.Repeat([]byte{2}, 32)
			add(a.Name()+" Wrap", func(opt gencrypto.Option) ([]byte, error) { return a.Wrap(kek, cek, opt) })
		case *gencrypto.KeyEncryption:
			add(a.Name()+" Encrypt", func(opt gencrypto.Option) ([]byte, error) {
				return a.Encrypt(&k.rsa.PublicKey, make([]byte, 16), opt)
			})
		case *gencrypto.KeyAgreement:
			add(a.Name(), func(opt gencrypto.Option) ([]byte, error) {
				p, err := a.GenerateKey()
				if err != nil {
					t.Fatal(err)
				}
				q, err := a.GenerateKey()
				if err != nil {
					t.Fatal(err)
				}
				return a.SharedSecret(p, q.PublicKey(), opt)
			})
		}
	}
	return cases
}

// TestBackendOutputLength: a result whose length the algorithm defines is
// refused with the malformed-result error when the backend returns one
// byte less, one byte more or nothing, instead of being handed on as a key
// or a secret of the wrong size; the correct length passes.
func TestBackendOutputLength(t *testing.T) {
	cases := backendOutputCases(t)
	if len(cases) != 3+3+1+3+4+4 {
		t.Errorf("%d cases; a family is missing", len(cases))
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if out, err := tc.call(gencrypto.WithBackend(&lengthBreaker{newFake(), keepLength})); err != nil || len(out) == 0 {
				t.Fatalf("with a correct backend: %d bytes, %v", len(out), err)
			}
			for _, bad := range badLengths {
				out, err := tc.call(gencrypto.WithBackend(&lengthBreaker{newFake(), bad.mangle}))
				if out != nil || !errors.Is(err, gencrypto.ErrBackendOutput) {
					t.Errorf("backend result %s: %d bytes, %v; want the malformed-result error", bad.name, len(out), err)
				}
			}
		})
	}
}

// TestBackendOAEPPlaintextLength: RSA-OAEP decrypts to at most
// k − 2·hLen − 2 bytes (RFC 8017 §7.1.2 step 3g leaves no more), so a
// backend that returns more for a maximal message is refused. Decrypt's
// godoc makes every decryption failure ErrVerify, so that no failure can
// be told from another (a backend that returned the unpadded block for
// some padding failures and an error for others would otherwise be a
// Manger oracle): ErrVerify here too, not the malformed-result error.
// Shorter results, empty included, are lengths a plaintext may have and
// are passed on.
func TestBackendOAEPPlaintextLength(t *testing.T) {
	k := getKeys(t).rsa
	for _, a := range []*gencrypto.KeyEncryption{gencrypto.RSAOAEP(), gencrypto.RSAOAEP256(), gencrypto.RSAOAEP384(), gencrypto.RSAOAEP512()} {
		max := k.Size() - 2*a.Hash().Size() - 2
		ct, err := a.Encrypt(&k.PublicKey, bytes.Repeat([]byte{7}, max))
		if err != nil {
			t.Fatal(err)
		}
		decrypt := func(mangle func([]byte) []byte) ([]byte, error) {
			return a.Decrypt(k, ct, gencrypto.WithBackend(&lengthBreaker{newFake(), mangle}))
		}
		if out, err := decrypt(keepLength); err != nil || len(out) != max {
			t.Errorf("%s Decrypt: %d bytes, %v; want %d", a, len(out), err, max)
		}
		for _, bad := range badLengths {
			out, err := decrypt(bad.mangle)
			if bad.name == "one byte long" {
				if out != nil || err != gencrypto.ErrVerify {
					t.Errorf("%s Decrypt, backend result %s: %d bytes, %v; want ErrVerify", a, bad.name, len(out), err)
				}
			} else if err != nil || len(out) != len(bad.mangle(make([]byte, max))) {
				t.Errorf("%s Decrypt, backend result %s: %d bytes, %v; a plaintext may be that long", a, bad.name, len(out), err)
			}
		}
		whole := func(p []byte) []byte { return make([]byte, k.Size()) }
		if out, err := decrypt(whole); out != nil || err != gencrypto.ErrVerify {
			t.Errorf("%s Decrypt, backend result as long as the modulus: %d bytes, %v", a, len(out), err)
		}
	}
}

// TestBackendUnwrapLength: AES-KW unwraps n+1 blocks into n (RFC 3394
// §2.2.2), so a backend result of another length is refused. Unwrap is a
// decryption, and like an AEAD's Open and RSA-OAEP decryption (package
// doc, "Errors") every failure of it is the one ErrVerify, a result the
// wrapped key cannot have included: not the malformed-result error, which
// matches no sentinel and would tell this failure from a failed integrity
// check.
func TestBackendUnwrapLength(t *testing.T) {
	for _, a := range []*gencrypto.KeyWrap{gencrypto.A128KW(), gencrypto.A192KW(), gencrypto.A256KW()} {
		kek := bytes.Repeat([]byte{1}, a.KeySize())
		cek := bytes.Repeat([]byte{2}, 32)
		w, err := a.Wrap(kek, cek)
		if err != nil {
			t.Fatal(err)
		}
		unwrap := func(mangle func([]byte) []byte) ([]byte, error) {
			return a.Unwrap(kek, w, gencrypto.WithBackend(&lengthBreaker{newFake(), mangle}))
		}
		if out, err := unwrap(keepLength); err != nil || !bytes.Equal(out, cek) {
			t.Errorf("%s Unwrap with a correct backend: %x, %v", a, out, err)
		}
		for _, bad := range badLengths {
			if out, err := unwrap(bad.mangle); out != nil || err != gencrypto.ErrVerify {
				t.Errorf("%s Unwrap, backend result %s: %d bytes, %v; want ErrVerify", a, bad.name, len(out), err)
			}
		}
	}
}
