package lecp

import (
	"strconv"
	"strings"
)

// traceLine renders one event for golden traces and split comparisons.
func traceLine(ev *Event, path string) string {
	var b []byte
	b = append(b, ev.Kind.String()...)
	switch ev.Kind {
	case Uint, TagStart, Simple:
		b = append(b, ' ')
		b = strconv.AppendUint(b, ev.Uint, 10)
	case Nint:
		b = append(b, ' ')
		b = appendNegDecimal(b, ev.Uint)
	case ArrayStart, MapStart:
		b = append(b, ' ')
		if ev.Indefinite {
			b = append(b, '_')
		} else {
			b = strconv.AppendUint(b, ev.Uint, 10)
		}
	case Bytes, BytesChunk, Raw:
		b = append(b, ' ')
		b = appendHexBytes(b, ev.Value)
	case Text, TextChunk:
		b = append(b, ' ')
		b = appendQuoted(b, ev.Value)
	case Float:
		b = append(b, ' ')
		b = appendDiagFloat(b, ev.Float, true)
		b = append(b, " w"...)
		b = strconv.AppendUint(b, uint64(ev.Width), 10)
	}
	if path != "" {
		b = append(b, " @"...)
		b = append(b, path...)
	}
	if ev.Pattern >= 0 {
		b = append(b, " #"...)
		b = strconv.AppendInt(b, int64(ev.Pattern), 10)
	}
	return string(b)
}

// writeSplit writes data to p in pieces of split(i) bytes (the rest whole;
// all at once if split is nil), then closes p, and returns the first error.
func writeSplit(p *Parser, data []byte, split func(i int) int) error {
	for i := 0; len(data) > 0; i++ {
		n := len(data)
		if split != nil {
			n = min(split(i), len(data))
		}
		if _, err := p.Write(data[:n]); err != nil {
			return err
		}
		data = data[n:]
	}
	return p.Close()
}

// tracePush runs the push parser over data split into pieces of the given
// sizes (the rest whole) and returns the trace, or the error text last.
func tracePush(data []byte, opts *Options, split func(i int) int, patterns ...string) string {
	var sb strings.Builder
	p, err := NewParser(HandlerFunc(func(p *Parser, ev *Event) error {
		sb.WriteString(traceLine(ev, p.Path()))
		sb.WriteByte('\n')
		return nil
	}), opts, patterns...)
	if err != nil {
		return "pattern error: " + err.Error()
	}
	if err := writeSplit(p, data, split); err != nil {
		sb.WriteString("error: " + err.Error() + "\n")
	}
	return sb.String()
}

// traceCaptureAll traces data without patterns, calling Capture on every
// event (it succeeds on each item's first event while no capture runs), so
// Raw events show the exact bytes of items at every depth.
func traceCaptureAll(data []byte, opts *Options, split func(i int) int) string {
	var sb strings.Builder
	p, _ := NewParser(HandlerFunc(func(p *Parser, ev *Event) error {
		sb.WriteString(traceLine(ev, p.Path()))
		sb.WriteByte('\n')
		if ev.Kind != Raw && p.Depth()%2 == 1 {
			p.Capture()
		}
		return nil
	}), opts)
	if err := writeSplit(p, data, split); err != nil {
		sb.WriteString("error: " + err.Error() + "\n")
	}
	return sb.String()
}
