package lejp

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/lwscrypto/lwscrypto/internal/testenv"
)

// pullOpts are the option sets the bytes-versus-reader comparison runs
// with: the defaults, the loosened modes, and limits small enough that the
// corpus files reach them.
var pullOpts = []*Options{
	nil,
	{AllowDuplicateNames: true, AllowComments: true, AllowMultipleValues: true},
	{MaxDepth: 3, MaxNameLen: 4, MaxNumberLen: 4, MaxStringLen: 8, MaxNameMemory: 200},
}

// comparePull reads in with a Decoder over the bytes (the whole input in
// hand) and with one over a one-byte io.Reader (every token split), doing
// the same call on both at each step, as ops says (0 ReadToken, 1
// ReadValue, 2 SkipValue, cycling through ops; all ReadToken if empty). It
// fails at the first difference in a token's fields, a value's bytes, an
// error, Path, Pointer, InputOffset or Depth. It returns the number of
// steps taken.
func comparePull(t *testing.T, in []byte, opts *Options, ops []byte) int {
	t.Helper()
	db := NewDecoderBytes(in, opts)
	dr := NewDecoder(iotest.OneByteReader(bytes.NewReader(in)), opts)
	for n := 0; ; n++ {
		op := byte(0)
		if len(ops) > 0 {
			op = ops[n%len(ops)] % 3
		}
		var tb, tr Token
		var vb, vr []byte
		var eb, er error
		switch op {
		case 0:
			tb, eb = db.ReadToken()
			tr, er = dr.ReadToken()
		case 1:
			vb, eb = db.ReadValue()
			vr, er = dr.ReadValue()
		default:
			eb = db.SkipValue()
			er = dr.SkipValue()
		}
		if !sameErr(eb, er) {
			t.Fatalf("step %d (op %d): bytes error %v, reader error %v", n, op, eb, er)
		}
		if tb.Kind != tr.Kind || tb.Offset != tr.Offset || !bytes.Equal(tb.Value, tr.Value) ||
			(tb.Value == nil) != (tr.Value == nil) {
			t.Fatalf("step %d: bytes token %v %q @%d (nil %t), reader token %v %q @%d (nil %t)",
				n, tb.Kind, tb.Value, tb.Offset, tb.Value == nil, tr.Kind, tr.Value, tr.Offset, tr.Value == nil)
		}
		if !bytes.Equal(vb, vr) || (vb == nil) != (vr == nil) {
			t.Fatalf("step %d: bytes value %q, reader value %q", n, vb, vr)
		}
		if pb, pr := db.Path(), dr.Path(); pb != pr {
			t.Fatalf("step %d: bytes path %q, reader path %q", n, pb, pr)
		}
		if pb, pr := db.Pointer(), dr.Pointer(); pb != pr {
			t.Fatalf("step %d: bytes pointer %q, reader pointer %q", n, pb, pr)
		}
		if ob, or := db.InputOffset(), dr.InputOffset(); ob != or {
			t.Fatalf("step %d: bytes offset %d, reader offset %d", n, ob, or)
		}
		if xb, xr := db.Depth(), dr.Depth(); xb != xr {
			t.Fatalf("step %d: bytes depth %d, reader depth %d", n, xb, xr)
		}
		if eb != nil && !errors.Is(eb, ErrNoValue) {
			fb, fr := db.Finish(), dr.Finish()
			if !sameErr(fb, fr) {
				t.Fatalf("Finish: bytes %v, reader %v", fb, fr)
			}
			return n + 1
		}
	}
}

// sameErr reports whether a and b are the same error: both nil, the same
// sentinel, or syntax errors alike in every field.
func sameErr(a, b error) bool {
	if a == nil || b == nil {
		return a == b
	}
	var sa, sb *SyntaxError
	if errors.As(a, &sa) != errors.As(b, &sb) {
		return false
	}
	if sa != nil {
		return sa.Offset == sb.Offset && sa.Path == sb.Path && sa.Err == sb.Err
	}
	return a == b
}

