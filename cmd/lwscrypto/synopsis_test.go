package main

import (
	"regexp"
	"sort"
	"strings"
	"testing"
)

// Every flag a command parses appears in its synopsis (the line 'help'
// prints), unless the synopsis says "[flags]". Before the fix 'json check'
// did not list --allow-multiple, nor 'jwt verify' its -o.
func TestSynopsisListsFlags(t *testing.T) {
	paths := make([]string, 0, len(commands))
	for p := range commands {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	flagLine := regexp.MustCompile(`(?m)^  --?([a-z0-9-]+)`)
	for _, p := range paths {
		c := commands[p]
		if p == "help" || strings.Contains(c.args, "[flags]") {
			continue
		}
		code, out, _ := runCLI(t, "", append(strings.Fields(p), "-h")...)
		if code != 0 {
			continue // takes no flags
		}
		for _, m := range flagLine.FindAllStringSubmatch(out, -1) {
			if !regexp.MustCompile(`(^|[\s\[])--?` + regexp.QuoteMeta(m[1]) + `\b`).MatchString(c.args) {
				t.Errorf("%s: flag -%s is not in the synopsis %q", p, m[1], c.args)
			}
		}
	}
}
