package main

import (
	"sort"
	"strings"
	"testing"
)

// 'lwscrypto help OBJECT VERB' is what every usage error's hint says to
// run, so it describes the command as fully as '-h' does: with its flags.
// Before the fix it printed the synopsis and summary only, and -h on a
// command with flags exited 0 when its usage could not be written.
func TestHelpCommandIsDashH(t *testing.T) {
	paths := make([]string, 0, len(commands))
	for p := range commands {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	for _, p := range paths {
		args := strings.Fields(p)
		code, viaHelp, e := runCLI(t, "", append([]string{"help"}, args...)...)
		if code != 0 || e != "" {
			t.Errorf("help %s: exit %d, stderr %q", p, code, e)
		}
		code, viaH, e := runCLI(t, "", append(args, "-h")...)
		if code != 0 || e != "" {
			t.Errorf("%s -h: exit %d, stderr %q", p, code, e)
		}
		if viaHelp != viaH {
			t.Errorf("help %s prints\n%s\nbut %s -h prints\n%s", p, viaHelp, p, viaH)
		}
		for _, args := range [][]string{append(args, "-h"), append([]string{"help"}, args...)} {
			var errb strings.Builder
			code := Main(args, strings.NewReader(""), brokenWriter{}, &errb)
			if code != 1 || errb.String() != "lwscrypto: error: writing output: broken pipe\n" {
				t.Errorf("%v to a broken pipe: exit %d, stderr %q; want 1 and \"writing output: broken pipe\"", args, code, errb.String())
			}
		}
	}
}
