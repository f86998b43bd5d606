package jwt

import (
	"testing"

	"github.com/lwscrypto/lwscrypto/internal/testenv"
)

// TestClaimSetSignAllocs holds the allocation counts of signing a claims
// set. Without Extra claims, AppendJSON into a large enough buffer
// allocates nothing (the lejp.Writer it makes per call keeps its structure
// and the names it checks inline; on the base it allocated its stack, 1)
// and an HS256 AppendSign allocates once (base: 2). Extra claims add the
// strict re-read of the claims (2 and 3; base: 3 and 4).
func TestClaimSetSignAllocs(t *testing.T) {
	if testenv.Race {
		t.Skip("allocation counts differ under -race")
	}
	with := claimSet()
	without := claimSet()
	without.Extra = nil
	s, err := NewSigner(hsKey())
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name             string
		cs               *ClaimSet
		appendJSON, sign float64
	}{{"without Extra", without, 0, 1}, {"with Extra", with, 2, 3}} {
		var buf [512]byte
		if n := testing.AllocsPerRun(100, func() {
			if _, err := tc.cs.AppendJSON(buf[:0]); err != nil {
				t.Fatal(err)
			}
		}); n > tc.appendJSON {
			t.Errorf("AppendJSON %s: %v allocations, want at most %v", tc.name, n, tc.appendJSON)
		}
		dst := make([]byte, 0, 1024)
		if n := testing.AllocsPerRun(100, func() {
			if _, err := s.AppendSign(dst[:0], tc.cs); err != nil {
				t.Fatal(err)
			}
		}); n > tc.sign {
			t.Errorf("AppendSign %s: %v allocations, want at most %v", tc.name, n, tc.sign)
		}
	}
}
