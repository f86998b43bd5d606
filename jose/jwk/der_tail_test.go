package jwk

import (
	"crypto/ed25519"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/asn1"
	"encoding/pem"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/lwscrypto/lwscrypto/internal/hostile"
	"github.com/lwscrypto/lwscrypto/jose"
)

// malformedPKCS8Tails are elements after a PKCS #8 key's PrivateKey that
// crypto/x509 skips unread (its PrivateKeyInfo stops there) but that are
// no OneAsymmetricKey public key ([1] BIT STRING, RFC 5958 §2): a BIT
// STRING with 8 unused bits, an empty one, one whose unused bit is set.
var malformedPKCS8Tails = map[string][]byte{
	"8 unused bits":   {0x81, 0x01, 0x08},
	"empty":           {0x81, 0x00},
	"unused bits set": {0x81, 0x02, 0x01, 0x01},
}

// pkcs8WithTail returns a PKCS #8 PrivateKeyInfo of algorithm algo holding
// key, followed by the raw element tail.
func pkcs8WithTail(t testing.TB, algo pkix.AlgorithmIdentifier, key, tail []byte) []byte {
	t.Helper()
	der, err := asn1.Marshal(struct {
		Version    int
		Algo       pkix.AlgorithmIdentifier
		PrivateKey []byte
		Tail       asn1.RawValue
	}{0, algo, key, asn1.RawValue{FullBytes: tail}})
	if err != nil {
		t.Fatal(err)
	}
	return der
}

// TestPKCS8MalformedTailChecked: a PKCS #8 key followed by an element
// that is not a well-formed public key is refused, and refusing it does
// not switch off the checks ParseDER documents. On the base, such a tail
// made the strict re-read of the PrivateKeyInfo fail, which was taken for
// "not PKCS #8, leave it to crypto/x509", and crypto/x509 ignores the
// tail: an RSA key of twice maxRSABits went to the standard library's
// validation (whose cost grows as bits^3.6) instead of being refused for
// its size, bytes after the key inside PKCS #8 were accepted, and the
// broken public key was taken as absent, so one Ed25519 key had many
// encodings.
func TestPKCS8MalformedTailChecked(t *testing.T) {
	rsaAlgo := pkix.AlgorithmIdentifier{Algorithm: oidRSA, Parameters: asn1.NullRawValue}
	huge := hostile.RSAPrivateDER(t, 2*maxRSABits)
	ed, _ := Generate("EdDSA", nil)
	p8, err := x509.MarshalPKCS8PrivateKey(ed.PrivateKey())
	if err != nil {
		t.Fatal(err)
	}
	var info struct {
		Version    int
		Algo       pkix.AlgorithmIdentifier
		PrivateKey []byte
	}
	if _, err := asn1.Unmarshal(p8, &info); err != nil {
		t.Fatal(err)
	}
	for name, tail := range malformedPKCS8Tails {
		// The size bound still applies, typed or not, DER or PEM.
		der := pkcs8WithTail(t, rsaAlgo, huge, tail)
		for _, typ := range []string{"PRIVATE KEY", ""} {
			_, err := ParseDER(typ, der)
			if !errors.Is(err, jose.ErrKey) || !strings.Contains(err.Error(), "modulus") {
				t.Errorf("%d-bit RSA key, tail %s, DER %q: %v, want the size refused (ErrKey)", 2*maxRSABits, name, typ, err)
			}
		}
		_, err := ParsePEM(pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: der}))
		if !errors.Is(err, jose.ErrKey) || !strings.Contains(err.Error(), "modulus") {
			t.Errorf("%d-bit RSA key, tail %s, PEM: %v, want the size refused (ErrKey)", 2*maxRSABits, name, err)
		}

		// A broken public key is not an absent one.
		_, err = ParseDER("PRIVATE KEY", pkcs8WithTail(t, info.Algo, info.PrivateKey, tail))
		wantErr(t, "Ed25519 key, tail "+name, err, jose.ErrMalformed)

		// Bytes after the key inside PKCS #8 are still refused.
		inner := append(append([]byte(nil), info.PrivateKey...), 0x05, 0x00)
		_, err = ParseDER("PRIVATE KEY", pkcs8WithTail(t, info.Algo, inner, tail))
		wantErr(t, "Ed25519 key with bytes after it, tail "+name, err, jose.ErrMalformed)
	}
	// The key alone, and with its own public key, still parse.
	if k, err := ParseDER("PRIVATE KEY", p8); err != nil || !k.Equal(ed) {
		t.Errorf("Ed25519 PKCS #8: %v", err)
	}
	pub := []byte(ed.Public().(ed25519.PublicKey))
	own, _ := asn1.Marshal(asn1.RawValue{Class: asn1.ClassContextSpecific, Tag: 1, Bytes: append([]byte{0}, pub...)})
	if k, err := ParseDER("PRIVATE KEY", pkcs8WithTail(t, info.Algo, info.PrivateKey, own)); err != nil || !k.Equal(ed) {
		t.Errorf("Ed25519 PKCS #8 with its own public key: %v", err)
	}
}

