package lecp

import (
	"bytes"
	"errors"
	"io"
	"testing"
)

// TestStaleStringReaderLeavesDecoder: the reader of a StringReader read
// after its Decoder had moved on (the caller read tokens, asked for
// another StringReader, called Finish, or reset the Decoder for a new
// input) went on taking tokens from the Decoder: it consumed the rest of
// the input, skipping every item, and failed the Decoder with a sticky
// ErrUnexpectedEOF, on valid input and even on the next input after Reset
// (5f41014102ff, StringReader, ResetBytes(820102), then the old reader:
// [1, 2] failed at offset 3). Now such a reader returns errStaleString and
// leaves the Decoder as it was.
func TestStaleStringReaderLeavesDecoder(t *testing.T) {
	for _, tc := range []struct {
		name string
		in   string
		move func(d *Decoder)
		next string // the tokens the Decoder still gives
	}{
		{"tokens read", "835f41014102ff0102", func(d *Decoder) { d.ReadToken(); d.ReadToken() }, "uint 1 @[1]\nuint 2 @[2]\narray-end\n"},
		{"another StringReader", "825f41014102ff4103", func(d *Decoder) { d.ReadToken(); d.ReadToken(); d.StringReader() }, "array-end\n"},
		{"Finish", "5f41014102ff", func(d *Decoder) { d.Finish() }, "error: lecp: item not read to its end at offset 3\n"},
		{"ResetBytes", "5f41014102ff", func(d *Decoder) { d.ResetBytes(fromHex("820102")) }, "array-start 2\nuint 1 @[0]\nuint 2 @[1]\narray-end\n"},
		{"Reset", "5f41014102ff", func(d *Decoder) { d.Reset(iotestOneByte(fromHex("820102"))) }, "array-start 2\nuint 1 @[0]\nuint 2 @[1]\narray-end\n"},
	} {
		for _, whole := range []bool{true, false} {
			in := fromHex(tc.in)
			d := NewDecoderBytes(in, nil)
			if !whole {
				d = NewDecoder(iotestOneByte(in), nil)
			}
			if in[0]&0xe0 == 0x80 {
				d.ReadToken()
			}
			_, r, err := d.StringReader()
			if err != nil {
				t.Fatal(err)
			}
			var one [1]byte
			if n, err := r.Read(one[:]); n != 1 || err != nil {
				t.Fatalf("%s: first Read: %d, %v", tc.name, n, err)
			}
			tc.move(d)
			off := d.InputOffset()
			for range 2 {
				if b, err := io.ReadAll(r); err != errStaleString || len(b) != 0 {
					t.Errorf("%s (whole %t): the old reader: %x, %v, want errStaleString", tc.name, whole, b, err)
				}
			}
			if d.InputOffset() != off {
				t.Errorf("%s (whole %t): the old reader moved the Decoder from %d to %d", tc.name, whole, off, d.InputOffset())
			}
			if got := tracePullFrom(d); got != tc.next {
				t.Errorf("%s (whole %t): then the Decoder gives\n%s\nwant\n%s", tc.name, whole, got, tc.next)
			}
		}
	}
}

// sizedReader returns its data n bytes at a time.
type sizedReader struct {
	b []byte
	n int
}

func (r *sizedReader) Read(p []byte) (int, error) {
	if len(r.b) == 0 {
		return 0, io.EOF
	}
	k := copy(p[:min(len(p), r.n)], r.b)
	r.b = r.b[k:]
	return k, nil
}

// TestStringReaderAfterMoreNotCorrupted: More called while a StringReader
// had bytes of its string left to deliver, with the Decoder's buffer all
// consumed, refilled the buffer in place, over those bytes, and the reader
// then delivered the new input's bytes as the string's, with no error (an
// 8192-byte string read in 4096-byte pieces: 4091 wrong bytes). Now the
// reader returns errStaleString once the Decoder's buffer has moved.
func TestStringReaderAfterMoreNotCorrupted(t *testing.T) {
	s := make([]byte, 8192)
	for i := range s {
		s[i] = byte(i * 7 / 13)
	}
	in := append(AppendBytesHeader([]byte{0x82}, uint64(len(s))), s...)
	in = append(in, 0x01)
	d := NewDecoder(&sizedReader{in, 4096}, nil)
	if _, err := d.ReadToken(); err != nil {
		t.Fatal(err)
	}
	_, r, err := d.StringReader()
	if err != nil {
		t.Fatal(err)
	}
	var one [1]byte
	if n, err := r.Read(one[:]); n != 1 || err != nil {
		t.Fatalf("first Read: %d, %v", n, err)
	}
	d.More()
	rest, err := io.ReadAll(r)
	if got := append(one[:], rest...); err == nil && !bytes.Equal(got, s) {
		t.Fatalf("the string read through More: %d bytes, %d of them wrong, and no error", len(got), countDiff(got, s))
	}
}

