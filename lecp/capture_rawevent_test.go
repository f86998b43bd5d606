package lecp

import (
	"fmt"
	"strings"
	"testing"
)

// TestCaptureRawEventPathPatternOffset pins what Capture's godoc says of
// the Raw event: its Offset is the captured item's first byte, and its
// Pattern and Path are the item's own, for a map (ended by MapEnd), a tagged
// item (ended by TagEnd) and a string delivered in pieces, with the input
// whole or a byte at a time.
func TestCaptureRawEventPathPatternOffset(t *testing.T) {
	var msg []byte
	msg = AppendArrayHeader(msg, 3)
	protStart := len(msg)
	msg = AppendBytes(msg, []byte(strings.Repeat("p", 200))) // pieces of 64
	mapStart := len(msg)
	msg = AppendMapHeader(msg, 1)
	msg = AppendInt(msg, 4)
	tagStart := len(msg)
	msg = AppendTag(msg, 24)
	msg = AppendBytes(msg, []byte("k"))
	msg = AppendNull(msg)
	want := []string{
		fmt.Sprintf("raw off=%d pat=0 path=[0] len=%d", protStart, mapStart-protStart),
		fmt.Sprintf("raw off=%d pat=2 path=[1].4 len=%d", tagStart, len(msg)-1-tagStart),
		fmt.Sprintf("raw off=%d pat=1 path=[1] len=%d", mapStart, len(msg)-1-mapStart),
	}
	for _, split := range []int{len(msg), 1} {
		var got []string
		p, err := NewParser(HandlerFunc(func(p *Parser, ev *Event) error {
			if ev.Kind == Raw {
				got = append(got, fmt.Sprintf("raw off=%d pat=%d path=%s len=%d", ev.Offset, ev.Pattern, p.Path(), len(ev.Value)))
				return nil
			}
			if ev.Pattern >= 0 {
				p.Capture()
			}
			return nil
		}), &Options{StringChunk: 64}, "[0]", "[1]", "[1].4")
		if err != nil {
			t.Fatal(err)
		}
		for i := 0; i < len(msg); i += split {
			if _, err := p.Write(msg[i:min(i+split, len(msg))]); err != nil {
				t.Fatal(err)
			}
		}
		if err := p.Close(); err != nil {
			t.Fatal(err)
		}
		// The capture of [1] runs over [1].4, whose Capture is refused:
		// the tagged item is captured alone below.
		if len(got) != 2 || got[0] != want[0] || got[1] != want[2] {
			t.Errorf("split %d: got %q, want %q and %q", split, got, want[0], want[2])
		}
	}
	// The tagged item alone, pattern [1].4.
	var got []string
	p, _ := NewParser(HandlerFunc(func(p *Parser, ev *Event) error {
		if ev.Kind == Raw {
			got = append(got, fmt.Sprintf("raw off=%d pat=%d path=%s len=%d", ev.Offset, ev.Pattern, p.Path(), len(ev.Value)))
		} else if ev.Pattern == 2 {
			p.Capture()
		}
		return nil
	}), nil, "[0]", "[1]", "[1].4")
	p.Write(msg)
	if err := p.Close(); err != nil || len(got) != 1 || got[0] != want[1] {
		t.Errorf("tag: got %q, %v, want %q", got, err, want[1])
	}
}
