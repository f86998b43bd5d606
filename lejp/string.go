package lejp

// Strings: a fast scan for strings that end inside the buffer (scanStr),
// decoding of escapes (unescape), and the resumable decoder the Parser uses
// for strings that span buffers or must be delivered in pieces
// (streamString). All three judge a string by the same units, in the same
// order, so an error is found at the same offset however the input is split:
// a plain byte, a backslash escape (escape) or a multi-byte UTF-8 sequence
// (utf8Unit).

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
// buf ends first; or the index of the first bad byte and the cause.
func scanStr(buf []byte, i int, max int64, allow bool) (end int, esc bool, bad int, cause error) {
	return scanStrAt(buf, i, i+1, max, allow)
}

// scanStrAt is scanStr resumed at buf[j], all of buf[i+1:j] being plain
// bytes (none that special flags).
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
				return -1, esc, -1, nil
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
				return -1, esc, -1, nil
			}
			j += n
		}
	}
	if full {
		return -1, esc, i, errTooLong
	}
	return -1, esc, -1, nil
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

// strState is the resumable decoder's state for one string.
type strState struct {
	name    bool
	off     int64 // offset of the opening quote
	raw     int64 // content bytes consumed, pending ones included
	max     int64 // content bytes allowed
	pend    [12]byte
	npend   int
	pendOff int64 // offset of pend[0]
	shift   int   // bytes of sbuf delivered as a piece, to drop
}

// startStream begins decoding the string (or name) whose quote is at s.pos
// with the resumable decoder.
func (s *scanner) startStream(name bool) (Kind, error) {
	max := s.lim.maxString
	if name {
		max = int64(s.lim.maxName)
	} else {
		s.beginElem()
	}
	s.str = strState{name: name, off: s.base + int64(s.pos), max: max}
	if s.sbuf == nil {
		s.sbuf = make([]byte, 0, s.lim.chunk+16)
	}
	s.sbuf = s.sbuf[:0]
	s.inStr = true
	s.pos++
	return s.streamString()
}

func (s *scanner) tooLong() error {
	if s.str.name {
		return s.fail(s.str.off, ErrNameTooLong)
	}
	return s.fail(s.str.off, ErrStringTooLong)
}

