package lejp

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/lwscrypto/lwscrypto/internal/testenv"
)

// collect runs a Values or ReadValues iteration to its end: the values
// (copied) and the error, failing the test if anything follows an error.
func collect(t *testing.T, seq func(func([]byte, error) bool)) (vals []string, err error) {
	t.Helper()
	for v, e := range seq {
		if err != nil {
			t.Fatalf("yielded (%q, %v) after the error %v", v, e, err)
		}
		if e != nil {
			if v != nil {
				t.Errorf("error %v yielded with bytes %q", e, v)
			}
			err = e
			continue
		}
		vals = append(vals, string(v))
	}
	return vals, err
}

// TestValuesNDJSON: every value of a sequence, bytes exact (no surrounding
// whitespace), over bytes and over a reader a byte at a time; the caller's
// Options are not changed.
func TestValuesNDJSON(t *testing.T) {
	in := "{\"a\":1}\n[1, 2]\r\n\t\"s\" 3 true null\n{}\n"
	want := []string{`{"a":1}`, `[1, 2]`, `"s"`, `3`, `true`, `null`, `{}`}
	opts := &Options{MaxDepth: 4}
	for name, seq := range map[string]func(func([]byte, error) bool){
		"Values":               Values([]byte(in), opts),
		"ReadValues":           ReadValues(strings.NewReader(in), opts),
		"ReadValues one byte":  ReadValues(iotest.OneByteReader(strings.NewReader(in)), opts),
		"ReadValues nil opts":  ReadValues(strings.NewReader(in), nil),
		"Values nil opts":      Values([]byte(in), nil),
		"ReadValues data err":  ReadValues(iotest.DataErrReader(strings.NewReader(in)), opts),
		"ReadValues half read": ReadValues(iotest.HalfReader(strings.NewReader(in)), opts),
	} {
		got, err := collect(t, seq)
		if err != nil || strings.Join(got, "|") != strings.Join(want, "|") {
			t.Errorf("%s: %q, %v; want %q", name, got, err, want)
		}
	}
	if opts.AllowMultipleValues || opts.MaxDepth != 4 {
		t.Errorf("the caller's Options changed: %+v", opts)
	}
}

// TestValuesEmpty: no input, or whitespace (and comments where allowed)
// only, is no values and no error — unlike Check, for which it is
// ErrUnexpectedEOF.
func TestValuesEmpty(t *testing.T) {
	for _, in := range []string{"", " ", "\n\n", "\t\r\n "} {
		for _, seq := range []func(func([]byte, error) bool){Values([]byte(in), nil), ReadValues(strings.NewReader(in), nil)} {
			if got, err := collect(t, seq); got != nil || err != nil {
				t.Errorf("%q: %q, %v; want nothing", in, got, err)
			}
		}
	}
	if got, err := collect(t, Values([]byte("# only a comment\n"), &Options{AllowComments: true})); got != nil || err != nil {
		t.Errorf("a comment alone: %q, %v; want nothing", got, err)
	}
}

// TestValuesErrorOnce: the values before a fault are yielded, then (nil,
// the *SyntaxError) once with the input's sentinel and offset, and the
// iteration stops.
func TestValuesErrorOnce(t *testing.T) {
	for _, tc := range []struct {
		in     string
		opts   *Options
		vals   int
		cause  error
		offset int64
	}{
		{"1 2 ]", nil, 2, ErrInvalidChar, 4},
		{"{\"a\":1}\n{\"a\":1,\"a\":2}\n{}", nil, 1, ErrDuplicateName, 15},
		{"[1]\n[1,", nil, 1, ErrUnexpectedEOF, 7},
		{"1, 2", nil, 1, ErrInvalidChar, 1},
		{"[[1]]\n[[[1]]]", &Options{MaxDepth: 2}, 1, ErrDepth, 8},
		{"\"a\"\n\"\xff\"", nil, 1, ErrInvalidUTF8, 5},
		{"1 # c\n2", nil, 1, ErrInvalidChar, 2},
	} {
		for name, seq := range map[string]func(func([]byte, error) bool){
			"Values":     Values([]byte(tc.in), tc.opts),
			"ReadValues": ReadValues(iotest.OneByteReader(strings.NewReader(tc.in)), tc.opts),
		} {
			got, err := collect(t, seq)
			var se *SyntaxError
			if len(got) != tc.vals || !errors.As(err, &se) || !errors.Is(err, tc.cause) || se.Offset != tc.offset {
				t.Errorf("%q: %s: %d values %q, %v; want %d then %v at %d", tc.in, name, len(got), got, err, tc.vals, tc.cause, tc.offset)
			}
		}
	}
}

// TestReadValuesReaderError: r's own error comes through as it is, after
// the values read before it.
func TestReadValuesReaderError(t *testing.T) {
	boom := errors.New("boom")
	r := io.MultiReader(strings.NewReader("1\n[2]\n"), iotest.ErrReader(boom))
	got, err := collect(t, ReadValues(r, nil))
	if strings.Join(got, "|") != "1|[2]" || err != boom {
		t.Errorf("%q, %v; want [1 [2]] then boom", got, err)
	}
}

