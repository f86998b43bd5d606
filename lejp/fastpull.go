package lejp

import (
	"encoding/binary"
	"math/bits"
)

// ReadToken's fast path. When the whole next token lies in the buffer and
// nothing rare holds, readFast reads it itself, in one function with no
// calls on its common paths: the buffer, the position and the grammar
// state in locals, the whitespace, the plain string and name scans, the
// number grammar, the frame push and pop and the common case of the
// duplicate-name bookkeeping inline (fastStrFrom and unescape for strings
// with escapes or non-ASCII bytes, dropNames for an object in the hash
// index, finishName for a name past the common case: calls, as the
// machine makes them). It leaves the scanner exactly as next would
// (position, state, depth, frames, names), except that a container's frame
// is pushed at once instead of at the next call (pendPush), which nothing
// can tell apart: the new frame's index is -1, so paths end before it, and
// Depth counts it either way.
//
// It never takes a token it is unsure of: at a token that crosses the end
// of the buffer, an escaped or non-ASCII member name, a string scanStr
// would reject, a limit reached, a malformed token, the end of the input,
// or a frame not yet allocated, it returns readToken's answer, the
// machine's, from the same starting state (it writes nothing before it is
// sure). The only error it returns itself is finishName's (a duplicate
// name or too many names), reached as name reaches it. Decoder.fast turns
// it off while an error is held, a push is pending or comments are
// allowed. ReadValue and SkipValue read through it too. So tokens, errors,
// offsets and paths are what the machine gives (TestFastPullVersusMachine,
// FuzzFastPullVersusMachine, which compare them and the scanner's state
// call by call).

// ReadToken returns the next token. At the end of a valid input it returns
// io.EOF; errors are *SyntaxError values, or the io.Reader's error.
func (d *Decoder) ReadToken() (t Token, err error) {
	// Small enough to be inlined, so that the token travels from
	// readFast in registers (a Token, five words, is not kept in
	// registers by the compiler: returned whole, it goes through memory).
	t.Kind, t.Value, t.Offset, err = d.readFast()
	return
}

