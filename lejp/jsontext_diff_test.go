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

// jsontextDiffs are the deliberate differences between lejp and jsontext,
// under the same mode (diffMode: default options, or duplicate names or
// invalid UTF-8 allowed on both sides). Each row says when it applies
// (lejp's error, jsontext's, lejp's tokens) and why; an input it explains
// is compared again in everything, with lejp's limits raised to jsontext's
// (jsontextRaised) or with jsontext allowing duplicate names, and must then
// agree. The limits are those RFC 8259 §9 allows ("An implementation may
// set limits on the size of texts that it accepts ... the maximum depth of
// nesting ... the range and precision of numbers ... the length and
// character contents of strings"), documented in doc.go ("Strict by
// default") and options.go. jsontext's own limit, nesting depth 10000
// (jsontext/state.go maxNestingDepth), is lejp's MaxDepth in
// jsontextRaised, so inputs nested deeper are rejected by both.
var jsontextDiffs = []jsontextDiff{
	{name: "depth", why: "nesting depth: lejp's default limit is 1000 (DefaultMaxDepth), jsontext's a fixed 10000; RFC 8259 §9 allows a limit on nesting depth",
		applies: lejpLimit(ErrDepth)},
	{name: "number length", why: "number length: lejp's default limit is 1 KiB (DefaultMaxNumberLen), jsontext has none; RFC 8259 §9 allows limits on the range and precision of numbers",
		applies: lejpLimit(ErrNumberTooLong)},
	{name: "name length", why: "member name length: lejp's default limit is 64 KiB (DefaultMaxNameLen), jsontext has none; RFC 8259 §9 allows limits on the length of strings",
		applies: lejpLimit(ErrNameTooLong)},
	{name: "string length", why: "string length: lejp's default limit is 64 MiB (DefaultMaxStringLen), jsontext has none; RFC 8259 §9 allows limits on the length of strings",
		applies: lejpLimit(ErrStringTooLong)},
	{name: "name memory", why: "names held for duplicate detection: lejp's default bound is 4 MiB (DefaultMaxNameMemory) so memory stays bounded, jsontext holds every name of the open objects; RFC 8259 §9 allows limits on the size of texts",
		applies: lejpLimit(ErrTooManyNames)},
	{name: "names with invalid UTF-8", why: "with invalid UTF-8 allowed, lejp compares names byte for byte after decoding escapes (doc.go, Strict by default; RFC 8259 §8.3 compares code unit by code unit), so names differing only in invalid bytes are different names; jsontext compares them after replacing each invalid byte by U+FFFD, so they are duplicates",
		applies: namesDifferInInvalidBytes, fix: fixAllowDup},
	{name: "adjacent values", why: "with several top-level values allowed, lejp reads a number over every byte that may continue one and a literal over every letter, so touching numbers (01, 1-2) or touching literals (truefalse) are one malformed token (doc.go on AllowMultipleValues; RFC 7464 and NDJSON separate values); jsontext's stream ends a number or literal where its grammar does and reads on (0 then 1); compared again with a space between the touching values",
		applies: adjacentValues, fix: fixSeparate},
}

// jsontextDiff is one row of jsontextDiffs: applies tells from the two
// verdicts and tokens whether the row explains them; fix says how to
// compare again.
type jsontextDiff struct {
	name, why string
	applies   func(lerr, jerr error, ltoks, jtoks []dtok) bool
	fix       int
}

// The ways of comparing again: lejp with its limits raised (jsontextRaised),
// jsontext allowing duplicate names, or the input with a space between
// touching top-level values (separate).
const (
	fixRaise = iota
	fixAllowDup
	fixSeparate
)

// lejpLimit: lejp rejects with the limit's error, jsontext accepts.
func lejpLimit(limit error) func(lerr, jerr error, ltoks, jtoks []dtok) bool {
	return func(lerr, jerr error, _, _ []dtok) bool { return errors.Is(lerr, limit) && jerr == nil }
}

// adjacentValues: lejp finds an invalid number or literal, jsontext
// accepts, and jsontext's tokens have a top-level number or literal
// followed at once (no byte between) by another.
func adjacentValues(lerr, jerr error, _, jtoks []dtok) bool {
	return jerr == nil && (errors.Is(lerr, ErrInvalidNumber) || errors.Is(lerr, ErrInvalidLiteral)) && len(touching(jtoks)) > 0
}

