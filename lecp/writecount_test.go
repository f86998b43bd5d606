package lecp

import (
	"errors"
	"testing"
)

// TestWriteErrorCountIsZero pins Write's documented count: 0 with the
// first error, a *SyntaxError or the Handler's; later Write and Close
// calls return the same *SyntaxError, or ErrClosed after the Handler's.
func TestWriteErrorCountIsZero(t *testing.T) {
	refuse := errors.New("refused")
	for _, tc := range []struct {
		name string
		in   []byte
		h    HandlerFunc
		want error
	}{
		{"syntax", []byte{0x82, 0x01, 0x1c}, func(*Parser, *Event) error { return nil }, ErrReservedInfo},
		{"handler", []byte{0x83, 0x01, 0x02, 0x03}, func(_ *Parser, ev *Event) error {
			if ev.Kind == Uint && ev.Uint == 2 {
				return refuse
			}
			return nil
		}, refuse},
	} {
		p, err := NewParser(tc.h, nil)
		if err != nil {
			t.Fatal(err)
		}
		n, err := p.Write(tc.in)
		if n != 0 || !errors.Is(err, tc.want) {
			t.Fatalf("%s: Write = %d, %v; want 0 and %v", tc.name, n, err, tc.want)
		}
		later := err
		if tc.want == refuse {
			later = ErrClosed
		}
		if n2, err2 := p.Write([]byte{0x01}); n2 != 0 || !errors.Is(err2, later) {
			t.Errorf("%s: second Write = %d, %v; want 0 and %v", tc.name, n2, err2, later)
		}
		if err3 := p.Close(); !errors.Is(err3, later) {
			t.Errorf("%s: Close = %v; want %v", tc.name, err3, later)
		}
	}
}
