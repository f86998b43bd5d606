package lejp

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/lwscrypto/lwscrypto/internal/corpus"
	"github.com/lwscrypto/lwscrypto/internal/testenv"
)

// fullTracer records everything a Handler can see of each event: the
// event, Depth, Index, Path, Pointer and, when a pattern matched, its
// wildcards. It returns errStop at event stopAt (counting from 1).
type fullTracer struct {
	b      bytes.Buffer
	n      int
	stopAt int
}

var errStop = errors.New("stop")

func (t *fullTracer) HandleEvent(p *Parser, ev Event) error {
	t.n++
	fmt.Fprintf(&t.b, "%d %s %q d%d i%d %s %s #%d", ev.Offset, ev.Kind, ev.Value, p.Depth(), p.Index(), p.Path(), p.Pointer(), ev.Pattern)
	for i := 0; ; i++ {
		w, ok := p.AppendWildcard(nil, i)
		if !ok {
			break
		}
		fmt.Fprintf(&t.b, " *%q", w)
	}
	t.b.WriteByte('\n')
	if t.n == t.stopAt {
		return errStop
	}
	return nil
}

// fullTrace parses the chunks and returns the trace, with each Write's
// and Close's result.
func fullTrace(opts *Options, pats []string, stopAt int, chunks ...[]byte) string {
	return traceAs(false, opts, pats, stopAt, chunks...)
}

// fullTraceFunc is fullTrace with the Handler given as a HandlerFunc, for
// which fastRun has paths of its own when there are no patterns.
func fullTraceFunc(opts *Options, pats []string, stopAt int, chunks ...[]byte) string {
	return traceAs(true, opts, pats, stopAt, chunks...)
}

func traceAs(fn bool, opts *Options, pats []string, stopAt int, chunks ...[]byte) string {
	// fastRun for every byte count, however few.
	defer func(m int) { fastRunMin = m }(fastRunMin)
	fastRunMin = 1
	t := &fullTracer{stopAt: stopAt}
	var h Handler = t
	if fn {
		h = HandlerFunc(t.HandleEvent)
	}
	p, err := NewParser(h, opts, pats...)
	if err != nil {
		panic(err)
	}
	total := 0
	for _, c := range chunks {
		// Each Write gets its own buffer, scribbled over when Write
		// returns, as a caller reusing its buffer would: the Parser
		// must have kept what it still needs.
		c = append([]byte(nil), c...)
		n, err := p.Write(c)
		for k := range c {
			c[k] = '?'
		}
		if err != nil {
			fmt.Fprintf(&t.b, "write %d: %s", total+n, errLine(err))
			return t.b.String()
		}
		total += n
	}
	fmt.Fprintf(&t.b, "close: %v %d\n", p.Close(), p.InputOffset())
	return t.b.String()
}

// machineTrace is fullTrace with fastRun turned off: next reads every
// token.
func machineTrace(opts *Options, pats []string, stopAt int, chunks ...[]byte) string {
	noFastRun = true
	defer func() { noFastRun = false }()
	return fullTrace(opts, pats, stopAt, chunks...)
}

var fastPatterns = []string{"a", "*.b", "[]", "a[].*", "x.y.*", "*"}

// fastOptions picks options from flag bits, with small limits so that
// their edges are met in short inputs.
func fastOptions(flags uint8) *Options {
	o := &Options{
		StringChunk:         8,
		AllowDuplicateNames: flags&1 != 0,
		AllowInvalidUTF8:    flags&2 != 0,
		AllowComments:       flags&4 != 0,
		AllowMultipleValues: flags&8 != 0,
	}
	if flags&16 != 0 {
		o.MaxDepth, o.MaxNameLen, o.MaxNumberLen, o.MaxStringLen, o.MaxNameMemory = 3, 3, 4, 10, 100
	}
	return o
}

// checkFast compares the Parser with and without fastRun on in: whole,
// one byte per Write and split at i and j. Flag 64 gives the Handler as a
// HandlerFunc.
func checkFast(t *testing.T, in []byte, flags uint8, stopAt, i, j int) {
	t.Helper()
	opts := fastOptions(flags)
	var pats []string
	if flags&32 != 0 {
		pats = fastPatterns
	}
	fullTrace := fullTrace
	if flags&64 != 0 {
		fullTrace = fullTraceFunc
	}
	want := machineTrace(opts, pats, stopAt, in)
	if got := fullTrace(opts, pats, stopAt, in); got != want {
		t.Fatalf("flags %#x: whole input, fast path:\n%s", flags, diff(want, got))
	}
	if len(in) > 4096 {
		// One byte per Write of the large JSONTestSuite files is left
		// to TestJSONTestSuite.
	} else if want, got := machineTrace(opts, pats, stopAt, bytesSplit(in, 1)...), fullTrace(opts, pats, stopAt, bytesSplit(in, 1)...); got != want {
		t.Fatalf("flags %#x: one byte per Write:\n%s", flags, diff(want, got))
	}
	i, j = i%(len(in)+1), j%(len(in)+1)
	if i > j {
		i, j = j, i
	}
	want = machineTrace(opts, pats, stopAt, in[:i], in[i:j], in[j:])
	if got := fullTrace(opts, pats, stopAt, in[:i], in[i:j], in[j:]); got != want {
		t.Fatalf("flags %#x: split at %d, %d:\n%s", flags, i, j, diff(want, got))
	}
}

