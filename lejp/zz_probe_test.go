package lejp

import (
	"fmt"
	"strings"
	"testing"
)

func TestZZProbeWays(t *testing.T) {
	var hashed strings.Builder
	hashed.WriteString("{")
	for i := 0; i < 80; i++ {
		fmt.Fprintf(&hashed, `"n%02dabcdefgh":1,`, i)
	}
	hashed.WriteString(`"n4\u0031abcdefgh":2}`)
	ins := []string{
		`{"\ud800":1,"\udc00":2}`, `{"\ud800":1,"\ufffd":2}`, "{\"\xff\":1,\"\xff\":2}", "{\"\xff\":1,\"\\ufffd\":2}",
		"{\"\xef\xbf\xbd\":1,\"\\ud800\":2}",
		`{"a\u0000":1,"a":2}`, `{"abcdefghij":1,"abcdefgh\u0069j":2}`, hashed.String(),
		"[1 #c\n,2]", "{\"a\" #c\n:1}", "{#c\n\"a\":1}", "1#", "#\n1", "[1,#c\n2]", "[tru#\ne]", "\"#\"", "[1#c]", "1 #c\r", "[-#\n1]", "{\"a\":1#c\n}",
		"#", "# \xff\n1", "[1]#x", "[1]\n#x\n", "1 # a\n 2", "{\"a\":1,#\n\"a\":2}",
		"-0", "1E400", "-0.0e-0", "0e", "1.e1", "01", "-01", "00", "1e01", "1e+0001", "[1e400]", "1.5E+308", "-", "0.", "[0x1]", "[.5]", "[+1]", "[1 2]", "1 2", "[1,2,]",
		"\"\\u00e9\\ud83d\\ude00\"", "\"\\uD83D\\uDE00\"", "\"\\ud83d\\u0041\"", "\"\\ude00\\ud83d\"", "\"\\ud83d\"", "\"\\ud83dx\"",
		"\"\xf0\x9f\x98\"", "\"\xc0\x80\"", "\"\xed\xa0\x80\"", "\"\xf4\x90\x80\x80\"", "\"\x7f\"", "\"\x1f\"",
		"{\"a\":{\"b\":1},\"a\":2}", "{\"\xff\\u0041\":1,\"\xffA\":2}", "{\"\\ud800x\":1,\"\xef\xbf\xbdx\":2}", "{\"abcdefgh\xff\":1,\"abcdefgh\\u00ff\":2}", "{\"a\":{\"a\":1}}", "[{\"a\":1},{\"a\":1}]", "{\"\":1,\"\":2}",
	}
	opts := []*Options{nil, {AllowInvalidUTF8: true}, {AllowDuplicateNames: true}, {AllowComments: true}, {AllowMultipleValues: true},
		{AllowComments: true, AllowMultipleValues: true}, {AllowInvalidUTF8: true, AllowDuplicateNames: true, AllowComments: true, AllowMultipleValues: true}}
	for _, in := range ins {
		for oi, o := range opts {
			errs := allWaysSafe([]byte(in), o)
			ref := fmt.Sprint(errs["Check"])
			for way, err := range errs {
				if fmt.Sprint(err) != ref {
					t.Errorf("%q opts %d: %s: %v; Check: %v", in, oi, way, err, ref)
				}
			}
			if oi == 0 || oi == 1 || oi == 3 {
				t.Logf("%-30.30q o%d: %v", in, oi, ref)
			}
		}
	}
}
