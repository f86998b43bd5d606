package lecp

// Core deterministic encoding (RFC 8949 §4.2.1): Check with Deterministic
// against a walker written here that shares no code with lecp.

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/lwscrypto/lwscrypto/internal/testenv"
)

// checkCoreDeterministic walks the encoded item b (with its own head
// parser) and reports the first breach of RFC 8949 §4.2.1: a head longer
// than needed, an indefinite length, a float that a shorter width holds
// exactly, a bignum not in preferred serialization (§3.4.3), or map keys
// out of bytewise order. It returns the rest of b.
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
		rest, err := checkCoreDeterministic(b)
		if err != nil {
			return nil, err
		}
		// a bignum's byte string in preferred serialization (§3.4.3):
		// more than 8 bytes (fewer fit major type 0 or 1), no leading zero
		if c := b[:len(b)-len(rest)]; (arg == 2 || arg == 3) && c[0]>>5 == majBytes {
			hl := 1
			if c[0]&0x1f >= 24 {
				hl += 1 << (c[0]&0x1f - 24)
			}
			if s := c[hl:]; len(s) <= 8 || s[0] == 0 {
				return nil, fmt.Errorf("bignum %d(h'%x') not in preferred serialization", arg, s)
			}
		}
		return rest, nil
	}
	return b, nil
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
	for _, h := range []string{"a2 01 00 20 00", "a2 20 00 01 00", "a2 f90000 00 f98000 00", "f97e01", "fa7fc00000", "d90018 00", "a2 6161 00 4161 00", "a2 4161 00 6161 00", "81 19 0017", "c24101", "c3420001", "c249010000000000000000", "a1 c24100 00"} {
		f.Add(testenv.Hex(f, h))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		deterministicVerdict(t, b)
	})
}