// touching returns the start offsets of the top-level numbers and literals
// that begin where the previous top-level number or literal ends.
func touching(toks []dtok) []int64 {
	bare := func(k Kind) bool { return k == Int || k == Float || k == True || k == False || k == Null }
	var at []int64
	for i := 1; i < len(toks); i++ {
		a, b := toks[i-1], toks[i]
		if a.depth == 0 && b.depth == 0 && bare(a.kind) && bare(b.kind) && a.end == b.start {
			at = append(at, b.start)
		}
	}
	return at
}

// separate returns in with a space inserted at each offset of at.
func separate(in []byte, at []int64) []byte {
	out := make([]byte, 0, len(in)+len(at))
	prev := int64(0)
	for _, i := range at {
		out = append(append(out, in[prev:i]...), ' ')
		prev = i
	}
	return append(out, in[prev:]...)
}

// namesDifferInInvalidBytes: lejp accepts, jsontext finds a duplicate name,
// and lejp's tokens have, in one object, two names that differ in bytes
// but not once each invalid byte is U+FFFD.
func namesDifferInInvalidBytes(lerr, jerr error, ltoks, _ []dtok) bool {
	if lerr != nil || !errors.Is(jerr, jsontext.ErrDuplicateName) {
		return false
	}
	var stack []map[string]string
	for _, t := range ltoks {
		switch t.kind {
		case ObjectStart:
			stack = append(stack, map[string]string{})
		case ObjectEnd:
			stack = stack[:len(stack)-1]
		case Name:
			m := stack[len(stack)-1]
			r := string([]rune(t.val))
			if raw, ok := m[r]; ok && raw != t.val {
				return true
			}
			m[r] = t.val
		}
	}
	return false
}

// jsontextRaised is lejp with every limit of jsontextDiffs set to
// jsontext's: depth 10000, the others unbounded (as large as an input here
// can be).
var jsontextRaised = Options{
	MaxDepth:      10000,
	MaxNameLen:    1 << 30,
	MaxNumberLen:  1 << 30,
	MaxStringLen:  -1,
	MaxNameMemory: 1 << 30,
}

// diffMode selects the options both sides run with: bit 0 allows
// duplicate names (lejp AllowDuplicateNames, jsontext
// AllowDuplicateNames), bit 1 invalid UTF-8 (AllowInvalidUTF8 on both),
// bit 2 several top-level values (lejp AllowMultipleValues; jsontext's
// Decoder reads a stream of values by default, and jtTokens then does not
// require exactly one).
// With invalid UTF-8 allowed, lejp passes invalid bytes through (doc.go)
// where jsontext's Token.String replaces each by U+FFFD: lejp's decoded
// strings and names are compared with jsontext's after the same
// replacement (normVal).
type diffMode uint8

func (m diffMode) lejp(base Options) *Options {
	base.AllowDuplicateNames = m&1 != 0
	base.AllowInvalidUTF8 = m&2 != 0
	base.AllowMultipleValues = m&4 != 0
	return &base
}

func (m diffMode) jsontext() []jsontext.Options {
	return []jsontext.Options{jsontext.AllowDuplicateNames(m&1 != 0), jsontext.AllowInvalidUTF8(m&2 != 0)}
}

// normVal is lejp's decoded value as jsontext gives it in mode m.
func (m diffMode) normVal(toks []dtok) []dtok {
	if m&2 == 0 {
		return toks
	}
	out := make([]dtok, len(toks))
	for i, t := range toks {
		t.val, t.ptr = string([]rune(t.val)), string([]rune(t.ptr))
		out[i] = t
	}
	return out
}

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

