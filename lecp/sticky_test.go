package lecp

import (
	"bytes"
	"errors"
	"io"
	"testing"
	"testing/iotest"
)

// stickyCalls are the Decoder's reading calls, each returning its error.
var stickyCalls = []struct {
	name string
	f    func(d *Decoder) error
}{
	{"ReadToken", func(d *Decoder) error { _, err := d.ReadToken(); return err }},
	{"ReadValue", func(d *Decoder) error { _, err := d.ReadValue(); return err }},
	{"SkipValue", func(d *Decoder) error { return d.SkipValue() }},
	{"StringReader", func(d *Decoder) error { _, _, err := d.StringReader(); return err }},
	{"Finish", func(d *Decoder) error { return d.Finish() }},
}

// checkStuck checks that every reading call of d returns want, the
// identical error, that More reports false, and that the offset and path
// stay.
func checkStuck(t *testing.T, name string, d *Decoder, want error) {
	t.Helper()
	off, path := d.InputOffset(), d.Path()
	for range 2 {
		for _, c := range stickyCalls {
			if err := c.f(d); err != want {
				t.Errorf("%s: then %s: %v, want the same %v", name, c.name, err, want)
			}
		}
		if d.More() {
			t.Errorf("%s: then More reports another item", name)
		}
	}
	if d.InputOffset() != off || d.Path() != path {
		t.Errorf("%s: the offset and path moved from %d %q to %d %q", name, off, path, d.InputOffset(), d.Path())
	}
}

// TestValueTooLargeStickyWithEndDue: ReadValue's ErrValueTooLarge found
// where an array's end was due (the value's last element in the first
// MaxValueLen+1 bytes) was returned again by ReadToken and Finish, but
// ReadValue, SkipValue and StringReader returned ErrNoValue, as at the end
// of an array, and More reported no error: they looked at the due end
// before the error. Now each returns the error first.
func TestValueTooLargeStickyWithEndDue(t *testing.T) {
	// [[1, 2, 3], 0]: the inner array is 4 bytes, MaxValueLen 3
	in := []byte{0x82, 0x83, 0x01, 0x02, 0x03, 0x00}
	d := NewDecoder(iotest.OneByteReader(bytes.NewReader(in)), &Options{MaxValueLen: 3})
	if _, err := d.ReadToken(); err != nil {
		t.Fatal(err)
	}
	_, err := d.ReadValue()
	if !errors.Is(err, ErrValueTooLarge) {
		t.Fatalf("ReadValue: %v, want ErrValueTooLarge", err)
	}
	checkStuck(t, "ErrValueTooLarge with the end due", d, err)
}

// failingReader returns its data, then err on every later Read.
type failingReader struct {
	data []byte
	err  error
}

func (r *failingReader) Read(p []byte) (int, error) {
	if len(r.data) == 0 {
		return 0, r.err
	}
	n := copy(p, r.data)
	r.data = r.data[n:]
	return n, nil
}

// TestReaderErrorStickyForEveryCall: once the Decoder had returned the
// error of its io.Reader (or the invalid count of a broken one), ReadToken,
// ReadValue, SkipValue and Finish returned it again, but More went on
// reporting another item wherever a partial head was buffered (so a loop
// on More never ended), and StringReader reported the kind of that head
// (ErrNoValue, "next item is a tag") instead of the error. After a
// SyntaxError both already did as the error said. Now the reader's error,
// once returned, stops the Decoder as a SyntaxError does.
func TestReaderErrorStickyForEveryCall(t *testing.T) {
	errRead := errors.New("read failed")
	for _, tc := range []struct {
		name string
		in   []byte
		r    io.Reader
	}{
		{"reader error in a tag head", []byte{0xd8}, &failingReader{[]byte{0xd8}, errRead}},
		{"reader error in an array", []byte{0x82, 0x01, 0x19}, &failingReader{[]byte{0x82, 0x01, 0x19}, errRead}},
		{"unexpected EOF of the reader", []byte{0x19, 0x01}, &failingReader{[]byte{0x19, 0x01}, io.ErrUnexpectedEOF}},
		{"invalid count", []byte{0xd8}, &overCountReader{data: []byte{0xd8}}},
	} {
		d := NewDecoder(tc.r, nil)
		var err error
		for err == nil {
			_, err = d.ReadToken()
		}
		if _, ok := err.(*SyntaxError); ok || err == io.EOF {
			t.Fatalf("%s: %v, want the reader's error", tc.name, err)
		}
		checkStuck(t, tc.name, d, err)
	}
}

// overCountReader returns its data, then a count above len(p).
type overCountReader struct{ data []byte }

func (r *overCountReader) Read(p []byte) (int, error) {
	if len(r.data) == 0 {
		return len(p) + 1, nil
	}
	n := copy(p, r.data)
	r.data = r.data[n:]
	return n, nil
}
