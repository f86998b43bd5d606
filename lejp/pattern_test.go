package lejp

import (
	"errors"
	"fmt"
	"strings"
	"testing"
)

// TestPatternStarInSegment: '*' is a wildcard only as a whole segment; in a
// longer segment ("kid*", "*_id", "a**") NewParser rejects the pattern
// with ErrPattern. On the base such a segment was the literal member name
// "kid*": a caller writing a glob, as lws lejp's patterns allow, matched
// nothing and was not told.
func TestPatternStarInSegment(t *testing.T) {
	for _, p := range []string{"kid*", "*_id", "a**", "**", "keys[].kid*", "a.b*.c", "*a[]"} {
		_, err := NewParser(&countHandler{}, nil, p)
		if !errors.Is(err, ErrPattern) || !strings.Contains(err.Error(), `"`+p+`"`) {
			t.Errorf("pattern %q: %v, want ErrPattern naming it", p, err)
		}
	}
	for _, p := range []string{"*", "a.*", "*.b", "*[]", "*[][].*", "a.*.b.*"} {
		if _, err := NewParser(&countHandler{}, nil, p); err != nil {
			t.Errorf("pattern %q: %v", p, err)
		}
	}
}

// TestPatternSpecialNames: a member name that holds '.', '[', ']' or '*',
// or is empty, cannot be written as a pattern segment, and a pattern's
// segments are never read out of a name: "a.b" matches the member b of the
// member a, never the member named "a.b", although the two have the same
// Path. Such members are matched by a "*" segment, whose Wildcard is the
// name. (It passes on the base; it pins what the package doc now says.)
func TestPatternSpecialNames(t *testing.T) {
	doc := `{"a.b":1,"a":{"b":2},"k[]":3,"*":4,"":5,"a*":6}`
	for _, tc := range []struct {
		pat  string
		want string
	}{
		{"a.b", `a.b=2`},
		// The trailing "*": everything below, its Wildcard the rest of the
		// path, in which the name "a.b" and the path a.b look the same.
		{"*", `a.b=1 a.b=2 k[]=3 *=4 =5 a*=6`},
		{"*.b", `a=2`},
		{"a.*", `b=2`},
		{"*.*", `a=2`},
	} {
		var got []string
		p, err := NewParser(HandlerFunc(func(p *Parser, ev Event) error {
			if ev.Pattern == 0 && ev.Kind == Int {
				if tc.pat == "a.b" {
					got = append(got, fmt.Sprintf("%s=%s", p.Path(), ev.Value))
				} else {
					got = append(got, fmt.Sprintf("%s=%s", p.Wildcard(0), ev.Value))
				}
			}
			return nil
		}), nil, tc.pat)
		if err != nil {
			t.Fatal(err)
		}
		p.Write([]byte(doc))
		if err := p.Close(); err != nil || strings.Join(got, " ") != tc.want {
			t.Errorf("pattern %q: %v %v, want %s", tc.pat, got, err, tc.want)
		}
	}
}
