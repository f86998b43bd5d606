package lecp

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/maphash"
	"math"
	"math/bits"
	"testing"

	"github.com/lwscrypto/lwscrypto/internal/testenv"
)

// keyHash is hashDup's hash of a key's encoding kb, a slice of buf, as a
// function for the tests (hashDup computes it inline; TestWriterHashDupTable
// checks they agree): a key of at most 16 bytes (most are) as two words,
// zero-padded (keyWords), mixed with the Writer's random seed words by a
// 128-bit multiply (mixKey); a longer one by hash/maphash. The hash is of
// the bytes alone: equal keys hash alike wherever they lie in buf.
func (w *Writer) keyHash(kb []byte) uint64 {
	if len(kb) > 16 {
		return maphash.Bytes(w.seed, kb)
	}
	return w.mixKey(keyWords(kb))
}

// keyWords returns the bytes of kb (at most 16) as two little-endian
// words, zero-padded: read as words up to its capacity when that allows
// (keyWordsRoomy), else byte by byte (keyWordsTight).
func keyWords(kb []byte) (lo, hi uint64) {
	if cap(kb) < 16 {
		return keyWordsTight(kb)
	}
	return keyWordsRoomy(kb)
}

// hashDupKeys are keys of every kind a map may have, each written by a
// Writer call, all different as data items (so as encodings): EndMap of
// a map of more than hashPairs plain keys finds duplicates among them by
// hashing (hashDup), of fewer by sorting.
var hashDupKeys = []func(w *Writer){
	func(w *Writer) { w.Text("a") },
	func(w *Writer) { w.Text("b") },
	func(w *Writer) { w.Text("") },
	func(w *Writer) { w.Text("a longer key, of more than twenty-three bytes") },
	func(w *Writer) { w.ByteString([]byte("a")) },
	func(w *Writer) { w.Uint(0) },
	func(w *Writer) { w.Uint(1) },
	func(w *Writer) { w.Uint(24) },
	func(w *Writer) { w.Uint(1 << 40) },
	func(w *Writer) { w.Int(-1) },
	func(w *Writer) { w.Negative(math.MaxUint64) },
	func(w *Writer) { w.Float(0) },
	func(w *Writer) { w.Float(1.5) },
	func(w *Writer) { w.Float(0x1p-24) },  // f9 0001: one bit from 0.0
	func(w *Writer) { w.Float(-0x1p-24) }, // f9 8001: one bit from -0.0
	func(w *Writer) { w.Float(-2) },       // f9 c000
	func(w *Writer) { w.Float(math.Inf(1)) },
	func(w *Writer) { w.Bool(true) },
	func(w *Writer) { w.Null() },
	func(w *Writer) { w.Simple(99) },
	func(w *Writer) { w.Tag(1); w.Uint(1) },
	func(w *Writer) { w.BeginArray(); w.Uint(1); w.EndArray() },
	func(w *Writer) { w.BeginArray(); w.EndArray() },
	func(w *Writer) { w.BeginMap(); w.Text("k"); w.Uint(1); w.EndMap() },
	func(w *Writer) { w.Text("日本") },
}

// writeHashDupMap writes a map of the keys idx names, each with the value
// of its position, and returns the Writer's result.
func writeHashDupMap(idx []int) ([]byte, error) {
	var w Writer
	w.BeginMap()
	for i, k := range idx {
		hashDupKeys[k](&w)
		w.Uint(uint64(i))
	}
	w.EndMap()
	return w.Bytes()
}

