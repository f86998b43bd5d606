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
	"testing/iotest"

	"github.com/lwscrypto/lwscrypto/internal/testenv"
)

// streamMode says how streamTrace reads: with More before every token, and
// with StringReader tried before every token (its reader read rs bytes at
// a time).
type streamMode struct {
	more bool
	sr   bool
	rs   int
}

// maxTraceString bounds what streamTrace takes from one string's reader:
// more than any input it reads holds.
const maxTraceString = 16 << 20

// streamTrace reads d to its end as pullTrace does, in pullTrace's format,
// but as mode says. More's answer is checked against the token that follows
// it; StringReader's refusals must leave the token stream as it was (and,
// over bytes without comments, InputOffset too).
func streamTrace(t testing.TB, d *Decoder, mode streamMode, bytesIn bool) string {
	t.Helper()
	var b strings.Builder
	buf := make([]byte, max(mode.rs, 1))
	for n := 0; ; n++ {
		if n > 1<<20 {
			t.Fatal("no progress")
		}
		more := true
		if mode.more {
			more = d.More()
			if d.More() != more {
				t.Fatal("More changed its answer")
			}
		}
		if mode.sr {
			before := d.InputOffset()
			k, r, err := d.StringReader()
			switch {
			case err == nil:
				if k != String && k != Name {
					t.Fatalf("StringReader kind %v", k)
				}
				if mode.more && !more {
					t.Fatalf("More false before a %v", k)
				}
				off, ptr := d.sr.off, d.Pointer()
				var content []byte
				for {
					m, err := r.Read(buf[:mode.rs])
					if m < 0 || m > mode.rs {
						t.Fatalf("Read returned %d", m)
					}
					content = append(content, buf[:m]...)
					if len(content) > maxTraceString {
						// A reader delivering a piece again and again.
						t.Fatalf("the reader delivered more than %d bytes", maxTraceString)
					}
					if err == io.EOF {
						break
					}
					if err != nil {
						b.WriteString(errLine(err))
						srErrs++
						return b.String()
					}
				}
				if m, err := r.Read(buf); m != 0 || err != io.EOF {
					t.Fatalf("Read after io.EOF: %d, %v", m, err)
				}
				if p := d.Pointer(); p != ptr {
					t.Fatalf("Pointer %q while reading the string, %q after", ptr, p)
				}
				if content == nil {
					content = []byte{}
				}
				fmt.Fprintf(&b, "%d %s %s %q\n", off, k, ptr, content)
				continue
			case err == io.EOF:
				if mode.more && more {
					t.Fatal("More true at the end")
				}
				// ReadToken agrees.
				if _, err := d.ReadToken(); err != io.EOF {
					t.Fatalf("StringReader io.EOF, ReadToken %v", err)
				}
				return b.String()
			case errors.Is(err, ErrNoValue):
				var me *misuseError
				if err != ErrNoValue && !errors.As(err, &me) {
					t.Fatalf("StringReader: %v", err)
				}
				if bytesIn && !d.s.lim.allowComment && d.InputOffset() != before {
					t.Fatalf("StringReader refused and moved from %d to %d", before, d.InputOffset())
				}
			default:
				b.WriteString(errLine(err))
				if d.s.inStr {
					srErrs++ // inside the string (not the machine's verdict on a token)
				}
				if _, err2 := d.ReadToken(); checkLine(err2) != checkLine(err) {
					t.Fatalf("StringReader %v, then ReadToken %v", err, err2)
				}
				return b.String()
			}
		}
		tok, err := d.ReadToken()
		if err == io.EOF {
			if mode.more && more {
				t.Fatal("More true at the end")
			}
			return b.String()
		}
		if err != nil {
			b.WriteString(errLine(err))
			if mode.more && d.More() {
				t.Fatal("More true after an error")
			}
			return b.String()
		}
		if mode.more && more != (tok.Kind != ObjectEnd && tok.Kind != ArrayEnd) {
			t.Fatalf("More %v before %v at %d", more, tok.Kind, tok.Offset)
		}
		if mode.sr && (tok.Kind == String || tok.Kind == Name) {
			t.Fatalf("StringReader refused the %v at %d", tok.Kind, tok.Offset)
		}
		fmt.Fprintf(&b, "%d %s %s", tok.Offset, tok.Kind, d.Pointer())
		if tok.Value != nil {
			fmt.Fprintf(&b, " %q", tok.Value)
		}
		b.WriteByte('\n')
	}
}

// srErrs counts the errors streamTrace had inside a string, from
// StringReader or its reader rather than from ReadToken.
var srErrs int

