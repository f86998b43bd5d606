package lejp

import (
	"errors"
	"strconv"
	"testing"
)

// invalidUTF8 are strings that are not UTF-8: a lone continuation byte, a
// truncated sequence, an overlong form, an encoded surrogate, a code point
// beyond U+10FFFF, a byte that never appears in UTF-8.
var invalidUTF8 = []string{"\x80", "a\xc3", "\xc0\x80", "\xed\xa0\x80", "\xf4\x90\x80\x80", "ok\xffok"}

// TestWriterInvalidUTF8: a string or name that is not UTF-8 is refused at
// once, whichever method writes it; the error matches ErrInvalidUTF8 (the
// parser's sentinel) and ErrWriter, nothing is written, and it stays. The
// base wrote U+FFFD instead, another string than the one given.
func TestWriterInvalidUTF8(t *testing.T) {
	for _, s := range invalidUTF8 {
		for name, tc := range map[string]struct {
			setup, write func(w *Writer)
		}{
			"String":      {func(w *Writer) { w.BeginArray() }, func(w *Writer) { w.String(s) }},
			"second":      {func(w *Writer) { w.BeginArray(); w.Int(1) }, func(w *Writer) { w.String(s) }},
			"StringBytes": {func(w *Writer) { w.BeginObject(); w.Name("k") }, func(w *Writer) { w.StringBytes([]byte(s)) }},
			"top String":  {func(w *Writer) {}, func(w *Writer) { w.String(s) }},
			"Name":        {func(w *Writer) { w.BeginObject() }, func(w *Writer) { w.Name(s) }},
			"NameBytes":   {func(w *Writer) { w.BeginObject(); w.Name("a"); w.Int(1) }, func(w *Writer) { w.NameBytes([]byte(s)) }},
		} {
			var w Writer
			tc.setup(&w)
			before := string(w.Bytes())
			tc.write(&w)
			err := w.Err()
			if !errors.Is(err, ErrInvalidUTF8) || !errors.Is(err, ErrWriter) {
				t.Errorf("%s(%q): Err %v, want ErrInvalidUTF8 and ErrWriter", name, s, err)
			}
			if got := string(w.Bytes()); got != before {
				t.Errorf("%s(%q): wrote %q after %q", name, s, got, before)
			}
			w.EndArray()
			w.EndObject()
			if _, ferr := w.Finish(); ferr != err {
				t.Errorf("%s(%q): Finish %v, want the first error %v", name, s, ferr, err)
			}
		}
	}
	// Valid UTF-8, U+FFFD itself included, is written as before.
	var w Writer
	w.BeginObject()
	w.Name("\ufffd")
	w.String("é€😀\ufffd\U0010ffff")
	w.EndObject()
	if b, err := w.Finish(); err != nil || string(b) != "{\"\ufffd\":\"é€😀\ufffd\U0010ffff\"}" {
		t.Errorf("valid UTF-8: %q, %v", b, err)
	}
}

