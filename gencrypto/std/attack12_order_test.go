package std

import (
	"bytes"
	"crypto"
	"crypto/rand"
	"testing"

	"github.com/lwscrypto/lwscrypto/internal/testenv"
)

// TestAttack12TagBeforeDecryption (catalog row 12: "the tag is checked
// before any CBC decryption"): Open of a ciphertext whose tag is wrong
// writes nothing into the caller's dst buffer and allocates nothing, so
// no decryption (and no padding check over decrypted bytes) ran. Before,
// a mutation that decrypted into dst and checked the padding first, with
// the same error, failed no test (mutation audit): the row-12 tests
// compared error values only.
func TestAttack12TagBeforeDecryption(t *testing.T) {
	key := make([]byte, 32)
	rand.Read(key)
	a, err := New().NewAEAD(primAESCBCHMAC, key, 16, 16, crypto.SHA256)
	if err != nil {
		t.Fatal(err)
	}
	iv := make([]byte, 16)
	ad := []byte("aad")
	sealed := a.Seal(nil, iv, bytes.Repeat([]byte("secret"), 40), ad)
	for _, flip := range []int{0, len(sealed) - 17, len(sealed) - 1} { // first block, last block, tag
		bad := bytes.Clone(sealed)
		bad[flip] ^= 1
		backing := bytes.Repeat([]byte{0xaa}, len(sealed))
		if _, err := a.Open(backing[:0], iv, bad, ad); err == nil {
			t.Fatalf("byte %d flipped: opened", flip)
		}
		if !bytes.Equal(backing, bytes.Repeat([]byte{0xaa}, len(sealed))) {
			t.Errorf("byte %d flipped: Open wrote into dst before the tag was checked", flip)
		}
		if n := testing.AllocsPerRun(20, func() { a.Open(backing[:0], iv, bad, ad) }); n != 0 && !testenv.Race {
			t.Errorf("byte %d flipped: Open of a bad tag allocated %v times", flip, n)
		}
	}
}
