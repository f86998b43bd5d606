package jwk

import "testing"

// TestZeroSetIsEmpty pins the zero Set as the Set godoc describes it: an
// empty set that writes {"keys":[]}, passes Check, has an empty public
// set and names no key.
func TestZeroSetIsEmpty(t *testing.T) {
	var s Set
	b, err := s.MarshalJSON()
	if err != nil || string(b) != `{"keys":[]}` {
		t.Fatalf("MarshalJSON: %s, %v", b, err)
	}
	if err := s.Check(); err != nil {
		t.Fatalf("Check: %v", err)
	}
	if p, err := s.PublicSet(); err != nil || len(p.Keys) != 0 {
		t.Fatalf("PublicSet: %v, %v", p, err)
	}
	if k, ok := s.LookupKid("a"); ok || k != nil {
		t.Fatalf("LookupKid: %v, %v", k, ok)
	}
	if c := s.Candidates("", false, "ES256", OpVerify, false); len(c) != 0 {
		t.Fatalf("Candidates: %v", c)
	}
}
