package lecp

// Tests written to kill mutants that survived the rest of the suite: each
// pins a behaviour a user sees (a value, an error with its cause, offset and
// path, a limit at exactly N and N+1) that no other test checked.

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
	"testing/iotest"
	"unicode/utf8"

	"github.com/lwscrypto/lwscrypto/internal/testenv"
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
	doc := testenv.Hex(t, "82 a1 61 61 01 ff") // [{"a": 1}, then a stray break
	doc = doc[:len(doc)-1]                     // … without it: [{"a": 1}] is one item short
	doc = append(doc, 0x02)                    // [{"a": 1}, 2]
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
		b := testenv.Hex(t, tc.hex)
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
		doc := testenv.Hex(t, tc.doc)
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
		if got := Valid(testenv.Hex(t, tc.hex)); got != tc.want {
			t.Errorf("Valid(%s) = %v, want %v", tc.hex, got, tc.want)
		}
	}
}

// TestFinishOffsets: Finish's error says where the input stopped: at the
// offset consumed so far when the item is not read to its end (see
// TestFinishMidItem), at the end of a cut input, at the start of the
// trailing data, or the decoder's own earlier error again.
func TestFinishOffsets(t *testing.T) {
	for _, tc := range []struct {
		hex    string
		tokens int // ReadToken calls before Finish
		want   error
		off    int64
		path   string
	}{
		{"82 01 02", 1, ErrUnread, 1, "[0]"},
		{"82 01 02", 2, ErrUnread, 2, "[1]"},
		{"a1 61 61 82 01", 4, ErrUnexpectedEOF, 5, "a[1]"},
		{"01 02", 1, ErrTrailingData, 1, ""},
		{"83 01 02 03 04", 5, ErrTrailingData, 4, ""},
		{"82 01 1c", 3, ErrReservedInfo, 2, "[1]"},
	} {
		for _, whole := range []bool{true, false} {
			b := testenv.Hex(t, tc.hex)
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
		b := testenv.Hex(t, h)
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

// TestStringReaderAtEnd: StringReader where the input ends before an item
// that is due (the second of an array of two) fails with ErrUnexpectedEOF
// at the offset reached. After the last top-level item it returns io.EOF
// (TestNoValueAfterLastItem).
func TestStringReaderAtEnd(t *testing.T) {
	for _, whole := range []bool{true, false} {
		b := testenv.Hex(t, "82 61 61")
		d := NewDecoderBytes(b, nil)
		if !whole {
			d = NewDecoder(bytes.NewReader(b), nil)
		}
		for range 2 {
			if _, err := d.ReadToken(); err != nil {
				t.Fatal(err)
			}
		}
		var se *SyntaxError
		if _, _, err := d.StringReader(); !errors.As(err, &se) || se.Err != ErrUnexpectedEOF || se.Offset != 3 {
			t.Errorf("whole %v: %v, want unexpected end of input at offset 3", whole, err)
		}
	}
}

// TestLongKeyTooLarge: a long string key reaches the Parser in pieces of
// StringChunk bytes; MaxKeyLen is enforced at the end of the string that
// passes it, as Check enforces it, however the input is split (the key
// held stops growing at the limit: TestKeyTooLargeMemoryBounded).
func TestLongKeyTooLarge(t *testing.T) {
	doc := AppendUint(AppendText(AppendMapHeader(nil, 1), strings.Repeat("k", 200)), 0)
	opts := &Options{MaxKeyLen: 100, StringChunk: 64}
	// the map's head, the string's head and its 200 bytes
	const off = 1 + 2 + 200
	if err := Check(doc, opts); err == nil || err.Error() != fmt.Sprintf("lecp: map key too large at offset %d", off) {
		t.Errorf("Check: %v", err)
	}
	for _, split := range []func(int) int{nil, func(int) int { return 1 }, func(int) int { return 7 }} {
		p, _ := NewParser(HandlerFunc(func(*Parser, *Event) error { return nil }), opts)
		var se *SyntaxError
		if err := writeSplit(p, doc, split); !errors.As(err, &se) || se.Err != ErrKeyTooLarge || se.Offset != off {
			t.Errorf("%v, want key too large at offset %d", err, off)
		}
	}
}
