package lejp

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"sort"
	"strings"
	"testing"
	"testing/iotest"
)

// stateInputs is the corpus of the state tests: JSONTestSuite's
// test_parsing files when the vectors are there, and a few documents of
// every shape otherwise too.
func stateInputs(t *testing.T) [][]byte {
	ins := [][]byte{
		[]byte(`{"a":{"b":[1,"` + strings.Repeat("z", 40) + `"]},"x":[{"y":2}],"q":"\u00e9"}`),
		[]byte(`[1,2,3] `), []byte(`1 2`), []byte(`{"a":1,"a":2}`), []byte(`[tru`), []byte(`"\ud800"`),
		[]byte(`{"a":[{"b":-12.5e3,"c":null,"d":true,"e":false}]}`), []byte(`[[[[]]]]`), []byte(` `),
		[]byte(`{"a":1 # c` + "\n}"), []byte("\xff"), []byte(`[1,]`), []byte(`{"k":"` + strings.Repeat("é", 30) + `"}`),
	}
	if testing.Short() {
		return ins // the corpus makes the Parser's test take seconds
	}
	files := jtsFiles(t, "test_parsing")
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		ins = append(ins, files[n])
	}
	return ins
}

var stateOpts = []*Options{
	nil,
	{StringChunk: 3, AllowDuplicateNames: true},
	{AllowComments: true, AllowInvalidUTF8: true},
	{AllowMultipleValues: true, MaxDepth: 3, MaxNumberLen: 3, MaxNameLen: 3, MaxStringLen: 5},
	{MaxValueLen: 8, MaxNameMemory: 100},
}

var statePats = []string{"a.*", "[]", "*", "*.*"}

// parserState is what a Parser's methods say between calls.
func parserState(p *Parser) string {
	w, ok := p.AppendWildcard(nil, 0)
	return fmt.Sprintf("off %d depth %d index %d path %q ptr %q wc %q %v", p.InputOffset(), p.Depth(), p.Index(), p.Path(), p.Pointer(), w, ok)
}

// pushRun writes in (in steps of step bytes) to p, whose Handler is tr,
// and closes it; the trace is the events and each call's result. It then
// calls Write and Close again and requires the error to be the same (nil
// from Close after a clean end, ErrClosed from Write), no event, and the
// state unchanged.
func pushRun(t *testing.T, p *Parser, tr *fullTracer, in []byte, step int) string {
	t.Helper()
	var err error
	for i := 0; i < len(in) && err == nil; i += step {
		c := append([]byte(nil), in[i:min(i+step, len(in))]...)
		var n int
		n, err = p.Write(c)
		if err != nil {
			fmt.Fprintf(&tr.b, "write %d/%d: %s", n, len(c), errLine(err))
		}
		st := parserState(p)
		for k := range c {
			c[k] = '?'
		}
		// The Parser keeps nothing in the caller's buffer.
		if st2 := parserState(p); st2 != st {
			t.Errorf("%q: the state changed with the written buffer:\n%s\n%s", in, st, st2)
		}
	}
	if err == nil {
		err = p.Close()
		fmt.Fprintf(&tr.b, "close: %s", checkLine(err))
	}
	fmt.Fprintf(&tr.b, "%s\n", parserState(p))
	// After the end or an error: nothing more happens.
	before, state, events := tr.b.String(), parserState(p), tr.n
	for _, more := range [][]byte{[]byte(`[1]`), []byte(" "), nil, []byte(`"x`)} {
		n, werr := p.Write(more)
		want := err
		if err == nil {
			want = ErrClosed
		}
		if werr != want || n != 0 {
			t.Errorf("%q: Write(%q) after %v: %d, %v", in, more, err, n, werr)
		}
		if cerr := p.Close(); cerr != err {
			t.Errorf("%q: Close after %v: %v", in, err, cerr)
		}
	}
	if tr.n != events || tr.b.String() != before {
		t.Errorf("%q: events after the end or an error: %s", in, strings.TrimPrefix(tr.b.String(), before))
	}
	if s := parserState(p); s != state {
		t.Errorf("%q: state moved after the end or an error:\n%s\n%s", in, state, s)
	}
	return tr.b.String()
}

