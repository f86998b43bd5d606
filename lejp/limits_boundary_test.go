package lejp

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
	"testing/iotest"
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

// TestLimitsAcceptNRefuseNPlus1: each limit set to l accepts a token (or
// nesting) of exactly l and refuses l+1 with its sentinel, whole and cut
// at every byte, by the Parser, the Decoder and Check (which
// TestLimitsAtBoundaryAgree holds to one another).
func TestLimitsAcceptNRefuseNPlus1(t *testing.T) {
	for _, l := range []int{1, 7, 8, 9, 16, 17, 64, 65} {
		// Lengths are encoded lengths: an escape counts its two bytes.
		a := func(m int) string { return strings.Repeat("a", max(m, 0)) }
		cases := []struct {
			opts Options
			doc  func(m int) string
			want error
		}{
			{Options{MaxStringLen: int64(l)}, func(m int) string { return `["` + a(m) + `"]` }, ErrStringTooLong},
			{Options{MaxStringLen: int64(l)}, func(m int) string { return `{"k":"` + a(m-2) + `\/"}` }, ErrStringTooLong},
			{Options{MaxNameLen: l}, func(m int) string { return `{"` + a(m) + `":1}` }, ErrNameTooLong},
			{Options{MaxNameLen: l}, func(m int) string { return `[{"` + a(m-2) + `\n":1}]` }, ErrNameTooLong},
			{Options{MaxNumberLen: l}, func(m int) string { return `[` + strings.Repeat("7", m) + `]` }, ErrNumberTooLong},
			{Options{MaxNumberLen: l}, func(m int) string { return strings.Repeat("7", m) }, ErrNumberTooLong},
			{Options{MaxNumberLen: l}, func(m int) string { return `{"n":-` + strings.Repeat("7", m-1) + `}` }, ErrNumberTooLong},
			{Options{MaxDepth: l}, func(m int) string { return strings.Repeat("[", m) + strings.Repeat("]", m) }, ErrDepth},
			{Options{MaxDepth: l}, func(m int) string { return strings.Repeat(`{"a":`, m) + "0" + strings.Repeat("}", m) }, ErrDepth},
			{Options{MaxNameMemory: l + nameOverhead}, func(m int) string { return `{"` + a(m) + `":1}` }, ErrTooManyNames},
		}
		for _, c := range cases {
			for m := l; m <= l+1; m++ {
				in := []byte(c.doc(m))
				if l == 1 && (bytes.Contains(in, []byte(`\`)) || bytes.Contains(in, []byte(`-`))) {
					continue // no such token of one byte
				}
				traces := []string{
					errTail(pushTrace(&c.opts, nil, false, in)),
					errTail(pushTrace(&c.opts, nil, false, bytesSplit(in, 1)...)),
					errTail(pullTrace(&c.opts, in, false)),
					errTail(pullTrace(&c.opts, in, true)),
					checkLine(Check(in, &c.opts)),
				}
				for i, tr := range traces {
					if m == l && tr != "" {
						t.Errorf("%+v %s: length %d refused (entry %d): %s", c.opts, in, m, i, tr)
					}
					if m > l && !strings.HasSuffix(tr, " "+c.want.Error()+"\n") {
						t.Errorf("%+v %s: length %d not refused with %v (entry %d): %q", c.opts, in, m, c.want, i, tr)
					}
				}
			}
		}
	}
}

// TestMaxValueLenAcceptNRefuseNPlus1: ReadValue from an io.Reader returns
// a value of exactly MaxValueLen bytes and refuses one of MaxValueLen+1
// (ErrValueTooLarge), whatever the reader's pieces, for a string, a number
// (at the end of the input too), an object and an array.
func TestMaxValueLenAcceptNRefuseNPlus1(t *testing.T) {
	for _, l := range []int{1, 7, 8, 9, 16, 17, 64, 65} {
		docs := func(m int) []string {
			ds := []string{strings.Repeat("7", m), "[" + strings.Repeat("7", m) + "]", "[" + strings.Repeat("7", m) + " ,1]"}
			if m >= 2 {
				ds = append(ds, `["`+strings.Repeat("s", m-2)+`"]`, `[[`+strings.Repeat(" ", m-2)+`]]`)
			}
			if m >= 6 {
				ds = append(ds, `{"a":{"`+strings.Repeat("k", m-6)+`":1}}`)
			}
			return ds
		}
		for m := l; m <= l+1; m++ {
			for _, d := range docs(m) {
				for _, rd := range []func(io.Reader) io.Reader{func(r io.Reader) io.Reader { return r }, iotest.OneByteReader, iotest.HalfReader} {
					dec := NewDecoder(rd(strings.NewReader(d)), &Options{MaxValueLen: l})
					var v []byte
					var err error
					if d[0] == '[' || d[0] == '{' {
						dec.ReadToken()
						if d[0] == '{' {
							dec.ReadToken()
						}
					}
					v, err = dec.ReadValue()
					if m == l && (err != nil || len(v) != l) {
						t.Errorf("MaxValueLen %d %q: %q, %v", l, d, v, err)
					}
					if m > l && !errors.Is(err, ErrValueTooLarge) {
						t.Errorf("MaxValueLen %d %q: %q, %v, want ErrValueTooLarge", l, d, v, err)
					}
				}
			}
		}
	}
}
