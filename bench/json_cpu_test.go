//go:build goexperiment.jsonv2

package bench

import (
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"github.com/lwscrypto/lwscrypto/internal/testenv"
	"github.com/lwscrypto/lwscrypto/lejp"
)

// TestJSONCPUTable prints, for each benchmark file and implementation of
// BenchmarkJSON, the thread CPU time per document (the least of 15
// samples of about 20 ms, taken in rounds over all implementations so that
// each sees the same load) and the ratios of lejp's modes to
// jsontext-readtoken, stdlib-token and sonic-valid. It is a measurement,
// not a test: it runs only with LWSCRYPTO_JSON_CPU_TABLE=1 (and
// GOEXPERIMENT=jsonv2 for jsontext):
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
	var impls []jsonImpl
	for _, impl := range jsonImpls {
		if only == nil || only.MatchString(impl.name) {
			impls = append(impls, impl)
		}
	}
	dir := testenv.VectorsFile(t, "json-benchmark")
	for _, name := range []string{"twitter.json", "citm_catalog.json", "canada.json"} {
		data, _ := os.ReadFile(filepath.Join(dir, name))
		names := make([]string, len(impls))
		runs := make([]func() error, len(impls))
		for k, impl := range impls {
			names[k], runs[k] = impl.name, impl.run(nil, data)
		}
		res := cpuTable(t, name, len(data), names, runs)
		jt, st := res["jsontext-readtoken"], res["stdlib-token"]
		t.Logf("%s: to jsontext-readtoken: events %.2fx, pull %.2fx; to stdlib-token: events %.2fx, pull %.2fx; check to sonic-valid %.2fx, to stdlib-valid %.2fx",
			name, jt/res["lejp-events"], jt/res["lejp-pull"], st/res["lejp-events"], st/res["lejp-pull"],
			res["sonic-valid"]/res["lejp-check"], res["stdlib-valid"]/res["lejp-check"])
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
		replay := func() error {
			h := floorHandler
			for _, ev := range evs {
				if h(p, ev) != nil {
					break
				}
			}
			return nil
		}
		// The same number of calls with one Event, not replayed from
		// memory: the call alone.
		one := evs[len(evs)/2]
		calls := func() error {
			h := floorHandler
			for range evs {
				if h(p, one) != nil {
					break
				}
			}
			return nil
		}
		least := leastCPU([]func() error{replay, calls}, 11)
		var by []string
		for k, c := range kinds {
			if c > 0 {
				by = append(by, lejp.Kind(k).String()+"="+strconv.Itoa(c))
			}
		}
		t.Logf("%-18s %6d events (%d bytes/event; %s)", name, len(evs), len(data)/len(evs), strings.Join(by, " "))
		t.Logf("%-18s floor (handler calls, events replayed) %6.0f us = %5.1f ns/event; one Event %6.0f us = %5.1f ns/event; 1 GB/s leaves %5.1f ns/event in all",
			name, least[0]/1e3, least[0]/float64(len(evs)), least[1]/1e3, least[1]/float64(len(evs)), float64(len(data))/float64(len(evs)))
	}
}
