package lejp

// Member names: the current name of each open object (for paths and
// patterns) and, in strict mode, every name of every open object, to reject
// duplicates. Names live in one arena used as a stack: an object's names
// start where the arena stood when it opened and are dropped when it
// closes. An object with up to linearNames names is searched linearly;
// a 256-bit filter of its names' keys spares most of those searches.
// A larger one is put in an open-addressing hash index (slots) shared by all
// open objects. Entries leave the index in the reverse order they entered
// it, which linear probing allows without tombstones.
//
// Memory is bounded by Options.MaxNameMemory: the bytes of the names held
// plus nameOverhead per name.

import (
	"encoding/binary"
	"hash/maphash"
	"math/bits"
	"strconv"
)

// empty is the value of an empty name or string: not nil, so that "no
// value" and "empty value" differ.
var empty = []byte{}

const (
	linearNames  = 64
	nameOverhead = 32
)

// nameEnt is one name held for duplicate detection: the name, its
// nameKey and, for an object in the hash index, its hash.
type nameEnt struct {
	nm   []byte
	key  uint64
	hash uint64
}

// finishName records the name just read for the innermost object.
// borrowed means nm points into the whole input and may be kept as is.
// key is nameKey(nm).
func (s *scanner) finishName(nm []byte, borrowed bool, key uint64) (Kind, error) {
	d := s.depth - 1
	f := &s.frames[d]
	f.index++
	if s.lim.allowDup {
		if !borrowed {
			if f.arena+len(nm) <= cap(s.arena) { // arenaPut's common case
				s.arena = append(s.arena[:f.arena], nm...)
				nm = s.arena[f.arena:]
			} else {
				nm = s.arenaPut(f.arena, nm)
			}
		}
		if nm == nil {
			nm = empty
		}
		f.name = nm
	} else {
		if !borrowed {
			if n := len(s.arena); n+len(nm) <= cap(s.arena) { // arenaPut's common case
				s.arena = append(s.arena, nm...)
				nm = s.arena[n:]
			} else {
				nm = s.arenaPut(n, nm)
			}
		}
		if nm == nil {
			nm = empty
		}
		f.name = nm
		// addName's most common case inline: a name of a small object
		// whose filter bit is clear, within the memory bound.
		b := (key * 0x9E3779B97F4A7C15) >> 56
		w, bit := b>>6&3, uint64(1)<<(b&63)
		if f.hashed || f.bloom[w]&bit != 0 || len(s.ents)-f.ents >= linearNames ||
			s.nameMem+len(nm)+nameOverhead > s.lim.maxNameMem {
			if err := s.addName(f, d, nm, key); err != nil {
				return Invalid, err
			}
		} else {
			f.bloom[w] |= bit
			s.nameMem += len(nm) + nameOverhead
			// In place when there is room: append's generic path costs
			// twice the instructions.
			if n := len(s.ents); n < cap(s.ents) {
				s.ents = s.ents[:n+1]
				e := &s.ents[n]
				e.nm, e.key, e.hash = nm, key, 0
			} else {
				s.ents = append(s.ents, nameEnt{nm: nm, key: key})
			}
		}
	}
	if len(s.pats) > 0 {
		f.live, f.match = s.stepPatterns(d, nm, false)
	}
	s.val = nm
	s.state = stColon
	return Name, nil
}

// arenaPut writes nm into the arena at at (its end, or with
// AllowDuplicateNames where the object's current name starts) and returns
// the copy. When the arena moves to a larger array, the names held in the
// old one are pointed at the same bytes in the new one (moveNames), so
// that the old array is let go: else each doubling stayed referenced and
// the arena's arrays came to about four times the names' bytes.
func (s *scanner) arenaPut(at int, nm []byte) []byte {
	old := s.arena
	s.arena = append(s.arena[:at], nm...)
	if cap(s.arena) != cap(old) && cap(old) > 0 {
		s.moveNames(old[:cap(old)], at)
	}
	return s.arena[at:len(s.arena)]
}

