package lejp

import "testing"

// TestParserInputOffsetCountsFailingWrite: InputOffset is "the number of
// bytes written so far, once Write has returned", and after a Write that
// fails it counts all of that Write's bytes, as it does when the error is
// found in the Write's own bytes, also when the error is in a number or
// literal kept from earlier Writes and ended by this one. (It counted only
// the bytes added to that token: [01] and [tru] written a byte at a time
// gave 3 and 4, not 4 and 5.)
func TestParserInputOffsetCountsFailingWrite(t *testing.T) {
	for _, d := range []string{`[01]`, `[tru]`, `[1x]`, `[-]`, `[1.]`, `{"a":nul }`, `[12345678901234567890,"a\x01"]`, `[1e+]`, `[fals ]`, `[1,2]x`} {
		in := []byte(d)
		for step := 1; step <= len(in); step++ {
			p, _ := NewParser(HandlerFunc(func(*Parser, Event) error { return nil }), nil)
			written := 0
			var err error
			for i := 0; i < len(in) && err == nil; i += step {
				c := in[i:min(i+step, len(in))]
				_, err = p.Write(c)
				written += len(c)
				if got := p.InputOffset(); got != int64(written) {
					t.Errorf("%q step %d: InputOffset %d after %d bytes written (%v)", d, step, got, written, err)
				}
			}
			if err == nil {
				t.Errorf("%q step %d: no error", d, step)
			}
		}
	}
}