// streamDecoders are the ways streamTests read an input: whole, one byte
// per Read, in pieces of 7 bytes, and split in two at split.
func streamDecoders(in []byte, opts *Options, split int) map[string]*Decoder {
	ds := map[string]*Decoder{
		"bytes":   NewDecoderBytes(in, opts),
		"onebyte": NewDecoder(iotest.OneByteReader(bytes.NewReader(in)), opts),
		"pieces7": NewDecoder(&nReader{b: in, n: 7}, opts),
	}
	if split >= 0 && split <= len(in) {
		ds["split"] = NewDecoder(io.MultiReader(bytes.NewReader(in[:split]), bytes.NewReader(in[split:])), opts)
	}
	return ds
}

// nReader returns at most n bytes per Read.
type nReader struct {
	b []byte
	n int
}

func (r *nReader) Read(p []byte) (int, error) {
	if len(r.b) == 0 {
		return 0, io.EOF
	}
	m := copy(p[:min(len(p), r.n)], r.b)
	r.b = r.b[m:]
	return m, nil
}

// streamAgrees requires the same trace as ReadToken alone gives over bytes,
// for every reader and mode.
func streamAgrees(t testing.TB, in []byte, opts *Options, split int, modes []streamMode) {
	t.Helper()
	want := streamTrace(t, NewDecoderBytes(in, opts), streamMode{}, true)
	for _, mode := range modes {
		for name, d := range streamDecoders(in, opts, split) {
			if got := streamTrace(t, d, mode, name == "bytes"); got != want {
				t.Fatalf("%+v over %s (%+v):\n%s", opts, name, mode, diff(want, got))
			}
		}
	}
}

var allStreamModes = []streamMode{{more: true}, {sr: true, rs: 1}, {sr: true, rs: 3}, {sr: true, rs: 4096}, {more: true, sr: true, rs: 2}}

// TestMoreStringReaderJSONTestSuite: over every JSONTestSuite file, whole,
// byte by byte, in 7-byte pieces and split in two, under strict options
// and with small pieces and the loosening options, the tokens and the
// error are the same with More called before every token, and with every
// string and name read through StringReader (its reader read 1, 2, 3 or
// 4096 bytes at a time) as with ReadToken alone: the same content, and the
// same error (sentinel, offset, path) where a string is malformed. More's
// answer matches the token after it. The files of up to 64 bytes are also
// split at every offset. With -short, two of the five options and no
// splits at every offset (3 s; under 1 s with -short).
func TestMoreStringReaderJSONTestSuite(t *testing.T) {
	optss := []*Options{{StringChunk: 4}, {AllowComments: true, AllowMultipleValues: true, StringChunk: 6},
		nil, {StringChunk: 5, AllowInvalidUTF8: true, AllowDuplicateNames: true}, {MaxStringLen: 5, MaxNameLen: 3}}
	if testing.Short() {
		optss = optss[:2]
	}
	for _, sub := range []string{"test_parsing", "test_transform"} {
		for _, in := range jtsFiles(t, sub) {
			if len(in) > 64<<10 {
				continue // the nesting files: one is enough (below)
			}
			for i, opts := range optss {
				streamAgrees(t, in, opts, (len(in)*(i+1))/(len(optss)+1), allStreamModes)
			}
			if len(in) <= 64 && !testing.Short() {
				for k := 0; k <= len(in); k++ {
					streamAgrees(t, in, nil, k, allStreamModes[:2])
				}
			}
		}
	}
}

// TestStringReaderBenchmarkFiles: every string and name of the JSON
// benchmark files read through StringReader, in pieces of 7 and of the
// default size, from bytes and from a reader, is what ReadToken returns.
// With -short, only twitterescaped.json (escapes, surrogate pairs): all
// five take 2.5 s.
func TestStringReaderBenchmarkFiles(t *testing.T) {
	dir := testenv.VectorsFile(t, "json-benchmark")
	names := []string{"twitter.json", "citm_catalog.json", "canada.json", "twitterescaped.json", "github_events.json"}
	if testing.Short() {
		names = []string{"twitterescaped.json"}
	}
	for _, name := range names {
		in, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		want := streamTrace(t, NewDecoderBytes(in, nil), streamMode{}, true)
		for _, opts := range []*Options{nil, {StringChunk: 7}} {
			for _, d := range []*Decoder{NewDecoderBytes(in, opts), NewDecoder(&nReader{b: in, n: 4093}, opts)} {
				if got := streamTrace(t, d, streamMode{more: true, sr: true, rs: 5}, false); got != want {
					t.Fatalf("%s %+v:\n%s", name, opts, diff(want, got))
				}
			}
		}
	}
}

