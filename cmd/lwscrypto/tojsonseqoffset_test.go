package main

import "testing"

// TestCBORToJSONSeqOffset: a key collision in a later item of a sequence
// is reported at its offset in the whole input, as lecp.AppendJSON over
// the sequence reports it (and as every other offset of the CLI counts),
// not at its offset inside the item. Before the fix the second item's
// collision, at input offset 4, was reported at offset 3.
func TestCBORToJSONSeqOffset(t *testing.T) {
	const hint = "lwscrypto: hint: JSON member names are strings: an integer key 1 and a text key \"1\" cannot both be kept\n"
	for _, c := range []struct{ in, err string }{
		// {1: 0, "1": 1} alone: the text key "1" at offset 3
		{"a20100613101", "lwscrypto: error: standard input: lecp: map keys collide when converted to JSON member names at offset 3\n"},
		// 1, then the same map: the key at offset 4
		{"01a20100613101", "lwscrypto: error: standard input: lecp: map keys collide when converted to JSON member names at offset 4\n"},
		// [0], 1, [1, {1: 0, "1": 1}]: the key at offset 8, path [1]
		{"8100018201a20100613101", "lwscrypto: error: standard input: lecp: map keys collide when converted to JSON member names at offset 8 (path [1])\n"},
	} {
		code, out, errOut := runCLI(t, c.in, "cbor", "to-json", "--hex", "--seq")
		if code != 1 || out != "" || errOut != c.err+hint {
			t.Errorf("%s: exit %d, stdout %q, stderr %q; want exit 1, stderr %q", c.in, code, out, errOut, c.err+hint)
		}
	}
}
