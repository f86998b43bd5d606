package main

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestJSONExitCodes checks the exact exit statuses of the json commands:
// 0 valid, 1 invalid input, 2 usage error.
func TestJSONExitCodes(t *testing.T) {
	for _, tc := range []struct {
		stdin string
		args  []string
		code  int
		out   string
	}{
		{`{"a":[1,2]}`, []string{"json", "check"}, 0, ""},
		{`{"a":1,"a":2}`, []string{"json", "check"}, 1, ""},
		{`[1,`, []string{"json", "check"}, 1, ""},
		{`[1]`, []string{"json", "check", "--nosuch"}, 2, ""},
		{`[1]`, []string{"json", "check", "a", "b"}, 2, ""},
		{`{"a":{"b":"c"}}`, []string{"json", "get", "a.b"}, 0, "\"c\"\n"},
		{`{"a":{"b":"c"}}`, []string{"json", "get", "a"}, 0, "{\"b\":\"c\"}\n"},
		{`{"a":{"b":"c"}`, []string{"json", "get", "a.b"}, 1, "\"c\"\n"},
		{`{}`, []string{"json", "get"}, 2, ""},
		{`{}`, []string{"json", "get", "a[b"}, 2, ""},
		{`[1]`, []string{"json", "events"}, 0, "0 array-start \"\"\n1 int \"/0\" 1\n2 array-end \"\"\n"},
		{`[x]`, []string{"json", "events"}, 1, "0 array-start \"\"\n"},
	} {
		code, out, errOut := runCLI(t, tc.stdin, tc.args...)
		if code != tc.code || out != tc.out {
			t.Errorf("%s < %q: exit %d, stdout %q (stderr %q); want %d, %q", strings.Join(tc.args, " "), tc.stdin, code, out, errOut, tc.code, tc.out)
		}
		if code == 1 && !strings.Contains(errOut, "at offset") {
			t.Errorf("%s < %q: error does not name the offset: %q", strings.Join(tc.args, " "), tc.stdin, errOut)
		}
	}
}

// TestJSONGetLongStrings: a string long enough to reach the handler in
// pieces is printed as one JSON string (one opening quote, escapes kept
// across the pieces), alone, inside a matched container and as a member
// name's value, so the output reads back as the value.
func TestJSONGetLongStrings(t *testing.T) {
	long := strings.Repeat(`ab\"\u00e9\n`, 40000) // 480 kB of JSON text, 200,000 characters
	doc := `{"s":"` + long + `","o":{"t":"` + long + `","n":1},"u":["` + long + `"]}`
	var want struct {
		S string
		O map[string]any
		U []string
	}
	if err := json.Unmarshal([]byte(doc), &want); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		pattern string
		want    any
	}{{"s", want.S}, {"o", want.O}, {"u", want.U}, {"u[]", want.U[0]}, {"o.t", want.O["t"]}} {
		code, out, errOut := runCLI(t, doc, "json", "get", c.pattern)
		if code != 0 {
			t.Fatalf("%s: exit %d, %s", c.pattern, code, errOut)
		}
		if strings.Count(out, "\n") != 1 {
			t.Errorf("%s: %d lines, want 1", c.pattern, strings.Count(out, "\n"))
		}
		var got any
		if err := json.Unmarshal([]byte(out), &got); err != nil {
			t.Errorf("%s: output is not JSON: %v (%.60q…)", c.pattern, err, out)
			continue
		}
		if w, _ := json.Marshal(c.want); string(w) != string(mustMarshal(t, got)) {
			t.Errorf("%s: output does not read back as the value", c.pattern)
		}
	}
}

func mustMarshal(t *testing.T, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