// moveNames points the names held (entries, and the open objects' current
// names) that lie in old, the arena's previous array, at the new arena,
// where its first n bytes were copied. A frame's name beyond them (the
// name being replaced, or a closed object's) is dropped.
func (s *scanner) moveNames(old []byte, n int) {
	for i := range s.ents {
		if e := &s.ents[i]; cap(e.nm) > 0 {
			e.nm = s.moved(old, n, e.nm)
		}
	}
	for d := range s.frames {
		if f := &s.frames[d]; cap(f.name) > 0 {
			f.name = s.moved(old, n, f.name)
		}
	}
}

// moved returns nm at its place in the new arena if it lies in old (its
// first n bytes copied there), nil if it lies in old beyond them, else nm.
func (s *scanner) moved(old []byte, n int, nm []byte) []byte {
	c := cap(nm)
	if c > len(old) {
		return nm
	}
	a := len(old) - c // nm = old[a:a+len(nm)] if nm is in old
	if &nm[:1][0] != &old[a] {
		return nm
	}
	if a+len(nm) > n {
		return nil
	}
	return s.arena[a : a+len(nm)] // its capacity to the end, as every held name's
}

func (s *scanner) hashName(nm []byte, d int) uint64 {
	return maphash.Bytes(s.seed, nm) ^ uint64(d)*0x9E3779B97F4A7C15
}

// addName rejects nm if the object f (at depth d) already has it, then
// holds it.
func (s *scanner) addName(f *frame, d int, nm []byte, key uint64) error {
	var h uint64
	if !f.hashed {
		// A 256-bit filter of the keys seen: a name whose bit is clear is
		// new without looking further (most names).
		b := (key * 0x9E3779B97F4A7C15) >> 56
		if w, bit := b>>6, uint64(1)<<(b&63); f.bloom[w]&bit == 0 {
			f.bloom[w] |= bit
		} else {
			own := s.ents[f.ents:]
			for i := range own {
				if own[i].key == key && string(own[i].nm) == string(nm) {
					return s.fail(s.tokOff, ErrDuplicateName)
				}
			}
		}
	} else {
		h = s.hashName(nm, d)
		if s.lookup(nm, h, f.ents) {
			return s.fail(s.tokOff, ErrDuplicateName)
		}
	}
	s.nameMem += len(nm) + nameOverhead
	if s.nameMem > s.lim.maxNameMem {
		return s.fail(s.tokOff, ErrTooManyNames)
	}
	s.ents = append(s.ents, nameEnt{nm: nm, key: key, hash: h})
	if f.hashed {
		s.insert(len(s.ents) - 1)
	} else if len(s.ents)-f.ents > linearNames {
		if !s.seeded {
			s.seed = maphash.MakeSeed()
			s.seeded = true
		}
		f.hashed = true
		for i := f.ents; i < len(s.ents); i++ {
			s.ents[i].hash = s.hashName(s.ents[i].nm, d)
		}
		s.nhashed += len(s.ents) - f.ents
		if 2*s.nhashed > len(s.slots) {
			s.rehash(max(64, 4*s.nhashed))
		} else {
			for i := f.ents; i < len(s.ents); i++ {
				s.place(i)
			}
		}
	}
	return nil
}

// nameKey packs a name's length and its first and last eight bytes into a
// word, so that most names that differ are told apart by one comparison
// (the last bytes too: names often share a prefix, as "profile_text_color"
// and "profile_link_color").
func nameKey(nm []byte) uint64 {
	if len(nm) >= 8 {
		return longKey(binary.LittleEndian.Uint64(nm), binary.LittleEndian.Uint64(nm[len(nm)-8:]), len(nm))
	}
	var k uint64
	for i, c := range nm {
		k |= uint64(c) << (8 * i)
	}
	return k ^ uint64(len(nm))*0x9E3779B97F4A7C15
}

// longKey is nameKey of a name of n >= 8 bytes whose first eight bytes are
// the little-endian word first and last eight the word last.
func longKey(first, last uint64, n int) uint64 {
	return first ^ bits.RotateLeft64(last, 29) ^ uint64(n)*0x9E3779B97F4A7C15
}

// shortKey is nameKey of a name of n < 8 bytes whose bytes are the low
// bytes of the little-endian word w.
func shortKey(w uint64, n int) uint64 {
	return w&(1<<(8*n)-1) ^ uint64(n)*0x9E3779B97F4A7C15
}

