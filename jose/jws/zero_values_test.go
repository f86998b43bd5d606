package jws

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/lwscrypto/lwscrypto/jose"
	"github.com/lwscrypto/lwscrypto/jose/jwk"
)

// TestZeroValuesReturnErrors: a Signer or Verifier made without NewSigner
// or NewVerifier (the zero value) has no key: every method returns an
// error wrapping jose.ErrKey, on well-formed tokens of every serialization,
// instead of panicking (the base panicked: a nil crypto.Signer in
// AppendCompact, "interface {} is nil, not *jws.state" in the compact
// Verify paths). The zero Message and Result are plain data and must not
// panic either.
func TestZeroValuesReturnErrors(t *testing.T) {
	ctx := context.Background()
	key := SigningKey{Alg: "HS256", Key: testKeys()["HS256"]}
	payload := []byte(`{"a":1}`)
	compact, err := Sign(payload, key, nil)
	if err != nil {
		t.Fatal(err)
	}
	detached, err := Sign(payload, key, &SignOptions{Detached: true})
	if err != nil {
		t.Fatal(err)
	}
	general, err := SignJSON(payload, []SigningKey{key}, false, nil)
	if err != nil {
		t.Fatal(err)
	}
	flatDetached, err := SignJSON(payload, []SigningKey{key}, true, &SignOptions{Detached: true})
	if err != nil {
		t.Fatal(err)
	}
	var zs Signer
	var zv Verifier
	for _, c := range []struct {
		name string
		call func() error
	}{
		{"Signer.AppendCompact", func() error { _, err := zs.AppendCompact(nil, payload); return err }},
		{"Signer.AppendCompact empty", func() error { _, err := (&Signer{}).AppendCompact(nil, nil); return err }},
		{"Verifier.Verify compact", func() error { _, err := zv.Verify(compact); return err }},
		{"Verifier.Verify JSON", func() error { _, err := zv.Verify(general); return err }},
		{"Verifier.VerifyContext", func() error { _, err := zv.VerifyContext(ctx, compact); return err }},
		{"Verifier.VerifyDetached compact", func() error { _, err := zv.VerifyDetached(detached, payload); return err }},
		{"Verifier.VerifyDetached JSON", func() error { _, err := zv.VerifyDetached(flatDetached, payload); return err }},
		{"Verifier.VerifyDetachedContext", func() error {
			_, err := zv.VerifyDetachedContext(ctx, detached, payload)
			return err
		}},
		{"Verifier.AppendVerifyCompact", func() error { _, err := zv.AppendVerifyCompact(nil, compact); return err }},
		{"Verifier.AppendVerifyCompactContext", func() error {
			_, err := zv.AppendVerifyCompactContext(ctx, nil, compact)
			return err
		}},
		{"Verifier.VerifyEach", func() error { _, _, err := zv.VerifyEach(general); return err }},
		{"Verifier.VerifyEachContext", func() error { _, _, err := zv.VerifyEachContext(ctx, compact); return err }},
		{"Verifier.VerifyAll", func() error { _, err := zv.VerifyAll(general); return err }},
		{"Verifier.VerifyAllContext", func() error { _, err := zv.VerifyAllContext(ctx, compact); return err }},
		{"Verifier.VerifyReader", func() error {
			_, err := zv.VerifyReader(detached, bytes.NewReader(payload))
			return err
		}},
	} {
		func() {
			defer func() {
				if p := recover(); p != nil {
					t.Errorf("%s panics: %v", c.name, p)
				}
			}()
			err := c.call()
			if !errors.Is(err, jose.ErrKey) {
				t.Errorf("%s: %v, want an error wrapping jose.ErrKey", c.name, err)
			} else if !strings.HasPrefix(err.Error(), "jws: ") {
				t.Errorf("%s: badly formed message %q", c.name, err)
			}
		}()
	}
	func() {
		defer func() {
			if p := recover(); p != nil {
				t.Errorf("zero Message or Result panics: %v", p)
			}
		}()
		var m Message
		_ = m.Detached()
		_ = m.Encoded()
		_, _ = m.UnverifiedPayload()
		if _, err := m.Compact(); !errors.Is(err, jose.ErrMalformed) {
			t.Errorf("zero Message.Compact: %v", err)
		}
		if _, err := m.JSON(false); !errors.Is(err, jose.ErrMalformed) {
			t.Errorf("zero Message.JSON: %v", err)
		}
		_ = Form(0)
	}()
}

// TestVerifierOverZeroRemoteFailsAtOnce: a Verifier over a jwk.Remote made
// without jwk.NewRemote returns at once an error wrapping jwk.ErrFetch
// (the base panicked in the Remote, then every later call hung on its
// lock); guarded by 2 s so the test fails rather than hangs.
func TestVerifierOverZeroRemoteFailsAtOnce(t *testing.T) {
	key := SigningKey{Alg: "ES256", Key: testKeys()["ES256"], KeyID: "k1"}
	tok, err := Sign([]byte(`{}`), key, nil)
	if err != nil {
		t.Fatal(err)
	}
	v, err := NewVerifier(&jwk.Remote{}, []string{"ES256"})
	if err != nil {
		t.Fatal(err)
	}
	for i := range 2 { // the second call must not find a broken Remote
		done := make(chan error, 1)
		go func() {
			defer func() {
				if p := recover(); p != nil {
					t.Errorf("call %d panics: %v", i, p)
				}
				close(done)
			}()
			_, err := v.Verify(tok)
			done <- err
		}()
		select {
		case err := <-done:
			if !errors.Is(err, jwk.ErrFetch) {
				t.Errorf("call %d: %v, want an error wrapping jwk.ErrFetch", i, err)
			}
		case <-time.After(2 * time.Second):
			t.Fatalf("call %d blocks (over 2 s)", i)
		}
	}
}
