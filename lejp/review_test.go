package lejp

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"strings"
	"testing"
	"testing/iotest"
)

// allWaysSafe is allWays with a panic turned into an error, so that one
// bad way does not hide the others.
func allWaysSafe(in []byte, opts *Options) (errs map[string]error) {
	defer func() {
		if r := recover(); r != nil {
			errs = map[string]error{"some way": fmt.Errorf("panic: %v", r)}
		}
	}()
	return allWays(in, opts)
}

// TestHugeLimits: a limit set to the largest int is no limit in effect,
// never a limit of its own: every entry point accepts ordinary documents,
// never panics, and a Parser with the largest StringChunk delivers a
// string as one String event. (Each of MaxNumberLen, MaxNameLen and
// StringChunk once overflowed a "+ 1" and rejected "[1]" as
// ErrInvalidNumber, {"a":1} one byte at a time as ErrNameTooLong, or
// panicked in the Parser.)
func TestHugeLimits(t *testing.T) {
	long := `"` + strings.Repeat("x", 5000) + `"`
	docs := []string{`1`, `[1]`, `-12.5e3`, `{"a":"b"}`, `{"abc":[1,true,null]}`, `[` + long + `]`, `{` + long + `:1}`,
		`[123456789012345678901234567890123456789012345678901234567890]`}
	for _, o := range []*Options{
		{MaxNumberLen: math.MaxInt}, {MaxNameLen: math.MaxInt}, {StringChunk: math.MaxInt},
		{MaxDepth: math.MaxInt}, {MaxValueLen: math.MaxInt}, {MaxNameMemory: math.MaxInt},
		{MaxStringLen: math.MaxInt64},
		{MaxNumberLen: math.MaxInt - 1, MaxNameLen: math.MaxInt - 1, StringChunk: math.MaxInt - 1},
	} {
		for _, in := range docs {
			for way, err := range allWaysSafe([]byte(in), o) {
				if err != nil {
					t.Errorf("%+v: %.20s: %s: %.80v", *o, in, way, err)
				}
			}
		}
	}
	var kinds []string
	p, _ := NewParser(HandlerFunc(func(p *Parser, ev Event) error {
		kinds = append(kinds, fmt.Sprint(ev.Kind, len(ev.Value)))
		return nil
	}), &Options{StringChunk: math.MaxInt})
	func() {
		defer func() {
			if r := recover(); r != nil {
				t.Errorf("panic: %v", r)
			}
		}()
		for i := 0; i < len(long); i += 100 {
			p.Write([]byte(long[i:min(i+100, len(long))]))
		}
	}()
	if err := p.Close(); err != nil || strings.Join(kinds, " ") != "string 5000" {
		t.Errorf("StringChunk MaxInt: events %v, %v", kinds, err)
	}
}

// TestReadValueMaxValueLen: reading from an io.Reader, ReadValue accepts
// a value of MaxValueLen bytes and rejects one of MaxValueLen+1 with
// ErrValueTooLarge at the value's offset, as the documentation says,
// whatever the size of the Decoder's buffer (the limit was looked at only
// when the buffer was full, so any value of less than 16 KiB passed
// whatever the limit). Input given whole has no such limit, nor has
// SkipValue, which holds no value.
func TestReadValueMaxValueLen(t *testing.T) {
	values := func(n int) []string {
		arr := "[" + strings.Repeat("1,", (n-3)/2) + strings.Repeat("1", 1+(n-3)%2) + "]"
		obj := `{"a":"` + strings.Repeat("x", n-8) + `"}`
		str := `"` + strings.Repeat("y", n-2) + `"`
		return []string{arr, obj, str}
	}
	for _, n := range []int{10, 11, 100, 1000, 20000} {
		for _, extra := range []int{0, 1} {
			for _, v := range values(n + extra) {
				if len(v) != n+extra {
					t.Fatalf("value of %d bytes: %d", n+extra, len(v))
				}
				in := []byte(`{"v":` + v + `}`)
				for _, r := range []string{"reader", "one-byte reader", "bytes"} {
					for _, skip := range []bool{false, true} {
						opts := &Options{MaxValueLen: n}
						var d *Decoder
						switch r {
						case "reader":
							d = NewDecoder(bytes.NewReader(in), opts)
						case "one-byte reader":
							d = NewDecoder(iotest.OneByteReader(bytes.NewReader(in)), opts)
						default:
							d = NewDecoderBytes(in, opts)
						}
						d.ReadToken()
						d.ReadToken()
						var got []byte
						var err error
						if skip {
							err = d.SkipValue()
						} else {
							got, err = d.ReadValue()
						}
						var se *SyntaxError
						if extra == 0 || r == "bytes" || skip {
							// SkipValue holds no value: no limit
							// (TestSkipValueHoldsNoValue).
							if err != nil || (!skip && string(got) != v) {
								t.Errorf("%s, skip %v, limit %d, value of %d bytes: %.20q, %v", r, skip, n, len(v), got, err)
							}
						} else if !errors.Is(err, ErrValueTooLarge) || !errors.As(err, &se) || se.Offset != 5 {
							t.Errorf("%s, skip %v, limit %d, value of %d bytes: %.20q, %v, want ErrValueTooLarge at 5", r, skip, n, len(v), got, err)
						}
					}
				}
			}
		}
	}
}

