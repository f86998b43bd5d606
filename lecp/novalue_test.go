package lecp

import (
	"bytes"
	"errors"
	"io"
	"testing"
	"testing/iotest"

	"github.com/lwscrypto/lwscrypto/internal/testenv"
)

// noValueCalls are the Decoder's calls that ask for an item.
var noValueCalls = map[string]func(d *Decoder) error{
	"ReadValue":    func(d *Decoder) error { _, err := d.ReadValue(); return err },
	"SkipValue":    func(d *Decoder) error { return d.SkipValue() },
	"StringReader": func(d *Decoder) error { _, _, err := d.StringReader(); return err },
}

// TestNoValueSentinel: every call that asks the Decoder for an item where
// none starts says so the same way. At the end of a container (definite or
// indefinite, a tag's or an indefinite-length string's end), and for
// StringReader before an item that is not a string, the error matches
// ErrNoValue, nothing is consumed, the decoder can go on (it is not an
// error of the input), and the next token is the one that was there. After
// the last top-level item (or the end of a sequence) every call returns
// io.EOF, as ReadToken does. On the base ErrNoValue was not exported (the
// calls returned an unexported errors.New value, and StringReader a
// plain error per kind that errors.Is could match to nothing), and
// StringReader after the last item returned a sticky SyntaxError with
// ErrUnexpectedEOF, though the input was complete.
func TestNoValueSentinel(t *testing.T) {
	for _, tc := range []struct {
		doc   string
		skip  int  // tokens read first
		next  Kind // the token after the refused call
		calls string
	}{
		{"8101", 2, ArrayEnd, "all"},
		{"80", 1, ArrayEnd, "all"},
		{"a0", 1, MapEnd, "all"},
		{"a10102", 3, MapEnd, "all"},
		{"9f01ff", 2, ArrayEnd, "all"},
		{"bfff", 1, MapEnd, "all"},
		{"c101", 2, TagEnd, "all"},
		{"5f4101ff", 2, BytesEnd, "all"},
		{"7fff", 1, TextEnd, "all"},
		// StringReader before an item that is not a string
		{"8180", 1, ArrayStart, "StringReader"},
		{"a0", 0, MapStart, "StringReader"},
		{"c24101", 0, TagStart, "StringReader"},
		{"820120", 2, Nint, "StringReader"},
		{"f6", 0, Null, "StringReader"},
		{"fb3ff0000000000000", 0, Float, "StringReader"},
	} {
		for name, call := range noValueCalls {
			if tc.calls != "all" && tc.calls != name {
				continue
			}
			for _, whole := range []bool{true, false} {
				b := testenv.Hex(t, tc.doc)
				d := NewDecoderBytes(b, nil)
				if !whole {
					d = NewDecoder(iotest.OneByteReader(bytes.NewReader(b)), nil)
				}
				for range tc.skip {
					if _, err := d.ReadToken(); err != nil {
						t.Fatal(tc.doc, err)
					}
				}
				off, path := d.InputOffset(), d.Path()
				err := call(d)
				if !errors.Is(err, ErrNoValue) {
					t.Errorf("%s after %d tokens, %s (whole %v): %v, want ErrNoValue", tc.doc, tc.skip, name, whole, err)
				}
				var se *SyntaxError
				if errors.As(err, &se) {
					t.Errorf("%s: %s: a SyntaxError (%v), though the input is fine", tc.doc, name, err)
				}
				if d.InputOffset() != off || d.Path() != path {
					t.Errorf("%s: %s moved from %d %q to %d %q", tc.doc, name, off, path, d.InputOffset(), d.Path())
				}
				if tok, err := d.ReadToken(); err != nil || tok.Kind != tc.next {
					t.Errorf("%s: after %s: %v %v, want %v", tc.doc, name, tok.Kind, err, tc.next)
				}
				for {
					if _, err := d.ReadToken(); err != nil {
						if err != io.EOF {
							t.Errorf("%s: after %s: %v, want to read on to io.EOF", tc.doc, name, err)
						}
						break
					}
				}
				if err := d.Finish(); err != nil {
					t.Errorf("%s: after %s: Finish: %v", tc.doc, name, err)
				}
			}
		}
	}
}

