package jws_test

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"math/rand/v2"
	"os"
	"sort"
	"strings"
	"testing"

	"github.com/lwscrypto/lwscrypto/jose"
	"github.com/lwscrypto/lwscrypto/jose/jws"
)

// headerPool is what the generated protected headers are made of: members
// with valid and invalid values, duplicates, case variants and escapes.
var headerPool = []string{
	`"alg":"HS256"`, `"alg":"HS256"`, `"alg":"HS256"`, `"alg":"hs256"`, `"alg":"none"`, `"alg":null`, `"alg":["HS256"]`, `"Alg":"HS256"`, `"\u0061lg":"HS256"`,
	`"kid":"k1"`, `"kid":1`, `"kid":null`, `"kid":""`, `"kid":"k\u0000"`,
	`"typ":"JWT"`, `"typ":1`, `"typ":null`, `"cty":"json"`, `"cty":{}`,
	`"b64":true`, `"b64":false`, `"b64":"false"`, `"b64":null`, `"b64":0`,
	`"crit":["b64"]`, `"crit":["x"]`, `"crit":[]`, `"crit":"b64"`, `"crit":["b64","b64"]`, `"crit":["alg"]`, `"crit":null`, `"crit":["b64","x"]`,
	`"x":1`, `"x":{"y":[1,2,{}]}`, `"jku":"https://attacker.example/jwks"`, `"x5u":"https://attacker.example/x"`, `"x5c":["AAAA"]`, `"x5c":"x"`,
	`"x5t":"AAAA"`, `"x5t#S256":1`, `"jwk":{"kty":"oct","k":"AAAA"}`, `"jwk":1`, `"nonce":"n"`, `"zip":"DEF"`, `"enc":"A128GCM"`,
	`"url":"https://x"`, `"iss":"x"`, `"exp":1`, `"b64" :true`, `"crit":["exp"]`,
}

// genHeader returns a random protected header.
func genHeader(rng *rand.Rand) string {
	n := rng.IntN(5)
	ms := []string{`"alg":"HS256"`}
	for i := 0; i < n; i++ {
		ms = append(ms, headerPool[rng.IntN(len(headerPool))])
	}
	rng.Shuffle(len(ms), func(i, j int) { ms[i], ms[j] = ms[j], ms[i] })
	if rng.IntN(8) == 0 {
		ms = ms[1:] // no alg at all, sometimes
	}
	return "{" + strings.Join(ms, ",") + "}"
}

func hs256(secret []byte, input string) string {
	m := hmac.New(sha256.New, secret)
	m.Write([]byte(input))
	return base64.RawURLEncoding.EncodeToString(m.Sum(nil))
}

