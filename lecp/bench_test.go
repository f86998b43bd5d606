package lecp

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"

	"github.com/lwscrypto/lwscrypto/internal/testenv"
	"github.com/lwscrypto/lwscrypto/internal/utf8simd"
)

// benchFile is one of the JSON benchmark files and its CBOR form.
type benchFile struct {
	name       string
	json, cbor []byte
}

// benchFiles reads twitter, citm_catalog and canada and converts them to
// CBOR with FromJSON at setup time (the converted data is never stored).
func benchFiles(b *testing.B) []benchFile {
	b.Helper()
	dir := testenv.VectorsFile(b, "json-benchmark")
	var out []benchFile
	for _, name := range []string{"twitter.json", "citm_catalog.json", "canada.json"} {
		j, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			b.Fatal(err)
		}
		c, err := FromJSON(nil, bytes.NewReader(j), false)
		if err != nil {
			b.Fatalf("%s: %v", name, err)
		}
		out = append(out, benchFile{name, j, c})
	}
	return out
}

// benchCorpus is benchFiles' CBOR by file name.
func benchCorpus(b *testing.B) map[string][]byte {
	out := map[string][]byte{}
	for _, f := range benchFiles(b) {
		out[f.name] = f.cbor
	}
	return out
}

func BenchmarkParse(b *testing.B) {
	for name, data := range benchCorpus(b) {
		b.Run(name+"/events", func(b *testing.B) {
			n := 0
			p, _ := NewParser(HandlerFunc(func(*Parser, *Event) error { n++; return nil }), nil)
			b.ReportAllocs()
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				p.Reset()
				if _, err := p.Write(data); err != nil {
					b.Fatal(err)
				}
				if err := p.Close(); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(name+"/pull", func(b *testing.B) {
			d := NewDecoderBytes(data, nil)
			b.ReportAllocs()
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				d.ResetBytes(data)
				for {
					if _, err := d.ReadToken(); err == io.EOF {
						break
					} else if err != nil {
						b.Fatal(err)
					}
				}
			}
		})
		b.Run(name+"/check", func(b *testing.B) {
			c := NewChecker(nil)
			b.ReportAllocs()
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				if err := c.Check(data); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkAppendSigStructure(b *testing.B) {
	prot := []byte{0xa1, 0x01, 0x26}
	payload := bytes.Repeat([]byte("x"), 1000)
	buf := make([]byte, 0, 2048)
	b.ReportAllocs()
	b.SetBytes(int64(len(payload)))
	for b.Loop() {
		buf = AppendArrayHeader(buf[:0], 4)
		buf = AppendText(buf, "Signature1")
		buf = AppendBytes(buf, prot)
		buf = AppendBytes(buf, nil)
		buf = AppendBytes(buf, payload)
	}
}

// BenchmarkValidUTF8 runs validUTF8 (which in the simd build hands long
// text to utf8simd.Valid), validUTF8Scalar, utf8simd.Valid and utf8.Valid
// over the text strings of the twitter corpus.
func BenchmarkValidUTF8(b *testing.B) {
	var texts [][]byte
	n := 0
	d := NewDecoderBytes(benchCorpus(b)["twitter.json"], nil)
	for {
		tok, err := d.ReadToken()
		if err != nil {
			break
		}
		if tok.Kind == Text {
			texts = append(texts, tok.Value)
			n += len(tok.Value)
		}
	}
	for _, f := range []struct {
		name string
		fn   func([]byte) bool
	}{{"lecp", validUTF8}, {"scalar", validUTF8Scalar}, {"utf8simd", utf8simd.Valid}, {"utf8.Valid", utf8.Valid}} {
		b.Run(f.name, func(b *testing.B) {
			b.SetBytes(int64(n))
			for b.Loop() {
				for _, t := range texts {
					if !f.fn(t) {
						b.Fatal("invalid")
					}
				}
			}
		})
	}
}

// BenchmarkJSONConvert: FromJSON and AppendJSON over the JSON benchmark
// files (MB/s of the JSON text).
func BenchmarkJSONConvert(b *testing.B) {
	for _, f := range benchFiles(b) {
		name, j, c := f.name, f.json, f.cbor
		b.Run(name+"/from-json", func(b *testing.B) {
			r := bytes.NewReader(j)
			out := make([]byte, 0, len(c))
			b.ReportAllocs()
			b.SetBytes(int64(len(j)))
			for b.Loop() {
				r.Reset(j)
				if _, err := FromJSON(out, r, false); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(name+"/to-json", func(b *testing.B) {
			out := make([]byte, 0, 2*len(j))
			b.ReportAllocs()
			b.SetBytes(int64(len(j)))
			for b.Loop() {
				if _, err := AppendJSON(out, c, nil); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkDiag: AppendDiag over the benchmark corpus (MB/s of the CBOR
// input).
func BenchmarkDiag(b *testing.B) {
	for _, f := range benchFiles(b) {
		c := f.cbor
		b.Run(f.name, func(b *testing.B) {
			out := make([]byte, 0, 4*len(c))
			b.ReportAllocs()
			b.SetBytes(int64(len(c)))
			for b.Loop() {
				if _, err := AppendDiag(out, c, nil); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkFromDiag: FromDiag reading back the benchmark corpus's
// diagnostic notation (AppendDiag's text; MB/s of the text).
func BenchmarkFromDiag(b *testing.B) {
	for _, f := range benchFiles(b) {
		text, err := AppendDiag(nil, f.cbor, nil)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(f.name, func(b *testing.B) {
			out := make([]byte, 0, 2*len(f.cbor))
			b.ReportAllocs()
			b.SetBytes(int64(len(text)))
			for b.Loop() {
				if _, err := FromDiag(out, text, nil); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkWriter: the Writer re-encoding the Decoder's tokens of the
// benchmark corpus, as written and with Deterministic, and a map whose key
// nests 300 maps around 8 KB (MB/s of the output).
func BenchmarkWriter(b *testing.B) {
	for _, f := range benchFiles(b) {
		var toks []Token
		d := NewDecoderBytes(f.cbor, nil)
		for {
			t, err := d.ReadToken()
			if err != nil {
				break
			}
			toks = append(toks, t)
		}
		for _, det := range []bool{false, true} {
			name := f.name + "/tokens"
			if det {
				name += "-deterministic"
			}
			b.Run(name, func(b *testing.B) {
				w := Writer{Deterministic: det}
				b.ReportAllocs()
				b.SetBytes(int64(len(f.cbor)))
				for b.Loop() {
					w.Reset()
					for _, t := range toks {
						w.WriteToken(t)
					}
					if _, err := w.Bytes(); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
	for _, det := range []bool{false, true} {
		name := "nested-key"
		if det {
			name += "-deterministic"
		}
		b.Run(name, func(b *testing.B) {
			w := Writer{Deterministic: det}
			leaf := bytes.Repeat([]byte{0x5a}, 8<<10)
			b.ReportAllocs()
			for b.Loop() {
				w.Reset()
				w.BeginMap()
				for range 300 {
					w.BeginMap()
				}
				w.ByteString(leaf)
				for range 300 {
					w.Uint(0)
					w.Text("a")
					w.Uint(1)
					w.EndMap()
				}
				w.Uint(0)
				w.Text("b")
				w.Uint(1)
				w.EndMap()
				out, err := w.Bytes()
				if err != nil {
					b.Fatal(err)
				}
				b.SetBytes(int64(len(out)))
			}
		})
	}
}
