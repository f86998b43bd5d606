package lejp

import (
	"runtime"
	"testing"
	"weak"

	"github.com/lwscrypto/lwscrypto/internal/testenv"
)

// TestCheckKeepsNoInput: once Check returns, the scanner it leaves in its
// sync.Pool holds nothing of the input, so the input can be collected at
// the next garbage collection. On the base, for input that went through
// the machine (here an error inside nested objects), the pooled scanner
// still pointed at the member names in the input (the entries of the open
// objects and the names of the frames), keeping it alive, 8 MB here, until
// the pool itself was dropped one collection later.
func TestCheckKeepsNoInput(t *testing.T) {
	if testenv.Race {
		t.Skip("the race detector empties sync.Pool at random")
	}
	for _, doc := range []string{
		`{"a":{"b":{"c":[1,}}}`,                  // an error: the objects stay open
		`{"a":{"b\u0062":1},"c":{"d":[1,2,{}]}}`, // valid (through the machine if the first pass leaves it)
		`{"a":{"b":1,"b":2}}`,
	} {
		in := make([]byte, 8<<20)
		copy(in, doc)
		for i := len(doc); i < len(in); i++ {
			in[i] = ' '
		}
		wp := weak.Make(&in[0])
		Check(in, nil)
		in = nil
		runtime.GC()
		if wp.Value() != nil {
			t.Errorf("%s: the input is still reachable after Check returned and a collection ran", doc)
		}
	}
}
