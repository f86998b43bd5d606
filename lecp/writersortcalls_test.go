package lecp

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"slices"
	"strconv"
	"testing"
)

// Random streams of Writer calls for EndMap's sorts (sortPlain and
// sortPairs): maps of 0 to 37 pairs, keys of every kind (texts and byte
// strings sharing prefixes of 0 to 22 bytes, integers of every width,
// floats with 0.0 and -0.0, tags and bignums, RawItems canonical and
// not, indefinite-length strings through WriteEvent, arrays and maps,
// short and long), duplicates by replaying a key's calls, sequences of
// two items, reused Writers.

// dop is one Writer call of a generated stream: k names it (as dumpRun
// reads it), u, f, b and s are its arguments.
type dop struct {
	k byte
	u uint64
	f float64
	b []byte
	s string
}

// dgen generates a stream of Writer calls into ops.
type dgen struct {
	r    *rand.Rand
	ops  []dop
	uniq bool // keys mostly distinct
}

var dumpRaws = []string{"\x01", "\x18\x01", "\xf9\x00\x00", "\xf9\x80\x00", "\xfa\x80\x00\x00\x00", "\x7f\x61\x61\xff", "\x81\x01", "\xa0", "\x1c", "\xa1\x01\x01", "\xbf\x01\x01\xff",
	"\xd8\x01\x01", "\xc1\x01", "\xf9\x7e\x01", "\xfa\x7f\xc0\x00\x00", "\xfb\x00\x00\x00\x00\x00\x00\x00\x00", "\x5f\x41\x61\xff", "\x9f\x01\xff", "\xb8\x01\x18\x01\x01", "\x19\x00\x01", "\x78\x01\x61", "\x81\xfa\x80\x00\x00\x00", "\xa2\x02\x02\x01\x01",
	"\x61\x61", "\x62\x61\x61", "\x68abcdefgh", "\x69abcdefghi", "\x6aabcdefghij", "\x48abcdefgh", "\xa2\x01\x01\x02\x02", "\xc2\x41\x01", "\xc2\x42\x00\x01", "\xf9\x7e\x00", "\xfb\x7f\xf8\x00\x00\x00\x00\x00\x00", "\x1b\x00\x00\x00\x01\x00\x00\x00\x00",
	"\x78\x18aaaaaaaaaaaaaaaaaaaaaaaa", "\x77aaaaaaaaaaaaaaaaaaaaaaa", "\x58\x00", "\x40", "\x60"}

var dumpFloats = []float64{0, math.Copysign(0, -1), 1.5, math.NaN(), math.Inf(-1), math.Inf(1), 1e300, 65504, 5.960464477539063e-08, 0.1, -1.5, 1, 100000, 3.4028234663852886e+38}

// str returns a string of alpha, mostly its first byte.
func (g *dgen) str(alpha string) string {
	// shared prefixes: lengths around 7, 8, 9 and 23, 24
	lens := []int{0, 1, 2, 5, 6, 7, 8, 9, 10, 15, 16, 17, 22, 23, 24, 25, 40, 70}
	n := lens[g.r.IntN(len(lens))]
	b := make([]byte, n)
	for i := range b {
		if g.r.IntN(4) == 0 {
			b[i] = alpha[g.r.IntN(len(alpha))]
		} else {
			b[i] = alpha[0]
		}
	}
	return string(b)
}

