package lecp

// Security catalog rows 29-32 again, through the APIs attack_test.go does
// not cover: the push parser fed one byte at a time, the Decoder over a
// reader that returns one byte per Read, Items and ReadItems (RFC 8742
// sequences), AppendDiag and AppendJSON; with declared lengths 2^32…2^64,
// 100,000 nested arrays, maps, tags and indefinite-length items (also in
// map key position, where keys are canonicalised), and indefinite-length
// strings of a million tiny chunks. Every bound is measured (bytes
// allocated, allocations per run), never timed.

import (
	"bytes"
	"encoding/binary"
	"errors"
	"io"
	"testing"
)

type hostileAPI struct {
	name string
	run  func(b []byte, opts *Options) error
}

// hostileAPIs are the ways of reading input not covered by apis().
var hostileAPIs = []hostileAPI{
	{"push 1 byte at a time", func(b []byte, opts *Options) error {
		p, _ := NewParser(HandlerFunc(func(*Parser, *Event) error { return nil }), opts)
		for i := range b {
			if _, err := p.Write(b[i : i+1]); err != nil {
				return err
			}
		}
		return p.Close()
	}},
	{"pull over a 1-byte reader", func(b []byte, opts *Options) error {
		d := NewDecoder(iotestOneByte(b), opts)
		for {
			if _, err := d.ReadToken(); err != nil {
				if err == io.EOF {
					return nil
				}
				return err
			}
		}
	}},
	{"Items", func(b []byte, opts *Options) error {
		for _, err := range Items(b, opts) {
			if err != nil {
				return err
			}
		}
		return nil
	}},
	{"ReadItems over a 1-byte reader", func(b []byte, opts *Options) error {
		for _, err := range ReadItems(iotestOneByte(b), opts) {
			if err != nil {
				return err
			}
		}
		return nil
	}},
	{"AppendDiag", func(b []byte, opts *Options) error { _, err := AppendDiag(nil, b, opts); return err }},
	{"AppendJSON", func(b []byte, opts *Options) error { _, err := AppendJSON(nil, b, opts); return err }},
}

// TestHostile29DeclaredLength: row 29. Heads declaring 2^32…2^64-1 bytes,
// items or pairs, alone, inside containers, as an indefinite string's
// chunk and in key position, fail with at most 64 KiB allocated by any API
// (nothing is reserved for a declared length), with the default limits and
// with every limit lifted.
func TestHostile29DeclaredLength(t *testing.T) {
	var heads [][]byte
	for _, ib := range []byte{0x5a, 0x7a, 0x9a, 0xba} {
		heads = append(heads, binary.BigEndian.AppendUint32([]byte{ib}, 0xffffffff))
	}
	for _, ib := range []byte{0x5b, 0x7b, 0x9b, 0xbb} {
		for _, n := range []uint64{1 << 32, 1 << 40, 1<<63 - 1, 1 << 63, 1<<64 - 1} {
			heads = append(heads, binary.BigEndian.AppendUint64([]byte{ib}, n))
		}
	}
	var inputs [][]byte
	for _, h := range heads {
		inputs = append(inputs, h,
			append(bytes.Clone(h), 0, 1, 2, 3),           // a few bytes of content
			append([]byte{0x82}, h...),                   // in an array
			append([]byte{0xc1}, h...),                   // under a tag
			append([]byte{0xa1}, h...),                   // in key position
			append([]byte{0xa1, 0x01}, h...),             // as a value
			append([]byte{0x9f, 0x81, 0xa1, 0x81}, h...)) // nested, key of a map in an array
		if h[0]>>5 == majBytes || h[0]>>5 == majText {
			inputs = append(inputs, append([]byte{h[0] | 31}, h...)) // a chunk of an indefinite string
		}
	}
	for _, in := range inputs {
		for _, opts := range []*Options{nil, loose} {
			for _, api := range hostileAPIs {
				var err error
				n := allocBytes(func() { err = api.run(in, opts) })
				var se *SyntaxError
				if !errors.As(err, &se) {
					t.Errorf("%x %s: %v, want a SyntaxError", in, api.name, err)
				}
				if n > 64<<10 {
					t.Errorf("%x %s (loose=%v): %d bytes allocated for %d bytes of input", in, api.name, opts == loose, n, len(in))
				}
			}
		}
	}
}

// TestHostile30NestedPrealloc: row 30, a 40 KB chain of array heads each
// declaring the bytes after it: total allocation ≤ 48 × input (AppendDiag
// keeps its own level besides the decoder's 56-byte frame); and the same
// chain of map heads, each map in the key position of the one before (so
// the key being canonicalised holds every head, and every level has a key
// filter): ≤ 96 × input. Per 5-byte level: a 56-byte frame, a 32-byte key
// filter, the head in the key, all in buffers that double, and the level in
// the error's path.
func TestHostile30NestedPrealloc(t *testing.T) {
	const size = 40 << 10
	for _, ib := range []byte{0x9a, 0xba} {
		var in []byte
		for len(in)+5 <= size {
			in = binary.BigEndian.AppendUint32(append(in, ib), uint32(size-len(in)-5))
		}
		for _, opts := range []*Options{nil, loose} {
			for _, api := range hostileAPIs {
				var err error
				n := allocBytes(func() { err = api.run(in, opts) })
				if !errors.Is(err, ErrDepth) && !errors.Is(err, ErrUnexpectedEOF) {
					t.Errorf("%x… %s: %v", in[:5], api.name, err)
				}
				if c := float64(n) / float64(len(in)); c > 48 && ib == 0x9a || c > 96 {
					t.Errorf("%x… %s (loose=%v): %d bytes allocated for %d bytes of input (%.0f×)", in[:5], api.name, opts == loose, n, len(in), c)
				}
			}
		}
	}
}

