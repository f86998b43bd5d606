package lecp

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/lwscrypto/lwscrypto/internal/testenv"
	"github.com/lwscrypto/lwscrypto/lejp"
)

// TestFromJSONErrors: each kind of bad input gives a SyntaxError with its
// cause, the offset in the JSON text and the path, whole and one byte per
// Read.
func TestFromJSONErrors(t *testing.T) {
	for _, tc := range []struct {
		json string
		err  error
		off  int64
		path string
	}{
		{``, ErrUnexpectedEOF, 0, ""},
		{`   `, ErrUnexpectedEOF, 3, ""},
		{`[1,`, ErrUnexpectedEOF, 3, "[1]"},
		{`{"a"`, ErrUnexpectedEOF, 4, "a"},
		{`{"a":`, ErrUnexpectedEOF, 5, "a"},
		{`"abc`, ErrUnexpectedEOF, 4, ""},
		{`"\u12`, ErrUnexpectedEOF, 5, ""},
		{`"\`, ErrUnexpectedEOF, 2, ""},
		{`tru`, ErrUnexpectedEOF, 3, ""},
		{`-`, ErrUnexpectedEOF, 1, ""},
		{`[1.`, ErrUnexpectedEOF, 3, "[0]"},
		{`1e`, ErrUnexpectedEOF, 2, ""},
		{`[1 2]`, ErrJSONSyntax, 3, "[0]"},
		{`[1,]`, ErrJSONSyntax, 3, "[1]"},
		{`[,1]`, ErrJSONSyntax, 1, "[0]"},
		{`{"a":1,}`, ErrJSONSyntax, 7, ""},
		{`{"a" 1}`, ErrJSONSyntax, 5, "a"},
		{`{1:2}`, ErrJSONSyntax, 1, ""},
		{`{"a":1]`, ErrJSONSyntax, 6, "a"},
		{`[1}`, ErrJSONSyntax, 2, "[0]"},
		{`{"k":{"x y":[0,trux]}}`, ErrJSONSyntax, 18, `k."x y"[1]`},
		{`nul`, ErrUnexpectedEOF, 3, ""},
		{`nulL`, ErrJSONSyntax, 3, ""},
		{`01`, ErrJSONSyntax, 1, ""},
		{`-a`, ErrJSONSyntax, 1, ""},
		{`1.e5`, ErrJSONSyntax, 2, ""},
		{`+1`, ErrJSONSyntax, 0, ""},
		{`.5`, ErrJSONSyntax, 0, ""},
		{`1e+`, ErrUnexpectedEOF, 3, ""},
		{`[1-2]`, ErrJSONSyntax, 2, "[0]"},
		{`'a'`, ErrJSONSyntax, 0, ""},
		{"\"a\tb\"", ErrJSONSyntax, 2, ""},
		{`"\x"`, ErrJSONSyntax, 1, ""},
		{`"\u12g4"`, ErrJSONSyntax, 1, ""},
		{`["a", "\udc00"]`, ErrInvalidUTF8, 7, "[1]"},
		{"{\"a\xff\":1}", ErrInvalidUTF8, 3, ""},
		{"\"\xff", ErrInvalidUTF8, 1, ""},
		{"\"ab\xff", ErrInvalidUTF8, 3, ""},
		{"\"ab\xe6\x97", ErrUnexpectedEOF, 5, ""},
		{`"\udc00\udc00"`, ErrInvalidUTF8, 1, ""},
		{`"\u0041\udfff\udfff"`, ErrInvalidUTF8, 7, ""},
		{`[0,1,2,3,4,5,6,7,8,9,10,[1,x]]`, ErrJSONSyntax, 27, "[11][1]"},
		{" \"\xd0", ErrUnexpectedEOF, 3, ""},
		{"\"\xe6\x97\xa5\xe6\x97\xff\"", ErrInvalidUTF8, 4, ""},
		{`[1] 2`, ErrTrailingData, 4, ""},
		{`1 x`, ErrTrailingData, 2, ""},
		{`{"a":{"b":1,"b":2}}`, ErrDuplicateKey, 12, "a.b"},
		{`[1e400]`, ErrJSONNumber, 1, "[0]"},
		{`-1e400`, ErrJSONNumber, 0, ""},
		{`{"n":` + strings.Repeat("9", maxJSONBignumDigits+1) + `}`, ErrJSONNumber, 5, "n"},
		// a grammar error within the first maxJSONNumberLen+1 bytes of a
		// long run of number bytes is a syntax error however the reader
		// splits the input; a run longer than that is refused unread
		{`2` + strings.Repeat("0", 29) + `EE` + strings.Repeat("0", 4000), ErrJSONSyntax, 31, ""},
		{`[-` + strings.Repeat("0", 3000) + `]`, ErrJSONSyntax, 3, "[0]"},
		{`1` + strings.Repeat("0", maxJSONNumberLen-2) + `EE`, ErrJSONSyntax, maxJSONNumberLen, ""},
		{`1` + strings.Repeat("0", maxJSONNumberLen-1) + `EE`, ErrJSONNumber, 0, ""},
		{`1` + strings.Repeat("0", maxJSONNumberLen) + `EE` + strings.Repeat("0", 20000), ErrJSONNumber, 0, ""},
		{strings.Repeat("[", DefaultMaxDepth+1), ErrDepth, DefaultMaxDepth, strings.Repeat("[0]", DefaultMaxDepth)},
	} {
		for _, split := range []bool{false, true} {
			var r io.Reader = strings.NewReader(tc.json)
			if split {
				r = iotest.OneByteReader(r)
			}
			got, err := FromJSON([]byte{0xaa}, r, false)
			var se *SyntaxError
			if !errors.Is(err, tc.err) || !errors.As(err, &se) || se.Offset != tc.off || se.Path != tc.path {
				t.Errorf("%.40q (split %v): %v; want %v at %d, path %q", tc.json, split, err, tc.err, tc.off, tc.path)
			}
			if !bytes.Equal(got, []byte{0xaa}) {
				t.Errorf("%.40q: dst became %x", tc.json, got)
			}
		}
	}
}

// TestFromJSONSplit: the output is the same however the reader splits the
// input, across every kind of token (escapes and numbers across a read,
// a byte read ahead after an opening bracket).
func TestFromJSONSplit(t *testing.T) {
	doc := `{"a b":[1,-2,3.5e-3,18446744073709551616,-18446744073709551617,true,false,null,[],{}],` +
		`"\u00e9\ud83d\ude00\n\"":"x\/y","":[[[{"k":""}]]], "long":"` + strings.Repeat("é", 20000) + `",` +
		`"nums":[` + strings.Repeat("123456.789e10, ", 3000) + `0]}`
	want, err := FromJSON(nil, strings.NewReader(doc), true)
	if err != nil {
		t.Fatal(err)
	}
	if err := Check(want, &Options{Deterministic: true}); err != nil {
		t.Fatal(err)
	}
	for name, r := range map[string]io.Reader{
		"one byte": iotest.OneByteReader(strings.NewReader(doc)),
		"half":     iotest.HalfReader(strings.NewReader(doc)),
		"data+EOF": iotest.DataErrReader(strings.NewReader(doc)),
	} {
		if got, err := FromJSON(nil, r, true); err != nil || !bytes.Equal(got, want) {
			t.Errorf("%s: %v, or output differs", name, err)
		}
	}
}

// TestFromJSONReader: an error from the reader is returned as it is, also
// after a complete value (the end of the input is not known), and a reader
// that returns nothing over and over fails instead of spinning.
func TestFromJSONReader(t *testing.T) {
	boom := errors.New("boom")
	for _, doc := range []string{`[1,2`, `"abc`, `123`, `[1]`, ``} {
		r := io.MultiReader(strings.NewReader(doc), iotest.ErrReader(boom))
		if _, err := FromJSON(nil, r, false); err != boom {
			t.Errorf("%q: %v, want the reader's error", doc, err)
		}
	}
	if _, err := FromJSON(nil, emptyReader{}, false); err != io.ErrNoProgress {
		t.Errorf("empty reads: %v", err)
	}
}

type emptyReader struct{}

func (emptyReader) Read([]byte) (int, error) { return 0, nil }

// TestFromJSONAllocs: memory grows with the output, not per token: a few
// dozen allocations (buffers doubling: output, stacks, scratch) for
// documents of a quarter million tokens, and bytes allocated within a small
// multiple of the input; the deepest nesting allowed costs a fixed amount
// for the stacks. (With encoding/json's Decoder.Token underneath, FromJSON
// made an allocation per token and up to 65 bytes of garbage per input
// byte.)
func TestFromJSONAllocs(t *testing.T) {
	for name, doc := range map[string]string{
		"numbers": "[" + strings.Repeat("1.5,-7,123456789,", 1<<16) + "0]",
		"strings": "[" + strings.Repeat(`"abc","d\ne",`, 1<<17) + `""]`,
		"objects": "[" + strings.Repeat(`{"a":1,"b":[true,null]},`, 1<<15) + "{}]",
		"nested":  strings.Repeat(`{"a":[`, DefaultMaxDepth/2) + strings.Repeat("]}", DefaultMaxDepth/2),
	} {
		most := uint64(4*len(doc) + 64<<10)
		if name == "nested" {
			most = 512 << 10
		}
		var out []byte
		var err error
		n := testing.AllocsPerRun(3, func() { out, err = FromJSON(nil, strings.NewReader(doc), false) })
		if err != nil {
			t.Fatal(name, err)
		}
		if n > 100 {
			t.Errorf("%s: %.0f allocations for %d bytes", name, n, len(doc))
		}
		if b := allocBytes(func() { FromJSON(nil, strings.NewReader(doc), false) }); b > most {
			t.Errorf("%s: %d bytes allocated for %d bytes of input, %d of output", name, b, len(doc), len(out))
		}
	}
}

// TestFromJSONOffsetsAsLejp: on every JSONTestSuite file both refuse,
// FromJSON and lejp.Check name the same offset, duplicate names included.
func TestFromJSONOffsetsAsLejp(t *testing.T) {
	dir := testenv.VectorsFile(t, "JSONTestSuite/test_parsing")
	files, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil || len(files) < 300 {
		t.Fatalf("%d files, %v", len(files), err)
	}
	both := 0
	for _, f := range files {
		in, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		_, err = FromJSON(nil, bytes.NewReader(in), false)
		var se *SyntaxError
		var le *lejp.SyntaxError
		if !errors.As(err, &se) || !errors.As(lejp.Check(in, nil), &le) {
			continue
		}
		both++
		if se.Offset != le.Offset {
			t.Errorf("%s: %v; lejp: %v", filepath.Base(f), se, le)
		}
	}
	if both < 200 {
		t.Errorf("only %d files refused by both", both)
	}
}
