package lejp

// The resumable string decoder: strings (and names) that span buffers or
// must be delivered in pieces (streamString), and the scanner's entry
// points for a string value (stringValue) and a member name (name). It
// judges a string by the same units as the fast scan in string.go (escape,
// utf8Unit), so an error is found at the same offset however the input is
// split.

import "unicode/utf8"

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

// heldPiece makes the content the resumable decoder holds the next piece
// (s.val), as if the string were cut there, and reports whether it holds
// any: for the Decoder's string reader, which returns what it has rather
// than wait for more input (io.Reader's convention), once streamString
// has returned errNeedMore. What it holds is decoded and checked: a unit
// cut by the buffer's end (an escape, a UTF-8 sequence) is pending, out of
// sbuf. With AllowInvalidUTF8, where bytes are not checked as units, a
// sequence sbuf ends inside is held back, so that a piece of valid UTF-8
// ends on a rune boundary, as a StringChunk does. The Parser does not call
// it: where its pieces end depends on the string alone.
//
// The Decoder also calls it once streamString has failed with
// ErrUnexpectedEOF, the input ending inside the string, so that what it
// decoded comes before the error. The scanner then returns its error
// without running streamString, so a shift still set means the content
// it held has been delivered: there is nothing more.
func (s *scanner) heldPiece() bool {
	if !s.inStr || s.str.name || s.str.shift > 0 {
		return false
	}
	c := runeEnd(s.sbuf)
	if c == 0 {
		return false
	}
	s.str.shift = c
	s.val = s.sbuf[:c]
	return true
}

// runeEnd is the length of b without the UTF-8 sequence it ends inside,
// if it ends inside one: a rune start that is not a full rune, followed
// by no more than its continuation bytes. (The Decoder's string reader
// holds that sequence back, and so does the Writer's StringPiece.)
func runeEnd[T byteText](b T) int {
	for i := len(b) - 1; i >= 0 && i >= len(b)-utf8.UTFMax+1; i-- {
		if utf8.RuneStart(b[i]) {
			// at most three bytes converted, on the stack
			if !utf8.FullRuneInString(string(b[i:])) {
				return i
			}
			break
		}
	}
	return len(b)
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
	var (
		end, bad int
		esc      bool
		cause    error
	)
	if s.partQuote == 0 {
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
		// accepts exactly what scanStrAt accepts); scanStrAt again only
		// for a string it does not accept, to say why.
		end, esc = fastStrFrom(s.buf, i, j, s.lim.maxString, s.lim.allowUTF8)
		if end < 0 {
			end, esc, bad, cause = scanStrAt(s.buf, i, j, s.lim.maxString, s.lim.allowUTF8)
		}
	} else {
		// The rest of a string the Decoder's buffer ended inside.
		j, esc0 := s.takePart(i)
		end, esc, bad, cause = scanStrAt(s.buf, i, j, s.lim.maxString, s.lim.allowUTF8)
		esc = esc || esc0
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
	} else {
		s.keepPart(i, bad, esc)
	}
	return s.strFail(bad, cause, ErrStringTooLong)
}

// keepPart records, for a string (value or name) at buf[i] that buf ends
// inside, how far it is checked (buf[at], a unit boundary) and whether that
// part has escapes. A Decoder reading an io.Reader then calls next again
// with more input after the same bytes, and stringValue or name scan on
// from there (takePart): scanning the string again from its quote after
// every Read would cost n²/2k for a string of n bytes arriving k at a time
// (hours for one of the default MaxStringLen in pieces of a few KiB).
// Only the Decoder needs it: the Parser decodes strings in pieces
// (startStream) and Check has its whole input.
func (s *scanner) keepPart(i, at int, esc bool) {
	s.partQuote = s.base + int64(i) + 1
	s.partAt = s.base + int64(at)
	s.partEsc = esc
}

// takePart returns where to scan on the string at buf[i] and whether its
// part up to there has escapes: what keepPart recorded if it was this
// string, else from the start. It clears the record.
func (s *scanner) takePart(i int) (j int, esc bool) {
	j = i + 1
	if s.partQuote == s.base+int64(i)+1 {
		j, esc = int(s.partAt-s.base), s.partEsc
	}
	s.partQuote = 0
	return j, esc
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
	var (
		j    int
		key  uint64
		esc0 bool
	)
	if s.partQuote == 0 {
		j, key = plainNameEnd(s.buf, i, s.lim.maxName)
	} else {
		// The rest of a name the Decoder's buffer ended inside.
		j, esc0 = s.takePart(i)
	}
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
	esc = esc || esc0
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
	if cause == nil && !s.eof {
		s.keepPart(i, bad, esc)
	}
	return s.strFail(bad, cause, ErrNameTooLong)
}
