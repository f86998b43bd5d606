package lecp

import (
	"bytes"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
)

// callbackReader returns one byte of b per Read and, in its Read number
// at, before delivering, calls act once.
type callbackReader struct {
	b     []byte
	n, at int
	act   func()
}

func (r *callbackReader) Read(p []byte) (int, error) {
	if r.n++; r.n == r.at+1 && r.act != nil {
		act := r.act
		r.act = nil
		act()
	}
	if len(r.b) == 0 {
		return 0, io.EOF
	}
	if len(p) == 0 {
		return 0, nil
	}
	p[0] = r.b[0]
	r.b = r.b[1:]
	return 1, nil
}

// readerCalls are the Decoder's calls an io.Reader might make on its own
// Decoder from inside Read; each returns the call's error (More: an error
// when it reports true, which it must not). sr is a StringReader's reader
// of the same Decoder, when the outer reading made one.
var readerCalls = map[string]func(d *Decoder, sr io.Reader) error{
	"ReadToken": func(d *Decoder, _ io.Reader) error { _, err := d.ReadToken(); return err },
	"ReadValue": func(d *Decoder, _ io.Reader) error { _, err := d.ReadValue(); return err },
	"SkipValue": func(d *Decoder, _ io.Reader) error { return d.SkipValue() },
	"StringReader": func(d *Decoder, _ io.Reader) error {
		_, _, err := d.StringReader()
		return err
	},
	"Finish": func(d *Decoder, _ io.Reader) error { return d.Finish() },
	"More": func(d *Decoder, _ io.Reader) error {
		if d.More() {
			return errors.New("More reported true")
		}
		return ErrClosed
	},
	"Reset":      func(d *Decoder, _ io.Reader) error { d.Reset(strings.NewReader("\x01")); return ErrClosed },
	"ResetBytes": func(d *Decoder, _ io.Reader) error { d.ResetBytes([]byte{0x01}); return ErrClosed },
	"string's Read": func(d *Decoder, sr io.Reader) error {
		if sr == nil {
			return ErrClosed
		}
		_, err := sr.Read(make([]byte, 8))
		return err
	},
	"accessors": func(d *Decoder, _ io.Reader) error {
		_, _, _, _ = d.InputOffset(), d.Depth(), d.Path(), d.AppendPath(nil)
		return ErrClosed
	},
}

// readerReentrantRun reads doc through d in one of three ways and renders
// what it saw: "tokens" (ReadToken to the end, then Finish), "value"
// (ReadValue, then Finish) or "string" (StringReader read to its end, then
// Finish). srOut receives the StringReader's reader once made.
func readerReentrantRun(d *Decoder, how string, srOut *io.Reader) string {
	var sb strings.Builder
	switch how {
	case "tokens":
		sb.WriteString(tracePullFrom(d))
	case "value":
		v, err := d.ReadValue()
		fmt.Fprintf(&sb, "value %x %v\n", v, err)
	case "string":
		k, r, err := d.StringReader()
		fmt.Fprintf(&sb, "string %v %v\n", k, err)
		if err == nil {
			*srOut = r
			b, err := io.ReadAll(r)
			fmt.Fprintf(&sb, "content %x %v\n", b, err)
		}
	}
	fmt.Fprintf(&sb, "finish %v offset %d\n", d.Finish(), d.InputOffset())
	return sb.String()
}

