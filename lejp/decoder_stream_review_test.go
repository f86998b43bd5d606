package lejp

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
	"testing/iotest"
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
		// Inside the string, after '[' and '"': StringReader reads
		// until it holds content ('x'), which it returns without
		// reading on.
		if reads++; reads == 3 {
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

// TestStringReaderEndedByFastReadToken: a short string whose reader was
// not read (its whole content held by the reader) is still ended by the
// next ReadToken over a whole input, where ReadToken would otherwise take
// its fast path: the token after it is right, the reader is then stale
// (ErrNoValue, not the string again) and Finish does not count the string
// as unread.
func TestStringReaderEndedByFastReadToken(t *testing.T) {
	for _, in := range []string{`["ab",1]`, `{"a":"b","c":1}`} {
		d := NewDecoderBytes([]byte(in), nil)
		if _, err := d.ReadToken(); err != nil {
			t.Fatal(err)
		}
		if in[0] == '{' {
			d.ReadToken()
		}
		_, r, err := d.StringReader()
		if err != nil {
			t.Fatal(err)
		}
		if in[0] == '{' {
			d.ReadToken() // "c"
		}
		if tok, err := d.ReadToken(); err != nil || tok.Kind != Int {
			t.Fatalf("%s: ReadToken after an unread short string: %v %v", in, tok, err)
		}
		if n, err := r.Read(make([]byte, 8)); n != 0 || !errors.Is(err, ErrNoValue) {
			t.Fatalf("%s: Read once the Decoder moved on: %d %v", in, n, err)
		}
		d.ReadToken()
		if err := d.Finish(); err != nil {
			t.Fatalf("%s: Finish: %v", in, err)
		}
	}
}

// TestStringReaderFastPathBack: ReadToken's fast path, off while a reader
// from StringReader is active, is on again as soon as the reader returns
// io.EOF and after the next call ends a part-read string: the Decoder does
// not stay on the machine's slower path for the rest of the input.
func TestStringReaderFastPathBack(t *testing.T) {
	if noFastPull {
		t.Skip("the fast path is off in this build")
	}
	in := []byte(`["abcdefghijklmnop",1,"abcdefghijklmnop",2,"q",3]`)
	for _, over := range []string{"bytes", "reader"} {
		d := NewDecoderBytes(in, &Options{StringChunk: 4})
		if over == "reader" {
			d = NewDecoder(&nReader{b: in, n: 5}, &Options{StringChunk: 4})
		}
		d.ReadToken()
		// Read to io.EOF.
		_, r, err := d.StringReader()
		if err != nil {
			t.Fatal(err)
		}
		if d.fast {
			t.Fatalf("%s: fast path on while a reader is active", over)
		}
		if b, err := io.ReadAll(r); err != nil || string(b) != "abcdefghijklmnop" {
			t.Fatalf("%s: %q %v", over, b, err)
		}
		if !d.fast {
			t.Errorf("%s: fast path off after the reader's io.EOF", over)
		}
		d.ReadToken()
		// Part-read, ended by ReadToken.
		if _, r, err = d.StringReader(); err != nil {
			t.Fatal(err)
		}
		r.Read(make([]byte, 2))
		if tok, err := d.ReadToken(); err != nil || tok.Kind != Int {
			t.Fatalf("%s: %v %v", over, tok, err)
		}
		if !d.fast {
			t.Errorf("%s: fast path off after ReadToken ended a part-read string", over)
		}
		// Not read at all, ended by More.
		if _, _, err = d.StringReader(); err != nil {
			t.Fatal(err)
		}
		d.More()
		if !d.fast {
			t.Errorf("%s: fast path off after More ended a string", over)
		}
	}
}

// TestStringReaderAfterTopLevelValue: without AllowMultipleValues,
// StringReader after the top-level value returns ReadToken's error,
// ErrTrailingData at the byte after it, whatever that byte starts (not
// ErrNoValue's "not a string" for a number or an object: the input is
// malformed, not the caller's reading out of step).
func TestStringReaderAfterTopLevelValue(t *testing.T) {
	for _, in := range []string{`"a" 1`, `"a" "b"`, `"a" {}`, `"a" ]`, `"a" true`} {
		d := NewDecoderBytes([]byte(in), nil)
		if _, err := d.ReadToken(); err != nil {
			t.Fatal(err)
		}
		_, _, err := d.StringReader()
		var se *SyntaxError
		if !errors.As(err, &se) || se.Err != ErrTrailingData || se.Offset != 4 {
			t.Errorf("%s: StringReader after the value: %v, want ErrTrailingData at 4", in, err)
		}
		if _, err2 := d.ReadToken(); err2 != err {
			t.Errorf("%s: not sticky: %v then %v", in, err, err2)
		}
	}
}

// TestStringReaderFinishAfterWholePiece: a reader that has delivered
// exactly its first piece (the rest of the string not yet decoded, nothing
// held) has not delivered the string: Finish says ErrUnread at it.
func TestStringReaderFinishAfterWholePiece(t *testing.T) {
	d := NewDecoderBytes([]byte(`"abcdefgh"`), &Options{StringChunk: 4})
	_, r, err := d.StringReader()
	if err != nil {
		t.Fatal(err)
	}
	var p [4]byte
	if n, err := r.Read(p[:]); n != 4 || err != nil {
		t.Fatalf("Read: %d %v", n, err)
	}
	var se *SyntaxError
	if err := d.Finish(); !errors.As(err, &se) || se.Err != ErrUnread || se.Offset != 0 {
		t.Fatalf("Finish after the first piece: %v, want ErrUnread at 0", err)
	}
}

// TestStringReaderHeldErrorFirst: with an error held where a value that
// is not a string comes next (nesting too deep at '[', a number too long,
// a duplicate name before ':' and a number), StringReader returns that
// error, not ErrNoValue for the value, and More returns false.
func TestStringReaderHeldErrorFirst(t *testing.T) {
	for _, tc := range []struct {
		in   string
		opts *Options
		want error
	}{
		{`[[1]]`, &Options{MaxDepth: 1}, ErrDepth},
		{`[123456,1]`, &Options{MaxNumberLen: 2}, ErrNumberTooLong},
		{`{"a":1,"a":2}`, nil, ErrDuplicateName},
	} {
		d := NewDecoderBytes([]byte(tc.in), tc.opts)
		var err error
		for err == nil {
			_, err = d.ReadToken()
		}
		if !errors.Is(err, tc.want) {
			t.Fatalf("%s: ReadToken: %v", tc.in, err)
		}
		if _, _, err2 := d.StringReader(); err2 != err {
			t.Errorf("%s: StringReader with %v held: %v", tc.in, err, err2)
		}
		if d.More() {
			t.Errorf("%s: More true with an error held", tc.in)
		}
	}
}

// TestStringReaderMalformedEnd: after a value, a '}' closing an array or
// a ']' closing an object, and after ',' any end, is malformed:
// StringReader returns ReadToken's error (ErrInvalidChar at it), not
// ErrNoValue's end of a container.
func TestStringReaderMalformedEnd(t *testing.T) {
	for _, in := range []string{`[1}`, `{"a":1]`, `[[1]}`, `{"a":1,}`, `[1,]`, `{"a":1,]`} {
		d := NewDecoderBytes([]byte(in), nil)
		d2 := NewDecoderBytes([]byte(in), nil)
		var err, want error
		for {
			if _, err = d2.ReadToken(); err != nil {
				want = err
				break
			}
			d.ReadToken()
		}
		if _, _, err = d.StringReader(); errLine(err) != errLine(want) || !errors.Is(err, ErrInvalidChar) {
			t.Errorf("%s: StringReader: %v, want %v", in, err, want)
		}
	}
}

// TestStringReaderFinishUnreadSticky: Finish's ErrUnread for a part-read
// string is sticky: a second Finish and ReadToken return it again, at the
// string's offset (not at the '}' that reading on would meet).
func TestStringReaderFinishUnreadSticky(t *testing.T) {
	d := NewDecoderBytes([]byte(`{"a":"abcdefgh","b":1}`), &Options{StringChunk: 4})
	d.ReadToken()
	d.ReadToken()
	_, r, _ := d.StringReader()
	r.Read(make([]byte, 2))
	err := d.Finish()
	var se *SyntaxError
	if !errors.As(err, &se) || se.Err != ErrUnread || se.Offset != 5 || se.Path != "/a" {
		t.Fatalf("Finish: %v", err)
	}
	if err2 := d.Finish(); err2 != err {
		t.Fatalf("second Finish: %v, want %v", err2, err)
	}
	if _, err2 := d.ReadToken(); err2 != err {
		t.Fatalf("ReadToken after Finish: %v, want %v", err2, err)
	}
}

// TestStringReaderErrorSticky: the reader's error inside the string (a
// malformed escape, the io.Reader's error) is returned again by the next
// Read, never io.EOF: the string did not end.
func TestStringReaderErrorSticky(t *testing.T) {
	boom := errors.New("boom")
	for name, d := range map[string]*Decoder{
		"escape": NewDecoderBytes([]byte(`"abcdefgh\q"`), &Options{StringChunk: 4}),
		"reader": NewDecoder(io.MultiReader(strings.NewReader(`"abcdefgh`), iotest.ErrReader(boom)), &Options{StringChunk: 4}),
	} {
		_, r, err := d.StringReader()
		if err != nil {
			t.Fatal(err)
		}
		if _, err = io.ReadAll(r); err == nil {
			t.Fatalf("%s: no error", name)
		}
		for range 2 {
			if n, err2 := r.Read(make([]byte, 4)); n != 0 || err2 != err {
				t.Fatalf("%s: Read after %v: %d %v", name, err, n, err2)
			}
		}
	}
}

// TestStringReaderFinishMalformedRest: Finish after a part-read string
// returns the input's own error where the rest is malformed after the
// string (as Finish does for a value the caller stopped reading), not
// ErrUnread at the string.
func TestStringReaderFinishMalformedRest(t *testing.T) {
	in := `["abcdefgh", x]`
	d := NewDecoderBytes([]byte(in), &Options{StringChunk: 4})
	d.ReadToken()
	_, r, err := d.StringReader()
	if err != nil {
		t.Fatal(err)
	}
	r.Read(make([]byte, 2))
	var se *SyntaxError
	if err := d.Finish(); !errors.As(err, &se) || se.Err != ErrInvalidChar || se.Offset != 13 {
		t.Fatalf("Finish: %v, want ErrInvalidChar at 13", err)
	}
}

// FuzzStringReaderAsReadToken: a Decoder driven by fuzzed calls in which
// StringReader (its reader read in fuzzed pieces, or not to its end) stands
// for ReadToken gives, call by call, what a Decoder over the same input
// reading that string with ReadToken gives: the reader's content is the
// token's value (and its error the token's error, after the pieces before
// it), ReadToken, ReadValue, SkipValue and Finish return the same (Finish
// ErrUnread at a string not delivered whole, where the other says nil or
// ErrUnread), Pointer and Depth agree, More changes nothing, and the
// reader is stale once its Decoder moved on. The Decoders read bytes,
// readers of 2 and 3 bytes per Read, and a reader of pieces of sizes drawn
// from the input (sizedReader) and the 3-byte one; over the sized reader,
// the string reader reads on only once it has delivered all of the string
// that the input so far holds, but for an escape or UTF-8 sequence cut
// (availLen).
func FuzzStringReaderAsReadToken(f *testing.F) {
	addSeeds(f, func(b []byte) {
		f.Add(b, []byte{4, 5, 0, 4, 6, 3, 4, 1, 4, 2, 7, 4, 5, 5, 0, 7})
		f.Add(b, []byte{4, 5, 4, 5, 4, 5, 4, 5, 4, 5, 4, 5, 4, 5, 4, 5, 4, 5, 4, 5, 4, 5, 7})
		f.Add(b, []byte{0, 4, 3, 5, 4, 7, 7, 0, 5, 8, 4, 0, 5})
	})
	f.Fuzz(func(t *testing.T, in, ops []byte) {
		if len(ops) > 100 {
			ops = ops[:100]
		}
		var flags byte
		if len(ops) > 0 {
			flags = ops[0] >> 5 // the first op's high bits: the options
		}
		opts := &Options{StringChunk: 5, MaxValueLen: 64, AllowComments: flags&1 != 0,
			AllowMultipleValues: flags&2 != 0, AllowInvalidUTF8: flags&4 != 0}
		for mode := range 3 {
			// b reads as a does (MaxValueLen applies to an io.Reader
			// only), a in smaller pieces, or in pieces of sizes drawn
			// from the input (mode 2).
			bytesIn := mode == 0
			var (
				a, b  *Decoder
				watch bool  // a Read of a's string reader is under way
				got   int   // bytes the reader delivered
				errB  error // b's error for the string, if any
			)
			newReaders := func() {
				switch mode {
				case 0:
					a, b = NewDecoderBytes(in, opts), NewDecoderBytes(in, opts)
				case 1:
					a, b = NewDecoder(&nReader{b: in, n: 2}, opts), NewDecoder(&nReader{b: in, n: 3}, opts)
				case 2:
					sr := newSizedReader(in, ops)
					if a == nil {
						a, b = NewDecoder(sr, opts), NewDecoder(&nReader{b: in, n: 3}, opts)
					} else {
						a.Reset(sr)
						b.Reset(&nReader{b: in, n: 3})
					}
					sr.check = func(fed int) {
						s := &a.s
						if !watch || errB != nil || !s.inStr || s.str.name || int(s.str.off) >= fed {
							return
						}
						n, closed, ok := availLen(in[s.str.off+1:fed], opts.AllowInvalidUTF8)
						if !ok {
							return
						}
						if closed || n != got {
							t.Fatalf("over %.200q: the string at %d read on at %d with %d bytes delivered, %d held (closed %v)",
								in, s.str.off, fed, got, n, closed)
						}
					}
				}
			}
			newReaders()
			var (
				r      io.Reader
				want   []byte // the string's value, as b read it
				active bool   // r not read to its end, a not moved on
				stale  bool   // a moved on before r's end
				off    int64
				ptr    string // the string's Pointer
			)
			moved := func() {
				if active {
					active, stale = false, true
				}
			}
		ops:
			for i, op := range ops {
				where := func() string { return fmt.Sprintf("op %d (%d) over %.200q (bytes %v)", i, op%9, in, bytesIn) }
				switch op % 9 {
				case 0:
					ta, ea := a.ReadToken()
					tb, eb := b.ReadToken()
					if ta.Kind != tb.Kind || string(ta.Value) != string(tb.Value) || ta.Offset != tb.Offset || checkLine(ea) != checkLine(eb) {
						t.Fatalf("%s: ReadToken %v %q %d %v, want %v %q %d %v", where(), ta.Kind, ta.Value, ta.Offset, ea, tb.Kind, tb.Value, tb.Offset, eb)
					}
					moved()
				case 1:
					va, ea := a.ReadValue()
					vb, eb := b.ReadValue()
					if string(va) != string(vb) || checkLine(ea) != checkLine(eb) {
						t.Fatalf("%s: ReadValue %q %v, want %q %v", where(), va, ea, vb, eb)
					}
					moved()
				case 2:
					if ea, eb := a.SkipValue(), b.SkipValue(); checkLine(ea) != checkLine(eb) {
						t.Fatalf("%s: SkipValue %v, want %v", where(), ea, eb)
					}
					moved()
				case 3:
					a.More()
					moved()
				case 4:
					k, rr, ea := a.StringReader()
					moved()
					switch {
					case ea == nil:
						tb, eb := b.ReadToken()
						if eb == nil && (tb.Kind != k || tb.Offset != a.sr.off) {
							t.Fatalf("%s: StringReader %v at %d, ReadToken %v at %d", where(), k, a.sr.off, tb.Kind, tb.Offset)
						}
						r, want, errB, got, active, stale, off = rr, append([]byte(nil), tb.Value...), eb, 0, true, false, a.sr.off
						ptr = a.Pointer()
					case ea == io.EOF:
						if _, eb := b.ReadToken(); eb != io.EOF {
							t.Fatalf("%s: StringReader io.EOF, ReadToken %v", where(), eb)
						}
					case errors.Is(ea, ErrNoValue) && !errors.As(ea, new(*SyntaxError)):
					default:
						if _, eb := b.ReadToken(); checkLine(ea) != checkLine(eb) {
							t.Fatalf("%s: StringReader %v, ReadToken %v", where(), ea, eb)
						}
					}
				case 5, 6:
					if r == nil {
						continue
					}
					var p [7]byte
					n := 1 + int(op/9)%len(p)
					for range 1 + int(op%9-5)*1000 {
						watch = active
						m, e := r.Read(p[:n])
						watch = false
						switch {
						case stale:
							if m != 0 || !errors.Is(e, ErrNoValue) {
								t.Fatalf("%s: stale Read: %d %v", where(), m, e)
							}
						case !active:
							if m != 0 || e != io.EOF {
								t.Fatalf("%s: Read after io.EOF: %d %v", where(), m, e)
							}
						case e == nil:
							if errB == nil && (m == 0 || string(p[:m]) != string(want[got:min(got+m, len(want))])) {
								t.Fatalf("%s: Read %q at %d of %q", where(), p[:m], got, want)
							}
							got += m
							continue
						case e == io.EOF:
							if m != 0 || errB != nil || got != len(want) {
								t.Fatalf("%s: io.EOF after %d bytes of %q (%v)", where(), got, want, errB)
							}
							active = false
						default:
							if m != 0 || checkLine(e) != checkLine(errB) {
								t.Fatalf("%s: Read error %v, ReadToken's %v", where(), e, errB)
							}
						}
						break
					}
				case 7:
					ea, eb := a.Finish(), b.Finish()
					if active && errB == nil && got < len(want) && (eb == nil || errors.Is(eb, ErrUnread)) {
						eb = &SyntaxError{Offset: off, Path: ptr, Err: ErrUnread}
						if checkLine(ea) != checkLine(eb) {
							t.Fatalf("%s: Finish %v after a part-read string, want %v", where(), ea, eb)
						}
						break ops // each holds its own ErrUnread from here on
					} else if checkLine(ea) != checkLine(eb) {
						t.Fatalf("%s: Finish %v, want %v", where(), ea, eb)
					}
					moved()
				case 8:
					switch mode {
					case 0:
						a.ResetBytes(in)
						b.ResetBytes(in)
					case 1:
						a.Reset(&nReader{b: in, n: 2})
						b.Reset(&nReader{b: in, n: 3})
					case 2:
						newReaders()
					}
					// Stale if not read to io.EOF, which a reader
					// read to its end returns from then on (as
					// lecp's does).
					moved()
				}
				if a.Pointer() != b.Pointer() || a.Depth() != b.Depth() {
					t.Fatalf("%s: Pointer %q depth %d, want %q depth %d", where(), a.Pointer(), a.Depth(), b.Pointer(), b.Depth())
				}
			}
		}
	})
}

// TestStringReaderNonStringByFirstByte: as its godoc says, StringReader
// judges a value that is not a string by its first byte: before a
// malformed literal or number it returns its "not a string" error
// (ErrNoValue, not a *SyntaxError) and reads nothing, and ReadToken then
// returns the syntax error.
func TestStringReaderNonStringByFirstByte(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want error
	}{
		{`[tru]`, ErrInvalidLiteral},
		{`[-x]`, ErrInvalidNumber},
		{`[01]`, ErrInvalidNumber},
		{`{"a":nul}`, ErrInvalidLiteral},
	} {
		d := NewDecoderBytes([]byte(tc.in), nil)
		d.ReadToken()
		if tc.in[0] == '{' {
			d.ReadToken()
		}
		before := d.InputOffset()
		_, _, err := d.StringReader()
		if !errors.Is(err, ErrNoValue) || errors.As(err, new(*SyntaxError)) || d.InputOffset() != before {
			t.Errorf("%s: StringReader: %v (offset %d, was %d)", tc.in, err, d.InputOffset(), before)
		}
		if _, err := d.ReadToken(); !errors.Is(err, tc.want) {
			t.Errorf("%s: ReadToken after: %v, want %v", tc.in, err, tc.want)
		}
	}
}

