package lecp

import (
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
				if b, err := io.ReadAll(r); err != errStaleString {
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
