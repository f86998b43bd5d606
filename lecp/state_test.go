package lecp

import (
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
)

// The state of the stateful types after an error, after the end, and on
// reuse: a Decoder or Parser that stopped on an error returns that same
// error (the identical value) from every later call that reads, and its
// InputOffset, Path and Depth no longer move; one that reached the end
// returns io.EOF (Finish nil); and one reused by Reset or ResetBytes, in
// whatever state the previous input left it (an error, an item half read,
// a StringReader not drained, a capture running), reads the next input
// exactly as a fresh one does. The inputs are RFC 8949 Appendix A and
// mutations of it, read under several options and through several
// readers, by sequences of calls drawn from a seed.

// stateCorpus is Appendix A and mutations of each item: cut short, with
// trailing data, reserved and indefinite heads, twice in an array, twice as
// a map key, inside an indefinite array and under a tag; and inputs that
// reach each limit.
func stateCorpus(t *testing.T) [][]byte {
	var docs [][]byte
	add := func(parts ...any) {
		var b []byte
		for _, p := range parts {
			switch p := p.(type) {
			case string:
				b = append(b, fromHex(p)...)
			case []byte:
				b = append(b, p...)
			}
		}
		docs = append(docs, b)
	}
	for _, it := range loadAppendix(t) {
		b, err := hex.DecodeString(it.Hex)
		if err != nil {
			t.Fatal(err)
		}
		add(b)
		add(b[:len(b)/2])
		add(b[:len(b)-1])
		add(b, "00")
		add(b, "ff")
		add([]byte{b[0] | 0x1f}, b[1:])
		add([]byte{b[0]&0xe0 | 0x1c}, b[1:])
		add("82", b, b)
		add("a2", b, "00", b, "01")
		add("9f", b, b, "ff")
		add("d818", b)
		add("c2", b)
		add("bf", b, "f6", "ff")
	}
	for _, h := range []string{
		"8301020383040506", "a201020102", "a2616101616102", "bf6161016161ff",
		"7f6161ff", "7f61ff", "5f41004100ff", "5f4100", "7f62c3", "62c328",
		"818181818100", "9f9f9f9fffffffff", "d9d9f7d9d9f700", "c24101", "c349000000000000000001",
		"1800", "f97e00", "fa7fc00000", "fb7ff8000000000001", "f818", "f820",
		"a1a1000000", "a1820102a1820102", "a2f97e00f9fe0000", "4568656c6c6f", "6568656c6c",
		"00010203", "ff", "", "1c", "a1", "bf00ff", "a1ff", "9f01",
	} {
		add(h)
	}
	return docs
}

// stateOptions are the options every input is read under.
var stateOptions = []*Options{
	nil,
	{Deterministic: true},
	{AllowSequence: true},
	{MaxDepth: 2, MaxItems: 2, MaxStringLen: 4, MaxKeyLen: 3, MaxValueLen: 5},
	{AllowDuplicateKeys: true, AllowInvalidUTF8: true, AllowSequence: true},
	{MaxValueLen: 2, AllowSequence: true, Deterministic: true},
}

var errStateReader = errors.New("state test: reader error")

// stateReader gives data in pieces of n bytes and then, per mode, io.EOF,
// its own error with the last bytes or on its own, that error before
// any data, or an impossible count.
type stateReader struct {
	data []byte
	n    int
	mode int
	read int
}

const (
	srEOF      = iota // pieces of n, then io.EOF on its own
	srEOFWith         // the last piece comes with io.EOF
	srErrWith         // the last piece comes with errStateReader
	srErrAfter        // errStateReader after the last piece, then more data
	srErrFirst        // errStateReader first, then the data
	srBadCount        // after the first piece, a count above len(p)
	srNegCount        // after the first piece, a count below 0
	srModes
)

func (r *stateReader) Read(p []byte) (int, error) {
	r.read++
	switch {
	case r.mode == srErrFirst && r.read == 1:
		return 0, errStateReader
	case r.mode == srBadCount && r.read == 2:
		return len(p) + 1, nil
	case r.mode == srNegCount && r.read == 2:
		return -1, nil
	}
	if len(p) == 0 {
		return 0, nil
	}
	if len(r.data) == 0 {
		if r.mode == srErrAfter && r.read%2 == 0 {
			return 0, errStateReader
		}
		if r.mode == srErrAfter {
			return copy(p, "\x00"), nil // data after the error: never read
		}
		return 0, io.EOF
	}
	k := copy(p[:min(len(p), r.n)], r.data)
	r.data = r.data[k:]
	if len(r.data) == 0 {
		switch r.mode {
		case srEOFWith:
			return k, io.EOF
		case srErrWith:
			return k, errStateReader
		}
	}
	return k, nil
}

