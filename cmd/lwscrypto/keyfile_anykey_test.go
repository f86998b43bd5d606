package main

import (
	"errors"
	"testing"

	"github.com/lwscrypto/lwscrypto/jose"
	"github.com/lwscrypto/lwscrypto/jose/jwk"
)

// TestKeyFileJSONReadAsParseAny: a key file holding JSON is read as
// jwk.ParseAny reads it, so that the library and the CLI accept the same
// files and take each for the same kind (a JWK or a JWK Set). The CLI
// read an object with "kty" and "keys" as a set, and one with "KEYS" and
// "kty" as a key, where ParseAny refuses both as ambiguous; an object
// with neither was a JWK missing its "kty" (jose.ErrKey).
func TestKeyFileJSONReadAsParseAny(t *testing.T) {
	const oct = `"kty":"oct","k":"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"`
	for _, data := range []string{
		`{` + oct + `}`,
		" \r\n{" + oct + "}\r\n",
		`{"keys":[{` + oct + `}]}`,
		`{"keys":[]}`,
		`{"keys":[{` + oct + `}],` + oct + `}`,
		`{` + oct + `,"keys":[]}`,
		`{"KEYS":[{` + oct + `}],` + oct + `}`,
		`{"Kty":"oct","keys":[{` + oct + `}]}`,
		`{"n":"AQAB"}`,
		`{}`,
		`{"kty":"oct","k":"AAAA","K":"AAAA"}`,
		`{` + oct + `} x`,
	} {
		want, wantSet, wantErr := jwk.ParseAny([]byte(data))
		got, gotSet, err := parseKeyData([]byte(data))
		if (err == nil) != (wantErr == nil) || gotSet != wantSet {
			t.Errorf("%s: the CLI reads %v, set %v, %v; ParseAny %v, set %v, %v", data, got, gotSet, err, want, wantSet, wantErr)
			continue
		}
		for _, sentinel := range []error{jose.ErrMalformed, jose.ErrKey, jose.ErrLimit} {
			if errors.Is(err, sentinel) != errors.Is(wantErr, sentinel) {
				t.Errorf("%s: the CLI's error %v, ParseAny's %v: not the same sentinel", data, err, wantErr)
			}
		}
		if err == nil && (len(got.Keys) != len(want.Keys) || len(got.Skipped) != len(want.Skipped)) {
			t.Errorf("%s: the CLI reads %v, ParseAny %v", data, got, want)
		}
	}
}

// TestKeyFilePEMBeginNotAtLineStartRefused: a PEM block whose BEGIN line
// is indented or follows a quote is no block to pem.Decode, which skipped
// it as text, so a key file of two private keys, the first indented, was
// read as the second (the key it signed with), and a leaf certificate
// indented before its issuer gave the issuer's key. jwk.ParsePEM refuses
// such text; so does a key file.
func TestKeyFilePEMBeginNotAtLineStartRefused(t *testing.T) {
	priv, _, cert := pemKeyAndCert(t)
	priv2, _, cert2 := pemKeyAndCert(t)
	for name, data := range map[string]string{
		"indented private key before another": " " + priv + priv2,
		"quoted leaf before its issuer":       `"` + cert + cert2,
		"YAML key, then its certificate":      "key: " + priv + cert,
		"a key, then an indented key":         priv + "\t" + priv2,
	} {
		if s, _, err := parseKeyData([]byte(data)); !errors.Is(err, jose.ErrMalformed) {
			t.Errorf("%s: %v, %v; want jose.ErrMalformed", name, s, err)
		}
	}
	// A line that only mentions a BEGIN line is text, as for ParsePEM.
	if _, _, err := parseKeyData([]byte("see -----BEGIN PRIVATE KEY----- below\n" + priv)); err != nil {
		t.Errorf("text mentioning a BEGIN line: %v", err)
	}
}
