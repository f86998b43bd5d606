package lejp

import (
	"math/rand/v2"
	"testing"
	"unicode/utf8"
)

// TestAppendStringRandomShort compares the word-at-a-time escaping with
// the rune-at-a-time oracle (appendStringRef) on random strings of 0 to
// 24 bytes built from the bytes that matter and from whole sequences of
// each length, so that sequences straddle the eight-byte word at every
// offset and strings end inside sequences; through AppendString,
// AppendStringBytes, Writer.String and StringBytes, and string pieces cut
// at two random places (the pending-bytes path), strict and not.
func TestAppendStringRandomShort(t *testing.T) {
	const bytesThatMatter = "a\"\\\n\t\x00\x1f\x7f\x80\xbf\xc1\xc2\xdf\xe0\xa0\xed\x9f\xee\xef\xf0\x90\xf4\x8f\xf5\xff"
	seqs := []string{"a", "\"", "\x01", "é", "\u07ff", "\u0800", "€", "\ud7ff", "\ue000", "\uffff",
		"\U00010000", "😀", "\U0010ffff"}
	r := rand.New(rand.NewPCG(3, 5))
	var got, want []byte
	for iter := range 200000 {
		var b []byte
		n := r.IntN(25)
		for len(b) < n {
			if r.IntN(3) == 0 {
				b = append(b, bytesThatMatter[r.IntN(len(bytesThatMatter))])
			} else {
				b = append(b, seqs[r.IntN(len(seqs))]...)
			}
		}
		if r.IntN(2) == 0 && len(b) > n {
			b = b[:n] // ending inside a sequence
		}
		s := string(b)
		for _, strict := range []bool{false, true} {
			var ok, wok bool
			want, wok = appendStringRef(want[:0], s, strict)
			got, ok = appendString(got[:0], s, strict)
			if ok != wok || ok && string(got) != string(want) {
				t.Fatalf("appendString(%q, %v) = %q, %v; want %q, %v", s, strict, got, ok, want, wok)
			}
			got, ok = appendString(got[:0], b, strict)
			if ok != wok || ok && string(got) != string(want) {
				t.Fatalf("appendString([]byte(%q), %v) = %q, %v; want %q, %v", s, strict, got, ok, want, wok)
			}
			if !strict {
				if a := AppendStringBytes(nil, b); string(a) != string(want) {
					t.Fatalf("AppendStringBytes(%q) = %q; want %q", s, a, want)
				}
			}
			ws := `[1,` + string(want) + `]`
			for form := range 3 {
				i := r.IntN(len(s) + 1)
				j := i + r.IntN(len(s)-i+1)
				out, err := writeStringForm(s, !strict, form, i, j)
				if wok && (err != nil || string(out) != ws) || !wok && err == nil {
					t.Fatalf("iter %d form %d: Writer(%q, allow %v) = %q, %v; want %q, ok %v",
						iter, form, s, !strict, out, err, ws, wok)
				}
			}
			if wok != (!strict || utf8.ValidString(s)) {
				t.Fatal("oracle")
			}
		}
	}
}
