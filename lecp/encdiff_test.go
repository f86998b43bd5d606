package lecp

// Encoder differential: lecp's Append functions and Writer against
// github.com/fxamacker/cbor/v2 configured for the same rules
// (PreferredUnsortedEncOptions, CoreDetEncOptions: shortest heads,
// ShortestFloat16, NaN as f97e00, infinities as half) and against RFC 8949
// §4.2.1 (map keys in the bytewise lexicographic order of their encodings),
// checked by a small walker written here that shares no code with lecp.

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"math/big"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/fxamacker/cbor/v2"
)

// tv is a generated data item.
type tv struct {
	kind Kind // Uint, Nint, Bytes, Text, Float, False, True, Null, Undefined, Simple, ArrayStart, MapStart, TagStart
	u    uint64
	f    float64
	b    []byte
	elem []tv // array elements; map keys and values alternately; the tagged item
}

var (
	fxPreferred, _ = cbor.PreferredUnsortedEncOptions().EncMode()
	fxCoreDet, _   = cbor.CoreDetEncOptions().EncMode()
	// fxRawFloat writes floats in their own width, NaN payloads kept
	fxRawFloat, _ = cbor.EncOptions{ShortestFloat: cbor.ShortestFloatNone, NaNConvert: cbor.NaNConvertNone, InfConvert: cbor.InfConvertNone}.EncMode()
)

// fxLeaf encodes a scalar with fxamacker.
func fxLeaf(t testing.TB, v tv) []byte {
	var x any
	switch v.kind {
	case Uint:
		x = v.u
	case Nint:
		if v.u < 1<<63 {
			x = -1 - int64(v.u)
		} else {
			n := new(big.Int).SetUint64(v.u)
			x = n.Neg(n.Add(n, big.NewInt(1)))
		}
	case Bytes:
		x = v.b
	case Text:
		x = string(v.b)
	case Float:
		x = v.f
	case False:
		x = false
	case True:
		x = true
	case Null:
		x = nil
	case Undefined:
		x = cbor.SimpleValue(23)
	case Simple:
		x = cbor.SimpleValue(v.u)
	default:
		t.Fatalf("fxLeaf %v", v.kind)
	}
	b, err := fxPreferred.Marshal(x)
	if err != nil {
		t.Fatalf("fxamacker %v: %v", v.kind, err)
	}
	return b
}

// fxHead is fxamacker's head for argument n (its encoding of the unsigned
// integer n) with the major type replaced.
func fxHead(t testing.TB, maj uint8, n uint64) []byte {
	b := fxLeaf(t, tv{kind: Uint, u: n})
	b[0] = maj<<5 | b[0]&0x1f
	return b
}

// fxEncode encodes v from fxamacker's leaves and heads; with sorted, map
// pairs are ordered by the bytewise order of the encoded keys (RFC 8949
// §4.2.1), else kept in the order given.
func fxEncode(t testing.TB, v tv, sorted bool) []byte {
	switch v.kind {
	case ArrayStart:
		b := fxHead(t, majArray, uint64(len(v.elem)))
		for _, e := range v.elem {
			b = append(b, fxEncode(t, e, sorted)...)
		}
		return b
	case MapStart:
		type pair struct{ k, v []byte }
		var ps []pair
		for i := 0; i < len(v.elem); i += 2 {
			ps = append(ps, pair{fxEncode(t, v.elem[i], sorted), fxEncode(t, v.elem[i+1], sorted)})
		}
		if sorted {
			slices.SortFunc(ps, func(a, b pair) int { return bytes.Compare(a.k, b.k) })
		}
		b := fxHead(t, majMap, uint64(len(ps)))
		for _, p := range ps {
			b = append(append(b, p.k...), p.v...)
		}
		return b
	case TagStart:
		return append(fxHead(t, majTag, v.u), fxEncode(t, v.elem[0], sorted)...)
	}
	return fxLeaf(t, v)
}

