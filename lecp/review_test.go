package lecp

// Regression tests for defects found by reading the code against its
// documentation (session 8 review): each test says what the code did.

import (
	"bytes"
	"encoding/hex"
	"errors"
	"io"
	"math"
	"runtime"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/lwscrypto/lwscrypto/internal/testenv"
)

// bytesOfSize is a byte string whose encoding is exactly n bytes long.
func bytesOfSize(n int) []byte {
	for _, h := range []int{1, 2, 3, 5, 9} {
		if headLen(uint64(n-h)) == h {
			return AppendBytes(nil, bytes.Repeat([]byte{1}, n-h))
		}
	}
	panic("no size")
}

// TestReadValueMaxValueLenSmall: ReadValue from an io.Reader holds a value
// of exactly Options.MaxValueLen bytes and refuses one a byte longer, also
// when the value completes in one token. The check ran only between the
// tokens of an unfinished item, so a 101-byte string came back under
// MaxValueLen 100 (as did anything up to the decoder's first 4 KiB buffer,
// or up to twice a limit that is not a power of two).
func TestReadValueMaxValueLenSmall(t *testing.T) {
	for _, limit := range []int{100, 6000} {
		for _, size := range []int{limit, limit + 1} {
			arrayHead := AppendArrayHeader(nil, 1)
			for _, doc := range [][]byte{
				bytesOfSize(size),
				append(arrayHead, bytesOfSize(size-len(arrayHead))...),
			} {
				v, err := NewDecoder(bytes.NewReader(doc), &Options{MaxValueLen: limit}).ReadValue()
				switch {
				case size <= limit && (err != nil || !bytes.Equal(v, doc)):
					t.Errorf("%x… (%d bytes), limit %d: %d bytes, %v", doc[:2], size, limit, len(v), err)
				case size > limit && !errors.Is(err, ErrValueTooLarge):
					t.Errorf("%x… (%d bytes), limit %d: %d bytes, %v; want ErrValueTooLarge", doc[:2], size, limit, len(v), err)
				}
			}
		}
	}
}

// TestNoValueAtBreakKeepsEnd: ReadValue, SkipValue and StringReader where
// a container ends report that no item starts there and leave the end to
// ReadToken, for an indefinite-length container as for a definite one. At
// the break of an indefinite-length array or map they consumed the break,
// so the ArrayEnd or MapEnd token was lost and the decoder's position no
// longer matched the caller's.
func TestNoValueAtBreakKeepsEnd(t *testing.T) {
	calls := map[string]func(d *Decoder) error{
		"ReadValue":    func(d *Decoder) error { _, err := d.ReadValue(); return err },
		"SkipValue":    func(d *Decoder) error { return d.SkipValue() },
		"StringReader": func(d *Decoder) error { _, _, err := d.StringReader(); return err },
	}
	for _, tc := range []struct {
		doc  string
		skip int // tokens before the end
		end  Kind
	}{
		{"8101", 2, ArrayEnd},
		{"9f01ff", 2, ArrayEnd},
		{"a10102", 3, MapEnd},
		{"bf0102ff", 3, MapEnd},
		{"9f9f01ffff", 4, ArrayEnd},
		{"9fbfffff", 3, ArrayEnd},
	} {
		for name, call := range calls {
			for _, d := range []*Decoder{
				NewDecoderBytes(testenv.Hex(t, tc.doc), nil),
				NewDecoder(iotest.OneByteReader(bytes.NewReader(testenv.Hex(t, tc.doc))), nil),
			} {
				noValueAtEnd(t, d, tc.doc, name, call, tc.skip, tc.end)
			}
		}
	}
}

// noValueAtEnd reads skip tokens from d, then checks that call reports
// ErrNoValue without moving and that the next token is end.
func noValueAtEnd(t *testing.T, d *Decoder, doc, name string, call func(*Decoder) error, skip int, end Kind) {
	t.Helper()
	for range skip {
		if _, err := d.ReadToken(); err != nil {
			t.Fatal(doc, err)
		}
	}
	off := d.InputOffset()
	if err := call(d); !errors.Is(err, ErrNoValue) {
		t.Errorf("%s: %s at the end: %v, want ErrNoValue", doc, name, err)
	}
	if got := d.InputOffset(); got != off {
		t.Errorf("%s: %s at the end moved from offset %d to %d", doc, name, off, got)
	}
	if tok, err := d.ReadToken(); err != nil || tok.Kind != end {
		t.Errorf("%s: after %s: %v %v, want %v", doc, name, tok.Kind, err, end)
	}
}

