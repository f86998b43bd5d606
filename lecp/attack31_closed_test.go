package lecp

import (
	"bytes"
	"errors"
	"io"
	"testing"
)

// TestAttack31ClosedNesting (catalog row 31): complete, well-formed items
// nested one level past the configured depth — definite and indefinite
// arrays, maps, tags — are ErrDepth through every API, and accepted at the
// depth. TestAttack31Depth feeds unclosed input, which Check's fast pass
// hands to the full decoder as truncated, so it passed with the fast
// pass's own depth check removed (mutation; other package tests caught
// it, no row-31 test did).
func TestAttack31ClosedNesting(t *testing.T) {
	shapes := []struct {
		name        string
		open, close []byte
	}{
		{"array", []byte{0x81}, nil},
		{"map", []byte{0xa1, 0x00}, nil},
		{"indefinite array", []byte{0x9f}, []byte{0xff}},
		{"tag 65536", []byte{0xda, 0x00, 0x01, 0x00, 0x00}, nil},
		{"array in tag", []byte{0xda, 0x00, 0x01, 0x00, 0x00, 0x81}, nil},
	}
	for _, limit := range []int{2, 32, DefaultMaxDepth} {
		opts := &Options{MaxDepth: limit}
		for _, s := range shapes {
			per := 1
			if s.name == "array in tag" {
				per = 2
			}
			doc := func(levels int) []byte {
				b := append(bytes.Repeat(s.open, levels/per), 0x00)
				return append(b, bytes.Repeat(s.close, levels/per)...)
			}
			at := limit - limit%per
			for i, err := range decodeAll(doc(at), opts) {
				if err != nil && err != io.EOF { // the ReadToken loop ends at io.EOF
					t.Errorf("limit %d, %s nested %d deep: api %d: %v", limit, s.name, at, i, err)
				}
			}
			for i, err := range decodeAll(doc(at+per), opts) {
				if !errors.Is(err, ErrDepth) {
					t.Errorf("limit %d, %s nested %d deep: api %d: %v, want ErrDepth", limit, s.name, at+per, i, err)
				}
			}
		}
	}
}