// leaf adds a scalar, a tag and its item, a RawItem or a string of
// pieces.
func (g *dgen) leaf() {
	r := g.r
	switch r.IntN(16) {
	case 0:
		vals := []uint64{0, 1, 23, 24, 255, 256, 65535, 65536, 1<<32 - 1, 1 << 32, 1<<64 - 1, 97, 0x100000000000000}
		g.ops = append(g.ops, dop{k: 'u', u: vals[r.IntN(len(vals))]})
	case 1:
		g.ops = append(g.ops, dop{k: 'n', u: uint64(r.IntN(300)) << (8 * r.IntN(8))})
	case 2, 3, 4:
		alpha := "ab\x00z"
		if r.IntN(200) == 0 {
			alpha = "ab\xff"
		}
		g.ops = append(g.ops, dop{k: 't', s: g.str(alpha)})
	case 5:
		g.ops = append(g.ops, dop{k: 'b', b: []byte(g.str("a\x00\xffb"))})
	case 6:
		g.ops = append(g.ops, dop{k: 'f', f: dumpFloats[r.IntN(len(dumpFloats))]})
	case 7:
		g.ops = append(g.ops, dop{k: 'o', u: uint64(r.IntN(2))})
	case 8:
		g.ops = append(g.ops, dop{k: 'z'})
	case 9:
		g.ops = append(g.ops, dop{k: 'U'})
	case 10:
		g.ops = append(g.ops, dop{k: 's', u: uint64(r.IntN(24))})
	case 11, 12:
		if g.uniq {
			g.ops = append(g.ops, dop{k: 't', s: g.str("xy")})
			return
		}
		g.ops = append(g.ops, dop{k: 'r', b: []byte(dumpRaws[r.IntN(len(dumpRaws))])})
	case 13:
		tags := []uint64{0, 1, 2, 3, 23, 24, 1000, 1 << 40}
		g.ops = append(g.ops, dop{k: 'T', u: tags[r.IntN(len(tags))]})
		if r.IntN(2) == 0 {
			g.ops = append(g.ops, dop{k: 'b', b: []byte(g.str("\x00\x01\xff"))})
		} else {
			g.leaf()
		}
	case 14:
		// an indefinite-length string through WriteEvent
		kind := TextStart
		if r.IntN(2) == 0 {
			kind = BytesStart
		}
		g.ops = append(g.ops, dop{k: 'S', u: uint64(kind)})
		for range r.IntN(3) {
			g.ops = append(g.ops, dop{k: 'P', u: uint64(kind), s: g.str("ab")})
		}
		g.ops = append(g.ops, dop{k: 'E', u: uint64(kind)})
	case 15:
		g.ops = append(g.ops, dop{k: 'i', u: uint64(r.Int64())})
	}
}

// keyLeaf adds a key likely distinct from the others: texts and byte
// strings sharing prefixes of 0 to 16 bytes, integers, floats.
func (g *dgen) keyLeaf() {
	r := g.r
	pre := "abcdefghijklmnopqrstuvwxyz"[:[]int{0, 1, 5, 6, 7, 8, 9, 16, 22}[r.IntN(9)]]
	suf := make([]byte, r.IntN(4))
	if g.uniq {
		suf = make([]byte, 1+r.IntN(4))
	}
	for i := range suf {
		suf[i] = "0123456789ABCDEF"[r.IntN(16)]
	}
	c := r.IntN(8)
	if g.uniq && c == 7 && r.IntN(8) != 0 {
		c = 0 // few floats: 0.0, -0.0 and 1.5 are most of them
	}
	switch c {
	case 0, 1, 2, 3:
		g.ops = append(g.ops, dop{k: 't', s: pre + string(suf)})
	case 4:
		g.ops = append(g.ops, dop{k: 'b', b: []byte(pre + string(suf))})
	case 5:
		g.ops = append(g.ops, dop{k: 'u', u: r.Uint64() >> (r.IntN(8) * 8)})
	case 6:
		g.ops = append(g.ops, dop{k: 'n', u: r.Uint64() >> (r.IntN(8) * 8)})
	case 7:
		// 0.0 and -0.0 often: one key (RFC 8949 §5.6.1)
		g.ops = append(g.ops, dop{k: 'f', f: dumpFloats[r.IntN(len(dumpFloats))%(3+r.IntN(12))]})
	}
}

// item adds a leaf, an array or a map.
func (g *dgen) item(depth int) {
	r := g.r
	if depth > 3 || r.IntN(3) != 0 {
		g.leaf()
		return
	}
	if r.IntN(3) == 0 {
		g.ops = append(g.ops, dop{k: '['})
		for range r.IntN(6) {
			g.item(depth + 1)
		}
		g.ops = append(g.ops, dop{k: ']'})
		return
	}
	g.mapItem(depth)
}