// TestFromJSONBignumDepth: FromJSON's output always passes Check with the
// default options, as its doc promises; a bignum is a tag, one more level
// of nesting, so at the depth limit it is ErrDepth. FromJSON counted only
// JSON arrays and objects and wrote a bignum inside 1000 nested arrays,
// 1001 levels that Check refuses.
func TestFromJSONBignumDepth(t *testing.T) {
	for _, num := range []string{"18446744073709551616", "-18446744073709551617"} {
		for _, depth := range []int{DefaultMaxDepth - 1, DefaultMaxDepth} {
			doc := strings.Repeat("[", depth) + num + strings.Repeat("]", depth)
			out, err := FromJSON(nil, strings.NewReader(doc), false)
			if depth < DefaultMaxDepth {
				if err != nil {
					t.Errorf("%s at depth %d: %v", num, depth, err)
				} else if err := Check(out, nil); err != nil {
					t.Errorf("%s at depth %d: output refused by Check: %v", num, depth, err)
				}
				continue
			}
			var se *SyntaxError
			if !errors.As(err, &se) || se.Err != ErrDepth || se.Offset != int64(depth) || se.Path != strings.Repeat("[0]", depth) {
				t.Errorf("%s at depth %d: %v; want ErrDepth at offset %d", num, depth, err, depth)
				if err == nil {
					t.Logf("Check of the output: %v", Check(out, nil))
				}
			}
		}
	}
}

// TestWriterOpenIndefiniteString: an indefinite-length string begun with
// WriteEvent is an unfinished item, like an open array: Bytes reports it,
// and an item written before its end is misuse. Bytes returned the output
// without the string and no error, and an integer written inside the
// string went out as an item of its own.
func TestWriterOpenIndefiniteString(t *testing.T) {
	var w Writer
	w.BeginArray()
	w.Uint(1)
	w.EndArray()
	w.WriteEvent(&Event{Kind: TextStart, Indefinite: true})
	w.WriteEvent(&Event{Kind: Text, Value: []byte("a")})
	if b, err := w.Bytes(); err == nil {
		t.Errorf("Bytes with a text string open: %x, nil error", b)
	}
	w.WriteEvent(&Event{Kind: TextEnd})
	if b, err := w.Bytes(); err != nil || !bytes.Equal(b, testenv.Hex(t, "81016161")) {
		t.Errorf("after TextEnd: %x, %v", b, err)
	}

	for name, misuse := range map[string]func(w *Writer){
		"Uint":       func(w *Writer) { w.Uint(1) },
		"BeginArray": func(w *Writer) { w.BeginArray() },
		"BytesStart": func(w *Writer) { w.WriteEvent(&Event{Kind: BytesStart, Indefinite: true}) },
	} {
		var w Writer
		w.WriteEvent(&Event{Kind: BytesStart, Indefinite: true})
		w.WriteEvent(&Event{Kind: Bytes, Value: []byte{7}})
		misuse(&w)
		w.WriteEvent(&Event{Kind: Bytes, Value: []byte{8}})
		w.WriteEvent(&Event{Kind: BytesEnd})
		if b, err := w.Bytes(); err == nil {
			t.Errorf("%s inside an indefinite-length byte string: %x, nil error", name, b)
		}
	}
}

// TestDeterministicAllowDuplicateKeys: with both options, two equal keys in
// a row are accepted, as AllowDuplicateKeys says ("accepts a map with two
// equal keys"), and are in the bytewise order Deterministic asks for (not
// out of it); keys out of order are still ErrNotDeterministic. The
// deterministic order check reported ErrDuplicateKey, the one error the
// caller had allowed.
func TestDeterministicAllowDuplicateKeys(t *testing.T) {
	opts := &Options{Deterministic: true, AllowDuplicateKeys: true}
	for _, tc := range []struct {
		doc  string
		want error
	}{
		{"a201010102", nil},                     // {1: 1, 1: 2}
		{"a3616101616102616103", nil},           // {"a": 1, "a": 2, "a": 3}
		{"a2820102008201020f", nil},             // {[1, 2]: 0, [1, 2]: 15}
		{"a30101020201ff", ErrNotDeterministic}, // {1: 1, 2: 2, 1: …}
		{"a2020101ff", ErrNotDeterministic},     // {2: 1, 1: …}
	} {
		for i, err := range decodeAll(testenv.Hex(t, tc.doc), opts) {
			if tc.want == nil && err != nil && err != io.EOF || tc.want != nil && !errors.Is(err, tc.want) {
				t.Errorf("%s: api %d: %v, want %v", tc.doc, i, err, tc.want)
			}
		}
	}
}

