package main

import "testing"

// TestTerminalSafeBidiMarks: the bidirectional marks (U+061C ALM, U+200E
// LRM, U+200F RLM) reorder the text around them as the overrides do, so
// terminalSafe and appendTerminalJSON write them as escapes too, as
// jose.QuoteName and lejp's and lecp's messages now do. Before, only the
// embeddings, overrides and isolates were escaped. Neighbours stay.
func TestTerminalSafeBidiMarks(t *testing.T) {
	in := "a\u061cb\u200ec\u200fd\u061b\u200d\u2010"
	const want = `a\u061cb\u200ec\u200fd` + "\u061b\u200d\u2010"
	if got := terminalSafe(in); got != want {
		t.Errorf("terminalSafe(%+q) = %+q, want %+q", in, got, want)
	}
	if got, rest := appendTerminalJSON(nil, []byte(`"`+in+`"`)); string(got) != `"`+want+`"` || len(rest) != 0 {
		t.Errorf("appendTerminalJSON(%+q) = %+q (rest %q), want %+q", in, got, rest, `"`+want+`"`)
	}
}