// TestNoValueAfterLastItem: after the last top-level item, or at the end of
// a sequence, every call that asks for an item returns io.EOF, as
// ReadToken does, leaving the decoder as it was (Finish still accepts the
// input). StringReader returned a sticky SyntaxError with ErrUnexpectedEOF
// there on the base, though nothing is missing from the input.
func TestNoValueAfterLastItem(t *testing.T) {
	for _, tc := range []struct {
		doc  string
		skip int
		seq  bool
	}{
		{"61 61", 1, false},
		{"82 01 02", 4, false},
		{"01 02", 2, true},
		{"", 0, true},
	} {
		for name, call := range noValueCalls {
			for _, whole := range []bool{true, false} {
				b := testenv.Hex(t, tc.doc)
				opts := &Options{AllowSequence: tc.seq}
				d := NewDecoderBytes(b, opts)
				if !whole {
					d = NewDecoder(bytes.NewReader(b), opts)
				}
				for range tc.skip {
					if _, err := d.ReadToken(); err != nil {
						t.Fatal(tc.doc, err)
					}
				}
				if err := call(d); err != io.EOF {
					t.Errorf("%q after %d tokens, %s (whole %v): %v, want io.EOF", tc.doc, tc.skip, name, whole, err)
				}
				if err := d.Finish(); err != nil {
					t.Errorf("%q: Finish after %s: %v", tc.doc, name, err)
				}
			}
		}
	}
}

// TestFinishMidItem: Finish called before the item is read to its end
// tells the three cases apart. The rest of the input is read and checked:
// input that ends early is ErrUnexpectedEOF at the offset where it ends
// with the path of the item due there, as the Parser's Close says (and
// matches io.ErrUnexpectedEOF, as truncated input does across the
// standard library); malformed input is its own error at its offset; a
// complete item whose rest the caller left unread, with nothing after it,
// is ErrUnread at the first unread byte, with the path of the token there (of the array
// for its break); and when only ends that take
// no bytes are due (the end of a definite array whose elements were all
// read), nothing was left and Finish returns nil. On the base Finish
// returned ErrUnexpectedEOF at the decoder's offset in every case, without
// reading on: a complete input was called truncated and a malformed one
// was too.
func TestFinishMidItem(t *testing.T) {
	for _, tc := range []struct {
		hex    string
		tokens int
		want   error // nil: Finish returns nil
		off    int64
		path   string
	}{
		{"82 01 02", 1, ErrUnread, 1, "[0]"},
		{"82 01 02", 2, ErrUnread, 2, "[1]"},
		{"82 01 02", 3, nil, 0, ""},          // the end is due, no byte is left
		{"a1 61 61 82 01 02", 5, nil, 0, ""}, // two ends due
		{"82 01 02 03", 3, ErrTrailingData, 3, ""},
		{"9f 01 ff", 2, ErrUnread, 2, ""},
		{"c1 01", 1, ErrUnread, 1, ""},
		{"5f 41 01 ff", 2, ErrUnread, 3, ""},
		// what follows the item is checked before the unread rest is
		// reported: bytes after it are ErrTrailingData at their offset
		{"82 01 02 03", 1, ErrTrailingData, 3, ""},
		{"82 01 02 1c", 2, ErrTrailingData, 3, ""},
		{"82 01", 1, ErrUnexpectedEOF, 2, "[1]"},
		{"a1 61 61 82 01", 4, ErrUnexpectedEOF, 5, "a[1]"},
		{"9f 01", 2, ErrUnexpectedEOF, 2, "[1]"},
		{"82 01 1c", 1, ErrReservedInfo, 2, "[1]"},
		{"82 01 ff", 2, ErrBreak, 2, "[1]"},
	} {
		for _, whole := range []bool{true, false} {
			b := testenv.Hex(t, tc.hex)
			d := NewDecoderBytes(b, nil)
			if !whole {
				d = NewDecoder(iotest.OneByteReader(bytes.NewReader(b)), nil)
			}
			for range tc.tokens {
				if _, err := d.ReadToken(); err != nil {
					t.Fatal(tc.hex, err)
				}
			}
			err := d.Finish()
			if tc.want == nil {
				if err != nil {
					t.Errorf("%s after %d tokens (whole %v): %v, want nil", tc.hex, tc.tokens, whole, err)
				}
				continue
			}
			var se *SyntaxError
			if !errors.As(err, &se) || se.Err != tc.want || se.Offset != tc.off || se.Path != tc.path {
				t.Errorf("%s after %d tokens (whole %v): %v, want %v at offset %d (path %q)", tc.hex, tc.tokens, whole, err, tc.want, tc.off, tc.path)
				continue
			}
			if got := errors.Is(err, io.ErrUnexpectedEOF); got != (tc.want == ErrUnexpectedEOF) {
				t.Errorf("%s: errors.Is(%v, io.ErrUnexpectedEOF) = %v", tc.hex, err, got)
			}
			if err2 := d.Finish(); err2 != err {
				t.Errorf("%s: Finish again: %v, want the same error", tc.hex, err2)
			}
		}
	}
}