// TestPullBytesVersusReader: a Decoder over the whole input agrees with
// one over a one-byte io.Reader, token by token and in every piece of
// state, on every JSONTestSuite file and the benchmark files, with each
// option set, reading tokens only and mixing in ReadValue and SkipValue.
func TestPullBytesVersusReader(t *testing.T) {
	files := jtsFiles(t, "test_parsing")
	for name, b := range jtsFiles(t, "test_transform") {
		files["transform/"+name] = b
	}
	for _, tc := range goldenCases {
		files["golden/"+tc.in] = []byte(tc.in)
	}
	for name, in := range files {
		t.Run(name, func(t *testing.T) {
			for _, opts := range pullOpts {
				comparePull(t, in, opts, nil)
				comparePull(t, in, opts, []byte{0, 1, 0, 2})
				comparePull(t, in, opts, []byte{0, 0, 2, 1})
			}
		})
	}
	dir := testenv.VectorsFile(t, "json-benchmark")
	for _, name := range []string{"twitter.json", "citm_catalog.json", "canada.json"} {
		in, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		t.Run(name, func(t *testing.T) {
			if n := comparePull(t, in, nil, nil); n < 1000 {
				t.Fatalf("only %d tokens", n)
			}
			comparePull(t, in, pullOpts[2], nil)
			comparePull(t, in, nil, []byte{0, 0, 0, 1, 0, 2, 0})
		})
	}
}

// FuzzPullBytesVersusReader: the same comparison on fuzzed input, option
// set and call schedule. Nothing panics.
func FuzzPullBytesVersusReader(f *testing.F) {
	addSeeds(f, func(b []byte) { f.Add(b, uint8(0), []byte{0}) })
	f.Add([]byte(`{"a":[1,{"b":"c\u00e9"}],"a":2}`), uint8(1), []byte{0, 1, 2})
	f.Fuzz(func(t *testing.T, in []byte, o uint8, ops []byte) {
		if len(ops) > 16 {
			ops = ops[:16]
		}
		comparePull(t, in, pullOpts[int(o)%len(pullOpts)], ops)
	})
}

// The fast path against the machine: ReadToken with its fast path
// (fastpull.go) and with it turned off (noFastPull) must agree in every
// result and every piece of state, whatever the input, options, call
// schedule and refill sizes.

// pullFastOpts are the option sets of the comparison: the defaults, each
// loosened mode, and limits small enough that inputs reach them (depth,
// name, number and string lengths, name memory).
var pullFastOpts = []*Options{
	nil,
	{AllowDuplicateNames: true},
	{AllowInvalidUTF8: true},
	{AllowMultipleValues: true},
	{AllowComments: true, AllowMultipleValues: true},
	{MaxDepth: 3, MaxNameLen: 4, MaxNumberLen: 4, MaxStringLen: 8, MaxNameMemory: 200},
	{MaxDepth: 9, MaxNameLen: 12, MaxNumberLen: 12, MaxStringLen: 40, MaxNameMemory: 2000, AllowInvalidUTF8: true},
	{AllowDuplicateNames: true, MaxNameMemory: 100, MaxDepth: 12},
}

// pullStep is what one call returned and the state it left.
type pullStep struct {
	tok       Token
	val       []byte
	err       error
	path, ptr string
	off       int64
	depth     int
}

