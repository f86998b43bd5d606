//go:build goexperiment.jsonv2

package lejp

// Differential tests against encoding/json/jsontext, a second strict JSON
// implementation that nobody here wrote (it exists only with
// GOEXPERIMENT=jsonv2, hence the build tag; .ci/run runs these tests and a
// fuzz smoke with the experiment on). On the same input, lejp and jsontext
// (default options: RFC 8259 plus valid UTF-8 and unique names, RFC 7493)
// must give
//
//   - the same verdict: lejp.Check against a jsontext.Decoder reading
//     exactly one top-level value and then io.EOF;
//   - where both accept, the same tokens: kind (jsontext's '"' is a Name
//     when its object has an odd count of names and values so far, per
//     StackIndex), element or member index (the Parser's Index, from
//     StackIndex), decoded string and name (Token.String), number text,
//     start offset (the first byte after the previous token that is not
//     whitespace, ',' or ':'), end offset (InputOffset), depth and JSON
//     Pointer (up to depth maxPtrDepth); and, reading with ReadToken, ReadValue and SkipValue mixed at
//     random in step, the same raw values and offsets;
//   - where both reject, the same tokens up to the shorter list: a token
//     delivered before an error is a token of the input either way.
//
// lejp's own three readers are held to the same tokens: the push Parser fed
// whole, one byte per Write and in random chunks (with small string pieces,
// joined), the Decoder over the bytes and over a reader of random chunk
// sizes, and Check's error is the Parser's and the Decoder's.
//
// Both run with the same options: the defaults, or duplicate names or
// invalid UTF-8 (or both) allowed (diffMode). The only differences allowed
// are those in jsontextDiffs, each documented by lejp; an input that one of
// them explains is compared again with that difference removed and must
// then agree in everything.

import (
	"bytes"
	"encoding/json/jsontext"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/lwscrypto/lwscrypto/internal/testenv"
)

// dtok is one token as both implementations can describe it. end and depth
// are -1 where a reader does not report them (the Parser); index, the
// element or member index of a token that is not an end of object or
// array (Parser.Index; from jsontext's StackIndex), is -2 where it is not
// reported (the Decoder, and end tokens).
type dtok struct {
	kind  Kind
	val   string
	start int64
	end   int64
	depth int
	ptr   string
	index int64
}

func (t dtok) String() string {
	return fmt.Sprintf("%s %q [%d,%d) depth %d index %d %q", t.kind, t.val, t.start, t.end, t.depth, t.index, t.ptr)
}

// maxPtrDepth is the deepest token whose JSON Pointer is compared: a
// pointer costs its depth to build, and every token of a document 10000
// deep is too many.
const maxPtrDepth = 100

// ptrUpTo returns ptr() for a token depth containers deep (after it, as
// Decoder.Depth counts), or "" past maxPtrDepth.
func ptrUpTo(depth int, ptr func() string) string {
	if depth > maxPtrDepth {
		return ""
	}
	return ptr()
}

// errNotOneValue: jsontext read a second top-level value (its Decoder
// reads a stream of them; a JSON text is exactly one).
var errNotOneValue = errors.New("a second top-level value")

// skipSep returns the offset of the first byte at or after i that is not
// whitespace, ',' or ':': where the token after a valid one starts.
func skipSep(in []byte, i int64) int64 {
	for i < int64(len(in)) {
		switch in[i] {
		case ' ', '\t', '\r', '\n', ',', ':':
			i++
		default:
			return i
		}
	}
	return i
}

// numKind classifies a number's text as RFC 8259 §6 writes it: Float with
// a fraction or an exponent, else Int.
func numKind(text string) Kind {
	if strings.ContainsAny(text, ".eE") {
		return Float
	}
	return Int
}

