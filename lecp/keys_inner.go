package lecp

// The keys of maps inside a map key being built (inner keys): such a map's
// keys are part of the key around it, and of every key around that, so
// closing each up and copying it as it completes (as the keys of other
// maps are) costs the input's length times the nesting. An inner key is
// left in kbuf where it was written (its region does not move until its
// map has ended: compact moves only what follows the start of an item
// ending, and kbuf is not reset until the outermost key is complete) and is
// known by a fingerprint, a polynomial hash of its canonical encoding
// computed as it is written (keySet.marks), with its canonical length;
// fingerprints that match are confirmed on the canonical encodings, rebuilt
// from kbuf. The arena space the key would have taken is reserved, so
// MaxKeyMemory counts as for any key.

import (
	"bytes"
	"math/bits"
	"slices"
	"sort"
)

// polyP is the prime modulus of the fingerprint hash, 2^61-1: with a random
// point, two different encodings of length n get the same fingerprint with
// probability at most n/2^61.
const polyP = 1<<61 - 1

func mulP(a, b uint64) uint64 {
	hi, lo := bits.Mul64(a, b)
	s := (hi<<3 | lo>>61) + lo&polyP
	if s >= polyP {
		s -= polyP
	}
	if s >= polyP {
		s -= polyP
	}
	return s
}

func powP(r uint64, n int) uint64 {
	p := uint64(1)
	for ; n > 0; n >>= 1 {
		if n&1 != 0 {
			p = mulP(p, r)
		}
		r = mulP(r, r)
	}
	return p
}

// hmark is the fingerprint h (the polynomial in r of the bytes, highest
// power first) and length n of the canonical encoding written since an
// inner key or an indefinite-length item inside one started.
type hmark struct {
	h uint64
	n int
	// a key's mark: where the key starts in kbuf, and the depth of its
	// map; start is -1 for an indefinite-length item's
	start, depth int32
}

func (m *hmark) add(b []byte, r uint64) {
	h := m.h
	for _, c := range b {
		h = mulP(h, r) + uint64(c)
		if h >= polyP {
			h -= polyP
		}
	}
	m.h = h
	m.n += len(b)
}

// join appends the encoding whose mark is o.
func (m *hmark) join(o hmark, r uint64) {
	h := mulP(m.h, powP(r, o.n)) + o.h
	if h >= polyP {
		h -= polyP
	}
	m.h, m.n = h, m.n+o.n
}

// canonical appends to dst the n bytes of the canonical encoding of the
// item written at kbuf offset start: kbuf without the room left over
// around the heads of indefinite-length items not yet closed up.
func (ks *keySet) canonical(dst []byte, start, n int) []byte {
	g := ks.gaps
	i := sort.Search(len(g), func(i int) bool { return int(g[i].pos) >= start })
	t := start
	for n > 0 {
		end := t + n
		if i < len(g) && int(g[i].pos+g[i].n) < end {
			e := int(g[i].pos + g[i].n)
			dst = append(dst, ks.kbuf[t:e]...)
			n -= e - t
			t = int(g[i].pos) + maxHead
			i++
			continue
		}
		dst = append(dst, ks.kbuf[t:end]...)
		n = 0
	}
	ks.copied += len(dst)
	return dst
}

// sameInner reports whether the inner keys of length n at kbuf offsets a
// and b (with the same fingerprint) are the same key.
func (ks *keySet) sameInner(a, b, n int) bool {
	ks.cbuf[0] = ks.canonical(ks.cbuf[0][:0], a, n)
	ks.cbuf[1] = ks.canonical(ks.cbuf[1][:0], b, n)
	return bytes.Equal(ks.cbuf[0], ks.cbuf[1])
}

// nanFrom is the index in nans of the first NaN at kbuf offset pos or
// later.
func (ks *keySet) nanFrom(pos int) int {
	return sort.Search(len(ks.nans), func(i int) bool { return ks.nans[i].pos >= pos })
}

// nanIn reports whether kbuf[start:start+n] holds a NaN written other than
// f97e00.
func (ks *keySet) nanIn(start, n int) bool {
	i := ks.nanFrom(start)
	return i < len(ks.nans) && ks.nans[i].pos < start+n
}

// recvAt is kbuf[p] as received (with its NaNs' bits); *i is an index in
// nans at or before the NaN that may cover p, advanced as p rises.
func (ks *keySet) recvAt(p int, i *int) byte {
	for *i < len(ks.nans) && ks.nans[*i].pos+2 <= p {
		*i++
	}
	if *i < len(ks.nans) {
		if n := ks.nans[*i]; n.pos <= p {
			return byte(n.bits >> (8 * (1 - (p - n.pos))))
		}
	}
	return ks.kbuf[p]
}

// compareRecv compares, as received, the inner keys of lengths la and lb at
// kbuf offsets a and b: with Deterministic (so no indefinite lengths, and
// the canonical encodings are those in kbuf but for NaNs).
func (ks *keySet) compareRecv(a, la, b, lb int) int {
	if len(ks.nans) == 0 || !ks.nanIn(a, la) && !ks.nanIn(b, lb) {
		return bytes.Compare(ks.kbuf[a:a+la], ks.kbuf[b:b+lb])
	}
	ia, ib := ks.nanFrom(a), ks.nanFrom(b)
	for i := range min(la, lb) {
		x, y := ks.recvAt(a+i, &ia), ks.recvAt(b+i, &ib)
		if x != y {
			if x < y {
				return -1
			}
			return 1
		}
	}
	switch {
	case la < lb:
		return -1
	case la > lb:
		return 1
	}
	return 0
}