// TestParserStateAfterEndAndReuse: over the corpus, with several options
// and patterns, split whole and byte by byte, and with the Handler failing
// at each event: after Close, a SyntaxError or the Handler's error, every
// Write and Close returns the same error (Write after a clean Close
// ErrClosed, Close nil), delivers no event and leaves the offset, depth,
// index, path and wildcards as they were; and one Parser, Reset between
// inputs that it left anywhere, gives each input exactly the trace a new
// Parser gives.
func TestParserStateAfterEndAndReuse(t *testing.T) {
	// fastRun for every byte count, however few.
	defer func(m int) { fastRunMin = m }(fastRunMin)
	fastRunMin = 1
	ins := stateInputs(t)
	for oi, o := range stateOpts {
		rtr := &fullTracer{}
		reused, err := NewParser(rtr, o, statePats...)
		if err != nil {
			t.Fatal(err)
		}
		for ii, in := range ins {
			steps := []int{len(in) + 1, 1, 7}
			if len(in) == 0 {
				steps = steps[:1]
			}
			for _, step := range steps {
				tr := &fullTracer{}
				p, _ := NewParser(tr, o, statePats...)
				fresh := pushRun(t, p, tr, in, step)
				rtr.b.Reset()
				rtr.n, rtr.stopAt = 0, 0
				reused.Reset()
				if got := pushRun(t, reused, rtr, in, step); got != fresh {
					t.Fatalf("opts %d input %d %q step %d: reused Parser: %s", oi, ii, in, step, diff(fresh, got))
				}
				// The Handler failing at event k (and the reused parser then
				// left there for the next input).
				if len(in) > 64 {
					continue
				}
				for k := 1; k <= tr.n; k++ {
					tr := &fullTracer{stopAt: k}
					p, _ := NewParser(tr, o, statePats...)
					fresh := pushRun(t, p, tr, in, step)
					if !strings.Contains(fresh, "stop") {
						t.Fatalf("%q: Handler error at event %d not returned:\n%s", in, k, fresh)
					}
					rtr.b.Reset()
					rtr.n, rtr.stopAt = 0, k
					reused.Reset()
					if got := pushRun(t, reused, rtr, in, step); got != fresh {
						t.Fatalf("opts %d input %d %q stop %d: reused Parser: %s", oi, ii, in, k, diff(fresh, got))
					}
				}
			}
			// Leave the reused parser inside this input for the next one.
			rtr.stopAt = 0
			reused.Reset()
			reused.Write(in[:len(in)/2])
		}
	}
}

// decState is what a Decoder's methods say between calls.
func decState(d *Decoder) string {
	return fmt.Sprintf("off %d depth %d path %q ptr %q", d.InputOffset(), d.Depth(), d.Path(), d.Pointer())
}

// decOps reads d to its end or error with a sequence of calls chosen by
// seed (ReadToken mostly, ReadValue, SkipValue), recording each result and
// the state after it; then calls every method again and requires the same
// result (io.EOF, Finish nil, or the same error) and the state unchanged.
func decOps(t *testing.T, d *Decoder, seed uint32, label string) string {
	t.Helper()
	var b strings.Builder
	var end error
	for i := 0; end == nil && i < 1<<20; i++ {
		seed = seed*1103515245 + 12345
		var err error
		switch (seed >> 16) % 8 {
		case 0:
			var v []byte
			v, err = d.ReadValue()
			fmt.Fprintf(&b, "value %q", v)
		case 1:
			err = d.SkipValue()
			b.WriteString("skip")
		default:
			var tok Token
			tok, err = d.ReadToken()
			fmt.Fprintf(&b, "token %d %s %q", tok.Offset, tok.Kind, tok.Value)
		}
		if err != nil && err != ErrNoValue {
			end = err
		}
		fmt.Fprintf(&b, " %v; %s\n", err, decState(d))
	}
	state := decState(d)
	for range 2 {
		tok, err := d.ReadToken()
		if err != end || tok.Kind != Invalid || tok.Value != nil {
			t.Errorf("%s: ReadToken after %v: %v %v", label, end, tok, err)
		}
		v, err := d.ReadValue()
		if err != end || v != nil {
			t.Errorf("%s: ReadValue after %v: %q %v", label, end, v, err)
		}
		if err := d.SkipValue(); err != end {
			t.Errorf("%s: SkipValue after %v: %v", label, end, err)
		}
		want := end
		if end == io.EOF {
			want = nil
		}
		if err := d.Finish(); err != want {
			t.Errorf("%s: Finish after %v: %v", label, end, err)
		}
		if s := decState(d); s != state {
			t.Errorf("%s: state moved after %v:\n%s\n%s", label, end, state, s)
		}
	}
	if end != io.EOF {
		b.WriteString(errLine(end))
	}
	return b.String()
}

