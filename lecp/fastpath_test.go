package lecp

import (
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"testing"
)

// The fast paths (Parser.writeLoop for a HandlerFunc without patterns,
// fastStep for the Decoder and for the Parser with patterns or a capture,
// fastCheck, and map keys compared in place in the input) must give exactly
// what the machine gives. The machine alone runs when the input comes one
// byte at a time: every item then ends beyond the buffer, so the fast paths
// decline (except for one-byte items, which they take, so the comparison
// also covers the hand-over in both directions).

// traceDecoder returns the tokens of d with their paths, then the error.
func traceDecoder(d *Decoder) string {
	var sb strings.Builder
	for {
		tok, err := d.ReadToken()
		if err == io.EOF {
			return sb.String()
		}
		if err != nil {
			return sb.String() + "error: " + err.Error() + "\n"
		}
		ev := Event{Kind: tok.Kind, Indefinite: tok.Indefinite, Width: tok.Width, Uint: tok.Uint,
			Float: tok.Float, Value: tok.Value, Offset: tok.Offset, Pattern: -1}
		sb.WriteString(traceLine(&ev, d.Path()))
		sb.WriteString(rawFields(&ev) + "\n")
	}
}

// rawFields renders every field of ev, also those that do not apply to its
// kind (they keep earlier values, the same on every path).
func rawFields(ev *Event) string {
	return fmt.Sprintf(" {%t %d %d %x %x %d}", ev.Indefinite, ev.Width, ev.Uint, math.Float64bits(ev.Float), ev.Value, ev.Offset)
}

// rawHandler is a Handler that is not a HandlerFunc: the Parser then
// delivers through fastStep and deliver, never writeLoop, so it is an
// independent reference for writeLoop.
type rawHandler struct{ sb *strings.Builder }

func (h rawHandler) HandleEvent(p *Parser, ev *Event) error {
	h.sb.WriteString(ev.Kind.String() + rawFields(ev) + "\n")
	return nil
}

// traceRaw is tracePush with every field of every event, through a
// HandlerFunc, or through rawHandler when viaInterface is set.
func traceRaw(data []byte, opts *Options, split func(i int) int, viaInterface bool) string {
	var sb strings.Builder
	var h Handler = HandlerFunc(func(p *Parser, ev *Event) error {
		sb.WriteString(ev.Kind.String() + rawFields(ev) + "\n")
		return nil
	})
	if viaInterface {
		h = rawHandler{&sb}
	}
	p, _ := NewParser(h, opts)
	if err := writeSplit(p, data, split); err != nil {
		sb.WriteString("error: " + err.Error() + "\n")
	}
	return sb.String()
}

// traceRawTokens renders the Decoder's tokens over b like traceRaw, up to
// the first error (left out).
func traceRawTokens(b []byte, opts *Options) string {
	var sb strings.Builder
	d := NewDecoderBytes(b, opts)
	for {
		tok, err := d.ReadToken()
		if err != nil {
			return sb.String()
		}
		ev := Event{Kind: tok.Kind, Indefinite: tok.Indefinite, Width: tok.Width, Uint: tok.Uint,
			Float: tok.Float, Value: tok.Value, Offset: tok.Offset}
		sb.WriteString(ev.Kind.String() + rawFields(&ev) + "\n")
	}
}

