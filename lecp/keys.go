package lecp

// Map keys are compared as data items (RFC 8949 §5.6), not as encodings:
// while a key is read its canonical encoding (preferred serialization,
// definite lengths, the heads of indefinite items written when they end into
// room reserved where they start, closed up once the key is complete) is
// built in kbuf, so [_ 1] and [1], or "ab" and (_ "a", "b"), are the same
// key. Completed keys of every open map are kept in one arena used as a
// stack (a map's keys are released when it ends); small maps are searched
// linearly by hash, larger ones through an open-addressing table kept on a
// second stack. The keys of maps inside the key being built are not
// copied: they are known by fingerprint where they are in kbuf
// (keys_inner.go). With Options.Deterministic the keys must also rise in the
// bytewise order of their encodings as received: for deterministic input
// the canonical encodings, but for a NaN written other than f97e00 (the
// same key as every NaN), whose bytes as received are rebuilt for the
// comparison (keySet.nans).

import (
	"bytes"
	"encoding/binary"
	"hash/maphash"
	"slices"
)

// keyEnt is a key of an open map: its canonical encoding is
// arena[off:off+n], whose first 8 bytes (zero-padded) are pre, so most
// comparisons stop at one word. A key taken in place from a stable input
// (see keySet.src) has off < 0: it is src[-off-1:][:n], and arena holds n
// bytes reserved for it, so arena offsets and memory accounting are as if
// it had been copied.
type keyEnt struct {
	pre uint64
	off int32
	n   int32
}

// keyPrefix is the first 8 bytes of kb, zero-padded, as one word. A short
// key inside a larger buffer (a key is a slice of the input or of kbuf) is
// read as one word up to its capacity and masked.
func keyPrefix(kb []byte) uint64 {
	if len(kb) >= 8 {
		return binary.LittleEndian.Uint64(kb)
	}
	if cap(kb) >= 8 {
		return binary.LittleEndian.Uint64(kb[:8]) & (1<<(8*uint(len(kb))) - 1)
	}
	var w uint64
	for i, c := range kb {
		w |= uint64(c) << (8 * i)
	}
	return w
}

type keySet struct {
	lim      *limits
	building bool // a map key is being read
	depth    int  // stack depth of the map whose (outermost) key is being read
	kbuf     []byte
	arena    []byte
	ents     []keyEnt
	ht       []int32
	seed     maphash.Seed
	mul      uint64 // odd, random: the filter's hash multiplier
	scratch  [16]byte
	e        error
	direct   []byte // the canonical encoding of a simple key, taken from the input

	// nans, with Deterministic: the NaNs in kbuf written other than
	// f97e00 as received, whose canonical f97e00 in kbuf hides their
	// order (RFC 8949 §4.2.1 orders keys by their encodings); recv holds
	// a key as received, rebuilt from kbuf and nans.
	nans []nanBits
	recv []byte

	// gaps are the indefinite-length items of the key being built, in the
	// order they started (so by pos): each reserved maxHead bytes of kbuf
	// at pos for its head, which fills the first n of them when the item
	// ends (n is 0 while it is open); compact closes up the rest once the
	// key holding them is complete, or once an item ends whose room left
	// over is more than the rest of it (fill), so that the key is built in
	// time linear in its length however deep they nest, and kbuf holds at
	// most about twice the key's length. slack is the reserved bytes of
	// kbuf not holding a head: the key's length is len(kbuf) - slack.
	gaps  []keyGap
	slack int
	// marks fingerprint the keys of the maps inside the key being built
	// (inner keys), which are left where they are in kbuf rather than
	// closed up and copied: each (an hmark) holds the hash and canonical
	// length of what was written since an inner key, or an
	// indefinite-length item inside one, started; when that ends its
	// fingerprint is joined to the mark below in constant time, so the
	// fingerprint of a key holding the keys of maps nested n deep costs
	// its length, not n times it. An inner map's keys are compared by
	// fingerprint and length, then (when those match) by canonical
	// encoding, rebuilt from kbuf (canonical); polyR is the hash's random
	// point.
	marks []hmark
	polyR uint64
	cbuf  [2][]byte

	// moved counts the bytes of kbuf moved to close up around heads, and
	// copied those of keys copied, hashed or compared whole (into the
	// arena, the hash table, a key as received), for tests.
	moved, copied int

	// src is an input that stays unchanged while the keys that refer to it
	// are open: Check's input, a Decoder's whole input, or the buffer of one
	// Parser.Write (whose in-place keys are copied by materialize before
	// Write returns). srcFrom is the index in ents of the first key in
	// place since the last materialize, or -1.
	src     []byte
	srcFrom int
	// dupSrc: with AllowDuplicateKeys, some map's current key is in place
	// in src (keyDup), to be copied by materialize; those maps are at stack
	// index dupFrom or above.
	dupSrc  bool
	dupFrom int
}