// TestStringReaderKeptReaderNeverReadsNext: each StringReader call returns
// a reader of its own. Before, the Decoder's one reader was returned
// again, so a reader kept from the first string, read after the second
// StringReader call, delivered the second string ("xy") as if it were the
// rest of the first. It is stale now (ErrNoValue), the new reader reads
// "xy", and a reader read to io.EOF returns io.EOF from then on, also
// after Reset.
func TestStringReaderKeptReaderNeverReadsNext(t *testing.T) {
	d := NewDecoderBytes([]byte(`["abcdefgh","xy"]`), &Options{StringChunk: 4})
	if _, err := d.ReadToken(); err != nil {
		t.Fatal(err)
	}
	_, r1, err := d.StringReader()
	if err != nil {
		t.Fatal(err)
	}
	if n, err := r1.Read(make([]byte, 2)); n != 2 || err != nil {
		t.Fatalf("first Read: %d, %v", n, err)
	}
	_, r2, err := d.StringReader()
	if err != nil {
		t.Fatal(err)
	}
	if r1 == r2 {
		t.Error("StringReader returned the same reader twice")
	}
	if b, err := io.ReadAll(r1); len(b) != 0 || !errors.Is(err, ErrNoValue) {
		t.Errorf("the kept reader: %q, %v; want nothing and ErrNoValue", b, err)
	}
	if b, err := io.ReadAll(r2); string(b) != "xy" || err != nil {
		t.Fatalf("the new reader: %q, %v; want xy", b, err)
	}
	d.ResetBytes([]byte(`"z"`))
	if n, err := r2.Read(make([]byte, 4)); n != 0 || err != io.EOF {
		t.Errorf("a reader read to io.EOF, after Reset: %d, %v; want io.EOF", n, err)
	}
}

// TestStringReaderNotStringSaysWhat: StringReader before a value that is
// not a string names what the value is (by its first byte), still
// matching ErrNoValue and no *SyntaxError.
func TestStringReaderNotStringSaysWhat(t *testing.T) {
	for in, what := range map[string]string{
		`[{}]`: "an object", `[[]]`: "an array", `[true]`: "true, false or null",
		`[nul]`: "true, false or null", `[-1]`: "a number", `[0]`: "a number",
	} {
		d := NewDecoderBytes([]byte(in), nil)
		d.ReadToken()
		_, _, err := d.StringReader()
		if !errors.Is(err, ErrNoValue) || errors.As(err, new(*SyntaxError)) || !strings.Contains(err.Error(), "is "+what+", not a string") {
			t.Errorf("%s: %v; want ErrNoValue saying %q", in, err, what)
		}
	}
}
