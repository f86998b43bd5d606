package lejp

// Strings: a fast scan for strings that end inside the buffer (scanStr),
// decoding of escapes (unescape), and the resumable decoder the Parser uses
// for strings that span buffers or must be delivered in pieces
// (streamString, in stringstream.go). All three judge a string by the same
// units, in the same order, so an error is found at the same offset however
// the input is split: a plain byte, a backslash escape (escape) or a
// multi-byte UTF-8 sequence (utf8Unit).

import (
	"bytes"
	"encoding/binary"
	"errors"
	"math/bits"
	"unicode/utf8"
)

// Unit results.
const (
	unitOK int8 = iota
	unitMore
	unitBad
	unitSurrogate // a \u escape of a lone or misordered surrogate
)

var errTooLong = errors.New("too long") // internal: mapped to the name or string sentinel

func unhex(c byte) rune {
	switch {
	case c >= '0' && c <= '9':
		return rune(c - '0')
	case c >= 'a' && c <= 'f':
		return rune(c - 'a' + 10)
	case c >= 'A' && c <= 'F':
		return rune(c - 'A' + 10)
	}
	return -1
}

// hex4 decodes the four hex digits of a \u escape.
func hex4(b []byte) (rune, int8) {
	var r rune
	for i := 0; i < 4; i++ {
		if i >= len(b) {
			return 0, unitMore
		}
		h := unhex(b[i])
		if h < 0 {
			return 0, unitBad
		}
		r = r<<4 | h
	}
	return r, unitOK
}

// escape decodes the escape at the start of b (b[0] == '\\'): the rune it
// stands for and the number of bytes it takes. A high surrogate must be
// followed by an escaped low surrogate (RFC 8259 §7); with allow, a lone or
// misordered surrogate decodes to U+FFFD instead of being an error.
func escape(b []byte, allow bool) (rune, int, int8) {
	if len(b) < 2 {
		return 0, 0, unitMore
	}
	switch b[1] {
	case '"', '\\', '/':
		return rune(b[1]), 2, unitOK
	case 'b':
		return '\b', 2, unitOK
	case 'f':
		return '\f', 2, unitOK
	case 'n':
		return '\n', 2, unitOK
	case 'r':
		return '\r', 2, unitOK
	case 't':
		return '\t', 2, unitOK
	case 'u':
	default:
		return 0, 0, unitBad
	}
	r, st := hex4(b[2:])
	if st != unitOK {
		return 0, 0, st
	}
	if r < 0xD800 || r > 0xDFFF {
		return r, 6, unitOK
	}
	lone := func() (rune, int, int8) {
		if allow {
			return utf8.RuneError, 6, unitOK
		}
		return 0, 0, unitSurrogate
	}
	if r >= 0xDC00 {
		return lone()
	}
	rest := b[6:]
	if len(rest) == 0 {
		return 0, 0, unitMore
	}
	if rest[0] != '\\' {
		return lone()
	}
	if len(rest) < 2 {
		return 0, 0, unitMore
	}
	if rest[1] != 'u' {
		return lone()
	}
	r2, st := hex4(rest[2:])
	if st == unitMore {
		return 0, 0, unitMore
	}
	if st == unitBad || r2 < 0xDC00 || r2 > 0xDFFF {
		return lone()
	}
	return 0x10000 + (r-0xD800)<<10 + (r2 - 0xDC00), 12, unitOK
}

// utf8Run returns the end of the run of well-formed 2- and 3-byte UTF-8
// sequences starting at buf[j], within buf[:lim] (j if there is none).
func utf8Run(buf []byte, j, lim int) int {
	// Two 3-byte sequences (most CJK text) at a time: leads 1110xxxx but
	// not E0 or ED (whose second byte is restricted), then two
	// continuation bytes each.
	for j+8 <= lim {
		w := binary.LittleEndian.Uint64(buf[j : j+8])
		if w&0xC0C0F0C0C0F0 != 0x8080E08080E0 {
			break
		}
		if b0, b3 := byte(w), byte(w>>24); b0 == 0xE0 || b0 == 0xED || b3 == 0xE0 || b3 == 0xED {
			break
		}
		j += 6
	}
	for j+2 < lim {
		c := buf[j]
		c1 := buf[j+1]
		switch {
		case c >= 0xC2 && c < 0xE0:
			if c1&0xC0 != 0x80 {
				return j
			}
			j += 2
		case c >= 0xE1 && c < 0xF0 && c != 0xED:
			if c1&0xC0 != 0x80 || buf[j+2]&0xC0 != 0x80 {
				return j
			}
			j += 3
		default:
			return j
		}
	}
	return j
}

