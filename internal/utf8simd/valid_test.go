package utf8simd

// The tests compare Valid with unicode/utf8.Valid: sequences of every
// class placed across the 32-byte block edges, every byte pair, random
// text and its corruptions, and every truncation. In the simd build with
// AVX2, agree also runs the vector routine directly on inputs long
// enough for it (from 35 bytes), which these reach at every offset;
// valid_amd64_test.go adds the check of its tables.

import (
	"bytes"
	"math/rand/v2"
	"testing"
	"unicode/utf8"
)

// agree fails t unless Valid's verdict on b is utf8.Valid's, and so is the
// vector routine's where the build has one for b's length.
func agree(t *testing.T, b []byte) bool {
	t.Helper()
	want := utf8.Valid(b)
	if got := Valid(b); got != want {
		t.Errorf("Valid(% x) = %v, utf8.Valid says %v", b, got, want)
		return false
	}
	if fn, min := vectorRoutine(); fn != nil && len(b) >= min {
		if got := fn(b); got != want {
			t.Errorf("vector routine(% x) = %v, utf8.Valid says %v", b, got, want)
			return false
		}
	}
	return true
}

// boundaryBytes are the bytes where UTF-8's rules change: ASCII ends,
// continuation ranges split (80–8F, 90–9F, A0–BF), leads C0/C1 (never
// valid), E0/ED/F0/F4 (restricted second byte) and F5–FF (never valid).
var boundaryBytes = []byte{
	0x00, 0x41, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf,
	0xc0, 0xc1, 0xc2, 0xdf, 0xe0, 0xe1, 0xec, 0xed, 0xee, 0xef,
	0xf0, 0xf1, 0xf3, 0xf4, 0xf5, 0xf7, 0xf8, 0xfe, 0xff,
}

// sequences returns 1- to 4-byte sequences, valid and not: every
// boundary lead alone, followed by every boundary second byte, and then by
// a continuation (80, BF) or not (41, C2) as third byte, and BF or 41 as
// fourth.
func sequences() [][]byte {
	var out [][]byte
	tails := []byte{0x80, 0xbf, 0x41, 0xc2}
	for _, a := range boundaryBytes {
		out = append(out, []byte{a})
		for _, b := range boundaryBytes {
			out = append(out, []byte{a, b})
			if a < 0xe0 {
				continue // a third byte starts a new sequence
			}
			for _, c := range tails {
				out = append(out, []byte{a, b, c})
				if a < 0xf0 {
					continue
				}
				for _, d := range tails[1:3] {
					out = append(out, []byte{a, b, c, d})
				}
			}
		}
	}
	return out
}

// TestSequencesAtEveryOffset places every sequence at every offset 0..70
// of ASCII text of every length 0..100 (the sequence inserted at the
// offset, or at the end of shorter text), so that each straddles the
// block edges at 32 and 64 in every way.
func TestSequencesAtEveryOffset(t *testing.T) {
	maxLen, maxOff := 100, 70
	if testing.Short() {
		maxLen, maxOff = 70, 66
	}
	ascii := bytes.Repeat([]byte("a"), maxLen)
	buf := make([]byte, 0, maxLen+4)
	for _, seq := range sequences() {
		for n := 0; n <= maxLen; n++ {
			for off := 0; off <= min(n, maxOff); off++ {
				buf = append(append(append(buf[:0], ascii[:off]...), seq...), ascii[off:n]...)
				if !agree(t, buf) {
					return
				}
			}
		}
	}
}

// TestEveryPair checks every pair of bytes followed by a continuation or
// not, at offsets around the first block edge and at the end of the input.
func TestEveryPair(t *testing.T) {
	ascii := bytes.Repeat([]byte("a"), 64)
	var buf []byte
	for a := range 256 {
		for b := range 256 {
			for _, tail := range [][]byte{{0x80, 0x80}, {0x80, 0x41}, {0x41}, {0xbf, 0xbf, 0xbf}, nil} {
				for _, off := range []int{0, 29, 30, 31, 32, 62} {
					buf = append(append(append(buf[:0], ascii[:off]...), byte(a), byte(b)), tail...)
					if !agree(t, buf) {
						return
					}
					buf = append(buf, ascii[:33]...)
					if !agree(t, buf) {
						return
					}
				}
			}
		}
	}
}

