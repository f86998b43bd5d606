package jws

import (
	"bytes"
	"testing"

	"github.com/lwscrypto/lwscrypto/jose/jwk"
)

// TestAttack16IndexEveryEntryPoint (catalog row 16): in a general JSON JWS
// of three signatures of which only one is by the trusted key, every
// entry point that returns a Result — Verify, VerifyDetached and the
// streaming VerifyReader — names that signature (Index, Header, Key),
// whether it comes first, in the middle or last. Before, VerifyReader
// could answer with the first signature's index and header, and Verify
// with the last's, and no test failed (mutation audit): the only test had
// the trusted signature last, and none streamed several signatures.
func TestAttack16IndexEveryEntryPoint(t *testing.T) {
	trusted, _ := jwk.Generate("ES256", nil)
	trusted.Kid = "trusted"
	tp, _ := trusted.PublicKey()
	u1, _ := jwk.Generate("ES256", nil)
	u1.Kid = "untrusted-1"
	u2, _ := jwk.Generate("HS256", nil)
	u2.Kid = "untrusted-2"
	v := must(NewVerifier(tp, []string{"ES256", "HS256"}))
	payload := []byte(`{"sub":"x"}`)
	for pos := range 3 {
		keys := []SigningKey{{Alg: "ES256", Key: u1}, {Alg: "HS256", Key: u2}}
		keys = append(keys[:pos], append([]SigningKey{{Alg: "ES256", Key: trusted}}, keys[pos:]...)...)
		check := func(api string, r *Result, err error) {
			t.Helper()
			if err != nil {
				t.Errorf("trusted signature at %d, %s: %v", pos, api, err)
				return
			}
			if r.Index != pos || r.Header.Kid != "trusted" || r.Key != tp {
				t.Errorf("trusted signature at %d, %s: Index %d, kid %q, key %v", pos, api, r.Index, r.Header.Kid, r.Key)
			}
		}
		attached := mustBytes(SignJSON(payload, keys, false, nil))
		r, err := v.Verify(attached)
		check("Verify", r, err)
		if err == nil && !bytes.Equal(r.Payload, payload) {
			t.Errorf("trusted signature at %d: payload %q", pos, r.Payload)
		}
		detached := mustBytes(SignJSON(payload, keys, false, &SignOptions{Detached: true}))
		r, err = v.VerifyDetached(detached, payload)
		check("VerifyDetached", r, err)
		r, err = v.VerifyReader(detached, bytes.NewReader(payload))
		check("VerifyReader", r, err)
		each, _, err := v.VerifyEach(attached)
		for i, e := range each {
			if (e.Err == nil) != (i == pos) || e.Index != i || e.Header.Kid != keys[i].Key.(*jwk.Key).Kid {
				t.Errorf("trusted signature at %d, VerifyEach[%d]: %+v (%v)", pos, i, e, err)
			}
		}
	}
}
