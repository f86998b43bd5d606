package vectors

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/lwscrypto/lwscrypto/internal/testenv"
)

// cookbookJWECases counts the cases of a cookbook JWE example from its
// JSON, independently of the runner: one per recipient (input.alg, or each
// element of it) and one for the content.
func cookbookJWECases(t *testing.T, path string) int {
	t.Helper()
	m := loadJSONFile(t, path)
	if e, ok := m["encrypt"].(map[string]any); ok {
		m = e
	}
	if algs, ok := m["input"].(map[string]any)["alg"].([]any); ok {
		return len(algs) + 1
	}
	return 2
}

// TestCookbookJWE runs the cryptography of every cookbook JWE example:
// one line per file of jwe/, plus curve25519/ecdh-es.json and the §6
// nesting example, each counting its recipients and its content, none
// failing, the only refusals RSA1_5's.
func TestCookbookJWE(t *testing.T) {
	dir := filepath.Join(testenv.Vectors(t), "jose-cookbook")
	res, err := JOSECookbookJWE.Run(dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	files, err := jsonFiles(filepath.Join(dir, "jwe"))
	if err != nil {
		t.Fatal(err)
	}
	for i := range files {
		files[i] = "jwe/" + files[i]
	}
	files = append(files, "curve25519/ecdh-es.json", "6.nesting_signatures_and_encryption.json")
	if len(res) != len(files) || len(files) < 15 {
		t.Fatalf("%d results for %d files", len(res), len(files))
	}
	refused := 0
	for i, r := range res {
		if r.Name != "jose-cookbook/"+files[i] {
			t.Errorf("result %d is %s, want jose-cookbook/%s", i, r.Name, files[i])
		}
		if want := cookbookJWECases(t, filepath.Join(dir, filepath.FromSlash(files[i]))); r.Cases != want || r.Passed != want {
			t.Errorf("%s: %+v %q, want %d cases passed", r.Name, tallyOf(r), r.Failures, want)
		}
		for why, n := range r.RefuseReasons {
			if !strings.HasPrefix(why, "RSA1_5") {
				t.Errorf("%s: refusal %q", r.Name, why)
			}
			refused += n
		}
	}
	if refused != 2 {
		t.Errorf("%d RSA1_5 recipients refused, want 2 (5_1 and 5_13)", refused)
	}
}

// TestCookbookJWERunnerFails proves the runner can fail: a changed
// ciphertext, CEK, encrypted key, PBES2 salt or ECDH ephemeral key, and
// RSA1_5 renamed to an algorithm it is not, each fail a case.
func TestCookbookJWERunnerFails(t *testing.T) {
	dir := filepath.Join(testenv.Vectors(t), "jose-cookbook")
	flip := func(s string) string {
		c := byte('A')
		if s[0] == 'A' {
			c = 'B'
		}
		return string(c) + s[1:]
	}
	for _, tc := range []struct {
		file   string
		mutate func(m map[string]any)
	}{
		{"jwe/5_8.key_wrap_using_aes-keywrap_with_aes-gcm.json", func(m map[string]any) {
			ec := m["encrypting_content"].(map[string]any)
			ec["ciphertext"] = flip(ec["ciphertext"].(string))
		}},
		{"jwe/5_2.key_encryption_using_rsa-oaep_with_aes-gcm.json", func(m map[string]any) {
			g := m["generated"].(map[string]any)
			g["cek"] = flip(g["cek"].(string))
		}},
		{"jwe/5_7.key_wrap_using_aes-gcm_keywrap_with_aes-cbc-hmac-sha2.json", func(m map[string]any) {
			ek := m["encrypting_key"].(map[string]any)
			ek["encrypted_key"] = flip(ek["encrypted_key"].(string))
		}},
		{"jwe/5_3.key_wrap_using_pbes2-aes-keywrap_with-aes-cbc-hmac-sha2.json", func(m map[string]any) {
			ek := m["encrypting_key"].(map[string]any)
			ek["salt"] = flip(ek["salt"].(string))
		}},
		{"jwe/5_5.key_agreement_using_ecdh-es_with_aes-cbc-hmac-sha2.json", func(m map[string]any) {
			ek := m["encrypting_key"].(map[string]any)
			ek["cek"] = flip(ek["cek"].(string))
		}},
		{"curve25519/ecdh-es.json", func(m map[string]any) {
			ec := m["encrypting_content"].(map[string]any)
			ec["tag"] = flip(ec["tag"].(string))
		}},
		{"jwe/5_1.key_encryption_using_rsa_v15_and_aes-hmac-sha2.json", func(m map[string]any) {
			m["input"].(map[string]any)["alg"] = "RSA-OAEP"
		}},
	} {
		mutantFails(t, runCookbookJWEFile, filepath.Join(dir, filepath.FromSlash(tc.file)), "jose-cookbook/"+tc.file, tc.mutate)
	}
}

// TestCookbookJWEBase64RefusesLineBreaks: the JWE runner's base64url
// reader was a second copy of the Wycheproof JWK reader's without its
// line-break check (encoding/base64 skips '\r' and '\n' even in strict
// mode), so an encrypted key, IV, tag or expected value with a line break
// in it was read as if it had none. One reader serves both now.
func TestCookbookJWEBase64RefusesLineBreaks(t *testing.T) {
	for _, s := range []string{"AAAA\nAAAA", "AAAA\rAAAA", "AAAA\r\nAAAA", "AAAAAAAA\n"} {
		if b, err := b64url(s); err == nil {
			t.Errorf("%q read as %x", s, b)
		}
	}
	if b, err := b64url("AAAAAAAA"); err != nil || len(b) != 6 {
		t.Errorf("AAAAAAAA: %x, %v", b, err)
	}
	if err := wantB64([]byte{0, 0, 0}, "AA\nAA"); err == nil {
		t.Error("wantB64 read an expectation with a line break")
	}
}
