package main

import (
	"bytes"
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

	"github.com/lwscrypto/lwscrypto/jose/jwk"
)

func TestJWKExitCodes(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "k.jwk")
	code, out, _ := runCLI(t, "", "jwk", "gen", "--alg", "ES256", "-o", good)
	if code != 0 || out != "" {
		t.Fatalf("gen -o: %d %q", code, out)
	}
	bad := filepath.Join(dir, "bad.jwk")
	os.WriteFile(bad, []byte(`{"kty":"EC","crv":"P-256","x":"AA","y":"AA"}`), 0o600)
	for _, tc := range []struct {
		stdin string
		args  []string
		code  int
	}{
		{"", []string{"jwk", "gen", "--alg", "EdDSA"}, 0},
		{"", []string{"jwk", "gen"}, 2},
		{"", []string{"jwk", "gen", "--alg", "none"}, 2},
		{"", []string{"jwk", "gen", "--alg", "ES256", "extra"}, 2},
		{"", []string{"jwk", "gen", "--nope"}, 2},
		{"", []string{"jwk", "pub", good}, 0},
		{"", []string{"jwk", "pub", good, good}, 2},
		{"", []string{"jwk", "pub", bad}, 1},
		{"not a key", []string{"jwk", "pub"}, 1},
		{"", []string{"jwk", "thumbprint", good}, 0},
		{"", []string{"jwk", "thumbprint", filepath.Join(dir, "missing")}, 1},
		{"", []string{"jwk", "to-pem", good}, 0},
		{`{"kty":"oct","k":"AAAA"}`, []string{"jwk", "to-pem"}, 1},
		{"", []string{"jwk", "from-pem", good}, 1},
	} {
		code, _, errOut := runCLI(t, tc.stdin, tc.args...)
		if code != tc.code {
			t.Errorf("lwscrypto %v: exit %d, want %d (stderr %q)", tc.args, code, tc.code, errOut)
		}
		if code != 0 && !strings.HasPrefix(errOut, "lwscrypto: error: ") {
			t.Errorf("lwscrypto %v: stderr %q", tc.args, errOut)
		}
	}
}

func TestLoadKey(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	k, err := jwk.Generate("ES256", nil)
	if err != nil {
		t.Fatal(err)
	}
	k.Kid = "k1"
	pemKey, _ := k.MarshalPEM()
	typ, der, _ := k.MarshalLegacyDER()
	s, _ := k.Signer()
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "t"},
		NotBefore: time.Now(), NotAfter: time.Now().Add(time.Hour)}
	cert, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, k.Public(), s)
	if err != nil {
		t.Fatal(err)
	}
	pub, _ := k.PublicKey()
	for name, tc := range map[string]struct {
		data    []byte
		private bool
	}{
		"jwk":         {mustMarshal(t, k), true},
		"jwks":        {mustMarshal(t, &jwk.Set{Keys: []*jwk.Key{k}}), true},
		"spaced jwk":  {append(append([]byte("\n  "), mustMarshal(t, pub)...), '\n'), false},
		"pkcs8 pem":   {pemKey, true},
		"sec1 pem":    {pem.EncodeToMemory(&pem.Block{Type: typ, Bytes: der}), true},
		"certificate": {pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: cert}), false},
		"der":         {der, true},
	} {
		set, isSet, err := loadKey(&env{}, write(name, tc.data))
		if err != nil || isSet != (name == "jwks") {
			t.Errorf("%s: %v (a set: %v)", name, err, isSet)
			continue
		}
		if len(set.Keys) != 1 || set.Keys[0].IsPrivate() != tc.private {
			t.Errorf("%s: %d keys", name, len(set.Keys))
			continue
		}
		got, _ := set.Keys[0].PublicKey()
		if !got.Equal(pub) {
			t.Errorf("%s: another key", name)
		}
	}
	for name, tc := range map[string]struct {
		path string
		want string
	}{
		"pkcs11":      {"pkcs11:token=test;object=eckey", "pkcs11: URIs are not supported yet"},
		"cose_key":    {write("k.cose", []byte{0xa4, 0x01, 0x02}), "COSE_Key files are not supported here yet"},
		"cose_key1":   {write("k1.cose", []byte{0xa1, 0x01, 0x02}), "COSE_Key files are not supported here yet"},
		"cose tag":    {write("t.cose", []byte{0xd9, 0xd9, 0xf7, 0xa1, 0x01, 0x02}), "COSE_Key files are not supported here yet"},
		"empty":       {write("empty", nil), "empty key file"},
		"garbage":     {write("garbage", []byte("hello")), "not a JWK, JWK Set, PEM or DER key"},
		"missing":     {filepath.Join(dir, "nope"), "key file not found"}, // not shown: TestKeyNotFoundDoesNotEchoSecret
		"missing.jwk": {filepath.Join(dir, "nope.jwk"), "no such file"},
		"none":        {"", "no key given"},
		"bad jwk":     {write("bad", []byte(`{"kty":"EC"}`)), `EC key needs "crv"`},
	} {
		_, _, err := loadKey(&env{}, tc.path)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: %v, want %q", name, err, tc.want)
		}
	}
}

