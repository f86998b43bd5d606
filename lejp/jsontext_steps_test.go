//go:build goexperiment.jsonv2

package lejp

// The in-step walk of TestJSONTextDiff and FuzzJSONTextDiff: lejp's and
// jsontext's Decoders driven by the same random ReadToken, ReadValue and
// SkipValue calls. See jsontext_diff_test.go.

import (
	"bytes"
	"encoding/json/jsontext"
	"io"
	"math/rand/v2"
	"testing"
)

// stepValues reads in with both decoders (and lejp's over a reader too) in step, each step a ReadToken
// (three in four), ReadValue or SkipValue chosen by rng (ReadToken at an
// end of object or array, where jsontext's ReadValue is an error and
// lejp's reads the end),
// and requires the same values, offsets, depths and pointers. It returns
// the number of steps.
func stepValues(tb testing.TB, in []byte, opts *Options, jopts []jsontext.Options, mode diffMode, rng *rand.Rand) int {
	jd := jsontext.NewDecoder(bytes.NewReader(in), jopts...)
	ld := NewDecoderBytes(in, opts)
	// The same steps through a Decoder over random-sized reads must give
	// what the one over the bytes gives (MaxValueLen raised: a value read
	// whole from an io.Reader is held, one over the bytes is not).
	ropts := *opts
	ropts.MaxValueLen = 1 << 30
	lr := NewDecoder(&randReader{in, rand.New(rand.NewPCG(rng.Uint64(), 1))}, &ropts)
	var end int64
	for step := 0; ; step++ {
		k := jd.PeekKind()
		if k == 0 {
			if _, err := ld.ReadToken(); err != io.EOF {
				tb.Fatalf("%s step %d: jsontext at the end, lejp: %v", quoteShort(in), step, err)
			}
			if _, err := lr.ReadToken(); err != io.EOF {
				tb.Fatalf("%s step %d: jsontext at the end, lejp over a reader: %v", quoteShort(in), step, err)
			}
			return step
		}
		op := rng.IntN(8) // mostly ReadToken, so that the steps go down into the values
		if op > 2 || k == '}' || k == ']' {
			op = 0
		}
		var what string
		switch op {
		case 0:
			jtok, jerr := jd.ReadToken()
			ltok, lerr := ld.ReadToken()
			if jerr != nil || lerr != nil {
				tb.Fatalf("%s step %d ReadToken: jsontext %v, lejp %v", quoteShort(in), step, jerr, lerr)
			}
			j := jtToken(jd, in, jtok, end)
			l := dtok{kind: ltok.Kind, val: string(ltok.Value), start: ltok.Offset, end: ld.InputOffset(), depth: ld.Depth(), ptr: ptrUpTo(ld.Depth(), ld.Pointer), index: -2}
			j.index = -2 // (the Decoder has no Index)
			if rtok, err := lr.ReadToken(); err != nil || rtok.Kind != ltok.Kind || !bytes.Equal(rtok.Value, ltok.Value) || rtok.Offset != ltok.Offset {
				tb.Fatalf("%s step %d ReadToken: lejp over bytes %v %q %d, over a reader %v %q %d %v", quoteShort(in), step, ltok.Kind, ltok.Value, ltok.Offset, rtok.Kind, rtok.Value, rtok.Offset, err)
			}
			if l = mode.normVal([]dtok{l})[0]; j != l {
				tb.Fatalf("%s step %d ReadToken:\njsontext %v\nlejp     %v", quoteShort(in), step, j, l)
			}
			end = j.end
			if lr.InputOffset() != ld.InputOffset() || lr.Depth() != ld.Depth() {
				tb.Fatalf("%s step %d ReadToken: lejp over bytes at %d depth %d, over a reader %d %d", quoteShort(in), step, ld.InputOffset(), ld.Depth(), lr.InputOffset(), lr.Depth())
			}
			continue
		case 1:
			what = "ReadValue"
			jv, jerr := jd.ReadValue()
			lv, lerr := ld.ReadValue()
			if jerr != nil || lerr != nil {
				tb.Fatalf("%s step %d ReadValue: jsontext %v, lejp %v", quoteShort(in), step, jerr, lerr)
			}
			if !bytes.Equal(jv, lv) {
				tb.Fatalf("%s step %d ReadValue:\njsontext %q\nlejp     %q", quoteShort(in), step, jv, lv)
			}
			if rv, err := lr.ReadValue(); err != nil || !bytes.Equal(rv, lv) {
				tb.Fatalf("%s step %d ReadValue: lejp over bytes %q, over a reader %q %v", quoteShort(in), step, lv, rv, err)
			}
		default:
			what = "SkipValue"
			jerr := jd.SkipValue()
			lerr := ld.SkipValue()
			if jerr != nil || lerr != nil {
				tb.Fatalf("%s step %d SkipValue: jsontext %v, lejp %v", quoteShort(in), step, jerr, lerr)
			}
			if err := lr.SkipValue(); err != nil {
				tb.Fatalf("%s step %d SkipValue: lejp over a reader: %v", quoteShort(in), step, err)
			}
		}
		end = jd.InputOffset()
		jp, lp := "", ""
		if jd.StackDepth() <= maxPtrDepth {
			jp, lp = string(jd.StackPointer()), ld.Pointer()
			if mode&2 != 0 {
				lp = string([]rune(lp)) // (normVal)
			}
		}
		if ro, rp := lr.InputOffset(), ptrUpTo(lr.Depth(), lr.Pointer); ro != ld.InputOffset() || lr.Depth() != ld.Depth() || (jp != "" && rp != ld.Pointer()) {
			tb.Fatalf("%s step %d %s: lejp over bytes at %d depth %d, over a reader %d %d %q", quoteShort(in), step, what, ld.InputOffset(), ld.Depth(), ro, lr.Depth(), rp)
		}
		if lo := ld.InputOffset(); lo != end || jp != lp || jd.StackDepth() != ld.Depth() {
			tb.Fatalf("%s step %d %s: jsontext offset %d depth %d pointer %q, lejp %d %d %q", quoteShort(in), step, what, end, jd.StackDepth(), jp, lo, ld.Depth(), lp)
		}
	}
}
