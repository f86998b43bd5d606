package vectors

// Wycheproof ECDSA (DER and IEEE P1363 signatures, keys as points or JWKs)
// and EdDSA verification.

import (
	"crypto"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/elliptic"
	"encoding/json"
	"fmt"

	"github.com/lwscrypto/lwscrypto/gencrypto"
)

func init() {
	families["EcdsaVerify"] = func(c *wctx, raw json.RawMessage) error { return runECDSA(c, raw, true) }
	families["EcdsaP1363Verify"] = func(c *wctx, raw json.RawMessage) error { return runECDSA(c, raw, false) }
	families["EddsaVerify"] = runEdDSA
}

// ecCurve is what the runners need to know about a NIST curve.
type ecCurve struct {
	curve elliptic.Curve
	size  int                  // field (and scalar) size in bytes
	sig   *gencrypto.Signature // the registered ECDSA algorithm on it
	sign  string               // ECDSA primitive
	kex   *gencrypto.KeyAgreement
	dh    string // ECDH primitive
}

// ecCurveByName knows the names Wycheproof and JOSE give the NIST curves.
func ecCurveByName(name string) (ecCurve, bool) {
	switch name {
	case "secp256r1", "P-256":
		return ecCurve{elliptic.P256(), 32, gencrypto.ES256(), gencrypto.PrimECDSAP256, gencrypto.ECDHP256(), gencrypto.PrimECDHP256}, true
	case "secp384r1", "P-384":
		return ecCurve{elliptic.P384(), 48, gencrypto.ES384(), gencrypto.PrimECDSAP384, gencrypto.ECDHP384(), gencrypto.PrimECDHP384}, true
	case "secp521r1", "P-521":
		return ecCurve{elliptic.P521(), 66, gencrypto.ES512(), gencrypto.PrimECDSAP521, gencrypto.ECDHP521(), gencrypto.PrimECDHP521}, true
	}
	return ecCurve{}, false
}

// curveSkip gives the reason a curve the library deliberately does not
// offer is not run, or "" for a name the runners do not know: such a group
// fails (errUnknownCurve) rather than being skipped, so a misspelt or
// renamed curve member cannot move a group's cases to the skip column.
func curveSkip(name string) string {
	switch name {
	case "secp256k1", "P-256K":
		return "secp256k1 (ES256K) not registered (JOSE issue)"
	case "edwards448", "Ed448":
		return "Ed448: circl backend not yet built"
	case "curve448", "X448":
		return "X448: circl backend not yet built"
	}
	return ""
}

// skipCurve records every one of n cases of a group on curve name as
// skipped when the library deliberately does not offer the curve, and
// otherwise returns an error naming it.
func skipCurve(c *wctx, name string, n int) error {
	why := curveSkip(name)
	if why == "" {
		return fmt.Errorf("unknown curve %q", name)
	}
	for range n {
		c.res.Skip(why)
	}
	return nil
}

type ecdsaGroup struct {
	PublicKey struct {
		Curve        string   `json:"curve"`
		Uncompressed hexBytes `json:"uncompressed"`
	} `json:"publicKey"`
	// The legacy webcrypto file has no publicKey: its groups' key is read
	// from the JWK (their "key" member, the same key, is not read).
	JWK   *jwkJSON `json:"jwk"`
	Sha   string   `json:"sha"`
	Tests []struct {
		wTest
		Msg hexBytes `json:"msg"`
		Sig hexBytes `json:"sig"`
	} `json:"tests"`
}

func runECDSA(c *wctx, raw json.RawMessage, der bool) error {
	var g ecdsaGroup
	if err := json.Unmarshal(raw, &g); err != nil {
		return err
	}
	curveName := g.PublicKey.Curve
	if g.JWK != nil {
		curveName = g.JWK.Crv
	}
	cv, ok := ecCurveByName(curveName)
	if !ok {
		return skipCurve(c, curveName, len(g.Tests))
	}
	h, ok := hashByName(g.Sha)
	if !ok {
		return fmt.Errorf("unknown hash %q", g.Sha)
	}
	var pub *ecdsa.PublicKey
	var keyErr error
	if g.JWK != nil {
		pub, keyErr = g.JWK.ecdsaPublic()
	} else {
		pub, keyErr = ecdsa.ParseUncompressedPublicKey(cv.curve, g.PublicKey.Uncompressed)
	}
	// The registry's algorithm when it pairs this curve with this hash;
	// otherwise the Backend primitive with the stated hash.
	alg := cv.sig
	if alg.Hash() != h {
		alg = nil
	}
	for i := range g.Tests {
		t := &g.Tests[i]
		c.one(&t.wTest, cv.sign, func(b gencrypto.Backend, exp expectation) verdict {
			if keyErr != nil {
				return failed("public key: %v", keyErr)
			}
			sig := []byte(t.Sig)
			if der {
				p, err := ecdsaDERToP1363(t.Sig, cv.size)
				if err != nil {
					return judge(b, exp, fmt.Errorf("DER signature: %w", err), "")
				}
				sig = p
			}
			return judgeVerify(b, exp, verifyECDSA(b, alg, cv.sign, pub, h, t.Msg, sig), "ECDSA with "+hashName(h))
		})
	}
	return nil
}

// judgeVerify is judge for a signature checked against its group's key,
// which Wycheproof gives valid: a rejection must be a failed verification,
// not the key or an input refused (notVerificationFailure), or an invalid
// case would pass without its signature being looked at.
func judgeVerify(b gencrypto.Backend, exp expectation, err error, what string) verdict {
	if exp == mustReject && err != nil && !unsupported(err) && notVerificationFailure(err) {
		return failed("refused for another reason than a failed verification: %v", err)
	}
	return judge(b, exp, err, what)
}

func verifyECDSA(b gencrypto.Backend, alg *gencrypto.Signature, prim string, pub crypto.PublicKey, h crypto.Hash, msg, sig []byte) error {
	if alg != nil {
		return alg.Verify(pub, msg, sig, gencrypto.WithBackend(b))
	}
	return b.Verify(prim, pub, h, msg, sig)
}

type eddsaGroup struct {
	PublicKey struct {
		Curve string   `json:"curve"`
		PK    hexBytes `json:"pk"`
	} `json:"publicKey"`
	Tests []struct {
		wTest
		Msg hexBytes `json:"msg"`
		Sig hexBytes `json:"sig"`
	} `json:"tests"`
}

func runEdDSA(c *wctx, raw json.RawMessage) error {
	var g eddsaGroup
	if err := json.Unmarshal(raw, &g); err != nil {
		return err
	}
	if g.PublicKey.Curve != "edwards25519" {
		return skipCurve(c, g.PublicKey.Curve, len(g.Tests))
	}
	pub := ed25519.PublicKey(g.PublicKey.PK)
	for i := range g.Tests {
		t := &g.Tests[i]
		c.one(&t.wTest, gencrypto.PrimEd25519, func(b gencrypto.Backend, exp expectation) verdict {
			// Both registered names of the algorithm (RFC 8037 "EdDSA"
			// with an Ed25519 key, RFC 9864 "Ed25519") must judge alike.
			if v := judgeVerify(b, exp, gencrypto.Ed25519().Verify(pub, t.Msg, t.Sig, gencrypto.WithBackend(b)), "Ed25519"); v.kind != vPass {
				return v
			}
			return judgeVerify(b, exp, gencrypto.EdDSA().Verify(pub, t.Msg, t.Sig, gencrypto.WithBackend(b)), "EdDSA")
		})
	}
	return nil
}