// mapItem adds a map, with a key repeated now and then (and, rarely,
// a key without a value).
func (g *dgen) mapItem(depth int) {
	r := g.r
	dupEvery, itemKeyEvery := 12, 3
	if g.uniq {
		dupEvery, itemKeyEvery = 100, 40
	}
	g.ops = append(g.ops, dop{k: '{'})
	sizes := []int{0, 1, 2, 3, 7, 8, 9, 12, 13, 24, 25, 37}
	n := sizes[r.IntN(len(sizes))]
	if depth > 1 {
		n = min(n, 9)
	}
	var keys [][2]int
	for range n {
		if len(keys) > 0 && r.IntN(dupEvery) == 0 {
			k := keys[r.IntN(len(keys))]
			g.ops = append(g.ops, g.ops[k[0]:k[1]]...)
		} else {
			a := len(g.ops)
			if r.IntN(itemKeyEvery) == 0 {
				g.item(depth + 1)
			} else {
				g.keyLeaf()
			}
			keys = append(keys, [2]int{a, len(g.ops)})
		}
		g.item(depth + 1)
	}
	if r.IntN(40) == 0 {
		g.leaf() // a key without a value
	}
	g.ops = append(g.ops, dop{k: '}'})
}

// dumpRun makes the calls ops spell on w.
func dumpRun(w *Writer, ops []dop) {
	for _, o := range ops {
		switch o.k {
		case 'u':
			w.Uint(o.u)
		case 'n':
			w.Negative(o.u)
		case 'i':
			w.Int(int64(o.u))
		case 't':
			w.Text(o.s)
		case 'b':
			w.ByteString(o.b)
		case 'f':
			w.Float(o.f)
		case 'o':
			w.Bool(o.u == 1)
		case 'z':
			w.Null()
		case 'U':
			w.Undefined()
		case 's':
			w.Simple(uint8(o.u))
		case 'r':
			w.RawItem(o.b)
		case 'T':
			w.Tag(o.u)
		case 'S':
			w.WriteEvent(&Event{Kind: Kind(o.u), Indefinite: true})
		case 'P':
			k := TextChunk
			if Kind(o.u) == BytesStart {
				k = BytesChunk
			}
			w.WriteEvent(&Event{Kind: k, Value: []byte(o.s)})
		case 'E':
			k := TextEnd
			if Kind(o.u) == BytesStart {
				k = BytesEnd
			}
			w.WriteEvent(&Event{Kind: k})
		case '[':
			w.BeginArray()
		case ']':
			w.EndArray()
		case '{':
			w.BeginMap()
		case '}':
			w.EndMap()
		}
	}
}

// genStream returns the calls of stream i of seed.
func genStream(seed uint64, i int) (ops []dop) {
	g := &dgen{r: rand.New(rand.NewPCG(seed, uint64(i))), uniq: i%2 == 1}
	items := 1
	if g.r.IntN(8) == 0 {
		items = 2
	}
	for range items {
		if g.r.IntN(2) == 0 {
			g.mapItem(0)
		} else {
			g.item(0)
		}
	}
	return g.ops
}