// jtToken describes the token d just returned.
func jtToken(d *jsontext.Decoder, in []byte, tok jsontext.Token, prevEnd int64) dtok {
	t := dtok{start: skipSep(in, prevEnd), end: d.InputOffset(), depth: d.StackDepth(), index: -2}
	if t.depth <= maxPtrDepth {
		t.ptr = string(d.StackPointer())
	}
	if k := tok.Kind(); k != '}' && k != ']' {
		// The container holding the token (the one it opens is the
		// innermost now), and its count of values (names and values,
		// in an object) with the token.
		lvl := t.depth
		if k == '{' || k == '[' {
			lvl--
		}
		switch kind, n := d.StackIndex(lvl); kind {
		case '[':
			t.index = n - 1
		case '{':
			t.index = (n - 1) / 2
		default:
			t.index = -1
		}
	}
	switch tok.Kind() {
	case '{':
		t.kind = ObjectStart
	case '}':
		t.kind = ObjectEnd
	case '[':
		t.kind = ArrayStart
	case ']':
		t.kind = ArrayEnd
	case 't':
		t.kind = True
	case 'f':
		t.kind = False
	case 'n':
		t.kind = Null
	case '"':
		t.kind, t.val = String, tok.String()
		if k, n := d.StackIndex(d.StackDepth()); k == '{' && n%2 == 1 {
			t.kind = Name
		}
	case '0':
		t.val = tok.String()
		t.kind = numKind(t.val)
	default:
		t.kind = Invalid
	}
	return t
}

// jtTokens reads in with a jsontext.Decoder (with opts): its tokens, and
// nil if in is exactly one JSON value (or, when multi is set, any number
// of them), else the error.
func jtTokens(in []byte, multi bool, opts ...jsontext.Options) ([]dtok, error) {
	d := jsontext.NewDecoder(bytes.NewReader(in), opts...)
	var toks []dtok
	var end int64
	for {
		tok, err := d.ReadToken()
		if err == io.EOF && (len(toks) > 0 || multi) {
			return toks, nil
		}
		if err != nil {
			return toks, err
		}
		if len(toks) > 0 && toks[len(toks)-1].depth == 0 && !multi {
			return toks, errNotOneValue
		}
		t := jtToken(d, in, tok, end)
		end = t.end
		toks = append(toks, t)
	}
}

// lejpTokens reads in with a Decoder over r (or, when r is nil, over the
// bytes): its tokens and error (nil at io.EOF).
func lejpTokens(in []byte, r io.Reader, opts *Options) ([]dtok, error) {
	var d *Decoder
	if r == nil {
		d = NewDecoderBytes(in, opts)
	} else {
		d = NewDecoder(r, opts)
	}
	var toks []dtok
	for {
		tok, err := d.ReadToken()
		if err == io.EOF {
			return toks, nil
		}
		if err != nil {
			return toks, err
		}
		toks = append(toks, dtok{kind: tok.Kind, val: string(tok.Value), start: tok.Offset,
			end: d.InputOffset(), depth: d.Depth(), ptr: ptrUpTo(d.Depth(), d.Pointer), index: -2})
	}
}

// eventRecorder records a Parser's events as dtoks, joining StringChunk
// pieces into their String (whose pieces must all carry its offset).
type eventRecorder struct {
	toks    []dtok
	depth   int // after the last event, as Decoder.Depth counts
	pending []byte
	inChunk bool
	chunkAt int64
	bad     string
}

func (r *eventRecorder) HandleEvent(p *Parser, ev Event) error {
	if r.inChunk && ev.Offset != r.chunkAt && r.bad == "" {
		r.bad = fmt.Sprintf("%s at %d after string pieces at %d", ev.Kind, ev.Offset, r.chunkAt)
	}
	if ev.Kind == StringChunk {
		if len(ev.Value) == 0 && r.bad == "" {
			r.bad = fmt.Sprintf("empty string-chunk at %d", ev.Offset)
		}
		r.pending = append(r.pending, ev.Value...)
		r.inChunk, r.chunkAt = true, ev.Offset
		return nil
	}
	v := string(ev.Value)
	if r.inChunk {
		if ev.Kind != String && r.bad == "" {
			r.bad = fmt.Sprintf("string pieces at %d end with %s", r.chunkAt, ev.Kind)
		}
		v = string(r.pending) + v
		r.pending, r.inChunk = r.pending[:0], false
	}
	switch ev.Kind {
	case ObjectStart, ArrayStart:
		r.depth++
	case ObjectEnd, ArrayEnd:
		r.depth--
	}
	index := int64(-2)
	if ev.Kind != ObjectEnd && ev.Kind != ArrayEnd {
		index = p.Index()
	}
	r.toks = append(r.toks, dtok{kind: ev.Kind, val: v, start: ev.Offset, end: -1, depth: -1, ptr: ptrUpTo(r.depth, p.Pointer), index: index})
	return nil
}