// TestStringReaderSurrogateSplit: a \u surrogate pair cut by the reader at
// every byte, and by the pieces, decodes to its rune; a lone one or one
// followed by a bad escape fails where ReadToken says.
func TestStringReaderSurrogateSplit(t *testing.T) {
	for _, in := range []string{`["ab\ud83d\ude00cd"]`, `"\ud83d\ude00\ud83d\ude00\u00e9\u20ac"`, `"xyz\ud83d"`, `"xyz\ud83d\u0041"`, `"xy\ud83d\ude0"`, `"\ude00"`} {
		for k := 0; k <= len(in); k++ {
			for _, opts := range []*Options{nil, {StringChunk: 4}, {AllowInvalidUTF8: true, StringChunk: 4}} {
				streamAgrees(t, []byte(in), opts, k, allStreamModes[1:])
			}
		}
	}
}

// TestStringReaderRefusesNonStrings: before a value that is not a string
// StringReader returns an error matching ErrNoValue (not ErrNoValue
// itself), at the end of a container ErrNoValue, at the end io.EOF, before
// a malformed token ReadToken's error; none reads a token.
func TestStringReaderRefusesNonStrings(t *testing.T) {
	for _, tc := range []struct {
		in   string
		skip int // tokens read first
		want string
	}{
		{`1`, 0, "not"}, {`{"a":1}`, 0, "not"}, {`{"a":1}`, 2, "not"}, {`{"a":{}}`, 2, "not"},
		{`[true]`, 1, "not"}, {`[1,null]`, 2, "not"}, {`[1,-2]`, 2, "not"}, {`[[]]`, 1, "not"},
		{`[]`, 1, "end"}, {`{}`, 1, "end"}, {`[1]`, 2, "end"}, {`{"a":1}`, 3, "end"},
		{`"a"`, 1, "eof"}, {`"a"  `, 1, "eof"}, {`"a" `, 1, "eof"}, {``, 0, "err"}, {`  `, 0, "err"},
		{`x`, 0, "err"}, {`[1 2]`, 2, "err"}, {`[1,]`, 2, "err"}, {`{"a" 1}`, 2, "err"}, {`{"a":}`, 2, "err"},
		{`{,}`, 1, "err"}, {`"a" "b"`, 1, "err"}, {`[1,`, 2, "err"}, {`{"a":`, 2, "err"}, {`[`, 1, "err"},
	} {
		d := NewDecoderBytes([]byte(tc.in), nil)
		for i := 0; i < tc.skip; i++ {
			if _, err := d.ReadToken(); err != nil {
				t.Fatalf("%s: %v", tc.in, err)
			}
		}
		off := d.InputOffset()
		k, r, err := d.StringReader()
		if k != Invalid || r != nil {
			t.Errorf("%s: %v, %v", tc.in, k, r)
		}
		if tc.want != "err" && tc.want != "eof" && d.InputOffset() != off {
			t.Errorf("%s: StringReader moved from %d to %d", tc.in, off, d.InputOffset())
		}
		// What ReadToken then returns, against a Decoder that never called
		// StringReader.
		d2 := NewDecoderBytes([]byte(tc.in), nil)
		for i := 0; i < tc.skip; i++ {
			d2.ReadToken()
		}
		t1, err1 := d.ReadToken()
		t2, err2 := d2.ReadToken()
		if t1.Kind != t2.Kind || t1.Offset != t2.Offset || checkLine(err1) != checkLine(err2) {
			t.Errorf("%s: after StringReader ReadToken = %v %v, without %v %v", tc.in, t1, err1, t2, err2)
		}
		switch tc.want {
		case "not":
			if !errors.Is(err, ErrNoValue) || err == ErrNoValue {
				t.Errorf("%s: %v", tc.in, err)
			}
		case "end":
			if err != ErrNoValue {
				t.Errorf("%s: %v, want ErrNoValue", tc.in, err)
			}
		case "eof":
			if err != io.EOF {
				t.Errorf("%s: %v, want io.EOF", tc.in, err)
			}
		case "err":
			var se *SyntaxError
			if !errors.As(err, &se) || checkLine(err) != checkLine(err2) {
				t.Errorf("%s: %v, want ReadToken's %v", tc.in, err, err2)
			}
		}
	}
}

