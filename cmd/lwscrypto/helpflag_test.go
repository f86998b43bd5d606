package main

import (
	"strings"
	"testing"
)

// The help text promises "'<object> <verb> -h' describes one command".
// Before the fix 'version -h' and 'help -h' were usage errors (exit 2:
// "version takes no arguments", "no command \"-h\"").
func TestHelpFlagOnFlaglessCommands(t *testing.T) {
	for _, args := range [][]string{{"version", "-h"}, {"version", "--help"}, {"help", "-h"}, {"help", "--help"}} {
		code, out, e := runCLI(t, "", args...)
		if code != 0 || !strings.HasPrefix(out, "usage: lwscrypto "+args[0]) || e != "" {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want exit 0 and the usage", args, code, out, e)
		}
	}
}
