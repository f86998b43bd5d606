package jws

import (
	"bytes"
	"crypto"
	"encoding/base64"
	"errors"
	"io"
	"testing"

	"github.com/lwscrypto/lwscrypto/gencrypto"
	"github.com/lwscrypto/lwscrypto/jose"
)

// The streaming path (SignReader, VerifyReader) computes through gencrypto's
// digest-level and streaming MAC API. These tests hold it to gencrypto's
// message forms: what SignReader makes, gencrypto verifies over the whole
// signing input, and what gencrypto signs over the whole input, VerifyReader
// accepts, for every algorithm.

func TestStreamAgreesWithGencrypto(t *testing.T) {
	payload := bytes.Repeat([]byte("unencoded payload with no dots "), 3000) // ~90 KiB, many reads
	for _, alg := range Algorithms() {
		t.Run(alg, func(t *testing.T) {
			sk := SigningKey{Alg: alg, Key: testKeys()[alg]}
			tok, err := SignReader(bytes.NewReader(payload), sk, &SignOptions{Unencoded: true})
			if err != nil {
				t.Fatal(err)
			}
			parts := bytes.Split(tok, []byte("."))
			if len(parts) != 3 || len(parts[1]) != 0 {
				t.Fatalf("SignReader output %q is not header..signature", tok)
			}
			sig, err := base64.RawURLEncoding.DecodeString(string(parts[2]))
			if err != nil {
				t.Fatal(err)
			}
			input := append(append(append([]byte(nil), parts[0]...), '.'), payload...)
			a, _ := gencrypto.ByName(alg)

			// gencrypto over the whole signing input accepts the streamed
			// signature, and makes one the streaming verifier accepts.
			var mine []byte
			switch a := a.(type) {
			case *gencrypto.MAC:
				if err := a.Verify(testKeys()[alg].([]byte), input, sig); err != nil {
					t.Fatalf("gencrypto MAC rejects the streamed tag: %v", err)
				}
				mine, err = a.Sum(testKeys()[alg].([]byte), input)
			case *gencrypto.Signature:
				if err := a.Verify(verifyKey(alg), input, sig); err != nil {
					t.Fatalf("gencrypto rejects the streamed signature: %v", err)
				}
				mine, err = a.Sign(testKeys()[alg].(crypto.Signer), input)
			}
			if err != nil {
				t.Fatal(err)
			}
			v := must(NewVerifier(verifyKey(alg), []string{alg}))
			own := jose.AppendBase64URL(append(append([]byte(nil), parts[0]...), '.', '.'), mine)
			if _, err := v.VerifyReader(own, bytes.NewReader(payload)); err != nil {
				t.Fatalf("VerifyReader rejects gencrypto's signature: %v", err)
			}
			// A changed payload or signature fails with the one opaque error.
			changed := append([]byte(nil), payload...)
			changed[len(changed)/2] ^= 1
			if _, err := v.VerifyReader(own, bytes.NewReader(changed)); !errors.Is(err, jose.ErrVerify) {
				t.Fatalf("VerifyReader(changed payload): %v, want ErrVerify", err)
			}
			mine[0] ^= 1
			bad := jose.AppendBase64URL(append(append([]byte(nil), parts[0]...), '.', '.'), mine)
			if _, err := v.VerifyReader(bad, bytes.NewReader(payload)); !errors.Is(err, jose.ErrVerify) {
				t.Fatalf("VerifyReader(changed signature): %v, want ErrVerify", err)
			}
		})
	}
}

// failingSigner is a token whose signing fails (removed, locked).
type failingSigner struct{ crypto.Signer }

var errTokenGone = errors.New("token removed")

func (failingSigner) Sign(io.Reader, []byte, crypto.SignerOpts) ([]byte, error) {
	return nil, errTokenGone
}

// TestStreamSignerFailure: a failing signer is reported by SignReader as by
// Sign: a jose.ErrKey that still carries the signer's own error.
func TestStreamSignerFailure(t *testing.T) {
	for _, alg := range []string{"RS256", "PS384", "ES256", "ES512", "EdDSA"} {
		sk := SigningKey{Alg: alg, Key: failingSigner{testKeys()[alg].(crypto.Signer)}}
		_, err := SignReader(bytes.NewReader([]byte("payload")), sk, &SignOptions{Unencoded: true})
		if !errors.Is(err, jose.ErrKey) || !errors.Is(err, errTokenGone) {
			t.Errorf("%s SignReader: %v, want jose.ErrKey wrapping the signer's error", alg, err)
		}
		_, err = Sign([]byte("payload"), sk, nil)
		if !errors.Is(err, jose.ErrKey) || !errors.Is(err, errTokenGone) {
			t.Errorf("%s Sign: %v, want jose.ErrKey wrapping the signer's error", alg, err)
		}
	}
}

// TestStreamStateWrongKey: a key that does not fit the algorithm, reaching
// the stream state directly, is the opaque verification error, never a
// panic, as gencrypto binds keys before computing.
func TestStreamStateWrongKey(t *testing.T) {
	for _, tc := range []struct{ alg, keyOf string }{
		{"ES256", "ES384"}, {"ES256", "RS256"}, {"RS256", "ES256"}, {"PS256", "EdDSA"}, {"EdDSA", "ES256"},
	} {
		a, err := lookupAlg([]byte(tc.alg))
		if err != nil {
			t.Fatal(err)
		}
		ss, err := newStreamState(a, nil, 1<<10)
		if err != nil {
			t.Fatal(err)
		}
		ss.Write([]byte("input"))
		if err := ss.verify(nil, verifyKey(tc.keyOf), make([]byte, 64)); err != errVerify {
			t.Errorf("%s with a %s key: %v, want errVerify", tc.alg, tc.keyOf, err)
		}
		if err := ss.verify(nil, nil, make([]byte, 64)); err != errVerify {
			t.Errorf("%s with no key: %v, want errVerify", tc.alg, err)
		}
	}
}
