package lecp

// ReadToken's body is its common case, in one function (a call to a
// separate fast path per token cost 7 % of the pull decoder's instructions):
// the token of an item wholly inside the buffer (an integer, a definite
// string, the start of a definite array or map, a tag, a float or simple
// value) or a due end, without fastStep's generality (string chunks, the
// Parser's needs) and without token. It leaves the machine, its Event
// included, exactly as fastStep would (the Token is the Event's fields, as
// before: fields that do not apply to the kind keep their earlier values),
// and hands over to slowToken (the machine, through token), having changed
// nothing, whenever fastStep would decline. FuzzFastPaths compares the
// Decoder over whole bytes with the Decoder over a one-byte reader (the
// machine).
//
// Every call it makes on its way to a token is a tail call or is followed
// only by the return of tok (held in memory) or an error: slowToken (one
// exit, slow), the key and itemDone slow paths below, and the stack and
// key filter growth left to the machine. The one call in the middle is
// validUTF8's, on text that is not short ASCII. So none of the hot
// values (the buffer, its position, the head, the top frame) has to be
// spilled to the stack on the way and reloaded after it.

import (
	"encoding/binary"
	"math"
)

// ReadToken returns the next token, or io.EOF after the last top-level item.
// Definite-length strings come whole.
func (d *Decoder) ReadToken() (tok Token, err error) {
	m := &d.m
	var (
		buf     []byte
		pos, n  int
		hl      int
		avail   int
		maj, ai byte
		arg     uint64
		key     bool
		top     *frame
		depth   int
		ev      *Event
		value   []byte
	)
	if m.recheck {
		if m.err != nil || m.lim.determ || m.str.left > 0 || m.keys.building || d.reading {
			goto slow
		}
		m.recheck = false
	}
	if m.pend {
		// endFrame, then itemDone
		m.pend = false
		n := len(m.stack)
		f := &m.stack[n-1]
		ev := &m.ev
		k := ArrayEnd + 2*Kind(f.major-majArray)
		ev.Kind, tok.Kind = k, k
		ev.Offset, tok.Offset = m.off, m.off
		if ev.Value != nil {
			ev.Value = nil
		}
		tok.keepFields(ev)
		if ev.Indefinite {
			tok.Indefinite = true
		}
		m.itemStart = false
		if f.major == majMap {
			m.keys.mapEnd(f)
		}
		m.stack = m.stack[:n-1]
		if n > 1 && m.keys.e == nil {
			if pf := &m.stack[n-2]; !pf.indef && (pf.major != majMap || pf.n&1 != 0) {
				m.done, m.doneInc, m.doneDepth = true, true, n-1
				pf.n++
				pf.left--
				m.pend = pf.left == 0
				return tok, nil
			}
		}
		m.done, m.doneInc = false, false
		if err := m.itemDoneSlow(0); err != nil {
			return Token{}, err
		}
		return tok, nil
	}
	buf, pos = d.buf, d.pos // indexes, not a slice d.buf[d.pos:], in this hot path
	if pos >= len(buf) {
		goto slow
	}
	avail = len(buf) - pos
	maj, ai = buf[pos]>>5, buf[pos]&31
	hl = 1
	switch {
	case ai < 24:
		arg = uint64(ai)
	case ai == 24:
		if avail < 2 {
			goto slow
		}
		arg = uint64(buf[pos+1])
		hl = 2
	case ai == 25:
		if avail < 3 {
			goto slow
		}
		arg = uint64(binary.BigEndian.Uint16(buf[pos+1:]))
		hl = 3
	case ai == 26:
		if avail < 5 {
			goto slow
		}
		arg = uint64(binary.BigEndian.Uint32(buf[pos+1:]))
		hl = 5
	case ai == 27:
		if avail < 9 {
			goto slow
		}
		arg = binary.BigEndian.Uint64(buf[pos+1:])
		hl = 9
	default:
		goto slow
	}
	n = hl
	depth = len(m.stack)
	if depth > 0 {
		top = &m.stack[depth-1]
		if top.indef && (top.major <= majText || top.full(m.lim.maxItems)) {
			// inside an indefinite-length string (a string has a frame
			// only then), or one item too many (full counts only
			// indefinite containers): one test of indef for the rest
			goto slow
		}
		if top.major == majMap && top.n&1 == 0 {
			if maj > majText || hl != headLen(arg) {
				goto slow
			}
			key = true
		}
	} else if m.nTop > 0 && !m.lim.allowMulti {
		goto slow // trailing data
	}
	ev = &m.ev
	switch maj {
	case majUint, majNint:
		ev.Kind = Uint + Kind(maj)
		ev.Uint = arg
	case majBytes, majText:
		if arg > m.lim.maxString || uint64(avail-hl) < arg {
			goto slow
		}
		n += int(arg)
		if s := buf[pos+hl : pos+n]; maj == majText && !m.lim.allowUTF8 && !shortASCII(s) && !validUTF8(s) {
			goto slow
		}
		ev.Kind = Bytes + 2*Kind(maj-majBytes)
		value = buf[pos+hl : pos+n : pos+n]
	case majArray, majMap, majTag:
		if depth >= m.lim.maxDepth || depth == cap(m.stack) {
			goto slow // too deep, or the stack must grow: the machine's
		}
		left := uint64(1)
		kind := TagStart
		if maj != majTag {
			if arg > m.lim.maxItems || maj == majMap && (arg > 1<<63-1 || cap(m.keys.ht)-len(m.keys.ht) < 8) {
				goto slow // (or the key filter must grow: the machine's)
			}
			left = arg
			if maj == majMap {
				left = 2 * arg
			}
			kind = ArrayStart + 2*Kind(maj-majArray)
			m.pend = left == 0
		}
		// push (the depth was checked; no key is being built)
		m.stack = m.stack[:depth+1]
		f := &m.stack[depth]
		f.major, f.indef, f.left, f.n, f.kpos = maj, false, left, 0, -1
		if maj == majMap {
			m.keys.mapStartIn(f)
		}
		m.done, m.doneInc, m.itemStart = false, false, true
		tok.keepFields(ev)
		ev.Kind, tok.Kind = kind, kind
		ev.Uint, tok.Uint = arg, arg
		ev.Offset, tok.Offset = m.off, m.off
		ev.Indefinite = false
		if ev.Value != nil {
			ev.Value = nil
		}
		m.off += int64(n)
		d.pos += n
		return tok, nil
	default:
		switch ai {
		case 20, 21, 22, 23:
			ev.Kind = False + Kind(ai-20)
		case 24:
			if arg < 32 {
				goto slow
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
	}
	// the item is complete: itemDone, with the top frame at hand
	tok.keepFields(ev)
	tok.Kind = ev.Kind
	ev.Offset, tok.Offset = m.off, m.off
	ev.Indefinite = false
	if value != nil {
		ev.Value, tok.Value = value, value
	} else if ev.Value != nil {
		ev.Value = nil // tok.Value is nil already
	}
	m.itemStart = true
	m.off += int64(n)
	d.pos += n
	if top == nil || top.indef || m.keys.e != nil {
		if err := d.itemDoneAt(key, pos, n); err != nil {
			return Token{}, err
		}
		return tok, nil
	}
	if key {
		// keyDirect's common case inline (as in Parser.loop): a new key by
		// the filter, kept in place (the whole input), with room in ents
		// and the arena
		ks := &m.keys
		if m.lim.allowDup || ks.src == nil {
			goto key
		}
		kb := buf[pos : pos+n]
		nents, end := len(ks.ents), len(ks.arena)+n
		pre := keyPrefix(kb)
		bit := ks.filterBit(pre, kb)
		w := &ks.ht[int(top.ht0)+int(bit>>5)]
		mask := int32(1) << (bit & 31)
		if *w&mask != 0 || n > ks.lim.maxKey || nents-int(top.keys0) >= linearKeys || nents >= cap(ks.ents) ||
			end > cap(ks.arena) || end+16*(nents+1) > ks.lim.maxKeyMem || pos >= 1<<31-1-n {
			goto key
		}
		*w |= mask
		ks.arena = ks.arena[:end]
		ks.ents = ks.ents[:nents+1]
		e := &ks.ents[nents]
		e.pre, e.off, e.n = pre, int32(-pos-1), int32(n)
		top.keyOff, top.keyLen = int32(-pos-1), int32(n)
		if ks.srcFrom < 0 {
			ks.srcFrom = nents
		}
	}
	m.done, m.doneInc, m.doneDepth = true, true, depth
	top.n++
	top.left--
	m.pend = top.left == 0
	return tok, nil
key:
	if err := d.keySlow(top, depth, pos, n); err != nil {
		return Token{}, err
	}
	return tok, nil
slow:
	return d.slowToken()
}

// itemDoneAt is itemDone after the fast path's item of n bytes at pos in
// d.buf (already consumed), where the top frame does not settle it there:
// at the top level, in an indefinite-length container, or after a key's
// error.
func (d *Decoder) itemDoneAt(key bool, pos, n int) error {
	m := &d.m
	m.done, m.doneInc = false, false
	if key {
		m.keys.direct = d.buf[pos : pos+n]
	}
	m.off -= int64(n) // errors are placed from the item's start
	err := m.itemDone(n)
	m.off += int64(n)
	return err
}

// keySlow takes the fast path's key of n bytes at pos in d.buf (already
// consumed) into map top at depth where the inline case does not: a key
// the filter may have seen, a map past linearKeys, no room, duplicates
// allowed, or a key that must be copied (the buffer moves), and ends the
// item.
func (d *Decoder) keySlow(top *frame, depth, pos, n int) error {
	m := &d.m
	kb := d.buf[pos : pos+n]
	kpos := -1 // copy the key: the buffer moves
	if m.keys.src != nil {
		kpos = pos // the whole input: keep the key in place
	}
	keyed := false
	if !m.lim.allowDup {
		keyed = m.keys.keyDirect(top, kb, kpos)
	} else if kpos >= 0 {
		// (a Decoder never calls materialize, the one reader of the
		// stack index given here: its whole input stays put)
		keyed = m.keys.keyDup(top, depth-1, n, kpos)
	}
	if !keyed {
		m.keys.direct = kb
		if err := m.keys.keyDone(top, depth); err != nil {
			m.done, m.doneInc, m.doneDepth = true, false, depth
			m.off -= int64(n)
			err = m.fail(n, err)
			m.off += int64(n)
			return err
		}
	}
	m.done, m.doneInc, m.doneDepth = true, true, depth
	top.n++
	top.left--
	m.pend = top.left == 0
	return nil
}

// keepFields sets the fields of tok that may not apply to the token's kind
// (they keep the Event's earlier values, as through the machine) from ev, each
// by a load of its own size: the Event's byte fields were just stored one
// by one, and a wider load over them would stall on store forwarding.
func (tok *Token) keepFields(ev *Event) {
	tok.Uint, tok.Float, tok.Width = ev.Uint, ev.Float, ev.Width
}
