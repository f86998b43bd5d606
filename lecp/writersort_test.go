package lecp

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/lwscrypto/lwscrypto/internal/testenv"
)

// stree is an item for the tests of EndMap's sort of plain keys
// (sortPlain): a leaf written by its own Writer calls, or a map or array
// of strees. Its oracle encoding is built bottom-up from each part
// written alone, a map's pairs sorted by bytes.Compare of their keys'
// encodings (RFC 8949 §4.2.1), so it shares no code with EndMap's sort.
type stree struct {
	leaf  func(*Writer)
	b     []byte // leaf's encoding
	arr   []stree
	pairs [][2]stree
}

func (s stree) write(w *Writer) {
	switch {
	case s.leaf != nil:
		s.leaf(w)
	case s.pairs != nil:
		w.BeginMap()
		for _, p := range s.pairs {
			p[0].write(w)
			p[1].write(w)
		}
		w.EndMap()
	default:
		w.BeginArray()
		for _, c := range s.arr {
			c.write(w)
		}
		w.EndArray()
	}
}

// enc returns s's encoding, its maps sorted when det, and whether a map
// in s has a duplicate key (equal encodings, or 0.0 and -0.0).
func (s stree) enc(t *testing.T, det bool) (b []byte, dup bool) {
	t.Helper()
	switch {
	case s.leaf != nil:
		return s.b, false
	case s.pairs != nil:
		type kv struct{ k, v []byte }
		var kvs []kv
		for _, p := range s.pairs {
			k, d1 := p[0].enc(t, det)
			v, d2 := p[1].enc(t, det)
			dup = dup || d1 || d2
			kvs = append(kvs, kv{k, v})
		}
		zero := func(b []byte) bool { return len(b) == 3 && b[0] == 0xf9 && b[1]&0x7f == 0 && b[2] == 0 }
		for i := range kvs {
			for j := range i {
				if bytes.Equal(kvs[i].k, kvs[j].k) || zero(kvs[i].k) && zero(kvs[j].k) {
					dup = true
				}
			}
		}
		if det {
			slices.SortStableFunc(kvs, func(a, b kv) int { return bytes.Compare(a.k, b.k) })
		}
		b = AppendMapHeader(nil, uint64(len(kvs)))
		for _, p := range kvs {
			b = append(append(b, p.k...), p.v...)
		}
		return b, dup
	default:
		b = AppendArrayHeader(nil, uint64(len(s.arr)))
		for _, c := range s.arr {
			e, d := c.enc(t, det)
			b, dup = append(b, e...), dup || d
		}
		return b, dup
	}
}

// sLeaf is a leaf written by f, its encoding taken once.
func sLeaf(f func(*Writer)) stree {
	var w Writer
	f(&w)
	b, err := w.Bytes()
	if err != nil {
		panic(err)
	}
	return stree{leaf: f, b: b}
}

func sText(s string) stree     { return sLeaf(func(w *Writer) { w.Text(s) }) }
func sBytes(s string) stree    { return sLeaf(func(w *Writer) { w.ByteString([]byte(s)) }) }
func sInt(i int64) stree       { return sLeaf(func(w *Writer) { w.Int(i) }) }
func sFloat(f float64) stree   { return sLeaf(func(w *Writer) { w.Float(f) }) }
func sArr(kids ...stree) stree { return stree{arr: append([]stree{}, kids...)} }

