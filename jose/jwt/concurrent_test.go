package jwt

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/lwscrypto/lwscrypto/jose"
	"github.com/lwscrypto/lwscrypto/jose/jws"
)

// TestVerifierConcurrent: one Verifier, documented safe for concurrent use,
// verifies from several goroutines at once tokens under headers that take
// each of checkHeader's ways (the remembered verdict, the shortcut for
// short plain headers, the parse of a long one or of one naming "cty" or
// "b64"), each goroutine reusing its Claims, and every token gets its own
// verdict and claims. Run with -race it checks the shared header memory
// (a guard; passes on 383bbff too).
func TestVerifierConcurrent(t *testing.T) {
	sign := func(h, sub string, opts *jws.SignOptions) []byte {
		tok, err := jws.Sign([]byte(`{"sub":"`+sub+`"}`), jws.SigningKey{Alg: "HS256", Key: secret, Header: []byte(h)}, opts)
		if err != nil {
			t.Fatalf("%s: %v", h, err)
		}
		return tok
	}
	type token struct {
		tok []byte
		sub string // "" when refused
	}
	toks := []token{
		{sign(`{"alg":"HS256"}`, "a", nil), "a"},
		{sign(`{"alg":"HS256","kid":"k1"}`, "b", nil), "b"},
		{sign(`{"alg":"HS256","kid":"`+strings.Repeat("k", 400)+`"}`, "c", nil), "c"},
		{sign(`{"alg":"HS256","cty":"claims+json"}`, "d", nil), "d"},
		{sign(`{"alg":"HS256","cty":"JWT"}`, "e", nil), ""},
		{sign(`{"alg":"HS256","b64":false,"crit":["b64"]}`, "f", &jws.SignOptions{Unencoded: true}), ""},
	}
	v := hsVerifier(t, Validator{})
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var c Claims
			for i := range 300 {
				tk := toks[(i*(g+1)+g)%len(toks)]
				err := v.VerifyInto(context.Background(), tk.tok, &c)
				sub, _ := c.Subject()
				if tk.sub == "" && !errors.Is(err, jose.ErrMalformed) || tk.sub != "" && (err != nil || sub != tk.sub) {
					errs <- fmt.Errorf("goroutine %d, token %d (sub %q): %v, sub %q", g, i, tk.sub, err, sub)
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}