// parserTokens feeds the chunks to a Parser and returns its tokens and
// error (Write's or Close's).
func parserTokens(tb testing.TB, opts *Options, chunks [][]byte) ([]dtok, error) {
	r := &eventRecorder{}
	p, err := NewParser(r, opts)
	if err != nil {
		tb.Fatal(err)
	}
	for _, c := range chunks {
		if _, err = p.Write(c); err != nil {
			break
		}
	}
	if err == nil {
		err = p.Close()
	}
	if r.bad != "" {
		tb.Fatalf("Parser: %s", r.bad)
	}
	return r.toks, err
}

// randomChunks cuts in at random points (rng), pieces of 1 to 64 bytes
// mostly, some longer.
func randomChunks(in []byte, rng *rand.Rand) [][]byte {
	var out [][]byte
	for len(in) > 0 {
		n := 1 + rng.IntN(64)
		if rng.IntN(8) == 0 {
			n = 1 + rng.IntN(4096)
		}
		n = min(n, len(in))
		out = append(out, in[:n])
		in = in[n:]
	}
	return append(out, nil)
}

// randReader returns the input in reads of random sizes.
type randReader struct {
	in  []byte
	rng *rand.Rand
}

func (r *randReader) Read(p []byte) (int, error) {
	if len(r.in) == 0 {
		return 0, io.EOF
	}
	n := min(len(p), len(r.in), 1+r.rng.IntN(97))
	copy(p, r.in[:n])
	r.in = r.in[n:]
	return n, nil
}

// sameToks reports the first difference between two token lists, over the
// fields both give (end and depth are skipped where either is -1), and up
// to the shorter list when prefix is set.
func sameToks(a, b []dtok, prefix bool) string {
	n := min(len(a), len(b))
	for i := range n {
		x, y := a[i], b[i]
		if x.end < 0 || y.end < 0 {
			x.end, y.end, x.depth, y.depth = -1, -1, -1, -1
		}
		if x.index == -2 || y.index == -2 {
			x.index, y.index = -2, -2
		}
		if x != y {
			return fmt.Sprintf("token %d:\n  %v\n  %v", i, x, y)
		}
	}
	if !prefix && len(a) != len(b) {
		if len(a) > n {
			return fmt.Sprintf("%d tokens, %d: first extra %v", len(a), len(b), a[n])
		}
		return fmt.Sprintf("%d tokens, %d: first extra %v", len(a), len(b), b[n])
	}
	return ""
}

// diffStats counts what a differential run compared.
type diffStats struct {
	inputs, accepted, rejected, tokens, steps int
	expected                                  map[string]int
}

func (s *diffStats) String() string {
	return fmt.Sprintf("%d inputs (%d accepted by both, %d rejected by both), %d tokens compared, %d ReadToken/ReadValue/SkipValue steps in step; expected differences %v",
		s.inputs, s.accepted, s.rejected, s.tokens, s.steps, s.expected)
}

func (s *diffStats) add(o *diffStats) {
	s.inputs += o.inputs
	s.accepted += o.accepted
	s.rejected += o.rejected
	s.tokens += o.tokens
	s.steps += o.steps
	for k, v := range o.expected {
		if s.expected == nil {
			s.expected = map[string]int{}
		}
		s.expected[k] += v
	}
}

// maxSplit is the largest input also fed one byte per Write and read
// through a one-byte reader: beyond it (the benchmark files, the limit
// inputs) random chunks alone, to keep the suite fast.
const maxSplit = 1 << 20

