package lecp

import (
	"errors"
	"strings"
	"testing"

	"github.com/lwscrypto/lwscrypto/internal/testenv"
)

// TestNotWellFormed covers the classes of RFC 8949 Appendix F and the
// strict rules, each with its sentinel and offset, through Check, the push
// parser byte by byte and the pull decoder.
func TestNotWellFormed(t *testing.T) {
	for _, tc := range []struct {
		hex  string
		err  error
		off  int64
		opts *Options
	}{
		{"", ErrUnexpectedEOF, 0, nil},
		{"18", ErrUnexpectedEOF, 1, nil},
		{"1b00000000", ErrUnexpectedEOF, 5, nil},
		{"62 61", ErrUnexpectedEOF, 2, nil},
		{"83 01 02", ErrUnexpectedEOF, 3, nil},
		{"9f 01", ErrUnexpectedEOF, 2, nil},
		{"a1 01", ErrUnexpectedEOF, 2, nil},
		{"c1", ErrUnexpectedEOF, 1, nil},
		{"5f 41 00", ErrUnexpectedEOF, 3, nil},
		{"1c", ErrReservedInfo, 0, nil},
		{"3d", ErrReservedInfo, 0, nil},
		{"5e", ErrReservedInfo, 0, nil},
		{"fe", ErrReservedInfo, 0, nil},
		{"1f", ErrIndefinite, 0, nil},
		{"3f", ErrIndefinite, 0, nil},
		{"df", ErrIndefinite, 0, nil},
		{"ff", ErrBreak, 0, nil},
		{"81 ff", ErrBreak, 1, nil},
		{"bf 01 ff", ErrBreak, 2, nil},
		{"5f 61 61 ff", ErrChunkType, 1, nil},
		{"7f 41 61 ff", ErrChunkType, 1, nil},
		{"5f 5f 41 00 ff ff", ErrChunkType, 1, nil},
		{"5f 01 ff", ErrChunkType, 1, nil},
		{"f8 00", ErrSimple, 0, nil},
		{"f8 18", ErrSimple, 0, nil},
		{"f8 1f", ErrSimple, 0, nil},
		{"62 c3 28", ErrInvalidUTF8, 1, nil},
		{"63 ed a0 80", ErrInvalidUTF8, 1, nil},
		{"61 ff", ErrInvalidUTF8, 1, nil},
		{"7f 61 c3 61 bc ff", ErrInvalidUTF8, 2, nil},
		{"a2 01 02 01 03", ErrDuplicateKey, 4, nil},
		{"a2 61 61 01 7f 61 61 ff 02", ErrDuplicateKey, 8, nil},
		{"a2 81 01 01 9f 01 ff 02", ErrDuplicateKey, 7, nil},
		{"a2 f9 3c00 01 fb 3ff0000000000000 02", ErrDuplicateKey, 14, nil},
		{"01 02", ErrTrailingData, 1, nil},
		{"18 01", ErrNotDeterministic, 0, &Options{Deterministic: true}},
		{"19 00ff", ErrNotDeterministic, 0, &Options{Deterministic: true}},
		{"fb 3ff0000000000000", ErrNotDeterministic, 0, &Options{Deterministic: true}},
		{"9f ff", ErrIndefinite, 0, &Options{Deterministic: true}},
		{"a2 02 00 01 00", ErrNotDeterministic, 4, &Options{Deterministic: true}},
		{"a2 61 62 00 18 18 00", ErrNotDeterministic, 6, &Options{Deterministic: true}},
		{"81 81 81 00", ErrDepth, 2, &Options{MaxDepth: 2}},
		{"c1 c1 c1 00", ErrDepth, 2, &Options{MaxDepth: 2}},
		{"65 6162636465", ErrStringTooLong, 0, &Options{MaxStringLen: 4}},
		{"7f 63 616263 62 6465 ff", ErrStringTooLong, 5, &Options{MaxStringLen: 4}},
		{"83 01 02 03", ErrTooManyItems, 0, &Options{MaxItems: 2}},
		{"9f 01 02 03 ff", ErrTooManyItems, 3, &Options{MaxItems: 2}},
		{"a1 65 6162636465 00", ErrKeyTooLarge, 7, &Options{MaxKeyLen: 4}},
	} {
		b := testenv.Hex(t, tc.hex)
		check := func(how string, err error) {
			t.Helper()
			var se *SyntaxError
			if !errors.As(err, &se) || !errors.Is(err, tc.err) {
				t.Errorf("%s %s: got %v, want %v", tc.hex, how, err, tc.err)
				return
			}
			if se.Offset != tc.off {
				t.Errorf("%s %s: offset %d, want %d (%v)", tc.hex, how, se.Offset, tc.off, err)
			}
		}
		check("Check", Check(b, tc.opts))
		p, _ := NewParser(HandlerFunc(func(*Parser, *Event) error { return nil }), tc.opts)
		var err error
		for i := range b {
			if _, err = p.Write(b[i : i+1]); err != nil {
				break
			}
		}
		if err == nil {
			err = p.Close()
		}
		check("push", err)
		d := NewDecoder(iotestOneByte(b), tc.opts)
		for err = nil; err == nil; _, err = d.ReadToken() {
		}
		check("pull", err)
	}
}

