package bench

import (
	"io"
	"testing"
	"unicode/utf8"

	"github.com/lwscrypto/lwscrypto/lecp"
)

// Floors for lecp-events: what a strict, event-per-item parser cannot avoid
// on each file, measured apart from parsing.
//
//	floor-handler       the lecp-events handler called once per event with
//	                    an Event already filled (the events collected at
//	                    setup): the delivery cost alone, no parsing
//	floor-texts-strict  lecp.Check of one array holding every text string of
//	                    the file (keys and values), strict
//	floor-texts-lax     the same array with AllowInvalidUTF8: the difference
//	                    to floor-texts-strict is lecp's UTF-8 validation
//	floor-texts-stdlib  utf8.Valid over the same strings (reference)
//	lecp-events-nodup   lecp-events with AllowDuplicateKeys (each map's
//	                    current key is still kept, for paths)
//	lecp-events-noutf8  lecp-events with AllowInvalidUTF8: the difference to
//	                    lecp-events is the UTF-8 cost inside the event path
//	lecp-check-noutf8   lecp-check with AllowInvalidUTF8: its difference to
//	                    lecp-check-lax is the duplicate-key detection cost
//	                    (check-lax keeps no keys at all)
var cborFloorImpls = []cborImpl{
	{"floor-handler", func(data []byte) func() error {
		evs := cborEvents(data)
		n := 0
		h := lecp.HandlerFunc(func(*lecp.Parser, *lecp.Event) error { n++; return nil })
		p, _ := lecp.NewParser(h, nil)
		return func() error {
			for i := range evs {
				if err := h(p, &evs[i]); err != nil {
					return err
				}
			}
			return nil
		}
	}},
	{"floor-texts-strict", func(data []byte) func() error {
		arr := cborTextArray(data)
		c := lecp.NewChecker(nil)
		return func() error { return c.Check(arr) }
	}},
	{"floor-texts-lax", func(data []byte) func() error {
		arr := cborTextArray(data)
		c := lecp.NewChecker(&lecp.Options{AllowInvalidUTF8: true})
		return func() error { return c.Check(arr) }
	}},
	{"floor-texts-stdlib", func(data []byte) func() error {
		texts := cborTexts(data)
		return func() error {
			for _, s := range texts {
				if !utf8.Valid(s) {
					return io.ErrUnexpectedEOF
				}
			}
			return nil
		}
	}},
	{"lecp-events-nodup", func(data []byte) func() error {
		return cborEventsRun(data, &lecp.Options{AllowDuplicateKeys: true})
	}},
	{"lecp-events-noutf8", func(data []byte) func() error {
		return cborEventsRun(data, &lecp.Options{AllowInvalidUTF8: true})
	}},
	{"lecp-check-noutf8", func(data []byte) func() error {
		c := lecp.NewChecker(&lecp.Options{AllowInvalidUTF8: true})
		return func() error { return c.Check(data) }
	}},
}

func cborEventsRun(data []byte, opts *lecp.Options) func() error {
	n := 0
	p, _ := lecp.NewParser(lecp.HandlerFunc(func(*lecp.Parser, *lecp.Event) error { n++; return nil }), opts)
	return func() error {
		p.Reset()
		if _, err := p.Write(data); err != nil {
			return err
		}
		return p.Close()
	}
}

// cborEvents returns the events lecp-events delivers for data (their
// Values borrow data).
func cborEvents(data []byte) []lecp.Event {
	var evs []lecp.Event
	p, _ := lecp.NewParser(lecp.HandlerFunc(func(_ *lecp.Parser, ev *lecp.Event) error {
		evs = append(evs, *ev)
		return nil
	}), nil)
	if _, err := p.Write(data); err != nil {
		panic(err)
	}
	if err := p.Close(); err != nil {
		panic(err)
	}
	return evs
}

// cborTexts returns every text string of data (map keys included).
func cborTexts(data []byte) [][]byte {
	var texts [][]byte
	for _, ev := range cborEvents(data) {
		if ev.Kind == lecp.Text {
			texts = append(texts, ev.Value)
		}
	}
	return texts
}

// cborTextArray encodes cborTexts(data) as one array.
func cborTextArray(data []byte) []byte {
	texts := cborTexts(data)
	arr := lecp.AppendArrayHeader(nil, uint64(len(texts)))
	for _, s := range texts {
		arr = lecp.AppendTextBytes(arr, s)
	}
	return arr
}

// BenchmarkCBORFloor runs the floors of cborFloorImpls on each file.
func BenchmarkCBORFloor(b *testing.B) { benchCBOR(b, cborFloorImpls) }
