package lecp

import (
	"bytes"
	"encoding/binary"
	"errors"
	"io"
	"runtime"
	"testing"

	"github.com/lwscrypto/lwscrypto/internal/testenv"
)

// allocBytes returns the bytes allocated while f runs.
func allocBytes(f func()) uint64 {
	var a, b runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&a)
	f()
	runtime.ReadMemStats(&b)
	return b.TotalAlloc - a.TotalAlloc
}

// loose lifts the count and size limits, so only the input bounds memory.
var loose = &Options{MaxItems: 1<<64 - 1, MaxStringLen: -1, MaxDepth: 1 << 20}

// apis returns one function per way of decoding b.
func apis(b []byte, opts *Options) []func() error {
	fs := []func() error{
		func() error { return Check(b, opts) },
		func() error {
			p, _ := NewParser(HandlerFunc(func(*Parser, *Event) error { return nil }), opts)
			if _, err := p.Write(b); err != nil {
				return err
			}
			return p.Close()
		},
		func() error { _, err := NewDecoderBytes(b, opts).ReadValue(); return err },
	}
	for _, r := range []func() io.Reader{func() io.Reader { return bytes.NewReader(b) }, func() io.Reader { return iotestOneByte(b) }} {
		fs = append(fs,
			func() error {
				d := NewDecoder(r(), opts)
				var err error
				for err == nil {
					_, err = d.ReadToken()
				}
				return err
			},
			func() error { _, err := NewDecoder(r(), opts).ReadValue(); return err },
			func() error { return NewDecoder(r(), opts).SkipValue() })
		if len(b) > 0 && (b[0]>>5 == majBytes || b[0]>>5 == majText) {
			fs = append(fs, func() error {
				_, sr, err := NewDecoder(r(), opts).StringReader()
				if err != nil {
					return err
				}
				_, err = io.Copy(io.Discard, sr)
				return err
			})
		}
	}
	return fs
}

// decodeAll runs every API over b and returns the errors.
func decodeAll(b []byte, opts *Options) []error {
	var errs []error
	for _, f := range apis(b, opts) {
		errs = append(errs, f())
	}
	return errs
}

// TestAttack29DeclaredLength: security catalog row 29. Headers of 5 to 13
// bytes declaring 2^32 … 2^64-1 array items, map pairs or string bytes fail
// (limit or end of input) with allocation bounded by a constant, through
// every API, with default and with lifted limits.
func TestAttack29DeclaredLength(t *testing.T) {
	var inputs [][]byte
	for _, ib := range []byte{0x5a, 0x7a, 0x9a, 0xba} { // 4-byte argument
		inputs = append(inputs, binary.BigEndian.AppendUint32([]byte{ib}, 0xffffffff))
	}
	for _, ib := range []byte{0x5b, 0x7b, 0x9b, 0xbb} { // 8-byte argument
		for _, n := range []uint64{1 << 32, 1 << 40, 1<<63 - 1, 1 << 63, 1<<64 - 1} {
			b := binary.BigEndian.AppendUint64([]byte{ib}, n)
			inputs = append(inputs, b, append(bytes.Clone(b), 0x00, 0x01, 0x02, 0x03)) // 9 and 13 bytes
		}
	}
	for _, in := range inputs {
		for _, opts := range []*Options{nil, loose} {
			var errs []error
			n := allocBytes(func() { errs = decodeAll(in, opts) })
			for i, err := range errs {
				var se *SyntaxError
				if !errors.As(err, &se) {
					t.Errorf("%x api %d: got %v, want a SyntaxError", in, i, err)
				}
			}
			// 12 decoders, each with a 4 KiB read buffer at most
			if n > 96<<10 {
				t.Errorf("%x (loose=%v): %d bytes allocated for a %d-byte input", in, opts != nil, n, len(in))
			}
		}
	}
	// A declared 2^40-byte string followed by 1 MiB of real data: the
	// decoder's buffer grows with the data that arrives, never with the
	// declared length.
	in := append(binary.BigEndian.AppendUint64([]byte{0x5b}, 1<<40), make([]byte, 1<<20)...)
	n := allocBytes(func() {
		d := NewDecoder(bytes.NewReader(in), loose)
		if _, err := d.ReadToken(); !errors.Is(err, ErrUnexpectedEOF) {
			t.Errorf("got %v", err)
		}
	})
	if n > 5<<20 {
		t.Errorf("%d bytes allocated for %d bytes of input", n, len(in))
	}
}

