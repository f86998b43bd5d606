package jwk_test

import (
	"errors"
	"testing"

	"github.com/lwscrypto/lwscrypto/jose"
	"github.com/lwscrypto/lwscrypto/jose/jwk"
)

// TestSetNilKeyNoPanic: a Set built in code with a nil key (which Check
// refuses) does not panic in its other methods: LookupKid and Candidates
// pass the nil key over (it has no kid and allows nothing), PublicSet
// refuses it as Check does (jose.ErrKey). On the base all three
// dereferenced the nil key.
func TestSetNilKeyNoPanic(t *testing.T) {
	k, err := jwk.Generate("ES256", nil)
	if err != nil {
		t.Fatal(err)
	}
	k.Kid = "a"
	s := &jwk.Set{Keys: []*jwk.Key{nil, k}}
	try := func(what string, f func()) {
		t.Helper()
		defer func() {
			if r := recover(); r != nil {
				t.Errorf("%s: panic %v", what, r)
			}
		}()
		f()
	}
	try("LookupKid", func() {
		if got, ok := s.LookupKid("a"); !ok || got != k {
			t.Errorf("LookupKid: %v, %v", got, ok)
		}
		if _, ok := s.LookupKid("b"); ok {
			t.Errorf("LookupKid(b) found a key")
		}
	})
	try("Candidates", func() {
		if got := s.Candidates("", false, "ES256", jwk.OpVerify, false); len(got) != 1 || got[0] != k {
			t.Errorf("Candidates: %v", got)
		}
	})
	try("PublicSet", func() {
		if _, err := s.PublicSet(); !errors.Is(err, jose.ErrKey) {
			t.Errorf("PublicSet: %v, want jose.ErrKey", err)
		}
	})
}
