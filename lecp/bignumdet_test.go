package lecp

// The sentinels of deterministic refusals.

import (
	"errors"
	"io"
	"testing"
)

// everyReader returns the error of every reader over b: those of apis, the
// Parser fed one byte at a time, and a Writer's RawItem (Deterministic as
// opts says).
func everyReader(b []byte, opts *Options) map[string]error {
	errs := map[string]error{}
	for i, f := range apis(b, opts) {
		err := f()
		if err == io.EOF { // the end of ReadToken's loop
			err = nil
		}
		errs[string(rune('A'+i))] = err
	}
	p, _ := NewParser(HandlerFunc(func(*Parser, *Event) error { return nil }), opts)
	errs["Parser split"] = writeSplit(p, b, func(int) int { return 1 })
	w := Writer{Deterministic: opts.Deterministic}
	w.RawItem(b)
	errs["Writer.RawItem"] = w.Err()
	return errs
}

// TestDeterministicIndefiniteIsBothSentinels: with Deterministic, a
// well-formed indefinite-length item matches ErrNotDeterministic as well as
// ErrIndefinite in every reader; additional information 31 on an integer or
// tag (malformed) matches ErrIndefinite only.
func TestDeterministicIndefiniteIsBothSentinels(t *testing.T) {
	det := &Options{Deterministic: true}
	for _, h := range []string{"9fff", "bfff", "5fff", "7fff", "5f4101ff", "81 9f01ff", "a1 00 7f6161ff"} {
		for api, err := range everyReader(fromHex(h), det) {
			if !errors.Is(err, ErrIndefinite) || !errors.Is(err, ErrNotDeterministic) {
				t.Errorf("%s: %s: %v, want ErrIndefinite and ErrNotDeterministic", h, api, err)
			}
		}
	}
	for _, h := range []string{"1f", "3f", "df01", "81 1f"} {
		for api, err := range everyReader(fromHex(h), det) {
			if !errors.Is(err, ErrIndefinite) || errors.Is(err, ErrNotDeterministic) {
				t.Errorf("%s: %s: %v, want ErrIndefinite only", h, api, err)
			}
		}
	}
}
