package lecp

import (
	"bytes"
	"errors"
	"testing"
)

// nestedKey is a map key of depth containers (open, then close after the
// content) around a byte string of n bytes that starts with tag.
func nestedKey(open, close []byte, depth, n int, tag byte) []byte {
	k := bytes.Repeat(open, depth)
	s := make([]byte, n)
	s[0] = tag
	k = AppendBytes(k, s)
	return append(k, bytes.Repeat(close, depth)...)
}

// TestIndefiniteKeyWorkLinear: the canonical encoding of a map key built
// from indefinite-length items had each item's head inserted where the item
// started as it ended, moving the rest of the key each time: 200 nested
// [_ around a 1000-byte string moved 200 KB per key. The bytes moved must
// stay within a small multiple of the input's length. (Not so for maps
// nested as keys in keys: each such key is copied as it completes, like
// every key held for duplicate detection, so the work is the input's
// length times that nesting.)
func TestIndefiniteKeyWorkLinear(t *testing.T) {
	for _, c := range []struct {
		name        string
		open, close []byte
	}{
		{"[_", []byte{0x9f}, []byte{0xff}},
		{"{_ 0: ...}", []byte{0xbf, 0x00}, []byte{0xff}},
		{"[_ 1 [_ ... ] 2]", []byte{0x9f, 0x01}, []byte{0x02, 0xff}},
		{"[_ (_ h'00') ...]", []byte{0x9f, 0x5f, 0x41, 0x00, 0xff}, []byte{0xff}},
	} {
		const keys = 4
		doc := AppendMapHeader(nil, keys)
		for i := range keys {
			doc = append(doc, nestedKey(c.open, c.close, 200, 1000, byte(i))...)
			doc = AppendUint(doc, 0)
		}
		ch := NewChecker(nil)
		if err := ch.Check(doc); err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if moved := ch.m.keys.moved; moved > 2*len(doc) {
			t.Errorf("%s: %d bytes of input, %d moved building its keys", c.name, len(doc), moved)
		}
	}
}

// TestIndefiniteKeyCanonical: keys built from indefinite-length items, with
// their heads written into room reserved where they start, are the same
// keys as their definite forms, nested in maps that are keys too, and their
// length against MaxKeyLen is that of the canonical encoding, not of the
// room reserved.
func TestIndefiniteKeyCanonical(t *testing.T) {
	for _, c := range []struct{ indef, def string }{
		{"9f 9f 01 ff 5f 41 01 41 02 ff bf 01 9f ff ff ff", "83 81 01 42 0102 a1 01 80"},
		{"bf 9f 01 9f ff ff 00 9f 7f 61 61 ff ff 01 ff", "a2 82 01 80 00 81 61 61 01"},
		{"9f bf bf 9f 01 ff 02 ff 03 ff ff", "81 a1 a1 81 01 02 03"},
		{"c1 9f c2 5f ff ff", "c1 81 c2 40"},
	} {
		in, de := fromHex(c.indef), fromHex(c.def)
		for _, doc := range [][]byte{
			append(append(append(append([]byte{0xa2}, in...), 0), de...), 0),
			append(append(append(append([]byte{0xa2}, de...), 0), in...), 0),
		} {
			if err := Check(doc, nil); !errors.Is(err, ErrDuplicateKey) {
				t.Errorf("{%s: 0, %s: 0}: %v, want a duplicate", c.indef, c.def, err)
			}
		}
		doc := append(append([]byte{0xa1}, in...), 0)
		if err := Check(doc, &Options{MaxKeyLen: len(de)}); err != nil {
			t.Errorf("{%s: 0} with MaxKeyLen %d: %v", c.indef, len(de), err)
		}
		if err := Check(doc, &Options{MaxKeyLen: len(de) - 1}); !errors.Is(err, ErrKeyTooLarge) {
			t.Errorf("{%s: 0} with MaxKeyLen %d: %v, want ErrKeyTooLarge", c.indef, len(de)-1, err)
		}
	}
}

// TestIndefiniteKeyBufferBounded: the room reserved for the heads of
// indefinite-length items in a key (maxHead bytes each) was closed up only
// when the key was complete, so a key of many short indefinite items held
// about nine times its canonical length: {[_ [_] [_] ...]: 0} with 60,000
// inner [_] (a 60 KB canonical key, within DefaultMaxKeyLen) held 557 KB,
// where the key alone, 74 KB, was held before. The buffer a key is built in
// must stay within a small multiple of the key's canonical length.
func TestIndefiniteKeyBufferBounded(t *testing.T) {
	const n = 60000
	for _, c := range []struct {
		name  string
		inner []byte
		canon int // canonical bytes per inner item
	}{
		{"[_]", []byte{0x9f, 0xff}, 1},
		{"{_}", []byte{0xbf, 0xff}, 1},
		{"(_ h'00')", []byte{0x5f, 0x41, 0x00, 0xff}, 2},
		{"[_ [_] [_ (_)]]", []byte{0x9f, 0x9f, 0xff, 0x9f, 0x5f, 0xff, 0xff, 0xff}, 4},
	} {
		doc := []byte{0xa1, 0x9f}
		for range n / c.canon {
			doc = append(doc, c.inner...)
		}
		doc = append(doc, 0xff, 0x00)
		ch := NewChecker(nil)
		if err := ch.Check(doc); err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if held := cap(ch.m.keys.kbuf); held > 3*n {
			t.Errorf("%s: a key of %d canonical bytes held %d", c.name, n, held)
		}
		if moved := ch.m.keys.moved; moved > 2*len(doc) {
			t.Errorf("%s: %d bytes of input, %d moved building its key", c.name, len(doc), moved)
		}
	}
}

// TestMaxKeyLenIsCanonicalLength pins what Options.MaxKeyLen's godoc says:
// it bounds a key's canonical encoding, not its encoding as received (a
// head longer than needed, an indefinite length), whatever the input's
// split.
func TestMaxKeyLenIsCanonicalLength(t *testing.T) {
	for _, c := range []struct {
		key   string
		canon int
	}{
		{"1b 0000000000000001", 1},
		{"7f 61 61 61 62 ff", 3},
		{"9f 19 0001 5f 41 01 ff ff", 4},
		{"c1 9f 3b 0000000000000000 ff", 3},
	} {
		doc := append(append([]byte{0xa1}, fromHex(c.key)...), 0)
		for _, split := range []func(int) int{nil, func(int) int { return 1 }} {
			for lim, want := range map[int]error{c.canon: nil, c.canon - 1: ErrKeyTooLarge} {
				if lim == 0 {
					continue // the default
				}
				p, _ := NewParser(HandlerFunc(func(*Parser, *Event) error { return nil }), &Options{MaxKeyLen: lim})
				if err := writeSplit(p, doc, split); !errors.Is(err, want) || (want == nil) != (err == nil) {
					t.Errorf("{%s: 0} with MaxKeyLen %d: %v, want %v", c.key, lim, err, want)
				}
				if err := Check(doc, &Options{MaxKeyLen: lim}); !errors.Is(err, want) || (want == nil) != (err == nil) {
					t.Errorf("Check {%s: 0} with MaxKeyLen %d: %v, want %v", c.key, lim, err, want)
				}
			}
		}
	}
}
