package jwk

import (
	"bytes"
	"crypto/ecdsa"
	"crypto/rsa"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/asn1"
	"encoding/pem"
	"math/big"
	"testing"

	"github.com/lwscrypto/lwscrypto/jose"
)

// derForms returns a key of each DER form ParseDER reads, by PEM type.
func derForms(t *testing.T) map[string][]byte {
	t.Helper()
	ec, _ := Generate("ES256", nil)
	rk, _ := Generate("RS256", nil)
	ed, _ := Generate("EdDSA", nil)
	x, _ := Generate("ECDH-ES", &GenerateOptions{Curve: CurveX25519})
	forms := map[string][]byte{}
	for name, k := range map[string]*Key{"EC": ec, "RSA": rk, "Ed25519": ed, "X25519": x} {
		p8, err := x509.MarshalPKCS8PrivateKey(k.PrivateKey())
		if err != nil {
			t.Fatal(err)
		}
		spki, _ := x509.MarshalPKIXPublicKey(k.Public())
		forms["PRIVATE KEY/"+name], forms["PUBLIC KEY/"+name] = p8, spki
	}
	sec1, _ := x509.MarshalECPrivateKey(ec.PrivateKey().(*ecdsa.PrivateKey))
	forms["EC PRIVATE KEY/EC"] = sec1
	_, forms["RSA PRIVATE KEY/RSA"], _ = rk.MarshalLegacyDER()
	pub, _ := rk.PublicKey()
	_, forms["RSA PUBLIC KEY/RSA"], _ = pub.MarshalLegacyDER()
	forms["CERTIFICATE/EC"] = selfSigned(t, ec)
	return forms
}

func pemType(form string) string {
	for i := range form {
		if form[i] == '/' {
			return form[:i]
		}
	}
	return form
}

// TestDERTrailingData: DER is one value; bytes after it make the input
// malformed, typed or not, for every form. crypto/x509 refuses them after
// SPKI, PKCS #1 and certificates but not after PKCS #8 or SEC 1 (nor
// after the key inside PKCS #8), which the base accepted: two encodings
// of one key, and input that is not what it says it is.
func TestDERTrailingData(t *testing.T) {
	forms := derForms(t)
	for form, der := range forms {
		if _, err := ParseDER(pemType(form), der); err != nil {
			t.Fatalf("%s: %v", form, err)
		}
		bad := append(der[:len(der):len(der)], 0, 0)
		_, err := ParseDER(pemType(form), bad)
		wantErr(t, form+" with trailing bytes", err, jose.ErrMalformed)
		_, err = ParseDER("", bad)
		wantErr(t, form+" with trailing bytes, untyped", err, jose.ErrMalformed)
	}
	// Inside PKCS #8: the private key octets followed by more.
	for form, der := range forms {
		if pemType(form) != "PRIVATE KEY" {
			continue
		}
		var p8 testPKCS8
		if _, err := asn1.Unmarshal(der, &p8); err != nil {
			t.Fatal(err)
		}
		p8.PrivateKey = append(p8.PrivateKey, 0, 0)
		bad, err := asn1.Marshal(p8)
		if err != nil {
			t.Fatal(err)
		}
		_, err = ParseDER("PRIVATE KEY", bad)
		wantErr(t, form+" with trailing bytes inside", err, jose.ErrMalformed)
	}
}

// sec1Key is RFC 5915's ECPrivateKey, for building test keys.
type sec1Key struct {
	Version    int
	PrivateKey []byte
	Curve      asn1.ObjectIdentifier `asn1:"optional,explicit,tag:0"`
	PublicKey  asn1.BitString        `asn1:"optional,explicit,tag:1"`
}

