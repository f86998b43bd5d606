package jwt

// This file keeps Claims.Decode free of encoding/json's name folding.
// encoding/json (v1, and v1 built on v2 under GOEXPERIMENT=jsonv2) matches
// an object member to a struct field by strings.EqualFold, rune by rune
// under Unicode simple folding: "ſcope" (U+017F) fills the field "scope",
// "\u212aid" (the Kelvin sign) the field "kid". So two names of one object
// that are equal under that folding, at the top level or in any nested
// object, let Decode see another value than Get and every exact reader
// (catalog row 20); the claims readers refuse them.

import (
	"bytes"
	"hash/maphash"
	"math/bits"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/lwscrypto/lwscrypto/jose"
	"github.com/lwscrypto/lwscrypto/lejp"
)

// appendFoldKey appends a key of name to dst such that two names have equal
// keys exactly when bytes.EqualFold reports them equal: ASCII is
// lower-cased, and any other rune is replaced by the least rune of its
// simple-fold orbit (lower-cased if that is ASCII, as for 'ſ' → 's').
func appendFoldKey(dst, name []byte) []byte {
	for i := 0; i < len(name); {
		c := name[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			dst = append(dst, c)
			i++
			continue
		}
		r, n := utf8.DecodeRune(name[i:])
		r = foldRune(r)
		if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		}
		dst = utf8.AppendRune(dst, r)
		i += n
	}
	return dst
}

// foldRune returns the least rune of r's simple-fold orbit.
func foldRune(r rune) rune {
	least := r
	for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
		least = min(least, f)
	}
	return least
}

// nestedNames is the state of checkNested's walk: the fold keys of the
// names of the open objects, back to back (an object's names are
// contiguous, as the names of the objects inside it are dropped when they
// close), and, for an object of more than foldScan names, their hashes in
// an open-addressing index (slots, linear probing) shared by the open
// objects. Keys leave the index in the reverse order they entered it, as
// their objects close, which linear probing allows without tombstones: a
// walk that reads its value to the end leaves the index empty, so it
// is never cleared, and a pooled nestedChecker reads the next value at no
// cost set by the widest object it read before.
type nestedNames struct {
	keys    []byte
	ends    []int32  // end of each key in keys
	hashes  []uint64 // hash of each key, for the keys in the index
	first   []int32  // per open object: index in ends of its first name
	indexed []bool   // per open object: its keys are in the index
	memAt   []int    // per open object: mem when it opened
	mem     int      // the names' memory, as lejp counts it, with the base
	slots   []int32  // the index: 1 + index in ends, 0 for none
	nslots  int      // keys in the index
}

// checkNested reads the object or array at the start of v strictly
// (nestedOpts: duplicate names rejected at every level, depth below
// jose.MaxDepth, UTF-8 and escapes checked), refuses two names of one
// object that are equal under case folding, and returns the length of the
// value. base is the memory of the claims set's names so far (see
// maxNameMemory): with the names of the open objects of v it may not pass
// maxNameMemory.
func (c *Claims) checkNested(v []byte, base int) (int, error) {
	nc := nestedCheckers.Get().(*nestedChecker)
	n, err := nc.check(v, base)
	nc.dec.ResetBytes(nil) // a pooled decoder keeps no reference to v
	nestedCheckers.Put(nc)
	return n, err
}

// nestedChecker is checkNested's reader and state. A Claims borrows one
// for each nested value rather than keep its own: Middleware and Verify
// fill a new Claims for each token, and a wide object's tables (lejp's
// index of its names, their fold keys and hashes) grown afresh for each
// cost some 40 bytes per byte of the claims set.
type nestedChecker struct {
	dec *lejp.Decoder
	nn  nestedNames
}

var nestedCheckers = sync.Pool{New: func() any {
	return &nestedChecker{dec: lejp.NewDecoderBytes(nil, nestedOpts)}
}}

func (nc *nestedChecker) check(v []byte, base int) (int, error) {
	nc.dec.ResetBytes(v)
	d, nn := nc.dec, &nc.nn
	nn.keys, nn.ends, nn.hashes = nn.keys[:0], nn.ends[:0], nn.hashes[:0]
	nn.first, nn.indexed = nn.first[:0], nn.indexed[:0]
	nn.memAt, nn.mem = nn.memAt[:0], base
	if nn.nslots > 0 {
		// left by a walk that stopped inside an indexed object
		nn.slots, nn.nslots = nil, 0
	}
	for {
		tok, err := d.ReadToken()
		if err != nil {
			return 0, syntax(err)
		}
		switch tok.Kind {
		case lejp.ObjectStart:
			nn.first = append(nn.first, int32(len(nn.ends)))
			nn.indexed = append(nn.indexed, false)
			nn.memAt = append(nn.memAt, nn.mem)
		case lejp.ObjectEnd:
			top := len(nn.first) - 1
			from := nn.first[top]
			if nn.indexed[top] {
				for i := int32(len(nn.ends)) - 1; i >= from; i-- {
					nn.remove(i)
				}
			}
			if from > 0 {
				nn.keys = nn.keys[:nn.ends[from-1]]
			} else {
				nn.keys = nn.keys[:0]
			}
			nn.ends, nn.hashes = nn.ends[:from], nn.hashes[:from]
			nn.first, nn.indexed = nn.first[:top], nn.indexed[:top]
			nn.mem, nn.memAt = nn.memAt[top], nn.memAt[:top]
		case lejp.Name:
			if err := nn.add(tok.Value); err != nil {
				return 0, err
			}
			if nn.mem += len(tok.Value) + nameOverhead; nn.mem > maxNameMemory {
				return 0, nameMemoryAt(tok.Offset, d.Pointer())
			}
		}
		if d.Depth() == 0 {
			return int(d.InputOffset()), nil
		}
	}
}

