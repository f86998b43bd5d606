package lejp

import (
	"bytes"
	"errors"
	"strconv"
	"strings"
	"testing"

	"github.com/lwscrypto/lwscrypto/internal/testenv"
)

// revNames are names for the tests below: plain, escaped, non-ASCII, not
// UTF-8 at the start, in the middle and at the end, short (the r < 8 path),
// 8 to 16 bytes (the last two words only), and longer (words stored before
// the byte that is not plain).
var revNames = []string{
	"", "a", "abc", "\xff", "a\xff", "\xffabc", "abcdef\xff", "abcdefg\xff",
	"é\xffz", "a\"b\xff", "abcdefghijklmno\xff", "abcdefgh\xffijklmnop",
	"abcdefghijklmnopqrstuvwxyz\xffz", "abcdefghijklmnopq\"rstuvwxyz\xff",
	"abcdefghijklmnopqrstuvwxyz0123456789é日本\xfe\xff", "日本語日本語日本語\xff",
	"abcdefghijklmnopqrstuvwxyz", "a\"bcdefghijklmnop\\", "\ufffd", "k\xff\xfe",
}

// TestNameRefusedLeavesBuffer: a name that is not UTF-8, refused, leaves
// Bytes as they were before the call (the comma of the member dropped),
// with the error at the member's offset, after a Flush too, whether or
// not the strict escaping had to grow the buffer; with AllowInvalidUTF8
// the same name is written as AppendString writes it.
func TestNameRefusedLeavesBuffer(t *testing.T) {
	for _, nm := range revNames {
		for _, flush := range []bool{false, true} {
			for _, spare := range []int{0, 3, 200} {
				for _, asBytes := range []bool{false, true} {
					for _, allow := range []bool{false, true} {
						w := Writer{AllowInvalidUTF8: allow}
						dst := append(make([]byte, 0, 2+spare), "[{"...)
						w.Reset(dst[:0])
						w.BeginArray()
						w.BeginObject()
						w.Name("x")
						w.Int(1)
						var sink bytes.Buffer
						if flush {
							if err := w.Flush(&sink); err != nil {
								t.Fatal(err)
							}
						}
						before := string(w.Bytes())
						at := int64(sink.Len() + len(before))
						if asBytes {
							w.NameBytes([]byte(nm))
						} else {
							w.Name(nm)
						}
						if !allow && !validUTF8(nm) {
							if !errors.Is(w.Err(), ErrInvalidUTF8) {
								t.Fatalf("%q: %v, want ErrInvalidUTF8", nm, w.Err())
							}
							if got := string(w.Bytes()); got != before {
								t.Errorf("%q refused, flush %v spare %d: Bytes %q, want %q", nm, flush, spare, got, before)
							}
							if want := "at output offset " + strconv.FormatInt(at, 10) + ")"; !bytes.Contains([]byte(w.Err().Error()), []byte(want)) {
								t.Errorf("%q refused: %v, want %s", nm, w.Err(), want)
							}
							continue
						}
						if w.Err() != nil {
							t.Fatalf("%q, allow %v: %v", nm, allow, w.Err())
						}
						want, _ := appendStringOld([]byte(before+","), nm, false)
						want = append(want, ':')
						if got := w.Bytes(); !bytes.Equal(got, want) {
							t.Errorf("%q, flush %v spare %d bytes %v: Bytes %q, want %q", nm, flush, spare, asBytes, got, want)
						}
					}
				}
			}
		}
	}
}

func validUTF8(s string) bool {
	_, ok := appendStringOld(nil, s, true)
	return ok
}

// TestNameReplacedDuplicates: with AllowInvalidUTF8, a name that is not
// UTF-8 repeats an earlier name once replaced (and the other way round),
// in objects that straddle the inline and the hashed thresholds, with a
// Flush just before the repeat, by Name and NameBytes: refused as a
// duplicate, and a name replaced differently is not one.
func TestNameReplacedDuplicates(t *testing.T) {
	pairs := [][2]string{
		{"\xff", "\ufffd"}, {"\ufffd", "\xfe"}, {"a\xffb", "a\ufffdb"},
		{"abcdefghijklmnopq\xff\"", "abcdefghijklmnopq\ufffd\""},
		{"abcdefghijklmnopq\xff\"", "abcdefghijklmnopq\xfe\""},
		{"日本語日本語\xc3", "日本語日本語\ufffd"},
	}
	others := []string{"\xff\xff", "a\xff", "\ufffdb", "abcdefghijklmnopq\xff"}
	for _, n := range []int{0, 1, 22, 23, 24, 25, 62, 63, 64, 65, 200} {
		for _, p := range pairs {
			for _, flush := range []bool{false, true} {
				for mask := range 4 {
					name := func(w *Writer, i int, s string) {
						if mask>>i&1 != 0 {
							w.NameBytes([]byte(s))
						} else {
							w.Name(s)
						}
					}
					w := Writer{AllowInvalidUTF8: true}
					var sink bytes.Buffer
					w.BeginObject()
					for i := range n {
						w.Name("n" + strconv.Itoa(i))
						w.Null()
					}
					name(&w, 0, p[0])
					w.Null()
					for _, o := range others {
						w.Name(o)
						w.Null()
					}
					if flush {
						if err := w.Flush(&sink); err != nil {
							t.Fatal(err)
						}
					}
					if w.Err() != nil {
						t.Fatalf("n %d %q: %v", n, p, w.Err())
					}
					name(&w, 1, p[1])
					if !errors.Is(w.Err(), ErrDuplicateName) {
						t.Errorf("n %d, %q then %q, flush %v mask %d: %v, want ErrDuplicateName",
							n, p[0], p[1], flush, mask, w.Err())
					}
				}
			}
		}
	}
}

// TestEscapeGrowsOnce: appendEscaped and appendString grow dst once, for
// the string as is, before escapeInto appends: a string with one short
// escape between two long plain stretches, whose output fits in the size
// class of that growth, takes one allocation (appending stretch by
// stretch to a nil dst would take two).
func TestEscapeGrowsOnce(t *testing.T) {
	if testenv.Race {
		t.Skip("allocation counts differ under -race")
	}
	s := strings.Repeat("a", 100) + "\n" + strings.Repeat("b", 100)
	b := []byte(s)
	for name, f := range map[string]func(){
		"appendEscaped string": func() { appendEscaped(nil, s, true) },
		"appendEscaped bytes":  func() { appendEscaped(nil, b, true) },
		"appendString string":  func() { appendString(nil, s, true) },
		"appendString bytes":   func() { appendString(nil, b, false) },
	} {
		if a := testing.AllocsPerRun(20, f); a != 1 {
			t.Errorf("%s: %v allocations, want 1", name, a)
		}
	}
}
