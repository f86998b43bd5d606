package vectors

// Wycheproof json_web_crypto_test.json mixes JWS and JWE groups. Its JWS
// groups (HS256, ES256 and RS256 keys, a ROCA key, JWK Sets) are judged
// here, through jose/jwk and the compact verifier, as WycheproofJWS judges
// json_web_signature_test.json; its JWE groups are skipped until JWE is
// built.

import (
	"bytes"
	"encoding/json"
	"fmt"
	"path/filepath"

	"github.com/lwscrypto/lwscrypto/jose/jwk"
	"github.com/lwscrypto/lwscrypto/jose/jws"
)

// wycheproofJWCrypto runs json_web_crypto_test.json (path).
//
// A JWS group's key is its "public" member, or its "private" one when that
// is absent or null (the oct keys); a JWK Set ({"keys": [...]}) gives a
// verifier over the set, allowing every JWS algorithm, and a single key a
// verifier allowing only the key's "alg". Tokens are verified with the
// compact-only API (Verifier.AppendVerifyCompact, the one JWTs use): the
// file's "rejectsValidJsonSerialization" case, whose "jws" is a JSON object,
// must be refused, and is given to the verifier as its JSON text. "valid"
// must verify, "invalid" must be rejected; any other result fails.
func wycheproofJWCrypto(path string) Result {
	res := Result{Name: "wycheproof/" + filepath.Base(path)}
	var f struct {
		TestGroups []struct {
			Comment string          `json:"comment"`
			Private json.RawMessage `json:"private"`
			Public  json.RawMessage `json:"public"`
			Tests   []struct {
				TcID    int             `json:"tcId"`
				Comment string          `json:"comment"`
				JWS     json.RawMessage `json:"jws"`
				JWE     json.RawMessage `json:"jwe"`
				Result  string          `json:"result"`
				Flags   []string        `json:"flags"`
			} `json:"tests"`
		} `json:"testGroups"`
	}
	if err := loadJSON(path, &f); err != nil {
		res.Fail("file: %v", err)
		return res
	}
	for _, g := range f.TestGroups {
		var v *jws.Verifier
		var kerr error
		isJWS := false
		for _, t := range g.Tests {
			isJWS = isJWS || len(t.JWS) > 0
		}
		if isJWS {
			v, kerr = jwCryptoVerifier(g.Public, g.Private)
		}
		for _, t := range g.Tests {
			id := fmt.Sprintf("tcId %d (%s, %s)", t.TcID, g.Comment, t.Comment)
			switch {
			case len(t.JWS) == 0 && len(t.JWE) > 0:
				res.Skip("JWE case: JWE is not built yet")
				continue
			case len(t.JWS) == 0:
				res.Fail("%s: neither \"jws\" nor \"jwe\"", id)
				continue
			}
			tok := []byte(t.JWS)
			var s string
			if json.Unmarshal(t.JWS, &s) == nil {
				tok = []byte(s)
			}
			err := kerr
			if err == nil {
				_, err = v.AppendVerifyCompact(nil, tok)
			}
			judgeToken(&res, id, t.Result, t.Flags, err)
		}
	}
	return res
}

// jwCryptoVerifier builds the verifier of a JWS group from its public key,
// or its private key when the public one is absent or null.
func jwCryptoVerifier(public, private json.RawMessage) (*jws.Verifier, error) {
	raw := public
	if len(bytes.TrimSpace(raw)) == 0 || string(bytes.TrimSpace(raw)) == "null" {
		raw = private
	}
	var probe struct {
		Keys json.RawMessage `json:"keys"`
	}
	if json.Unmarshal(raw, &probe) == nil && len(probe.Keys) > 0 {
		set, err := jwk.ParseSet(raw)
		if err != nil {
			return nil, err
		}
		return jws.NewVerifier(set, jws.Algorithms())
	}
	key, err := jwk.Parse(raw)
	if err != nil {
		return nil, err
	}
	algs := jws.Algorithms()
	if key.Alg != "" {
		algs = []string{key.Alg}
	}
	return jws.NewVerifier(key, algs)
}