// stateDecoderOps are the calls a sequence is drawn from.
const (
	opReadToken = iota
	opReadValue
	opSkipValue
	opStringAll  // StringReader, read to io.EOF
	opStringPart // StringReader, one byte read, the rest left
	opMore
	opFinish
	opReadToken2 // weights ReadToken
	opCount
)

var opNames = [opCount]string{"ReadToken", "ReadValue", "SkipValue", "StringReader", "StringReader(part)", "More", "Finish", "ReadToken"}

// stateOps draws n calls from seed.
func stateOps(seed uint64, n int) []int {
	ops := make([]int, n)
	for i := range ops {
		seed = seed*6364136223846793005 + 1442695040888963407
		ops[i] = int(seed>>33) % opCount
	}
	return ops
}

// decoderStep runs one call and renders its result.
func decoderStep(d *Decoder, op int) (string, error, bool) {
	var err error
	var res string
	switch op {
	case opReadToken, opReadToken2:
		var tok Token
		tok, err = d.ReadToken()
		if err == nil {
			ev := Event{Kind: tok.Kind, Indefinite: tok.Indefinite, Width: tok.Width, Uint: tok.Uint,
				Float: tok.Float, Value: tok.Value, Offset: tok.Offset, Pattern: -1}
			res = traceLine(&ev, "") + rawFields(&ev)
		}
	case opReadValue:
		var v []byte
		v, err = d.ReadValue()
		if err == nil {
			res = fmt.Sprintf("%x", v)
		}
	case opSkipValue:
		err = d.SkipValue()
	case opStringAll, opStringPart:
		var k Kind
		var r io.Reader
		k, r, err = d.StringReader()
		if err == nil {
			if op == opStringAll {
				var b []byte
				b, err = io.ReadAll(r)
				res = fmt.Sprintf("%v %x", k, b)
			} else {
				var one [1]byte
				n, rerr := r.Read(one[:])
				res = fmt.Sprintf("%v %x %v", k, one[:n], rerr)
			}
		}
	case opMore:
		return fmt.Sprint(d.More()), nil, false
	case opFinish:
		err = d.Finish()
	}
	return res, err, true
}

// decoderState is what must not move after an error or the end.
func decoderState(d *Decoder) string {
	return fmt.Sprintf("off %d path %q depth %d", d.InputOffset(), d.Path(), d.Depth())
}

// runDecoderOps runs ops on d, checking that after an error (or io.EOF)
// every later call returns it, and returns the trace.
func runDecoderOps(t *testing.T, name string, d *Decoder, ops []int) string {
	t.Helper()
	var sb strings.Builder
	var stuck error // the error every later call must return
	var stuckState string
	partRead := false // a StringReader was left undrained
	for i, op := range ops {
		var res string
		var err error
		var reads bool
		func() {
			defer func() {
				if r := recover(); r != nil {
					t.Fatalf("%s: call %d %s: panic %v", name, i, opNames[op], r)
				}
			}()
			res, err, reads = decoderStep(d, op)
		}()
		fmt.Fprintf(&sb, "%s: %s err=%v %s\n", opNames[op], res, err, decoderState(d))
		if op == opStringPart && err == nil {
			partRead = true
		}
		if stuck != nil {
			want := stuck
			if stuck == io.EOF && op == opFinish {
				want = nil
				if partRead && errors.Is(err, ErrUnread) {
					// a StringReader left undrained, the decoder used
					// meanwhile: Finish counts its bytes as unread
					want, stuck = err, err
				}
			}
			if op == opMore && res != "false" || reads && err != want {
				t.Fatalf("%s: call %d %s after %v: %q, %v\n%s", name, i, opNames[op], stuck, res, err, sb.String())
			}
			if s := decoderState(d); s != stuckState {
				t.Fatalf("%s: call %d %s after %v: %s, was %s\n%s", name, i, opNames[op], stuck, s, stuckState, sb.String())
			}
			continue
		}
		if err != nil && !errors.Is(err, ErrNoValue) {
			stuck, stuckState = err, decoderState(d)
			if err == io.EOF && op == opStringAll {
				stuck = nil // io.ReadAll's string ended early: an error on its own
			}
		}
	}
	return sb.String()
}

