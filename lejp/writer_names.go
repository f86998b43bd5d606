package lejp

// The Writer's duplicate detection. It holds, as entries on a stack, one
// mark per open object and the names written in objects that check them; a
// name is the position of its escaped text in the Writer's buffer, so
// nothing is copied (until a Flush, see keep). An object's names are
// searched linearly up to linearWriterNames, and only when a 64-bit filter
// of their keys says the name may be there; from there on the object is
// indexed by a hash of its names (one table for all open objects; addQuick
// is the common case, a name whose filter bit is clear). The first
// inlineWriterNames entries live in the Writer itself, so that a new Writer
// (one per JOSE header or claims set) allocates nothing for them.
//
// Names are compared as a reader decodes them, by their canonical text:
// the text the Writer writes for the decoded name, which is the escaped
// text written, except that a byte that is not UTF-8 replaced by U+FFFD
// (with AllowInvalidUTF8) is written \ufffd where a U+FFFD given is
// written as is. The Writer's escaping is a function of the decoded name
// otherwise, so two names are the same decoded if and only if their
// canonical texts are equal, and until a replacement has been written the
// canonical text is the text in the buffer: nothing is decoded. Keys and
// hashes are of the canonical text; for a name just written that needed
// no escape, of the caller's string, which is faster to read than the
// bytes just written.

import (
	"bytes"
	"hash/maphash"
	"math/bits"
)

const (
	inlineWriterNames = 24
	linearWriterNames = 64
)

// nameRef is an entry: a name, buf[off:end] (its escaped text between the
// quotes) with a key of its canonical text (its textKey in a linear
// object, its hash in a hashed one), or an object's mark, off < 0, with
// end the index of the enclosing object's mark and key, while an object
// is open inside it, the filter of a linear object's names' keys
// (writerNames.filter until then). The entries of an open object are
// contiguous: its mark, its names, then the mark of the object open
// inside it, if any. Names of different keys differ, so most comparisons
// are one word's.
type nameRef struct {
	off, end int
	key      uint64
}

// A slot of the index holds an entry's index + 1 in its low bits and the
// top bits of the entry's hash, a tag that spares reading most entries
// a probe meets. Entries are 24 bytes: 1<<40 of them would be 24 TiB.
const slotIndex = 1<<40 - 1

const (
	markLinear    = -1 // an object whose names are searched linearly
	markHashed    = -2 // an object whose names are in the index
	markUnchecked = -3 // an object begun with AllowDuplicateNames
)

// writerNames holds the names. The index is an open-addressing hash table
// with linear probing of the names of every hashed open object (slots hold
// entry indexes + 1 and hash tags), at most a quarter full so that probes
// are short; entries leave it in the reverse order they entered
// it, which linear probing allows without tombstones, and a probe skips
// the entries of outer objects (indexes below the innermost mark).
type writerNames struct {
	n      int // entries held
	inline [inlineWriterNames]nameRef
	more   []nameRef // entries from inlineWriterNames on (to n; len == cap)
	obj    int       // the innermost open object's mark
	// The innermost object's filter of its names' keys (a linear
	// object's), and quick: addQuick holds a name only as an entry
	// below it, 0 unless the object is linear (see setQuick).
	filter   uint64
	quick    int
	slots    []uint64 // the index; its length is a power of two
	nindex   int      // entries in the index, at most a quarter of its slots
	seed     maphash.Seed
	seeded   bool
	replaced bool      // a name with a \ufffd replacement was written
	scratch  [2][]byte // canonical texts (see canonical)
	work     int       // names compared and slots probed, for tests that bound it
	kept     int       // entries [0, kept) have their text in buf[:keptEnd]
	keptEnd  int       // at least the length of the Writer's dst (Reset)
}

// reset empties n in place, keeping its memory; the entries left in
// inline and more are never read again.
func (n *writerNames) reset() {
	if n.nindex > 0 {
		clear(n.slots)
	}
	n.n, n.obj, n.nindex, n.replaced, n.work = 0, 0, 0, false, 0
	n.kept, n.keptEnd = 0, 0
	n.filter, n.quick = 0, 0
}

func (n *writerNames) at(i int) nameRef {
	if i < inlineWriterNames {
		return n.inline[i]
	}
	return n.more[i-inlineWriterNames]
}

func (n *writerNames) push(r nameRef) {
	if n.n < inlineWriterNames {
		n.inline[n.n] = r
	} else if i := n.n - inlineWriterNames; i < len(n.more) {
		n.more[i] = r
	} else {
		n.more = append(n.more, r)
		n.more = n.more[:cap(n.more)]
		if n.quick > 0 {
			n.setQuick()
		}
	}
	n.n++
}

