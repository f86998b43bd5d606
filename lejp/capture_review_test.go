package lejp

import (
	"bytes"
	"errors"
	"fmt"
	"math/rand"
	"strings"
	"testing"

	"github.com/lwscrypto/lwscrypto/internal/testenv"
)

// genJSON writes a random JSON text (with comments when comments) to b.
func genJSON(r *rand.Rand, b *bytes.Buffer, depth int, comments bool) {
	ws := func() {
		switch r.Intn(6) {
		case 0:
			b.WriteString(" ")
		case 1:
			b.WriteString("\n\t ")
		case 2:
			if comments {
				b.WriteString("# c\"[{\\\n")
			}
		}
	}
	ws()
	k := r.Intn(10)
	if depth > 4 {
		k = 4 + r.Intn(6)
	}
	switch k {
	case 0, 1:
		b.WriteByte('[')
		n := r.Intn(4)
		for i := 0; i < n; i++ {
			if i > 0 {
				ws()
				b.WriteByte(',')
			}
			genJSON(r, b, depth+1, comments)
		}
		ws()
		b.WriteByte(']')
	case 2, 3:
		b.WriteByte('{')
		n := r.Intn(4)
		for i := 0; i < n; i++ {
			if i > 0 {
				b.WriteByte(',')
			}
			ws()
			genStr(r, b)
			ws()
			b.WriteByte(':')
			genJSON(r, b, depth+1, comments)
		}
		ws()
		b.WriteByte('}')
	case 4, 5:
		genStr(r, b)
	case 6:
		b.WriteString([]string{"0", "-1", "12.5e+3", "123456789", "-0.0", "7E-2"}[r.Intn(6)])
	case 7:
		b.WriteString([]string{"true", "false", "null"}[r.Intn(3)])
	default:
		genStr(r, b)
	}
	ws()
}

func genStr(r *rand.Rand, b *bytes.Buffer) {
	b.WriteByte('"')
	n := r.Intn(14)
	if r.Intn(5) == 0 {
		n = r.Intn(40)
	}
	for i := 0; i < n; i++ {
		b.WriteString([]string{"a", "bc", `\n`, `\u00e9`, `\ud83d\ude00`, "é", "😀", `\"`, `\\`, `\u0000`, "xyz"}[r.Intn(11)])
	}
	b.WriteByte('"')
}

// reviewCap: a Handler capturing at events chosen by sel (from the event's
// index), checking each Raw against the input, its place among the events,
// and recording the other events.
type reviewCap struct {
	tr      tracer
	in      []byte
	sel     func(i int) bool
	i       int
	want    int // depth of the running capture, -1 none
	errs    []string
	raws    []string
	pendRaw bool   // the next event must be Raw
	lastPat int    // the last event's pattern
	lastPtr string // and pointer
}

func (c *reviewCap) HandleEvent(p *Parser, ev Event) error {
	if ev.Kind == Raw {
		if !c.pendRaw {
			c.errs = append(c.errs, fmt.Sprintf("unexpected Raw at %d %q", ev.Offset, ev.Value))
		}
		c.pendRaw = false
		c.want = -1
		end := ev.Offset + int64(len(ev.Value))
		if end > int64(len(c.in)) || !bytes.Equal(c.in[ev.Offset:end], ev.Value) {
			c.errs = append(c.errs, fmt.Sprintf("Raw %q is not the input at %d", ev.Value, ev.Offset))
		} else {
			d := NewDecoderBytes(c.in[ev.Offset:], &Options{AllowComments: true, AllowMultipleValues: true, AllowDuplicateNames: true, AllowInvalidUTF8: true})
			v, err := d.ReadValue()
			if err != nil || !bytes.Equal(v, ev.Value) {
				c.errs = append(c.errs, fmt.Sprintf("Raw %q at %d, ReadValue %q %v", ev.Value, ev.Offset, v, err))
			}
		}
		if ev.Pattern != c.lastPat || p.Pointer() != c.lastPtr {
			c.errs = append(c.errs, fmt.Sprintf("Raw at %d: pattern %d at %s, the value's last event's %d at %s", ev.Offset, ev.Pattern, p.Pointer(), c.lastPat, c.lastPtr))
		}
		c.raws = append(c.raws, fmt.Sprintf("%d %s %q #%d", ev.Offset, p.Pointer(), ev.Value, ev.Pattern))
		return nil
	}
	if c.pendRaw {
		c.errs = append(c.errs, fmt.Sprintf("no Raw before %s at %d", ev.Kind, ev.Offset))
		c.pendRaw = false
	}
	c.tr.HandleEvent(p, ev)
	c.lastPat, c.lastPtr = ev.Pattern, p.Pointer()
	c.i++
	if c.want >= 0 && p.Depth() == c.want && (ev.Kind.IsScalar() || ev.Kind == ObjectEnd || ev.Kind == ArrayEnd) {
		c.pendRaw = true
	}
	if c.sel(c.i) && c.want < 0 {
		if p.Capture() {
			c.want = p.Depth()
			if ev.Kind.IsScalar() {
				c.pendRaw = true
			}
		}
	}
	return nil
}

