package lejp

// The Writer's duplicate detection. It holds, as entries on a stack, one
// mark per open object and the names written in objects that check them; a
// name is the position of its escaped text in the Writer's buffer, so
// nothing is copied (until a Flush, see keep). An object's names are
// searched linearly up to linearWriterNames, and only when a 64-bit filter
// of their keys (kept in the object's mark) says the name may be there; from
// there on the object is indexed by a hash of its names (one table for all
// open objects). The first inlineWriterNames entries live in the Writer
// itself, so that a new Writer (one per JOSE header or claims set) allocates
// nothing for them.
//
// Names are compared as a reader decodes them. The Writer's escaping is a
// function of the decoded name, except for U+FFFD, written as is when
// given and as \ufffd when it replaces a byte that is not UTF-8 (with
// AllowInvalidUTF8). So names are compared as their escaped text until a
// replacement has been written, and decoded from then on. Keys and hashes
// are of the decoded name: for a name just written, the caller's string
// (or, with a replacement, that string replaced), which is faster to read
// than the bytes just written; for one written before, decoded from the
// buffer.

import (
	"bytes"
	"hash/maphash"
	"math/bits"
	"unicode/utf8"
)

const (
	inlineWriterNames = 24
	linearWriterNames = 32
)

// nameRef is an entry: a name, buf[off:end] (its escaped text between the
// quotes) with a key of its decoded form (its textKey in a linear
// object, its hash in a hashed one), or an object's mark, off < 0, with
// end the index of the enclosing object's mark and key a filter of the
// keys of its names (linear objects). The entries of an open object are
// contiguous: its mark, its names, then the mark of the object open
// inside it, if any. Names of different keys differ, so most comparisons
// are one word's.
type nameRef struct {
	off, end int
	key      uint64
}

const (
	markLinear    = -1 // an object whose names are searched linearly
	markHashed    = -2 // an object whose names are in the index
	markUnchecked = -3 // an object begun with AllowDuplicateNames
)

// writerNames holds the names. The index is an open-addressing hash table
// with linear probing of the names of every hashed open object (slots hold
// entry indexes + 1); entries leave it in the reverse order they entered
// it, which linear probing allows without tombstones, and a probe skips
// the entries of outer objects (indexes below the innermost mark).
type writerNames struct {
	n        int // entries held
	inline   [inlineWriterNames]nameRef
	more     []nameRef // entries from inlineWriterNames on
	obj      int       // the innermost open object's mark
	slots    []int     // the index; its length is a power of two
	nindex   int       // entries in the index, at most half its slots
	seed     maphash.Seed
	seeded   bool
	replaced bool      // a name with a \ufffd replacement was written
	scratch  [2][]byte // decoded names
	work     int       // names compared and slots probed, for tests that bound it
	kept     int       // entries [0, kept) have their text in buf[:keptEnd]
	keptEnd  int       // at least the length of the Writer's dst (Reset)
}

// reset empties n in place, keeping its memory; the entries left in
// inline are never read again.
func (n *writerNames) reset() {
	if n.nindex > 0 {
		clear(n.slots)
	}
	n.n, n.obj, n.nindex, n.replaced, n.work = 0, 0, 0, false, 0
	n.kept, n.keptEnd = 0, 0
	n.more = n.more[:0]
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
	} else {
		n.more = append(n.more[:n.n-inlineWriterNames], r)
	}
	n.n++
}

// begin opens an object.
func (n *writerNames) begin(unchecked bool) {
	m := nameRef{off: markLinear, end: n.obj}
	if unchecked {
		m.off = markUnchecked
	}
	n.obj = n.n
	n.push(m)
}

