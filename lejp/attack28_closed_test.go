package lejp

import (
	"bytes"
	"errors"
	"testing"
)

// TestAttack28ClosedNesting (catalog row 28): well-formed documents,
// closed, are refused one level past the configured depth on every entry
// point, for arrays (empty, or holding a number, which Check's fast pass
// reads without a frame of its own) and objects, and accepted at the
// depth. TestAttack28DeepNesting feeds unclosed input, which the fast pass
// hands to the scanner as truncated, so it passed with the fast pass's own
// depth check removed (mutation: Check then accepted 65 closed levels
// under MaxDepth 64, and 1001 under the default).
func TestAttack28ClosedNesting(t *testing.T) {
	for _, limit := range []int{2, 64, DefaultMaxDepth} {
		opts := &Options{MaxDepth: limit}
		for _, shape := range []struct{ open, inner, close string }{
			{"[", "", "]"}, {"[", "0", "]"}, {`{"a":`, "0", "}"}, {`{"a":`, "[]", "}"},
		} {
			doc := func(levels int) []byte {
				b := append(bytes.Repeat([]byte(shape.open), levels), shape.inner...)
				return append(b, bytes.Repeat([]byte(shape.close), levels)...)
			}
			levels := limit
			if shape.inner == "[]" {
				levels-- // the innermost [] is a level
			}
			for way, err := range allWays(doc(levels), opts) {
				if err != nil {
					t.Errorf("limit %d, %s…%s at the limit: %s: %v", limit, shape.open, shape.close, way, err)
				}
			}
			for way, err := range allWays(doc(levels+1), opts) {
				if !errors.Is(err, ErrDepth) {
					t.Errorf("limit %d, %s…%s one past: %s: %v, want ErrDepth", limit, shape.open, shape.close, way, err)
				}
			}
		}
	}
}
