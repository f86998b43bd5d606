package jwk

import (
	"bytes"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/base64"
	"encoding/pem"
	"errors"
	"fmt"
	"math/big"
	"strings"
	"testing"
	"time"

	"github.com/lwscrypto/lwscrypto/jose"
)

func TestPEMRoundTrip(t *testing.T) {
	for _, alg := range []string{"RS256", "ES256", "ES384", "ES512", "EdDSA"} {
		k, err := Generate(alg, nil)
		if err != nil {
			t.Fatal(err)
		}
		pub, _ := k.PublicKey()
		for _, kk := range []*Key{k, pub} {
			p, err := kk.MarshalPEM()
			if err != nil {
				t.Fatal(alg, err)
			}
			// Leading text and whitespace are skipped.
			got, err := ParsePEM(append([]byte("  \nsome text\n"), p...))
			if err != nil || !got.Equal(kk) {
				t.Errorf("%s: PEM round trip: %v", alg, err)
			}
			if typ, der, err := kk.MarshalLegacyDER(); err == nil {
				got, err := ParseDER(typ, der)
				if err != nil || !got.Equal(kk) {
					t.Errorf("%s %s: %v", alg, typ, err)
				}
				got, err = ParseDER("", der)
				if err != nil || !got.Equal(kk) {
					t.Errorf("%s untyped %s: %v", alg, typ, err)
				}
			}
		}
	}
	x, err := Generate("ECDH-ES", &GenerateOptions{Curve: CurveX25519})
	if err != nil {
		t.Fatal(err)
	}
	p, err := x.MarshalPEM()
	if err != nil {
		t.Fatal(err)
	}
	if got, err := ParsePEM(p); err != nil || !got.Equal(x) {
		t.Errorf("X25519 PEM: %v", err)
	}
	oct, _ := Generate("HS256", nil)
	if _, err := oct.MarshalPEM(); !errors.Is(err, jose.ErrKey) {
		t.Errorf("oct PEM: %v", err)
	}
}

func selfSigned(t testing.TB, k *Key) []byte {
	t.Helper()
	s, _ := k.Signer()
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "t"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour)}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, k.Public(), s)
	if err != nil {
		t.Fatal(err)
	}
	return der
}

func TestCertificateAndX5c(t *testing.T) {
	k, _ := Generate("ES256", nil)
	der := selfSigned(t, k)
	p := pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der})
	got, err := ParsePEM(p)
	if err != nil {
		t.Fatal(err)
	}
	pub, _ := k.PublicKey()
	if !got.Equal(pub) || len(got.X5c) != 1 {
		t.Fatalf("certificate key: %v", got)
	}
	// x5c written and read back; a certificate for another key is refused.
	j := mustJSON(t, got)
	back, err := Parse(j)
	if err != nil || len(back.X5c) != 1 {
		t.Fatalf("x5c round trip: %v", err)
	}
	other, _ := Generate("ES256", nil)
	otherPub, _ := other.PublicKey()
	otherPub.X5c = [][]byte{der}
	_, err = Parse(uncheckedJSON(t, otherPub))
	wantErr(t, "x5c of another key", err, jose.ErrKey)
	bad := strings.Replace(string(j), base64.StdEncoding.EncodeToString(der), base64.RawStdEncoding.EncodeToString(der)+"\\n", 1)
	if _, err := Parse([]byte(bad)); err == nil {
		t.Error("x5c with a line break accepted")
	}
}

func TestParsePEMErrors(t *testing.T) {
	for _, s := range []string{"", "hello", "-----BEGIN FOO-----\nAAAA\n-----END FOO-----\n",
		"-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n",
		"-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,00\n\nAAAA\n-----END RSA PRIVATE KEY-----\n"} {
		if _, err := ParsePEM([]byte(s)); !errors.Is(err, jose.ErrMalformed) {
			t.Errorf("%q: %v", s, err)
		}
	}
	if _, err := ParsePEM(make([]byte, maxPEM+1)); !errors.Is(err, jose.ErrLimit) {
		t.Errorf("huge PEM: %v", err)
	}
}

