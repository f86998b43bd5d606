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
