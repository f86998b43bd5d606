package lecp

// writeLoop is the push parser's main loop for the common case: a
// HandlerFunc, no patterns, no capture running, no Deterministic check. It
// delivers the events of every item wholly inside b (integers, definite
// strings of at most StringChunk bytes, starts of definite arrays and maps,
// tags, floats, simple values) and the end events of definite containers
// and tags as they fall due, in one loop instead of one fastStep call per
// event. Only the position, the due end flag and whether the Event holds a
// Value live in locals: Go keeps no register across the handler call, so
// every local the loop carries is reloaded after each event, and the rest
// (offset base, handler, limits) is read from the Parser where it is used.
// A new map key is taken in place inline (keyDirect's common case), for
// the same reason.
//
// Before each handler call the machine is exactly as step would leave it
// (event, offset, frames, item completion, current map key), so Path,
// AppendPath, Depth, InputOffset and Capture see the same state; the due
// end flag (m.pend), which handlers cannot observe, lives in a local and is
// written back on return. The loop hands back to fastStep and the machine,
// at an item boundary and having changed nothing for the item in hand,
// whenever it meets anything else: an item not wholly inside b, an
// indefinite-length item or break, a map key that is not an integer or a
// shortest-head string, anything the machine would reject, or a Capture
// (whose later events are collected by deliver). The byte-by-byte fuzz
// oracle (FuzzParse: whole input here, one byte at a time through the
// machine) compares the two.

import (
	"encoding/binary"
	"math"
)

// writeLoop is described above. It returns the number of bytes of b it
// consumed; the caller has checked that m.err is nil, that no string is in
// progress and no key is being built, and that p.fn is set, p.pats empty,
// p.capOn false and m.lim.determ false.
func (p *Parser) writeLoop(b []byte) (int, error) {
	p.m.keys.src = b
	n, err := p.loop(b)
	p.m.keys.materialize(p.m.stack)
	p.m.keys.src = nil
	return n, err
}

