package lejp

import (
	"fmt"
	"strings"
	"testing"
)

// boundaryDocs returns documents holding a token (name, string, number,
// nesting, names in one object) of each length around l, in each context
// (top level, first and later element, member value), with and without
// room after it for eight-byte loads.
func boundaryDocs(l int) []string {
	var toks []string
	for _, m := range []int{l - 1, l, l + 1} {
		if m < 1 {
			continue
		}
		a := strings.Repeat("a", m)
		toks = append(toks,
			`"`+a+`"`, `"`+a[1:]+`\n"`, `"\u0041`+a[min(len(a), 6):]+`"`, `"`+strings.Repeat("é", (m+1)/2)+`"`,
			`{"`+a+`":1}`, `{"`+a[1:]+`\t":1}`, `{"x":1,"`+a+`":2}`,
			strings.Repeat("1", m), "-"+strings.Repeat("2", m-1), "1."+strings.Repeat("0", max(m-2, 1)), "1e"+strings.Repeat("9", max(m-2, 1)),
			strings.Repeat("[", m)+strings.Repeat("]", m),
			strings.Repeat(`{"a":`, m)+"1"+strings.Repeat("}", m),
			strings.Repeat("[", m)+"1"+strings.Repeat("]", m),
		)
	}
	var docs []string
	for _, t := range toks {
		for _, ctx := range []string{"%s", "[%s]", "[1,%s]", `{"k":%s}`, `{"k":[0,%s,2]}`} {
			d := fmt.Sprintf(ctx, t)
			docs = append(docs, d, d+strings.Repeat(" ", 16), " "+d+"\n")
		}
	}
	return docs
}

// TestLimitsAtBoundaryAgree: every limit set to l, for l around the eight
// bytes the fast paths load at a time, on tokens of length l-1, l and l+1
// in every context: the Parser (whole, a byte per Write, with and without
// its fast path), the Decoder (over bytes and a one-byte reader, with and
// without its fast path) and Check give the same events, tokens and error,
// and a token of length l is accepted where l+1 is refused.
func TestLimitsAtBoundaryAgree(t *testing.T) {
	defer func(m int) { fastRunMin = m }(fastRunMin)
	// Under -short, the lengths next to one word; the rest take seconds.
	ls := []int{1, 7, 8, 9, 16, 17}
	if !testing.Short() {
		ls = append(ls, 2, 3, 4, 5, 15, 23, 24, 25, 31, 32, 33, 63, 64, 65)
	}
	for _, l := range ls {
		for _, allow := range []bool{false, true} {
			opts := &Options{MaxDepth: l, MaxNameLen: l, MaxNumberLen: l, MaxStringLen: int64(l), MaxNameMemory: l + nameOverhead + 8, StringChunk: l, AllowDuplicateNames: allow, AllowInvalidUTF8: allow}
			for _, d := range boundaryDocs(l) {
				in := []byte(d)
				fastRunMin = 1
				whole := pushTrace(opts, nil, false, in)
				merged := pushTrace(opts, nil, true, in)
				fastRunMin = 32
				if got := pushTrace(opts, nil, false, in); got != whole {
					t.Fatalf("l %d %q: Parser with fastRunMin 32: %s", l, d, diff(whole, got))
				}
				if got := pushTrace(opts, nil, false, bytesSplit(in, 1)...); got != whole {
					t.Fatalf("l %d %q: Parser a byte per Write: %s", l, d, diff(whole, got))
				}
				noFastRun = true
				got := pushTrace(opts, nil, false, in)
				noFastRun = false
				if got != whole {
					t.Fatalf("l %d %q: Parser without fastRun: %s", l, d, diff(whole, got))
				}
				for _, oneByte := range []bool{false, true} {
					if got := pullTrace(opts, in, oneByte); got != merged {
						t.Fatalf("l %d %q: Decoder (one byte %v): %s", l, d, oneByte, diff(merged, got))
					}
					noFastPull = true
					got := pullTrace(opts, in, oneByte)
					noFastPull = false
					if got != merged {
						t.Fatalf("l %d %q: Decoder without its fast path (one byte %v): %s", l, d, oneByte, diff(merged, got))
					}
				}
				if got, want := checkLine(Check(in, opts)), errTail(whole); got != want {
					t.Fatalf("l %d %q: Check %q, Parser %q", l, d, got, want)
				}
			}
		}
	}
}