// TestHostile31Depth: row 31. 100,000 nested arrays, indefinite arrays,
// tags, maps in key position (definite and indefinite: the key being
// canonicalised nests with them) and mixtures fail with ErrDepth at the
// configured limit, at the offset of the first item too deep, with
// allocation bounded by the limit (not by the input).
func TestHostile31Depth(t *testing.T) {
	for _, unit := range [][]byte{{0x81}, {0x9f}, {0xc1}, {0xa1}, {0xbf}, {0x81, 0xc1, 0xbf}, {0xd9, 0xff, 0xff}} {
		in := bytes.Repeat(unit, 100000/len(unit))
		for _, limit := range []int{0, 32} {
			want := limit
			if limit == 0 {
				want = DefaultMaxDepth
			}
			opts := &Options{MaxDepth: limit}
			levelLen := 1 // bytes per level
			if unit[0] == 0xd9 {
				levelLen = 3
			}
			for _, api := range hostileAPIs {
				var err error
				n := allocBytes(func() { err = api.run(in, opts) })
				var se *SyntaxError
				if !errors.Is(err, ErrDepth) || !errors.As(err, &se) || se.Offset != int64(want*levelLen) {
					t.Errorf("%x×%d limit %d %s: %v, want ErrDepth at offset %d", unit, len(in)/len(unit), want, api.name, err, want*levelLen)
				}
				if n > 2<<20 {
					t.Errorf("%x×%d limit %d %s: %d bytes allocated", unit, len(in)/len(unit), want, api.name, n)
				}
			}
		}
	}
}

// TestHostileTinyChunks: indefinite-length strings of a million chunks
// (empty, or of one byte), alone, as map keys and as bignum content, are
// read with allocation ≤ 64 × input by every API (AppendDiag writes up to
// nine bytes per two-byte chunk, for example "h'00', ", in a buffer that
// doubles; AppendJSON names a byte-string key in diagnostic notation, then
// quotes it), and Check with a reused Checker allocates nothing at all.
func TestHostileTinyChunks(t *testing.T) {
	const chunks = 1 << 20
	inputs := map[string][]byte{
		"empty byte chunks":      append(append([]byte{0x5f}, bytes.Repeat([]byte{0x40}, chunks)...), 0xff),
		"empty text chunks":      append(append([]byte{0x7f}, bytes.Repeat([]byte{0x60}, chunks)...), 0xff),
		"1-byte byte chunks":     append(append([]byte{0x5f}, bytes.Repeat([]byte{0x41, 0x00}, chunks/2)...), 0xff),
		"1-byte text chunks":     append(append([]byte{0x7f}, bytes.Repeat([]byte{0x61, 0x61}, chunks/2)...), 0xff),
		"key of empty chunks":    append(append([]byte{0xa1, 0x7f}, bytes.Repeat([]byte{0x60}, chunks)...), 0xff, 0x00),
		"key of 1-byte chunks":   append(append([]byte{0xa1, 0x5f}, bytes.Repeat([]byte{0x41, 0x00}, DefaultMaxKeyLen-16)...), 0xff, 0x00),
		"bignum of 1-byte chunk": append(append([]byte{0xc2, 0x5f}, bytes.Repeat([]byte{0x41, 0x01}, 4096)...), 0xff),
	}
	for name, in := range inputs {
		for _, api := range hostileAPIs {
			var err error
			n := allocBytes(func() { err = api.run(in, nil) })
			if err != nil {
				t.Errorf("%s %s: %v", name, api.name, err)
			}
			if c := float64(n) / float64(len(in)); c > 64 {
				t.Errorf("%s %s: %d bytes allocated for %d bytes of input (%.1f×)", name, api.name, n, len(in), c)
			}
		}
		c := NewChecker(nil)
		if err := c.Check(in); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if a := testing.AllocsPerRun(3, func() { c.Check(in) }); a != 0 {
			t.Errorf("%s: Checker.Check allocates %.0f times per run", name, a)
		}
	}
}

// TestHostileSequence: a sequence of a million one-byte items goes
// through Items and ReadItems (over a 1-byte reader) with allocation that
// does not grow with the number of items.
func TestHostileSequence(t *testing.T) {
	in := bytes.Repeat([]byte{0x00}, 1<<20)
	for _, api := range hostileAPIs[2:4] {
		var err error
		n := allocBytes(func() { err = api.run(in, nil) })
		if err != nil {
			t.Errorf("%s: %v", api.name, err)
		}
		if n > 64<<10 {
			t.Errorf("%s: %d bytes allocated for %d items", api.name, n, len(in))
		}
	}
	count := 0
	for v, err := range Items(in, nil) {
		if err != nil || len(v) != 1 {
			t.Fatalf("item %d: %x, %v", count, v, err)
		}
		count++
	}
	if count != len(in) {
		t.Fatalf("%d items, want %d", count, len(in))
	}
}
