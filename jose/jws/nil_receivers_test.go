package jws_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/lwscrypto/lwscrypto/internal/testenv"

	"github.com/lwscrypto/lwscrypto/jose"
	"github.com/lwscrypto/lwscrypto/jose/jwk"
	"github.com/lwscrypto/lwscrypto/jose/jws"
)

// TestNilReceiversNoPanic calls every exported function and method of jws
// with a nil receiver, nil keys and nil or empty input: each returns an
// error wrapping the package's sentinel for it (jose.ErrKey for a missing
// key or a nil Verifier or Signer, jose.ErrMalformed for a nil message,
// signature or reader), or a documented no-op value. On the base every
// method of a nil *Verifier, *Signer and *Message panicked, and so did
// SignReader and VerifyReader with a nil io.Reader, and Compact and JSON
// of a Message holding a nil Signature; JSON wrote a signature with no
// header at all, which ParseJSON refuses.
func TestNilReceiversNoPanic(t *testing.T) {
	var (
		m   *jws.Message
		s   *jws.Signer
		v   *jws.Verifier
		ctx = context.Background()
	)
	hs := []byte("0123456789abcdef0123456789abcdef")
	good, err := jws.NewVerifier(hs, []string{"HS256"})
	if err != nil {
		t.Fatal(err)
	}
	errIs, eq := testenv.ErrorIs, testenv.Prints
	isKey, isMal := errIs(jose.ErrKey), errIs(jose.ErrMalformed)
	const jsonMsg = `{"payload":"","signatures":[{"protected":"eyJhbGciOiJIUzI1NiJ9","signature":""}]}`
	for _, tc := range []struct {
		name  string
		call  func() any
		check func(any) error
	}{
		{"Sign(zero SigningKey)", func() any { _, err := jws.Sign(nil, jws.SigningKey{}, nil); return err }, errIs(jose.ErrAlgorithm)},
		{"Sign(nil Key)", func() any { _, err := jws.Sign(nil, jws.SigningKey{Alg: "ES256"}, nil); return err }, isKey},
		{"Sign(nil *jwk.Key)", func() any {
			_, err := jws.Sign(nil, jws.SigningKey{Alg: "ES256", Key: (*jwk.Key)(nil)}, nil)
			return err
		}, isKey},
		{"SignJSON(no keys)", func() any { _, err := jws.SignJSON(nil, nil, false, nil); return err }, isKey},
		{"SignJSON(nil key)", func() any { _, err := jws.SignJSON(nil, []jws.SigningKey{{Alg: "HS256"}}, false, nil); return err }, isKey},
		{"SignReader(nil reader)", func() any {
			_, err := jws.SignReader(nil, jws.SigningKey{Alg: "HS256", Key: hs}, nil)
			return err
		}, isMal},
		{"Parse(nil)", func() any { _, err := jws.Parse(nil); return err }, isMal},
		{"ParseCompact(nil)", func() any { _, err := jws.ParseCompact(nil); return err }, isMal},
		{"ParseJSON(nil)", func() any { _, err := jws.ParseJSON(nil); return err }, isMal},
		{"NewSigner(zero)", func() any { _, err := jws.NewSigner(jws.SigningKey{}, nil); return err }, errIs(jose.ErrAlgorithm)},
		{"NewVerifier(nil)", func() any { _, err := jws.NewVerifier(nil, []string{"HS256"}); return err }, isKey},
		{"NewVerifier(nil *jwk.Key)", func() any { _, err := jws.NewVerifier((*jwk.Key)(nil), []string{"ES256"}); return err }, isKey},
		{"NewVerifier(nil *jwk.Set)", func() any { _, err := jws.NewVerifier((*jwk.Set)(nil), []string{"ES256"}); return err }, isKey},
		{"NewVerifier(nil *jwk.Remote)", func() any { _, err := jws.NewVerifier((*jwk.Remote)(nil), []string{"ES256"}); return err }, isKey},
		{"NewVerifier(nil algs)", func() any { _, err := jws.NewVerifier(hs, nil); return err }, errIs(jose.ErrAlgorithm)},

		{"Message.Compact", func() any { _, err := m.Compact(); return err }, isMal},
		{"Message.Detached", func() any { return m.Detached() }, eq(false)},
		{"Message.Encoded", func() any { return m.Encoded() }, eq(false)},
		{"Message.JSON", func() any { _, err := m.JSON(false); return err }, isMal},
		{"Message.JSON(flattened)", func() any { _, err := m.JSON(true); return err }, isMal},
		{"Message.UnverifiedPayload", func() any { p, ok := m.UnverifiedPayload(); return p == nil && !ok }, eq(true)},
		{"nil Signature: Compact", func() any { _, err := (&jws.Message{Signatures: []*jws.Signature{nil}}).Compact(); return err }, isMal},
		{"nil Signature: JSON", func() any { _, err := (&jws.Message{Signatures: []*jws.Signature{nil}}).JSON(false); return err }, isMal},
		{"headerless Signature: JSON", func() any { _, err := (&jws.Message{Signatures: []*jws.Signature{{}}}).JSON(false); return err }, isMal},

		{"Signer.AppendCompact", func() any { b, err := s.AppendCompact([]byte("x"), nil); return []any{string(b), err} }, func(v any) error {
			l := v.([]any)
			if l[0] != "x" {
				return fmt.Errorf("dst changed to %q", l[0])
			}
			return isKey(l[1])
		}},

		{"Verifier.AppendVerifyCompact", func() any { _, err := v.AppendVerifyCompact(nil, nil); return err }, isKey},
		{"Verifier.AppendVerifyCompactContext", func() any { _, err := v.AppendVerifyCompactContext(ctx, nil, nil); return err }, isKey},
		{"Verifier.Verify", func() any { _, err := v.Verify(nil); return err }, isKey},
		{"Verifier.VerifyContext", func() any { _, err := v.VerifyContext(ctx, nil); return err }, isKey},
		{"Verifier.VerifyAll", func() any { _, err := v.VerifyAll([]byte(jsonMsg)); return err }, isKey},
		{"Verifier.VerifyAllContext", func() any { _, err := v.VerifyAllContext(ctx, nil); return err }, isKey},
		{"Verifier.VerifyDetached", func() any { _, err := v.VerifyDetached(nil, nil); return err }, isKey},
		{"Verifier.VerifyDetachedContext", func() any { _, err := v.VerifyDetachedContext(ctx, nil, nil); return err }, isKey},
		{"Verifier.VerifyEach", func() any { _, _, err := v.VerifyEach([]byte(jsonMsg)); return err }, isKey},
		{"Verifier.VerifyEachContext", func() any { _, _, err := v.VerifyEachContext(ctx, nil); return err }, isKey},
		{"Verifier.VerifyReader", func() any { _, err := v.VerifyReader(nil, strings.NewReader("")); return err }, isKey},
		{"VerifyReader(nil reader)", func() any {
			_, err := good.VerifyReader([]byte("eyJhbGciOiJIUzI1NiJ9..AA"), nil)
			return err
		}, isMal},
	} {
		testenv.RunCall(t, tc.name, tc.call, tc.check)
	}
}
