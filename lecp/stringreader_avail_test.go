package lecp

// StringReader's reader returns what the Decoder holds (io.Reader's
// convention: "If some data is available but not len(p) bytes, Read
// conventionally returns what is available instead of waiting for more"):
// it reads the io.Reader only when it has nothing to return, holding back
// only a UTF-8 sequence of a text string the input so far ends inside.
// Tested by readers that count their calls (scriptReader, splitWatch),
// never by timing.

import (
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/lwscrypto/lwscrypto/internal/testenv"
)

// errScriptEmpty is scriptReader's error when it is called with no input
// scripted: the Decoder read on where it should have returned what it held.
var errScriptEmpty = errors.New("scriptReader: read with nothing scripted")

// scriptReader serves the chunks the test has queued, one per Read; called
// with none queued it fails the test (and returns errScriptEmpty), unless
// eof is set: then io.EOF.
type scriptReader struct {
	t     testing.TB
	queue [][]byte
	eof   bool
}

func (r *scriptReader) Read(p []byte) (int, error) {
	if len(r.queue) == 0 {
		if r.eof {
			return 0, io.EOF
		}
		r.t.Errorf("Read called with nothing scripted: the Decoder should have returned what it held")
		return 0, errScriptEmpty
	}
	n := copy(p, r.queue[0])
	if r.queue[0] = r.queue[0][n:]; len(r.queue[0]) == 0 {
		r.queue = r.queue[1:]
	}
	return n, nil
}

// srStep is a step of TestStringReaderReturnsWhatItHolds: chunks queued
// (hex), then what each Read returns.
type srStep struct {
	chunks []string
	reads  []string
}

