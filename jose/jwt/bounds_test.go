package jwt

import (
	"errors"
	"runtime"
	"strings"
	"testing"

	"github.com/lwscrypto/lwscrypto/internal/hostile"
	"github.com/lwscrypto/lwscrypto/jose"
)

func parseClaims(raw string) (*Claims, error) {
	c := &Claims{Raw: []byte(raw)}
	return c, c.parse()
}

// TestCaseVariantWork: rejecting claim names that differ only in case
// (catalog row 20) costs a small constant per input byte whatever the
// number of claims; comparing each name with every earlier one cost
// claims² × length (1024 claims of 256 bytes: 134 M bytes compared for
// 267 KB of input).
func TestCaseVariantWork(t *testing.T) {
	saved := foldCompare
	defer func() { foldCompare = saved }()
	work := 0
	foldCompare = func(a, b []byte) bool { work += len(a); return saved(a, b) }
	for _, n := range []int{16, 64, 256, maxClaims} {
		for _, l := range []int{16, 256} {
			in := hostile.CaseVariantObject(n, l, 'c')
			work = 0
			if _, err := parseClaims(in); err != nil {
				t.Fatalf("%d claims: %v", n, err)
			}
			t.Logf("%d claims of %d bytes: %d bytes compared for %d bytes of input", n, l, work, len(in))
			if work > 32*len(in) {
				t.Errorf("%d claims of %d bytes: %d bytes compared for %d bytes of input", n, l, work, len(in))
			}
		}
	}
	for _, n := range []int{3, 40, maxClaims - 1} {
		in := hostile.CaseVariantObject(n, 8, 'c')
		for _, name := range []string{in[2:10], in[strings.LastIndex(in, `"c`)+1:][:8]} {
			for _, variant := range []string{name, strings.ToUpper(name)} {
				bad := in[:len(in)-1] + `,"` + variant + `":2}`
				if _, err := parseClaims(bad); !errors.Is(err, jose.ErrMalformed) {
					t.Errorf("%d claims then %q: %v", n, variant, err)
				}
			}
		}
		if _, err := parseClaims(in[:len(in)-1] + `,"é":1}`); err != nil {
			t.Errorf("%d claims and é: %v", n, err)
		}
	}
}

// TestAudienceLimit: "aud" holds at most jose.MaxStrings audiences (as
// jose.MaxStrings documents); more is jose.ErrLimit, found before the rest
// is stored. (Before, every element was kept: 4 M empty strings, 12.6 MB of
// input, allocated 17 times the input.)
func TestAudienceLimit(t *testing.T) {
	auds := func(n int) string {
		return `{"exp":1,"aud":[` + strings.Repeat(`"a",`, n-1) + `"a"]}`
	}
	for _, raw := range []string{auds(1), auds(jose.MaxStrings)} {
		c, err := parseClaims(raw)
		if err != nil {
			t.Fatalf("%d bytes: %v", len(raw), err)
		}
		if a, ok := c.Audience(); !ok || len(a) > jose.MaxStrings {
			t.Errorf("Audience() = %d, %v", len(a), ok)
		}
	}
	for _, n := range []int{jose.MaxStrings + 1, 1 << 20} {
		raw := auds(n)
		var err error
		var a, b runtime.MemStats
		runtime.ReadMemStats(&a)
		_, err = parseClaims(raw)
		runtime.ReadMemStats(&b)
		if !errors.Is(err, jose.ErrLimit) {
			t.Errorf("%d audiences: %v, want ErrLimit", n, err)
		}
		if got := b.TotalAlloc - a.TotalAlloc; got > uint64(len(raw))+256<<10 {
			t.Errorf("%d audiences (%d bytes): %d bytes allocated", n, len(raw), got)
		}
	}
}