// setQuick sets quick for the innermost object, a linear one: addQuick
// holds its names until it has linearWriterNames (add indexes the object
// at the next), where there is room without growing more.
func (n *writerNames) setQuick() {
	n.quick = min(n.obj+1+linearWriterNames, inlineWriterNames+len(n.more))
}

// beginQuick is begin's common case, which BeginObject tries first (it
// is inlined): a checked object whose mark has room inline. It reports
// whether it opened the object; if not, begin does.
func (n *writerNames) beginQuick() bool {
	if n.n >= inlineWriterNames {
		return false
	}
	// The enclosing object's filter, kept in its mark (with no object
	// open, n.obj is 0 and the new mark overwrites it).
	n.inline[n.obj].key = n.filter
	n.inline[n.n] = nameRef{off: markLinear, end: n.obj}
	n.obj = n.n
	n.n++
	n.filter = 0
	n.setQuick()
	return true
}

// begin opens an object.
func (n *writerNames) begin(unchecked bool) {
	if n.n > 0 { // the enclosing object's filter, kept in its mark
		n.setKey(n.obj, n.filter)
	}
	m := nameRef{off: markLinear, end: n.obj}
	if unchecked {
		m.off = markUnchecked
	}
	n.obj = n.n
	n.push(m)
	n.filter, n.quick = 0, 0
	if !unchecked {
		n.setQuick()
	}
}

// errIndexLost is end's panic when the index does not hold a name it
// must: the Writer's own bug, or one Writer used by two goroutines at once.
const errIndexLost = "lejp: internal error: the Writer's name index lost a name" +
	" (is the Writer used by two goroutines at once?)"

// endQuick is end's common case, which EndObject tries first (it is
// inlined): an object that is not hashed (end takes a hashed one's names
// out of the index) inside a linear one, both marks inline, none of its
// names kept by a Flush. It reports whether it closed the object; if
// not, end does.
func (n *writerNames) endQuick() bool {
	o := n.obj // taken if 0 < o < inlineWriterNames and o >= kept
	if uint(o-1) >= inlineWriterNames-1 || o < n.kept {
		return false
	}
	p := n.inline[o].end
	if n.inline[o].off == markHashed || n.inline[p].off != markLinear {
		return false
	}
	n.n, n.obj, n.filter = o, p, n.inline[p].key
	n.setQuick()
	return true
}

// end closes the innermost object.
func (n *writerNames) end() {
	m := n.at(n.obj)
	if m.off == markHashed {
		mask := len(n.slots) - 1
		for i := n.n - 1; i > n.obj; i-- {
			// The entry's slot lies between its home slot and the first
			// empty one after it (the index is at most a quarter full).
			k := int(n.at(i).key) & mask
			for s := n.slots[k]; s&slotIndex != uint64(i+1); s = n.slots[k] {
				if s == 0 {
					panic(errIndexLost)
				}
				k = (k + 1) & mask
			}
			n.slots[k] = 0
			n.nindex--
		}
	}
	if n.obj < n.kept {
		// The object's names, if any, are the last of buf[:keptEnd].
		if n.obj+1 < n.kept {
			n.keptEnd = n.at(n.obj + 1).off
		}
		n.kept = n.obj
	}
	n.n = n.obj
	n.obj = m.end
	n.filter, n.quick = 0, 0
	if n.n > 0 { // the enclosing object's
		m = n.at(n.obj)
		n.filter = m.key
		if m.off == markLinear {
			n.setQuick()
		}
	}
}

// keep moves the escaped text of the names written since the last Flush
// to the end of the names Flush kept, at the start of buf, before Flush
// empties the rest of buf, and returns where they end now: buf holds
// the names of the open objects that check them, in the order of their
// entries, and nothing else. An entry from kept on was written after
// the kept names, so the text moves down (or stays). The Writer's
// escaping, which comparisons rely on, is kept as written.
func (n *writerNames) keep(buf []byte) int {
	p := n.keptEnd
	for i := n.kept; i < n.n; i++ {
		e := n.at(i)
		if e.off < 0 { // a mark
			continue
		}
		l := copy(buf[p:], buf[e.off:e.end])
		e.off, e.end = p, p+l
		n.set(i, e)
		p += l
	}
	n.kept, n.keptEnd = n.n, p
	return p
}

