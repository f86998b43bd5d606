package lejp

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/lwscrypto/lwscrypto/internal/testenv"
)

// TestCaptureFromEachEvent calls Capture from one event at a time, of each
// kind, whole and split everywhere: a start event, a scalar, a member's
// Name (which captures the member's value) and the first piece of a long
// string start a value; an end event, a later piece and the String ending
// a string in pieces do not (false, no Raw). A second Capture in the same
// event, and Capture outside a Handler call, return false.
func TestCaptureFromEachEvent(t *testing.T) {
	defer func(m int, no bool) { fastRunMin, noFastRun = m, no }(fastRunMin, noFastRun)
	in := []byte(`{"a": [1, "s", {"b": null}], "c": "0123456789", "d": true}`)
	want := []string{
		`object-start true {"a": [1, "s", {"b": null}], "c": "0123456789", "d": true}`,
		`name true [1, "s", {"b": null}]`,
		`array-start true [1, "s", {"b": null}]`,
		`int true 1`,
		`string true "s"`,
		`object-start true {"b": null}`,
		`name true null`,
		`null true null`,
		`object-end false`,
		`array-end false`,
		`name true "0123456789"`,
		`string-chunk true "0123456789"`,
		`string-chunk false`,
		`string false`,
		`name true true`,
		`true true true`,
		`object-end false`,
	}
	opts := &Options{StringChunk: 4}
	for _, fast := range []bool{true, false} {
		fastRunMin, noFastRun = 1, !fast
		for _, chunks := range everySplit(in) {
			for at := range want {
				var got []string
				n := 0
				p, _ := NewParser(HandlerFunc(func(p *Parser, ev Event) error {
					if ev.Kind == Raw {
						got[len(got)-1] += " " + string(ev.Value)
						return nil
					}
					if n == at {
						ok := p.Capture()
						if p.Capture() {
							t.Errorf("event %d: a second Capture returned true", at)
						}
						got = append(got, fmt.Sprintf("%s %v", ev.Kind, ok))
					}
					n++
					return nil
				}), opts)
				for _, c := range chunks {
					if _, err := p.Write(c); err != nil {
						t.Fatal(err)
					}
				}
				if err := p.Close(); err != nil {
					t.Fatal(err)
				}
				if len(got) != 1 || got[0] != want[at] {
					t.Fatalf("fast %v, %d chunks, Capture at event %d: %q, want %q", fast, len(chunks), at, got, want[at])
				}
				if p.Capture() {
					t.Fatal("Capture outside a Handler call returned true")
				}
			}
		}
	}
}

// TestCapturePatternAndPath: the Raw event has the pattern index, path and
// depth of the captured value, as its last event has them.
func TestCapturePatternAndPath(t *testing.T) {
	in := []byte(`{"keys":[{"kty":"EC","kid":"a"},{"kty":"OKP","kid":"b"}],"protected":"eyJ"}`)
	for _, chunks := range [][][]byte{{in}, bytesSplit(in, 1), bytesSplit(in, 5)} {
		var got []string
		p, _ := NewParser(HandlerFunc(func(p *Parser, ev Event) error {
			if ev.Kind == Raw {
				got = append(got, fmt.Sprintf("#%d %s %s %d %d %s", ev.Pattern, p.Path(), p.Pointer(), p.Depth(), ev.Offset, ev.Value))
				return nil
			}
			if ev.Pattern >= 0 {
				p.Capture() // the Name of protected captures its value
			}
			return nil
		}), nil, "keys[]", "protected")
		for _, c := range chunks {
			if _, err := p.Write(c); err != nil {
				t.Fatal(err)
			}
		}
		if err := p.Close(); err != nil {
			t.Fatal(err)
		}
		want := `#0 keys[] /keys/0 2 9 {"kty":"EC","kid":"a"}|#0 keys[] /keys/1 2 32 {"kty":"OKP","kid":"b"}|#1 protected /protected 1 69 "eyJ"`
		if g := strings.Join(got, "|"); g != want {
			t.Fatalf("%d chunks:\n got %s\nwant %s", len(chunks), g, want)
		}
	}
}

