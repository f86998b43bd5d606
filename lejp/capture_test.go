package lejp

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/lwscrypto/lwscrypto/internal/testenv"
)

// capTracer records a Parser's events as tracer does, with the Raw events
// apart, and calls Capture at events at depth (or every depth, -1): at
// every such event (names too), or with values, at every one but Names.
type capTracer struct {
	tr     Handler // a *tracer, or a *hasher for large inputs
	depth  int
	values bool
	raws   []string // "offset pointer value", one per Raw
	errs   []string // what went wrong inside the test's own checks
	in     []byte   // the whole input, to check Raw against
	ptr    string   // the pointer of the event Capture was called from
}

func (c *capTracer) HandleEvent(p *Parser, ev Event) error {
	if ev.Kind == Raw {
		if p.Capture() {
			c.errs = append(c.errs, "Capture from a Raw event returned true")
		}
		if ptr := p.Pointer(); ptr != c.ptr {
			c.errs = append(c.errs, fmt.Sprintf("Raw at %s, Capture at %s", ptr, c.ptr))
		}
		if c.in != nil && (ev.Offset+int64(len(ev.Value)) > int64(len(c.in)) || !bytes.Equal(c.in[ev.Offset:ev.Offset+int64(len(ev.Value))], ev.Value)) {
			c.errs = append(c.errs, fmt.Sprintf("Raw %q is not the input at %d", ev.Value, ev.Offset))
		}
		c.raws = append(c.raws, fmt.Sprintf("%d %s %s", ev.Offset, p.Pointer(), ev.Value))
		return nil
	}
	if err := c.tr.HandleEvent(p, ev); err != nil {
		return err
	}
	if (c.depth < 0 || p.Depth() == c.depth) && !(c.values && ev.Kind == Name) {
		if p.Capture() {
			c.ptr = p.Pointer()
		}
	}
	return nil
}

// capRun parses the chunks with a capTracer and returns the trace of the
// other events (with the error), the Raw events and the test's own errors.
func capRun(opts *Options, depth int, values, hash bool, in []byte, chunks ...[]byte) (string, []string, []string) {
	return capRunFn(opts, depth, values, hash, false, in, chunks...)
}

// capRunFn is capRun, with the capTracer given as a HandlerFunc with fn
// (fastRun's other path).
func capRunFn(opts *Options, depth int, values, hash, fn bool, in []byte, chunks ...[]byte) (string, []string, []string) {
	c := &capTracer{depth: depth, values: values, in: in}
	tr, hs := &tracer{}, &hasher{h: 0xcbf29ce484222325}
	c.tr = tr
	if hash {
		c.tr = hs
	}
	var h Handler = c
	if fn {
		h = HandlerFunc(c.HandleEvent)
	}
	p, err := NewParser(h, opts)
	if err != nil {
		panic(err)
	}
	for _, ch := range chunks {
		if _, err = p.Write(ch); err != nil {
			break
		}
	}
	if err == nil {
		err = p.Close()
	}
	if hash {
		return fmt.Sprintf("%d events, hash %x, %s", hs.n, hs.h, checkLine(err)), c.raws, c.errs
	}
	if err != nil {
		tr.b.WriteString(errLine(err))
	}
	return tr.b.String(), c.raws, c.errs
}

