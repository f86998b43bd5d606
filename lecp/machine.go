package lecp

// The machine is the one decoder of this package: the push Parser, the pull
// Decoder and Check all drive it. step looks at the unconsumed input and
// either produces exactly one event (consuming zero or more bytes) or
// reports errShort with the number of bytes it needs (m.need), having
// consumed nothing. Because it never consumes part of a head or part of a
// string piece, the events depend only on the bytes, never on how the input
// was split.
//
// State lives in a stack of frames (arrays, maps, tags and indefinite-length
// strings) and in m.str for the definite-length string being delivered.
// Completing an item updates the enclosing frame; a definite container whose
// last item completed owes an end event, which the next step delivers
// without consuming input (m.pend).

import (
	"encoding/binary"
	"math"
	"unicode/utf8"
)

const (
	majUint  = 0
	majNint  = 1
	majBytes = 2
	majText  = 3
	majArray = 4
	majMap   = 5
	majTag   = 6
	majOther = 7
)

// chunkAvail asks step to deliver as much of a string as the input holds,
// for StringReader, whose reader returns what the Decoder holds rather
// than wait for more (io.Reader's convention): at least a byte, and of a
// text string up to the last whole UTF-8 sequence (a sequence the input
// ends inside is held back, unchecked, until its end has come).
const chunkAvail = -1

type frame struct {
	major uint8 // majArray, majMap, majTag, or majBytes/majText (indefinite string)
	indef bool
	// maps only, with Deterministic: the current key as received differs
	// from its canonical encoding (it holds a NaN written other than
	// f97e00); the received form follows the canonical one in m.arena
	nanKey bool
	// tags only, with Deterministic: the tag is 2 or 3 (a bignum, RFC 8949
	// §3.4.3), so a definite byte string as its content must be in
	// preferred serialization; set for every tag frame, read for no other
	bignum bool
	left   uint64 // definite: items still due (a map counts keys and values)
	n      uint64 // items completed (a map counts keys and values); indefinite strings: bytes so far

	kpos int32 // key building: the index in m.keys.gaps of the room for this indefinite item's head; -1 if none

	// maps only
	kstart int32 // m.kbuf offset where the key being read started
	keyOff int32 // the current key's canonical encoding: m.arena[keyOff:keyOff+keyLen]
	keyLen int32
	arena0 int32 // len(m.arena) when the map started
	keys0  int32 // len(m.keys) when the map started
	ht0    int32 // hash table of this map's keys: m.ht[ht0:ht0+htN]; htN == 0 means linear scan
	//           with the 256-bit key filter in m.ht[ht0:ht0+8]
	htN int32
}

// full reports whether f, an indefinite-length array or map, already holds
// maxItems elements (pairs, for a map, with no key pending), so that an
// item starting in it is one too many.
func (f *frame) full(maxItems uint64) bool {
	return f.indef && (f.major == majArray && f.n >= maxItems || f.major == majMap && f.n&1 == 0 && f.n/2 >= maxItems)
}

type strState struct {
	left  uint64 // bytes of the current definite string still to deliver
	major uint8
}

type machine struct {
	lim   limits
	stack []frame
	str   strState
	pend  bool  // an end event is due
	ev    Event // the last event
	off   int64 // bytes consumed so far
	need  int   // after errShort: bytes of input step needs
	nTop  int   // top-level items completed
	err   error // sticky

	// recheck is set wherever err, str.left or keys.building may become
	// set (and by reset): ReadToken's fast path tests those (and
	// lim.determ) only then, and clears it when none holds
	recheck bool

	// item completion, for paths and capture
	done      bool // the last event completed an item (or a chunk of an indefinite string)
	doneInc   bool // ... and counted it in frame doneDepth-1
	doneDepth int
	itemStart bool // the last event started an item

	keys keySet
}

func (m *machine) init(o *Options) {
	m.lim = resolve(o)
	m.keys.init(&m.lim)
	m.reset()
}

func (m *machine) reset() {
	m.stack = m.stack[:0]
	m.str = strState{}
	m.pend = false
	m.ev = Event{}
	m.off = 0
	m.need = 0
	m.nTop = 0
	m.err = nil
	m.recheck = true
	m.done, m.doneInc, m.itemStart = false, false, false
	m.keys.reset()
}

