package lejp

// The Writer's duplicate detection. It holds, as entries on a stack, one
// mark per open object and the names written in objects that check them;
// a name is the position of its escaped text in the Writer's buffer, so
// nothing is copied. An object's names are searched linearly up to
// linearWriterNames; from there on the object is indexed by a hash of its
// names (one table for all open objects). The first inlineWriterNames
// entries live in the Writer itself, so that a new Writer (one per JOSE
// header or claims set) allocates nothing for them.
//
// Names are compared as a reader decodes them. The Writer's escaping is a
// function of the decoded name, except for U+FFFD, written as is when
// given and as \ufffd when it replaces a byte that is not UTF-8 (with
// AllowInvalidUTF8). So names are compared as their escaped text, and once
// a replacement has been written, as that text with each \ufffd escape
// written as U+FFFD (canonical), which is the escaping of the decoded name.

import (
	"bytes"
	"hash/maphash"
	"math/bits"
)

const (
	inlineWriterNames = 24
	linearWriterNames = 32
)

// nameRef is an entry: a name, buf[off:end] (its escaped text between the
// quotes), or an object's mark, off < 0, with end the index of the
// enclosing object's mark. The entries of an open object are contiguous:
// its mark, its names, then the mark of the object open inside it, if any.
type nameRef struct{ off, end int }

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
	scratch  [2][]byte // canonical forms, once replaced
	work     int       // names compared and slots probed, for tests that bound it
}

// reset returns an empty writerNames keeping the memory of n.
func (n *writerNames) reset() writerNames {
	if n.nindex > 0 {
		clear(n.slots)
	}
	return writerNames{more: n.more[:0], slots: n.slots, seed: n.seed, seeded: n.seeded, scratch: n.scratch}
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

// end closes the innermost object, whose names lie in buf.
func (n *writerNames) end(buf []byte) {
	m := n.at(n.obj)
	if m.off == markHashed {
		mask := len(n.slots) - 1
		for i := n.n - 1; i > n.obj; i-- {
			k := int(n.hash(buf, n.at(i), n.obj)) & mask
			for n.slots[k] != i+1 {
				k = (k + 1) & mask
			}
			n.slots[k] = 0
			n.nindex--
		}
	}
	n.n = n.obj
	n.obj = m.end
}

// add reports whether the innermost object already has the name
// buf[off:end]; if not, it holds it (unless the object is unchecked).
// replaced says the name was written with a \ufffd replacement.
func (n *writerNames) add(buf []byte, off, end int, replaced bool) bool {
	mark := n.at(n.obj)
	if mark.off == markUnchecked {
		return false
	}
	if replaced {
		n.replaced = true
	}
	r := nameRef{off, end}
	if mark.off == markHashed {
		h := n.hash(buf, r, n.obj)
		mask := len(n.slots) - 1
		for k := int(h) & mask; n.slots[k] != 0; k = (k + 1) & mask {
			n.work++
			if i := n.slots[k] - 1; i > n.obj && n.same(buf, n.at(i), r) {
				return true
			}
		}
		n.push(r)
		n.insert(buf, n.n-1, h)
		return false
	}
	for i := n.obj + 1; i < n.n; i++ {
		n.work++
		if n.same(buf, n.at(i), r) {
			return true
		}
	}
	n.push(r)
	if n.n-n.obj-1 > linearWriterNames {
		// Index the object's names from now on.
		if !n.seeded {
			n.seed = maphash.MakeSeed()
			n.seeded = true
		}
		m := n.at(n.obj)
		m.off = markHashed
		n.setMark(m)
		n.nindex += n.n - n.obj - 1
		if 2*n.nindex > len(n.slots) {
			n.rehash(buf, max(64, 4*n.nindex))
		} else {
			for i := n.obj + 1; i < n.n; i++ {
				n.place(i, n.hash(buf, n.at(i), n.obj))
			}
		}
	}
	return false
}

// setMark replaces the innermost object's mark.
func (n *writerNames) setMark(m nameRef) {
	if n.obj < inlineWriterNames {
		n.inline[n.obj] = m
	} else {
		n.more[n.obj-inlineWriterNames] = m
	}
}

// insert puts entry i, of hash h, in the index, rebuilding the index
// larger to keep its load at most one half.
func (n *writerNames) insert(buf []byte, i int, h uint64) {
	n.nindex++
	if 2*n.nindex > len(n.slots) {
		n.rehash(buf, max(64, 4*n.nindex)) // places entry i too
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
func (n *writerNames) rehash(buf []byte, size int) {
	size = 1 << bits.Len(uint(size-1))
	if cap(n.slots) >= size {
		n.slots = n.slots[:size]
		clear(n.slots)
	} else {
		n.slots = make([]int, size)
	}
	hashed, mark := false, 0
	for i := 0; i < n.n; i++ {
		r := n.at(i)
		if r.off < 0 {
			hashed, mark = r.off == markHashed, i
		} else if hashed {
			n.place(i, n.hash(buf, r, mark))
		}
	}
}

// hash is the hash of a name of the object whose mark is entry mark:
// the same name in nested objects goes to different slots.
func (n *writerNames) hash(buf []byte, r nameRef, mark int) uint64 {
	return maphash.Bytes(n.seed, n.canonical(0, buf[r.off:r.end])) ^ uint64(mark)*0x9E3779B97F4A7C15
}

// same reports whether two names are the same decoded.
func (n *writerNames) same(buf []byte, a, b nameRef) bool {
	x, y := buf[a.off:a.end], buf[b.off:b.end]
	if !n.replaced {
		return string(x) == string(y)
	}
	return string(n.canonical(0, x)) == string(n.canonical(1, y))
}

// canonical returns the escaped name e with each \ufffd escape written as
// U+FFFD, in scratch k when that differs from e.
func (n *writerNames) canonical(k int, e []byte) []byte {
	if !n.replaced || bytes.IndexByte(e, '\\') < 0 {
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
		// The Writer's escapes: \", \\, \b, \f, \n, \r, \t, \u00XX and
		// \ufffd, all whole in e.
		if e[i+1] == 'u' {
			if string(e[i+2:i+6]) == "fffd" {
				out = append(out, "\ufffd"...)
			} else {
				out = append(out, e[i:i+6]...)
			}
			i += 6
			continue
		}
		out = append(out, e[i:i+2]...)
		i += 2
	}
	n.scratch[k] = out
	return out
}