func (ks *keySet) init(l *limits) {
	ks.lim = l
	ks.srcFrom = -1
	ks.seed = maphash.MakeSeed()
	ks.mul = maphash.Bytes(ks.seed, []byte("lecp filter")) | 1
	ks.polyR = maphash.Bytes(ks.seed, []byte("lecp key fingerprint"))%(polyP-1<<20) + 1<<20
}

func (ks *keySet) reset() {
	ks.src, ks.srcFrom, ks.dupSrc = nil, -1, false
	ks.building = false
	ks.direct = nil
	ks.kbuf = ks.kbuf[:0]
	ks.nans = ks.nans[:0]
	ks.gaps, ks.slack = ks.gaps[:0], 0
	ks.marks = ks.marks[:0]
	ks.arena = ks.arena[:0]
	ks.ents = ks.ents[:0]
	ks.ht = ks.ht[:0]
	ks.e = nil
}

// err turns a pending key error into a SyntaxError.
func (ks *keySet) err(m *machine, pos int) error {
	if ks.e == nil {
		return nil
	}
	e := ks.e
	ks.e = nil
	return m.fail(pos, e)
}

// keyStart is called when an item starts in key position of map f.
func (ks *keySet) keyStart(f *frame, depth int) {
	if !ks.building {
		ks.building = true
		ks.depth = depth
		ks.kbuf = ks.kbuf[:0]
		ks.nans = ks.nans[:0]
		ks.gaps, ks.slack = ks.gaps[:0], 0
		ks.marks = ks.marks[:0]
	} else if n := len(ks.marks); depth != ks.depth &&
		(n == 0 || ks.marks[n-1].depth != int32(depth) || ks.marks[n-1].start != int32(len(ks.kbuf))) {
		// a key of a map inside the key being built (step calls keyStart
		// again for the same key when a string key is not all in its input)
		ks.marks = append(ks.marks, hmark{start: int32(len(ks.kbuf)), depth: int32(depth)})
	}
	f.kstart = int32(len(ks.kbuf))
}

// nanBits is a NaN in a key being built: kbuf[pos:pos+2] holds 7e00 for
// the half-precision bits received.
type nanBits struct {
	pos  int
	bits uint16
}

// nanAt records that the float about to be appended to kbuf is a NaN
// received as the half-precision bits (f9 and bits).
func (ks *keySet) nanAt(bits uint16) {
	ks.nans = append(ks.nans, nanBits{pos: len(ks.kbuf) + 1, bits: bits})
}

// received returns kb, the canonical encoding of a key that starts at
// kbuf offset start, as received: with its NaNs' bits put back. ok is
// false when they are the same bytes.
func (ks *keySet) received(kb []byte, start int) (recv []byte, ok bool) {
	for _, n := range ks.nans {
		if n.pos < start {
			continue
		}
		if !ok {
			ks.copied += len(kb)
			ks.recv = append(ks.recv[:0], kb...)
			ok = true
		}
		binary.BigEndian.PutUint16(ks.recv[n.pos-start:], n.bits)
	}
	return ks.recv, ok
}

// appendKey appends b to the key being built, or, where that makes it
// longer than MaxKeyLen, records ErrKeyTooLarge (reported where the item
// holding b ends) and holds no more of it.
func (ks *keySet) appendKey(b []byte) {
	if ks.e != nil {
		return
	}
	if len(ks.kbuf)-ks.slack+len(b) > ks.lim.maxKey {
		ks.e = ErrKeyTooLarge
		return
	}
	ks.kbuf = append(ks.kbuf, b...)
	if len(ks.marks) > 0 {
		ks.marks[len(ks.marks)-1].add(b, ks.polyR)
	}
}