// goValue is v as a Go value for fxamacker's own encoder (map[any]any,
// sorted by CoreDetEncOptions); ok is false when a key cannot be a Go map
// key (a map) or two keys would be equal Go values (0.0 and -0.0).
func goValue(v tv, key bool) (any, bool) {
	switch v.kind {
	case Uint:
		return v.u, true
	case Nint:
		if v.u < 1<<63 {
			return -1 - int64(v.u), true
		}
		n := new(big.Int).SetUint64(v.u)
		n.Neg(n.Add(n, big.NewInt(1)))
		if key {
			return nil, false // a *big.Int key is compared by pointer
		}
		return n, true
	case Bytes:
		if key {
			return cbor.ByteString(v.b), true
		}
		return v.b, true
	case Text:
		return string(v.b), true
	case Float:
		if key && (v.f == 0 || v.f != v.f) {
			return nil, false
		}
		return v.f, true
	case False:
		return false, true
	case True:
		return true, true
	case Null:
		return nil, true
	case Undefined:
		return cbor.SimpleValue(23), true
	case Simple:
		return cbor.SimpleValue(v.u), true
	case TagStart:
		c, ok := goValue(v.elem[0], key)
		if v.u == 2 || v.u == 3 || v.u == 0 || v.u == 1 {
			ok = false // fxamacker checks these tags' content
		}
		return cbor.Tag{Number: v.u, Content: c}, ok
	case ArrayStart:
		if key {
			if len(v.elem) != 2 {
				return nil, false
			}
			a, ok1 := goValue(v.elem[0], true)
			b, ok2 := goValue(v.elem[1], true)
			return [2]any{a, b}, ok1 && ok2
		}
		s := make([]any, len(v.elem))
		ok := true
		for i, e := range v.elem {
			var o bool
			s[i], o = goValue(e, false)
			ok = ok && o
		}
		return s, ok
	case MapStart:
		if key {
			return nil, false
		}
		m := map[any]any{}
		ok := true
		for i := 0; i < len(v.elem); i += 2 {
			k, ok1 := goValue(v.elem[i], true)
			x, ok2 := goValue(v.elem[i+1], false)
			ok = ok && ok1 && ok2
			if ok1 {
				if _, dup := m[k]; dup {
					ok = false
				}
				m[k] = x
			}
		}
		return m, ok
	}
	return nil, false
}

// lecpWrite writes v with a Writer.
func lecpWrite(w *Writer, v tv) {
	switch v.kind {
	case Uint:
		w.Uint(v.u)
	case Nint:
		if v.u < 1<<63 {
			w.Int(-1 - int64(v.u))
		} else {
			w.Negative(v.u)
		}
	case Bytes:
		w.ByteString(v.b)
	case Text:
		w.Text(string(v.b))
	case Float:
		w.Float(v.f)
	case False:
		w.Bool(false)
	case True:
		w.Bool(true)
	case Null:
		w.Null()
	case Undefined:
		w.Undefined()
	case Simple:
		w.Simple(uint8(v.u))
	case ArrayStart:
		w.BeginArray()
		for _, e := range v.elem {
			lecpWrite(w, e)
		}
		w.EndArray()
	case MapStart:
		w.BeginMap()
		for _, e := range v.elem {
			lecpWrite(w, e)
		}
		w.EndMap()
	case TagStart:
		w.Tag(v.u)
		lecpWrite(w, v.elem[0])
	}
}