// TestStringReaderLifetime: a reader not read to io.EOF is ended by the
// Decoder's next call, which reads the rest of its string (a malformed
// rest being that call's error) and goes on; the reader is then stale
// (ErrNoValue), and stale after Reset; Finish counts a part-read string as
// unread.
func TestStringReaderLifetime(t *testing.T) {
	long := strings.Repeat("x", 100)
	in := `["` + long + `",1,"` + long + `"]`
	opts := &Options{StringChunk: 8}
	for _, next := range []string{"ReadToken", "ReadValue", "SkipValue", "More", "StringReader"} {
		d := NewDecoder(&nReader{b: []byte(in), n: 5}, opts)
		d.ReadToken()
		_, r, err := d.StringReader()
		if err != nil {
			t.Fatal(err)
		}
		var p [3]byte
		if n, err := r.Read(p[:]); n != 3 || err != nil || string(p[:]) != "xxx" {
			t.Fatalf("Read: %d %v", n, err)
		}
		switch next {
		case "ReadToken":
			if tok, err := d.ReadToken(); err != nil || tok.Kind != Int || tok.Offset != int64(len(long)+4) {
				t.Fatalf("ReadToken after a part-read string: %v %v", tok, err)
			}
		case "ReadValue":
			if v, err := d.ReadValue(); err != nil || string(v) != "1" {
				t.Fatalf("ReadValue after a part-read string: %q %v", v, err)
			}
		case "SkipValue":
			if err := d.SkipValue(); err != nil || d.InputOffset() != int64(len(long)+5) {
				t.Fatalf("SkipValue after a part-read string: %v at %d", err, d.InputOffset())
			}
		case "More":
			if !d.More() {
				t.Fatal("More false")
			}
		case "StringReader":
			if _, _, err := d.StringReader(); !errors.Is(err, ErrNoValue) {
				t.Fatalf("StringReader before 1: %v", err)
			}
		}
		if next != "StringReader" {
			if n, err := r.Read(p[:]); n != 0 || !errors.Is(err, ErrNoValue) {
				t.Fatalf("%s: stale Read: %d %v", next, n, err)
			}
		}
	}

	// A malformed rest is the next call's error, sticky.
	bad := `["` + long + `\x"]`
	d := NewDecoder(&nReader{b: []byte(bad), n: 5}, opts)
	d.ReadToken()
	_, r, _ := d.StringReader()
	r.Read(make([]byte, 4))
	d2 := NewDecoderBytes([]byte(bad), nil)
	d2.ReadToken()
	_, err := d2.ReadToken()
	want := errLine(err)
	if _, err := d.ReadToken(); errLine(err) != want {
		t.Fatalf("ReadToken after part-read malformed string: %v, want %s", err, want)
	}
	if _, err := d.ReadToken(); errLine(err) != want {
		t.Fatalf("not sticky: %v", err)
	}

	// Reset: stale.
	d = NewDecoderBytes([]byte(in), opts)
	d.ReadToken()
	_, r, _ = d.StringReader()
	d.ResetBytes([]byte(`"a"`))
	if n, err := r.Read(make([]byte, 4)); n != 0 || !errors.Is(err, ErrNoValue) {
		t.Fatalf("Read after Reset: %d %v", n, err)
	}
	if tok, err := d.ReadToken(); err != nil || string(tok.Value) != "a" {
		t.Fatalf("ReadToken after Reset: %v %v", tok, err)
	}

	// Finish: a part-read string is unread, at its offset; a string whose
	// reader delivered all its bytes (without io.EOF) is read.
	d = NewDecoderBytes([]byte(`{"a":"`+long+`"}`), opts)
	d.ReadToken()
	d.ReadToken()
	_, r, _ = d.StringReader()
	r.Read(make([]byte, 4))
	var se *SyntaxError
	if err := d.Finish(); !errors.As(err, &se) || se.Err != ErrUnread || se.Offset != 5 || se.Path != "/a" {
		t.Fatalf("Finish after a part-read string: %v", err)
	}
	if err := d.Finish(); !errors.As(err, &se) || se.Err != ErrUnread {
		t.Fatalf("Finish not sticky: %v", err)
	}
	d = NewDecoderBytes([]byte(`{"a":"`+long+`"}`), opts)
	d.ReadToken()
	d.ReadToken()
	_, r, _ = d.StringReader()
	if _, err := io.ReadFull(r, make([]byte, len(long))); err != nil {
		t.Fatal(err)
	}
	if err := d.Finish(); !errors.As(err, &se) || se.Err != ErrUnread || se.Offset != int64(len(long)+7) {
		t.Fatalf("Finish before '}': %v", err)
	}
	d = NewDecoderBytes([]byte(`"`+long+`"`), opts)
	_, r, _ = d.StringReader()
	if _, err := io.ReadFull(r, make([]byte, len(long))); err != nil {
		t.Fatal(err)
	}
	if err := d.Finish(); err != nil {
		t.Fatalf("Finish after the whole string: %v", err)
	}
	// A malformed rest is Finish's error.
	d = NewDecoderBytes([]byte(`"`+long+`\q"`), opts)
	_, r, _ = d.StringReader()
	r.Read(make([]byte, 4))
	if err := d.Finish(); !errors.As(err, &se) || se.Err != ErrInvalidEscape {
		t.Fatalf("Finish over a malformed rest: %v", err)
	}
}

