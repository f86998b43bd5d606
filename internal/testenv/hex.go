package testenv

import (
	"encoding/hex"
	"strings"
	"testing"
)

// Hex decodes s, hexadecimal in either case with spaces allowed between
// bytes (as RFC and corpus vectors are often printed), failing the test if
// it is not.
func Hex(t testing.TB, s string) []byte {
	t.Helper()
	b, err := hex.DecodeString(strings.ReplaceAll(s, " ", ""))
	if err != nil {
		t.Fatalf("testenv.Hex(%q): %v", s, err)
	}
	return b
}
