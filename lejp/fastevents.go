package lejp

import (
	"encoding/binary"
	"math/bits"
)

// fastRun is the Parser's fast path: one goto-structured loop that reads
// the tokens lying wholly inside the current buffer and calls the Handler
// for each, with the buffer, the position and the current container in
// locals instead of the scanner's resumable per-token state machine
// (next). It delivers exactly what next would: the same events, with the
// scanner's state (depth, frames, member names, patterns) updated as next
// updates it before each Handler call, so that Depth, Index, Path, Pointer
// and Wildcard answer the same.
//
// When the Handler calls Capture, it stops after that event (captured):
// run reads the captured value through next.
//
// It never takes a token it is unsure of: at a token that crosses the end
// of the buffer, a string to deliver in pieces or with a bad byte, an
// escaped member name, a limit reached (but the name memory), a comment or
// anything malformed, it stops at that token's first byte with s.state as
// next would have it there, and the Parser lets next read that token (and
// find the error, at the same offset and path). The only syntax errors it
// returns itself are addName's, a duplicate member name or too many names,
// reached as next reaches them (same offset and path). So events and errors
// are the same for every split of the input.
func (p *Parser) fastRun() error {
	s := &p.s
	if s.inStr || s.inComm || s.err != nil || s.lim.allowComment || noFastRun {
		return nil
	}
	if s.pendPush != 0 {
		s.push(s.pendPush == 1)
		s.pendPush = 0
	}
	// Only the input, the position, the byte at hand and the token being
	// delivered live in registers; the rest of the loop's state is in v
	// (memory, as its address is taken), used at a member name, a
	// container's start or end, or an event's delivery. (With all of it in
	// locals, the loop spilled and shuffled registers at every label.)
	v := &fastVars{
		lowEnts:  len(s.ents),
		minDepth: s.depth,
	}
	if call, ok := p.h.(HandlerFunc); ok && len(s.pats) == 0 {
		v.call, v.fn = call, true
	}
	var (
		buf   = s.buf
		n     = len(buf)
		i     = s.pos
		top   *frame
		k     Kind
		val   []byte
		start int
		c     byte
	)
	if s.depth > 0 {
		top = &s.frames[s.depth-1]
	}
	switch s.state {
	case stValue:
		goto value
	case stFirstElem:
		goto firstElem
	case stFirstName:
		goto firstName
	case stName:
		goto name
	case stColon:
		goto colon
	case stAfter:
		goto after
	}
	return nil // stDone: what follows is next's to judge

firstElem:
	if i < n && buf[i] <= ' ' {
		// Whitespace, inline (skipWS): each whitespace byte and the
		// spaces after it, a word at a time.
	ws1:
		for {
			if c = buf[i]; c != ' ' && c != '\n' && c != '\r' && c != '\t' {
				break
			}
			if i+8 > n {
				i++
			} else if y := (binary.LittleEndian.Uint64(buf[i:i+8]) ^ spaces8) >> 8; y != 0 {
				i += 1 + bits.TrailingZeros64(y)>>3
			} else {
				for i += 8; i+8 <= n; i += 8 {
					if y := binary.LittleEndian.Uint64(buf[i:i+8]) ^ spaces8; y != 0 {
						i += bits.TrailingZeros64(y) >> 3
						break
					}
				}
			}
			if i >= n || buf[i] > ' ' {
				break ws1
			}
		}
	}
	if i >= n {
		s.pos, s.state = i, stFirstElem
		goto back
	}
	if c = buf[i]; c == ']' {
		goto closeArray
	}
	if (c-'0' <= 9 || c == '-') && v.fn {
		goto numElem
	}
	goto valueAt

value:
	if i < n && buf[i] == ' ' {
		i++ // the space of ", "
	}
valueWS:
	if i < n && buf[i] <= ' ' {
		// Whitespace, inline (skipWS): each whitespace byte and the
		// spaces after it, a word at a time.
	ws2:
		for {
			if c = buf[i]; c != ' ' && c != '\n' && c != '\r' && c != '\t' {
				break
			}
			if i+8 > n {
				i++
			} else if y := (binary.LittleEndian.Uint64(buf[i:i+8]) ^ spaces8) >> 8; y != 0 {
				i += 1 + bits.TrailingZeros64(y)>>3
			} else {
				for i += 8; i+8 <= n; i += 8 {
					if y := binary.LittleEndian.Uint64(buf[i:i+8]) ^ spaces8; y != 0 {
						i += bits.TrailingZeros64(y) >> 3
						break
					}
				}
			}
			if i >= n || buf[i] > ' ' {
				break ws2
			}
		}
	}
	if i >= n {
		s.pos, s.state = i, stValue
		goto back
	}
valueAt:
	start = i
	c = buf[i]
	switch {
	case c == '"':
		// A run of plain bytes, eight at a time, up to the first byte
		// special flags: a closing quote ends the string here; anything
		// else, scanStrAt takes on from there.
		j := plainEnd(buf, i+1, i+1+s.lim.chunk)
		if j < n && buf[j] == '"' {
			if l := j - i - 1; int64(l) <= s.lim.maxString && l <= s.lim.chunk {
				val = buf[i+1 : j]
				i = j + 1
				k = String
				goto scalar
			}
		}
		// Escapes and UTF-8 as Check's fast pass takes them, with
		// scanStr's verdict (fastStrFrom).
		end, esc := fastStrFrom(buf, i, j, s.lim.maxString, s.lim.allowUTF8)
		if end < 0 || end-i-2 > s.lim.chunk {
			s.pos, s.state = i, stValue
			goto back
		}
		val = buf[i+1 : end-1]
		if esc {
			s.sbuf = unescape(s.sbuf[:0], val, s.lim.allowUTF8)
			val = s.sbuf
		}
		i = end
		k = String
		goto scalar
	case c-'0' <= 9 || c == '-':
		// The number grammar in one pass, inline (a call would cost the
		// spilling of every live local).
		j := i
		if c == '-' {
			j++
		}
		if j >= n {
			s.pos, s.state = i, stValue
			goto back
		}
		if d := buf[j]; d == '0' {
			j++
		} else if d-'1' <= 8 {
			j = digits(buf, j+1, n)
		} else {
			s.pos, s.state = i, stValue
			goto back
		}
		k = Int
		if j < n && buf[j] == '.' {
			k = Float
			j++
			d := j
			if j = digits(buf, j, n); j == d {
				s.pos, s.state = i, stValue
				goto back
			}
		}
		if j < n && buf[j]|0x20 == 'e' {
			k = Float
			j++
			if j < n && (buf[j] == '+' || buf[j] == '-') {
				j++
			}
			d := j
			for j < n && buf[j]-'0' <= 9 {
				j++
			}
			if j == d {
				s.pos, s.state = i, stValue
				goto back
			}
		}
		// The number must end inside buf, at a byte that cannot continue
		// it, within the length limit.
		if j >= n || numClass[buf[j]] || j-i > s.lim.maxNumber {
			s.pos, s.state = i, stValue
			goto back
		}
		val = buf[i:j]
		i = j
		goto scalar
	case c == '{' || c == '[':
		if s.depth >= s.lim.maxDepth {
			s.pos, s.state = i, stValue
			goto back
		}
		if top != nil && !top.obj {
			top.index++
		}
		val = nil
		i++
		if c == '{' {
			k = ObjectStart
			s.state, s.pendPush = stFirstName, 1
		} else {
			k = ArrayStart
			s.state, s.pendPush = stFirstElem, 2
		}
		goto emit
	case c == 't':
		if i+5 > n || string(buf[i:i+4]) != "true" || litClass[buf[i+4]] {
			s.pos, s.state = i, stValue
			goto back
		}
		i += 4
		k = True
	case c == 'n':
		if i+5 > n || string(buf[i:i+4]) != "null" || litClass[buf[i+4]] {
			s.pos, s.state = i, stValue
			goto back
		}
		i += 4
		k = Null
	case c == 'f':
		if i+6 > n || string(buf[i:i+5]) != "false" || litClass[buf[i+5]] {
			s.pos, s.state = i, stValue
			goto back
		}
		i += 5
		k = False
	default:
		s.pos, s.state = i, stValue
		goto back
	}
	val = nil
scalar:
	if top == nil {
		s.state = stDone
	} else {
		s.state = stAfter
		if !top.obj {
			top.index++
		}
	}
emit:
	{
		var err error
		// The event's offset is where next leaves it, for Capture.
		off := s.base + int64(start)
		s.tokOff = off
		if v.fn {
			// A HandlerFunc, and no patterns.
			err = v.call(p, Event{Kind: k, Value: val[:len(val):len(val)], Offset: off, Pattern: -1})
		} else {
			pat := -1
			if len(s.pats) > 0 {
				pat = s.curMatch()
			}
			err = p.h.HandleEvent(p, Event{Kind: k, Value: val[:len(val):len(val)], Offset: off, Pattern: pat})
		}
		if err != nil {
			p.herr = err
			s.pos = i // just past the token, as next leaves it
			s.keepOnError()
			return err
		}
		if p.capt.on {
			s.pos = i
			goto captured
		}
	}
	if k >= String {
		goto after // a scalar, the most common
	}
	switch k {
	case ObjectStart, ArrayStart:
		s.pendPush = 0
		if d := s.depth; d < len(s.frames) && len(s.pats) == 0 {
			// push, inline.
			f := &s.frames[d]
			f.obj, f.hashed, f.name, f.index = k == ObjectStart, false, nil, -1
			f.arena, f.ents, f.nameMem = len(s.arena), len(s.ents), s.nameMem
			f.live, f.match = 0, -1
			s.depth = d + 1
			top = f
		} else {
			s.push(k == ObjectStart)
			top = &s.frames[s.depth-1]
		}
		if k == ArrayStart {
			goto firstElem
		}
		top.bloom = [4]uint64{}
		goto firstName
	case Name:
		goto colon
	}

after:
	if i < n && buf[i] <= ' ' {
		// Whitespace, inline (skipWS): each whitespace byte and the
		// spaces after it, a word at a time.
	ws3:
		for {
			if c = buf[i]; c != ' ' && c != '\n' && c != '\r' && c != '\t' {
				break
			}
			if i+8 > n {
				i++
			} else if y := (binary.LittleEndian.Uint64(buf[i:i+8]) ^ spaces8) >> 8; y != 0 {
				i += 1 + bits.TrailingZeros64(y)>>3
			} else {
				for i += 8; i+8 <= n; i += 8 {
					if y := binary.LittleEndian.Uint64(buf[i:i+8]) ^ spaces8; y != 0 {
						i += bits.TrailingZeros64(y) >> 3
						break
					}
				}
			}
			if i >= n || buf[i] > ' ' {
				break ws3
			}
		}
	}
	if top == nil {
		s.pos, s.state = i, stDone
		goto back
	}
	if i >= n {
		s.pos, s.state = i, stAfter
		goto back
	}
	c = buf[i]
	if c == ',' {
		i++
		if top.obj {
			goto name
		}
		goto value
	}
	if c == '}' && top.obj {
		goto closeObject
	}
	if c == ']' && !top.obj {
		goto closeArray
	}
	s.pos, s.state = i, stAfter
	goto back

closeObject:
	if !s.lim.allowDup && !top.hashed {
		// dropNames, inline; the entries dropped are cleared when the
		// loop ends (clearEnts), not at each object.
		s.entsHW = max(s.entsHW, len(s.ents))
		s.nameMem = top.nameMem
		s.ents = s.ents[:top.ents]
		s.arena = s.arena[:top.arena]
	} else {
		s.dropNames(top)
	}
	v.lowEnts = min(v.lowEnts, top.ents)
	k = ObjectEnd
	goto closed
closeArray:
	k = ArrayEnd
closed:
	s.depth--
	v.minDepth = min(v.minDepth, s.depth)
	start = i
	i++
	val = nil
	if s.depth == 0 {
		top = nil
		s.state = stDone
	} else {
		top = &s.frames[s.depth-1]
		s.state = stAfter
	}
	goto emit

firstName:
	if i < n && buf[i] <= ' ' {
		// Whitespace, inline (skipWS): each whitespace byte and the
		// spaces after it, a word at a time.
	ws4:
		for {
			if c = buf[i]; c != ' ' && c != '\n' && c != '\r' && c != '\t' {
				break
			}
			if i+8 > n {
				i++
			} else if y := (binary.LittleEndian.Uint64(buf[i:i+8]) ^ spaces8) >> 8; y != 0 {
				i += 1 + bits.TrailingZeros64(y)>>3
			} else {
				for i += 8; i+8 <= n; i += 8 {
					if y := binary.LittleEndian.Uint64(buf[i:i+8]) ^ spaces8; y != 0 {
						i += bits.TrailingZeros64(y) >> 3
						break
					}
				}
			}
			if i >= n || buf[i] > ' ' {
				break ws4
			}
		}
	}
	if i >= n {
		s.pos, s.state = i, stFirstName
		goto back
	}
	if buf[i] == '}' {
		goto closeObject
	}
	goto nameAt

name:
	if i < n && buf[i] <= ' ' {
		// Whitespace, inline (skipWS): each whitespace byte and the
		// spaces after it, a word at a time.
	ws5:
		for {
			if c = buf[i]; c != ' ' && c != '\n' && c != '\r' && c != '\t' {
				break
			}
			if i+8 > n {
				i++
			} else if y := (binary.LittleEndian.Uint64(buf[i:i+8]) ^ spaces8) >> 8; y != 0 {
				i += 1 + bits.TrailingZeros64(y)>>3
			} else {
				for i += 8; i+8 <= n; i += 8 {
					if y := binary.LittleEndian.Uint64(buf[i:i+8]) ^ spaces8; y != 0 {
						i += bits.TrailingZeros64(y) >> 3
						break
					}
				}
			}
			if i >= n || buf[i] > ' ' {
				break ws5
			}
		}
	}
nameAt:
	if i >= n || buf[i] != '"' {
		s.pos, s.state = i, stName
		goto back
	}
	{
		var nm []byte
		var key uint64
		end := -1
		// As for string values: a plain name ends at the first byte that
		// special flags; its key is taken from its first word.
		j := i + 1
		if j+8 <= n {
			w := binary.LittleEndian.Uint64(buf[j : j+8])
			if m := fastSpecial(w); m != 0 {
				l := bits.TrailingZeros64(m) >> 3
				if byte(w>>(8*l)) == '"' && l <= s.lim.maxName {
					end = j + l + 1
					nm = buf[j : end-1]
					key = shortKey(w, l)
				}
			} else {
				for j += 8; j+8 <= n; j += 8 {
					if m := fastSpecial(binary.LittleEndian.Uint64(buf[j : j+8])); m != 0 {
						j += bits.TrailingZeros64(m) >> 3
						if l := j - i - 1; buf[j] == '"' && l <= s.lim.maxName {
							end = j + 1
							nm = buf[i+1 : j]
							key = longKey(w, binary.LittleEndian.Uint64(buf[j-8:j]), l)
						}
						break
					}
				}
			}
		}
		if end < 0 {
			e, esc, _, cause := scanStr(buf, i, int64(s.lim.maxName), s.lim.allowUTF8)
			if cause != nil || e < 0 || esc {
				s.pos, s.state = i, stName
				goto back
			}
			end = e
			nm = buf[i+1 : end-1]
			key = nameKey(nm)
		}
		start = i
		if s.lim.allowDup {
			s.pos = end
			s.tokOff = s.base + int64(i)
			if _, err := s.finishName(nm, false, key); err != nil {
				s.keepOnError()
				return err
			}
			val = s.val
		} else {
			// finishName and addName for a name kept where it is.
			f := top
			f.index++
			f.name = nm
			b := (key * 0x9E3779B97F4A7C15) >> 56
			w, bit := b>>6&3, uint64(1)<<(b&63)
			if f.hashed || f.bloom[w]&bit != 0 || len(s.ents)-f.ents >= linearNames ||
				s.nameMem+len(nm)+nameOverhead > s.lim.maxNameMem {
				s.tokOff = s.base + int64(i)
				s.pos = end
				if err := s.addName(f, s.depth-1, nm, key); err != nil {
					s.keepOnError()
					return err
				}
			} else {
				f.bloom[w] |= bit
				s.nameMem += len(nm) + nameOverhead
				// append, field by field: a nameEnt literal is built on the
				// stack and copied with 16-byte moves that cannot take the
				// 8-byte stores just made (a store-forwarding stall).
				l := len(s.ents)
				if l == cap(s.ents) {
					s.ents = append(s.ents, nameEnt{})
				} else {
					s.ents = s.ents[:l+1]
				}
				e := &s.ents[l]
				e.nm, e.key, e.hash = nm, key, 0
			}
			if len(s.pats) > 0 {
				f.live, f.match = s.stepPatterns(s.depth-1, nm, false)
			}
			s.state = stColon
			val = nm
		}
		i = end
		k = Name
	}
	goto emit

colon:
	if i+2 <= n && binary.LittleEndian.Uint16(buf[i:i+2]) == ':'|' '<<8 {
		i += 2 // ": " in one compare
		goto valueWS
	}
	for i < n && isWS(buf[i]) {
		i++
	}
	if i >= n || buf[i] != ':' {
		s.pos, s.state = i, stColon
		goto back
	}
	i++
	goto value

numElem:
	// A number in an array (c, at buf[i]), for a HandlerFunc without
	// patterns: as valueAt, scalar and emit take it, and then a comma and
	// another number, or the array's end; anything else is after's.
	{
		j := i
		if c == '-' {
			j++
		}
		if j >= n {
			s.pos, s.state = i, stValue
			goto back
		}
		if d := buf[j]; d == '0' {
			j++
		} else if d-'1' <= 8 {
			j = digits(buf, j+1, n)
		} else {
			s.pos, s.state = i, stValue
			goto back
		}
		k = Int
		if j < n && buf[j] == '.' {
			k = Float
			j++
			d := j
			if j = digits(buf, j, n); j == d {
				s.pos, s.state = i, stValue
				goto back
			}
		}
		if j < n && buf[j]|0x20 == 'e' {
			k = Float
			j++
			if j < n && (buf[j] == '+' || buf[j] == '-') {
				j++
			}
			d := j
			for j < n && buf[j]-'0' <= 9 {
				j++
			}
			if j == d {
				s.pos, s.state = i, stValue
				goto back
			}
		}
		if j >= n || numClass[buf[j]] || j-i > s.lim.maxNumber {
			s.pos, s.state = i, stValue
			goto back
		}
		top.index++
		s.state = stAfter
		off := s.base + int64(i)
		s.tokOff = off
		err := v.call(p, Event{Kind: k, Value: buf[i:j:j], Offset: off, Pattern: -1})
		i = j
		if err != nil {
			p.herr = err
			s.pos = i
			s.keepOnError()
			return err
		}
		if p.capt.on {
			s.pos = i
			goto captured
		}
	}
	// buf[i], after the number, is in buf.
	if c = buf[i]; c == ',' {
		i++
		if i < n {
			if c = buf[i]; c-'0' <= 9 || c == '-' {
				goto numElem
			}
		}
		goto value
	}
	if c == ']' {
		goto closeArray
	}
	goto after

back:
	s.clearEnts()
	if !s.lim.allowDup {
		s.keepNames(v.lowEnts, v.minDepth)
	}
	return nil

captured:
	// The Handler called Capture: the loop hands back to next just past
	// the event's token, with the state next would have there (a start
	// event's frame is pushed by next, pendPush), and run reads the
	// value a token at a time. A scalar is its own value: its Raw event
	// is due now.
	s.clearEnts()
	if !s.lim.allowDup {
		s.keepNames(v.lowEnts, v.minDepth)
	}
	return p.capAfter(k)
}

// fastVars is the state of fastRun kept in memory (see there).
type fastVars struct {
	call     HandlerFunc // the Handler, if it is a HandlerFunc and there are no patterns (fn)
	fn       bool
	lowEnts  int // the least len(s.ents) during the loop
	minDepth int // the least depth during the loop
}
