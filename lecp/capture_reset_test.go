package lecp

import (
	"testing"
)

// TestCaptureResetDrops: Reset drops a running capture, called from the
// Handler (once the Write that called it returns) or between Writes: no
// Raw event comes for the dropped item, and the next input captures from
// scratch (its Raw holds its own bytes only).
func TestCaptureResetDrops(t *testing.T) {
	// [[1, "two", 3], 4]: the inner array is captured when the reset
	// comes, one level down.
	first := AppendArrayHeader(nil, 2)
	first = AppendArrayHeader(first, 3)
	first = AppendUint(first, 1)
	first = AppendText(first, "two")
	first = AppendUint(first, 3)
	first = AppendUint(first, 4)
	second := AppendArrayHeader(nil, 1)
	second = AppendText(second, "x")

	for _, fromHandler := range []bool{true, false} {
		var raws []string
		resetAt := -1 // the event index at which the Handler resets, or -1
		n := 0
		p, err := NewParser(HandlerFunc(func(p *Parser, ev *Event) error {
			switch {
			case ev.Kind == Raw:
				raws = append(raws, string(ev.Value))
			case ev.Kind == ArrayStart && (ev.Offset > 0 || resetAt < 0):
				p.Capture() // the inner array of the first input, the second's
			}
			if n == resetAt {
				p.Reset()
			}
			n++
			return nil
		}), nil)
		if err != nil {
			t.Fatal(err)
		}
		if fromHandler {
			resetAt = 2 // at the inner array's first element: the capture runs
			if _, err := p.Write(first[:4]); err != nil {
				t.Fatal(err)
			}
		} else {
			if _, err := p.Write(first[:4]); err != nil {
				t.Fatal(err)
			}
			p.Reset()
		}
		resetAt = -1
		if _, err := p.Write(second); err != nil {
			t.Fatal(err)
		}
		if err := p.Close(); err != nil {
			t.Fatal(err)
		}
		if len(raws) != 1 || raws[0] != string(second) {
			t.Errorf("reset from the Handler %v: Raw events %q, want only %q", fromHandler, raws, second)
		}
	}
}
