package lejp

// StringReader's reader returns what the Decoder holds (io.Reader's
// convention: "If some data is available but not len(p) bytes, Read
// conventionally returns what is available instead of waiting for more"):
// it reads the io.Reader only when it has nothing to return, holding back
// only an escape or UTF-8 sequence the input so far ends inside. Tested by
// readers that count their calls (scriptReader, splitWatch), never by
// timing.

import (
	"bytes"
	"errors"
	"hash/fnv"
	"io"
	"math/rand/v2"
	"runtime"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"testing/iotest"
	"time"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/lwscrypto/lwscrypto/internal/testenv"
)

// errScriptEmpty is scriptReader's error when it is called with no input
// scripted: the Decoder read on where it should have returned what it held.
var errScriptEmpty = errors.New("scriptReader: read with nothing scripted")

// scriptReader serves the chunks the test has queued, one per Read, and
// counts its calls; called with none queued it fails the test (and
// returns errScriptEmpty), unless eof is set: then io.EOF.
type scriptReader struct {
	t     testing.TB
	queue [][]byte
	calls int
	eof   bool
}

func (r *scriptReader) Read(p []byte) (int, error) {
	r.calls++
	if len(r.queue) == 0 {
		if r.eof {
			return 0, io.EOF
		}
		r.t.Errorf("Read %d: called with nothing scripted: the Decoder should have returned what it held", r.calls)
		return 0, errScriptEmpty
	}
	n := copy(p, r.queue[0])
	if r.queue[0] = r.queue[0][n:]; len(r.queue[0]) == 0 {
		r.queue = r.queue[1:]
	}
	return n, nil
}

func (r *scriptReader) push(chunks ...string) {
	for _, c := range chunks {
		r.queue = append(r.queue, []byte(c))
	}
}

