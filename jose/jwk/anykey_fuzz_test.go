package jwk

import (
	"bytes"
	"errors"
	"testing"

	"github.com/lwscrypto/lwscrypto/jose"
)

// FuzzParseAny: ParseAny never panics, and never accepts what its reader
// would not: whatever it accepts, Parse, ParseSet or ParsePEM accepts as
// the same keys (a JWK Set only if ParseSet reads it, isSet). An error comes with no set and wraps jose.ErrMalformed,
// jose.ErrKey or jose.ErrLimit. Input that two readers would both read
// (a JSON object with "kty" and "keys") is refused.
func FuzzParseAny(f *testing.F) {
	for _, c := range anyCases(f) {
		if len(c.data) < 4<<10 { // the fuzzer mutates small seeds best
			f.Add(c.data)
		}
	}
	for _, s := range []string{"", " \n", "\xef\xbb\xbf{}", `{"kty":"oct","k":"AAAA","keys":[]}`, `{"keys":[{"kty":"oct","k":"AAAA","kid":"a"},{"kty":"oct","k":"AAAB","kid":"a"}]}`, "[]", "ssh-ed25519 AAAA", "{\n-----BEGIN PUBLIC KEY-----\n-----END PUBLIC KEY-----\n", "\x30\x03\x02\x01\x00"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		s, isSet, err := ParseAny(data)
		k, kerr := Parse(data)
		set, serr := ParseSet(data)
		if kerr == nil && serr == nil && err == nil {
			t.Fatal("accepted input that both Parse and ParseSet read")
		}
		if err != nil {
			if s != nil || isSet {
				t.Fatal("error with a partial result")
			}
			if !errors.Is(err, jose.ErrMalformed) && !errors.Is(err, jose.ErrKey) && !errors.Is(err, jose.ErrLimit) {
				t.Fatalf("%v wraps no sentinel", err)
			}
			return
		}
		var want *Set
		switch {
		case isSet:
			if serr != nil {
				t.Fatalf("accepted as a JWK Set what ParseSet refuses: %v", serr)
			}
			want = set
		case kerr == nil:
			want = &Set{Keys: []*Key{k}}
		default:
			pk, perr := ParsePEM(data)
			if perr != nil {
				t.Fatalf("accepted what no reader reads: Parse %v; ParseSet %v; ParsePEM %v", kerr, serr, perr)
			}
			want = &Set{Keys: []*Key{pk}}
		}
		if len(s.Keys) != len(want.Keys) || len(s.Skipped) != len(want.Skipped) {
			t.Fatalf("%d keys, %d skipped; the reader's %d, %d", len(s.Keys), len(s.Skipped), len(want.Keys), len(want.Skipped))
		}
		for i, k := range s.Keys {
			a, _ := k.AppendJSON(nil)
			b, _ := want.Keys[i].AppendJSON(nil)
			if !k.Equal(want.Keys[i]) || !bytes.Equal(a, b) {
				t.Fatalf("key %d differs from the reader's", i)
			}
		}
		for i, r := range s.Skipped {
			if !bytes.Equal(r, want.Skipped[i]) {
				t.Fatalf("skipped %d differs from the reader's", i)
			}
		}
	})
}