// TestDecoderStateAfterErrorAndReuse: see the comment above stateCorpus.
func TestDecoderStateAfterErrorAndReuse(t *testing.T) {
	docs := stateCorpus(t)
	for oi, opts := range stateOptions {
		reused := NewDecoderBytes(nil, opts)
		if opts == nil {
			reused = new(Decoder) // the zero Decoder has the default options
		}
		for di, doc := range docs {
			// two of the readers (-1: the bytes given whole) and seeds per
			// input, moving with it
			for k := range 2 {
				mode := (di+3*k+oi)%(srModes+1) - 1
				seed := (di/3 + k + oi) % 5
				ops := stateOps(uint64(di*131+mode*17+seed*7+oi), 6+seed*3)
				ops = append(ops, opReadToken, opReadToken, opFinish, opReadToken)
				name := fmt.Sprintf("options %d, %x, reader %d, seed %d", oi, doc, mode, seed)
				mk := func(d *Decoder) *Decoder {
					if mode < 0 {
						if d == nil {
							return NewDecoderBytes(doc, opts)
						}
						d.ResetBytes(doc)
						return d
					}
					r := &stateReader{data: doc, n: 1 + seed%3, mode: mode}
					if d == nil {
						return NewDecoder(r, opts)
					}
					d.Reset(r)
					return d
				}
				fresh := runDecoderOps(t, name, mk(nil), ops)
				again := runDecoderOps(t, name+", reused", mk(reused), ops)
				if fresh != again {
					t.Fatalf("%s: reused Decoder:\n%s\nfresh:\n%s", name, again, fresh)
				}
			}
		}
	}
}

var errStateHandler = errors.New("state test: handler error")

// stateParser is a Parser whose handler traces the events, calls Capture
// on some and fails on one, as the seed says.
type stateParser struct {
	p       *Parser
	sb      strings.Builder
	n       int    // events so far
	failAt  int    // the event the handler fails on, or -1
	capture uint64 // bit i%64: Capture on event i
	stopped bool   // an error was returned: no event may come
	t       *testing.T
	name    string
}

func newStateParser(t *testing.T, opts *Options, patterns ...string) *stateParser {
	sp := &stateParser{t: t}
	h := func(p *Parser, ev *Event) error {
		if sp.stopped {
			sp.t.Fatalf("%s: event %v after the error\n%s", sp.name, ev.Kind, sp.sb.String())
		}
		fmt.Fprintf(&sp.sb, "%s%s depth %d off %d\n", traceLine(ev, p.Path()), rawFields(ev), p.Depth(), p.InputOffset())
		i := sp.n
		sp.n++
		if sp.capture>>(i%64)&1 != 0 {
			fmt.Fprintf(&sp.sb, "capture %t\n", p.Capture())
		}
		if i == sp.failAt {
			return errStateHandler
		}
		return nil
	}
	var err error
	if len(patterns) > 0 {
		// a Handler that is not a HandlerFunc: deliver, not writeLoop
		sp.p, err = NewParser(handlerIface{h}, opts, patterns...)
	} else {
		sp.p, err = NewParser(HandlerFunc(h), opts)
	}
	if err != nil {
		t.Fatal(err)
	}
	return sp
}

type handlerIface struct {
	f func(p *Parser, ev *Event) error
}

func (h handlerIface) HandleEvent(p *Parser, ev *Event) error { return h.f(p, ev) }

