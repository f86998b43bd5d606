package jws

import (
	"bytes"
	"testing"

	"github.com/lwscrypto/lwscrypto/internal/testenv"
)

// TestVerifyAllDecodesPayloadOnce: VerifyAll's Results share the payload,
// decoded once, however many signatures there are (VerifyAll's godoc). On
// the base each Result decoded its own copy: MaxSignatures (16) signatures
// over 256 KiB allocated 15 payloads more than one did, and a holder of
// one good token could repeat its signature 16 times to make any VerifyAll
// caller allocate 16 times the payload.
func TestVerifyAllDecodesPayloadOnce(t *testing.T) {
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
			res, err := v.VerifyAll(msg)
			if err != nil || len(res) != n {
				t.Fatalf("%d signatures: %d results, %v", n, len(res), err)
			}
			for _, r := range res {
				if !bytes.Equal(r.Payload, payload) {
					t.Fatalf("%d signatures: result %d has the wrong payload", n, r.Index)
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
