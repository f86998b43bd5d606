package lecp

// Tests written to kill mutants that survived the rest of the suite: each
// pins a behaviour a user sees (a value, an error with its cause, offset and
// path, a limit at exactly N and N+1) that no other test checked.

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"testing"
	"testing/iotest"
	"unicode/utf8"
)

// TestReadValueAcrossRefill reads values from an io.Reader that arrive after
// other tokens and are longer than the decoder's first 4096-byte buffer, so
// that fill moves the kept bytes to the front of the buffer before growing
// it: the value returned must still start at its head.
func TestReadValueAcrossRefill(t *testing.T) {
	long := bytes.Repeat([]byte{0xab}, 5000)
	elem := AppendBytes(nil, long)
	doc := AppendArrayHeader(nil, 3)
	doc = AppendUint(doc, 7)
	doc = append(doc, elem...)
	doc = append(doc, elem...)
	for name, r := range map[string]func() io.Reader{
		"whole":   func() io.Reader { return bytes.NewReader(doc) },
		"onebyte": func() io.Reader { return iotest.OneByteReader(bytes.NewReader(doc)) },
		"half":    func() io.Reader { return iotest.HalfReader(bytes.NewReader(doc)) },
	} {
		d := NewDecoder(r(), nil)
		for _, want := range []Kind{ArrayStart, Uint} {
			if tok, err := d.ReadToken(); err != nil || tok.Kind != want {
				t.Fatalf("%s: %v %v, want %v", name, tok.Kind, err, want)
			}
		}
		for i := range 2 {
			v, err := d.ReadValue()
			if err != nil || !bytes.Equal(v, elem) {
				t.Fatalf("%s: value %d: % x... (%d bytes) %v, want % x... (%d bytes)", name, i, v[:min(len(v), 4)], len(v), err, elem[:4], len(elem))
			}
		}
		if tok, err := d.ReadToken(); err != nil || tok.Kind != ArrayEnd {
			t.Fatalf("%s: %v %v, want array-end", name, tok.Kind, err)
		}
		if _, err := d.ReadToken(); err != io.EOF {
			t.Fatalf("%s: %v, want EOF", name, err)
		}
	}
}

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

// TestValidUTF8ThreeBytePairs compares validUTF8 with utf8.Valid on two
// 3-byte sequences side by side (the pair that validUTF8From checks as one
// word), one valid and one made of any lead E0…EF and continuation-like
// bytes, in either order, after 0 to 7 ASCII bytes and before two: among
// them the overlong E0 80 80 and the surrogate ED A0 80 next to a valid
// sequence.
func TestValidUTF8ThreeBytePairs(t *testing.T) {
	tails := []byte{0x00, 0x7f, 0x80, 0x9f, 0xa0, 0xbf, 0xc0}
	valid := []byte("\xe3\x81\x82")
	for lead := 0xe0; lead <= 0xef; lead++ {
		for _, b1 := range tails {
			for _, b2 := range tails {
				seq := []byte{byte(lead), b1, b2}
				for _, pair := range [][]byte{append(seq, valid...), append(valid[:3:3], seq...)} {
					for pre := range 8 {
						s := append(append([]byte("abcdefg"[:pre]), pair...), "zz"...)
						if got, want := validUTF8(s), utf8.Valid(s); got != want {
							t.Fatalf("validUTF8(%x) = %v, utf8.Valid %v", s, got, want)
						}
					}
				}
			}
		}
	}
}

// TestCaptureOutsideItemStart: Capture before any event, after Reset, and on
// events that start no item returns false and changes nothing; on an item's
// first event it returns true and the Raw event follows that item.
func TestCaptureOutsideItemStart(t *testing.T) {
	doc := mustHex(t, "82 a1 61 61 01 ff") // [{"a": 1}, then a stray break
	doc = doc[:len(doc)-1]                 // … without it: [{"a": 1}] is one item short
	doc = append(doc, 0x02)                // [{"a": 1}, 2]
	var trace []string
	p, _ := NewParser(HandlerFunc(func(p *Parser, ev *Event) error {
		line := ev.Kind.String()
		if ev.Kind == MapStart || ev.Kind == ArrayEnd || ev.Kind == MapEnd {
			if p.Capture() {
				line += " captured"
			}
		}
		if ev.Kind == Raw {
			line += " " + string(appendHexBytes(nil, ev.Value))
		}
		trace = append(trace, line)
		return nil
	}), nil)
	for round := range 2 {
		if p.Capture() {
			t.Fatalf("round %d: Capture before any event returned true", round)
		}
		trace = nil
		if _, err := p.Write(doc); err != nil {
			t.Fatal(err)
		}
		if err := p.Close(); err != nil {
			t.Fatal(err)
		}
		got := strings.Join(trace, ", ")
		want := "array-start, map-start captured, text, uint, map-end, raw h'a1616101', uint, array-end"
		if got != want {
			t.Fatalf("round %d:\n got %s\nwant %s", round, got, want)
		}
		p.Reset()
	}
}

