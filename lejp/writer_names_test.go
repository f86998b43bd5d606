package lejp

import (
	"errors"
	"io"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// TestWriterNamesLinear bounds the work of duplicate detection: for an
// object of n distinct names it compares names and probes index slots
// O(n) times (counted; the load of the index is at most one half, so a
// few probes per name), where a linear search of every name would compare
// n²/2, and allocates O(log n) times (the index and the held names grow by
// doubling).
func TestWriterNamesLinear(t *testing.T) {
	const n = 20000
	names := make([]string, n)
	for i := range names {
		names[i] = strconv.Itoa(1e8 + i) // the same length, as crafted names would have
	}
	var w Writer
	buf := make([]byte, 0, 48*n)
	write := func() {
		w.Reset(buf[:0])
		w.BeginObject()
		for _, nm := range names {
			w.Name(nm)
			w.Null()
		}
		w.names.work = 0 // counted for the last object only
		w.Name("nested")
		w.BeginObject()
		for _, nm := range names {
			w.Name(nm)
			w.Null()
		}
		w.EndObject()
		w.EndObject()
		if _, err := w.Finish(); err != nil {
			t.Fatal(err)
		}
	}
	write()
	t.Logf("%d names: %d names compared and slots probed", n, w.names.work)
	if max := linearWriterNames*linearWriterNames + 4*n; w.names.work > max {
		t.Errorf("%d names: %d compared and probed, want at most %d (n²/2 is %d)", n, w.names.work, max, n*n/2)
	}
	// A new Writer: the held names and the index grow by doubling.
	fresh := testing.AllocsPerRun(2, func() {
		w = Writer{}
		write()
	})
	if fresh > 200 {
		t.Errorf("new Writer, 2 objects of %d names: %v allocations, want O(log n)", n, fresh)
	}
	// A reused Writer keeps its memory: no allocation.
	write()
	if a := testing.AllocsPerRun(2, write); a != 0 {
		t.Errorf("reused Writer, 2 objects of %d names: %v allocations, want 0", n, a)
	}
	if w.names.n != 0 || w.names.nindex != 0 {
		t.Errorf("after the document: %d names held, %d indexed", w.names.n, w.names.nindex)
	}
}

// replaceInvalid is the string a reader gets back from AppendString(s):
// each byte that is not part of a UTF-8 sequence replaced by U+FFFD.
func replaceInvalid(s string) string {
	var b []byte
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 {
			b = append(b, "\ufffd"...)
		} else {
			b = append(b, s[i:i+n]...)
		}
		i += n
	}
	return string(b)
}

// checkWriterNames writes the names in data (separated by 0 bytes) as one
// object, a nested object of the same names opened after every nest-th,
// and compares the Writer's verdict with a map of the decoded names: the
// first duplicate (or invalid name) stops both at the same member, and a
// document written whole passes Check and decodes to the names given.
func checkWriterNames(t *testing.T, data []byte, allowInvalid bool, nest int) {
	names := strings.Split(string(data), "\x00")
	w := Writer{AllowInvalidUTF8: allowInvalid}
	w.BeginObject()
	seen := map[string]bool{}
	for i, nm := range names {
		if !allowInvalid && !utf8.ValidString(nm) {
			w.Name(nm)
			if !errors.Is(w.Err(), ErrInvalidUTF8) {
				t.Fatalf("name %d %q: %v, want ErrInvalidUTF8", i, nm, w.Err())
			}
			return
		}
		key := replaceInvalid(nm)
		w.Name(nm)
		if seen[key] {
			if !errors.Is(w.Err(), ErrDuplicateName) {
				t.Fatalf("name %d %q repeats: %v, want ErrDuplicateName", i, nm, w.Err())
			}
			return
		}
		if w.Err() != nil {
			t.Fatalf("name %d %q: %v", i, nm, w.Err())
		}
		seen[key] = true
		if nest > 0 && i%nest == nest-1 {
			// The same names again one level down: none is a duplicate there.
			w.BeginObject()
			for _, inner := range names[:i+1] {
				w.Name(inner)
				w.Null()
			}
			w.EndObject()
		} else {
			w.Int(int64(i))
		}
	}
	w.EndObject()
	out, err := w.Finish()
	if err != nil {
		t.Fatalf("%v", err)
	}
	// Read back: the top-level names are the names given, as decoded.
	d := NewDecoderBytes(out, nil)
	depth, i := 0, 0
	for {
		tok, err := d.ReadToken()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("output does not read back: %v", err)
		}
		switch tok.Kind {
		case ObjectStart, ArrayStart:
			depth++
		case ObjectEnd, ArrayEnd:
			depth--
		case Name:
			if depth == 1 {
				if i >= len(names) || string(tok.Value) != replaceInvalid(names[i]) {
					t.Fatalf("name %d reads back as %q", i, tok.Value)
				}
				i++
			}
		}
	}
	if i != len(names) {
		t.Fatalf("%d names read back, want %d", i, len(names))
	}
}