// failingReader gives data one byte per Read and fails once, at Read
// number failAt (0-based), with errBoom.
type failingReader struct {
	data   []byte
	reads  int
	failAt int
}

var errBoom = errors.New("boom")

func (r *failingReader) Read(p []byte) (int, error) {
	r.reads++
	if r.reads-1 == r.failAt {
		return 0, errBoom
	}
	if len(r.data) == 0 {
		return 0, io.EOF
	}
	n := copy(p[:1], r.data)
	r.data = r.data[n:]
	return n, nil
}

// TestErrorsSticky: an error ends the input for good, as the documentation
// of the errors says: a Handler's error is returned again by Write and
// Close, Write after Close is ErrClosed, and an io.Reader's error is
// returned again by every later Decoder call until Reset. (The Decoder
// went on reading after a Read error: a ReadValue that failed in the middle
// of {"a":[1,2,3]} was followed by ReadValue calls that returned 2 and 3 as
// if they were values.)
func TestErrorsSticky(t *testing.T) {
	stop := errors.New("stop")
	n := 0
	p, _ := NewParser(HandlerFunc(func(p *Parser, ev Event) error {
		if n++; n == 2 {
			return stop
		}
		return nil
	}), nil)
	if _, err := p.Write([]byte(`[1,2,3]`)); err != stop {
		t.Errorf("Write: %v, want the Handler's error", err)
	}
	if _, err := p.Write([]byte(` `)); err != stop {
		t.Errorf("Write after the Handler's error: %v", err)
	}
	if err := p.Close(); err != stop {
		t.Errorf("Close after the Handler's error: %v", err)
	}
	p.Reset()
	if _, err := p.Write([]byte(`[1,2,3]`)); err != nil {
		t.Errorf("Write after Reset: %v", err)
	}
	if err := p.Close(); err != nil {
		t.Errorf("Close after Reset: %v", err)
	}
	if err := p.Close(); err != nil {
		t.Errorf("second Close: %v", err)
	}
	if _, err := p.Write([]byte(` `)); err != ErrClosed {
		t.Errorf("Write after Close: %v, want ErrClosed", err)
	}

	in := []byte(`{"a":[1,2,3],"b":[4]}`)
	for failAt := 0; failAt < len(in); failAt++ {
		d := NewDecoder(&failingReader{data: in, failAt: failAt}, nil)
		var err error
		for err == nil {
			_, err = d.ReadToken()
		}
		if err != errBoom {
			t.Fatalf("Read error at Read %d: %v", failAt, err)
		}
		if _, err := d.ReadToken(); err != errBoom {
			t.Errorf("Read error at Read %d: ReadToken after it: %v", failAt, err)
		}
		if v, err := d.ReadValue(); err != errBoom {
			t.Errorf("Read error at Read %d: ReadValue after it: %q, %v", failAt, v, err)
		}
		if err := d.SkipValue(); err != errBoom {
			t.Errorf("Read error at Read %d: SkipValue after it: %v", failAt, err)
		}
		if err := d.Finish(); err != errBoom {
			t.Errorf("Read error at Read %d: Finish after it: %v", failAt, err)
		}
		d.Reset(bytes.NewReader(in))
		readAll(t, d)
	}
	// ReadValue failing inside a value.
	d := NewDecoder(&failingReader{data: in, failAt: 8}, nil)
	d.ReadToken()
	d.ReadToken()
	if _, err := d.ReadValue(); err != errBoom {
		t.Fatalf("ReadValue: %v", err)
	}
	if v, err := d.ReadValue(); err != errBoom {
		t.Errorf("ReadValue after a failed ReadValue: %q, %v", v, err)
	}
}

