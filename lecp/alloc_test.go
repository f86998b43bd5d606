package lecp

import (
	"bytes"
	"io"
	"runtime"
	"testing"
)

// TestZeroAllocs: in steady state the push parser, the pull decoder and the
// checker allocate nothing per token.
func TestZeroAllocs(t *testing.T) {
	var w Writer
	w.BeginArray()
	for i := range 50 {
		w.BeginMap()
		w.Text("id")
		w.Int(int64(i))
		w.Text("name")
		w.Text("item number of the sample document")
		w.Int(-7)
		w.ByteString(bytes.Repeat([]byte{byte(i)}, 100))
		w.Text("f")
		w.Float(1.5 + float64(i))
		w.Text("tagged")
		w.Tag(1)
		w.Uint(1363896240)
		w.Text("list")
		w.BeginArray()
		w.Bool(true)
		w.Null()
		w.Text(string(bytes.Repeat([]byte("long text "), 600)))
		w.EndArray()
		w.EndMap()
	}
	w.EndArray()
	doc, err := w.Bytes()
	if err != nil {
		t.Fatal(err)
	}
	doc = bytes.Clone(doc)
	events := 0
	var pathBuf []byte
	p, _ := NewParser(HandlerFunc(func(p *Parser, ev *Event) error {
		events++
		if ev.Pattern >= 0 {
			pathBuf = p.AppendPath(pathBuf[:0])
		}
		return nil
	}), nil, "[].name", "[].list[2]")
	run := func() {
		p.Reset()
		for i := 0; i < len(doc); i += 1000 {
			if _, err := p.Write(doc[i:min(i+1000, len(doc))]); err != nil {
				t.Fatal(err)
			}
		}
		if err := p.Close(); err != nil {
			t.Fatal(err)
		}
	}
	pathBuf = make([]byte, 0, 64)
	run()
	if a := testing.AllocsPerRun(20, run); a != 0 {
		t.Errorf("push parser: %v allocations per document, want 0", a)
	}
	d := NewDecoderBytes(doc, nil)
	pull := func() {
		d.ResetBytes(doc)
		for {
			if _, err := d.ReadToken(); err == io.EOF {
				return
			} else if err != nil {
				t.Fatal(err)
			}
		}
	}
	pull()
	if a := testing.AllocsPerRun(20, pull); a != 0 {
		t.Errorf("pull decoder: %v allocations per document, want 0", a)
	}
	c := NewChecker(nil)
	if err := c.Check(doc); err != nil {
		t.Fatal(err)
	}
	if a := testing.AllocsPerRun(20, func() { _ = c.Check(doc) }); a != 0 {
		t.Errorf("checker: %v allocations per document, want 0", a)
	}
	buf := make([]byte, 0, 256)
	if a := testing.AllocsPerRun(20, func() {
		buf = AppendArrayHeader(buf[:0], 4)
		buf = AppendText(buf, "Signature1")
		buf = AppendBytes(buf, doc[:10])
		buf = AppendBytes(buf, nil)
		buf = AppendFloat(buf, 1.1)
	}); a != 0 {
		t.Errorf("append encoder: %v allocations, want 0", a)
	}
	if events < 1000 {
		t.Fatalf("only %d events", events)
	}
}

// streamReader generates an indefinite-length array of n maps, each with a
// 1 KiB byte string, without holding it.
type streamReader struct {
	n, i  int
	state int
	buf   []byte
	item  []byte
}

func (s *streamReader) Read(p []byte) (int, error) {
	for len(s.buf) == 0 {
		switch {
		case s.state == 0:
			s.buf = []byte{0x9f}
			s.state = 1
		case s.i < s.n:
			s.buf = s.item
			s.i++
		case s.state == 1:
			s.buf = []byte{0xff}
			s.state = 2
		default:
			return 0, io.EOF
		}
	}
	n := copy(p, s.buf)
	s.buf = s.buf[n:]
	return n, nil
}

// TestBoundedMemory: a 256 MiB generated stream goes through the push parser
// and the pull decoder with memory that does not grow with the input.
func TestBoundedMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("skipping the 256 MiB stream in -short mode")
	}
	item := AppendMapHeader(nil, 2)
	item = AppendText(item, "i")
	item = AppendUint(item, 0)
	item = AppendText(item, "data")
	item = AppendBytes(item, bytes.Repeat([]byte{0xab}, 1024))
	n := (256 << 20) / len(item)
	total := int64(n*len(item) + 2)
	check := func(name string, f func(r io.Reader) int64) {
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		got := f(&streamReader{n: n, item: item})
		runtime.ReadMemStats(&after)
		if got != total {
			t.Fatalf("%s: consumed %d bytes, want %d", name, got, total)
		}
		if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 1<<20 {
			t.Errorf("%s: %d bytes allocated for a %d MiB stream", name, alloc, total>>20)
		}
	}
	check("push", func(r io.Reader) int64 {
		p, _ := NewParser(HandlerFunc(func(*Parser, *Event) error { return nil }), nil)
		buf := make([]byte, 64<<10)
		for {
			k, err := r.Read(buf)
			if _, werr := p.Write(buf[:k]); werr != nil {
				t.Fatal(werr)
			}
			if err == io.EOF {
				break
			}
		}
		if err := p.Close(); err != nil {
			t.Fatal(err)
		}
		return p.InputOffset()
	})
	check("pull", func(r io.Reader) int64 {
		d := NewDecoder(r, nil)
		for {
			if _, err := d.ReadToken(); err == io.EOF {
				return d.InputOffset()
			} else if err != nil {
				t.Fatal(err)
			}
		}
	})
}