// TestPKCS8Version: a PKCS #8 key is version 0 (RFC 5208 PrivateKeyInfo)
// or 1 (RFC 5958 OneAsymmetricKey v2); crypto/x509 does not read the
// version, so on the base any other (2, 7, -1) was accepted: more DER
// encodings of one key, which ParseDER refuses elsewhere (bytes after
// the DER, TestDERTrailingData). Versions 0 and 1 still parse.
func TestPKCS8Version(t *testing.T) {
	for _, alg := range []string{"EdDSA", "ES256", "RS256"} {
		k, _ := Generate(alg, nil)
		_, p8, err := k.MarshalDER()
		if err != nil {
			t.Fatal(err)
		}
		var info testPKCS8
		if _, err := asn1.Unmarshal(p8, &info); err != nil {
			t.Fatal(err)
		}
		for _, v := range []int{0, 1, 2, 7, -1} {
			info.Version = v
			der, err := asn1.Marshal(info)
			if err != nil {
				t.Fatal(err)
			}
			got, err := ParseDER("PRIVATE KEY", der)
			if v == 0 || v == 1 {
				if err != nil || !got.Equal(k) {
					t.Errorf("%s, version %d: %v", alg, v, err)
				}
				continue
			}
			wantErr(t, fmt.Sprintf("%s, version %d", alg, v), err, jose.ErrMalformed)
		}
	}
}

// TestPKCS1Version: a two-prime RSA private key in PKCS #1 is version 0
// (RFC 8017 Appendix A.1.2: 1 means multi-prime, which is not supported).
// crypto/x509 refuses only versions above 1, so on the base version 1 and
// -1 were accepted, alone and inside PKCS #8 (more encodings of one key),
// and 2 and 7 were jose.ErrKey, not the jose.ErrMalformed of a PKCS #8
// version (TestPKCS8Version). Version 0 still parses.
func TestPKCS1Version(t *testing.T) {
	k, _ := Generate("RS256", nil)
	_, der, _ := k.MarshalLegacyDER()
	var s testPKCS1
	if _, err := asn1.Unmarshal(der, &s); err != nil {
		t.Fatal(err)
	}
	rsaAlgo := pkix.AlgorithmIdentifier{Algorithm: oidRSA, Parameters: asn1.NullRawValue}
	for _, v := range []int{0, 1, -1, 2, 7} {
		s.Version = v
		pkcs1, err := asn1.Marshal(s)
		if err != nil {
			t.Fatal(err)
		}
		pkcs8, err := asn1.Marshal(testPKCS8{0, rsaAlgo, pkcs1})
		if err != nil {
			t.Fatal(err)
		}
		for typ, der := range map[string][]byte{"RSA PRIVATE KEY": pkcs1, "PRIVATE KEY": pkcs8} {
			got, err := ParseDER(typ, der)
			if v == 0 {
				if err != nil || !got.Equal(k) {
					t.Errorf("%s, version 0: %v", typ, err)
				}
				continue
			}
			wantErr(t, fmt.Sprintf("%s, PKCS #1 version %d", typ, v), err, jose.ErrMalformed)
		}
	}
}
