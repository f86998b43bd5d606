package lejp

import (
	"bytes"
	"io"
	"runtime"
	"strings"
	"testing"

	"github.com/lwscrypto/lwscrypto/internal/testenv"
)

// allocDoc has every kind of token, escapes, a long string (in pieces),
// nested containers and an object large enough for the hashed duplicate
// index.
var allocDoc = func() []byte {
	var b strings.Builder
	b.WriteString(`{"keys":[`)
	for i := 0; i < 20; i++ {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(`{"kid":"k\u00e9\n","n":-12.5e3,"e":65537,"ok":true,"no":false,"nil":null,"a":[1,[2,{}],[]]}`)
	}
	b.WriteString(`],"big":{`)
	for i := 0; i < 40; i++ {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(`"m` + strings.Repeat("x", i) + `":1`)
	}
	b.WriteString(`},"long":"` + strings.Repeat("long string ", 2000) + `"}`)
	return []byte(b.String())
}()

type countHandler struct{ n int }

func (c *countHandler) HandleEvent(p *Parser, ev Event) error { c.n++; return nil }

func TestAllocsParser(t *testing.T) {
	h := &countHandler{}
	p, err := NewParser(h, nil, "keys[].kid", "big.*")
	if err != nil {
		t.Fatal(err)
	}
	var chunks [][]byte
	run := func(chunk int) {
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
	for _, chunk := range []int{len(allocDoc), 4096, 7, 1} {
		chunks = bytesSplit(allocDoc, chunk)
		run(chunk) // warm up: buffers grow to their size
		if a := testing.AllocsPerRun(5, func() { run(chunk) }); a != 0 {
			t.Errorf("chunks of %d: %v allocations per document (%d events), want 0", chunk, a, h.n/6)
		}
	}
}

func TestAllocsDecoder(t *testing.T) {
	d := NewDecoderBytes(allocDoc, nil)
	readDoc := func() { readAll(t, d) }
	readDoc()
	if a := testing.AllocsPerRun(5, func() { d.ResetBytes(allocDoc); readDoc() }); a != 0 {
		t.Errorf("Decoder over bytes: %v allocations per document, want 0", a)
	}
	r := bytes.NewReader(allocDoc)
	d = NewDecoder(r, nil)
	readDoc()
	if a := testing.AllocsPerRun(5, func() { r.Reset(allocDoc); d.Reset(r); readDoc() }); a != 0 {
		t.Errorf("Decoder over io.Reader: %v allocations per document, want 0", a)
	}
	values := func() {
		d.ResetBytes(allocDoc)
		d.ReadToken()
		for {
			tok, err := d.ReadToken()
			if err != nil {
				t.Fatal(err)
			}
			if tok.Kind == ObjectEnd {
				break
			}
			if _, err := d.ReadValue(); err != nil {
				t.Fatal(err)
			}
		}
	}
	values()
	if a := testing.AllocsPerRun(5, values); a != 0 {
		t.Errorf("ReadValue: %v allocations per document, want 0", a)
	}
	if testenv.Race {
		// Check takes its scanner from a sync.Pool, which the race
		// detector empties at random; the count is exact without -race.
		t.Log("Check's allocation count not asserted under -race")
		return
	}
	Check(allocDoc, nil)
	if a := testing.AllocsPerRun(5, func() {
		if err := Check(allocDoc, nil); err != nil {
			t.Fatal(err)
		}
	}); a != 0 {
		t.Errorf("Check: %v allocations, want 0", a)
	}
}

func TestAllocsWriter(t *testing.T) {
	var w Writer
	buf := make([]byte, 0, 256)
	write := func() {
		w.Reset(buf[:0])
		w.BeginObject()
		w.Name("alg")
		w.String("ES256")
		w.Name("crit")
		w.BeginArray()
		w.String("b64")
		w.EndArray()
		w.Name("b64")
		w.Bool(false)
		w.Name("n")
		w.Int(-7)
		w.Name("f")
		w.Float(0.5)
		w.Name("z")
		w.Null()
		w.EndObject()
		if _, err := w.Finish(); err != nil {
			t.Fatal(err)
		}
	}
	write()
	if a := testing.AllocsPerRun(10, write); a != 0 {
		t.Errorf("Writer: %v allocations, want 0", a)
	}
}

// genReader generates a JSON array of records, n bytes or a little more,
// on the fly: the input is never in memory whole.
type genReader struct {
	left  int64
	state int
	rec   []byte
	pos   int
}

func newGenReader(n int64) *genReader {
	rec := []byte(`{"id":123456,"name":"a name with \"escapes\" and é","tags":["x","y",true,null,1.5e-3],"nested":{"a":{"b":[[],{}]}},"blob":"` +
		strings.Repeat("0123456789abcdef", 64) + `"},`)
	return &genReader{left: n, rec: rec}
}

func (g *genReader) Read(p []byte) (int, error) {
	n := 0
	for n < len(p) {
		switch g.state {
		case 0:
			p[n] = '['
			n++
			g.state = 1
		case 1:
			c := copy(p[n:], g.rec[g.pos:])
			n += c
			g.pos += c
			g.left -= int64(c)
			if g.pos == len(g.rec) {
				g.pos = 0
				if g.left <= 0 {
					g.state = 2
				}
			}
		case 2:
			p[n] = '1' // after the last record's comma
			n++
			g.state = 3
		case 3:
			p[n] = ']'
			n++
			g.state = 4
		default:
			return n, io.EOF
		}
	}
	return n, nil
}

// heapWatch samples the live heap every so often.
type heapWatch struct {
	base, peak uint64
	n          int
}

func (h *heapWatch) start() {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	h.base = m.HeapAlloc
}

func (h *heapWatch) tick() {
	h.n++
	if h.n%200000 != 0 {
		return
	}
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	if m.HeapAlloc > h.peak {
		h.peak = m.HeapAlloc
	}
}

func (h *heapWatch) grew() uint64 {
	if h.peak < h.base {
		return 0
	}
	return h.peak - h.base
}

type watchHandler struct {
	hw    *heapWatch
	bytes int64
}

func (w *watchHandler) HandleEvent(p *Parser, ev Event) error {
	w.bytes += int64(len(ev.Value))
	w.hw.tick()
	return nil
}

// TestConstantMemory streams 256 MiB through the Parser (via io.Copy) and
// through the Decoder, generated on the fly, plus one 60 MiB string through
// the Parser, and requires the live heap to stay within 4 MiB of where it
// started.
func TestConstantMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("skipping: streams 512 MiB; run without -short")
	}
	const size = 256 << 20
	const bound = 4 << 20

	hw := &heapWatch{}
	hw.start()
	h := &watchHandler{hw: hw}
	p, _ := NewParser(h, nil)
	n, err := io.CopyBuffer(p, newGenReader(size), make([]byte, 64<<10))
	if err == nil {
		err = p.Close()
	}
	if err != nil || n < size {
		t.Fatalf("Parser: %d bytes, %v", n, err)
	}
	if g := hw.grew(); g > bound {
		t.Errorf("Parser: live heap grew by %d bytes over %d MiB, want < %d", g, n>>20, bound)
	}
	t.Logf("Parser: %d MiB, heap grew %d KiB", n>>20, hw.grew()>>10)

	hw = &heapWatch{}
	hw.start()
	d := NewDecoder(newGenReader(size), nil)
	for {
		_, err := d.ReadToken()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		hw.tick()
	}
	if d.InputOffset() < size {
		t.Fatalf("Decoder read %d bytes", d.InputOffset())
	}
	if g := hw.grew(); g > bound {
		t.Errorf("Decoder: live heap grew by %d bytes, want < %d", g, bound)
	}
	t.Logf("Decoder: %d MiB, heap grew %d KiB", d.InputOffset()>>20, hw.grew()>>10)

	// One 60 MiB string, fed in 1000-byte writes: delivered in pieces.
	hw = &heapWatch{}
	hw.start()
	h = &watchHandler{hw: hw}
	p, _ = NewParser(h, nil)
	piece := bytes.Repeat([]byte("é-long-string-"), 1000/16)
	p.Write([]byte(`"`))
	for total := 0; total < 60<<20; total += len(piece) {
		if _, err := p.Write(piece); err != nil {
			t.Fatal(err)
		}
		if total%(1<<20) < len(piece) {
			hw.n = 199999
			hw.tick()
		}
	}
	p.Write([]byte(`"`))
	if err := p.Close(); err != nil {
		t.Fatal(err)
	}
	if g := hw.grew(); g > bound {
		t.Errorf("60 MiB string: live heap grew by %d bytes, want < %d", g, bound)
	}
}

// TestAllocsNewDecoder: parsing a JOSE-sized object with a new Decoder
// costs the Decoder itself and nothing more (its first buffers are part of
// it); so does a new Parser.
func TestAllocsNewDecoder(t *testing.T) {
	hdr := []byte(`{"alg":"ES256","kid":"k\u00e9y","crit":["b64"],"b64":false,"jwk":{"kty":"EC","crv":"P-256","x":"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU"}}`)
	a := testing.AllocsPerRun(20, func() {
		d := NewDecoderBytes(hdr, &Options{MaxDepth: 64})
		for {
			if _, err := d.ReadToken(); err != nil {
				if err != io.EOF {
					t.Fatal(err)
				}
				break
			}
		}
	})
	if a > 1 {
		t.Errorf("new Decoder per header: %v allocations, want 1", a)
	}
	h := &countHandler{}
	a = testing.AllocsPerRun(20, func() {
		p, _ := NewParser(h, nil)
		p.Write(hdr)
		if err := p.Close(); err != nil {
			t.Fatal(err)
		}
	})
	if a > 1 {
		t.Errorf("new Parser per header: %v allocations, want 1", a)
	}
}