// TestErrorPathInName: an error in a member name, or where a name is due,
// has the JSON Pointer of the object (the member has no name yet), as for
// an object's first name ({"ab at the end of input: path ""); it named the
// member before it instead, pointing at a member that is not at fault
// ({"alg":"x","k\u":1} was an error "at /alg"). A duplicate name, which is
// known, still has the duplicate's pointer.
func TestErrorPathInName(t *testing.T) {
	for _, tc := range []struct {
		opts  *Options
		in    string
		path  string
		cause error
	}{
		{nil, `{"ab`, "", ErrUnexpectedEOF},
		{nil, `{"alg":"x","k\u":1}`, "", ErrInvalidEscape},
		{nil, `{"a":1,"bb":2,"b` + "\x01" + `":1}`, "", ErrInvalidChar},
		{nil, `{"x":{"a":1,"b\ud800":1}}`, "/x", ErrInvalidUTF8},
		{nil, `[{"a":1,"b` + "\xff" + `":1}]`, "/0", ErrInvalidUTF8},
		{nil, `{"a":{"b":1,"c`, "/a", ErrUnexpectedEOF},
		{nil, `{"a":{"b":1,`, "/a", ErrUnexpectedEOF},
		{nil, `{"a":1,}`, "", ErrInvalidChar},
		{nil, `{"a":1, 5}`, "", ErrInvalidChar},
		{&Options{MaxNameLen: 2}, `{"a":1,"bcd":1}`, "", ErrNameTooLong},
		{&Options{StringChunk: 4}, `{"a":1,"` + strings.Repeat("n", 100) + `\x"}`, "", ErrInvalidEscape},
		// Known names keep their pointer.
		{nil, `{"a":1,"a":2}`, "/a", ErrDuplicateName},
		{nil, `{"a/b":1,"a\/b":2}`, "/a~1b", ErrDuplicateName},
		{&Options{MaxNameMemory: 2 * (1 + nameOverhead)}, `{"a":1,"b":2,"c":3}`, "/c", ErrTooManyNames},
		{nil, `{"a":1,"b" 2}`, "/b", ErrInvalidChar},
		{nil, `{"a":1,"b":tru}`, "/b", ErrInvalidLiteral},
	} {
		for way, err := range allWaysSafe([]byte(tc.in), tc.opts) {
			var se *SyntaxError
			if !errors.As(err, &se) || !errors.Is(err, tc.cause) || se.Path != tc.path {
				t.Errorf("%s: %s: %v, want %v with path %q", tc.in, way, err, tc.cause, tc.path)
			}
		}
	}
}

// TestIsScalarKinds: IsScalar is true for exactly String, Int, Float, True,
// False and Null, as documented; it was true for every value past Null too
// (Kind(13), which Kind.String names "kind(13)").
func TestIsScalarKinds(t *testing.T) {
	for k := Kind(0); k < 255; k++ {
		want := k == String || k == Int || k == Float || k == True || k == False || k == Null
		if k.IsScalar() != want {
			t.Errorf("%v.IsScalar() = %v", k, k.IsScalar())
		}
	}
}

