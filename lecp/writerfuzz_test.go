package lecp

import (
	"bytes"
	"errors"
	"io"
	"math"
	"testing"
)

// writerOps drives a Writer with the calls data spells, one byte an
// operation (and some a byte of argument): every call, misuse included,
// Bytes and Reset in the middle. It reports whether a RawItem was
// written since the last Reset.
func writerOps(w *Writer, data []byte) (raw bool) {
	floats := []float64{0, math.Copysign(0, -1), 1.5, math.NaN(), math.Inf(-1), 1e300, 65504, 5.960464477539063e-08, 0.1}
	raws := []string{"\x01", "\x18\x01", "\xf9\x00\x00", "\xf9\x80\x00", "\xfa\x80\x00\x00\x00", "\x7f\x61\x61\xff", "\x81\x01", "\xa0", "\x1c", "\xa1\x01\x01", "\xbf\x01\x01\xff",
		"\xd8\x01\x01", "\xc1\x01", "\xf9\x7e\x01", "\xfa\x7f\xc0\x00\x00", "\xfb\x00\x00\x00\x00\x00\x00\x00\x00", "\x5f\x41\x61\xff", "\x9f\x01\xff", "\xb8\x01\x18\x01\x01", "\x19\x00\x01", "\x78\x01\x61", "\x81\xfa\x80\x00\x00\x00", "\xa2\x02\x02\x01\x01"}
	arg := func(i *int) byte {
		if *i+1 < len(data) {
			*i++
			return data[*i]
		}
		return 0
	}
	for i := 0; i < len(data); i++ {
		switch data[i] % 18 {
		case 0:
			w.Uint(uint64(arg(&i)) * 997)
		case 1:
			w.Int(-int64(arg(&i)))
		case 2:
			w.Text(string("abcd\xff"[:arg(&i)%6]))
		case 3:
			w.ByteString([]byte("xyz")[:arg(&i)%4])
		case 4:
			w.Float(floats[int(arg(&i))%len(floats)])
		case 5:
			w.Bool(arg(&i)%2 == 0)
		case 6:
			w.Null()
		case 7:
			w.Tag(uint64(arg(&i)))
		case 8:
			w.BeginArray()
		case 9:
			w.BeginMap()
		case 10, 11:
			w.EndArray()
		case 12, 13:
			w.EndMap()
		case 14:
			w.RawItem([]byte(raws[int(arg(&i))%len(raws)]))
			raw = true
		case 15:
			k := Kind(TextStart)
			if arg(&i)%2 == 0 {
				k = BytesStart
			}
			w.WriteEvent(&Event{Kind: k, Indefinite: true})
		case 16:
			w.Bytes()
		case 17:
			if arg(&i) == 0 {
				w.Reset()
				raw = false
			} else {
				w.Undefined()
			}
		}
	}
	return raw
}

// FuzzWriterCalls: any sequence of Writer calls, misuse included, never
// panics; what Bytes returns without an error passes Check with the
// Writer's rules (a sequence of items, no limits in the way), and, with no
// RawItem in it (which keeps the caller's encoding), reads back through a
// Decoder and WriteToken to the same bytes.
func FuzzWriterCalls(f *testing.F) {
	for _, s := range []string{"\x09\x00\x01\x00\x02\x0c", "\x08\x08\x00\x01\x0a\x0a", "\x09\x09\x00\x01\x00\x02\x0d\x00\x03\x0c",
		"\x09\x0e\x03\x00\x01\x0e\x04\x00\x02\x0c", "\x09\x04\x00\x00\x01\x04\x01\x00\x02\x0c", "\x0f\x00\x03\x02\x10", "\x07\x18\x04\x03\x10"} {
		for _, det := range []byte{0, 1, 2} {
			f.Add(append([]byte{det}, s...))
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) == 0 || len(data) > 4096 {
			return
		}
		w := &Writer{Deterministic: data[0]&1 != 0, AllowInvalidUTF8: data[0]&2 != 0}
		raw := writerOps(w, data[1:])
		out, err := w.Bytes()
		if err != nil {
			if !errors.Is(err, ErrWriter) && !errors.Is(err, ErrInvalidUTF8) {
				t.Fatalf("Bytes: %v, matching neither ErrWriter nor ErrInvalidUTF8", err)
			}
			return
		}
		opts := &Options{Deterministic: w.Deterministic, AllowInvalidUTF8: w.AllowInvalidUTF8, AllowSequence: true, MaxDepth: 1 << 20, MaxKeyLen: 1 << 30, MaxKeyMemory: 1 << 30}
		if err := Check(out, opts); err != nil {
			t.Fatalf("Writer output % x fails Check: %v", out, err)
		}
		if raw {
			return
		}
		out = bytes.Clone(out)
		d := NewDecoderBytes(out, opts)
		var w2 Writer
		w2.Deterministic, w2.AllowInvalidUTF8 = w.Deterministic, w.AllowInvalidUTF8
		for {
			tok, err := d.ReadToken()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatalf("Decoder on Writer output % x: %v", out, err)
			}
			w2.WriteToken(tok)
		}
		again, err := w2.Bytes()
		if err != nil || !bytes.Equal(again, out) {
			t.Fatalf("re-encoded % x as % x (%v)", out, again, err)
		}
	})
}