// streamString continues the string being decoded: it returns a piece
// (StringChunk), the end (String, or Name), errNeedMore after using all of
// buf, or an error.
func (s *scanner) streamString() (Kind, error) {
	st := &s.str
	if st.shift > 0 {
		n := copy(s.sbuf, s.sbuf[st.shift:])
		s.sbuf = s.sbuf[:n]
		st.shift = 0
	}
	allow := s.lim.allowUTF8
	chunk := s.lim.chunk
	s.tokOff = st.off
	for {
		if !st.name && len(s.sbuf) > chunk {
			c := cutPoint(s.sbuf, chunk)
			st.shift = c
			s.val = s.sbuf[:c]
			return StringChunk, nil
		}
		if st.npend > 0 {
			p := st.pend[:st.npend]
			c := p[0]
			var n int
			switch {
			case c == '"':
				return s.endStream()
			case c == '\\':
				r, m, res := escape(p, allow)
				if res == unitBad {
					return Invalid, s.fail(st.pendOff, ErrInvalidEscape)
				}
				if res == unitSurrogate {
					return Invalid, s.fail(st.pendOff, ErrInvalidUTF8)
				}
				if res == unitMore {
					if k, err := s.pullPend(); err != nil {
						return k, err
					}
					continue
				}
				s.sbuf = utf8.AppendRune(s.sbuf, r)
				n = m
			case c < 0x20:
				return Invalid, s.fail(st.pendOff, ErrInvalidChar)
			case c >= 0x80 && !allow:
				m, res := utf8Unit(p)
				if res == unitBad {
					return Invalid, s.fail(st.pendOff, ErrInvalidUTF8)
				}
				if res == unitMore {
					if k, err := s.pullPend(); err != nil {
						return k, err
					}
					continue
				}
				s.sbuf = append(s.sbuf, p[:m]...)
				n = m
			default:
				s.sbuf = append(s.sbuf, c)
				n = 1
			}
			copy(st.pend[:], p[n:])
			st.npend -= n
			st.pendOff += int64(n)
			continue
		}
		room := st.max + 1 - st.raw
		if room <= 0 {
			return Invalid, s.tooLong()
		}
		if s.pos >= len(s.buf) {
			if s.eof {
				return Invalid, s.fail(s.base+int64(len(s.buf)), ErrUnexpectedEOF)
			}
			return Invalid, errNeedMore
		}
		avail := s.buf[s.pos:]
		cut := false
		if int64(len(avail)) > room {
			avail = avail[:room]
			cut = true
		}
		c := avail[0]
		switch {
		case c == '"':
			s.pos++
			st.raw++
			return s.endStream()
		case c == '\\' || (c >= 0x80 && !allow):
			var n int
			var res int8
			var r rune
			if c == '\\' {
				r, n, res = escape(avail, allow)
			} else {
				n, res = utf8Unit(avail)
			}
			off := s.base + int64(s.pos)
			switch res {
			case unitBad:
				if c == '\\' {
					return Invalid, s.fail(off, ErrInvalidEscape)
				}
				return Invalid, s.fail(off, ErrInvalidUTF8)
			case unitSurrogate:
				return Invalid, s.fail(off, ErrInvalidUTF8)
			case unitMore:
				if cut {
					return Invalid, s.tooLong()
				}
				st.npend = copy(st.pend[:], avail)
				st.pendOff = off
				s.pos += st.npend
				st.raw += int64(st.npend)
				continue
			}
			if c == '\\' {
				s.sbuf = utf8.AppendRune(s.sbuf, r)
			} else {
				s.sbuf = append(s.sbuf, avail[:n]...)
			}
			s.pos += n
			st.raw += int64(n)
		case c < 0x20:
			return Invalid, s.fail(s.base+int64(s.pos), ErrInvalidChar)
		default:
			if !st.name {
				if r := chunk + 1 - len(s.sbuf); len(avail) > r {
					avail = avail[:r]
				}
			}
			j := 1
			for j < len(avail) {
				c := avail[j]
				if c == '"' || c == '\\' || c < 0x20 || (c >= 0x80 && !allow) {
					break
				}
				j++
			}
			s.sbuf = append(s.sbuf, avail[:j]...)
			s.pos += j
			st.raw += int64(j)
		}
	}
}

// pullPend moves one more byte of buf into the pending unit.
func (s *scanner) pullPend() (Kind, error) {
	st := &s.str
	if st.raw >= st.max+1 {
		return Invalid, s.tooLong()
	}
	if s.pos >= len(s.buf) {
		if s.eof {
			return Invalid, s.fail(s.base+int64(len(s.buf)), ErrUnexpectedEOF)
		}
		return Invalid, errNeedMore
	}
	st.pend[st.npend] = s.buf[s.pos]
	st.npend++
	s.pos++
	st.raw++
	return Invalid, nil
}

// endStream finishes the string at its closing quote.
func (s *scanner) endStream() (Kind, error) {
	s.inStr = false
	s.str.npend = 0
	if s.str.name {
		return s.finishName(s.sbuf, false, nameKey(s.sbuf))
	}
	s.val = s.sbuf
	if s.val == nil {
		s.val = empty
	}
	s.afterValue()
	return String, nil
}

