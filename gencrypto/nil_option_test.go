package gencrypto_test

import (
	"testing"

	"github.com/lwscrypto/lwscrypto/gencrypto"
)

// TestNilOptionIgnored: an Option is a func, so a nil one (a variable
// left unset, a conditional option not taken) is a value a caller can
// pass; every operation called it and panicked. A nil Option now changes
// nothing, as a nil WithBackend selects the default.
func TestNilOptionIgnored(t *testing.T) {
	var none gencrypto.Option
	key := make([]byte, 32)
	tag, err := noPanicValue(func() ([]byte, error) { return gencrypto.HS256().Sum(key, []byte("m"), none) })
	if err != nil {
		t.Fatalf("HS256 Sum with a nil Option: %v", err)
	}
	want, _ := gencrypto.HS256().Sum(key, []byte("m"))
	if string(tag) != string(want) {
		t.Errorf("HS256 Sum with a nil Option gave another tag")
	}
	_, err = noPanicValue(func() ([]byte, error) {
		return gencrypto.HKDFSHA256().Derive(key, nil, nil, 16, gencrypto.WithBackend(nil), none)
	})
	if err != nil {
		t.Errorf("HKDF Derive with a nil Option: %v", err)
	}
}

func noPanicValue(f func() ([]byte, error)) (out []byte, err error) {
	err = noPanic(func() error {
		var e error
		out, e = f()
		return e
	})
	return out, err
}
