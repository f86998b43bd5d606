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

// TestMessageJSONUnencodedNotUTF8: an unencoded (RFC 7797) compact token
// may carry a payload that is not UTF-8, but its JSON serialization
// cannot (the payload is a JSON string there): Message.JSON refuses it
// with ErrMalformed and lejp.ErrInvalidUTF8. On the base the Writer wrote
// U+FFFD in place of the bad bytes, a JSON serialization of another
// payload than the one signed, without an error.
func TestMessageJSONUnencodedNotUTF8(t *testing.T) {
	key := bytes.Repeat([]byte{1}, 32)
	tok, err := Sign([]byte("a\xffb"), SigningKey{Alg: "HS256", Key: key}, &SignOptions{Unencoded: true})
	if err != nil {
		t.Fatal(err)
	}
	m, err := ParseCompact(tok)
	if err != nil {
		t.Fatal(err)
	}
	for _, flat := range []bool{true, false} {
		out, err := m.JSON(flat)
		if !errors.Is(err, jose.ErrMalformed) || !errors.Is(err, lejp.ErrInvalidUTF8) || out != nil {
			t.Errorf("flattened %v: %q, %v; want ErrMalformed and lejp.ErrInvalidUTF8", flat, out, err)
		}
	}
}
