package main

import (
	"strings"
	"testing"
)

// Help asked for on an object ("lwscrypto jwt -h", "--help", "-help",
// "lwscrypto help jwt") prints the object's verbs to standard output and
// exits 0, as '<object> <verb> -h' and 'lwscrypto -h' do. Before the fix
// each was "unknown command" (or "no command"), exit 2. An object without
// a verb or a help flag is still a mistake: exit 2, nothing on stdout.
func TestObjectHelpFlagExitsZero(t *testing.T) {
	for _, args := range [][]string{
		{"jwt", "-h"}, {"jwt", "--help"}, {"jwt", "-help"}, {"help", "jwt"},
		{"jwk", "-h"}, {"jws", "--help"}, {"json", "-h"}, {"cbor", "--help"}, {"help", "cbor"}, {"help", "jwt", "-h"},
	} {
		code, out, e := runCLI(t, "", args...)
		obj := args[0]
		if obj == "help" {
			obj = args[1]
		}
		if code != 0 || e != "" || !strings.HasPrefix(out, "usage: lwscrypto "+obj+" <verb>") {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want exit 0 and the object's usage on stdout", args, code, out, e)
			continue
		}
		for p, c := range commands {
			if v, ok := strings.CutPrefix(p, obj+" "); ok && !strings.Contains(out, "  "+v+" "+c.args) && !strings.Contains(out, "  "+v+"\n") {
				t.Errorf("%v: the usage does not list %q: %q", args, v, out)
			}
		}
	}
	for _, args := range [][]string{{"jwt"}, {"jwt", "nosuch"}, {"help", "jwt", "nosuch"}} {
		if code, out, e := runCLI(t, "", args...); code != 2 || out != "" || !strings.Contains(e, "hint: jwt takes a verb") {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want exit 2 and the verbs hint", args, code, out, e)
		}
	}
	// An object alone names no command, but it is no unknown one either:
	// the error says a verb is missing (before, `unknown command "jwt"`).
	for _, obj := range []string{"jwt", "jws", "jwk", "json", "cbor"} {
		if code, _, e := runCLI(t, "", obj); code != 2 || !strings.HasPrefix(e, "lwscrypto: error: "+obj+" needs a verb\n") {
			t.Errorf("%s: exit %d, stderr %q; want exit 2 and %q", obj, code, e, obj+" needs a verb")
		}
	}
	var errb strings.Builder
	if code := Main([]string{"jwt", "-h"}, strings.NewReader(""), brokenWriter{}, &errb); code != 1 {
		t.Errorf("jwt -h to a broken pipe: exit %d, stderr %q; want 1", code, errb.String())
	}
}