// TestPathsNameOneKey: the path of each value names that value alone, and
// used as a pattern matches it and nothing else, or, for a key a pattern
// cannot name (a float, simple(n), an array, map or tag), is refused with
// ErrPattern. Text keys such as "true", "null" or "{}" were written bare,
// so the text key "true" and the key true had the same path; and the
// pattern h'01' (the path of the byte-string key h'01') compiled to the
// text key "h'01'", so it silently matched nothing.
func TestPathsNameOneKey(t *testing.T) {
	var w Writer
	w.BeginMap()
	keys := []func(){
		func() { w.Text("true") }, func() { w.Bool(true) },
		func() { w.Text("false") }, func() { w.Bool(false) },
		func() { w.Text("null") }, func() { w.Null() },
		func() { w.Text("undefined") }, func() { w.Undefined() },
		func() { w.Text("h'01'") }, func() { w.ByteString([]byte{1}) },
		func() { w.Text("h''") }, func() { w.ByteString(nil) },
		func() { w.Text("{}") }, func() { w.BeginMap(); w.EndMap() },
		func() { w.Text("NaN") }, func() { w.Float(math.NaN()) },
		func() { w.Text("Infinity") }, func() { w.Float(math.Inf(1)) },
		func() { w.Text("simple(32)") }, func() { w.Simple(32) },
		func() { w.Text("7") }, func() { w.Uint(7) },
	}
	// the keys no pattern names (a pattern names text, integers, byte
	// strings, false, true, null and undefined)
	unnameable := map[int]bool{13: true, 15: true, 17: true, 19: true}
	for i, key := range keys {
		key()
		w.Uint(uint64(i))
	}
	w.EndMap()
	doc, err := w.Bytes()
	if err != nil {
		t.Fatal(err)
	}
	valuePaths := func(pattern string) (paths []string, matched []uint64, err error) {
		var pats []string
		if pattern != "" {
			pats = []string{pattern}
		}
		p, err := NewParser(HandlerFunc(func(p *Parser, ev *Event) error {
			if ev.Kind == Uint && p.Depth() == 1 && p.Path() != "" {
				paths = append(paths, p.Path())
				if ev.Pattern == 0 {
					matched = append(matched, ev.Uint)
				}
			}
			return nil
		}), nil, pats...)
		if err != nil {
			return nil, nil, err
		}
		if _, err := p.Write(doc); err != nil {
			t.Fatal(err)
		}
		return paths, matched, p.Close()
	}
	paths, _, err := valuePaths("")
	if err != nil || len(paths) != len(keys) {
		t.Fatalf("%d paths %q, %v", len(paths), paths, err)
	}
	seen := map[string]int{}
	for i, path := range paths {
		if j, dup := seen[path]; dup {
			t.Errorf("values %d and %d have the same path %s", j, i, path)
		}
		seen[path] = i
		_, matched, err := valuePaths(path)
		switch {
		case err != nil && unnameable[i] && errors.Is(err, ErrPattern):
			// a key no pattern can name
		case err != nil:
			t.Errorf("path %s of value %d as a pattern: %v", path, i, err)
		case len(matched) != 1 || matched[0] != uint64(i):
			t.Errorf("path %s of value %d as a pattern matched values %v", path, i, matched)
		}
	}
}

// TestZeroChecker: a Checker declared without NewChecker checks with the
// default options, as a nil *Options does, and agrees with Check. Its
// limits were all zero: every array or map was "too many items" or "nesting
// too deep", and a map key would have met a nil limits pointer.
func TestZeroChecker(t *testing.T) {
	var c Checker
	for _, doc := range []string{"01", "8101", "a10102", "9f01ff", "bf0102ff", "a2616101616102", "a20101 0102", "ff", "820102 03"} {
		b := testenv.Hex(t, strings.ReplaceAll(doc, " ", ""))
		want := Check(b, nil)
		got := c.Check(b)
		if (got == nil) != (want == nil) || got != nil && got.Error() != want.Error() {
			t.Errorf("%s: zero Checker %v, Check %v", doc, got, want)
		}
	}
}

