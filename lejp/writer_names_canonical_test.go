package lejp

import (
	"bytes"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"testing"
)

// canonObj writes one object: pad filler names (distinct from the test
// names), then names, with Flush every flushEvery names (0: never), each
// name by NameBytes when bytesMask has its bit. It returns the index of
// the first name refused as a duplicate, or -1, and fails on any other
// error.
func canonObj(t *testing.T, w *Writer, pad int, names []string, flushEvery int, bytesMask uint64) int {
	t.Helper()
	var out bytes.Buffer
	w.BeginObject()
	for i := range pad {
		w.Name("filler-" + strconv.Itoa(i))
		w.Null()
	}
	for i, nm := range names {
		if flushEvery > 0 && i%flushEvery == 0 {
			if err := w.Flush(&out); err != nil {
				t.Fatal(err)
			}
		}
		if bytesMask>>(i%64)&1 != 0 {
			w.NameBytes([]byte(nm))
		} else {
			w.Name(nm)
		}
		if err := w.Err(); err != nil {
			if errors.Is(err, ErrDuplicateName) {
				return i
			}
			t.Fatalf("name %d %q: %v", i, nm, err)
		}
		w.Null()
	}
	w.EndObject()
	return -1
}

// firstDup is the oracle: the index of the first name whose decoded form
// repeats, or -1.
func firstDup(names []string) int {
	seen := map[string]bool{}
	for i, nm := range names {
		k := replaceInvalid(nm)
		if seen[k] {
			return i
		}
		seen[k] = true
	}
	return -1
}

