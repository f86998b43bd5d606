package jwt

import (
	"testing"

	"github.com/lwscrypto/lwscrypto/jose"
	"github.com/lwscrypto/lwscrypto/jose/jws"
)

// TestSignerProtectedType: NewSigner writes "typ": "JWT" unless the key
// names a type itself, and a "typ" given as a Protected member names one,
// as Type or Header does (RFC 9068's "at+jwt" is a common one). On 383bbff
// NewSigner added Type "JWT" beside it, and the header writer refused the
// repeated "typ": no signer could be made for such a key, which
// jws.NewSigner takes.
func TestSignerProtectedType(t *testing.T) {
	for name, tc := range map[string]struct {
		key  jws.SigningKey
		want string
	}{
		"Type":      {jws.SigningKey{Alg: "HS256", Key: secret, Type: "at+jwt"}, "at+jwt"},
		"Protected": {jws.SigningKey{Alg: "HS256", Key: secret, Protected: []jose.Member{{Name: "typ", Value: []byte(`"at+jwt"`)}}}, "at+jwt"},
		"Header":    {jws.SigningKey{Alg: "HS256", Key: secret, Header: []byte(`{"alg":"HS256","typ":"at+jwt"}`)}, "at+jwt"},
		"none":      {jws.SigningKey{Alg: "HS256", Key: secret}, "JWT"},
		"other":     {jws.SigningKey{Alg: "HS256", Key: secret, Protected: []jose.Member{{Name: "x", Value: []byte(`1`)}}}, "JWT"},
	} {
		tok, err := Sign(claimSet(), tc.key)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		h, _, err := Inspect(tok)
		if err != nil || h.Typ != tc.want {
			t.Errorf("%s: header %q, %v; want typ %q", name, h.Raw, err, tc.want)
			continue
		}
		if _, err := hsVerifier(t, Validator{Audience: "api", Type: tc.want}).Verify(tok); err != nil {
			t.Errorf("%s: Verify with Type %q: %v", name, tc.want, err)
		}
	}
}
