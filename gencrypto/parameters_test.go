package gencrypto_test

import (
	"crypto"
	"fmt"
	"testing"

	"github.com/lwscrypto/lwscrypto/gencrypto"
)

// rfcParams is every registered algorithm's identity and sizes as the
// specifications give them, typed in from the texts: COSE identifiers from
// the IANA "COSE Algorithms" registry (RFC 9053 Tables 1-9, RFC 8230 for PS*
// and RSAES-OAEP, RFC 8812 for RS*, RFC 9864 for Ed25519; 0 where the
// registry has no entry), sizes in bytes from RFC 7518 §3-§5 and RFC 9053
// §3-§6, FIPS approval from FIPS 186-5 and SP 800-38C/D/F, 56A, 108, 132.
// A zero field does not apply to the family.
var rfcParams = []struct {
	name    string
	cose    int64
	kty     gencrypto.KeyType
	fips    bool
	hash    crypto.Hash // signature, MAC, key encryption and KDF hash
	key     int         // AEAD key, key-wrap KEK, MAC minimum key (= hash size)
	nonce   int         // AEAD nonce (IV)
	tag     int         // AEAD and MAC tag
	curve   gencrypto.Curve
	minBits int // RSA modulus minimum
	sigSize int // fixed signature length (ECDSA r‖s, Ed25519)
}{
	{name: "RS256", cose: -257, kty: gencrypto.KeyRSA, fips: true, hash: crypto.SHA256, minBits: 2048},
	{name: "RS384", cose: -258, kty: gencrypto.KeyRSA, fips: true, hash: crypto.SHA384, minBits: 2048},
	{name: "RS512", cose: -259, kty: gencrypto.KeyRSA, fips: true, hash: crypto.SHA512, minBits: 2048},
	{name: "PS256", cose: -37, kty: gencrypto.KeyRSA, fips: true, hash: crypto.SHA256, minBits: 2048},
	{name: "PS384", cose: -38, kty: gencrypto.KeyRSA, fips: true, hash: crypto.SHA384, minBits: 2048},
	{name: "PS512", cose: -39, kty: gencrypto.KeyRSA, fips: true, hash: crypto.SHA512, minBits: 2048},
	{name: "ES256", cose: -7, kty: gencrypto.KeyEC, fips: true, hash: crypto.SHA256, curve: gencrypto.CurveP256, sigSize: 64},
	{name: "ES384", cose: -35, kty: gencrypto.KeyEC, fips: true, hash: crypto.SHA384, curve: gencrypto.CurveP384, sigSize: 96},
	{name: "ES512", cose: -36, kty: gencrypto.KeyEC, fips: true, hash: crypto.SHA512, curve: gencrypto.CurveP521, sigSize: 132},
	{name: "EdDSA", cose: -8, kty: gencrypto.KeyOKP, fips: true, curve: gencrypto.CurveEd25519, sigSize: 64},
	{name: "Ed25519", cose: -19, kty: gencrypto.KeyOKP, fips: true, curve: gencrypto.CurveEd25519, sigSize: 64},

	{name: "HS256", cose: 5, kty: gencrypto.KeyOct, fips: true, hash: crypto.SHA256, key: 32, tag: 32},
	{name: "HS384", cose: 6, kty: gencrypto.KeyOct, fips: true, hash: crypto.SHA384, key: 48, tag: 48},
	{name: "HS512", cose: 7, kty: gencrypto.KeyOct, fips: true, hash: crypto.SHA512, key: 64, tag: 64},
	{name: "HMAC 256/64", cose: 4, kty: gencrypto.KeyOct, fips: true, hash: crypto.SHA256, key: 32, tag: 8},

	{name: "A128GCM", cose: 1, kty: gencrypto.KeyOct, fips: true, key: 16, nonce: 12, tag: 16},
	{name: "A192GCM", cose: 2, kty: gencrypto.KeyOct, fips: true, key: 24, nonce: 12, tag: 16},
	{name: "A256GCM", cose: 3, kty: gencrypto.KeyOct, fips: true, key: 32, nonce: 12, tag: 16},
	{name: "A128CBC-HS256", kty: gencrypto.KeyOct, fips: true, key: 32, nonce: 16, tag: 16},
	{name: "A192CBC-HS384", kty: gencrypto.KeyOct, fips: true, key: 48, nonce: 16, tag: 24},
	{name: "A256CBC-HS512", kty: gencrypto.KeyOct, fips: true, key: 64, nonce: 16, tag: 32},
	{name: "AES-CCM-16-64-128", cose: 10, kty: gencrypto.KeyOct, fips: true, key: 16, nonce: 13, tag: 8},
	{name: "AES-CCM-16-64-256", cose: 11, kty: gencrypto.KeyOct, fips: true, key: 32, nonce: 13, tag: 8},
	{name: "AES-CCM-64-64-128", cose: 12, kty: gencrypto.KeyOct, fips: true, key: 16, nonce: 7, tag: 8},
	{name: "AES-CCM-64-64-256", cose: 13, kty: gencrypto.KeyOct, fips: true, key: 32, nonce: 7, tag: 8},
	{name: "AES-CCM-16-128-128", cose: 30, kty: gencrypto.KeyOct, fips: true, key: 16, nonce: 13, tag: 16},
	{name: "AES-CCM-16-128-256", cose: 31, kty: gencrypto.KeyOct, fips: true, key: 32, nonce: 13, tag: 16},
	{name: "AES-CCM-64-128-128", cose: 32, kty: gencrypto.KeyOct, fips: true, key: 16, nonce: 7, tag: 16},
	{name: "AES-CCM-64-128-256", cose: 33, kty: gencrypto.KeyOct, fips: true, key: 32, nonce: 7, tag: 16},
	{name: "ChaCha20/Poly1305", cose: 24, kty: gencrypto.KeyOct, key: 32, nonce: 12, tag: 16},

	{name: "A128KW", cose: -3, kty: gencrypto.KeyOct, fips: true, key: 16},
	{name: "A192KW", cose: -4, kty: gencrypto.KeyOct, fips: true, key: 24},
	{name: "A256KW", cose: -5, kty: gencrypto.KeyOct, fips: true, key: 32},

	{name: "RSA-OAEP", cose: -40, kty: gencrypto.KeyRSA, hash: crypto.SHA1, minBits: 2048},
	{name: "RSA-OAEP-256", cose: -41, kty: gencrypto.KeyRSA, fips: true, hash: crypto.SHA256, minBits: 2048},
	{name: "RSA-OAEP-384", kty: gencrypto.KeyRSA, fips: true, hash: crypto.SHA384, minBits: 2048},
	{name: "RSA-OAEP-512", cose: -42, kty: gencrypto.KeyRSA, fips: true, hash: crypto.SHA512, minBits: 2048},

	{name: "ECDH-P256", kty: gencrypto.KeyEC, fips: true, curve: gencrypto.CurveP256},
	{name: "ECDH-P384", kty: gencrypto.KeyEC, fips: true, curve: gencrypto.CurveP384},
	{name: "ECDH-P521", kty: gencrypto.KeyEC, fips: true, curve: gencrypto.CurveP521},
	{name: "X25519", kty: gencrypto.KeyOKP, curve: gencrypto.CurveX25519},

	{name: "HKDF-SHA256", kty: gencrypto.KeyOct, fips: true, hash: crypto.SHA256},
	{name: "HKDF-SHA384", kty: gencrypto.KeyOct, fips: true, hash: crypto.SHA384},
	{name: "HKDF-SHA512", kty: gencrypto.KeyOct, fips: true, hash: crypto.SHA512},
	{name: "PBKDF2-SHA256", kty: gencrypto.KeyOct, fips: true, hash: crypto.SHA256},
	{name: "PBKDF2-SHA384", kty: gencrypto.KeyOct, fips: true, hash: crypto.SHA384},
	{name: "PBKDF2-SHA512", kty: gencrypto.KeyOct, fips: true, hash: crypto.SHA512},
	{name: "ConcatKDF-SHA256", kty: gencrypto.KeyOct, fips: true, hash: crypto.SHA256},
}