// TestTruncatedScalar: input that ends inside a number or a literal (what
// is there being the start of one) is ErrUnexpectedEOF at the end of the
// input, as ErrUnexpectedEOF's documentation says ("the input ended inside
// a value") and as for a cut string; it was ErrInvalidNumber or
// ErrInvalidLiteral, so a truncated {"a":tru could not be told from a
// malformed one. A run that is no number's or literal's start stays what
// it was.
func TestTruncatedScalar(t *testing.T) {
	for _, tc := range []struct {
		opts  *Options
		in    string
		cause error
		off   int64
	}{
		{nil, `nul`, ErrUnexpectedEOF, 3},
		{nil, `t`, ErrUnexpectedEOF, 1},
		{nil, `fals`, ErrUnexpectedEOF, 4},
		{nil, `[t`, ErrUnexpectedEOF, 2},
		{nil, `{"a":tru`, ErrUnexpectedEOF, 8},
		{nil, `-`, ErrUnexpectedEOF, 1},
		{nil, `1.`, ErrUnexpectedEOF, 2},
		{nil, `1e`, ErrUnexpectedEOF, 2},
		{nil, `-0.5E+`, ErrUnexpectedEOF, 6},
		{nil, `[-`, ErrUnexpectedEOF, 2},
		{nil, `{"a":12.`, ErrUnexpectedEOF, 8},
		{nil, "[1.  ", ErrInvalidNumber, 3},
		{&Options{AllowMultipleValues: true}, `1 nu`, ErrUnexpectedEOF, 4},
		{&Options{AllowMultipleValues: true}, `1 2.`, ErrUnexpectedEOF, 4},
		{&Options{AllowComments: true}, "[1e", ErrUnexpectedEOF, 3},
		// Not the start of a number or literal: malformed, as before.
		{nil, `nux`, ErrInvalidLiteral, 2},
		{nil, `truex`, ErrInvalidLiteral, 4},
		{nil, `[tru]`, ErrInvalidLiteral, 4},
		{nil, `1.x`, ErrInvalidNumber, 2},
		{nil, `[1.]`, ErrInvalidNumber, 3},
		{nil, `01`, ErrInvalidNumber, 1},
		{nil, `-a`, ErrInvalidNumber, 1},
		{&Options{MaxNumberLen: 2}, `[1.5`, ErrNumberTooLong, 1},
	} {
		for way, err := range allWaysSafe([]byte(tc.in), tc.opts) {
			var se *SyntaxError
			if !errors.As(err, &se) || !errors.Is(err, tc.cause) || se.Offset != tc.off {
				t.Errorf("%q: %s: %v, want %v at %d", tc.in, way, err, tc.cause, tc.off)
			}
		}
	}
	// Split anywhere, the Parser says the same.
	for _, in := range []string{`{"a":[tru`, `{"a":[-1.`, `[1e+`} {
		want := pushTrace(nil, nil, false, []byte(in))
		if !strings.Contains(want, "unexpected end of input") {
			t.Errorf("%q: %s", in, want)
		}
		for k := 0; k <= len(in); k++ {
			if got := pushTrace(nil, nil, false, []byte(in[:k]), []byte(in[k:])); got != want {
				t.Errorf("%q split at %d: %s", in, k, diff(want, got))
			}
		}
	}
}

// TestSyntaxErrorZero: a SyntaxError made by a caller without a cause (a
// zero value, as in a test double) formats instead of panicking.
func TestSyntaxErrorZero(t *testing.T) {
	defer func() {
		if r := recover(); r != nil {
			t.Errorf("Error panics: %v", r)
		}
	}()
	var se SyntaxError
	if got := se.Error(); got != "lejp: syntax error at offset 0" {
		t.Errorf("zero SyntaxError: %q", got)
	}
	if errors.Unwrap(&se) != nil {
		t.Errorf("zero SyntaxError unwraps to %v", errors.Unwrap(&se))
	}
}