func (ks *keySet) head(maj uint8, arg uint64) {
	n := len(ks.kbuf)
	ks.kbuf = appendHead(ks.kbuf, maj, arg)
	if len(ks.marks) > 0 {
		ks.marks[len(ks.marks)-1].add(ks.kbuf[n:], ks.polyR)
	}
	if len(ks.kbuf)-ks.slack > ks.lim.maxKey {
		ks.e = ErrKeyTooLarge
	}
}

// keyGap is the room for the head of an indefinite-length item in kbuf.
type keyGap struct {
	pos int32 // the offset in kbuf of the room, maxHead bytes
	n   int32 // the length of the head written there, or 0
	// slack0 is keySet.slack when the room was reserved: the slack of the
	// gaps before it, which stays so while the item is open (they are the
	// items around it, open, and earlier ones, ended)
	slack0 int
	// marked: the item is inside an inner key, and has a mark (marks)
	marked bool
}

// maxHead is the longest head.
const maxHead = 9

var noHead [maxHead]byte

// reserve makes room at the end of kbuf for the head of an indefinite-length
// item starting there, and returns its index in gaps (for fill).
func (ks *keySet) reserve() int32 {
	i := int32(len(ks.gaps))
	marked := len(ks.marks) > 0
	if marked {
		ks.marks = append(ks.marks, hmark{start: -1})
	}
	ks.gaps = append(ks.gaps, keyGap{pos: int32(len(ks.kbuf)), slack0: ks.slack, marked: marked})
	ks.kbuf = append(ks.kbuf, noHead[:]...)
	ks.slack += maxHead
	return i
}

// fill writes the head of the indefinite-length item that ended into the
// room gaps[i] reserved for it. Where the room left over in the item (its
// own and that of the items in it, gaps[i:]) is more than the item's
// length, it is closed up now: the bytes moved are fewer than twice the
// room closed up, each reserved byte is closed up once, so the work stays
// linear, and an item left as it is holds at most twice its length.
func (ks *keySet) fill(i int, maj uint8, arg uint64) {
	g := &ks.gaps[i]
	h := appendHead(ks.kbuf[g.pos:g.pos], maj, arg)
	g.n = int32(len(h))
	if g.marked {
		// the item is its head, then what its mark holds
		var item hmark
		item.add(h, ks.polyR)
		item.join(ks.marks[len(ks.marks)-1], ks.polyR)
		ks.marks = ks.marks[:len(ks.marks)-1]
		ks.marks[len(ks.marks)-1].join(item, ks.polyR)
	}
	ks.slack -= len(h)
	if len(ks.kbuf)-ks.slack > ks.lim.maxKey {
		ks.e = ErrKeyTooLarge
	}
	if room := ks.slack - g.slack0; 2*room > len(ks.kbuf)-int(g.pos) {
		ks.compact(int(g.pos))
	}
}

// compact closes up the room left around the heads in kbuf[start:], all
// written: those of the items of a complete key, or of an ended item, that
// starts at start. Each byte moves once.
func (ks *keySet) compact(start int) {
	g := ks.gaps
	i := len(g)
	for i > 0 && int(g[i-1].pos) >= start {
		i--
	}
	if i == len(g) {
		return
	}
	w := int(g[i].pos + g[i].n)
	for j := i; j < len(g); j++ {
		from, to := int(g[j].pos)+maxHead, len(ks.kbuf)
		if j+1 < len(g) {
			to = int(g[j+1].pos + g[j+1].n)
		}
		w += copy(ks.kbuf[w:], ks.kbuf[from:to])
		ks.moved += to - from
		ks.slack -= maxHead - int(g[j].n)
	}
	ks.kbuf = ks.kbuf[:w]
	ks.gaps = g[:i]
}

func (ks *keySet) mapStart(f *frame) {
	if cap(ks.ht)-len(ks.ht) < 8 {
		ks.ht = append(ks.ht, 0, 0, 0, 0, 0, 0, 0, 0)[:len(ks.ht)]
	}
	ks.mapStartIn(f)
}

