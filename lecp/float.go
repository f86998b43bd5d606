package lecp

// Head lengths and the IEEE 754 half-precision conversions used by the
// decoder (widening) and by preferred serialization (narrowing only when
// exact).

import "math"

// headLen is the length of the shortest head for arg.
func headLen(arg uint64) int {
	switch {
	case arg < 24:
		return 1
	case arg < 1<<8:
		return 2
	case arg < 1<<16:
		return 3
	case arg < 1<<32:
		return 5
	}
	return 9
}

// floatWidth is the shortest width in bytes (2, 4 or 8) that holds f
// exactly; NaN and the infinities take 2.
func floatWidth(f float64) int {
	if f != f || math.IsInf(f, 0) {
		return 2
	}
	f32 := float32(f)
	if float64(f32) != f {
		return 8
	}
	if _, ok := halfExact(f32); ok {
		return 2
	}
	return 4
}

// halfToFloat widens an IEEE 754 binary16 value.
func halfToFloat(h uint16) float64 {
	exp := int(h>>10) & 0x1f
	mant := float64(h & 0x3ff)
	var v float64
	switch exp {
	case 0:
		v = math.Ldexp(mant, -24)
	case 31:
		if mant == 0 {
			v = math.Inf(1)
		} else {
			// keep the payload: widen through float32
			v = float64(math.Float32frombits(0x7f800000 | uint32(h&0x3ff)<<13))
		}
	default:
		v = math.Ldexp(mant+1024, exp-25)
	}
	if h&0x8000 != 0 {
		v = -v
	}
	return v
}

// halfExact narrows f to binary16 if that keeps its value exactly.
func halfExact(f float32) (uint16, bool) {
	b := math.Float32bits(f)
	sign := uint16(b>>16) & 0x8000
	exp := int(b>>23) & 0xff
	mant := b & 0x7fffff
	switch {
	case exp == 0 && mant == 0:
		return sign, true
	case exp == 0xff:
		// The infinities; a NaN is never taken as exact, as its callers
		// write every NaN as the one quiet NaN f97e00 themselves.
		return sign | 0x7c00, mant == 0
	case exp == 0:
		return 0, false // float32 subnormals are far below the half range
	}
	e := exp - 127
	switch {
	case e >= -14 && e <= 15:
		if mant&0x1fff != 0 {
			return 0, false
		}
		return sign | uint16(e+15)<<10 | uint16(mant>>13), true
	case e < -14 && e >= -24:
		full := mant | 0x800000
		shift := uint(-14-e) + 13
		if full&(1<<shift-1) != 0 {
			return 0, false
		}
		return sign | uint16(full>>shift), true
	}
	return 0, false
}
