package bench

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/fxamacker/cbor/v2"

	"github.com/lwscrypto/lwscrypto/internal/testenv"
	"github.com/lwscrypto/lwscrypto/lecp"
)

// cborCorpus converts the JSON benchmark files to CBOR with lecp's own
// encoder at setup time; converted data is never stored.
func cborCorpus(b *testing.B) [][2]any {
	b.Helper()
	dir := testenv.VectorsFile(b, "json-benchmark")
	var out [][2]any
	for _, name := range []string{"twitter.json", "citm_catalog.json", "canada.json"} {
		j, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			b.Fatal(err)
		}
		c, err := lecp.FromJSON(nil, bytes.NewReader(j), false)
		if err != nil {
			b.Fatalf("%s: %v", name, err)
		}
		out = append(out, [2]any{name, c})
	}
	return out
}

// BenchmarkCBOR compares lecp with fxamacker/cbor on the same CBOR:
// lecp-events (push parser, handler per event), lecp-pull (Decoder tokens),
// lecp-check (validation only), fxamacker-any (Unmarshal into any) and
// fxamacker-wellformed (Wellformed). All lecp runs are strict: UTF-8 and
// duplicate keys are checked.
func BenchmarkCBOR(b *testing.B) {
	for _, f := range cborCorpus(b) {
		name, data := f[0].(string), f[1].([]byte)
		b.Run(name+"/lecp-events", func(b *testing.B) {
			n := 0
			p, _ := lecp.NewParser(lecp.HandlerFunc(func(*lecp.Parser, *lecp.Event) error { n++; return nil }), nil)
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
		b.Run(name+"/lecp-pull", func(b *testing.B) {
			d := lecp.NewDecoderBytes(data, nil)
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
		b.Run(name+"/lecp-check", func(b *testing.B) {
			c := lecp.NewChecker(nil)
			b.ReportAllocs()
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				if err := c.Check(data); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(name+"/lecp-check-lax", func(b *testing.B) {
			// the checks fxamacker's Wellformed makes, no more: no UTF-8, no
			// duplicate keys
			c := lecp.NewChecker(&lecp.Options{AllowInvalidUTF8: true, AllowDuplicateKeys: true})
			b.ReportAllocs()
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				if err := c.Check(data); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(name+"/fxamacker-any", func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				var v any
				if err := cbor.Unmarshal(data, &v); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(name+"/fxamacker-wellformed", func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				if err := cbor.Wellformed(data); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