// readValuesAt returns what Decoder.ReadValue returns for each value at
// depth, in order, as "offset pointer value", and the greatest depth.
func readValuesAt(tb testing.TB, in []byte, opts *Options, depth int) ([]string, int) {
	tb.Helper()
	d := NewDecoderBytes(in, opts)
	var out []string
	var stack []bool // open containers, true for an object
	afterName, most := false, 0
	for {
		most = max(most, len(stack))
		if len(stack) == depth && (len(stack) == 0 || afterName || !stack[len(stack)-1]) {
			off := d.InputOffset()
			v, err := d.ReadValue()
			if err == io.EOF {
				return out, most
			}
			if errors.Is(err, ErrNoValue) {
				stack, afterName = stack[:len(stack)-1], false
				continue
			}
			if err != nil {
				tb.Fatalf("ReadValue: %v", err)
			}
			// the value's offset: where it starts, past the whitespace
			// (and comments) before it
			for off < int64(len(in)) && !bytes.HasPrefix(in[off:], v) {
				if in[off] == '#' {
					off += int64(bytes.IndexByte(in[off:], '\n'))
				}
				off++
			}
			// after it, the pointer of its last token: its own
			out = append(out, fmt.Sprintf("%d %s %s", off, d.Pointer(), v))
			afterName = false
			continue
		}
		tok, err := d.ReadToken()
		if err == io.EOF {
			return out, most
		}
		if err != nil {
			tb.Fatalf("ReadToken: %v", err)
		}
		switch tok.Kind {
		case ObjectStart, ArrayStart:
			stack = append(stack, tok.Kind == ObjectStart)
		case ObjectEnd, ArrayEnd:
			stack = stack[:len(stack)-1]
		}
		afterName = tok.Kind == Name
	}
}

// checkCaptures captures every value of in at every depth (from value
// events, and from names too), whole and split as splits gives, and
// requires the Raw events to be what ReadValue returns, and the other
// events and the error to be those of a Parser that captures nothing.
func checkCaptures(t *testing.T, name string, in []byte, opts *Options, hash bool, splits func(in []byte) [][][]byte) (raws int) {
	t.Helper()
	plain := pushTrace(opts, nil, false, in)
	if hash {
		plain = pushHash(opts, in)
	}
	_, most := readValuesAt(t, in, opts, -1)
	split := splits(in)
	for depth := 0; depth <= most; depth++ {
		want, _ := readValuesAt(t, in, opts, depth)
		for _, values := range []bool{true, false} {
			for k, chunks := range split {
				got, got2, errs := capRunFn(opts, depth, values, hash, k%2 == 0, in, chunks...)
				if got != plain {
					t.Fatalf("%s depth %d values %v, %d chunks: the events differ from a Parser capturing nothing:\n%s", name, depth, values, len(chunks), diff(plain, got))
				}
				if len(errs) > 0 {
					t.Fatalf("%s depth %d values %v, %d chunks: %s", name, depth, values, len(chunks), errs[0])
				}
				if a, b := strings.Join(want, "\n"), strings.Join(got2, "\n"); a != b {
					t.Fatalf("%s depth %d values %v, %d chunks: Raw events differ from ReadValue:\n%s", name, depth, values, len(chunks), diff(a, b))
				}
				raws += len(got2)
			}
		}
	}
	return raws
}

// everySplit: whole, in two at every offset, and a byte at a time.
func everySplit(in []byte) [][][]byte {
	out := [][][]byte{{in}, bytesSplit(in, 1)}
	for i := 1; i < len(in); i++ {
		out = append(out, [][]byte{in[:i], in[i:]})
	}
	return out
}

// TestCaptureJSONTestSuite: every value at every path of every y_ file,
// captured from its first event and from its member's name, whole, split
// in two at every offset and a byte at a time, with the default string
// pieces and 4-byte ones: the Raw events hold what Decoder.ReadValue
// returns, at the value's offset and pointer, and the other events are
// those of a Parser that captures nothing; through fastRun for any Write
// and never, with a Handler and a HandlerFunc (fastRun's two paths).
func TestCaptureJSONTestSuite(t *testing.T) {
	defer func(m int, no bool) { fastRunMin, noFastRun = m, no }(fastRunMin, noFastRun)
	files := jtsFiles(t, "test_parsing")
	n, raws := 0, 0
	for name, in := range files {
		if !strings.HasPrefix(name, "y_") {
			continue
		}
		n++
		for _, chunk := range []int{0, 4} {
			opts := &Options{StringChunk: chunk, AllowDuplicateNames: strings.Contains(name, "duplicated")}
			for _, fast := range []bool{true, false} {
				// fastRun for every Write (it takes small ones too), or never
				fastRunMin, noFastRun = 1, !fast
				raws += checkCaptures(t, name, in, opts, false, everySplit)
			}
		}
	}
	if n < 90 || raws < 10000 {
		t.Errorf("%d y_ files, %d Raw events", n, raws)
	}
	t.Logf("%d y_ files, %d Raw events", n, raws)
}

