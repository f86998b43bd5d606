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
	"encoding/binary"
	"hash/maphash"
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
// close), and, for an object of more than foldScan names, a hash of each
// key with the object's serial number.
type nestedNames struct {
	keys   []byte
	ends   []int32 // end of each key in keys
	first  []int32 // per open object: index in ends of its first name
	serial []int32 // per open object: its serial number in this walk
	memAt  []int   // per open object: mem when it opened
	mem    int     // the names' memory, as lejp counts it, with the base
	hashed map[uint64]int32
}

// checkNested reads the object or array at the start of v strictly
// (nestedOpts: duplicate names rejected at every level, depth below
// jose.MaxDepth, UTF-8 and escapes checked), refuses two names of one
// object that are equal under case folding, and returns the length of the
// value. base is the memory of the claims set's names so far (see
// maxNameMemory): with the names of the open objects of v it may not pass
// maxNameMemory.
func (c *Claims) checkNested(v []byte, base int) (int, error) {
	if c.nested == nil {
		c.nested = lejp.NewDecoderBytes(v, nestedOpts)
	} else {
		c.nested.ResetBytes(v)
	}
	d, nn := c.nested, &c.nn
	nn.keys, nn.ends, nn.first, nn.serial = nn.keys[:0], nn.ends[:0], nn.first[:0], nn.serial[:0]
	nn.memAt, nn.mem = nn.memAt[:0], base
	clear(nn.hashed)
	objects := int32(0)
	for {
		tok, err := d.ReadToken()
		if err != nil {
			return 0, syntax(err)
		}
		switch tok.Kind {
		case lejp.ObjectStart:
			nn.first = append(nn.first, int32(len(nn.ends)))
			nn.serial = append(nn.serial, objects)
			nn.memAt = append(nn.memAt, nn.mem)
			objects++
		case lejp.ObjectEnd:
			top := len(nn.first) - 1
			from := nn.first[top]
			if from > 0 {
				nn.keys = nn.keys[:nn.ends[from-1]]
			} else {
				nn.keys = nn.keys[:0]
			}
			nn.ends = nn.ends[:from]
			nn.first, nn.serial = nn.first[:top], nn.serial[:top]
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
// then on it looks them up by hash.
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
		return nil
	}
	if nn.hashed == nil {
		nn.hashed = make(map[uint64]int32, 4*foldScan)
	}
	serial := nn.serial[top]
	if n == foldScan {
		for i := from; i < from+n; i++ {
			nn.hashed[nn.hash(serial, nn.key(i))] = i
		}
	}
	h := nn.hash(serial, key)
	if i, ok := nn.hashed[h]; ok && (keyEqual(nn.key(i), key) || nn.scan(from, key)) {
		return errCaseVariant
	}
	nn.hashed[h] = int32(len(nn.ends))
	nn.ends = append(nn.ends, int32(len(nn.keys)))
	return nil
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

func (nn *nestedNames) hash(serial int32, key []byte) uint64 {
	var h maphash.Hash
	h.SetSeed(nestedSeed)
	var s [4]byte
	binary.LittleEndian.PutUint32(s[:], uint32(serial))
	h.Write(s[:])
	h.Write(key)
	return h.Sum64()
}

// errCaseVariant refuses two names of one object equal under case folding.
var errCaseVariant = wrap(jose.ErrMalformed, "claim names differ only in case")
