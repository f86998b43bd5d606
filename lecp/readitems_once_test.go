package lecp

import (
	"bytes"
	"testing"
)

// TestReadItemsSingleUse: as its godoc says, ReadItems reads ahead, so a
// loop that stops after the first item leaves the reader drained and a
// second range yields nothing; Items over bytes starts again.
func TestReadItemsSingleUse(t *testing.T) {
	seqBytes := AppendUint(AppendUint(AppendUint(nil, 1), 2), 3)
	r := bytes.NewReader(seqBytes)
	seq := ReadItems(r, nil)
	for range seq {
		break
	}
	if r.Len() != 0 {
		t.Fatalf("the reader has %d bytes left, want 0 (read ahead)", r.Len())
	}
	n := 0
	for _, err := range seq {
		if err != nil {
			t.Fatal(err)
		}
		n++
	}
	if n != 0 {
		t.Errorf("second range: %d items, want none", n)
	}
	is := Items(seqBytes, nil)
	for range is {
		break
	}
	n = 0
	for _, err := range is {
		if err != nil {
			t.Fatal(err)
		}
		n++
	}
	if n != 3 {
		t.Errorf("Items, second range: %d items, want 3", n)
	}
}
