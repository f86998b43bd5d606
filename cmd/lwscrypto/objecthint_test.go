package main

import (
	"strings"
	"testing"
)

// An object without its verb ("lwscrypto jws", "lwscrypto jwk frob",
// "lwscrypto help cbor frob") is not a command (exit 2), but the hint lists
// that object's verbs. Before the fix it said only to run 'lwscrypto
// help', or nothing at all for 'help OBJECT'. (Help asked for on an
// object, "jwk -h" or "help cbor", exits 0: TestObjectHelpFlagExitsZero.)
func TestObjectWithoutVerbHint(t *testing.T) {
	for _, c := range []struct {
		args []string
		hint string
	}{
		{[]string{"jws"}, "lwscrypto: hint: jws takes a verb: sign, verify\n"},
		{[]string{"jwk", "frob"}, "lwscrypto: hint: jwk takes a verb: from-pem, gen, pub, thumbprint, to-pem\n"},
		{[]string{"help", "cbor", "frob"}, "lwscrypto: hint: cbor takes a verb: check, diag, from-diag, from-json, get, to-json\n"},
	} {
		code, out, e := runCLI(t, "", c.args...)
		if code != 2 || out != "" || !strings.HasSuffix(e, c.hint) {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want exit 2 and %q", c.args, code, out, e, c.hint)
		}
	}
	if _, _, e := runCLI(t, "", "frob"); !strings.Contains(e, "hint: run 'lwscrypto help' for the list of commands") {
		t.Errorf("unknown object: %q", e)
	}
}