func (s *scanner) lookup(nm []byte, h uint64, from int) bool {
	mask := len(s.slots) - 1
	for k := int(h) & mask; ; k = (k + 1) & mask {
		e := s.slots[k]
		if e == 0 {
			return false
		}
		if int(e-1) >= from && s.ents[e-1].hash == h && string(s.ents[e-1].nm) == string(nm) {
			return true
		}
	}
}

// insert puts entry i (of a hashed object, already in s.ents) in the
// index, rebuilding the index larger to keep its load at most one half.
func (s *scanner) insert(i int) {
	s.nhashed++
	if 2*s.nhashed > len(s.slots) {
		s.rehash(max(64, 4*s.nhashed)) // places entry i too
		return
	}
	s.place(i)
}

func (s *scanner) place(i int) {
	mask := len(s.slots) - 1
	k := int(s.ents[i].hash) & mask
	for s.slots[k] != 0 {
		k = (k + 1) & mask
	}
	s.slots[k] = int32(i + 1)
}

// rehash rebuilds the index with n slots, inserting entries in their
// original order so that removal in reverse order stays valid.
func (s *scanner) rehash(n int) {
	n = 1 << bits.Len(uint(n-1)) // a power of two, for masking
	if cap(s.slots) >= n {
		s.slots = s.slots[:n]
		clear(s.slots)
	} else {
		s.slots = make([]int32, n)
	}
	for d := 0; d < s.depth; d++ {
		f := &s.frames[d]
		if !f.obj || !f.hashed {
			continue
		}
		for i, end := f.ents, s.entsEnd(d); i < end; i++ {
			s.place(i)
		}
	}
}

// dropNames forgets the names of the object f, which is closing.
func (s *scanner) dropNames(f *frame) {
	if !s.lim.allowDup {
		if f.hashed {
			mask := len(s.slots) - 1
			for i := len(s.ents) - 1; i >= f.ents; i-- {
				k := int(s.ents[i].hash) & mask
				for int(s.slots[k]) != i+1 {
					k = (k + 1) & mask
				}
				s.slots[k] = 0
				s.nhashed--
			}
		}
		s.nameMem = f.nameMem
		// Only the names need clearing (so that no buffer is kept alive):
		// every entry is written whole when it is used again. A loop of
		// pointer stores costs less than clear's runtime calls for the
		// few names of most objects.
		es := s.ents[f.ents:]
		for i := range es {
			es[i].nm = nil
		}
		s.ents = s.ents[:f.ents]
	}
	s.arena = s.arena[:f.arena]
}

// appendPointer appends the JSON Pointer (RFC 6901) of the current token.
func (s *scanner) appendPointer(dst []byte) []byte {
	return s.appendPointerTo(dst, s.depth)
}

// appendPointerTo appends the JSON Pointer of the current token's
// containers down to depth.
func (s *scanner) appendPointerTo(dst []byte, depth int) []byte {
	for d := 0; d < depth; d++ {
		f := &s.frames[d]
		if f.index < 0 {
			break
		}
		dst = append(dst, '/')
		if !f.obj {
			dst = strconv.AppendInt(dst, f.index, 10)
			continue
		}
		for _, c := range f.name {
			switch c {
			case '~':
				dst = append(dst, '~', '0')
			case '/':
				dst = append(dst, '~', '1')
			default:
				dst = append(dst, c)
			}
		}
	}
	return dst
}

// appendPath appends the path of the current token in pattern form:
// member names joined by '.', "[]" for an array element ("keys[].kid").
func (s *scanner) appendPath(dst []byte) []byte {
	return s.appendPathFrom(dst, 0, false)
}

func (s *scanner) appendPathFrom(dst []byte, from int, dot bool) []byte {
	for d := from; d < s.depth; d++ {
		f := &s.frames[d]
		if f.index < 0 {
			break
		}
		if !f.obj {
			dst = append(dst, '[', ']')
			dot = true
			continue
		}
		if dot {
			dst = append(dst, '.')
		}
		dst = append(dst, f.name...)
		dot = true
	}
	return dst
}
