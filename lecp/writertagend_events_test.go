package lecp

import (
	"bytes"
	"encoding/hex"
	"math/rand"
	"testing"
)

// tagHeavyItems returns items full of tags: nested, around arrays, maps,
// map keys, indefinite-length items and strings long enough to come as
// pieces, and n more built at random from those shapes (seeded, so the
// same every run).
func tagHeavyItems(n int) [][]byte {
	var items [][]byte
	for _, h := range []string{"c101", "c1c202", "81c101", "c18101", "a1c101c102", "c25f4101ff",
		"c1c2c39f5f4101ffc47f6161ffff", "a2c1c2a0c3c4800102", "c1c2c3c4c5c6c7c8c9f6", "9fc101ff",
		"c19f9fc201ffff", "bfc1a0c2c301ff", "c1bfc27f6161ffc301ff", "c2420001"} {
		b, _ := hex.DecodeString(h)
		items = append(items, b)
	}
	long := bytes.Repeat([]byte{'a'}, 200)
	items = append(items,
		append([]byte{0xc1, 0x78, 200}, long...),                                                 // 1("aaa…"), in pieces
		append(append([]byte{0xc2, 0x5f, 0x58, 200}, long...), 0x41, 0x01, 0xff),                 // 2((_ h'…', h'01'))
		append(append(append([]byte{0xa1, 0xc1, 0x78, 200}, long...), 0xc3, 0x58, 200), long...), // {1("…"): 3(h'…')}
	)
	r := rand.New(rand.NewSource(1))
	var gen func(depth int) []byte
	gen = func(depth int) []byte {
		k := r.Intn(3)
		switch c := r.Intn(8); {
		case depth > 4 || c == 0:
			return []byte{byte(r.Intn(24))}
		case c <= 2:
			return append([]byte{0xc1 + byte(r.Intn(3))}, gen(depth+1)...)
		case c == 3:
			b := []byte{0x80 + byte(k)}
			for range k {
				b = append(b, gen(depth+1)...)
			}
			return b
		case c == 4:
			b := []byte{0x9f}
			for range k {
				b = append(b, gen(depth+1)...)
			}
			return append(b, 0xff)
		case c == 5:
			return []byte{0xc1, 0x5f, 0x41, 'a', 0x42, 'b', 'c', 0xff}
		case c == 6:
			b := []byte{0xa0 + byte(k)}
			for i := range k {
				if r.Intn(2) == 0 {
					b = append(b, 0xc1)
				}
				b = append(b, byte(i))
				b = append(b, gen(depth+1)...)
			}
			return b
		default:
			b := []byte{0xbf}
			for i := range k {
				b = append(b, 0xc2, 0x41, byte(i+1))
				b = append(b, gen(depth+1)...)
			}
			return append(b, 0xff)
		}
	}
	for range n {
		items = append(items, gen(0))
	}
	return items
}

// TestWriteEventTakesParserEvents: since WriteEvent checks TagEnd, every
// event sequence the decoders produce must still pass: TagEnds after
// nested tags, tags on map keys and around indefinite-length items,
// strings in pieces (the input written whole, a byte and three bytes at a
// time, a short StringChunk) and the Raw events of captured items, after
// a tag's TagEnd or between an item and its tag's TagEnd. The Decoder's
// tokens (from a reader, a byte a Read) re-encode to bytes Check accepts,
// and the Parser's events, however delivered, to the same bytes.
func TestWriteEventTakesParserEvents(t *testing.T) {
	opts := &Options{StringChunk: 64}
	for _, in := range tagHeavyItems(300) {
		if err := Check(in, nil); err != nil {
			t.Fatalf("%x: %v", in, err)
		}
		var want []byte // the Decoder's re-encoding, which the Parser's must equal
		{
			d := NewDecoder(&oneByte{in}, nil)
			var w Writer
			for {
				tok, err := d.ReadToken()
				if err != nil {
					break
				}
				w.WriteToken(tok)
			}
			b, err := w.Bytes()
			if err != nil {
				t.Fatalf("%x: Decoder tokens re-encoded: %v", in, err)
			}
			if err := Check(b, nil); err != nil {
				t.Fatalf("%x: Decoder tokens re-encoded as %x: %v", in, b, err)
			}
			want = bytes.Clone(b)
		}
		for _, split := range []int{0, 1, 3} {
			for capture := range 3 {
				var pats []string
				if capture > 0 {
					pats = []string{"*"} // everything below the top: path bookkeeping on every event
				}
				var w Writer
				p, err := NewParser(HandlerFunc(func(p *Parser, ev *Event) error {
					if capture == 1 || capture == 2 && ev.Kind != TagStart {
						p.Capture() // 2: a tag's item, its Raw before the TagEnd
					}
					w.WriteEvent(ev)
					return nil
				}), opts, pats...)
				if err != nil {
					t.Fatal(err)
				}
				if split == 0 {
					_, err = p.Write(in)
				} else {
					for i := 0; i < len(in) && err == nil; i += split {
						_, err = p.Write(in[i:min(i+split, len(in))])
					}
				}
				if err == nil {
					err = p.Close()
				}
				if err != nil {
					t.Fatalf("%x: %v", in, err)
				}
				if b, err := w.Bytes(); err != nil || !bytes.Equal(b, want) {
					t.Errorf("%x written %d bytes at a time, capture %d: %x, %v; want %x", in, split, capture, b, err, want)
				}
			}
		}
	}
}
