package jwt

import (
	"fmt"
	"runtime"
	"strings"
	"testing"
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
		var m0, m1 runtime.MemStats
		runtime.ReadMemStats(&m0)
		names := c.Names()
		for i, n := range names {
			v, ok := c.Get(n)
			if want := fmt.Sprintf(`[%d, "v"]`, i); !ok || string(v) != want || n != name(i) {
				t.Fatalf("%s: claim %d: Get = %q, %v; want %q", shape, i, v, ok, want)
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
