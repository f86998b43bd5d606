package jws

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/lwscrypto/lwscrypto/internal/testenv"
)

// TestVerifyEachAndAllDecodePayloadOnce: VerifyEach returns the payload
// once, and VerifyAll's Results share it, decoded once however many
// signatures verify (their godoc). Before: VerifyEach decoded it into a
// Result per verified signature and dropped them (16 good signatures over
// 1 MiB allocated 16 MiB more than one did), and VerifyAll gave each
// Result its own copy, so a holder of one good token could repeat its
// signature 16 times to make any caller allocate 16 times the payload.
func TestVerifyEachAndAllDecodePayloadOnce(t *testing.T) {
	key := SigningKey{Alg: "HS256", Key: testKeys()["HS256"]}
	v, err := NewVerifier(verifyKey("HS256"), []string{"HS256"})
	if err != nil {
		t.Fatal(err)
	}
	const p = 256 << 10
	payload := bytes.Repeat([]byte("p"), p)
	// Each checks that every signature verified over payload.
	for name, verify := range map[string]func(msg []byte, n int) error{
		"VerifyEach": func(msg []byte, n int) error {
			res, got, err := v.VerifyEach(msg)
			if err != nil || len(res) != n || !bytes.Equal(got, payload) {
				return fmt.Errorf("%d results, %v", len(res), err)
			}
			for _, r := range res {
				if r.Err != nil {
					return fmt.Errorf("signature %d: %v", r.Index, r.Err)
				}
			}
			return nil
		},
		"VerifyAll": func(msg []byte, n int) error {
			res, err := v.VerifyAll(msg)
			if err != nil || len(res) != n {
				return fmt.Errorf("%d results, %v", len(res), err)
			}
			for _, r := range res {
				if !bytes.Equal(r.Payload, payload) {
					return fmt.Errorf("result %d has the wrong payload", r.Index)
				}
			}
			return nil
		},
	} {
		alloc := func(n int) uint64 {
			keys := make([]SigningKey, n)
			for i := range keys {
				keys[i] = key
			}
			msg := mustBytes(SignJSON(payload, keys, false, nil))
			return testenv.AllocatedBytes(2, func() {
				if err := verify(msg, n); err != nil {
					t.Fatalf("%s, %d signatures: %v", name, n, err)
				}
			})
		}
		one, many := alloc(1), alloc(MaxSignatures)
		t.Logf("%s: 1 signature: %d bytes, %d signatures: %d bytes", name, one, MaxSignatures, many)
		if many > one+p {
			t.Errorf("%s: %d good signatures over %d bytes allocate %d bytes, one %d: more than one payload more",
				name, MaxSignatures, p, many, one)
		}
	}
}