// diffInner compares the scanners' state beyond what the API shows: the
// grammar state, position, name bookkeeping, held names and open frames,
// with a pending push (the machine's) counted as done (the fast path's).
// It returns "" when they agree. Unless all is set, it compares only the
// innermost frames and the latest names, so that a step costs little
// however deep the input or large its objects.
func diffInner(f, m *scanner, all bool) string {
	depth := func(s *scanner) int {
		if s.pendPush != 0 {
			return s.depth + 1
		}
		return s.depth
	}
	if f.state != m.state || f.pos != m.pos || f.base != m.base || depth(f) != depth(m) ||
		len(f.ents) != len(m.ents) || len(f.arena) != len(m.arena) || f.nameMem != m.nameMem ||
		f.nhashed != m.nhashed || (f.err == nil) != (m.err == nil) {
		return fmt.Sprintf("state %d/%d pos %d/%d base %d/%d depth %d/%d ents %d/%d arena %d/%d mem %d/%d hashed %d/%d err %v/%v",
			f.state, m.state, f.pos, m.pos, f.base, m.base, depth(f), depth(m), len(f.ents), len(m.ents),
			len(f.arena), len(m.arena), f.nameMem, m.nameMem, f.nhashed, m.nhashed, f.err, m.err)
	}
	d0, e0 := 0, 0
	if !all {
		d0, e0 = max(min(f.depth, m.depth)-4, 0), max(len(f.ents)-8, 0)
	}
	for d := d0; d < min(f.depth, m.depth); d++ {
		a, b := &f.frames[d], &m.frames[d]
		if a.obj != b.obj || a.index != b.index || string(a.name) != string(b.name) || a.ents != b.ents ||
			a.nameMem != b.nameMem || a.arena != b.arena || a.hashed != b.hashed || a.bloom != b.bloom {
			return fmt.Sprintf("frame %d: %+v / %+v", d, *a, *b)
		}
	}
	for i := e0; i < len(f.ents); i++ {
		if a, b := f.ents[i], m.ents[i]; string(a.nm) != string(b.nm) || a.key != b.key || (a.hash == 0) != (b.hash == 0) {
			// (The hashes are seeded per scanner: only whether there is one.)
			return fmt.Sprintf("name %d: %q %x %x / %q %x %x", i, a.nm, a.key, a.hash, b.nm, b.key, b.hash)
		}
	}
	return ""
}

// pullCauses are the causes an error may have.
var pullCauses = []error{io.EOF, io.ErrUnexpectedEOF, ErrNoValue, ErrUnexpectedEOF, ErrInvalidChar, ErrInvalidLiteral,
	ErrInvalidNumber, ErrInvalidEscape, ErrInvalidUTF8, ErrDuplicateName, ErrDepth, ErrNameTooLong, ErrNumberTooLong,
	ErrStringTooLong, ErrTooManyNames, ErrValueTooLarge}

// sameCause reports whether errors.Is says the same of a and b for every
// cause.
func sameCause(a, b error) bool {
	for _, c := range pullCauses {
		if errors.Is(a, c) != errors.Is(b, c) {
			return false
		}
	}
	return true
}

// step makes one call on d (op 0 ReadToken, 1 ReadValue, 2 SkipValue),
// with the fast path on or off.
func step(d *Decoder, op byte, machine bool) (r pullStep) {
	noFastPull = machine
	defer func() { noFastPull = false }()
	switch op {
	case 0:
		r.tok, r.err = d.ReadToken()
	case 1:
		r.val, r.err = d.ReadValue()
	default:
		r.err = d.SkipValue()
	}
	r.path, r.ptr, r.off, r.depth = d.Path(), d.Pointer(), d.InputOffset(), d.Depth()
	return r
}

