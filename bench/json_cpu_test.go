//go:build goexperiment.jsonv2

package bench

import (
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"testing"

	"github.com/lwscrypto/lwscrypto/internal/testenv"
	"github.com/lwscrypto/lwscrypto/lejp"
)

// jsonThreadCPU is this thread's CPU time: on a shared machine it leaves
// out the time spent waiting for a core, which wall-clock benchmarks count.
func jsonThreadCPU() int64 {
	var ru syscall.Rusage
	syscall.Getrusage(1 /* RUSAGE_THREAD */, &ru)
	return ru.Utime.Nano() + ru.Stime.Nano()
}

// TestJSONCPUTable prints, for each benchmark file and implementation of
// BenchmarkJSON, the thread CPU time per document (the least of 11
// samples, each of at least 20 documents and about 100 ms) and the ratios lejp-events/jsontext-readtoken and
// lejp-check/sonic-valid. It is a measurement, not a test: it runs only with
// LWSCRYPTO_JSON_CPU_TABLE=1 (and GOEXPERIMENT=jsonv2 for jsontext):
//
//	LWSCRYPTO_JSON_CPU_TABLE=1 GOEXPERIMENT=jsonv2 go test -run JSONCPUTable -v
//
// LWSCRYPTO_JSON_CPU_IMPL=<regexp> limits it to the matching implementations.
func TestJSONCPUTable(t *testing.T) {
	if os.Getenv("LWSCRYPTO_JSON_CPU_TABLE") != "1" {
		t.Skip("skipping: a measurement; set LWSCRYPTO_JSON_CPU_TABLE=1")
	}
	var only *regexp.Regexp // LWSCRYPTO_JSON_CPU_IMPL=regexp: only those implementations
	if re := os.Getenv("LWSCRYPTO_JSON_CPU_IMPL"); re != "" {
		only = regexp.MustCompile(re)
	}
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	dir := testenv.VectorsFile(t, "json-benchmark")
	for _, name := range []string{"twitter.json", "citm_catalog.json", "canada.json"} {
		data, _ := os.ReadFile(filepath.Join(dir, name))
		res := map[string]float64{}
		for _, impl := range jsonImpls {
			if only != nil && !only.MatchString(impl.name) {
				continue
			}
			run := impl.run(nil, data)
			if err := run(); err != nil {
				t.Fatalf("%s %s: %v", name, impl.name, err)
			}
			// Each sample runs for at least ~100 ms of CPU time, so that
			// the clock's granularity (a scheduler tick on some kernels)
			// stays a small part of it.
			n := 20
			t0 := jsonThreadCPU()
			for i := 0; i < 5; i++ {
				run()
			}
			if per := (jsonThreadCPU() - t0) / 5; per > 0 && 100e6/per > int64(n) {
				n = int(100e6 / per)
			}
			var samples []float64
			for rep := 0; rep < 11; rep++ {
				t0 := jsonThreadCPU()
				for i := 0; i < n; i++ {
					run()
				}
				samples = append(samples, float64(jsonThreadCPU()-t0)/float64(n))
			}
			sort.Float64s(samples)
			ns := samples[0]
			res[impl.name] = ns
			t.Logf("%-18s %-20s %8.0f us  %7.0f MB/s", name, impl.name, ns/1e3, float64(len(data))/ns*1e3)
		}
		t.Logf("%s: lejp-events/jsontext-readtoken %.2fx faster, lejp-check/sonic-valid %.2fx", name, res["jsontext-readtoken"]/res["lejp-events"], res["sonic-valid"]/res["lejp-check"])
	}
}

// TestJSONCPUFloor prints, for each benchmark file, its event count (by
// kind) and the thread CPU time of the floor of lejp-events: the same
// counting HandlerFunc called once per event with an Event already filled
// (replayed from a list), with no parsing at all. What lejp-events spends
// above it is the parsing. A measurement like TestJSONCPUTable, run only
// with LWSCRYPTO_JSON_CPU_TABLE=1.
var floorHandler lejp.HandlerFunc

func TestJSONCPUFloor(t *testing.T) {
	if os.Getenv("LWSCRYPTO_JSON_CPU_TABLE") != "1" {
		t.Skip("skipping: a measurement; set LWSCRYPTO_JSON_CPU_TABLE=1")
	}
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	dir := testenv.VectorsFile(t, "json-benchmark")
	for _, name := range []string{"twitter.json", "citm_catalog.json", "canada.json"} {
		data, _ := os.ReadFile(filepath.Join(dir, name))
		var evs []lejp.Event
		var kinds [16]int
		p, _ := lejp.NewParser(lejp.HandlerFunc(func(_ *lejp.Parser, ev lejp.Event) error {
			evs = append(evs, ev) // Value is not kept past the call, only its slice header
			kinds[ev.Kind]++
			return nil
		}), nil)
		if _, err := p.Write(data); err != nil {
			t.Fatal(err)
		}
		if err := p.Close(); err != nil {
			t.Fatal(err)
		}
		count := 0
		// An indirect call, as the Parser makes: through a variable the
		// compiler cannot see into.
		floorHandler = lejp.HandlerFunc(func(*lejp.Parser, lejp.Event) error { count++; return nil })
		replay := func() {
			h := floorHandler
			for _, ev := range evs {
				if h(p, ev) != nil {
					return
				}
			}
		}
		var samples []float64
		for rep := 0; rep < 11; rep++ {
			t0 := jsonThreadCPU()
			for i := 0; i < 200; i++ {
				replay()
			}
			samples = append(samples, float64(jsonThreadCPU()-t0)/200)
		}
		sort.Float64s(samples)
		// The same number of calls with one Event, not replayed from
		// memory: the call alone.
		one := evs[len(evs)/2]
		calls := func() {
			h := floorHandler
			for range evs {
				if h(p, one) != nil {
					return
				}
			}
		}
		var callSamples []float64
		for rep := 0; rep < 11; rep++ {
			t0 := jsonThreadCPU()
			for i := 0; i < 200; i++ {
				calls()
			}
			callSamples = append(callSamples, float64(jsonThreadCPU()-t0)/200)
		}
		sort.Float64s(callSamples)
		var by []string
		for k, c := range kinds {
			if c > 0 {
				by = append(by, lejp.Kind(k).String()+"="+strconv.Itoa(c))
			}
		}
		t.Logf("%-18s %6d events (%d bytes/event; %s)", name, len(evs), len(data)/len(evs), strings.Join(by, " "))
		t.Logf("%-18s floor (handler calls, events replayed) %6.0f us = %5.1f ns/event; one Event %6.0f us = %5.1f ns/event; 1 GB/s leaves %5.1f ns/event in all",
			name, samples[0]/1e3, samples[0]/float64(len(evs)), callSamples[0]/1e3, callSamples[0]/float64(len(evs)), float64(len(data))/float64(len(evs)))
	}
}