// TestWriterSortCalls: for random streams of calls (genStream), with
// and without Deterministic, on a new Writer and on one reused:
//   - the same output or error either way;
//   - what Bytes returns passes Check with the Writer's rules (unique keys;
//     with Deterministic, keys in bytewise order: RFC 8949 §4.2.1);
//   - a stream Deterministic accepts is accepted without (its keys' plain
//     encodings differ when their sorted ones do);
//   - with no RawItem, the plain output read back through a Decoder into a
//     Deterministic Writer gives the Deterministic output;
//   - with no RawItem, the Deterministic output (or duplicate key) is what
//     detOracle makes of the plain output's items.
//
// Check's key order and duplicate rules share no code with EndMap's sorts.
// (LWSCRYPTO_WRITER_DUMP=file writes every output and error to file, to
// compare two trees: TestWriterDump.)
func TestWriterSortCalls(t *testing.T) {
	n := 3000
	if testing.Short() {
		n = 300
	}
	lax := rawLimits
	lax.AllowSequence = true
	det := lax
	det.Deterministic = true
	var reused [2]Writer
	reused[1].Deterministic = true
	var back Writer
	counts := map[string]int{}
	for i := range n {
		ops := genStream(5, i)
		raw := false
		for _, o := range ops {
			raw = raw || o.k == 'r'
		}
		var out [2][]byte
		var errs [2]error
		for d := range 2 {
			w := &Writer{Deterministic: d == 1}
			dumpRun(w, ops)
			b, err := w.Bytes()
			out[d], errs[d] = bytes.Clone(b), err
			r := &reused[d]
			r.Reset()
			dumpRun(r, ops)
			b2, err2 := r.Bytes()
			if !bytes.Equal(b, b2) || fmt.Sprint(err) != fmt.Sprint(err2) {
				t.Fatalf("stream %d, Deterministic %v: new Writer %x %v, reused %x %v", i, d == 1, b, err, b2, err2)
			}
		}
		for d, o := range []*Options{&lax, &det} {
			if errs[d] != nil {
				continue
			}
			if err := Check(out[d], o); err != nil {
				t.Fatalf("stream %d, Deterministic %v: %x: Check: %v", i, d == 1, out[d], err)
			}
		}
		if errs[1] == nil && errs[0] != nil {
			t.Fatalf("stream %d: Deterministic accepts (%x), plain refuses: %v", i, out[1], errs[0])
		}
		switch {
		case errs[1] == nil:
			counts["accepted"]++
		case errors.Is(errs[1], ErrDuplicateKey):
			counts["duplicate"]++
		default:
			counts["other error"]++
		}
		if raw || errs[0] != nil || errs[1] != nil {
			continue
		}
		back.Reset()
		back.Deterministic = true
		d := NewDecoderBytes(out[0], &lax)
		for {
			tok, err := d.ReadToken()
			if err != nil {
				break
			}
			back.WriteToken(tok)
		}
		if b, err := back.Bytes(); err != nil || !bytes.Equal(b, out[1]) {
			t.Fatalf("stream %d: plain %x read back as %x %v, Deterministic %x", i, out[0], b, err, out[1])
		}
	}
	// the other way: what the plain Writer accepts, its output's items
	// encoded by detOracle, against the Deterministic Writer's output or
	// duplicate key
	for i := range n {
		ops := genStream(6, i)
		raw := false
		for _, o := range ops {
			raw = raw || o.k == 'r'
		}
		if raw {
			continue
		}
		var w Writer
		dumpRun(&w, ops)
		plain, err := w.Bytes()
		if err != nil {
			continue
		}
		var want []byte
		dup := false
		d := NewDecoderBytes(plain, &lax)
		for {
			tok, err := d.ReadToken()
			if err != nil {
				break
			}
			var dp bool
			want, dp = detOracle(t, d, tok, want)
			dup = dup || dp
		}
		w = Writer{Deterministic: true}
		dumpRun(&w, ops)
		got, err := w.Bytes()
		counts["oracle"]++
		if dup {
			counts["oracle duplicate"]++
		}
		switch {
		case dup && !errors.Is(err, ErrDuplicateKey):
			t.Fatalf("stream %d: plain %x: Deterministic %x %v, want a duplicate key", i, plain, got, err)
		case !dup && (err != nil || !bytes.Equal(got, want)):
			t.Fatalf("stream %d: plain %x: Deterministic %x %v, want %x", i, plain, got, err, want)
		}
	}
	t.Logf("%d streams twice: %v", n, counts)
}