// TestDecoderStateAfterEndAndReuse: over the corpus, with several options,
// over bytes and over a one-byte reader, with mixed ReadToken, ReadValue
// and SkipValue calls: after io.EOF or an error every call returns the same
// (Finish nil after io.EOF) and the offset, depth and path stay; and one
// Decoder, Reset or ResetBytes after an input left anywhere, reads each
// input exactly as a new one does.
func TestDecoderStateAfterEndAndReuse(t *testing.T) {
	ins := stateInputs(t)
	for oi, o := range stateOpts {
		reused := NewDecoderBytes(nil, o)
		for ii, in := range ins {
			for _, seed := range []uint32{1, 7, 99} {
				for _, rd := range []bool{false, true} {
					label := fmt.Sprintf("opts %d input %d %q seed %d reader %v", oi, ii, in, seed, rd)
					var d *Decoder
					if rd {
						d = NewDecoder(iotest.OneByteReader(bytes.NewReader(in)), o)
						reused.Reset(iotest.OneByteReader(bytes.NewReader(in)))
					} else {
						d = NewDecoderBytes(in, o)
						reused.ResetBytes(in)
					}
					fresh := decOps(t, d, seed, label)
					if got := decOps(t, reused, seed, label+" reused"); got != fresh {
						t.Fatalf("%s: reused Decoder: %s", label, diff(fresh, got))
					}
					// Leave the reused decoder inside this input.
					reused.ResetBytes(in)
					for range seed % 5 {
						reused.ReadToken()
					}
				}
			}
		}
	}
}

// odReader returns its data in pieces of at most n bytes (n below 1: the
// whole rest), then the error end; with withData, end comes with the last
// piece; with errFirst, a call returns (0, errAgain) before each piece.
type odReader struct {
	data     []byte
	n        int
	end      error
	withData bool
	errFirst bool
	toggle   bool
	count    int // a count to return instead, once, at the first Read
}

var errAgain = errors.New("again")

func (r *odReader) Read(p []byte) (int, error) {
	if r.count != 0 {
		c := r.count
		r.count = 0
		copy(p, r.data)
		return c, nil
	}
	if r.errFirst {
		if r.toggle = !r.toggle; r.toggle {
			return 0, errAgain
		}
	}
	if len(r.data) == 0 {
		return 0, r.end
	}
	n := len(r.data)
	if r.n > 0 {
		n = min(n, r.n)
	}
	n = copy(p, r.data[:n])
	r.data = r.data[n:]
	if len(r.data) == 0 && r.withData {
		return n, r.end
	}
	return n, nil
}

