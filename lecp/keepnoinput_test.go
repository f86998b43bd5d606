package lecp

import (
	"runtime"
	"testing"
	"weak"
)

// TestReusedReadersKeepNoInput: a Checker kept for reuse, and a Parser or
// Decoder reset for reuse (Reset, ResetBytes(nil)), hold nothing of the
// input they read: it is collected once the caller drops it, as lejp's
// TestCheckKeepsNoInput and TestResetBytesKeepsNoInput ask of lejp. On the
// base a Checker that read an input through the machine kept the last
// event's Value (a slice of the input), and a reset Parser the bytes of
// its last event (raw, for Capture).
func TestReusedReadersKeepNoInput(t *testing.T) {
	docs := []string{"\x9f\x61a\x82\x41b\x01", "\xa1\x61a\x9f\x62bc\xff", "\x7f\x63abc\xff", "\x82\x61a\x1c"}
	input := func(doc string) ([]byte, weak.Pointer[byte]) {
		in := make([]byte, 1<<20)
		copy(in, doc)
		return in[:len(doc)], weak.Make(&in[0])
	}
	collected := func(name, doc string, wp weak.Pointer[byte]) {
		runtime.GC()
		if wp.Value() != nil {
			t.Errorf("%s %x: the input is still reachable after a collection", name, doc)
		}
	}
	for _, doc := range docs {
		c := NewChecker(nil)
		in, wp := input(doc)
		c.Check(in)
		in = nil
		collected("Checker", doc, wp)
		runtime.KeepAlive(c)

		p, _ := NewParser(HandlerFunc(func(*Parser, *Event) error { return nil }), nil, "[0]")
		in, wp = input(doc)
		p.Write(in)
		p.Reset()
		in = nil
		collected("Parser", doc, wp)
		runtime.KeepAlive(p)

		d := NewDecoderBytes(nil, nil)
		in, wp = input(doc)
		d.ResetBytes(in)
		for {
			if _, err := d.ReadToken(); err != nil {
				break
			}
		}
		d.ResetBytes(nil)
		in = nil
		collected("Decoder", doc, wp)
		runtime.KeepAlive(d)
	}
}
