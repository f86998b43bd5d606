package lecp

import (
	"bytes"
	"encoding/hex"
	"math/rand/v2"
	"testing"
)

// The two directions of diagnostic notation together: AppendDiagExact's
// text determines the bytes, and FromDiag rebuilds them, byte for byte, for
// every well-formed input (AppendDiag's text, which names no widths, comes
// back in preferred serialization).

// TestDiagExactRoundTripAppendixA: every well-formed item of RFC 8949
// Appendix A comes back from its AppendDiagExact text exactly, and from its
// AppendDiag text as the Writer's preferred re-encoding.
func TestDiagExactRoundTripAppendixA(t *testing.T) {
	n := 0
	for _, it := range loadAppendix(t) {
		if it.Hex == "f818" {
			continue // not well-formed (erratum 5917)
		}
		b, err := hex.DecodeString(it.Hex)
		if err != nil {
			t.Fatal(err)
		}
		exact, err := AppendDiagExact(nil, b, nil)
		if err != nil {
			t.Fatalf("%s: %v", it.Hex, err)
		}
		got, err := FromDiag(nil, exact, nil)
		if err != nil || !bytes.Equal(got, b) {
			t.Errorf("%s: %s gives %x, %v", it.Hex, exact, got, err)
		}
		plain, _ := AppendDiag(nil, b, nil)
		back, err := FromDiag(nil, plain, nil)
		if err != nil {
			t.Errorf("%s: %s: %v", it.Hex, plain, err)
		} else if again, _ := AppendDiag(nil, back, nil); !bytes.Equal(again, plain) {
			t.Errorf("%s: %s gives %x, which reads %s", it.Hex, plain, back, again)
		}
		n++
	}
	if n != 81 {
		t.Fatalf("%d items, want 81", n)
	}
}

// TestDiagExactRoundTripRandom: random items in random head widths (the
// generator of TestDiagExactDeterminesEncoding: every kind of head, floats
// of every width with NaN payloads, bignums, indefinite lengths) come back
// from their AppendDiagExact text exactly.
func TestDiagExactRoundTripRandom(t *testing.T) {
	wide := 0
	for seed := range uint64(3000) {
		for w := range uint64(4) {
			g := diagGen{r: rand.New(rand.NewPCG(seed, 1)), w: rand.New(rand.NewPCG(seed, w+2)), wide: w > 0}
			b := g.item(nil)
			exact, err := AppendDiagExact(nil, b, nil)
			if err != nil {
				t.Fatalf("seed %d: %x: %v", seed, b, err)
			}
			got, err := FromDiag(nil, exact, nil)
			if err != nil || !bytes.Equal(got, b) {
				t.Fatalf("seed %d: %x\n%s\ngives %x, %v", seed, b, exact, got, err)
			}
			if bytes.IndexByte(exact, '_') >= 0 {
				wide++
			}
		}
	}
	if wide < 3000 {
		t.Fatalf("only %d texts with an indicator or an indefinite length", wide)
	}
}

// FuzzDiagExactRoundTrip: whatever Check accepts, FromDiag rebuilds
// exactly from its AppendDiagExact text (a sequence too).
func FuzzDiagExactRoundTrip(f *testing.F) {
	addDiagExactSeeds(f)
	f.Fuzz(func(t *testing.T, b []byte, seq bool) {
		opts := &Options{AllowSequence: seq, MaxDepth: 64}
		if Check(b, opts) != nil {
			return
		}
		exact, err := AppendDiagExact(nil, b, opts)
		if err != nil {
			t.Fatalf("%x: Check accepts, AppendDiagExact: %v", b, err)
		}
		got, err := FromDiag(nil, exact, opts)
		if err != nil || !bytes.Equal(got, b) {
			t.Fatalf("%x\n%s\ngives %x, %v", b, exact, got, err)
		}
	})
}