// TestReaderCallingDecoderMethods: an io.Reader that called back into its
// own Decoder from inside Read (ReadToken, ReadValue, SkipValue,
// StringReader, More, Finish, Reset, ResetBytes, or the Read of one of its
// StringReaders) ran that call in the middle of the Decoder's fill: the
// inner call consumed or replaced the buffer the outer Read was filling,
// so the outer call returned tokens of the wrong input or misplaced bytes
// (or panicked). Now such a call returns an error matching ErrClosed (More
// reports false; Reset and ResetBytes do nothing) and changes nothing: the
// outer reading sees what it would with a plain reader. The accessors
// (InputOffset, Depth, Path, AppendPath) are allowed.
func TestReaderCallingDecoderMethods(t *testing.T) {
	docs := []string{
		"01", "8301820203820405", "a2616101616282f93c00f6", "9f01bf6161f5ff5f4101420203ffff",
		"c249010000000000000000", "7f616161626163ff", "5820" + strings.Repeat("ab", 32),
		"d818456449455446", "8201", "1c", "a201010102", "6161ff",
	}
	for _, h := range docs {
		doc := fromHex(h)
		for _, how := range []string{"tokens", "value", "string"} {
			var ignore io.Reader
			want := readerReentrantRun(NewDecoder(iotestOneByte(doc), nil), how, &ignore)
			for name, call := range readerCalls {
				for at := 0; at <= len(doc)+1; at++ {
					label := fmt.Sprintf("%s from Read %d, reading %s of %s", name, at, how, h)
					var d *Decoder
					var sr io.Reader
					var inner error
					called := false
					r := &callbackReader{b: doc, at: at, act: func() {
						called = true
						inner = call(d, sr)
					}}
					d = NewDecoder(r, nil)
					got := func() (s string) {
						defer func() {
							if p := recover(); p != nil {
								s = fmt.Sprintf("panic: %v", p)
							}
						}()
						return readerReentrantRun(d, how, &sr)
					}()
					if !called {
						continue
					}
					if !errors.Is(inner, ErrClosed) {
						t.Errorf("%s: inner call returned %v, want an error matching ErrClosed", label, inner)
					}
					if got != want {
						t.Errorf("%s:\ngot\n%s\nwant\n%s", label, got, want)
					}
				}
			}
		}
	}
}

// panicReader panics in its first Read, then reads b.
type panicReader struct {
	b        []byte
	panicked bool
}

func (r *panicReader) Read(p []byte) (int, error) {
	if !r.panicked {
		r.panicked = true
		panic("reader panic")
	}
	return iotestOneByte(r.b).Read(p)
}

// TestReaderPanicThenReset: a Decoder whose io.Reader panicked (the caller
// recovering) is not left refusing every call as if still inside Read:
// Reset makes it read a new input.
func TestReaderPanicThenReset(t *testing.T) {
	d := NewDecoder(&panicReader{b: []byte{0x01}}, nil)
	func() {
		defer func() { _ = recover() }()
		_, _ = d.ReadToken()
		t.Fatal("no panic")
	}()
	d.Reset(iotestOneByte([]byte{0x02}))
	if tok, err := d.ReadToken(); err != nil || tok.Kind != Uint || tok.Uint != 2 {
		t.Fatalf("after the panic and Reset: %+v, %v; want uint 2", tok, err)
	}
	if err := d.Finish(); err != nil {
		t.Fatal(err)
	}
}

// TestReaderReadingAnotherDecoder: the guard against a Decoder's own
// io.Reader calling it is the Decoder's alone: a Decoder may read from
// another Decoder's StringReader (CBOR carried in a byte string, both
// read from io.Readers a byte at a time), each filling from its reader
// inside the other's Read, and both read to their ends.
func TestReaderReadingAnotherDecoder(t *testing.T) {
	inner, _ := hex.DecodeString("83c1016361626382f6f5") // [1(1), "abc", [null, true]]
	outer := append([]byte{0x82, 0x58, byte(len(inner))}, inner...)
	outer = append(outer, 0x07) // [h'<inner>', 7]
	od := NewDecoder(iotestOneByte(outer), nil)
	if tok, err := od.ReadToken(); err != nil || tok.Kind != ArrayStart {
		t.Fatalf("%+v, %v", tok, err)
	}
	k, sr, err := od.StringReader()
	if err != nil || k != Bytes {
		t.Fatalf("StringReader: %v, %v", k, err)
	}
	id := NewDecoder(sr, nil)
	var w Writer
	for {
		tok, err := id.ReadToken()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("inner Decoder: %v", err)
		}
		w.WriteToken(tok)
	}
	if b, err := w.Bytes(); err != nil || !bytes.Equal(b, inner) {
		t.Fatalf("inner Decoder's tokens: %x, %v; want %x", b, err, inner)
	}
	if err := id.Finish(); err != nil {
		t.Fatalf("inner Finish: %v", err)
	}
	if tok, err := od.ReadToken(); err != nil || tok.Kind != Uint || tok.Uint != 7 {
		t.Fatalf("outer after the string: %+v, %v", tok, err)
	}
	if err := od.Finish(); err != nil {
		t.Fatalf("outer Finish: %v", err)
	}
}