// detOracle appends to b the core deterministic encoding of the item tok
// begins (the rest read from d): maps sorted by bytes.Compare of their
// keys' encodings, a tag 2 or 3 of a byte string as a bignum in
// preferred serialization. It reports whether a map in it has a
// duplicate key (equal encodings, or 0.0 and -0.0). (Not for indefinite
// lengths or string pieces, which the Writer never writes.)
func detOracle(t *testing.T, d *Decoder, tok Token, b []byte) ([]byte, bool) {
	t.Helper()
	next := func() Token {
		tok, err := d.ReadToken()
		if err != nil {
			t.Fatal(err)
		}
		return tok
	}
	switch tok.Kind {
	case Uint:
		return AppendUint(b, tok.Uint), false
	case Nint:
		return AppendNegative(b, tok.Uint), false
	case Bytes:
		return AppendBytes(b, tok.Value), false
	case Text:
		return AppendTextBytes(b, tok.Value), false
	case Float:
		return AppendFloat(b, tok.Float), false
	case False, True:
		return AppendBool(b, tok.Kind == True), false
	case Null:
		return AppendNull(b), false
	case Undefined:
		return AppendUndefined(b), false
	case Simple:
		return AppendSimple(b, uint8(tok.Uint)), false
	case TagStart:
		n, in := tok.Uint, next()
		var dup bool
		if in.Kind == Bytes && (n == 2 || n == 3) {
			v := bytes.TrimLeft(in.Value, "\x00")
			if len(v) > 8 {
				b = AppendBytes(AppendTag(b, n), v)
			} else {
				var u uint64
				for _, c := range v {
					u = u<<8 | uint64(c)
				}
				if n == 2 {
					b = AppendUint(b, u)
				} else {
					b = AppendNegative(b, u)
				}
			}
		} else {
			b, dup = detOracle(t, d, in, AppendTag(b, n))
		}
		if end := next(); end.Kind != TagEnd {
			t.Fatalf("%v after a tag's item", end.Kind)
		}
		return b, dup
	case ArrayStart:
		var items []byte
		var dup bool
		n := uint64(0)
		for tok := next(); tok.Kind != ArrayEnd; tok = next() {
			var dp bool
			items, dp = detOracle(t, d, tok, items)
			dup = dup || dp
			n++
		}
		return append(AppendArrayHeader(b, n), items...), dup
	case MapStart:
		type kv struct{ k, v []byte }
		var kvs []kv
		var dup bool
		zero := func(b []byte) bool { return len(b) == 3 && b[0] == 0xf9 && b[1]&0x7f == 0 && b[2] == 0 }
		for tok := next(); tok.Kind != MapEnd; tok = next() {
			k, d1 := detOracle(t, d, tok, nil)
			v, d2 := detOracle(t, d, next(), nil)
			dup = dup || d1 || d2
			for _, p := range kvs {
				dup = dup || bytes.Equal(p.k, k) || zero(p.k) && zero(k)
			}
			kvs = append(kvs, kv{k, v})
		}
		slices.SortFunc(kvs, func(a, b kv) int { return bytes.Compare(a.k, b.k) })
		b = AppendMapHeader(b, uint64(len(kvs)))
		for _, p := range kvs {
			b = append(append(b, p.k...), p.v...)
		}
		return b, dup
	}
	t.Fatalf("token %v", tok.Kind)
	return nil, false
}

// TestWriterDump writes the output or error of random Writer call streams
// (genStream; LWSCRYPTO_WRITER_DUMP_N of them, of seed
// LWSCRYPTO_WRITER_DUMP_SEED), with and without Deterministic, new and
// reused, to the file LWSCRYPTO_WRITER_DUMP names: run in two trees and
// compared with cmp, it shows a change of the Writer's output.
func TestWriterDump(t *testing.T) {
	path := os.Getenv("LWSCRYPTO_WRITER_DUMP")
	if path == "" {
		t.Skip("LWSCRYPTO_WRITER_DUMP not set")
	}
	n := 20000
	if s := os.Getenv("LWSCRYPTO_WRITER_DUMP_N"); s != "" {
		n, _ = strconv.Atoi(s)
	}
	seed := uint64(1)
	if s := os.Getenv("LWSCRYPTO_WRITER_DUMP_SEED"); s != "" {
		seed, _ = strconv.ParseUint(s, 10, 64)
	}
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	out := bufio.NewWriter(f)
	defer out.Flush()
	var reused [2]Writer
	reused[1].Deterministic = true
	for i := range n {
		ops := genStream(seed, i)
		for d, det := range []bool{false, true} {
			for _, fresh := range []bool{true, false} {
				w := &reused[d]
				if fresh {
					w = &Writer{Deterministic: det}
				} else {
					w.Reset()
				}
				dumpRun(w, ops)
				b, err := w.Bytes()
				fmt.Fprintf(out, "%d %v %v %x %v\n", i, det, fresh, b, err)
				if err == nil && !fresh {
					// a second Bytes, and more after it
					dumpRun(w, ops)
					b, err = w.Bytes()
					fmt.Fprintf(out, "%d %v again %x %v\n", i, det, b, err)
				}
			}
		}
	}
}
