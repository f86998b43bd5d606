//go:build goexperiment.jsonv2

package lejp

import (
	"encoding/json/jsontext"
	"errors"
	"fmt"
	"strings"
	"testing"
)

// badStringUnits are the units that make a string malformed (or, some of
// them, acceptable only with AllowInvalidUTF8): bad escapes, escaped lone
// and misordered surrogates, bytes that are not UTF-8 (overlong forms,
// encoded surrogates, code points above U+10FFFF, stray continuation
// bytes, truncated sequences) and control characters.
var badStringUnits = []string{
	`\x`, `\U0041`, `\u12G4`, `\u12"`, `\'`, "\\\x00", "\\\xc3\xa9", `\`,
	`\ud800`, `\udc00`, `\ud800\ud800`, `\udc00\ud800`, `\ud800\u0041`,
	`\ud800\uZZZZ`, `\ud800\n`, `\ud800x`, `\ud800\`, `\ud800\u`, `\udbff\ue000`,
	"\xc0\x80", "\xc1\xbf", "\xe0\x80\x80", "\xe0\x9f\xbf", "\xed\xa0\x80",
	"\xed\xbf\xbf", "\xf0\x80\x80\x80", "\xf0\x8f\xbf\xbf", "\xf4\x90\x80\x80",
	"\xf5\x80\x80\x80", "\xf8\x88\x80\x80\x80", "\xff", "\xfe", "\x80", "\xbf",
	"\xe2\x82", "\xe2\x82a", "\xf0\x9f\x98", "\xf0\x9f\x98\\n", "\xc3", "\xc3\xc3",
	"\x00", "\x01", "\x1f", "\n", "\t",
}

// TestStringErrorOffsetsMatchJSONText holds the offset of every error
// found inside a string (a bad escape, an escaped lone surrogate, bytes
// that are not UTF-8, a control character) to jsontext's: the same
// verdict and, but for a truncated input (ErrUnexpectedEOF is at the end
// of the input, jsontext's at the start of the token), the same
// SyntaxError.Offset as jsontext's SyntacticError.ByteOffset. Each bad
// unit is put after 0 to 9 plain bytes (so that it falls at every place in
// the eight-byte words the scans read), in a string value, a member name,
// a second array element and a member's value, with and without a plain
// tail, strict and with invalid UTF-8 allowed; the Parser a byte at a time
// and the Decoder over a one-byte reader give Check's error.
func TestStringErrorOffsetsMatchJSONText(t *testing.T) {
	contexts := []string{`"%s"`, `{"%s":1}`, `["x","%s"]`, `{"k":"%s"}`}
	inputs, compared := 0, 0
	for _, allow := range []bool{false, true} {
		opts := &Options{AllowInvalidUTF8: allow}
		for _, unit := range badStringUnits {
			for pre := 0; pre < 10; pre++ {
				for _, tail := range []string{"", "bcdefghij"} {
					s := strings.Repeat("a", pre) + unit + tail
					for _, ctx := range contexts {
						in := []byte(fmt.Sprintf(ctx, s))
						inputs++
						_, jerr := jtTokens(in, false, jsontext.AllowInvalidUTF8(allow))
						lerr := Check(in, opts)
						if (lerr == nil) != (jerr == nil) {
							t.Fatalf("%q (AllowInvalidUTF8 %v): lejp %v, jsontext %v", in, allow, lerr, jerr)
						}
						if got := errTail(pushTrace(opts, nil, false, bytesSplit(in, 1)...)); got != checkLine(lerr) {
							t.Fatalf("%q (AllowInvalidUTF8 %v): Parser a byte at a time %q, Check %q", in, allow, got, checkLine(lerr))
						}
						if got := errTail(pullTrace(opts, in, true)); got != checkLine(lerr) {
							t.Fatalf("%q (AllowInvalidUTF8 %v): Decoder over one-byte reads %q, Check %q", in, allow, got, checkLine(lerr))
						}
						if lerr == nil || errors.Is(lerr, ErrUnexpectedEOF) {
							continue
						}
						var se *SyntaxError
						var je *jsontext.SyntacticError
						if !errors.As(lerr, &se) || !errors.As(jerr, &je) {
							t.Fatalf("%q: errors %v and %v", in, lerr, jerr)
						}
						if se.Offset != je.ByteOffset {
							t.Errorf("%q (AllowInvalidUTF8 %v): lejp's error at %d (%v), jsontext's at %d (%v)", in, allow, se.Offset, lerr, je.ByteOffset, jerr)
						}
						compared++
					}
				}
			}
		}
	}
	t.Logf("%d inputs, %d error offsets compared", inputs, compared)
	if compared < inputs/3 {
		t.Errorf("only %d of %d inputs compared an error offset", compared, inputs)
	}
}
