package jws

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/lwscrypto/lwscrypto/jose"
	"github.com/lwscrypto/lwscrypto/lejp"
)

// TestSignerNonUTF8Cause: NewSigner's refusal of a "kid", "typ", "cty" or
// header member name that is not UTF-8 (TestSignerRefusesNonUTF8) comes
// from the strict lejp.Writer that writes the header, so it matches
// lejp.ErrInvalidUTF8 as well as jose.ErrMalformed, and says which header.
// On the base jws's own pre-check answered first, with ErrMalformed alone
// (and the bad bytes copied into the message).
func TestSignerNonUTF8Cause(t *testing.T) {
	key := bytes.Repeat([]byte{1}, 32)
	member := []jose.Member{{Name: "x\xff", Value: []byte("1")}}
	for i, tc := range []struct {
		sk    SigningKey
		where string
	}{
		{SigningKey{KeyID: "\xff"}, "protected header"},
		{SigningKey{Type: "JWT\xc3"}, "protected header"},
		{SigningKey{ContentType: "\xed\xa0\x80"}, "protected header"},
		{SigningKey{Protected: member}, "protected header"},
		{SigningKey{Unprotected: member}, "unprotected header"},
	} {
		tc.sk.Alg, tc.sk.Key = "HS256", key
		_, err := NewSigner(tc.sk, nil)
		if !errors.Is(err, jose.ErrMalformed) || !errors.Is(err, lejp.ErrInvalidUTF8) || err == nil || !strings.Contains(err.Error(), tc.where) {
			t.Errorf("case %d: %q; want ErrMalformed and lejp.ErrInvalidUTF8 in the %s", i, err, tc.where)
		}
	}
}