// TestSEC1PublicKeyChecked: an EC private key in SEC 1 (alone or in
// PKCS #8) may carry its public key (RFC 5915 §3) and its curve; they must
// be the ones the scalar and the PKCS #8 algorithm imply, as Parse requires
// a JWK's "x", "y" to match "d" (jose.ErrKey). crypto/x509 ignores both,
// so the base accepted a key file whose embedded public key is another
// key's and silently used the one derived from "d": other tools reading
// the embedded key would verify with another key than ours. A compressed
// embedded public key, and none at all, are fine.
func TestSEC1PublicKeyChecked(t *testing.T) {
	k, _ := Generate("ES256", nil)
	other, _ := Generate("ES256", nil)
	der, _ := x509.MarshalECPrivateKey(k.PrivateKey().(*ecdsa.PrivateKey))
	var s sec1Key
	if _, err := asn1.Unmarshal(der, &s); err != nil {
		t.Fatal(err)
	}
	own := s.PublicKey.Bytes
	otherPub, _ := other.Public().(*ecdsa.PublicKey).Bytes()
	p384 := asn1.ObjectIdentifier{1, 3, 132, 0, 34}
	compressed := append([]byte{2 | own[64]&1}, own[1:33]...)
	p8, _ := x509.MarshalPKCS8PrivateKey(k.PrivateKey())
	var info testPKCS8
	if _, err := asn1.Unmarshal(p8, &info); err != nil {
		t.Fatal(err)
	}
	for name, c := range map[string]struct {
		pub   []byte
		curve asn1.ObjectIdentifier
		ok    bool
	}{
		"own public key":            {own, s.Curve, true},
		"compressed own public key": {compressed, s.Curve, true},
		"no public key":             {nil, s.Curve, true},
		"another key's public key":  {otherPub, s.Curve, false},
		"public key not a point":    {[]byte{4, 1, 2}, s.Curve, false},
		"another curve inside":      {own, p384, false},
	} {
		v := sec1Key{Version: 1, PrivateKey: s.PrivateKey, Curve: c.curve,
			PublicKey: asn1.BitString{Bytes: c.pub, BitLength: 8 * len(c.pub)}}
		sec1, err := asn1.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		in := info
		in.PrivateKey = sec1
		wrapped, err := asn1.Marshal(in)
		if err != nil {
			t.Fatal(err)
		}
		forms := map[string][]byte{"PRIVATE KEY": wrapped}
		if c.curve.Equal(s.Curve) { // alone, the inner curve is the curve
			forms["EC PRIVATE KEY"] = sec1
		}
		for typ, der := range forms {
			got, err := ParseDER(typ, der)
			if c.ok {
				if err != nil || !got.Equal(k) {
					t.Errorf("%s, %s: %v", name, typ, err)
				}
				continue
			}
			wantErr(t, name+", "+typ, err, jose.ErrKey)
		}
	}
}

// testPKCS8 is RFC 5208's PrivateKeyInfo without attributes.
type testPKCS8 struct {
	Version    int
	Algo       pkix.AlgorithmIdentifier
	PrivateKey []byte
}

// testPKCS8v2 is RFC 5958's OneAsymmetricKey with its public key.
type testPKCS8v2 struct {
	Version    int
	Algo       pkix.AlgorithmIdentifier
	PrivateKey []byte
	PublicKey  asn1.BitString `asn1:"optional,tag:1"`
}

// TestPKCS8PublicKeyChecked: a PKCS #8 v2 key (RFC 5958
// OneAsymmetricKey) may carry its public key; it must be the one the
// private key implies (jose.ErrKey), as for SEC 1 and for a JWK's "x" and
// "d". crypto/x509 ignores it, so the base accepted an Ed25519, X25519 or
// EC private key file that names another public key.
func TestPKCS8PublicKeyChecked(t *testing.T) {
	for _, alg := range []string{"EdDSA", "ES256", "ECDH-ES"} {
		opts := &GenerateOptions{}
		if alg == "ECDH-ES" {
			opts.Curve = CurveX25519
		}
		k, _ := Generate(alg, opts)
		other, _ := Generate(alg, opts)
		p8, _ := x509.MarshalPKCS8PrivateKey(k.PrivateKey())
		var info testPKCS8
		if _, err := asn1.Unmarshal(p8, &info); err != nil {
			t.Fatal(err)
		}
		raw := func(k *Key) []byte {
			switch p := k.Public().(type) {
			case *ecdsa.PublicKey:
				b, _ := p.Bytes()
				return b
			case interface{ Bytes() []byte }:
				return p.Bytes()
			}
			b, _ := x509.MarshalPKIXPublicKey(k.Public()) // Ed25519: the last 32 bytes
			return b[len(b)-32:]
		}
		for name, pub := range map[string][]byte{"own": raw(k), "another key's": raw(other), "truncated": raw(k)[1:]} {
			der, err := asn1.Marshal(testPKCS8v2{1, info.Algo, info.PrivateKey, asn1.BitString{Bytes: pub, BitLength: 8 * len(pub)}})
			if err != nil {
				t.Fatal(err)
			}
			got, err := ParseDER("PRIVATE KEY", der)
			if name == "own" {
				if err != nil || !got.Equal(k) {
					t.Errorf("%s, %s public key: %v", k.describe(), name, err)
				}
				continue
			}
			wantErr(t, k.describe()+", "+name+" public key", err, jose.ErrKey)
		}
	}
}

