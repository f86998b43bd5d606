package lecp

import (
	"errors"
	"io"
	"strings"
	"testing"
	"testing/iotest"
)

// TestReadItemsErrors pins what ReadItems' godoc now says of errors (it
// said nothing): the items before the error, then (nil, err) once — a
// *SyntaxError for malformed input or an item past MaxValueLen, r's error
// as it is — and nothing after.
func TestReadItemsErrors(t *testing.T) {
	boom := errors.New("boom")
	for _, tc := range []struct {
		name  string
		r     io.Reader
		opts  *Options
		items int
		want  error
	}{
		{"malformed", strings.NewReader("\x01\x02\xff\x03"), nil, 2, ErrBreak},
		{"truncated", strings.NewReader("\x01\x82\x01"), nil, 1, ErrUnexpectedEOF},
		{"too large", strings.NewReader("\x01\x83\x01\x02\x03\x04"), &Options{MaxValueLen: 3}, 1, ErrValueTooLarge},
		{"reader error", io.MultiReader(strings.NewReader("\x01\x02"), iotest.ErrReader(boom)), nil, 2, boom},
	} {
		var items int
		var errs []error
		for b, err := range ReadItems(tc.r, tc.opts) {
			if err != nil {
				if b != nil {
					t.Errorf("%s: %x with the error", tc.name, b)
				}
				errs = append(errs, err)
				continue
			}
			if len(errs) > 0 {
				t.Errorf("%s: an item after the error", tc.name)
			}
			items++
		}
		if items != tc.items || len(errs) != 1 || !errors.Is(errs[0], tc.want) {
			t.Errorf("%s: %d items then %v; want %d then one %v", tc.name, items, errs, tc.items, tc.want)
		}
		var se *SyntaxError
		if tc.want != boom && len(errs) == 1 && !errors.As(errs[0], &se) {
			t.Errorf("%s: %v is not a *SyntaxError", tc.name, errs[0])
		}
	}
}
