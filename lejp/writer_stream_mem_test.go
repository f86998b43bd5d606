package lejp

import (
	"io"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"github.com/lwscrypto/lwscrypto/internal/testenv"
)

// streamSink counts what Flush writes and feeds it to a strict Parser,
// so that the document is checked without being held.
type streamSink struct {
	p *Parser
	n int64
}

func (s *streamSink) Write(b []byte) (int, error) {
	s.n += int64(len(b))
	return s.p.Write(b)
}

// TestWriterStreamsBigDocumentInBoundedMemory writes a document of over
// 256 MiB, an array of 400,000 objects and a string of 256 MiB in 64 KiB
// pieces (some cut inside a UTF-8 sequence), flushing every 4 KiB or so
// into a strict Parser (no limit on the string's length), and holds that
// the live heap stays within 2 MiB of where it started, that little is
// allocated at all, that the Parser accepts the document and reads back
// every record and the string's length.
func TestWriterStreamsBigDocumentInBoundedMemory(t *testing.T) {
	if testing.Short() || testenv.Race {
		t.Skip("writes 290 MiB, which takes a minute under -race")
	}
	const (
		records = 400_000
		strLen  = 256 << 20
		piece   = 64 << 10
	)
	var ids, strBytes int64
	var inPayload bool
	p, err := NewParser(HandlerFunc(func(p *Parser, ev Event) error {
		switch ev.Kind {
		case Name:
			inPayload = string(ev.Value) == "payload"
			if string(ev.Value) == "id" {
				ids++
			}
		case StringChunk, String:
			if inPayload {
				strBytes += int64(len(ev.Value))
			}
		}
		return nil
	}), &Options{MaxStringLen: -1})
	if err != nil {
		t.Fatal(err)
	}
	sink := &streamSink{p: p}
	// The string is unit repeated, with escapes (its decoded length is
	// the bytes given), in pieces of 64 KiB that begin and end anywhere
	// in unit, inside its UTF-8 sequences too.
	const unit = "0123456789abcdef\u00e9\u20ac\U0001d11e\n\"xyz"
	text := strings.Repeat(unit, piece/len(unit)+2)
	var w Writer
	flush := func() {
		if len(w.Bytes()) >= 4<<10 {
			if err := w.Flush(sink); err != nil {
				t.Fatal(err)
			}
		}
	}
	var m runtime.MemStats
	heap := func() (live, total uint64) {
		runtime.GC()
		runtime.ReadMemStats(&m)
		return m.HeapAlloc, m.TotalAlloc
	}
	live0, total0 := heap()
	maxLive := live0

	w.BeginObject()
	w.Name("records")
	w.BeginArray()
	for i := range records {
		w.BeginObject()
		w.Name("id")
		w.Int(int64(i))
		w.Name("name")
		w.String("record")
		w.Name("tags")
		w.BeginArray()
		w.String("a")
		w.Bool(i%2 == 0)
		w.EndArray()
		w.EndObject()
		flush()
		if i%100_000 == 0 {
			live, _ := heap()
			maxLive = max(maxLive, live)
		}
	}
	w.EndArray()
	w.Name("payload")
	w.BeginString()
	var written int64
	for k := 0; written < strLen; k++ {
		s := text[written%int64(len(unit)):][:piece]
		w.StringPiece(s)
		written += int64(len(s))
		flush()
		if k%1024 == 0 {
			live, _ := heap()
			maxLive = max(maxLive, live)
		}
	}
	w.EndString()
	w.EndObject()
	out, err := w.Finish()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := sink.Write(out); err != nil {
		t.Fatal(err)
	}
	if err := p.Close(); err != nil {
		t.Fatalf("the Parser refused the document: %v", err)
	}
	live, total := heap()
	maxLive = max(maxLive, live)
	if ids != records || strBytes != written || sink.n < strLen+records*50 {
		t.Errorf("read back %d records, a string of %d bytes (%d written), %d bytes in all",
			ids, strBytes, written, sink.n)
	}
	grew := int64(maxLive) - int64(live0)
	t.Logf("%d MiB written; live heap grew at most %d KiB; %d KiB allocated; buffer %d KiB",
		sink.n>>20, grew>>10, (total-total0)>>10, cap(w.buf)>>10)
	if grew > 2<<20 {
		t.Errorf("live heap grew by %d KiB writing %d MiB", grew>>10, sink.n>>20)
	}
	if total-total0 > 4<<20 {
		t.Errorf("%d KiB allocated writing %d MiB", (total-total0)>>10, sink.n>>20)
	}
}

// TestAllocsWriterPiecesAndFlush holds that in steady state a piece (as a
// string or bytes, ASCII, escaped, multi-byte, ending inside a UTF-8
// sequence) and a Flush with names held allocate nothing, and so does a
// document of objects written and flushed one object at a time.
func TestAllocsWriterPiecesAndFlush(t *testing.T) {
	if testenv.Race {
		t.Skip("allocation counts differ under -race")
	}
	text := strings.Repeat("abc\u00e9\n\"\x01\u20ac\U0001d11e", 4096)
	cut := text[:len(text)-1] // ends inside U+1D11E
	var w Writer
	w.BeginArray()
	w.BeginObject()
	for i := range 40 { // hashed
		w.Name("name" + strconv.Itoa(i))
		w.Null()
	}
	w.Name("payload")
	w.BeginString()
	w.StringPiece(text)
	w.Flush(io.Discard)
	for _, c := range []struct {
		name string
		f    func()
	}{
		{"StringPiece", func() { w.StringPiece(text) }},
		{"StringPiece cut", func() { w.StringPiece(cut); w.StringPiece(text[len(text)-1:]) }},
		{"StringPiece+Flush", func() { w.StringPiece(text); w.Flush(io.Discard) }},
		{"Flush", func() { w.StringPiece("x"); w.Flush(io.Discard) }},
	} {
		if a := testing.AllocsPerRun(100, func() { c.f(); w.Flush(io.Discard) }); a != 0 {
			t.Errorf("%s: %v allocations, want 0", c.name, a)
		}
	}
	b := []byte(text)
	if a := testing.AllocsPerRun(100, func() { w.StringPieceBytes(b); w.Flush(io.Discard) }); a != 0 {
		t.Errorf("StringPieceBytes: %v allocations, want 0", a)
	}
	w.EndString()
	w.EndObject()
	if a := testing.AllocsPerRun(100, func() {
		w.BeginObject()
		w.Name("id")
		w.Int(1)
		w.Name("tags")
		w.BeginArray()
		w.BeginString()
		w.StringPiece("one")
		w.EndString()
		w.Flush(io.Discard)
		w.String("two")
		w.EndArray()
		w.EndObject()
		w.Flush(io.Discard)
	}); a != 0 {
		t.Errorf("objects flushed one at a time: %v allocations, want 0", a)
	}
	if w.Err() != nil || w.base != 0 {
		t.Errorf("Err %v, %d bytes of names kept", w.Err(), w.base)
	}
}
