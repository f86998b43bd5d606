package lecp

import (
	"fmt"
	"strings"
	"testing"
)

// TestSyntaxErrorMessageTerminalSafe: text keys in a SyntaxError's path
// come from the input; the message shows the characters a terminal would
// act on rather than show (C1 controls, the line and paragraph separators,
// the bidirectional overrides and isolates) as escapes, as lejp's
// SyntaxError.Error does (U+2028 and U+2029 since d1b2e82) and as the
// CLI's terminalSafe writes them, so that the message is one line of text
// that shows what it says; the Path field keeps the key as it is. Fails on
// 98386ed: the path's comment said such keys were already escapes, but
// only C0 controls and DEL were (a key quoted keeps its other characters
// as they are).
func TestSyntaxErrorMessageTerminalSafe(t *testing.T) {
	for _, key := range []string{"a\u2028b", "a\u2029b", "a\u202eb", "a\u202ab", "a\u2066b", "a\u2069b", "a\u0085b", "a\u009bb", "a\u061cb", "a\u200eb", "a\u200fb"} {
		// {key: [1, break]}: the break is an error at path key[1]
		in := append([]byte{0xa1}, appendHead(nil, majText, uint64(len(key)))...)
		in = append(in, key...)
		in = append(in, 0x82, 0x01, 0xff)
		err := Check(in, nil)
		se, ok := err.(*SyntaxError)
		if !ok {
			t.Fatalf("%+q: %v, want a *SyntaxError", key, err)
		}
		if !strings.Contains(se.Path, key) {
			t.Errorf("%+q: Path %+q, want the key as it is", key, se.Path)
		}
		msg := se.Error()
		r := []rune(key)[1]
		if strings.ContainsRune(msg, r) {
			t.Errorf("%+q: message %+q holds U+%04X as it is", key, msg, r)
		}
		if want := fmt.Sprintf(`a\u%04x`, r); !strings.Contains(msg, want) {
			t.Errorf("%+q: message %+q, want the key shown as %s", key, msg, want)
		}
	}
}