// TestStringReaderReturnsWhatItHolds: in each step the chunks are queued,
// then (at the first step, after ReadToken and StringReader) each Read
// must return the step's next piece, the reader having taken all the
// chunks queued and called for no more; after the last step the reader
// returns io.EOF, still without a call, and ReadToken the array's end.
func TestStringReaderReturnsWhatItHolds(t *testing.T) {
	type step = srStep
	for _, tc := range []struct {
		name  string
		opts  *Options
		n     int // len(p); 0: 100
		kind  Kind
		steps []step
	}{
		{name: "plain", steps: []step{{[]string{`["abc`}, []string{"abc"}}, {[]string{`def"]`}, []string{"def"}}}},
		{name: "one chunk each", steps: []step{{[]string{`[`, `"`, `a`}, []string{"a"}}, {[]string{`b`}, []string{"b"}},
			{[]string{`c`}, []string{"c"}}, {[]string{`"]`}, nil}}},
		{name: "escape cut", steps: []step{{[]string{`["ab\u00`}, []string{"ab"}}, {[]string{`e9"]`}, []string{"é"}}}},
		{name: "escape cut at every byte", steps: []step{{[]string{`["ab\`}, []string{"ab"}},
			{[]string{`u`, `0`, `0`, `e`, `9`}, []string{"é"}}, {[]string{`c\`}, []string{"c"}},
			{[]string{`n`}, []string{"\n"}}, {[]string{`"]`}, nil}}},
		{name: "surrogate pair cut", steps: []step{{[]string{`["a\ud83d`}, []string{"a"}},
			{[]string{`\ude0`, `0b`}, []string{"😀b"}}, {[]string{`"]`}, nil}}},
		{name: "surrogate pair first", steps: []step{{[]string{`["\ud83d`, `\ude00`}, []string{"😀"}}, {[]string{`"]`}, nil}}},
		{name: "UTF-8 cut", steps: []step{{[]string{"[\"a\xc3"}, []string{"a"}}, {[]string{"\xa9b\"]"}, []string{"éb"}}}},
		{name: "UTF-8 cut twice", steps: []step{{[]string{"[\"\xf0\x9f", "\x98", "\x80x"}, []string{"😀x"}},
			{[]string{"\xe2", "\x82\xac\"]"}, []string{"€"}}}},
		{name: "AllowInvalidUTF8 holds a sequence cut", opts: &Options{AllowInvalidUTF8: true},
			steps: []step{{[]string{"[\"a\xc3"}, []string{"a"}}, {[]string{"\xa9\xff"}, []string{"é\xff"}},
				{[]string{"\xe2\x82", "\xac\"]"}, []string{"€"}}}},
		{name: "pieces of StringChunk", opts: &Options{StringChunk: 4},
			steps: []step{{[]string{`["abcdefghij`}, []string{"abcd", "efgh", "ij"}}, {[]string{`k"]`}, []string{"k"}}}},
		{name: "short p", n: 2, steps: []step{{[]string{`["abcde`}, []string{"ab", "cd", "e"}}, {[]string{`"]`}, nil}}},
		{name: "name held whole", kind: Name, steps: []step{{[]string{`{"abc`, `def"`}, []string{"abcdef"}},
			{[]string{`:1}`}, nil}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			sr := &scriptReader{t: t}
			d := NewDecoder(sr, tc.opts)
			n := tc.n
			if n == 0 {
				n = 100
			}
			p := make([]byte, n)
			var r io.Reader
			var got []byte
			for i, st := range tc.steps {
				sr.push(st.chunks...)
				if i == 0 {
					if _, err := d.ReadToken(); err != nil {
						t.Fatal(err)
					}
					k, rr, err := d.StringReader()
					want := String
					if tc.kind == Name {
						want = Name
					}
					if err != nil || k != want {
						t.Fatalf("StringReader: %v %v, want %v", k, err, want)
					}
					r = rr
				}
				for _, want := range st.reads {
					m, err := r.Read(p)
					if err != nil || string(p[:m]) != want {
						t.Fatalf("step %d: Read %q %v, want %q", i, p[:m], err, want)
					}
					got = append(got, p[:m]...)
				}
				if len(st.reads) > 0 && len(sr.queue) != 0 {
					t.Fatalf("step %d: %d chunks not read", i, len(sr.queue))
				}
				if t.Failed() {
					return
				}
			}
			if m, err := r.Read(p); m != 0 || err != io.EOF {
				t.Fatalf("Read at the end: %d %v", m, err)
			}
			sr.eof = true
			var in []byte
			for _, st := range tc.steps {
				in = append(in, strings.Join(st.chunks, "")...)
			}
			want := readTokenValues(t, NewDecoderBytes(in, tc.opts))
			if want[0] != string(got) {
				t.Fatalf("read %q, ReadToken %q", got, want[0])
			}
			if tc.kind == Name {
				d.ReadToken()
			}
			if tok, err := d.ReadToken(); err != nil || (tok.Kind != ArrayEnd && tok.Kind != ObjectEnd) {
				t.Fatalf("ReadToken after: %v %v", tok.Kind, err)
			}
		})
	}
}

// srStep is a step of TestStringReaderReturnsWhatItHolds: chunks queued,
// then what each Read returns.
type srStep struct {
	chunks, reads []string
}

// hangGuard is how long awaitStep waits: a guard against a hang, not a
// measure of time. The steps it waits for take microseconds; 20 s is
// ample on a loaded 2-core machine and well inside a -timeout 120s run,
// so that a hang fails the test naming the step, not the test binary.
const hangGuard = 20 * time.Second

// awaitStep returns the value c delivers; if none comes within hangGuard
// (or half the time left before the test's deadline, if that is less),
// it calls unblock, if set, to free the goroutine that hung, and fails
// the test naming what hung, as step() then says.
func awaitStep[T any](t *testing.T, c <-chan T, step func() string, unblock func()) T {
	t.Helper()
	wait := hangGuard
	if dl, ok := t.Deadline(); ok {
		wait = min(wait, time.Until(dl)/2)
	}
	timer := time.NewTimer(wait)
	defer timer.Stop()
	select {
	case v := <-c:
		return v
	case <-timer.C:
		if unblock != nil {
			unblock()
		}
		t.Fatalf("hung: no result after %v: %s", wait, step())
		panic("not reached")
	}
}

// readTokenValues is the values of the strings and names ReadToken reads
// from d, to its end or error.
func readTokenValues(t testing.TB, d *Decoder) []string {
	var vs []string
	for {
		tok, err := d.ReadToken()
		if err != nil {
			return vs
		}
		if tok.Kind == String || tok.Kind == Name {
			vs = append(vs, string(tok.Value))
		}
	}
}

// TestStringReaderErrorAfterWhatItHeld: a malformed byte, the io.Reader's
// error or the input's end arriving after the reader returned what it held
// is the reader's next error, the same as ReadToken's; the error of an
// io.Reader that returns bytes with it comes after them.
func TestStringReaderErrorAfterWhatItHeld(t *testing.T) {
	boom := errors.New("boom")
	for _, tc := range []struct {
		first, rest string
		restErr     error
		want        string
		err         error
		off         int64
	}{
		{`["abc`, "d\x01\"]", nil, "abc", ErrInvalidChar, 6},
		{`["abc`, `d\x"]`, nil, "abc", ErrInvalidEscape, 6},
		{`["abc`, "\xff\"]", nil, "abc", ErrInvalidUTF8, 5},
		{`["abc`, ``, io.EOF, "abc", ErrUnexpectedEOF, 5},
		{`["abc`, `de`, io.EOF, "abcde", ErrUnexpectedEOF, 7},
		{`["abc`, "d\xc3", io.EOF, "abcd", ErrUnexpectedEOF, 7},
		{`["abc`, `d\u00`, io.EOF, "abcd", ErrUnexpectedEOF, 10},
		{`["abc\u00`, ``, io.EOF, "abc", ErrUnexpectedEOF, 9},
		{`["abc`, `de`, boom, "abcde", nil, 0},
		{`["abc\u00`, `e`, boom, "abc", nil, 0},
	} {
		r := &errAfterReader{chunks: []string{tc.first, tc.rest}, err: tc.restErr}
		d := NewDecoder(r, nil)
		d.ReadToken()
		_, sr, err := d.StringReader()
		if err != nil {
			t.Fatalf("%q: StringReader: %v", tc.first, err)
		}
		p := make([]byte, 100)
		m, err := sr.Read(p)
		if err != nil || string(p[:m]) != "abc" || r.calls != 1 {
			t.Fatalf("%q: first Read %q %v after %d calls, want \"abc\" after 1", tc.first, p[:m], err, r.calls)
		}
		got := append([]byte(nil), p[:m]...)
		for err == nil {
			m, err = sr.Read(p)
			got = append(got, p[:m]...)
			if len(got) > len(tc.first)+len(tc.rest) {
				t.Fatalf("%q %q: read %q, more than the input holds", tc.first, tc.rest, got)
			}
		}
		if string(got) != tc.want {
			t.Errorf("%q %q: read %q, want %q", tc.first, tc.rest, got, tc.want)
		}
		var se *SyntaxError
		switch {
		case tc.err == nil:
			if err != boom {
				t.Errorf("%q %q: %v, want the reader's error", tc.first, tc.rest, err)
			}
		case !errors.As(err, &se) || se.Err != tc.err || se.Offset != tc.off:
			t.Errorf("%q %q: %v, want %v at %d", tc.first, tc.rest, err, tc.err, tc.off)
		}
		// ReadToken over the same input says the same.
		d2 := NewDecoder(&errAfterReader{chunks: []string{tc.first, tc.rest}, err: tc.restErr}, nil)
		d2.ReadToken()
		if _, err2 := d2.ReadToken(); checkLine(err2) != checkLine(err) {
			t.Errorf("%q %q: reader %v, ReadToken %v", tc.first, tc.rest, err, err2)
		}
	}
}

// errAfterReader returns its chunks, the last with err.
type errAfterReader struct {
	chunks []string
	err    error
	calls  int
}

func (r *errAfterReader) Read(p []byte) (int, error) {
	r.calls++
	if len(r.chunks) == 0 {
		return 0, r.err
	}
	n := copy(p, r.chunks[0])
	r.chunks = r.chunks[1:]
	if len(r.chunks) == 0 {
		return n, r.err
	}
	return n, nil
}

// TestStringReaderPipe: over an io.Pipe holding `["abcdef` and nothing
// more, StringReader returns a reader and its Read returns "abcdef": the
// writer writes the rest and closes the pipe only once it has the Read's
// result, so a Read that waited for more would never return (the channel
// wait is a guard against a hang, not a measure of time).
func TestStringReaderPipe(t *testing.T) {
	pr, pw := io.Pipe()
	d := NewDecoder(pr, nil)
	type result struct {
		s   string
		err error
	}
	res := make(chan result, 1)
	// The call the reading goroutine is in, for the hang guard's message.
	var in atomic.Pointer[string]
	enter := func(call string) { in.Store(&call) }
	step := func() string {
		return *in.Load() + " over a pipe holding `[\"abcdef` did not return: " +
			"it waits for more input than the pipe holds"
	}
	go func() {
		pw.Write([]byte(`["abcdef`))
	}()
	go func() {
		enter("ReadToken")
		if _, err := d.ReadToken(); err != nil {
			res <- result{err: err}
			return
		}
		enter("StringReader")
		_, r, err := d.StringReader()
		if err != nil {
			res <- result{err: err}
			return
		}
		p := make([]byte, 100)
		enter("the string reader's first Read")
		n, err := r.Read(p)
		res <- result{string(p[:n]), err}
		// The rest, once the writer has it.
		enter("a Read of the rest, after `gh\"]` was written and the pipe closed,")
		var rest []byte
		for err == nil {
			n, err = r.Read(p)
			rest = append(rest, p[:n]...)
		}
		if err != io.EOF {
			res <- result{err: err}
			return
		}
		res <- result{s: string(rest)}
	}()
	hang := func() { pw.CloseWithError(errors.New("hang guard")) }
	got := awaitStep(t, res, step, hang)
	if got.err != nil || got.s != "abcdef" {
		t.Fatalf("first Read: %q %v, want \"abcdef\"", got.s, got.err)
	}
	go func() {
		pw.Write([]byte(`gh"]`))
		pw.Close()
	}()
	got = awaitStep(t, res, func() string { return *in.Load() + " did not return" }, hang)
	if got.err != nil || got.s != "gh" {
		t.Fatalf("the rest: %q %v, want \"gh\"", got.s, got.err)
	}
	if tok, err := d.ReadToken(); err != nil || tok.Kind != ArrayEnd {
		t.Fatal(tok.Kind, err)
	}
	if err := d.Finish(); err != nil {
		t.Fatal(err)
	}
}

// availLen is what a string reader must have delivered before it may read
// on, the input of the string so far being raw (from after its quote):
// the length of raw decoded, up to an escape or UTF-8 sequence it ends
// inside (with allowUTF8, bytes are taken as they are, but a valid start
// of a sequence cut is held back), with closed if raw holds the closing
// quote; ok is false where raw is malformed (or has a lone surrogate), for
// the caller to judge nothing.
func availLen(raw []byte, allowUTF8 bool) (n int, closed, ok bool) {
	var out []byte
	hex := func(b []byte) (rune, bool) {
		v, err := strconv.ParseUint(string(b), 16, 32)
		return rune(v), err == nil
	}
loop:
	for i := 0; i < len(raw); {
		c := raw[i]
		switch {
		case c == '"':
			return len(out), true, true
		case c == '\\':
			if i+1 == len(raw) {
				break loop
			}
			if raw[i+1] != 'u' {
				if !strings.ContainsRune(`"\/bfnrt`, rune(raw[i+1])) {
					return 0, false, false
				}
				out = append(out, '.')
				i += 2
				continue
			}
			if i+6 > len(raw) {
				break loop
			}
			r, okh := hex(raw[i+2 : i+6])
			if !okh || r >= 0xDC00 && r <= 0xDFFF {
				return 0, false, false
			}
			if r < 0xD800 || r > 0xDFFF {
				out = utf8.AppendRune(out, r)
				i += 6
				continue
			}
			if i+12 > len(raw) {
				if !bytes.HasPrefix([]byte(`\u`), raw[i+6:min(i+8, len(raw))]) {
					return 0, false, false
				}
				break loop
			}
			r2, okh := hex(raw[i+8 : i+12])
			if !okh || raw[i+6] != '\\' || raw[i+7] != 'u' || r2 < 0xDC00 || r2 > 0xDFFF {
				return 0, false, false
			}
			out = utf8.AppendRune(out, utf16.DecodeRune(r, r2))
			i += 12
		case c < 0x20:
			return 0, false, false
		case c < 0x80 || allowUTF8:
			out = append(out, c)
			i++
		default:
			if !utf8.FullRune(raw[i:]) {
				break loop
			}
			r, m := utf8.DecodeRune(raw[i:])
			if r == utf8.RuneError && m == 1 {
				return 0, false, false
			}
			out = append(out, raw[i:i+m]...)
			i += m
		}
	}
	if allowUTF8 {
		// Of a valid start cut, nothing.
		for k := 1; k <= 3 && k <= len(out); k++ {
			if c := out[len(out)-k]; c&0xC0 != 0x80 {
				if !utf8.FullRune(out[len(out)-k:]) {
					out = out[:len(out)-k]
				}
				break
			}
		}
	}
	return len(out), false, true
}

// sizedReader serves in in pieces of sizes drawn from a generator seeded
// by seed (mostly 1 to 8 bytes, some up to 100), and calls check, if set,
// before it serves one.
type sizedReader struct {
	in    []byte
	fed   int
	rng   *rand.Rand
	check func(fed int)
}

func newSizedReader(in, seed []byte) *sizedReader {
	h := fnv.New64a()
	h.Write(in)
	h.Write(seed)
	return &sizedReader{in: in, rng: rand.New(rand.NewPCG(h.Sum64(), 0))}
}

func (r *sizedReader) Read(p []byte) (int, error) {
	if r.check != nil {
		r.check(r.fed)
	}
	if r.fed == len(r.in) {
		return 0, io.EOF
	}
	n := 1 + r.rng.IntN(8)
	if r.rng.IntN(4) == 0 {
		n = 1 + r.rng.IntN(100)
	}
	n = copy(p[:min(n, len(p))], r.in[r.fed:])
	r.fed += n
	return n, nil
}

// splitWatch serves in, cut at the offsets in cuts, one part per Read (the
// last with io.EOF), and calls check before it serves a part.
type splitWatch struct {
	in    []byte
	cuts  []int
	fed   int
	check func(fed int)
}

func (r *splitWatch) Read(p []byte) (int, error) {
	if r.check != nil {
		r.check(r.fed)
	}
	end := len(r.in)
	for _, c := range r.cuts {
		if c > r.fed {
			end = c
			break
		}
	}
	n := copy(p, r.in[r.fed:end])
	r.fed += n
	if r.fed == len(r.in) {
		return n, io.EOF
	}
	return n, nil
}

// watchStrings reads in through StringReader (its reader read rs bytes at
// a time) where it can, ReadToken elsewhere, from a splitWatch cut at
// cuts, and returns the strings and names read and the error that ended
// it. Whenever the Decoder reads the splitWatch while a string reader (or
// StringReader) is at a string value, all of the string that the input
// so far holds, but for an escape or UTF-8 sequence cut, must have been
// delivered (availLen): checks counts the times this was judged.
func watchStrings(t *testing.T, in []byte, cuts []int, opts *Options, rs int, checks *int) ([]string, error) {
	w := &splitWatch{in: in, cuts: cuts}
	d := NewDecoder(w, opts)
	var (
		inSR      bool // inside StringReader or a Read of its reader
		delivered int
	)
	allow := opts != nil && opts.AllowInvalidUTF8
	w.check = func(fed int) {
		s := &d.s
		if !inSR || !s.inStr || s.str.name {
			return
		}
		raw := in[min(int(s.str.off)+1, fed):fed]
		n, closed, ok := availLen(raw, allow)
		if !ok {
			return
		}
		*checks++
		if closed || n != delivered {
			t.Errorf("%q cut at %v: read on at %d with %d bytes of the string delivered, %d held (closed %v)",
				in, cuts, fed, delivered, n, closed)
		}
	}
	var vs []string
	buf := make([]byte, rs)
	for {
		inSR, delivered = true, 0
		k, r, err := d.StringReader()
		inSR = false
		switch {
		case err == nil:
			var got []byte
			for err == nil {
				inSR = k == String
				var m int
				m, err = r.Read(buf)
				inSR = false
				if m > len(buf) || (m == 0 && err == nil) {
					t.Fatalf("%q: Read returned %d, %v", in, m, err)
				}
				got = append(got, buf[:m]...)
				delivered += m
				if len(got) > len(in) {
					t.Fatalf("%q: the reader delivered %q, more than the input holds", in, got)
				}
			}
			vs = append(vs, string(got))
			if err != io.EOF {
				return vs, err
			}
		case errors.Is(err, ErrNoValue) && !errors.As(err, new(*SyntaxError)):
			if _, err := d.ReadToken(); err != nil {
				return vs, err
			}
		default:
			return vs, err
		}
	}
}

// TestStringReaderSplitsJSONTestSuite: over every JSONTestSuite
// test_parsing file of up to 4 KiB, cut in two at every offset, strictly
// and with AllowInvalidUTF8 and small pieces, the string reader reads the
// input only when it holds nothing to return (watchStrings), the strings
// read are those ReadToken reads, and the error is ReadToken's. The files
// are also read one byte per Read, as they were before.
func TestStringReaderSplitsJSONTestSuite(t *testing.T) {
	checks := 0
	for name, in := range jtsFiles(t, "test_parsing") {
		if len(in) > 4<<10 {
			continue
		}
		for _, opts := range []*Options{nil, {AllowInvalidUTF8: true, StringChunk: 4}} {
			want := readTokenValues(t, NewDecoderBytes(in, opts))
			var wantErr error
			for wd := NewDecoderBytes(in, opts); wantErr == nil; {
				_, wantErr = wd.ReadToken()
			}
			agree := func(how string, vs []string, err error) {
				t.Helper()
				if wantErr == io.EOF && strings.Join(vs, "\x00|") != strings.Join(want, "\x00|") {
					t.Fatalf("%s %+v %s: strings %q, want %q", name, opts, how, vs, want)
				}
				if checkLine(err) != checkLine(wantErr) {
					t.Fatalf("%s %+v %s: %v, want %v", name, opts, how, err, wantErr)
				}
			}
			for k := 0; k <= len(in); k++ {
				for _, rs := range []int{1, 100} {
					vs, err := watchStrings(t, in, []int{k}, opts, rs, &checks)
					agree("cut at "+strconv.Itoa(k), vs, err)
				}
			}
			d := NewDecoder(iotest.OneByteReader(bytes.NewReader(in)), opts)
			vs, err := srValues(d)
			agree("one byte per Read", vs, err)
		}
	}
	if checks == 0 {
		t.Fatal("no read was judged")
	}
	t.Logf("%d reads judged", checks)
}

// srValues reads d to its end as watchStrings does, without watching.
func srValues(d *Decoder) ([]string, error) {
	var vs []string
	for {
		_, r, err := d.StringReader()
		switch {
		case err == nil:
			// Bounded: a reader delivering a piece again and again
			// would never end.
			b, err := io.ReadAll(io.LimitReader(r, maxTraceString+1))
			vs = append(vs, string(b))
			if len(b) > maxTraceString {
				return vs, errors.New("the reader delivered more than any input holds")
			}
			if err != nil {
				return vs, err
			}
		case errors.Is(err, ErrNoValue) && !errors.As(err, new(*SyntaxError)):
			if _, err := d.ReadToken(); err != nil {
				return vs, err
			}
		default:
			return vs, err
		}
	}
}

// capReader reads r at most n bytes per Read.
type capReader struct {
	r io.Reader
	n int
}

func (p *capReader) Read(b []byte) (int, error) { return p.r.Read(b[:min(len(b), p.n)]) }

// TestStringReaderTrickleAllocsAndMemory: a long string (escapes,
// surrogate pairs, multi-byte UTF-8) arriving 7 bytes per Read comes
// through the string reader with no allocation per Read, each Read
// returning what one Read of the input brought (what was held back of the
// one before included: at most an escape of 12 bytes), and with a few KiB
// allocated in all, whatever the string's length.
func TestStringReaderTrickleAllocsAndMemory(t *testing.T) {
	if testenv.Race {
		t.Skip("allocation counts differ under -race")
	}
	size := 16 << 20
	if testing.Short() {
		size = 1 << 20
	}
	unit := []byte(`plain é€ \"q\" \n \u00e9\ud83d\ude00 `)
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	d := NewDecoder(&capReader{&repeatReader{head: []byte(`["`), unit: unit, n: size / len(unit), tail: []byte(`"]`)}, 7},
		&Options{MaxStringLen: -1})
	if _, err := d.ReadToken(); err != nil {
		t.Fatal(err)
	}
	_, r, err := d.StringReader()
	if err != nil {
		t.Fatal(err)
	}
	buf := make([]byte, 4096)
	got, reads := 0, 0
	read := func() {
		n, err := r.Read(buf)
		if n == 0 || n > 7+12 || err != nil {
			t.Fatalf("Read %d: %d bytes, %v", reads, n, err)
		}
		got += n
		reads++
	}
	for range 100 {
		read()
	}
	if a := testing.AllocsPerRun(10000, read); a != 0 {
		t.Errorf("%v allocations per Read", a)
	}
	for {
		n, err := r.Read(buf)
		got += n
		if err == io.EOF {
			break
		}
		if err != nil || n == 0 {
			t.Fatal(n, err)
		}
	}
	runtime.ReadMemStats(&after)
	want := []byte("plain é€ \"q\" \n é😀 ")
	if g := size / len(unit) * len(want); got != g {
		t.Fatalf("%d bytes, want %d", got, g)
	}
	alloc := after.TotalAlloc - before.TotalAlloc
	if alloc > 64<<10 {
		t.Errorf("%d bytes allocated for a %d MiB string", alloc, size>>20)
	}
	t.Logf("%d MiB in 7-byte Reads: %d bytes allocated in all", size>>20, alloc)
}
