package lejp

import (
	"io"
	"strings"
	"testing"
)

// TestStringReaderReaderPanicThenResetReadsWholeStrings: an io.Reader that
// panics while StringReader starts a long string (the panic recovered by
// the caller) leaves the Decoder, once Reset, reading as any other:
// ReadToken returns a long string whole, not in StringChunk pieces (the
// stream mode StringReader sets for the string it starts is not kept).
func TestStringReaderReaderPanicThenResetReadsWholeStrings(t *testing.T) {
	in := `["` + strings.Repeat("x", 2*DefaultStringChunk) + `"]`
	reads := 0
	r := &callbackReader{data: in, n: 1, call: func() {
		if reads++; reads == 4 { // inside the string: after '[', '"', 'x'
			panic("boom")
		}
	}}
	d := NewDecoder(r, nil)
	if tok, err := d.ReadToken(); err != nil || tok.Kind != ArrayStart {
		t.Fatal(tok, err)
	}
	func() {
		defer func() { _ = recover() }()
		_, _, _ = d.StringReader()
		t.Fatal("the reader did not panic")
	}()
	for name, reset := range map[string]func(){
		"Reset":      func() { d.Reset(strings.NewReader(in)) },
		"ResetBytes": func() { d.ResetBytes([]byte(in)) },
	} {
		reset()
		var kinds []Kind
		for {
			tok, err := d.ReadToken()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatalf("after %s: %v", name, err)
			}
			kinds = append(kinds, tok.Kind)
			if tok.Kind == String && len(tok.Value) != 2*DefaultStringChunk {
				t.Fatalf("after %s: a string of %d bytes", name, len(tok.Value))
			}
		}
		if len(kinds) != 3 || kinds[1] != String {
			t.Errorf("after %s: %v, want [array-start string array-end]", name, kinds)
		}
	}
}

// TestReaderPanicInSkipValueOrFinishThenResetDecodes: an io.Reader that
// panics while SkipValue or Finish reads (which check strings without
// decoding them) leaves the Decoder, once Reset, decoding strings again:
// ReadToken returns "a\nb" with a line feed, not the escape as written.
func TestReaderPanicInSkipValueOrFinishThenResetDecodes(t *testing.T) {
	in := `[["a\nb"],"c\nd"]`
	for _, call := range []string{"SkipValue", "Finish"} {
		for _, reset := range []string{"Reset", "ResetBytes"} {
			reads := 0
			r := &callbackReader{data: in, n: 1, call: func() {
				if reads++; reads == 4 { // inside the inner array
					panic("boom")
				}
			}}
			d := NewDecoder(r, nil)
			if _, err := d.ReadToken(); err != nil {
				t.Fatal(err)
			}
			func() {
				defer func() { _ = recover() }()
				if call == "SkipValue" {
					_ = d.SkipValue()
				} else {
					_ = d.Finish()
				}
				t.Fatal("the reader did not panic")
			}()
			if reset == "Reset" {
				d.Reset(strings.NewReader(in))
			} else {
				d.ResetBytes([]byte(in))
			}
			var got []string
			for {
				tok, err := d.ReadToken()
				if err == io.EOF {
					break
				}
				if err != nil {
					t.Fatalf("%s, %s: %v", call, reset, err)
				}
				if tok.Kind == String {
					got = append(got, string(tok.Value))
				}
			}
			if len(got) != 2 || got[0] != "a\nb" || got[1] != "c\nd" {
				t.Errorf("panic in %s, then %s: strings %q, want [\"a\\nb\" \"c\\nd\"]", call, reset, got)
			}
		}
	}
}
