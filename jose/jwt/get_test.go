package jwt

import (
	"fmt"
	"runtime"
	"strings"
	"testing"

	"github.com/lwscrypto/lwscrypto/jose"
)

// TestGetEveryClaimLinear: reading every claim of a verified token by name
// (Names, then Get for each) costs memory linear in the token: Names'
// strings and next to nothing per Get. On 383bbff each Get parsed the whole
// claims set again with jose.ParseObject, copying every name, so for 1000
// claims of 4000-byte names (4 MB) the loop allocated 4.3 GB and took
// seconds. Every Get returns the claim's exact bytes, as ParseObject reads
// them, including for names that share all but a few bytes.
func TestGetEveryClaimLinear(t *testing.T) {
	for _, shape := range []string{"distinct", "common prefix and suffix"} {
		var b strings.Builder
		b.WriteString("{")
		name := func(i int) string {
			if shape == "distinct" {
				return fmt.Sprintf("%04d", i) + strings.Repeat("x", 4000)
			}
			return strings.Repeat("x", 2000) + fmt.Sprintf("%04d", i) + strings.Repeat("x", 2000)
		}
		for i := range 1000 {
			if i > 0 {
				b.WriteString(",")
			}
			fmt.Fprintf(&b, `"%s": [%d, "v"] `, name(i), i)
		}
		b.WriteString(`,"iss":"me"}`)
		raw := b.String()
		c, err := hsVerifier(t, Validator{}).Verify(signRaw(t, raw))
		if err != nil {
			t.Fatal(err)
		}
		wantNames, wantValues := make([]string, 1000), make([]string, 1000)
		for i := range 1000 {
			wantNames[i], wantValues[i] = name(i), fmt.Sprintf(`[%d, "v"]`, i)
		}
		var m0, m1 runtime.MemStats
		runtime.ReadMemStats(&m0)
		names := c.Names()
		for i, n := range names {
			v, ok := c.Get(n)
			if !ok || string(v) != wantValues[i] || n != wantNames[i] {
				t.Fatalf("%s: claim %d: Get = %q, %v; want %q", shape, i, v, ok, wantValues[i])
			}
		}
		runtime.ReadMemStats(&m1)
		if got, limit := m1.TotalAlloc-m0.TotalAlloc, uint64(2*len(raw)); got > limit {
			t.Errorf("%s: Names and %d Gets over %d bytes of claims allocated %d bytes, more than %d", shape, len(names), len(raw), got, limit)
		}
		for _, absent := range []string{"", "y", name(0) + "y", "ISS"} {
			if v, ok := c.Get(absent); ok {
				t.Errorf("%s: Get(%.8q…) = %q, want absent", shape, absent, v)
			}
		}
		if v, ok := c.Get("iss"); !ok || string(v) != `"me"` {
			t.Errorf(`%s: Get("iss") = %q, %v`, shape, v, ok)
		}
	}
}

// TestGetMatchesParseObject: Get gives what jose.ParseObject's Object.Get
// gives, for every claim, registered or not, and for names that are not
// claims (case variants, prefixes, a registered name absent), whichever
// reader read the claims set (fast: up to 32 plain claims; strict: an
// escape, or more claims, with and without checkCase's map), and after Raw
// was given another slice.
func TestGetMatchesParseObject(t *testing.T) {
	build := func(n int, escape bool) string {
		var b strings.Builder
		b.WriteString(`{"iss":"i","aud":["a"],"exp":5`)
		for i := range n {
			fmt.Fprintf(&b, `,"n%d":{"v":%d}`, i, i)
		}
		if escape {
			b.WriteString(`,"e\u0073c":"\u00e9"`)
		}
		b.WriteString("}")
		return b.String()
	}
	for _, raw := range []string{build(0, false), build(5, false), build(28, false), build(5, true),
		build(12, true), build(13, true), build(14, true), build(40, false), build(300, true)} {
		c, err := parseClaims(raw)
		if err != nil {
			t.Fatal(err)
		}
		o, err := jose.ParseObject([]byte(raw))
		if err != nil {
			t.Fatal(err)
		}
		probes := []string{"", "n", "N0", "n1x", "sub", "ISS", "esc", "ESC", "esć", "eſc", "\u212a"}
		for _, m := range o.Members {
			probes = append(probes, m.Name, strings.ToUpper(m.Name), m.Name+"x")
		}
		check := func(when string) {
			for _, name := range probes {
				got, ok := c.Get(name)
				m, want := o.Get(name)
				if ok != want || string(got) != string(m.Value) {
					t.Errorf("%d claims, %s: Get(%q) = %q, %v; ParseObject %q, %v", len(o.Members), when, name, got, ok, m.Value, want)
				}
			}
		}
		check("read")
		c.Raw = []byte(raw) // another slice: Get reads it again
		check("Raw replaced")
	}
}
