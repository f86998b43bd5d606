package lejp

import (
	"errors"
	"strconv"
	"strings"
	"testing"
)

// wideObject is {"x":{"0":0,"1":0,…}} with n names in the inner object.
func wideObject(n int, closed bool) []byte {
	var b strings.Builder
	b.WriteString(`{"x":{`)
	for i := range n {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(`"` + strconv.Itoa(i) + `":0`)
	}
	if closed {
		b.WriteString(`}}`)
	}
	return []byte(b.String())
}

// TestResetKeepsIndexUncleared: a reset costs nothing like the names'
// hash index of the largest input read before. A Decoder reused, or a
// pooled one (jose's, Check's), that once read an object of 100,000
// names cleared its index of 2^19 slots (2 MiB) at every later reset:
// about 40 µs added to the parse of a 40-byte header, until the pool
// dropped it. The index is all zeros once the objects close, so a reset
// leaves it alone (a mark put in it survives); input that stopped inside
// a large object, leaving names in it, has it dropped.
func TestResetKeepsIndexUncleared(t *testing.T) {
	small := []byte(`{"alg":"ES256","kid":"k1"}`)
	d := NewDecoderBytes(wideObject(100000, true), nil)
	readAll(t, d)
	n := len(d.s.slots)
	if n < 1<<18 {
		t.Fatalf("index of %d slots after 100,000 names; the test needs a large one", n)
	}
	for i, e := range d.s.slots {
		if e != 0 {
			t.Fatalf("slot %d holds %d after every object closed", i, e)
		}
	}
	d.s.slots[n-1] = -1 // a mark a reset that clears the index erases
	d.ResetBytes(small)
	readAll(t, d)
	if d.s.slots[n-1] != -1 {
		t.Errorf("ResetBytes cleared the whole index (%d slots) of an earlier input", n)
	}
	d.s.slots[n-1] = 0

	// Input that stops inside an object of more than linearNames names
	// leaves its names in the index: the reset drops the index, and the
	// next input reads right.
	d.ResetBytes(wideObject(2*linearNames, false))
	for {
		if _, err := d.ReadToken(); err != nil {
			if !errors.Is(err, ErrUnexpectedEOF) {
				t.Fatalf("cut wide object: %v", err)
			}
			break
		}
	}
	if d.s.nhashed == 0 {
		t.Fatal("no names hashed in the cut object; the test needs some")
	}
	d.ResetBytes(wideObject(3*linearNames, true))
	if d.s.slots != nil {
		t.Errorf("ResetBytes kept an index of %d slots holding the names of a cut input", len(d.s.slots))
	}
	readAll(t, d)
	// The index built again finds a duplicate.
	d.ResetBytes(append(wideObject(2*linearNames, false), `,"0":1}}`...))
	var err error
	for err == nil {
		_, err = d.ReadToken()
	}
	if !errors.Is(err, ErrDuplicateName) {
		t.Errorf("duplicate name in a large object after the resets: %v", err)
	}

	// Check's pooled scanners: the same through init.
	var s scanner
	s.init(nil)
	s.slots = make([]int32, 1<<16)
	s.slots[len(s.slots)-1] = -1
	s.init(nil)
	if s.slots[len(s.slots)-1] != -1 {
		t.Errorf("init cleared an index without names")
	}
}