// fail records a SyntaxError at offset m.off+pos.
func (m *machine) fail(pos int, cause error) error {
	m.recheck = true
	m.err = &SyntaxError{Offset: m.off + int64(pos), Path: m.pathString(), Err: cause}
	return m.err
}

// next runs step and advances the offset.
func (m *machine) next(p []byte, chunk int) (int, error) {
	if m.err != nil {
		return 0, m.err
	}
	n, err := m.step(p, chunk)
	m.off += int64(n)
	return n, err
}

// finish is called at the end of the input: it returns nil when the input
// ended cleanly after a complete item (or sequence) and a SyntaxError
// otherwise.
func (m *machine) finish() error {
	if m.err != nil {
		return m.err
	}
	if m.pend || len(m.stack) > 0 || m.str.left > 0 || (m.nTop == 0 && !m.lim.allowMulti) {
		return m.fail(0, ErrUnexpectedEOF)
	}
	return nil
}

// eofIn is the error for input that ends with p unread, the machine having
// asked for more (errShort): ErrUnexpectedEOF at the end of p, unless p
// holds part of a text string whose bytes so far are not a valid start of
// UTF-8. That is ErrInvalidUTF8 at its first invalid byte, as the string
// read whole says, and as the Parser says once a piece holding it is read
// (so whether input is cut short after an invalid byte is not told by how
// long the pieces are).
func (m *machine) eofIn(p []byte) error {
	if !m.lim.allowUTF8 {
		hl, text := 0, m.str.left > 0 && m.str.major == majText
		if m.str.left == 0 && len(p) > 0 && p[0]>>5 == majText && p[0]&31 < 28 {
			hl = 1
			if ai := p[0] & 31; ai >= 24 {
				hl += 1 << (ai - 24)
			}
			text = len(p) > hl
		}
		if text {
			if i := invalidUTF8At(p[hl:], true); i >= 0 {
				return m.fail(hl+i, ErrInvalidUTF8)
			}
		}
	}
	return m.fail(len(p), ErrUnexpectedEOF)
}

// invalidUTF8At returns the index of the first byte of s that starts no
// valid UTF-8 sequence, or -1 if there is none. With cut, s is the start
// of a longer string: a sequence cut by its end is a valid start.
func invalidUTF8At(s []byte, cut bool) int {
	if utf8.Valid(s) {
		return -1
	}
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRune(s[i:])
		if r == utf8.RuneError && n == 1 {
			if cut && !utf8.FullRune(s[i:]) {
				return -1
			}
			return i
		}
		i += n
	}
	return -1
}

// complete reports whether the machine is between top-level items with at
// least one read (or a sequence allowed).
func (m *machine) complete() bool {
	return !m.pend && len(m.stack) == 0 && m.str.left == 0 && (m.nTop > 0 || m.lim.allowMulti)
}

