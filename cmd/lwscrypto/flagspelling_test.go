package main

import (
	"regexp"
	"sort"
	"strings"
	"testing"
)

// Usage and flag errors spell flags as the synopsis and the CLI contract
// do: --alg, with -o and -h, of one letter, keeping one dash. Before the
// fix they came from Go's flag package, which writes "-alg" ("unknown flag
// -nosuch", "flag needs an argument: -key", "  -leeway duration" in -h),
// though both spellings parse.
func TestFlagSpellingDoubleDash(t *testing.T) {
	paths := make([]string, 0, len(commands))
	for p := range commands {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	singleDash := regexp.MustCompile(`(?m)^  -[a-z0-9][a-z0-9-]+`)
	listed := 0
	for _, p := range paths {
		code, out, _ := runCLI(t, "", append(strings.Fields(p), "-h")...)
		if code != 0 || !strings.Contains(out, "\nflags:\n") {
			continue
		}
		if m := singleDash.FindString(out); m != "" {
			t.Errorf("%s -h lists %q, want two dashes:\n%s", p, m, out)
		}
		if !strings.Contains(out, "\n  -o ") {
			t.Errorf("%s -h: -o not listed with one dash:\n%s", p, out)
		}
		listed++
	}
	if listed < 10 {
		t.Fatalf("only %d commands print flags with -h", listed)
	}
	for _, tc := range []struct {
		stdin string
		args  []string
		want  string
	}{
		{"", []string{"jwt", "sign", "--nosuch"}, "unknown flag --nosuch"},
		{"", []string{"jwt", "sign", "-nosuch=1"}, "unknown flag --nosuch"},
		{"", []string{"json", "check", "-x"}, "unknown flag -x"},
		{"", []string{"jwt", "sign", "--key"}, "--key needs a value"},
		{"", []string{"jwt", "sign", "-key"}, "--key needs a value"},
		{"", []string{"json", "check", "-o"}, "-o needs a value"},
		{"", []string{"jwt", "verify", "--key", "k", "--leeway", "soon"}, `invalid value "soon" for --leeway`},
		{"{}", []string{"json", "check", "-max-depth", "x"}, `invalid value "x" for --max-depth`},
		{"", []string{"jwt", "inspect", "--json=maybe"}, `invalid boolean value "maybe" for --json`},
		{"", []string{"jws", "sign", "-detached=2"}, `invalid boolean value "2" for --detached`},
	} {
		code, out, e := runCLI(t, tc.stdin, tc.args...)
		if code != 2 || out != "" || !strings.HasPrefix(e, "lwscrypto: error: "+tc.want) {
			t.Errorf("%q: exit %d, stdout %q, stderr %q; want exit 2 and %q", tc.args, code, out, e, tc.want)
		}
	}
	// Both spellings still parse.
	for _, alg := range []string{"-alg", "--alg", "-alg=HS256", "--alg=HS256"} {
		args := []string{"jwk", "gen", alg}
		if !strings.Contains(alg, "=") {
			args = append(args, "HS256")
		}
		mustRunCLI(t, "", args...)
	}
}
