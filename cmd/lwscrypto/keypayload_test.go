package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// 'jws sign --key k.jwk k.jwk' (the key file given again as FILE, a slip
// for the payload's name) signed the private key as the payload: the JWS
// carried the key, readable by anyone who sees the token, and nothing
// said so. Signing key material stays allowed (a signed public JWK or JWK
// Set is common), but a payload that holds a private or secret key now
// gets a warning on standard error (exit 0, the JWS as before). A
// detached payload is not in the output: no warning.
func TestSignPrivateKeyPayloadWarns(t *testing.T) {
	dir := t.TempDir()
	for _, alg := range []string{"ES256", "HS256"} {
		key := filepath.Join(dir, alg+".jwk")
		mustRunCLI(t, "", "jwk", "gen", "--alg", alg, "-o", key)
		pem := filepath.Join(dir, alg+".pem")
		if alg == "ES256" {
			mustRunCLI(t, "", "jwk", "to-pem", key, "-o", pem)
		} else {
			os.WriteFile(pem, nil, 0o600)
		}
		for _, args := range [][]string{
			{"jws", "sign", "--key", key, key},
			{"jws", "sign", "--key", key, "--json", key},
			{"jws", "sign", "--key", key, "--unencoded", "--json", key},
		} {
			code, out, e := runCLI(t, "", args...)
			if code != 0 || out == "" || !strings.Contains(e, "lwscrypto: warning: the payload holds a private or secret key") || !strings.Contains(e, "hint: ") {
				t.Errorf("%v: exit %d, stdout %.30q, stderr %q; want exit 0, the JWS and a warning", args, code, out, e)
			}
		}
		if alg == "ES256" { // a PEM private key as the payload, from stdin
			pemText, _ := os.ReadFile(pem)
			if code, _, e := runCLI(t, string(pemText), "jws", "sign", "--key", key); code != 0 || !strings.Contains(e, "warning") {
				t.Errorf("PEM private key payload: exit %d, stderr %q; want exit 0 and a warning", code, e)
			}
		}
		// Detached: the key is not in the output.
		if code, _, e := runCLI(t, "", "jws", "sign", "--key", key, "--detached", key); code != 0 || e != "" {
			t.Errorf("--detached: exit %d, stderr %q; want exit 0 and no warning", code, e)
		}
	}
	// A public key, or any other payload, signs without a word.
	key := filepath.Join(dir, "ES256.jwk")
	pub := filepath.Join(dir, "pub.jwk")
	mustRunCLI(t, "", "jwk", "pub", key, "-o", pub)
	for _, payload := range []string{pub, filepath.Join(dir, "ES256.pem") + "x"} {
		os.WriteFile(filepath.Join(dir, "ES256.pemx"), []byte("hello"), 0o600)
		if code, _, e := runCLI(t, "", "jws", "sign", "--key", key, payload); code != 0 || e != "" {
			t.Errorf("payload %s: exit %d, stderr %q; want exit 0 and nothing on stderr", payload, code, e)
		}
	}
}

// TestAmbiguousKeyObjectPayloadWarns: an object that is both a JWK and a
// JWK Set, which the key-file reader refuses as ambiguous (jwk.ParseAny),
// is still looked at as a payload: its own key and its set's keys, the
// "keys" member named in any case. Before, {"keys":[],"kty":"oct","k":…}
// signed without the warning, and so did {"KEYS":[…private…],"kty":…}
// once key files were read by ParseAny.
func TestAmbiguousKeyObjectPayloadWarns(t *testing.T) {
	const k = `"kty":"oct","k":"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"`
	for _, payload := range []string{
		`{"keys":[],` + k + `}`,
		`{"KEYS":[{` + k + `}],"kty":"oct"}`,
		`{"Keys":[{` + k + `}]}`,
	} {
		if !holdsPrivateKey([]byte(payload)) {
			t.Errorf("%s: not seen to hold a secret key", payload)
		}
	}
	for _, payload := range []string{`{"keys":[],"kty":"oct"}`, `{"KEYS":[{"kty":"EC"}]}`, `{"k":"x"}`} {
		if holdsPrivateKey([]byte(payload)) {
			t.Errorf("%s: seen to hold a key", payload)
		}
	}
}