// TestFinishSticky: the error Finish returns when what remains is
// malformed is sticky like every other: later calls return it again (with
// several values allowed, Finish had read the next value's first token and
// left the Decoder reading on after it). Finish checks and skips the
// values after the one read, so the error here is in the last one.
func TestFinishSticky(t *testing.T) {
	for _, in := range []string{`1 2 x`, `{} [3] ]`, `"a" {"b":1} }`} {
		for _, oneByte := range []bool{false, true} {
			var d *Decoder
			opts := &Options{AllowMultipleValues: true}
			if oneByte {
				d = NewDecoder(iotest.OneByteReader(bytes.NewReader([]byte(in))), opts)
			} else {
				d = NewDecoderBytes([]byte(in), opts)
			}
			if _, err := d.ReadValue(); err != nil {
				t.Fatalf("%s: %v", in, err)
			}
			err := d.Finish()
			var se *SyntaxError
			if !errors.As(err, &se) || !errors.Is(err, ErrInvalidChar) || int(se.Offset) != strings.LastIndexByte(in, ' ')+1 {
				t.Fatalf("%s: Finish: %v", in, err)
			}
			if tok, err2 := d.ReadToken(); err2 != err {
				t.Errorf("%s (one byte %v): ReadToken after Finish's error: %v %q, %v", in, oneByte, tok.Kind, tok.Value, err2)
			}
			if err2 := d.Finish(); err2 != err {
				t.Errorf("%s (one byte %v): Finish again: %v", in, oneByte, err2)
			}
		}
	}
}

// TestReadValueCapped: the raw value ReadValue returns has no capacity
// beyond its end, so that appending to it (out = append(v, '\n')) copies
// instead of writing over the input that follows, which the Decoder has
// not read yet: it read the appended bytes as the next value, and the
// caller's input given to NewDecoderBytes changed under it.
func TestReadValueCapped(t *testing.T) {
	const doc = `[{"a":1},"s",2,{"a":3}]`
	for _, r := range []string{"bytes", "reader"} {
		in := []byte(doc)
		var d *Decoder
		if r == "bytes" {
			d = NewDecoderBytes(in, nil)
		} else {
			d = NewDecoder(bytes.NewReader(in), nil)
		}
		d.ReadToken()
		var got []string
		for {
			v, err := d.ReadValue()
			if err != nil {
				if !errors.Is(err, ErrNoValue) {
					t.Fatalf("%s: %v", r, err)
				}
				break
			}
			if cap(v) != len(v) {
				t.Errorf("%s: value %q has capacity %d", r, v, cap(v))
			}
			got = append(got, string(v))
			_ = append(v, `,{"b":9}`...)
		}
		if s := strings.Join(got, " "); s != `{"a":1} "s" 2 {"a":3}` {
			t.Errorf("%s: values %s", r, s)
		}
		if string(in) != doc {
			t.Errorf("%s: input changed to %s", r, in)
		}
	}
}

// TestValuesCapped: a Token's or Event's Value has no capacity beyond its
// end, so that appending to it (a path built as append(name, '.')) copies
// instead of writing over the input after it: over a Name, the ':' still
// to be read, which the Decoder and the Parser then misread.
func TestValuesCapped(t *testing.T) {
	const doc = `{"alg":"ES256","n":[12,-3.5e2,"x\ny",true],"k":{"a":"b"}}`
	var want []string
	for _, mode := range []string{"want", "bytes", "reader", "parser", "parser one byte"} {
		in := []byte(doc)
		var got []string
		note := func(k Kind, v []byte) {
			got = append(got, k.String()+" "+string(v))
			if cap(v) != len(v) {
				t.Errorf("%s: %v %q has capacity %d", mode, k, v, cap(v))
			}
			_ = append(v, "}}}}}}}}"...)
		}
		var err error
		switch mode {
		case "want", "bytes", "reader":
			var d *Decoder
			if mode == "reader" {
				d = NewDecoder(bytes.NewReader(in), nil)
			} else {
				d = NewDecoderBytes(in, nil)
			}
			for {
				var tok Token
				if tok, err = d.ReadToken(); err != nil {
					break
				}
				if mode == "want" {
					got = append(got, tok.Kind.String()+" "+string(tok.Value))
					continue
				}
				note(tok.Kind, tok.Value)
			}
			if err == io.EOF {
				err = nil
			}
		default:
			p, _ := NewParser(HandlerFunc(func(p *Parser, ev Event) error {
				note(ev.Kind, ev.Value)
				return nil
			}), nil)
			chunk := len(in)
			if mode == "parser one byte" {
				chunk = 1
			}
			for i := 0; i < len(in) && err == nil; i += chunk {
				_, err = p.Write(in[i:min(i+chunk, len(in))])
			}
			if err == nil {
				err = p.Close()
			}
		}
		if err != nil {
			t.Errorf("%s: %v", mode, err)
		}
		if mode == "want" {
			want = got
		} else if strings.Join(got, "|") != strings.Join(want, "|") {
			t.Errorf("%s: tokens\n%s\nwant\n%s", mode, strings.Join(got, "|"), strings.Join(want, "|"))
		}
		if string(in) != doc {
			t.Errorf("%s: input changed to %s", mode, in)
		}
	}
}