// TestAlgorithmParameters holds every registered algorithm to rfcParams:
// a COSE identifier off by one names another algorithm on the wire, and a
// nonce or tag size off by one still round-trips through any backend.
func TestAlgorithmParameters(t *testing.T) {
	if got, want := len(gencrypto.All()), len(rfcParams); got != want {
		t.Errorf("registry has %d algorithms, the table %d", got, want)
	}
	for _, p := range rfcParams {
		a, ok := gencrypto.ByName(p.name)
		if !ok {
			t.Errorf("%s is not registered", p.name)
			continue
		}
		// What every family carries.
		id, hasID := a.COSE()
		got := fmt.Sprintf("cose %d %v, kty %v, fips %v", id, hasID, a.KeyType(), a.FIPSApproved())
		if want := fmt.Sprintf("cose %d %v, kty %v, fips %v", p.cose, p.cose != 0, p.kty, p.fips); got != want {
			t.Errorf("%s: %s, want %s", p.name, got, want)
		}
		if p.cose != 0 {
			if b, ok := gencrypto.ByCOSE(p.cose); !ok || b != a {
				t.Errorf("ByCOSE(%d) = %v, %v; want %s", p.cose, b, ok, p.name)
			}
		}
		// The family's own parameters, in the fields of the table.
		var hash crypto.Hash
		var key, nonce, tag, minBits, sigSize int
		var curve gencrypto.Curve
		switch a := a.(type) {
		case *gencrypto.Signature:
			hash, curve, minBits, sigSize = a.Hash(), a.Curve(), a.MinRSABits(), a.SignatureSize()
		case *gencrypto.MAC:
			hash, key, tag = a.Hash(), a.MinKeySize(), a.TagSize()
		case *gencrypto.AEAD:
			key, nonce, tag = a.KeySize(), a.NonceSize(), a.TagSize()
		case *gencrypto.KeyWrap:
			key = a.KeySize()
		case *gencrypto.KeyEncryption:
			hash, minBits = a.Hash(), a.MinRSABits()
		case *gencrypto.KeyAgreement:
			curve = a.Curve()
		case *gencrypto.HKDF:
			hash = a.Hash()
		case *gencrypto.PBKDF2:
			hash = a.Hash()
		case *gencrypto.ConcatKDF:
			hash = a.Hash()
		}
		const f = "hash %v, key %d, nonce %d, tag %d, curve %v, min RSA bits %d, signature %d"
		if got, want := fmt.Sprintf(f, hash, key, nonce, tag, curve, minBits, sigSize),
			fmt.Sprintf(f, p.hash, p.key, p.nonce, p.tag, p.curve, p.minBits, p.sigSize); got != want {
			t.Errorf("%s:\n got %s\nwant %s", p.name, got, want)
		}
	}
}