// TestAttack30NestedPrealloc: row 30. A 40 KB chain of nested array
// headers, each declaring the number of bytes remaining after it, fails with
// total allocation ≤ c × input: nothing is reserved for declared counts.
func TestAttack30NestedPrealloc(t *testing.T) {
	const size = 40 << 10
	var in []byte
	for len(in)+5 <= size {
		in = append(in, 0)
	}
	in = in[:0]
	for len(in)+5 <= size {
		in = binary.BigEndian.AppendUint32(append(in, 0x9a), uint32(size-len(in)-5))
	}
	for _, opts := range []*Options{nil, loose} {
		for i, f := range apis(in, opts) {
			var err error
			n := allocBytes(func() { err = f() })
			if !errors.Is(err, ErrDepth) && !errors.Is(err, ErrUnexpectedEOF) {
				t.Errorf("api %d: got %v", i, err)
			}
			// a frame is 56 bytes per 5-byte level and the stack doubles as it
			// grows; the error's path names every level ("[0]")
			if c := float64(n) / float64(len(in)); c > 32 {
				t.Errorf("api %d loose=%v: %d bytes allocated for %d bytes of input (%.0f×)", i, opts != nil, n, len(in), c)
			}
		}
	}
}

// TestAttack31Depth: row 31. 100,000 nested arrays (0x81) and 100,000
// nested tags (0xc1) fail with ErrDepth at the configured limit.
func TestAttack31Depth(t *testing.T) {
	for _, ib := range []byte{0x81, 0xc1, 0x9f, 0x5f} {
		in := bytes.Repeat([]byte{ib}, 100000)
		if ib == 0x5f {
			in = append([]byte{0x81}, in...) // nested indefinite strings are not allowed at all
		}
		for _, limit := range []int{0, 32} {
			want := int64(limit)
			if limit == 0 {
				want = DefaultMaxDepth
			}
			errs := decodeAll(in, &Options{MaxDepth: limit})
			for i, err := range errs {
				var se *SyntaxError
				if ib == 0x5f {
					if !errors.Is(err, ErrChunkType) {
						t.Errorf("5f api %d: %v", i, err)
					}
					continue
				}
				if !errors.As(err, &se) {
					t.Errorf("%x limit %d api %d: %v", ib, limit, i, err)
					continue
				}
				if !errors.Is(err, ErrDepth) || se.Offset != want {
					t.Errorf("%x limit %d api %d: %v, want depth error at %d", ib, limit, i, err, want)
				}
			}
		}
	}
}

// TestAttack32HeaderPlusLength: row 32. A string whose declared length fits
// in the remaining input but whose head plus length does not is rejected;
// and every truncation of every Appendix A item fails cleanly.
func TestAttack32HeaderPlusLength(t *testing.T) {
	for _, h := range []string{"5a 00000004 010203", "44 010203", "78 04 616263", "7b 0000000000000008 01020304050607", "82 44 01020304 43 0102"} {
		in := testenv.Hex(t, h)
		for i, err := range decodeAll(in, nil) {
			if !errors.Is(err, ErrUnexpectedEOF) {
				t.Errorf("%s api %d: %v", h, i, err)
			}
		}
	}
	for _, it := range loadAppendix(t) {
		b := testenv.Hex(t, it.Hex)
		for i := 0; i < len(b); i++ {
			if err := Check(b[:i], nil); err == nil {
				t.Errorf("%s truncated to %d accepted", it.Hex, i)
			}
		}
	}
}
