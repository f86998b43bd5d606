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

// TestResetBytesKeepsNoInput: ResetBytes(nil) (or Reset) lets a Decoder
// kept for reuse, as jose keeps its Decoders in a sync.Pool, drop the
// input it read: nothing of it stays reachable. On the base the member
// names of the objects it had read (the frames' names, and after an error
// the open objects' entries) still pointed into the input.
func TestResetBytesKeepsNoInput(t *testing.T) {
	for _, doc := range []string{`{"a":{"b":[{"c":1}]},"d":2}`, `{"a":{"b":{"c":[1,}}}`, `{"a":{"b":1,"b":2}}`} {
		for _, reader := range []bool{false, true} {
			in := make([]byte, 1<<20)
			copy(in, doc)
			for i := len(doc); i < len(in); i++ {
				in[i] = ' '
			}
			wp := weak.Make(&in[0])
			d := NewDecoderBytes(in, nil)
			for {
				if _, err := d.ReadToken(); err != nil {
					break
				}
			}
			if reader {
				d.Reset(nil)
			} else {
				d.ResetBytes(nil)
			}
			in = nil
			runtime.GC()
			if wp.Value() != nil {
				t.Errorf("%s (Reset %v): the input is still reachable from the Decoder after ResetBytes(nil)", doc, reader)
			}
			runtime.KeepAlive(d)
		}
	}
}