func reviewRun(in []byte, opts *Options, chunks []int, sel func(int) bool, capture bool, pats ...string) (string, []string, []string) {
	c := &reviewCap{in: in, sel: sel, want: -1}
	if !capture {
		c.sel = func(int) bool { return false }
	}
	p, perr := NewParser(c, opts, pats...)
	if perr != nil {
		panic(perr)
	}
	var err error
	buf := make([]byte, 0, 64)
	rest := in
	for _, n := range chunks {
		if n > len(rest) {
			n = len(rest)
		}
		// the caller's buffer, reused: what the Parser keeps must be copied
		buf = append(buf[:0], rest[:n]...)
		rest = rest[n:]
		if _, err = p.Write(buf); err != nil {
			break
		}
		for i := range buf {
			buf[i] = '!'
		}
	}
	if err == nil && len(rest) > 0 {
		_, err = p.Write(append([]byte(nil), rest...))
	}
	if err == nil {
		err = p.Close()
	}
	if err != nil {
		c.tr.b.WriteString(errLine(err))
	}
	if c.pendRaw && err == nil {
		c.errs = append(c.errs, "no Raw at the end")
	}
	return c.tr.b.String(), c.raws, c.errs
}

// TestCaptureRandomReview: random documents, options, splits and capture
// points.
func TestCaptureRandomReview(t *testing.T) {
	defer func(m int) { fastRunMin = m }(fastRunMin)
	n := 3000
	if testing.Short() {
		n = 300
	}
	total := 0
	for seed := 0; seed < n; seed++ {
		r := rand.New(rand.NewSource(int64(seed)))
		opts := &Options{
			StringChunk:         []int{0, 1, 2, 3, 4, 5, 7, 16, 1 << 20}[r.Intn(9)],
			AllowComments:       r.Intn(2) == 0,
			AllowMultipleValues: r.Intn(2) == 0,
			AllowDuplicateNames: r.Intn(3) != 0,
			AllowInvalidUTF8:    r.Intn(3) == 0,
		}
		if r.Intn(3) == 0 {
			opts.MaxValueLen = []int{-1, 1, 2, 3, 5, 8, 13, 30, 100}[r.Intn(9)]
		}
		fastRunMin = []int{1, 4, 16, 64}[r.Intn(4)]
		var b bytes.Buffer
		nv := 1
		if opts.AllowMultipleValues {
			nv = 1 + r.Intn(4)
		}
		for i := 0; i < nv; i++ {
			genJSON(r, &b, 0, opts.AllowComments)
			b.WriteByte(' ')
		}
		in := b.Bytes()
		if opts.AllowInvalidUTF8 && r.Intn(2) == 0 {
			for i := range in {
				if in[i] == 'b' {
					in[i] = 0xff
				}
			}
		}
		selSeed := r.Int63()
		sel := func(i int) bool { return (uint64(i)*0x9E3779B97F4A7C15^uint64(selSeed))>>61 < 3 }
		var chunks []int
		for tot := 0; tot < len(in); {
			c := r.Intn(10) // empty Writes too
			chunks = append(chunks, c)
			tot += c
		}
		var pats []string
		if r.Intn(2) == 0 {
			pats = [][]string{{"*"}, {"", "*.*", "[]"}, {"*[]", "*.*[]", "[].*"}, {"[][]", "*"}}[r.Intn(4)]
		}
		plain, _, _ := reviewRun(in, opts, []int{len(in)}, sel, false, pats...)
		wholeT, wholeR, errs := reviewRun(in, opts, []int{len(in)}, sel, true, pats...)
		if opts.MaxValueLen > 0 || !opts.AllowDuplicateNames {
			plain = wholeT
		}
		if len(errs) > 0 || wholeT != plain {
			t.Fatalf("seed %d whole %q: %v\n%s", seed, in, errs, diff(plain, wholeT))
		}
		for _, ch := range [][]int{chunks, {1 << 30}} {
			got, raws, errs := reviewRun(in, opts, ch, sel, true, pats...)
			if len(errs) > 0 || got != plain {
				t.Fatalf("seed %d chunks %v %q opts %+v: %v\n%s", seed, ch, in, *opts, errs, diff(plain, got))
			}
			if a, b := strings.Join(wholeR, "\n"), strings.Join(raws, "\n"); a != b {
				t.Fatalf("seed %d chunks %v %q: raws differ\n%s", seed, ch, in, diff(a, b))
			}
			total += len(raws)
		}
	}
	if total < n {
		t.Errorf("%d Raw events in %d runs", total, n)
	}
	t.Logf("%d Raw events", total)
}