// compareJSONText runs one input through jsontext and through every lejp
// reader and fails tb on any difference not in jsontextDiffs. seed drives
// the random chunking and the ReadValue/SkipValue steps.
func compareJSONText(tb testing.TB, in []byte, seed uint64, mode diffMode, st *diffStats) {
	tb.Helper()
	jopts := mode.jsontext()
	multi := mode&4 != 0
	jt, jerr := jtTokens(in, multi, jopts...)
	opts := mode.lejp(Options{})
	lerr := Check(in, opts)
	if st != nil {
		st.inputs++
	}
	// Each difference of the table found is removed (each way at most
	// once), and the two compared again.
	fixed := map[int]bool{}
	for (lerr == nil) != (jerr == nil) {
		var ltoks []dtok
		if lerr == nil {
			ltoks, _ = lejpTokens(in, nil, opts)
		}
		i := slices.IndexFunc(jsontextDiffs, func(d jsontextDiff) bool { return !fixed[d.fix] && d.applies(lerr, jerr, ltoks, jt) })
		if i < 0 {
			break
		}
		if st != nil {
			if st.expected == nil {
				st.expected = map[string]int{}
			}
			st.expected[jsontextDiffs[i].name]++
		}
		switch fixed[jsontextDiffs[i].fix] = true; jsontextDiffs[i].fix {
		case fixAllowDup:
			jopts = append(jopts, jsontext.AllowDuplicateNames(true))
		case fixRaise:
			raised := mode.lejp(jsontextRaised)
			raised.AllowDuplicateNames = opts.AllowDuplicateNames
			opts = raised
		case fixSeparate:
			in = separate(in, touching(jt))
		}
		jt, jerr = jtTokens(in, multi, jopts...)
		lerr = Check(in, opts)
	}
	if (lerr == nil) != (jerr == nil) {
		tb.Fatalf("lejp (options %+v) and jsontext (mode %d) disagree on %s:\nlejp:     %v\njsontext: %v", opts, mode, quoteShort(in), lerr, jerr)
	}
	var se *SyntaxError
	if lerr != nil && !errors.As(lerr, &se) {
		tb.Fatalf("Check's error is not a *SyntaxError: %v", lerr)
	}

	// lejp's readers: tokens and error the same whichever reads.
	rng := rand.New(rand.NewPCG(seed, uint64(len(in))))
	dec, derr := lejpTokens(in, nil, opts)
	if checkLine(derr) != checkLine(lerr) {
		tb.Fatalf("%s: Decoder's error %v, Check's %v", quoteShort(in), derr, lerr)
	}
	type reading struct {
		name string
		toks []dtok
		err  error
	}
	var rs []reading
	add := func(name string, toks []dtok, err error) { rs = append(rs, reading{name, toks, err}) }
	t, err := lejpTokens(in, &randReader{in, rng}, opts)
	add("Decoder over random reads", t, err)
	pw, err := parserTokens(tb, opts, [][]byte{in})
	add("Parser whole", pw, err)
	small := *opts
	small.StringChunk = 5
	t, err = parserTokens(tb, &small, randomChunks(in, rng))
	add("Parser random chunks, 5-byte string pieces", t, err)
	if len(in) <= maxSplit {
		t, err = parserTokens(tb, opts, bytesSplit(in, 1))
		add("Parser one byte per Write", t, err)
		t, err = lejpTokens(in, iotest.OneByteReader(bytes.NewReader(in)), opts)
		add("Decoder over one-byte reads", t, err)
	}
	for _, r := range rs {
		if d := sameToks(dec, r.toks, false); d != "" {
			tb.Fatalf("%s: %s and Decoder over bytes differ: %s", quoteShort(in), r.name, d)
		}
		if d := sameToks(pw, r.toks, false); strings.HasPrefix(r.name, "Parser") && d != "" {
			tb.Fatalf("%s: %s and Parser whole differ: %s", quoteShort(in), r.name, d)
		}
		if checkLine(r.err) != checkLine(lerr) {
			tb.Fatalf("%s: %s ends with %v, Check with %v", quoteShort(in), r.name, r.err, lerr)
		}
	}

	// lejp against jsontext.
	if d := sameToks(jt, mode.normVal(pw), lerr != nil); d != "" {
		tb.Fatalf("%s: jsontext and lejp's Parser differ (jsontext first): %s\njsontext: %v\nlejp: %v", quoteShort(in), d, jerr, lerr)
	}
	if d := sameToks(jt, mode.normVal(dec), lerr != nil); d != "" {
		tb.Fatalf("%s: jsontext and lejp tokens differ (jsontext first): %s\njsontext: %v\nlejp: %v", quoteShort(in), d, jerr, lerr)
	}
	if st != nil {
		st.tokens += min(len(jt), len(dec))
	}
	if lerr != nil {
		if st != nil {
			st.rejected++
		}
		return
	}
	if st != nil {
		st.accepted++
	}
	n := stepValues(tb, in, opts, jopts, mode, rng)
	if st != nil {
		st.steps += n
	}
}