func (m *machine) step(p []byte, chunk int) (int, error) {
	m.done, m.doneInc, m.itemStart = false, false, false
	m.ev.Kind = Invalid
	if m.pend {
		m.pend = false
		return 0, m.endFrame(0)
	}
	if m.str.left > 0 {
		return m.strPiece(p, 0, m.str.left, m.str.major, chunk, len(m.stack) > 0 && m.stack[len(m.stack)-1].major <= majText)
	}
	if len(m.stack) == 0 && m.nTop > 0 && !m.lim.allowMulti {
		if len(p) > 0 {
			return 0, m.fail(0, ErrTrailingData)
		}
		m.need = 1
		return 0, errShort
	}
	if len(p) == 0 {
		m.need = 1
		return 0, errShort
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
			m.need = 2
			return 0, errShort
		}
		arg = uint64(p[1])
		hl = 2
		if m.lim.determ && arg < 24 && maj != majOther {
			return 0, m.fail(0, ErrNotDeterministic)
		}
	case ai == 25:
		if len(p) < 3 {
			m.need = 3
			return 0, errShort
		}
		arg = uint64(binary.BigEndian.Uint16(p[1:]))
		hl = 3
		if m.lim.determ && arg < 1<<8 && maj != majOther {
			return 0, m.fail(0, ErrNotDeterministic)
		}
	case ai == 26:
		if len(p) < 5 {
			m.need = 5
			return 0, errShort
		}
		arg = uint64(binary.BigEndian.Uint32(p[1:]))
		hl = 5
		if m.lim.determ && arg < 1<<16 && maj != majOther {
			return 0, m.fail(0, ErrNotDeterministic)
		}
	case ai == 27:
		if len(p) < 9 {
			m.need = 9
			return 0, errShort
		}
		arg = binary.BigEndian.Uint64(p[1:])
		hl = 9
		if m.lim.determ && arg < 1<<32 && maj != majOther {
			return 0, m.fail(0, ErrNotDeterministic)
		}
	case ai == 31:
		if maj == majUint || maj == majNint || maj == majTag {
			return 0, m.fail(0, ErrIndefinite)
		}
		if maj != majOther && m.lim.determ {
			return 0, m.fail(0, errIndefDeterministic)
		}
	default:
		return 0, m.fail(0, ErrReservedInfo)
	}

	var top *frame
	if len(m.stack) > 0 {
		top = &m.stack[len(m.stack)-1]
		if top.major <= majText {
			// inside an indefinite-length string: definite chunks of the same type, or break
			if ib == 0xff {
				return m.breakFrame(top)
			}
			if maj != top.major || ai == 31 {
				return 0, m.fail(0, ErrChunkType)
			}
			if top.n+arg < top.n || top.n+arg > m.lim.maxString {
				return 0, m.fail(0, ErrStringTooLong)
			}
			return m.strPiece(p, hl, arg, maj, chunk, true)
		}
		if ib == 0xff {
			return m.breakFrame(top)
		}
		if top.full(m.lim.maxItems) {
			// refused at its head, as a definite container's excess is
			return 0, m.fail(0, ErrTooManyItems)
		}
		if top.major == majMap && top.n&1 == 0 {
			if m.keys.building || ai == 31 || maj > majText || hl != headLen(arg) ||
				maj >= majBytes && (uint64(len(p)-hl) < arg || arg > uint64(chunk)) {
				m.keys.keyStart(top, len(m.stack))
				m.recheck = true
			} else {
				// an integer or a string complete in p with the shortest head:
				// its encoding as received is canonical
				end := hl
				if maj >= majBytes {
					end += int(arg)
				}
				m.keys.direct = p[:end]
			}
		}
	}

	m.ev.Offset = m.off
	m.ev.Value = nil
	m.ev.Indefinite = false
	m.itemStart = true
	switch maj {
	case majUint, majNint:
		m.ev.Kind = Uint + Kind(maj)
		m.ev.Uint = arg
		if m.keys.building {
			m.keys.head(maj, arg)
		}
		return hl, m.itemDone(hl)
	case majBytes, majText:
		if ai == 31 {
			if err := m.push(maj, true, 0); err != nil {
				return 0, err
			}
			m.ev.Kind = BytesStart + 2*Kind(maj-majBytes)
			m.ev.Indefinite = true
			return hl, nil
		}
		if arg > m.lim.maxString {
			return 0, m.fail(0, ErrStringTooLong)
		}
		if maj == majBytes && top != nil && top.major == majTag && top.bignum {
			// a bignum in preferred serialization (§3.4.3, required by
			// §4.2.1): more than 8 bytes, the first not zero. The first
			// byte is looked at before any of the string is delivered, so
			// the verdict does not depend on how the input is split.
			if arg <= 8 {
				return 0, m.fail(0, ErrNotDeterministic)
			}
			if len(p) <= hl {
				m.need = hl + 1
				return 0, errShort
			}
			if p[hl] == 0 {
				return 0, m.fail(0, ErrNotDeterministic)
			}
		}
		return m.strPiece(p, hl, arg, maj, chunk, false)
	case majArray, majMap:
		indef := ai == 31
		if !indef && (arg > m.lim.maxItems || maj == majMap && arg > 1<<63-1) {
			return 0, m.fail(0, ErrTooManyItems)
		}
		left := arg
		if maj == majMap {
			left = 2 * arg
		}
		if err := m.push(maj, indef, left); err != nil {
			return 0, err
		}
		m.ev.Kind = ArrayStart + 2*Kind(maj-majArray)
		m.ev.Indefinite = indef
		m.ev.Uint = arg
		if indef {
			m.ev.Uint = 0
		}
		if !indef && left == 0 {
			m.pend = true
		}
		return hl, nil
	case majTag:
		if err := m.push(majTag, false, 1); err != nil {
			return 0, err
		}
		m.stack[len(m.stack)-1].bignum = m.lim.determ && (arg == 2 || arg == 3)
		if m.keys.building {
			m.keys.head(majTag, arg) // the tag number (push wrote no head for a tag)
		}
		m.ev.Kind = TagStart
		m.ev.Uint = arg
		return hl, nil
	}
	// major type 7
	switch ai {
	case 20, 21, 22, 23:
		m.ev.Kind = False + Kind(ai-20)
	case 24:
		if arg < 32 {
			return 0, m.fail(0, ErrSimple)
		}
		m.ev.Kind = Simple
		m.ev.Uint = arg
	case 25:
		m.ev.Kind = Float
		m.ev.Width = 2
		m.ev.Float = halfToFloat(uint16(arg))
	case 26:
		m.ev.Kind = Float
		m.ev.Width = 4
		m.ev.Float = float64(math.Float32frombits(uint32(arg)))
	case 27:
		m.ev.Kind = Float
		m.ev.Width = 8
		m.ev.Float = math.Float64frombits(arg)
	case 31:
		return 0, m.fail(0, ErrBreak)
	default:
		m.ev.Kind = Simple
		m.ev.Uint = arg
	}
	if m.ev.Kind == Float {
		if m.lim.determ && floatWidth(m.ev.Float) != int(m.ev.Width) {
			return 0, m.fail(0, ErrNotDeterministic)
		}
		if m.keys.building {
			if m.lim.determ && m.ev.Float != m.ev.Float && arg != 0x7e00 {
				// a NaN with a payload or a sign: the same key as every
				// NaN, but ordered as received (width 2, checked above)
				m.keys.nanAt(uint16(arg))
			}
			m.keys.appendKey(AppendFloat(m.keys.scratch[:0], m.ev.Float))
		}
	} else if m.keys.building {
		m.keys.appendKey(AppendSimple(m.keys.scratch[:0], simpleNumber(m.ev.Kind, m.ev.Uint)))
	}
	return hl, m.itemDone(hl)
}

