package lejp

// StringReader over input that ends inside the string, after the error:
// what every other call then does (the error is sticky and the piece
// delivered before it is not delivered again), names (held whole: no
// piece), MaxStringLen at the cut, and an io.Reader that makes no
// progress.

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
)

// cutCases are inputs that end inside a string value, what StringReader's
// reader delivers of it, and the error's path.
var cutCases = []struct {
	in     string
	before int // tokens before the string
	want   string
	path   string
	opts   *Options
}{
	{`"abc`, 0, "abc", "", nil},
	{`{"k":"abc`, 2, "abc", "/k", nil},
	{`["abc\u00`, 1, "abc", "/0", nil},
	{`["x","ab\ud834`, 2, "ab", "/1", nil},
	{`["ab\ud834`, 1, "ab", "/0", &Options{AllowInvalidUTF8: true}},
	{`["ab\ud834x`, 1, "ab\uFFFDx", "/0", &Options{AllowInvalidUTF8: true}},
	{`["abcdefghij`, 1, "abcdefghij", "/0", &Options{StringChunk: 4}},
	{"[\"ab\xe2\x82", 1, "ab", "/0", &Options{StringChunk: 4, AllowInvalidUTF8: true}},
}

// cutDecoder returns a Decoder over in, read as eofReaders[rd] says, and
// reads the first before tokens.
func cutDecoder(t *testing.T, in string, before, rd int, opts *Options) *Decoder {
	t.Helper()
	var d *Decoder
	if r := eofReaders[rd].r; r == nil {
		d = NewDecoderBytes([]byte(in), opts)
	} else {
		d = NewDecoder(r([]byte(in)), opts)
	}
	for range before {
		if tok, err := d.ReadToken(); err != nil {
			t.Fatalf("%q: ReadToken before the string: %v %v", in, tok, err)
		}
	}
	return d
}

// readBounded reads r to its error; a reader delivering more than max
// bytes (one delivering a piece again and again would never end) fails
// the test.
func readBounded(t *testing.T, r io.Reader, max int) ([]byte, error) {
	t.Helper()
	var got []byte
	p := make([]byte, 3)
	for {
		n, err := r.Read(p)
		got = append(got, p[:n]...)
		if len(got) > max {
			t.Fatalf("the reader delivered %q, more than the %d bytes its input holds", got, max)
		}
		if err != nil {
			return got, err
		}
	}
}

// TestStringReaderCutThen: once the reader has delivered what it held and
// returned ErrUnexpectedEOF, the error is every call's (Read again,
// StringReader, ReadToken, More, Finish), no byte comes again, InputOffset
// is the input's end; Reset and ResetBytes then make the reader stale and
// the Decoder read the new input.
func TestStringReaderCutThen(t *testing.T) {
	for _, tc := range cutCases {
		for rd := range eofReaders {
			for reset := range 2 {
				where := fmt.Sprintf("%q %s %s", tc.in, eofReaders[rd].name, optsLabel(tc.opts))
				d := cutDecoder(t, tc.in, tc.before, rd, tc.opts)
				k, r, err := d.StringReader()
				if k != String || err != nil {
					t.Fatalf("%s: StringReader: %v %v", where, k, err)
				}
				got, err := readBounded(t, r, len(tc.in))
				var se *SyntaxError
				if string(got) != tc.want || !errors.As(err, &se) || se.Err != ErrUnexpectedEOF ||
					se.Offset != int64(len(tc.in)) || se.Path != tc.path {
					t.Fatalf("%s: read %q, %v; want %q, ErrUnexpectedEOF at %d (path %q)",
						where, got, err, tc.want, len(tc.in), tc.path)
				}
				p := make([]byte, 16)
				for i := range 3 {
					if n, err2 := r.Read(p); n != 0 || err2 != err {
						t.Errorf("%s: Read %d after the error: %d %v", where, i, n, err2)
					}
				}
				if _, _, err2 := d.StringReader(); err2 != err {
					t.Errorf("%s: StringReader after the error: %v", where, err2)
				}
				if _, err2 := d.ReadToken(); err2 != err {
					t.Errorf("%s: ReadToken after the error: %v", where, err2)
				}
				if d.More() {
					t.Errorf("%s: More after the error", where)
				}
				if err2 := d.Finish(); err2 != err {
					t.Errorf("%s: Finish after the error: %v", where, err2)
				}
				if off := d.InputOffset(); off != int64(len(tc.in)) {
					t.Errorf("%s: InputOffset %d, want %d", where, off, len(tc.in))
				}
				if reset == 0 {
					d.Reset(strings.NewReader(`"xyz"`))
				} else {
					d.ResetBytes([]byte(`"xyz"`))
				}
				if n, err2 := r.Read(p); n != 0 || !errors.Is(err2, ErrNoValue) {
					t.Errorf("%s: the reader after a reset: %d %v", where, n, err2)
				}
				if _, r2, err2 := d.StringReader(); err2 != nil {
					t.Errorf("%s: StringReader after a reset: %v", where, err2)
				} else if b, err2 := readBounded(t, r2, 5); string(b) != "xyz" || err2 != io.EOF {
					t.Errorf("%s: after a reset: %q %v", where, b, err2)
				}
			}
		}
	}
}