// randomText returns n runes of a mix: ASCII, Latin-1, CJK (3 bytes),
// emoji (4 bytes), and the edges U+7FF, U+FFFF, U+10000, U+10FFFF.
func randomText(r *rand.Rand, n int) []byte {
	var b []byte
	for range n {
		var c rune
		switch r.IntN(8) {
		case 0, 1, 2:
			c = rune(0x20 + r.IntN(0x5f))
		case 3:
			c = rune(0xa0 + r.IntN(0x560))
		case 4, 5:
			c = rune(0x4e00 + r.IntN(0x5200))
		case 6:
			c = rune(0x1f300 + r.IntN(0x300))
		default:
			c = []rune{0x7ff, 0x800, 0xd7ff, 0xe000, 0xffff, 0x10000, 0x10ffff}[r.IntN(7)]
		}
		b = utf8.AppendRune(b, c)
	}
	return b
}

// TestRandom compares verdicts on random text, mostly ASCII or mostly
// not, and on copies with one byte changed, inserted or deleted.
func TestRandom(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	rounds := 20000
	if testing.Short() {
		rounds = 2000
	}
	for range rounds {
		b := randomText(r, r.IntN(120))
		if r.IntN(3) == 0 { // long ASCII stretches too
			b = append(append(bytes.Repeat([]byte("x"), r.IntN(100)), b...), bytes.Repeat([]byte("y"), r.IntN(100))...)
		}
		if !agree(t, b) {
			return
		}
		if len(b) == 0 {
			continue
		}
		c := bytes.Clone(b)
		c[r.IntN(len(c))] = byte(r.Uint32())
		if !agree(t, c) {
			return
		}
		i := r.IntN(len(b))
		if !agree(t, append(append(bytes.Clone(b[:i]), byte(r.Uint32())), b[i:]...)) {
			return
		}
		if !agree(t, append(bytes.Clone(b[:i]), b[i+1:]...)) {
			return
		}
	}
}

// TestTruncated checks every prefix of text ending in sequences of every
// length, so that inputs end in the middle of a sequence at every place
// relative to the block edges.
func TestTruncated(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	texts := [][]byte{
		[]byte("€𝄞é中\U0010ffff\u07ff"),
		bytes.Repeat([]byte("日本語𝄞"), 20),
		randomText(r, 200),
	}
	for _, s := range texts {
		for pre := range 40 {
			b := append(bytes.Repeat([]byte("a"), pre), s...)
			for n := range len(b) + 1 {
				if !agree(t, b[:n]) {
					return
				}
			}
		}
	}
}

// TestKnown checks a few verdicts by hand, in case utf8.Valid and Valid
// were both wrong in the same way (or the same function).
func TestKnown(t *testing.T) {
	long := bytes.Repeat([]byte("a"), 40)
	for _, c := range []struct {
		s    string
		want bool
	}{
		{"", true},
		{"héllo, 世界 😀", true},
		{"\xc0\x80", false},         // overlong NUL
		{"\xe0\x9f\xbf", false},     // overlong U+07FF
		{"\xed\xa0\x80", false},     // surrogate U+D800
		{"\xf4\x90\x80\x80", false}, // U+110000
		{"\xf0\x8f\xbf\xbf", false}, // overlong U+FFFF
		{"\xe2\x82", false},         // truncated €
		{"\x80", false},             // lone continuation
	} {
		for _, b := range [][]byte{[]byte(c.s), append(bytes.Clone(long), c.s...), append([]byte(c.s), long...)} {
			if got := Valid(b); got != c.want {
				t.Errorf("Valid(%q) = %v, want %v", b, got, c.want)
			}
		}
	}
}

// FuzzValid compares Valid with utf8.Valid.
func FuzzValid(f *testing.F) {
	for _, s := range []string{"", "a", "héllo", "\xed\xa0\x80", "\xf4\x90\x80\x80",
		"0123456789abcdef0123456789abcde\xe2\x82\xac", "日本語日本語日本語日本語日本語日本語日本語"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		agree(t, b)
	})
}