func simpleNumber(k Kind, u uint64) uint8 {
	if k == Simple {
		return uint8(u)
	}
	return uint8(20 + k - False)
}

// push opens a frame for an array, map, tag or indefinite-length string.
func (m *machine) push(kind uint8, indef bool, left uint64) error {
	if len(m.stack) >= m.lim.maxDepth {
		return m.fail(0, ErrDepth)
	}
	if len(m.stack) == cap(m.stack) {
		// double (append grows by 1.25 at this size, which costs more in total)
		ns := make([]frame, len(m.stack), max(16, 2*cap(m.stack)))
		copy(ns, m.stack)
		m.stack = ns
	}
	// set the fields one by one: a composite literal is built and copied,
	// which stalls on store forwarding in this hot path; the map-only
	// fields are set by mapStart
	n := len(m.stack)
	m.stack = m.stack[:n+1]
	f := &m.stack[n]
	f.major, f.indef, f.left, f.n, f.kpos = kind, indef, left, 0, -1
	if m.keys.building {
		if indef {
			f.kpos = m.keys.reserve()
		} else if kind != majTag { // a tag's head holds its number: step writes it
			n := left
			if kind == majMap {
				n /= 2
			}
			m.keys.head(kind, n)
		}
	}
	if kind == majMap {
		m.keys.mapStart(f)
	}
	return nil
}