// TestWriterDuplicateName: a member name that the same object already has
// is refused at once (ErrDuplicateName, the parser's sentinel, and
// ErrWriter) and nothing is written; the same name in another object,
// nested or sibling, is not a duplicate. The base wrote every case.
func TestWriterDuplicateName(t *testing.T) {
	many := func(w *Writer, n int) {
		for i := range n {
			w.Name("member-" + strconv.Itoa(i))
			w.Int(int64(i))
		}
	}
	for name, tc := range map[string]struct {
		setup func(w *Writer)
		dup   string
	}{
		"second":       {func(w *Writer) { w.BeginObject(); w.Name("a"); w.Int(1) }, "a"},
		"empty":        {func(w *Writer) { w.BeginObject(); w.Name(""); w.Int(1) }, ""},
		"after others": {func(w *Writer) { w.BeginObject(); w.Name("kid"); w.Null(); w.Name("alg"); w.Null() }, "kid"},
		"escaped":      {func(w *Writer) { w.BeginObject(); w.Name("a\"\n\x01"); w.Null(); w.Name("b"); w.Null() }, "a\"\n\x01"},
		"after nested": {func(w *Writer) {
			w.BeginObject()
			w.Name("a")
			w.BeginObject()
			w.Name("b")
			w.Int(1)
			w.EndObject()
		}, "a"},
		"inner":    {func(w *Writer) { w.BeginObject(); w.Name("a"); w.BeginObject(); w.Name("b"); w.Int(1) }, "b"},
		"in array": {func(w *Writer) { w.BeginArray(); w.BeginObject(); w.Name("a"); w.Int(1) }, "a"},
		"after array": {func(w *Writer) {
			w.BeginObject()
			w.Name("a")
			w.BeginArray()
			w.BeginObject()
			w.Name("a")
			w.Int(1)
			w.EndObject()
			w.EndArray()
		}, "a"},
		"large first":     {func(w *Writer) { w.BeginObject(); many(w, 1000) }, "member-0"},
		"large last":      {func(w *Writer) { w.BeginObject(); many(w, 1000) }, "member-999"},
		"large middle":    {func(w *Writer) { w.BeginObject(); many(w, 1000) }, "member-500"},
		"at threshold":    {func(w *Writer) { w.BeginObject(); many(w, 32) }, "member-31"},
		"past threshold":  {func(w *Writer) { w.BeginObject(); many(w, 33) }, "member-0"},
		"nested in large": {func(w *Writer) { w.BeginObject(); many(w, 100); w.Name("x"); w.BeginObject(); many(w, 100) }, "member-99"},
		"large after nested large": {func(w *Writer) {
			w.BeginObject()
			many(w, 100)
			w.Name("x")
			w.BeginObject()
			many(w, 100)
			w.EndObject()
		}, "member-42"},
	} {
		for _, bytesName := range []bool{false, true} {
			var w Writer
			tc.setup(&w)
			if w.Err() != nil {
				t.Fatalf("%s: setup: %v", name, w.Err())
			}
			before := string(w.Bytes())
			if bytesName {
				w.NameBytes([]byte(tc.dup))
			} else {
				w.Name(tc.dup)
			}
			err := w.Err()
			if !errors.Is(err, ErrDuplicateName) || !errors.Is(err, ErrWriter) {
				t.Errorf("%s (bytes %v): Err %v, want ErrDuplicateName and ErrWriter", name, bytesName, err)
			}
			if got := string(w.Bytes()); got != before {
				t.Errorf("%s: wrote %q", name, got[len(before):])
			}
			w.Int(1)
			w.EndObject()
			if _, ferr := w.Finish(); ferr != err {
				t.Errorf("%s: Finish %v, want %v", name, ferr, err)
			}
		}
	}

	// The same names in other objects are not duplicates, and objects
	// reopened after others closed start empty.
	var w Writer
	w.BeginArray()
	for range 3 {
		w.BeginObject()
		many(&w, 40)
		w.Name("o")
		w.BeginObject()
		many(&w, 40)
		w.Name("o")
		w.BeginObject()
		many(&w, 3)
		w.EndObject()
		w.EndObject()
		w.Name("p")
		w.BeginObject()
		many(&w, 3)
		w.EndObject()
		w.EndObject()
	}
	w.EndArray()
	out, err := w.Finish()
	if err != nil {
		t.Fatal(err)
	}
	if err := Check(out, nil); err != nil {
		t.Fatalf("output: %v", err)
	}
}

// TestAllocsWriterFresh: a new Writer (as jose makes one per header or
// claims set) writing an object of 20 members, with one nested, allocates
// nothing with the checks on when given a buffer large enough. The base
// allocated its structure stack.
func TestAllocsWriterFresh(t *testing.T) {
	names := make([]string, 20)
	for i := range names {
		names[i] = "name" + strconv.Itoa(i)
	}
	buf := make([]byte, 0, 1024)
	write := func() {
		var w Writer
		w.Reset(buf[:0])
		w.BeginObject()
		for _, n := range names {
			w.Name(n)
			w.String("value")
		}
		w.Name("nested")
		w.BeginObject()
		w.Name("name0")
		w.BeginArray()
		w.Int(1)
		w.EndArray()
		w.EndObject()
		w.EndObject()
		if _, err := w.Finish(); err != nil {
			t.Fatal(err)
		}
	}
	write()
	if a := testing.AllocsPerRun(20, write); a != 0 {
		t.Errorf("fresh Writer, 20 names: %v allocations, want 0", a)
	}
}