// TestCaptureBuffersWithinMaxValueLen: what the Parser holds for a capture
// (a value captured across small Writes) or for one to come (an escaped
// string a Write ends inside) is at most MaxValueLen bytes of memory, as
// the Parser's doc says, not MaxValueLen bytes grown by append's headroom.
func TestCaptureBuffersWithinMaxValueLen(t *testing.T) {
	for _, lim := range []int{100, 1000, 1 << 20} {
		opts := &Options{MaxValueLen: lim, StringChunk: 1 << 30, MaxStringLen: -1}
		p, _ := NewParser(HandlerFunc(func(*Parser, Event) error { return nil }), opts)
		doc := []byte(`"` + strings.Repeat(`\u0000`, lim/3) + `"`)
		for _, c := range bytesSplit(doc, 7) {
			if _, err := p.Write(c); err != nil {
				t.Fatal(err)
			}
		}
		if err := p.Close(); err != nil {
			t.Fatal(err)
		}
		if len(p.capt.pre) != lim || cap(p.capt.pre) > lim {
			t.Errorf("MaxValueLen %d: %d bytes kept of a string, in %d", lim, len(p.capt.pre), cap(p.capt.pre))
		}
		raw := 0
		p, _ = NewParser(HandlerFunc(func(p *Parser, ev Event) error {
			if ev.Kind == Raw {
				raw = len(ev.Value)
			}
			if ev.Kind == ArrayStart {
				p.Capture()
			}
			return nil
		}), opts)
		doc = []byte(`[` + strings.Repeat(` `, lim-2) + `]`)
		for _, c := range bytesSplit(doc, 7) {
			if _, err := p.Write(c); err != nil {
				t.Fatal(err)
			}
		}
		if err := p.Close(); err != nil {
			t.Fatal(err)
		}
		if raw != lim || cap(p.capt.buf) > lim {
			t.Errorf("MaxValueLen %d: Raw of %d bytes, held in %d", lim, raw, cap(p.capt.buf))
		}
	}
}

// TestCaptureLimitCountsPieces: each piece of a long string inside a
// captured value counts as ending after the pieces so far, decoded, so the
// piece that ends past MaxValueLen is refused, not the String at the
// string's end: with 4-byte pieces of a string whose content starts 2
// bytes into the value, a limit of 9 lets one piece through, 10 two, 13
// two and 14 three; and a limit of 12 holds the escaped string
// ["\u0041\u0041\u0041\u0041\u0041\u0041\u0041\u0041\u0041\u0041"] to
// two pieces however it is split.
func TestCaptureLimitCountsPieces(t *testing.T) {
	cases := []struct {
		in          string
		limit, want int
	}{
		{`["aaaaaaaaaaaaaaaaaaaa"]`, 9, 1},
		{`["aaaaaaaaaaaaaaaaaaaa"]`, 10, 2},
		{`["aaaaaaaaaaaaaaaaaaaa"]`, 13, 2},
		{`["aaaaaaaaaaaaaaaaaaaa"]`, 14, 3},
		{`["` + strings.Repeat(`\u0041`, 10) + `"]`, 12, 2},
	}
	for _, tc := range cases {
		in := []byte(tc.in)
		for _, chunks := range [][][]byte{{in}, bytesSplit(in, 1), bytesSplit(in, 5)} {
			pieces := 0
			p, _ := NewParser(HandlerFunc(func(p *Parser, ev Event) error {
				if ev.Kind == ArrayStart {
					p.Capture()
				}
				if ev.Kind == StringChunk {
					pieces++
				}
				return nil
			}), &Options{StringChunk: 4, MaxValueLen: tc.limit})
			var err error
			for _, c := range chunks {
				if _, err = p.Write(c); err != nil {
					break
				}
			}
			var se *SyntaxError
			if !errors.As(err, &se) || !errors.Is(err, ErrValueTooLarge) || se.Offset != 0 || se.Path != "" {
				t.Fatalf("%s limit %d: error %v, want ErrValueTooLarge at 0", tc.in, tc.limit, err)
			}
			if pieces != tc.want {
				t.Errorf("%s limit %d, %d chunks: %d pieces before the error, want %d", tc.in, tc.limit, len(chunks), pieces, tc.want)
			}
		}
	}
}