// TestCloseTruncated: the Parser's Close says a cut input is truncated:
// ErrUnexpectedEOF (matching io.ErrUnexpectedEOF) at the offset where the
// input ends, with the path of the item due there, for every cut of a few
// items, however it was written, and the Decoder says the same.
func TestCloseTruncated(t *testing.T) {
	for _, doc := range []string{"a2 61 61 82 01 19 0100 20 5f 41 01 ff", "d8 18 9f 63 616263 ff", "fb 3ff0000000000000"} {
		b := testenv.Hex(t, doc)
		for cut := range len(b) {
			for _, step := range []int{1, cut + 1} {
				p, err := NewParser(HandlerFunc(func(*Parser, *Event) error { return nil }), nil)
				if err != nil {
					t.Fatal(err)
				}
				for i := 0; i < cut; i += step {
					if _, err := p.Write(b[i:min(i+step, cut)]); err != nil {
						t.Fatal(doc, cut, err)
					}
				}
				err = p.Close()
				var se *SyntaxError
				if !errors.As(err, &se) || se.Err != ErrUnexpectedEOF || se.Offset != int64(cut) || !errors.Is(err, io.ErrUnexpectedEOF) {
					t.Errorf("%s cut at %d, writes of %d: %v, want ErrUnexpectedEOF at offset %d matching io.ErrUnexpectedEOF", doc, cut, step, err, cut)
					continue
				}
				// the Decoder says the same of the cut input
				d := NewDecoderBytes(b[:cut], nil)
				var derr error
				for derr == nil {
					_, derr = d.ReadToken()
				}
				if derr == nil || derr.Error() != err.Error() {
					t.Errorf("%s cut at %d: Parser %v, Decoder %v", doc, cut, err, derr)
				}
			}
		}
	}
}

// TestFinishAfterStringReader: Finish with a StringReader left before its
// end names the first byte of the string the reader has not delivered,
// with the string's path, however the input arrives: the decoder takes
// pieces of the string ahead of the caller (the whole string from a byte
// slice, what has arrived from a reader). On the base the offset and path
// were those of the decoder's read position: past the string from a byte
// slice (offset 10004, path [1]), inside it from readers, at 4096 or 68
// depending on how the reader split the input.
func TestFinishAfterStringReader(t *testing.T) {
	// a string alone: the decoder may have read all of it
	for _, size := range []int{32, 10000} {
		b := appendHead(nil, majBytes, uint64(size))
		start := int64(len(b))
		b = append(b, make([]byte, size)...)
		for name, d := range map[string]*Decoder{
			"bytes":   NewDecoderBytes(b, nil),
			"onebyte": NewDecoder(iotest.OneByteReader(bytes.NewReader(b)), nil),
		} {
			_, r, err := d.StringReader()
			if err != nil {
				t.Fatal(err)
			}
			if _, err := io.ReadFull(r, make([]byte, 3)); err != nil {
				t.Fatal(err)
			}
			var se *SyntaxError
			if err := d.Finish(); !errors.As(err, &se) || se.Err != ErrUnread || se.Offset != start+3 || se.Path != "" {
				t.Errorf("a string alone, %d bytes, %s: %v; want ErrUnread at offset %d", size, name, err, start+3)
			}
		}
	}
	for _, size := range []int{32, 10000} {
		for _, indef := range []bool{false, true} {
			b := []byte{0x82}
			if indef {
				b = append(b, 0x5f)
			}
			b = appendHead(b, majBytes, uint64(size))
			start := int64(len(b))
			b = append(b, make([]byte, size)...)
			if indef {
				b = append(b, 0xff)
			}
			b = append(b, 0x01)
			for _, read := range []int{0, 3} {
				for name, d := range map[string]*Decoder{
					"bytes":   NewDecoderBytes(b, nil),
					"reader":  NewDecoder(bytes.NewReader(b), nil),
					"onebyte": NewDecoder(iotest.OneByteReader(bytes.NewReader(b)), nil),
					"half":    NewDecoder(iotest.HalfReader(bytes.NewReader(b)), nil),
				} {
					if _, err := d.ReadToken(); err != nil {
						t.Fatal(err)
					}
					_, r, err := d.StringReader()
					if err != nil {
						t.Fatal(err)
					}
					if _, err := io.ReadFull(r, make([]byte, read)); err != nil {
						t.Fatal(err)
					}
					err = d.Finish()
					want := start + int64(read)
					if indef && read == 0 {
						want = 2 // the chunk's head: StringReader read only the start
					}
					var se *SyntaxError
					if !errors.As(err, &se) || se.Err != ErrUnread || se.Offset != want || se.Path != "[0]" {
						t.Errorf("%d bytes, indefinite %v, %d read, %s: %v; want ErrUnread at offset %d (path [0])",
							size, indef, read, name, err, want)
					}
				}
			}
		}
	}
}