// TestReadValuesTooLarge: a value longer than MaxValueLen is
// ErrValueTooLarge at its start; the ones before it are yielded.
func TestReadValuesTooLarge(t *testing.T) {
	in := "[1]\n\"" + strings.Repeat("x", 100) + "\"\n[2]"
	got, err := collect(t, ReadValues(strings.NewReader(in), &Options{MaxValueLen: 64}))
	var se *SyntaxError
	if strings.Join(got, "|") != "[1]" || !errors.As(err, &se) || !errors.Is(err, ErrValueTooLarge) || se.Offset != 4 {
		t.Errorf("%q, %v; want [1] then ErrValueTooLarge at 4", got, err)
	}
	// Values holds no copy: the same input given whole has no such limit.
	got, err = collect(t, Values([]byte(in), &Options{MaxValueLen: 64}))
	if len(got) != 3 || err != nil {
		t.Errorf("Values: %q, %v; want 3 values", got, err)
	}
}

// stopReader serves its data and then fails the test if read again.
type stopReader struct {
	t    *testing.T
	data []byte
}

func (r *stopReader) Read(p []byte) (int, error) {
	if len(r.data) == 0 {
		r.t.Error("read past the value the loop stopped at")
		return 0, io.ErrUnexpectedEOF
	}
	n := copy(p, r.data)
	r.data = r.data[n:]
	return n, nil
}

// TestReadValuesStopsWhenLoopDoes: a loop that breaks after the first
// value reads no further than that value; a whole value that ends the
// reader's data is yielded without a read past it.
func TestReadValuesStopsWhenLoopDoes(t *testing.T) {
	n := 0
	for v, err := range ReadValues(&stopReader{t: t, data: []byte(`{"a":[1,2]}`)}, nil) {
		if err != nil || string(v) != `{"a":[1,2]}` {
			t.Fatalf("%q, %v", v, err)
		}
		n++
		break
	}
	if n != 1 {
		t.Errorf("%d values, want 1", n)
	}
	for range Values([]byte("1 2 3"), nil) {
		break // Values stops too (a yield after false would panic)
	}
}

// TestValuesJSONTestSuite: every y_ file (but the duplicate-name ones) is
// one value, its bytes with the surrounding whitespace removed, from bytes
// and from a one-byte reader; every other file gives what Check gives.
func TestValuesJSONTestSuite(t *testing.T) {
	for name, b := range jtsFiles(t, "test_parsing") {
		if !jtsAccepts(name) {
			continue
		}
		want := string(bytes.Trim(b, " \t\r\n"))
		for way, seq := range map[string]func(func([]byte, error) bool){
			"Values":     Values(b, nil),
			"ReadValues": ReadValues(iotest.OneByteReader(bytes.NewReader(b)), nil),
		} {
			got, err := collect(t, seq)
			if err != nil || len(got) != 1 || got[0] != want {
				t.Errorf("%s: %s: %q, %v; want one value %q", name, way, got, err, want)
			}
		}
	}
}

// TestAllocsValues: iterating over bytes allocates only the Decoder and
// the iterator, not per value.
func TestAllocsValues(t *testing.T) {
	if testenv.Race {
		t.Skip("the race detector's instrumentation allocates")
	}
	line := []byte(`{"kid":"a","n":[1,2,3],"ok":true}` + "\n")
	few := bytes.Repeat(line, 10)
	many := bytes.Repeat(line, 1000)
	count := func(b []byte) float64 {
		return testing.AllocsPerRun(20, func() {
			for _, err := range Values(b, nil) {
				if err != nil {
					t.Fatal(err)
				}
			}
		})
	}
	if a, b := count(few), count(many); b > a {
		t.Errorf("%v allocations for 10 values, %v for 1000: some per value", a, b)
	}
}

// TestReadValuesSingleUse pins what ReadValues' doc says of a loop that
// stops early: what the Decoder read ahead is dropped, so a second range
// over the same iterator goes on from where the reader is (here its end),
// not from the next value, while Values, over bytes, starts again.
func TestReadValuesSingleUse(t *testing.T) {
	r := strings.NewReader("1\n2\n3\n")
	seq := ReadValues(r, nil)
	for range seq {
		break
	}
	if r.Len() != 0 {
		t.Fatalf("the reader has %d bytes left, want 0 (read ahead)", r.Len())
	}
	if vals, err := collect(t, seq); len(vals) != 0 || err != nil {
		t.Errorf("second range: %q, %v, want nothing", vals, err)
	}
	vs := Values([]byte("1 2"), nil)
	for range vs {
		break
	}
	if vals, err := collect(t, vs); strings.Join(vals, " ") != "1 2" || err != nil {
		t.Errorf("Values, second range: %q, %v", vals, err)
	}
}
