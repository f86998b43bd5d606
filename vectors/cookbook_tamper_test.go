package vectors

import (
	"path/filepath"
	"testing"

	"github.com/lwscrypto/lwscrypto/internal/testenv"
	"github.com/lwscrypto/lwscrypto/jose/jwk"
	"github.com/lwscrypto/lwscrypto/jose/jws"
)

// acceptingVerifier is a broken verifier: it returns the result of the last
// token that really verified for any token it is given.
type acceptingVerifier struct {
	v    *jws.Verifier
	last *jws.Result
}

func (a *acceptingVerifier) Verify(msg []byte) (*jws.Result, error) {
	r, err := a.v.Verify(msg)
	if err == nil {
		a.last = r
	}
	if a.last == nil {
		return r, err
	}
	return a.last, nil
}

func (a *acceptingVerifier) VerifyDetached(msg, payload []byte) (*jws.Result, error) {
	r, err := a.v.VerifyDetached(msg, payload)
	if err == nil {
		a.last = r
	}
	if a.last == nil {
		return r, err
	}
	return a.last, nil
}

// The cookbook examples are all valid tokens, so a verifier that accepted
// every signature used to pass the whole JWS cookbook. Each verified form
// now also requires the same token with an altered signature to be
// refused with jose.ErrVerify.
func TestCookbookJWSRunnerCatchesAcceptingVerifier(t *testing.T) {
	src := testenv.VectorsFile(t, "jose-cookbook")
	old := newCookbookVerifier
	t.Cleanup(func() { newCookbookVerifier = old })
	newCookbookVerifier = func(k *jwk.Key, algs []string) (cookbookVerifier, error) {
		v, err := jws.NewVerifier(k, algs)
		if err != nil {
			return nil, err
		}
		return &acceptingVerifier{v: v}, nil
	}
	for _, f := range []string{
		"jws/4_1.rsa_v15_signature.json",
		"jws/4_3.ecdsa_signature.json",
		"jws/4_4.hmac-sha2_integrity_protection.json",
		"jws/4_5.signature_with_detached_content.json",
		"rfc7797/hmac-sha2_b64_false.json",
	} {
		r := runCookbookJWSFile(filepath.Join(src, filepath.FromSlash(f)), f)
		if r.Failed == 0 {
			t.Errorf("%s: a verifier accepting every signature passed (%+v)", f, tallyOf(r))
		}
	}
	newCookbookVerifier = old
	r := runCookbookJWSFile(filepath.Join(src, "jws", "4_1.rsa_v15_signature.json"), "4_1")
	if r.Failed != 0 {
		t.Errorf("the real verifier failed: %v", r.Failures)
	}
}

// alterSignature flips one bit of the signature of every form.
func TestAlterSignature(t *testing.T) {
	for _, tc := range []struct{ form, in, want string }{
		{"compact", "a.b.AAAA", "a.b.AQAA"},
		{"compact", "a..AAAA", "a..AQAA"},
		{"json_flat", `{"payload":"b","protected":"a","signature":"AAAA"}`, `{"payload":"b","protected":"a","signature":"AQAA"}`},
		{"json", `{"payload":"b","signatures":[{"protected":"a","signature":"AAAA"}]}`, `{"payload":"b","signatures":[{"protected":"a","signature":"AQAA"}]}`},
	} {
		got, ok := alterSignature(tc.form, []byte(tc.in))
		if !ok || string(got) != tc.want {
			t.Errorf("%s %s: got %s %v, want %s", tc.form, tc.in, got, ok, tc.want)
		}
	}
	for _, in := range []string{"a.b.", "a.b.!!", `{"payload":"b"}`, `{"signature":""}`} {
		if got, ok := alterSignature("compact", []byte(in)); ok && in[0] != '{' {
			t.Errorf("%s: altered to %s", in, got)
		}
		if got, ok := alterSignature("json", []byte(in)); ok && in[0] == '{' {
			t.Errorf("%s: altered to %s", in, got)
		}
	}
}