// TestCaptureFromRawEvent: Capture called from the Raw event of a capture
// that just completed does nothing and returns false, as from any event
// that starts no item. It returned true and started a capture anyway: whole
// input gave an empty Raw event after the next item, input split in bytes
// that item's bytes, so the events depended on the split.
func TestCaptureFromRawEvent(t *testing.T) {
	doc := testenv.Hex(t, "83010203")
	for _, pats := range [][]string{nil, {"x"}} {
		for _, split := range []bool{false, true} {
			var raws []string
			p, err := NewParser(HandlerFunc(func(p *Parser, ev *Event) error {
				if ev.Kind == Uint && ev.Uint == 1 && !p.Capture() {
					t.Error("Capture on the item 1 refused")
				}
				if ev.Kind == Raw {
					raws = append(raws, hex.EncodeToString(ev.Value))
					if p.Capture() {
						t.Errorf("patterns %q, split %v: Capture from a Raw event returned true", pats, split)
					}
				}
				return nil
			}), nil, pats...)
			if err != nil {
				t.Fatal(err)
			}
			if split {
				for i := range doc {
					if _, err := p.Write(doc[i : i+1]); err != nil {
						t.Fatal(err)
					}
				}
			} else if _, err := p.Write(doc); err != nil {
				t.Fatal(err)
			}
			if err := p.Close(); err != nil {
				t.Fatal(err)
			}
			if strings.Join(raws, " ") != "01" {
				t.Errorf("patterns %q, split %v: Raw events %q, want [01]", pats, split, raws)
			}
		}
	}
}

// TestStringReaderNotAStringKeepsItem: StringReader where the next item is
// not a string returns an error and leaves that item to be read. It
// consumed the item's head, so after StringReader on [1] the decoder was
// inside the array (and past an integer) without the caller knowing.
func TestStringReaderNotAStringKeepsItem(t *testing.T) {
	for _, tc := range []struct {
		doc  string
		want Kind // the next token after the refused StringReader
	}{
		{"820102", ArrayStart},
		{"a0", MapStart},
		{"c24101", TagStart},
		{"01", Uint},
		{"20", Nint},
		{"f5", True},
		{"f93c00", Float},
	} {
		for _, d := range []*Decoder{
			NewDecoderBytes(testenv.Hex(t, tc.doc), nil),
			NewDecoder(iotest.OneByteReader(bytes.NewReader(testenv.Hex(t, tc.doc))), nil),
		} {
			if _, _, err := d.StringReader(); err == nil {
				t.Errorf("%s: StringReader accepted it", tc.doc)
			}
			if off := d.InputOffset(); off != 0 {
				t.Errorf("%s: StringReader moved to offset %d", tc.doc, off)
			}
			if tok, err := d.ReadToken(); err != nil || tok.Kind != tc.want {
				t.Errorf("%s: next token %v %v, want %v", tc.doc, tok.Kind, err, tc.want)
			}
		}
	}
}

// TestHandlerSyntaxErrorCloses: a Handler's error stops the parser, and
// later calls return ErrClosed, as the Handler doc says, also when the
// handler's error is a *SyntaxError of its own (say from checking an
// embedded item). Such an error was kept as the parser's sticky syntax
// error and returned again by Write and Close.
func TestHandlerSyntaxErrorCloses(t *testing.T) {
	inner := Check([]byte{0xff}, nil) // a SyntaxError not of this parser
	if inner == nil {
		t.Fatal("ff accepted")
	}
	for _, pats := range [][]string{nil, {"x"}} {
		p, err := NewParser(HandlerFunc(func(*Parser, *Event) error { return inner }), nil, pats...)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := p.Write([]byte{0x82, 0x01}); err != inner {
			t.Fatalf("Write: %v, want the handler's error", err)
		}
		if _, err := p.Write([]byte{0x02}); err != ErrClosed {
			t.Errorf("patterns %q: Write after the handler's error: %v, want ErrClosed", pats, err)
		}
		if err := p.Close(); err != ErrClosed {
			t.Errorf("patterns %q: Close after the handler's error: %v, want ErrClosed", pats, err)
		}
	}
}