// add reports whether the innermost object already has the name
// buf[off:end]; if not, it holds it (unless the object is unchecked).
// replaced says the name was written with a \ufffd replacement. src is
// the caller's string when that is the text written (no escape, no
// replacement: the lengths are equal), else anything of another length
// (NameBytes passes ""): keys are then read from buf.
func (n *writerNames) add(buf []byte, off, end int, src string, replaced bool) bool {
	var mark *nameRef
	if n.obj < inlineWriterNames {
		mark = &n.inline[n.obj]
	} else {
		mark = &n.more[n.obj-inlineWriterNames]
	}
	if mark.off == markUnchecked {
		return false
	}
	if replaced {
		n.replaced = true
	}
	r := nameRef{off: off, end: end}
	if mark.off == markHashed {
		return n.addHashed(buf, r, src)
	}
	if len(src) == end-off {
		r.key = textKey(src)
	} else {
		r.key = textKey(n.canonical(1, buf[off:end]))
	}
	// A linear object has a 64-bit filter of its names' keys: a name
	// whose bit is clear is new without a search (most names).
	bit := filterBit(r.key)
	if n.filter&bit != 0 && n.scan(buf, r) {
		return true
	}
	n.filter |= bit
	n.push(r)
	if n.n-n.obj-1 > linearWriterNames {
		n.index(buf)
	}
	return false
}

// addQuick is add's most common case, which Name tries first: a name
// that needed no escape (src, the text written) in a linear object whose
// filter bit for it is clear, below quick. It reports whether it held
// the name; if not, add decides.
func (n *writerNames) addQuick(off, end int, src string) bool {
	if n.n >= n.quick || len(src) != end-off {
		return false
	}
	key := textKey(src)
	bit := filterBit(key)
	if n.filter&bit != 0 {
		return false
	}
	n.filter |= bit
	if n.n < inlineWriterNames {
		n.inline[n.n] = nameRef{off: off, end: end, key: key}
	} else {
		n.more[n.n-inlineWriterNames] = nameRef{off: off, end: end, key: key}
	}
	n.n++
	return true
}

// filterBit is the bit of a name of key key in a linear object's filter.
func filterBit(key uint64) uint64 {
	return 1 << (key * 0x9E3779B97F4A7C15 >> 58)
}

// scan searches the innermost (linear) object's names for r.
func (n *writerNames) scan(buf []byte, r nameRef) bool {
	n.work += n.n - n.obj - 1 // at most
	// Over slices, whose ends are not read again after each same.
	i := n.obj + 1
	if i < inlineWriterNames {
		for _, e := range n.inline[i:min(n.n, inlineWriterNames)] {
			if e.key == r.key && n.same(buf, e, r) {
				return true
			}
		}
		i = inlineWriterNames
	}
	for _, e := range n.more[i-inlineWriterNames : max(n.n-inlineWriterNames, 0)] {
		if e.key == r.key && n.same(buf, e, r) {
			return true
		}
	}
	return false
}

// addHashed is add for an object whose names are in the index: the key
// of an entry is its hash.
func (n *writerNames) addHashed(buf []byte, r nameRef, src string) bool {
	var h uint64
	if len(src) == r.end-r.off {
		h = maphash.String(n.seed, src) ^ uint64(n.obj)*0x9E3779B97F4A7C15
	} else {
		h = n.hash(n.canonical(1, buf[r.off:r.end]), n.obj)
	}
	r.key = h
	mask := len(n.slots) - 1
	for k := int(h) & mask; ; k = (k + 1) & mask {
		s := n.slots[k]
		if s == 0 {
			break
		}
		n.work++
		// Only a slot of the same tag is worth reading the entry of.
		if s&^slotIndex == h&^slotIndex {
			if i := int(s&slotIndex) - 1; i > n.obj && n.same(buf, n.at(i), r) {
				return true
			}
		}
	}
	n.push(r)
	n.insert(n.n-1, h)
	return false
}

// index puts the innermost object's names in the index: from now on it is
// hashed.
func (n *writerNames) index(buf []byte) {
	if !n.seeded {
		n.seed = maphash.MakeSeed()
		n.seeded = true
	}
	m := n.at(n.obj)
	m.off = markHashed
	n.setMark(m)
	n.quick = 0
	for i := n.obj + 1; i < n.n; i++ {
		e := n.at(i)
		e.key = n.hash(n.canonical(0, buf[e.off:e.end]), n.obj)
		n.set(i, e)
	}
	n.nindex += n.n - n.obj - 1
	if 4*n.nindex > len(n.slots) {
		n.rehash(max(64, 4*n.nindex+1))
	} else {
		for i := n.obj + 1; i < n.n; i++ {
			n.place(i, n.at(i).key)
		}
	}
}

// setMark replaces the innermost object's mark.
func (n *writerNames) setMark(m nameRef) { n.set(n.obj, m) }

// setKey sets the key of entry i.
func (n *writerNames) setKey(i int, key uint64) {
	if i < inlineWriterNames {
		n.inline[i].key = key
	} else {
		n.more[i-inlineWriterNames].key = key
	}
}

