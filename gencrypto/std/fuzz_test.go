package std

import (
	"bytes"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/sha256"
	"testing"
)

// FuzzDERToRaw: derToRaw reads the ASN.1 DER ECDSA-Sig-Value a signer (a
// token, a KMS) returns, which this package does not control. It never
// panics, and it accepts only DER: whatever it takes back, appendDER
// writes again byte for byte (the encoding is unique), and r‖s has
// exactly the size asked for. Seeds are signatures of crypto/ecdsa on the
// three curves, and hand-made edge spellings.
func FuzzDERToRaw(f *testing.F) {
	d := sha256.Sum256([]byte("seed"))
	for _, c := range []elliptic.Curve{elliptic.P256(), elliptic.P384(), elliptic.P521()} {
		k, err := ecdsa.GenerateKey(c, rand.Reader)
		if err != nil {
			f.Fatal(err)
		}
		der, err := ecdsa.SignASN1(rand.Reader, k, d[:])
		if err != nil {
			f.Fatal(err)
		}
		f.Add(der, (c.Params().BitSize+7)/8)
	}
	f.Add([]byte{0x30, 0x06, 0x02, 0x01, 0x01, 0x02, 0x01, 0x01}, 32)
	f.Add([]byte{0x30, 0x81, 0x06, 0x02, 0x01, 0x01, 0x02, 0x01, 0x01}, 32)
	f.Add([]byte{0x30, 0x07, 0x02, 0x02, 0x00, 0x80, 0x02, 0x01, 0x01}, 1)
	f.Add([]byte{0x30, 0x80, 0x02, 0x01, 0x01, 0x02, 0x01, 0x01, 0x00, 0x00}, 32)
	f.Fuzz(func(t *testing.T, der []byte, size int) {
		if size < 1 || size > 66 {
			return
		}
		raw, err := derToRaw(der, size)
		if err != nil {
			return
		}
		if len(raw) != 2*size {
			t.Fatalf("derToRaw(%x, %d) gave %d bytes", der, size, len(raw))
		}
		again, ok := appendDER(nil, raw[:size], raw[size:])
		if !ok || !bytes.Equal(again, der) {
			t.Fatalf("derToRaw accepted %x, which is not the DER of its r‖s (%x)", der, again)
		}
	})
}