// TestWriterHashDup: for maps of 1 to len(hashDupKeys) keys (both sides of
// hashPairs), every key repeated at every later position is refused as a
// duplicate, and the map without a repeat is written and passes Check;
// 0.0 and -0.0 are the same key (RFC 8949 §5.6.1) in a large map too.
func TestWriterHashDup(t *testing.T) {
	for n := 1; n <= len(hashDupKeys); n++ {
		idx := make([]int, n)
		for i := range idx {
			idx[i] = (i * 7) % len(hashDupKeys) // a mixed order
		}
		seen := map[int]bool{}
		uniq := idx[:0:0]
		for _, k := range idx {
			if !seen[k] {
				seen[k] = true
				uniq = append(uniq, k)
			}
		}
		b, err := writeHashDupMap(uniq)
		if err != nil {
			t.Fatalf("%d keys: %v", len(uniq), err)
		}
		if err := Check(b, nil); err != nil {
			t.Fatalf("%d keys: output refused by Check: %v", len(uniq), err)
		}
		for i := range uniq {
			for j := i + 1; j <= len(uniq); j++ {
				// uniq with uniq[i] inserted again at position j
				dup := append(append(append([]int{}, uniq[:j]...), uniq[i]), uniq[j:]...)
				_, err := writeHashDupMap(dup)
				if !errors.Is(err, ErrDuplicateKey) {
					t.Fatalf("%d keys, key %d repeated at %d: %v, want ErrDuplicateKey", len(dup), uniq[i], j, err)
				}
			}
		}
	}
	for _, n := range []int{2, hashPairs, hashPairs + 1, 40} {
		var w Writer
		w.BeginMap()
		w.Float(0)
		w.Uint(0)
		for i := 2; i < n; i++ {
			w.Text(fmt.Sprint(i))
			w.Uint(0)
		}
		w.Float(math.Copysign(0, -1))
		w.Uint(0)
		w.EndMap()
		if _, err := w.Bytes(); !errors.Is(err, ErrDuplicateKey) {
			t.Errorf("%d keys with 0.0 and -0.0: %v, want ErrDuplicateKey", n, err)
		}
	}
}

// TestWriterHashDupLinear: EndMap checks a map of many plain keys in
// work linear in its size (each key hashed once, compared only on an
// equal hash), and a reused Writer allocates nothing for the table.
func TestWriterHashDupLinear(t *testing.T) {
	const n = 1 << 14
	keys := make([]string, n)
	for i := range keys {
		keys[i] = fmt.Sprintf("key-%08d", i) // 13 bytes encoded
	}
	var w Writer
	work := 0
	write := func() {
		w.Reset()
		w.BeginMap()
		for _, k := range keys {
			w.Text(k)
			w.Uint(0)
		}
		w.work = 0
		w.EndMap()
		work = w.work
		if _, err := w.Bytes(); err != nil {
			t.Fatal(err)
		}
	}
	write()
	if want := 2 * n * 13; work > want {
		t.Errorf("EndMap of %d keys of 13 bytes: %d bytes hashed and compared, want at most %d", n, work, want)
	}
	if testenv.Race {
		return // allocation counts differ under -race
	}
	if a := testing.AllocsPerRun(5, write); a != 0 {
		t.Errorf("a reused Writer: %v allocations per map of %d keys", a, n)
	}
}

// TestWriterHashDupPendingKeys: keys holding a container longer than
// shortContent have their heads pending when the map ends, so their bytes
// in the buffer are not their encodings: [[1 × 69]] and [1 × 69] have the
// same bytes there (69 ones) and are different keys, while two [1 × 69]
// are the same key, in a map large enough for hashing.
func TestWriterHashDupPendingKeys(t *testing.T) {
	flat := func(w *Writer) {
		w.BeginArray()
		for range 69 {
			w.Uint(1)
		}
		w.EndArray()
	}
	nested := func(w *Writer) {
		w.BeginArray()
		flat(w)
		w.EndArray()
	}
	for _, tc := range []struct {
		name string
		a, b func(*Writer)
		dup  bool
	}{
		{"nested and flat", nested, flat, false},
		{"flat twice", flat, flat, true},
	} {
		var w Writer
		w.BeginMap()
		for i := range hashPairs + 2 {
			w.Uint(uint64(100 + i))
			w.Null()
		}
		tc.a(&w)
		w.Null()
		tc.b(&w)
		w.Null()
		w.EndMap()
		b, err := w.Bytes()
		if tc.dup != errors.Is(err, ErrDuplicateKey) {
			t.Fatalf("%s: %v, duplicate %v", tc.name, err, tc.dup)
		}
		if !tc.dup {
			if err := Check(b, nil); err != nil {
				t.Fatalf("%s: output refused by Check: %v", tc.name, err)
			}
		}
	}
}

// TestWriterKeyHashPlace: keyHash is a function of a key's bytes alone,
// whether it is read as words up to the buffer's capacity (with other
// bytes after it) or byte by byte at the capacity's end, for every length
// up to 16 and past it.
func TestWriterKeyHashPlace(t *testing.T) {
	var w Writer
	w.seedKeys()
	for n := 0; n <= 20; n++ {
		key := make([]byte, n)
		for i := range key {
			key[i] = byte(0xa1 + 7*i)
		}
		tight := append(make([]byte, 0, n), key...) // nothing past it
		roomy := make([]byte, n, n+32)
		copy(roomy, key)
		for i := n; i < n+32; i++ {
			roomy[:n+32][i] = 0xff // bytes past the key that must not count
		}
		at := make([]byte, 5+n, 5+n) // at an offset, at the capacity's end
		copy(at[5:], key)
		h := w.keyHash(tight)
		if g := w.keyHash(roomy); g != h {
			t.Errorf("%d-byte key: %#x with spare capacity, %#x without", n, g, h)
		}
		if g := w.keyHash(at[5:]); g != h {
			t.Errorf("%d-byte key: %#x at an offset, %#x at 0", n, g, h)
		}
		if n > 0 {
			other := append([]byte(nil), key...)
			other[n-1] ^= 1
			if w.keyHash(other) == h {
				t.Errorf("%d-byte key: its last byte changed, same hash %#x", n, h)
			}
		}
	}
}

