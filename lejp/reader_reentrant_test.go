package lejp

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
	"testing/iotest"
)

// callbackReader gives data in pieces of at most n bytes and, before each
// Read, calls call (if set): an io.Reader that calls back into the Decoder
// reading it.
type callbackReader struct {
	data string
	n    int
	call func()
}

func (r *callbackReader) Read(p []byte) (int, error) {
	if r.call != nil {
		r.call()
	}
	if r.data == "" {
		return 0, io.EOF
	}
	k := copy(p[:min(len(p), r.n)], r.data)
	r.data = r.data[k:]
	return k, nil
}

// reentrantTrace reads in with a Decoder over a callbackReader of n-byte
// pieces, by outer ("token", "value", "skip" or "finish" after one token),
// and returns what the outer calls returned. inner, if not "", is the
// Decoder method the reader calls on every Read; each of its errors must
// match ErrClosed without being a *SyntaxError.
func reentrantTrace(t *testing.T, in string, n int, outer, inner string) string {
	t.Helper()
	r := &callbackReader{data: in, n: n}
	d := NewDecoder(r, nil)
	name := fmt.Sprintf("%q in pieces of %d, %s, %s from Read", in, n, outer, inner)
	check := func(what string, err error) {
		var se *SyntaxError
		if !errors.Is(err, ErrClosed) || errors.As(err, &se) {
			t.Errorf("%s: %s from Read: %v, want an error matching ErrClosed", name, what, err)
		}
	}
	calls := 0
	if inner != "" {
		r.call = func() {
			calls++
			switch inner {
			case "ReadToken":
				tok, err := d.ReadToken()
				if tok.Kind != Invalid || tok.Value != nil {
					t.Errorf("%s: ReadToken from Read gave %v %q", name, tok.Kind, tok.Value)
				}
				check("ReadToken", err)
			case "ReadValue":
				v, err := d.ReadValue()
				if v != nil {
					t.Errorf("%s: ReadValue from Read gave %q", name, v)
				}
				check("ReadValue", err)
			case "SkipValue":
				check("SkipValue", d.SkipValue())
			case "Finish":
				check("Finish", d.Finish())
			case "Reset":
				d.Reset(strings.NewReader(`"other"`))
			case "ResetBytes":
				d.ResetBytes([]byte(`"other"`))
			case "queries":
				// Allowed: they only read the Decoder's state.
				_, _, _, _ = d.InputOffset(), d.Depth(), d.Path(), d.Pointer()
			}
		}
	}
	var b strings.Builder
	for range 64 {
		var err error
		switch outer {
		case "token":
			var tok Token
			tok, err = d.ReadToken()
			fmt.Fprintf(&b, "%v %q %d;", tok.Kind, tok.Value, tok.Offset)
		case "value":
			var v []byte
			v, err = d.ReadValue()
			fmt.Fprintf(&b, "%q;", v)
		case "skip":
			err = d.SkipValue()
		case "finish":
			var tok Token
			tok, err = d.ReadToken()
			fmt.Fprintf(&b, "%v %q %d;", tok.Kind, tok.Value, tok.Offset)
			if err == nil {
				err = d.Finish()
			}
		}
		fmt.Fprintf(&b, "%v @%d %q;", err, d.InputOffset(), d.Pointer())
		if err != nil {
			break
		}
	}
	if inner != "" && calls == 0 {
		t.Errorf("%s: the reader was never called", name)
	}
	return b.String()
}

// TestReaderCallingDecoder: an io.Reader that calls back into the Decoder
// reading it (ReadToken, ReadValue, SkipValue, Finish, Reset or ResetBytes
// from inside Read) broke the outer call: the inner call ran the scanner
// and the refill in the middle of the outer refill, so that tokens were
// lost, repeated or read from the wrong input. Now the inner call returns
// an error matching ErrClosed and does nothing (Reset and ResetBytes do
// nothing), and the outer call reads on as if it had not been made; the
// Decoder's queries (InputOffset, Depth, Path, Pointer) may be called.
func TestReaderCallingDecoder(t *testing.T) {
	inputs := []string{
		`{"a":[1,"two",{"b":null}],"c":"` + strings.Repeat("x", 40) + `"} `,
		`[true, false, 12.5e3, "\u00e9\ud83d\ude00", []]`,
		`{"a":1,"a":2}`,
		`[1,2`,
		`"abc`,
		`[1,]`,
	}
	inners := []string{"ReadToken", "ReadValue", "SkipValue", "Finish", "Reset", "ResetBytes", "queries"}
	for _, in := range inputs {
		for _, n := range []int{1, 3, 7, 1 << 20} {
			for _, outer := range []string{"token", "value", "skip", "finish"} {
				want := reentrantTrace(t, in, n, outer, "")
				for _, inner := range inners {
					if got := reentrantTrace(t, in, n, outer, inner); got != want {
						t.Errorf("%q in pieces of %d, %s, %s from Read:\n got %s\nwant %s", in, n, outer, inner, got, want)
					}
				}
			}
		}
	}
}

// TestReaderPanicThenReset: a Decoder whose io.Reader panicked (the panic
// recovered by the caller) is not left closed to its own calls: Reset
// gives it a new input, read as any other.
func TestReaderPanicThenReset(t *testing.T) {
	r := &callbackReader{data: `[1,2]`, n: 1, call: func() { panic("boom") }}
	d := NewDecoder(r, nil)
	func() {
		defer func() { _ = recover() }()
		_, _ = d.ReadToken()
	}()
	d.Reset(strings.NewReader(`[1,2]`))
	var kinds []Kind
	for {
		tok, err := d.ReadToken()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("after Reset: %v", err)
		}
		kinds = append(kinds, tok.Kind)
	}
	if len(kinds) != 4 {
		t.Errorf("after Reset: %v, want 4 tokens", kinds)
	}
}

// TestReaderReadingAnotherDecoder: the guard against a Decoder's own
// io.Reader calling it is the Decoder's alone: a Decoder whose reader
// takes its bytes from another Decoder's ReadValue (itself reading a byte
// at a time) reads every value.
func TestReaderReadingAnotherDecoder(t *testing.T) {
	const doc = `[1, {"a": "bc"}, true, null, 2.5]`
	opts := &Options{AllowMultipleValues: true}
	src := NewDecoder(iotest.OneByteReader(strings.NewReader(doc+" "+doc)), opts)
	var pend []byte
	d := NewDecoder(readerFunc(func(p []byte) (int, error) {
		if len(pend) == 0 {
			v, err := src.ReadValue()
			if err != nil {
				return 0, err
			}
			pend = append(append(pend[:0], v...), ' ')
		}
		n := copy(p, pend)
		pend = pend[n:]
		return n, nil
	}), opts)
	var got []string
	for {
		v, err := d.ReadValue()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("after %q: %v", got, err)
		}
		got = append(got, string(v))
	}
	if len(got) != 2 || got[0] != doc || got[1] != doc {
		t.Errorf("got %q, want the document twice", got)
	}
}

// readerFunc is an io.Reader made of a function.
type readerFunc func([]byte) (int, error)

func (f readerFunc) Read(p []byte) (int, error) { return f(p) }
