package lecp

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/lwscrypto/lwscrypto/internal/testenv"
)

// TestIndefiniteItemsRefusedAtHead: Options.MaxItems bounds the elements
// of an indefinite-length array (pairs of a map) as it does a definite
// one's, so the element past the limit is refused at its head, before any
// of it reaches the Handler or the Decoder's caller. It used to be read
// whole and delivered (an array, with all its events; a map's key and
// value) and refused only at its end: a consumer that set MaxItems got one
// element more than it allowed, of any size.
func TestIndefiniteItemsRefusedAtHead(t *testing.T) {
	opts := &Options{MaxItems: 2}
	for _, tc := range []struct {
		hex    string
		off    int64
		events string // the Parser's events before the error
		tokens int    // the Decoder's tokens before the error
	}{
		{"9f 01 02 82 05 06 ff", 3, "array-start uint uint", 3},
		{"9f 01 02 03 ff", 3, "array-start uint uint", 3},
		{"81 9f 01 02 9f ff ff", 4, "array-start array-start uint uint", 4},
		{"bf 01 02 03 04 05 06 ff", 5, "map-start uint uint uint uint", 5},
		{"bf 01 02 03 04 82 05 06 07 ff", 5, "map-start uint uint uint uint", 5},
		{"a1 00 bf 01 02 03 04 05 06 ff", 7, "map-start uint map-start uint uint uint uint", 7},
	} {
		b := testenv.Hex(t, tc.hex)
		check := func(how string, err error) {
			t.Helper()
			var se *SyntaxError
			if !errors.As(err, &se) || !errors.Is(err, ErrTooManyItems) || se.Offset != tc.off {
				t.Errorf("%s %s: %v, want ErrTooManyItems at offset %d", tc.hex, how, err, tc.off)
			}
		}
		check("Check", Check(b, opts))
		for _, step := range []int{len(b), 1} {
			var evs []string
			p, _ := NewParser(HandlerFunc(func(_ *Parser, ev *Event) error {
				evs = append(evs, ev.Kind.String())
				return nil
			}), opts)
			var err error
			for i := 0; i < len(b) && err == nil; i += step {
				_, err = p.Write(b[i:min(i+step, len(b))])
			}
			if err == nil {
				err = p.Close()
			}
			check(fmt.Sprintf("Parser, %d-byte writes", step), err)
			if got := strings.Join(evs, " "); got != tc.events {
				t.Errorf("%s Parser, %d-byte writes: events %q before the error, want %q", tc.hex, step, got, tc.events)
			}
		}
		for _, d := range []*Decoder{NewDecoderBytes(b, opts), NewDecoder(iotestOneByte(b), opts)} {
			n := 0
			var err error
			for ; ; n++ {
				if _, err = d.ReadToken(); err != nil {
					break
				}
			}
			check("Decoder", err)
			if n != tc.tokens {
				t.Errorf("%s Decoder: %d tokens before the error, want %d", tc.hex, n, tc.tokens)
			}
		}
		// within the limit, the same shapes are accepted
		if err := Check(b, &Options{MaxItems: 3}); err != nil && !strings.Contains(tc.hex, "82 05 06 07") {
			t.Errorf("%s with MaxItems 3: %v", tc.hex, err)
		}
	}
}