// mapStartIn is mapStart where ht has room for the new map's key filter
// (ReadToken's fast path, which leaves its growth to the machine, calls
// it directly: no call to grow ht stays on its way).
func (ks *keySet) mapStartIn(f *frame) {
	h0 := len(ks.ht)
	f.arena0 = int32(len(ks.arena))
	f.keys0 = int32(len(ks.ents))
	f.ht0 = int32(h0)
	f.htN = 0
	ks.ht = ks.ht[:h0+8]
	*(*[8]int32)(ks.ht[h0:]) = [8]int32{} // the key filter
	f.keyOff, f.keyLen = f.arena0, 0
	f.nanKey = false
}

func (ks *keySet) mapEnd(f *frame) {
	ks.arena = ks.arena[:f.arena0]
	ks.ents = ks.ents[:f.keys0]
	ks.ht = ks.ht[:f.ht0]
	if ks.srcFrom > int(f.keys0) {
		ks.srcFrom = int(f.keys0) // the keys in place from srcFrom on went with the map
	}
}

// current returns the canonical encoding of map f's current key.
func (ks *keySet) current(f *frame) []byte {
	if f.keyOff < 0 {
		p := -f.keyOff - 1
		return ks.src[p : p+f.keyLen]
	}
	return ks.arena[f.keyOff : f.keyOff+f.keyLen]
}

// entKey returns the canonical encoding of the key e.
func (ks *keySet) entKey(e *keyEnt) []byte {
	if e.off < 0 {
		p := -e.off - 1
		return ks.src[p : p+e.n]
	}
	return ks.arena[e.off : e.off+e.n]
}

// materialize copies the keys taken in place from src into their reserved
// arena space, and points the current keys of the maps in stack at them:
// afterwards no key refers to src. Keys are taken in place only after the
// last key stored in the arena (keyDone is called only after a
// materialize), so those since srcFrom occupy the end of the arena in
// order.
func (ks *keySet) materialize(stack []frame) {
	if ks.dupSrc {
		ks.dupSrc = false
		for d := ks.dupFrom; d < len(stack); d++ {
			if f := &stack[d]; f.major == majMap && f.keyOff < 0 {
				p := -f.keyOff - 1
				copy(ks.arena[f.arena0:], ks.src[p:p+f.keyLen])
				f.keyOff = f.arena0
			}
		}
	}
	from := ks.srcFrom
	ks.srcFrom = -1
	if from < 0 || from >= len(ks.ents) {
		return
	}
	ents := ks.ents[from:]
	pos := len(ks.arena)
	for i := range ents {
		pos -= int(ents[i].n)
	}
	for i := range ents {
		e := &ents[i]
		p := -e.off - 1
		copy(ks.arena[pos:], ks.src[p:p+e.n])
		e.off = int32(pos)
		pos += int(e.n)
	}
	// a map's keys are ents[f.keys0:end], where end is the next map's keys0
	end := len(ks.ents)
	for d := len(stack) - 1; d >= 0 && end > from; d-- {
		f := &stack[d]
		if f.major != majMap {
			continue
		}
		if f.keyOff < 0 {
			f.keyOff = ks.ents[end-1].off
		}
		end = int(f.keys0)
	}
}

