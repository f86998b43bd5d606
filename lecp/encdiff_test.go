package lecp

// Encoder differential: lecp's Append functions and Writer against
// github.com/fxamacker/cbor/v2 configured for the same rules
// (PreferredUnsortedEncOptions, CoreDetEncOptions: shortest heads,
// ShortestFloat16, NaN as f97e00, infinities as half) and against RFC 8949
// §4.2.1 (map keys in the bytewise lexicographic order of their encodings),
// checked by a small walker that shares no code with lecp (determ_test.go).

import (
	"bytes"
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