// innerKeyDone is keyDone for an inner key of map f.
func (ks *keySet) innerKeyDone(f *frame) error {
	mk := ks.marks[len(ks.marks)-1]
	ks.marks = ks.marks[:len(ks.marks)-1]
	if n := len(ks.marks); n > 0 {
		ks.marks[n-1].join(mk, ks.polyR)
	}
	start, n, fp := int(f.kstart), mk.n, mk.h
	if n == 3 && !ks.lim.allowDup {
		kb := ks.canonical(ks.scratch[:0], start, 3)
		if kb[0] == 0xf9 && kb[1]&0x7f == 0 && kb[2] == 0 {
			// 0.0 or -0.0: the same key as the other (see keyDone)
			twin := [3]byte{0xf9, kb[1] ^ 0x80, 0}
			var tm hmark
			tm.add(twin[:], ks.polyR)
			if dup, _ := ks.findInner(f, tm.h, 3, -1, twin[:], false); dup {
				return ErrDuplicateKey
			}
		}
	}
	nanKey := ks.lim.determ && len(ks.nans) > 0 && ks.nanIn(start, n)
	if ks.lim.determ && f.n > 0 {
		switch ks.compareRecv(int(f.keyOff), int(f.keyLen), start, n) {
		case 0:
			if !ks.lim.allowDup {
				return ErrDuplicateKey
			}
		case 1:
			return ErrNotDeterministic
		}
	}
	f.nanKey = nanKey
	size := n
	if nanKey {
		size *= 2 // as keyDone holds the key as received after it
	}
	if ks.lim.allowDup {
		ks.arena = ks.arena[:f.arena0]
		ks.reserveArena(size)
		f.keyOff, f.keyLen = int32(start), int32(n)
		return nil
	}
	dup, slot := ks.findInner(f, fp, n, start, nil, true)
	if dup {
		return ErrDuplicateKey
	}
	ks.reserveArena(size)
	ks.ents = append(ks.ents, keyEnt{pre: fp, off: int32(start), n: int32(n)})
	if slot >= 0 {
		ks.ht[slot] = int32(len(ks.ents)) - f.keys0
	}
	f.keyOff, f.keyLen = int32(start), int32(n)
	if len(ks.arena)+16*len(ks.ents) > ks.lim.maxKeyMem {
		return ErrTooManyKeys
	}
	return nil
}

// reserveArena lengthens the arena by n bytes, not written.
func (ks *keySet) reserveArena(n int) {
	l := len(ks.arena)
	if l+n > cap(ks.arena) {
		na := make([]byte, l, max(2*cap(ks.arena), l+n, 256))
		copy(na, ks.arena)
		ks.arena = na
	}
	ks.arena = ks.arena[:l+n]
}

// findInner looks for the inner key with fingerprint fp and length n among
// the keys of the inner map f: the key at kbuf offset start or, with start
// < 0, the encoding want. With add, where f has (or now needs) a hash
// table, it returns the free slot where the key goes, building or growing
// the table first from the fingerprints.
func (ks *keySet) findInner(f *frame, fp uint64, n, start int, want []byte, add bool) (bool, int) {
	same := func(e *keyEnt) bool {
		if e.pre != fp || int(e.n) != n {
			return false
		}
		if start >= 0 {
			return ks.sameInner(int(e.off), start, n)
		}
		ks.cbuf[0] = ks.canonical(ks.cbuf[0][:0], int(e.off), n) // kept for reuse
		return bytes.Equal(ks.cbuf[0], want)
	}
	ents := ks.ents[f.keys0:]
	if f.htN == 0 && (!add || len(ents) < linearKeys) {
		for i := range ents {
			if same(&ents[i]) {
				return true, -1
			}
		}
		return false, -1
	}
	if add && 2*(len(ents)+1) > int(f.htN) {
		size := 32
		for size < 4*(len(ents)+1) {
			size *= 2
		}
		ks.ht = slices.Grow(ks.ht[:f.ht0], size)[:int(f.ht0)+size]
		clear(ks.ht[f.ht0:])
		f.htN = int32(size)
		mask := uint64(size - 1)
		for i := range ents {
			j := ks.fpSlot(ents[i].pre) & mask
			for ks.ht[int(f.ht0)+int(j)] != 0 {
				j = (j + 1) & mask
			}
			ks.ht[int(f.ht0)+int(j)] = int32(i + 1)
		}
	}
	mask := uint64(f.htN - 1)
	j := ks.fpSlot(fp) & mask
	for {
		v := ks.ht[int(f.ht0)+int(j)]
		if v == 0 {
			if !add {
				return false, -1
			}
			return false, int(f.ht0) + int(j)
		}
		if same(&ents[v-1]) {
			return true, -1
		}
		j = (j + 1) & mask
	}
}

// fpSlot spreads a fingerprint (below 2^61) over a word for the hash table.
func (ks *keySet) fpSlot(fp uint64) uint64 {
	return (fp * ks.mul) >> 20
}