// TestDecoderReaderErrorsSticky: a reader that ends with io.EOF (with or
// apart from its last bytes) reads as the bytes do; one that ends with
// another error (io.ErrUnexpectedEOF, any error; with its last bytes or
// after them) gives the tokens of those bytes and then that error, as it
// is, every later call; one failing before its first byte gives the error
// at once and never reads on; a count below 0 or above the buffer is an
// error matching bufio.ErrBadReadCount. After each, the calls of decOps
// hold (no token after the error, the state unchanged).
func TestDecoderReaderErrorsSticky(t *testing.T) {
	ins := stateInputs(t)
	// reused reads every reader after the last left it failed: it must
	// give what a new Decoder gives.
	reused := NewDecoder(nil, nil)
	run := func(r *odReader, label string) string {
		r2 := *r
		r2.data = append([]byte(nil), r.data...)
		got := decOps(t, NewDecoder(r, nil), 3, label)
		reused.Reset(&r2)
		if again := decOps(t, reused, 3, label+" reused"); again != got {
			t.Fatalf("%s: reused Decoder: %s", label, diff(got, again))
		}
		return got
	}
	for _, in := range ins {
		want := decOps(t, NewDecoderBytes(in, nil), 3, "bytes")
		for _, n := range []int{0, 1, 3} {
			for _, withData := range []bool{false, true} {
				label := fmt.Sprintf("%q n %d withData %v", in, n, withData)
				if got := run(&odReader{data: in, n: n, end: io.EOF, withData: withData}, label); got != want {
					t.Fatalf("%s: io.EOF: %s", label, diff(want, got))
				}
				for _, e := range []error{io.ErrUnexpectedEOF, errBoom} {
					got := run(&odReader{data: in, n: n, end: e, withData: withData}, label)
					// The trace of the bytes up to a call that returns e,
					// and then e.
					if msg := readerErrTrace(want, got, e); msg != "" {
						t.Errorf("%s: %v: %s", label, e, msg)
					}
				}
				got := run(&odReader{data: in, n: n, end: io.EOF, withData: withData, errFirst: true}, label)
				if !strings.HasSuffix(got, errLine(errAgain)) || strings.Count(got, "\n") != 2 {
					t.Errorf("%s: error first: %s", label, got)
				}
			}
		}
		for _, c := range []int{-1, -1 << 40, 1 << 20} {
			d := NewDecoder(&odReader{data: in, end: io.EOF, count: c}, nil)
			_, err := d.ReadToken()
			if !errors.Is(err, bufio.ErrBadReadCount) {
				t.Fatalf("%q count %d: %v", in, c, err)
			}
			// decOps reads on: the same error every time.
			run(&odReader{data: in, end: io.EOF, count: c}, fmt.Sprintf("%q count %d", in, c))
		}
	}
}

// readerErrTrace says how got, a decOps trace of a reader failing with e,
// differs from want, that of the bytes, beyond what e may change: got is
// want, or want's lines up to one whose call returned e, then e.
func readerErrTrace(want, got string, e error) string {
	if got == want {
		return ""
	}
	wl, gl := strings.Split(want, "\n"), strings.Split(got, "\n")
	i := 0
	for i < len(wl) && i < len(gl) && wl[i] == gl[i] {
		i++
	}
	if i+3 == len(gl) && strings.Contains(gl[i], " "+e.Error()+"; ") && gl[i+1]+"\n" == errLine(e) && gl[i+2] == "" {
		return ""
	}
	return diff(want, got)
}

