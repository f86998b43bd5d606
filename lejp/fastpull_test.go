package lejp

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
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
