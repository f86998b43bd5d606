package jwk_test

import (
	"context"
	"crypto"
	"fmt"
	"testing"

	"github.com/lwscrypto/lwscrypto/internal/testenv"

	"github.com/lwscrypto/lwscrypto/jose"
	"github.com/lwscrypto/lwscrypto/jose/jwk"
)

// TestNilReceiversNoPanic calls every exported method of jwk on a nil
// *Key, *Set and *Remote, and every constructor on nil or empty input.
// Methods that return an error return one wrapping jose.ErrKey (or the
// constructor's sentinel); accessors return the zero Key's values
// (documented on Key, Set and Remote). On the base every method of a nil
// *Key but Equal and String, of a nil *Set but LookupKid, and of a nil
// *Remote panicked.
func TestNilReceiversNoPanic(t *testing.T) {
	var (
		k   *jwk.Key
		s   *jwk.Set
		r   *jwk.Remote
		ctx = context.Background()
	)
	errIs, eq := testenv.ErrorIs, testenv.Prints
	isKey := errIs(jose.ErrKey)
	for _, tc := range []struct {
		name  string
		call  func() any
		check func(any) error
	}{
		{"Generate(\"\")", func() any { _, err := jwk.Generate("", nil); return err }, errIs(jose.ErrAlgorithm)},
		{"New(nil)", func() any { _, err := jwk.New(nil); return err }, isKey},
		{"Parse(nil)", func() any { _, err := jwk.Parse(nil); return err }, errIs(jose.ErrMalformed)},
		{"ParseDER(nil)", func() any { _, err := jwk.ParseDER("", nil); return err }, errIs(jose.ErrMalformed)},
		{"ParsePEM(nil)", func() any { _, err := jwk.ParsePEM(nil); return err }, errIs(jose.ErrMalformed)},
		{"ParseSet(nil)", func() any { _, err := jwk.ParseSet(nil); return err }, errIs(jose.ErrMalformed)},
		{"NewRemote(\"\")", func() any { _, err := jwk.NewRemote("", jwk.RemoteOptions{}); return err }, isKey},

		{"Key.AppendJSON", func() any { b, err := k.AppendJSON([]byte("x")); return []any{string(b), err} }, func(v any) error {
			l := v.([]any)
			if l[0] != "x" {
				return fmt.Errorf("dst changed to %q", l[0])
			}
			return isKey(l[1])
		}},
		{"Key.AppendThumbprintInput", func() any { return string(k.AppendThumbprintInput([]byte("x"))) }, eq("x")},
		{"Key.Bits", func() any { return k.Bits() }, eq(0)},
		{"Key.CheckUse", func() any { return k.CheckUse("ES256", jwk.OpVerify) }, isKey},
		{"Key.Curve", func() any { return k.Curve() }, eq("")},
		{"Key.ECDHPrivate", func() any { _, err := k.ECDHPrivate(); return err }, isKey},
		{"Key.ECDHPublic", func() any { _, err := k.ECDHPublic(); return err }, isKey},
		{"Key.Equal", func() any { return k.Equal(nil) }, eq(false)},
		{"Key.Extra", func() any { return len(k.Extra()) }, eq(0)},
		{"Key.IsPrivate", func() any { return k.IsPrivate() }, eq(false)},
		{"Key.KeyType", func() any { return k.KeyType() }, eq("")},
		{"Key.MarshalDER", func() any { _, _, err := k.MarshalDER(); return err }, isKey},
		{"Key.MarshalJSON", func() any { _, err := k.MarshalJSON(); return err }, isKey},
		{"Key.MarshalLegacyDER", func() any { _, _, err := k.MarshalLegacyDER(); return err }, isKey},
		{"Key.MarshalPEM", func() any { _, err := k.MarshalPEM(); return err }, isKey},
		{"Key.PrivateKey", func() any { return k.PrivateKey() == nil }, eq(true)},
		{"Key.Public", func() any { return k.Public() == nil }, eq(true)},
		{"Key.PublicKey", func() any { _, err := k.PublicKey(); return err }, isKey},
		{"Key.Secret", func() any { return k.Secret() == nil }, eq(true)},
		{"Key.Signer", func() any { s, ok := k.Signer(); return s == nil && !ok }, eq(true)},
		{"Key.String", func() any { return k.String() }, eq("<nil>")},
		{"Key.Thumbprint", func() any { _, err := k.Thumbprint(crypto.SHA256); return err }, isKey},
		{"Key.ThumbprintURI", func() any { _, err := k.ThumbprintURI(crypto.SHA256); return err }, isKey},
		{"zero Key.MarshalPEM", func() any { _, err := (&jwk.Key{}).MarshalPEM(); return err }, isKey},

		{"Set.AppendJSON", func() any { _, err := s.AppendJSON(nil); return err }, isKey},
		{"Set.Candidates", func() any { return len(s.Candidates("", false, "ES256", jwk.OpVerify, false)) }, eq(0)},
		{"Set.Check", func() any { return s.Check() }, isKey},
		{"Set.LookupKid", func() any { _, ok := s.LookupKid("a"); return ok }, eq(false)},
		{"Set.MarshalJSON", func() any { _, err := s.MarshalJSON(); return err }, isKey},
		{"Set.PublicSet", func() any { _, err := s.PublicSet(); return err }, isKey},

		{"Remote.Candidates", func() any { _, err := r.Candidates(ctx, "a", true, "ES256", jwk.OpVerify, false); return err }, errIs(jwk.ErrFetch)},
		{"Remote.Err", func() any { return r.Err() }, isKey},
		{"Remote.Fetches", func() any { return r.Fetches() }, eq(0)},
		{"Remote.LookupKid", func() any { _, err := r.LookupKid(ctx, "a"); return err }, isKey},
		{"Remote.Refresh", func() any { _, err := r.Refresh(ctx); return err }, isKey},
		{"Remote.Set", func() any { _, err := r.Set(ctx); return err }, isKey},
		{"Remote.URL", func() any { return r.URL() }, eq("")},
	} {
		testenv.RunCall(t, tc.name, tc.call, tc.check)
	}
}