// TestMoreStringReaderFromReader: called from the Decoder's own io.Reader,
// More returns false, StringReader and its reader's Read an error
// matching ErrClosed, and nothing changes.
func TestMoreStringReaderFromReader(t *testing.T) {
	in := []byte(`["abcdefghijklmnop", 1, "q"]`)
	var d *Decoder
	var r io.Reader
	calls := 0
	src := &funcReader{b: in, n: 3, hook: func() {
		calls++
		if d.More() {
			t.Error("More from Read: true")
		}
		if _, _, err := d.StringReader(); !errors.Is(err, ErrClosed) {
			t.Errorf("StringReader from Read: %v", err)
		}
		if r != nil {
			if _, err := r.Read(make([]byte, 4)); !errors.Is(err, ErrClosed) {
				t.Errorf("string reader's Read from Read: %v", err)
			}
		}
	}}
	d = NewDecoder(src, &Options{StringChunk: 4})
	want := streamTrace(t, NewDecoderBytes(in, nil), streamMode{}, true)
	d.ReadToken()
	var err error
	if _, r, err = d.StringReader(); err != nil {
		t.Fatal(err)
	}
	b, err := io.ReadAll(r)
	if err != nil || string(b) != "abcdefghijklmnop" {
		t.Fatalf("%q %v", b, err)
	}
	got := streamTrace(t, d, streamMode{more: true, sr: true, rs: 2}, false)
	if !strings.HasSuffix(want, got) || calls < 5 {
		t.Fatalf("calls %d:\n%s", calls, diff(want, got))
	}
}

// funcReader returns at most n bytes per Read, calling hook first.
type funcReader struct {
	b    []byte
	n    int
	hook func()
}

func (r *funcReader) Read(p []byte) (int, error) {
	r.hook()
	if len(r.b) == 0 {
		return 0, io.EOF
	}
	m := copy(p[:min(len(p), r.n)], r.b)
	r.b = r.b[m:]
	return m, nil
}

// TestStringReaderReadErrors: an io.Reader's error in the middle of a
// string is the string reader's error, then ReadToken's, as it is
// ReadToken's without StringReader; More reports false once it is held.
func TestStringReaderReadErrors(t *testing.T) {
	boom := errors.New("boom")
	in := []byte(`["abcdefghijklmnopqrstuvwxyz`)
	mk := func() *Decoder {
		return NewDecoder(io.MultiReader(&nReader{b: in, n: 4}, iotest.ErrReader(boom)), &Options{StringChunk: 4})
	}
	d := mk()
	d.ReadToken()
	_, r, err := d.StringReader()
	if err != nil {
		t.Fatal(err)
	}
	b, err := io.ReadAll(r)
	if err != boom || !strings.HasPrefix("abcdefghijklmnopqrstuvwxyz", string(b)) {
		t.Fatalf("ReadAll: %q %v", b, err)
	}
	if _, err := d.ReadToken(); err != boom {
		t.Fatalf("ReadToken: %v", err)
	}
	if d.More() {
		t.Fatal("More true with an error held")
	}
	// More meeting the error holds it, for ReadToken.
	d = NewDecoder(io.MultiReader(bytes.NewReader([]byte(`[1, `)), iotest.ErrReader(boom)), nil)
	d.ReadToken()
	d.ReadToken()
	if !d.More() {
		t.Fatal("More false before ','")
	}
	d.ReadToken() // fails: boom
	d = NewDecoder(io.MultiReader(bytes.NewReader([]byte(`[1 `)), iotest.ErrReader(boom)), nil)
	d.ReadToken()
	d.ReadToken()
	if d.More() {
		t.Fatal("More true with the input failing")
	}
	if _, err := d.ReadToken(); err != boom {
		t.Fatalf("ReadToken after More met the error: %v", err)
	}
}

// TestMoreAfterName: after a member name More reports true (the member's
// value is due), and in an empty container, at the end and after the
// top-level value (without AllowMultipleValues) false.
func TestMoreAfterName(t *testing.T) {
	d := NewDecoderBytes([]byte(`{"a": [], "b": {}} `), nil)
	want := []bool{true, true, true, false, true, true, false, false, false}
	for i, w := range want {
		if got := d.More(); got != w {
			t.Fatalf("More before token %d = %v, want %v", i, got, w)
		}
		if i < len(want)-1 {
			if _, err := d.ReadToken(); err != nil {
				t.Fatal(err)
			}
		}
	}
	d = NewDecoderBytes([]byte(` 1 2 # c
 3 `), &Options{AllowMultipleValues: true, AllowComments: true})
	n := 0
	for d.More() {
		if _, err := d.ReadToken(); err != nil {
			t.Fatal(err)
		}
		n++
	}
	if _, err := d.ReadToken(); err != io.EOF || n != 3 {
		t.Fatalf("%d values, then %v", n, err)
	}
	var z Decoder
	if z.More() {
		t.Fatal("zero Decoder: More true")
	}
	if _, _, err := z.StringReader(); !errors.Is(err, ErrUnexpectedEOF) {
		t.Fatalf("zero Decoder: StringReader %v", err)
	}
}

