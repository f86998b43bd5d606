package lecp

import (
	"bytes"
	"errors"
	"testing"
)

// TestWriterTextUTF8: a text string that is not UTF-8 (RFC 8949 §3.1
// requires it) is refused by Text, TextBytes and WriteEvent — also when it
// comes in pieces that are joined, so a rune split across pieces is fine —
// with an error matching ErrWriter and ErrInvalidUTF8 that is sticky; the
// call writes nothing. AllowInvalidUTF8 writes the bytes as given, as the
// parser's option of that name reads them. On the base every row was
// written, so Bytes returned CBOR that Check refuses.
func TestWriterTextUTF8(t *testing.T) {
	bad := []struct {
		name string
		do   func(w *Writer)
	}{
		{"Text", func(w *Writer) { w.Text("a\xffb") }},
		{"TextBytes", func(w *Writer) { w.TextBytes([]byte{0xc3}) }},
		{"surrogate", func(w *Writer) { w.Text("\xed\xa0\x80") }},
		{"map key", func(w *Writer) { w.BeginMap(); w.Text("\x80"); w.Uint(1); w.EndMap() }},
		{"WriteEvent Text", func(w *Writer) { w.WriteEvent(&Event{Kind: Text, Value: []byte("\xfe")}) }},
		{"WriteToken", func(w *Writer) { w.WriteToken(Token{Kind: Text, Value: []byte("\xc0\xaf")}) }},
		{"pieces", func(w *Writer) {
			w.WriteEvent(&Event{Kind: TextChunk, Value: []byte("ab")})
			w.WriteEvent(&Event{Kind: Text, Value: []byte("\xff")})
		}},
		{"indefinite", func(w *Writer) {
			w.WriteEvent(&Event{Kind: TextStart})
			w.WriteEvent(&Event{Kind: Text, Value: []byte("\xe2\x82")})
			w.WriteEvent(&Event{Kind: TextEnd})
		}},
	}
	for _, tc := range bad {
		var w Writer
		w.BeginArray()
		w.Uint(7)
		n := len(w.buf)
		tc.do(&w)
		if err := w.Err(); !errors.Is(err, ErrWriter) || !errors.Is(err, ErrInvalidUTF8) {
			t.Errorf("%s: Err() = %v, want ErrWriter and ErrInvalidUTF8", tc.name, err)
			continue
		}
		if tc.name != "map key" && len(w.buf) != n {
			t.Errorf("%s: %d bytes written by the refused call", tc.name, len(w.buf)-n)
		}
		w.Uint(1)
		w.EndArray()
		if _, err := w.Bytes(); !errors.Is(err, ErrInvalidUTF8) {
			t.Errorf("%s: Bytes() error %v, want the sticky ErrInvalidUTF8", tc.name, err)
		}

		lax := Writer{AllowInvalidUTF8: true}
		tc.do(&lax)
		out, err := lax.Bytes()
		if err != nil {
			t.Errorf("%s, AllowInvalidUTF8: %v", tc.name, err)
			continue
		}
		if err := Check(out, &Options{AllowInvalidUTF8: true}); err != nil {
			t.Errorf("%s, AllowInvalidUTF8: %x does not read back laxly: %v", tc.name, out, err)
		}
	}

	// Valid text, also with a rune split across joined pieces, is written.
	var w Writer
	w.BeginArray()
	w.Text("héllo €")
	w.WriteEvent(&Event{Kind: TextChunk, Value: []byte("\xe2\x82")})
	w.WriteEvent(&Event{Kind: Text, Value: []byte("\xac")})
	w.EndArray()
	out, err := w.Bytes()
	if err != nil {
		t.Fatal(err)
	}
	if want := []byte("\x82\x6ah\xc3\xa9llo \xe2\x82\xac\x63\xe2\x82\xac"); !bytes.Equal(out, want) {
		t.Errorf("valid text: %x, want %x", out, want)
	}
	if err := Check(out, nil); err != nil {
		t.Error(err)
	}
}

// TestWriterTextUTF8Allocs: checking UTF-8 costs the Writer no allocation.
func TestWriterTextUTF8Allocs(t *testing.T) {
	var w Writer
	s := "a text string of some length, with é and € in it"
	if n := testing.AllocsPerRun(100, func() {
		w.Reset()
		w.BeginArray()
		w.Text(s)
		w.TextBytes([]byte("x"))
		w.EndArray()
		if _, err := w.Bytes(); err != nil {
			panic(err)
		}
	}); n != 0 {
		t.Errorf("%v allocations, want 0", n)
	}
}