// keyDone is called when the key item of map f (at stack depth depth) is
// complete; it checks order and uniqueness and makes it f's current key.
func (ks *keySet) keyDone(f *frame, depth int) error {
	var kb, recv []byte
	nanKey := false
	if ks.direct != nil {
		kb = ks.direct
		ks.direct = nil
		if len(kb) > ks.lim.maxKey {
			return ErrKeyTooLarge
		}
	} else {
		if depth != ks.depth {
			return ks.innerKeyDone(f)
		}
		ks.compact(int(f.kstart))
		kb = ks.kbuf[f.kstart:]
		ks.building = false
		if len(ks.nans) > 0 {
			recv, nanKey = ks.received(kb, int(f.kstart))
		}
		if len(kb) == 3 && kb[0] == 0xf9 && kb[1]&0x7f == 0 && kb[2] == 0 && !ks.lim.allowDup {
			// 0.0 or -0.0 (a key built here, never a direct integer or
			// string): "-0.0 is equal to 0.0" (RFC 8949 §5.6.1). Their
			// canonical encodings differ (f90000, f98000) so that
			// deterministic order is checked on the encodings as received.
			twin := [3]byte{0xf9, kb[1] ^ 0x80, 0}
			if ks.has(f, twin[:]) {
				return ErrDuplicateKey
			}
		}
	}
	if ks.lim.determ && f.n > 0 {
		// in order as received (the same bytes as the canonical encodings,
		// but for NaNs)
		prev, cur := ks.current(f), kb
		if f.nanKey {
			prev = ks.arena[f.keyOff+f.keyLen:][:f.keyLen]
		}
		if nanKey {
			cur = recv
		}
		switch bytes.Compare(prev, cur) {
		case 0:
			if !ks.lim.allowDup {
				return ErrDuplicateKey
			}
			// equal keys in a row are in order: AllowDuplicateKeys lets them be
		case 1:
			return ErrNotDeterministic
		}
	}
	f.nanKey = nanKey
	ks.copied += len(kb)
	if ks.lim.allowDup {
		ks.arena = append(ks.arena[:f.arena0], kb...)
		f.keyOff, f.keyLen = f.arena0, int32(len(kb))
		if nanKey {
			ks.arena = append(ks.arena, recv...)
		}
		return nil
	}
	pre := keyPrefix(kb)
	slot := -1
	if n := len(ks.ents) - int(f.keys0); n < linearKeys {
		// small map: a key whose bit in the map's filter is clear is new;
		// otherwise compare prefixes, then bytes. No hashing.
		bit := ks.filterBit(pre, kb)
		w := &ks.ht[int(f.ht0)+int(bit>>5)]
		if *w&(1<<(bit&31)) != 0 {
			for _, e := range ks.ents[f.keys0:] {
				if e.pre == pre && int(e.n) == len(kb) && bytes.Equal(ks.entKey(&e), kb) {
					return ErrDuplicateKey
				}
			}
		}
		*w |= 1 << (bit & 31)
	} else {
		var dup bool
		if dup, slot = ks.find(f, pre, kb); dup {
			return ErrDuplicateKey
		}
	}
	off := int32(len(ks.arena))
	ks.arena = append(ks.arena, kb...)
	if nanKey {
		// after the key, for the order of the next one; counted as key
		// memory, and released with the map
		ks.arena = append(ks.arena, recv...)
	}
	ks.ents = append(ks.ents, keyEnt{pre: pre, off: off, n: int32(len(kb))})
	if slot >= 0 {
		ks.ht[slot] = int32(len(ks.ents)) - f.keys0
	}
	f.keyOff, f.keyLen = off, int32(len(kb))
	if len(ks.arena)+16*len(ks.ents) > ks.lim.maxKeyMem {
		return ErrTooManyKeys
	}
	return nil
}

// filterBit is the bit of key kb (whose prefix is pre) in a map's 256-bit
// filter. A key longer than 8 bytes also hashes its last 8: keys that
// share their first 8 bytes and their length (profile_link_color,
// profile_text_color) get different bits more often.
func (ks *keySet) filterBit(pre uint64, kb []byte) uint64 {
	h := pre ^ uint64(len(kb))
	if len(kb) > 8 {
		h ^= binary.LittleEndian.Uint64(kb[len(kb)-8:]) * 0x9e3779b97f4a7c15
	}
	return (h * ks.mul) >> 56
}

// linearKeys is the number of keys of a map searched without its hash
// table: at most that many comparisons of one word per key, even when an
// adversary makes every key pass the filter.
const linearKeys = 48