// FuzzDecoderMoreStringReader: with More called before every token, and
// with every string and name read through StringReader (its reader read
// a fuzzed number of bytes at a time), a fuzzed input read whole, byte by
// byte, in 7-byte pieces and split at a fuzzed offset gives the tokens and
// error ReadToken alone gives; More's answers match the tokens after them;
// nothing panics.
func FuzzDecoderMoreStringReader(f *testing.F) {
	addSeeds(f, func(b []byte) { f.Add(b, uint16(3), uint8(0), uint8(3)) })
	for _, s := range []string{`["ab\ud83d\ude00cd", {"k\u00e9": "v"}]`, `"x\ud83d\u0041"`, "1 # c\n \"a\" [\"b\"]"} {
		f.Add([]byte(s), uint16(5), uint8(4|8), uint8(1))
	}
	f.Fuzz(func(t *testing.T, in []byte, split uint16, flags, rs uint8) {
		opts := &Options{
			StringChunk:         4 + int(flags>>4),
			MaxDepth:            50,
			AllowDuplicateNames: flags&1 != 0,
			AllowInvalidUTF8:    flags&2 != 0,
			AllowComments:       flags&4 != 0,
			AllowMultipleValues: flags&8 != 0,
		}
		n := 1 + int(rs)%16
		streamAgrees(t, in, opts, int(split)%(len(in)+1), []streamMode{{more: true}, {sr: true, rs: n}, {more: true, sr: true, rs: n}})
		opts.MaxValueLen = n
		valuesAgree(t, in, opts, int(split)%(len(in)+1))
	})
}

// TestAllocsMoreStringReader: More allocates nothing once the Decoder has
// warmed up, and StringReader with its reader read to io.EOF one handle
// per reader, over bytes and over an io.Reader, for short strings and for
// long ones in pieces (none per piece).
func TestAllocsMoreStringReader(t *testing.T) {
	if testenv.Race {
		t.Skip("allocation counts are not exact under -race")
	}
	doc := []byte(`{"a":"short","b":["x\u00e9\ud83d\ude00",1,"` + strings.Repeat("long é ", 3000) + `"],"c":{}}`)
	buf := make([]byte, 100)
	read := func(d *Decoder) {
		for {
			d.More()
			_, r, err := d.StringReader()
			if err == nil {
				for {
					if _, err := r.Read(buf); err == io.EOF {
						break
					} else if err != nil {
						t.Fatal(err)
					}
				}
				continue
			}
			if err == io.EOF {
				return
			}
			if _, err := d.ReadToken(); err == io.EOF {
				return
			} else if err != nil {
				t.Fatal(err)
			}
		}
	}
	d := NewDecoderBytes(doc, nil)
	read(d)
	// One allocation per reader (its handle, so that a kept reader goes
	// stale): the document's three names and three strings; none per
	// piece, token or More.
	const readers = 6
	if a := testing.AllocsPerRun(10, func() { d.ResetBytes(doc); read(d) }); a != readers {
		t.Errorf("over bytes: %v allocations per document, want %d", a, readers)
	}
	br := bytes.NewReader(doc)
	d = NewDecoder(br, &Options{StringChunk: 64})
	read(d)
	if a := testing.AllocsPerRun(10, func() { br.Reset(doc); d.Reset(br); read(d) }); a != readers {
		t.Errorf("over an io.Reader: %v allocations per document, want %d", a, readers)
	}
}

