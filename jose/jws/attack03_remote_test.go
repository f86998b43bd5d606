package jws

import (
	"crypto/ecdsa"
	"crypto/rsa"
	"crypto/x509"
	"testing"

	"github.com/lwscrypto/lwscrypto/jose/jwk"
)

// TestAttack03RemoteKeyAlgBinding (catalog rows 3 and 2): a key fetched
// through a *jwk.Remote is bound to its "alg" and "use" and to its key
// type exactly as a key given directly is. The JWKS holds an RSA key with
// "alg": "RS256" and an EC key with "alg": "ES384"; a PS256 token signed by
// the RSA key, an ES256 token signed by the EC key (each valid under the
// token's alg), an HS256 token MACed with the RSA key's DER, and tokens
// naming a "use": "enc" key all fail on every entry point, with and
// without a "kid". Before, removing both the key-set filter
// (Set.Candidates' CheckUse) and the verifier's per-key binding on the
// remote path failed no test (mutation audit).
func TestAttack03RemoteKeyAlgBinding(t *testing.T) {
	rk := testKeys()["RS256"].(*rsa.PrivateKey)
	ek := testKeys()["ES256"].(*ecdsa.PrivateKey)
	rj, _ := jwk.New(&rk.PublicKey)
	rj.Alg, rj.Kid = "RS256", "r"
	ej, _ := jwk.New(&ek.PublicKey)
	ej.Alg, ej.Kid = "ES384", "e" // wrong on purpose: the key says ES384
	uj, _ := jwk.New(&rk.PublicKey)
	uj.Use, uj.Kid = "enc", "u"
	body, err := (&jwk.Set{Keys: []*jwk.Key{rj, ej, uj}}).AppendJSON(nil)
	if err != nil {
		t.Fatal(err)
	}
	remote := serveJWKS(t, body)
	v, err := NewVerifier(remote, []string{"RS256", "PS256", "ES256", "HS256"})
	if err != nil {
		t.Fatal(err)
	}
	der, _ := x509.MarshalPKIXPublicKey(&rk.PublicKey)
	forged := map[string][]byte{
		"HS256 MACed with the RSA key's DER, kid r": hs256(`{"alg":"HS256","kid":"r"}`, `{"sub":"admin"}`, der),
		"HS256 MACed with the RSA key's DER":        hs256(`{"alg":"HS256"}`, `{"sub":"admin"}`, der),
	}
	for _, kid := range []string{"", "r", "e", "u"} {
		forged["PS256 kid "+kid] = mustBytes(Sign([]byte("x"), SigningKey{Alg: "PS256", Key: rk, KeyID: kid}, nil))
		forged["ES256 kid "+kid] = mustBytes(Sign([]byte("x"), SigningKey{Alg: "ES256", Key: ek, KeyID: kid}, nil))
	}
	forged["RS256 kid u"] = mustBytes(Sign([]byte("x"), SigningKey{Alg: "RS256", Key: rk, KeyID: "u"}, nil))
	for name, tok := range forged {
		for api, err := range everyEntryPoint(v, tok) {
			if err == nil {
				t.Errorf("%s verified by %s through the remote set", name, api)
			}
		}
	}
	// The binding is what refuses them: the key's own alg verifies.
	for _, kid := range []string{"", "r"} {
		tok := mustBytes(Sign([]byte("x"), SigningKey{Alg: "RS256", Key: rk, KeyID: kid}, nil))
		if _, err := v.Verify(tok); err != nil {
			t.Errorf("RS256 token, kid %q: %v", kid, err)
		}
	}
}
