package main

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"math/big"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// pemKeyAndCert returns a new P-256 private key (PKCS #8), its public key
// (SPKI) and a self-signed certificate for it, each as PEM.
func pemKeyAndCert(t *testing.T) (priv, pub, cert string) {
	t.Helper()
	k, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	p8, err := x509.MarshalPKCS8PrivateKey(k)
	if err != nil {
		t.Fatal(err)
	}
	spki, err := x509.MarshalPKIXPublicKey(&k.PublicKey)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "test"},
		NotBefore: time.Unix(1e9, 0), NotAfter: time.Unix(4e9, 0)}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &k.PublicKey, k)
	if err != nil {
		t.Fatal(err)
	}
	enc := func(typ string, b []byte) string { return string(pem.EncodeToMemory(&pem.Block{Type: typ, Bytes: b})) }
	return enc("PRIVATE KEY", p8), enc("PUBLIC KEY", spki), enc("CERTIFICATE", der)
}

// A PEM bundle of a private key with its own public key or certificate
// (openssl's "cat cert.pem key.pem", a server's combined PEM) holds one
// key: the private one, in whatever order. Before the fix the public key
// counted as a second key ("PEM text holds 2 keys"), and a certificate
// before the key won: jws sign said the file "holds no private or secret
// key" and jwk from-pem dropped the private key without a word. A bundle
// whose parts are different keys is still refused, naming the mismatch
// (before the fix a key with another key's certificate after it signed,
// and a certificate before another public key gave the certificate's).
func TestPEMBundleOfOneKey(t *testing.T) {
	dir := t.TempDir()
	priv, pub, cert := pemKeyAndCert(t)
	priv2, pub2, cert2 := pemKeyAndCert(t)
	payload := filepath.Join(dir, "p")
	if err := os.WriteFile(payload, []byte("hi"), 0o600); err != nil {
		t.Fatal(err)
	}
	write := func(name string, parts ...string) string {
		f := filepath.Join(dir, name)
		if err := os.WriteFile(f, []byte(strings.Join(parts, "")), 0o600); err != nil {
			t.Fatal(err)
		}
		return f
	}
	pubOnly := write("pub.pem", pub)
	for name, parts := range map[string][]string{
		"key+pub":      {priv, pub},
		"pub+key":      {pub, priv},
		"cert+key":     {cert, priv},
		"key+cert":     {priv, cert},
		"key+pub+cert": {priv, pub, cert},
		"key+chain":    {priv, cert, cert2}, // the second certificate is the leaf's issuer's
	} {
		f := write(name+".pem", parts...)
		if code, out, e := runCLI(t, "", "jws", "sign", "--key", f, "--alg", "ES256", payload); code != 0 {
			t.Errorf("%s: jws sign: exit %d, %q", name, code, e)
		} else {
			tf := write(name+".jws", out)
			if code, got, e := runCLI(t, "", "jws", "verify", "--key", pubOnly, "--alg", "ES256", tf); code != 0 || got != "hi" {
				t.Errorf("%s: the signature does not verify with the key's public half: exit %d, %q, %s", name, code, got, e)
			}
		}
		code, out, e := runCLI(t, "", "jwk", "from-pem", f)
		if code != 0 || !strings.Contains(out, `"d":`) {
			t.Errorf("%s: jwk from-pem: exit %d, %q, %q; want the private JWK", name, code, out, e)
		}
	}
	// The public key with its certificate is one public key too.
	f := write("cert+pub.pem", cert, pub)
	if code, out, e := runCLI(t, "", "jwk", "from-pem", f); code != 0 || strings.Contains(out, `"d":`) {
		t.Errorf("cert+pub: jwk from-pem: exit %d, %q, %q; want the public JWK", code, out, e)
	}

	for name, parts := range map[string][]string{
		"key+other pub":  {priv, pub2},
		"key+other cert": {priv, cert2},
		"other cert+key": {cert2, priv},
		"pub+other pub":  {pub, pub2},
		"cert+other pub": {cert, pub2},
		"two keys":       {priv, priv2},
		"two keys+certs": {cert, priv, cert2, priv2},
	} {
		f := write(strings.ReplaceAll(name, " ", "_")+".pem", parts...)
		for _, args := range [][]string{
			{"jws", "sign", "--key", f, "--alg", "ES256", payload},
			{"jwk", "from-pem", f},
		} {
			code, out, e := runCLI(t, "", args...)
			if code != 1 || out != "" || !strings.Contains(e, "2 keys") {
				t.Errorf("%s: %v: exit %d, stdout %q, stderr %q; want exit 1 naming the 2 keys", name, args[:2], code, out, e)
			}
		}
	}
}

// Blocks that hold no key of their own (DH or EC parameters, a CRL, a
// certificate request) do not count as keys in a bundle and are skipped
// wherever they stand, as "EC PARAMETERS" always was; before the fix a
// server's combined PEM with "DH PARAMETERS" was refused as two keys, or
// as "not a key" when the parameters came first.
func TestPEMBundleSkipsNonKeyBlocks(t *testing.T) {
	dir := t.TempDir()
	priv, _, cert := pemKeyAndCert(t)
	dh := "-----BEGIN DH PARAMETERS-----\nMAA=\n-----END DH PARAMETERS-----\n"
	crl := "-----BEGIN X509 CRL-----\nMAA=\n-----END X509 CRL-----\n"
	for name, parts := range map[string][]string{
		"dh first": {dh, cert, priv},
		"dh last":  {priv, cert, dh},
		"crl":      {cert, crl, priv},
	} {
		f := filepath.Join(dir, strings.ReplaceAll(name, " ", "_")+".pem")
		if err := os.WriteFile(f, []byte(strings.Join(parts, "")), 0o600); err != nil {
			t.Fatal(err)
		}
		if code, out, e := runCLI(t, "", "jwk", "from-pem", f); code != 0 || !strings.Contains(out, `"d":`) {
			t.Errorf("%s: jwk from-pem: exit %d, %q, %q; want the private JWK", name, code, out, e)
		}
	}
	f := filepath.Join(dir, "dh.pem")
	if err := os.WriteFile(f, []byte(dh), 0o600); err != nil {
		t.Fatal(err)
	}
	if code, out, e := runCLI(t, "", "jwk", "from-pem", f); code != 1 || out != "" || !strings.Contains(e, "DH PARAMETERS") {
		t.Errorf("parameters alone: exit %d, %q, %q; want exit 1 naming the block", code, out, e)
	}
}
