package main

import (
	"bytes"
	"encoding/json"
	"reflect"
	"testing"
	"unicode/utf8"
)

// FuzzTerminalJSON: what terminalJSON writes holds nothing a terminal acts
// on (no C0 control but LF and tab, no DEL, C1, line or paragraph
// separator or bidi control), is written the same by the streaming writer
// whatever the split, and, for valid JSON text, is valid JSON text of the
// same value (JSON text that is not UTF-8 excepted: its bad bytes are
// shown as \xXX, as documented).
func FuzzTerminalJSON(f *testing.F) {
	for _, s := range []string{
		`{"a":"x\u009b2J"}`, "{\"iss\":\"x\"\r,\"verified\":true}", "[1\r\n,2]\t",
		"{\"k\":\"\u202e\u2066\u2028\"}", "\"\xff\xfe\"", "\x7f", "\"\xe2\x80\"", "{\"a\":\"\u00e9\u20ac\U0001F600\"}",
	} {
		f.Add([]byte(s), 3)
	}
	f.Fuzz(func(t *testing.T, in []byte, split int) {
		out, rest := appendTerminalJSON(nil, in)
		out = append(out, terminalJSONTail(rest)...)
		for i := 0; i < len(out); {
			r, n := utf8.DecodeRune(out[i:])
			if r == utf8.RuneError && n == 1 || r != '\n' && r != '\t' && terminalActs(r) {
				t.Fatalf("%q: output %q holds %U at %d", in, out, r, i)
			}
			i += n
		}
		var w bytes.Buffer
		tw := &terminalJSONWriter{w: &w}
		split = max(1, split%16+1)
		for p := in; len(p) > 0; {
			n := min(split, len(p))
			if _, err := tw.Write(p[:n]); err != nil {
				t.Fatal(err)
			}
			p = p[n:]
		}
		if err := tw.Flush(); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(w.Bytes(), out) {
			t.Fatalf("%q: written in pieces of %d %q, whole %q", in, split, w.Bytes(), out)
		}
		// Text that is not UTF-8 (--allow-invalid-utf8) is not RFC 8259
		// JSON; its bytes are shown as \xXX.
		if !utf8.Valid(in) || !json.Valid(in) {
			return
		}
		var a, b any
		if err := json.Unmarshal(in, &a); err != nil {
			return
		}
		if err := json.Unmarshal(out, &b); err != nil || !reflect.DeepEqual(a, b) {
			t.Fatalf("%q: terminal form %q is %v (%v), not the same JSON value", in, out, b, err)
		}
	})
}
