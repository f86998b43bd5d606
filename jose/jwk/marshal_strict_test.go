package jwk

import (
	"encoding/json"
	"errors"
	"testing"

	"github.com/lwscrypto/lwscrypto/jose"
	"github.com/lwscrypto/lwscrypto/lejp"
)

// TestMarshalRefusesInvalidUTF8: a metadata string that is not UTF-8 (a
// kid of "\xff") cannot be written as JSON without becoming another string
// (U+FFFD), so another key ID: MarshalJSON (and json.Marshal through it)
// refuse it with an error matching jose.ErrMalformed and
// lejp.ErrInvalidUTF8, for a key and for a set holding it. The base wrote
// "kid":"\ufffd" and no error.
func TestMarshalRefusesInvalidUTF8(t *testing.T) {
	for name, set := range map[string]func(k *Key){
		"kid":     func(k *Key) { k.Kid = "\xff" },
		"alg":     func(k *Key) { k.Alg = "EdDSA\xc3" },
		"use":     func(k *Key) { k.Use = "sig\x80" },
		"x5u":     func(k *Key) { k.X5u = "https://example.com/\xed\xa0\x80" },
		"key_ops": func(k *Key) { k.KeyOps = []string{"sign", "verify\xff"} },
	} {
		k := mustParse(t, rfc8037Key)
		set(k)
		check := func(what string, out []byte, err error) {
			t.Helper()
			if !errors.Is(err, jose.ErrMalformed) || !errors.Is(err, lejp.ErrInvalidUTF8) || out != nil {
				t.Errorf("%s %s: %q, %v; want no output and ErrMalformed, ErrInvalidUTF8", name, what, out, err)
			}
		}
		out, err := k.MarshalJSON()
		check("Key.MarshalJSON", out, err)
		out, err = json.Marshal(k)
		if err == nil || !errors.Is(err, lejp.ErrInvalidUTF8) {
			t.Errorf("%s: json.Marshal(key): %q, %v", name, out, err)
		}
		good := mustParse(t, rfc8037Key)
		s := &Set{Keys: []*Key{good, k}}
		out, err = s.MarshalJSON()
		check("Set.MarshalJSON", out, err)
	}

	// U+FFFD itself is UTF-8 and is written.
	k := mustParse(t, rfc8037Key)
	k.Kid = "\ufffd"
	if out, err := k.MarshalJSON(); err != nil || lejp.Check(out, nil) != nil {
		t.Errorf("kid U+FFFD: %s, %v", out, err)
	}
}

// TestMarshalSetSkippedChecked: the raw keys a Set kept in Skipped are
// written only if they are one strict JSON value each; the base copied them
// as they were, so a Set built by hand could write invalid JSON (or JSON
// with a duplicate "kid") without an error.
func TestMarshalSetSkippedChecked(t *testing.T) {
	for name, raw := range map[string]string{
		"truncated":      `{"kty":"XYZ"`,
		"duplicate kid":  `{"kty":"XYZ","kid":"a","kid":"b"}`,
		"invalid UTF-8":  "{\"kty\":\"XYZ\",\"kid\":\"\xff\"}",
		"two values":     `{"kty":"XYZ"} {}`,
		"trailing comma": `{"kty":"XYZ",}`,
	} {
		s := &Set{Skipped: [][]byte{[]byte(raw)}}
		if out, err := s.MarshalJSON(); !errors.Is(err, jose.ErrMalformed) || !errors.Is(err, lejp.ErrWriter) {
			t.Errorf("%s: %q, %v; want ErrMalformed and lejp.ErrWriter", name, out, err)
		}
	}
	s := &Set{Skipped: [][]byte{[]byte(`{"kty":"XYZ","kid":"a"}`)}}
	if out, err := s.MarshalJSON(); err != nil || string(out) != `{"keys":[{"kty":"XYZ","kid":"a"}]}` {
		t.Errorf("good skipped key: %s, %v", out, err)
	}
}

// mustJSON is v.AppendJSON(nil), failing t on an error.
func mustJSON(t testing.TB, v interface{ AppendJSON([]byte) ([]byte, error) }) []byte {
	t.Helper()
	out, err := v.AppendJSON(nil)
	if err != nil {
		t.Fatal(err)
	}
	return out
}
