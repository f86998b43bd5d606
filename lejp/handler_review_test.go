package lejp

import (
	"errors"
	"fmt"
	"strings"
	"testing"
)

// manyNames is an object of n members "n0", "n1", ... (member dupAt named
// "n0" again; -1: none), every seventh one, when nested, an object holding
// "n0" again at depth 2 and 4 (legal there).
func manyNames(n, dupAt int, nested bool) []byte {
	var b strings.Builder
	b.WriteString(`{`)
	for i := range n {
		if i > 0 {
			b.WriteString(",")
		}
		name := fmt.Sprintf("n%d", i)
		if i == dupAt {
			name = "n0"
		}
		if nested && i%7 == 3 {
			fmt.Fprintf(&b, `"%s":{"n0":1,"x":[1,{"n0":2}]}`, name)
		} else {
			fmt.Fprintf(&b, `"%s":%d`, name, i)
		}
	}
	b.WriteString(`}`)
	return []byte(b.String())
}

// splitRun is what a Parser gives for doc written in the pieces cut at
// cuts (fastRun for every byte count, or next alone), each piece
// scribbled over when its Write returns: the trace of the events (with
// Path and Pointer when full), the sum of the Writes' counts, the bytes
// of the Writes made, InputOffset at the end and the error.
type splitRun struct {
	trace        string
	sumN         int
	written, off int64
	err          string
}

func runCuts(doc []byte, opts *Options, full, fast, fn bool, stopAt int, cuts ...int) splitRun {
	defer func(m int, no bool) { fastRunMin, noFastRun = m, no }(fastRunMin, noFastRun)
	fastRunMin, noFastRun = 1, !fast
	var b strings.Builder
	events := 0
	h := func(p *Parser, ev Event) error {
		events++
		if full {
			fmt.Fprintf(&b, "%d %s %q %s %s\n", ev.Offset, ev.Kind, ev.Value, p.Path(), p.Pointer())
		}
		if events == stopAt {
			return errStop
		}
		return nil
	}
	var hh Handler = handlerOf{h}
	if fn {
		hh = HandlerFunc(h)
	}
	p, err := NewParser(hh, opts)
	if err != nil {
		panic(err)
	}
	var r splitRun
	prev := 0
	for _, c := range append(cuts, len(doc)) {
		if err != nil {
			break
		}
		piece := append([]byte(nil), doc[prev:c]...)
		var n int
		n, err = p.Write(piece)
		for k := range piece {
			piece[k] = '?'
		}
		r.sumN += n
		r.written += int64(len(piece))
		prev = c
	}
	if err == nil {
		err = p.Close()
	}
	r.off, r.err = p.InputOffset(), checkLine(err)
	r.trace = fmt.Sprintf("%d events\n%s", events, b.String())
	return r
}

// TestDuplicateNamesRefusedInEverySplit: with fastRun taking any number
// of bytes and with next alone, for the Handler as a HandlerFunc (fastRun's
// own paths) and not, a duplicate name is refused at the same offset and
// path, with the same events before it, however the input is cut: in
// objects with more names than the linear search and Bloom filter take,
// with nested objects reusing the name, with names cut by a Write and
// names held across Writes (each Write's buffer scribbled over after it),
// and under a name memory bound. (fastRun's check after every event for a
// Handler's call into the Parser, and its copy of every name held then,
// went with c023d13; this pins that nothing else relied on them.)
func TestDuplicateNamesRefusedInEverySplit(t *testing.T) {
	docs := [][]byte{
		manyNames(70, 69, false), manyNames(75, 40, true), manyNames(70, -1, true),
		[]byte(`{"a":{"b":1,"c":{"d":2}},"e":{"a":1},"a":3}`),
		[]byte(`{"a":[{"a":1,"b":2},{"a":1,"b":2,"b":3}]}`),
		[]byte(`{"a":1,"b":{"x":1},"b":2}`),
	}
	for _, doc := range docs {
		for _, o := range []*Options{nil, {MaxNameMemory: 500}} {
			want := runCuts(doc, o, true, false, false, 0)
			if cerr := checkLine(Check(doc, o)); cerr != want.err {
				t.Fatalf("%.40q: Check %q, Parser %q", doc, cerr, want.err)
			}
			every := 1
			if len(doc) > 100 {
				every = 5
			}
			for _, fast := range []bool{false, true} {
				for _, fn := range []bool{false, true} {
					for c := 0; c <= len(doc); c += every {
						if got := runCuts(doc, o, true, fast, fn, 0, c); got.trace != want.trace || got.err != want.err {
							t.Fatalf("%q (%+v) fast %v HandlerFunc %v cut at %d: %s\n%s", doc, o, fast, fn, c, got.err, diff(want.trace, got.trace))
						}
					}
					for _, step := range []int{2, 9, 33} {
						var cuts []int
						for c := step; c < len(doc); c += step {
							cuts = append(cuts, c)
						}
						if got := runCuts(doc, o, true, fast, fn, 0, cuts...); got.trace != want.trace || got.err != want.err {
							t.Fatalf("%q (%+v) fast %v HandlerFunc %v step %d: %s\n%s", doc, o, fast, fn, step, got.err, diff(want.trace, got.trace))
						}
					}
				}
			}
		}
	}
}

