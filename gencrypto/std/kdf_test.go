package std

import (
	"bytes"
	"crypto"
	"encoding/binary"
	"errors"
	"strings"
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
			// PBKDF2 included: RFC 8018 bounds dkLen by (2^32−1)·hLen
			// only, but a direct call asking for gigabytes would make
			// them (TestPBKDF2OutputCapped).
			for _, n := range []int{0, -1, max + 1} {
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

// TestPBKDF2OutputCapped: Backend.PBKDF2 called directly caps its output
// at 255 hash lengths, as the gencrypto registry does in front of it,
// with an error wrapping errLength that says so. Before, any length was
// computed: 1 << 30 bytes asked for a gigabyte and 2^25 HMAC blocks (or,
// on 32-bit platforms, a length past the address space).
func TestPBKDF2OutputCapped(t *testing.T) {
	b := New()
	for _, n := range []int{255*32 + 1, 1 << 30, int(^uint(0) >> 1)} {
		out, err := b.PBKDF2(crypto.SHA256, []byte("pw"), []byte("salt"), 1, n)
		if !errors.Is(err, errLength) || out != nil {
			t.Fatalf("PBKDF2-SHA256, %d bytes: %d bytes, %v; want errLength", n, len(out), err)
		}
		if !strings.Contains(err.Error(), "255") {
			t.Errorf("PBKDF2-SHA256, %d bytes: %q does not say the bound", n, err)
		}
	}
}
