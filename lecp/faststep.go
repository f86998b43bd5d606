package lecp

// fastStep is step for the common case, without step's generality: the
// event of an item wholly inside p (an integer, a definite string of at
// most chunk bytes, the start of a definite array or map, a tag, a simple
// value or float) or a due end event, with no key being canonicalised, no
// string in progress and no deterministic check. It leaves the machine
// exactly as step would and returns ok = false, having changed nothing,
// whenever step must decide (more input needed, an indefinite-length item,
// a break, a key of another kind, anything step would reject), so the
// events never depend on which of the two ran. The byte-by-byte fuzz
// oracle (FuzzParse: whole input here, one byte at a time there) checks
// that.

import (
	"encoding/binary"
	"math"
)

// fastStep is described above. The caller makes sure that m.err is nil and
// that m.lim.determ is false.
func (m *machine) fastStep(p []byte, chunk int) (n int, ok bool, err error) {
	if m.str.left > 0 || m.keys.building {
		return 0, false, nil
	}
	if m.pend {
		m.done, m.doneInc, m.itemStart = false, false, false
		m.ev.Kind = Invalid
		m.pend = false
		return 0, true, m.endFrame(0)
	}
	if len(p) == 0 {
		return 0, false, nil
	}
	ib := p[0]
	maj := ib >> 5
	ai := ib & 31
	var arg uint64
	hl := 1
	switch {
	case ai < 24:
		arg = uint64(ai)
	case ai == 24:
		if len(p) < 2 {
			return 0, false, nil
		}
		arg = uint64(p[1])
		hl = 2
	case ai == 25:
		if len(p) < 3 {
			return 0, false, nil
		}
		arg = uint64(binary.BigEndian.Uint16(p[1:]))
		hl = 3
	case ai == 26:
		if len(p) < 5 {
			return 0, false, nil
		}
		arg = uint64(binary.BigEndian.Uint32(p[1:]))
		hl = 5
	case ai == 27:
		if len(p) < 9 {
			return 0, false, nil
		}
		arg = binary.BigEndian.Uint64(p[1:])
		hl = 9
	default:
		return 0, false, nil
	}
	n = hl
	if maj == majBytes || maj == majText {
		if arg > m.lim.maxString || arg > uint64(chunk) || uint64(len(p)-hl) < arg {
			return 0, false, nil
		}
		n += int(arg)
		if maj == majText && !m.lim.allowUTF8 && !validUTF8(p[hl:n]) {
			return 0, false, nil
		}
	}
	key := false
	var top *frame
	d := len(m.stack)
	if d > 0 {
		top = &m.stack[d-1]
		if top.major <= majText {
			return 0, false, nil // inside an indefinite-length string
		}
		if top.full(m.lim.maxItems) {
			return 0, false, nil // one item too many
		}
		if top.major == majMap && top.n&1 == 0 {
			if maj > majText || hl != headLen(arg) {
				return 0, false, nil
			}
			key = true
		}
	} else if m.nTop > 0 && !m.lim.allowMulti {
		return 0, false, nil // trailing data
	}
	switch maj {
	case majArray, majMap:
		if arg > m.lim.maxItems || maj == majMap && arg > 1<<63-1 || len(m.stack) >= m.lim.maxDepth {
			return 0, false, nil
		}
	case majTag:
		if len(m.stack) >= m.lim.maxDepth {
			return 0, false, nil
		}
	case majOther:
		if ai == 24 && arg < 32 {
			return 0, false, nil
		}
	}

	// from here on, the event is certain
	m.done, m.doneInc = false, false
	m.itemStart = true
	ev := &m.ev
	ev.Offset = m.off
	ev.Value = nil
	ev.Indefinite = false
	switch maj {
	case majUint, majNint:
		ev.Kind = Uint + Kind(maj)
		ev.Uint = arg
	case majBytes, majText:
		ev.Kind = Bytes + 2*Kind(maj-majBytes)
		ev.Value = p[hl:n:n]
		m.str.major = maj
	case majArray, majMap:
		left := arg
		if maj == majMap {
			left = 2 * arg
		}
		m.push(maj, false, left) // cannot fail: the depth was checked
		ev.Kind = ArrayStart + 2*Kind(maj-majArray)
		ev.Uint = arg
		m.pend = left == 0
		return n, true, nil
	case majTag:
		m.push(majTag, false, 1)
		ev.Kind = TagStart
		ev.Uint = arg
		return n, true, nil
	default:
		switch ai {
		case 20, 21, 22, 23:
			ev.Kind = False + Kind(ai-20)
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
	if top == nil || top.indef || m.keys.e != nil {
		if key {
			m.keys.direct = p[:n]
		}
		return n, true, m.itemDone(n)
	}
	pos := -1 // copy the key, unless p is a Decoder's whole input (p = src[m.off:])
	if m.keys.src != nil {
		pos = int(m.off)
	}
	if key && (m.lim.allowDup || !m.keys.keyDirect(top, p[:n], pos)) {
		m.keys.direct = p[:n]
		if err := m.keys.keyDone(top, d); err != nil {
			m.done, m.doneDepth = true, d
			return n, true, m.fail(n, err)
		}
	}
	m.done, m.doneInc, m.doneDepth = true, true, d
	top.n++
	top.left--
	m.pend = top.left == 0
	return n, true, nil
}
