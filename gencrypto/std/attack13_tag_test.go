package std

import (
	"encoding/binary"
	"testing"
)

// alRecorder is a hash.Hash that records what tag writes: the length of
// everything and the last write (AL), without reading the data.
type alRecorder struct {
	n    uint64
	last []byte
}

func (r *alRecorder) Write(p []byte) (int, error) {
	r.n += uint64(len(p))
	r.last = append(r.last[:0], p...)
	return len(p), nil
}
func (r *alRecorder) Sum(b []byte) []byte { return append(b, make([]byte, 32)...) }
func (r *alRecorder) Reset()              { r.n, r.last = 0, r.last[:0] }
func (r *alRecorder) Size() int           { return 32 }
func (r *alRecorder) BlockSize() int      { return 64 }

// TestAttack13ALInTag (SECURITY-CATALOG row 13): the AL block that the
// CBC-HMAC tag covers is the 64-bit bit length of AADs of 2^29 bytes and
// more, where a 32-bit product wraps. TestAttack13CBCHMACAADLength checks
// alBits only; before, it passed with tag computing AL as
// uint64(uint32(len(ad)*8)) instead of calling alBits (mutation). The AAD
// is 2^29+1 bytes, which the recording hash does not read (it keeps only
// lengths and the AL block), so the cost is the allocation alone; the test
// is internal because no public API lets a test observe AL without hashing
// half a gigabyte.
func TestAttack13ALInTag(t *testing.T) {
	if testing.Short() {
		t.Skip("short mode: allocates a 512 MiB AAD (about 1 s)")
	}
	c := &cbcHMAC{tagSize: 16}
	rec := &alRecorder{}
	ms := &macState{h: rec}
	iv, ct := make([]byte, 16), make([]byte, 16)
	for _, n := range []int{42, 1<<29 + 1} {
		ad := make([]byte, n)
		var out [16]byte
		c.tag(ms, out[:], iv, ct, ad)
		var want [8]byte
		binary.BigEndian.PutUint64(want[:], uint64(n)*8)
		if string(rec.last) != string(want[:]) {
			t.Errorf("AAD of %d bytes: AL = %x, want %x", n, rec.last, want)
		}
		if rec.n != uint64(n)+16+16+8 {
			t.Errorf("AAD of %d bytes: %d bytes MACed, want %d", n, rec.n, uint64(n)+40)
		}
	}
}
