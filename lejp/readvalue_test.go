package lejp

import (
	"bytes"
	"errors"
	"io"
	"runtime"
	"strings"
	"testing"
	"testing/iotest"
)

// countingReader counts the bytes read from r.
type countingReader struct {
	r io.Reader
	n int
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += n
	return n, err
}

// TestReadValueStringHeld: reading from an io.Reader, ReadValue holds at
// most about Options.MaxValueLen of a string value too, as MaxValueLen's
// doc says, not the whole string up to MaxStringLen: a 4 MiB string under a
// MaxValueLen of 1000 fails with ErrValueTooLarge at the string's offset
// after reading a few buffers of it. On the base only a container's bytes
// were bounded while read: a string value (at the top level or as a
// member's value) was read whole, 4 MiB held, before ReadValue (and
// SkipValue, then ReadValue) measured it.
func TestReadValueStringHeld(t *testing.T) {
	long := `"` + strings.Repeat("x", 4<<20) + `"`
	for _, tc := range []struct {
		in     string
		tokens int
		off    int64
	}{
		{long, 0, 0},
		{` ` + long, 0, 1},
		{`{"a": ` + long + `}`, 2, 6},
		{`[1,` + long + `]`, 2, 3},
	} {
		cr := &countingReader{r: strings.NewReader(tc.in)}
		d := NewDecoder(cr, &Options{MaxValueLen: 1000})
		for range tc.tokens {
			if _, err := d.ReadToken(); err != nil {
				t.Fatal(err)
			}
		}
		_, err := d.ReadValue()
		var se *SyntaxError
		if !errors.As(err, &se) || se.Err != ErrValueTooLarge || se.Offset != tc.off {
			t.Errorf("%.10q: %v, want ErrValueTooLarge at %d", tc.in, err, tc.off)
		}
		if cr.n > 64<<10 {
			t.Errorf("%.10q: read %d bytes of the input before failing, want at most 64 KiB", tc.in, cr.n)
		}
	}
	// At the limit and one over, a string value as any other value.
	for _, n := range []int{1000, 1001} {
		v := `"` + strings.Repeat("y", n-2) + `"`
		for _, pre := range []string{"", `{"a":`} {
			d := NewDecoder(bytes.NewReader([]byte(pre+v+"}")), &Options{MaxValueLen: 1000})
			if pre != "" {
				d.ReadToken()
				d.ReadToken()
			}
			got, err := d.ReadValue()
			if n == 1000 && (err != nil || string(got) != v) {
				t.Errorf("%q value of %d bytes: %v", pre, n, err)
			}
			if n == 1001 && !errors.Is(err, ErrValueTooLarge) {
				t.Errorf("%q value of %d bytes: %v, want ErrValueTooLarge", pre, n, err)
			}
		}
	}
}

// TestValueTooLargePath: ReadValue's ErrValueTooLarge names the value it
// was reading, by offset and path, whether the value outgrew a full buffer
// (caught while read) or fits in the buffer (measured at its end). On the
// base a container larger than the buffer failed with the value's offset
// but the path of the element being read when the buffer filled
// ("/v/1365" for a value at "/v"), so that Offset and Path named two
// different places. (The string rows hold the previous fix to the same:
// a string in an array caught while read named the element before it.)
func TestValueTooLargePath(t *testing.T) {
	elems := func(n int) string { return strings.TrimSuffix(strings.Repeat(`{"k":[1,2]},`, n), ",") }
	long := `"` + strings.Repeat("x", 100<<10) + `"`
	for _, tc := range []struct {
		in     string
		tokens int
		off    int64
		path   string
	}{
		{`{"v":[` + elems(200) + `]}`, 2, 5, "/v"},   // fits in the buffer
		{`{"v":[` + elems(30000) + `]}`, 2, 5, "/v"}, // does not
		{`[1,[` + elems(200) + `]]`, 2, 3, "/1"},
		{`[1,[` + elems(30000) + `]]`, 2, 3, "/1"},
		{`[1,{"a":[` + elems(30000) + `]}]`, 2, 3, "/1"},
		{`[1,` + long + `]`, 2, 3, "/1"},
		{`{"a":{"b":` + long + `}}`, 4, 10, "/a/b"},
		{`[1,` + `"` + strings.Repeat("x", 1000) + `"]`, 2, 3, "/1"},
		// A member name read by ReadValue, cut: the object's path.
		{`{"a":1,"` + strings.Repeat("n", 50<<10) + `":2}`, 3, 7, ""},
		{`{"o":{"a":1,"` + strings.Repeat("n", 50<<10) + `":2}}`, 5, 12, "/o"},
	} {
		for _, r := range []string{"reader", "one-byte reader"} {
			var d *Decoder
			opts := &Options{MaxValueLen: 1000}
			if r == "reader" {
				d = NewDecoder(strings.NewReader(tc.in), opts)
			} else {
				d = NewDecoder(iotest.OneByteReader(strings.NewReader(tc.in)), opts)
			}
			for range tc.tokens {
				if _, err := d.ReadToken(); err != nil {
					t.Fatal(err)
				}
			}
			_, err := d.ReadValue()
			var se *SyntaxError
			if !errors.As(err, &se) || se.Err != ErrValueTooLarge || se.Offset != tc.off || se.Path != tc.path {
				t.Errorf("%.12q… (%s): %v, want ErrValueTooLarge at %d (path %s)", tc.in, r, err, tc.off, tc.path)
			}
		}
	}
}

