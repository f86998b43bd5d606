package main

import (
	"strings"
	"testing"
)

// "lwscrypto -h" and "lwscrypto --help" are how most people ask a command
// for help; before the fix both were "unknown command" (exit 2).
func TestTopLevelHelpFlag(t *testing.T) {
	for _, arg := range []string{"-h", "--help", "-help"} {
		code, out, e := runCLI(t, "", arg)
		if code != 0 || !strings.HasPrefix(out, "usage: lwscrypto <object> <verb>") || e != "" {
			t.Errorf("lwscrypto %s: exit %d, stdout %.40q, stderr %q; want exit 0 and the command list", arg, code, out, e)
		}
	}
}