// TestStringReaderConstantMemory: a 64 MiB string with escapes, surrogate
// pairs and multi-byte UTF-8, generated as it is read, comes through
// StringReader with the live heap bounded (the string is never held), and
// its content is what was encoded.
func TestStringReaderConstantMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("skipping: streams a 64 MiB string (0.2 s); run without -short")
	}
	const size = 64 << 20
	const bound = 1 << 20
	unit := []byte(`plain text é€ \"quoted\" \\ \n\t \u00e9\ud83d\ude00 `)
	want := []byte("plain text é€ \"quoted\" \\ \n\t é😀 ")
	hw := &heapWatch{}
	hw.start()
	d := NewDecoder(&repeatReader{head: []byte(`["`), unit: unit, n: size / len(unit), tail: []byte(`", 1]`)}, &Options{MaxStringLen: -1})
	if tok, err := d.ReadToken(); err != nil || tok.Kind != ArrayStart {
		t.Fatal(tok, err)
	}
	k, r, err := d.StringReader()
	if err != nil || k != String {
		t.Fatal(k, err)
	}
	buf := make([]byte, 32<<10)
	var got int64
	pos := 0 // position in want of the next byte
	for {
		n, err := r.Read(buf)
		for _, c := range buf[:n] {
			if c != want[pos] {
				t.Fatalf("byte %d: %q, want %q", got, c, want[pos])
			}
			got++
			if pos++; pos == len(want) {
				pos = 0
			}
		}
		if got%(1<<20) < int64(n) {
			hw.n = 199999
			hw.tick()
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	if wantN := int64(size/len(unit)) * int64(len(want)); got != wantN {
		t.Fatalf("%d bytes, want %d", got, wantN)
	}
	if tok, err := d.ReadToken(); err != nil || tok.Kind != Int {
		t.Fatal(tok, err)
	}
	if err := d.Finish(); err == nil || !errors.Is(err, ErrUnread) {
		t.Fatalf("Finish before ']': %v", err)
	}
	if g := hw.grew(); g > bound {
		t.Errorf("live heap grew by %d bytes, want < %d", g, bound)
	}
	t.Logf("%d MiB decoded, heap grew %d KiB", got>>20, hw.grew()>>10)
}

// repeatReader reads head, n copies of unit, then tail.
type repeatReader struct {
	head, unit, tail []byte
	n, pos           int
}

func (r *repeatReader) Read(p []byte) (int, error) {
	m := 0
	for m < len(p) {
		switch {
		case len(r.head) > 0:
			c := copy(p[m:], r.head)
			r.head = r.head[c:]
			m += c
		case r.n > 0:
			c := copy(p[m:], r.unit[r.pos:])
			m += c
			if r.pos += c; r.pos == len(r.unit) {
				r.pos = 0
				r.n--
			}
		case len(r.tail) > 0:
			c := copy(p[m:], r.tail)
			r.tail = r.tail[c:]
			m += c
		default:
			if m == 0 {
				return 0, io.EOF
			}
			return m, nil
		}
	}
	return m, nil
}

// TestMoreStringReaderComments: with AllowComments, comments before,
// between and after tokens (after ',' and ':' too), cut anywhere by the
// reader, change nothing with More and StringReader.
func TestMoreStringReaderComments(t *testing.T) {
	opts := &Options{AllowComments: true, AllowMultipleValues: true, StringChunk: 4}
	for _, in := range []string{
		"# c\n[# c\n\"ab\"# c\n,# c\n\"cdefgh\" # c\n, 1 # c\n]# c\n",
		"{# c\n\"k\"# c\n:# c\n\"v\"# c\n,# c\n\"k2\" # c\n: # c\n\"vvvvvvvv\"}# c\n\"x\"# c\n",
		"[\"a\", # c\n]", "{\"a\": # c\n}", "[1 # c\n, # c",
	} {
		for k := 0; k <= len(in); k++ {
			streamAgrees(t, []byte(in), opts, k, allStreamModes)
		}
	}
}

// valuesTrace reads d with ReadToken, ReadValue and SkipValue in turn,
// with More before every call if more, stopping after stop calls (or at
// the end or an error) to call Finish. Over what More reads, the trace
// must be the same.
func valuesTrace(t testing.TB, d *Decoder, more bool, stop int) string {
	var b strings.Builder
	for i := 0; i < stop; i++ {
		if more {
			d.More()
		}
		var err error
		switch i % 3 {
		case 0:
			var tok Token
			tok, err = d.ReadToken()
			if err == nil {
				fmt.Fprintf(&b, "token %d %s %s %q\n", tok.Offset, tok.Kind, d.Pointer(), tok.Value)
			}
		case 1:
			var v []byte
			v, err = d.ReadValue()
			if err == nil {
				fmt.Fprintf(&b, "value %s %q\n", d.Pointer(), v)
			}
		default:
			err = d.SkipValue()
			if err == nil {
				fmt.Fprintf(&b, "skip %s\n", d.Pointer())
			}
		}
		if err != nil {
			fmt.Fprintf(&b, "%d: %s", i%3, checkLine(err))
			if err != ErrNoValue {
				break
			}
		}
	}
	if more {
		d.More()
	}
	fmt.Fprintf(&b, "finish %s", checkLine(d.Finish()))
	return b.String()
}

// valuesAgree: ReadValue, SkipValue and Finish return the same with More
// called before each as without, for every reader.
func valuesAgree(t testing.TB, in []byte, opts *Options, split int) {
	t.Helper()
	for _, stop := range []int{1, 4, 1 << 20} {
		for name, d := range streamDecoders(in, opts, split) {
			want := valuesTrace(t, streamDecoders(in, opts, split)[name], false, stop)
			if got := valuesTrace(t, d, true, stop); got != want {
				t.Fatalf("%+v over %s, stop %d:\n%s", opts, name, stop, diff(want, got))
			}
		}
	}
}

// TestMoreReadValueSkipValueFinish: over every JSONTestSuite file, read
// whole, byte by byte, in 7-byte pieces and split in two, with small and
// default MaxValueLen, More before each ReadToken, ReadValue, SkipValue
// and Finish changes none of their results. With -short, two of the three
// options (1 s; 0.6 s).
func TestMoreReadValueSkipValueFinish(t *testing.T) {
	optss := []*Options{{MaxValueLen: 8}, {MaxValueLen: 3, AllowComments: true, AllowMultipleValues: true}, nil}
	if testing.Short() {
		optss = optss[:2]
	}
	for _, sub := range []string{"test_parsing", "test_transform"} {
		for _, in := range jtsFiles(t, sub) {
			if len(in) > 64<<10 {
				continue
			}
			for i, opts := range optss {
				valuesAgree(t, in, opts, (len(in)*(i+1))/(len(optss)+1))
			}
		}
	}
	in := []byte("[1,  \n  \"abc\" ,\t[ 1 , 2 ] ,  {\"a\" :  [ ] }  ]   ")
	for k := 0; k <= len(in); k++ {
		valuesAgree(t, in, &Options{MaxValueLen: 4, AllowComments: k%2 == 0}, k)
	}
}

// TestStringReaderErrorsInStrings: for every JSONTestSuite file whose fault
// is inside a string (a value or a name: bad escapes, control characters,
// invalid UTF-8, lone surrogates, an unclosed string), StringReader or its
// reader returns the error ReadToken returns, sentinel, offset and path,
// whole and one byte at a time, its reader read 1 and 64 bytes at a time,
// in pieces of the default size and of 4 bytes (so that the error comes
// from the reader after pieces of the string).
func TestStringReaderErrorsInStrings(t *testing.T) {
	files, n := 0, 0
	for name, in := range jtsFiles(t, "test_parsing") {
		if jtsAccepts(name) || len(in) > 64<<10 {
			continue
		}
		srErrs = 0
		for _, opts := range []*Options{nil, {StringChunk: 4}} { // the error from StringReader, from Read
			streamAgrees(t, in, opts, -1, []streamMode{{sr: true, rs: 1}, {sr: true, rs: 64}})
		}
		if srErrs > 0 {
			files++
			n += srErrs
		}
	}
	// 50 with the suite of the corpus: n_string_* but for the three
	// whose fault is outside any string, i_string_* of invalid UTF-8 and
	// lone surrogates, and a few n_object_* and n_structure_* files.
	if files < 50 {
		t.Errorf("%d files failing inside a string (%d errors from StringReader), want at least 50", files, n)
	}
	t.Logf("%d files failing inside a string, %d errors from StringReader", files, n)
}

// FuzzDecoderStreamOps: fuzzed sequences of ReadToken, ReadValue,
// SkipValue, More, StringReader, reads of its reader (part or whole, also
// once stale), Finish and Reset over a fuzzed input, from bytes and from
// a reader in small pieces, never panic nor hang; over valid input none
// returns a syntax error but Finish's ErrUnread, and the reader returns
// content, io.EOF or a stale error (ErrNoValue) only.
func FuzzDecoderStreamOps(f *testing.F) {
	addSeeds(f, func(b []byte) { f.Add(b, []byte{3, 4, 5, 0, 3, 4, 6, 1, 2, 4, 5, 5, 7}) })
	f.Fuzz(func(t *testing.T, in, ops []byte) {
		if len(ops) > 200 {
			ops = ops[:200]
		}
		valid := Check(in, &Options{StringChunk: 5}) == nil
		for _, d := range []*Decoder{NewDecoderBytes(in, &Options{StringChunk: 5}), NewDecoder(&nReader{b: in, n: 3}, &Options{StringChunk: 5})} {
			var r io.Reader
			var p [7]byte
			for _, op := range ops {
				var err error
				switch op % 9 {
				case 0:
					_, err = d.ReadToken()
				case 1:
					_, err = d.ReadValue()
				case 2:
					err = d.SkipValue()
				case 3:
					d.More()
				case 4:
					var k Kind
					var sr io.Reader
					k, sr, err = d.StringReader()
					if err == nil {
						if k != String && k != Name || sr == nil {
							t.Fatalf("StringReader: %v %v", k, sr)
						}
						r = sr
					}
				case 5, 6:
					if r == nil {
						continue
					}
					n := 1 + int(op/9)%len(p)
					for i := 0; i < 1+int(op%9-5)*1000; i++ {
						m, rerr := r.Read(p[:n])
						if m < 0 || m > n || (rerr == nil && m == 0) {
							t.Fatalf("Read: %d %v", m, rerr)
						}
						if rerr != nil {
							if rerr != io.EOF && !errors.Is(rerr, ErrNoValue) && (valid || !errors.As(rerr, new(*SyntaxError))) {
								t.Fatalf("Read: %v", rerr)
							}
							break
						}
					}
				case 7:
					err = d.Finish()
				case 8:
					if op > 200 {
						d.ResetBytes(in)
					}
				}
				var se *SyntaxError
				if valid && errors.As(err, &se) && se.Err != ErrUnread {
					t.Fatalf("op %d over valid input: %v", op%9, err)
				}
			}
		}
	})
}