// writerOps applies n operations chosen by seed to w, mostly ones that fit
// (a name where one is due, a value where one may be), now and then any
// one, recording the output and error after each, and requires that after
// the first error nothing changes: the same bytes, the same error value.
func writerOps(t *testing.T, w *Writer, seed uint32, n int) string {
	t.Helper()
	var b strings.Builder
	names := []string{"a", "b", "a", "\xff", "\ufffd", "é", "e\u0301", "\x00"}
	var first error
	var firstBytes string
	deepen := seed%3 == 0
	for i := range n {
		seed = seed*1103515245 + 12345
		r := seed >> 8
		op := r % 17
		if r%64 != 0 { // fitting
			switch {
			case w.inObj && !w.name:
				op = 6 + r%3 // a name
				if r%16 == 1 {
					op = 2
				}
			case w.depth == 0 && w.done:
				op = 15
			default:
				op = []uint32{0, 3, 9, 10, 11, 12, 13, 14, 16, 5}[r%10]
				if op == 5 && w.inObj {
					op = 12
				}
				if deepen && w.depth < 70 && r%3 != 0 {
					op = 3 * (r % 2) // a container, to go deep
				}
				if w.depth > 70 && (op == 0 || op == 3) {
					op = 12
				}
			}
		}
		nm := names[(r>>5)%uint32(len(names))]
		if r%32 != 0 {
			nm = fmt.Sprint("n", i)
		}
		switch op {
		case 0, 1:
			w.BeginObject()
		case 2:
			w.EndObject()
		case 3, 4:
			w.BeginArray()
		case 5:
			w.EndArray()
		case 6, 7, 8:
			w.Name(nm)
		case 9:
			w.String(nm)
		case 10:
			w.Int(int64(r))
		case 11:
			f := float64(r) / 7
			if r%32 == 0 {
				f = f / 0 // +Inf: misuse
			}
			w.Float(f)
		case 12:
			w.Null()
		case 13:
			raws := []string{`{"x":[1,2]}`, `{"x":1,"x":2}`, `[1,]`, ` "r" `}
			if r%16 != 0 {
				r &^= 1 << 5 // mostly a valid one
			}
			w.Raw([]byte(raws[(r>>5)%4]))
		case 14:
			w.Bool(r&64 != 0)
		case 15:
			if r%4 == 0 {
				out, err := w.Finish()
				fmt.Fprintf(&b, "finish %q %v\n", out, err)
			}
		case 16:
			w.Uint(uint64(r) << 32)
		}
		fmt.Fprintf(&b, "%d %q %v\n", i, w.Bytes(), w.Err())
		if first == nil && w.Err() != nil {
			first, firstBytes = w.Err(), string(w.Bytes())
		} else if first != nil && (w.Err() != first || string(w.Bytes()) != firstBytes) {
			t.Fatalf("seed %d op %d: after %v: %q %v", seed, i, first, w.Bytes(), w.Err())
		}
	}
	out, err := w.Finish()
	fmt.Fprintf(&b, "finish %q %v\n", out, err)
	if first != nil && (err != first || string(out) != firstBytes) {
		t.Fatalf("Finish after %v: %q %v", first, out, err)
	}
	if err == nil {
		if cerr := Check(out, &Options{AllowDuplicateNames: w.AllowDuplicateNames, AllowInvalidUTF8: w.AllowInvalidUTF8}); cerr != nil {
			t.Fatalf("output %q: %v", out, cerr)
		}
	}
	return b.String()
}

// TestWriterStateAfterErrorAndReuse: over generated sequences of calls,
// with each setting of the Allow fields: after the first error every call
// leaves the output and the error as they were (Finish too), and one
// Writer, Reset after any sequence (and its fields then changed), writes
// each sequence exactly as a new Writer with those fields does.
func TestWriterStateAfterErrorAndReuse(t *testing.T) {
	var reused Writer
	errs, deep := 0, 0
	seeds := uint32(1500)
	if testing.Short() {
		seeds = 300 // a second and more for all of them
	}
	for seed := range seeds {
		allow := seed % 4
		n := 5 + int(seed%400)
		fresh := Writer{AllowInvalidUTF8: allow&1 != 0, AllowDuplicateNames: allow&2 != 0}
		want := writerOps(t, &fresh, seed, n)
		if fresh.err != nil {
			errs++
		}
		if len(fresh.deep) > 0 {
			deep++
		}
		reused.Reset(nil)
		reused.AllowInvalidUTF8, reused.AllowDuplicateNames = allow&1 != 0, allow&2 != 0
		if got := writerOps(t, &reused, seed, n); got != want {
			t.Fatalf("seed %d: reused Writer: %s", seed, diff(want, got))
		}
	}
	t.Logf("%d sequences failed, %d went deeper than 64", errs, deep)
}

