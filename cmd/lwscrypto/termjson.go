package main

import (
	"fmt"
	"io"
	"unicode/utf8"
)

// JSON text printed to a terminal carries the input's strings, and JSON
// allows raw in a string what a terminal acts on rather than shows: C1
// controls (U+009B is CSI), the line and paragraph separators and the
// bidirectional controls (as terminalSafe escapes them).
// On a terminal they are written as \uXXXX, the same JSON value; outside
// strings JSON text holds only ASCII, so escaping the whole text is safe.
// A carriage return, which JSON allows as whitespace between tokens, is
// written as a space: raw, it returns to the line's start, and what
// follows overwrites what the line showed ("verified":false).
// Bytes that are not UTF-8 (--allow-invalid-utf8) become \xXX, as in
// terminalSafe. Output to a file or a pipe is left as it is.

// appendTerminalJSON appends b to dst with those code points escaped. An
// incomplete UTF-8 sequence at the end of b is not consumed: it is
// returned as rest, to be completed by what follows.
func appendTerminalJSON(dst, b []byte) (out, rest []byte) {
	for i := 0; i < len(b); {
		c := b[i]
		if c < utf8.RuneSelf {
			switch {
			case c == '\r':
				// Whitespace between tokens (a string cannot hold it
				// raw): a space is the same JSON value, and cannot
				// return to the line's start to overwrite it.
				dst = append(dst, ' ')
			case c == 0x7f || c < 0x20 && c != '\n' && c != '\t':
				// DEL; other C0 controls cannot be in JSON text at all
				dst = fmt.Appendf(dst, `\u%04x`, c)
			default:
				dst = append(dst, c)
			}
			i++
			continue
		}
		if !utf8.FullRune(b[i:]) {
			return dst, b[i:]
		}
		r, n := utf8.DecodeRune(b[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			dst = fmt.Appendf(dst, `\x%02x`, c)
		case terminalActs(r):
			dst = fmt.Appendf(dst, `\u%04x`, r)
		default:
			dst = append(dst, b[i:i+n]...)
		}
		i += n
	}
	return dst, nil
}

// terminalJSON returns b escaped for w if w is a terminal, else b.
func terminalJSON(w io.Writer, b []byte) []byte {
	if !isTerminal(w) {
		return b
	}
	out, rest := appendTerminalJSON(nil, b)
	return append(out, terminalJSONTail(rest)...)
}

// jsonWriter returns a writer of JSON text to w: w itself, or, if w is a
// terminal, a writer escaping as terminalJSON does. Its Flush writes what
// it held back (an incomplete sequence at the end).
func jsonWriter(w io.Writer) interface {
	io.Writer
	Flush() error
} {
	if !isTerminal(w) {
		return plainWriter{w}
	}
	return &terminalJSONWriter{w: w}
}

// flushBoth flushes a buffer, then the jsonWriter under it.
func flushBoth(buf interface{ Flush() error }, jw interface{ Flush() error }) error {
	if err := buf.Flush(); err != nil {
		return err
	}
	return jw.Flush()
}

type plainWriter struct{ io.Writer }

func (plainWriter) Flush() error { return nil }

type terminalJSONWriter struct {
	w         io.Writer
	held, buf []byte
}

func (t *terminalJSONWriter) Write(p []byte) (int, error) {
	in := p
	if len(t.held) > 0 {
		in = append(t.held, p...)
	}
	var rest []byte
	t.buf, rest = appendTerminalJSON(t.buf[:0], in)
	t.held = append([]byte(nil), rest...)
	if _, err := t.w.Write(t.buf); err != nil {
		return 0, err
	}
	return len(p), nil
}

func (t *terminalJSONWriter) Flush() error {
	if len(t.held) == 0 {
		return nil
	}
	_, err := t.w.Write(terminalJSONTail(t.held))
	t.held = nil
	return err
}

// terminalJSONTail escapes an incomplete UTF-8 sequence left at the end.
func terminalJSONTail(b []byte) []byte {
	var out []byte
	for _, c := range b {
		out = fmt.Appendf(out, `\x%02x`, c)
	}
	return out
}