// keyDirect is keyDone for a key kb taken from the input, in a map without
// a hash table yet, when neither Deterministic nor AllowDuplicateKeys is
// set: the common case, with fewer loads and branches. With pos >= 0, kb is
// src[pos:][:len(kb)] and is kept there (arena space is reserved); with pos
// < 0, or too far for an int32 offset (a key past 2 GiB), it is copied. It
// reports false (having changed nothing) when keyDone must decide, also when
// the arena must grow, and when it would copy while keys in place await
// materialize.
func (ks *keySet) keyDirect(f *frame, kb []byte, pos int) bool {
	n, nents := len(kb), len(ks.ents)
	// (a map with a hash table has at least linearKeys keys)
	if n > ks.lim.maxKey || nents-int(f.keys0) >= linearKeys {
		return false
	}
	pre := keyPrefix(kb)
	bit := ks.filterBit(pre, kb)
	w := &ks.ht[int(f.ht0)+int(bit>>5)]
	mask := int32(1) << (bit & 31)
	if *w&mask != 0 && ks.seen(f, pre, kb) {
		return false // a duplicate: keyDone reports it
	}
	off := len(ks.arena)
	end := off + n
	if end+16*(nents+1) > ks.lim.maxKeyMem || end > cap(ks.arena) {
		return false
	}
	inPlace := uint(pos) < uint(1<<31-1-n) // pos >= 0, and near enough for an int32
	if !inPlace && ks.srcFrom >= 0 {
		// the keys in place since the last materialize must end the arena
		// (materialize copies them there): the caller materializes first
		return false
	}
	*w |= mask
	if !inPlace {
		copy(ks.arena[off:end], kb)
	} else {
		if ks.srcFrom < 0 {
			ks.srcFrom = nents // (mapEnd keeps it at most len(ents))
		}
		off = -pos - 1
	}
	ks.arena = ks.arena[:end]
	ks.ents = append(ks.ents, keyEnt{pre: pre, off: int32(off), n: int32(n)})
	f.keyOff, f.keyLen = int32(off), int32(n)
	return true
}

// seen reports whether kb (whose prefix is pre) is among the keys of map f
// (compared linearly).
func (ks *keySet) seen(f *frame, pre uint64, kb []byte) bool {
	ents := ks.ents[f.keys0:]
	for i := range ents {
		e := &ents[i]
		if e.pre == pre && int(e.n) == len(kb) && bytes.Equal(ks.entKey(e), kb) {
			return true
		}
	}
	return false
}

// keyDup is keyDone with AllowDuplicateKeys (and without Deterministic)
// for the key src[pos:][:n] of map f, kept in place: the arena space it
// would have been copied to (after f's earlier keys, all gone) is reserved,
// so arena offsets are as if it had been copied, and materialize copies it.
// f is the frame at stack index d. It reports false (having changed
// nothing) when keyDone must decide.
func (ks *keySet) keyDup(f *frame, d, n, pos int) bool {
	end := int(f.arena0) + n
	if n > ks.lim.maxKey || end > cap(ks.arena) || pos >= 1<<31-1-n {
		return false
	}
	ks.arena = ks.arena[:end]
	f.keyOff, f.keyLen = int32(-pos-1), int32(n)
	if !ks.dupSrc || d < ks.dupFrom {
		ks.dupSrc, ks.dupFrom = true, d
	}
	return true
}

// has reports whether kb is among the keys of map f.
func (ks *keySet) has(f *frame, kb []byte) bool {
	pre := keyPrefix(kb)
	if len(ks.ents)-int(f.keys0) < linearKeys {
		return ks.seen(f, pre, kb)
	}
	dup, _ := ks.find(f, pre, kb)
	return dup
}

// find looks for kb (whose prefix is pre) among f's keys through f's hash
// table, building or growing it first (rehashing the stored keys), and
// returns the free slot where kb goes.
func (ks *keySet) find(f *frame, pre uint64, kb []byte) (bool, int) {
	ents := ks.ents[f.keys0:]
	if 2*(len(ents)+1) > int(f.htN) {
		size := 32
		for size < 4*(len(ents)+1) {
			size *= 2
		}
		ks.ht = slices.Grow(ks.ht[:f.ht0], size)[:int(f.ht0)+size]
		clear(ks.ht[f.ht0:])
		f.htN = int32(size)
		mask := uint64(size - 1)
		for i, e := range ents {
			ks.copied += int(e.n)
			j := maphash.Bytes(ks.seed, ks.entKey(&e)) & mask
			for ks.ht[int(f.ht0)+int(j)] != 0 {
				j = (j + 1) & mask
			}
			ks.ht[int(f.ht0)+int(j)] = int32(i + 1)
		}
	}
	mask := uint64(f.htN - 1)
	ks.copied += len(kb)
	j := maphash.Bytes(ks.seed, kb) & mask
	for {
		v := ks.ht[int(f.ht0)+int(j)]
		if v == 0 {
			return false, int(f.ht0) + int(j)
		}
		e := &ents[v-1]
		if e.pre == pre && int(e.n) == len(kb) && bytes.Equal(ks.entKey(e), kb) {
			return true, 0
		}
		j = (j + 1) & mask
	}
}
