package lecp

import (
	"runtime"
	"testing"
	"weak"
)

// TestReusedWriterKeepsNoRawItem: a Writer kept for reuse holds nothing of
// the bytes given to RawItem once it returns, as TestReusedReadersKeepNoInput
// asks of the readers: a raw item is copied into the output, so the
// caller's buffer (often a slice of a larger message, such as a COSE
// protected header) is collected once the caller drops it. On the base a
// RawItem inside a map key, read again for its canonical encoding, stayed
// referenced by the Writer's inner Decoder until the next such item.
func TestReusedWriterKeepsNoRawItem(t *testing.T) {
	for _, tc := range []struct {
		name string
		item string
		key  bool
	}{
		{"value", "\x82\x01\x02", false},
		{"key", "\x82\x01\x02", true},
		{"non-canonical key", "\x9f\x18\x01\xff", true},
		{"text key", "\x63abc", true},
	} {
		var w Writer
		in := make([]byte, 1<<20)
		copy(in, tc.item)
		wp := weak.Make(&in[0])
		w.BeginMap()
		if tc.key {
			w.RawItem(in[:len(tc.item)])
			w.Uint(0)
		} else {
			w.Uint(0)
			w.RawItem(in[:len(tc.item)])
		}
		w.EndMap()
		if _, err := w.Bytes(); err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		in = nil
		runtime.GC()
		if wp.Value() != nil {
			t.Errorf("%s: the bytes given to RawItem are still reachable from the Writer after a collection", tc.name)
		}
		runtime.KeepAlive(&w)
	}
}