// TestCaptureBenchmarkFiles: every value at every depth of the JSON
// benchmark files, captured from value events and from names, whole, in
// 4093-byte Writes and a byte at a time, with 64-byte string pieces; the
// events but Raw compared by hash.
func TestCaptureBenchmarkFiles(t *testing.T) {
	if testing.Short() {
		t.Skip("captures every value of 3.5 MB of documents at every depth, a byte at a time among others (about 10 s)")
	}
	dir := testenv.VectorsFile(t, "json-benchmark")
	for _, name := range []string{"twitter.json", "citm_catalog.json", "canada.json", "twitterescaped.json", "github_events.json"} {
		in, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		raws := checkCaptures(t, name, in, &Options{StringChunk: 64}, true, func(in []byte) [][][]byte {
			return [][][]byte{{in}, bytesSplit(in, 4093), bytesSplit(in, 1)}
		})
		t.Logf("%s: %d Raw events", name, raws)
	}
}

// FuzzCapture: capturing every value at a fuzzed depth (or the outermost
// ones), from value events or from names too, under fuzzed options and
// MaxValueLen: the Raw events and the error are the same whole, a byte at
// a time and split at two fuzzed offsets; with no MaxValueLen, the other
// events and the error are those of a Parser that captures nothing, and
// in valid input the Raw events hold what Decoder.ReadValue returns.
func FuzzCapture(f *testing.F) {
	addSeeds(f, func(b []byte) { f.Add(b, uint8(2), uint16(3), uint16(9), uint8(0), uint8(0)) })
	f.Add([]byte(`{"a": [1, "0123456789", {"b": null}]}`), uint8(2), uint16(7), uint16(20), uint8(16), uint8(12))
	f.Add([]byte("[1, # c\n [2, \"x\\u0041y\"]]"), uint8(1), uint16(5), uint16(12), uint8(4+32), uint8(0))
	f.Fuzz(func(t *testing.T, in []byte, depth uint8, a, b uint16, flags, maxValue uint8) {
		opts := &Options{
			StringChunk:         4,
			MaxDepth:            50,
			AllowDuplicateNames: flags&1 != 0,
			AllowInvalidUTF8:    flags&2 != 0,
			AllowComments:       flags&4 != 0,
			AllowMultipleValues: flags&8 != 0,
		}
		if flags&16 != 0 {
			opts.MaxValueLen = int(maxValue) + 1
		}
		d := int(depth%6) - 1 // -1: at every depth, so the outermost values
		values := flags&32 != 0
		if flags&64 != 0 {
			defer func(m int) { fastRunMin = m }(fastRunMin)
			fastRunMin = 1
		}
		whole, raws, errs := capRun(opts, d, values, false, in, in)
		if len(errs) > 0 {
			t.Fatal(errs[0])
		}
		all := whole + strings.Join(raws, "\n")
		i, j := int(a)%(len(in)+1), int(b)%(len(in)+1)
		if i > j {
			i, j = j, i
		}
		for _, chunks := range [][][]byte{bytesSplit(in, 1), {in[:i], in[i:j], in[j:]}} {
			got, graws, errs := capRun(opts, d, values, false, in, chunks...)
			if len(errs) > 0 {
				t.Fatal(errs[0])
			}
			if g := got + strings.Join(graws, "\n"); g != all {
				t.Fatalf("%d chunks:\n%s", len(chunks), diff(all, g))
			}
		}
		if opts.MaxValueLen == 0 {
			if plain := pushTrace(opts, nil, false, in); plain != whole {
				t.Fatalf("the events differ from a Parser capturing nothing:\n%s", diff(plain, whole))
			}
		}
		if Check(in, opts) != nil || strings.Contains(whole, "error ") {
			return
		}
		want, _ := readValuesAt(t, in, opts, max(d, 0))
		if a, b := strings.Join(want, "\n"), strings.Join(raws, "\n"); a != b {
			t.Fatalf("Raw events differ from ReadValue:\n%s", diff(a, b))
		}
	})
}
