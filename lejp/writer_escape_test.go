package lejp

import (
	"errors"
	"strings"
	"testing"
)

// escapeUnits are the units TestAppendStringPlaces puts into plain ASCII:
// each kind of byte the escaping treats apart, every class of ill-formed
// UTF-8 (a lone continuation byte, overlong forms of each length, encoded
// surrogates, code points past U+10FFFF, bytes no sequence starts with,
// sequences cut short) and well-formed sequences of each length, U+2028
// and U+2029 among them (copied, not escaped).
var escapeUnits = []string{
	`"`, `\`, "\n", "\x00", "\x1f", "\x7f", " ",
	"é", "\u07ff", "\u0800", "日", "\ud7ff", "\ue000", "\uffff", "\u2028", "\u2029",
	"😀", "\U00010000", "\U0010ffff",
	"\x80", "\xbf", "\xc0\x80", "\xc1\xbf", "\xe0\x80\x80", "\xe0\x9f\xbf",
	"\xf0\x80\x80\x80", "\xf0\x8f\xbf\xbf", "\xed\xa0\x80", "\xed\xbf\xbf",
	"\xf4\x90\x80\x80", "\xf5\x80\x80\x80", "\xf8", "\xff",
	"\xc2", "\xe6\x97", "\xf0\x9f\x98", "\xe6", "\xf0\x9f",
}

// checkEscape compares appendString with the oracle for s, strict and not,
// for a string and a byte slice, appending to a dst that has a prefix and
// exactly the room the output needs or sentinel bytes in spare capacity
// (which must be left as they were: the word stores go no further than the
// output); and compares Writer.String, StringBytes and the string written
// in two pieces.
func checkEscape(t *testing.T, s string) {
	t.Helper()
	const prefix = "[1,"
	for _, strict := range []bool{false, true} {
		want, wok := appendStringRef([]byte(prefix), s, strict)
		for _, spare := range []int{0, 1, 7, 8, 64} {
			for _, bytes := range []bool{false, true} {
				dst := make([]byte, len(prefix), len(want)+spare)
				copy(dst, prefix)
				tail := dst[len(want):cap(dst)]
				for i := range tail {
					tail[i] = 0xAA
				}
				var got []byte
				var ok bool
				if bytes {
					got, ok = appendString(dst, []byte(s), strict)
				} else {
					got, ok = appendString(dst, s, strict)
				}
				if ok != wok || ok && string(got) != string(want) {
					t.Fatalf("appendString(%q, strict %v, bytes %v) = %q, %v; want %q, %v",
						s, strict, bytes, got, ok, want, wok)
				}
				if !ok {
					continue
				}
				if &got[0] != &dst[0] {
					t.Fatalf("appendString(%q) grew a dst with room for it", s)
				}
				for i, c := range tail {
					if c != 0xAA {
						t.Fatalf("appendString(%q, strict %v, bytes %v): dst[%d] past the output written (%#x)",
							s, strict, bytes, len(want)+i, c)
					}
				}
			}
		}
		for form := range 3 {
			out, err := writeStringForm(s, !strict, form, len(s)/2, len(s))
			if wok && (err != nil || string(out) != string(want)+"]") ||
				!wok && !errors.Is(err, ErrInvalidUTF8) {
				t.Fatalf("Writer form %d (%q), allow %v = %q, %v; want %q, ok %v",
					form, s, !strict, out, err, string(want)+"]", wok)
			}
		}
	}
}

// writeStringForm writes [1,s] with a Writer (AllowInvalidUTF8 allow) by
// String (form 0), StringBytes (1) or in pieces (2): s[:i] by
// StringPiece, s[i:j] by StringPieceBytes and s[j:] by StringPiece.
func writeStringForm(s string, allow bool, form, i, j int) ([]byte, error) {
	w := Writer{AllowInvalidUTF8: allow}
	w.BeginArray()
	w.Int(1)
	switch form {
	case 0:
		w.String(s)
	case 1:
		w.StringBytes([]byte(s))
	case 2:
		w.BeginString()
		w.StringPiece(s[:i])
		w.StringPieceBytes([]byte(s[i:j]))
		w.StringPiece(s[j:])
		w.EndString()
	}
	w.EndArray()
	return w.Finish()
}

// TestAppendStringPlaces puts each escape unit at each place of plain
// ASCII strings of 0 to 40 bytes, so that it meets the bounds of the
// short strings (under 8 bytes), of the last two words (8 to 16) and of
// every word of the loop, and ends strings, including cut sequences.
func TestAppendStringPlaces(t *testing.T) {
	plain := strings.Repeat("abcdefghijklmnopqrstuvwxyz0123456789", 2)
	for n := 0; n <= 40; n++ {
		checkEscape(t, plain[:n])
		for p := 0; p <= n; p++ {
			for _, u := range escapeUnits {
				checkEscape(t, plain[:p]+u+plain[p:n])
			}
		}
	}
}

// TestAppendStringRuns puts each escape unit into runs of 3-byte
// sequences (CJK, taken two or one at a time from a word), after each
// whole sequence and inside one (then a byte, then the run: a cut
// sequence must not pass for a whole one), and ends runs with ASCII, 2- and 4-byte
// sequences and E0 and ED leads, whose second bytes are restricted.
func TestAppendStringRuns(t *testing.T) {
	run := strings.Repeat("日本語の文字", 3) // 3-byte sequences only
	for n := 0; n <= 42; n += 3 {
		for _, pre := range []string{"", "a", "ab", "abcdefg"} {
			for p := 0; p <= n; p++ {
				for _, u := range escapeUnits {
					checkEscape(t, pre+run[:p]+u+run[p:n])
					// a cut sequence, then one byte, then a run
					checkEscape(t, pre+run[:p]+u+"x"+run[p:n])
				}
			}
		}
	}
	for _, u := range []string{"\u0800", "\u0fff", "\ud000", "\ud7ff", "\xed\x9f", "é", "😀"} {
		for n := 0; n <= 30; n += 3 {
			checkEscape(t, run[:n]+u+run[:n])
			checkEscape(t, run[:n]+u+u+u)
		}
	}
}
