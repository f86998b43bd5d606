package lecp

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"testing"
)

// rawKeyNestWrite writes, with w, a map whose first key nests maps depth
// deep, each {inner: 0, "a": 1}, around a RawItem byte string of leaf
// bytes whose head is one byte wider than needed when wide (5a …, not
// 59 …); the outer map's second key is "b".
func rawKeyNestWrite(w *Writer, depth, leaf int, wide bool) {
	w.BeginMap()
	for range depth {
		w.BeginMap()
	}
	var raw []byte
	if wide {
		raw = binary.BigEndian.AppendUint32([]byte{0x5a}, uint32(leaf))
	} else {
		raw = appendHead(nil, majBytes, uint64(leaf))
	}
	w.RawItem(append(raw, bytes.Repeat([]byte{0x5a}, leaf)...))
	for range depth {
		w.Uint(0)
		w.Text("a")
		w.Uint(1)
		w.EndMap()
	}
	w.Uint(0)
	w.Text("b")
	w.Uint(1)
	w.EndMap()
}

// TestWriterRawKeyWorkLinear: a RawItem deep inside a map key made every
// enclosing map copy all its keys and check them again with a Checker (to
// see keys equal only as data items), so a key nesting maps 1000 deep
// around 8 KB with a RawItem at the bottom cost about 10 MB of work for 13
// KB of output. The bytes the Writer moves, copies and compares must stay
// within a small multiple of its output, the raw item's head wider than
// needed or not, with and without Deterministic.
func TestWriterRawKeyWorkLinear(t *testing.T) {
	const leaf = 8 << 10
	for _, depth := range []int{10, 300, 1000} {
		for _, det := range []bool{false, true} {
			for _, wide := range []bool{false, true} {
				if det && wide {
					continue // not deterministic: refused
				}
				name := fmt.Sprintf("depth %d deterministic %v wide %v", depth, det, wide)
				w := &Writer{Deterministic: det}
				rawKeyNestWrite(w, depth, leaf, wide)
				writerWorkLinear(t, name, w)
			}
		}
	}
}

// TestWriterRawKeyCanonicalDuplicates: keys that are equal only as data
// items, with a RawItem of another encoding deep inside one of them under
// pending heads, are duplicates; keys that differ are not.
func TestWriterRawKeyCanonicalDuplicates(t *testing.T) {
	long := bytes.Repeat([]byte{7}, 2*shortContent)
	for _, c := range []struct {
		raw, same []byte
		dup       bool
		top       bool // a duplicate as a whole key only (0.0 and -0.0)
	}{
		{[]byte{0x18, 0x01}, []byte{0x01}, true, false},
		{[]byte{0x18, 0x01}, []byte{0x02}, false, false},
		{[]byte{0xfa, 0x80, 0, 0, 0}, []byte{0xf9, 0x80, 0}, true, false},
		{[]byte{0xfa, 0x80, 0, 0, 0}, []byte{0xf9, 0, 0}, false, true},
		{[]byte{0x7f, 0x61, 0x61, 0xff}, []byte{0x61, 0x61}, true, false},
		{[]byte{0xf9, 0x7e, 0x01}, []byte{0xf9, 0x7e, 0x00}, true, false},
	} {
		for _, nest := range []int{0, 1, 3} {
			for _, rawFirst := range []bool{false, true} {
				w := Writer{}
				w.BeginMap()
				for _, first := range []bool{true, false} {
					for range nest {
						w.BeginArray()
						w.ByteString(long)
					}
					if first == rawFirst {
						w.RawItem(c.raw)
					} else {
						w.RawItem(c.same)
					}
					for range nest {
						w.EndArray()
					}
					w.Null()
				}
				w.EndMap()
				out, err := w.Bytes()
				dup := c.dup || c.top && nest == 0
				if dup != errors.Is(err, ErrDuplicateKey) || !dup && err != nil {
					t.Errorf("%x and %x nested %d (raw first %v): %v", c.raw, c.same, nest, rawFirst, err)
				}
				if err == nil {
					if err := Check(out, nil); err != nil {
						t.Errorf("%x and %x nested %d: output refused: %v", c.raw, c.same, nest, err)
					}
				}
			}
		}
	}
}