// sortKeyFamilies make keys whose encodings share long prefixes: names
// that agree in their first 8 or more bytes, byte strings that differ only
// after their eighth byte, arrays whose encodings agree in 8 bytes and
// differ in length ([ "abcdef", 1 ] and [ "abcdef", 1000 ]), short keys
// (zero-padded), integers, floats (0.0 and -0.0 among them, the same key);
// and keys whose heads are pending when the map ends (not plain:
// sortPairs). Unless wide, from few values, so that duplicates are many.
var sortKeyFamilies = []func(r *rand.Rand, wide bool) stree{
	func(r *rand.Rand, wide bool) stree { // profile_… names, some longer than 23
		return sText("profile_" + randSuffix(r, "ab_c", r.IntN(pick(wide, 20, 3))))
	},
	func(r *rand.Rand, wide bool) stree { // differ only after byte 8
		return sBytes("abcdefgh" + randSuffix(r, "xy", r.IntN(pick(wide, 16, 3))))
	},
	func(r *rand.Rand, wide bool) stree { // 8 equal bytes, then lengths differ
		widths := []int64{24, 256, 65536, 1 << 32}
		w := widths[r.IntN(len(widths))]
		if wide && w == 24 {
			w = 1 << 16
		}
		return sArr(sText("abcdef"), sInt(w/2+r.Int64N(int64(pick(wide, int(w/2), 2)))))
	},
	func(r *rand.Rand, wide bool) stree { // 8 bytes or less
		return sText(randSuffix(r, pickS(wide, "abcdefgh", "ab"), r.IntN(8)))
	},
	func(r *rand.Rand, wide bool) stree {
		return sInt(r.Int64N(int64(pick(wide, 1<<40, 600))) - int64(pick(wide, 1<<39, 300)))
	},
	func(r *rand.Rand, wide bool) stree {
		if wide {
			return sFloat(r.Float64())
		}
		return sFloat([]float64{0, math.Copysign(0, -1), 1.5, 65504, 1e300, 0.1}[r.IntN(6)])
	},
	func(r *rand.Rand, wide bool) stree { // a pending head
		return sArr(sText(strings.Repeat("k", 62) + randSuffix(r, "ab", r.IntN(pick(wide, 12, 2)))))
	},
}

func pick(wide bool, a, b int) int {
	if wide {
		return a
	}
	return b
}

func pickS(wide bool, a, b string) string {
	if wide {
		return a
	}
	return b
}

func randSuffix(r *rand.Rand, alpha string, n int) string {
	var b strings.Builder
	for range n {
		b.WriteByte(alpha[r.IntN(len(alpha))])
	}
	return b.String()
}

// randSortMap returns a map of n pairs whose keys come from one or two
// families of sortKeyFamilies, with values that are small, long (so the
// map is laid out by Bytes) or maps themselves (nested sorted maps).
func randSortMap(r *rand.Rand, n, depth int, wide bool) stree {
	fa, fb := sortKeyFamilies[r.IntN(len(sortKeyFamilies))], sortKeyFamilies[r.IntN(len(sortKeyFamilies))]
	m := stree{pairs: [][2]stree{}}
	for range n {
		f := fa
		if r.IntN(2) == 0 {
			f = fb
		}
		var v stree
		switch x := r.IntN(10); {
		case x < 6:
			v = sInt(int64(r.IntN(30)))
		case x < 8:
			v = sText(strings.Repeat("v", r.IntN(90)))
		case depth < 2:
			v = randSortMap(r, r.IntN(2*insertionKeys+2), depth+1, wide)
		default:
			v = sArr()
		}
		m.pairs = append(m.pairs, [2]stree{f(r, wide), v})
	}
	return m
}

