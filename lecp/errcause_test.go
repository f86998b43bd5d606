package lecp

import (
	"errors"
	"testing"
)

// TestIndefiniteOrBreakCause: additional information 31 is ErrIndefinite
// on the integers and tags, ErrBreak on major type 7 (the break stop code,
// out of place), and ErrIndefinite on a string, array or map only under
// Deterministic, as ErrIndefinite's godoc says (it listed simple values
// among the types that have no indefinite length, whose 0xff is the break;
// documentation).
func TestIndefiniteOrBreakCause(t *testing.T) {
	for _, tc := range []struct {
		hex  string
		opts *Options
		want error
	}{
		{"1f", nil, ErrIndefinite}, {"3f", nil, ErrIndefinite}, {"df", nil, ErrIndefinite},
		{"81 1f", nil, ErrIndefinite}, {"ff", nil, ErrBreak}, {"81 ff", nil, ErrBreak}, {"c1 ff", nil, ErrBreak},
		{"5f ff", &Options{Deterministic: true}, ErrIndefinite}, {"9f ff", &Options{Deterministic: true}, ErrIndefinite},
		{"ff", &Options{Deterministic: true}, ErrBreak},
	} {
		if err := Check(fromHex(tc.hex), tc.opts); !errors.Is(err, tc.want) {
			t.Errorf("%s: %v, want %v", tc.hex, err, tc.want)
		}
	}
}

// TestDeterministicNaNHalfOnly: under Deterministic every NaN must be a
// half, as doc.go and Options.Deterministic say: a single or double NaN is
// refused even when a half cannot hold its payload, which RFC 8949 §4.1
// would keep at its width (documentation: passes on the base).
func TestDeterministicNaNHalfOnly(t *testing.T) {
	det := &Options{Deterministic: true}
	for _, h := range []string{"f97e00", "f97e01", "f9fe00", "f97c01"} {
		if err := Check(fromHex(h), det); err != nil {
			t.Errorf("%s: %v", h, err)
		}
	}
	for _, h := range []string{"fa7fc00000", "fa7f800001", "fa7fc00001", "fb7ff8000000000000", "fb7ff8000000000001"} {
		if err := Check(fromHex(h), det); !errors.Is(err, ErrNotDeterministic) {
			t.Errorf("%s: %v, want ErrNotDeterministic", h, err)
		}
	}
}
