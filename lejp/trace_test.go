package lejp

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"testing/iotest"
)

// tracer records a Parser's events as text, one line per event:
// "offset kind path value #pattern", and the final error.
type tracer struct {
	b       strings.Builder
	merge   bool // join StringChunk pieces into their String (to compare with a Decoder)
	pending []byte
}

func (t *tracer) HandleEvent(p *Parser, ev Event) error {
	if t.merge && ev.Kind == StringChunk {
		t.pending = append(t.pending, ev.Value...)
		return nil
	}
	v := ev.Value
	if t.merge && ev.Kind == String && t.pending != nil {
		v = append(t.pending, v...)
		t.pending = nil
	}
	fmt.Fprintf(&t.b, "%d %s %s", ev.Offset, ev.Kind, p.Pointer())
	if v != nil {
		fmt.Fprintf(&t.b, " %q", v)
	}
	if ev.Pattern >= 0 && !t.merge {
		fmt.Fprintf(&t.b, " #%d %s", ev.Pattern, p.Path())
		for i := 0; ; i++ {
			w, ok := p.AppendWildcard(nil, i)
			if !ok {
				break
			}
			fmt.Fprintf(&t.b, " *%q", w)
		}
	}
	t.b.WriteByte('\n')
	return nil
}

func errLine(err error) string {
	var se *SyntaxError
	if errors.As(err, &se) {
		return fmt.Sprintf("error %d %s %v\n", se.Offset, se.Path, se.Err)
	}
	return "error " + err.Error() + "\n"
}

// pushTrace parses the chunks with a Parser and returns the trace.
func pushTrace(opts *Options, pats []string, merge bool, chunks ...[]byte) string {
	t := &tracer{merge: merge}
	p, err := NewParser(t, opts, pats...)
	if err != nil {
		panic(err)
	}
	for _, c := range chunks {
		if _, err := p.Write(c); err != nil {
			t.b.WriteString(errLine(err))
			return t.b.String()
		}
	}
	if err := p.Close(); err != nil {
		t.b.WriteString(errLine(err))
	}
	return t.b.String()
}

// bytesSplit splits b into pieces of n bytes.
func bytesSplit(b []byte, n int) [][]byte {
	var out [][]byte
	for len(b) > n {
		out = append(out, b[:n])
		b = b[n:]
	}
	return append(out, b)
}

// pullTrace reads all tokens with a Decoder (over bytes, or over a
// one-byte-at-a-time reader) in the merged tracer format.
func pullTrace(opts *Options, in []byte, oneByte bool) string {
	var d *Decoder
	if oneByte {
		d = NewDecoder(iotest.OneByteReader(bytes.NewReader(in)), opts)
	} else {
		d = NewDecoderBytes(in, opts)
	}
	var b strings.Builder
	for {
		tok, err := d.ReadToken()
		if err == io.EOF {
			return b.String()
		}
		if err != nil {
			b.WriteString(errLine(err))
			return b.String()
		}
		fmt.Fprintf(&b, "%d %s %s", tok.Offset, tok.Kind, d.Pointer())
		if tok.Value != nil {
			fmt.Fprintf(&b, " %q", tok.Value)
		}
		b.WriteByte('\n')
	}
}

func checkLine(err error) string {
	if err == nil {
		return ""
	}
	return errLine(err)
}

var _ = strconv.Itoa

// hasher is a cheap tracer for the many split runs: it hashes each event's
// offset, kind, value, pattern and place (depth, index, top name).
type hasher struct {
	h uint64
	n int
}

func (t *hasher) mix(b []byte) {
	for _, c := range b {
		t.h = (t.h ^ uint64(c)) * 0x100000001b3
	}
	t.h = (t.h ^ 0xff) * 0x100000001b3
}

func (t *hasher) num(v int64) {
	t.h = (t.h ^ uint64(v)) * 0x100000001b3
}

func (t *hasher) HandleEvent(p *Parser, ev Event) error {
	t.n++
	t.num(ev.Offset)
	t.num(int64(ev.Kind))
	t.num(int64(ev.Pattern))
	t.num(int64(p.Depth()))
	t.num(p.Index())
	if ev.Value == nil {
		t.num(-1)
	} else {
		t.mix(ev.Value)
	}
	return nil
}

// pushHash parses the chunks and returns a hash of the events and the error.
func pushHash(opts *Options, chunks ...[]byte) string {
	t := &hasher{h: 0xcbf29ce484222325}
	p, err := NewParser(t, opts)
	if err != nil {
		panic(err)
	}
	for _, c := range chunks {
		if _, err = p.Write(c); err != nil {
			break
		}
	}
	if err == nil {
		err = p.Close()
	}
	return fmt.Sprintf("%d events, hash %x, %s", t.n, t.h, checkLine(err))
}