func countDiff(a, b []byte) int {
	n := 0
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			n++
		}
	}
	return n + max(len(a), len(b)) - min(len(a), len(b))
}

// decoders gives a Decoder over in, whole and through a one-byte reader.
func decoders(in []byte) map[string]*Decoder {
	return map[string]*Decoder{"whole": NewDecoderBytes(in, nil), "reader": NewDecoder(iotestOneByte(in), nil)}
}

// TestStringReaderEOFAfterDecoderMovedOn: a StringReader's reader that
// has delivered its whole string is at its end for good: read again after
// the Decoder moved on, it returns io.EOF, not errStaleString, both for a
// definite string whose last byte was delivered (io.EOF not yet returned)
// and for an indefinite one read to io.EOF. And its last byte is
// delivered when it is the only one left. (Before this test, the early
// io.EOF could require done for a definite string, or hold back a last
// single byte, failing no test: mutation audit of stringReader.Read.)
func TestStringReaderEOFAfterDecoderMovedOn(t *testing.T) {
	for mode, d := range decoders(fromHex("82420708" + "01")) {
		d.ReadToken()
		if _, r, err := d.StringReader(); err != nil {
			t.Fatal(err)
		} else {
			var one [1]byte
			var got []byte
			for len(got) < 2 {
				n, err := r.Read(one[:])
				if err != nil {
					t.Fatalf("%s: definite string after %x: %v", mode, got, err)
				}
				got = append(got, one[:n]...)
			}
			if string(got) != "\x07\x08" {
				t.Fatalf("%s: definite string: %x", mode, got)
			}
			if tok, err := d.ReadToken(); err != nil || tok.Kind != Uint {
				t.Fatalf("%s: after the definite string: %v %v", mode, tok.Kind, err)
			}
			if n, err := r.Read(one[:]); n != 0 || err != io.EOF {
				t.Errorf("%s: definite string's reader after the Decoder moved on: %d, %v, want io.EOF", mode, n, err)
			}
		}
	}
	for mode, d2 := range decoders(fromHex("825f4109ff01")) {
		d2.ReadToken()
		_, r, err := d2.StringReader()
		if err != nil {
			t.Fatal(err)
		}
		if b, err := io.ReadAll(r); err != nil || string(b) != "\x09" {
			t.Fatalf("%s: indefinite string: %x, %v", mode, b, err)
		}
		if tok, err := d2.ReadToken(); err != nil || tok.Kind != Uint {
			t.Fatalf("%s: after the indefinite string: %v %v", mode, tok.Kind, err)
		}
		if n, err := r.Read(make([]byte, 4)); n != 0 || err != io.EOF {
			t.Errorf("%s: indefinite string's reader after the Decoder moved on: %d, %v, want io.EOF", mode, n, err)
		}
	}
}

// TestStaleStringReaderAfterFinishNothingRead: Finish called while a
// StringReader's reader still holds bytes of a definite string the machine
// has wholly read: Finish reads nothing more (the item is complete), yet
// the Decoder has moved on, and the reader returns errStaleString, not
// the held bytes. (Before this test, telling staleness by the input
// offset and buffer position alone failed no test: mutation audit.)
func TestStaleStringReaderAfterFinishNothingRead(t *testing.T) {
	for mode, d := range decoders(fromHex("420708")) {
		_, r, err := d.StringReader()
		if err != nil {
			t.Fatal(err)
		}
		var one [1]byte
		if n, err := r.Read(one[:]); n != 1 || err != nil {
			t.Fatalf("%s: first Read: %d, %v", mode, n, err)
		}
		if err := d.Finish(); !errors.Is(err, ErrUnread) {
			t.Errorf("%s: Finish: %v, want ErrUnread", mode, err)
		}
		if b, err := io.ReadAll(r); err != errStaleString || len(b) != 0 {
			t.Errorf("%s: the reader after Finish: %x, %v, want errStaleString", mode, b, err)
		}
	}
}
