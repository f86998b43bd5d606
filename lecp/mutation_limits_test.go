package lecp

// Limits at exactly N and N+1, written to kill mutants of the limit
// constants and checks that survived the rest of the suite (see
// mutation_test.go).

import (
	"bytes"
	"encoding/binary"
	"errors"
	"io"
	"strconv"
	"strings"
	"testing"
)

// limitCase is an input at or just past a limit, and the cause every API
// must report (nil: accepted, or failing only for want of more input).
type limitCase struct {
	name string
	doc  []byte
	opts *Options
	want error
	off  int64 // the SyntaxError's Offset for Check, when want is not nil
}

// checkLimitCases runs every API of decodeAll over each case: an accepted
// input (want nil) may fail only with ErrUnexpectedEOF (a declared length
// the input does not hold), a refused one with want; Check's error also has
// the offset.
func checkLimitCases(t *testing.T, cases []limitCase) {
	t.Helper()
	for _, tc := range cases {
		for i, err := range decodeAll(tc.doc, tc.opts) {
			switch {
			case tc.want == nil && err != nil && err != io.EOF && !errors.Is(err, ErrUnexpectedEOF):
				t.Errorf("%s: api %d: %v, want acceptance", tc.name, i, err)
			case tc.want != nil && !errors.Is(err, tc.want):
				t.Errorf("%s: api %d: %v, want %v", tc.name, i, err, tc.want)
			}
		}
		if tc.want == nil {
			continue
		}
		var se *SyntaxError
		if err := Check(tc.doc, tc.opts); !errors.As(err, &se) || se.Offset != tc.off {
			t.Errorf("%s: Check: %v, want %v at offset %d", tc.name, err, tc.want, tc.off)
		}
	}
}

// keyMemoryMap is a map of n pairs whose keys are distinct byte strings of
// keyLen encoded bytes (a 2-byte head: 24 < keyLen-2 < 256), the last one a
// byte longer when over is set, each with value 0; it returns the map and
// the offset just past the last key.
func keyMemoryMap(n, keyLen int, over bool) ([]byte, int64) {
	b := AppendMapHeader(nil, uint64(n))
	var end int
	k := make([]byte, keyLen-2, keyLen-1)
	for i := range n {
		binary.BigEndian.PutUint32(k, uint32(i))
		if over && i == n-1 {
			k = append(k, 'x')
		}
		b = AppendBytes(b, k)
		end = len(b)
		b = AppendUint(b, 0)
	}
	return b, int64(end)
}

// TestDefaultLimits pins each default limit at exactly N (accepted) and N+1
// (refused with its cause, at the right offset), through every API. The
// limits are written as numbers, not as the constants: the documented values
// are what is pinned.
func TestDefaultLimits(t *testing.T) {
	const (
		depth  = 1000
		items  = 1 << 32
		strLen = 64 << 20
		keyLen = 64 << 10
		keyMem = 4 << 20
	)
	nested := func(n int) []byte { return append(bytes.Repeat([]byte{0x81}, n), 0) }
	keyLenMap := func(enc int) []byte {
		// a text key of enc encoded bytes (3-byte head)
		return AppendUint(AppendText(AppendMapHeader(nil, 1), strings.Repeat("k", enc-3)), 0)
	}
	// key memory: 240 bytes of key plus 16 of bookkeeping each, so
	// keyMem/256 keys fill it exactly
	memOK, _ := keyMemoryMap(keyMem/256, 240, false)
	memOver, memOff := keyMemoryMap(keyMem/256, 240, true)
	checkLimitCases(t, []limitCase{
		{name: "depth N", doc: nested(depth)},
		{name: "depth N+1", doc: nested(depth + 1), want: ErrDepth, off: depth},
		{name: "array items N", doc: AppendArrayHeader(nil, items)},
		{name: "array items N+1", doc: AppendArrayHeader(nil, items+1), want: ErrTooManyItems},
		{name: "map pairs N", doc: AppendMapHeader(nil, items)},
		{name: "map pairs N+1", doc: AppendMapHeader(nil, items+1), want: ErrTooManyItems},
		{name: "bytes N", doc: AppendBytesHeader(nil, strLen)},
		{name: "bytes N+1", doc: AppendBytesHeader(nil, strLen+1), want: ErrStringTooLong},
		{name: "text N", doc: AppendTextHeader(nil, strLen)},
		{name: "text N+1", doc: AppendTextHeader(nil, strLen+1), want: ErrStringTooLong},
		{name: "key length N", doc: keyLenMap(keyLen)},
		{name: "key length N+1", doc: keyLenMap(keyLen + 1), want: ErrKeyTooLarge, off: 1 + keyLen + 1},
		{name: "key memory N", doc: memOK},
		{name: "key memory N+1", doc: memOver, want: ErrTooManyKeys, off: memOff},
	})
}

