package jws

import (
	"bytes"
	"errors"
	"runtime"
	"testing"

	"github.com/lwscrypto/lwscrypto/internal/testenv"
	"github.com/lwscrypto/lwscrypto/jose"
)

// TestVerifyCompactZeroAlloc holds the compact fast path to zero
// allocations for HMAC, EdDSA and Ed25519, as AppendVerifyCompact's godoc
// says (and reports the others).
func TestVerifyCompactZeroAlloc(t *testing.T) {
	payload := []byte(`{"iss":"https://issuer.example","sub":"user","aud":"api","exp":4102444800,"iat":1700000000,"jti":"abc"}`)
	for _, tc := range []struct {
		alg  string
		want float64
	}{{"HS256", 0}, {"HS384", 0}, {"HS512", 0}, {"ES256", -1}, {"EdDSA", 0}, {"Ed25519", 0}, {"RS256", -1}} {
		tok, err := Sign(payload, SigningKey{Alg: tc.alg, Key: testKeys()[tc.alg], KeyID: "key-1", Type: "JWT"}, nil)
		if err != nil {
			t.Fatal(err)
		}
		v, err := NewVerifier(verifyKey(tc.alg), []string{tc.alg}, RequireType("JWT"))
		if err != nil {
			t.Fatal(err)
		}
		dst := make([]byte, 0, 256)
		n := testing.AllocsPerRun(50, func() {
			out, err := v.AppendVerifyCompact(dst[:0], tok)
			if err != nil || !bytes.Equal(out, payload) {
				t.Fatalf("%s: %q %v", tc.alg, out, err)
			}
		})
		t.Logf("%s: %v allocs per compact verify", tc.alg, n)
		if tc.want >= 0 && n > tc.want && !testenv.Race {
			t.Errorf("%s: %v allocs per compact verify, want %v", tc.alg, n, tc.want)
		}
	}
}

// TestAttack09DotsAllocation: "Bearer " + 10 MiB of '.' is malformed, with
// O(1) allocations and no memory growth with the input size (catalog row 9).
func TestAttack09DotsAllocation(t *testing.T) {
	v, err := NewVerifier(verifyKey("HS256"), []string{"HS256"})
	if err != nil {
		t.Fatal(err)
	}
	for _, size := range []int{1 << 10, 10 << 20} {
		in := append([]byte("Bearer "), bytes.Repeat([]byte{'.'}, size)...)
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		allocs := testing.AllocsPerRun(5, func() {
			if _, err := v.AppendVerifyCompact(nil, in); !errors.Is(err, jose.ErrMalformed) {
				t.Fatalf("err = %v", err)
			}
			if _, err := v.Verify(in); !errors.Is(err, jose.ErrMalformed) {
				t.Fatalf("Verify err = %v", err)
			}
			if _, err := ParseCompact(in); !errors.Is(err, jose.ErrMalformed) {
				t.Fatalf("ParseCompact err = %v", err)
			}
		})
		runtime.ReadMemStats(&after)
		if allocs > 0 && !testenv.Race {
			t.Errorf("%d dots: %v allocs", size, allocs)
		}
		if grew := after.TotalAlloc - before.TotalAlloc; grew > 64<<10 {
			t.Errorf("%d dots: %d bytes allocated", size, grew)
		}
	}
}

func BenchmarkAttack09Dots(b *testing.B) {
	v, _ := NewVerifier(verifyKey("HS256"), []string{"HS256"})
	in := append([]byte("Bearer "), bytes.Repeat([]byte{'.'}, 10<<20)...)
	b.ReportAllocs()
	b.SetBytes(int64(len(in)))
	for b.Loop() {
		v.AppendVerifyCompact(nil, in)
	}
}