// compareFastPaths checks the fast paths on b against the machine (see
// above) under opts.
func compareFastPaths(t *testing.T, b []byte, opts *Options) {
	t.Helper()
	one := func(int) int { return 1 }
	whole := tracePush(b, opts, nil)
	if got := tracePush(b, opts, one); got != whole {
		t.Fatalf("%x: push one byte at a time:\n%s\nwhole:\n%s", b, got, whole)
	}
	// two splits placed by the data, so the fuzzer moves them
	if len(b) > 2 {
		a := 1 + int(b[len(b)-1])%(len(b)-1)
		c := a + int(b[len(b)/2])%(len(b)-a)
		if got := tracePush(b, opts, func(i int) int { return []int{a, c - a, len(b)}[min(i, 2)] }); got != whole {
			t.Fatalf("%x: push split at %d, %d:\n%s\nwhole:\n%s", b, a, c, got, whole)
		}
	}
	// every field, also those that do not apply to the kind: writeLoop
	// against fastStep (rawHandler) and the machine (one byte at a time)
	rawWhole := traceRaw(b, opts, nil, false)
	for _, ref := range []string{traceRaw(b, opts, nil, true), traceRaw(b, opts, one, false), traceRaw(b, opts, one, true)} {
		if ref != rawWhole {
			t.Fatalf("%x: every field, HandlerFunc whole:\n%s\nreference:\n%s", b, rawWhole, ref)
		}
	}
	// the Decoder's tokens are the events (strings are not chunked below
	// StringChunk), up to an error
	if opts.StringChunk == 0 && len(b) < DefaultStringChunk {
		evs := traceRaw(b, opts, nil, true)
		if i := strings.Index(evs, "error: "); i >= 0 {
			evs = evs[:i]
		}
		if toks := traceRawTokens(b, opts); !strings.HasPrefix(evs, toks) || strings.Count(evs, "\n")-strings.Count(toks, "\n") > 1 {
			t.Fatalf("%x: tokens:\n%s\nevents:\n%s", b, toks, evs)
		}
	}
	pats := []string{"*", "[0]", "a.*", "1", "[1].*"}
	if got, want := tracePush(b, opts, nil, pats...), tracePush(b, opts, one, pats...); got != want {
		t.Fatalf("%x: patterns, whole:\n%s\none byte at a time:\n%s", b, got, want)
	}
	if got, want := traceCaptureAll(b, opts, nil), traceCaptureAll(b, opts, one); got != want {
		t.Fatalf("%x: capture, whole:\n%s\none byte at a time:\n%s", b, got, want)
	}
	dw := traceDecoder(NewDecoderBytes(b, opts))
	if dr := traceDecoder(NewDecoder(iotestOneByte(b), opts)); dr != dw {
		t.Fatalf("%x: decoder over the bytes:\n%s\nover a one-byte reader:\n%s", b, dw, dr)
	}
	// Check (fastCheck first): the push parser's verdict (its errors may
	// differ: it meets an invalid string piece before a truncation), and
	// the Decoder's error (strings whole, as Check)
	err := Check(b, opts)
	if (err != nil) != strings.Contains(whole, "error: ") {
		t.Fatalf("%x: Check %v, push:\n%s", b, err, whole)
	}
	derr := ""
	if i := strings.LastIndex(dw, "error: "); i >= 0 {
		derr = strings.TrimSuffix(dw[i+len("error: "):], "\n")
	}
	if got := ""; err != nil {
		got = err.Error()
		if got != derr {
			t.Fatalf("%x: Check %q, decoder %q", b, got, derr)
		}
	} else if derr != "" {
		t.Fatalf("%x: Check accepts, decoder %q", b, derr)
	}
}

// FuzzFastPaths runs compareFastPaths under the default limits, small
// limits and the lax options.
func FuzzFastPaths(f *testing.F) {
	addSeeds(f)
	for _, d := range fastPathDocs() {
		f.Add(d)
	}
	for _, h := range []string{"9f 01 02 03 04 ff", "9f 01 02 03 82 05 06 ff", "bf 61 61 01 61 62 02 61 63 03 61 64 04 ff",
		"bf 01 02 03 04 05 06 9f ff 01 ff", "81 9f 01 02 03 7f 61 61 ff ff", "9f 01 02 03 ff"} {
		f.Add(fromHex(h))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		compareFastPaths(t, b, &Options{MaxDepth: 64})
		compareFastPaths(t, b, &Options{MaxDepth: 8, StringChunk: 64, MaxKeyLen: 24, MaxKeyMemory: 600, MaxItems: 60})
		compareFastPaths(t, b, &Options{MaxDepth: 64, AllowDuplicateKeys: true, AllowInvalidUTF8: true})
		// a MaxItems a fuzz input passes in an indefinite container, where
		// the element past it is refused at its head on every path
		compareFastPaths(t, b, &Options{MaxDepth: 64, MaxItems: 3})
	})
}

