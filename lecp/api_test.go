package lecp

import (
	"bytes"
	"errors"
	"io"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/lwscrypto/lwscrypto/internal/jsonvalue"
	"github.com/lwscrypto/lwscrypto/internal/testenv"
)

func TestPatterns(t *testing.T) {
	doc := testenv.Hex(t, "a4 61 61 a1 61 62 01 64 6b657973 82 a1 63 6b6964 61 78 a1 63 6b6964 61 79 01 82 05 06 20 07 61 31 08")
	// {"a": {"b": 1}, "keys": [{"kid": "x"}, {"kid": "y"}], 1: [5, 6], -1: 7, "1": 8}
	// (that is 5 pairs; the head says 4, so fix it)
	doc[0] = 0xa5
	for _, tc := range []struct {
		pat  string
		want []string // paths of value events that match
	}{
		{"a.b", []string{"a.b"}},
		{"keys[].kid", []string{"keys[0].kid", "keys[1].kid"}},
		{"keys[1].kid", []string{"keys[1].kid"}},
		{"*", []string{"a", "a.b", "keys", "keys[0]", "keys[0].kid", "keys[1]", "keys[1].kid", "1", "1[0]", "1[1]", "-1", `"1"`}},
		{"keys.*", []string{"keys[0]", "keys[0].kid", "keys[1]", "keys[1].kid"}},
		{"keys[*].*", []string{"keys[0].kid", "keys[1].kid"}},
		{"*.kid", nil},
		{"keys[].*.x", nil},
		{"*[]", []string{"keys[0]", "keys[1]", "1[0]", "1[1]"}},
		{"1[]", []string{"1[0]", "1[1]"}},
		{"-1", []string{"-1"}},
		{`"1"`, []string{`"1"`}},
		{"a.*", []string{"a.b"}},
		{"*.*", []string{"a.b", "keys[0]", "keys[0].kid", "keys[1]", "keys[1].kid", "1[0]", "1[1]"}},
	} {
		var got []string
		p, err := NewParser(HandlerFunc(func(p *Parser, ev *Event) error {
			if ev.Pattern == 0 && (ev.Kind == Uint || ev.Kind == Text || ev.Kind == MapStart || ev.Kind == ArrayStart || ev.Kind == Nint) {
				got = append(got, p.Path())
			}
			return nil
		}), nil, tc.pat)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := p.Write(doc); err != nil {
			t.Fatal(err)
		}
		if err := p.Close(); err != nil {
			t.Fatal(err)
		}
		// a text event in key position has the map's path; keep value paths only
		var vals []string
		for i, g := range got {
			if i > 0 && got[i-1] == g {
				continue
			}
			vals = append(vals, g)
		}
		if strings.Join(vals, " ") != strings.Join(tc.want, " ") {
			t.Errorf("%s: matched %q, want %q", tc.pat, vals, tc.want)
		}
	}
	for _, bad := range []string{"a..b", "a[", "a[x]", "-0", "a.", `"x`} {
		if _, err := NewParser(HandlerFunc(func(*Parser, *Event) error { return nil }), nil, bad); !errors.Is(err, ErrPattern) {
			t.Errorf("pattern %q accepted", bad)
		}
	}
}

// TestReadValueRaw reads a COSE_Sign1 with the pull decoder, keeping the
// exact bytes of the protected header and of the unprotected map.
func TestReadValueRaw(t *testing.T) {
	msg := testenv.Hex(t, "D28443A10126A10442313154546869732069732074686520636F6E74656E742E58408EB33E4CA31D1C465AB05AAC34CC6B23D58FEF5C083106C4D25A91AEF0B0117E2AF9A291AA32E14AB834DC56ED2A223444547E01F11D3B0916E5A4C345CACB36")
	for _, d := range []*Decoder{NewDecoderBytes(msg, nil), NewDecoder(iotestOneByte(msg), nil)} {
		if tok, err := d.ReadToken(); err != nil || tok.Kind != TagStart || tok.Uint != 18 {
			t.Fatal(tok, err)
		}
		if tok, err := d.ReadToken(); err != nil || tok.Kind != ArrayStart || tok.Uint != 4 {
			t.Fatal(tok, err)
		}
		prot, err := d.ReadValue()
		if err != nil || !bytes.Equal(prot, testenv.Hex(t, "43a10126")) {
			t.Fatalf("protected %x %v", prot, err)
		}
		if d.Path() != "[0]" {
			t.Errorf("path %q", d.Path())
		}
		unprot, err := d.ReadValue()
		if err != nil || !bytes.Equal(unprot, testenv.Hex(t, "a104423131")) {
			t.Fatalf("unprotected %x %v", unprot, err)
		}
		if off := d.InputOffset(); off != 11 {
			t.Errorf("offset %d", off)
		}
		if err := d.SkipValue(); err != nil {
			t.Fatal(err)
		}
		sig, err := d.ReadValue()
		if err != nil || len(sig) != 66 {
			t.Fatalf("signature %x %v", sig, err)
		}
		if _, err := d.ReadValue(); !errors.Is(err, ErrNoValue) {
			t.Errorf("ReadValue at the end of the array: %v", err)
		}
		for _, k := range []Kind{ArrayEnd, TagEnd} {
			if tok, err := d.ReadToken(); err != nil || tok.Kind != k {
				t.Fatal(tok, err)
			}
		}
		if _, err := d.ReadToken(); err != io.EOF {
			t.Fatalf("want EOF, got %v", err)
		}
	}
}