// TestParserHandlerErrorSameEverySplit: a Handler failing at event k stops
// the Parser at the same place however the input is split (whole, a byte
// per Write, five bytes, fastRun on every Write): the same events, error,
// depth, index, path and wildcards afterwards.
func TestParserHandlerErrorSameEverySplit(t *testing.T) {
	defer func(m int) { fastRunMin = m }(fastRunMin)
	fastRunMin = 1
	ins := stateInputs(t)
	ins = append(ins, []byte(`{"a":[1,2,3,4,5,6,-7.5e3,8],"b":[1,2,3,4]}`), []byte(`[[1,2],[3,4],[5,6,7,8,9,10,11,12,13,14]]`))
	re := regexp.MustCompile(`off \d+ `)
	for _, o := range stateOpts {
		for _, in := range ins {
			if len(in) > 64 {
				continue
			}
			for k := 1; k < 40; k++ {
				var res []string
				for _, step := range []int{len(in) + 1, 1, 5} {
					tr := &fullTracer{stopAt: k}
					// A HandlerFunc without patterns takes fastRun's
					// own paths (numElem); a Handler with patterns the others.
					var p *Parser
					if k%2 == 0 {
						p, _ = NewParser(HandlerFunc(tr.HandleEvent), o)
					} else {
						p, _ = NewParser(tr, o, statePats...)
					}
					var err error
					for i := 0; i < len(in) && err == nil; i += step {
						_, err = p.Write(in[i:min(i+step, len(in))])
					}
					if err == nil {
						err = p.Close()
					}
					res = append(res, fmt.Sprintf("%d events, %v, %s\n%s", tr.n, err, re.ReplaceAllString(parserState(p), ""), tr.b.String()))
				}
				if res[0] != res[1] || res[0] != res[2] {
					t.Fatalf("%q stop %d:\n%s\n%s\n%s", in, k, res[0], res[1], res[2])
				}
			}
		}
	}
}

// FuzzReuseAgrees: a Parser and a Decoder left anywhere in a first input
// (cut after a fuzzed number of bytes or tokens, maybe failed), then Reset,
// read a second input exactly as new ones do, under fuzzed options, and
// then hold the end or the error as decOps and pushRun require.
func FuzzReuseAgrees(f *testing.F) {
	addSeeds(f, func(b []byte) { f.Add(b, []byte(`{"a":[1,"x"]}`), uint8(0), uint8(3), uint8(5)) })
	f.Fuzz(func(t *testing.T, first, second []byte, flags, cut, step uint8) {
		defer func(m int) { fastRunMin = m }(fastRunMin)
		fastRunMin = 1
		opts := &Options{
			StringChunk:         int(flags>>5) + 1,
			AllowDuplicateNames: flags&1 != 0,
			AllowInvalidUTF8:    flags&2 != 0,
			AllowComments:       flags&4 != 0,
			AllowMultipleValues: flags&8 != 0,
		}
		if flags&16 != 0 {
			opts.MaxDepth, opts.MaxNameLen, opts.MaxNumberLen, opts.MaxStringLen, opts.MaxValueLen = 3, 4, 4, 6, 9
		}
		st := int(step%16) + 1
		tr := &fullTracer{}
		p, err := NewParser(tr, opts, statePats...)
		if err != nil {
			t.Fatal(err)
		}
		want := pushRun(t, p, tr, second, st)

		rtr := &fullTracer{stopAt: int(cut % 7)}
		reused, _ := NewParser(rtr, opts, statePats...)
		for i := 0; i < min(int(cut), len(first)); i += st {
			reused.Write(first[i:min(i+st, int(cut), len(first))])
		}
		reused.Reset()
		rtr.b.Reset()
		rtr.n, rtr.stopAt = 0, 0
		if got := pushRun(t, reused, rtr, second, st); got != want {
			t.Fatalf("reused Parser: %s", diff(want, got))
		}

		for _, rd := range []bool{false, true} {
			var d, rdec *Decoder
			if rd {
				d = NewDecoder(iotest.HalfReader(bytes.NewReader(second)), opts)
				rdec = NewDecoder(iotest.OneByteReader(bytes.NewReader(first)), opts)
			} else {
				d = NewDecoderBytes(second, opts)
				rdec = NewDecoderBytes(first, opts)
			}
			want := decOps(t, d, uint32(step), "fresh")
			for range cut % 9 {
				rdec.ReadToken()
			}
			if cut%3 == 0 {
				rdec.ReadValue()
			}
			if rd {
				rdec.Reset(iotest.HalfReader(bytes.NewReader(second)))
			} else {
				rdec.ResetBytes(second)
			}
			if got := decOps(t, rdec, uint32(step), "reused"); got != want {
				t.Fatalf("reused Decoder (reader %v): %s", rd, diff(want, got))
			}
		}
	})
}
