package lejp

import (
	"bytes"
	"math/rand/v2"
	"testing"
)

// checkMatchesOld runs appendString and appendEscaped on s (as a string
// and as a byte slice, strict and not) appending to a dst of length pre
// and capacity pre+spare whose every byte, spare capacity included, is
// filled from fill, and compares them with the escaping before the
// word-at-a-time version (appendStringOld, appendEscapedOld, on a copy of
// dst): the same ok flag and, when ok, the same bytes; dst's
// first pre bytes untouched; and when the result is in dst's array and ok,
// the bytes of that array past the result as they were.
func checkMatchesOld(t *testing.T, s []byte, pre, spare int, fill uint64) {
	t.Helper()
	orig := make([]byte, pre+spare)
	r := rand.New(rand.NewPCG(fill, uint64(len(s))))
	for i := range orig {
		orig[i] = byte(r.Uint32())
	}
	for _, quoted := range []bool{true, false} {
		for _, strict := range []bool{false, true} {
			for _, asBytes := range []bool{false, true} {
				dst := append(make([]byte, 0, len(orig)), orig...)[:pre]
				old := append(make([]byte, 0, len(orig)), orig...)[:pre]
				var got, want []byte
				var ok, wok bool
				switch {
				case quoted && asBytes:
					got, ok = appendString(dst, s, strict)
					want, wok = appendStringOld(old, s, strict)
				case quoted:
					got, ok = appendString(dst, string(s), strict)
					want, wok = appendStringOld(old, string(s), strict)
				case asBytes:
					got, ok = appendEscaped(dst, s, strict)
					want, wok = appendEscapedOld(old, s, strict)
				default:
					got, ok = appendEscaped(dst, string(s), strict)
					want, wok = appendEscapedOld(old, string(s), strict)
				}
				// A refusal's partial output is dropped by every caller
				// (and is longer now: the plain words stored before it).
				if ok != wok || ok && !bytes.Equal(got, want) {
					t.Fatalf("quoted %v strict %v bytes %v, s %q, dst %d+%d: got %q, %v; old %q, %v",
						quoted, strict, asBytes, s, pre, spare, got, ok, want, wok)
				}
				all := dst[:cap(dst)]
				if !bytes.Equal(all[:pre], orig[:pre]) {
					t.Fatalf("quoted %v strict %v bytes %v, s %q: dst[:%d] written over",
						quoted, strict, asBytes, s, pre)
				}
				if ok && cap(dst) > 0 && cap(got) == cap(dst) && &got[:1][0] == &all[0] &&
					!bytes.Equal(all[len(got):], orig[len(got):]) {
					t.Fatalf("quoted %v strict %v bytes %v, s %q, dst %d+%d: bytes past the output written",
						quoted, strict, asBytes, s, pre, spare)
				}
			}
		}
	}
}

// checkAliasedMatchesOld appends s, placed at buf[pre+k:], to buf[:pre]
// (so that the output is written over s as it is read, k bytes behind),
// with the new and the old escaping, and fails if the old one gave the
// output s has unaliased and the new one does not: a string read from the
// spare capacity it is escaped into, as in AppendStringBytes(b[:0],
// b[k:]), must come out as it did before.
func checkAliasedMatchesOld(t *testing.T, s []byte, pre, k int) {
	t.Helper()
	ref, _ := appendStringOld(nil, s, false)
	ref = append(make([]byte, pre), ref...)
	run := func(f func([]byte, []byte, bool) ([]byte, bool)) []byte {
		buf := make([]byte, pre+k+len(s)+8)
		copy(buf[pre+k:], s)
		out, _ := f(buf[:pre], buf[pre+k:pre+k+len(s)], false)
		return out
	}
	if old := run(appendStringOld[[]byte]); !bytes.Equal(old, ref) {
		return // wrong before too
	}
	if got := run(appendString[[]byte]); !bytes.Equal(got, ref) {
		t.Fatalf("s %q at dst[%d+%d:], aliased: got %q, want %q", s, pre, k, got, ref)
	}
}

// escapeDiffPieces are what the random strings are made of: plain ASCII
// and every unit the escaping treats apart (escapeUnits).
func randomEscapeInput(r *rand.Rand) []byte {
	n := r.IntN(48)
	if r.IntN(8) == 0 {
		n = r.IntN(300)
	}
	var b []byte
	for len(b) < n {
		switch r.IntN(6) {
		case 0:
			b = append(b, escapeUnits[r.IntN(len(escapeUnits))]...)
		case 1:
			b = append(b, byte(r.Uint32()))
		case 2:
			b = append(b, "日本語"[:3*(1+r.IntN(3))]...)
		default:
			b = append(b, "abcdefghijklmnopqrstuvwxyz"[:1+r.IntN(26)]...)
		}
	}
	if r.IntN(3) == 0 {
		b = b[:n]
	}
	return b
}

// TestAppendStringMatchesOld compares the escaping with the one it
// replaced on random strings, into dsts of random length and capacity.
func TestAppendStringMatchesOld(t *testing.T) {
	r := rand.New(rand.NewPCG(23, 11))
	iters := 100000
	if testing.Short() {
		iters = 10000
	}
	for range iters {
		s := randomEscapeInput(r)
		pre := r.IntN(20)
		spare := r.IntN(3*len(s) + 20)
		if r.IntN(4) == 0 {
			spare = len(s) + 2 + r.IntN(3) - 1 // about the room appendString reserves
		}
		checkMatchesOld(t, s, pre, spare, r.Uint64())
		checkAliasedMatchesOld(t, s, pre, r.IntN(12))
	}
}

// FuzzAppendStringMatchesOld is TestAppendStringMatchesOld's check on
// fuzzed strings and dsts.
func FuzzAppendStringMatchesOld(f *testing.F) {
	for _, u := range escapeUnits {
		f.Add([]byte("abcdefgh"+u+"ijklmnopqrstuvw"), uint8(3), uint8(30), uint64(1), uint8(2))
	}
	f.Add([]byte("abcdefghijklmnopqrst\"uvwxyz0123456789"), uint8(0), uint8(60), uint64(7), uint8(2))
	f.Fuzz(func(t *testing.T, s []byte, pre, spare uint8, fill uint64, k uint8) {
		checkMatchesOld(t, s, int(pre), int(spare), fill)
		checkAliasedMatchesOld(t, s, int(pre%16), int(k%16))
	})
}
