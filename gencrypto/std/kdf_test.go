package std

import (
	"bytes"
	"crypto"
	"encoding/binary"
	"errors"
	"testing"
)

// TestKDFBounds checks the backend's own length and iteration checks, which
// gencrypto's Derive methods repeat in front of it: outputs of 1 and of
// 255 hash lengths are made at exactly that length, and 0, −1 and
// 255 hash lengths + 1 are errLength, as are PBKDF2 iteration counts below 1.
func TestKDFBounds(t *testing.T) {
	b := New()
	for _, h := range []crypto.Hash{crypto.SHA1, crypto.SHA256, crypto.SHA384, crypto.SHA512} {
		max := 255 * h.Size()
		kdfs := map[string]func(n int) ([]byte, error){
			"HKDF": func(n int) ([]byte, error) { return b.HKDF(h, []byte("secret"), nil, nil, n) },
			"Concat KDF": func(n int) ([]byte, error) {
				return b.ConcatKDF(h, []byte("z"), []byte("other"), n)
			},
			"PBKDF2": func(n int) ([]byte, error) { return b.PBKDF2(h, []byte("pw"), []byte("salt"), 1, n) },
		}
		for name, derive := range kdfs {
			for _, n := range []int{1, h.Size() + 1, max} {
				if out, err := derive(n); err != nil || len(out) != n {
					t.Errorf("%s-%v, %d bytes: %d bytes, %v", name, h, n, len(out), err)
				}
			}
			for _, n := range []int{0, -1, max + 1} {
				if name == "PBKDF2" && n > 0 {
					continue // RFC 8018 bounds dkLen by (2^32−1)·hLen only
				}
				if _, err := derive(n); !errors.Is(err, errLength) {
					t.Errorf("%s-%v, %d bytes: %v, want errLength", name, h, n, err)
				}
			}
		}
		for _, it := range []int{0, -1} {
			if _, err := b.PBKDF2(h, []byte("pw"), []byte("salt"), it, 16); !errors.Is(err, errLength) {
				t.Errorf("PBKDF2-%v, %d iterations: %v, want errLength", h, it, err)
			}
		}
	}
}

// TestConcatKDFDefinition checks multi-block outputs of the Concat KDF
// against its definition (NIST SP 800-56A §5.8.1, RFC 7518 §4.6.2) written
// out with the hash directly: K(i) = H(counter_i ‖ Z ‖ OtherInfo), counter_i
// a 32-bit big-endian i from 1, concatenated and truncated. RFC 7518
// Appendix C (in gencryptotest's known answers) only reaches the first
// block; the lengths here cross the block boundaries.
func TestConcatKDFDefinition(t *testing.T) {
	b := New()
	z, other := []byte("shared secret Z"), []byte("\x00\x00\x00\x07A256GCM")
	for _, h := range []crypto.Hash{crypto.SHA256, crypto.SHA384, crypto.SHA512} {
		var want []byte
		for i := uint32(1); len(want) < 3*h.Size(); i++ {
			d := h.New()
			d.Write(binary.BigEndian.AppendUint32(nil, i))
			d.Write(z)
			d.Write(other)
			want = d.Sum(want)
		}
		for _, n := range []int{1, h.Size() - 1, h.Size(), h.Size() + 1, 2 * h.Size(), 2*h.Size() + 1, 3 * h.Size()} {
			got, err := b.ConcatKDF(h, z, other, n)
			if err != nil || !bytes.Equal(got, want[:n]) {
				t.Errorf("Concat KDF-%v, %d bytes: %x, %v\nwant %x", h, n, got, err, want[:n])
			}
		}
	}
}