// lecpAppend encodes v with the Append functions.
func lecpAppend(dst []byte, v tv) []byte {
	switch v.kind {
	case Uint:
		return AppendUint(dst, v.u)
	case Nint:
		if v.u < 1<<63 {
			return AppendInt(dst, -1-int64(v.u))
		}
		return AppendNegative(dst, v.u)
	case Bytes:
		return AppendBytes(dst, v.b)
	case Text:
		return AppendText(dst, string(v.b))
	case Float:
		return AppendFloat(dst, v.f)
	case False:
		return AppendBool(dst, false)
	case True:
		return AppendBool(dst, true)
	case Null:
		return AppendNull(dst)
	case Undefined:
		return AppendUndefined(dst)
	case Simple:
		return AppendSimple(dst, uint8(v.u))
	case ArrayStart:
		dst = AppendArrayHeader(dst, uint64(len(v.elem)))
		for _, e := range v.elem {
			dst = lecpAppend(dst, e)
		}
		return dst
	case MapStart:
		dst = AppendMapHeader(dst, uint64(len(v.elem)/2))
		for _, e := range v.elem {
			dst = lecpAppend(dst, e)
		}
		return dst
	case TagStart:
		return lecpAppend(AppendTag(dst, v.u), v.elem[0])
	}
	panic("lecpAppend")
}

// intBoundaries are the integers at every head-width boundary.
var intBoundaries = []uint64{0, 1, 22, 23, 24, 25, 254, 255, 256, 257, 65534, 65535, 65536, 65537,
	1<<32 - 2, 1<<32 - 1, 1 << 32, 1<<32 + 1, 1<<53 - 1, 1 << 53, 1<<63 - 1, 1 << 63, 1<<63 + 1, 1<<64 - 2, 1<<64 - 1}

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

// stringLens are the string lengths at every head-width boundary.
var stringLens = []int{0, 1, 23, 24, 25, 255, 256, 257, 65535, 65536, 65537}

// scalarCases returns every generated scalar.
func scalarCases() []tv {
	var vs []tv
	for _, n := range intBoundaries {
		vs = append(vs, tv{kind: Uint, u: n}, tv{kind: Nint, u: n})
	}
	for _, f := range floatCases() {
		vs = append(vs, tv{kind: Float, f: f})
	}
	for _, n := range stringLens {
		b := bytes.Repeat([]byte{0xa5}, n)
		s := []byte(strings.Repeat("é", n/2) + strings.Repeat("x", n%2))
		vs = append(vs, tv{kind: Bytes, b: b}, tv{kind: Text, b: s})
	}
	vs = append(vs, tv{kind: False}, tv{kind: True}, tv{kind: Null}, tv{kind: Undefined})
	for _, s := range []uint64{0, 15, 16, 19, 23, 32, 100, 255} {
		if s == 20 || s == 21 || s == 22 || s == 23 {
			continue
		}
		vs = append(vs, tv{kind: Simple, u: s})
	}
	return vs
}

// randKey returns a key of a random type.
func randKey(r *rand.Rand, depth int) tv {
	switch r.IntN(9) {
	case 0:
		return tv{kind: Uint, u: intBoundaries[r.IntN(len(intBoundaries))] - uint64(r.IntN(2))*uint64(r.IntN(3))}
	case 1:
		return tv{kind: Nint, u: intBoundaries[r.IntN(len(intBoundaries))]}
	case 2:
		return tv{kind: Text, b: []byte(strings.Repeat("k", r.IntN(3)) + string(rune('a'+r.IntN(26))))}
	case 3:
		return tv{kind: Text, b: bytes.Repeat([]byte{'z'}, stringLens[r.IntN(6)])}
	case 4:
		return tv{kind: Bytes, b: []byte{byte(r.IntN(4)), byte(r.IntN(256))}[:r.IntN(3)]}
	case 5:
		return tv{kind: Float, f: []float64{1.5, -1.5, 1e300, 100000, math.Inf(1), 0.1, 65504}[r.IntN(7)]}
	case 6:
		return []tv{{kind: False}, {kind: True}, {kind: Null}, {kind: Undefined}, {kind: Simple, u: 200}}[r.IntN(5)]
	case 7:
		return tv{kind: ArrayStart, elem: []tv{{kind: Uint, u: uint64(r.IntN(30))}, {kind: Text, b: []byte("a")}}}
	}
	if depth > 3 {
		return tv{kind: Uint, u: uint64(r.IntN(1000))}
	}
	return tv{kind: TagStart, u: []uint64{6, 24, 32, 1000, 1 << 40}[r.IntN(5)], elem: []tv{randKey(r, depth+1)}}
}