// TestHandlerErrorWriteCountsUpToEvent: when the Handler fails, the Writes'
// counts add up to just past the event's token, the same for every cut of
// the input, on fastRun and next, for a HandlerFunc and not, also when
// the event is a number or literal kept from an earlier Write, a string
// piece or a name; InputOffset is then the bytes of the Writes made (the
// failing one whole), as after a syntax error.
func TestHandlerErrorWriteCountsUpToEvent(t *testing.T) {
	docs := [][]byte{
		[]byte(`{"a":[1,{"b":2}],"t":true,"h":[7,8.5,-9e1],"n":null}`),
		[]byte(`{"abcdefghij":"abc\u00e9defghij\n","k":["xyzxyz",12]}`),
		[]byte(`123`), []byte(`false `),
	}
	o := &Options{StringChunk: 4}
	for _, doc := range docs {
		events := strings.Count(runCuts(doc, o, true, false, false, 0).trace, "\n") - 1
		for stop := 1; stop <= events; stop++ {
			want := runCuts(doc, o, true, false, false, stop)
			if want.err != "error stop\n" {
				t.Fatalf("%q stop %d: %q", doc, stop, want.err)
			}
			for _, fast := range []bool{false, true} {
				for _, fn := range []bool{false, true} {
					for c := 0; c <= len(doc); c += 2 {
						for c2 := c; c2 <= len(doc); c2 += 5 {
							got := runCuts(doc, o, false, fast, fn, stop, c, c2)
							if got.sumN != want.sumN || got.err != want.err || got.off != got.written {
								t.Fatalf("%q stop %d fast %v HandlerFunc %v cut at %d, %d: counts %d, want %d; InputOffset %d after %d bytes written (%s)",
									doc, stop, fast, fn, c, c2, got.sumN, want.sumN, got.off, got.written, got.err)
							}
						}
					}
				}
			}
		}
	}
}

// TestInputOffsetAfterErrorIsBytesWritten: after every kind of error (in a
// number or literal kept from an earlier Write, in a string or comment cut
// by Writes, a limit, a duplicate name, trailing data), whatever the cut of
// the input into three Writes and with fastRun on or off, the error is the
// same and InputOffset is the bytes of the Writes made.
func TestInputOffsetAfterErrorIsBytesWritten(t *testing.T) {
	docs := []string{`[01]`, `[tru]`, `[1x]`, `{"a":"b` + "\x01" + `"}`, `{"a":1,"a":2}`, `[1,]`, `{"aaaa":1}`,
		`[12345]`, `"abcdefgh"`, `[[[[1]]]]`, `[1.5e]`, `{"a" 1}`, `[1 2]`, `["\uD800"]`, `[1,2]x`,
		`{"a":1 /* x */ ,"b":2 /* open`, `[1, // c` + "\n" + ` 2, "x\q"]`, `{"abc":1,"abd":2,"abe":3}`, `[123456789012]`}
	for _, o := range []*Options{
		{MaxNameLen: 3, MaxNumberLen: 4, MaxStringLen: 6, MaxDepth: 3},
		{MaxNameMemory: 40, AllowComments: true, StringChunk: 4},
	} {
		for _, d := range docs {
			doc := []byte(d)
			want := runCuts(doc, o, false, false, false, 0)
			for _, fast := range []bool{false, true} {
				for c := 0; c <= len(doc); c++ {
					for c2 := c; c2 <= len(doc); c2++ {
						got := runCuts(doc, o, false, fast, false, 0, c, c2)
						if got.err != want.err || got.off != got.written {
							t.Fatalf("%q (%+v) fast %v cut at %d, %d: InputOffset %d after %d bytes written, %s want %s", doc, o, fast, c, c2, got.off, got.written, got.err, want.err)
						}
					}
				}
			}
		}
	}
}

// TestHandlerResetForgetsNames: a Reset from the Handler anywhere in an
// object of more names than the linear search takes (so hashed), on
// fastRun and next, whole and in small Writes, leaves no name behind: the
// same object read next is accepted, and one with a duplicate refused.
func TestHandlerResetForgetsNames(t *testing.T) {
	doc, dup := manyNames(100, -1, true), manyNames(100, 99, true)
	for _, fast := range []bool{false, true} {
		for _, fn := range []bool{false, true} {
			for _, step := range []int{len(doc), 7, 50} {
				for at := 0; at < 150; at += 13 {
					func() {
						defer func(m int, no bool) { fastRunMin, noFastRun = m, no }(fastRunMin, noFastRun)
						fastRunMin, noFastRun = 1, !fast
						events := 0
						h := func(p *Parser, ev Event) error {
							if events++; events == at+1 {
								p.Reset()
							}
							return nil
						}
						var hh Handler = handlerOf{h}
						if fn {
							hh = HandlerFunc(h)
						}
						p, _ := NewParser(hh, nil)
						for i := 0; i < len(doc) && events <= at; i += step {
							c := append([]byte(nil), doc[i:min(i+step, len(doc))]...)
							if _, err := p.Write(c); err != nil {
								t.Fatal(err)
							}
							for k := range c {
								c[k] = '?'
							}
						}
						name := fmt.Sprintf("fast %v HandlerFunc %v step %d Reset at event %d", fast, fn, step, at)
						if s := parserState(p); s != `off 0 depth 0 index -1 path "" ptr "" wc "" false` {
							t.Fatalf("%s: after the Reset: %s", name, s)
						}
						for _, in := range [][]byte{doc, dup} {
							_, err := p.Write(in)
							if err == nil {
								err = p.Close()
							}
							if wantDup := &in[0] == &dup[0]; errors.Is(err, ErrDuplicateName) != wantDup || (!wantDup && err != nil) {
								t.Fatalf("%s: then %.30q: %v", name, in, err)
							}
							p.Reset()
						}
					}()
				}
			}
		}
	}
}
