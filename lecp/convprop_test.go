package lecp

import (
	"bytes"
	"errors"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/lwscrypto/lwscrypto/lejp"
)

// genItem appends a random CBOR item of at most depth levels: every major
// type, definite and indefinite lengths, tags 2, 3, 21 to 23 and others,
// floats of every width including NaN, the infinities, -0 and subnormals,
// text with escapes, controls and non-BMP characters, and map keys of every
// kind (which may collide after conversion, or repeat: the caller skips
// what Check refuses).
func genItem(r *rand.Rand, b []byte, depth int) []byte {
	texts := []string{"", "a", "1", "-1", "\"", "\\", "\x00\x1f\x7f", "é", "😀", "h'01'", "NaN", "2(h'01')", "\u2028", "18446744073709551616"}
	n := r.IntN(20)
	if depth <= 0 && n >= 14 {
		n = r.IntN(14)
	}
	switch n {
	case 0:
		return AppendUint(b, []uint64{0, 1, 23, 24, 255, 256, 1 << 32, math.MaxUint64}[r.IntN(8)])
	case 1:
		return AppendNegative(b, []uint64{0, 1, 23, 24, 255, math.MaxUint64}[r.IntN(6)])
	case 2:
		bs := make([]byte, r.IntN(12))
		for i := range bs {
			bs[i] = byte(r.IntN(256))
		}
		return AppendBytes(b, bs)
	case 3:
		return AppendText(b, texts[r.IntN(len(texts))])
	case 4:
		fs := []float64{0, math.Copysign(0, -1), 1, 1.5, -2.5, 1e21, 1e-7, 5e-324, math.MaxFloat64, math.NaN(), math.Inf(1), math.Inf(-1), 65504, 1.0 / 3}
		f := fs[r.IntN(len(fs))]
		switch r.IntN(3) {
		case 0:
			return AppendFloat(b, f)
		case 1:
			return AppendFloat32(b, float32(f))
		}
		return AppendFloat64(b, f)
	case 5:
		simple := [][]byte{{0xf4}, {0xf5}, {0xf6}, {0xf7}, {0xe0}, {0xf3}, {0xf8, 0x20}, {0xf8, 0xff}}
		return append(b, simple[r.IntN(len(simple))]...)
	case 6:
		mag := make([]byte, []int{0, 1, 8, 9, 20}[r.IntN(5)])
		for i := range mag {
			mag[i] = byte(r.IntN(256))
		}
		return AppendBytes(AppendTag(b, uint64(2+r.IntN(2))), mag)
	case 7:
		b = AppendIndefiniteText(b)
		for range r.IntN(3) {
			b = AppendText(b, texts[r.IntN(len(texts))])
		}
		return AppendBreak(b)
	case 8:
		b = AppendIndefiniteBytes(b)
		for range r.IntN(3) {
			b = AppendBytes(b, []byte{byte(r.IntN(256))})
		}
		return AppendBreak(b)
	case 9, 10, 11, 12, 13:
		return AppendText(b, texts[r.IntN(len(texts))])
	case 14, 15:
		k := r.IntN(4)
		indef := r.IntN(3) == 0
		if indef {
			b = AppendIndefiniteArray(b)
		} else {
			b = AppendArrayHeader(b, uint64(k))
		}
		for range k {
			b = genItem(r, b, depth-1)
		}
		if indef {
			b = AppendBreak(b)
		}
		return b
	case 16, 17:
		k := r.IntN(4)
		indef := r.IntN(3) == 0
		if indef {
			b = AppendIndefiniteMap(b)
		} else {
			b = AppendMapHeader(b, uint64(k))
		}
		for range k {
			if r.IntN(2) == 0 {
				b = genKey(r, b)
			} else {
				b = genItem(r, b, depth-1)
			}
			b = genItem(r, b, depth-1)
		}
		if indef {
			b = AppendBreak(b)
		}
		return b
	}
	return genItem(r, AppendTag(b, []uint64{0, 2, 3, 21, 22, 23, 32, 1 << 40}[r.IntN(8)]), depth-1)
}

// genKey appends one of a few map keys whose JSON member names collide:
// 1 and "1", h'01' and "h'01'", NaN and "NaN", 2(h'01') and "2(h'01')".
func genKey(r *rand.Rand, b []byte) []byte {
	switch r.IntN(8) {
	case 0:
		return AppendUint(b, 1)
	case 1:
		return AppendText(b, "1")
	case 2:
		return AppendBytes(b, []byte{1})
	case 3:
		return AppendText(b, "h'01'")
	case 4:
		return AppendFloat(b, math.NaN())
	case 5:
		return AppendText(b, "NaN")
	case 6:
		return AppendBytes(AppendTag(b, 2), []byte{1})
	}
	return AppendText(b, "2(h'01')")
}

// TestToJSONStrictLejp: for random well-formed CBOR, AppendJSON either
// reports a key collision or writes JSON that lejp.Check accepts with its
// default (strict) options; and FromJSON converts that JSON back, and
// AppendJSON of the result gives the same text (JSON → CBOR → JSON is the
// identity on what AppendJSON writes, but for -0).
func TestToJSONStrictLejp(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	ok, collide := 0, 0
	for i := 0; i < 20000; i++ {
		b := genItem(r, nil, 4)
		if Check(b, nil) != nil {
			continue
		}
		j, err := AppendJSON(nil, b, nil)
		if errors.Is(err, ErrKeyCollision) {
			collide++
			continue
		}
		if err != nil {
			t.Fatalf("%x: %v", b, err)
		}
		if err := lejp.Check(j, nil); err != nil {
			t.Fatalf("%x: JSON %s: lejp: %v", b, j, err)
		}
		c, err := FromJSON(nil, bytes.NewReader(j), false)
		if err != nil {
			t.Fatalf("%x: JSON %s: FromJSON: %v", b, j, err)
		}
		j2, err := AppendJSON(nil, c, nil)
		if err == nil && !bytes.Equal(j, j2) && bytes.Contains(j, []byte("-0")) {
			continue // -0 reads back as the integer 0, by design (TestFromJSONRules)
		}
		if err != nil || !bytes.Equal(j, j2) {
			t.Fatalf("%x: JSON %s, then %x, then %s, %v", b, j, c, j2, err)
		}
		ok++
	}
	if ok < 5000 || collide == 0 {
		t.Fatalf("%d items converted, %d collisions: the generator does not cover enough", ok, collide)
	}
	t.Logf("%d converted, %d collisions", ok, collide)
}