// capLimitRun parses in (as chunks) capturing from the event numbered at,
// with MaxValueLen max, and returns the events the Handler got (Raw
// among them) and the error, checking after every Write that the Parser
// holds no more than max bytes for the capture.
func capLimitRun(t *testing.T, opts Options, at int, chunks [][]byte) string {
	t.Helper()
	var b strings.Builder
	n := 0
	p, _ := NewParser(HandlerFunc(func(p *Parser, ev Event) error {
		fmt.Fprintf(&b, "%d %s %q\n", ev.Offset, ev.Kind, ev.Value)
		if n == at && !p.Capture() {
			t.Fatalf("Capture at event %d returned false", at)
		}
		n++
		return nil
	}), &opts)
	var err error
	for _, c := range chunks {
		if _, err = p.Write(c); err != nil {
			break
		}
		if len(p.capt.buf) > opts.MaxValueLen || len(p.capt.pre) > opts.MaxValueLen {
			t.Fatalf("holding %d and %d bytes, MaxValueLen %d", len(p.capt.buf), len(p.capt.pre), opts.MaxValueLen)
		}
	}
	if err == nil {
		err = p.Close()
	}
	if err != nil {
		b.WriteString(errLine(err))
		if !errors.Is(err, ErrValueTooLarge) {
			t.Fatalf("error %v does not match ErrValueTooLarge", err)
		}
		if _, err := p.Write([]byte(" ")); !errors.Is(err, ErrValueTooLarge) {
			t.Fatalf("after ErrValueTooLarge, Write returned %v", err)
		}
	}
	return b.String()
}

// TestCaptureMaxValueLen: a captured value of exactly MaxValueLen bytes
// comes as a Raw event; one byte longer is ErrValueTooLarge at the value's
// start with its pointer, before the Handler gets the first event that
// ends past the limit (or when it returns from the event Capture was
// called from, when that one does), the same for every split, the Parser
// holding no more than MaxValueLen bytes meanwhile.
func TestCaptureMaxValueLen(t *testing.T) {
	long := strings.Repeat("x", 30)
	esc := strings.Repeat(`\u0041`, 6) // 36 bytes that decode to 6
	cases := []struct {
		in     string
		at     int    // the event Capture is called from
		size   int    // the captured value's length
		last   string // the last event before the error (for MaxValueLen size-1)
		offset int64
		path   string
	}{
		// a container captured from its start, spaces inside it
		{`{"k": [1,        2]}`, 2, 13, `17 int "2"`, 6, "/k"},
		// captured from the member's name: the value's first event is past it
		{`{"k": 123456}`, 1, 6, `1 name "k"`, 6, "/k"},
		// a scalar whose own event is past it: refused when the Handler returns
		{`[123456789]`, 1, 9, `1 int "123456789"`, 1, "/0"},
		// a long string in 4-byte pieces, captured from the first
		{`[1, "` + long + `"]`, 2, 32, `4 string-chunk "xxxx"`, 4, "/1"},
		// escapes: the pieces count as their decoded length, and the
		// String ending the string as its whole
		{`{"e": "` + esc + `"}`, 2, 38, `6 string-chunk "AAAA"`, 6, "/e"},
		// nested: the value's path, not that of the event past the limit
		{`{"a": {"b": [true, {"c": null}]}}`, 2, 26, `30 array-end ""`, 6, "/a"},
	}
	for _, tc := range cases {
		in := []byte(tc.in)
		for _, max := range []int{tc.size, tc.size - 1} {
			opts := Options{MaxValueLen: max, StringChunk: 4}
			whole := capLimitRun(t, opts, tc.at, [][]byte{in})
			for _, chunks := range everySplit(in) {
				if got := capLimitRun(t, opts, tc.at, chunks); got != whole {
					t.Fatalf("%s MaxValueLen %d, %d chunks:\n%s", tc.in, max, len(chunks), diff(whole, got))
				}
			}
			lines := strings.Split(strings.TrimSuffix(whole, "\n"), "\n")
			last := lines[len(lines)-1]
			if max == tc.size {
				if strings.Contains(whole, "error") || !strings.Contains(whole, fmt.Sprintf("%d raw %q", tc.offset, in[tc.offset:tc.offset+int64(tc.size)])) {
					t.Errorf("%s MaxValueLen %d (the value's length): want its Raw event:\n%s", tc.in, max, whole)
				}
				continue
			}
			if want := fmt.Sprintf("error %d %s %v", tc.offset, tc.path, ErrValueTooLarge); last != want {
				t.Errorf("%s MaxValueLen %d: error %q, want %q", tc.in, max, last, want)
			}
			if prev := lines[len(lines)-2]; prev != tc.last {
				t.Errorf("%s MaxValueLen %d: last event %q, want %q", tc.in, max, prev, tc.last)
			}
		}
	}
}

