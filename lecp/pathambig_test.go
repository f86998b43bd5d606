package lecp

import "testing"

// TestPatternNotFooledByKeyText: path text is diagnostic and can read the
// same for different places (a float key 1.5 shows as integer keys 1 then
// 5; an array key [1] as index 1), but patterns match the keys themselves:
// a pattern naming integer keys or an index never matches a float, array,
// tag or text key whose path text looks the same.
func TestPatternNotFooledByKeyText(t *testing.T) {
	for _, c := range []struct {
		doc      string // hex
		path     string // the path of the value 0 in doc
		patterns []string
		match    int // the index of the pattern that matches 0, or -1
	}{
		// {"a": {1.5: 0}}
		{"a1 6161 a1 f93e00 00", "a.1.5", []string{"a.1.5", "a.1", "a[1]", "a.1.*", "a.*"}, 4},
		// {"a": {1: {5: 0}}}: the same text, matched
		{"a1 6161 a1 01 a1 05 00", "a.1.5", []string{"a.1.5"}, 0},
		// {[1]: 0}
		{"a1 8101 00", "[1]", []string{"[1]", "[]", "*"}, 2},
		// [[7, 0]]: index 1 of index 0
		{"81 82 07 00", "[0][1]", []string{"[0][1]"}, 0},
		// {1(1): 0}, {"1": 0}, {h'01': 0}
		{"a1 c101 00", "1(1)", []string{"1", "*"}, 1},
		{"a1 6131 00", `"1"`, []string{"1", `"1"`}, 1},
		{"a1 4101 00", "h'01'", []string{"1", "\"h'01'\"", "h'01'"}, 2},
		// {-1.5: 0} and {-1: {5: 0}}
		{"a1 f9be00 00", "-1.5", []string{"-1.5", "-1", "*"}, 2},
	} {
		got, path := -2, ""
		p, err := NewParser(HandlerFunc(func(p *Parser, ev *Event) error {
			if ev.Kind == Uint && ev.Uint == 0 && p.Depth() > 0 {
				got, path = ev.Pattern, p.Path()
			}
			return nil
		}), nil, c.patterns...)
		if err != nil {
			t.Fatalf("%s: %v", c.doc, err)
		}
		if err := writeSplit(p, fromHex(c.doc), nil); err != nil {
			t.Fatalf("%s: %v", c.doc, err)
		}
		if got != c.match || path != c.path {
			t.Errorf("%s: path %s matched pattern %d of %q, want %s matching %d", c.doc, path, got, c.patterns, c.path, c.match)
		}
	}
}