func TestStringReader(t *testing.T) {
	long := strings.Repeat("añb€c😀", 5000)
	def := AppendText(nil, long)
	indef := AppendIndefiniteText(nil)
	for i := 0; i < len(long); i += 1000 {
		// chunks must be valid UTF-8 by themselves: cut at rune starts
		j := min(i+1000, len(long))
		indef = AppendText(indef, long[i:j])
	}
	_ = indef
	var chunks []byte
	chunks = AppendIndefiniteText(chunks)
	rest := long
	for len(rest) > 0 {
		n := min(997, len(rest))
		for n < len(rest) && rest[n]&0xc0 == 0x80 {
			n++
		}
		chunks = AppendText(chunks, rest[:n])
		rest = rest[n:]
	}
	chunks = AppendBreak(chunks)
	for _, in := range [][]byte{def, chunks} {
		for _, r := range []io.Reader{bytes.NewReader(in), iotestOneByte(in)} {
			d := NewDecoder(r, nil)
			k, sr, err := d.StringReader()
			if err != nil || k != Text {
				t.Fatal(k, err)
			}
			got, err := io.ReadAll(sr)
			if err != nil || string(got) != long {
				t.Fatalf("got %d bytes, %v", len(got), err)
			}
			if _, err := d.ReadToken(); err != io.EOF {
				t.Fatalf("after the string: %v", err)
			}
		}
	}
	bad := AppendTextHeader(nil, 3)
	bad = append(bad, 'a', 0xff, 'b')
	_, sr, err := NewDecoder(bytes.NewReader(bad), nil).StringReader()
	if err == nil {
		_, err = io.ReadAll(sr)
	}
	if !errors.Is(err, ErrInvalidUTF8) {
		t.Errorf("invalid UTF-8 through StringReader: %v", err)
	}
}