// TestWriterHashDupCollisions: when the keys' hashes collide (here the
// seed is set so that every key of one first word hashes alike, as an
// adversary who knew it could arrange), hashDup gives up after a linear
// number of probes and EndMap sorts instead: duplicates are still found,
// 0.0 and -0.0 still the same key, distinct keys still written, and the
// work stays n log n, not n².
func TestWriterHashDupCollisions(t *testing.T) {
	const n = 1 << 12
	keys := make([]string, n)
	for i := range keys {
		keys[i] = fmt.Sprintf("samepfx-%04x", i) // 13 bytes encoded
	}
	lo := binary.LittleEndian.Uint64([]byte("lsamepfx")) // head 0x6c and 7 bytes
	for _, tc := range []struct {
		name string
		more func(w *Writer) // after the colliding keys
		dup  bool
	}{
		{"distinct", func(w *Writer) {}, false},
		{"a key twice", func(w *Writer) { w.Text(keys[n/2]); w.Uint(1) }, true},
		{"0.0 and -0.0", func(w *Writer) {
			w.Float(0)
			w.Uint(1)
			w.Float(math.Copysign(0, -1))
			w.Uint(2)
		}, true},
		{"0.0 alone", func(w *Writer) { w.Float(0); w.Uint(1) }, false},
	} {
		var w Writer
		w.seedKeys()
		w.seedLo = lo // (lo ^ seedLo) = 0: every product is 0
		w.BeginMap()
		for _, k := range keys {
			w.Text(k)
			w.Uint(0)
		}
		tc.more(&w)
		// the first two keys (the map's head goes in when it ends)
		if h, g := w.keyHash(w.buf[:13]), w.keyHash(w.buf[14:27]); h != g {
			t.Fatalf("the seed does not make the keys collide: hashes %#x, %#x", h, g)
		}
		w.work = 0
		w.EndMap()
		_, err := w.Bytes()
		if tc.dup != errors.Is(err, ErrDuplicateKey) {
			t.Fatalf("%s: %v, want a duplicate %v", tc.name, err, tc.dup)
		}
		// a sort compares about n log2 n pairs of 13-byte keys; hashing
		// on through the collisions would compare n²/2
		if want := 4 * n * 12 * 13; w.work > want {
			t.Errorf("%s: %d bytes hashed and compared for %d colliding keys, want at most %d", tc.name, w.work, n, want)
		}
	}
}

// TestWriterHashDupSpread: keys that differ in a few bytes (small
// integers, names of a common prefix, a counter inside a byte string) are
// spread by keyHash well enough that hashDup's probes stay under their
// cap (past it EndMap sorts, as the work shows) for every one of many
// Writers' random seeds. With one 128-bit multiply and no second, as many
// as one seed in forty ran past it for such keys.
func TestWriterHashDupSpread(t *testing.T) {
	const n, writers = 1000, 150
	for _, fam := range []struct {
		name string
		key  func(w *Writer, i int)
	}{
		{"integers", func(w *Writer, i int) { w.Uint(uint64(i)) }},
		{"integers << 32", func(w *Writer, i int) { w.Uint(uint64(i) << 32) }},
		{"names", func(w *Writer, i int) { w.Text(fmt.Sprintf("key-%08d", i)) }},
		{"byte strings", func(w *Writer, i int) { w.ByteString([]byte{0, 0, 0, 0, byte(i >> 8), byte(i), 0, 0}) }},
	} {
		long := 0
		for range writers {
			var w Writer // a new seed
			w.BeginMap()
			for i := range n {
				fam.key(&w, i)
				w.Null()
			}
			keyBytes := len(w.buf) - n // the values are 1 byte each
			w.work = 0
			w.EndMap()
			// hashed once, compared on an equal hash (by chance): a
			// sort compares about n log2 n pairs, reading more
			if w.work > 2*keyBytes {
				long++
			}
			if _, err := w.Bytes(); err != nil {
				t.Fatal(err)
			}
		}
		if long > 0 {
			t.Errorf("%s: %d of %d Writers sorted %d keys instead of hashing them", fam.name, long, writers, n)
		}
	}
}

