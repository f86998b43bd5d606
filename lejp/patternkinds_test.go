package lejp

import (
	"strings"
	"testing"
)

// TestPatternMatchesNameAndEnds pins Event.Pattern's godoc: a member's
// Name event matches the member's pattern as its value does, and a
// container's start and end events both match its pattern, so a handler
// must test Kind as well.
func TestPatternMatchesNameAndEnds(t *testing.T) {
	var got []string
	p, err := NewParser(HandlerFunc(func(p *Parser, ev Event) error {
		if ev.Pattern >= 0 {
			got = append(got, ev.Kind.String()+":"+string(ev.Value))
		}
		return nil
	}), nil, "keys[].kid", "keys[]")
	if err != nil {
		t.Fatal(err)
	}
	p.Write([]byte(`{"keys":[{"kid":"a"}]}`))
	if err := p.Close(); err != nil {
		t.Fatal(err)
	}
	want := "object-start: name:kid string:a object-end:"
	if s := strings.Join(got, " "); s != want {
		t.Errorf("got %q, want %q", s, want)
	}
}
