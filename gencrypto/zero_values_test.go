package gencrypto_test

import (
	"errors"
	"fmt"
	"testing"

	"github.com/lwscrypto/lwscrypto/gencrypto"
)

// TestZeroValuesReturnErrors calls every operation of the zero value of
// each exported type of the package, with arguments a registered algorithm
// would accept (so that no argument check stands in front of the one under
// test), through the default backend and through a backend that claims
// every primitive. The zero value of an algorithm type is no algorithm:
// every operation that can fail returns an error wrapping ErrUnsupported,
// without reaching the backend. A zero MACKey holds no key: ErrInvalidKey.
// None panics (a zero MAC used to panic in crypto.Hash.Size, a zero HKDF,
// PBKDF2, ConcatKDF or KeyEncryption likewise, a zero MACKey on its nil
// hash).
func TestZeroValuesReturnErrors(t *testing.T) {
	k := getKeys(t)
	key32 := make([]byte, 32)
	msg := []byte("message")
	p256pub := &k.p256.PublicKey
	rsapub := &k.rsa.PublicKey
	unsup, badKey := gencrypto.ErrUnsupported, gencrypto.ErrInvalidKey

	type call struct {
		name string
		want error
		f    func(opts []gencrypto.Option) error
	}
	calls := []call{
		{"MAC.New", unsup, func(o []gencrypto.Option) error { _, err := new(gencrypto.MAC).New(key32, o...); return err }},
		{"MAC.Sum", unsup, func(o []gencrypto.Option) error { _, err := new(gencrypto.MAC).Sum(key32, msg, o...); return err }},
		{"MAC.Verify", unsup, func(o []gencrypto.Option) error { return new(gencrypto.MAC).Verify(key32, msg, key32, o...) }},
		{"MAC.MinKeySize", nil, func([]gencrypto.Option) error { return wantInt(new(gencrypto.MAC).MinKeySize(), 0) }},
		{"MAC.TagSize", nil, func([]gencrypto.Option) error { return wantInt(new(gencrypto.MAC).TagSize(), 0) }},

		{"MACKey.Write", badKey, func([]gencrypto.Option) error {
			n, err := new(gencrypto.MACKey).Write(msg)
			if n != 0 {
				return fmt.Errorf("Write took %d bytes", n)
			}
			return err
		}},
		{"MACKey.Sum", badKey, func([]gencrypto.Option) error { _, err := new(gencrypto.MACKey).Sum(nil, msg); return err }},
		{"MACKey.SumStream", badKey, func([]gencrypto.Option) error { _, err := new(gencrypto.MACKey).SumStream(nil); return err }},
		{"MACKey.Verify", badKey, func([]gencrypto.Option) error { return new(gencrypto.MACKey).Verify(msg, nil) }},
		{"MACKey.VerifyStream", badKey, func([]gencrypto.Option) error { return new(gencrypto.MACKey).VerifyStream(nil) }},
		{"MACKey.Reset", nil, func([]gencrypto.Option) error { new(gencrypto.MACKey).Reset(); return nil }},
		{"MACKey.Size", nil, func([]gencrypto.Option) error { return wantInt(new(gencrypto.MACKey).Size(), 0) }},

		{"HKDF.Derive", unsup, func(o []gencrypto.Option) error {
			_, err := new(gencrypto.HKDF).Derive(key32, nil, nil, 32, o...)
			return err
		}},
		{"PBKDF2.Derive", unsup, func(o []gencrypto.Option) error {
			_, err := new(gencrypto.PBKDF2).Derive(key32, key32, 1, 32, o...)
			return err
		}},
		{"ConcatKDF.Derive", unsup, func(o []gencrypto.Option) error {
			_, err := new(gencrypto.ConcatKDF).Derive(key32, nil, 32, o...)
			return err
		}},

		{"KeyEncryption.Encrypt", unsup, func(o []gencrypto.Option) error {
			_, err := new(gencrypto.KeyEncryption).Encrypt(rsapub, key32[:16], o...)
			return err
		}},
		{"KeyEncryption.Decrypt", unsup, func(o []gencrypto.Option) error {
			_, err := new(gencrypto.KeyEncryption).Decrypt(k.rsa, make([]byte, rsapub.Size()), o...)
			return err
		}},

		{"KeyWrap.Wrap", unsup, func(o []gencrypto.Option) error {
			_, err := new(gencrypto.KeyWrap).Wrap(nil, key32[:16], o...)
			return err
		}},
		{"KeyWrap.Unwrap", unsup, func(o []gencrypto.Option) error {
			_, err := new(gencrypto.KeyWrap).Unwrap(nil, key32[:24], o...)
			return err
		}},

		{"AEAD.New", unsup, func(o []gencrypto.Option) error { _, err := new(gencrypto.AEAD).New(nil, o...); return err }},

		{"KeyAgreement.GenerateKey", unsup, func([]gencrypto.Option) error {
			_, err := new(gencrypto.KeyAgreement).GenerateKey()
			return err
		}},
		{"KeyAgreement.SharedSecret", unsup, func(o []gencrypto.Option) error {
			_, err := new(gencrypto.KeyAgreement).SharedSecret(k.x25519, k.x25519.PublicKey(), o...)
			return err
		}},
		{"KeyAgreement.ECDHCurve", nil, func([]gencrypto.Option) error {
			if c := new(gencrypto.KeyAgreement).ECDHCurve(); c != nil {
				return fmt.Errorf("ECDHCurve = %v, want nil", c)
			}
			return nil
		}},

		{"Signature.Sign", unsup, func(o []gencrypto.Option) error {
			_, err := new(gencrypto.Signature).Sign(k.p256, msg, o...)
			return err
		}},
		{"Signature.Verify", unsup, func(o []gencrypto.Option) error {
			return new(gencrypto.Signature).Verify(p256pub, msg, make([]byte, 64), o...)
		}},
		{"Signature.NewHash", unsup, func(o []gencrypto.Option) error { _, err := new(gencrypto.Signature).NewHash(o...); return err }},
		{"Signature.SignDigest", unsup, func(o []gencrypto.Option) error {
			_, err := new(gencrypto.Signature).SignDigest(k.p256, key32, o...)
			return err
		}},
		{"Signature.VerifyDigest", unsup, func(o []gencrypto.Option) error {
			return new(gencrypto.Signature).VerifyDigest(p256pub, key32, make([]byte, 64), o...)
		}},
		{"Signature.CheckPublicKey", unsup, func([]gencrypto.Option) error {
			return new(gencrypto.Signature).CheckPublicKey(p256pub)
		}},
	}

	for _, c := range calls {
		for _, backend := range []string{"default", "all-primitives"} {
			t.Run(c.name+"/"+backend, func(t *testing.T) {
				fake := newFake()
				var opts []gencrypto.Option
				if backend != "default" {
					opts = []gencrypto.Option{gencrypto.WithBackend(fake)}
				}
				var err error
				func() {
					defer func() {
						if r := recover(); r != nil {
							err = fmt.Errorf("panic: %v", r)
						}
					}()
					err = c.f(opts)
				}()
				switch {
				case c.want == nil && err != nil:
					t.Fatalf("%v", err)
				case c.want != nil && !errors.Is(err, c.want):
					t.Fatalf("err = %v, want one wrapping %v", err, c.want)
				}
				if n := fake.calls.Load(); n != 0 {
					t.Errorf("%d calls reached the backend", n)
				}
			})
		}
	}
}

func wantInt(got, want int) error {
	if got != want {
		return fmt.Errorf("got %d, want %d", got, want)
	}
	return nil
}
