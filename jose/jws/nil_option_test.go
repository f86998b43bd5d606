package jws

import (
	"testing"
)

// TestNilOptionIgnored: NewVerifier called a nil Option and panicked
// (jws.NewVerifier(key, algs, nil), or an Option variable left unset);
// gencrypto ignores a nil Option, and so does jws now: the verifier is the
// one without it.
func TestNilOptionIgnored(t *testing.T) {
	defer func() {
		if r := recover(); r != nil {
			t.Fatalf("NewVerifier with a nil Option panicked: %v", r)
		}
	}()
	v, err := NewVerifier([]byte("0123456789abcdef0123456789abcdef"), []string{"HS256"}, nil, RequireKeyID(), nil)
	if err != nil {
		t.Fatal(err)
	}
	if !v.cfg.requireKid {
		t.Error("the Option after a nil one was not applied")
	}
}