// loop is writeLoop's loop; map keys wholly inside b are kept in place
// (m.keys.src is b) until writeLoop materializes them.
func (p *Parser) loop(b []byte) (int, error) {
	// (p, b, i, pend and hasValue are the only locals carried; see above)
	m := &p.m
	ev := &m.ev
	p.rawFast, p.rawSrc, p.rawBase = true, b, m.off
	defer func() { p.rawFast, p.rawSrc = false, nil }()
	p.loopMaxString = min(m.lim.maxString, uint64(p.chunk))
	ev.Pattern = -1
	pend := m.pend
	m.pend = false // written back wherever the loop stops with pend set
	hasValue := ev.Value != nil
	i := 0
	for {
		if pend {
			// the end of the definite container or tag on top (endFrame
			// and itemDone)
			pend = false
			d := len(m.stack)
			f := &m.stack[d-1]
			m.itemStart = false
			ev.Kind = ArrayEnd + 2*Kind(f.major-majArray)
			ev.Offset = p.rawBase + int64(i)
			if hasValue {
				ev.Value, hasValue = nil, false
			}
			if f.major == majMap {
				m.keys.mapEnd(f)
			}
			m.stack = m.stack[:d-1]
			if d > 1 {
				if pf := &m.stack[d-2]; !pf.indef {
					// a definite container or tag: this container ended an
					// element, a map value or the tagged item (a container
					// never starts in key position here)
					m.done, m.doneInc, m.doneDepth = true, true, d-1
					pf.n++
					pf.left--
					pend = pf.left == 0
				} else {
					m.done, m.doneInc = false, false
					if err := m.itemDoneSlow(0); err != nil {
						return i, p.stop(err)
					}
				}
			} else {
				m.done, m.doneInc, m.doneDepth = true, false, 0
				m.nTop++
			}
			if err := p.fn(p, ev); err != nil {
				m.pend = pend
				return i, p.stop(err)
			}
			if p.capOn {
				// a capture cannot start on an end event
				m.pend = pend
				return i, nil
			}
			continue
		}
		if i >= len(b) {
			break
		}
		ib := b[i]
		maj := ib >> 5
		ai := ib & 31
		var arg uint64
		hl := 1
		switch {
		case ai < 24:
			arg = uint64(ai)
		case ai == 24:
			if len(b)-i < 2 {
				return i, nil
			}
			arg = uint64(b[i+1])
			hl = 2
		case ai == 25:
			if len(b)-i < 3 {
				return i, nil
			}
			arg = uint64(binary.BigEndian.Uint16(b[i+1:]))
			hl = 3
		case ai == 26:
			if len(b)-i < 5 {
				return i, nil
			}
			arg = uint64(binary.BigEndian.Uint32(b[i+1:]))
			hl = 5
		case ai == 27:
			if len(b)-i < 9 {
				return i, nil
			}
			arg = binary.BigEndian.Uint64(b[i+1:])
			hl = 9
		default:
			return i, nil // indefinite length, break, reserved
		}
		d := len(m.stack)
		var top *frame
		key := false
		if d > 0 {
			top = &m.stack[d-1]
			if top.major <= majText {
				return i, nil // inside an indefinite-length string
			}
			if top.full(m.lim.maxItems) {
				return i, nil // one item too many
			}
			if top.major == majMap && top.n&1 == 0 {
				if maj > majText || hl != headLen(arg) {
					return i, nil
				}
				key = true
			}
		} else if m.nTop > 0 && !m.lim.allowMulti {
			return i, nil // trailing data
		}
		n := hl
		switch maj {
		case majUint, majNint:
			ev.Kind = Uint + Kind(maj)
			ev.Uint = arg
			if hasValue {
				ev.Value, hasValue = nil, false
			}
		case majBytes, majText:
			if arg > p.loopMaxString || uint64(len(b)-i-hl) < arg {
				return i, nil
			}
			n += int(arg)
			s := b[i+hl : i+n] // its capacity lets shortASCII read words
			if maj == majText && !m.lim.allowUTF8 && !shortASCII(s) && !validUTF8(s) {
				return i, nil
			}
			ev.Kind = Bytes + 2*Kind(maj-majBytes)
			ev.Value, hasValue = s[:len(s):len(s)], true
		case majArray, majMap, majTag:
			if d >= m.lim.maxDepth {
				return i, nil
			}
			left := uint64(1)
			if maj != majTag {
				if arg > m.lim.maxItems || maj == majMap && arg > 1<<63-1 {
					return i, nil
				}
				left = arg
				if maj == majMap {
					left = 2 * arg
				}
			}
			// push, without a key being built
			if d == cap(m.stack) {
				ns := make([]frame, d, max(16, 2*d))
				copy(ns, m.stack)
				m.stack = ns
			}
			m.stack = m.stack[:d+1]
			f := &m.stack[d]
			f.major, f.indef, f.left, f.n, f.kpos = maj, false, left, 0, -1
			if maj == majMap {
				m.keys.mapStart(f)
			}
			m.done, m.doneInc, m.itemStart = false, false, true
			ev.Indefinite = false // as fastStep; an end event leaves it as it was
			if maj == majTag {
				ev.Kind = TagStart
			} else {
				ev.Kind = ArrayStart + 2*Kind(maj-majArray)
				pend = left == 0
			}
			ev.Uint = arg
			ev.Offset = p.rawBase + int64(i)
			if hasValue {
				ev.Value, hasValue = nil, false
			}
			i += n
			m.off = p.rawBase + int64(i)
			if err := p.fn(p, ev); err != nil {
				m.pend = pend
				return i, p.stop(err)
			}
			if p.capOn {
				m.pend = pend
				return i, nil
			}
			continue
		default:
			switch ai {
			case 20, 21, 22, 23:
				ev.Kind = False + Kind(ai-20)
			case 24:
				if arg < 32 {
					return i, nil
				}
				ev.Kind = Simple
				ev.Uint = arg
			case 25:
				ev.Kind = Float
				ev.Width = 2
				ev.Float = halfToFloat(uint16(arg))
			case 26:
				ev.Kind = Float
				ev.Width = 4
				ev.Float = float64(math.Float32frombits(uint32(arg)))
			case 27:
				ev.Kind = Float
				ev.Width = 8
				ev.Float = math.Float64frombits(arg)
			default:
				ev.Kind = Simple
				ev.Uint = arg
			}
			if hasValue {
				ev.Value, hasValue = nil, false
			}
		}
		// the item is complete (itemDone, with the top frame at hand)
		ev.Offset = p.rawBase + int64(i)
		ev.Indefinite = false
		m.itemStart = true
		if top == nil || top.indef {
			m.done, m.doneInc = false, false
			if key {
				m.keys.materialize(m.stack) // keyDone stores in the arena
				m.keys.direct = b[i : i+n]
			}
			m.off = p.rawBase + int64(i)
			err := m.itemDoneSlow(n)
			i += n
			m.off = p.rawBase + int64(i)
			if err != nil {
				return i, p.stop(err)
			}
		} else {
			keyed := !key
			if key && !m.lim.allowDup {
				// keyDirect's common case inline: a new key by the filter,
				// kept in place, with room in ents and the arena
				ks := &m.keys
				kb := b[i : i+n]
				nents, end := len(ks.ents), len(ks.arena)+n
				pre := keyPrefix(kb)
				bit := ks.filterBit(pre, kb)
				w := &ks.ht[int(top.ht0)+int(bit>>5)]
				mask := int32(1) << (bit & 31)
				if *w&mask == 0 && n <= ks.lim.maxKey && nents-int(top.keys0) < linearKeys && nents < cap(ks.ents) &&
					end <= cap(ks.arena) && end+16*(nents+1) <= ks.lim.maxKeyMem && i < 1<<31-1-n {
					*w |= mask
					ks.arena = ks.arena[:end]
					ks.ents = ks.ents[:nents+1]
					e := &ks.ents[nents]
					e.pre, e.off, e.n = pre, int32(-i-1), int32(n)
					top.keyOff, top.keyLen = int32(-i-1), int32(n)
					if ks.srcFrom < 0 {
						ks.srcFrom = nents
					}
					keyed = true
				} else {
					keyed = ks.keyDirect(top, kb, i)
				}
			} else if key {
				keyed = m.keys.keyDup(top, d-1, n, i)
			}
			if !keyed {
				m.keys.materialize(m.stack) // keyDone stores in the arena
				m.keys.direct = b[i : i+n]
				if err := m.keys.keyDone(top, d); err != nil {
					m.done, m.doneInc, m.doneDepth = true, false, d
					m.off = p.rawBase + int64(i)
					err = m.fail(n, err)
					m.off += int64(n)
					return i + n, p.stop(err)
				}
			}
			m.done, m.doneInc, m.doneDepth = true, true, d
			top.n++
			top.left--
			pend = top.left == 0
			i += n
			m.off = p.rawBase + int64(i)
		}
		if err := p.fn(p, ev); err != nil {
			m.pend = pend
			return i, p.stop(err)
		}
		if p.capOn {
			if p.capOver {
				m.pend = pend
				return i, p.stop(p.capTooLarge())
			}
			// Capture on a scalar or whole string: the item is complete
			if m.done && m.doneDepth == p.capDepth {
				if err := p.captured(-1); err != nil {
					m.pend = pend
					return i, err
				}
				continue
			}
			m.pend = pend
			return i, nil
		}
	}
	m.pend = pend
	return i, nil
}