// TestWellFormedEdges accepts what strict mode must still accept.
func TestWellFormedEdges(t *testing.T) {
	for _, h := range []string{
		"f8 20", "f8 ff", "f0", "f3", // simple values
		"1b ffffffffffffffff", "3b ffffffffffffffff",
		"5f ff", "7f ff", "5f 40 ff", "7f 60 60 ff", "9f ff", "bf ff",
		"a2 01 00 21 00", "a2 01 00 61 31 00", // integer 1 and text "1" differ
		"a2 41 61 61 61 00 00", // bytes 'a' and text "a" differ
		"a2 f9 3c00 00 01 00",  // float 1.0 and integer 1 differ
		"a2 80 00 81 00 00",
		"c0 c1 c2 40",
		"18 01",          // non-preferred head, allowed unless Deterministic
		"a2 02 00 01 00", // unsorted keys, allowed unless Deterministic
		"fa 3fc00000",
	} {
		if err := Check(testenv.Hex(t, h), nil); err != nil {
			t.Errorf("%s: %v", h, err)
		}
	}
	for _, h := range []string{"a2 01 00 02 00", "a2 61 62 00 62 61 61 00", "a2 0a 00 18 64 00", "f9 3e00", "fa 47c35000", "fb 3ff199999999999a"} {
		if err := Check(testenv.Hex(t, h), &Options{Deterministic: true}); err != nil {
			t.Errorf("deterministic %s: %v", h, err)
		}
	}
	if err := Check(nil, &Options{AllowSequence: true}); err != nil {
		t.Errorf("empty sequence: %v", err)
	}
	if err := Check(testenv.Hex(t, "01 02 83 01 02 03"), &Options{AllowSequence: true}); err != nil {
		t.Errorf("sequence: %v", err)
	}
	if err := Check(testenv.Hex(t, "a2 01 00 01 00"), &Options{AllowDuplicateKeys: true}); err != nil {
		t.Errorf("AllowDuplicateKeys: %v", err)
	}
	if err := Check(testenv.Hex(t, "62 c3 28"), &Options{AllowInvalidUTF8: true}); err != nil {
		t.Errorf("AllowInvalidUTF8: %v", err)
	}
}

// TestLargeMapDuplicates checks duplicate detection through the hash table
// of a large map, definite and indefinite, with nested maps in between.
func TestLargeMapDuplicates(t *testing.T) {
	build := func(n int, dupAt int) []byte {
		b := AppendMapHeader(nil, uint64(n))
		for i := range n {
			k := i
			if i == dupAt {
				k = 3
			}
			b = AppendInt(b, int64(k))
			b = AppendMapHeader(b, 1)
			b = AppendText(b, "x")
			b = AppendUint(b, uint64(i))
		}
		return b
	}
	if err := Check(build(5000, -1), nil); err != nil {
		t.Fatal(err)
	}
	if err := Check(build(5000, 4000), nil); !errors.Is(err, ErrDuplicateKey) {
		t.Fatalf("got %v, want duplicate", err)
	}
}

// TestCheckKeyLenAllowDuplicates: with duplicates allowed, Check still
// enforces MaxKeyLen (on the key's encoding), as the push parser does.
func TestCheckKeyLenAllowDuplicates(t *testing.T) {
	opts := &Options{AllowDuplicateKeys: true, MaxKeyLen: 3}
	if err := Check(testenv.Hex(t, "a2 626162 01 626162 02"), opts); err != nil {
		t.Errorf("3-byte keys: %v", err)
	}
	b := testenv.Hex(t, "a2 626162 01 63616263 02")
	err := Check(b, opts)
	if !errors.Is(err, ErrKeyTooLarge) {
		t.Errorf("4-byte key: got %v, want ErrKeyTooLarge", err)
	}
	if push := tracePush(b, opts, nil); !strings.Contains(push, "error: ") {
		t.Errorf("push accepted: %s", push)
	}
}
