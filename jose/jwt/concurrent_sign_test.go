package jwt

import (
	"context"
	"fmt"
	"sync"
	"testing"
)

// TestConcurrentSigner: a jwt Signer is documented safe for concurrent
// use. One Signer signs claims sets from several goroutines at once, and
// every token verifies with its own subject.
func TestConcurrentSigner(t *testing.T) {
	s, err := NewSigner(hsKey())
	if err != nil {
		t.Fatal(err)
	}
	v := hsVerifier(t, Validator{AnyAudience: true})
	var wg sync.WaitGroup
	errs := make(chan error, 4)
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var dst []byte
			var c Claims
			for i := range 100 {
				cs := claimSet()
				cs.Subject = fmt.Sprintf("g%d-%d", g, i)
				tok, err := s.AppendSign(dst[:0], cs)
				if err == nil {
					err = v.VerifyInto(context.Background(), tok, &c)
				}
				if sub, _ := c.Subject(); err == nil && sub != cs.Subject {
					err = fmt.Errorf("sub %q, want %q", sub, cs.Subject)
				}
				if err != nil {
					errs <- fmt.Errorf("goroutine %d, token %d: %v", g, i, err)
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
