package jws

import (
	"errors"
	"strings"
	"testing"

	"github.com/lwscrypto/lwscrypto/jose"
)

// TestNotAllowedAlgorithmNamed: a token whose "alg" is a JWS algorithm
// the Verifier does not allow is jose.ErrAlgorithm naming that algorithm
// and the allowed ones, on every entry point. Before, it read "algorithm
// not in the caller's allow-list", which did not say which algorithm a
// peer had used (the classic case: an HS256 token at an ES256 verifier).
func TestNotAllowedAlgorithmNamed(t *testing.T) {
	secret := make([]byte, 64)
	tok, err := Sign([]byte("x"), SigningKey{Alg: "HS256", Key: secret}, nil)
	if err != nil {
		t.Fatal(err)
	}
	js, err := SignJSON([]byte("x"), []SigningKey{{Alg: "HS256", Key: secret}}, true, nil)
	if err != nil {
		t.Fatal(err)
	}
	v, err := NewVerifier(secret, []string{"HS384", "HS512"})
	if err != nil {
		t.Fatal(err)
	}
	want := "the token's algorithm HS256 is not one the Verifier allows (HS384, HS512)"
	check := func(name string, err error) {
		t.Helper()
		if !errors.Is(err, jose.ErrAlgorithm) || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: %v; want jose.ErrAlgorithm saying %q", name, err, want)
		}
	}
	_, err = v.Verify(tok)
	check("Verify", err)
	_, err = v.AppendVerifyCompact(nil, tok)
	check("AppendVerifyCompact", err)
	_, err = v.Verify(js)
	check("Verify(JSON)", err)
	each, _, err := v.VerifyEach(js)
	if err != nil || len(each) != 1 {
		t.Fatalf("VerifyEach: %v", err)
	}
	check("VerifyEach", each[0].Err)
}
