package jwk

import (
	"errors"
	"runtime"
	"strings"
	"testing"

	"github.com/lwscrypto/lwscrypto/jose"
)

func allocated(f func()) uint64 {
	var a, b runtime.MemStats
	f()
	runtime.ReadMemStats(&a)
	for range 2 {
		f()
	}
	runtime.ReadMemStats(&b)
	return (b.TotalAlloc - a.TotalAlloc) / 2
}

// TestParseAllocationBound: JWK and JWK Set parsing allocate at most a small
// multiple of the input plus a constant per key (a parsed EC or RSA key
// costs about 2–3 KiB whatever its size; MaxSetKeys bounds their number),
// for long members, many keys, and many elements.
func TestParseAllocationBound(t *testing.T) {
	const n = 1 << 20
	key := `{"kty":"EC","crv":"P-256","x":"` + p256x + `","y":"` + p256y + `"}`
	for name, tc := range map[string]struct {
		in   string
		keys int
	}{
		"long oct key":     {`{"kty":"oct","k":"` + strings.Repeat("A", n) + `"}`, 1},
		"long bad x":       {`{"kty":"EC","crv":"P-256","x":"` + strings.Repeat("A", n) + `","y":"AAAA"}`, 1},
		"long RSA n":       {`{"kty":"RSA","e":"AQAB","n":"` + strings.Repeat("z", n) + `"}`, 1},
		"long unknown":     {`{"kty":"oct","k":"AAAA","zz":"` + strings.Repeat("A", n) + `"}`, 1},
		"many keys":        {`{"keys":[` + strings.Repeat(key+",", 500) + key + `]}`, 501},
		"too many keys":    {`{"keys":[` + strings.Repeat(`{"kty":"oct","k":"AAAA"},`, MaxSetKeys+100) + `{}]}`, MaxSetKeys},
		"many empty keys":  {`{"keys":[` + strings.Repeat(`{},`, n/3) + `{}]}`, 1},
		"many key_ops":     {`{"kty":"oct","k":"AAAA","key_ops":[` + strings.Repeat(`"sign",`, n/7) + `"sign"]}`, 1},
		"many x5c entries": {`{"kty":"oct","k":"AAAA","x5c":[` + strings.Repeat(`"AAAA",`, n/7) + `"AAAA"]}`, 1},
	} {
		got := allocated(func() {
			Parse([]byte(tc.in))
			ParseSet([]byte(tc.in))
		})
		if limit := uint64(8*len(tc.in)+4096*tc.keys) + 1<<20; got > limit {
			t.Errorf("%s: %d bytes allocated for %d bytes of input", name, got, len(tc.in))
		}
	}
}

func TestSetKeyLimit(t *testing.T) {
	key := `{"kty":"oct","k":"AAAA"}`
	if _, err := ParseSet([]byte(`{"keys":[` + strings.Repeat(key+",", MaxSetKeys-1) + key + `]}`)); err != nil {
		t.Errorf("%d keys: %v", MaxSetKeys, err)
	}
	_, err := ParseSet([]byte(`{"keys":[` + strings.Repeat(key+",", MaxSetKeys) + key + `]}`))
	if !errors.Is(err, jose.ErrLimit) {
		t.Errorf("%d keys: %v", MaxSetKeys+1, err)
	}
}
