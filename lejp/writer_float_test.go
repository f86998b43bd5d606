package lejp

import (
	"errors"
	"math"
	"testing"
)

// TestWriterRefusedFloatWritesNothing: a NaN or infinite Float is misuse
// that, as the Writer's doc says of every error, writes nothing: not the
// comma before it either (as a refused String drops it).
func TestWriterRefusedFloatWritesNothing(t *testing.T) {
	for _, f := range []float64{math.NaN(), math.Inf(1), math.Inf(-1)} {
		var w Writer
		w.BeginArray()
		w.Int(1)
		before := string(w.Bytes())
		w.Float(f)
		if err := w.Err(); !errors.Is(err, ErrWriter) {
			t.Errorf("Float(%v): Err %v, want ErrWriter", f, err)
		}
		if got := string(w.Bytes()); got != before {
			t.Errorf("Float(%v): wrote %q after %q", f, got, before)
		}
	}
}