// TestCaptureReset: Reset drops a running capture, from the Handler (when
// the Write returns, as Reset from a Handler does) and between Writes; the
// next input is read afresh, and Capture works on it.
func TestCaptureReset(t *testing.T) {
	var got []string
	resetAt := -1
	p, _ := NewParser(HandlerFunc(func(p *Parser, ev Event) error {
		got = append(got, fmt.Sprintf("%d %s %q", ev.Offset, ev.Kind, ev.Value))
		if ev.Kind == ArrayStart && p.Depth() == 1 || ev.Kind == String {
			p.Capture()
		}
		if ev.Offset == int64(resetAt) && ev.Kind != Raw {
			p.Reset()
		}
		return nil
	}), nil)
	write := func(s string) {
		if _, err := p.Write([]byte(s)); err != nil {
			t.Fatalf("%q: %v", s, err)
		}
	}
	// Between Writes.
	write(`[[1, `)
	p.Reset()
	write(`"ab`)
	write(`c"`)
	if err := p.Close(); err != nil {
		t.Fatal(err)
	}
	p.Reset()
	// From the Handler, in a Write that ends inside the captured value.
	resetAt = 2
	write(`[[1, `)
	resetAt = -1
	if p.capt.on {
		t.Fatal("a capture is left after the Write in which the Handler called Reset")
	}
	write(`"ab`)
	write(`c"`)
	if err := p.Close(); err != nil {
		t.Fatal(err)
	}
	want := []string{`0 array-start ""`, `1 array-start ""`, `2 int "1"`, `0 string "abc"`, `0 raw "\"abc\""`,
		`0 array-start ""`, `1 array-start ""`, `2 int "1"`, `0 string "abc"`, `0 raw "\"abc\""`}
	if g, w := strings.Join(got, "\n"), strings.Join(want, "\n"); g != w {
		t.Fatalf("events:\n%s", diff(w, g))
	}
	if len(p.capt.buf) != 0 || p.capt.on {
		t.Fatal("a capture is left after Reset")
	}
}

// TestCaptureClose: Close ends a capture: with the Raw event of a value
// that the end of the input completes (a number, which a Write cannot
// end), or with the input's own ErrUnexpectedEOF and no Raw event.
func TestCaptureClose(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{`12`, "0 int \"12\"|0 raw \"12\"|"},
		{`  -1.5e3`, "2 float \"-1.5e3\"|2 raw \"-1.5e3\"|"},
		{`[[1, 2`, "0 array-start \"\"|1 array-start \"\"|2 int \"1\"|5 int \"2\"|error 6 /0/1 " + ErrUnexpectedEOF.Error()},
		{`{"a": "xy`, "0 object-start \"\"|1 name \"a\"|error 9 /a " + ErrUnexpectedEOF.Error()},
	} {
		for _, chunks := range everySplit([]byte(tc.in)) {
			var b strings.Builder
			p, _ := NewParser(HandlerFunc(func(p *Parser, ev Event) error {
				fmt.Fprintf(&b, "%d %s %q|", ev.Offset, ev.Kind, ev.Value)
				if ev.Kind != ObjectStart {
					p.Capture()
				}
				return nil
			}), nil)
			for _, c := range chunks {
				if _, err := p.Write(c); err != nil {
					t.Fatal(err)
				}
			}
			if err := p.Close(); err != nil {
				b.WriteString(strings.TrimSuffix(errLine(err), "\n"))
			}
			if b.String() != tc.want {
				t.Fatalf("%q, %d chunks:\n got %s\nwant %s", tc.in, len(chunks), b.String(), tc.want)
			}
		}
	}
}

