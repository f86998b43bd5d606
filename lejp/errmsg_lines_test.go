package lejp

import (
	"strings"
	"testing"
)

// TestSyntaxErrorMessageLineSeparators: the line and paragraph separators
// U+2028 and U+2029 in a member name are escaped in the message, as the
// CLI's terminalSafe escapes them: the message is one line of text, as
// SyntaxError.Error's doc says, wherever it is shown.
func TestSyntaxErrorMessageLineSeparators(t *testing.T) {
	err := Check([]byte("{\"a\u2028b\u2029c\":[1,x]}"), nil)
	if err == nil {
		t.Fatal("no error")
	}
	msg := err.Error()
	if want := ` (path /a\u2028b\u2029c/1)`; !strings.HasSuffix(msg, want) {
		t.Errorf("message %q, want it to end %q", msg, want)
	}
}