// stepValues reads in with both decoders (and lejp's over a reader too) in step, each step a ReadToken
// (three in four), ReadValue or SkipValue chosen by rng (ReadToken at an
// end of object or array, where jsontext's ReadValue is an error and
// lejp's reads the end),
// and requires the same values, offsets, depths and pointers. It returns
// the number of steps.
func stepValues(tb testing.TB, in []byte, opts *Options, jopts []jsontext.Options, mode diffMode, rng *rand.Rand) int {
	jd := jsontext.NewDecoder(bytes.NewReader(in), jopts...)
	ld := NewDecoderBytes(in, opts)
	// The same steps through a Decoder over random-sized reads must give
	// what the one over the bytes gives (MaxValueLen raised: a value read
	// whole from an io.Reader is held, one over the bytes is not).
	ropts := *opts
	ropts.MaxValueLen = 1 << 30
	lr := NewDecoder(&randReader{in, rand.New(rand.NewPCG(rng.Uint64(), 1))}, &ropts)
	var end int64
	for step := 0; ; step++ {
		k := jd.PeekKind()
		if k == 0 {
			if _, err := ld.ReadToken(); err != io.EOF {
				tb.Fatalf("%s step %d: jsontext at the end, lejp: %v", quoteShort(in), step, err)
			}
			if _, err := lr.ReadToken(); err != io.EOF {
				tb.Fatalf("%s step %d: jsontext at the end, lejp over a reader: %v", quoteShort(in), step, err)
			}
			return step
		}
		op := rng.IntN(8) // mostly ReadToken, so that the steps go down into the values
		if op > 2 || k == '}' || k == ']' {
			op = 0
		}
		var what string
		switch op {
		case 0:
			jtok, jerr := jd.ReadToken()
			ltok, lerr := ld.ReadToken()
			if jerr != nil || lerr != nil {
				tb.Fatalf("%s step %d ReadToken: jsontext %v, lejp %v", quoteShort(in), step, jerr, lerr)
			}
			j := jtToken(jd, in, jtok, end)
			l := dtok{kind: ltok.Kind, val: string(ltok.Value), start: ltok.Offset, end: ld.InputOffset(), depth: ld.Depth(), ptr: ptrUpTo(ld.Depth(), ld.Pointer), index: -2}
			j.index = -2 // (the Decoder has no Index)
			if rtok, err := lr.ReadToken(); err != nil || rtok.Kind != ltok.Kind || !bytes.Equal(rtok.Value, ltok.Value) || rtok.Offset != ltok.Offset {
				tb.Fatalf("%s step %d ReadToken: lejp over bytes %v %q %d, over a reader %v %q %d %v", quoteShort(in), step, ltok.Kind, ltok.Value, ltok.Offset, rtok.Kind, rtok.Value, rtok.Offset, err)
			}
			if l = mode.normVal([]dtok{l})[0]; j != l {
				tb.Fatalf("%s step %d ReadToken:\njsontext %v\nlejp     %v", quoteShort(in), step, j, l)
			}
			end = j.end
			if lr.InputOffset() != ld.InputOffset() || lr.Depth() != ld.Depth() {
				tb.Fatalf("%s step %d ReadToken: lejp over bytes at %d depth %d, over a reader %d %d", quoteShort(in), step, ld.InputOffset(), ld.Depth(), lr.InputOffset(), lr.Depth())
			}
			continue
		case 1:
			what = "ReadValue"
			jv, jerr := jd.ReadValue()
			lv, lerr := ld.ReadValue()
			if jerr != nil || lerr != nil {
				tb.Fatalf("%s step %d ReadValue: jsontext %v, lejp %v", quoteShort(in), step, jerr, lerr)
			}
			if !bytes.Equal(jv, lv) {
				tb.Fatalf("%s step %d ReadValue:\njsontext %q\nlejp     %q", quoteShort(in), step, jv, lv)
			}
			if rv, err := lr.ReadValue(); err != nil || !bytes.Equal(rv, lv) {
				tb.Fatalf("%s step %d ReadValue: lejp over bytes %q, over a reader %q %v", quoteShort(in), step, lv, rv, err)
			}
		default:
			what = "SkipValue"
			jerr := jd.SkipValue()
			lerr := ld.SkipValue()
			if jerr != nil || lerr != nil {
				tb.Fatalf("%s step %d SkipValue: jsontext %v, lejp %v", quoteShort(in), step, jerr, lerr)
			}
			if err := lr.SkipValue(); err != nil {
				tb.Fatalf("%s step %d SkipValue: lejp over a reader: %v", quoteShort(in), step, err)
			}
		}
		end = jd.InputOffset()
		jp, lp := "", ""
		if jd.StackDepth() <= maxPtrDepth {
			jp, lp = string(jd.StackPointer()), ld.Pointer()
			if mode&2 != 0 {
				lp = string([]rune(lp)) // (normVal)
			}
		}
		if ro, rp := lr.InputOffset(), ptrUpTo(lr.Depth(), lr.Pointer); ro != ld.InputOffset() || lr.Depth() != ld.Depth() || (jp != "" && rp != ld.Pointer()) {
			tb.Fatalf("%s step %d %s: lejp over bytes at %d depth %d, over a reader %d %d %q", quoteShort(in), step, what, ld.InputOffset(), ld.Depth(), ro, lr.Depth(), rp)
		}
		if lo := ld.InputOffset(); lo != end || jp != lp || jd.StackDepth() != ld.Depth() {
			tb.Fatalf("%s step %d %s: jsontext offset %d depth %d pointer %q, lejp %d %d %q", quoteShort(in), step, what, end, jd.StackDepth(), jp, lo, ld.Depth(), lp)
		}
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
