package bench

import (
	"bytes"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/bytedance/sonic"
	gojson "github.com/goccy/go-json"

	"github.com/lwscrypto/lwscrypto/internal/testenv"
	"github.com/lwscrypto/lwscrypto/lejp"
)

// jsonImpl is one JSON implementation run over a whole document.
type jsonImpl struct {
	name string
	run  func(b *testing.B, data []byte) func() error
}

// jsonImpls lists the implementations BenchmarkJSON compares; the
// encoding/json/jsontext one is added by json_jsontext_test.go when built
// with GOEXPERIMENT=jsonv2.
var jsonImpls = []jsonImpl{
	{"lejp-events", func(b *testing.B, data []byte) func() error {
		n := 0
		p, _ := lejp.NewParser(lejp.HandlerFunc(func(*lejp.Parser, lejp.Event) error { n++; return nil }), nil)
		return func() error {
			p.Reset()
			if _, err := p.Write(data); err != nil {
				return err
			}
			return p.Close()
		}
	}},
	{"lejp-pull", func(b *testing.B, data []byte) func() error {
		d := lejp.NewDecoderBytes(data, nil)
		return func() error {
			d.ResetBytes(data)
			for {
				if _, err := d.ReadToken(); err == io.EOF {
					return nil
				} else if err != nil {
					return err
				}
			}
		}
	}},
	{"lejp-check", func(b *testing.B, data []byte) func() error {
		return func() error { return lejp.Check(data, nil) }
	}},
	{"stdlib-token", func(b *testing.B, data []byte) func() error {
		r := bytes.NewReader(data)
		return func() error {
			r.Reset(data)
			d := json.NewDecoder(r)
			d.UseNumber()
			for {
				if _, err := d.Token(); err == io.EOF {
					return nil
				} else if err != nil {
					return err
				}
			}
		}
	}},
	{"stdlib-valid", func(b *testing.B, data []byte) func() error {
		return func() error { return validErr(json.Valid(data)) }
	}},
	{"goccy-valid", func(b *testing.B, data []byte) func() error {
		return func() error { return validErr(gojson.Valid(data)) }
	}},
	{"sonic-valid", func(b *testing.B, data []byte) func() error {
		return func() error { return validErr(sonic.Valid(data)) }
	}},
}

type invalidErr struct{}

func (invalidErr) Error() string { return "invalid" }

func validErr(ok bool) error {
	if !ok {
		return invalidErr{}
	}
	return nil
}

// BenchmarkJSON compares lejp with encoding/json, encoding/json/jsontext
// (GOEXPERIMENT=jsonv2), goccy/go-json and bytedance/sonic on the JSON
// benchmark files: lejp-events (push parser, a handler call per event),
// lejp-pull (Decoder tokens), lejp-check (validation only) against
// stdlib-token (json.Decoder.Token), jsontext-readtoken
// (jsontext.Decoder.ReadToken), and the validators stdlib-valid,
// goccy-valid and sonic-valid. lejp runs strict: UTF-8 checked, duplicate
// names rejected, which no peer here does.
func BenchmarkJSON(b *testing.B) {
	dir := testenv.VectorsFile(b, "json-benchmark")
	for _, name := range []string{"twitter.json", "citm_catalog.json", "canada.json"} {
		data, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			b.Fatal(err)
		}
		for _, impl := range jsonImpls {
			b.Run(name+"/"+impl.name, func(b *testing.B) {
				run := impl.run(b, data)
				if err := run(); err != nil {
					b.Fatalf("%s: %v", impl.name, err)
				}
				b.ReportAllocs()
				b.SetBytes(int64(len(data)))
				for b.Loop() {
					if err := run(); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}
