package lejp

import (
	"bytes"
	"errors"
	"fmt"
	"math/rand/v2"
	"strconv"
	"testing"
)

// namesState checks what addQuick and add rely on in n: more at its
// full length; quick 0 unless the innermost object is linear, and then
// the entry after its linearWriterNames-th name or the end of the room
// for entries, whichever is first (further would be wrong, nearer slow);
// the filter of every open linear object (n.filter for the innermost,
// its mark's key for the others) is the bits of its names, no fewer (a
// duplicate missed) and no more (names scanned for nothing); with no
// object open, quick and filter 0; the index holds the names of the open
// hashed objects, and nothing else.
func namesState(n *writerNames) error {
	if len(n.more) != cap(n.more) {
		return fmt.Errorf("more has length %d, capacity %d", len(n.more), cap(n.more))
	}
	used := 0
	for _, s := range n.slots {
		if s != 0 {
			used++
		}
	}
	if used != n.nindex {
		return fmt.Errorf("%d slots used, %d names indexed", used, n.nindex)
	}
	if n.n == 0 {
		if n.quick != 0 || n.filter != 0 || n.nindex != 0 {
			return fmt.Errorf("no object open, quick %d, filter %#x, %d names indexed",
				n.quick, n.filter, n.nindex)
		}
		return nil
	}
	want := 0
	if n.at(n.obj).off == markLinear {
		want = min(n.obj+1+linearWriterNames, inlineWriterNames+len(n.more))
	}
	if n.quick != want {
		return fmt.Errorf("quick %d, want %d (object at %d, mark %d, room for %d entries)",
			n.quick, want, n.obj, n.at(n.obj).off, inlineWriterNames+len(n.more))
	}
	top, filter := n.n, n.filter // the object's entries end at top
	hashed := 0                  // names in open hashed objects
	for i := n.obj; ; {
		m := n.at(i)
		switch m.off {
		case markLinear:
			bits := uint64(0)
			for j := i + 1; j < top; j++ {
				bits |= filterBit(n.at(j).key)
			}
			if filter != bits {
				return fmt.Errorf("object at %d: filter %#x, its names' bits %#x", i, filter, bits)
			}
		case markHashed:
			hashed += top - i - 1
		}
		if i == 0 {
			if hashed != n.nindex {
				return fmt.Errorf("%d names in open hashed objects, %d indexed", hashed, n.nindex)
			}
			return nil
		}
		top, i = i, m.end
		filter = n.at(i).key
	}
}

// TestWriterNamesState drives one Writer through random documents built
// around the limits of addQuick and the filter: objects opening inside
// others near the end of the inline entries, growing past the linear
// search while inner objects come and go, unchecked objects, names that
// need add (escapes, NameBytes), Flush and Reset in the middle. After
// every step namesState holds, and the Writer refuses a name again in
// the same object, and only that.
func TestWriterNamesState(t *testing.T) {
	r := rand.New(rand.NewPCG(24, 3))
	var w Writer
	var out bytes.Buffer
	type level struct {
		names     []string // all different
		unchecked bool
		size      int // names to write before closing
		inner     bool
	}
	var st struct{ dups, dupsAfterInner, dupsInMore, hashedInner, resets int }
	fresh := 0
	for doc := range 3000 {
		w.Reset(nil)
		out.Reset()
		if err := namesState(&w.names); err != nil {
			t.Fatalf("document %d, after Reset: %v", doc, err)
		}
		var stack []*level
		open := func() {
			l := &level{unchecked: r.IntN(10) == 0}
			switch r.IntN(4) {
			case 0:
				l.size = r.IntN(24)
			case 1:
				l.size = 18 + r.IntN(12) // around the end of inline
			case 2:
				l.size = 58 + r.IntN(14) // around the linear search's
			default:
				l.size = 64 + r.IntN(60)
			}
			w.AllowDuplicateNames = l.unchecked
			w.BeginObject()
			w.AllowDuplicateNames = false
			if len(stack) > 0 {
				stack[len(stack)-1].inner = true
				if m := w.names.at(w.names.at(w.names.obj).end); m.off == markHashed {
					st.hashedInner++
				}
			}
			stack = append(stack, l)
		}
		open()
		stop := 1 + r.IntN(1000) // the step of a duplicate or a Reset
	steps:
		for step := 0; len(stack) > 0; step++ {
			l := stack[len(stack)-1]
			switch k := r.IntN(100); {
			case step == stop && k < 30:
				st.resets++
				break steps // Reset with objects open
			case step >= stop && !l.inner && len(stack) > 1 && k < 60:
				// Often, the duplicate goes to an object that has
				// had one open inside it.
				w.EndObject()
				stack = stack[:len(stack)-1]
			case step >= stop && len(l.names) > 0:
				nm := l.names[r.IntN(len(l.names))]
				inMore := w.names.n >= inlineWriterNames
				w.Name(nm)
				if l.unchecked {
					if err := w.Err(); err != nil {
						t.Fatalf("document %d: %q repeats in an unchecked object: %v", doc, nm, err)
					}
					w.Null()
					stop = step + 1 + r.IntN(40)
					break
				}
				if !errors.Is(w.Err(), ErrDuplicateName) {
					t.Fatalf("document %d: %q repeats: Err %v, want ErrDuplicateName", doc, nm, w.Err())
				}
				st.dups++
				if l.inner {
					st.dupsAfterInner++
				}
				if inMore {
					st.dupsInMore++
				}
				break steps
			case len(l.names) >= l.size:
				w.EndObject()
				stack = stack[:len(stack)-1]
			case k < 3:
				if err := w.Flush(&out); err != nil {
					t.Fatal(err)
				}
			default:
				fresh++
				nm := "n" + strconv.Itoa(fresh)
				switch r.IntN(8) {
				case 0:
					nm += "\n" // escaped: add, not addQuick
				case 1:
					nm += "é"
				}
				if r.IntN(6) == 0 {
					w.NameBytes([]byte(nm))
				} else {
					w.Name(nm)
				}
				if err := w.Err(); err != nil {
					t.Fatalf("document %d: %q: %v", doc, nm, err)
				}
				l.names = append(l.names, nm)
				if len(stack) < 3 && r.IntN(10) == 0 {
					open()
				} else {
					w.Int(int64(fresh))
				}
			}
			if err := namesState(&w.names); err != nil {
				t.Fatalf("document %d: %v", doc, err)
			}
		}
		if len(stack) == 0 {
			if _, err := w.Finish(); err != nil {
				t.Fatalf("document %d: %v", doc, err)
			}
		}
	}
	t.Logf("%+v", st)
	if st.dupsAfterInner < 500 || st.dupsInMore < 500 || st.hashedInner < 500 || st.resets < 500 {
		t.Errorf("the generator lost its reach: %+v", st)
	}
}