// TestWriterHashDupTable: after each map hashed, hashDup's table holds
// exactly that map's keys (slots of the current generation), each with
// keyHash's hash, at its home slot (the hash's top bits) or past it with
// every slot between taken (linear probing). The slots of a map before
// are not cleared but of an older generation: a map of keys seen before
// is no duplicate, also when the generation wraps around to the start.
func TestWriterHashDupTable(t *testing.T) {
	var w Writer
	keySet := func(from, n int) [][]byte {
		var ks [][]byte
		for i := from; i < from+n; i++ {
			var e Writer
			switch i % 6 {
			case 0:
				e.Text(fmt.Sprint("k", i)) // up to 8 bytes
			case 1:
				e.Text(fmt.Sprintf("key-%010d", i)) // 15 bytes
			case 2:
				e.Text(fmt.Sprintf("a long key of number %d", i)) // past 16
			case 4:
				e.Text(fmt.Sprintf("key-%011d", i)) // 16: words
			case 5:
				e.Text(fmt.Sprintf("key-%012d", i)) // 17: maphash
			default:
				e.Uint(uint64(i) << 20)
			}
			b, _ := e.Bytes()
			ks = append(ks, b)
		}
		return ks
	}
	check := func(name string, ks [][]byte) {
		t.Helper()
		for _, k := range ks {
			w.RawItem(k)
			w.Null()
		}
		w.EndMap()
		if err := w.Err(); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		lg := bits.Len(uint(2 * len(ks)))
		size := 1 << lg
		if len(w.slots) < size {
			t.Fatalf("%s: %d slots for %d keys", name, len(w.slots), len(ks))
		}
		taken := 0
		for j, s := range w.slots[:size] {
			if s.gen != w.slotGen {
				continue
			}
			taken++
			if int(s.i) >= len(ks) || s.h != w.keyHash(ks[s.i]) {
				t.Fatalf("%s: slot %d holds key %d, hash %#x", name, j, s.i, s.h)
			}
			for k := int(s.h >> (64 - lg)); k != j; k = (k + 1) & (size - 1) {
				if w.slots[k].gen != w.slotGen {
					t.Fatalf("%s: key %d in slot %d, its home %d, slot %d between empty", name, s.i, j, s.h>>(64-lg), k)
				}
			}
		}
		if taken != len(ks) {
			t.Fatalf("%s: %d slots taken for %d keys", name, taken, len(ks))
		}
	}
	first, second := keySet(0, 20), keySet(10, 12)
	w.BeginArray()
	w.BeginMap()
	check("first map", first)
	w.BeginMap()
	check("keys of the first again, and others", second)
	if w.slotGen != 2 {
		t.Fatalf("generation %d after two maps", w.slotGen)
	}
	w.slotGen = math.MaxUint32
	w.BeginMap()
	check("the first map's keys, the generation wrapping", first)
	if w.slotGen != 1 {
		t.Fatalf("generation %d after wrapping", w.slotGen)
	}
	w.BeginMap()
	check("again", first)
	w.EndArray()
	if _, err := w.Bytes(); err != nil {
		t.Fatal(err)
	}
}

// TestWriterHashDupAfterEarlyReturn: a map whose probes ran long (a sort
// instead) or that held a duplicate (found at its third key) leaves slots of its generation in
// hashDup's table; the next map hashed, in the same Writer or after Reset,
// must not take them for its own. Here they would: every key of the
// first map hashes to 0 (the seed made so), the slots from 0 on hold its
// keys 0, 1, ..., and the next map's key 0 hashes to 0 too, so it would
// meet "key 0" and, compared with itself, be a duplicate.
func TestWriterHashDupAfterEarlyReturn(t *testing.T) {
	keys := make([]string, 20)
	for i := range keys {
		keys[i] = fmt.Sprintf("samepfx-%04x", i) // 13 bytes encoded
	}
	lo := binary.LittleEndian.Uint64([]byte("lsamepfx"))
	second := func(w *Writer) {
		w.BeginMap()
		w.Text(keys[3]) // hashes to 0
		for i := range hashPairs {
			w.Uint(uint64(i))
			w.Uint(uint64(i) << 40)
		}
		w.Null()
		w.EndMap()
	}
	for _, dup := range []bool{false, true} {
		var w Writer
		w.seedKeys()
		w.seedLo = lo // (lo ^ seedLo) = 0: every product is 0
		w.BeginArray()
		w.BeginMap()
		for i, k := range keys {
			w.Text(k)
			w.Null()
			if dup && i == 1 {
				// found at once, the probes short
				w.Text(keys[0])
				w.Null()
			}
		}
		w.EndMap()
		if err := w.Err(); errors.Is(err, ErrDuplicateKey) != dup {
			t.Fatalf("first map (duplicate %v): %v", dup, err)
		}
		if dup {
			w.Reset()
			w.BeginArray()
		}
		second(&w)
		w.EndArray()
		if _, err := w.Bytes(); err != nil {
			t.Fatalf("second map, after a first of a duplicate %v: %v", dup, err)
		}
	}
}

