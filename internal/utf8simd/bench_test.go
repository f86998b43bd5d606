package utf8simd

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"

	"github.com/lwscrypto/lwscrypto/internal/testenv"
)

// twitterStrings returns the strings (names and values) of the corpus's
// twitter.json, as the parsers validate them: mostly short, some Japanese.
func twitterStrings(b *testing.B) [][]byte {
	b.Helper()
	data, err := os.ReadFile(filepath.Join(testenv.VectorsFile(b, "json-benchmark"), "twitter.json"))
	if err != nil {
		b.Fatal(err)
	}
	var v any
	if err := json.Unmarshal(data, &v); err != nil {
		b.Fatal(err)
	}
	var out [][]byte
	var walk func(any)
	walk = func(v any) {
		switch v := v.(type) {
		case string:
			out = append(out, []byte(v))
		case []any:
			for _, e := range v {
				walk(e)
			}
		case map[string]any:
			for k, e := range v {
				out = append(out, []byte(k))
				walk(e)
			}
		}
	}
	walk(v)
	return out
}

// benchFuncs are Valid and the standard library's utf8.Valid.
var benchFuncs = []struct {
	name string
	fn   func([]byte) bool
}{{"Valid", Valid}, {"utf8.Valid", utf8.Valid}}

// benchInputs runs each of benchFuncs over each input.
func benchInputs(b *testing.B, inputs map[string][][]byte, order []string) {
	for _, name := range order {
		in := inputs[name]
		n := 0
		for _, s := range in {
			n += len(s)
		}
		for _, f := range benchFuncs {
			b.Run(name+"/"+f.name, func(b *testing.B) {
				b.SetBytes(int64(n))
				b.ReportAllocs()
				for b.Loop() {
					for _, s := range in {
						if !f.fn(s) {
							b.Fatal("invalid")
						}
					}
				}
			})
		}
	}
}

// BenchmarkValid: 16 KiB of ASCII, of CJK text, of mixed text (twitter.json
// whole), and the strings of twitter.json one by one.
func BenchmarkValid(b *testing.B) {
	twitter, err := os.ReadFile(filepath.Join(testenv.VectorsFile(b, "json-benchmark"), "twitter.json"))
	if err != nil {
		b.Fatal(err)
	}
	inputs := map[string][][]byte{
		"ascii":           {bytes.Repeat([]byte("The quick brown fox jumps over the lazy dog. "), 16<<10/45)},
		"cjk":             {bytes.Repeat([]byte("日本語のテキスト、中文文本。한국어 텍스트"), 16<<10/56)},
		"twitter":         {twitter},
		"twitter-strings": twitterStrings(b),
	}
	benchInputs(b, inputs, []string{"ascii", "cjk", "twitter", "twitter-strings"})
}

// BenchmarkShort: inputs of 8 to 64 bytes, ASCII and with a 3-byte
// sequence in the middle (the break-even with utf8.Valid).
func BenchmarkShort(b *testing.B) {
	inputs := map[string][][]byte{}
	var order []string
	for _, n := range []int{8, 16, 31, 32, 33, 48, 64} {
		ascii := bytes.Repeat([]byte("a"), n)
		mixed := bytes.Clone(ascii)
		copy(mixed[n/2-1:], "€")
		for _, in := range []struct {
			kind string
			s    []byte
		}{{"ascii", ascii}, {"euro", mixed}} {
			name := fmt.Sprintf("%s-%d", in.kind, n)
			inputs[name] = [][]byte{in.s}
			order = append(order, name)
		}
	}
	benchInputs(b, inputs, order)
}
