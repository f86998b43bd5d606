package lecp

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestSyntaxErrorPathCapped: the path an error message shows is at most
// 256 bytes (cut before a character, ending in "…"), as lejp's is, so a
// deep input of long keys cannot make a message as large as itself; the
// Path field keeps the whole path. On the base 100 nested maps with keys
// of 1,000 bytes gave a message of about 100 KB.
func TestSyntaxErrorPathCapped(t *testing.T) {
	key := strings.Repeat("é", 500) // 1,000 bytes, two-byte characters
	var in []byte
	for range 100 {
		in = append(in, 0xa1)
		in = AppendText(in, key)
	}
	in = append(in, 0x1c) // reserved additional information
	err := Check(in, nil)
	se, ok := err.(*SyntaxError)
	if !ok {
		t.Fatalf("Check: %v", err)
	}
	if len(se.Path) < 100_000 {
		t.Fatalf("Path is %d bytes, want the whole path", len(se.Path))
	}
	msg := se.Error()
	if len(msg) > 400 || !utf8.ValidString(msg) || !strings.Contains(msg, "…)") {
		t.Errorf("message of %d bytes (valid UTF-8: %v): %.80q…", len(msg), utf8.ValidString(msg), msg)
	}
	short := &SyntaxError{Offset: 1, Path: "[0]", Err: ErrReservedInfo}
	if got := short.Error(); !bytes.HasSuffix([]byte(got), []byte("(path [0])")) {
		t.Errorf("short path: %q", got)
	}
}
