package bench

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/fxamacker/cbor/v2"

	"github.com/lwscrypto/lwscrypto/internal/testenv"
	"github.com/lwscrypto/lwscrypto/lecp"
)

// cborCorpus converts the JSON benchmark files to CBOR with lecp's own
// encoder at setup time; converted data is never stored.
func cborCorpus(b testing.TB) [][2]any {
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

// cborImpl is one implementation of BenchmarkCBOR: setup returns the
// function that processes one document.
type cborImpl struct {
	name  string
	setup func(data []byte) func() error
}

// cborImpls: lecp-events (push parser, handler per event), lecp-events-lax
// (the same with only the checks fxamacker's Wellformed makes), lecp-pull
// (Decoder tokens), lecp-check (validation only), lecp-check-lax (only the
// checks fxamacker's Wellformed makes: no UTF-8, no duplicate keys),
// fxamacker-any (Unmarshal into any) and fxamacker-wellformed (Wellformed).
// All lecp runs but the -lax ones are strict: UTF-8 and duplicate keys are
// checked.
var cborImpls = []cborImpl{
	{"lecp-events", func(data []byte) func() error {
		n := 0
		p, _ := lecp.NewParser(lecp.HandlerFunc(func(*lecp.Parser, *lecp.Event) error { n++; return nil }), nil)
		return func() error {
			p.Reset()
			if _, err := p.Write(data); err != nil {
				return err
			}
			return p.Close()
		}
	}},
	{"lecp-events-lax", func(data []byte) func() error {
		n := 0
		p, _ := lecp.NewParser(lecp.HandlerFunc(func(*lecp.Parser, *lecp.Event) error { n++; return nil }),
			&lecp.Options{AllowInvalidUTF8: true, AllowDuplicateKeys: true})
		return func() error {
			p.Reset()
			if _, err := p.Write(data); err != nil {
				return err
			}
			return p.Close()
		}
	}},
	{"lecp-pull", func(data []byte) func() error {
		d := lecp.NewDecoderBytes(data, nil)
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
	{"lecp-check", func(data []byte) func() error {
		c := lecp.NewChecker(nil)
		return func() error { return c.Check(data) }
	}},
	{"lecp-check-lax", func(data []byte) func() error {
		c := lecp.NewChecker(&lecp.Options{AllowInvalidUTF8: true, AllowDuplicateKeys: true})
		return func() error { return c.Check(data) }
	}},
	{"fxamacker-any", func(data []byte) func() error {
		return func() error {
			var v any
			return cbor.Unmarshal(data, &v)
		}
	}},
	{"fxamacker-wellformed", func(data []byte) func() error {
		return func() error { return cbor.Wellformed(data) }
	}},
}

// BenchmarkCBOR compares lecp with fxamacker/cbor on the same CBOR (see
// cborImpls).
func BenchmarkCBOR(b *testing.B) { benchCBOR(b, cborImpls) }

// benchCBOR runs each of impls on each file of the CBOR corpus as
// <file>/<impl>.
func benchCBOR(b *testing.B, impls []cborImpl) {
	for _, f := range cborCorpus(b) {
		name, data := f[0].(string), f[1].([]byte)
		for _, impl := range impls {
			b.Run(name+"/"+impl.name, func(b *testing.B) {
				run := impl.setup(data)
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

// TestCBORCPUTable prints, for each file and implementation of
// BenchmarkCBOR and BenchmarkCBORFloor, the thread CPU time per document
// (the least of 15 samples of about 20 ms, taken in rounds over all of
// them), the event count, the ratios
// of lecp's modes to fxamacker's Wellformed and Unmarshal, and the floors
// (see cborFloorImpls). It is a measurement, not a test: it runs only with
// LWSCRYPTO_CBOR_CPU_TABLE=1:
//
//	LWSCRYPTO_CBOR_CPU_TABLE=1 go test -run CBORCPUTable -v
//
// Thread CPU time leaves out GC work on other threads, so fxamacker-any
// looks faster here than in BenchmarkCBOR; use BenchmarkCBOR for ratios to
// Unmarshal.
func TestCBORCPUTable(t *testing.T) {
	if os.Getenv("LWSCRYPTO_CBOR_CPU_TABLE") != "1" {
		t.Skip("skipping: a measurement; set LWSCRYPTO_CBOR_CPU_TABLE=1")
	}
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	impls := append(append([]cborImpl(nil), cborImpls...), cborFloorImpls...)
	for _, f := range cborCorpus(t) {
		name, data := f[0].(string), f[1].([]byte)
		names := make([]string, len(impls))
		runs := make([]func() error, len(impls))
		for k, impl := range impls {
			names[k], runs[k] = impl.name, impl.setup(data)
		}
		res := cpuTable(t, name, len(data), names, runs)
		evs := len(cborEvents(data))
		wf := res["fxamacker-wellformed"]
		t.Logf("%s: %d events, %d text strings; speed relative to fxamacker-wellformed: events %.2fx, events-lax %.2fx, pull %.2fx, check %.2fx, check-lax %.2fx; to fxamacker-any (thread CPU, GC missed): events %.2fx, pull %.2fx",
			name, evs, len(cborTexts(data)), wf/res["lecp-events"], wf/res["lecp-events-lax"], wf/res["lecp-pull"],
			wf/res["lecp-check"], wf/res["lecp-check-lax"], res["fxamacker-any"]/res["lecp-events"], res["fxamacker-any"]/res["lecp-pull"])
		utf := res["floor-texts-strict"] - res["floor-texts-lax"]
		dup := res["lecp-check-noutf8"] - res["lecp-check-lax"]
		t.Logf("%s floors: handler %.0f us (%.1f ns/event); UTF-8 of all texts %.0f us (stdlib %.0f us); duplicate keys (check-noutf8 - check-lax) %.0f us; UTF-8 inside lecp-events %.0f us; handler+UTF-8+duplicates = %.2fx wellformed's time (2x target: %.0f us)",
			name, res["floor-handler"]/1e3, res["floor-handler"]/float64(evs), utf/1e3, res["floor-texts-stdlib"]/1e3,
			dup/1e3, (res["lecp-events"]-res["lecp-events-noutf8"])/1e3,
			(res["floor-handler"]+utf+dup)/wf, wf/2e3)
	}
}
