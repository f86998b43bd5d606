package lejp

import (
	"bytes"
	"fmt"
	"strings"
	"sync"
	"testing"
)

// TestConcurrentPackageFuncs: the package-level entry points (Check and
// Valid, with their pooled scanners; Values; NewDecoderBytes and NewParser
// over one shared *Options) used from many goroutines at once, over inputs
// that take the fast paths and the hashed name index (objects of more than
// linearNames names).
func TestConcurrentPackageFuncs(t *testing.T) {
	var big strings.Builder
	big.WriteString("{")
	for i := range 200 {
		fmt.Fprintf(&big, `"name%d":[%d,"s\u00e9",true,null,{"a":1}],`, i, i)
	}
	big.WriteString(`"z":0}`)
	docs := [][]byte{[]byte(big.String()), []byte(`{"a":1,"a":2}`), []byte(`[1,2,3] `), []byte(`{"x":"` + strings.Repeat("y", 5000) + `"}`)}
	opts := &Options{MaxDepth: 16}
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			for i := range 30 {
				b := docs[(g+i)%len(docs)]
				want := !bytes.Contains(b, []byte(`"a":2`))
				if err := Check(b, opts); (err == nil) != want {
					t.Errorf("Check: %v", err)
				}
				if Valid(b) != want {
					t.Error("Valid")
				}
				for _, err := range Values(b, opts) {
					if (err == nil) != want {
						t.Errorf("Values: %v", err)
					}
				}
				d := NewDecoderBytes(b, opts)
				for {
					if _, err := d.ReadToken(); err != nil {
						break
					}
				}
				p, err := NewParser(HandlerFunc(func(*Parser, Event) error { return nil }), opts, "*", "name1.*")
				if err != nil {
					t.Error(err)
					return
				}
				p.Write(b)
				p.Close()
			}
		})
	}
	wg.Wait()
}