// TestWriterNamesLinearLimit: an object stays linear up to
// linearWriterNames names and is indexed at the next, whether it passes
// the inline entries or starts past them, with objects opened and closed
// inside it on the way, in a new Writer and in one with room for many
// entries; a duplicate of a name written before an inner object is found
// after it closes, linear or hashed.
func TestWriterNamesLinearLimit(t *testing.T) {
	for k := range 14 {
		before := []int{0, 1, 10, 22, 23, 24, 30}[k/2]
		var w Writer
		if k%2 == 1 {
			// A Writer that has held many names: room for entries
			// does not stop addQuick first.
			w.BeginObject()
			for i := range 4 * linearWriterNames {
				w.Name("w" + strconv.Itoa(i))
				w.Null()
			}
			w.Reset(nil)
		}
		w.BeginObject()
		for i := range before { // outer names: the object starts later
			w.Name("o" + strconv.Itoa(i))
			w.Null()
		}
		w.Name("x")
		w.BeginObject()
		for i := range linearWriterNames + 1 {
			nm := "n" + strconv.Itoa(i)
			for j := 0; i == linearWriterNames && w.names.filter&filterBit(textKey(nm)) != 0; j++ {
				nm = "m" + strconv.Itoa(j) // one addQuick would take
			}
			w.Name(nm)
			hashed := w.names.at(w.names.obj).off == markHashed
			if names := i + 1; hashed != (names > linearWriterNames) {
				t.Fatalf("%d names before (used Writer %v): %d names, hashed %v", before, k%2 == 1, names, hashed)
			}
			if i%20 == 19 { // an object as the value
				w.BeginObject()
				w.Name("a")
				w.Null()
				w.EndObject()
			} else {
				w.Null()
			}
		}
		w.Name("n3")
		if !errors.Is(w.Err(), ErrDuplicateName) {
			t.Fatalf("%d names before: n3 repeats in the hashed object: %v", before, w.Err())
		}
		if before > 0 {
			w = Writer{}
			w.BeginObject()
			for i := range before {
				w.Name("o" + strconv.Itoa(i))
				w.Null()
			}
			w.Name("x")
			w.BeginObject()
			w.Name("o0")
			w.Null()
			w.EndObject()
			w.Name("o" + strconv.Itoa(before-1))
			if !errors.Is(w.Err(), ErrDuplicateName) {
				t.Fatalf("%d names before: the last repeats after an inner object: %v", before, w.Err())
			}
		}
	}
}

// TestWriterNamesHashedInnerClosed: a hashed object closed inside a
// linear one takes its names out of the index. Two such objects in an
// array have their marks at the same entry, so the same name hashes the
// same in both: a name of the first found in the index while the second
// is written (the index not rebuilt in between: 150 names, then 100) is
// a duplicate that is not there.
func TestWriterNamesHashedInnerClosed(t *testing.T) {
	var w Writer
	w.BeginObject()
	w.Name("x")
	w.BeginArray()
	for k, count := range []int{150, 100} {
		w.BeginObject()
		for i := range count {
			w.Name("n" + strconv.Itoa(i))
			w.Null()
		}
		if k == 1 {
			w.Name("n120") // the first object's only
			if err := w.Err(); err != nil {
				t.Fatalf("a name of the closed object: %v", err)
			}
			w.Null()
		}
		w.EndObject()
		if w.names.nindex != 0 {
			t.Fatalf("object %d closed: %d names indexed, want 0", k, w.names.nindex)
		}
	}
	w.EndArray()
	w.EndObject()
	if _, err := w.Finish(); err != nil {
		t.Fatal(err)
	}
}
