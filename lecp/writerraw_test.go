package lecp

import (
	"errors"
	"math"
	"testing"

	"github.com/lwscrypto/lwscrypto/internal/testenv"
)

// TestWriterRawItemChecked: RawItem takes exactly one well-formed item that
// the strict parser accepts, as lejp's Writer.Raw takes one valid JSON
// value; anything else is misuse (ErrWriter) and nothing is written. On the
// base RawItem wrote whatever it was given, so Bytes returned CBOR that
// Check refuses (an empty "item" made the array's count wrong, two items
// counted as one) without an error.
func TestWriterRawItemChecked(t *testing.T) {
	for _, raw := range []string{"", "1c", "0102", "8201", "61ff", "a2 01 00 01 00", "ff", "f818", "5f 61 61 ff"} {
		var w Writer
		w.BeginArray()
		w.RawItem(testenv.Hex(t, raw))
		w.EndArray()
		out, err := w.Bytes()
		if !errors.Is(err, ErrWriter) {
			t.Errorf("RawItem(%s): %x %v, want ErrWriter", raw, out, err)
		}
	}
	for _, raw := range []string{"01", "43a10126", "a1 01 26", "9f 01 ff", "d8 18 41 00", "f9 7e00", "5f 41 01 ff"} {
		var w Writer
		w.BeginArray()
		w.RawItem(testenv.Hex(t, raw))
		w.EndArray()
		out, err := w.Bytes()
		if err != nil {
			t.Errorf("RawItem(%s): %v", raw, err)
			continue
		}
		if want := append([]byte{0x81}, testenv.Hex(t, raw)...); string(out) != string(want) {
			t.Errorf("RawItem(%s): %x, want %x", raw, out, want)
		}
	}
}

// TestWriterRawKeyDuplicates: a map key written by RawItem in another
// encoding of a key already there (a longer head, a wider float, an
// indefinite-length string) is a duplicate as the parser judges data items
// (RFC 8949 §5.6.1), so EndMap refuses it. On the base EndMap compared
// encodings only and Bytes returned a map that Check refuses with
// ErrDuplicateKey.
func TestWriterRawKeyDuplicates(t *testing.T) {
	for _, tc := range []struct {
		raw string
		key func(w *Writer)
	}{
		{"18 01", func(w *Writer) { w.Uint(1) }},
		{"39 0000", func(w *Writer) { w.Int(-1) }},
		{"fa 3fc00000", func(w *Writer) { w.Float(1.5) }},
		{"fb 0000000000000000", func(w *Writer) { w.Float(0) }},
		{"7f 61 61 ff", func(w *Writer) { w.Text("a") }},
		{"9f 01 ff", func(w *Writer) { w.BeginArray(); w.Uint(1); w.EndArray() }},
		{"f9 7e01", func(w *Writer) { w.Float(math.NaN()) }},
	} {
		for _, rawFirst := range []bool{true, false} {
			var w Writer
			w.BeginMap()
			for _, first := range []bool{true, false} {
				if first == rawFirst {
					w.RawItem(testenv.Hex(t, tc.raw))
				} else {
					tc.key(&w)
				}
				w.Null()
			}
			w.EndMap()
			out, err := w.Bytes()
			if !errors.Is(err, ErrDuplicateKey) || !errors.Is(err, ErrWriter) {
				t.Errorf("raw key %s (first %v): %x %v, want ErrDuplicateKey", tc.raw, rawFirst, out, err)
				if err == nil {
					t.Logf("Check: %v", Check(out, nil))
				}
			}
		}
	}
	// different keys stay accepted, and the output passes Check
	var w Writer
	w.BeginMap()
	w.RawItem(testenv.Hex(t, "18 01"))
	w.Null()
	w.Uint(2)
	w.Null()
	w.EndMap()
	if out, err := w.Bytes(); err != nil || Check(out, nil) != nil {
		t.Errorf("raw key 1801 and 2: %x %v", out, err)
	}
}

// TestWriterRawItemDeterministic: with Deterministic, RawItem takes only
// items in core deterministic encoding (RFC 8949 §4.2.1), so that the
// Writer's output is, as its doc promises. On the base a raw item with a
// longer head than needed, an indefinite length or unsorted keys went
// through and Bytes returned output that Check with Deterministic refuses.
func TestWriterRawItemDeterministic(t *testing.T) {
	for _, raw := range []string{"18 01", "9f ff", "a2 02 00 01 00", "fa 3fc00000"} {
		w := Writer{Deterministic: true}
		w.RawItem(testenv.Hex(t, raw))
		out, err := w.Bytes()
		if !errors.Is(err, ErrWriter) {
			t.Errorf("RawItem(%s) deterministic: %x %v, want ErrWriter", raw, out, err)
		}
	}
	w := Writer{Deterministic: true}
	w.RawItem(testenv.Hex(t, "a2 01 00 02 00"))
	if out, err := w.Bytes(); err != nil || Check(out, &Options{Deterministic: true}) != nil {
		t.Errorf("deterministic raw map: %x %v", out, err)
	}
}