// FuzzWriterNames: the Writer's duplicate and UTF-8 verdicts against a
// map of decoded names, linear and hashed objects, nested, with and
// without AllowInvalidUTF8.
func FuzzWriterNames(f *testing.F) {
	var many []byte
	for i := range 100 {
		many = append(many, "n"+strconv.Itoa(i)+"\x00"...)
	}
	f.Add([]byte("a\x00b\x00a"), false, uint8(0))
	f.Add([]byte("a\x00\xff\x00b"), false, uint8(0))
	f.Add([]byte("\xff\x00\xfe"), true, uint8(0))
	f.Add([]byte("\xff\x00\ufffd"), true, uint8(1))
	f.Add([]byte("\\\xff\x00\\\ufffd\x00\\ufffd"), true, uint8(2))
	f.Add(append(many, "n7"...), false, uint8(0))
	f.Add(append(many, "n99"...), false, uint8(40))
	f.Add(append(many, "\xff"...), true, uint8(33))
	f.Add(many, true, uint8(3))
	f.Fuzz(func(t *testing.T, data []byte, allowInvalid bool, nest uint8) {
		if len(data) > 4096 {
			return
		}
		checkWriterNames(t, data, allowInvalid, int(nest))
	})
}

// TestWriterNamesRandom runs checkWriterNames on generated objects: up to
// 120 distinct names (so both linear and hashed objects), made of pieces
// that escape or are not UTF-8, then one that repeats an earlier name,
// sometimes in another spelling of the same decoded name (\xff for
// U+FFFD, with AllowInvalidUTF8).
func TestWriterNamesRandom(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	pieces := []string{"a", "é", "\n", "\x01", "\x1f", `\`, `"`, "\xff", "\ufffd", "u", "fffd", "\x00"}
	for iter := range 300 {
		allow := iter%2 == 0
		var names []string
		seen := map[string]bool{}
		for n := rng.IntN(120); len(names) < n; {
			var b []byte
			for range 1 + rng.IntN(4) {
				b = append(b, pieces[rng.IntN(len(pieces))]...)
			}
			nm := strings.ReplaceAll(string(b), "\x00", "") // the separator
			if !allow {
				nm = strings.ToValidUTF8(nm, "")
			}
			if !seen[replaceInvalid(nm)] {
				seen[replaceInvalid(nm)] = true
				names = append(names, nm)
			}
		}
		if len(names) > 0 && rng.IntN(4) > 0 {
			dup := names[rng.IntN(len(names))]
			if allow {
				dup = strings.ReplaceAll(dup, "\ufffd", "\xfe")
			}
			names = append(names, dup)
		}
		checkWriterNames(t, []byte(strings.Join(names, "\x00")), allow, rng.IntN(50))
	}
}

// TestWriterNamesIndexLoad holds the index to its documented size: at
// most a quarter full, and, as it grows, at most 8 slots (64 bytes) per
// name, what a flushing Writer holds for an open object's names besides
// their text and entries.
func TestWriterNamesIndexLoad(t *testing.T) {
	var w Writer
	w.BeginObject()
	for i := range 5000 {
		w.Name(strconv.Itoa(i))
		w.Null()
		if k := w.names.nindex; k > 0 && (4*k > len(w.names.slots) || len(w.names.slots) > max(64, 8*k)) {
			t.Fatalf("%d names indexed in %d slots, want %d to %d", k, len(w.names.slots), 4*k, max(64, 8*k))
		}
	}
}

// TestWriterNamesIndexLost: closing a hashed object whose index lost one
// of its names (an internal bug, or a Writer shared by goroutines) panics
// with an internal error; the probe for the lost name once went round the
// index for ever.
func TestWriterNamesIndexLost(t *testing.T) {
	for _, lose := range []string{"zeroed", "retagged"} {
		var w Writer
		w.BeginObject()
		for i := range linearWriterNames + 10 { // hashed from 65 names
			w.Name("n" + strconv.Itoa(i))
			w.Int(int64(i))
		}
		if m := w.names.at(w.names.obj); m.off != markHashed {
			t.Fatalf("mark %d, want the object hashed", m.off)
		}
		// Lose the last name's slot: empty it, or make it point to
		// an entry that is not there.
		last := uint64(w.names.n)
		found := false
		for k, s := range w.names.slots {
			if s&slotIndex == last {
				found = true
				if lose == "zeroed" {
					w.names.slots[k] = 0
				} else {
					w.names.slots[k] = s&^slotIndex | (last + 1000)
				}
			}
		}
		if !found {
			t.Fatal("the last name is not in the index")
		}
		done := make(chan any, 1)
		go func() {
			defer func() { done <- recover() }()
			w.EndObject()
		}()
		select {
		case p := <-done:
			if s, _ := p.(string); !strings.Contains(s, "internal error") {
				t.Errorf("%s slot: EndObject recovered %v, want the internal error panic", lose, p)
			}
		case <-time.After(30 * time.Second):
			t.Fatalf("%s slot: EndObject has not returned after 30 s: the probe does not stop", lose)
		}
	}
}
