package lejp

import (
	"strconv"
	"testing"
)

// TestAllocsNewWriterUpTo24Entries pins the Writer's godoc: a new Writer
// allocates nothing beyond its output while its open objects hold 24
// entries or fewer (one per open object, one per name of each), flat or
// nested, so a JOSE header, JWK or claims set costs no allocation for
// duplicate detection. (A reused Writer is held to 0 by TestAllocsWriter.)
func TestAllocsNewWriterUpTo24Entries(t *testing.T) {
	buf := make([]byte, 0, 1024)
	names := make([]string, 23)
	for i := range names {
		names[i] = "member" + strconv.Itoa(i)
	}
	for _, nested := range []bool{false, true} {
		a := testing.AllocsPerRun(20, func() {
			var w Writer
			w.Reset(buf[:0])
			w.BeginObject()
			ns := names // 1 object + 23 names
			if nested { // 2 objects + 22 names
				w.Name("jwk")
				w.BeginObject()
				ns = names[:21]
			}
			for _, n := range ns {
				w.Name(n)
				w.Int(1)
			}
			if nested {
				w.EndObject()
			}
			w.EndObject()
			if _, err := w.Finish(); err != nil {
				t.Fatal(err)
			}
		})
		if a != 0 {
			t.Errorf("new Writer, 24 entries (nested %v): %v allocations, want 0", nested, a)
		}
	}
}