// fastPathDocs are documents whose map keys exercise the in-place keys:
// maps of up to 60 keys (past the linear search, into the hash table),
// nested maps whose current keys must survive the end of a Write,
// duplicates at every depth, keys of other kinds between simple ones, and
// indefinite maps.
func fastPathDocs() [][]byte {
	var docs [][]byte
	for _, n := range []int{1, 3, 47, 48, 49, 60} {
		for _, dup := range []int{-1, 0, n / 2, n - 1} {
			b := AppendMapHeader(nil, uint64(n+1))
			for i := range n {
				b = AppendText(b, "key"+strconv.Itoa(i))
				// a nested map as the value: its keys go and come back
				b = AppendMapHeader(b, 2)
				b = AppendInt(b, int64(i)-5)
				b = AppendText(b, "v")
				if i == dup {
					b = AppendInt(b, int64(i)-5) // a duplicate in the inner map
				} else {
					b = AppendText(b, "w")
				}
				b = AppendBool(b, true)
			}
			if dup >= 0 {
				b = AppendText(b, "key"+strconv.Itoa(dup)) // a duplicate in the outer map
			} else {
				b = AppendText(b, "last")
			}
			b = AppendNull(b)
			docs = append(docs, b)
		}
	}
	// keys of other kinds (built canonically by the machine) mixed with
	// simple ones, in definite and indefinite maps, equal to each other
	for _, h := range []string{
		"a4 61 61 01 9f 01 ff 02 62 61 62 03 81 01 04",                       // [_ 1] then [1]: duplicate
		"a3 61 61 01 7f 61 62 ff 02 62 61 62 03",                             // (_ "b") and "ab"
		"a3 61 61 01 7f 61 61 ff 02 62 61 62 03",                             // (_ "a") equals "a"
		"bf 61 61 a1 61 62 01 61 63 02 01 03 f9 3c00 04 ff",                  // indefinite map, float key
		"a2 61 61 bf 61 62 01 61 62 02 ff 61 63 03",                          // duplicate inside an indefinite map
		"82 a2 01 02 03 04 a2 01 02 01 04",                                   // second map has a duplicate
		"a2 78 18 616161616161616161616161616161616161616161616161 01 01 02", // a 24-byte key (head 2 bytes)
		"a1 c1 01 02", // a tag as key
		"81 9f ff",    // an end right after an indefinite item's end
		"c1 82 bf ff 9f ff",
		"83 7f ff 01 02",
	} {
		docs = append(docs, fromHex(h))
	}
	return docs
}

func fromHex(h string) []byte {
	var b []byte
	h = strings.ReplaceAll(h, " ", "")
	for i := 0; i+1 < len(h); i += 2 {
		v, _ := strconv.ParseUint(h[i:i+2], 16, 8)
		b = append(b, byte(v))
	}
	return b
}