// TestWriterAllowInvalidUTF8: the opt-out writes each byte that is not
// UTF-8 as \ufffd (AppendString's output), and compares names as a reader
// decodes them: "\xff", "\xfe" and "\ufffd" are one name.
func TestWriterAllowInvalidUTF8(t *testing.T) {
	for _, s := range invalidUTF8 {
		w := Writer{AllowInvalidUTF8: true}
		w.BeginObject()
		w.Name(s)
		w.String(s)
		w.EndObject()
		got, err := w.Finish()
		want := "{" + string(AppendString(nil, s)) + ":" + string(AppendString(nil, s)) + "}"
		if err != nil || string(got) != want {
			t.Errorf("%q: %s, %v; want %s", s, got, err, want)
		}
		if err := Check(got, nil); err != nil {
			t.Errorf("%q: output %s: %v", s, got, err)
		}
	}
	for _, pair := range [][2]string{
		{"\xff", "\xfe"}, {"\xff", "\ufffd"}, {"\ufffd", "\xff"}, {"a\xffb\n", "a\ufffdb\n"},
		{"\xed\xa0\x80", "\ufffd\ufffd\ufffd"}, {"\\\xff", "\\\ufffd"},
	} {
		for _, n := range []int{0, 40} { // linear and hashed objects
			w := Writer{AllowInvalidUTF8: true}
			w.BeginObject()
			for i := range n {
				w.Name("m" + strconv.Itoa(i))
				w.Null()
			}
			w.Name(pair[0])
			w.Null()
			w.Name(pair[1])
			if !errors.Is(w.Err(), ErrDuplicateName) {
				t.Errorf("%q then %q after %d names: %v, want ErrDuplicateName", pair[0], pair[1], n, w.Err())
			}
		}
	}
	// Names that decode differently stay different: a backslash followed
	// by "ufffd" is not U+FFFD.
	w := Writer{AllowInvalidUTF8: true}
	w.BeginObject()
	w.Name("\xff")
	w.Null()
	w.Name(`\ufffd`)
	w.Null()
	w.Name("\ufffd\ufffd")
	w.Null()
	w.EndObject()
	if out, err := w.Finish(); err != nil || Check(out, nil) != nil {
		t.Errorf("distinct names: %s, %v", out, err)
	}
	// Reset keeps the option.
	w.Reset(nil)
	w.String("\xff")
	if out, err := w.Finish(); err != nil || string(out) != `"\ufffd"` {
		t.Errorf("after Reset: %s, %v", out, err)
	}
}

// TestWriterAllowDuplicateNames: the opt-out writes repeated names (both
// members), and holds for the objects begun with it set.
func TestWriterAllowDuplicateNames(t *testing.T) {
	for _, n := range []int{1, 40} {
		w := Writer{AllowDuplicateNames: true}
		w.BeginObject()
		for range 2 {
			for i := range n {
				w.Name("a" + strconv.Itoa(i))
				w.Int(int64(i))
			}
		}
		w.EndObject()
		out, err := w.Finish()
		if err != nil {
			t.Fatalf("%d names twice: %v", n, err)
		}
		if err := Check(out, &Options{AllowDuplicateNames: true}); err != nil {
			t.Fatalf("%d names twice: %s: %v", n, out, err)
		}
		if n == 1 && string(out) != `{"a0":0,"a0":0}` {
			t.Errorf("got %s", out)
		}
	}
	// Set while an object is open: that object stays checked, one begun
	// after it is not; cleared again, the outer object is still checked.
	var w Writer
	w.BeginObject()
	w.Name("a")
	w.AllowDuplicateNames = true
	w.BeginObject()
	w.Name("x")
	w.Null()
	w.Name("x")
	w.Null()
	w.EndObject()
	w.AllowDuplicateNames = false
	w.Name("a")
	if !errors.Is(w.Err(), ErrDuplicateName) {
		t.Errorf("outer object: %v, want ErrDuplicateName", w.Err())
	}
	// Reset keeps the option.
	w = Writer{AllowDuplicateNames: true}
	w.Reset(nil)
	w.BeginObject()
	w.Name("a")
	w.Null()
	w.Name("a")
	w.Null()
	w.EndObject()
	if _, err := w.Finish(); err != nil {
		t.Errorf("after Reset: %v", err)
	}
}

