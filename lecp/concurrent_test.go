package lecp

import (
	"bytes"
	"fmt"
	"strings"
	"sync"
	"testing"
)

// TestConcurrentPackageFuncs: lecp's package-level entry points (Check,
// Valid, Items, AppendJSON, FromJSON, FromDiag, AppendDiag,
// AppendDiagExact, NewChecker) and its package tables used from many
// goroutines at once over one shared *Options.
func TestConcurrentPackageFuncs(t *testing.T) {
	var js strings.Builder
	js.WriteString("{")
	for i := range 100 {
		fmt.Fprintf(&js, `"k%d":[%d,"s",true,null,1.5,{"a":%d}],`, i, i, i)
	}
	js.WriteString(`"z":0}`)
	cbor, err := FromJSON(nil, strings.NewReader(js.String()), true)
	if err != nil {
		t.Fatal(err)
	}
	diag := []byte(`{1: h'0102', "a": [_ 1, 2], 2: 1.5, 3: 24(h'01')}`)
	opts := &Options{MaxDepth: 32}
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for range 20 {
				if err := Check(cbor, opts); err != nil {
					t.Error(err)
				}
				if !Valid(cbor) {
					t.Error("Valid")
				}
				for _, err := range Items(cbor, opts) {
					if err != nil {
						t.Error(err)
					}
				}
				j, err := AppendJSON(nil, cbor, opts)
				if err != nil {
					t.Error(err)
				}
				c2, err := FromJSON(nil, bytes.NewReader(j), true)
				if err != nil || !bytes.Equal(c2, cbor) {
					t.Errorf("round trip: %v", err)
				}
				b, err := FromDiag(nil, diag, opts)
				if err != nil {
					t.Error(err)
				}
				if _, err := AppendDiag(nil, b, opts); err != nil {
					t.Error(err)
				}
				if _, err := AppendDiagExact(nil, b, opts); err != nil {
					t.Error(err)
				}
				ck := NewChecker(opts)
				if err := ck.Check(cbor); err != nil {
					t.Error(err)
				}
			}
		})
	}
	wg.Wait()
}
