package vectors

// The Wycheproof files whose keys are JWKs — ECDH webcrypto (P-256, P-384,
// P-521), X25519 JWK and the legacy ECDSA webcrypto file — run a second time
// with the keys read by jose/jwk instead of the Wycheproof runner's minimal
// reader, so the JOSE key parser is proven on every key of those files and
// on what is computed with it. Results are named "wycheproof/<file> (jwk)".
//
// A secp256k1 ("P-256K") JWK must be refused by jwk.Parse with
// jose.ErrKey for its curve, and its case is then skipped: ES256K is not built yet
// (gencrypto's "Not supported, and why"), which is not a refusal by
// design. A legacy ECDSA case signed with a hash that is not its curve's
// in JOSE is refused as expected: it must not verify under the curve's ES
// algorithm: only a failed verification (gencrypto.ErrVerify) is that
// refusal. As in the Wycheproof runner, an ECDSA case is rejected only by
// a failed verification: the group's JWK is valid, so jose/jwk refusing it,
// or the registry refusing a key or an input, fails the case.

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/lwscrypto/lwscrypto/gencrypto"
	"github.com/lwscrypto/lwscrypto/jose"
	"github.com/lwscrypto/lwscrypto/jose/jwk"
)

// WycheproofJWKKeyed runs the JWK-keyed Wycheproof files through jose/jwk.
var WycheproofJWKKeyed = Runner{Name: "wycheproof", Run: runWycheproofJWKKeyed}

// jwkKeyedFiles are the files WycheproofJWKKeyed runs, relative to the
// wycheproof folder.
var jwkKeyedFiles = []string{
	"testvectors_v1/ecdh_secp256r1_webcrypto_test.json",
	"testvectors_v1/ecdh_secp384r1_webcrypto_test.json",
	"testvectors_v1/ecdh_secp521r1_webcrypto_test.json",
	"testvectors_v1/ecdh_secp256k1_webcrypto_test.json",
	"testvectors_v1/x25519_jwk_test.json",
	"testvectors_legacy/ecdsa_webcrypto_test.json",
}

func runWycheproofJWKKeyed(dir string, progress func(string)) ([]Result, error) {
	var out []Result
	for _, rel := range jwkKeyedFiles {
		if progress != nil {
			progress(filepath.Base(rel) + " (jwk)")
		}
		p := filepath.Join(dir, filepath.FromSlash(rel))
		if _, err := os.Stat(p); err != nil {
			return nil, fmt.Errorf("vectors: %w", err)
		}
		out = append(out, wycheproofJWKKeyed(p))
	}
	return out, nil
}

type keyedTest struct {
	TcID    int             `json:"tcId"`
	Comment string          `json:"comment"`
	Flags   []string        `json:"flags"`
	Public  json.RawMessage `json:"public"`
	Private json.RawMessage `json:"private"`
	Shared  hexBytes        `json:"shared"`
	Msg     hexBytes        `json:"msg"`
	Sig     hexBytes        `json:"sig"`
	Result  string          `json:"result"`
}

// wycheproofJWKKeyed runs one JWK-keyed file.
func wycheproofJWKKeyed(path string) Result {
	name := filepath.Base(path)
	if filepath.Base(filepath.Dir(path)) == "testvectors_legacy" {
		name = "legacy/" + name
	}
	r := Result{Name: "wycheproof/" + name + " (jwk)"}
	var file struct {
		NumberOfTests int `json:"numberOfTests"`
		TestGroups    []struct {
			Type   string          `json:"type"`
			Curve  string          `json:"curve"`
			JWK    json.RawMessage `json:"jwk"`
			KeyPem string          `json:"keyPem"`
			SHA    string          `json:"sha"`
			Tests  []keyedTest     `json:"tests"`
		} `json:"testGroups"`
	}
	if err := loadJSON(path, &file); err != nil {
		r.Fail("%v", err)
		return r
	}
	for _, g := range file.TestGroups {
		switch g.Type {
		case "EcdhWebcryptoTest", "XdhJwkComp":
			ka := map[string]*gencrypto.KeyAgreement{"P-256": gencrypto.ECDHP256(), "P-384": gencrypto.ECDHP384(),
				"P-521": gencrypto.ECDHP521(), "curve25519": gencrypto.X25519()}[g.Curve]
			for _, t := range g.Tests {
				if ka == nil {
					skipJWKCurve(&r, &t, t.Private, g.Curve)
					continue
				}
				judgeKeyed(&r, &t, ecdhViaJWK(ka, &t))
			}
		case "EcdsaP1363Verify":
			alg, pemErr := ecdsaGroupAlg(g.JWK, g.SHA, g.KeyPem)
			for _, t := range g.Tests {
				switch {
				case alg == nil && pemErr == nil:
					refuseNonJOSEECDSA(&r, &t, g.JWK)
				case pemErr != nil:
					r.Fail("tcId %d: %v", t.TcID, pemErr)
				default:
					k, err := jwk.Parse(g.JWK)
					if err != nil {
						// The group's key is valid: refusing it is a
						// defect, not a rejection of the signature.
						r.Fail("tcId %d: group JWK: %v", t.TcID, err)
						continue
					}
					err = alg.Verify(k.Public(), t.Msg, t.Sig)
					if err != nil && notVerificationFailure(err) {
						r.Fail("tcId %d (%s, %s): refused for another reason than a failed verification: %v", t.TcID, t.Result, t.Comment, err)
						continue
					}
					judgeKeyed(&r, &t, err)
				}
			}
		default:
			for range g.Tests {
				r.Skip("group type " + g.Type + " is not JWK-keyed")
			}
		}
	}
	checkNumberOfTests(&r, file.NumberOfTests)
	return r
}