// TestWriterSortPlainOracle: maps of 0 to 100 pairs (both sides of
// insertionKeys and of each merge round) with keys sharing long prefixes,
// nested in each other, short and long, written in random, sorted and
// reverse order: with Deterministic the output is the oracle's sorted
// encoding byte for byte, without it the written order, and either
// refuses exactly the maps with a duplicate key.
func TestWriterSortPlainOracle(t *testing.T) {
	r := rand.New(rand.NewPCG(23, 5))
	var w Writer
	sizes := []int{0, 1, 2, 3, insertionKeys - 1, insertionKeys, insertionKeys + 1,
		2*insertionKeys - 1, 2 * insertionKeys, 2*insertionKeys + 1, 4*insertionKeys + 1, 100}
	dups, clean := 0, 0
	for iter := range 1500 {
		n := sizes[iter%len(sizes)]
		if iter%3 == 0 {
			n = r.IntN(60)
		}
		m := randSortMap(r, n, 0, iter%4 != 0)
		switch iter % 5 {
		case 1, 2: // in key order, or reverse
			type ek struct {
				k []byte
				p [2]stree
			}
			var eks []ek
			for _, p := range m.pairs {
				k, _ := p[0].enc(t, true)
				eks = append(eks, ek{k, p})
			}
			slices.SortStableFunc(eks, func(a, b ek) int { return bytes.Compare(a.k, b.k) })
			for i := range eks {
				m.pairs[i] = eks[i].p
			}
			if iter%5 == 2 {
				slices.Reverse(m.pairs)
			}
		}
		for _, d := range []bool{true, false} {
			want, dup := m.enc(t, d)
			w.Reset()
			w.Deterministic = d
			m.write(&w)
			got, err := w.Bytes()
			if dup {
				if !errors.Is(err, ErrDuplicateKey) {
					t.Fatalf("iter %d det %v: %d pairs with a duplicate key: err %v", iter, d, n, err)
				}
				dups++
				continue
			}
			clean++
			if err != nil {
				t.Fatalf("iter %d det %v: %d pairs: %v", iter, d, n, err)
			}
			if !bytes.Equal(got, want) {
				i := 0
				for i < min(len(got), len(want)) && got[i] == want[i] {
					i++
				}
				t.Fatalf("iter %d det %v: %d pairs: %d bytes, want %d; from byte %d:\n got %.40x\nwant %.40x", iter, d, n, len(got), len(want), i, got[i:], want[i:])
			}
		}
	}
	t.Logf("%d maps with a duplicate, %d without", dups, clean)
	if dups < 300 || clean < 300 {
		t.Fatalf("%d maps with a duplicate, %d without: want both", dups, clean)
	}
}

// TestWriterSortPlainDup: a duplicate key is found at every place in
// maps of every size up to 3·insertionKeys+1, for keys that agree in
// their first 8 bytes (or are shorter), and keys that differ only after
// byte 8 are not taken for duplicates.
func TestWriterSortPlainDup(t *testing.T) {
	names := func(n int, long bool) []string {
		var s []string
		for i := range n {
			if long {
				s = append(s, fmt.Sprintf("profile_%03d", i)) // 12 bytes
			} else {
				s = append(s, fmt.Sprintf("%c", 'A'+i)) // 2 bytes
			}
		}
		return s
	}
	var w Writer
	for _, det := range []bool{true, false} {
		for _, long := range []bool{true, false} {
			for n := 2; n <= 3*insertionKeys+1; n++ {
				keys := names(n, long)
				w.Deterministic = det
				w.Reset()
				w.BeginMap()
				for i := n - 1; i >= 0; i-- {
					w.Text(keys[i])
					w.Int(int64(i))
				}
				w.EndMap()
				if _, err := w.Bytes(); err != nil {
					t.Fatalf("det %v, %d keys: %v", det, n, err)
				}
				for i := range n {
					for j := range n {
						if i == j {
							continue
						}
						w.Reset()
						w.BeginMap()
						for x := range n {
							k := keys[x]
							if x == j {
								k = keys[i]
							}
							w.Text(k)
							w.Int(int64(x))
						}
						w.EndMap()
						if !errors.Is(w.Err(), ErrDuplicateKey) {
							t.Fatalf("det %v, %d keys, key %d repeated at %d: err %v", det, n, i, j, w.Err())
						}
					}
				}
			}
		}
	}
}

// TestWriterSortPlainZeros: 0.0 and -0.0 are the same key on sortPlain's
// path too, among other keys and alone.
func TestWriterSortPlainZeros(t *testing.T) {
	var w Writer
	for _, det := range []bool{true, false} {
		for _, n := range []int{0, 1, 5, insertionKeys + 3} {
			w.Deterministic = det
			w.Reset()
			w.BeginMap()
			w.Float(math.Copysign(0, -1))
			w.Null()
			for i := range n {
				w.Int(int64(i))
				w.Null()
			}
			w.Float(0)
			w.Null()
			w.EndMap()
			if !errors.Is(w.Err(), ErrDuplicateKey) {
				t.Errorf("det %v, 0.0 and -0.0 among %d keys: err %v", det, n, w.Err())
			}
		}
	}
}