// TestEnumStrings pins the names and COSE identifiers of the enumerations
// (JOSE "kty" and "crv" spellings, RFC 7518 §6.1 and RFC 8037 §2; COSE
// "Elliptic Curves" identifiers, RFC 9053 Table 18), every defined value
// and the first undefined one on each side.
func TestEnumStrings(t *testing.T) {
	for _, tc := range []struct {
		got  fmt.Stringer
		want string
	}{
		{gencrypto.Kind(0), "Kind(0)"},
		{gencrypto.KindSignature, "signature"},
		{gencrypto.KindMAC, "mac"},
		{gencrypto.KindAEAD, "aead"},
		{gencrypto.KindKeyWrap, "key wrap"},
		{gencrypto.KindKeyEncryption, "key encryption"},
		{gencrypto.KindKeyAgreement, "key agreement"},
		{gencrypto.KindKDF, "kdf"},
		{gencrypto.KindKDF + 1, "Kind(8)"},
		{gencrypto.KeyType(0), "KeyType(0)"},
		{gencrypto.KeyOct, "oct"},
		{gencrypto.KeyRSA, "RSA"},
		{gencrypto.KeyEC, "EC"},
		{gencrypto.KeyOKP, "OKP"},
		{gencrypto.KeyOKP + 1, "KeyType(5)"},
		{gencrypto.Curve(0), "Curve(0)"},
		{gencrypto.CurveP256, "P-256"},
		{gencrypto.CurveP384, "P-384"},
		{gencrypto.CurveP521, "P-521"},
		{gencrypto.CurveX25519, "X25519"},
		{gencrypto.CurveEd25519, "Ed25519"},
		{gencrypto.CurveEd25519 + 1, "Curve(6)"},
	} {
		if s := tc.got.String(); s != tc.want {
			t.Errorf("String() = %q, want %q", s, tc.want)
		}
	}
	for _, tc := range []struct {
		c    gencrypto.Curve
		want int64
	}{
		{0, 0},
		{gencrypto.CurveP256, 1},
		{gencrypto.CurveP384, 2},
		{gencrypto.CurveP521, 3},
		{gencrypto.CurveX25519, 4},
		{gencrypto.CurveEd25519, 6},
		{gencrypto.CurveEd25519 + 1, 0},
		{255, 0},
	} {
		if got := tc.c.COSE(); got != tc.want {
			t.Errorf("%v.COSE() = %d, want %d", tc.c, got, tc.want)
		}
	}
}