// nestedSeed keys nestedNames' hash, so input cannot be made to collide.
var nestedSeed = maphash.MakeSeed()

// add refuses name if a name of the innermost open object has its fold key,
// else records it. Up to foldScan names it compares keys one by one; from
// then on it looks them up in the index.
func (nn *nestedNames) add(name []byte) error {
	top := len(nn.first) - 1
	from := nn.first[top]
	start := int32(len(nn.keys))
	nn.keys = appendFoldKey(nn.keys, name)
	key := nn.keys[start:]
	n := int32(len(nn.ends)) - from
	if n < foldScan {
		if nn.scan(from, key) {
			return errCaseVariant
		}
		nn.ends = append(nn.ends, int32(len(nn.keys)))
		nn.hashes = append(nn.hashes, 0)
		return nil
	}
	if n == foldScan { // the object's keys join the index
		for i := from; i < from+n; i++ {
			nn.hashes[i] = maphash.Bytes(nestedSeed, nn.key(i))
		}
		nn.indexed[top] = true
		if !nn.grow(int(n)) {
			for i := from; i < from+n; i++ {
				nn.place(i)
			}
		}
	}
	h := maphash.Bytes(nestedSeed, key)
	if nn.lookup(from, h, key) {
		return errCaseVariant
	}
	i := int32(len(nn.ends))
	nn.ends = append(nn.ends, int32(len(nn.keys)))
	nn.hashes = append(nn.hashes, h)
	if !nn.grow(1) {
		nn.place(i)
	}
	return nil
}

// grow counts n more keys in the index and, when the index would be more
// than half full, rebuilds it larger with every key it is to hold (the
// keys of the indexed open objects, in the order they entered it),
// reporting whether it did.
func (nn *nestedNames) grow(n int) bool {
	nn.nslots += n
	if 2*nn.nslots <= len(nn.slots) {
		return false
	}
	size := 1 << bits.Len(uint(max(64, 4*nn.nslots)-1))
	if cap(nn.slots) >= size {
		nn.slots = nn.slots[:size]
		clear(nn.slots)
	} else {
		nn.slots = make([]int32, size)
	}
	for o := range nn.first {
		if !nn.indexed[o] {
			continue
		}
		end := int32(len(nn.ends))
		if o+1 < len(nn.first) {
			end = nn.first[o+1]
		}
		for i := nn.first[o]; i < end; i++ {
			nn.place(i)
		}
	}
	return true
}

// place puts key i in the index.
func (nn *nestedNames) place(i int32) {
	mask := len(nn.slots) - 1
	k := int(nn.hashes[i]) & mask
	for nn.slots[k] != 0 {
		k = (k + 1) & mask
	}
	nn.slots[k] = i + 1
}

// remove takes key i, the last to have entered the index, out of it.
func (nn *nestedNames) remove(i int32) {
	mask := len(nn.slots) - 1
	k := int(nn.hashes[i]) & mask
	for nn.slots[k] != i+1 {
		k = (k + 1) & mask
	}
	nn.slots[k] = 0
	nn.nslots--
}

// lookup reports whether a key in the index from index from on (the
// innermost object's) with hash h equals key.
func (nn *nestedNames) lookup(from int32, h uint64, key []byte) bool {
	mask := len(nn.slots) - 1
	for k := int(h) & mask; ; k = (k + 1) & mask {
		e := nn.slots[k]
		if e == 0 {
			return false
		}
		if i := e - 1; i >= from && nn.hashes[i] == h && keyEqual(nn.key(i), key) {
			return true
		}
	}
}

// scan reports whether a recorded key from index from on equals key.
func (nn *nestedNames) scan(from int32, key []byte) bool {
	for i := from; i < int32(len(nn.ends)); i++ {
		if keyEqual(nn.key(i), key) {
			return true
		}
	}
	return false
}

// keyEqual is bytes.Equal; tests replace it to count the bytes
// checkNested compares.
var keyEqual = bytes.Equal

func (nn *nestedNames) key(i int32) []byte {
	start := int32(0)
	if i > 0 {
		start = nn.ends[i-1]
	}
	return nn.keys[start:nn.ends[i]]
}

// errCaseVariant refuses two names of one object equal under case folding.
var errCaseVariant = wrap(jose.ErrMalformed, "claim names differ only in case")