// strPiece delivers the next piece of a definite-length string of length
// left whose head (hl bytes, 0 for a later piece) starts p.
func (m *machine) strPiece(p []byte, hl int, left uint64, maj uint8, chunk int, inIndef bool) (int, error) {
	avail := len(p) - hl
	want := left
	switch {
	case chunk == chunkAvail:
		if uint64(avail) < want {
			want = uint64(max(avail, 1))
		}
	case uint64(chunk) < want:
		want = uint64(chunk)
	}
	if uint64(avail) < want {
		if want > uint64(maxInt-16) {
			m.need = maxInt
		} else {
			m.need = hl + int(want)
		}
		return 0, errShort
	}
	take := int(want)
	data := p[hl : hl+take]
	if maj == majText {
		if uint64(take) < left {
			// end the piece on a rune boundary
			i := take - 1
			for i > 0 && take-i < utf8.UTFMax && !utf8.RuneStart(data[i]) {
				i--
			}
			if i >= 0 && utf8.RuneStart(data[i]) && !utf8.FullRune(data[i:]) {
				take = i
				data = data[:take]
			}
			if take == 0 {
				// chunkAvail, with only the start of a sequence: the
				// rest of it is needed (a chunk is 64 bytes or more)
				m.need = hl + avail + 1
				return 0, errShort
			}
		}
		if !m.lim.allowUTF8 && !validUTF8(data) {
			return 0, m.fail(hl+invalidUTF8At(data, false), ErrInvalidUTF8)
		}
	}
	m.ev.Offset = m.off
	m.itemStart = hl > 0
	m.ev.Value = data[:len(data):len(data)] // capped: an append copies
	m.ev.Indefinite = false
	rest := left - uint64(take)
	kind := Bytes + 2*Kind(maj-majBytes)
	if rest > 0 {
		kind++ // the chunk kind
	}
	m.ev.Kind = kind
	m.str.left = rest
	m.recheck = true
	m.str.major = maj
	if m.keys.building {
		if hl > 0 && !inIndef {
			m.keys.head(maj, left)
		}
		m.keys.appendKey(data)
	}
	if hl > 0 && inIndef {
		m.stack[len(m.stack)-1].n += left
	}
	n := hl + take
	if rest == 0 {
		if inIndef {
			m.done = true
			m.doneDepth = len(m.stack)
			if m.keys.e != nil {
				return n, m.keys.err(m, n)
			}
			return n, nil
		}
		return n, m.itemDone(n)
	}
	// a key made too long (m.keys.e) is reported at the end of the string,
	// where reading it whole reports it, not at the end of a piece, which
	// StringChunk and the input's split decide; the key held meanwhile
	// stays within MaxKeyLen (appendKey)
	return n, nil
}

// itemDone records that an item completed at the current depth; pos is
// where the next byte is, for errors.
func (m *machine) itemDone(pos int) error {
	// fast path: an element of a definite-length array, the content of a
	// tag, a value of a definite-length map
	if n := len(m.stack); n > 0 && m.keys.e == nil {
		if f := &m.stack[n-1]; !f.indef && (f.major != majMap || f.n&1 != 0) {
			m.done, m.doneInc, m.doneDepth = true, true, n
			f.n++
			f.left--
			m.pend = f.left == 0
			return nil
		}
	}
	return m.itemDoneSlow(pos)
}

func (m *machine) itemDoneSlow(pos int) error {
	m.done = true
	m.doneDepth = len(m.stack)
	if m.keys.e != nil {
		return m.keys.err(m, pos)
	}
	if len(m.stack) == 0 {
		m.nTop++
		return nil
	}
	f := &m.stack[len(m.stack)-1]
	if f.major == majMap && f.n&1 == 0 {
		if err := m.keys.keyDone(f, len(m.stack)); err != nil {
			return m.fail(pos, err)
		}
	}
	m.doneInc = true
	f.n++
	if !f.indef {
		f.left--
		if f.left == 0 {
			m.pend = true
		}
	} else if f.major == majArray && f.n > m.lim.maxItems || f.major == majMap && f.n/2 > m.lim.maxItems {
		return m.fail(pos, ErrTooManyItems)
	}
	return nil
}

// endFrame pops a definite container or tag whose items are complete and
// delivers its end event.
func (m *machine) endFrame(pos int) error {
	f := &m.stack[len(m.stack)-1]
	m.ev.Kind = ArrayEnd + 2*Kind(f.major-majArray)
	m.ev.Offset = m.off
	m.ev.Value = nil
	if f.major == majMap {
		m.keys.mapEnd(f)
	}
	m.stack = m.stack[:len(m.stack)-1]
	return m.itemDone(pos)
}

// breakFrame handles a break byte inside the indefinite item f.
func (m *machine) breakFrame(f *frame) (int, error) {
	if !f.indef {
		return 0, m.fail(0, ErrBreak)
	}
	if f.major == majMap && f.n&1 != 0 {
		return 0, m.fail(0, ErrBreak)
	}
	switch f.major {
	case majBytes:
		m.ev.Kind = BytesEnd
	case majText:
		m.ev.Kind = TextEnd
	case majArray:
		m.ev.Kind = ArrayEnd
	case majMap:
		m.ev.Kind = MapEnd
		m.keys.mapEnd(f)
	}
	m.ev.Offset = m.off
	m.ev.Value = nil
	if m.keys.building && f.kpos >= 0 {
		n := f.n
		if f.major == majMap {
			n /= 2
		}
		m.keys.fill(int(f.kpos), f.major, n)
	}
	m.stack = m.stack[:len(m.stack)-1]
	return 1, m.itemDone(1)
}