// stringValue reads a string value at s.pos.
func (s *scanner) stringValue() (Kind, error) {
	i := s.pos
	// A plain string (most) is found eight bytes at a time; scanStrAt
	// takes on at the first other special byte.
	j := plainEnd(s.buf, i+1, i+1+s.lim.chunk)
	if j < len(s.buf) && s.buf[j] == '"' {
		if k := j - i - 1; int64(k) <= s.lim.maxString && !(s.stream && k > s.lim.chunk) {
			s.beginElem()
			s.tokOff = s.base + int64(i)
			s.val = s.buf[i+1 : j]
			s.pos = j + 1
			s.afterValue()
			return String, nil
		}
	}
	// Escapes and UTF-8 as Check's fast pass takes them (fastStrFrom
	// accepts exactly what scanStrAt accepts); scanStrAt again only for a
	// string it does not accept, to say why.
	end, esc := fastStrFrom(s.buf, i, j, s.lim.maxString, s.lim.allowUTF8)
	var bad int
	var cause error
	if end < 0 {
		end, esc, bad, cause = scanStrAt(s.buf, i, j, s.lim.maxString, s.lim.allowUTF8)
	}
	// In stream mode a string longer than a piece goes to the resumable
	// decoder; a shorter one decodes to at most its own length, so it is
	// one String event either way.
	if cause == nil && end >= 0 && !(s.stream && end-i-2 > s.lim.chunk) {
		s.beginElem()
		s.tokOff = s.base + int64(i)
		raw := s.buf[i+1 : end-1]
		if esc && !s.noDecode {
			s.sbuf = unescape(s.sbuf[:0], raw, s.lim.allowUTF8)
			s.val = s.sbuf
		} else {
			s.val = raw
		}
		s.pos = end
		s.afterValue()
		return String, nil
	}
	if s.stream {
		return s.startStream(false)
	}
	if cause != nil || s.eof {
		s.beginElem()
	}
	return s.strFail(bad, cause, ErrStringTooLong)
}

func (s *scanner) strFail(bad int, cause, tooLong error) (Kind, error) {
	switch cause {
	case nil:
		if s.eof {
			return Invalid, s.fail(s.base+int64(len(s.buf)), ErrUnexpectedEOF)
		}
		return Invalid, errNeedMore
	case errTooLong:
		cause = tooLong
	}
	return Invalid, s.fail(s.base+int64(bad), cause)
}

// name reads a member name at s.pos.
func (s *scanner) name() (Kind, error) {
	i := s.pos
	j, key := plainNameEnd(s.buf, i, s.lim.maxName)
	if key != 0 {
		s.tokOff = s.base + int64(i)
		s.pos = j + 1
		nm := s.buf[i+1 : j]
		if s.borrowNames && !s.lim.allowDup && len(s.pats) == 0 {
			// finishName's most common case here, one call less: a name
			// in the whole input, kept as is, of a small object whose
			// filter bit is clear, within the memory bound, with room in
			// s.ents. (nm is not nil: it is a piece of s.buf.)
			f := &s.frames[s.depth-1]
			b := (key * 0x9E3779B97F4A7C15) >> 56
			w, bit := b>>6&3, uint64(1)<<(b&63)
			n := len(s.ents)
			if !f.hashed && f.bloom[w]&bit == 0 && n-f.ents < linearNames && n < cap(s.ents) &&
				s.nameMem+len(nm)+nameOverhead <= s.lim.maxNameMem {
				f.index++
				f.name = nm
				f.bloom[w] |= bit
				s.nameMem += len(nm) + nameOverhead
				s.ents = s.ents[:n+1]
				e := &s.ents[n]
				e.nm, e.key, e.hash = nm, key, 0
				s.val = nm
				s.state = stColon
				return Name, nil
			}
		}
		return s.finishName(nm, s.borrowNames, key)
	}
	end, esc, bad, cause := scanStrAt(s.buf, i, j, int64(s.lim.maxName), s.lim.allowUTF8)
	if cause == nil && end >= 0 {
		s.tokOff = s.base + int64(i)
		raw := s.buf[i+1 : end-1]
		s.pos = end
		if esc {
			s.sbuf = unescape(s.sbuf[:0], raw, s.lim.allowUTF8)
			return s.finishName(s.sbuf, false, nameKey(s.sbuf))
		}
		return s.finishName(raw, s.borrowNames, nameKey(raw))
	}
	if s.stream {
		return s.startStream(true)
	}
	return s.strFail(bad, cause, ErrNameTooLong)
}
