package jws

import (
	"bytes"
	"testing"

	"github.com/lwscrypto/lwscrypto/internal/testenv"
)

// TestVerifyEachDecodesPayloadOnce: VerifyEach returns the payload once,
// and decodes it once, however many signatures verify. (Before: each
// verified signature decoded the payload into a Result that VerifyEach
// dropped, so 16 good signatures over 1 MiB allocated 16 MiB more than
// one did.)
func TestVerifyEachDecodesPayloadOnce(t *testing.T) {
	key := SigningKey{Alg: "HS256", Key: testKeys()["HS256"]}
	v, err := NewVerifier(verifyKey("HS256"), []string{"HS256"})
	if err != nil {
		t.Fatal(err)
	}
	const p = 256 << 10
	payload := bytes.Repeat([]byte("p"), p)
	alloc := func(n int) uint64 {
		keys := make([]SigningKey, n)
		for i := range keys {
			keys[i] = key
		}
		msg := mustBytes(SignJSON(payload, keys, false, nil))
		return testenv.AllocatedBytes(2, func() {
			res, got, err := v.VerifyEach(msg)
			if err != nil || len(res) != n || !bytes.Equal(got, payload) {
				t.Fatalf("%d signatures: %d results, %v", n, len(res), err)
			}
			for _, r := range res {
				if r.Err != nil {
					t.Fatalf("%d signatures: signature %d: %v", n, r.Index, r.Err)
				}
			}
		})
	}
	one, many := alloc(1), alloc(MaxSignatures)
	t.Logf("1 signature: %d bytes, %d signatures: %d bytes", one, MaxSignatures, many)
	if many > one+p {
		t.Errorf("%d good signatures over %d bytes allocate %d bytes, one %d: more than one payload more",
			MaxSignatures, p, many, one)
	}
}