// TestWriterSortPlainInPlace: a long map written in key order is not
// laid out again by Bytes (no sorted map recorded), a short one is not
// copied; one out of order is.
func TestWriterSortPlainInPlace(t *testing.T) {
	var w Writer
	w.Deterministic = true
	for _, n := range []int{3, insertionKeys + 5, 40} {
		for _, long := range []bool{false, true} {
			for _, rev := range []bool{false, true} {
				w.Reset()
				w.BeginMap()
				for i := range n {
					x := i
					if rev {
						x = n - 1 - i
					}
					w.Text(fmt.Sprintf("key%03d", x))
					if long {
						w.Text(strings.Repeat("v", 70))
					} else {
						w.Null()
					}
				}
				w.work = 0
				w.EndMap()
				work, sorts := w.work, len(w.sorts)
				out, err := w.Bytes()
				if err != nil {
					t.Fatal(err)
				}
				if err := Check(out, &Options{Deterministic: true}); err != nil {
					t.Fatalf("%d keys, long %v, reversed %v: %v", n, long, rev, err)
				}
				// a short map sorted in place costs a copy of its content
				// out and back (keys of 7 bytes: 7 read each; the head
				// moves the content once)
				c := len(out) - 1
				moved := sorts > 0 || c <= shortContent && work >= 7*n+2*c
				if moved != rev {
					t.Errorf("%d keys, long %v, reversed %v: %d sorted maps pending, %d bytes of work", n, long, rev, sorts, work)
				}
			}
		}
	}
}

// TestSortPrefix: sortPrefix reads the first 8 bytes of a key, big-endian
// and zero-padded, whatever lies past the key's end and whatever its
// capacity.
func TestSortPrefix(t *testing.T) {
	src := []byte{0x81, 0x02, 0x83, 0x04, 0x85, 0x06, 0x87, 0x08, 0x89, 0x0a}
	for n := 1; n <= len(src); n++ {
		var want uint64
		for i := range 8 {
			want <<= 8
			if i < n {
				want |= uint64(src[i])
			}
		}
		for c := n; c <= n+9; c++ {
			b := make([]byte, n, c)
			copy(b, src)
			for i := n; i < c; i++ {
				b[:c][i] = 0xff // garbage past the key
			}
			if got := sortPrefix(b); got != want {
				t.Errorf("len %d cap %d: %016x, want %016x", n, c, got, want)
			}
		}
	}
}

// TestWriterSortPlainAllocs: a reused Deterministic Writer sorts maps of
// every size without allocating.
func TestWriterSortPlainAllocs(t *testing.T) {
	if testenv.Race {
		t.Skip("allocation counts differ under -race")
	}
	r := rand.New(rand.NewPCG(1, 2))
	m := stree{pairs: [][2]stree{}}
	for i := range 200 {
		v := sInt(int64(i))
		if i%3 == 0 {
			inner := stree{pairs: [][2]stree{}}
			for j := range i % 40 {
				inner.pairs = append(inner.pairs, [2]stree{sText(fmt.Sprintf("name_%03d", (j*7)%40)), sText(strings.Repeat("v", j))})
			}
			v = inner
		}
		m.pairs = append(m.pairs, [2]stree{sText(fmt.Sprintf("profile_%d_%d", r.IntN(1000), i)), v})
	}
	var w Writer
	w.Deterministic = true
	write := func() {
		w.Reset()
		m.write(&w)
		if _, err := w.Bytes(); err != nil {
			t.Fatal(err)
		}
	}
	write()
	if a := testing.AllocsPerRun(10, write); a != 0 {
		t.Errorf("%v allocations per document", a)
	}
}