// testPKCS1 is RFC 8017's RSAPrivateKey (two primes).
type testPKCS1 struct {
	Version               int
	N                     *big.Int
	E                     int
	D, P, Q, Dp, Dq, Qinv *big.Int
}

// TestDERInconsistentRSAIsKeyError: an RSA private key in PKCS #1 or
// PKCS #8 whose members disagree (a CRT value, or "d", that "p" and "q" do
// not imply) is refused as jose.ErrKey, as Parse refuses the same key as a
// JWK and as ParseDER refuses primes that do not multiply to the modulus.
// The base answered jose.ErrMalformed (crypto/x509's validation error),
// for a key that is well-formed DER.
func TestDERInconsistentRSAIsKeyError(t *testing.T) {
	k, _ := Generate("RS256", nil)
	der := x509.MarshalPKCS1PrivateKey(k.PrivateKey().(*rsa.PrivateKey))
	var good testPKCS1
	if _, err := asn1.Unmarshal(der, &good); err != nil {
		t.Fatal(err)
	}
	p8, _ := x509.MarshalPKCS8PrivateKey(k.PrivateKey())
	var info testPKCS8
	if _, err := asn1.Unmarshal(p8, &info); err != nil {
		t.Fatal(err)
	}
	two := big.NewInt(2)
	for name, change := range map[string]func(s *testPKCS1){
		"dp + 2":   func(s *testPKCS1) { s.Dp = new(big.Int).Add(s.Dp, two) },
		"dq + 2":   func(s *testPKCS1) { s.Dq = new(big.Int).Add(s.Dq, two) },
		"qinv + 1": func(s *testPKCS1) { s.Qinv = new(big.Int).Add(s.Qinv, big.NewInt(1)) },
		"d + 2":    func(s *testPKCS1) { s.D = new(big.Int).Add(s.D, two) },
	} {
		s := good
		change(&s)
		bad, err := asn1.Marshal(s)
		if err != nil {
			t.Fatal(err)
		}
		in := info
		in.PrivateKey = bad
		wrapped, _ := asn1.Marshal(in)
		for typ, der := range map[string][]byte{"RSA PRIVATE KEY": bad, "PRIVATE KEY": wrapped} {
			_, err := ParseDER(typ, der)
			wantErr(t, name+", "+typ, err, jose.ErrKey)
			_, err = ParseDER("", der)
			wantErr(t, name+", "+typ+", untyped", err, jose.ErrKey)
		}
	}
}

// rfc8410Example is the OneAsymmetricKey of RFC 8410 §10.3: an Ed25519
// private key with an attribute and its public key.
const rfc8410Example = `-----BEGIN PRIVATE KEY-----
MHICAQEwBQYDK2VwBCIEINTuctv5E1hK1bbY8fdp+K06/nwoy/HU++CXqI9EdVhC
oB8wHQYKKoZIhvcNAQkJFDEPDA1DdXJkbGUgQ2hhaXJzgSEAGb9ECWmEzf6FQbrB
Z9w7lshQhqowtrbLDFw4rXAxZuE=
-----END PRIVATE KEY-----
`

// TestPKCS8WithAttributes: the public key after the attributes of a
// PKCS #8 v2 key is found and checked: RFC 8410's example parses, and with
// one bit of its public key changed it is jose.ErrKey.
func TestPKCS8WithAttributes(t *testing.T) {
	k, err := ParsePEM([]byte(rfc8410Example))
	if err != nil {
		t.Fatal(err)
	}
	_, der, _ := k.MarshalDER()
	b, _ := pem.Decode([]byte(rfc8410Example))
	if len(b.Bytes) <= len(der) {
		t.Fatal("the example has no attributes or public key")
	}
	bad := bytes.Clone(b.Bytes)
	bad[len(bad)-1] ^= 1
	_, err = ParseDER("PRIVATE KEY", bad)
	wantErr(t, "RFC 8410 example with another public key", err, jose.ErrKey)
}