// compareFast runs a Decoder with the fast path and one without over in
// (bytes if chunk is 0, else an io.Reader giving chunk bytes per Read),
// doing the same call on both at each step as ops says (as comparePull;
// 3 is Finish once a top-level value has been read, and ends the run),
// and fails at the first difference in a token's fields (and whether its
// Value is nil), a value's bytes, an error (its cause, offset and path),
// Path, Pointer, InputOffset, Depth or the scanner's state; then in
// Finish. It returns the number of steps.
func compareFast(t *testing.T, in []byte, opts *Options, ops []byte, chunk int) int {
	t.Helper()
	var df, dm *Decoder
	if chunk == 0 {
		df = NewDecoderBytes(in, opts)
		noFastPull = true // (read when the Decoder sets its fast flag)
		dm = NewDecoderBytes(in, opts)
	} else {
		df = NewDecoder(&pieceReader{b: in, n: chunk}, opts)
		noFastPull = true
		dm = NewDecoder(&pieceReader{b: in, n: chunk}, opts)
	}
	noFastPull = false
	for n := 0; ; n++ {
		op := byte(0)
		if len(ops) > 0 {
			op = ops[n%len(ops)] % 4
		}
		if op == 3 {
			// Finish, when a top-level value has been read; else a token.
			if n == 0 || df.Depth() != 0 {
				op = 0
			} else {
				noFastPull = true
				em := dm.Finish()
				noFastPull = false
				ef := df.Finish()
				if !sameErr(ef, em) || !sameCause(ef, em) || df.InputOffset() != dm.InputOffset() ||
					df.Pointer() != dm.Pointer() || df.Depth() != dm.Depth() {
					t.Fatalf("step %d: Finish: fast %v at %d, machine %v at %d", n, ef, df.InputOffset(), em, dm.InputOffset())
				}
				if e := diffInner(&df.s, &dm.s, true); e != "" {
					t.Fatalf("step %d: Finish: scanner state differs (fast/machine): %s", n, e)
				}
				return n + 1
			}
		}
		f, m := step(df, op, false), step(dm, op, true)
		if !sameErr(f.err, m.err) || !sameCause(f.err, m.err) {
			t.Fatalf("step %d (op %d): fast error %v, machine error %v", n, op, f.err, m.err)
		}
		if f.tok.Kind != m.tok.Kind || f.tok.Offset != m.tok.Offset || !bytes.Equal(f.tok.Value, m.tok.Value) ||
			(f.tok.Value == nil) != (m.tok.Value == nil) {
			t.Fatalf("step %d: fast token %v %q @%d (nil %t), machine token %v %q @%d (nil %t)", n,
				f.tok.Kind, f.tok.Value, f.tok.Offset, f.tok.Value == nil, m.tok.Kind, m.tok.Value, m.tok.Offset, m.tok.Value == nil)
		}
		if !bytes.Equal(f.val, m.val) || (f.val == nil) != (m.val == nil) {
			t.Fatalf("step %d: fast value %q, machine value %q", n, f.val, m.val)
		}
		if f.path != m.path || f.ptr != m.ptr || f.off != m.off || f.depth != m.depth {
			t.Fatalf("step %d: fast path %q pointer %q offset %d depth %d, machine %q %q %d %d", n,
				f.path, f.ptr, f.off, f.depth, m.path, m.ptr, m.off, m.depth)
		}
		if e := diffInner(&df.s, &dm.s, n%64 == 0 || f.err != nil); e != "" {
			t.Fatalf("step %d: scanner state differs (fast/machine): %s", n, e)
		}
		if f.err != nil && !errors.Is(f.err, ErrNoValue) {
			noFastPull = true
			fm := dm.Finish()
			noFastPull = false
			if ff := df.Finish(); !sameErr(ff, fm) {
				t.Fatalf("Finish: fast %v, machine %v", ff, fm)
			}
			return n + 1
		}
	}
}

// fastDocs are inputs of our own for the comparison: objects past the
// linear name search (hashed, with a duplicate), nesting past the first
// frames and past the depth limit, escaped and non-ASCII names and
// strings, and tokens at the very end of the input.
func fastDocs() map[string][]byte {
	docs := map[string][]byte{}
	var b strings.Builder
	b.WriteString(`{`)
	for i := 0; i < 80; i++ {
		fmt.Fprintf(&b, `"name%d":[%d,"v\u00e9%d",{"k":true,"k2":null}],`, i, i, i)
	}
	b.WriteString(`"name79":1}`)
	docs["hashed-dup"] = []byte(b.String())
	docs["hashed"] = []byte(strings.Replace(b.String(), `"name79":1}`, `"last":false}`, 1))
	docs["deep"] = []byte(strings.Repeat(`{"a":[`, 40) + `1` + strings.Repeat(`]}`, 40))
	docs["deep-arrays"] = []byte(strings.Repeat(`[`, 70) + strings.Repeat(`]`, 70))
	docs["escaped-dup"] = []byte(`{"a\u0062":1,"ab":2}`)
	docs["names"] = []byte(`{"":1,"a":{"":[],"b":{}},"long_name_of_many_bytes":"x","\u00e9t\u00e9":"été","été":0,"esc\"q":"\\"}`)
	docs["end-number"] = []byte(`[1,-0.5e+3,12345678901234567890`)
	docs["end-literal"] = []byte(`{"a":[true,false,null],"b":tru`)
	docs["end-string"] = []byte(`{"abcdefghijkl":"abcdefghijklmnopq\n`)
	docs["multi"] = []byte("1 2 [3] {\"a\":4} \"x\" true\nnull")
	docs["comments"] = []byte("# c\n{\"a\" # c\n:1 # c\n,\"b\":[1,#x\n2]}\n# end")
	docs["bad-utf8"] = []byte("{\"a\xff\":\"b\xc0\xaf\",\"c\":\"\xed\xa0\x80\"}")
	docs["controls"] = []byte("[\"a\tb\",\"c\x01\"]")
	docs["numbers"] = []byte(`[0,-0,1.5,1e5,1E-5,-12.5e+10,01,1.,.5,-,1.2.3,1e,0x1,123456789012]`)
	return docs
}