// TestStringChunkCapped: appending to a StringChunk's value does not
// change the rest of the string, which the Parser holds right after the
// piece in its own buffer (it did: the joined pieces came out altered).
func TestStringChunkCapped(t *testing.T) {
	s := strings.Repeat("abcdefghij", 10) + `\u00e9` + strings.Repeat("KLMNOPQRST", 10)
	in := []byte(`["` + s + `"]`)
	for _, chunk := range []int{1, 3, len(in)} {
		var joined []byte
		p, _ := NewParser(HandlerFunc(func(p *Parser, ev Event) error {
			if ev.Kind == StringChunk || ev.Kind == String {
				joined = append(joined, ev.Value...)
				_ = append(ev.Value, "@@@@@@@@@@@@@@@@"...)
			}
			return nil
		}), &Options{StringChunk: 8})
		for i := 0; i < len(in); i += chunk {
			if _, err := p.Write(in[i:min(i+chunk, len(in))]); err != nil {
				t.Fatal(err)
			}
		}
		if err := p.Close(); err != nil {
			t.Fatal(err)
		}
		want := strings.Replace(s, `\u00e9`, "é", 1)
		if string(joined) != want {
			t.Errorf("Write of %d: pieces join to %q", chunk, joined)
		}
	}
}

// TestPointerAfterError: after a Write that ends in an error (the
// Handler's, or a syntax error), the Parser no longer points into the
// written bytes, as after any other Write: the caller may reuse its buffer
// and still ask Path and Pointer where the last event was. (The member
// names the fast path had borrowed from the buffer were left there, so the
// path read the caller's new bytes.)
func TestPointerAfterError(t *testing.T) {
	stop := errors.New("stop")
	doc := `{"aaaaaaaaaaaaaaaaaaaaaaaa":{"bbbbbbbbbbbbbbbbbbbbbb":{"cccccccccccccccccc":[1,2,3,{"dddddddddddddddddddddddd":5,"eeeeeeeeeeeeeeeeeeeeeeee":6}]}}}`
	dup := strings.Replace(doc, "eeeeeeeeeeeeeeeeeeeeeeee", "dddddddddddddddddddddddd", 1)
	for _, opts := range []*Options{nil, {AllowDuplicateNames: true}} {
		for _, in := range []string{doc, dup} {
			for at := 1; at < 20; at++ {
				var inside, insidePath string
				n := 0
				p, _ := NewParser(HandlerFunc(func(p *Parser, ev Event) error {
					inside, insidePath = p.Pointer(), p.Path()
					if n++; n == at {
						return stop
					}
					return nil
				}), opts)
				buf := []byte(in)
				_, err := p.Write(buf)
				if err == nil {
					continue
				}
				for i := range buf {
					buf[i] = 'Z'
				}
				if after, afterPath := p.Pointer(), p.Path(); after != inside || afterPath != insidePath {
					t.Errorf("%+v, error %v at event %d: Pointer %q Path %q after Write, %q %q in the Handler", opts, err, at, after, afterPath, inside, insidePath)
				}
			}
		}
	}
}
