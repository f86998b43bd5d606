package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The warning on a jws sign payload holding a private key looked only at
// payloads a KEY argument would accept: a JWK Set mixing public and
// private keys (a key store's dump), or the PEM of two private keys
// ("cat a.pem b.pem"), are refused as KEY, so they were embedded in the
// token without a word though each holds private keys. Key material that
// is all public, or JSON that merely has "d" or "k" members, still signs
// without a word.
func TestSignPayloadWithSeveralKeysWarns(t *testing.T) {
	dir := t.TempDir()
	gen := func(name, alg string) (priv, pub string) {
		priv = filepath.Join(dir, name+".jwk")
		mustRunCLI(t, "", "jwk", "gen", "--alg", alg, "--kid", name, "-o", priv)
		pub = mustRunCLI(t, "", "jwk", "pub", priv)
		b, _ := os.ReadFile(priv)
		return strings.TrimSpace(string(b)), strings.TrimSpace(pub)
	}
	privA, pubA := gen("a", "ES256")
	privB, pubB := gen("b", "ES256")
	secret := filepath.Join(dir, "s.jwk")
	mustRunCLI(t, "", "jwk", "gen", "--alg", "HS256", "-o", secret)
	s, _ := os.ReadFile(secret)
	privS := strings.TrimSpace(string(s))
	pemA := mustRunCLI(t, "", "jwk", "to-pem", filepath.Join(dir, "a.jwk"))
	pemB := mustRunCLI(t, "", "jwk", "to-pem", filepath.Join(dir, "b.jwk"))
	key := filepath.Join(dir, "a.jwk")
	for name, payload := range map[string]string{
		"set of a public and a private key": `{"keys":[` + pubB + `,` + privA + `]}`,
		"set of two private keys":           `{"keys":[` + privA + `,` + privB + `]}`,
		"set of a public and a secret key":  `{"keys":[` + pubA + `,` + privS + `]}`,
		"PEM of two private keys":           pemA + pemB,
	} {
		code, out, e := runCLI(t, payload, "jws", "sign", "--key", key)
		if code != 0 || out == "" || !strings.Contains(e, "lwscrypto: warning: the payload holds a private or secret key") {
			t.Errorf("%s: exit %d, stderr %q; want exit 0, the JWS and a warning", name, code, e)
		}
	}
	for name, payload := range map[string]string{
		"set of public keys":    `{"keys":[` + pubA + `,` + pubB + `]}`,
		"members d and k":       `{"d":"c2VjcmV0","k":"c2VjcmV0","keys":[{"d":"c2VjcmV0"}]}`,
		"keys that are no JWKs": `{"keys":[{"kty":"oct"},{"k":"v"},1,"x"]}`,
		"PEM of a public key":   mustRunCLI(t, pubA, "jwk", "to-pem"),
	} {
		if code, _, e := runCLI(t, payload, "jws", "sign", "--key", key); code != 0 || e != "" {
			t.Errorf("%s: exit %d, stderr %q; want exit 0 and nothing on stderr", name, code, e)
		}
	}
}

// The look into each key of a JWK Set (or PEM text) that a KEY argument
// may not be is bounded: a payload of thousands of keys that fail to
// parse (an RSA private key whose "qi" is wrong costs its checks each
// time) is looked at no further than its first few keys, so that signing
// it costs what signing any payload does.
func TestPrivateKeyPayloadLookBounded(t *testing.T) {
	key := filepath.Join(t.TempDir(), "r.jwk")
	mustRunCLI(t, "", "jwk", "gen", "--alg", "RS256", "-o", key)
	b, _ := os.ReadFile(key)
	priv := strings.TrimSpace(string(b))
	i := strings.Index(priv, `"qi":"`) + len(`"qi":"`)
	c := byte('A')
	if priv[i] == 'A' {
		c = 'B'
	}
	bad := priv[:i] + string(c) + priv[i+1:] // fails jwk.Parse
	pub := mustRunCLI(t, "", "jwk", "pub", key)
	set := func(n int) []byte {
		return []byte(`{"keys":[` + strings.TrimSpace(pub) + strings.Repeat(","+bad, n) + `]}`)
	}
	small, large := set(20), set(1000)
	if holdsPrivateKey(small) || holdsPrivateKey(large) {
		t.Fatal("a set of a public key and keys that do not parse holds no private key")
	}
	aSmall := testing.AllocsPerRun(2, func() { holdsPrivateKey(small) })
	aLarge := testing.AllocsPerRun(2, func() { holdsPrivateKey(large) })
	if aLarge > 2*aSmall {
		t.Errorf("%.0f allocations for 1000 keys, %.0f for 20: the look is not bounded", aLarge, aSmall)
	}
}
