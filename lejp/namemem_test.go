package lejp

import (
	"runtime"
	"strconv"
	"strings"
	"testing"
)

// liveHeap is the live heap after a collection.
func liveHeap() uint64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}

// TestNameMemoryHeld measures what duplicate detection holds at its
// bound: an object with as many distinct names as Options.MaxNameMemory
// (1 MiB here) admits, read from an io.Reader and by the Parser, so that
// every name is copied. The live heap at the last name stays within
// 2.5 MiB over what it was before (the names and their entries, in slices
// grown by doubling, as MaxNameMemory's doc says). On the base the
// arena's earlier arrays stayed referenced by the names copied into them,
// so every doubling was kept: 3.6, 5.3 and 5.0 MiB for names of 30, 200
// and 4000 bytes.
func TestNameMemoryHeld(t *testing.T) {
	const limit = 1 << 20
	for _, nl := range []int{7, 30, 200, 4000} {
		var b strings.Builder
		b.WriteString("{")
		n := 0
		for mem := 0; mem+nl+nameOverhead <= limit; mem += nl + nameOverhead {
			if n > 0 {
				b.WriteString(",")
			}
			name := strconv.Itoa(n)
			b.WriteString(`"` + strings.Repeat("_", nl-len(name)) + name + `":1`)
			n++
		}
		b.WriteString("}")
		doc := b.String()
		opts := &Options{MaxNameMemory: limit}
		for _, way := range []string{"reader", "parser"} {
			base := liveHeap()
			var at uint64
			var err error
			if way == "reader" {
				d := NewDecoder(strings.NewReader(doc), opts)
				for i := 0; err == nil; i++ {
					if _, err = d.ReadToken(); err == nil && i == 2*n-1 {
						at = liveHeap()
					}
				}
			} else {
				events := 0
				p, _ := NewParser(HandlerFunc(func(p *Parser, ev Event) error {
					if events++; events == 2*n {
						at = liveHeap()
					}
					return nil
				}), opts)
				for i := 0; i < len(doc) && err == nil; i += 4096 {
					_, err = p.Write([]byte(doc[i:min(i+4096, len(doc))]))
				}
				if err == nil {
					err = p.Close()
				}
			}
			if way == "parser" && err != nil || way == "reader" && err.Error() != "EOF" {
				t.Fatalf("names of %d bytes, %s: %v", nl, way, err)
			}
			if held := int64(at - base); held > 5*limit/2 {
				t.Errorf("names of %d bytes, %s: %.2f MiB held at MaxNameMemory of 1 MiB, want at most 2.5 MiB", nl, way, float64(held)/(1<<20))
			}
		}
	}
}