// readFast is ReadToken, its result in pieces.
func (d *Decoder) readFast() (Kind, []byte, int64, error) {
	s := &d.s
	if !d.fast {
		t, err := d.readToken()
		return t.Kind, t.Value, t.Offset, err
	}
	var (
		buf = s.buf
		n   = len(buf)
		w8  = buf[:n:n] // for the word loads: its capacity is n

		i     = s.pos
		st    = s.state
		k     Kind
		val   []byte
		start int
		c     byte
		top   *frame
	)
	if i < n && buf[i] <= ' ' {
		// Whitespace (skipWS): each whitespace byte and the spaces after
		// it, a word at a time.
		for {
			if c = buf[i]; c != ' ' && c != '\n' && c != '\r' && c != '\t' {
				break
			}
			if i+8 > n {
				i++
			} else if y := (binary.LittleEndian.Uint64(w8[i:i+8]) ^ spaces8) >> 8; y != 0 {
				i += 1 + bits.TrailingZeros64(y)>>3
			} else {
				for i += 8; i+8 <= n; i += 8 {
					if y := binary.LittleEndian.Uint64(w8[i:i+8]) ^ spaces8; y != 0 {
						i += bits.TrailingZeros64(y) >> 3
						break
					}
				}
			}
			if i >= n || buf[i] > ' ' {
				break
			}
		}
	}
	if i >= n {
		goto slow
	}
	c = buf[i]
	// The states in order of frequency (a switch compares in numeric
	// order).
	if st == stAfter {
		top = &s.frames[s.depth-1]
		if c == ',' {
			// The name or value after it, dispatched here.
			i++
			if i < n && buf[i] <= ' ' {
				// Whitespace (skipWS): each whitespace byte and the spaces after
				// it, a word at a time.
				for {
					if c = buf[i]; c != ' ' && c != '\n' && c != '\r' && c != '\t' {
						break
					}
					if i+8 > n {
						i++
					} else if y := (binary.LittleEndian.Uint64(w8[i:i+8]) ^ spaces8) >> 8; y != 0 {
						i += 1 + bits.TrailingZeros64(y)>>3
					} else {
						for i += 8; i+8 <= n; i += 8 {
							if y := binary.LittleEndian.Uint64(w8[i:i+8]) ^ spaces8; y != 0 {
								i += bits.TrailingZeros64(y) >> 3
								break
							}
						}
					}
					if i >= n || buf[i] > ' ' {
						break
					}
				}
			}
			if i >= n {
				goto slow
			}
			c = buf[i]
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
		goto slow
	}
	if st == stColon {
		if c != ':' {
			goto slow
		}
		// The value after it, dispatched here.
		i++
		if i < n && buf[i] == ' ' {
			i++ // the space of ": "
		}
		if i < n && buf[i] <= ' ' {
			// Whitespace (skipWS): each whitespace byte and the spaces after
			// it, a word at a time.
			for {
				if c = buf[i]; c != ' ' && c != '\n' && c != '\r' && c != '\t' {
					break
				}
				if i+8 > n {
					i++
				} else if y := (binary.LittleEndian.Uint64(w8[i:i+8]) ^ spaces8) >> 8; y != 0 {
					i += 1 + bits.TrailingZeros64(y)>>3
				} else {
					for i += 8; i+8 <= n; i += 8 {
						if y := binary.LittleEndian.Uint64(w8[i:i+8]) ^ spaces8; y != 0 {
							i += bits.TrailingZeros64(y) >> 3
							break
						}
					}
				}
				if i >= n || buf[i] > ' ' {
					break
				}
			}
		}
		if i >= n {
			goto slow
		}
		c = buf[i]
		goto value
	}
	if st <= stFirstElem { // stValue, stFirstElem
		if c == ']' && st == stFirstElem {
			top = &s.frames[s.depth-1]
			goto closeArray
		}
		goto value
	}
	if st <= stName { // stFirstName, stName
		if c == '}' && st == stFirstName {
			top = &s.frames[s.depth-1]
			goto closeObject
		}
		goto name
	}
	goto slow // stDone: the end, or more values

value:
	// A value at buf[i] = c.
	start = i
	switch {
	case c == '"':
		// A run of plain bytes, eight at a time and then one at a time: a
		// closing quote after it ends the string here; anything else,
		// fastStrFrom (scanStr's verdict) takes on from there.
		j := i + 1
		for {
			if j+8 > n {
				for j < n {
					if b := buf[j]; b == '"' || b == '\\' || b < 0x20 || b >= 0x80 {
						break
					}
					j++
				}
				break
			}
			if m := fastSpecial(binary.LittleEndian.Uint64(w8[j : j+8])); m != 0 {
				j += bits.TrailingZeros64(m) >> 3
				break
			}
			j += 8
		}
		if j < n && buf[j] == '"' && int64(j-i-1) <= s.lim.maxString {
			val = buf[i+1 : j]
			i = j + 1
			k = String
			goto scalar
		}
		end, esc := fastStrFrom(buf, i, j, s.lim.maxString, s.lim.allowUTF8)
		if end < 0 {
			goto slow
		}
		val = buf[i+1 : end-1]
		if esc && !s.noDecode {
			s.sbuf = unescape(s.sbuf[:0], val, s.lim.allowUTF8)
			val = s.sbuf
		}
		i = end
		k = String
		goto scalar
	case c-'0' <= 9 || c == '-':
		// The number grammar (numEnd), inline.
		j := i
		if c == '-' {
			j++
		}
		if j >= n {
			goto slow
		}
		if b := buf[j]; b == '0' {
			j++
		} else if b-'1' <= 8 {
			j++
			for {
				if j+8 > n {
					for j < n && buf[j]-'0' <= 9 {
						j++
					}
					break
				}
				if nd := fastNonDigit(binary.LittleEndian.Uint64(w8[j : j+8])); nd != 0 {
					j += bits.TrailingZeros64(nd) >> 3
					break
				}
				j += 8
			}
		} else {
			goto slow
		}
		k = Int
		if j < n && buf[j] == '.' {
			k = Float
			j++
			f := j
			for {
				if j+8 > n {
					for j < n && buf[j]-'0' <= 9 {
						j++
					}
					break
				}
				if nd := fastNonDigit(binary.LittleEndian.Uint64(w8[j : j+8])); nd != 0 {
					j += bits.TrailingZeros64(nd) >> 3
					break
				}
				j += 8
			}
			if j == f {
				goto slow
			}
		}
		if j < n && buf[j]|0x20 == 'e' {
			k = Float
			j++
			if j < n && (buf[j] == '+' || buf[j] == '-') {
				j++
			}
			f := j
			for j < n && buf[j]-'0' <= 9 {
				j++
			}
			if j == f {
				goto slow
			}
		}
		// It must end inside buf, at a byte that cannot continue it,
		// within the length limit.
		if j >= n || numClass[buf[j]] || j-i > s.lim.maxNumber {
			goto slow
		}
		val = buf[i:j]
		i = j
		goto scalar
	case c == '{' || c == '[':
		dep := s.depth
		if dep >= s.lim.maxDepth || dep >= len(s.frames) {
			goto slow // the depth error, or a frame to allocate: push's
		}
		if dep > 0 {
			if f := &s.frames[dep-1]; !f.obj {
				f.index++
			}
		}
		// push, at once.
		f := &s.frames[dep]
		obj := c == '{'
		f.obj, f.hashed, f.name, f.index = obj, false, nil, -1
		f.arena, f.ents, f.nameMem = len(s.arena), len(s.ents), s.nameMem
		f.live, f.match = 0, -1
		s.depth = dep + 1
		i++
		if obj {
			f.bloom = [4]uint64{}
			k, st = ObjectStart, stFirstName
		} else {
			k, st = ArrayStart, stFirstElem
		}
		goto emit
	case c == 't':
		if i+4 >= n || binary.LittleEndian.Uint32(buf[i:]) != 'e'<<24|'u'<<16|'r'<<8|'t' || litClass[buf[i+4]] {
			goto slow
		}
		i += 4
		k = True
	case c == 'n':
		if i+4 >= n || binary.LittleEndian.Uint32(buf[i:]) != 'l'<<24|'l'<<16|'u'<<8|'n' || litClass[buf[i+4]] {
			goto slow
		}
		i += 4
		k = Null
	case c == 'f':
		if i+5 >= n || binary.LittleEndian.Uint32(buf[i+1:]) != 'e'<<24|'s'<<16|'l'<<8|'a' || litClass[buf[i+5]] {
			goto slow
		}
		i += 5
		k = False
	default:
		goto slow
	}
scalar:
	// beginElem and afterValue.
	if dep := s.depth; dep == 0 {
		st = stDone
	} else {
		st = stAfter
		if f := &s.frames[dep-1]; !f.obj {
			f.index++
		}
	}
emit:
	s.pos, s.state = i, st
	return k, val[:len(val):len(val)], s.base + int64(start), nil

closeObject:
	// dropNames, inline for an object searched linearly.
	if !s.lim.allowDup && !top.hashed {
		s.nameMem = top.nameMem
		es := s.ents[top.ents:]
		for j := range es {
			es[j].nm = nil
		}
		s.ents = s.ents[:top.ents]
		s.arena = s.arena[:top.arena]
	} else {
		s.dropNames(top)
	}
	k = ObjectEnd
	goto closed
closeArray:
	k = ArrayEnd
closed:
	s.depth--
	st = stAfter
	if s.depth == 0 {
		st = stDone
	}
	start = i
	i++
	goto emit

name:
	if c != '"' {
		goto slow
	}
	{
		// A plain name, found eight bytes at a time (and one at a time
		// near the end of buf), with its nameKey; any other goes to the
		// machine.
		var key uint64
		j := i + 1
		if j+8 <= n {
			w := binary.LittleEndian.Uint64(w8[j : j+8])
			if m := fastSpecial(w); m != 0 {
				l := bits.TrailingZeros64(m) >> 3
				j += l
				key = shortKey(w, l)
			} else {
				for j += 8; ; j += 8 {
					if j+8 > n {
						for j < n {
							if b := buf[j]; b == '"' || b == '\\' || b < 0x20 || b >= 0x80 {
								break
							}
							j++
						}
						break
					}
					if m := fastSpecial(binary.LittleEndian.Uint64(w8[j : j+8])); m != 0 {
						j += bits.TrailingZeros64(m) >> 3
						break
					}
				}
				if j < n {
					key = longKey(w, binary.LittleEndian.Uint64(w8[j-8:j]), j-i-1)
				}
			}
		} else {
			for j < n {
				if b := buf[j]; b == '"' || b == '\\' || b < 0x20 || b >= 0x80 {
					break
				}
				j++
			}
			if j < n {
				key = nameKey(buf[i+1 : j])
			}
		}
		if j >= n || buf[j] != '"' || j-i-1 > s.lim.maxName {
			goto slow
		}
		nm := buf[i+1 : j]
		dep := s.depth
		f := &s.frames[dep-1]
		if s.borrowNames && !s.lim.allowDup {
			// finishName's common case (as name does it): a name of a
			// small object whose filter bit is clear, within the memory
			// bound, with room in s.ents.
			b := (key * 0x9E3779B97F4A7C15) >> 56
			w, bit := b>>6&3, uint64(1)<<(b&63)
			l := len(s.ents)
			if !f.hashed && f.bloom[w]&bit == 0 && l-f.ents < linearNames && l < cap(s.ents) &&
				s.nameMem+len(nm)+nameOverhead <= s.lim.maxNameMem {
				f.index++
				f.name = nm
				f.bloom[w] |= bit
				s.nameMem += len(nm) + nameOverhead
				s.ents = s.ents[:l+1]
				e := &s.ents[l]
				e.nm, e.key, e.hash = nm, key, 0
				start = i
				i = j + 1
				val = nm
				k, st = Name, stColon
				goto emit
			}
		}
		// Otherwise as name does it, with the state next has there.
		if st == stAfter {
			st = stName // after a comma
		}
		s.state = st
		s.tokOff = s.base + int64(i)
		s.pos = j + 1
		k, err := s.finishName(nm, s.borrowNames, key)
		if err != nil {
			d.fast = false // the error is held
			return Invalid, nil, 0, err
		}
		return k, s.val[:len(s.val):len(s.val)], s.tokOff, nil
	}

slow:
	t, err := d.readToken()
	return t.Kind, t.Value, t.Offset, err
}

// noFastPull turns ReadToken's fast path off, so that tests can compare it
// with the machine. A Decoder reads it where it sets its fast flag (Reset,
// ResetBytes and wherever the machine has run): set it while making the
// Decoder and around each of its calls.
var noFastPull bool