// run writes doc in pieces drawn from seed, then closes, and goes on
// writing and closing after an error, checking that it is sticky.
func (sp *stateParser) run(name string, doc []byte, seed uint64) string {
	sp.sb.Reset()
	sp.name, sp.n, sp.stopped = name, 0, false
	rnd := func() uint64 {
		seed = seed*6364136223846793005 + 1442695040888963407
		return seed >> 33
	}
	sp.failAt = -1
	if r := rnd() % 4; r == 0 {
		sp.failAt = int(rnd() % 12)
	}
	sp.capture = rnd() * rnd()
	p := sp.p
	var stuck error
	var stuckState string
	state := func() string { return fmt.Sprintf("off %d path %q depth %d", p.InputOffset(), p.Path(), p.Depth()) }
	check := func(call string, err error) {
		fmt.Fprintf(&sp.sb, "%s: %v %s\n", call, err, state())
		if stuck == nil {
			if err != nil {
				stuck, stuckState, sp.stopped = err, state(), true
			}
			return
		}
		want := stuck
		if stuck == errStateHandler {
			want = ErrClosed // the handler's error is returned once
		}
		if err != want {
			sp.t.Fatalf("%s: %s after %v: %v\n%s", name, call, stuck, err, sp.sb.String())
		}
		if s := state(); s != stuckState {
			sp.t.Fatalf("%s: %s after %v: %s, was %s\n%s", name, call, stuck, s, stuckState, sp.sb.String())
		}
	}
	for len(doc) > 0 {
		k := min(len(doc), 1+int(rnd()%5))
		if rnd()%3 == 0 {
			k = len(doc)
		}
		n, err := p.Write(doc[:k])
		if err == nil && n != k {
			sp.t.Fatalf("%s: Write returned %d of %d bytes and no error", name, n, k)
		}
		check("Write", err)
		doc = doc[k:]
	}
	check("Close", p.Close())
	if stuck == nil {
		if _, err := p.Write([]byte{0}); err != ErrClosed {
			sp.t.Fatalf("%s: Write after Close: %v, want ErrClosed", name, err)
		}
		if err := p.Close(); err != nil {
			sp.t.Fatalf("%s: Close again: %v", name, err)
		}
		return sp.sb.String()
	}
	check("Write", func() error { _, err := p.Write([]byte{0}); return err }())
	check("Write", func() error { _, err := p.Write(nil); return err }())
	check("Close", p.Close())
	return sp.sb.String()
}

// TestParserStateAfterErrorAndReuse: the Parser's part of the test above
// stateCorpus: after a SyntaxError every Write and Close returns it, after
// a Handler's error ErrClosed, and no event comes after either; a Parser
// reused by Reset (after an error, a Handler's error, input cut short or a
// capture running) gives the events and errors of a fresh one.
func TestParserStateAfterErrorAndReuse(t *testing.T) {
	docs := stateCorpus(t)
	for oi, opts := range stateOptions {
		for _, pats := range [][]string{nil, {"[0]", "*"}} {
			reused := newStateParser(t, opts, pats...)
			for di, doc := range docs {
				seed := uint64(di*7919 + oi*31 + len(pats))
				name := fmt.Sprintf("options %d, patterns %q, %x, seed %d", oi, pats, doc, seed)
				fresh := newStateParser(t, opts, pats...)
				want := fresh.run(name, doc, seed)
				reused.p.Reset()
				if got := reused.run(name+", reused", doc, seed); got != want {
					t.Fatalf("%s: reused Parser:\n%s\nfresh:\n%s", name, got, want)
				}
			}
		}
	}
}

// writerCall is one call of TestWriterStateAfterErrorAndReuse's sequences.
func writerCall(w *Writer, c uint64) string {
	switch c & 0xff % 24 {
	case 0:
		w.Uint(c >> 8 % 300)
	case 1:
		w.Int(-int64(c >> 8 % 30))
	case 2:
		w.ByteString([]byte{0, byte(c >> 8)})
	case 3:
		w.Text("ab"[:c>>8%3])
	case 4:
		w.Text("\xff")
	case 5:
		w.Float([]float64{0, 1.5, -0.0, 65504, 1e300}[c>>8%5])
	case 6:
		w.Bool(c>>8%2 == 0)
	case 7:
		w.Null()
	case 8:
		w.Simple(uint8(c >> 8 % 40))
	case 9:
		w.Tag(c >> 8 % 4)
	case 10:
		w.RawItem([][]byte{{0x01}, {0xa1, 0x01, 0x02}, {0x82, 0x01, 0x02}, {0xf9, 0x3c, 0x00}}[c>>8%4])
	case 11:
		w.RawItem([]byte{0x18, byte(24 + c>>8%30)})
	case 12, 13:
		w.BeginArray()
	case 14, 15:
		w.EndArray()
	case 16, 17:
		w.BeginMap()
	case 18, 19:
		w.EndMap()
	case 20:
		w.WriteEvent(&Event{Kind: BytesChunk, Value: []byte{1}})
	case 21:
		w.WriteEvent(&Event{Kind: TextStart})
	case 22:
		w.WriteEvent(&Event{Kind: Kind(c>>8%3) + TextChunk})
	case 23:
		b, err := w.Bytes()
		return fmt.Sprintf("Bytes %x %v", b, err)
	}
	return fmt.Sprintf("err %v", w.Err())
}

