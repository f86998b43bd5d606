package lejp

import (
	"strconv"
	"testing"
)

// BenchmarkWriter writes the objects JOSE writes (a header, a private RSA
// JWK's 17 members), one large object and a long string, reusing one
// Writer and buffer as a hot loop does.
func BenchmarkWriter(b *testing.B) {
	header := []string{"alg", "b64", "crit", "kid", "typ", "cty"}
	jwk := []string{"kty", "n", "e", "d", "p", "q", "dp", "dq", "qi", "kid", "alg", "use", "key_ops", "x5u", "x5c", "x5t", "x5t#S256"}
	large := make([]string, 1000)
	for i := range large {
		large[i] = "member-" + strconv.Itoa(i)
	}
	long := make([]byte, 4096)
	for i := range long {
		long[i] = "abcdéfgh€"[i%9]
	}
	for _, tc := range []struct {
		name  string
		names []string
		value string
	}{
		{"header", header, "ES256"},
		{"jwk", jwk, "AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T"},
		{"large", large, "v"},
		{"longstring", []string{"payload"}, string(long)},
	} {
		b.Run(tc.name, func(b *testing.B) {
			var w Writer
			buf := make([]byte, 0, 64<<10)
			n := 0
			b.ReportAllocs()
			for b.Loop() {
				w.Reset(buf[:0])
				w.BeginObject()
				for _, nm := range tc.names {
					w.Name(nm)
					w.String(tc.value)
				}
				w.EndObject()
				out, err := w.Finish()
				if err != nil {
					b.Fatal(err)
				}
				n = len(out)
			}
			b.SetBytes(int64(n))
		})
	}
}
