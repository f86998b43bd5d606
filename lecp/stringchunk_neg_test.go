package lecp

import (
	"strings"
	"testing"
)

// TestStringChunkNegative pins what Options.StringChunk's comment says:
// a negative value is the default (as for every limit), and only 1 to 63
// are raised to 64.
func TestStringChunkNegative(t *testing.T) {
	in := AppendText(nil, strings.Repeat("a", 5000))
	for _, c := range []struct{ opt, want int }{
		{-1, DefaultStringChunk}, {-1 << 40, DefaultStringChunk}, {0, DefaultStringChunk},
		{1, 64}, {63, 64}, {64, 64}, {100, 100},
	} {
		first := -1
		p, err := NewParser(HandlerFunc(func(_ *Parser, ev *Event) error {
			if first < 0 {
				first = len(ev.Value)
			}
			return nil
		}), &Options{StringChunk: c.opt})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := p.Write(in); err != nil {
			t.Fatal(err)
		}
		if err := p.Close(); err != nil {
			t.Fatal(err)
		}
		if first != c.want {
			t.Errorf("StringChunk %d: first piece %d bytes, want %d", c.opt, first, c.want)
		}
	}
}
