package lejp

import (
	"math/rand/v2"
	"testing"
	"unicode/utf8"
)

// TestUTF8Run: whatever utf8Run accepts (two 3-byte sequences per word, or
// one 2- or 3-byte sequence at a time) is well-formed UTF-8 made of whole
// sequences, over random bytes biased towards lead and continuation bytes,
// and it takes runs of CJK text to their end.
func TestUTF8Run(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	pick := []byte{0x80, 0x9F, 0xA0, 0xBF, 0xC0, 0xC2, 0xDF, 0xE0, 0xE1, 0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF4, 'a', '"'}
	buf := make([]byte, 24)
	for n := 0; n < 200000; n++ {
		for i := range buf {
			if r.IntN(4) == 0 {
				buf[i] = byte(r.IntN(256))
			} else {
				buf[i] = pick[r.IntN(len(pick))]
			}
		}
		if k := utf8Run(buf, 0, len(buf)); k > 0 && !utf8.Valid(buf[:k]) {
			t.Fatalf("utf8Run % x: took %d bytes, not valid UTF-8", buf, k)
		}
	}
	cjk := []byte("名前前田あゆみ第一印象なんか怖っ")
	if k := utf8Run(cjk, 0, len(cjk)); k != len(cjk) {
		t.Errorf("CJK run: %d of %d bytes", k, len(cjk))
	}
}

// utf8Want is the longest run of whole, well-formed non-ASCII UTF-8
// sequences at the start of b: what fastUTF8 must take.
func utf8Want(b []byte) int {
	k := 0
	for k < len(b) {
		r, size := utf8.DecodeRune(b[k:])
		if (r == utf8.RuneError && size == 1) || r < 0x80 {
			break
		}
		k += size
	}
	return k
}

// TestFastUTF8Runs: fastUTF8 (four and two 3-byte sequences a step, then
// one sequence at a time) takes exactly the longest well-formed run, for
// runs of 1 to 13 sequences of each lead class (ending before, at and
// after every 6-, 8-, 12-, 14- and 16-byte step, with 0 to 15 bytes after
// them, up to the end of the buffer), with each byte of the run replaced
// by each byte that matters: continuation bytes at the edges of the E0 and
// ED second-byte ranges (overlong forms and surrogates), other leads,
// ASCII, a quote and bytes that are never UTF-8.
func TestFastUTF8Runs(t *testing.T) {
	seqs := [][]byte{
		[]byte("名"), []byte("あ"), []byte("\uff01"), []byte("\u1000"), []byte("\ud7ff"), []byte("\ue000"),
		[]byte("\u0800"), []byte("\u0fff"), []byte("é"), []byte("😋"),
	}
	bad := []byte{0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xE1, 0xEC, 0xED, 0xEE, 0xEF,
		0xF0, 0xF4, 0xF5, 0xFF, 0x00, 0x7F, '"', 'a'}
	tails := [][]byte{nil, []byte("a"), []byte("\""), []byte("名"), []byte("\xe0\x9f\xbf"), []byte("\xed\xa0\x80"),
		[]byte("\xe0\xa0\x80abcdefghijkl"), []byte("\xed\x9f\xbf名名名名")}
	var buf []byte
	check := func(b []byte) {
		t.Helper()
		if got, want := fastUTF8(b, 0), utf8Want(b); got != want {
			t.Fatalf("fastUTF8(% x) = %d, want %d", b, got, want)
		}
	}
	for _, a := range seqs {
		for _, z := range seqs {
			for n := 1; n <= 13; n++ {
				for _, tail := range tails {
					// n sequences: a, then z (a second class from the
					// third on), then tail.
					buf = buf[:0]
					for k := 0; k < n; k++ {
						if k < 2 {
							buf = append(buf, a...)
						} else {
							buf = append(buf, z...)
						}
					}
					run := len(buf)
					buf = append(buf, tail...)
					check(buf)
					for p := 0; p < run; p++ {
						old := buf[p]
						for _, c := range bad {
							buf[p] = c
							check(buf)
						}
						buf[p] = old
					}
					check(buf[:run-1])
				}
			}
		}
	}
}