// TestFastPullVersusMachine: the fast path agrees with the machine, call by
// call and in every piece of state, on every JSONTestSuite file, the
// golden cases, our own documents and the benchmark files, with each
// option set, over bytes and over readers of several piece sizes, reading
// tokens only and mixing in ReadValue and SkipValue.
func TestFastPullVersusMachine(t *testing.T) {
	files := jtsFiles(t, "test_parsing")
	for name, b := range jtsFiles(t, "test_transform") {
		files["transform/"+name] = b
	}
	for _, tc := range goldenCases {
		files["golden/"+tc.in] = []byte(tc.in)
	}
	for name, b := range fastDocs() {
		files["own/"+name] = b
	}
	for name, in := range files {
		t.Run(name, func(t *testing.T) {
			for _, opts := range pullFastOpts {
				for _, chunk := range []int{0, 1, 7, 64} {
					compareFast(t, in, opts, nil, chunk)
					compareFast(t, in, opts, []byte{0, 1, 0, 2}, chunk)
					compareFast(t, in, opts, []byte{0, 0, 2, 1, 0}, chunk)
					compareFast(t, in, opts, []byte{3}, chunk)
				}
			}
		})
	}
	t.Run("alloc", func(t *testing.T) {
		for _, opts := range pullFastOpts {
			compareFast(t, allocDoc, opts, []byte{0, 1, 0, 2}, 0)
			compareFast(t, allocDoc, opts, []byte{0, 0, 2, 1, 0}, 7)
		}
	})
	dir := testenv.VectorsFile(t, "json-benchmark")
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range es {
		name := e.Name()
		if !strings.HasSuffix(name, "json") {
			continue
		}
		in, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		t.Run(name, func(t *testing.T) {
			if n := compareFast(t, in, nil, nil, 0); n < 1000 && name != "amazon_cellphones.ndjson" {
				t.Fatalf("only %d tokens", n)
			}
			compareFast(t, in, pullFastOpts[1], []byte{0, 0, 0, 1, 0, 2, 0}, 0)
			compareFast(t, in, pullFastOpts[6], nil, 0)
			compareFast(t, in, nil, []byte{0, 0, 0, 0, 2, 0, 0, 1}, 4096)
			compareFast(t, in, nil, []byte{3}, 0)
			compareFast(t, in, nil, []byte{2, 3}, 0)
		})
	}
}

// FuzzFastPullVersusMachine: the same comparison on fuzzed input, option
// set, call schedule and piece size. Nothing panics.
func FuzzFastPullVersusMachine(f *testing.F) {
	addSeeds(f, func(b []byte) { f.Add(b, uint8(0), []byte{0}, uint8(0)) })
	for _, b := range fastDocs() {
		f.Add(b, uint8(0), []byte{0, 1, 0, 2}, uint8(3))
		f.Add(b, uint8(5), []byte{0}, uint8(0))
		f.Add(b, uint8(3), []byte{3}, uint8(0))
	}
	f.Fuzz(func(t *testing.T, in []byte, o uint8, ops []byte, chunk uint8) {
		if len(ops) > 16 {
			ops = ops[:16]
		}
		compareFast(t, in, pullFastOpts[int(o)%len(pullFastOpts)], ops, int(chunk%80))
	})
}
