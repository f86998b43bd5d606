package jws

import (
	"bytes"
	"errors"
	"testing"

	"github.com/lwscrypto/lwscrypto/jose"
)

// TestAttack21CompactWithSurroundings (catalog row 21): a compact JWS with
// anything before or after it — whitespace, a newline, a JSON object, a
// second token — is jose.ErrMalformed on the compact entry points
// (Verify, AppendVerifyCompact, VerifyAll). Trimming leading spaces in the
// compact verifier failed no jws test (mutation audit; package jwt's
// header check happened to refuse it).
func TestAttack21CompactWithSurroundings(t *testing.T) {
	secret := testKeys()["HS256"].([]byte)
	v := must(NewVerifier(secret, []string{"HS256"}))
	tok := mustBytes(Sign([]byte(`{"sub":"a"}`), SigningKey{Alg: "HS256", Key: secret}, nil))
	for name, in := range map[string][]byte{
		"leading space":    append([]byte(" "), tok...),
		"leading tab":      append([]byte("\t"), tok...),
		"leading newline":  append([]byte("\n"), tok...),
		"trailing space":   append(bytes.Clone(tok), ' '),
		"trailing newline": append(bytes.Clone(tok), '\n'),
		"trailing JSON":    append(bytes.Clone(tok), `{"payload":"e30"}`...),
		"two tokens":       append(append(bytes.Clone(tok), '.'), tok...),
		"Bearer prefix":    append([]byte("Bearer "), tok...),
	} {
		calls := map[string]error{}
		_, calls["Verify"] = v.Verify(in)
		_, calls["AppendVerifyCompact"] = v.AppendVerifyCompact(nil, in)
		_, calls["VerifyAll"] = v.VerifyAll(in)
		for api, err := range calls {
			if !errors.Is(err, jose.ErrMalformed) {
				t.Errorf("%s, %s: %v, want jose.ErrMalformed", name, api, err)
			}
		}
	}
	if _, err := v.Verify(tok); err != nil {
		t.Fatal(err)
	}
}
