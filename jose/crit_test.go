package jose

import (
	"errors"
	"testing"
)

// TestAttack18CritEnforced covers catalog row 18 at the rule level: every
// malformed or not-understood "crit" is ErrCrit. (The JWS and JWE tests check
// that their entry points apply it, including crit outside the protected
// header.) Each rejected case breaks exactly one rule: "nope", "alg" and ""
// are understood and, but for "nope", present, so that removing any one
// check makes this test fail (on the base, removing the presence check or
// the empty-name check failed nothing: those cases were also not understood).
func TestAttack18CritEnforced(t *testing.T) {
	header := map[string]bool{"b64": true, "exp": true, "alg": true, "": true}
	present := func(n string) bool { return header[n] }
	understood := []string{"b64", "nope", "alg", ""}
	for _, tc := range []struct {
		name string
		crit []string
		ok   bool
	}{
		{"understood", []string{"b64"}, true},
		{"empty", []string{}, false},
		{"nil", nil, false},
		{"unknown extension", []string{"exp"}, false},
		{"absent from header", []string{"nope"}, false},
		{"registered name", []string{"alg"}, false},
		{"duplicate", []string{"b64", "b64"}, false},
		{"empty name", []string{""}, false},
	} {
		err := CheckCrit(tc.crit, present, understood)
		if tc.ok != (err == nil) {
			t.Errorf("%s: CheckCrit(%q) = %v", tc.name, tc.crit, err)
		}
		if err != nil && !errors.Is(err, ErrCrit) {
			t.Errorf("%s: error %v is not ErrCrit", tc.name, err)
		}
	}
}

func TestRegisteredHeaders(t *testing.T) {
	for _, n := range []string{"alg", "kid", "x5t#S256", "crit", "enc", "p2c"} {
		if !IsRegisteredHeader(n) {
			t.Errorf("%s not registered", n)
		}
	}
	for _, n := range []string{"b64", "Alg", "exp"} {
		if IsRegisteredHeader(n) {
			t.Errorf("%s registered", n)
		}
	}
}

// TestCritMalformedIsErrCrit: a "crit" that is not an array of strings is
// ErrCrit, as ErrCrit's godoc says ("or is itself malformed"), and still
// ErrMalformed, as ParseHeader's says. On the base it was ErrMalformed only,
// so errors.Is(err, ErrCrit) missed `"crit":"exp"`.
func TestCritMalformedIsErrCrit(t *testing.T) {
	for _, s := range []string{`{"crit":"exp","exp":1}`, `{"crit":[1]}`, `{"crit":null}`, `{"crit":{}}`, `{"crit":[["exp"]]}`} {
		_, err := ParseHeader([]byte(s))
		if !errors.Is(err, ErrCrit) || !errors.Is(err, ErrMalformed) {
			t.Errorf("%s: %v, want ErrCrit and ErrMalformed", s, err)
		}
	}
	if _, err := ParseHeader([]byte(`{"crit":["exp"],"exp":1,"kid":2}`)); errors.Is(err, ErrCrit) || !errors.Is(err, ErrMalformed) {
		t.Errorf(`a "kid" of the wrong type beside a good "crit": %v, want ErrMalformed only`, err)
	}
}
