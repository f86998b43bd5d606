package std

import (
	"bytes"
	"crypto"
	"crypto/aes"
	"crypto/cipher"
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

// FuzzAEADOverlap: for CCM (every nonce and tag size) and CBC-HMAC, Seal and
// Open give the same result when dst's spare capacity overlaps the input at
// any offset, or holds the associated data, as with separate buffers.
func FuzzAEADOverlap(f *testing.F) {
	f.Add(uint8(0), uint16(40), int16(16), false)
	f.Add(uint8(1), uint16(600), int16(-1), true)
	f.Add(uint8(6), uint16(0), int16(3), false)
	f.Fuzz(func(t *testing.T, params uint8, n uint16, shift int16, adInDst bool) {
		var a cipher.AEAD
		var err error
		if params%8 == 7 {
			a, err = newCBCHMAC(bytes.Repeat([]byte{3}, 32), 16, 16, crypto.SHA256)
		} else {
			blk, _ := aes.NewCipher(bytes.Repeat([]byte{4}, 16))
			a, err = newCCM(blk, 7+int(params%8), 4+2*int(params/8%7))
		}
		if err != nil {
			t.Fatal(err)
		}
		size := int(n) % 1100
		sh := int(shift) % 64
		msg := bytes.Repeat([]byte{0xa5, 0x3c, 0x0f}, size/3+1)[:size]
		nonce := bytes.Repeat([]byte{9}, a.NonceSize())
		adText := []byte("associated")
		want := a.Seal(nil, nonce, msg, adText)

		const at = 128
		buf := make([]byte, 2*at+len(want)+64)
		for _, sealing := range []bool{true, false} {
			clear(buf)
			in := msg
			if !sealing {
				in = want
			}
			src := buf[at : at+len(in)]
			copy(src, in)
			dst := buf[at+sh : at+sh]
			ad := adText
			if adInDst {
				// A sits in dst's spare capacity, beyond the input.
				ad = buf[at+len(in)+8 : at+len(in)+8+len(adText)]
				copy(ad, adText)
			}
			if sealing {
				if got := a.Seal(dst, nonce, src, ad); !bytes.Equal(got, want) {
					t.Fatalf("Seal of %d bytes, dst at %+d, A in dst %v: differs", size, sh, adInDst)
				}
			} else if got, err := a.Open(dst, nonce, src, ad); err != nil || !bytes.Equal(got, msg) {
				t.Fatalf("Open of %d bytes, dst at %+d, A in dst %v: %v", size, sh, adInDst, err)
			}
		}
	})
}
