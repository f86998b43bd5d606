package main

import (
	"strings"
	"testing"
)

// 'help' also takes an OBJECT alone ('lwscrypto help jwt' lists jwt's
// verbs), but its synopsis, in 'help -h' and in the list of commands,
// still said "help [OBJECT VERB]", "print this list of commands, or the
// usage of one".
func TestHelpSynopsisNamesObjectHelp(t *testing.T) {
	for _, args := range [][]string{{"help", "-h"}, {"help"}} {
		_, out, _ := runCLI(t, "", args...)
		if !strings.Contains(out, "help [OBJECT [VERB]]") || !strings.Contains(out, "the verbs of an object") {
			t.Errorf("%v: stdout %q; want the synopsis help [OBJECT [VERB]] and 'the verbs of an object'", args, out)
		}
	}
}