// TestKeyTooLargeInIndefiniteChunk: a map key that is an indefinite-length
// string passes MaxKeyLen in one of its chunks; the error is at the end of
// that chunk (or at the break, when the head of the joined string makes it
// too long), whichever API reads it.
func TestKeyTooLargeInIndefiniteChunk(t *testing.T) {
	opts := &Options{MaxKeyLen: 3}
	for _, tc := range []struct {
		hex string
		off int64
	}{
		{"a1 7f 62 6162 62 6364 ff 00", 8},      // {(_ "ab", "cd"): 0}: "cd" ends at 8
		{"a1 5f 42 6162 42 6364 ff 00", 8},      // the same with byte strings
		{"a1 7f 61 61 63 626364 ff 00", 8},      // (_ "a", "bcd")
		{"82 00 a1 7f 62 6162 ff 00", -1},       // a 3-byte key: accepted
		{"82 00 a1 7f 62 6162 61 63 ff 00", 10}, // (_ "ab", "c") inside [0, {…}]: 63616263 at the break
	} {
		b := mustHex(t, tc.hex)
		for i, err := range decodeAll(b, opts) {
			var se *SyntaxError
			switch {
			case tc.off < 0 && err != nil && err != io.EOF:
				t.Errorf("%s: api %d: %v", tc.hex, i, err)
			case tc.off >= 0 && (!errors.As(err, &se) || se.Err != ErrKeyTooLarge || se.Offset != tc.off):
				t.Errorf("%s: api %d: %v, want key too large at offset %d", tc.hex, i, err, tc.off)
			}
		}
	}
}

// errStopHere is a handler's error in TestWriteErrorPaths.
var errStopHere = errors.New("stop here")

// structHandler is a Handler that is not a HandlerFunc, so that the Parser
// takes its general paths.
type structHandler struct{ f HandlerFunc }

func (h structHandler) HandleEvent(p *Parser, ev *Event) error { return h.f(p, ev) }

// TestWriteErrorPaths: whichever internal path meets an error (the loop for
// a HandlerFunc, fastStep for other handlers, with patterns or a capture,
// the machine, a carried head), Write returns 0 and that error, and later
// calls return the same SyntaxError again or, after a handler's error,
// ErrClosed.
func TestWriteErrorPaths(t *testing.T) {
	for _, tc := range []struct {
		name    string
		doc     string
		stopAt  int // the handler fails on this event (1-based); 0: never
		wantErr error
	}{
		{"handler error on a scalar", "83 01 02 03", 3, errStopHere},
		{"handler error on an end", "83 01 02 03", 5, errStopHere},
		{"handler error on a string", "82 61 61 43 010203", 3, errStopHere},
		{"handler error on a float", "82 f9 3c00 00", 2, errStopHere},
		{"duplicate key", "a2 01 00 01 00", 0, ErrDuplicateKey},
		{"reserved info", "82 00 1c", 0, ErrReservedInfo},
		{"stray break", "82 00 ff", 0, ErrBreak},
		{"invalid UTF-8", "82 00 62 c328", 0, ErrInvalidUTF8},
		{"trailing data", "00 00", 0, ErrTrailingData},
	} {
		doc := mustHex(t, tc.doc)
		for _, hk := range []string{"func", "struct", "func+pattern", "func+capture"} {
			for _, split := range []int{0, 1} { // whole, or a byte at a time
				n := 0
				f := func(p *Parser, ev *Event) error {
					n++
					if hk == "func+capture" && n == 1 {
						p.Capture()
					}
					if n == tc.stopAt {
						return errStopHere
					}
					return nil
				}
				var h Handler = HandlerFunc(f)
				var pats []string
				switch hk {
				case "struct":
					h = structHandler{f}
				case "func+pattern":
					pats = []string{"[1]"}
				}
				p, _ := NewParser(h, nil, pats...)
				var k int
				var err error
				if split == 0 {
					k, err = p.Write(doc)
				} else {
					for i := range doc {
						if k, err = p.Write(doc[i : i+1]); err != nil {
							break
						}
					}
				}
				if err == nil {
					err = p.Close()
					k = 0
				}
				if !errors.Is(err, tc.wantErr) || k != 0 {
					t.Errorf("%s, %s handler, split %d: Write = %d, %v; want 0, %v", tc.name, hk, split, k, err, tc.wantErr)
					continue
				}
				again := ErrClosed
				if tc.wantErr != errStopHere {
					again = err
				}
				if k, err := p.Write([]byte{0}); k != 0 || err != again {
					t.Errorf("%s, %s handler, split %d: Write after the error = %d, %v; want 0, %v", tc.name, hk, split, k, err, again)
				}
			}
		}
	}
}

