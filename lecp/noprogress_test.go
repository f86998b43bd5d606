package lecp

import (
	"errors"
	"io"
	"testing"
)

// errSpun ends stallReader's reads, so that a decoder that keeps reading
// fails the test instead of hanging it.
var errSpun = errors.New("reader read 1000 times without data")

// stallReader returns data, then no bytes and no error, 1000 times, then
// errSpun.
type stallReader struct {
	data  []byte
	empty int
}

func (r *stallReader) Read(p []byte) (int, error) {
	if len(r.data) > 0 {
		n := copy(p, r.data)
		r.data = r.data[n:]
		return n, nil
	}
	if r.empty++; r.empty > 1000 {
		return 0, errSpun
	}
	return 0, nil
}

// TestDecoderNoProgress: a reader that returns no bytes and no error 100
// times in a row is io.ErrNoProgress (sticky), as lejp's Decoder and
// bufio.Reader say, from ReadToken, ReadValue, SkipValue, StringReader's
// reader and Finish. On the base the Decoder read on for as long as the
// reader did: forever for a reader that always returns 0, nil.
func TestDecoderNoProgress(t *testing.T) {
	for _, tc := range []struct {
		name string
		read func(d *Decoder) error
	}{
		{"ReadToken", func(d *Decoder) error { _, err := d.ReadToken(); return err }},
		{"ReadValue", func(d *Decoder) error { _, err := d.ReadValue(); return err }},
		{"SkipValue", func(d *Decoder) error { return d.SkipValue() }},
		{"Finish", func(d *Decoder) error { return d.Finish() }},
		{"StringReader", func(d *Decoder) error {
			_, r, err := d.StringReader()
			if err == nil {
				_, err = io.ReadAll(r)
			} else if errors.Is(err, ErrNoValue) {
				_, err = d.ReadToken() // not a string: read past it
			}
			return err
		}},
	} {
		for _, data := range []string{"", "\x82\x01", "\x65ab"} {
			r := &stallReader{data: []byte(data)}
			d := NewDecoder(r, nil)
			var err error
			for range 4 {
				if err = tc.read(d); err != nil {
					break
				}
			}
			if err != io.ErrNoProgress {
				t.Errorf("%s after %q: %v, want io.ErrNoProgress", tc.name, data, err)
			}
			if r.empty > 100 {
				t.Errorf("%s after %q: %d empty reads, want 100", tc.name, data, r.empty)
			}
			if _, err := d.ReadToken(); err != io.ErrNoProgress {
				t.Errorf("%s after %q: then ReadToken %v, want io.ErrNoProgress (sticky)", tc.name, data, err)
			}
		}
	}
}