// TestWriterErrorText pins the refused-content messages: prefixed, naming
// the rule and where in the output, never the content.
func TestWriterErrorText(t *testing.T) {
	var w Writer
	w.BeginObject()
	w.Name("a")
	w.String("secret\xff")
	if got, want := w.Err().Error(), "lejp: writer: invalid UTF-8 (a string at output offset 5)"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	w.Reset(nil)
	w.BeginObject()
	w.Name("a")
	w.Null()
	w.Name("a")
	if got, want := w.Err().Error(), "lejp: writer: duplicate object member name (a member name at output offset 9)"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	w.Reset(nil)
	w.BeginArray()
	w.Raw([]byte(`{"k":1,"k":2}`))
	err := w.Err()
	if got, want := err.Error(), "lejp: writer: Raw value at output offset 1: lejp: duplicate object member name at offset 7 (path /k)"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	var se *SyntaxError
	if !errors.Is(err, ErrDuplicateName) || !errors.Is(err, ErrWriter) || !errors.As(err, &se) {
		t.Errorf("Raw error %v does not match its causes", err)
	}
}

// TestWriterDeep: containers below 64 levels (where the Writer's kinds
// leave its bit set for a slice) keep their kinds and names; a wrong end
// there is misuse as above.
func TestWriterDeep(t *testing.T) {
	var w Writer
	for d := range 150 {
		if d%2 == 0 {
			w.BeginObject()
			w.Name("k")
		} else {
			w.BeginArray()
		}
	}
	w.Null()
	for d := 149; d >= 0; d-- {
		if d%2 == 0 {
			w.Name("k") // a duplicate at every object level
			if !errors.Is(w.Err(), ErrDuplicateName) {
				t.Fatalf("depth %d: %v, want ErrDuplicateName", d, w.Err())
			}
			w.err = nil // internal: carry on with the same state
			w.Name("j")
			w.Int(1)
			w.EndObject()
		} else {
			w.EndArray()
		}
	}
	out, err := w.Finish()
	if err != nil {
		t.Fatal(err)
	}
	if err := Check(out, nil); err != nil {
		t.Fatal(err)
	}
	w.Reset(nil)
	for range 100 {
		w.BeginArray()
	}
	w.EndObject()
	if !errors.Is(w.Err(), ErrWriter) {
		t.Errorf("EndObject at depth 100 in an array: %v", w.Err())
	}
}

// TestWriterNoLimits pins what the Writer's doc says of limits: it writes
// a document nested deeper than DefaultMaxDepth, which Check refuses with
// the default Options (ErrDepth) and accepts with a larger MaxDepth.
func TestWriterNoLimits(t *testing.T) {
	var w Writer
	for range DefaultMaxDepth + 1 {
		w.BeginArray()
	}
	for range DefaultMaxDepth + 1 {
		w.EndArray()
	}
	out, err := w.Finish()
	if err != nil {
		t.Fatal(err)
	}
	if err := Check(out, nil); !errors.Is(err, ErrDepth) {
		t.Errorf("default Options: %v, want ErrDepth", err)
	}
	if err := Check(out, &Options{MaxDepth: DefaultMaxDepth + 1}); err != nil {
		t.Errorf("MaxDepth %d: %v", DefaultMaxDepth+1, err)
	}
}
