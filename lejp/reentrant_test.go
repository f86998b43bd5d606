package lejp

import (
	"errors"
	"fmt"
	"strings"
	"testing"
)

// callTrace runs doc through a Parser in Writes of step bytes (fastRun for
// every byte count when fast, next alone otherwise) and returns the trace:
// each event as fullTracer sees it, and each Write's and Close's result.
// act is what the Handler does at event at (counting from 0): "" nothing,
// "Write" or "Close" its Parser's own (which must fail with
// errHandlerCall), "Reset", or "Reset and stop" (Reset, then an error).
// It checks that what the Parser says during the event (InputOffset,
// Depth, Index, Path, Pointer, Wildcard) is the same after the call as
// before it. After a Reset, the trace ends with the call that made it, and
// p is returned for the next input.
func callTrace(t *testing.T, doc []byte, opts *Options, pats []string, fn, fast bool, step int, act string, at int) (string, *Parser) {
	t.Helper()
	defer func(m int, no bool) { fastRunMin, noFastRun = m, no }(fastRunMin, noFastRun)
	fastRunMin, noFastRun = 1, !fast
	tr := &fullTracer{}
	if act == "stop" {
		tr.stopAt = at + 1
	}
	acted := false
	name := fmt.Sprintf("%s on event %d of %q (opts %+v, patterns %q, HandlerFunc %v, fast %v, step %d)", act, at, doc, opts, pats, fn, fast, step)
	h := func(p *Parser, ev Event) error {
		if err := tr.HandleEvent(p, ev); err != nil {
			return err
		}
		if tr.n != at+1 || act == "" || act == "stop" {
			return nil
		}
		acted = true
		before := parserState(p)
		var err error
		switch act {
		case "Reset":
			p.Reset()
		case "Reset and stop":
			p.Reset()
			err = errStop
		case "Write":
			if n, werr := p.Write(doc); !errors.Is(werr, errHandlerCall) || n != 0 {
				t.Errorf("%s: Write from the Handler: %d, %v, want 0, errHandlerCall", name, n, werr)
			}
			if n, werr := p.Write(nil); !errors.Is(werr, errHandlerCall) || n != 0 {
				t.Errorf("%s: Write(nil) from the Handler: %d, %v, want 0, errHandlerCall", name, n, werr)
			}
		case "Close":
			if cerr := p.Close(); !errors.Is(cerr, errHandlerCall) {
				t.Errorf("%s: Close from the Handler: %v, want errHandlerCall", name, cerr)
			}
		}
		if after := parserState(p); after != before {
			t.Errorf("%s: the event's state changed with the call:\n%s\n%s", name, before, after)
		}
		return err
	}
	var hh Handler = handlerOf{h}
	if fn {
		hh = HandlerFunc(h)
	}
	p, err := NewParser(hh, opts, pats...)
	if err != nil {
		t.Fatal(err)
	}
	defer func() {
		if r := recover(); r != nil {
			t.Fatalf("%s: panic %v", name, r)
		}
	}()
	for i := 0; i < len(doc) && err == nil; i += step {
		c := append([]byte(nil), doc[i:min(i+step, len(doc))]...)
		var n int
		n, err = p.Write(c)
		for k := range c {
			c[k] = '?'
		}
		fmt.Fprintf(&tr.b, "write %d/%d", n, len(c))
		if err != nil {
			fmt.Fprintf(&tr.b, ": %s", errLine(err))
		}
		tr.b.WriteByte('\n')
		if acted && strings.HasPrefix(act, "Reset") {
			return tr.b.String(), p
		}
	}
	if err == nil {
		err = p.Close()
		fmt.Fprintf(&tr.b, "close: %s", checkLine(err))
		if acted && strings.HasPrefix(act, "Reset") {
			return tr.b.String(), p
		}
	}
	if acted && act != "Write" && act != "Close" {
		t.Fatalf("%s: acted, but no Write or Close returned since", name)
	}
	return tr.b.String(), nil
}

// handlerOf is a func as a Handler that is not a HandlerFunc (fastRun
// calls a HandlerFunc without patterns directly).
type handlerOf struct{ f func(*Parser, Event) error }

func (h handlerOf) HandleEvent(p *Parser, ev Event) error { return h.f(p, ev) }

