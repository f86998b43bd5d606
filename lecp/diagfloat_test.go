package lecp

import (
	"math"
	"math/rand/v2"
	"testing"
)

// TestDiagFloatPlainRange: appendDiagFloat's shortcut for [1e-6, 1e21)
// (strconv's 'f' layout) writes what the general layout from the 'e'
// digits writes, at both bounds, on the floats next to them, at powers of
// ten and halves across the range, and on a million random bit patterns.
func TestDiagFloatPlainRange(t *testing.T) {
	fs := []float64{1e-6, 1e21, 1, 0.5, 1.5, 10, 100, 1e20, 123456789012345678901, 65504, 1e-5, 0.000001234,
		5.960464477539063e-8, 0.00006103515625, 1.1, 4.1, math.MaxFloat64, math.SmallestNonzeroFloat64}
	for _, b := range []float64{1e-6, 1e21} {
		fs = append(fs, math.Nextafter(b, 0), math.Nextafter(b, math.Inf(1)))
	}
	for e := -30; e <= 30; e++ {
		p := math.Pow(10, float64(e))
		fs = append(fs, p, p/2, 3*p, math.Nextafter(p, 0), math.Nextafter(p, math.Inf(1)))
	}
	r := rand.New(rand.NewPCG(1, 2))
	for range 1 << 20 {
		f := math.Float64frombits(r.Uint64() &^ (1 << 63))
		if r.IntN(2) == 0 { // mostly within the plain range
			f = math.Ldexp(r.Float64(), r.IntN(90)-20)
		}
		fs = append(fs, f)
	}
	n := 0
	for _, f := range fs {
		if math.IsNaN(f) || math.IsInf(f, 0) || f == 0 {
			continue
		}
		if minPlain <= f && f < 1e21 {
			n++
		}
		for _, point := range []bool{true, false} {
			got := string(appendDiagFloat(nil, f, point))
			want := string(appendDiagFloatExp(nil, f, point))
			if got != want {
				t.Fatalf("%v (%#x) point=%v: %s, want %s", f, math.Float64bits(f), point, got, want)
			}
		}
	}
	if n < len(fs)/3 {
		t.Fatalf("only %d of %d floats in the plain range", n, len(fs))
	}
	for _, c := range []struct {
		f    float64
		want string
	}{{1e-6, "0.000001"}, {math.Nextafter(1e-6, 0), "9.999999999999997e-7"}, {1e20, "100000000000000000000.0"},
		{1e21, "1.0e+21"}, {math.Nextafter(1e21, 0), "999999999999999900000.0"}, {-2.5, "-2.5"}} {
		if got := string(appendDiagFloat(nil, c.f, true)); got != c.want {
			t.Errorf("%v: %s, want %s", c.f, got, c.want)
		}
	}
}
