package jws

import (
	"bytes"
	"encoding/base64"
	"math/rand/v2"
	"testing"

	"github.com/lwscrypto/lwscrypto/jose"
)

// TestDecodeB64Lengths checks the table decoder against
// jose.AppendBase64URLDecode for every length up to 80 bytes, on the
// canonical encoding and on each single-byte corruption of it (every
// position, with bytes inside and outside the alphabet), so each branch of
// the 8-, 4-, 3- and 2-character steps meets a bad byte at each offset.
func TestDecodeB64Lengths(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	bad := []byte{'=', '+', '/', '\n', '\r', 0, 0x80, 0xff, 'A', 'z', '-', '_', '9', 'B', 'Q'}
	for n := 0; n <= 80; n++ {
		msg := make([]byte, n)
		for i := range msg {
			msg[i] = byte(r.Uint32())
		}
		enc := []byte(base64.RawURLEncoding.EncodeToString(msg))
		got, err := decodeB64([]byte("x"), enc)
		if err != nil || !bytes.Equal(got[1:], msg) || got[0] != 'x' {
			t.Fatalf("len %d: %q %v", n, got, err)
		}
		for i := range enc {
			for _, c := range bad {
				in := bytes.Clone(enc)
				in[i] = c
				a, errA := decodeB64(nil, in)
				b, errB := jose.AppendBase64URLDecode(nil, in)
				if (errA == nil) != (errB == nil) || !bytes.Equal(a, b) {
					t.Fatalf("%q: %q %v / %q %v", in, a, errA, b, errB)
				}
			}
		}
		for _, extra := range []string{"A", "AA", "=", "\n"} {
			in := append(bytes.Clone(enc), extra...)
			a, errA := decodeB64(nil, in)
			b, errB := jose.AppendBase64URLDecode(nil, in)
			if (errA == nil) != (errB == nil) || !bytes.Equal(a, b) {
				t.Fatalf("%q: %q %v / %q %v", in, a, errA, b, errB)
			}
		}
	}
}

func BenchmarkDecodeB64(b *testing.B) {
	msg := bytes.Repeat([]byte(`{"iss":"https://issuer.example.com","sub":"u"}`), 4)[:180]
	enc := []byte(base64.RawURLEncoding.EncodeToString(msg))
	dst := make([]byte, 0, 256)
	b.SetBytes(int64(len(enc)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := decodeB64(dst[:0], enc); err != nil {
			b.Fatal(err)
		}
	}
}
