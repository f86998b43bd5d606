package lecp

// Floats: preferred width against every half-precision value computed from
// the format's definition, fixed widths against fxamacker, and what
// decoding reports for NaN payloads.

import (
	"bytes"
	"encoding/binary"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/lwscrypto/lwscrypto/internal/testenv"
)

// floatCases are floats at the edges of the half, single and double
// formats, NaN with payloads, the infinities and -0.
func floatCases() []float64 {
	fs := []float64{0, math.Copysign(0, -1), 1, -1, 1.5, 1.1, -4.1, 65504, -65504, 65505, 65519, 65520, 65536, 100000,
		math.Ldexp(1, -14), math.Ldexp(1, -24), math.Ldexp(1, -25), math.Ldexp(3, -25), math.Ldexp(1023, -24), math.Ldexp(1023, -25),
		math.Ldexp(1, -15), math.Ldexp(1, -126), math.Ldexp(1, -127), math.Ldexp(1, -149), math.Ldexp(1, -150), math.Ldexp(3, -150),
		1 + math.Ldexp(1, -10), 1 + math.Ldexp(1, -11), 1 + math.Ldexp(1, -23), 1 + math.Ldexp(1, -24), 1 + math.Ldexp(1, -52),
		math.MaxFloat32, -math.MaxFloat32, math.Nextafter(math.MaxFloat32, math.Inf(1)), math.SmallestNonzeroFloat32,
		math.MaxFloat64, -math.MaxFloat64, math.SmallestNonzeroFloat64, -math.SmallestNonzeroFloat64, 1e300, 3.4028234663852886e+38,
		math.Inf(1), math.Inf(-1), math.NaN(), -math.NaN(),
		math.Float64frombits(0x7ff0000000000001), // signalling NaN, payload in the low bits
		math.Float64frombits(0x7ff8000000000001), math.Float64frombits(0xfff4000000000000), math.Float64frombits(0x7ffc000000000000),
		float64(math.Float32frombits(0x7fa00000)), // a float32 signalling NaN widened
	}
	for h := range 1 << 16 { // every half-precision value
		fs = append(fs, halfValue(uint16(h)))
	}
	r := rand.New(rand.NewPCG(8949, 1))
	for range 20000 {
		fs = append(fs, math.Float64frombits(r.Uint64()), float64(math.Float32frombits(r.Uint32())))
	}
	return fs
}

// halfValue computes the value of an IEEE 754 binary16 bit pattern from
// the format's definition (independently of lecp's halfToFloat).
func halfValue(h uint16) float64 {
	sign := 1.0
	if h&0x8000 != 0 {
		sign = -1
	}
	e, m := int(h>>10&0x1f), float64(h&0x3ff)
	switch e {
	case 0:
		return sign * m * math.Pow(2, -24)
	case 31:
		if m == 0 {
			return math.Inf(int(sign))
		}
		return math.NaN()
	}
	return sign * (1 + m/1024) * math.Pow(2, float64(e-15))
}

// halfExactRef reports whether f (finite or not) is exactly a half:
// searched over all 65536 patterns' values, computed from the format's
// definition.
func halfExactRef(f float64) (uint16, bool) {
	if f != f {
		return 0x7e00, true
	}
	i, ok := halfIndex()[math.Float64bits(f)]
	return i, ok
}

var halfIdx map[uint64]uint16

func halfIndex() map[uint64]uint16 {
	if halfIdx == nil {
		halfIdx = map[uint64]uint16{}
		for h := range 1 << 16 {
			if f := halfValue(uint16(h)); f == f {
				halfIdx[math.Float64bits(f)] = uint16(h)
			}
		}
	}
	return halfIdx
}

// TestFixedWidthFloats: AppendFloat64 and AppendFloat32 keep every bit,
// NaN payloads included, as fxamacker does with ShortestFloatNone.
func TestFixedWidthFloats(t *testing.T) {
	for _, f := range floatCases() {
		want, _ := fxRawFloat.Marshal(f)
		if got := AppendFloat64(nil, f); !bytes.Equal(got, want) {
			t.Fatalf("AppendFloat64(%x): %x, fxamacker %x", math.Float64bits(f), got, want)
		}
		f32 := float32(f)
		want, _ = fxRawFloat.Marshal(f32)
		if got := AppendFloat32(nil, f32); !bytes.Equal(got, want) {
			t.Fatalf("AppendFloat32(%x): %x, fxamacker %x", math.Float32bits(f32), got, want)
		}
	}
}

// TestPreferredFloatWidth: AppendFloat picks the shortest width that holds
// the value exactly, checked against every half-precision value computed
// from the format's definition: a half when one of the 65536 equals the
// value (NaN as f97e00), else a single when float32 holds it, else a double.
func TestPreferredFloatWidth(t *testing.T) {
	for _, f := range floatCases() {
		got := AppendFloat(nil, f)
		var want []byte
		if h, ok := halfExactRef(f); ok {
			want = binary.BigEndian.AppendUint16([]byte{0xf9}, h)
		} else if float64(float32(f)) == f {
			want = binary.BigEndian.AppendUint32([]byte{0xfa}, math.Float32bits(float32(f)))
		} else {
			want = binary.BigEndian.AppendUint64([]byte{0xfb}, math.Float64bits(f))
		}
		if !bytes.Equal(got, want) {
			t.Fatalf("AppendFloat(%x): %x, want %x", math.Float64bits(f), got, want)
		}
		if floatWidth(f) != len(want)-1 {
			t.Fatalf("floatWidth(%x) = %d, want %d", math.Float64bits(f), floatWidth(f), len(want)-1)
		}
	}
}

// TestDecodeNaNPayload: decoding keeps a NaN's payload bits in the float64
// through every path (push whole and byte by byte, pull in place and from a
// reader); a double keeps every bit, a signalling half or single comes
// back with the quiet bit set (doc.go, "Not supported").
func TestDecodeNaNPayload(t *testing.T) {
	for _, tc := range []struct {
		hex  string
		want uint64
	}{
		{"f97e01", 0x7ff8040000000000},
		{"f97c01", 0x7ff8040000000000}, // signalling: quiet bit set
		{"f9fe00", 0xfff8000000000000},
		{"fa7fc00001", 0x7ff8000020000000},
		{"fa7f800001", 0x7ff8000020000000}, // signalling: quiet bit set
		{"fb7ff0000000000001", 0x7ff0000000000001},
		{"fbfff8000000000abc", 0xfff8000000000abc},
	} {
		b := testenv.Hex(t, "81"+tc.hex)
		var got []uint64
		for _, split := range []int{len(b), 1} {
			p, _ := NewParser(HandlerFunc(func(p *Parser, ev *Event) error {
				if ev.Kind == Float {
					got = append(got, math.Float64bits(ev.Float))
				}
				return nil
			}), nil)
			for i := 0; i < len(b); i += split {
				p.Write(b[i:min(i+split, len(b))])
			}
			p.Close()
		}
		for _, d := range []*Decoder{NewDecoderBytes(b, nil), NewDecoder(iotestOneByte(b), nil)} {
			for {
				tk, err := d.ReadToken()
				if err != nil {
					break
				}
				if tk.Kind == Float {
					got = append(got, math.Float64bits(tk.Float))
				}
			}
		}
		if len(got) != 4 {
			t.Fatalf("%s: %d floats", tc.hex, len(got))
		}
		for i, g := range got {
			if g != tc.want {
				t.Errorf("%s path %d: %016x, want %016x", tc.hex, i, g, tc.want)
			}
		}
	}
}
