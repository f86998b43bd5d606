package lecp

import (
	"errors"
	"testing"

	"github.com/lwscrypto/lwscrypto/internal/testenv"
)

// TestAttack32MapKeyHeaderPlusLength (catalog row 32): a map key string
// whose declared length fits in the remaining input but whose head plus
// length does not is ErrUnexpectedEOF through every API, never a read past
// the input. Map keys take their own path (held for duplicate detection);
// before, TestAttack32HeaderPlusLength, whose strings are top-level or in
// arrays, passed with that path's bound computed without the head,
// uint64(len(p)) < arg for uint64(len(p)-hl) < arg (mutation: a slice
// out of range panic).
func TestAttack32MapKeyHeaderPlusLength(t *testing.T) {
	for _, h := range []string{
		"a1 44 010203", "a1 63 6162", "a1 78 04 616263", "a1 5a 00000004 010203",
		"a1 79 0005 61626364", "a2 00 00 44 010203", "81 a1 64 616263",
	} {
		in := testenv.Hex(t, h)
		for i, err := range decodeAll(in, nil) {
			if !errors.Is(err, ErrUnexpectedEOF) {
				t.Errorf("%s api %d: %v, want ErrUnexpectedEOF", h, i, err)
			}
		}
	}
}