// TestStringReaderCutUnread: a call that moves the Decoder on before the
// reader has delivered the piece it holds (the error due after it) returns
// that error, Finish too (not ErrUnread): the input is cut, not unread.
// The reader is then stale (an error matching ErrNoValue, no bytes).
func TestStringReaderCutUnread(t *testing.T) {
	calls := []struct {
		name string
		call func(d *Decoder) error
	}{
		{"StringReader", func(d *Decoder) error { _, _, err := d.StringReader(); return err }},
		{"ReadToken", func(d *Decoder) error { _, err := d.ReadToken(); return err }},
		{"SkipValue", func(d *Decoder) error { return d.SkipValue() }},
		{"Finish", func(d *Decoder) error { return d.Finish() }},
	}
	for _, tc := range cutCases {
		for rd := range eofReaders {
			for _, c := range calls {
				for _, readSome := range []bool{false, true} {
					where := fmt.Sprintf("%q %s %s, %s (a byte read first: %v)",
						tc.in, eofReaders[rd].name, optsLabel(tc.opts), c.name, readSome)
					d := cutDecoder(t, tc.in, tc.before, rd, tc.opts)
					_, r, err := d.StringReader()
					if err != nil {
						t.Fatalf("%s: StringReader: %v", where, err)
					}
					if readSome {
						if n, err := r.Read(make([]byte, 1)); n != 1 || err != nil {
							t.Fatalf("%s: first Read: %d %v", where, n, err)
						}
					}
					err = c.call(d)
					var se *SyntaxError
					if !errors.As(err, &se) || se.Err != ErrUnexpectedEOF || se.Offset != int64(len(tc.in)) {
						t.Errorf("%s: %v, want ErrUnexpectedEOF at %d", where, err, len(tc.in))
					}
					if err2 := d.Finish(); err2 != err {
						t.Errorf("%s: Finish then: %v, want %v", where, err2, err)
					}
					if n, err := r.Read(make([]byte, 16)); n != 0 || !errors.Is(err, ErrNoValue) {
						t.Errorf("%s: the reader then: %d %v", where, n, err)
					}
				}
			}
		}
	}
}

// TestStringReaderCutName: a member name the input ends inside is held
// whole, as ReadToken holds it: StringReader returns ErrUnexpectedEOF
// (the object's path), no reader, however long the name and whatever
// StringChunk.
func TestStringReaderCutName(t *testing.T) {
	for _, tc := range []struct {
		in     string
		before int
		path   string
	}{
		{`{"`, 1, ""},
		{`{"ab`, 1, ""},
		{`{"a":1,"bcd`, 3, ""},
		{`{"k":{"abcdefghijkl`, 3, "/k"},
		{`[{"ab\u00e9cd\u00`, 2, "/0"},
	} {
		for rd := range eofReaders {
			for _, opts := range []*Options{nil, {StringChunk: 4}} {
				where := fmt.Sprintf("%q %s %s", tc.in, eofReaders[rd].name, optsLabel(opts))
				d := cutDecoder(t, tc.in, tc.before, rd, opts)
				k, r, err := d.StringReader()
				var se *SyntaxError
				if k != Invalid || r != nil || !errors.As(err, &se) || se.Err != ErrUnexpectedEOF ||
					se.Offset != int64(len(tc.in)) || se.Path != tc.path {
					t.Errorf("%s: %v %v %v, want ErrUnexpectedEOF at %d (path %q), no reader",
						where, k, r, err, len(tc.in), tc.path)
				}
			}
		}
	}
}