// TestKeyLimitsAfterArenaGrowth: MaxKeyLen and MaxKeyMemory at N and N+1
// for a map read after an earlier one has left room in the key arena, so
// that the fast paths, not the arena's growth, meet the limit first.
func TestKeyLimitsAfterArenaGrowth(t *testing.T) {
	// [{"aa": 0, "bb": 0, "cc": 0}, {keys...: 0}]; returns the document and
	// the offset just past the last key
	doc := func(keys ...string) ([]byte, int64) {
		b := AppendMapHeader(AppendArrayHeader(nil, 2), 3)
		for _, k := range []string{"aa", "bb", "cc"} {
			b = AppendUint(AppendText(b, k), 0)
		}
		b = AppendMapHeader(b, uint64(len(keys)))
		var end int
		for _, k := range keys {
			b = AppendText(b, k)
			end = len(b)
			b = AppendUint(b, 0)
		}
		return b, int64(end)
	}
	keyOK, _ := doc("abc")
	keyOver, keyOff := doc("abcd")
	// 4 keys of 3 bytes, with 16 bytes of bookkeeping each: 76 bytes (the
	// first map's 57 are released when it ends)
	mem, memOff := doc("dd", "ee", "ff", "gg")
	checkLimitCases(t, []limitCase{
		{name: "key length N", doc: keyOK, opts: &Options{MaxKeyLen: 4}},
		{name: "key length N+1", doc: keyOver, opts: &Options{MaxKeyLen: 4}, want: ErrKeyTooLarge, off: keyOff},
		{name: "key memory N", doc: mem, opts: &Options{MaxKeyMemory: 76}},
		{name: "key memory N+1", doc: mem, opts: &Options{MaxKeyMemory: 75}, want: ErrTooManyKeys, off: memOff},
	})
}

// zeros is an endless reader of zero bytes.
type zeros struct{}

func (zeros) Read(p []byte) (int, error) { clear(p); return len(p), nil }

// TestDefaultMaxValueLen: ReadValue from an io.Reader holds a value of
// exactly 64 MiB (the default MaxValueLen, written as a number) and refuses
// one of 64 MiB + 1 byte with ErrValueTooLarge.
func TestDefaultMaxValueLen(t *testing.T) {
	const maxValue = 64 << 20
	for _, size := range []int{maxValue, maxValue + 1} {
		head := AppendBytesHeader(nil, uint64(size-5)) // a 5-byte head
		r := io.MultiReader(bytes.NewReader(head), io.LimitReader(zeros{}, int64(size-5)))
		v, err := NewDecoder(r, nil).ReadValue()
		switch {
		case size == maxValue && (err != nil || len(v) != size):
			t.Errorf("value of %d bytes: %d bytes, %v", size, len(v), err)
		case size > maxValue && !errors.Is(err, ErrValueTooLarge):
			t.Errorf("value of %d bytes: %d bytes, %v; want ErrValueTooLarge", size, len(v), err)
		}
	}
}

// TestStringChunkSizes: the Parser delivers a long string in pieces of
// StringChunk bytes, 4096 by default, at least 64 (smaller values are
// raised), never ending a text piece inside a UTF-8 sequence.
func TestStringChunkSizes(t *testing.T) {
	bin := AppendBytes(nil, bytes.Repeat([]byte{7}, 10000))
	text := AppendText(nil, strings.Repeat("€", 100)) // 300 bytes of 3-byte runes
	for _, tc := range []struct {
		doc   []byte
		chunk int
		want  string // piece lengths
	}{
		{bin, 0, "4096 4096 1808"},
		{bin, 5000, "5000 5000"},
		{bin, 1, strings.TrimSpace(strings.Repeat("64 ", 156)) + " 16"},
		{bin, 63, strings.TrimSpace(strings.Repeat("64 ", 156)) + " 16"},
		{bin, 64, strings.TrimSpace(strings.Repeat("64 ", 156)) + " 16"},
		{bin, 65, strings.TrimSpace(strings.Repeat("65 ", 153)) + " 55"},
		{text, 0, "300"},
		{text, 1, "63 63 63 63 48"},
		{text, 64, "63 63 63 63 48"},
		{text, 66, "66 66 66 66 36"},
	} {
		var pieces []string
		p, _ := NewParser(HandlerFunc(func(p *Parser, ev *Event) error {
			pieces = append(pieces, strconv.Itoa(len(ev.Value)))
			return nil
		}), &Options{StringChunk: tc.chunk})
		if _, err := p.Write(tc.doc); err != nil {
			t.Fatal(err)
		}
		if err := p.Close(); err != nil {
			t.Fatal(err)
		}
		if got := strings.Join(pieces, " "); got != tc.want {
			t.Errorf("%d-byte item, StringChunk %d: pieces %s, want %s", len(tc.doc), tc.chunk, got, tc.want)
		}
	}
}

// TestUnlimitedStringLen: MaxStringLen < 0 lifts the limit entirely: a
// declared length of 2^64-1 is refused only for want of input.
func TestUnlimitedStringLen(t *testing.T) {
	opts := &Options{MaxStringLen: -1}
	checkLimitCases(t, []limitCase{
		{name: "bytes 2^64-1", doc: AppendBytesHeader(nil, 1<<64-1), opts: opts},
		{name: "text 2^64-1", doc: AppendTextHeader(nil, 1<<64-1), opts: opts},
	})
}
