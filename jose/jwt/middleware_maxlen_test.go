package jwt

import (
	"strings"
	"testing"
)

// TestMaxBearerLenIs16KiB: the bound is the documented 16 KiB, in bytes of
// the token, not of the header: a 16384-byte b64token is a token, one byte
// more is refused as too long (the other tests use the constant itself, so
// a changed value went unnoticed).
func TestMaxBearerLenIs16KiB(t *testing.T) {
	if tok, c, _ := bearerHeader("Bearer " + strings.Repeat("a", 16384)); c != credToken || len(tok) != 16384 {
		t.Errorf("16384-byte token: credentials %d, token of %d bytes; want a token", c, len(tok))
	}
	if _, c, _ := bearerHeader("Bearer " + strings.Repeat("a", 16385)); c != credTooLong {
		t.Errorf("16385-byte token: credentials %d, want credTooLong", c)
	}
	if !strings.Contains(errTooLong.Error(), "(16384 bytes)") {
		t.Errorf("errTooLong = %q, want the bound in bytes", errTooLong)
	}
}

// TestBearerSchemeThenSlashMalformed: "/" ends the scheme (it is no token
// character) yet is a b64token character, so in "Bearer/abc" only the
// missing space makes the credentials malformed: they are not the token
// "/abc".
func TestBearerSchemeThenSlashMalformed(t *testing.T) {
	for _, h := range []string{"Bearer/abc", "bearer/", "Bearer/" + strings.Repeat("a", 100)} {
		if tok, c, _ := bearerHeader(h); c != credMalformed || tok != "" {
			t.Errorf("%q: token %q, credentials %d; want credMalformed", h, tok, c)
		}
	}
}
