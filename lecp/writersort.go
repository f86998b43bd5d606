package lecp

import (
	"bytes"
	"encoding/binary"
	"slices"
)

// EndMap's sort of a map whose keys are plain (each key's encoding is its
// bytes in buf: no head pending and no sorted map inside it), read from
// the map's offsets (koffs). The pairs stay where they are; what is sorted
// is a wkey per pair, 16 bytes: the first 8 bytes of the key's encoding as
// a big-endian word, and the pair's index. Most keys differ in those bytes
// (the first is the head, which holds a short string's length), so most
// comparisons are of two words, and a sort moves 16 bytes an element
// instead of a wpair's 32. The sort is EndMap's own (insertion into runs,
// merged in rounds): n log n comparisons for any keys, each inline, where
// slices.SortFunc made a call for each. Without Deterministic, maps of up
// to hashPairs keys are sorted so to find duplicates; larger ones are
// hashed (hashDup), and sorted only should the hash's probes run long.

// wkey is a key of the map EndMap ends: pre, the first 8 bytes of its
// encoding (big-endian, zero-padded), i, its pair's index, and n, the
// encoding's length, 9 for any above 8.
type wkey struct {
	pre  uint64
	i, n uint32
}

// maxKeyPairs is the most pairs sortPlain sorts and hashDup hashes
// (wkey.i and wslot.i are 32 bits).
const maxKeyPairs = 1<<32 - 1

// insertionKeys is the length of the runs sortKeys sorts by insertion
// before merging them (a map of up to that many keys is sorted by
// insertion alone).
const insertionKeys = 12

// sortPlain checks the keys of the map EndMap ends, all plain (key i is
// buf[koffs[2i]:koffs[2i+1]]), for duplicates and sorts them into w.keys
// by their encodings (RFC 8949 §4.2.1: bytewise lexicographic), reporting
// whether the pairs are in that order already. It reports false, with the
// error set, on a duplicate.
func (w *Writer) sortPlain() (ok, inPlace bool) {
	offs := w.koffs
	n := len(offs) / 2
	w.keys = slices.Grow(w.keys[:0], n)[:n]
	keys := w.keys
	zeros := 0
	for i := range keys {
		kb := w.buf[offs[2*i]:offs[2*i+1]]
		ln, pre := len(kb), sortPrefix(kb)
		w.work += min(ln, 8)
		if ln == 3 && pre&(0xff7fff<<40) == 0xf9<<56 {
			zeros++ // 0.0 or -0.0, the same key (RFC 8949 §5.6.1)
		}
		k := &keys[i]
		k.pre, k.i, k.n = pre, uint32(i), uint32(min(ln, 9))
	}
	if zeros > 1 {
		w.setErr(errWriterDup)
		return false, false
	}
	w.sortKeys(keys)
	inPlace = true
	for i := range keys {
		if i > 0 && keys[i].pre == keys[i-1].pre && w.keyTie(keys[i-1], keys[i]) == 0 {
			w.setErr(errWriterDup)
			return false, false
		}
		if keys[i].i != uint32(i) {
			inPlace = false
		}
	}
	return true, inPlace
}

// sortPrefix returns the first 8 bytes of kb as a big-endian word,
// zero-padded, so that words order as the bytes do: read as one word
// when kb's capacity allows (the bytes past its end masked off), else
// byte by byte. (keyPrefix, the parser's, is little-endian: for
// equality only.)
func sortPrefix(kb []byte) uint64 {
	if cap(kb) >= 8 {
		pre := binary.BigEndian.Uint64(kb[:8])
		if n := len(kb); n < 8 {
			pre &^= 1<<(64-8*n) - 1
		}
		return pre
	}
	var pre uint64
	for j, c := range kb {
		pre |= uint64(c) << (56 - 8*j)
	}
	return pre
}

// sortKeys sorts keys by their encodings: runs of insertionKeys by
// insertion, then merged in rounds (so n log n for any keys, with no call
// per comparison).
func (w *Writer) sortKeys(keys []wkey) {
	n := len(keys)
	for a := 0; a < n; a += insertionKeys {
		run := keys[a:min(a+insertionKeys, n)]
		for i := 1; i < len(run); i++ {
			x := run[i]
			j := i
			for ; j > 0 && w.keyLess(x, run[j-1]); j-- {
				run[j] = run[j-1]
			}
			run[j] = x
		}
	}
	if n <= insertionKeys {
		return
	}
	w.keys2 = slices.Grow(w.keys2[:0], n)[:n]
	src, dst := keys, w.keys2
	for width := insertionKeys; width < n; width *= 2 {
		for a := 0; a < n; a += 2 * width {
			m, b := min(a+width, n), min(a+2*width, n)
			w.mergeKeys(dst[a:b], src[a:m], src[m:b])
		}
		src, dst = dst, src
	}
	if &src[0] != &keys[0] {
		copy(keys, src)
	}
}

// mergeKeys merges the sorted x and y into dst.
func (w *Writer) mergeKeys(dst, x, y []wkey) {
	i, j, k := 0, 0, 0
	for i < len(x) && j < len(y) {
		if w.keyLess(y[j], x[i]) {
			dst[k] = y[j]
			j++
		} else {
			dst[k] = x[i]
			i++
		}
		k++
	}
	k += copy(dst[k:], x[i:])
	copy(dst[k:], y[j:])
}

// keyLess reports whether key a's encoding sorts before b's.
func (w *Writer) keyLess(a, b wkey) bool {
	return a.pre < b.pre || a.pre == b.pre && w.keyTie(a, b) < 0
}

// keyTie compares the encodings of keys a and b, whose first 8 bytes
// (pre) are the same: by length if either has no more (the rest of pre is
// zero-padding, so the shorter is a prefix of the other; as encodings of
// one item each are prefix-free, that is a tie of two equal keys, but the
// order by length is right for any bytes), else by the bytes after the
// eighth.
func (w *Writer) keyTie(a, b wkey) int {
	if a.n <= 8 || b.n <= 8 {
		return int(a.n) - int(b.n)
	}
	ia, ib := 2*int(a.i), 2*int(b.i)
	ka, kb := w.buf[w.koffs[ia]+8:w.koffs[ia+1]], w.buf[w.koffs[ib]+8:w.koffs[ib+1]]
	w.work += min(len(ka), len(kb))
	return bytes.Compare(ka, kb)
}
