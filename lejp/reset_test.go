package lejp

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"testing/iotest"
)

// TestResetLeaksNothing: a Parser or Decoder reset after an input that
// stopped anywhere (inside a string, a name, a literal, a number, a
// comment, after an error, between values) reads the next document exactly
// as a new one does: the same events with their paths, patterns and
// wildcards, the same tokens and pointers. (It passes on the base: it
// guards the state Reset must clear, patterns kept.)
func TestResetLeaksNothing(t *testing.T) {
	pats := []string{"a.*", "[]", "x[].y", "*"}
	doc2 := `{"a":{"b":[1,"` + strings.Repeat("z", 40) + `"]},"x":[{"y":2}],"q":"\u00e9"}`
	firsts := []string{`{"a":{"b":"xxxxxxxxxxxxxxxxxxxxxxxxxxxxx`, `[[[{"x":[`, `{"a":1,"a":`, `{"a":{"b":tr`, `["\ud800`, `{"` + strings.Repeat("n", 30), `1 2`, `{"a":1 #`, `[-12`}
	for _, o := range []*Options{nil, {AllowDuplicateNames: true, StringChunk: 8}, {AllowComments: true, AllowInvalidUTF8: true}} {
		fresh := traceAs(false, o, pats, 0, []byte(doc2))
		for _, f := range firsts {
			for _, step := range []int{1, 5, 1000} {
				tr := &fullTracer{}
				p, _ := NewParser(tr, o, pats...)
				for i := 0; i < len(f); i += step {
					p.Write([]byte(f[i:min(i+step, len(f))]))
				}
				p.Reset()
				tr.b.Reset()
				p.Write([]byte(doc2))
				fmt.Fprintf(&tr.b, "close: %v %d\n", p.Close(), p.InputOffset())
				if tr.b.String() != fresh {
					t.Errorf("after %q step %d: %s", f, step, diff(fresh, tr.b.String()))
				}
			}
			// The Decoder, after a few tokens and a ReadValue of the first input.
			var want []string
			d := NewDecoderBytes([]byte(doc2), o)
			for {
				tok, err := d.ReadToken()
				want = append(want, fmt.Sprintf("%v %q %d %s %v", tok.Kind, tok.Value, tok.Offset, d.Pointer(), err))
				if err != nil {
					break
				}
			}
			for _, rd := range []bool{false, true} {
				var d *Decoder
				if rd {
					d = NewDecoder(iotest.OneByteReader(strings.NewReader(f)), o)
				} else {
					d = NewDecoderBytes([]byte(f), o)
				}
				for range 5 {
					d.ReadToken()
				}
				d.ReadValue()
				if rd {
					d.Reset(bytes.NewReader([]byte(doc2)))
				} else {
					d.ResetBytes([]byte(doc2))
				}
				var got []string
				for {
					tok, err := d.ReadToken()
					got = append(got, fmt.Sprintf("%v %q %d %s %v", tok.Kind, tok.Value, tok.Offset, d.Pointer(), err))
					if err != nil {
						break
					}
				}
				if strings.Join(got, "\n") != strings.Join(want, "\n") {
					t.Errorf("decoder after %q: %s", f, diff(strings.Join(want, "\n"), strings.Join(got, "\n")))
				}
			}
		}
	}
}

// TestZeroDecoder: a zero Decoder set up by Reset or ResetBytes reads with
// the default options, as one from NewDecoder(r, nil) does (and as lecp's
// zero Decoder does). On the base its limits were all zero: the first
// '{' was ErrDepth, and every string was too long.
func TestZeroDecoder(t *testing.T) {
	doc := `{"a":[1,"xyz",{"b":null}],"c":"` + strings.Repeat("é", 100) + `"}`
	var want []string
	d := NewDecoderBytes([]byte(doc), nil)
	for {
		tok, err := d.ReadToken()
		want = append(want, fmt.Sprintf("%v %q %d %v", tok.Kind, tok.Value, tok.Offset, err))
		if err != nil {
			break
		}
	}
	for _, reader := range []bool{false, true} {
		var z Decoder
		if reader {
			z.Reset(strings.NewReader(doc))
		} else {
			z.ResetBytes([]byte(doc))
		}
		var got []string
		for {
			tok, err := z.ReadToken()
			got = append(got, fmt.Sprintf("%v %q %d %v", tok.Kind, tok.Value, tok.Offset, err))
			if err != nil {
				break
			}
		}
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("zero Decoder (reader %v):\n%s", reader, diff(strings.Join(want, "\n"), strings.Join(got, "\n")))
		}
	}
}