// TestHandlerCallingParserMethods: a Handler that called its Parser's
// Write during an event made that Parser read the Handler's bytes in the
// middle of the outer Write's and then lose or misplace the rest of the
// outer Write (the outer one went on with the inner one's position); one
// that called Close let the outer Write deliver events after Close; one
// that called Reset had the rest of the Write's buffer read as a new
// input. Now, as in lecp, Write and Close called from the Handler return
// errHandlerCall and change nothing, and Reset from the Handler takes
// effect when the Write or Close that called the Handler returns, having
// read the rest of its input as before (the Handler returns an error to
// stop at once): the Parser then reads the next input as a fresh one.
// What the Parser says during the event (InputOffset, Depth, Index, Path,
// Pointer, Wildcard) is the same after the call as before. For the
// Handler as an interface and as a HandlerFunc, with and without
// patterns, on fastRun and next, whole and in small Writes.
func TestHandlerCallingParserMethods(t *testing.T) {
	docs := [][]byte{
		[]byte(`{"a":[1,{"b":2,"c":[3,4]}],"d":{"e":{"f":5}},"g":6,"h":[7,8.5,9e1],"i":"` + strings.Repeat("s", 20) + `"}`),
		[]byte(`[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20]`),
		[]byte(`{"a":1,"a":2}`), []byte(`[tru`), []byte(`1 2`), []byte(`[1,]`), []byte(`123`),
		[]byte(`{"k":"\u00e9` + strings.Repeat("x", 30) + `","l":[true,false,null]}`),
	}
	next := []byte(`{"a":[1,"x"],"z":{"a":null}}`) // read after the Reset
	opts := []*Options{nil, {StringChunk: 8, AllowMultipleValues: true}}
	for _, o := range opts {
		for _, pats := range [][]string{nil, {"a", "*", "a[]"}} {
			want, _ := callTrace(t, next, o, pats, false, false, len(next), "", 0)
			for _, fn := range []bool{false, true} {
				for _, fast := range []bool{true, false} {
					for _, doc := range docs {
						for _, step := range []int{len(doc), 3} {
							plain, _ := callTrace(t, doc, o, pats, fn, fast, step, "", 0)
							events := strings.Count(plain, "\n")
							for at := range min(events, 12) {
								for _, act := range []string{"Write", "Close", "Reset", "Reset and stop"} {
									name := fmt.Sprintf("%s on event %d of %q (opts %+v, patterns %q, HandlerFunc %v, fast %v, step %d)", act, at, doc, o, pats, fn, fast, step)
									got, p := callTrace(t, doc, o, pats, fn, fast, step, act, at)
									if p == nil {
										// Write and Close from the Handler change nothing.
										if got != plain {
											t.Fatalf("%s:\n%s", name, diff(plain, got))
										}
										continue
									}
									// Reset: the call that made it read as before (up to the
									// Handler's error) ...
									base := plain
									if act == "Reset and stop" {
										base, _ = callTrace(t, doc, o, pats, fn, fast, step, "stop", at)
									}
									if !strings.HasPrefix(base, got) {
										t.Fatalf("%s: up to the Reset:\n%s", name, diff(base, got))
									}
									// ... and then the Parser is a fresh one.
									if s := parserState(p); s != `off 0 depth 0 index -1 path "" ptr "" wc "" false` {
										t.Fatalf("%s: after the Reset: %s", name, s)
									}
									tr := &fullTracer{}
									p.h = tr
									if _, err := p.Write(next); err != nil {
										fmt.Fprintf(&tr.b, "write: %s", errLine(err))
									}
									fmt.Fprintf(&tr.b, "write %d/%d\n", len(next), len(next))
									fmt.Fprintf(&tr.b, "close: %s", checkLine(p.Close()))
									if tr.b.String() != want {
										t.Fatalf("%s: then %q:\n%s", name, next, diff(want, tr.b.String()))
									}
								}
							}
						}
					}
				}
			}
		}
	}
}

// TestHandlerPanicThenReset: a Handler that panics (the caller
// recovering) leaves the Parser usable after Reset, even when it had
// called Reset first: the note that a Write is running (which makes Write
// and Close from the Handler fail and defers its Reset) ends with the
// Write, however it ends.
func TestHandlerPanicThenReset(t *testing.T) {
	for _, resetFirst := range []bool{false, true} {
		boom := true
		n := 0
		p, _ := NewParser(HandlerFunc(func(p *Parser, ev Event) error {
			n++
			if boom && n == 2 {
				if resetFirst {
					p.Reset()
				}
				panic("boom")
			}
			return nil
		}), nil)
		func() {
			defer func() { recover() }()
			p.Write([]byte(`[1,2,3]`))
		}()
		boom, n = false, 0
		p.Reset()
		if _, err := p.Write([]byte(`[1,2,3]`)); err != nil {
			t.Fatalf("reset first %v: Write after the panic and Reset: %v", resetFirst, err)
		}
		if err := p.Close(); err != nil || n != 5 {
			t.Fatalf("reset first %v: Close after the panic and Reset: %v, %d events, want nil, 5", resetFirst, err, n)
		}
	}
}