// TestCaptureTooLargeNamesTheValue: ErrValueTooLarge found at an event
// deeper than the captured value names the value's start and path (the
// member "k", captured from its name), not the event's.
func TestCaptureTooLargeNamesTheValue(t *testing.T) {
	in := []byte(`{"k": {"a": [1, 2, 3]}}`)
	for _, chunks := range [][][]byte{{in}, bytesSplit(in, 1)} {
		p, _ := NewParser(HandlerFunc(func(p *Parser, ev Event) error {
			if ev.Kind == Name && string(ev.Value) == "k" {
				p.Capture()
			}
			return nil
		}), &Options{MaxValueLen: 10})
		var err error
		for _, c := range chunks {
			if _, err = p.Write(c); err != nil {
				break
			}
		}
		var se *SyntaxError
		if !errors.As(err, &se) || !errors.Is(err, ErrValueTooLarge) || se.Offset != 6 || se.Path != "/k" {
			t.Fatalf("%d chunks: error %v, want ErrValueTooLarge at 6 /k", len(chunks), err)
		}
	}
}

// TestCaptureAfterResetIsFresh: Reset forgets the string delivered in
// pieces and the escaped string a Write ended inside, so a string of the
// next input at the same offset is captured whole and right: Capture from
// the String "ab" at offset 0, after a first input whose string at 0 came
// in pieces, returns true; and a split string after a first input that
// stopped inside an escaped string at 0 has its own bytes.
func TestCaptureAfterResetIsFresh(t *testing.T) {
	var raws []string
	ok := false
	p, _ := NewParser(HandlerFunc(func(p *Parser, ev Event) error {
		switch ev.Kind {
		case Raw:
			raws = append(raws, string(ev.Value))
		case String:
			ok = p.Capture()
		}
		return nil
	}), &Options{StringChunk: 4})
	p.Write([]byte(`"aaaaaaaaaa"`))
	p.Close()
	p.Reset()
	raws = nil
	p.Write([]byte(`"ab"`))
	if err := p.Close(); err != nil || !ok || len(raws) != 1 || raws[0] != `"ab"` {
		t.Fatalf("after a string in pieces: Capture %v, Raw %q, %v", ok, raws, err)
	}
	p.Reset()
	p.Write([]byte(`"\n\n`)) // abandoned inside an escaped string at 0
	p.Reset()
	raws = nil
	p.Write([]byte(`"xy`))
	p.Write([]byte(`z"`))
	if err := p.Close(); err != nil || len(raws) != 1 || raws[0] != `"xyz"` {
		t.Fatalf("after an abandoned escaped string: Raw %q, %v", raws, err)
	}
}

// TestCaptureRawErrorSticky: the Handler's error for a Raw event stops
// the Parser as any Handler error does: Write returns it, and so do the
// next Write and Close.
func TestCaptureRawErrorSticky(t *testing.T) {
	stop := errors.New("stop")
	for _, in := range []string{`[[1], 2]`, `[1, 2]`, `[{"a": "b"}, 2]`} {
		events := 0
		p, _ := NewParser(HandlerFunc(func(p *Parser, ev Event) error {
			if ev.Kind == Raw {
				return stop
			}
			events++
			if p.Depth() == 1 {
				p.Capture()
			}
			return nil
		}), nil)
		_, err := p.Write([]byte(in))
		n := events
		_, err2 := p.Write([]byte(" "))
		err3 := p.Close()
		if err != stop || err2 != stop || err3 != stop || events != n {
			t.Errorf("%s: Write %v, then Write %v, Close %v, %d events after the error", in, err, err2, err3, events-n)
		}
	}
}

