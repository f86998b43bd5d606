package std

import (
	"bytes"
	"crypto"
	"crypto/rand"
	"crypto/rsa"
	"testing"
)

// TestOAEPCiphertextNotKBytesRefused: RFC 8017 §7.1.2 step 1b makes a
// ciphertext that is not k octets a decryption error. crypto/rsa reads a
// shorter one as an integer, so a k-octet ciphertext whose first octet is
// zero also decrypted with that octet dropped; DecryptOAEP now refuses it,
// with the error of every other decryption failure.
func TestOAEPCiphertextNotKBytesRefused(t *testing.T) {
	key, err := rsa.GenerateKey(rand.Reader, 1024) // the backend has no size floor
	if err != nil {
		t.Fatal(err)
	}
	b := New()
	msg := []byte("a content-encryption key")
	var ct []byte
	for i := 0; ; i++ {
		if i == 1<<14 {
			t.Fatal("no ciphertext with a leading zero octet in 16384 encryptions")
		}
		if ct, err = b.EncryptOAEP(crypto.SHA256, &key.PublicKey, msg, nil); err != nil {
			t.Fatal(err)
		}
		if ct[0] == 0 {
			break
		}
	}
	if pt, err := b.DecryptOAEP(crypto.SHA256, key, ct, nil); err != nil || !bytes.Equal(pt, msg) {
		t.Fatalf("DecryptOAEP of the k-octet ciphertext = %q, %v", pt, err)
	}
	_, want := b.DecryptOAEP(crypto.SHA256, key, bytes.Repeat([]byte{1}, len(ct)), nil)
	if want == nil {
		t.Fatal("DecryptOAEP accepted a ciphertext of ones")
	}
	for name, c := range map[string][]byte{
		"leading zero dropped": ct[1:],
		"zero prepended":       append([]byte{0}, ct...),
		"empty":                nil,
	} {
		if pt, err := b.DecryptOAEP(crypto.SHA256, key, c, nil); err != want {
			t.Errorf("%s (%d octets, k = %d): DecryptOAEP = %q, %v; want %v", name, len(c), len(ct), pt, err, want)
		}
	}
}
