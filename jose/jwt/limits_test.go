package jwt

import (
	"errors"
	"strings"
	"testing"

	"github.com/lwscrypto/lwscrypto/jose"
	"github.com/lwscrypto/lwscrypto/lejp"
)

// TestFastClaimsLejpLengths: the fast claims reader must accept only what
// the strict (lejp) reader accepts. lejp bounds a member name to
// DefaultMaxNameLen (64 KiB) and a string to DefaultMaxStringLen (64 MiB);
// the fast reader bounded neither, so a claim name of 64 KiB + 1 verified
// in a claims set of up to 32 members (the fast reader's) and failed in
// one of 33 (the strict reader's). Through Verify for the name; the string
// is checked on the readers directly (a 64 MiB claim through Verify would
// be an 86 MB token), as FuzzFastClaims does.
func TestFastClaimsLejpLengths(t *testing.T) {
	v := hsVerifier(t, Validator{})
	others := func(n int) string {
		var b strings.Builder
		for i := range n {
			b.WriteString(`,"c` + string(rune('a'+i/26)) + string(rune('a'+i%26)) + `":1`)
		}
		return b.String()
	}
	for _, l := range []int{lejp.DefaultMaxNameLen, lejp.DefaultMaxNameLen + 1} {
		name := strings.Repeat("n", l)
		var verdicts [2]error
		for i, n := range []int{0, fastMaxClaims} { // fast reader, strict reader
			_, verdicts[i] = v.Verify(signRaw(t, `{"`+name+`":1`+others(n)+`}`))
		}
		if (verdicts[0] == nil) != (verdicts[1] == nil) {
			t.Errorf("claim name of %d bytes: alone %v, with %d other claims %v", l, verdicts[0], fastMaxClaims, verdicts[1])
		}
		if l > lejp.DefaultMaxNameLen && verdicts[0] == nil {
			t.Errorf("claim name of %d bytes verified, over lejp's limit", l)
		}
	}
	long := `{"x":"` + strings.Repeat("s", lejp.DefaultMaxStringLen+1) + `"}`
	fast, strict := Claims{Raw: []byte(long)}, Claims{Raw: []byte(long)}
	if fast.fastParse() {
		t.Errorf("fast reader accepted a string of %d bytes; strict reader: %v", lejp.DefaultMaxStringLen+1, strict.parseStrict())
	}
}

// TestClaimSetLongStrings: ClaimSet.AppendJSON promises that what it writes
// verification accepts. The claims reader bounds a string to lejp's
// DefaultMaxStringLen (64 MiB) as JSON carries it, escapes included, so a
// registered claim over it (32 MiB + 1 of '"', 64 MiB + 2 escaped) must be
// refused when writing (jose.ErrLimit, as the reader refuses it), and one
// of exactly 64 MiB written and read. (About 0.5 GB.)
func TestClaimSetLongStrings(t *testing.T) {
	if testing.Short() {
		t.Skip("allocates about 0.5 GB (-short)")
	}
	quotes := strings.Repeat(`"`, lejp.DefaultMaxStringLen/2+1)
	atLimit := strings.Repeat("a", lejp.DefaultMaxStringLen)
	for _, c := range []struct {
		name string
		cs   ClaimSet
		ok   bool
	}{
		{"iss at the limit", ClaimSet{Issuer: atLimit}, true},
		{"iss over the limit", ClaimSet{Issuer: quotes}, false},
		{"aud element over the limit", ClaimSet{Audience: []string{"a", quotes}}, false},
		{"first aud element over the limit", ClaimSet{Audience: []string{quotes, "a"}}, false},
		{"aud element at the limit", ClaimSet{Audience: []string{"a", atLimit}}, true},
	} {
		out, err := c.cs.AppendJSON(nil)
		switch {
		case c.ok && err != nil:
			t.Errorf("%s: %v", c.name, err)
		case !c.ok && !errors.Is(err, jose.ErrLimit):
			cl := Claims{Raw: out}
			t.Errorf("%s: %d bytes, %v; want jose.ErrLimit (the claims reader: %.120v)", c.name, len(out), err, cl.parse())
		case err == nil:
			cl := Claims{Raw: out}
			if err := cl.parse(); err != nil {
				t.Errorf("%s: the claims reader refuses what AppendJSON wrote: %.120v", c.name, err)
			}
		}
	}
}