// TestCaptureInputErrors: in every n_ file of JSONTestSuite, whole and a
// byte at a time, capturing every value at every depth up to 3 leaves the
// events and the error those of a Parser that captures nothing: an error
// inside a captured value is the input's own.
func TestCaptureInputErrors(t *testing.T) {
	files := jtsFiles(t, "test_parsing")
	n := 0
	for name, in := range files {
		if !strings.HasPrefix(name, "n_") || len(in) > 1000 {
			continue
		}
		n++
		plain := pushTrace(nil, nil, false, in)
		for depth := -1; depth <= 3; depth++ {
			for _, chunks := range [][][]byte{{in}, bytesSplit(in, 1)} {
				got, _, errs := capRun(nil, depth, false, false, in, chunks...)
				if got != plain {
					t.Fatalf("%s depth %d, %d chunks:\n%s", name, depth, len(chunks), diff(plain, got))
				}
				if len(errs) > 0 {
					t.Fatalf("%s depth %d: %s", name, depth, errs[0])
				}
			}
		}
	}
	if n < 150 {
		t.Errorf("%d n_ files", n)
	}
}

// TestCaptureNoCopy: with no capture running, the Parser copies nothing
// of its input for Capture, however it is split, but the bytes of a string
// value with an escape that a Write ends inside before its first event,
// and no more than about six string pieces of it.
func TestCaptureNoCopy(t *testing.T) {
	plainDoc := bytes.ReplaceAll(allocDoc, []byte(`\u00e9\n`), []byte("\u00e9x"))
	p, _ := NewParser(HandlerFunc(func(*Parser, Event) error { return nil }), nil)
	for _, doc := range [][]byte{plainDoc, allocDoc} {
		for _, chunks := range [][][]byte{{doc}, bytesSplit(doc, 4096), bytesSplit(doc, 7)} {
			p.Reset()
			for _, c := range chunks {
				pre, preOff := len(p.capt.pre), p.capt.preOff
				if _, err := p.Write(c); err != nil {
					t.Fatal(err)
				}
				changed := len(p.capt.pre) != pre || p.capt.preOff != preOff
				if changed && len(p.capt.pre) > 0 && !(p.s.inStr && p.capt.preOff == p.s.str.off+1 &&
					bytes.IndexByte(p.capt.pre, '\\') >= 0) {
					t.Fatalf("kept %q", p.capt.pre)
				}
				if len(p.capt.pre) > 6*DefaultStringChunk+12 {
					t.Fatalf("keeping %d bytes of a string", len(p.capt.pre))
				}
			}
			if err := p.Close(); err != nil {
				t.Fatal(err)
			}
			if cap(p.capt.buf) != 0 || bytes.Equal(doc, plainDoc) && cap(p.capt.pre) != 0 {
				t.Fatalf("%d chunks: capture buffers of %d and %d bytes", len(chunks), cap(p.capt.buf), cap(p.capt.pre))
			}
		}
	}
}

// TestAllocsCapture: a Parser that captures every key of a JWK Set and a
// 24 KB string, as they arrive in small Writes (the captures span them)
// and whole, allocates nothing per document once its buffers have grown.
func TestAllocsCapture(t *testing.T) {
	if testenv.Race {
		t.Skip("allocation counts are not exact under -race")
	}
	raws := 0
	p, _ := NewParser(HandlerFunc(func(p *Parser, ev Event) error {
		switch {
		case ev.Kind == Raw:
			raws++
		case ev.Pattern >= 0:
			p.Capture() // a key, or the Name of "long": its value
		}
		return nil
	}), nil, "keys[]", "long")
	for _, chunk := range []int{len(allocDoc), 4096, 7} {
		doc := func() {
			p.Reset()
			for c := allocDoc; len(c) > 0; {
				n := min(chunk, len(c))
				if _, err := p.Write(c[:n]); err != nil {
					t.Fatal(err)
				}
				c = c[n:]
			}
			if err := p.Close(); err != nil {
				t.Fatal(err)
			}
		}
		raws = 0
		doc()
		if raws != 21 {
			t.Fatalf("%d Raw events, want 21", raws)
		}
		if a := testing.AllocsPerRun(5, doc); a != 0 {
			t.Errorf("%d-byte Writes: %v allocations per document, want 0", chunk, a)
		}
	}
}