// Private keys written to a file are readable by their owner only.
func TestJWKPrivateFileMode(t *testing.T) {
	dir := t.TempDir()
	priv := filepath.Join(dir, "k.jwk")
	mustRunCLI(t, "", "jwk", "gen", "--alg", "ES256", "-o", priv)
	pemPriv, pemPub := filepath.Join(dir, "k.pem"), filepath.Join(dir, "p.pem")
	runCLI(t, "", "jwk", "to-pem", priv, "-o", pemPriv)
	runCLI(t, "", "jwk", "to-pem", "--pub", priv, "-o", pemPub)
	back := filepath.Join(dir, "back.jwk")
	runCLI(t, "", "jwk", "from-pem", pemPriv, "-o", back)
	for p, want := range map[string]os.FileMode{priv: 0o600, pemPriv: 0o600, back: 0o600, pemPub: 0o644} {
		st, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		if got := st.Mode().Perm(); got&^want != 0 {
			t.Errorf("%s: mode %v, want at most %v", filepath.Base(p), got, want)
		}
	}
}

// TestKeyFileBound: a key file of exactly maxKeyFile bytes is read (here a
// JWK padded with spaces), one byte more is refused before parsing.
func TestKeyFileBound(t *testing.T) {
	jk := []byte(`{"kty":"oct","k":"c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LXNlY3JldA"}`)
	dir := t.TempDir()
	for _, n := range []int{maxKeyFile, maxKeyFile + 1} {
		p := filepath.Join(dir, "key.jwk")
		if err := os.WriteFile(p, append(bytes.Repeat([]byte(" "), n-len(jk)), jk...), 0o600); err != nil {
			t.Fatal(err)
		}
		set, _, err := loadKey(&env{}, p)
		switch {
		case n == maxKeyFile && (err != nil || len(set.Keys) != 1):
			t.Errorf("%d bytes: %v", n, err)
		case n > maxKeyFile && (err == nil || !strings.Contains(err.Error(), "larger than 4194304 bytes")):
			t.Errorf("%d bytes: %v, want the size refused", n, err)
		}
	}
}

// TestRelative: the words jwt inspect uses for times, at the edges of each
// unit, both ways.
func TestRelative(t *testing.T) {
	now := time.Unix(1_000_000_000, 0)
	for _, c := range []struct {
		d    time.Duration
		want string
	}{
		{0, "just now"}, {time.Second, "just now"}, {-time.Second, "just now"},
		{2 * time.Second, "in 2 seconds"}, {-2 * time.Second, "2 seconds ago"},
		{59 * time.Second, "in 59 seconds"}, {time.Minute, "in 1 minute"}, {-time.Minute, "1 minute ago"},
		{59*time.Minute + 59*time.Second, "in 59 minutes"}, {time.Hour, "in 1 hour"},
		{47 * time.Hour, "in 47 hours"}, {48 * time.Hour, "in 2 days"}, {-72 * time.Hour, "3 days ago"},
		{2*time.Second - 1, "just now"}, {-(2 * time.Second) + 1, "just now"},
	} {
		if got := relative(now.Add(c.d), now); got != c.want {
			t.Errorf("%v: %q, want %q", c.d, got, c.want)
		}
	}
}
