package jwt

import (
	"encoding/base64"
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

// TestDecodeOfRawChangedInPlaceIsStrict: Decode's godoc says a Raw the
// caller set or changed is read strictly first. Decode told a Raw it had
// read from another by its first byte's address and its length, so new
// bytes of the same length written into the Claims' own buffer
// (append(c.Raw[:0], …), the usual way to reuse one) went to encoding/json
// unread: {"role":"user","Role":"admin"} filled Role with "admin".
func TestDecodeOfRawChangedInPlaceIsStrict(t *testing.T) {
	const good, evil = `{"role":"user","Xole":"admin"}`, `{"role":"user","Role":"admin"}`
	tok := "eyJhbGciOiJIUzI1NiJ9." + base64.RawURLEncoding.EncodeToString([]byte(good)) + ".c2ln"
	_, c, err := Inspect([]byte(tok))
	if err != nil {
		t.Fatal(err)
	}
	var dst struct {
		Role string `json:"role"`
	}
	if err := c.Decode(&dst); err != nil || dst.Role != "user" {
		t.Fatalf("Decode(%s): %v, %q", good, err, dst.Role)
	}
	c.Raw = append(c.Raw[:0], evil...)
	dst.Role = ""
	if err := c.Decode(&dst); !errors.Is(err, jose.ErrMalformed) {
		t.Errorf("Decode(%s) after an in-place change: %v, role %q; want jose.ErrMalformed", evil, err, dst.Role)
	}
}
