package jws

import (
	"bytes"
	"testing"

	"github.com/lwscrypto/lwscrypto/jose"
)

// FuzzHeaderPaths: the fast header reader accepts a subset of what the slow
// one (jose.ParseHeader and slowHeader) accepts and decides identically on
// it: algorithm, kid, typ, b64 and no embedded key. It is an internal test
// because which reader ran cannot be seen through the API; the API-level
// agreement (AppendVerifyCompact against Verify, and a Verifier that
// remembers the header against a new one) is checked below on the same
// input.
func FuzzHeaderPaths(f *testing.F) {
	for _, s := range []string{
		`{"alg":"HS256"}`, `{"alg":"HS256","kid":"k"}`, `{"kid":"","alg":"HS256","typ":"JWT","cty":"x"}`,
		`{"alg":"HS\u003256","k\u0069d":"\u00e9"}`, ` {"alg":"HS256"} `, `{"alg":"HS256","kid":"a","kid":"b"}`,
		`{"alg":"HS256","Kid":"a"}`, `{"alg":"HS256","typ":""}`, `{"alg":"HS256","kid":null}`,
		`{"alg":"HS256","b64":true,"crit":["b64"]}`, `{"alg":"none"}`, `{"alg":"HS256"}x`, `{"alg":"HS256"}{}`,
		`{"alg":"HS256","\u212aid":"k"}`, "{\"alg\":\"HS256\",\"kid\":\"\xff\"}", `{"alg":"HS256","kid":"\ud800"}`,
		// headers no Verifier accepts, whatever its options (headerRules)
		`{"typ":"JWT"}`, `{"a\u006cg":"HS256"}`, `{"alg":"HS256","crit":[]}`, `{"alg":"HS256","crit":["alg"]}`,
		`{"alg":"HS256","crit":[""]}`, `{"alg":"HS256","crit":["b64","b64"],"b64":true}`,
		`{"alg":"HS256","b64":false}`, `{"alg":"HS256","crit":["exp"]}`,
	} {
		f.Add([]byte(s))
	}
	secret := testKeys()["HS256"].([]byte)
	v := must(NewVerifier(secret, []string{"HS256", "HS384"}))
	f.Fuzz(func(t *testing.T, raw []byte) {
		st := newState()
		var fast decision
		if v.fastHeader(st, raw, &fast) {
			h, err := jose.ParseHeader(bytes.Clone(raw))
			if err != nil {
				t.Fatalf("fast reader accepted %q, jose.ParseHeader refuses it: %v", raw, err)
			}
			var slow decision
			if err := v.slowHeader(h, &slow); err != nil {
				t.Fatalf("fast reader accepted %q, slowHeader refuses it: %v", raw, err)
			}
			if fast.alg != slow.alg || fast.hasKid != slow.hasKid || !bytes.Equal(fast.kid, slow.kid) ||
				(fast.typ == nil) != (slow.typ == nil) || !bytes.Equal(fast.typ, slow.typ) ||
				fast.b64 != slow.b64 || fast.jwk != nil || slow.jwk != nil {
				t.Fatalf("%q: fast %+v, slow %+v", raw, fast, slow)
			}
		}
		tok := []byte(hs256(string(raw), "x", secret))
		fresh := must(NewVerifier(secret, []string{"HS256", "HS384"}))
		_, errNew := fresh.AppendVerifyCompact(nil, tok)
		_, errAgain := fresh.AppendVerifyCompact(nil, tok) // the header remembered
		_, errOld := v.AppendVerifyCompact(nil, tok)       // another header remembered, or this one
		r, errVerify := fresh.Verify(tok)
		if (errNew == nil) != (errAgain == nil) || (errNew == nil) != (errOld == nil) {
			t.Fatalf("%q: new verifier %v, remembered %v, other %v", raw, errNew, errAgain, errOld)
		}
		if errVerify == nil && errNew != nil && !(len(r.Header.Crit) > 0) {
			t.Fatalf("%q: Verify accepts, AppendVerifyCompact: %v", raw, errNew)
		}
		if errVerify != nil && errNew == nil {
			t.Fatalf("%q: AppendVerifyCompact accepts, Verify: %v", raw, errVerify)
		}
		// ParseCompact refuses only what no Verifier accepts
		if _, err := ParseCompact(tok); err != nil && (errVerify == nil || errNew == nil) {
			t.Fatalf("%q: ParseCompact refuses a token a Verifier accepts: %v", raw, err)
		}
	})
}
