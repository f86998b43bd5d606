package lecp

import "testing"

// TestWriterBytesEmptyResult pins Writer.Bytes' godoc for an empty result:
// nil from a Writer that has written nothing, but after Reset an empty
// non-nil slice of the buffer it keeps. The godoc said "(a nil slice)" for
// both, so a caller testing b == nil after Reset sent an empty item; the
// godoc tells callers to test for an empty result, len(b) == 0.
func TestWriterBytesEmptyResult(t *testing.T) {
	var w Writer
	if b, err := w.Bytes(); b != nil || err != nil {
		t.Errorf("new Writer: %#v, %v; want nil, nil", b, err)
	}
	w.Uint(1)
	w.Reset()
	if b, err := w.Bytes(); len(b) != 0 || b == nil || err != nil {
		t.Errorf("after Reset: %#v, %v; want an empty non-nil slice, nil", b, err)
	}
}