// TestResetForgetsStringReader: Reset and ResetBytes forget a StringReader
// left before its end, so that Finish on the new input does not count the
// old reader's bytes as unread (the new input here reaches the offset where
// the old reader's piece ended).
func TestResetForgetsStringReader(t *testing.T) {
	b := append(append([]byte{0x82, 0x58, 0x20}, make([]byte, 32)...), 0x01)
	for _, reset := range []func(d *Decoder){
		func(d *Decoder) { d.ResetBytes(b) },
		func(d *Decoder) { d.Reset(bytes.NewReader(b)) },
	} {
		d := NewDecoderBytes(b, nil)
		d.ReadToken()
		_, r, err := d.StringReader()
		if err != nil {
			t.Fatal(err)
		}
		r.Read(make([]byte, 3))
		reset(d)
		for range 2 {
			if _, err := d.ReadToken(); err != nil {
				t.Fatal(err)
			}
		}
		var se *SyntaxError
		if err := d.Finish(); !errors.As(err, &se) || se.Err != ErrUnread || se.Offset != 35 || se.Path != "[1]" {
			t.Errorf("Finish after a reset: %v, want ErrUnread at offset 35 (path [1])", err)
		}
	}
}

// TestFinishUnreadLast: Finish reports a top-level item the caller left
// unread only after reading and checking what follows it, as lejp's
// Finish does: in a sequence, a malformed or cut later item is that
// item's error; a valid rest leaves ErrUnread at the first unread byte.
// On the base the unread rest was ErrTrailingData, reported before what
// followed was read.
func TestFinishUnreadLast(t *testing.T) {
	for _, tc := range []struct {
		hex  string
		want error
		off  int64
	}{
		{"82 01 02 01 02", ErrUnread, 1},
		{"82 01 02 82 01", ErrUnexpectedEOF, 5},
		{"82 01 02 1c", ErrReservedInfo, 3},
		{"82 01 02 82 61 ff", ErrInvalidUTF8, 5},
	} {
		for _, whole := range []bool{true, false} {
			b := testenv.Hex(t, tc.hex)
			opts := &Options{AllowSequence: true}
			d := NewDecoderBytes(b, opts)
			if !whole {
				d = NewDecoder(iotest.OneByteReader(bytes.NewReader(b)), opts)
			}
			if _, err := d.ReadToken(); err != nil {
				t.Fatal(err)
			}
			var se *SyntaxError
			err := d.Finish()
			if !errors.As(err, &se) || se.Err != tc.want || se.Offset != tc.off {
				t.Errorf("%s (whole %v): %v, want %v at offset %d", tc.hex, whole, err, tc.want, tc.off)
			}
			if err2 := d.Finish(); err2 != err {
				t.Errorf("%s (whole %v): Finish again %v, want the same error", tc.hex, whole, err2)
			}
		}
	}
}