func unhex(t testing.TB, s string) []byte {
	b, err := hex.DecodeString(strings.ReplaceAll(s, " ", ""))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestStringReaderReturnsWhatItHolds: in each step the chunks are queued,
// then (at the first step, after ReadToken and StringReader) each Read
// must return the step's next piece, the reader having taken all the
// chunks queued and called for no more; after the last step the reader
// returns io.EOF and ReadToken the array's end.
func TestStringReaderReturnsWhatItHolds(t *testing.T) {
	for _, tc := range []struct {
		name  string
		opts  *Options
		n     int // len(p); 0: 100
		steps []srStep
	}{
		{name: "text", steps: []srStep{{[]string{"81 66 616263"}, []string{"abc"}}, {[]string{"646566"}, []string{"def"}}}},
		{name: "bytes", steps: []srStep{{[]string{"81 46 010203"}, []string{"\x01\x02\x03"}},
			{[]string{"04"}, []string{"\x04"}}, {[]string{"0506"}, []string{"\x05\x06"}}}},
		{name: "head alone first", steps: []srStep{{[]string{"81 66", "61"}, []string{"a"}}, {[]string{"6263646566"}, []string{"bcdef"}}}},
		{name: "long head", steps: []srStep{{[]string{"81 78", "64", "61"}, []string{"a"}},
			{[]string{strings.Repeat("62", 99)}, []string{strings.Repeat("b", 99)}}}},
		{name: "UTF-8 cut", steps: []srStep{{[]string{"81 63 61c3"}, []string{"a"}}, {[]string{"a9"}, []string{"é"}}}},
		{name: "UTF-8 cut twice", steps: []srStep{{[]string{"81 65 f09f", "98", "8078"}, []string{"😀x"}}}},
		{name: "UTF-8 cut, AllowInvalidUTF8", opts: &Options{AllowInvalidUTF8: true},
			steps: []srStep{{[]string{"81 64 61c3"}, []string{"a"}}, {[]string{"a9ff"}, []string{"é\xff"}}}},
		{name: "indefinite text", steps: []srStep{{[]string{"81 7f 66 616263"}, []string{"abc"}},
			{[]string{"646566"}, []string{"def"}}, {[]string{"62 c3"}, nil}, {[]string{"a9", "6178 ff"}, []string{"é", "x"}}}},
		{name: "indefinite bytes", steps: []srStep{{[]string{"81 5f 43 0102"}, []string{"\x01\x02"}},
			{[]string{"03"}, []string{"\x03"}}, {[]string{"41", "04"}, []string{"\x04"}}, {[]string{"ff"}, nil}}},
		{name: "short p", n: 2, steps: []srStep{{[]string{"81 65 6162636465"}, []string{"ab", "cd", "e"}}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			sr := &scriptReader{t: t}
			d := NewDecoder(sr, tc.opts)
			p := make([]byte, cmp(tc.n, 100))
			var r io.Reader
			var in, got []byte
			for i, st := range tc.steps {
				for _, c := range st.chunks {
					b := unhex(t, c)
					sr.queue = append(sr.queue, b)
					in = append(in, b...)
				}
				if i == 0 {
					if _, err := d.ReadToken(); err != nil {
						t.Fatal(err)
					}
					_, rr, err := d.StringReader()
					if err != nil {
						t.Fatal(err)
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
			if want := tokenStrings(NewDecoderBytes(in, tc.opts)); len(want) != 1 || want[0] != string(got) {
				t.Fatalf("read %q, ReadToken %q", got, want)
			}
			sr.eof = true
			if tok, err := d.ReadToken(); err != nil || tok.Kind != ArrayEnd {
				t.Fatalf("ReadToken after: %v %v", tok.Kind, err)
			}
		})
	}
}

func cmp(n, def int) int {
	if n == 0 {
		return def
	}
	return n
}

// tokenStrings is the content of the strings ReadToken reads from d (an
// indefinite-length one's chunks joined), to its end or error.
func tokenStrings(d *Decoder) []string {
	var vs []string
	var cur []byte
	in := false
	for {
		tok, err := d.ReadToken()
		if err != nil {
			return vs
		}
		switch tok.Kind {
		case BytesStart, TextStart:
			in, cur = true, []byte{}
		case BytesEnd, TextEnd:
			in = false
			vs = append(vs, string(cur))
		case Bytes, Text:
			if in {
				cur = append(cur, tok.Value...)
			} else {
				vs = append(vs, string(tok.Value))
			}
		}
	}
}

// TestStringReaderErrorAfterWhatItHeld: malformed text, the io.Reader's
// error or the input's end arriving after the reader returned what it held
// is the reader's next error, the same as ReadToken's; the error of an
// io.Reader that returns bytes with it comes after them.
func TestStringReaderErrorAfterWhatItHeld(t *testing.T) {
	boom := errors.New("boom")
	for _, tc := range []struct {
		rest    string
		restErr error
		want    string
		err     error
		off     int64
	}{
		{"64ff66", io.EOF, "abc", ErrInvalidUTF8, 6},
		{"ff", io.EOF, "abc", ErrInvalidUTF8, 5},
		{"", io.EOF, "abc", ErrUnexpectedEOF, 5},
		{"6465", io.EOF, "abcde", ErrUnexpectedEOF, 7},
		{"64c3", io.EOF, "abcd", ErrUnexpectedEOF, 7},
		{"6465", boom, "abcde", nil, 0},
		{"64c3", boom, "abcd", nil, 0},
	} {
		first := unhex(t, "81 66 616263")
		rest := unhex(t, tc.rest)
		r := &errAfterReader{chunks: [][]byte{first, rest}, err: tc.restErr}
		d := NewDecoder(r, nil)
		d.ReadToken()
		_, sr, err := d.StringReader()
		if err != nil {
			t.Fatalf("%s: StringReader: %v", tc.rest, err)
		}
		p := make([]byte, 100)
		m, err := sr.Read(p)
		if err != nil || string(p[:m]) != "abc" || r.calls != 1 {
			t.Fatalf("%s: first Read %q %v after %d calls, want \"abc\" after 1", tc.rest, p[:m], err, r.calls)
		}
		got := append([]byte(nil), p[:m]...)
		for err == nil {
			m, err = sr.Read(p)
			got = append(got, p[:m]...)
		}
		if string(got) != tc.want {
			t.Errorf("%s: read %q, want %q", tc.rest, got, tc.want)
		}
		var se *SyntaxError
		switch {
		case tc.err == nil:
			if err != boom {
				t.Errorf("%s: %v, want the reader's error", tc.rest, err)
			}
		case !errors.As(err, &se) || se.Err != tc.err || se.Offset != tc.off:
			t.Errorf("%s: %v, want %v at %d", tc.rest, err, tc.err, tc.off)
		}
		d2 := NewDecoder(&errAfterReader{chunks: [][]byte{first, rest}, err: tc.restErr}, nil)
		d2.ReadToken()
		if _, err2 := d2.ReadToken(); fmt.Sprint(err2) != fmt.Sprint(err) {
			t.Errorf("%s: reader %v, ReadToken %v", tc.rest, err, err2)
		}
	}
}

// errAfterReader returns its chunks, the last with err.
type errAfterReader struct {
	chunks [][]byte
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

// TestStringReaderPipe: over an io.Pipe holding 81 66 616263 (a 6-byte
// text string of which 3 bytes have come) and nothing more, StringReader
// returns a reader and its Read returns "abc": the writer writes the rest
// and closes the pipe only once it has the Read's result, so a Read that
// waited for more would never return (the channel wait is a guard against
// a hang, not a measure of time).
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
		return *in.Load() + " over a pipe holding 81 66 616263 did not return: " +
			"it waits for more input than the pipe holds"
	}
	go func() {
		pw.Write([]byte("\x81\x66abc"))
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
		enter("a Read of the rest, after 646566 was written and the pipe closed,")
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
	if got.err != nil || got.s != "abc" {
		t.Fatalf("first Read: %q %v, want \"abc\"", got.s, got.err)
	}
	go func() {
		pw.Write([]byte("def"))
		pw.Close()
	}()
	got = awaitStep(t, res, func() string { return *in.Load() + " did not return" }, hang)
	if got.err != nil || got.s != "def" {
		t.Fatalf("the rest: %q %v, want \"def\"", got.s, got.err)
	}
	if err := d.Finish(); err != nil {
		t.Fatal(err)
	}
}

// availCBOR is what a string reader must have delivered before it may
// read on, the input of the string so far being raw (from its head): the
// content bytes raw holds, but for a UTF-8 sequence of a text string that
// raw ends inside, with closed if raw holds the whole string; ok is false
// where raw holds no string or a malformed one, for the caller to judge
// nothing.
func availCBOR(raw []byte, allowUTF8 bool) (n int, closed, ok bool) {
	if len(raw) == 0 {
		return 0, false, true
	}
	maj := raw[0] >> 5
	if maj != majBytes && maj != majText {
		return 0, false, false
	}
	// definite is what the definite-length string (or chunk) at b holds:
	// avail content bytes, complete, used bytes of b.
	definite := func(b []byte) (avail int, complete bool, used int, ok bool) {
		if b[0]>>5 != maj {
			return 0, false, 0, false
		}
		hl, ai := 1, b[0]&31
		switch {
		case ai < 24:
		case ai <= 27:
			hl += 1 << (ai - 24)
		default:
			return 0, false, 0, false
		}
		if len(b) < hl {
			return 0, false, 0, true
		}
		length := uint64(ai)
		if ai >= 24 {
			length = 0
			for _, c := range b[1:hl] {
				length = length<<8 | uint64(c)
			}
		}
		content := b[hl:]
		if uint64(len(content)) >= length {
			content = content[:length]
			complete = true
		}
		if maj == majText {
			if !complete {
				for k := 1; k <= 3 && k <= len(content); k++ {
					if c := content[len(content)-k]; c&0xC0 != 0x80 {
						if !utf8.FullRune(content[len(content)-k:]) {
							content = content[:len(content)-k]
						}
						break
					}
				}
			}
			if !allowUTF8 && !utf8.Valid(content) {
				return 0, false, 0, false
			}
		}
		return len(content), complete, hl + len(content), true
	}
	if raw[0]&31 != 31 {
		n, complete, _, ok := definite(raw)
		return n, complete, ok
	}
	for i := 1; ; {
		if i == len(raw) {
			return n, false, true
		}
		if raw[i] == 0xff {
			return n, true, true
		}
		m, complete, used, ok := definite(raw[i:])
		if !ok {
			return 0, false, false
		}
		n += m
		if !complete {
			return n, false, true
		}
		i += used
	}
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

// srStrings reads d through StringReader (its reader read rs bytes at a
// time) where it can, ReadToken elsewhere, and returns the strings read
// and the error that ended it. With check (the check field of the reader
// of in that d reads), whenever d reads it while a string reader (or
// StringReader) is at a string, all of the string that the input so far
// holds, but for a UTF-8 sequence cut, must have been delivered
// (availCBOR): checks counts the times this was judged.
func srStrings(t testing.TB, d *Decoder, in []byte, check *func(fed int), allowUTF8 bool, rs int, checks *int) ([]string, error) {
	var (
		inSR      bool
		head      int64
		delivered int
	)
	if check != nil {
		*check = func(fed int) {
			if !inSR || int(head) > fed {
				return
			}
			n, closed, ok := availCBOR(in[head:fed], allowUTF8)
			if !ok {
				return
			}
			*checks++
			if closed || n != delivered {
				t.Errorf("%x: read on at %d with %d bytes of the string at %d delivered, %d held (closed %v)",
					in, fed, delivered, head, n, closed)
			}
		}
	}
	var vs []string
	buf := make([]byte, rs)
	for {
		head, delivered, inSR = d.InputOffset(), 0, true
		_, r, err := d.StringReader()
		inSR = false
		switch {
		case err == nil:
			var got []byte
			for err == nil {
				var m int
				inSR = true
				m, err = r.Read(buf)
				inSR = false
				if m > len(buf) || (m == 0 && err == nil) {
					t.Fatalf("Read returned %d, %v", m, err)
				}
				got = append(got, buf[:m]...)
				delivered += m
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

// srAgrees reads in, cut in two at every offset (watched) and one byte per
// Read, through srStrings, and requires the strings and the error that
// ReadToken reads over the bytes.
func srAgrees(t *testing.T, in []byte, opts *Options, checks *int) {
	t.Helper()
	want, wantErr := tokenStringsErr(in, opts)
	allow := opts != nil && opts.AllowInvalidUTF8
	agree := func(how string, vs []string, err error) {
		t.Helper()
		if wantErr == io.EOF && fmt.Sprintf("%q", vs) != fmt.Sprintf("%q", want) {
			t.Fatalf("%x %+v %s: strings %q, want %q", in, opts, how, vs, want)
		}
		if fmt.Sprint(err) != fmt.Sprint(wantErr) {
			t.Fatalf("%x %+v %s: %v, want %v", in, opts, how, err, wantErr)
		}
	}
	for k := 0; k <= len(in); k++ {
		for _, rs := range []int{1, 100} {
			w := &splitWatch{in: in, cuts: []int{k}}
			vs, err := srStrings(t, NewDecoder(w, opts), in, &w.check, allow, rs, checks)
			agree(fmt.Sprintf("cut at %d, Read(%d)", k, rs), vs, err)
		}
	}
	vs, err := srStrings(t, NewDecoder(iotestOneByte(in), opts), in, nil, allow, 3, checks)
	agree("one byte per Read", vs, err)
}

// TestStringReaderSplitsAppendixA: over every item of RFC 8949 Appendix A
// cut in two at every offset, the string reader reads the input only when
// it holds nothing to return, and reads the strings (and error) ReadToken
// reads; one byte per Read too.
func TestStringReaderSplitsAppendixA(t *testing.T) {
	checks := 0
	for _, it := range loadAppendix(t) {
		srAgrees(t, unhex(t, it.Hex), nil, &checks)
	}
	if checks == 0 {
		t.Fatal("no read was judged")
	}
	t.Logf("%d reads judged", checks)
}

// TestStringReaderSplitsStrings: definite and indefinite text and byte
// strings (heads of every width, runes of every length, 100 bytes: more
// than the 64 the reader once waited for), valid and malformed, cut in two
// at every offset, as TestStringReaderSplitsAppendixA.
func TestStringReaderSplitsStrings(t *testing.T) {
	long := strings.Repeat("ab", 50)
	text := "aé€😀" + long
	var ins [][]byte
	for _, s := range []string{"", "a", "é", "€😀x", text, "ab\xffcd", "ab\xe2\x82"} {
		ins = append(ins, AppendText(nil, s), AppendBytes(nil, []byte(s)))
		for _, h := range []string{"79", "7a0000", "7b00000000000000"} {
			b := append(unhex(t, h), byte(len(s)))
			ins = append(ins, append(b, s...))
		}
		it := AppendText(AppendText(AppendText([]byte{0x7f}, s), ""), s)
		ib := AppendBytes(AppendBytes([]byte{0x5f}, []byte(s)), []byte("xy"))
		ins = append(ins, append(it, 0xff), append(ib, 0xff), append(append([]byte{0x82}, append(it, 0xff)...), 0x63, 'a', 'b', 'c'))
	}
	ins = append(ins, unhex(t, "7f 61 61 41 62 ff"), unhex(t, "7f 61 61 7f ff"), unhex(t, "66 616263"), unhex(t, "81 7f 62 c3"))
	checks := 0
	for _, in := range ins {
		for _, opts := range []*Options{nil, {AllowInvalidUTF8: true}} {
			srAgrees(t, in, opts, &checks)
		}
	}
	t.Logf("%d reads judged", checks)
}

// tokenStringsErr is tokenStrings over in and the error ReadToken ends on.
func tokenStringsErr(in []byte, opts *Options) ([]string, error) {
	want := tokenStrings(NewDecoderBytes(in, opts))
	var err error
	for d := NewDecoderBytes(in, opts); err == nil; {
		_, err = d.ReadToken()
	}
	return want, err
}

// randReader serves in in pieces of sizes drawn from a generator seeded
// by seed (mostly 1 to 8 bytes, some up to 100), and calls check, if set,
// before it serves one.
type randReader struct {
	in    []byte
	fed   int
	rng   *rand.Rand
	check func(fed int)
}

func (r *randReader) Read(p []byte) (int, error) {
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

// FuzzStringReaderPieces: over an io.Reader returning pieces of random
// sizes, StringReader (its reader read in random lengths) reads the
// strings ReadToken reads over the bytes (an indefinite-length one's
// chunks joined), ends on the same error, and reads the io.Reader only
// when it holds nothing to return (availCBOR).
func FuzzStringReaderPieces(f *testing.F) {
	for _, s := range []string{"81 66 616263646566", "82 7f 63 61c3a9 62 6263 ff 5f 41 01 42 0203 ff",
		"83 78 05 e282ac6162 5a 00000003 010203 6a 61616161616161616161", "81 65 61 62 ff 63 64", "a1 63 6b6579 64 f09f9880"} {
		f.Add(unhex(f, s), uint64(1), uint8(0))
	}
	for _, it := range appendixSeeds(f) {
		f.Add(it, uint64(len(it)), uint8(1))
	}
	f.Fuzz(func(t *testing.T, in []byte, seed uint64, o uint8) {
		opts := []*Options{nil, {AllowInvalidUTF8: true}, {AllowSequence: true}, {StringChunk: 64, MaxStringLen: 40}}[o%4]
		want, wantErr := tokenStringsErr(in, opts)
		r := &randReader{in: in, rng: rand.New(rand.NewPCG(seed, uint64(len(in))))}
		checks := 0
		vs, err := srStrings(t, NewDecoder(r, opts), in, &r.check, opts != nil && opts.AllowInvalidUTF8, 1+int(seed>>58), &checks)
		if wantErr == io.EOF && fmt.Sprintf("%q", vs) != fmt.Sprintf("%q", want) {
			t.Fatalf("%x: strings %q, want %q", in, vs, want)
		}
		if fmt.Sprint(err) != fmt.Sprint(wantErr) {
			t.Fatalf("%x: %v, want %v", in, err, wantErr)
		}
	})
}

// appendixSeeds is the items of RFC 8949 Appendix A, for seeds.
func appendixSeeds(f *testing.F) [][]byte {
	var bs [][]byte
	for _, it := range loadAppendix(f) {
		bs = append(bs, unhex(f, it.Hex))
	}
	return bs
}

// trickleReader serves head, then n copies of unit, at most 7 bytes per
// Read.
type trickleReader struct {
	head, unit []byte
	n, pos     int
}

func (r *trickleReader) Read(p []byte) (int, error) {
	p = p[:min(len(p), 7)]
	if len(r.head) > 0 {
		c := copy(p, r.head)
		r.head = r.head[c:]
		return c, nil
	}
	if r.n == 0 {
		return 0, io.EOF
	}
	c := copy(p, r.unit[r.pos:])
	if r.pos += c; r.pos == len(r.unit) {
		r.pos = 0
		r.n--
	}
	return c, nil
}

// TestStringReaderTrickleAllocsAndMemory: a long text string arriving 7
// bytes per Read comes through the string reader with no allocation per
// Read, each Read returning what one Read of the input brought (with at
// most 3 bytes of a UTF-8 sequence held back from the one before), and
// with a few KiB allocated in all, whatever the string's length.
func TestStringReaderTrickleAllocsAndMemory(t *testing.T) {
	if testenv.Race {
		t.Skip("allocation counts differ under -race")
	}
	size := 16 << 20
	if testing.Short() {
		size = 1 << 20
	}
	unit := []byte("plain é€😀 ")
	n := size / len(unit)
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	d := NewDecoder(&trickleReader{head: AppendTextHeader([]byte{0x81}, uint64(n*len(unit))), unit: unit, n: n}, nil)
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
		m, err := r.Read(buf)
		if m == 0 || m > 7+3 || err != nil {
			t.Fatalf("Read %d: %d bytes, %v", reads, m, err)
		}
		got += m
		reads++
	}
	for range 100 {
		read()
	}
	if a := testing.AllocsPerRun(10000, read); a != 0 {
		t.Errorf("%v allocations per Read", a)
	}
	for {
		m, err := r.Read(buf)
		got += m
		if err == io.EOF {
			break
		}
		if err != nil || m == 0 {
			t.Fatal(m, err)
		}
	}
	runtime.ReadMemStats(&after)
	if got != n*len(unit) {
		t.Fatalf("%d bytes, want %d", got, n*len(unit))
	}
	alloc := after.TotalAlloc - before.TotalAlloc
	if alloc > 64<<10 {
		t.Errorf("%d bytes allocated for a %d MiB string", alloc, size>>20)
	}
	t.Logf("%d MiB in 7-byte Reads: %d bytes allocated in all", size>>20, alloc)
}