// end closes the innermost object.
func (n *writerNames) end() {
	m := n.at(n.obj)
	if m.off == markHashed {
		mask := len(n.slots) - 1
		for i := n.n - 1; i > n.obj; i-- {
			k := int(n.at(i).key) & mask
			for n.slots[k] != i+1 {
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
// buf[off:end], written from name; if not, it holds it (unless the object
// is unchecked). replaced says the name was written with a \ufffd
// replacement.
func (n *writerNames) add(buf []byte, off, end int, name string, replaced bool) bool {
	var mark *nameRef
	if n.obj < inlineWriterNames {
		mark = &n.inline[n.obj]
	} else {
		mark = &n.more[n.obj-inlineWriterNames]
	}
	switch mark.off {
	case markUnchecked:
		return false
	case markHashed:
		if replaced {
			n.replaced = true
		}
		return n.addHashed(buf, nameRef{off: off, end: end}, name, replaced)
	}
	if replaced {
		n.replaced = true
	}
	r := nameRef{off: off, end: end, key: n.key(name, replaced)}
	// A linear object's mark keeps a 64-bit filter of its names' keys: a
	// name whose bit is clear is new without a search (most names).
	bit := uint64(1) << (r.key * 0x9E3779B97F4A7C15 >> 58)
	if mark.key&bit != 0 && n.scan(buf, r) {
		return true
	}
	mark.key |= bit
	if n.n < inlineWriterNames {
		n.inline[n.n] = r
		n.n++
	} else {
		n.push(r)
	}
	if n.n-n.obj-1 > linearWriterNames {
		n.index(buf)
	}
	return false
}

// scan searches the innermost (linear) object's names for r.
func (n *writerNames) scan(buf []byte, r nameRef) bool {
	n.work += n.n - n.obj - 1 // at most
	if n.n <= inlineWriterNames {
		// The object's names are all in inline: no bounds to choose.
		for i := n.obj + 1; i < n.n; i++ {
			if n.inline[i].key == r.key && n.same(buf, n.inline[i], r) {
				return true
			}
		}
		return false
	}
	for i := n.obj + 1; i < n.n; i++ {
		if e := n.at(i); e.key == r.key && n.same(buf, e, r) {
			return true
		}
	}
	return false
}

// addHashed is add for an object whose names are in the index: the key
// of an entry is its hash.
func (n *writerNames) addHashed(buf []byte, r nameRef, name string, replaced bool) bool {
	var h uint64
	if replaced {
		n.key(name, true) // the replaced name, in scratch 1
		h = n.hash(n.scratch[1], n.obj)
	} else {
		h = maphash.String(n.seed, name) ^ uint64(n.obj)*0x9E3779B97F4A7C15
	}
	r.key = h
	mask := len(n.slots) - 1
	for k := int(h) & mask; n.slots[k] != 0; k = (k + 1) & mask {
		n.work++
		if i := n.slots[k] - 1; i > n.obj && n.same(buf, n.at(i), r) {
			return true
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
	for i := n.obj + 1; i < n.n; i++ {
		e := n.at(i)
		e.key = n.hash(n.decoded(0, buf[e.off:e.end]), n.obj)
		n.set(i, e)
	}
	n.nindex += n.n - n.obj - 1
	if 2*n.nindex > len(n.slots) {
		n.rehash(max(64, 4*n.nindex))
	} else {
		for i := n.obj + 1; i < n.n; i++ {
			n.place(i, n.at(i).key)
		}
	}
}

// setMark replaces the innermost object's mark.
func (n *writerNames) setMark(m nameRef) { n.set(n.obj, m) }

func (n *writerNames) set(i int, e nameRef) {
	if i < inlineWriterNames {
		n.inline[i] = e
	} else {
		n.more[i-inlineWriterNames] = e
	}
}

// insert puts entry i, of hash h, in the index, rebuilding the index
// larger to keep its load at most one half.
func (n *writerNames) insert(i int, h uint64) {
	n.nindex++
	if 2*n.nindex > len(n.slots) {
		n.rehash(max(64, 4*n.nindex)) // places entry i too
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
	n.slots[k] = i + 1
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
		n.slots = make([]int, size)
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

// key is the key of a name given as name to Name: a function of the name
// a reader decodes, which is name itself unless bytes that are not UTF-8
// were replaced (invalid). It is computed from the caller's string rather
// than the bytes just written, which a load would wait for.
func (n *writerNames) key(name string, invalid bool) uint64 {
	if !invalid {
		return textKey(name)
	}
	d := n.scratch[1][:0]
	for i := 0; i < len(name); {
		r, size := utf8.DecodeRuneInString(name[i:])
		if r == utf8.RuneError && size == 1 {
			d = append(d, "\ufffd"...)
		} else {
			d = append(d, name[i:i+size]...)
		}
		i += size
	}
	n.scratch[1] = d
	return textKey(d)
}

// textKey is a key of a name: its first and last eight bytes and its
// length for a long name, its length and first, middle and last bytes for
// a short one (no loop).
func textKey[T string | []byte](s T) uint64 {
	n := len(s)
	switch {
	case n >= 8:
		return longKey(le64(s[:8]), le64(s[n-8:]), n)
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

// hash is the hash of a name of the object whose mark is entry mark:
// the same name in nested objects goes to different slots.
func (n *writerNames) hash(decoded []byte, mark int) uint64 {
	return maphash.Bytes(n.seed, decoded) ^ uint64(mark)*0x9E3779B97F4A7C15
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
	return string(n.decoded(0, x)) == string(n.decoded(1, y))
}

// decoded returns the name whose escaped text is e (as the Writer writes
// it), in scratch k when that differs from e.
func (n *writerNames) decoded(k int, e []byte) []byte {
	if bytes.IndexByte(e, '\\') < 0 {
		return e
	}
	out := n.scratch[k][:0]
	for i := 0; i < len(e); {
		c := e[i]
		if c != '\\' {
			out = append(out, c)
			i++
			continue
		}
		// The Writer's escapes, all whole in e: \", \\, \b, \f, \n,
		// \r, \t, \u00XX and \ufffd.
		switch c = e[i+1]; c {
		case 'u':
			var r rune
			for _, h := range e[i+2 : i+6] {
				r = r<<4 | rune(hexValue(h))
			}
			out = utf8.AppendRune(out, r)
			i += 6
			continue
		case 'b':
			c = '\b'
		case 'f':
			c = '\f'
		case 'n':
			c = '\n'
		case 'r':
			c = '\r'
		case 't':
			c = '\t'
		}
		out = append(out, c)
		i += 2
	}
	n.scratch[k] = out
	return out
}

// hexValue is the value of a lower-case hexadecimal digit.
func hexValue(h byte) byte {
	if h >= 'a' {
		return h - 'a' + 10
	}
	return h - '0'
}
