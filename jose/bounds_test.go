package jose

import (
	"runtime"
	"strings"
	"testing"
)

// allocated returns the bytes f allocates (average of a few runs).
func allocated(f func()) uint64 {
	var a, b runtime.MemStats
	const runs = 4
	f() // warm up
	runtime.ReadMemStats(&a)
	for range runs {
		f()
	}
	runtime.ReadMemStats(&b)
	return (b.TotalAlloc - a.TotalAlloc) / runs
}

// TestHeaderAllocationBound: parsing never allocates more than a small
// multiple of the input, whatever its shape.
func TestHeaderAllocationBound(t *testing.T) {
	const n = 1 << 20
	for name, in := range map[string]string{
		"long unknown string": `{"alg":"ES256","x":"` + strings.Repeat("a", n) + `"}`,
		"long kid":            `{"alg":"ES256","kid":"` + strings.Repeat("a", n) + `"}`,
		"long escaped kid":    `{"kid":"` + strings.Repeat(`\u00e9`, n/6) + `"}`,
		"many crit names":     `{"crit":[` + strings.Repeat(`"a",`, n/4) + `"a"]}`,
		"crit at the limit":   `{"crit":[` + strings.Repeat(`"a",`, MaxStrings-1) + `"a"]}`,
		"many members":        `{` + manyMembers(MaxMembers) + `}`,
		"deep":                `{"x":` + strings.Repeat(`[`, n) + `}`,
		"long x5c":            `{"x5c":["` + strings.Repeat("AAAA", n/4) + `"]}`,
	} {
		got := allocated(func() { ParseHeader([]byte(in)) })
		if limit := uint64(4*len(in)) + 256*MaxMembers; got > limit {
			t.Errorf("%s: %d bytes allocated for %d bytes of input", name, got, len(in))
		}
	}
}

func manyMembers(n int) string {
	var b strings.Builder
	for i := range n {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(`"m`)
		for v := i; ; v /= 26 {
			b.WriteByte(byte('a' + v%26))
			if v < 26 {
				break
			}
		}
		b.WriteString(`":1`)
	}
	return b.String()
}

func TestManyMembersParse(t *testing.T) {
	if _, err := ParseObject([]byte(`{` + manyMembers(MaxMembers) + `}`)); err != nil {
		t.Errorf("%d members: %v", MaxMembers, err)
	}
}

func BenchmarkParseHeader(b *testing.B) {
	raw := []byte(`{"alg":"ES256","kid":"2026-key-1","typ":"JWT"}`)
	b.ReportAllocs()
	b.SetBytes(int64(len(raw)))
	for b.Loop() {
		if _, err := ParseHeader(raw); err != nil {
			b.Fatal(err)
		}
	}
}
