package bench

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/lwscrypto/lwscrypto/internal/testenv"
)

// TestWriteCPUTable measures the writers of BenchmarkJSONWrite and
// BenchmarkCBORWrite in thread CPU time (cpuTable: least of 15 rounds
// taken in turn over all writers), which a shared machine's load disturbs
// far less than wall time: LWSCRYPTO_WRITE_CPU_TABLE=1 GOEXPERIMENT=jsonv2
// go test -run WriteCPUTable -v (jsontext's row needs the experiment;
// LWSCRYPTO_WRITE_CPU_TABLE=json or =cbor measures one format's writers).
// The writers that build a tree's output (stdlib-marshal,
// fxamacker-marshal) allocate, and their GC's time on other threads is
// not counted.
func TestWriteCPUTable(t *testing.T) {
	which := os.Getenv("LWSCRYPTO_WRITE_CPU_TABLE")
	if which != "1" && which != "json" && which != "cbor" {
		t.Skip("skipping: a measurement; set LWSCRYPTO_WRITE_CPU_TABLE=1")
	}
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	dir := testenv.VectorsFile(t, "json-benchmark")
	for _, name := range []string{"twitter.json", "citm_catalog.json", "canada.json"} {
		if which == "cbor" {
			break
		}
		data, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		toks := writeTokens(t, data)
		var names []string
		var runs []func() error
		for _, impl := range writeImpls {
			run := marshalRunOr(t, impl, toks, data)
			names = append(names, impl.name)
			runs = append(runs, func() error { _, err := run(); return err })
		}
		res := cpuTable(t, name, len(data), names, runs)
		if jt, ok := res["jsontext-writetoken"]; ok {
			t.Logf("%s: lejp-writer's speed %.2fx jsontext-writetoken's; its time %.2fx lejp-append's", name, jt/res["lejp-writer"], res["lejp-writer"]/res["lejp-append"])
		}
	}
	for _, c := range cborCorpus(t) {
		if which == "json" {
			break
		}
		name, data := c[0].(string), c[1].([]byte)
		toks := cborTokens(t, data)
		names := make([]string, len(cborWriteImpls))
		runs := make([]func() error, len(cborWriteImpls))
		for k, impl := range cborWriteImpls {
			run := impl.run(data, toks)
			names[k], runs[k] = impl.name, func() error { _, err := run(); return err }
		}
		res := cpuTable(t, name, len(data), names, runs)
		t.Logf("%s: lecp-writer's speed %.2fx fxamacker-marshal's; its time %.2fx lecp-append's; lecp-writer-det's time %.2fx lecp-append's",
			name, res["fxamacker-marshal"]/res["lecp-writer"], res["lecp-writer"]/res["lecp-append"], res["lecp-writer-det"]/res["lecp-append"])
	}
}

// marshalRunOr is impl's replay of toks, or for stdlib-marshal (no run of
// its own) json.Marshal of data decoded into an any.
func marshalRunOr(tb testing.TB, impl writeImpl, toks []wtok, data []byte) func() ([]byte, error) {
	if impl.run != nil {
		return impl.run(toks)
	}
	return marshalRun(tb, data)
}
