package jwk

import (
	"errors"
	"strings"
	"testing"

	"github.com/lwscrypto/lwscrypto/jose"
)

// TestWrongReaderErrorSaysWhichReads: PEM given to Parse or ParseSet, a
// JWK Set given to Parse, one JWK given to ParseSet and JSON given to
// ParsePEM say which function reads the input. Before, they read "lejp:
// invalid number at offset 1", `missing "kty"`, `JWK Set has no "keys"`
// and "no PEM key or certificate found", which sent a newcomer to the key
// file rather than to the call. Sentinels are unchanged.
func TestWrongReaderErrorSaysWhichReads(t *testing.T) {
	pemText := []byte("-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEAzB8TSDw/16C6vZgh1ltu30612oJ9w7ICTmq2Zct9c/Q=\n-----END PUBLIC KEY-----\n")
	one := []byte(`{"kty":"OKP","crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}`)
	set := []byte(`{"keys":[` + string(one) + `]}`)
	for _, c := range []struct {
		name  string
		parse func([]byte) error
		in    []byte
		is    error
		want  string
	}{
		{"Parse(PEM)", func(b []byte) error { _, err := Parse(b); return err }, pemText, jose.ErrMalformed, "the input is PEM, not a JWK (ParsePEM reads it)"},
		{"ParseSet(PEM)", func(b []byte) error { _, err := ParseSet(b); return err }, pemText, jose.ErrMalformed, "the input is PEM, not a JWK Set (ParsePEM reads it)"},
		{"Parse(set)", func(b []byte) error { _, err := Parse(b); return err }, set, jose.ErrKey, "the input is a JWK Set, not a JWK (ParseSet reads it)"},
		{"ParseSet(one)", func(b []byte) error { _, err := ParseSet(b); return err }, one, jose.ErrMalformed, "the input is one JWK, not a set (Parse reads it"},
		{"ParsePEM(one)", func(b []byte) error { _, err := ParsePEM(b); return err }, one, jose.ErrMalformed, "the input is JSON (Parse reads a JWK, ParseSet a JWK Set)"},
		{"ParsePEM(set)", func(b []byte) error { _, err := ParsePEM(b); return err }, set, jose.ErrMalformed, "the input is JSON"},
	} {
		t.Run(c.name, func(t *testing.T) {
			err := c.parse(c.in)
			if !errors.Is(err, c.is) || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("%v; want %v saying %q", err, c.is, c.want)
			}
		})
	}
	// Other bad input keeps its plain message.
	if _, err := Parse([]byte(`{"keys":1,"kty":"EC"}`)); err == nil || strings.Contains(err.Error(), "ParseSet") {
		t.Fatalf("Parse of a JWK with a keys member: %v; want the JWK's own error", err)
	}
	if _, err := ParsePEM([]byte("not a key")); err == nil || strings.Contains(err.Error(), "JSON") {
		t.Fatalf("ParsePEM(text): %v; want no JSON hint", err)
	}
}

// TestPEMForeignFormatsSayWhatToDo: the key files a newcomer most often
// has at hand that ParsePEM does not read (an OpenSSH private key, an
// encrypted PKCS #8 key, an OpenSSH public key line) say what they are and
// how to convert them. Before, they read `PEM block "OPENSSH PRIVATE KEY"
// is not a key` and "no PEM key or certificate found". Still
// jose.ErrMalformed.
func TestPEMForeignFormatsSayWhatToDo(t *testing.T) {
	block := func(typ string) []byte {
		return []byte("-----BEGIN " + typ + "-----\nb3BlbnNzaC1rZXktdjEA\n-----END " + typ + "-----\n")
	}
	for _, c := range []struct {
		name string
		in   []byte
		want string
	}{
		{"OpenSSH private key", block("OPENSSH PRIVATE KEY"), "OpenSSH's own key format (ssh-keygen -p -m PKCS8"},
		{"encrypted PKCS #8", block("ENCRYPTED PRIVATE KEY"), "decrypt the key first (openssl pkey"},
		{"OpenSSH public key", []byte("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIAbc me@host\n"), "an OpenSSH public key line"},
		{"OpenSSH ECDSA public key", []byte("ecdsa-sha2-nistp256 AAAAE2VjZHNh me@host\n"), "an OpenSSH public key line"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := ParsePEM(c.in)
			if !errors.Is(err, jose.ErrMalformed) || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("ParsePEM: %v; want jose.ErrMalformed saying %q", err, c.want)
			}
		})
	}
}
