package main

import (
	"runtime"
	"strings"
	"testing"
)

// cbor --hex read its input, copied it to a string, split it into fields
// (strings.Fields: 16 bytes of string header per field, so "0 0 0 …" cost
// eight bytes per input byte) and joined them again before decoding: about
// twelve bytes allocated per input byte, 3 GiB for a 256 MiB input. Now
// the digits are decoded as they are read past whitespace, so what is
// allocated is the input (read whole) and no more than the bytes decoded.
func TestCBORHexInputMemory(t *testing.T) {
	const n = 4 << 20
	in := strings.Repeat("0 ", n/2) // n/2 hex digits: n/4 bytes 0x00, each a CBOR item
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	code, _, e := runCLI(t, in, "cbor", "check", "--hex", "--seq")
	runtime.ReadMemStats(&after)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, e)
	}
	// io.ReadAll's growth costs about 3n on its own.
	if got := after.TotalAlloc - before.TotalAlloc; got > 5*n {
		t.Errorf("cbor check --hex of %d bytes allocated %d bytes (%.1f per input byte), want at most 5 per byte", n, got, float64(got)/n)
	}
}

// The hex decoder skips ASCII whitespace anywhere (CRLF line ends, tabs,
// a space between two digits of a byte), takes either case, and says
// where the input stops being hexadecimal.
func TestCBORHexInputForms(t *testing.T) {
	for _, in := range []string{"a1 61 61 01", "A16161\r\n01\r\n", "\ta 1\n6161 0\v1\f", "a161610 1"} {
		if code, out, e := runCLI(t, in, "cbor", "diag", "--hex"); code != 0 || out != "{\"a\": 1}\n" {
			t.Errorf("%q: exit %d, %q, %s", in, code, out, e)
		}
	}
	for _, c := range []struct{ in, want string }{
		{"a1 61 6g 01", "invalid hexadecimal digit 'g' at offset 7"},
		{"0xa0", "invalid hexadecimal digit 'x' at offset 1"},
		{"a1616", "odd number of hexadecimal digits (5)"},
		{"a0\x1b[2J", `invalid hexadecimal digit '\x1b' at offset 2`},
		{"a0\u00e9", `invalid hexadecimal digit '\xc3' at offset 2`},
	} {
		code, out, e := runCLI(t, c.in, "cbor", "diag", "--hex")
		if code != 1 || out != "" || !strings.Contains(e, c.want) {
			t.Errorf("%q: exit %d, %q, stderr %q; want exit 1 and %q", c.in, code, out, e, c.want)
		}
	}
}