func TestX5tMatchesX5c(t *testing.T) {
	k, _ := Generate("ES256", nil)
	pub, _ := k.PublicKey()
	der := selfSigned(t, k)
	pub.X5c = [][]byte{der}
	s1, s256 := sha1.Sum(der), sha256.Sum256(der)
	pub.X5t, pub.X5tS256 = s1[:], s256[:]
	if _, err := Parse(mustJSON(t, pub)); err != nil {
		t.Fatalf("matching thumbprints: %v", err)
	}
	pub.X5t = make([]byte, 20)
	_, err := Parse(uncheckedJSON(t, pub))
	wantErr(t, "x5t of another certificate", err, jose.ErrKey)
	pub.X5t, pub.X5tS256 = nil, make([]byte, 32)
	_, err = Parse(uncheckedJSON(t, pub))
	wantErr(t, "x5t#S256 of another certificate", err, jose.ErrKey)
}

// TestX5cEmptyCertificate: every "x5c" string is a base64 DER certificate
// (RFC 7517 §4.7), so an empty one after the leaf is malformed, as
// jose.ParseHeader already rules for the header's "x5c". Before, Parse
// checked only the leaf and kept an empty chain member.
func TestX5cEmptyCertificate(t *testing.T) {
	k, _ := Generate("ES256", nil)
	pub, _ := k.PublicKey()
	pub.X5c = [][]byte{selfSigned(t, k), {}}
	raw := uncheckedJSON(t, pub)
	if !bytes.Contains(raw, []byte(`,""]`)) {
		t.Fatalf("no empty x5c member in %s", raw)
	}
	_, err := Parse(raw)
	wantErr(t, "x5c with an empty certificate", err, jose.ErrMalformed)
}

// TestParseDERAnyTypeKeepsKeyError: ParseDER with an empty type reports a
// key it recognised but refuses (here on P-224, which JOSE does not name)
// as the typed call does, jose.ErrKey with the reason, rather than going on
// to the other forms and ending in "not a supported key" (ErrMalformed).
func TestParseDERAnyTypeKeepsKeyError(t *testing.T) {
	p, err := ecdsa.GenerateKey(elliptic.P224(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	spki, _ := x509.MarshalPKIXPublicKey(&p.PublicKey)
	pkcs8, _ := x509.MarshalPKCS8PrivateKey(p)
	sec1, _ := x509.MarshalECPrivateKey(p)
	for typ, der := range map[string][]byte{"PUBLIC KEY": spki, "PRIVATE KEY": pkcs8, "EC PRIVATE KEY": sec1} {
		_, err := ParseDER(typ, der)
		wantErr(t, typ+" on P-224", err, jose.ErrKey)
		_, err = ParseDER("", der)
		wantErr(t, typ+" on P-224, untyped", err, jose.ErrKey)
	}
}

// TestParsePEMChainChecked: the "x5c" chain ParsePEM builds from the
// CERTIFICATE blocks obeys the rules Parse applies to "x5c", so the key
// can be written and read back: an empty certificate block after the leaf
// is jose.ErrMalformed and more than jose.MaxStrings certificates
// jose.ErrLimit. The base accepted both, giving a Key that AppendJSON
// refuses (and whose JWK Parse refused before AppendJSON checked).
func TestParsePEMChainChecked(t *testing.T) {
	k, _ := Generate("ES256", nil)
	cert := pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: selfSigned(t, k)})
	empty := pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE"})
	_, err := ParsePEM(append(bytes.Clone(cert), empty...))
	wantErr(t, "chain with an empty certificate", err, jose.ErrMalformed)
	for n, want := range map[int]error{jose.MaxStrings: nil, jose.MaxStrings + 1: jose.ErrLimit} {
		got, err := ParsePEM(bytes.Repeat(cert, n))
		if want != nil {
			wantErr(t, fmt.Sprintf("chain of %d certificates", n), err, want)
			continue
		}
		if err != nil || len(got.X5c) != n {
			t.Fatalf("chain of %d certificates: %v", n, err)
		}
		if _, err := Parse(mustJSON(t, got)); err != nil {
			t.Errorf("chain of %d certificates: written JWK: %v", n, err)
		}
	}
}