// quoteShort quotes in for a message, cut to 200 bytes.
func quoteShort(in []byte) string {
	if len(in) > 200 {
		return fmt.Sprintf("%q… (%d bytes)", in[:200], len(in))
	}
	return strconv.Quote(string(in))
}

// TestJSONTextDiff compares lejp with jsontext on every JSONTestSuite file
// (test_parsing and test_transform), the three benchmark files, lejp's
// golden inputs and fuzz corpus, and the generated inputs of
// jsontextInputs, under default options; and again, but for the benchmark
// files, with duplicate names allowed, invalid UTF-8 allowed, both, and
// several top-level values allowed (diffMode 1 to 4). It
// requires every row of jsontextDiffs to have been needed at least once
// (the table is not stale).
func TestJSONTextDiff(t *testing.T) {
	jts := testenv.VectorsFile(t, "JSONTestSuite")
	bench := testenv.VectorsFile(t, "json-benchmark")
	var groups []diffCorpus
	parsing := readDir(t, filepath.Join(jts, "test_parsing"))
	transform := readDir(t, filepath.Join(jts, "test_transform"))
	if len(parsing) != 318 || len(transform) != 22 {
		t.Fatalf("JSONTestSuite: %d test_parsing and %d test_transform files, want 318 and 22", len(parsing), len(transform))
	}
	groups = append(groups, diffCorpus{"JSONTestSuite/test_parsing", parsing}, diffCorpus{"JSONTestSuite/test_transform", transform})
	var bf []namedInput
	for _, name := range []string{"twitter.json", "citm_catalog.json", "canada.json"} {
		b, err := os.ReadFile(filepath.Join(bench, name))
		if err != nil {
			t.Fatal(err)
		}
		bf = append(bf, namedInput{name, b})
	}
	groups = append(groups, diffCorpus{"json-benchmark", bf})
	groups = append(groups, diffCorpus{"lejp golden and testdata", lejpOwnInputs(t)})
	groups = append(groups, diffCorpus{"generated", jsontextInputs()})

	total := &diffStats{}
	all := 0
	for _, mode := range []diffMode{0, 1, 2, 3, 4} {
		for _, g := range groups {
			if mode != 0 && g.name == "json-benchmark" {
				continue // (valid UTF-8 without duplicate names: the options change nothing)
			}
			all += len(g.inputs)
			st := &diffStats{}
			t.Run(fmt.Sprintf("mode%d/%s", mode, g.name), func(t *testing.T) {
				for i, in := range g.inputs {
					t.Run(in.name, func(t *testing.T) {
						compareJSONText(t, in.in, uint64(i), mode, st)
					})
				}
			})
			t.Logf("mode %d (%+v), %s: %v", mode, *mode.lejp(Options{}), g.name, st)
			total.add(st)
		}
	}
	t.Logf("total: %v", total)
	if t.Failed() || total.inputs < all {
		return // (some inputs failed, or -run chose some)
	}
	for _, d := range jsontextDiffs {
		if total.expected[d.name] == 0 {
			t.Errorf("no input needed the expected difference %q (%s): the generated inputs must reach it", d.name, d.why)
		}
	}
}

// FuzzJSONTextDiff: on any input lejp and jsontext agree as
// compareJSONText requires, in the diffMode of mode's low three bits; seed
// drives the chunking and the mixed ReadValue/SkipValue steps.
func FuzzJSONTextDiff(f *testing.F) {
	addSeeds(f, func(b []byte) { f.Add(b, uint64(0), uint8(0)) })
	for i, in := range jsontextInputs() {
		if len(in.in) <= 4096 {
			f.Add(in.in, uint64(1), uint8(i))
		}
	}
	f.Fuzz(func(t *testing.T, in []byte, seed uint64, mode uint8) {
		compareJSONText(t, in, seed, diffMode(mode&7), nil)
	})
}