// TestStringReaderCutMaxStringLen: a string of MaxStringLen bytes (as
// written, escapes included) the input ends after is delivered whole
// before ErrUnexpectedEOF; one byte more is ErrStringTooLong at the
// string, after a prefix of the content delivered (pieces read before
// the byte over the limit came).
func TestStringReaderCutMaxStringLen(t *testing.T) {
	for rd := range eofReaders {
		for _, opts := range []*Options{{MaxStringLen: 8}, {MaxStringLen: 8, StringChunk: 3}} {
			for _, tc := range []struct {
				in, want string
				over     bool
			}{
				{`["abcdefgh`, "abcdefgh", false},
				{`["abcdef\n`, "abcdef\n", false},
				{`["ab\u00e9`, "ab\u00e9", false},
				{`["abcdefghi`, "abcdefgh", true},
				{`["abcdef\u00`, "abcdef", true},
				{`["abcdefgh\`, "abcdefgh", true},
			} {
				where := fmt.Sprintf("%q %s chunk %d", tc.in, eofReaders[rd].name, opts.StringChunk)
				d := cutDecoder(t, tc.in, 1, rd, opts)
				got, _, err := srRead(t, d, 100, len(tc.in))
				var se *SyntaxError
				switch {
				case !errors.As(err, &se):
					t.Errorf("%s: %q %v", where, got, err)
				case tc.over:
					if se.Err != ErrStringTooLong || se.Offset != 1 || !strings.HasPrefix(tc.want, string(got)) {
						t.Errorf("%s: %q %v, want a prefix of %q, ErrStringTooLong at 1",
							where, got, err, tc.want)
					}
				case se.Err != ErrUnexpectedEOF || string(got) != tc.want:
					t.Errorf("%s: %q %v, want %q, ErrUnexpectedEOF", where, got, err, tc.want)
				}
			}
		}
	}
}

// noProgressReader returns in in one Read, then no bytes and no error,
// counting its calls.
type noProgressReader struct {
	in    []byte
	calls int
}

func (r *noProgressReader) Read(p []byte) (int, error) {
	r.calls++
	n := copy(p, r.in)
	r.in = r.in[n:]
	return n, nil
}

// TestStringReaderCutNoProgress: an io.Reader that stops making progress
// inside the string: what it gave is delivered, then io.ErrNoProgress,
// sticky, the io.Reader not called again; one that returned io.EOF is
// not called again at all.
func TestStringReaderCutNoProgress(t *testing.T) {
	nr := &noProgressReader{in: []byte(`["abc`)}
	d := NewDecoder(nr, nil)
	d.ReadToken()
	got, _, err := srRead(t, d, 100, 5)
	if string(got) != "abc" || err != io.ErrNoProgress {
		t.Fatalf("%q %v, want \"abc\", io.ErrNoProgress", got, err)
	}
	calls := nr.calls
	if calls > 1+maxEmptyReads {
		t.Errorf("%d Reads, want at most %d", calls, 1+maxEmptyReads)
	}
	for range 3 {
		if _, _, err2 := d.StringReader(); err2 != err {
			t.Errorf("StringReader then: %v", err2)
		}
		if err2 := d.Finish(); err2 != err {
			t.Errorf("Finish then: %v", err2)
		}
	}
	if nr.calls != calls {
		t.Errorf("%d more Reads after io.ErrNoProgress", nr.calls-calls)
	}

	// io.EOF with the last bytes, then a reader that would make no
	// progress: never called.
	er := &eofThenNoProgress{in: []byte(`["abc`)}
	d = NewDecoder(er, nil)
	d.ReadToken()
	got, _, err = srRead(t, d, 1, 5)
	if string(got) != "abc" || !errors.Is(err, ErrUnexpectedEOF) {
		t.Fatalf("%q %v, want \"abc\", ErrUnexpectedEOF", got, err)
	}
	d.StringReader()
	d.Finish()
	if er.after != 0 {
		t.Errorf("%d Reads after io.EOF", er.after)
	}
}

// eofThenNoProgress returns in with io.EOF, then no bytes and no error,
// counting those calls.
type eofThenNoProgress struct {
	in    []byte
	after int
}

func (r *eofThenNoProgress) Read(p []byte) (int, error) {
	if r.in == nil {
		r.after++
		return 0, nil
	}
	n := copy(p, r.in)
	r.in = nil
	return n, io.EOF
}