// TestWriterNamesCanonical: names that are, or are not, the same decoded
// in several spellings (U+FFFD given, bytes replaced by it, "\\ufffd" as
// text, escapes, names with the same ends and length, names of 600 bytes),
// after 0 to 100 other names (linear, inline or not, and hashed), by Name
// and NameBytes, with Flush before every name or none, after a sibling
// object of the same names: the first duplicate refused is the oracle's.
func TestWriterNamesCanonical(t *testing.T) {
	long := func(mid string) string { return "AAAAAAAA" + mid + "ZZZZZZZZ" }
	vlong := func(mid string) string {
		m := strings.Repeat("m", 300)
		return long(m + mid + m)
	}
	cases := [][]string{
		{"\ufffd", "\xff"},
		{"\xff", "\ufffd"},
		{"\xff", "\xfe"},
		{"\\ufffd", "\ufffd"},
		{"\\ufffd", "\xff"},
		{"\ufffd", "\\ufffd", "\xff"},
		{"\\\xff", "\\\ufffd"},
		{"\\\\ufffd", "\\\ufffd", "\\\\\xff"},
		{"a\xffb", "a\ufffdb", "a\\ufffdb"},
		{"u\xff", "\\u\ufffd", "u\ufffd"},
		{"\x00", "\\u0000", "\x00"},
		{"\"", "\\\"", "\\", "\\\\", "\""},
		{"\n", "\\n", "\n"},
		{"\x7f", "\x7f"},
		{"\u2028", "\u2028"},
		{long("1"), long("2"), long("3"), long("\xff"), long("\ufffd")},
		{long("\xff\xfe"), long("\ufffd\xfe"), long("\xff\ufffd")},
		{long("xxxxxxx\xff"), long("xxxxxxx\ufffd")},
		{vlong("\xff"), vlong("\xfe"), vlong("\\ufffd"), vlong("\ufffd")},
		{vlong("\n\xff"), vlong("\n\ufffd")},
		{"AAAA\xffZZZZ", "AAAA\ufffdZZZZ"},
		{"ab\xff", "ab\ufffd"},
		{"", "\xff", ""},
		{"\xed\xa0\x80", "\ufffd\ufffd\ufffd"},
		{"\xe2\x82", "\ufffd\ufffd"},
		{"\xe2\x82", "\ufffd"},
		{"\xf0\x9f\x98", "\ufffd\ufffd\ufffd", "\xf0\x9f\x98\x80"},
	}
	// Every control character, quote and backslash, alone and in a long
	// name, then each again.
	var esc []string
	for c := range 0x20 {
		esc = append(esc, string(rune(c)), long(string(rune(c))))
	}
	esc = append(esc, `"`, `\`, long(`"`), long(`\`))
	for i := range esc {
		cases = append(cases, append(append([]string(nil), esc...), esc[i]))
	}
	for ci, names := range cases {
		for _, allow := range []bool{false, true} {
			if !allow {
				ok := true
				for _, nm := range names {
					ok = ok && strings.ToValidUTF8(nm, "") == nm
				}
				if !ok {
					continue
				}
			}
			want := firstDup(names)
			for _, pad := range []int{0, 1, 22, 23, 24, 30, 62, 63, 64, 65, 100} {
				for _, flush := range []int{0, 1} {
					for _, mask := range []uint64{0, ^uint64(0), 0x5555555555555555} {
						w := Writer{AllowInvalidUTF8: allow}
						w.BeginArray()
						// A sibling object first, at the same entry index.
						if got := canonObj(t, &w, pad, names[:max(want, 0)], flush, ^mask); got != -1 {
							t.Fatalf("case %d prefix: false duplicate at %d", ci, got)
						}
						got := canonObj(t, &w, pad, names, flush, mask)
						if got != want {
							t.Errorf("case %d %q allow=%v pad=%d flush=%d mask=%x: duplicate at %d, want %d",
								ci, names, allow, pad, flush, mask, got, want)
						}
					}
				}
			}
		}
	}
}

// TestWriterNamesAllowInvalidToggled: AllowInvalidUTF8 switched off after a
// replacement; the U+FFFD given later is the same name.
func TestWriterNamesAllowInvalidToggled(t *testing.T) {
	for _, pad := range []int{0, 30, 70} {
		for _, flip := range []bool{false, true} {
			w := Writer{AllowInvalidUTF8: true}
			w.BeginObject()
			for i := range pad {
				w.Name(fmt.Sprint("f", i))
				w.Null()
			}
			first, second := "x\xff", "x\ufffd"
			if flip {
				first, second = second, first
			}
			w.Name(first)
			w.Null()
			w.AllowInvalidUTF8 = flip
			w.Name(second)
			if !errors.Is(w.Err(), ErrDuplicateName) {
				t.Errorf("pad %d flip %v: %v, want ErrDuplicateName", pad, flip, w.Err())
			}
		}
	}
}

// TestWriterNamesReplacedUnchecked: a replacement in an object
// begun with AllowDuplicateNames, then a checked object inside it.
func TestWriterNamesReplacedUnchecked(t *testing.T) {
	for _, pad := range []int{0, 30, 70} {
		w := Writer{AllowInvalidUTF8: true, AllowDuplicateNames: true}
		w.BeginObject()
		w.AllowDuplicateNames = false
		w.Name("\xff")
		w.Null()
		w.Name("in")
		w.BeginObject()
		for i := range pad {
			w.Name(fmt.Sprint("f", i))
			w.Null()
		}
		w.Name("\ufffd")
		w.Null()
		w.Name("\\ufffd")
		w.Null()
		if w.Err() != nil {
			t.Fatalf("pad %d: %v", pad, w.Err())
		}
		w.NameBytes([]byte("\xfe"))
		if !errors.Is(w.Err(), ErrDuplicateName) {
			t.Errorf("pad %d: %v, want ErrDuplicateName", pad, w.Err())
		}
	}
}

// TestWriterNamesNestedHashed: the same names in nested objects, linear
// and hashed (an inner index growing rebuilds the outer's entries too),
// are no duplicates; after an inner object ends, the outer one still has
// every name, in another spelling too.
func TestWriterNamesNestedHashed(t *testing.T) {
	for _, n := range []int{3, 40, 64, 65, 200} {
		for _, allow := range []bool{false, true} {
			w := Writer{AllowInvalidUTF8: allow}
			var out bytes.Buffer
			names := make([]string, n)
			for i := range names {
				names[i] = fmt.Sprintf("prefix__%04d__suffix", i)
				if allow && i%7 == 0 {
					names[i] += "\xff"
				}
			}
			var rec func(d int)
			rec = func(d int) {
				w.BeginObject()
				for i, nm := range names {
					w.Name(nm)
					if d < 3 && i%50 == 10 {
						rec(d + 1)
					} else {
						w.Null()
					}
					if i%13 == 0 {
						w.Flush(&out)
					}
				}
				if err := w.Err(); err != nil {
					t.Fatalf("n %d depth %d: %v", n, d, err)
				}
				// Each name again, refused: a refused call writes nothing,
				// so clearing the error goes on with the object.
				for i, nm := range names {
					alt := nm
					if allow && i%7 == 0 {
						alt = strings.TrimSuffix(alt, "\xff") + "\ufffd"
					}
					w.NameBytes([]byte(alt))
					if !errors.Is(w.Err(), ErrDuplicateName) {
						t.Fatalf("n %d depth %d: %q again: %v", n, d, alt, w.Err())
					}
					w.err = nil
				}
				w.EndObject()
			}
			rec(0)
			w.Flush(&out)
			if _, err := w.Finish(); err != nil {
				t.Fatal(err)
			}
			if err := Check(out.Bytes(), &Options{AllowInvalidUTF8: allow}); err != nil {
				t.Fatal(err)
			}
		}
	}
}