// ecdhViaJWK parses both JWKs with jose/jwk and computes the shared secret,
// which must equal the expected one.
func ecdhViaJWK(ka *gencrypto.KeyAgreement, t *keyedTest) error {
	priv, err := jwk.Parse(t.Private)
	if err != nil {
		return fmt.Errorf("private key: %w", err)
	}
	pub, err := jwk.Parse(t.Public)
	if err != nil {
		return fmt.Errorf("public key: %w", err)
	}
	sk, err := priv.ECDHPrivate()
	if err != nil {
		return err
	}
	pk, err := pub.ECDHPublic()
	if err != nil {
		return err
	}
	z, err := ka.SharedSecret(sk, pk)
	if err != nil {
		return err
	}
	if !slices.Equal(z, []byte(t.Shared)) {
		return fmt.Errorf("shared secret %x, want %x", z, []byte(t.Shared))
	}
	return nil
}

// ecdsaGroupAlg returns the JOSE algorithm of an ECDSA webcrypto group, or
// nil when the group's curve and hash are not one; it also checks that the
// group's PEM key and its JWK are the same key.
func ecdsaGroupAlg(raw json.RawMessage, sha, keyPem string) (*gencrypto.Signature, error) {
	var j struct{ Crv string }
	json.Unmarshal(raw, &j)
	alg := map[[2]string]*gencrypto.Signature{
		{"P-256", "SHA-256"}: gencrypto.ES256(), {"P-384", "SHA-384"}: gencrypto.ES384(), {"P-521", "SHA-512"}: gencrypto.ES512(),
	}[[2]string{j.Crv, sha}]
	if alg == nil || keyPem == "" {
		return alg, nil
	}
	k, err := jwk.Parse(raw)
	if err != nil {
		return nil, fmt.Errorf("group JWK: %w", err)
	}
	p, err := jwk.ParsePEM([]byte(keyPem))
	if err != nil {
		return nil, fmt.Errorf("group PEM: %w", err)
	}
	if !p.Equal(k) {
		return nil, fmt.Errorf("group JWK and PEM are different keys")
	}
	return alg, nil
}

// Reasons of the skipped and refused-as-expected cases of the JWK-keyed
// files.
const (
	skipJWKCurveReason = "secp256k1 (\"P-256K\") JWK: ES256K is not built yet; jose/jwk refuses its curve (jose.ErrKey)"
	refuseECDSAHash    = "ECDSA with a hash that is not its curve's in JOSE (RFC 7518 §3.4 pairs P-256/SHA-256, P-384/SHA-384, P-521/SHA-512): must not verify under the curve's ES algorithm"
)

// skipJWKCurve checks that jose/jwk refuses the JWK raw, on secp256k1,
// which it does not support yet, for that curve: the case is then skipped
// (judgeJWKCurveSkip).
func skipJWKCurve(r *Result, t *keyedTest, raw json.RawMessage, curve string) {
	_, err := jwk.Parse(raw)
	judgeJWKCurveSkip(r, t, curve, err)
}

