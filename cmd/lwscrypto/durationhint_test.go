package main

import (
	"strings"
	"testing"
)

// TestDurationFlagHint: a --leeway value that is no Go duration ("30",
// the seconds a newcomer types) is a usage error whose hint says what a
// duration looks like. Before, the flag package's "parse error" came with
// "run 'lwscrypto help jwt verify'", and the help says only "(e.g. 30s)".
// Other flags keep the help hint.
func TestDurationFlagHint(t *testing.T) {
	for _, v := range []string{"30", "abc", "1d"} {
		code, out, e := runCLI(t, "", "jwt", "verify", "--key", "k.jwk", "--leeway", v)
		if code != 2 || out != "" || !strings.Contains(e, "--leeway") ||
			!strings.Contains(e, "lwscrypto: hint: a Go duration with its unit, such as 30s, 2m or 1h30m") {
			t.Errorf("--leeway %s: exit %d, stdout %q, stderr %q; want exit 2 with the duration hint", v, code, out, e)
		}
	}
	code, _, e := runCLI(t, "", "json", "check", "--max-depth", "x")
	if code != 2 || strings.Contains(e, "duration") || !strings.Contains(e, "run 'lwscrypto help json check'") {
		t.Errorf("--max-depth x: exit %d, stderr %q; want exit 2 with the help hint", code, e)
	}
}
