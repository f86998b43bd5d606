package jwt

import (
	"errors"
	"testing"

	"github.com/lwscrypto/lwscrypto/jose"
)

// TestDecodeOfUnreadRawIsStrict: Decode's godoc says encoding/json is safe
// here because Raw already passed the strict reader. For a Claims that
// Verify, VerifyInto or Inspect filled it has; but Raw is an exported
// field, and a Claims whose Raw the caller set (a JWS payload verified
// with package jws, say, to use Decode on it) went to encoding/json
// unread: {"role":"user","Role":"admin"} filled Role with "admin" (the
// case-variant pair catalog row 20 is about). Such a Raw is now read
// strictly first, and refused as Verify would refuse it.
func TestDecodeOfUnreadRawIsStrict(t *testing.T) {
	var dst struct {
		Role string `json:"role"`
	}
	for _, raw := range []string{
		`{"role":"user","Role":"admin"}`,
		`{"role":"user","role":"admin"}`,
		`{"exp":"soon"}`,
		`{"role":"user"} {}`,
	} {
		c := Claims{Raw: []byte(raw)}
		dst.Role = ""
		if err := c.Decode(&dst); !errors.Is(err, jose.ErrMalformed) {
			t.Errorf("Decode(%s): %v, role %q; want jose.ErrMalformed", raw, err, dst.Role)
		}
	}
	c := Claims{Raw: []byte(`{"role":"admin","sub":"x"}`)}
	if err := c.Decode(&dst); err != nil || dst.Role != "admin" {
		t.Fatalf("Decode of a strict claims set: %v, %q", err, dst.Role)
	}
}

// TestHandSetRawMakesNoClaims pins the Raw godoc: a Claims whose Raw the
// caller set reports no registered claims and no names, while Get reads
// that Raw.
func TestHandSetRawMakesNoClaims(t *testing.T) {
	c := Claims{Raw: []byte(`{"sub":"x","role":"admin"}`)}
	if _, ok := c.Subject(); ok {
		t.Error("Subject found in a hand-set Raw")
	}
	if n := c.Names(); len(n) != 0 {
		t.Errorf("Names: %q", n)
	}
	if v, ok := c.Get("role"); !ok || string(v) != `"admin"` {
		t.Errorf("Get(role): %s, %v", v, ok)
	}
}