// jwkUnsupportedCurve is what jose/jwk's error says of a curve it does not
// support. jose/jwk has no sentinel of its own for that reason (it wraps
// jose.ErrKey, as for any unusable key), so its message is the only way to
// tell the refusal of the curve from the refusal of a malformed key.
const jwkUnsupportedCurve = "unsupported EC curve"

// judgeJWKCurveSkip skips a case of a group on curve, whose key jwk.Parse
// refused with err, as not built yet; only secp256k1 ("P-256K" in a JWK,
// "secp256k1" in the group) is such a curve, and only jose.ErrKey naming the
// unsupported curve is that refusal. Another curve, or a key refused for
// another reason or accepted, fails the case.
func judgeJWKCurveSkip(r *Result, t *keyedTest, curve string, err error) {
	switch {
	case curve != "P-256K" && curve != "secp256k1":
		r.Fail("tcId %d: curve %s is neither a JOSE curve nor secp256k1", t.TcID, curve)
	case !errors.Is(err, jose.ErrKey) || !strings.Contains(err.Error(), jwkUnsupportedCurve):
		r.Fail("tcId %d: JWK on curve %s: jwk.Parse gave %v, want jose.ErrKey for the unsupported curve", t.TcID, curve, err)
	default:
		r.Skip(skipJWKCurveReason)
	}
}

// refuseNonJOSEECDSA handles a legacy webcrypto ECDSA case whose curve and
// hash are not a JOSE algorithm: a secp256k1 key must be refused by
// jose/jwk (and the case is skipped, see skipJWKCurve), and on a NIST curve the signature (made with another hash) must
// not verify under the curve's JOSE algorithm, as a failed verification
// (a key or input refused fails the case, as in wctx.refuse). An invalid case that
// verifies there says nothing of the refusal and is skipped, saying so.
func refuseNonJOSEECDSA(r *Result, t *keyedTest, raw json.RawMessage) {
	var j struct{ Crv string }
	if err := json.Unmarshal(raw, &j); err != nil {
		r.Fail("tcId %d: group JWK: %v", t.TcID, err)
		return
	}
	alg := map[string]*gencrypto.Signature{"P-256": gencrypto.ES256(), "P-384": gencrypto.ES384(), "P-521": gencrypto.ES512()}[j.Crv]
	if alg == nil {
		skipJWKCurve(r, t, raw, j.Crv)
		return
	}
	k, err := jwk.Parse(raw)
	if err != nil {
		r.Fail("tcId %d: group JWK: %v", t.TcID, err)
		return
	}
	judgeNonJOSEECDSA(r, t, alg.Name(), alg.Verify(k.Public(), t.Msg, t.Sig))
}

// judgeNonJOSEECDSA records a legacy ECDSA case signed with a hash its
// curve does not take in JOSE, given err, the result of verifying it under
// the curve's ES algorithm algName: refused as expected only for a failed
// verification (gencrypto.ErrVerify); any other error fails the case, as
// does a valid case that verifies.
func judgeNonJOSEECDSA(r *Result, t *keyedTest, algName string, err error) {
	switch {
	case err != nil && !errors.Is(err, gencrypto.ErrVerify):
		r.Fail("tcId %d (%s, %s): refused for another reason than a failed verification: %v", t.TcID, t.Result, t.Comment, err)
	case err != nil:
		r.Refuse(refuseECDSAHash)
	case t.Result == "invalid":
		r.Skip("invalid under a hash JOSE does not pair with the curve, but valid under the one it does: not a refusal to check")
	default:
		r.Fail("tcId %d (%s, %s): verified under %s, though signed with another hash", t.TcID, t.Result, t.Comment, algName)
	}
}

// judgeKeyed records a case: valid must succeed, invalid must fail, and an
// acceptable case is decided by its flags as in the Wycheproof runner
// (acceptablePolicy); a result with no decision fails.
func judgeKeyed(r *Result, t *keyedTest, err error) {
	id := fmt.Sprintf("tcId %d (%s, %s)", t.TcID, t.Result, t.Comment)
	exp, perr := expect(&wTest{TcID: t.TcID, Comment: t.Comment, Flags: t.Flags, Result: t.Result})
	switch {
	case perr != nil:
		r.Fail("%s: %v", id, perr)
	case fipsRefusal(err):
		r.Skip(skipFIPS)
	case exp == mustAccept:
		r.Check(id, err)
	case err == nil:
		r.Fail("%s %v: case to reject accepted", id, t.Flags)
	default:
		r.Pass()
	}
}
