package lejp

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/lwscrypto/lwscrypto/internal/testenv"
)

// appendStringRef is AppendString's rule written one rune at a time, the
// oracle of the word-at-a-time appendString: '"', '\\' and U+0000–U+001F
// escaped, every other well-formed rune copied, each byte that does not
// start a well-formed UTF-8 sequence written \ufffd (or, when strict, a
// refusal: false).
func appendStringRef(dst []byte, s string, strict bool) ([]byte, bool) {
	dst = append(dst, '"')
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			if strict {
				return dst, false
			}
			dst = append(dst, `\ufffd`...)
		case r < 0x20 || r == '"' || r == '\\':
			dst = appendEscape(dst, byte(r))
		default:
			dst = append(dst, s[i:i+n]...)
		}
		i += n
	}
	return append(dst, '"'), true
}

// appendStringSegments are the pieces TestAppendStringAgrees joins: plain
// ASCII, each byte the writer escapes, well-formed sequences of each
// length (the bounds of each lead's range included) and the ill-formed
// ones (lone continuation bytes, overlong forms, surrogates, code points
// past U+10FFFF, truncated sequences, bytes no sequence starts with).
var appendStringSegments = []string{
	"a", "abcdefg", "\"", "\\", "\x00", "\x1f", "\x7f", "/",
	"é", "\u0080", "\u07ff", "\u0800", "€", "\ud7ff", "\ue000", "\uffff", "日本語",
	"\U00010000", "😀", "\U0010ffff", "\u2028",
	"\x80", "\xbf", "\xc0\x80", "\xc1\xbf", "\xc2", "\xe0\x80\x80", "\xe0\x9f\xbf", "\xed\xa0\x80",
	"\xed\xbf\xbf", "\xe2\x82", "\xf0\x80\x80\x80", "\xf0\x8f\xbf\xbf", "\xf4\x90\x80\x80", "\xf5\x80\x80\x80",
	"\xf0\x9f\x98", "\xf8", "\xfe", "\xff",
}

// TestAppendStringAgrees compares appendString with the oracle, strict
// and not, for every string of three segments with 0 to 9 ASCII bytes
// before them (so that every segment falls at every offset of the eight
// bytes a word holds), and for long runs of each segment.
func TestAppendStringAgrees(t *testing.T) {
	var buf, ref []byte
	check := func(s string) {
		t.Helper()
		for _, strict := range []bool{false, true} {
			var ok, rok bool
			buf, ok = appendString(buf[:0], s, strict)
			ref, rok = appendStringRef(ref[:0], s, strict)
			if ok != rok || (ok && string(buf) != string(ref)) {
				t.Fatalf("appendString(%q, strict %v) = %q, %v; want %q, %v", s, strict, buf, ok, ref, rok)
			}
			buf, ok = appendString(buf[:0], []byte(s), strict)
			if ok != rok || (ok && string(buf) != string(ref)) {
				t.Fatalf("appendString([]byte(%q), strict %v) = %q, %v; want %q, %v", s, strict, buf, ok, ref, rok)
			}
		}
	}
	segs := appendStringSegments
	for pad := 0; pad < 10; pad++ {
		p := strings.Repeat("x", pad)
		for _, a := range segs {
			for _, b := range segs {
				for _, c := range segs {
					check(p + a + b + c)
				}
			}
		}
	}
	for _, a := range segs {
		for n := 1; n < 40; n++ {
			check(strings.Repeat(a, n))
		}
	}
	check("")
}

// FuzzAppendString: appendString equals the oracle, strict and not.
func FuzzAppendString(f *testing.F) {
	for _, s := range appendStringSegments {
		f.Add(s + "abcdefgh" + s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, strict := range []bool{false, true} {
			got, ok := appendString(nil, s, strict)
			want, wok := appendStringRef(nil, s, strict)
			if ok != wok || (ok && string(got) != string(want)) {
				t.Fatalf("appendString(%q, strict %v) = %q, %v; want %q, %v", s, strict, got, ok, want, wok)
			}
			if ok != (!strict || utf8.ValidString(s)) {
				t.Fatalf("appendString(%q, strict %v) refused: %v", s, strict, !ok)
			}
		}
	})
}

// TestStringBytesNoAlloc: the byte-slice forms escape the slice in place;
// converting it to a string first, as they once did, allocated a copy of
// any slice longer than 32 bytes.
func TestStringBytesNoAlloc(t *testing.T) {
	if testenv.Race {
		t.Skip("allocation counts differ under -race")
	}
	b := []byte(strings.Repeat("payload é\n", 6554)) // 64 KiB
	dst := make([]byte, 0, 2*len(b)+16)
	if a := testing.AllocsPerRun(20, func() { dst = AppendStringBytes(dst[:0], b) }); a != 0 {
		t.Errorf("AppendStringBytes: %v allocations", a)
	}
	var w Writer
	if a := testing.AllocsPerRun(20, func() {
		w.Reset(dst[:0])
		w.StringBytes(b)
		dst, _ = w.Finish()
	}); a != 0 {
		t.Errorf("Writer.StringBytes: %v allocations", a)
	}
	if got, want := string(AppendStringBytes(nil, b)), string(AppendString(nil, string(b))); got != want {
		t.Fatal("AppendStringBytes differs from AppendString")
	}
}