func (n *writerNames) set(i int, e nameRef) {
	if i < inlineWriterNames {
		n.inline[i] = e
	} else {
		n.more[i-inlineWriterNames] = e
	}
}

// insert puts entry i, of hash h, in the index, rebuilding the index
// larger to keep its load at most one quarter (from one eighth after a
// rebuild: 32 to 64 bytes of slots per name). The rebuild asks for just
// over 4 slots a name: rounded up to a power of two, that is 8 at most.
func (n *writerNames) insert(i int, h uint64) {
	n.nindex++
	if 4*n.nindex > len(n.slots) {
		n.rehash(max(64, 4*n.nindex+1)) // places entry i too
		return
	}
	n.place(i, h)
}

func (n *writerNames) place(i int, h uint64) {
	mask := len(n.slots) - 1
	k := int(h) & mask
	for n.slots[k] != 0 {
		n.work++
		k = (k + 1) & mask
	}
	n.slots[k] = h&^slotIndex | uint64(i+1)
}

// rehash rebuilds the index with size slots (rounded up to a power of
// two), placing the names of every hashed open object in the order they
// entered, so that removal in reverse order stays valid.
func (n *writerNames) rehash(size int) {
	size = 1 << bits.Len(uint(size-1))
	if cap(n.slots) >= size {
		n.slots = n.slots[:size]
		clear(n.slots)
	} else {
		n.slots = make([]uint64, size)
	}
	hashed := false
	for i := 0; i < n.n; i++ {
		r := n.at(i)
		if r.off < 0 {
			hashed = r.off == markHashed
		} else if hashed {
			n.place(i, r.key)
		}
	}
}

// textKey is a key of a name: its first and last eight bytes and its
// length for a long name, its first and last four bytes and its length for
// one of four to seven, its bytes for a shorter one (no loop). So names
// of up to 16 bytes have keys as different as they are, and longer ones
// as they differ in their ends.
func textKey[T string | []byte](s T) uint64 {
	n := len(s)
	switch {
	case n >= 8:
		return longKey(le64(s[:8]), le64(s[n-8:]), n)
	case n >= 4:
		return uint64(le32(s[:4]))<<32 | uint64(le32(s[n-4:])) ^ uint64(n)*0x9E3779B97F4A7C15
	case n == 0:
		return 0
	}
	return uint64(n) | uint64(s[0])<<8 | uint64(s[n>>1])<<16 | uint64(s[n-1])<<24
}

// le64 is the little-endian word of the eight bytes of s.
func le64[T string | []byte](s T) uint64 {
	_ = s[7]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// le32 is the little-endian word of the four bytes of s.
func le32[T string | []byte](s T) uint32 {
	_ = s[3]
	return uint32(s[0]) | uint32(s[1])<<8 | uint32(s[2])<<16 | uint32(s[3])<<24
}

// hash is the hash of a name, given as its canonical text, of the object
// whose mark is entry mark: the same name in nested objects goes to
// different slots.
func (n *writerNames) hash(text []byte, mark int) uint64 {
	return maphash.Bytes(n.seed, text) ^ uint64(mark)*0x9E3779B97F4A7C15
}

// same reports whether two names are the same decoded.
func (n *writerNames) same(buf []byte, a, b nameRef) bool {
	if a.key != b.key {
		return false
	}
	x, y := buf[a.off:a.end], buf[b.off:b.end]
	if !n.replaced {
		return string(x) == string(y)
	}
	return string(n.canonical(0, x)) == string(n.canonical(1, y))
}

// canonical returns the canonical text of the name whose escaped text is
// e (as the Writer writes it): e, unless a replacement was written and e
// has an escape, when it is e with each \ufffd written as U+FFFD's UTF-8,
// in scratch k.
func (n *writerNames) canonical(k int, e []byte) []byte {
	if !n.replaced {
		return e
	}
	i := bytes.IndexByte(e, '\\')
	if i < 0 {
		return e
	}
	out := append(n.scratch[k][:0], e[:i]...)
	for i < len(e) {
		// The Writer's escapes, all whole in e: \", \\, \b, \f, \n,
		// \r, \t, \u00XX and \ufffd.
		switch {
		case e[i] != '\\':
			out = append(out, e[i])
			i++
		case e[i+1] != 'u':
			out = append(out, e[i:i+2]...)
			i += 2
		case string(e[i+2:i+6]) == "fffd":
			out = append(out, "\ufffd"...)
			i += 6
		default:
			out = append(out, e[i:i+6]...)
			i += 6
		}
	}
	n.scratch[k] = out
	return out
}
