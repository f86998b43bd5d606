package jwt

import (
	"context"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/rsa"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/lwscrypto/lwscrypto/jose"
	"github.com/lwscrypto/lwscrypto/jose/jwk"
	"github.com/lwscrypto/lwscrypto/jose/jws"
)

// TestNilArgumentsAreErrors calls every exported function and method of
// the package that takes a pointer, a key, a token or a context with nil
// (or an empty token): each returns an error matching the sentinel named,
// or, for the Claims accessors, the zero answer, and none panics. On the
// base, Sign(nil, key), a nil *Signer's methods, a nil *Verifier's Verify
// and VerifyInto with a nil *Claims panicked (nil pointer dereference), as
// did every accessor of a nil *Claims.
func TestNilArgumentsAreErrors(t *testing.T) {
	good, err := Sign(claimSet(), hsKey())
	if err != nil {
		t.Fatal(err)
	}
	v := hsVerifier(t, Validator{AnyAudience: true})
	var nilSigner *Signer
	var nilVerifier *Verifier
	var nilClaims *Claims
	var nilCS *ClaimSet
	cases := []struct {
		name string
		want error
		call func() error
	}{
		{"Sign(nil, key)", jose.ErrMalformed, func() error { _, err := Sign(nil, hsKey()); return err }},
		{"Sign(cs, key without Key)", jose.ErrKey, func() error { _, err := Sign(claimSet(), jws.SigningKey{Alg: "HS256"}); return err }},
		{"Sign(cs, zero key)", jose.ErrKey, func() error { _, err := Sign(claimSet(), jws.SigningKey{}); return err }},
		{"NewSigner(zero key)", jose.ErrKey, func() error { _, err := NewSigner(jws.SigningKey{}); return err }},
		{"NewSigner(nil *jwk.Key)", jose.ErrKey, func() error { _, err := NewSigner(jws.SigningKey{Alg: "ES256", Key: (*jwk.Key)(nil)}); return err }},
		{"NewSigner(nil *ecdsa.PrivateKey)", jose.ErrKey, func() error {
			_, err := NewSigner(jws.SigningKey{Alg: "ES256", Key: (*ecdsa.PrivateKey)(nil)})
			return err
		}},
		{"NewSigner(nil *rsa.PrivateKey)", jose.ErrKey, func() error {
			_, err := NewSigner(jws.SigningKey{Alg: "RS256", Key: (*rsa.PrivateKey)(nil)})
			return err
		}},
		{"NewSigner(nil ed25519.PrivateKey)", jose.ErrKey, func() error {
			_, err := NewSigner(jws.SigningKey{Alg: "EdDSA", Key: ed25519.PrivateKey(nil)})
			return err
		}},
		{"NewSigner(nil []byte)", jose.ErrKey, func() error { _, err := NewSigner(jws.SigningKey{Alg: "HS256", Key: []byte(nil)}); return err }},
		{"nil Signer AppendSign", jose.ErrKey, func() error { _, err := nilSigner.AppendSign(nil, claimSet()); return err }},
		{"nil Signer AppendSignJSON", jose.ErrKey, func() error { _, err := nilSigner.AppendSignJSON(nil, []byte(`{}`)); return err }},
		{"Signer AppendSign(nil)", jose.ErrMalformed, func() error {
			s, err := NewSigner(hsKey())
			if err != nil {
				return err
			}
			_, err = s.AppendSign(nil, nil)
			return err
		}},
		{"Signer AppendSignJSON(nil)", jose.ErrMalformed, func() error {
			s, err := NewSigner(hsKey())
			if err != nil {
				return err
			}
			_, err = s.AppendSignJSON(nil, nil)
			return err
		}},
		{"nil ClaimSet AppendJSON", jose.ErrMalformed, func() error { _, err := nilCS.AppendJSON(nil); return err }},
		{"NewVerifier(nil key)", jose.ErrKey, func() error { _, err := NewVerifier(nil, []string{"HS256"}, Validator{}); return err }},
		{"NewVerifier(nil *jwk.Key)", jose.ErrKey, func() error { _, err := NewVerifier((*jwk.Key)(nil), []string{"ES256"}, Validator{}); return err }},
		{"NewVerifier(nil *jwk.Set)", jose.ErrKey, func() error { _, err := NewVerifier((*jwk.Set)(nil), []string{"ES256"}, Validator{}); return err }},
		{"NewVerifier(nil *jwk.Remote)", jose.ErrKey, func() error { _, err := NewVerifier((*jwk.Remote)(nil), []string{"ES256"}, Validator{}); return err }},
		{"NewVerifier(nil *ecdsa.PublicKey)", jose.ErrKey, func() error {
			_, err := NewVerifier((*ecdsa.PublicKey)(nil), []string{"ES256"}, Validator{})
			return err
		}},
		{"NewVerifier(nil *rsa.PublicKey)", jose.ErrKey, func() error { _, err := NewVerifier((*rsa.PublicKey)(nil), []string{"RS256"}, Validator{}); return err }},
		{"NewVerifier(nil ed25519.PublicKey)", jose.ErrKey, func() error {
			_, err := NewVerifier(ed25519.PublicKey(nil), []string{"EdDSA"}, Validator{})
			return err
		}},
		{"NewVerifier(nil []byte)", jose.ErrKey, func() error { _, err := NewVerifier([]byte(nil), []string{"HS256"}, Validator{}); return err }},
		{"NewVerifier(nil algs)", jose.ErrAlgorithm, func() error { _, err := NewVerifier(secret, nil, Validator{}); return err }},
		{"NewVerifier(nil option)", nil, func() error {
			_, err := NewVerifier(secret, []string{"HS256"}, Validator{Type: "JWT"}, nil)
			return err
		}},
		{"nil Verifier Verify", jose.ErrKey, func() error { _, err := nilVerifier.Verify(good); return err }},
		{"nil Verifier VerifyInto", jose.ErrKey, func() error { return nilVerifier.VerifyInto(context.Background(), good, new(Claims)) }},
		{"Verify(nil)", jose.ErrMalformed, func() error { _, err := v.Verify(nil); return err }},
		{"Verify(empty)", jose.ErrMalformed, func() error { _, err := v.Verify([]byte{}); return err }},
		{"VerifyInto(nil token)", jose.ErrMalformed, func() error { return v.VerifyInto(context.Background(), nil, new(Claims)) }},
		{"VerifyInto(nil Claims)", jose.ErrMalformed, func() error { return v.VerifyInto(context.Background(), good, nil) }},
		{"VerifyInto(nil ctx)", nil, func() error { return v.VerifyInto(nil, good, new(Claims)) }}, //nolint:staticcheck // the nil context is the test
		{"Inspect(nil)", jose.ErrMalformed, func() error { _, _, err := Inspect(nil); return err }},
		{"nil Claims Decode", jose.ErrMalformed, func() error { return nilClaims.Decode(new(map[string]any)) }},
		{"Claims Decode(nil)", jose.ErrMalformed, func() error {
			c, err := v.Verify(good)
			if err != nil {
				return err
			}
			return c.Decode(nil)
		}},
		{"nil Claims accessors", nil, func() error {
			if s, ok := nilClaims.Issuer(); s != "" || ok {
				return errors.New("Issuer")
			}
			if s, ok := nilClaims.Subject(); s != "" || ok {
				return errors.New("Subject")
			}
			if s, ok := nilClaims.ID(); s != "" || ok {
				return errors.New("ID")
			}
			if s, ok := nilClaims.Audience(); s != nil || ok {
				return errors.New("Audience")
			}
			if tm, ok := nilClaims.ExpiresAt(); !tm.Equal(time.Unix(0, 0)) || ok {
				return errors.New("ExpiresAt")
			}
			if tm, ok := nilClaims.NotBefore(); !tm.Equal(time.Unix(0, 0)) || ok {
				return errors.New("NotBefore")
			}
			if tm, ok := nilClaims.IssuedAt(); !tm.Equal(time.Unix(0, 0)) || ok {
				return errors.New("IssuedAt")
			}
			if b, ok := nilClaims.Get("sub"); b != nil || ok {
				return errors.New("Get")
			}
			if b, ok := nilClaims.Get("x"); b != nil || ok {
				return errors.New("Get")
			}
			if n := nilClaims.Names(); len(n) != 0 {
				return errors.New("Names")
			}
			return nil
		}},
		{"FromContext(nil)", nil, func() error {
			if c, ok := FromContext(nil); c != nil || ok { //nolint:staticcheck // the nil context is the test
				return errors.New("claims from a nil context")
			}
			return nil
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var err error
			func() {
				defer func() {
					if r := recover(); r != nil {
						err = fmt.Errorf("panic: %v", r)
					}
				}()
				err = tc.call()
			}()
			if tc.want == nil && err != nil || tc.want != nil && !errors.Is(err, tc.want) {
				t.Fatalf("got %v, want %v", err, tc.want)
			}
		})
	}
}