// runWriter makes n calls drawn from seed, mostly ones that build items
// (one in 16 any call, misuse included), closes what is open, and checks
// that the first error stays; it returns the trace with the final Bytes.
func runWriter(t *testing.T, name string, w *Writer, seed uint64, n int) string {
	var sb strings.Builder
	var stuck error
	var open []bool // the open containers: true for a map
	items := 0      // items in the innermost open container
	var counts []int
	call := func(c uint64) {
		fmt.Fprintf(&sb, "%d: %s\n", c&0xff%24, writerCall(w, c))
		if err := w.Err(); stuck != nil && err != stuck {
			t.Fatalf("%s: Err %v after %v\n%s", name, err, stuck, sb.String())
		} else if stuck == nil {
			stuck = err
		}
	}
	for range n {
		seed = seed*6364136223846793005 + 1442695040888963407
		c := seed >> 40
		if c%16 == 0 {
			call(c >> 4) // any call
			if c>>4&0xff%24 == 9 {
				call(0) // a tag's item
			}
			continue
		}
		c >>= 4
		switch k := c % 10; {
		case k < 2 && len(open) < 4:
			open, counts, items = append(open, k == 1), append(counts, items), 0
			call(c&^0xff | uint64(12+4*k))
		case k < 4 && len(open) > 0 && (!open[len(open)-1] || items%2 == 0):
			m := open[len(open)-1]
			open, items, counts = open[:len(open)-1], counts[len(counts)-1]+1, counts[:len(counts)-1]
			call(c&^0xff | uint64(14+4*b2i(m)))
		default:
			call(c&^0xff | []uint64{0, 1, 2, 3, 5, 6, 7, 11, 10, 9}[c%10])
			if c%10 == 9 {
				call(c>>8&^0xff | 2) // the tag's item: a byte string
			}
			items++
		}
	}
	for i := len(open) - 1; i >= 0; i-- {
		if open[i] && items%2 == 1 {
			call(7)
		}
		call(uint64(14 + 4*b2i(open[i])))
		items = counts[i] + 1
	}
	b, err := w.Bytes()
	if stuck != nil && err != stuck {
		t.Fatalf("%s: Bytes: %v after %v\n%s", name, err, stuck, sb.String())
	}
	if err == nil {
		if cerr := Check(b, &Options{AllowSequence: true, AllowInvalidUTF8: w.AllowInvalidUTF8, Deterministic: w.Deterministic}); cerr != nil {
			t.Fatalf("%s: Bytes %x: Check: %v\n%s", name, b, cerr, sb.String())
		}
	}
	fmt.Fprintf(&sb, "Bytes %x %v\n", b, err)
	return sb.String()
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// TestWriterStateAfterErrorAndReuse: the Writer's first error stays (Err
// and Bytes return it, and later calls do nothing), what it writes passes
// Check under its options, and a Writer reset after any sequence of calls
// (an error, an item unfinished) and given other options writes what a
// fresh Writer with those options writes.
func TestWriterStateAfterErrorAndReuse(t *testing.T) {
	var reused Writer
	for seed := range uint64(3000) {
		det, lax := seed%2 == 1, seed%3 == 0
		name := fmt.Sprintf("seed %d, Deterministic %t, AllowInvalidUTF8 %t", seed, det, lax)
		n := int(4 + seed%29)
		want := runWriter(t, name, &Writer{Deterministic: det, AllowInvalidUTF8: lax}, seed, n)
		reused.Reset()
		reused.Deterministic, reused.AllowInvalidUTF8 = det, lax
		if got := runWriter(t, name+", reused", &reused, seed, n); got != want {
			t.Fatalf("%s: reused Writer:\n%s\nfresh:\n%s", name, got, want)
		}
	}
}

// FuzzDecoderState is TestDecoderStateAfterErrorAndReuse for any input,
// call sequence, options and reader, the reused Decoder having read
// another input first (prev, with the same calls).
func FuzzDecoderState(f *testing.F) {
	f.Add([]byte{0x82, 0x83, 0x01, 0x02, 0x03, 0x00}, []byte{0xd8}, uint64(1), uint8(3), int8(2))
	f.Add([]byte{0x5f, 0x41, 0x01, 0x41, 0x02, 0xff}, []byte{0xa1, 0x01}, uint64(7), uint8(0), int8(-1))
	// the element past MaxItems (2) in an indefinite array and map,
	// refused at its head, before and after the other input
	f.Add([]byte{0x9f, 0x01, 0x02, 0x82, 0x03, 0x04, 0xff}, []byte{0xbf, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0xff}, uint64(3), uint8(3), int8(-1))
	f.Add([]byte{0xbf, 0x01, 0x02, 0x03, 0x04, 0x61, 0x61, 0x06, 0xff}, []byte{0x9f, 0x01, 0x02, 0x03, 0xff}, uint64(5), uint8(3), int8(1))
	f.Fuzz(func(t *testing.T, doc, prev []byte, seed uint64, oi uint8, mode int8) {
		opts := stateOptions[int(oi)%len(stateOptions)]
		m := int(mode)%(srModes+1) - 1
		ops := stateOps(seed, 4+int(seed>>60))
		ops = append(ops, opReadToken, opFinish, opReadToken)
		mk := func(d *Decoder, b []byte) *Decoder {
			if d == nil {
				d = NewDecoderBytes(nil, opts)
			}
			if m < 0 {
				d.ResetBytes(b)
			} else {
				d.Reset(&stateReader{data: b, n: 1 + int(seed%5), mode: m})
			}
			return d
		}
		fresh := runDecoderOps(t, "fresh", mk(nil, doc), ops)
		d := mk(nil, prev)
		runDecoderOps(t, "previous", d, ops)
		if again := runDecoderOps(t, "reused", mk(d, doc), ops); again != fresh {
			t.Fatalf("reused Decoder:\n%s\nfresh:\n%s", again, fresh)
		}
	})
}

// FuzzParserState is TestParserStateAfterErrorAndReuse for any input,
// split, Handler behaviour and options, the reused Parser having read
// another input first.
func FuzzParserState(f *testing.F) {
	f.Add([]byte{0x82, 0x83, 0x01, 0x02, 0x03, 0x00}, []byte{0xd8}, uint64(1), uint8(3), false)
	f.Add([]byte{0xbf, 0x61, 0x61, 0x01, 0xff}, []byte{0xa1, 0x01}, uint64(7), uint8(0), true)
	f.Add([]byte{0x9f, 0x01, 0x02, 0x82, 0x03, 0x04, 0xff}, []byte{0xbf, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0xff}, uint64(3), uint8(3), true)
	f.Add([]byte{0x81, 0xbf, 0x01, 0x02, 0x03, 0x04, 0x61, 0x61, 0x06, 0xff}, []byte{0x9f, 0x01, 0x02, 0x03, 0xff}, uint64(5), uint8(3), false)
	f.Fuzz(func(t *testing.T, doc, prev []byte, seed uint64, oi uint8, pats bool) {
		opts := stateOptions[int(oi)%len(stateOptions)]
		var ps []string
		if pats {
			ps = []string{"[0]", "*"}
		}
		want := newStateParser(t, opts, ps...).run("fresh", doc, seed)
		sp := newStateParser(t, opts, ps...)
		sp.run("previous", prev, seed>>3)
		sp.p.Reset()
		if got := sp.run("reused", doc, seed); got != want {
			t.Fatalf("reused Parser:\n%s\nfresh:\n%s", got, want)
		}
	})
}

// TestCheckerStateReuse: a Checker reused over the corpus (after every
// kind of error), and the zero Checker, give Check's verdict for each
// input under each of the options.
func TestCheckerStateReuse(t *testing.T) {
	docs := stateCorpus(t)
	for oi, opts := range stateOptions {
		c := NewChecker(opts)
		var z Checker
		for _, doc := range docs {
			want := fmt.Sprint(Check(doc, opts))
			if got := fmt.Sprint(c.Check(doc)); got != want {
				t.Fatalf("options %d, %x: reused Checker %s, Check %s", oi, doc, got, want)
			}
			if opts == nil {
				if got := fmt.Sprint(z.Check(doc)); got != want {
					t.Fatalf("%x: zero Checker %s, Check %s", doc, got, want)
				}
			}
		}
	}
}