// TestFastRunSameAsNext: fastRun delivers what next delivers (events,
// Depth, Index, Path, Pointer, patterns, wildcards, errors with offsets,
// Write's count after a Handler error) for the golden documents, the
// JSONTestSuite files and the benchmark files, under every option set.
func TestFastRunSameAsNext(t *testing.T) {
	var docs [][]byte
	for _, tc := range goldenCases {
		docs = append(docs, []byte(tc.in))
	}
	docs = append(docs,
		[]byte(`{"a":{"b":1,"a":[{"b":2,"c":{"d":"e"}},[],{}]},"x":{"y":{"z":[1,2]}},"a":3}`),
		[]byte(`{"a":[{"b":true,"b":false}],"c":null}`),
		[]byte(`[{"k0":0,"k1":1,"k2":2,"k3":3,"k4":4,"k5":5}, {"\u0061":1,"a":2}, -0.5e+3, "tab\there"]`),
		[]byte(`{"abcdefghijklmnopq":1,"abcdefghijklmnopq":2}`),
		[]byte("# c\n[1 # c\n,2]\n{} [] 3 \"x\""),
	)
	own := len(docs)
	docs = append(docs, corpus.JSONTestSuite(0)...)
	for k, in := range docs {
		for flags := 0; flags < 128; flags++ {
			// Every option set for our documents, with a Handler and a
			// HandlerFunc; the main ones for the JSONTestSuite files
			// (FuzzFastRun mixes the rest).
			if k >= own && flags&^0x71 != 0 && flags != 2 && flags != 8 {
				continue
			}
			checkFast(t, in, uint8(flags), 0, len(in)/3, 2*len(in)/3)
			checkFast(t, in, uint8(flags), k%7+1, len(in)/2, len(in)/2+1)
		}
	}
}

// TestFastRunManyNames: objects past linearNames (the hash index), names
// held across Writes while their object is open, and duplicates found
// after a Write boundary, at every split of a few documents.
func TestFastRunManyNames(t *testing.T) {
	var b strings.Builder
	b.WriteString(`{"o":{`)
	for i := 0; i < 150; i++ {
		fmt.Fprintf(&b, `"n%d":{"m%d":[%d]},`, i, i, i)
	}
	b.WriteString(`"last":{}},"p":[{"q":1}]}`)
	good := b.String()
	bad := strings.Replace(good, `"last"`, `"n77"`, 1)
	for _, in := range []string{good, bad, `{"aaaaaaaaaaaaaaaaaaaa":{"b":1},"c":{"d":2,"aaaaaaaaaaaaaaaaaaaa":3},"aaaaaaaaaaaaaaaaaaaa":4}`} {
		for _, flags := range []uint8{0, 1, 32} {
			opts := fastOptions(flags)
			want := machineTrace(opts, nil, 0, []byte(in))
			for i := 0; i <= len(in); i += 1 + i/50 {
				if got := fullTrace(opts, nil, 0, []byte(in[:i]), []byte(in[i:])); got != want {
					t.Fatalf("flags %#x, split at %d:\n%s", flags, i, diff(want, got))
				}
			}
		}
	}
}

// TestFastRunBenchmarkFiles: the benchmark files, whole and in 4 KiB and
// 1000-byte Writes, with and without patterns.
func TestFastRunBenchmarkFiles(t *testing.T) {
	dir := testenv.VectorsFile(t, "json-benchmark")
	for _, name := range benchFiles {
		in, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		for _, pats := range [][]string{nil, {"statuses[].user.*", "*", "features[].geometry.coordinates[][][]"}} {
			want := machineTrace(nil, pats, 0, in)
			for _, size := range []int{len(in), 1000} {
				if got := fullTrace(nil, pats, 0, bytesSplit(in, size)...); got != want {
					t.Fatalf("%s in %d-byte Writes:\n%s", name, size, diff(want, got))
				}
				if pats != nil {
					continue // a HandlerFunc with patterns goes the Handler's way
				}
				if got := fullTraceFunc(nil, pats, 0, bytesSplit(in, size)...); got != want {
					t.Fatalf("%s in %d-byte Writes to a HandlerFunc:\n%s", name, size, diff(want, got))
				}
			}
		}
	}
}

// reentrant calls Write and Reset on the Parser from its own Handler.
type reentrant struct {
	fullTracer
	at int
}

func (r *reentrant) HandleEvent(p *Parser, ev Event) error {
	r.fullTracer.HandleEvent(p, ev)
	switch r.n {
	case r.at:
		p.Write([]byte(`"inner",{"zz":1}`))
	case 3 * r.at:
		p.Reset()
	}
	return nil
}