// TestCaptureKeepPreBounded: a Parser that never captures still keeps the bytes
// of an escaped string a Write ends inside, for a Capture from its first
// event; for a string of 1 MB of \u0000 escapes in 997-byte Writes that is
// about six string pieces (its first piece comes after 6 x StringChunk
// bytes), whatever the string's length, and nothing is allocated per
// document once the buffers have grown.
func TestCaptureKeepPreBounded(t *testing.T) {
	if testenv.Race {
		t.Skip("allocation counts are not exact under -race")
	}
	for _, chunk := range []int{0, 100} {
		opts := &Options{StringChunk: chunk}
		p, _ := NewParser(HandlerFunc(func(*Parser, Event) error { return nil }), opts)
		doc := []byte(`["` + strings.Repeat(`\u0000`, 1<<20/6) + `"]`)
		chunks := bytesSplit(doc, 997)
		run := func() {
			p.Reset()
			for _, c := range chunks {
				if _, err := p.Write(c); err != nil {
					t.Fatal(err)
				}
			}
			if err := p.Close(); err != nil {
				t.Fatal(err)
			}
		}
		run()
		piece := resolve(opts).chunk
		if cap(p.capt.pre) > 7*piece+997 {
			t.Errorf("StringChunk %d: %d bytes kept for a string", piece, cap(p.capt.pre))
		}
		if a := testing.AllocsPerRun(3, run); a != 0 {
			t.Errorf("StringChunk %d: %v allocations per document, want 0", piece, a)
		}
	}
}

// TestCaptureAdjacentValuesAndComments: top-level values with nothing
// between them, comments right after values and inside them, and long
// escaped strings, captured at every event and at every other one, split
// everywhere in two and a byte at a time, through fastRun and not: the Raw
// events are the same for every split and hold what ReadValue returns, and
// the other events are those of a Parser capturing nothing.
func TestCaptureAdjacentValuesAndComments(t *testing.T) {
	defer func(m int) { fastRunMin = m }(fastRunMin)
	ins := []string{
		`"a""b"[1]{"c":2}true null{}[]1"x"-0[]`,
		"1#c\n2#d\n[3#e\n]#f\n\"s\"#g\n{\"k\"#h\n:#i\n4#j\n}#k\n",
		`{"a":"` + strings.Repeat(`\u00e9`, 9) + `","b":[` + strings.Repeat(`"\ud83d\ude00x",`, 3) + `1e5]}`,
		`[` + strings.Repeat(`"`+strings.Repeat("é", 7)+`",`, 3) + `0]`,
	}
	all := func(int) bool { return true }
	odd := func(i int) bool { return i%2 == 1 }
	for _, s := range ins {
		in := []byte(s)
		ones := make([]int, len(in))
		for i := range ones {
			ones[i] = 1
		}
		for _, chunk := range []int{1, 5, 0} {
			for _, frm := range []int{1, 64} {
				fastRunMin = frm
				opts := &Options{StringChunk: chunk, AllowComments: true, AllowMultipleValues: true}
				for _, sel := range []func(int) bool{all, odd} {
					plain, _, _ := reviewRun(in, opts, []int{len(in)}, sel, false)
					w, wr, errs := reviewRun(in, opts, []int{len(in)}, sel, true)
					if w != plain || len(errs) > 0 || strings.Contains(w, "error") || len(wr) == 0 {
						t.Fatalf("%q: %v\n%s", s, errs, diff(plain, w))
					}
					for k := 0; k <= len(in); k++ {
						ch := []int{k}
						if k == len(in) {
							ch = ones
						}
						g, gr, errs := reviewRun(in, opts, ch, sel, true)
						if g != plain || len(errs) > 0 || strings.Join(gr, "\n") != strings.Join(wr, "\n") {
							t.Fatalf("%q split at %d, StringChunk %d: %v\n%s\n%s", s, k, chunk, errs, diff(plain, g), diff(strings.Join(wr, "\n"), strings.Join(gr, "\n")))
						}
					}
				}
			}
		}
	}
}
