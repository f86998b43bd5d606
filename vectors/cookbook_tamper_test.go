package vectors

import (
	"path/filepath"
	"testing"

	"github.com/lwscrypto/lwscrypto/internal/testenv"
	"github.com/lwscrypto/lwscrypto/jose/jwk"
	"github.com/lwscrypto/lwscrypto/jose/jws"
)

// acceptingVerifier is a broken verifier: it accepts every token, returning
// the result of the last one that really verified (or an empty result).
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
		return &jws.Result{}, nil
	}
	return a.last, nil
}

func (a *acceptingVerifier) VerifyDetached(msg, payload []byte) (*jws.Result, error) {
	r, err := a.v.VerifyDetached(msg, payload)
	if err == nil {
		a.last = r
	}
	if a.last == nil {
		return &jws.Result{}, nil
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

// alterSignature flips one bit of every signature, in every form.
func TestAlterSignature(t *testing.T) {
	for _, tc := range []struct{ form, in, want string }{
		{"compact", "a.b.AAAA", "a.b.AQAA"},
		{"compact", "a..AAAA", "a..AQAA"},
		{"json_flat", `{"payload":"b","protected":"a","signature":"AAAA"}`, `{"payload":"b","protected":"a","signature":"AQAA"}`},
		{"json", `{"payload":"b","signatures":[{"protected":"a","signature":"AAAA"}]}`, `{"payload":"b","signatures":[{"protected":"a","signature":"AQAA"}]}`},
		{"json", `{"signatures":[{"signature":"AAAA"},{"signature":"AAAA"}]}`, `{"signatures":[{"signature":"AQAA"},{"signature":"AQAA"}]}`},
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

// The RFC 7515 and RFC 7797 examples typed in are valid tokens too: a
// verifier accepting every signature used to pass them all.
func TestRFCJWSCatchesAcceptingVerifier(t *testing.T) {
	old := newCookbookVerifier
	t.Cleanup(func() { newCookbookVerifier = old })
	newCookbookVerifier = func(k *jwk.Key, algs []string) (cookbookVerifier, error) {
		v, err := jws.NewVerifier(k, algs)
		if err != nil {
			return nil, err
		}
		return &acceptingVerifier{v: v}, nil
	}
	res, err := runRFCJWS("", nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range res {
		// Every example but A.5 (alg "none", refused) has a signature.
		if r.Failed == 0 {
			t.Errorf("%s: a verifier accepting every signature passed (%+v)", r.Name, tallyOf(r))
		}
	}
}
