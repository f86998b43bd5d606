package lecp

import (
	"errors"
	"strconv"
	"strings"
	"testing"
)

// TestParserDepthOfStartEvent: Parser.Depth is the nesting depth of the
// current event, 0 at the top level (its godoc, and lejp's Depth): a
// container's start event is at the depth of its end event, the depth its
// path names, not inside itself. On the base a top-level array's start was
// at depth 1 and its end at 0.
func TestParserDepthOfStartEvent(t *testing.T) {
	for _, tc := range []struct{ hex, want string }{
		{"82 01 81 02", "array-start 0, uint 1, array-start 1, uint 2, array-end 1, array-end 0"},
		{"a1 61 61 c1 5f 41 00 ff", "map-start 0, text 1, tag-start 1, bytes-start 2, bytes 3, bytes-end 2, tag-end 1, map-end 0"},
		{"9f bf ff a0 ff", "array-start 0, map-start 1, map-end 1, map-start 1, map-end 1, array-end 0"},
		{"01", "uint 0"},
	} {
		for _, split := range []func(int) int{nil, func(int) int { return 1 }} {
			var got []string
			p, _ := NewParser(HandlerFunc(func(p *Parser, ev *Event) error {
				got = append(got, ev.Kind.String()+" "+strconv.Itoa(p.Depth()))
				return nil
			}), nil)
			if err := writeSplit(p, fromHex(tc.hex), split); err != nil {
				t.Fatal(err)
			}
			if s := strings.Join(got, ", "); s != tc.want {
				t.Errorf("%s: %s\nwant %s", tc.hex, s, tc.want)
			}
		}
	}
}

// TestDecoderDepthAfterToken pins Decoder.Depth as documented, which
// differs from Parser.Depth on purpose (as lejp's two do): it is the
// number of containers open after the last token, so a start token counts
// the container it opens (one more than the depth of its Path), its end
// token not.
func TestDecoderDepthAfterToken(t *testing.T) {
	for _, tc := range []struct{ hex, want string }{
		{"82 01 81 02", "array-start 1, uint 1, array-start 2, uint 2, array-end 1, array-end 0"},
		{"a1 61 61 c1 5f 41 00 ff", "map-start 1, text 1, tag-start 2, bytes-start 3, bytes 3, bytes-end 2, tag-end 1, map-end 0"},
		{"9f bf ff a0 ff", "array-start 1, map-start 2, map-end 1, map-start 2, map-end 1, array-end 0"},
		{"01", "uint 0"},
	} {
		in := fromHex(tc.hex)
		for _, d := range []*Decoder{NewDecoderBytes(in, nil), NewDecoder(iotestOneByte(in), nil)} {
			var got []string
			for {
				tok, err := d.ReadToken()
				if err != nil {
					break
				}
				got = append(got, tok.Kind.String()+" "+strconv.Itoa(d.Depth()))
			}
			if s := strings.Join(got, ", "); s != tc.want {
				t.Errorf("%s: %s\nwant %s", tc.hex, s, tc.want)
			}
		}
	}
}

// TestKeyErrorPositions pins where map key errors are reported, as the
// SyntaxError godoc says: found as the key is read, at the offset where
// the key (or the item in it that passes a limit) ends, with the path of
// its map, by every reader; FromJSON at the repeated name's opening quote,
// with the member's path, as lejp.
func TestKeyErrorPositions(t *testing.T) {
	for _, tc := range []struct {
		hex  string
		opts Options
		want error
		off  int64
		path string
	}{
		{"a2 01 00 01 00", Options{}, ErrDuplicateKey, 4, ""},
		{"82 0a a2 61 61 01 61 61 01", Options{}, ErrDuplicateKey, 8, "[1]"},
		{"bf 01 00 01 00 ff", Options{}, ErrDuplicateKey, 4, ""},
		{"a2 02 00 01 0a", Options{Deterministic: true}, ErrNotDeterministic, 4, ""},
		{"a1 65 6161616161 01", Options{MaxKeyLen: 3}, ErrKeyTooLarge, 7, ""},
		{"a1 82 45 0102030405 00 00", Options{MaxKeyLen: 3}, ErrKeyTooLarge, 8, ""},
		{"a1 65 6161616161 01", Options{MaxKeyMemory: 10}, ErrTooManyKeys, 7, ""},
	} {
		for api, err := range everyReader(fromHex(tc.hex), &tc.opts) {
			if api == "Writer.RawItem" {
				continue // the Writer's own error, not a SyntaxError
			}
			var se *SyntaxError
			if !errors.As(err, &se) || !errors.Is(err, tc.want) || se.Offset != tc.off || se.Path != tc.path {
				t.Errorf("%s: %s: %v; want %v at offset %d, path %q", tc.hex, api, err, tc.want, tc.off, tc.path)
			}
		}
	}
	_, err := FromJSON(nil, strings.NewReader(`{"b":[{"a":1,"a":2}]}`), false)
	if se := (*SyntaxError)(nil); !errors.As(err, &se) || !errors.Is(err, ErrDuplicateKey) || se.Offset != 13 || se.Path != "b[0].a" {
		t.Errorf("FromJSON: %v; want ErrDuplicateKey at offset 13, path b[0].a", err)
	}
}
