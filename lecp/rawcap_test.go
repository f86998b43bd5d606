package lecp

import "testing"

// TestRawEventValueCapped: a Raw event's Value, like every Event's, has its
// capacity end with it (Event's godoc: an append copies). On the base it
// was the capture buffer with its spare capacity, so an append wrote into
// the buffer the next capture fills.
func TestRawEventValueCapped(t *testing.T) {
	for _, h := range []string{"82 43 010203 01", "a1 01 82 02 03", "83 81 01 9f 02 ff 45 0102030405"} {
		for _, pats := range [][]string{nil, {"[0]"}} {
			raws := 0
			p, _ := NewParser(HandlerFunc(func(p *Parser, ev *Event) error {
				if ev.Kind == Raw {
					raws++
					if cap(ev.Value) != len(ev.Value) {
						t.Errorf("%s %v: Raw %x has capacity %d", h, pats, ev.Value, cap(ev.Value))
					}
					return nil
				}
				if p.Depth() == 1 {
					p.Capture()
				}
				return nil
			}), nil, pats...)
			if err := writeSplit(p, fromHex(h), nil); err != nil {
				t.Fatal(err)
			}
			if raws == 0 {
				t.Fatalf("%s: no Raw event", h)
			}
		}
	}
}
