package lecp

import (
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
