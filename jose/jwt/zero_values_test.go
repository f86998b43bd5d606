package jwt

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/lwscrypto/lwscrypto/jose"
)

// TestZeroValuesReturnErrors: a Signer or Verifier made without NewSigner
// or NewVerifier (the zero value) has no key: its methods return an error
// wrapping jose.ErrKey for well-formed claims and tokens instead of
// panicking (the base dereferenced the nil *jws.Signer or *jws.Verifier),
// and Middleware over the zero Verifier answers 401. The zero Claims and
// ClaimSet are plain data and must not panic either.
func TestZeroValuesReturnErrors(t *testing.T) {
	exp := time.Unix(4102444800, 0)
	cs := &ClaimSet{Issuer: "iss", Subject: "sub", ExpiresAt: exp}
	tok, err := Sign(cs, hsKey())
	if err != nil {
		t.Fatal(err)
	}
	var zs Signer
	var zv Verifier
	for _, c := range []struct {
		name string
		call func() error
	}{
		{"Signer.AppendSign", func() error { _, err := zs.AppendSign(nil, cs); return err }},
		{"Signer.AppendSign empty claims", func() error { _, err := zs.AppendSign(nil, &ClaimSet{}); return err }},
		{"Signer.AppendSignJSON", func() error { _, err := zs.AppendSignJSON(nil, []byte(`{"sub":"a"}`)); return err }},
		{"Verifier.Verify", func() error { _, err := zv.Verify(tok); return err }},
		{"Verifier.VerifyInto", func() error { return zv.VerifyInto(context.Background(), tok, new(Claims)) }},
	} {
		func() {
			defer func() {
				if p := recover(); p != nil {
					t.Errorf("%s panics: %v", c.name, p)
				}
			}()
			err := c.call()
			if !errors.Is(err, jose.ErrKey) {
				t.Errorf("%s: %v, want an error wrapping jose.ErrKey", c.name, err)
			} else if !strings.HasPrefix(err.Error(), "jwt: ") && !strings.HasPrefix(err.Error(), "jws: ") {
				t.Errorf("%s: badly formed message %q", c.name, err)
			}
		}()
	}
	func() {
		defer func() {
			if p := recover(); p != nil {
				t.Errorf("Middleware over the zero Verifier panics: %v", p)
			}
		}()
		h := Middleware(&zv, http.HandlerFunc(func(http.ResponseWriter, *http.Request) {
			t.Error("Middleware over the zero Verifier calls next")
		}))
		r := httptest.NewRequest("GET", "/", nil)
		r.Header.Set("Authorization", "Bearer "+string(tok))
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		if w.Code != http.StatusUnauthorized {
			t.Errorf("Middleware over the zero Verifier: status %d, want 401", w.Code)
		}
	}()
	func() {
		defer func() {
			if p := recover(); p != nil {
				t.Errorf("zero Claims or ClaimSet panics: %v", p)
			}
		}()
		var c Claims
		_, _ = c.Issuer()
		_, _ = c.Subject()
		_, _ = c.ID()
		_, _ = c.Audience()
		_, _ = c.ExpiresAt()
		_, _ = c.NotBefore()
		_, _ = c.IssuedAt()
		_, _ = c.Get("sub")
		_ = c.Names()
		var v map[string]any
		if err := c.Decode(&v); err == nil {
			t.Error("zero Claims.Decode: accepted")
		}
		if _, ok := FromContext(context.Background()); ok {
			t.Error("FromContext of a bare context: ok")
		}
		var z ClaimSet
		if _, err := z.AppendJSON(nil); err != nil {
			t.Errorf("zero ClaimSet.AppendJSON: %v", err)
		}
	}()
}