// TestJSONNestedBignumTagsLinear: AppendJSON's work and memory grow with
// the input, not with the input times the nesting of tags 2 and 3. Each
// tag 2 or 3 around something other than a byte string read its content
// whole (a full pass, holding its map keys) and converted it again with a
// decoder of its own, so 900 nested tags around a map of 2000 pairs (8.6
// KB) allocated over 200 MB, and around a 1 MiB array took seconds.
func TestJSONNestedBignumTagsLinear(t *testing.T) {
	doc := func(depth int) []byte {
		b := bytes.Repeat([]byte{0xc2}, depth)
		b = AppendMapHeader(b, 2000)
		for i := range 2000 {
			b = append(AppendUint(b, uint64(i)), 0)
		}
		return b
	}
	flat, deep := doc(1), doc(900)
	want, err := AppendJSON(nil, flat, nil)
	if err != nil {
		t.Fatal(err)
	}
	var got []byte
	n1 := allocBytes(func() { _, _ = AppendJSON(nil, flat, nil) })
	n900 := allocBytes(func() { got, err = AppendJSON(nil, deep, nil) })
	if err != nil || !bytes.Equal(got, want) {
		t.Fatalf("900 nested tags: %v, output differs from one tag's", err)
	}
	if n900 > 2*n1+1<<20 {
		t.Errorf("900 nested tags 2 around a %d-byte map: %d bytes allocated, one tag: %d", len(flat)-1, n900, n1)
	}
}

// TestPathOfLooseCompositeKey: the path through a composite map key that
// only the options accept (a duplicate key or invalid UTF-8 inside it)
// names that key. The key's diagnostic notation was made under the default
// options, which refuse it, and the segment was silently left out: the
// value's path read "", the top level.
func TestPathOfLooseCompositeKey(t *testing.T) {
	for _, tc := range []struct {
		doc  string
		opts *Options
		want string
	}{
		{"a18161ff05", &Options{AllowInvalidUTF8: true}, `["\ufffd"]`},
		{"a1a20100010105", &Options{AllowDuplicateKeys: true}, "{1: 0, 1: 1}"},
		{"a161ff05", &Options{AllowInvalidUTF8: true}, `"\ufffd"`},
	} {
		var got []string
		p, err := NewParser(HandlerFunc(func(p *Parser, ev *Event) error {
			if ev.Kind == Uint && ev.Uint == 5 {
				got = append(got, p.Path())
			}
			return nil
		}), tc.opts)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := p.Write(testenv.Hex(t, tc.doc)); err != nil {
			t.Fatal(err)
		}
		if err := p.Close(); err != nil {
			t.Fatal(err)
		}
		if len(got) != 1 || got[0] != tc.want {
			t.Errorf("%s: path %q, want %q", tc.doc, got, tc.want)
		}
	}
}

// TestZeroDecoderReset: a Decoder declared without NewDecoder and set up
// by Reset or ResetBytes decodes with the default options, as a nil
// *Options does. Its limits were all zero, so every array or map was
// refused ("too many items", "nesting too deep").
func TestZeroDecoderReset(t *testing.T) {
	doc := testenv.Hex(t, "a2616182010261629f03ff")
	for name, reset := range map[string]func(d *Decoder){
		"Reset":      func(d *Decoder) { d.Reset(bytes.NewReader(doc)) },
		"ResetBytes": func(d *Decoder) { d.ResetBytes(doc) },
	} {
		var d Decoder
		reset(&d)
		n := 0
		var err error
		for err == nil {
			_, err = d.ReadToken()
			n++
		}
		if err != io.EOF || n != 12 {
			t.Errorf("zero Decoder after %s: %d tokens, then %v", name, n-1, err)
		}
	}
}

// TestJSONDeepNestingStack: AppendJSON converts deep nesting (allowed by a
// large Options.MaxDepth) with memory that does not grow with the depth
// beyond a small multiple of the input. It recursed once per level, so
// 100,000 nested arrays (100 KB) grew its goroutine's stack to 64 MB, and a
// million (1 MB) overflowed the 1 GB stack limit: a fatal error, which no
// recover catches.
func TestJSONDeepNestingStack(t *testing.T) {
	const depth = 100000
	in := append(bytes.Repeat([]byte{0x81}, depth), 0x00)
	want := strings.Repeat("[", depth) + "0" + strings.Repeat("]", depth)
	var before, after runtime.MemStats
	var out []byte
	var err error
	done := make(chan struct{})
	go func() {
		defer close(done)
		runtime.ReadMemStats(&before)
		out, err = AppendJSON(nil, in, &Options{MaxDepth: 1 << 20})
		runtime.ReadMemStats(&after) // before a GC can shrink this goroutine's stack
	}()
	<-done
	if err != nil || string(out) != want {
		t.Fatalf("%d nested arrays: %.20q…, %v", depth, out, err)
	}
	if grown := int64(after.StackInuse) - int64(before.StackInuse); grown > 4<<20 {
		t.Errorf("%d nested arrays (%d bytes): stack grew by %d bytes", depth, len(in), grown)
	}
}