// utf8Unit checks the UTF-8 sequence at the start of b (b[0] >= 0x80).
func utf8Unit(b []byte) (int, int8) {
	if !utf8.FullRune(b) {
		return 0, unitMore
	}
	r, n := utf8.DecodeRune(b)
	if r == utf8.RuneError && n == 1 {
		return 0, unitBad
	}
	return n, unitOK
}

const (
	lo8 = 0x0101010101010101
	hi8 = 0x8080808080808080
)

// special flags (high bit of each byte) the bytes of x that end a plain run
// in a string: '"', '\\', control characters and non-ASCII bytes. The
// lowest flagged byte is always a true one (bytes above it may be flagged
// falsely: it is fastSpecial, and every caller looks only at the lowest
// flag or at whether there is one).
func special(x uint64) uint64 { return fastSpecial(x) }

// scanStr scans the string whose opening quote is buf[i], looking at no
// more than max+1 content bytes. It returns the index just past the closing
// quote and whether the string has escapes; or end -1 and cause nil when
// buf ends first, bad then being where the scan stopped (the start of the
// unit that buf cuts, or len(buf)), from where it can resume; or the index
// of the first bad byte and the cause.
func scanStr(buf []byte, i int, max int64, allow bool) (end int, esc bool, bad int, cause error) {
	return scanStrAt(buf, i, i+1, max, allow)
}

// scanStrAt is scanStr resumed at buf[j], buf[i+1:j] being whole units
// already checked; esc then tells only of escapes from j on.
func scanStrAt(buf []byte, i, j int, max int64, allow bool) (end int, esc bool, bad int, cause error) {
	start := i + 1
	lim := len(buf)
	full := false
	if int64(lim-start) > max {
		lim = start + int(max) + 1
		full = true
	}
	for {
		for j+8 <= lim {
			m := special(binary.LittleEndian.Uint64(buf[j : j+8]))
			if m != 0 {
				j += bits.TrailingZeros64(m) >> 3
				goto slow
			}
			j += 8
		}
		if j >= lim {
			break
		}
	slow:
		c := buf[j]
		switch {
		case c == '"':
			return j + 1, esc, -1, nil
		case c == '\\':
			esc = true
			_, n, st := escape(buf[j:lim], allow)
			switch st {
			case unitBad:
				return -1, esc, j, ErrInvalidEscape
			case unitSurrogate:
				return -1, esc, j, ErrInvalidUTF8
			case unitMore:
				if full {
					return -1, esc, i, errTooLong
				}
				return -1, esc, j, nil
			}
			j += n
		case c < 0x20:
			return -1, esc, j, ErrInvalidChar
		case c < 0x80 || allow:
			j++
		default:
			// Runs of well-formed 2- and 3-byte sequences (most non-ASCII
			// text) are checked inline; anything else goes to utf8Unit.
			if k := utf8Run(buf, j, lim); k > j {
				j = k
				continue
			}
			n, st := utf8Unit(buf[j:lim])
			switch st {
			case unitBad:
				return -1, esc, j, ErrInvalidUTF8
			case unitMore:
				if full {
					return -1, esc, i, errTooLong
				}
				return -1, esc, j, nil
			}
			j += n
		}
	}
	if full {
		return -1, esc, i, errTooLong
	}
	return -1, esc, j, nil
}

// unescape appends the decoding of raw (a string's content, already
// checked by scanStr) to dst.
func unescape(dst, raw []byte, allow bool) []byte {
	for len(raw) > 0 {
		k := bytes.IndexByte(raw, '\\')
		if k < 0 {
			k = len(raw)
		}
		dst = append(dst, raw[:k]...)
		raw = raw[k:]
		if len(raw) == 0 {
			break
		}
		r, n, st := escape(raw, allow)
		if st != unitOK {
			// Only a high surrogate at the very end of the content (seen
			// as lone by scanStr, which saw the closing quote).
			r, n = utf8.RuneError, 6
		}
		dst = utf8.AppendRune(dst, r)
		raw = raw[n:]
	}
	return dst
}

// cutPoint is where a piece of a long string ends: at most chunk bytes, and
// not inside a UTF-8 sequence (b[chunk] is known: len(b) > chunk). It
// depends only on the decoded bytes, so pieces are the same however the
// input was split.
func cutPoint(b []byte, chunk int) int {
	c := chunk
	for k := 0; k < 3 && b[c]&0xC0 == 0x80; k++ {
		c--
	}
	if b[c]&0xC0 == 0x80 {
		return chunk
	}
	return c
}
