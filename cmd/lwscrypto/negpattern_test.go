package main

import (
	"strings"
	"testing"
)

// cbor get's usage offers -1 as a PATTERN (a negative map key: COSE_Key's
// "crv" is -1), but the flag parser took "-1" for an unknown flag: exit 2
// with the message "lwscrypto: error: -1". No flag's name starts with a
// digit, so an argument "-<digit>…" is positional (a flag's value, such
// as --max-depth -1, is still the flag's); and an unknown flag is named
// as one.
func TestNegativeNumberIsPositional(t *testing.T) {
	const coseKey = "a2 01 02 20 01" // {1: 2, -1: 1}
	for _, args := range [][]string{
		{"cbor", "get", "--hex", "-1"},
		{"cbor", "get", "-1", "--hex"},
		{"cbor", "get", "--hex", "--", "-1"},
		{"cbor", "get", "-1", "--hex", "-"},
	} {
		if code, out, e := runCLI(t, coseKey, args...); code != 0 || out != "1\n" {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want the value of key -1", args, code, out, e)
		}
	}
	if code, _, e := runCLI(t, coseKey, "cbor", "get", "--hex", "--max-depth", "-1", "1"); code != 2 || !strings.Contains(e, "--max-depth -1") {
		t.Errorf("--max-depth -1: exit %d, %q; want the flag's usage error", code, e)
	}
	for _, args := range [][]string{{"cbor", "get", "--bogus", "1"}, {"json", "check", "-x"}} {
		code, _, e := runCLI(t, "", args...)
		if flag := flagName(strings.TrimLeft(args[2], "-")); code != 2 || !strings.HasPrefix(e, "lwscrypto: error: unknown flag "+flag+"\n") {
			t.Errorf("%v: exit %d, stderr %q; want exit 2 and \"unknown flag %s\"", args, code, e, flag)
		}
	}
}
