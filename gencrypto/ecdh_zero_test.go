package gencrypto_test

import (
	"bytes"
	"crypto"
	"crypto/ecdh"
	"encoding/hex"
	"encoding/json"
	"errors"
	"os"
	"slices"
	"testing"

	"github.com/lwscrypto/lwscrypto/gencrypto"
	"github.com/lwscrypto/lwscrypto/internal/testenv"
)

// zeroECDH is the default backend with an ECDH that answers all zeros, as
// an X25519 implementation without RFC 7748 §6.1's check does for a
// low-order peer key.
type zeroECDH struct{ *fakeBackend }

func (b zeroECDH) ECDH(p string, priv crypto.PrivateKey, pub crypto.PublicKey) ([]byte, error) {
	b.calls.Add(1)
	return make([]byte, len(pub.(*ecdh.PublicKey).Bytes())), nil
}

// TestSharedSecretZero: an all-zero result is refused on X25519 whichever
// backend computed it (RFC 7748 §6.1; the registry does not rely on the
// backend's own check), and on the NIST curves a zero x-coordinate is a
// valid shared secret that is passed on: Wycheproof's
// "EdgeCaseSharedSecret" vectors, read from the corpus, all agree through
// the registry.
func TestSharedSecretZero(t *testing.T) {
	k := getKeys(t)
	z := zeroECDH{newFake()}
	if s, err := gencrypto.X25519().SharedSecret(k.x25519, k.x25519.PublicKey(), gencrypto.WithBackend(z)); !errors.Is(err, gencrypto.ErrInvalidInput) {
		t.Errorf("X25519 with a backend answering zeros: %x, %v; want ErrInvalidInput", s, err)
	}
	if z.calls.Load() != 1 {
		t.Errorf("%d backend calls, want 1", z.calls.Load())
	}

	for _, tc := range []struct {
		file string
		alg  *gencrypto.KeyAgreement
	}{
		{"ecdh_secp256r1_ecpoint_test.json", gencrypto.ECDHP256()},
		{"ecdh_secp384r1_ecpoint_test.json", gencrypto.ECDHP384()},
		{"ecdh_secp521r1_ecpoint_test.json", gencrypto.ECDHP521()},
	} {
		raw, err := os.ReadFile(testenv.VectorsFile(t, "wycheproof/testvectors_v1/"+tc.file))
		if err != nil {
			t.Fatal(err)
		}
		var f struct {
			TestGroups []struct {
				Tests []struct {
					TcID                    int
					Public, Private, Shared string
					Result                  string
					Flags                   []string
				}
			}
		}
		if err := json.Unmarshal(raw, &f); err != nil {
			t.Fatalf("%s: %v", tc.file, err)
		}
		zero, n := 0, 0
		for _, g := range f.TestGroups {
			for _, v := range g.Tests {
				if v.Result != "valid" || !slices.Contains(v.Flags, "EdgeCaseSharedSecret") {
					continue
				}
				n++
				pub, err := tc.alg.ECDHCurve().NewPublicKey(testenv.Hex(t, v.Public))
				if err != nil {
					t.Fatalf("%s tcId %d: public key: %v", tc.file, v.TcID, err)
				}
				d := testenv.Hex(t, v.Private)
				size := len(pub.Bytes()) / 2 // the scalar size: (1 + 2·size)/2 rounded down
				for len(d) > size && d[0] == 0 {
					d = d[1:]
				}
				d = append(make([]byte, size-len(d)), d...)
				priv, err := tc.alg.ECDHCurve().NewPrivateKey(d)
				if err != nil {
					t.Fatalf("%s tcId %d: private key: %v", tc.file, v.TcID, err)
				}
				want := testenv.Hex(t, v.Shared)
				if isAllZero(want) {
					zero++
				}
				got, err := tc.alg.SharedSecret(priv, pub)
				if err != nil || !bytes.Equal(got, want) {
					t.Errorf("%s tcId %d: %x, %v; want %s", tc.file, v.TcID, got, err, hex.EncodeToString(want))
				}
			}
		}
		if n == 0 {
			t.Errorf("%s: no EdgeCaseSharedSecret vectors", tc.file)
		}
		if tc.alg == gencrypto.ECDHP256() && zero == 0 {
			t.Errorf("%s: no vector with a zero shared secret", tc.file)
		}
	}
}

func isAllZero(b []byte) bool {
	for _, c := range b {
		if c != 0 {
			return false
		}
	}
	return true
}