// TestWriterZeroKeyNeighbours: every encoding of 0.0 and -0.0 (half,
// single and double width) and every item one bit away from one, as a
// RawItem key beside the key 0.0, in a map of few keys (sorted) and of
// many (hashed), with and without Deterministic: a duplicate exactly when
// the item is a float zero (RFC 8949 §5.6.1), whatever its width or sign.
func TestWriterZeroKeyNeighbours(t *testing.T) {
	zeros := [][]byte{
		{0xf9, 0, 0}, {0xf9, 0x80, 0},
		{0xfa, 0, 0, 0, 0}, {0xfa, 0x80, 0, 0, 0},
		{0xfb, 0, 0, 0, 0, 0, 0, 0, 0}, {0xfb, 0x80, 0, 0, 0, 0, 0, 0, 0},
	}
	isZero := func(b []byte) bool {
		if b[0] < 0xf9 || b[0] > 0xfb || len(b) != 1+2<<(b[0]-0xf9) {
			return false
		}
		acc := b[1] &^ 0x80
		for _, c := range b[2:] {
			acc |= c
		}
		return acc == 0
	}
	tried := 0
	for _, z := range zeros {
		for bit := -1; bit < 8*len(z); bit++ {
			key := append([]byte(nil), z...)
			if bit >= 0 {
				key[bit/8] ^= 0x80 >> (bit % 8)
			}
			for _, det := range []bool{false, true} {
				for _, more := range []int{1, hashPairs + 1} {
					w := Writer{Deterministic: det}
					w.BeginMap()
					w.Float(0)
					w.Null()
					w.RawItem(key)
					if err := w.Err(); err != nil {
						continue // not an item, or not deterministic
					}
					tried++
					w.Null()
					for i := range more {
						w.Text(fmt.Sprint("k", i))
						w.Null()
					}
					w.EndMap()
					_, err := w.Bytes()
					if got, want := errors.Is(err, ErrDuplicateKey), isZero(key); got != want {
						t.Errorf("key %x beside 0.0 (Deterministic %v, %d keys): %v, want a duplicate %v", key, det, more+2, err, want)
					}
				}
			}
		}
	}
	if tried < 100 {
		t.Fatalf("only %d maps tried", tried)
	}
}

// TestWriterHashDupSameHash: keys of one hash (the seed set as in
// TestWriterHashDupCollisions, m keys of 13 bytes) take hashDup's slow
// path, comparing each key with every key before it that it probes
// past, then trying the next slot: the work is exactly that of the
// model below, distinct keys are no duplicate, and the probes stop at
// four per key (hashDupLong) only when more are needed.
func TestWriterHashDupSameHash(t *testing.T) {
	lo := binary.LittleEndian.Uint64([]byte("lsamepfx"))
	for _, m := range []int{9, 10, 12, 20} {
		var w Writer
		var offs []int
		for i := range m {
			var e Writer
			e.Text(fmt.Sprintf("samepfx-%04x", i))
			k, _ := e.Bytes()
			offs = append(offs, len(w.buf), len(w.buf)+len(k))
			w.buf = append(w.buf, k...)
			w.buf = append(w.buf, 0xf6) // a null value
		}
		w.koffs = offs
		w.seedKeys()
		w.seedLo = lo // every key hashes to 0
		// the model: key k hashed, then compared with keys 0 to k-1,
		// a probe each, four probes a key in all
		want, wantWork, probes := 0, 0, 4*m
	model:
		for k := range m {
			wantWork += 13
			for range k {
				if probes--; probes < 0 {
					want = hashDupLong
					break model
				}
				wantWork += 13
			}
		}
		if got := w.hashDup(); got != want || w.work != wantWork {
			t.Errorf("%d keys: hashDup %d, work %d; want %d, %d", m, got, w.work, want, wantWork)
		}
	}
}
