package bench

import (
	"bytes"
	"io"
	"testing"

	"github.com/fxamacker/cbor/v2"

	"github.com/lwscrypto/lwscrypto/lecp"
)

// cborTokens decodes a CBOR document into the token list the writers
// replay, each Value copied.
func cborTokens(tb testing.TB, data []byte) []lecp.Token {
	tb.Helper()
	var toks []lecp.Token
	d := lecp.NewDecoderBytes(data, nil)
	for {
		t, err := d.ReadToken()
		if err == io.EOF {
			return toks
		}
		if err != nil {
			tb.Fatal(err)
		}
		t.Value = bytes.Clone(t.Value)
		toks = append(toks, t)
	}
}

// cborWriteImpl is one CBOR writer of BenchmarkCBORWrite.
type cborWriteImpl struct {
	name string
	run  func(data []byte, toks []lecp.Token) func() ([]byte, error)
}

// lecpWriterRun replays toks into a reused lecp.Writer.
func lecpWriterRun(deterministic bool) func([]byte, []lecp.Token) func() ([]byte, error) {
	return func(_ []byte, toks []lecp.Token) func() ([]byte, error) {
		w := lecp.Writer{Deterministic: deterministic}
		return func() ([]byte, error) {
			w.Reset()
			for _, t := range toks {
				w.WriteToken(t)
			}
			return w.Bytes()
		}
	}
}

var cborWriteImpls = []cborWriteImpl{
	{"lecp-writer", lecpWriterRun(false)},
	{"lecp-writer-det", lecpWriterRun(true)},
	// lecp-append: the Append functions with each head's count taken from
	// the document (the writer has none: it places heads when an item
	// ends), so no checks and no head placement: what the Writer's
	// bookkeeping costs.
	{"lecp-append", func(data []byte, toks []lecp.Token) func() ([]byte, error) {
		var buf []byte
		return func() ([]byte, error) {
			b := buf[:0]
			for _, t := range toks {
				switch t.Kind {
				case lecp.ArrayStart:
					b = lecp.AppendArrayHeader(b, t.Uint)
				case lecp.MapStart:
					b = lecp.AppendMapHeader(b, t.Uint)
				case lecp.Uint:
					b = lecp.AppendUint(b, t.Uint)
				case lecp.Nint:
					b = lecp.AppendNegative(b, t.Uint)
				case lecp.Text:
					b = lecp.AppendTextBytes(b, t.Value)
				case lecp.Bytes:
					b = lecp.AppendBytes(b, t.Value)
				case lecp.Float:
					b = lecp.AppendFloat(b, t.Float)
				case lecp.True:
					b = lecp.AppendBool(b, true)
				case lecp.False:
					b = lecp.AppendBool(b, false)
				case lecp.Null:
					b = lecp.AppendNull(b)
				}
			}
			buf = b
			return b, nil
		}
	}},
	// fxamacker-marshal: cbor.Marshal of the document decoded into any:
	// another workload (a tree), shown for scale.
	{"fxamacker-marshal", func(data []byte, _ []lecp.Token) func() ([]byte, error) {
		var v any
		if err := cbor.Unmarshal(data, &v); err != nil {
			panic(err)
		}
		return func() ([]byte, error) { return cbor.Marshal(v) }
	}},
}

// BenchmarkCBORWrite compares CBOR writers on the CBOR corpus (the JSON
// benchmark files converted by lecp), each replaying the document's tokens,
// decoded once: lecp-writer (the Writer: preferred serialization, heads
// placed when an item ends, text checked for UTF-8, duplicate keys
// refused), lecp-writer-det (Deterministic: map keys sorted), lecp-append
// (the Append functions, counts known, no checks) and fxamacker-marshal
// (cbor.Marshal of the document as an any, for scale).
func BenchmarkCBORWrite(b *testing.B) {
	for _, c := range cborCorpus(b) {
		name, data := c[0].(string), c[1].([]byte)
		toks := cborTokens(b, data)
		for _, impl := range cborWriteImpls {
			b.Run(name+"/"+impl.name, func(b *testing.B) {
				run := impl.run(data, toks)
				if _, err := run(); err != nil {
					b.Fatalf("%s: %v", impl.name, err)
				}
				b.ReportAllocs()
				b.SetBytes(int64(len(data)))
				for b.Loop() {
					if _, err := run(); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

// TestCBORWriteSame checks the replays: lecp-writer and lecp-append write
// the corpus byte for byte as lecp's encoder converted it (it is in
// preferred serialization), and lecp-writer-det writes what lecp.Check
// with Deterministic accepts.
func TestCBORWriteSame(t *testing.T) {
	for _, c := range cborCorpus(t) {
		name, data := c[0].(string), c[1].([]byte)
		toks := cborTokens(t, data)
		for _, impl := range cborWriteImpls[:3] {
			out, err := impl.run(data, toks)()
			if err != nil {
				t.Fatalf("%s %s: %v", name, impl.name, err)
			}
			if impl.name == "lecp-writer-det" {
				if err := lecp.Check(out, &lecp.Options{Deterministic: true}); err != nil {
					t.Fatalf("%s %s: %v", name, impl.name, err)
				}
				continue
			}
			if !bytes.Equal(out, data) {
				t.Fatalf("%s %s: output differs from the corpus", name, impl.name)
			}
		}
	}
}
