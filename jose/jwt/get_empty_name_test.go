package jwt

import (
	"fmt"
	"strings"
	"testing"

	"github.com/lwscrypto/lwscrypto/jose"
)

// TestGetAfterEmptyName: Get finds a claim that follows the empty name ""
// in a claims set the strict reader reads with its name map (more than 16
// claims, and an escape or more than 32 claims so that the fast reader
// does not take it), as jose.ParseObject does. The empty name takes no
// bytes, so the next name starts where it does; on 422df4a Get looked the
// name up by its start and found the empty name's entry instead, so
// Get("x") was absent though Names listed "x".
func TestGetAfterEmptyName(t *testing.T) {
	for _, n := range []int{17, 40} {
		for _, escape := range []bool{false, true} {
			var b strings.Builder
			b.WriteString(`{"iss":"i"`)
			for i := range n {
				fmt.Fprintf(&b, `,"n%d":%d`, i, i)
			}
			b.WriteString(`,"":"empty","x":"after"`)
			if escape {
				b.WriteString(`,"\u0065sc":true`)
			}
			b.WriteString(`}`)
			raw := b.String()
			c, err := hsVerifier(t, Validator{}).Verify(signRaw(t, raw))
			if err != nil {
				t.Fatal(err)
			}
			o, err := jose.ParseObject([]byte(raw))
			if err != nil {
				t.Fatal(err)
			}
			for _, m := range o.Members {
				if got, ok := c.Get(m.Name); !ok || string(got) != string(m.Value) {
					t.Errorf("%d claims, escape %v: Get(%q) = %q, %v; ParseObject %q", n, escape, m.Name, got, ok, m.Value)
				}
			}
		}
	}
}
