package lecp

import "testing"

// TestAppendPathNoAllocs: AppendPath allocates nothing when dst has room
// (Parser.AppendPath's godoc) for every key a pattern can name (byte
// strings, false, true, null, undefined) and for floats and other simple
// values, from the Parser and the Decoder alike, and writes each as
// diagnostic notation. On the base every such key went through AppendDiag,
// which allocates a Decoder: one allocation per call.
func TestAppendPathNoAllocs(t *testing.T) {
	for _, tc := range []struct{ hex, path string }{
		{"a1 41 01 a1 02 00", "h'01'.2"}, {"a1 40 a1 02 00", "h''.2"}, {"a1 5f 41 01 41 02 ff a1 02 00", "h'0102'.2"},
		{"a1 f4 a1 02 00", "false.2"}, {"a1 f5 a1 02 00", "true.2"}, {"a1 f6 a1 02 00", "null.2"},
		{"a1 f7 a1 02 00", "undefined.2"}, {"a1 e0 a1 02 00", "simple(0).2"}, {"a1 f3 a1 02 00", "simple(19).2"},
		{"a1 f8 20 a1 02 00", "simple(32).2"}, {"a1 f8 ff a1 02 00", "simple(255).2"},
		{"a1 f93e00 a1 02 00", "1.5.2"}, {"a1 fb3ff0000000000000 a1 02 00", "1.0.2"}, {"a1 f98000 a1 02 00", "-0.0.2"},
		{"a1 fa47c35000 a1 02 00", "100000.0.2"}, {"a1 fb7e37e43c8800759c a1 02 00", "1.0e+300.2"},
		{"a1 f97e00 a1 02 00", "NaN.2"}, {"a1 fa7fc00001 a1 02 00", "NaN.2"}, {"a1 f9fc00 a1 02 00", "-Infinity.2"},
		{"a1 f90001 a1 02 00", "5.960464477539063e-8.2"},
	} {
		b := fromHex(tc.hex)
		dst := make([]byte, 0, 256)
		check := func(api string, appendPath func([]byte) []byte) {
			if got := string(appendPath(dst[:0])); got != tc.path {
				t.Errorf("%s %s: path %q, want %q", tc.hex, api, got, tc.path)
			}
			if a := testing.AllocsPerRun(50, func() { dst = appendPath(dst[:0]) }); a != 0 {
				t.Errorf("%s %s: AppendPath %v allocations, want 0", tc.hex, api, a)
			}
		}
		p, _ := NewParser(HandlerFunc(func(p *Parser, ev *Event) error {
			if ev.Kind == Uint && ev.Uint == 0 {
				check("Parser", p.AppendPath)
			}
			return nil
		}), nil)
		if _, err := p.Write(b); err != nil {
			t.Fatal(err)
		}
		if err := p.Close(); err != nil {
			t.Fatal(err)
		}
		d := NewDecoderBytes(b, nil)
		for {
			tok, err := d.ReadToken()
			if err != nil {
				break
			}
			if tok.Kind == Uint && tok.Uint == 0 {
				check("Decoder", d.AppendPath)
			}
		}
	}
}

// TestKeyTextIsDiag: a key's path text, for every simple value, floats of
// each width (NaN, the infinities, -0, subnormals included) and byte
// strings, is its diagnostic notation, as AppendDiag writes it.
func TestKeyTextIsDiag(t *testing.T) {
	var keys [][]byte
	for v := range 256 {
		if v < 24 || v >= 32 {
			keys = append(keys, AppendSimple(nil, uint8(v)))
		}
	}
	for _, f := range floatCases() {
		keys = append(keys, AppendFloat(nil, f))
	}
	for h := 0; h < 1<<16; h += 251 {
		keys = append(keys, []byte{0xf9, byte(h >> 8), byte(h)})
	}
	for _, n := range []int{0, 1, 23, 24, 300} {
		keys = append(keys, AppendBytes(nil, make([]byte, n)))
	}
	for _, k := range keys {
		want, err := AppendDiag(nil, k, nil)
		if err != nil {
			t.Fatalf("%x: %v", k, err)
		}
		if got := appendKeyText(nil, k); string(got) != string(want) {
			t.Errorf("%x: path text %s, diagnostic notation %s", k, got, want)
		}
	}
}