// emptyReader returns 0 bytes and no error, up to limit times, then
// errSpun: a broken io.Reader (or one never ready).
type emptyReader struct{ calls, limit int }

var errSpun = errors.New("emptyReader: read too often")

func (e *emptyReader) Read([]byte) (int, error) {
	e.calls++
	if e.calls > e.limit {
		return 0, errSpun
	}
	return 0, nil
}

// TestReaderNoProgress: a Decoder over an io.Reader that keeps returning
// no bytes and no error gives up with io.ErrNoProgress after 100 such
// reads in a row, as bufio.Reader does, instead of calling it for ever.
// On the base it looped as long as the reader did (here until errSpun).
func TestReaderNoProgress(t *testing.T) {
	r := &emptyReader{limit: 100000}
	d := NewDecoder(r, nil)
	if _, err := d.ReadToken(); err != io.ErrNoProgress || r.calls > 100 {
		t.Errorf("ReadToken over an empty reader: %v after %d reads, want io.ErrNoProgress after at most 100", err, r.calls)
	}
	// A few empty reads between bytes are nothing.
	d = NewDecoder(&stutterReader{b: []byte(`{"a":[1,2,"x"]}`), empties: 50}, nil)
	for {
		if _, err := d.ReadToken(); err != nil {
			if err != io.EOF {
				t.Errorf("stuttering reader: %v", err)
			}
			break
		}
	}
}

// stutterReader gives one byte after each run of empties empty reads.
type stutterReader struct {
	b       []byte
	empties int
	n       int
}

func (s *stutterReader) Read(p []byte) (int, error) {
	if len(s.b) == 0 {
		return 0, io.EOF
	}
	if s.n < s.empties {
		s.n++
		return 0, nil
	}
	s.n = 0
	p[0] = s.b[0]
	s.b = s.b[1:]
	return 1, nil
}

// TestReadValueRawWithComments: ReadValue's bytes are the input's, a
// comment inside the value included (as its doc says), and at the end of
// the input it returns io.EOF. (It passes on the base; it pins the doc.)
func TestReadValueRawWithComments(t *testing.T) {
	opts := &Options{AllowComments: true}
	in := "# before\n[1, # c\n 2] # after\n"
	for _, r := range []bool{false, true} {
		d := NewDecoderBytes([]byte(in), opts)
		if r {
			d = NewDecoder(iotest.OneByteReader(strings.NewReader(in)), opts)
		}
		v, err := d.ReadValue()
		if err != nil || string(v) != "[1, # c\n 2]" {
			t.Errorf("reader %v: %q, %v", r, v, err)
		}
		if Check(v, opts) != nil || Check(v, nil) == nil {
			t.Errorf("reader %v: %q: Check with comments %v, strict %v", r, v, Check(v, opts), Check(v, nil))
		}
		if v, err := d.ReadValue(); v != nil || err != io.EOF {
			t.Errorf("reader %v: at the end: %q, %v, want io.EOF", r, v, err)
		}
	}
}

// TestSkipValueHoldsNoValue: SkipValue reads past a value token by token,
// holding no more than ReadToken does (one token), as lecp's SkipValue
// does: a 2.4 MB array is skipped from an io.Reader whatever
// Options.MaxValueLen is, with the Decoder's buffer staying small, and
// reading goes on after it. On the base SkipValue was ReadValue: it held
// the whole value (its buffer grew past the value's size) and failed with
// ErrValueTooLarge over MaxValueLen, so a Decoder could not skip a member
// larger than that in constant memory.
func TestSkipValueHoldsNoValue(t *testing.T) {
	big := `[` + strings.Repeat(`{"k":[1,2,"abc"]},`, 140000) + `0]`
	in := `{"skip":` + big + `,"b":true}`
	for _, opts := range []*Options{nil, {MaxValueLen: 1000}} {
		d := NewDecoder(strings.NewReader(in), opts)
		d.ReadToken()
		d.ReadToken()
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		err := d.SkipValue()
		runtime.ReadMemStats(&after)
		if err != nil {
			t.Errorf("%+v: SkipValue of %d bytes: %v", opts, len(big), err)
			continue
		}
		if grown := after.TotalAlloc - before.TotalAlloc; grown > 256<<10 {
			t.Errorf("%+v: SkipValue of %d bytes allocated %d bytes, want a buffer of a few KiB", opts, len(big), grown)
		}
		if tok, err := d.ReadToken(); err != nil || tok.Kind != Name || string(tok.Value) != "b" {
			t.Errorf("%+v: after SkipValue: %v %q, %v", opts, tok.Kind, tok.Value, err)
		}
	}
}
