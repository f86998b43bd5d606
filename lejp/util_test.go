package lejp

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"testing"
)

func lastLines(s string) string {
	l := strings.Split(strings.TrimSuffix(s, "\n"), "\n")
	if len(l) > 8 {
		l = l[len(l)-8:]
	}
	return strings.Join(l, "\n")
}

func diff(want, got string) string {
	w := strings.Split(want, "\n")
	g := strings.Split(got, "\n")
	for i := 0; i < len(w) || i < len(g); i++ {
		var a, b string
		if i < len(w) {
			a = w[i]
		}
		if i < len(g) {
			b = g[i]
		}
		if a != b {
			return fmt.Sprintf("line %d:\nwant %s\ngot  %s", i+1, a, b)
		}
	}
	return "(same)"
}

// errTail returns the trace's error line, or "".
func errTail(trace string) string {
	i := strings.LastIndex(trace, "error ")
	if i < 0 {
		return ""
	}
	return trace[i:]
}

func errOffset(trace string) int {
	f := strings.Fields(errTail(trace))
	if len(f) < 2 {
		return 0
	}
	n, _ := strconv.Atoi(f[1])
	return n
}

// readAll reads d's tokens to io.EOF, failing tb on any error.
func readAll(tb testing.TB, d *Decoder) {
	tb.Helper()
	for {
		_, err := d.ReadToken()
		if err == io.EOF {
			return
		}
		if err != nil {
			tb.Fatal(err)
		}
	}
}