// randValue returns a random item, maps holding keys of mixed types.
func randValue(r *rand.Rand, scalars []tv, depth int) tv {
	if depth > 3 || r.IntN(3) == 0 {
		v := scalars[r.IntN(len(scalars))]
		if len(v.b) > 300 {
			v.b = v.b[:2*r.IntN(150)] // even: "é" is two bytes
		}
		return v
	}
	switch r.IntN(3) {
	case 0:
		v := tv{kind: ArrayStart}
		for range r.IntN(10) {
			v.elem = append(v.elem, randValue(r, scalars, depth+1))
		}
		return v
	case 1:
		return tv{kind: TagStart, u: intBoundaries[r.IntN(len(intBoundaries))], elem: []tv{randValue(r, scalars, depth+1)}}
	}
	v := tv{kind: MapStart}
	seen := map[string]bool{}
	for range r.IntN(12) {
		k := randKey(r, 0)
		enc := string(lecpAppend(nil, k))
		if seen[enc] {
			continue
		}
		seen[enc] = true
		v.elem = append(v.elem, k, randValue(r, scalars, depth+1))
	}
	return v
}

// checkCoreDeterministic walks the encoded item b (with its own head
// parser) and reports the first breach of RFC 8949 §4.2.1: a head longer
// than needed, an indefinite length, a float that a shorter width holds
// exactly, or map keys out of bytewise order. It returns the rest of b.
func checkCoreDeterministic(b []byte) ([]byte, error) {
	if len(b) == 0 {
		return nil, errors.New("truncated")
	}
	maj, ai := b[0]>>5, b[0]&0x1f
	var arg uint64
	n := 1
	switch {
	case ai < 24:
		arg = uint64(ai)
	case ai <= 27:
		n += 1 << (ai - 24)
		if len(b) < n {
			return nil, errors.New("truncated head")
		}
		for _, c := range b[1:n] {
			arg = arg<<8 | uint64(c)
		}
	default:
		return nil, fmt.Errorf("additional information %d", ai)
	}
	if maj == 7 {
		switch ai {
		case 25:
			return b[n:], nil
		case 26:
			f := float64(math.Float32frombits(uint32(arg)))
			if _, ok := halfExactRef(f); ok {
				return nil, fmt.Errorf("single %x fits a half", b[:n])
			}
			return b[n:], nil
		case 27:
			f := math.Float64frombits(arg)
			if f != f || float64(float32(f)) == f {
				return nil, fmt.Errorf("double %x fits a shorter width", b[:n])
			}
			return b[n:], nil
		case 24:
			if arg < 32 {
				return nil, fmt.Errorf("two-byte simple value %d", arg)
			}
		}
		return b[n:], nil
	}
	if ai >= 24 && arg < [...]uint64{24, 1 << 8, 1 << 16, 1 << 32}[ai-24] {
		return nil, fmt.Errorf("head %x longer than needed", b[:n])
	}
	b = b[n:]
	switch maj {
	case majBytes, majText:
		if uint64(len(b)) < arg {
			return nil, errors.New("truncated string")
		}
		return b[arg:], nil
	case majArray:
		for range arg {
			var err error
			if b, err = checkCoreDeterministic(b); err != nil {
				return nil, err
			}
		}
	case majMap:
		var prev []byte
		for i := range arg {
			rest, err := checkCoreDeterministic(b)
			if err != nil {
				return nil, err
			}
			key := b[:len(b)-len(rest)]
			if i > 0 && bytes.Compare(prev, key) >= 0 {
				return nil, fmt.Errorf("map key %x after %x", key, prev)
			}
			prev = key
			if b, err = checkCoreDeterministic(rest); err != nil {
				return nil, err
			}
		}
	case majTag:
		return checkCoreDeterministic(b)
	}
	return b, nil
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

// TestEncoderDifferential: every generated scalar and 2000 random nested
// items (maps with keys of mixed types) encode byte for byte as fxamacker
// encodes them, through the Append functions, the Writer and the Writer
// re-encoding the parser's events; deterministic output equals
// fxamacker's CoreDetEncOptions output and keeps RFC 8949 §4.2.1.
func TestEncoderDifferential(t *testing.T) {
	scalars := scalarCases()
	items := slices.Clone(scalars)
	r := rand.New(rand.NewPCG(4, 2))
	for range 2000 {
		items = append(items, randValue(r, scalars, 0))
	}
	var w Writer
	cases, whole := 0, 0
	for _, v := range items {
		want := fxEncode(t, v, false)
		if got := lecpAppend(nil, v); !bytes.Equal(got, want) {
			t.Fatalf("Append: %s\nlecp      %x\nfxamacker %x", describe(v), got, want)
		}
		w.Reset()
		w.Deterministic = false
		lecpWrite(&w, v)
		if got, err := w.Bytes(); err != nil || !bytes.Equal(got, want) {
			t.Fatalf("Writer: %s: %v\nlecp      %x\nfxamacker %x", describe(v), err, got, want)
		}
		if err := Check(want, nil); err != nil {
			t.Fatalf("fxamacker's %s rejected: %v", describe(v), err)
		}
		if got := reencode(t, want); !bytes.Equal(got, want) {
			t.Fatalf("re-encoding fxamacker's %s gave %x", describe(v), got)
		}
		sorted := fxEncode(t, v, true)
		w.Reset()
		w.Deterministic = true
		lecpWrite(&w, v)
		got, err := w.Bytes()
		if err != nil || !bytes.Equal(got, sorted) {
			t.Fatalf("deterministic Writer: %s: %v\nlecp      %x\nsorted    %x", describe(v), err, got, sorted)
		}
		if rest, err := checkCoreDeterministic(got); err != nil || len(rest) != 0 {
			t.Fatalf("deterministic Writer %x: %v (RFC 8949 §4.2.1)", got, err)
		}
		if err := Check(got, &Options{Deterministic: true}); err != nil {
			t.Fatalf("Check(Deterministic) rejects the Writer's %x: %v", got, err)
		}
		if g, ok := goValue(v, false); ok {
			fx, err := fxCoreDet.Marshal(g)
			if err != nil {
				t.Fatalf("fxamacker core deterministic %s: %v", describe(v), err)
			}
			if !bytes.Equal(fx, got) {
				t.Fatalf("deterministic: %s\nlecp      %x\nfxamacker %x", describe(v), got, fx)
			}
			whole++
		}
		cases++
	}
	t.Logf("%d items (%d also through fxamacker's own map sorting)", cases, whole)
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

// TestHeads: the head of every major type at every argument boundary is
// fxamacker's and headLen agrees with it.
func TestHeads(t *testing.T) {
	appenders := map[uint8]func([]byte, uint64) []byte{
		majUint: AppendUint, majNint: AppendNegative, majBytes: AppendBytesHeader, majText: AppendTextHeader,
		majArray: AppendArrayHeader, majMap: AppendMapHeader, majTag: AppendTag,
	}
	for maj, f := range appenders {
		for _, n := range intBoundaries {
			want := fxHead(t, maj, n)
			if got := f(nil, n); !bytes.Equal(got, want) {
				t.Errorf("major %d argument %d: %x, fxamacker %x", maj, n, got, want)
			}
			if headLen(n) != len(want) {
				t.Errorf("headLen(%d) = %d, want %d", n, headLen(n), len(want))
			}
		}
	}
}

// describe is a short description of a generated item for failures.
func describe(v tv) string {
	b := lecpAppend(nil, v)
	if len(b) > 64 {
		return fmt.Sprintf("%x… (%d bytes)", b[:64], len(b))
	}
	return fmt.Sprintf("%x", b)
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
		b := mustHex(t, "81"+tc.hex)
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

// deterministicVerdict compares Check with Deterministic against Check
// without it plus the independent RFC 8949 §4.2.1 walker above.
func deterministicVerdict(t testing.TB, b []byte) bool {
	opts := &Options{MaxDepth: 64}
	det := Check(b, &Options{MaxDepth: 64, Deterministic: true})
	plain := Check(b, opts)
	rest, werr := checkCoreDeterministic(b)
	want := plain == nil && werr == nil && len(rest) == 0
	if errors.Is(plain, ErrDepth) {
		return false
	}
	if (det == nil) != want {
		t.Fatalf("%x: Check(Deterministic) %v; Check %v, §4.2.1 walker %v (rest %d bytes)", b, det, plain, werr, len(rest))
	}
	return det == nil
}

// TestDeterministicVerdict: on the Appendix A items, every cose-wg hex
// field, the fuzz corpora, and everything TestEncoderDifferential's
// deterministic Writer produced, Check with Deterministic accepts exactly
// the valid items that the §4.2.1 walker accepts.
func TestDeterministicVerdict(t *testing.T) {
	n, ok := 0, 0
	for _, b := range diagInputs(t) {
		if deterministicVerdict(t, b) {
			ok++
		}
		n++
	}
	r := rand.New(rand.NewPCG(7, 7))
	scalars := scalarCases()
	var w Writer
	for range 2000 {
		v := randValue(r, scalars, 0)
		for _, det := range []bool{false, true} {
			w.Reset()
			w.Deterministic = det
			lecpWrite(&w, v)
			b, err := w.Bytes()
			if err != nil {
				t.Fatal(err)
			}
			if deterministicVerdict(t, b) {
				ok++
			}
			n++
		}
	}
	t.Logf("%d inputs, %d core deterministic", n, ok)
}

// FuzzDeterministic: TestDeterministicVerdict's comparison on any input.
func FuzzDeterministic(f *testing.F) {
	addSeeds(f)
	for _, h := range []string{"a2 01 00 20 00", "a2 20 00 01 00", "a2 f90000 00 f98000 00", "f97e01", "fa7fc00000", "d90018 00", "a2 6161 00 4161 00", "a2 4161 00 6161 00", "81 19 0017"} {
		f.Add(mustHex(f, h))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		deterministicVerdict(t, b)
	})
}

// TestEncoderDifferentialCorpus: every Appendix A item, cose-wg hex field
// and fuzz corpus entry that both accept, decoded by fxamacker and
// re-encoded with CoreDetEncOptions, equals lecp's deterministic Writer fed
// with lecp's tokens; and lecp's preferred re-encoding reads back to the
// same tokens. Items with tags 0-3 (which fxamacker turns into time.Time
// and big.Int), undefined or other simple values (nil, SimpleValue) are
// left out, as in FuzzDifferential.
func TestEncoderDifferentialCorpus(t *testing.T) {
	compared := 0
	for name, b := range diagInputs(t) {
		if Check(b, &Options{MaxDepth: 64, MaxItems: 2147483647}) != nil {
			continue
		}
		var v any
		if fxDec.Unmarshal(b, &v) != nil {
			continue
		}
		plain := true
		d := NewDecoderBytes(b, nil)
		var w Writer
		w.Deterministic = true
		for {
			tk, err := d.ReadToken()
			if err != nil {
				break
			}
			switch {
			case tk.Kind == TagStart && tk.Uint <= 3, tk.Kind == Undefined, tk.Kind == Simple:
				plain = false
			}
			w.WriteToken(tk)
		}
		if !plain {
			continue
		}
		fx, err := fxEnc.Marshal(v)
		if err != nil {
			continue
		}
		mine, err := w.Bytes()
		if err != nil || !bytes.Equal(mine, fx) {
			t.Errorf("%s: lecp %x (%v)\nfxamacker %x", name, mine, err, fx)
		}
		re := reencode(t, b)
		if got, want := tracePull(re, nil), tracePull(reencodeTokensOnly(b), nil); got != want {
			t.Errorf("%s: preferred re-encoding reads differently", name)
		}
		compared++
	}
	if compared < 500 {
		t.Fatalf("only %d items compared", compared)
	}
	t.Logf("%d items compared", compared)
}

// reencodeTokensOnly re-encodes b through the Decoder's tokens.
func reencodeTokensOnly(b []byte) []byte {
	var w Writer
	d := NewDecoderBytes(b, nil)
	for {
		tk, err := d.ReadToken()
		if err != nil {
			break
		}
		w.WriteToken(tk)
	}
	out, _ := w.Bytes()
	return out
}

// TestWriterHeads: the Writer puts the heads of arrays and maps in place
// when Bytes is called (at once inside map keys and for empty ones), which
// the differential above checks on random items; here the edges: 1000
// nested arrays and maps around content, empty containers next to full
// ones, deterministic maps whose values hold pending heads, keys holding
// containers, and a sequence with Bytes called between items.
func TestWriterHeads(t *testing.T) {
	const depth = 1000
	var w Writer
	var want []byte
	for i := range depth { // [[], …] and {"k": [], "n": …} alternately
		if i%2 == 0 {
			w.BeginArray()
			w.BeginArray()
			w.EndArray()
			want = AppendArrayHeader(AppendArrayHeader(want, 2), 0)
		} else {
			w.BeginMap()
			w.Text("k")
			w.BeginArray()
			w.EndArray()
			w.Text("n")
			want = AppendText(AppendArrayHeader(AppendText(AppendMapHeader(want, 2), "k"), 0), "n")
		}
	}
	w.ByteString(bytes.Repeat([]byte{7}, 300))
	want = AppendBytes(want, bytes.Repeat([]byte{7}, 300))
	for i := depth - 1; i >= 0; i-- {
		if i%2 == 0 {
			w.EndArray()
		} else {
			w.EndMap()
		}
	}
	if got, err := w.Bytes(); err != nil || !bytes.Equal(got, want) {
		t.Fatalf("nested: %v\n%x\nwant\n%x", err, got[:min(len(got), 64)], want[:64])
	}
	if got, _ := w.Bytes(); !bytes.Equal(got, want) {
		t.Fatal("second Bytes differs")
	}
	w.Uint(5) // a second item of a sequence
	w.BeginArray()
	w.Uint(6)
	w.EndArray()
	if got, err := w.Bytes(); err != nil || !bytes.Equal(got, append(bytes.Clone(want), 0x05, 0x81, 0x06)) {
		t.Fatalf("sequence: %x… %v", got[len(got)-4:], err)
	}

	// deterministic: {"b": [[1], []], [1, [2]]: {"y": [], "x": [3]}, "a": [[[4]]]}
	w = Writer{Deterministic: true}
	w.BeginMap()
	w.Text("b")
	w.BeginArray()
	w.BeginArray()
	w.Uint(1)
	w.EndArray()
	w.BeginArray()
	w.EndArray()
	w.EndArray()
	w.BeginArray()
	w.Uint(1)
	w.BeginArray()
	w.Uint(2)
	w.EndArray()
	w.EndArray()
	w.BeginMap()
	w.Text("y")
	w.BeginArray()
	w.EndArray()
	w.Text("x")
	w.BeginArray()
	w.Uint(3)
	w.EndArray()
	w.EndMap()
	w.Text("a")
	w.BeginArray()
	w.BeginArray()
	w.BeginArray()
	w.Uint(4)
	w.EndArray()
	w.EndArray()
	w.EndArray()
	w.EndMap()
	want = mustHex(t, "a3 6161 81818104 6162 82 8101 80 82 01 8102 a2 6178 8103 6179 80")
	if got, err := w.Bytes(); err != nil || !bytes.Equal(got, want) {
		t.Fatalf("deterministic: %x, %v\nwant %x", got, err, want)
	}
	if err := Check(want, &Options{Deterministic: true}); err != nil {
		t.Fatal(err)
	}
}