// TestFastRunReentrant: a Handler that calls Write or Reset on its own
// Parser gets what it would get from next, and nothing panics.
func TestFastRunReentrant(t *testing.T) {
	in := []byte(`{"a":[1,{"b":2,"c":[3,4]}],"d":{"e":{"f":5}},"g":6,"h":[7,8.5,9e1]}`)
	for at := 1; at < 32; at++ {
		run := func() string {
			r := &reentrant{at: at}
			var h Handler = r
			if at >= 16 {
				h = HandlerFunc(r.HandleEvent)
				r.at -= 15
			}
			p, _ := NewParser(h, nil)
			n, err := p.Write(in)
			fmt.Fprintf(&r.b, "write %d %v\n", n, err)
			n, err = p.Write([]byte(`]}`))
			fmt.Fprintf(&r.b, "write %d %v close %v\n", n, err, p.Close())
			return r.b.String()
		}
		noFastRun = true
		want := run()
		noFastRun = false
		if got := run(); got != want {
			t.Fatalf("at %d:\n%s", at, diff(want, got))
		}
	}
}

// TestFastRunNumArrays: fastRun's own loop over the numbers of an array
// (numElem, for a HandlerFunc) delivers what next delivers, for every
// number mutant in every array shape (numMutants, numArrayDocs), whole
// (and, for a quarter of them, split before, inside and after the number), with a Handler error at each
// of the first events, under the number-length and depth limits.
func TestFastRunNumArrays(t *testing.T) {
	opts := []*Options{nil, {MaxNumberLen: 6}, {MaxDepth: 2}}
	for k, x := range numMutants() {
		for d, doc := range numArrayDocs(x) {
			in := []byte(doc)
			at := strings.Index(doc, x)
			o := opts[(k+d)%len(opts)]
			stop := (k + d) % 7
			want := machineTrace(o, nil, stop, in)
			if got := fullTraceFunc(o, nil, stop, in); got != want {
				t.Fatalf("%q %+v stop %d:\n%s", in, o, stop, diff(want, got))
			}
			if k%4 != 0 {
				continue // splits for a quarter of the mutants, to keep the test short
			}
			for _, cut := range []int{at, at + len(x)/2, at + len(x), at + len(x) + 1} {
				cut = min(max(cut, 0), len(in))
				want := machineTrace(o, nil, stop, in[:cut], in[cut:])
				if got := fullTraceFunc(o, nil, stop, in[:cut], in[cut:]); got != want {
					t.Fatalf("%q %+v stop %d, split at %d:\n%s", in, o, stop, cut, diff(want, got))
				}
			}
		}
	}
}

// FuzzFastRun: fastRun and next deliver the same, whole and split, under
// fuzzed options, patterns and a Handler error at a fuzzed event.
func FuzzFastRun(f *testing.F) {
	addSeeds(f, func(b []byte) { f.Add(b, uint8(0), uint8(0), uint16(3), uint16(9)) })
	f.Fuzz(func(t *testing.T, in []byte, flags, stopAt uint8, i, j uint16) {
		checkFast(t, in, flags, int(stopAt), int(i), int(j))
	})
}

// TestPlainNameEnd: plainNameEnd takes a name only when it is plain and
// within max, with the closing quote's index and nameKey's key, and takes
// every such name with eight bytes after its closing quote.
func TestPlainNameEnd(t *testing.T) {
	alpha := []byte("ab\"\\\x01\xc3\xa9zy_-")
	rnd := uint64(1)
	for n := 0; n < 200000; n++ {
		rnd = rnd*6364136223846793005 + 1442695040888963407
		l := int(rnd>>58) % 40
		name := make([]byte, 0, 64)
		name = append(name, '"')
		r := rnd
		for k := 0; k < l; k++ {
			c := alpha[r%uint64(len(alpha))]
			if r>>61 < 6 {
				c = alpha[r%2] // mostly plain
			}
			name = append(name, c)
			r = r*2862933555777941757 + 3037000493
		}
		name = append(name, `":1}`[:1+r%4]...)
		if r&64 != 0 {
			name = append(name, "        "...)
		}
		max := int(rnd>>40) % 48
		j, key := plainNameEnd(name, 0, max)
		isSpecial := func(c byte) bool { return c == '"' || c == '\\' || c < 0x20 || c >= 0x80 }
		end := 1
		for !isSpecial(name[end]) {
			end++
		}
		plain := name[end] == '"'
		if key != 0 {
			if !plain || j != end || j-1 > max || key != nameKey(name[1:j]) {
				t.Fatalf("%q max %d: took it, end %d key %#x", name, max, j, key)
			}
			continue
		}
		if plain && end-1 <= max && len(name) >= end+8 && nameKey(name[1:end]) != 0 {
			t.Fatalf("%q max %d: left a plain name", name, max)
		}
		for k := 1; k < j; k++ {
			if isSpecial(name[k]) {
				t.Fatalf("%q: byte %d before %d is not plain", name, k, j)
			}
		}
	}
}
