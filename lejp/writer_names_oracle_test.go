package lejp

import (
	"bytes"
	"errors"
	"io"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/lwscrypto/lwscrypto/internal/testenv"
)

// oracleNamePieces build the names of TestWriterNamesOracle: escapes, a
// U+FFFD given and bytes replaced by it (one decoded name three ways with
// AllowInvalidUTF8), text that looks like an escape but is not one ("\u0061"
// given is six characters, written \\u0061: another name than "a").
var oracleNamePieces = []string{
	"a", "b", "é", "\n", "\x01", "\x1f", `"`, `\`, `\u0061`, "u0061",
	"\ufffd", "\xff", "\xfe", "fffd",
}

// oracleName makes a random name, often one whose key or filter bit
// collides with others': longer names with the same first and last eight
// bytes and length (textKey's inputs) differing in the middle, names of 4
// to 16 bytes differing in one byte, short ones, escapes. Names of a big
// object are mostly of the first kind, so that it grows past the linear
// search before it repeats a name by chance.
func oracleName(r *rand.Rand, allowInvalid, big bool) string {
	var s string
	k := r.IntN(5)
	if big && r.IntN(16) > 0 {
		k = 0
	}
	switch k {
	case 0: // same ends and length, a different middle
		s = "prefix__" + strconv.Itoa(1000+r.IntN(9000)) + "__suffix"
	case 1: // 4 to 16 bytes, one byte different
		b := []byte(strings.Repeat("k", 4+r.IntN(13)))
		b[r.IntN(len(b))] = byte('a' + r.IntN(26))
		s = string(b)
	case 2: // short, or empty
		s = string(rune('a' + r.IntN(26)))
		if r.IntN(30) == 0 {
			s = ""
		}
	default: // pieces, some escaped or not UTF-8
		var b []byte
		for range 2 + r.IntN(4) {
			b = append(b, oracleNamePieces[r.IntN(len(oracleNamePieces))]...)
		}
		s = string(b)
	}
	if !allowInvalid {
		s = strings.ToValidUTF8(s, "")
	}
	return s
}

// respell writes the decoded name of s another way when it can: bytes
// that are not UTF-8 as the U+FFFD they are replaced by, or, if there are
// none, each U+FFFD as such a byte.
func respell(s string) string {
	if !utf8.ValidString(s) {
		return replaceInvalid(s)
	}
	return strings.ReplaceAll(s, "\ufffd", "\xfe")
}

// oracleStats counts what oracleDoc wrote.
type oracleStats struct {
	unchecked  int // objects begun with AllowDuplicateNames
	respelled  int // names repeated in another spelling
	hashedDups int // duplicates met in an object past the linear search
	indexed    int // objects ended past the linear search
}

// oracleDoc writes random objects into w, nested, each of 0 to 40
// names (a quarter of them up to 150, past the linear search), from
// oracleName, one in eight with a name repeated at a random place (in
// another spelling when there is one, half the time), by Name and
// NameBytes, flushing into out at random; a map of each object's decoded
// names (replaceInvalid) says which are duplicates. It stops at the first
// duplicate and reports whether there was one (none is in an object
// begun with AllowDuplicateNames); t fails if the Writer refused
// anything else or missed the duplicate.
func oracleDoc(t *testing.T, r *rand.Rand, w *Writer, out io.Writer, depth int, st *oracleStats) bool {
	t.Helper()
	unchecked := r.IntN(10) == 0
	if unchecked {
		st.unchecked++
	}
	w.AllowDuplicateNames = unchecked
	w.BeginObject()
	w.AllowDuplicateNames = false
	n, big := r.IntN(41), r.IntN(4) == 0
	if big {
		n = 41 + r.IntN(110)
	}
	repeat := -1 // where a name repeats on purpose
	if n > 1 && r.IntN(8) == 0 {
		repeat = 1 + r.IntN(n-1)
	}
	seen := map[string]struct{}{}
	var names []string
	for i := range n {
		var nm string
		if i == repeat {
			nm = names[r.IntN(len(names))]
			if w.AllowInvalidUTF8 && r.IntN(2) == 0 && respell(nm) != nm {
				nm = respell(nm)
				st.respelled++
			}
		} else {
			nm = oracleName(r, w.AllowInvalidUTF8, big)
		}
		key := replaceInvalid(nm)
		_, dup := seen[key]
		dup = dup && !unchecked
		if r.IntN(3) == 0 {
			w.NameBytes([]byte(nm))
		} else {
			w.Name(nm)
		}
		if dup {
			if w.names.at(w.names.obj).off == markHashed {
				st.hashedDups++
			}
			if !errors.Is(w.Err(), ErrDuplicateName) {
				t.Fatalf("%q (decoded %q) repeats in an object of %d names: Err %v, want ErrDuplicateName", nm, key, len(seen), w.Err())
			}
			return true
		}
		if err := w.Err(); err != nil {
			t.Fatalf("%q, new in an object of %d names (%q): %v", nm, len(seen), names, err)
		}
		seen[key] = struct{}{}
		names = append(names, nm)
		switch {
		case depth < 3 && r.IntN(20) == 0:
			if oracleDoc(t, r, w, out, depth+1, st) {
				return true
			}
		case r.IntN(3) == 0:
			w.String(nm)
		default:
			w.Int(int64(len(names)))
		}
		if r.IntN(8) == 0 {
			if err := w.Flush(out); err != nil {
				t.Fatal(err)
			}
		}
	}
	if w.names.at(w.names.obj).off == markHashed {
		st.indexed++
	}
	w.EndObject()
	return false
}

// TestWriterNamesOracle compares the Writer's duplicate detection with a
// map of decoded names over random objects (oracleDoc), strict and with
// AllowInvalidUTF8; a document without a duplicate must pass Check (with
// AllowDuplicateNames if an object was written with it).
func TestWriterNamesOracle(t *testing.T) {
	r := rand.New(rand.NewPCG(22, 7))
	var w Writer
	var out bytes.Buffer
	dups := 0
	var all oracleStats
	for i := range 10000 {
		w.AllowInvalidUTF8 = i%2 == 1
		w.Reset(nil)
		out.Reset()
		var st oracleStats
		dup := oracleDoc(t, r, &w, &out, 0, &st)
		all.respelled += st.respelled
		all.hashedDups += st.hashedDups
		all.indexed += st.indexed
		if dup {
			dups++
			continue
		}
		if err := w.Flush(&out); err != nil {
			t.Fatal(err)
		}
		if _, err := w.Finish(); err != nil {
			t.Fatalf("document %d: %v", i, err)
		}
		if err := Check(out.Bytes(), &Options{AllowDuplicateNames: st.unchecked > 0, AllowInvalidUTF8: w.AllowInvalidUTF8}); err != nil {
			t.Fatalf("document %d does not pass Check: %v\n%s", i, err, out.Bytes())
		}
	}
	t.Logf("%d documents with a duplicate (%d in an indexed object, %d names repeated in another spelling), %d objects ended indexed", dups, all.hashedDups, all.respelled, all.indexed)
	if dups < 1000 || all.indexed < 500 || all.hashedDups < 100 || all.respelled < 50 {
		t.Error("the generator lost its reach")
	}
}

// TestNameBytesNoAlloc: NameBytes does not copy its slice to a string (a
// name over 32 bytes would allocate).
func TestNameBytesNoAlloc(t *testing.T) {
	if testenv.Race {
		t.Skip("allocation counts differ under -race")
	}
	long := []byte(strings.Repeat("a long member name, é\n ", 8))
	names := make([][]byte, 80) // past the linear search: hashed too
	for i := range names {
		names[i] = append(append([]byte(nil), long...), strconv.Itoa(i)...)
	}
	dst := make([]byte, 0, 64<<10)
	var w Writer
	write := func() {
		w.Reset(dst[:0])
		w.BeginObject()
		for _, nm := range names {
			w.NameBytes(nm)
			w.Null()
		}
		w.EndObject()
		var err error
		if dst, err = w.Finish(); err != nil {
			t.Fatal(err)
		}
	}
	write()
	if a := testing.AllocsPerRun(20, write); a != 0 {
		t.Errorf("NameBytes of %d-byte names: %v allocations, want 0", len(long), a)
	}
}
