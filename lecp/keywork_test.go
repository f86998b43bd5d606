package lecp

import (
	"bytes"
	"encoding/hex"
	"errors"
	"io"
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
// stay within a small multiple of the input's length (for maps nested as
// keys in keys, see TestNestedMapKeyWorkLinear).
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

// mapKeyNest is {K: 0} with K the map {{…{0: 0}…: 0}: 0} nested depth
// deep, each level's key wrapped in wrap (open, close) and each level
// holding, after its key, extra further pairs (small keys, in increasing
// order of encoding: a level of more than linearKeys keys has a hash
// table; with last, one more pair of that key). With leaf, the innermost
// key is leaf instead of 0.
func mapKeyNest(open, close []byte, indef bool, depth, extra int, leaf, last []byte) []byte {
	if leaf == nil {
		leaf = []byte{0x00}
	}
	pairs := func(k []byte) []byte {
		var d []byte
		if indef {
			d = []byte{0xbf}
		} else {
			n := 1 + extra
			if last != nil {
				n++
			}
			d = AppendMapHeader(nil, uint64(n))
		}
		d = append(d, open...)
		d = append(d, k...)
		d = append(d, close...)
		d = append(d, 0x00)
		for i := range extra {
			d = AppendUint(d, uint64(1000+i))
			d = append(d, 0x00)
		}
		if last != nil {
			d = append(append(d, last...), 0x00)
		}
		if indef {
			d = append(d, 0xff)
		}
		return d
	}
	k := leaf
	for range depth {
		k = pairs(k)
	}
	return append(append([]byte{0xa1}, k...), 0x00)
}

// TestNestedMapKeyWorkLinear: a map key holding maps whose keys are maps in
// turn, { {{…{0:0}…:0}:0}: 0 }, had the key of each nested map copied (and
// closed up, and hashed in a map of many keys) as it completed, although it
// holds the keys of all the maps inside it: 500 levels, a 1 KB document,
// moved about 250 KB, and every 1,000 levels more (the default MaxDepth)
// 1,000 times the input. The work must stay within a small multiple of the
// input's length however deep the maps nest, in every mode that reads keys
// differently (indefinite maps, Deterministic, AllowDuplicateKeys, NaNs
// with payloads, maps with hash tables).
func TestNestedMapKeyWorkLinear(t *testing.T) {
	nan := fromHex("f97e01")
	for _, c := range []struct {
		name        string
		open, close []byte
		indef       bool
		extra       int
		leaf, last  []byte
		opts        Options
	}{
		{name: "{{0:0}:0}"},
		{name: "{_ {_ 0:0}:0}", indef: true},
		{name: "{[{[0]:0}]:0}", open: []byte{0x81}},
		{name: "{[_ {[_ 0]:0}]:0}", open: []byte{0x9f}, close: []byte{0xff}},
		{name: "{(_ …) in keys}", indef: true, leaf: fromHex("5f 41 01 41 02 ff")},
		{name: "Deterministic", opts: Options{Deterministic: true}},
		{name: "Deterministic NaN", leaf: nan, last: fromHex("fa 3f8ccccd"), opts: Options{Deterministic: true}},
		{name: "AllowDuplicateKeys", extra: 2, opts: Options{AllowDuplicateKeys: true}},
		{name: "hash tables", extra: linearKeys, opts: Options{MaxKeyLen: 1 << 20}},
	} {
		for _, depth := range []int{50, 400} {
			doc := mapKeyNest(c.open, c.close, c.indef, depth, c.extra, c.leaf, c.last)
			ch := NewChecker(&c.opts)
			if err := ch.Check(doc); err != nil {
				t.Fatalf("%s, depth %d: %v", c.name, depth, err)
			}
			if work := ch.m.keys.moved + ch.m.keys.copied; work > 4*len(doc) {
				t.Errorf("%s, depth %d: %d bytes of input, %d moved or copied reading its keys", c.name, depth, len(doc), work)
			}
		}
	}
}

// nestedKeyCase is a map m and the verdict of reading it with opts.
type nestedKeyCase struct {
	m    string
	opts *Options
	want error
}

func nestedKeyCases() []nestedKeyCase {
	det := &Options{Deterministic: true}
	hashed := func(last string) string { // 60 keys [_ i], then last
		s := "b8 3d"
		for i := range 60 {
			s += " 9f " + hex.EncodeToString(AppendUint(nil, uint64(i))) + " ff 00"
		}
		return s + last + " 00"
	}
	return []nestedKeyCase{
		{"a2 9f 01 9f 02 ff ff 00 82 01 81 02 00", nil, ErrDuplicateKey},
		{"a2 9f 01 9f 02 ff ff 00 82 01 81 03 00", nil, nil},
		{"a2 7f 61 61 61 62 ff 00 62 61 62 00", nil, ErrDuplicateKey},
		{"a2 7f 61 61 61 62 ff 00 62 62 62 00", nil, nil},
		{"a2 5f 41 01 ff 00 5f 41 01 40 ff 00", nil, ErrDuplicateKey},
		{"a2 f9 0000 00 f9 8000 00", nil, ErrDuplicateKey},
		{"a2 f9 8000 00 fb 0000000000000000 00", nil, ErrDuplicateKey},
		{"a2 f9 8000 00 f9 8000 00", &Options{AllowDuplicateKeys: true}, nil},
		{"a2 f9 0000 00 f9 3c00 00", nil, nil},
		{"a2 f9 0000 00 f9 0001 00", nil, nil},
		{"a2 a1 01 02 00 bf 01 02 ff 00", nil, ErrDuplicateKey},
		{"a2 a1 01 02 00 bf 01 03 ff 00", nil, nil},
		{"a2 c1 9f ff 00 c1 80 00", nil, ErrDuplicateKey},
		{"a2 c1 9f ff 00 c2 80 00", nil, nil},
		{hashed(" 9f 18 3b ff"), nil, ErrDuplicateKey},
		{hashed(" 81 18 3b"), nil, ErrDuplicateKey},
		{hashed(" 81 18 3c"), nil, nil},
		{"a2 f9 7e00 00 f9 7e01 00", det, ErrDuplicateKey},
		{"a2 f9 7e01 00 f9 7e00 00", det, ErrNotDeterministic},
		{"a2 81 f9 7e01 00 81 f9 7e02 00", det, ErrDuplicateKey},
		{"a2 81 f9 7e02 00 81 f9 7e01 00", det, ErrNotDeterministic},
		{"a2 81 f9 7e02 00 82 f9 7e01 00 00", det, nil},
		{"a2 82 f9 7e01 00 00 81 f9 7e02 00", det, ErrNotDeterministic},
		{"a2 82 f9 7e01 01 00 82 f9 7e01 00 00", det, ErrNotDeterministic},
		{"a2 82 f9 7e01 00 00 82 f9 7e01 01 00", det, nil},
		{"a2 81 f9 7e00 00 81 f9 7e01 00", det, ErrDuplicateKey},
		{"a2 81 f9 7e00 00 81 f9 7e00 00", &Options{Deterministic: true, AllowDuplicateKeys: true}, nil},
		{"a2 01 00 01 00", &Options{MaxKeyMemory: 16}, ErrTooManyKeys},
		// keys of 5 and 1 bytes, 16 bytes each of bookkeeping
		{"a2 a1 62 61 62 00 00 01 00", &Options{MaxKeyMemory: 37}, ErrTooManyKeys},
		{"a2 a1 62 61 62 00 00 01 00", &Options{MaxKeyMemory: 38}, nil},
	}
}

// nestedKeyDocs is m alone and inside keys {m: 0}, {[_ m]: 0} (but with
// Deterministic), {{m: 0}: 0}.
func nestedKeyDocs(m []byte, opts *Options) [][]byte {
	docs := [][]byte{
		m,
		append(append([]byte{0xa1}, m...), 0),
		append(append([]byte{0xa1, 0xa1}, m...), 0, 0),
	}
	if opts == nil || !opts.Deterministic {
		docs = append(docs, append(append([]byte{0xa1, 0x9f}, m...), 0xff, 0))
	}
	return docs
}

// TestNestedMapKeyDuplicates: maps inside a map key, whose keys are known by
// fingerprint and compared on canonical encodings rebuilt in place, find the
// same duplicates (and Deterministic order) as maps anywhere else: a map m
// gives the same verdict read alone as inside keys, through every API and
// every split of the input (a string key split across writes once started
// its key twice, which misplaced every fingerprint after it).
func TestNestedMapKeyDuplicates(t *testing.T) {
	for _, c := range nestedKeyCases() {
		for _, doc := range nestedKeyDocs(fromHex(c.m), c.opts) {
			errs := decodeAll(doc, c.opts)
			for _, split := range []int{1, 2, 3} {
				p, _ := NewParser(HandlerFunc(func(*Parser, *Event) error { return nil }), c.opts)
				errs = append(errs, writeSplit(p, doc, func(int) int { return split }))
			}
			for i, err := range errs {
				if err == io.EOF { // the end of ReadToken's tokens
					err = nil
				}
				if !errors.Is(err, c.want) || (c.want == nil) != (err == nil) {
					t.Errorf("%x api %d: %v, want %v", doc, i, err, c.want)
				}
			}
		}
	}
}

// TestNestedMapKeyFingerprintCollisions: keys of maps inside keys whose
// fingerprints match are the same key only if their canonical encodings
// are: with the hash's point forced to 0 (a fingerprint is then the last
// byte) or 1 (the sum of the bytes), so that different keys collide, the
// verdicts stand.
func TestNestedMapKeyFingerprintCollisions(t *testing.T) {
	for _, r := range []uint64{0, 1} {
		for _, c := range nestedKeyCases() {
			for _, doc := range nestedKeyDocs(fromHex(c.m), c.opts) {
				ch := NewChecker(c.opts)
				ch.m.keys.polyR = r
				err := ch.Check(doc)
				if !errors.Is(err, c.want) || (c.want == nil) != (err == nil) {
					t.Errorf("r=%d %x: %v, want %v", r, doc, err, c.want)
				}
			}
		}
	}
}

// TestNestedMapKeyZeroTwinAllocs: 0.0 and -0.0 as keys of a map inside a
// map key, {{0.0: 0, -0.0: 0}: 0}, rebuilt the first key's encoding into
// a fresh buffer each time to compare it with the second's, an allocation
// more per such error than the same duplicate anywhere else.
func TestNestedMapKeyZeroTwinAllocs(t *testing.T) {
	top := fromHex("a2 f90000 00 f98000 00")
	inner := fromHex("a1 a2 f90000 00 f98000 00 00")
	c := NewChecker(nil)
	check := func(doc []byte) float64 {
		if err := c.Check(doc); !errors.Is(err, ErrDuplicateKey) {
			t.Fatalf("%x: %v, want ErrDuplicateKey", doc, err)
		}
		return testing.AllocsPerRun(20, func() { _ = c.Check(doc) })
	}
	if a, b := check(top), check(inner); b > a {
		t.Errorf("%v allocations for 0.0 and -0.0 as keys of a map in a key, %v as keys of the top map", b, a)
	}
}