// TestWriterRawItemLaxUTF8: AllowInvalidUTF8 governs RawItem as it does
// Text and WriteToken, so that an item a lax Decoder read with ReadValue is
// written whole as its tokens would be; without it, the raw item's invalid
// text is refused as ErrWriter and ErrInvalidUTF8. Setting the field
// between calls takes effect at the next one (RawItem's checker is kept).
// On the base RawItem refused invalid text whatever AllowInvalidUTF8 said.
func TestWriterRawItemLaxUTF8(t *testing.T) {
	lax := &Options{AllowInvalidUTF8: true}
	item := []byte{0x82, 0x61, 0xff, 0xa1, 0x61, 0xfe, 0x01} // ["\xff", {"\xfe": 1}]
	d := NewDecoderBytes(item, lax)
	v, err := d.ReadValue()
	if err != nil {
		t.Fatal(err)
	}
	for _, det := range []bool{false, true} {
		w := Writer{AllowInvalidUTF8: true, Deterministic: det}
		w.RawItem(v)
		out, err := w.Bytes()
		if err != nil {
			t.Errorf("Deterministic %v: RawItem with AllowInvalidUTF8: %v", det, err)
		} else if !bytes.Equal(out, item) || Check(out, lax) != nil {
			t.Errorf("Deterministic %v: %x, want %x", det, out, item)
		}

		// the same Writer, strict again: refused
		w.Reset()
		w.AllowInvalidUTF8 = false
		w.RawItem(v)
		if err := w.Err(); !errors.Is(err, ErrWriter) || !errors.Is(err, ErrInvalidUTF8) {
			t.Errorf("Deterministic %v, strict after lax: %v, want ErrWriter and ErrInvalidUTF8", det, err)
		}
		// and lax again: written
		w.Reset()
		w.AllowInvalidUTF8 = true
		w.RawItem(v)
		if _, err := w.Bytes(); err != nil {
			t.Errorf("Deterministic %v, lax after strict: %v", det, err)
		}
	}
}

// TestWriterNoLimits: the Writer has no limits, so what it writes passes
// Check's rules but not always its default limits (Writer's doc): nesting
// deeper than DefaultMaxDepth and a key longer than DefaultMaxKeyLen are
// written, and Check accepts them once its limits are raised. (Passes on
// the base: documentation; the Writer's doc said Check accepts its output
// with the default Options.)
func TestWriterNoLimits(t *testing.T) {
	var deep Writer
	for range DefaultMaxDepth + 1 {
		deep.BeginArray()
	}
	for range DefaultMaxDepth + 1 {
		deep.EndArray()
	}
	var key Writer
	key.BeginMap()
	key.Text(string(make([]byte, DefaultMaxKeyLen)))
	key.Null()
	key.EndMap()
	for _, tc := range []struct {
		w      *Writer
		cause  error
		raised *Options
	}{
		{&deep, ErrDepth, &Options{MaxDepth: DefaultMaxDepth + 1}},
		{&key, ErrKeyTooLarge, &Options{MaxKeyLen: DefaultMaxKeyLen + 5}},
	} {
		out, err := tc.w.Bytes()
		if err != nil {
			t.Fatal(err)
		}
		if err := Check(out, nil); !errors.Is(err, tc.cause) {
			t.Errorf("default limits: %v, want %v", err, tc.cause)
		}
		if err := Check(out, tc.raised); err != nil {
			t.Errorf("limits raised: %v", err)
		}
	}
}

// TestWriterErrorTexts: every Writer error read "lecp: writer misuse: …"
// but two: a text string that is not UTF-8 read "lecp: writer: text string
// is not UTF-8" and a duplicate key "lecp: duplicate map key", the
// parser's text, so a log line did not say the Writer refused it. Both now
// read as the others, and still match their two sentinels.
func TestWriterErrorTexts(t *testing.T) {
	for _, tc := range []struct {
		do    func(w *Writer)
		text  string
		cause error
	}{
		{func(w *Writer) { w.Text("\xff") }, "lecp: writer misuse: text string is not UTF-8", ErrInvalidUTF8},
		{func(w *Writer) {
			w.BeginMap()
			w.Uint(1)
			w.Uint(2)
			w.Uint(1)
			w.Uint(3)
			w.EndMap()
		},
			"lecp: writer misuse: duplicate map key", ErrDuplicateKey},
		{func(w *Writer) { w.EndArray() }, "lecp: writer misuse: EndArray without an open array", ErrWriter},
	} {
		var w Writer
		tc.do(&w)
		err := w.Err()
		if err == nil || err.Error() != tc.text || !errors.Is(err, ErrWriter) || !errors.Is(err, tc.cause) {
			t.Errorf("%v: want %q matching ErrWriter and %v", err, tc.text, tc.cause)
		}
	}
}
