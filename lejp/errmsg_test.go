package lejp

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestSyntaxErrorMessageText: a SyntaxError's message is one line of
// UTF-8 text without control characters, however the member names on its
// path are spelled (they are escaped as the CLI's terminalSafe does), and
// of bounded length, while its Path field keeps the pointer exactly. Names
// come from the input: on the base a name holding escape sequences
// ("\u001b[2J") reached whoever printed the message raw (the CLI escapes
// it itself; jose's errors wrap it), a name that is not UTF-8
// (AllowInvalidUTF8) made the message not UTF-8, and a 60 KiB name made a
// 60 KiB message.
func TestSyntaxErrorMessageText(t *testing.T) {
	long := strings.Repeat("n", 60<<10)
	for _, tc := range []struct {
		in   string
		opts *Options
		path string
		want string // the message's path
	}{
		{`{"a\u001b[2Jb":{"x":1,"x":2}}`, nil, "/a\x1b[2Jb/x", `/a\u001b[2Jb/x`},
		{`{"\u0085\u009b\u007f\r\n\u202e":[1,]}`, nil, "/\u0085\u009b\x7f\r\n\u202e/1", `/\u0085\u009b\u007f\u000d\u000a\u202e/1`},
		{`{"\u061c\u200e\u200f":[1,]}`, nil, "/\u061c\u200e\u200f/1", `/\u061c\u200e\u200f/1`},
		{"{\"\xff\xfeok\":tru}", &Options{AllowInvalidUTF8: true}, "/\xff\xfeok", `/\xff\xfeok`},
		{`{"é€😀":nul}`, nil, "/é€😀", "/é€😀"},
		{`{"` + long + `":[1,x]}`, nil, "/" + long + "/1", "/" + strings.Repeat("n", 255) + "…"},
	} {
		err := Check([]byte(tc.in), tc.opts)
		var se *SyntaxError
		if !errors.As(err, &se) {
			t.Fatalf("%.20q: %v", tc.in, err)
		}
		if se.Path != tc.path {
			t.Errorf("%.20q: Path %.40q, want %.40q", tc.in, se.Path, tc.path)
		}
		msg := err.Error()
		if !utf8.ValidString(msg) || strings.ContainsFunc(msg, func(r rune) bool {
			return r < 0x20 || r >= 0x7f && r < 0xa0 || r == 0x202e || r == 0x061c || r == 0x200e || r == 0x200f
		}) {
			t.Errorf("%.20q: message %q is not plain text", tc.in, msg)
		}
		if !strings.HasSuffix(msg, " (path "+tc.want+")") {
			t.Errorf("%.20q: message %.300q, want the path shown as %.300q", tc.in, msg, tc.want)
		}
	}
}
