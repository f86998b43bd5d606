package jws

import (
	"bytes"
	"fmt"
	"sync"
	"testing"
)

// TestConcurrentSigner: a Signer is documented safe for concurrent use.
// One Signer per algorithm family signs from several goroutines at once,
// each payload its own, and every token verifies with its own payload
// (run with -race, as CI does for jose/..., it also checks the Signer's
// shared state: the encoded header and the MAC pools).
func TestConcurrentSigner(t *testing.T) {
	for _, alg := range []string{"HS256", "ES256", "EdDSA", "PS256"} {
		s, err := NewSigner(SigningKey{Alg: alg, Key: testKeys()[alg], KeyID: "k1"}, nil)
		if err != nil {
			t.Fatal(err)
		}
		v, err := NewVerifier(verifyKey(alg), []string{alg})
		if err != nil {
			t.Fatal(err)
		}
		n := 20
		if alg == "PS256" {
			n = 4
		}
		var wg sync.WaitGroup
		errs := make(chan error, 4)
		for g := range 4 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				var dst []byte
				for i := range n {
					payload := fmt.Appendf(nil, `{"g":%d,"i":%d}`, g, i)
					tok, err := s.AppendCompact(dst[:0], payload)
					if err == nil {
						var r *Result
						if r, err = v.Verify(tok); err == nil && !bytes.Equal(r.Payload, payload) {
							err = fmt.Errorf("payload %s, want %s", r.Payload, payload)
						}
					}
					if err != nil {
						errs <- fmt.Errorf("%s goroutine %d, token %d: %v", alg, g, i, err)
						return
					}
					dst = tok
				}
			}()
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			t.Error(err)
		}
	}
}