// TestFastPathsMachine runs compareFastPaths over fastPathDocs, every
// truncation of the small ones, and the Appendix A seeds' shapes.
func TestFastPathsMachine(t *testing.T) {
	opts := []*Options{
		{MaxDepth: 64},
		{MaxDepth: 8, StringChunk: 64, MaxKeyLen: 24, MaxKeyMemory: 600, MaxItems: 60},
		{MaxDepth: 64, AllowDuplicateKeys: true, AllowInvalidUTF8: true},
	}
	for _, d := range fastPathDocs() {
		for _, o := range opts {
			compareFastPaths(t, d, o)
			if len(d) < 40 {
				for i := range d {
					compareFastPaths(t, d[:i], o)
				}
			}
		}
	}
	// small documents split in three at every pair of offsets: keys taken
	// in place in one Write, maps ending, keys stored before, the next
	// Write's paths
	small := [][]byte{
		fromHex("a3 61 61 01 61 78 a2 61 70 01 61 71 02 61 62 82 01 02"), // {"a":1,"x":{"p":1,"q":2},"b":[1,2]}
		fromHex("a2 61 61 a2 01 a1 02 03 04 05 61 62 a1 61 62 80"),
		fromHex("82 a2 61 61 01 61 61 02 a1 61 61 81 a1 61 61 01"),
	}
	for _, d := range small {
		// (AllowDuplicateKeys keeps each map's current key in place too)
		for _, o := range []*Options{nil, {AllowDuplicateKeys: true}} {
			whole := tracePush(d, o, nil)
			for i := 1; i < len(d); i++ {
				for j := i; j < len(d); j++ {
					if got := tracePush(d, o, func(k int) int { return []int{i, j - i, len(d)}[min(k, 2)] }); got != whole {
						t.Fatalf("%x %+v split at %d, %d:\n%s\nwhole:\n%s", d, o, i, j, got, whole)
					}
				}
			}
		}
	}
	// a document split at every offset gives the same events
	d := fastPathDocs()[10]
	whole := tracePush(d, nil, nil)
	for i := 1; i < len(d); i++ {
		if got := tracePush(d, nil, func(j int) int { return []int{i, len(d)}[min(j, 1)] }); got != whole {
			t.Fatalf("split at %d:\n%s\nwhole:\n%s", i, got, whole)
		}
	}
	if !strings.Contains(whole, "duplicate") {
		t.Fatalf("the document should have a duplicate key:\n%s", whole)
	}
}

// TestInPlaceKeysMaterialized: after Write returns, the current keys of
// open maps no longer refer to the caller's buffer (which it may reuse):
// the paths are those of the whole document in one Write.
func TestInPlaceKeysMaterialized(t *testing.T) {
	doc := fromHex("a2 63 6b6579 a1 61 61 82 01 02 62 6b32 01")
	var opts *Options
	var paths []string
	var p *Parser
	run := func(split int) string {
		// p is reused (Reset): its key arena has room, so keys are kept in
		// place from the first one
		paths = paths[:0]
		p.Reset()
		buf := append([]byte(nil), doc[:split]...)
		if _, err := p.Write(buf); err != nil {
			t.Fatal(err)
		}
		for i := range buf {
			buf[i] = 0xff // the caller reuses its buffer
		}
		if _, err := p.Write(doc[split:]); err != nil {
			t.Fatal(err)
		}
		if err := p.Close(); err != nil {
			t.Fatal(err)
		}
		return strings.Join(paths, " ")
	}
	for _, opts = range []*Options{nil, {AllowDuplicateKeys: true}} {
		p, _ = NewParser(HandlerFunc(func(p *Parser, ev *Event) error {
			paths = append(paths, p.Path())
			return nil
		}), opts)
		run(len(doc))
		want := run(len(doc))
		if !strings.Contains(want, "key.a[1]") {
			t.Fatalf("paths %q", want)
		}
		for split := 1; split < len(doc); split++ {
			if got := run(split); got != want {
				t.Fatalf("%+v split at %d: paths %q, want %q", opts, split, got, want)
			}
		}
	}
	if err := Check(fromHex("a2 63 6b6579 01 63 6b6579 02"), nil); !errors.Is(err, ErrDuplicateKey) {
		t.Fatalf("duplicate: %v", err)
	}
}

// TestKeyPrefix: the prefix of a short key read as a word up to its
// capacity equals the prefix of the same bytes with no spare capacity.
func TestKeyPrefix(t *testing.T) {
	buf := []byte("abcdefghijklmnop")
	for i := 0; i <= len(buf); i++ {
		for j := i; j <= len(buf) && j-i <= 9; j++ {
			tight := append([]byte(nil), buf[i:j]...)
			tight = tight[:len(tight):len(tight)]
			if got, want := keyPrefix(buf[i:j]), keyPrefix(tight); got != want {
				t.Fatalf("buf[%d:%d]: %x, want %x", i, j, got, want)
			}
		}
	}
}
