package lejp

import (
	"errors"
	"io"
	"strings"
	"testing"
)

// TestValuesYieldsBytesOfB: Values' doc says the bytes yielded are b's
// own: each value is a subslice of b, at its offset, not a copy.
func TestValuesYieldsBytesOfB(t *testing.T) {
	b := []byte("{\"a\":1}\n[2] \"x\"\n")
	want := []int{0, 8, 12}
	i := 0
	for v, err := range Values(b, nil) {
		if err != nil {
			t.Fatal(err)
		}
		if i >= len(want) {
			t.Fatalf("more than %d values", len(want))
		}
		if len(v) == 0 || &v[0] != &b[want[i]] {
			t.Errorf("value %d (%q) is not b[%d:] (a copy?)", i, v, want[i])
		}
		i++
	}
	if i != len(want) {
		t.Errorf("%d values, want %d", i, len(want))
	}
}

// TestStringReaderResetDropsPartReadString: a reader part-way through a
// string, then Reset or ResetBytes: the new input is read as by a fresh
// Decoder (Finish's ErrUnread names the new input's first token, not the
// old string), and the kept reader is stale.
func TestStringReaderResetDropsPartReadString(t *testing.T) {
	long := `"` + strings.Repeat("a", 1000) + `"`
	for _, in := range []string{" 1", "  [1]", "\n\"s\""} {
		fresh := NewDecoderBytes([]byte(in), nil).Finish()
		for _, viaReader := range []bool{false, true} {
			d := NewDecoderBytes([]byte(long), &Options{StringChunk: 16})
			k, r, err := d.StringReader()
			if err != nil || k != String {
				t.Fatalf("StringReader = %v, %v", k, err)
			}
			if n, err := r.Read(make([]byte, 4)); n != 4 || err != nil {
				t.Fatalf("Read = %d, %v", n, err)
			}
			if viaReader {
				d.Reset(strings.NewReader(in))
			} else {
				d.ResetBytes([]byte(in))
			}
			got := d.Finish()
			var gs, fs *SyntaxError
			if !errors.As(got, &gs) || !errors.As(fresh, &fs) || gs.Offset != fs.Offset || !errors.Is(got, ErrUnread) {
				t.Errorf("%q (reader %v): Finish after Reset = %v, fresh Decoder's %v", in, viaReader, got, fresh)
			}
			if _, err := r.Read(make([]byte, 4)); !errors.Is(err, ErrNoValue) {
				t.Errorf("%q: kept reader after Reset: %v, want ErrNoValue", in, err)
			}
		}
	}
}

// TestStringReaderLiveAcrossQueries: Path, Pointer, AppendPath,
// AppendPointer, Depth and InputOffset called between the reads of a
// string's reader do not move the Decoder on: the reader still delivers
// the whole string, then io.EOF, and keeps returning io.EOF after the
// Decoder has moved on.
func TestStringReaderLiveAcrossQueries(t *testing.T) {
	want := strings.Repeat("ab\u00e9", 100)
	in := `{"k":["` + want + `", 1]}`
	for _, chunk := range []int{1, 7, 1000} {
		d := NewDecoderBytes([]byte(in), &Options{StringChunk: chunk})
		for range 3 {
			if _, err := d.ReadToken(); err != nil {
				t.Fatal(err)
			}
		}
		_, r, err := d.StringReader()
		if err != nil {
			t.Fatal(err)
		}
		var got []byte
		buf := make([]byte, 5)
		for {
			if d.Path() == "" || d.Pointer() != "/k/0" || d.Depth() != 2 || d.InputOffset() < 7 ||
				len(d.AppendPath(nil)) == 0 || len(d.AppendPointer(nil)) == 0 {
				t.Fatalf("chunk %d: Path %q Pointer %q Depth %d", chunk, d.Path(), d.Pointer(), d.Depth())
			}
			n, err := r.Read(buf)
			got = append(got, buf[:n]...)
			if err != nil {
				if err != io.EOF {
					t.Fatalf("chunk %d: Read: %v", chunk, err)
				}
				break
			}
		}
		if string(got) != want {
			t.Errorf("chunk %d: got %d bytes, want %d", chunk, len(got), len(want))
		}
		if tok, err := d.ReadToken(); err != nil || string(tok.Value) != "1" {
			t.Errorf("chunk %d: next token %q, %v", chunk, tok.Value, err)
		}
		if n, err := r.Read(buf); n != 0 || err != io.EOF {
			t.Errorf("chunk %d: reader read to EOF, after moving on: %d, %v", chunk, n, err)
		}
	}
}