// TestPathKeySpelling: how a map key reads in a path, and that the path
// text, used as a pattern, matches the key again.
func TestPathKeySpelling(t *testing.T) {
	for _, tc := range []struct {
		key  []byte // the key's encoding
		path string
	}{
		{AppendText(nil, "a"), "a"},
		{AppendText(nil, "kid"), "kid"},
		{AppendText(nil, "h"), "h"},
		{AppendText(nil, "h'"), `"h'"`},
		{AppendText(nil, "h'01'"), `"h'01'"`},
		{AppendText(nil, "ha'"), "ha'"},
		{AppendText(nil, "0"), `"0"`},
		{AppendText(nil, "1"), `"1"`},
		{AppendText(nil, "9"), `"9"`},
		{AppendText(nil, ":"), ":"},
		{AppendText(nil, "/"), "/"},
		{AppendText(nil, "9x"), `"9x"`},
		{AppendText(nil, "-"), `"-"`},
		{AppendText(nil, "a.b"), `"a.b"`},
		{AppendText(nil, "a b"), `"a b"`},
		{AppendText(nil, "a*"), `"a*"`},
		{AppendText(nil, `a"`), `"a\""`},
		{AppendText(nil, "a\x7f"), "\"a\x7f\""},
		{AppendText(nil, "ü"), "ü"},
		{AppendInt(nil, 0), "0"},
		{AppendInt(nil, 9), "9"},
		{AppendInt(nil, 1000), "1000"},
		{AppendInt(nil, -1), "-1"},
		{AppendNegative(nil, 1<<64-1), "-18446744073709551616"},
		{AppendBytes(nil, []byte{1, 2}), "h'0102'"},
	} {
		doc := AppendUint(append(AppendMapHeader(nil, 1), tc.key...), 7)
		var got string
		p, err := NewParser(HandlerFunc(func(p *Parser, ev *Event) error {
			if ev.Kind == Uint && ev.Uint == 7 {
				got = p.Path()
				if ev.Pattern != 0 && tc.key[0]>>5 != majBytes {
					t.Errorf("%x: pattern %q does not match its own path", tc.key, tc.path)
				}
			}
			return nil
		}), nil, tc.path)
		if err != nil && tc.key[0]>>5 != majBytes {
			t.Errorf("%x: pattern %q: %v", tc.key, tc.path, err)
			continue
		}
		if p == nil {
			p, _ = NewParser(HandlerFunc(func(p *Parser, ev *Event) error {
				if ev.Kind == Uint && ev.Uint == 7 {
					got = p.Path()
				}
				return nil
			}), nil)
		}
		if _, err := p.Write(doc); err != nil {
			t.Fatal(err)
		}
		if got != tc.path {
			t.Errorf("%x: path %s, want %s", tc.key, got, tc.path)
		}
	}
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

// TestZeroKeyTwinInNestedMap: the check that 0.0 and -0.0 are one key
// looks the twin up among the keys of its own map only; in a map opened
// after many keys of an enclosing map, a later duplicate is still found.
func TestZeroKeyTwinInNestedMap(t *testing.T) {
	for k := range 8 {
		// {"k00": 0, … "k29": 0, "z": {k: 0, k+100: 0, 0.0: 0, k: 0}}
		b := AppendMapHeader(nil, 31)
		for i := range 30 {
			b = AppendUint(AppendText(b, fmt.Sprintf("k%02d", i)), 0)
		}
		b = AppendMapHeader(AppendText(b, "z"), 4)
		b = AppendUint(AppendUint(b, uint64(k)), 0)
		b = AppendUint(AppendUint(b, uint64(k+100)), 0)
		b = AppendUint(AppendFloat(b, 0), 0)
		b = AppendUint(b, uint64(k))
		off := int64(len(b))
		b = AppendUint(b, 0)
		checkLimitCases(t, []limitCase{{name: fmt.Sprintf("key %d", k), doc: b, want: ErrDuplicateKey, off: off}})
	}
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

// TestValid: Valid is Check with the default options.
func TestValid(t *testing.T) {
	for _, tc := range []struct {
		hex  string
		want bool
	}{
		{"00", true},
		{"83 01 02 03", true},
		{"a1 61 61 01", true},
		{"", false},
		{"82 01", false},
		{"a2 01 00 01 00", false}, // duplicate key
		{"62 c3 28", false},       // invalid UTF-8
		{"01 02", false},          // a sequence
	} {
		if got := Valid(mustHex(t, tc.hex)); got != tc.want {
			t.Errorf("Valid(%s) = %v, want %v", tc.hex, got, tc.want)
		}
	}
}

// TestFinishOffsets: Finish's error says where the input stopped: at the
// offset consumed so far when the item is incomplete, at the start of the
// trailing data, or the decoder's own earlier error again.
func TestFinishOffsets(t *testing.T) {
	for _, tc := range []struct {
		hex    string
		tokens int // ReadToken calls before Finish
		want   error
		off    int64
		path   string
	}{
		{"82 01 02", 1, ErrUnexpectedEOF, 1, ""},
		{"82 01 02", 2, ErrUnexpectedEOF, 2, "[0]"},
		{"a1 61 61 82 01", 4, ErrUnexpectedEOF, 5, "a[0]"},
		{"01 02", 1, ErrTrailingData, 1, ""},
		{"83 01 02 03 04", 5, ErrTrailingData, 4, ""},
		{"82 01 1c", 3, ErrReservedInfo, 2, "[1]"},
	} {
		for _, whole := range []bool{true, false} {
			b := mustHex(t, tc.hex)
			d := NewDecoderBytes(b, nil)
			if !whole {
				d = NewDecoder(bytes.NewReader(b), nil)
			}
			for range tc.tokens {
				d.ReadToken()
			}
			var se *SyntaxError
			err := d.Finish()
			if !errors.As(err, &se) || se.Err != tc.want || se.Offset != tc.off || se.Path != tc.path {
				t.Errorf("%s after %d tokens (whole %v): %v, want %v at offset %d (path %q)", tc.hex, tc.tokens, whole, err, tc.want, tc.off, tc.path)
			}
		}
	}
}

// eofOnce is a reader that fails the test when it is read again after it
// returned io.EOF, as a terminal would block there.
type eofOnce struct {
	t    *testing.T
	r    io.Reader
	done bool
}

func (e *eofOnce) Read(p []byte) (int, error) {
	if e.done {
		e.t.Errorf("Read after io.EOF")
		return 0, io.EOF
	}
	n, err := e.r.Read(p)
	e.done = err == io.EOF
	return n, err
}

// TestNoReadAfterEOF: once the reader has said io.EOF, the Decoder does not
// read it again, whatever it is asked next.
func TestNoReadAfterEOF(t *testing.T) {
	for _, h := range []string{"83 01 02 03", "01 02 03", "82 01", "", "a1 61 61 5f 41 01 ff"} {
		b := mustHex(t, h)
		for _, half := range []bool{false, true} {
			var r io.Reader = bytes.NewReader(b)
			if half {
				r = iotest.HalfReader(r)
			}
			d := NewDecoder(&eofOnce{t: t, r: r}, &Options{AllowSequence: true})
			for d.More() {
				if _, err := d.ReadValue(); err != nil {
					break
				}
			}
			for range 3 {
				d.ReadToken()
				d.More()
			}
			d.Finish()
			d.SkipValue()
		}
	}
}

// TestStringReaderAtEnd: StringReader where no item starts (after the last
// one) fails with ErrUnexpectedEOF at the offset reached.
func TestStringReaderAtEnd(t *testing.T) {
	for _, whole := range []bool{true, false} {
		b := mustHex(t, "61 61")
		d := NewDecoderBytes(b, nil)
		if !whole {
			d = NewDecoder(bytes.NewReader(b), nil)
		}
		if _, err := d.ReadToken(); err != nil {
			t.Fatal(err)
		}
		var se *SyntaxError
		if _, _, err := d.StringReader(); !errors.As(err, &se) || se.Err != ErrUnexpectedEOF || se.Offset != 2 {
			t.Errorf("whole %v: %v, want unexpected end of input at offset 2", whole, err)
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

// TestLongKeyTooLarge: a long string key reaches the Parser in pieces of
// StringChunk bytes; MaxKeyLen is enforced at the end of the piece that
// passes it, however the input is split.
func TestLongKeyTooLarge(t *testing.T) {
	doc := AppendUint(AppendText(AppendMapHeader(nil, 1), strings.Repeat("k", 200)), 0)
	opts := &Options{MaxKeyLen: 100, StringChunk: 64}
	// head 2 + 64 = 66 bytes after the first piece, 130 after the second
	const off = 1 + 2 + 2*64
	for _, split := range []func(int) int{nil, func(int) int { return 1 }, func(int) int { return 7 }} {
		p, _ := NewParser(HandlerFunc(func(*Parser, *Event) error { return nil }), opts)
		var se *SyntaxError
		if err := writeSplit(p, doc, split); !errors.As(err, &se) || se.Err != ErrKeyTooLarge || se.Offset != off {
			t.Errorf("%v, want key too large at offset %d", err, off)
		}
	}
}
