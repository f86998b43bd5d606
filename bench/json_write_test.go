package bench

import (
	"bytes"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/lwscrypto/lwscrypto/internal/testenv"
	"github.com/lwscrypto/lwscrypto/lejp"
)

// wtok is one token of a document, decoded once so that a writer
// benchmark measures the writing alone: kind, the decoded name or string,
// and a number as int64 (Int that fits) or float64.
type wtok struct {
	kind lejp.Kind
	s    string
	i    int64
	f    float64
	isF  bool
}

// writeTokens decodes data into the token list the writers replay.
func writeTokens(tb testing.TB, data []byte) []wtok {
	tb.Helper()
	var toks []wtok
	d := lejp.NewDecoderBytes(data, nil)
	for {
		t, err := d.ReadToken()
		if err != nil {
			if err == io.EOF {
				return toks
			}
			tb.Fatal(err)
		}
		w := wtok{kind: t.Kind}
		switch t.Kind {
		case lejp.Name, lejp.String:
			w.s = string(t.Value)
		case lejp.Int:
			if v, err := t.Int64(); err == nil {
				w.i = v
				break
			}
			w.isF = true
			w.f, _ = t.Float64()
		case lejp.Float:
			w.isF = true
			w.f, _ = t.Float64()
		}
		toks = append(toks, w)
	}
}

// writeImpl is one JSON writer replaying a token list into a reused
// buffer.
type writeImpl struct {
	name string
	run  func(toks []wtok) func() ([]byte, error)
}

// writeImpls lists the writers BenchmarkJSONWrite compares; the
// encoding/json/jsontext Encoder is added by json_jsontext_test.go when
// built with GOEXPERIMENT=jsonv2.
var writeImpls = []writeImpl{
	{"lejp-writer", func(toks []wtok) func() ([]byte, error) {
		var w lejp.Writer
		var buf []byte
		return func() ([]byte, error) {
			w.Reset(buf[:0])
			for i := range toks {
				t := &toks[i]
				switch t.kind {
				case lejp.ObjectStart:
					w.BeginObject()
				case lejp.ObjectEnd:
					w.EndObject()
				case lejp.ArrayStart:
					w.BeginArray()
				case lejp.ArrayEnd:
					w.EndArray()
				case lejp.Name:
					w.Name(t.s)
				case lejp.String:
					w.String(t.s)
				case lejp.Int, lejp.Float:
					if t.isF {
						w.Float(t.f)
					} else {
						w.Int(t.i)
					}
				case lejp.True:
					w.Bool(true)
				case lejp.False:
					w.Bool(false)
				case lejp.Null:
					w.Null()
				}
			}
			out, err := w.Finish()
			buf = out
			return out, err
		}
	}},
	// lejp-append: the Append functions with the punctuation put in by
	// the replay, no structure or duplicate checks: what the Writer's
	// checks cost.
	{"lejp-append", func(toks []wtok) func() ([]byte, error) {
		var buf []byte
		return func() ([]byte, error) {
			b := buf[:0]
			comma := false
			for i := range toks {
				t := &toks[i]
				switch t.kind {
				case lejp.ObjectEnd, lejp.ArrayEnd:
				default:
					if comma {
						b = append(b, ',')
					}
				}
				comma = true
				switch t.kind {
				case lejp.ObjectStart:
					b, comma = append(b, '{'), false
				case lejp.ObjectEnd:
					b = append(b, '}')
				case lejp.ArrayStart:
					b, comma = append(b, '['), false
				case lejp.ArrayEnd:
					b = append(b, ']')
				case lejp.Name:
					b, comma = append(lejp.AppendString(b, t.s), ':'), false
				case lejp.String:
					b = lejp.AppendString(b, t.s)
				case lejp.Int, lejp.Float:
					if t.isF {
						b, _ = lejp.AppendFloat(b, t.f)
					} else {
						b = lejp.AppendInt(b, t.i)
					}
				case lejp.True:
					b = append(b, "true"...)
				case lejp.False:
					b = append(b, "false"...)
				case lejp.Null:
					b = append(b, "null"...)
				}
			}
			buf = b
			return b, nil
		}
	}},
	// stdlib-marshal: encoding/json.Marshal of the document decoded into
	// any (numbers as json.Number): another workload (a tree, maps
	// sorted), shown for scale.
	{"stdlib-marshal", nil},
}

// BenchmarkJSONWrite compares JSON writers on the JSON benchmark files,
// each replaying the file's tokens (decoded once) into a reused buffer:
// lejp-writer (the strict Writer: structure checked, strings checked for
// UTF-8, duplicate names refused), lejp-append (the Append functions, no
// checks), jsontext-writetoken (encoding/json/jsontext's Encoder.WriteToken,
// which checks structure, UTF-8 and duplicate names by default;
// GOEXPERIMENT=jsonv2) and stdlib-marshal (json.Marshal of the document as
// an any, for scale). Numbers go in as int64 or float64, so every writer
// formats them.
func BenchmarkJSONWrite(b *testing.B) {
	dir := testenv.VectorsFile(b, "json-benchmark")
	for _, name := range []string{"twitter.json", "citm_catalog.json", "canada.json"} {
		data, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			b.Fatal(err)
		}
		toks := writeTokens(b, data)
		for _, impl := range writeImpls {
			b.Run(name+"/"+impl.name, func(b *testing.B) {
				var run func() ([]byte, error)
				if impl.run != nil {
					run = impl.run(toks)
				} else {
					run = marshalRun(b, data)
				}
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

func marshalRun(b testing.TB, data []byte) func() ([]byte, error) {
	d := json.NewDecoder(bytes.NewReader(data))
	d.UseNumber()
	var v any
	if err := d.Decode(&v); err != nil {
		b.Fatal(err)
	}
	return func() ([]byte, error) { return json.Marshal(v) }
}

// TestJSONWriteSame checks that lejp-writer and lejp-append write the
// same bytes for each benchmark file, and that every writer's output
// (jsontext's too, under GOEXPERIMENT=jsonv2) reads back as the tokens
// written: the replays are faithful, so the benchmark compares writers
// doing the same work.
func TestJSONWriteSame(t *testing.T) {
	dir := testenv.VectorsFile(t, "json-benchmark")
	for _, name := range []string{"twitter.json", "citm_catalog.json", "canada.json"} {
		data, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		toks := writeTokens(t, data)
		var lejpOut []byte
		for _, impl := range writeImpls {
			if impl.run == nil {
				continue
			}
			out, err := impl.run(toks)()
			if err != nil {
				t.Fatalf("%s %s: %v", name, impl.name, err)
			}
			switch {
			case lejpOut == nil:
				lejpOut = bytes.Clone(out)
			case impl.name == "lejp-append" && !bytes.Equal(out, lejpOut):
				t.Fatalf("%s: lejp-writer and lejp-append differ", name)
			}
			back := writeTokens(t, out)
			if len(back) != len(toks) {
				t.Fatalf("%s %s: %d tokens written, %d read back", name, impl.name, len(toks), len(back))
			}
			for i := range toks {
				if back[i] != toks[i] {
					t.Fatalf("%s %s: token %d: wrote %+v, read back %+v", name, impl.name, i, toks[i], back[i])
				}
			}
		}
		outs := [][]byte{lejpOut}
		t.Logf("%s: %d tokens, %d bytes in, %d bytes written", name, len(toks), len(data), len(outs[0]))
	}
}