// TestDifferentialGoJoseHeaders: correctly MACed HS256 tokens under random
// protected headers (and, in flattened JSON, random unprotected ones), with
// the payload encoded or not: Verify and go-jose v4 give the same verdict
// and payload, or the difference is explained:
//
//   - lwscrypto refuses (jose.ErrMalformed or jose.ErrCrit) what its
//     stricter header rules refuse and go-jose takes: a "b64", "typ",
//     "cty", "kid", "x5t" or "x5t#S256" of the wrong type or size, case
//     variants of one name, "b64" without "crit" listing it, "crit" empty,
//     repeating a name or naming an absent member, non-canonical base64url;
//   - lwscrypto accepts what go-jose refuses for reasons outside the
//     signature: "b64": false over a payload that happens to be base64url
//     text (go-jose cannot verify RFC 7797 payloads it did not make), an
//     embedded "jwk" with private material (ignored here unless
//     TrustEmbeddedJWK, which refuses private keys), an "x5c" that is not
//     a certificate (not parsed here: chain validation is package x509's),
//     an unprotected "nonce" (go-jose applies RFC 8555 §6.5.2 to every JWS;
//     here it is an ACME rule, and "nonce" means nothing to package jws).
func TestDifferentialGoJoseHeaders(t *testing.T) {
	secret := interopKeys()["HS256"].([]byte)
	v, err := jws.NewVerifier(secret, []string{"HS256"})
	if err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(3, 4))
	n := 2500
	if testing.Short() {
		n = 400
	}
	diffs := map[string]int{}
	for i := 0; i < n; i++ {
		h := genHeader(rng)
		hb := base64.RawURLEncoding.EncodeToString([]byte(h))
		u := ""
		if rng.IntN(3) == 0 {
			u = `,"header":{` + headerPool[rng.IntN(len(headerPool))] + `}`
		}
		for _, raw := range []bool{false, true} {
			p := "eyJzdWIiOiJhbGljZSJ9"
			if raw {
				p = `{"sub":"alice"}`
			}
			sig := hs256(secret, hb+"."+p)
			// The three serializations of one signature (no unprotected
			// header) get one verdict from Verify. (Not always one error:
			// the JSON parser decodes an encoded payload before the
			// header is judged, compact verification after.)
			jp := strings.ReplaceAll(p, `"`, `\"`)
			var verdicts []error
			for _, m := range []string{hb + "." + p + "." + sig,
				`{"payload":"` + jp + `","protected":"` + hb + `","signature":"` + sig + `"}`,
				`{"payload":"` + jp + `","signatures":[{"protected":"` + hb + `","signature":"` + sig + `"}]}`} {
				_, err := v.Verify([]byte(m))
				verdicts = append(verdicts, err)
			}
			for _, e := range verdicts[1:] {
				if (e == nil) != (verdicts[0] == nil) {
					t.Errorf("%s raw=%v: compact, flattened, general: %v", h, raw, verdicts)
				}
			}
			for _, msg := range []string{hb + "." + p + "." + sig,
				`{"payload":"` + strings.ReplaceAll(p, `"`, `\"`) + `","protected":"` + hb + `"` + u + `,"signature":"` + sig + `"}`} {
				ours, theirs, op, tp, oe, te := diffVerdict(t, v, secret, "HS256", []byte(msg))
				if ours && theirs && !bytes.Equal(op, tp) {
					t.Errorf("%s: payloads differ %q vs %q", msg, op, tp)
				}
				switch {
				case ours == theirs:
				case !ours && (errors.Is(oe, jose.ErrMalformed) || errors.Is(oe, jose.ErrCrit)):
					diffs["ours refuses: "+oe.Error()]++
				case ours && (strings.Contains(h, `"b64":false`) || strings.Contains(h+u, `"k":"AAAA"`) || strings.Contains(h+u, `"x5c":[`) || strings.Contains(u, `"nonce"`)):
					diffs["go-jose refuses: "+te.Error()]++
				default:
					t.Errorf("%s (%s): ours %v (%v), go-jose %v (%v)", msg, h, ours, oe, theirs, te)
				}
			}
		}
	}
	if os.Getenv("DIFFLOG") != "" {
		var ks []string
		for k := range diffs {
			ks = append(ks, k)
		}
		sort.Strings(ks)
		for _, k := range ks {
			t.Log(diffs[k], k)
		}
	}
}

// FuzzDifferentialGoJoseHeader: a correctly MACed HS256 token under any
// protected header (and payload part) gets the same verdict from Verify
// and go-jose v4 unless lwscrypto refuses it for a rule of its own
// (jose.ErrMalformed, jose.ErrCrit, jose.ErrLimit) or go-jose refuses it
// for a reason TestDifferentialGoJoseHeaders lists. When both accept, the
// payloads are equal.
func FuzzDifferentialGoJoseHeader(f *testing.F) {
	for _, h := range headerPool {
		f.Add(`{"alg":"HS256",`+h+`}`, "eyJzdWIiOiJhbGljZSJ9")
	}
	f.Add(`{"alg":"HS256","b64":false,"crit":["b64"]}`, "abc")
	secret := interopKeys()["HS256"].([]byte)
	v, err := jws.NewVerifier(secret, []string{"HS256"})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, h, p string) {
		hb := base64.RawURLEncoding.EncodeToString([]byte(h))
		msg := hb + "." + p + "." + hs256(secret, hb+"."+p)
		ours, theirs, op, tp, oe, te := diffVerdict(t, v, secret, "HS256", []byte(msg))
		switch {
		case ours && theirs:
			if !bytes.Equal(op, tp) {
				t.Errorf("%q: payloads differ %q vs %q", msg, op, tp)
			}
		case ours == theirs:
		case !ours && (errors.Is(oe, jose.ErrMalformed) || errors.Is(oe, jose.ErrCrit) || errors.Is(oe, jose.ErrLimit)):
		case ours && (strings.Contains(h, `"b64"`) || strings.Contains(h, `"jwk"`) || strings.Contains(h, `"x5c"`)):
		default:
			t.Errorf("%q (%q): ours %v (%v), go-jose %v (%v)", msg, h, ours, oe, theirs, te)
		}
	})
}
