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