// TestChunking: long strings come in pieces of StringChunk bytes, text
// pieces end on rune boundaries, and random splits give the same events.
func TestChunking(t *testing.T) {
	long := strings.Repeat("añb€c😀", 300)
	doc := AppendArrayHeader(nil, 3)
	doc = AppendText(doc, long)
	doc = AppendBytes(doc, bytes.Repeat([]byte{1, 2, 3}, 500))
	doc = AppendIndefiniteBytes(doc)
	doc = AppendBytes(doc, bytes.Repeat([]byte{9}, 200))
	doc = AppendBreak(doc)
	opts := &Options{StringChunk: 100}
	whole := tracePush(doc, opts, nil)
	if n := strings.Count(whole, "text-chunk"); n < 20 {
		t.Fatalf("%d text chunks", n)
	}
	var text strings.Builder
	p, _ := NewParser(HandlerFunc(func(p *Parser, ev *Event) error {
		if ev.Kind == TextChunk || ev.Kind == Text {
			if len(ev.Value) > 100 {
				t.Errorf("piece of %d bytes", len(ev.Value))
			}
			if !utf8ValidPiece(ev.Value) {
				t.Errorf("piece not UTF-8: %q", ev.Value)
			}
			text.Write(ev.Value)
		}
		return nil
	}), opts)
	p.Write(doc)
	if err := p.Close(); err != nil || text.String() != long {
		t.Fatalf("text differs or %v", err)
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 200 {
		got := tracePush(doc, opts, func(int) int { return 1 + rng.IntN(150) })
		if got != whole {
			t.Fatalf("random split differs")
		}
	}
}

func utf8ValidPiece(b []byte) bool { return bytes.Equal([]byte(string([]rune(string(b)))), b) }

func TestWriter(t *testing.T) {
	var w Writer
	w.Deterministic = true
	w.BeginMap()
	w.Text("b")
	w.Int(-1)
	w.Int(10)
	w.Bool(true)
	w.Text("a")
	w.BeginArray()
	w.Float(1.5)
	w.Float(100000)
	w.Float(1.1)
	w.Negative(1<<64 - 1)
	w.EndArray()
	w.Int(-1)
	w.Null()
	w.EndMap()
	b, err := w.Bytes()
	if err != nil {
		t.Fatal(err)
	}
	want := testenv.Hex(t, "a4 0a f5 20 f6 61 61 84 f9 3e00 fa 47c35000 fb 3ff199999999999a 3b ffffffffffffffff 61 62 20")
	if !bytes.Equal(b, want) {
		t.Fatalf("got %x\nwant %x", b, want)
	}
	if err := Check(b, &Options{Deterministic: true}); err != nil {
		t.Fatal(err)
	}
	w.Reset()
	w.BeginMap()
	w.Uint(1)
	w.Null()
	w.Uint(1)
	w.Null()
	w.EndMap()
	if _, err := w.Bytes(); !errors.Is(err, ErrDuplicateKey) {
		t.Errorf("duplicate keys: %v", err)
	}
	w.Reset()
	w.BeginArray()
	if _, err := w.Bytes(); err == nil {
		t.Error("unfinished array accepted")
	}
	w.Reset()
	w.EndMap()
	if w.Err() == nil {
		t.Error("EndMap without map accepted")
	}
	// Preferred floats at the edges of half precision.
	for _, tc := range []struct {
		f   float64
		hex string
	}{{0, "f90000"}, {65504, "f97bff"}, {5.960464477539063e-8, "f90001"}, {6.097555160522461e-05, "f903ff"}, {65505, "fa477fe100"}, {3.4028234663852886e+38, "fa7f7fffff"}, {1e300, "fb7e37e43c8800759c"}} {
		if got := AppendFloat(nil, tc.f); !bytes.Equal(got, testenv.Hex(t, tc.hex)) {
			t.Errorf("%v: %x, want %s", tc.f, got, tc.hex)
		}
	}
}

func TestJSON(t *testing.T) {
	in := `{"a":[1,-2,1.5,"x",true,null,{"b":18446744073709551615}],"big":-18446744073709551617,"e":1e300,"z":0.1}`
	c, err := FromJSON(nil, strings.NewReader(in), true)
	if err != nil {
		t.Fatal(err)
	}
	if err := Check(c, &Options{Deterministic: true}); err != nil {
		t.Fatal(err)
	}
	j, err := AppendJSON(nil, c, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !jsonvalue.Equal(j, []byte(in)) {
		t.Fatalf("round trip: %s", j)
	}
	for _, bad := range []string{`{"a":1,"a":2}`, `[1e999]`, `[1,]`, ``, `1 2`} {
		if _, err := FromJSON(nil, strings.NewReader(bad), false); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
	// integer key 1 and text key "1" collide in JSON
	if _, err := AppendJSON(nil, testenv.Hex(t, "a2 01 00 61 31 00"), nil); !errors.Is(err, ErrKeyCollision) {
		t.Errorf("collision: %v", err)
	}
	got, err := AppendJSON(nil, testenv.Hex(t, "a3 01 41 ff 20 d6 41 ff 62 6161 f97e00"), nil)
	if err != nil || string(got) != `{"1":"_w","-1":"/w==","aa":null}` {
		t.Errorf("got %s %v", got, err)
	}
}

func TestDecoderResetFinish(t *testing.T) {
	d := NewDecoder(bytes.NewReader(testenv.Hex(t, "01")), nil)
	if _, err := d.ReadToken(); err != nil {
		t.Fatal(err)
	}
	if err := d.Finish(); err != nil {
		t.Fatal(err)
	}
	d.Reset(bytes.NewReader(testenv.Hex(t, "01 02")))
	if _, err := d.ReadToken(); err != nil {
		t.Fatal(err)
	}
	if err := d.Finish(); !errors.Is(err, ErrTrailingData) {
		t.Fatalf("got %v", err)
	}
	d.Reset(bytes.NewReader(testenv.Hex(t, "82 01")))
	d.ReadToken()
	if err := d.Finish(); !errors.Is(err, ErrUnexpectedEOF) {
		t.Fatalf("got %v", err)
	}
}
