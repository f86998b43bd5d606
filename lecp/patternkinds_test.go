package lecp

import (
	"fmt"
	"strings"
	"testing"
)

// TestPatternMatchesKeysAtMapPath pins Event.Pattern's godoc: a map key's
// events are at the map's path (they match the map's pattern, not the
// value's), a container's start and end share its path, and so do a tag
// and the item it tags.
func TestPatternMatchesKeysAtMapPath(t *testing.T) {
	var msg []byte
	msg = AppendArrayHeader(msg, 2)
	msg = AppendNull(msg)
	msg = AppendMapHeader(msg, 1)
	msg = AppendInt(msg, 4)
	msg = AppendTag(msg, 24)
	msg = AppendBytes(msg, []byte("k"))
	var got []string
	p, err := NewParser(HandlerFunc(func(p *Parser, ev *Event) error {
		if ev.Pattern >= 0 {
			got = append(got, fmt.Sprintf("%s@%d", ev.Kind, ev.Pattern))
		}
		return nil
	}), nil, "[1]", "[1].4")
	if err != nil {
		t.Fatal(err)
	}
	p.Write(msg)
	if err := p.Close(); err != nil {
		t.Fatal(err)
	}
	want := "map-start@0 uint@0 tag-start@1 bytes@1 tag-end@1 map-end@0"
	if s := strings.Join(got, " "); s != want {
		t.Errorf("got %q, want %q", s, want)
	}
}
