package vectors

// Wycheproof RSA: PKCS#1 v1.5 signature verification and generation,
// RSASSA-PSS verification (keys with and without RSASSA-PSS parameters), and
// RSAES-OAEP decryption. Keys are parsed once per group.

import (
	"crypto"
	"crypto/rsa"
	"crypto/x509"
	"encoding/json"
	"errors"
	"fmt"
	"math/big"

	"github.com/lwscrypto/lwscrypto/gencrypto"
)

func init() {
	families["RsassaPkcs1Verify"] = runRSAPKCS1Verify
	families["RsassaPkcs1Generate"] = runRSAPKCS1Generate
	families["RsassaPssVerify"] = func(c *wctx, raw json.RawMessage) error { return runRSAPSS(c, raw, false) }
	families["RsassaPssWithParametersVerify"] = func(c *wctx, raw json.RawMessage) error { return runRSAPSS(c, raw, true) }
	families["RsaesOaepDecrypt"] = runRSAOAEP
}

// rsaPublicHex is an RSA public key as Wycheproof writes it.
type rsaPublicHex struct {
	Modulus        hexBytes `json:"modulus"`
	PublicExponent hexBytes `json:"publicExponent"`
}

func (k *rsaPublicHex) key() (*rsa.PublicKey, error) {
	e := new(big.Int).SetBytes(k.PublicExponent)
	if !e.IsInt64() || e.Int64() > 1<<31-1 || len(k.Modulus) == 0 {
		return nil, errors.New("unusable RSA public key")
	}
	return &rsa.PublicKey{N: new(big.Int).SetBytes(k.Modulus), E: int(e.Int64())}, nil
}

type rsaSigTest struct {
	wTest
	Msg hexBytes `json:"msg"`
	Sig hexBytes `json:"sig"`
}

// rsaPKCS1Alg returns the registered RS* algorithm for h, or nil.
func rsaPKCS1Alg(h crypto.Hash) *gencrypto.Signature {
	switch h {
	case crypto.SHA256:
		return gencrypto.RS256()
	case crypto.SHA384:
		return gencrypto.RS384()
	case crypto.SHA512:
		return gencrypto.RS512()
	}
	return nil
}

// rsaPSSAlg returns the registered PS* algorithm for h, or nil.
func rsaPSSAlg(h crypto.Hash) *gencrypto.Signature {
	switch h {
	case crypto.SHA256:
		return gencrypto.PS256()
	case crypto.SHA384:
		return gencrypto.PS384()
	case crypto.SHA512:
		return gencrypto.PS512()
	}
	return nil
}

// registryFits returns alg when it takes a modulus of bits, else nil: keys
// below the registry's minimum run on the Backend primitive instead.
func registryFits(alg *gencrypto.Signature, bits int) *gencrypto.Signature {
	if alg == nil || bits < alg.MinRSABits() {
		return nil
	}
	return alg
}

func runRSAPKCS1Verify(c *wctx, raw json.RawMessage) error {
	var g struct {
		Sha       string       `json:"sha"`
		PublicKey rsaPublicHex `json:"publicKey"`
		Tests     []rsaSigTest `json:"tests"`
	}
	if err := json.Unmarshal(raw, &g); err != nil {
		return err
	}
	h, ok := hashByName(g.Sha)
	if !ok {
		return fmt.Errorf("unknown hash %q", g.Sha)
	}
	pub, keyErr := g.PublicKey.key()
	var alg *gencrypto.Signature
	if keyErr == nil {
		alg = registryFits(rsaPKCS1Alg(h), pub.N.BitLen())
	}
	for i := range g.Tests {
		t := &g.Tests[i]
		c.one(&t.wTest, gencrypto.PrimRSAPKCS1v15, func(b gencrypto.Backend, exp expectation) verdict {
			if keyErr != nil {
				return failed("public key: %v", keyErr)
			}
			var err error
			if alg != nil {
				err = alg.Verify(pub, t.Msg, t.Sig, gencrypto.WithBackend(b))
			} else {
				err = b.Verify(gencrypto.PrimRSAPKCS1v15, pub, h, t.Msg, t.Sig)
			}
			return judge(b, exp, err, "RSA PKCS#1 v1.5 with "+hashName(h))
		})
	}
	return nil
}

func runRSAPKCS1Generate(c *wctx, raw json.RawMessage) error {
	var g struct {
		Sha             string       `json:"sha"`
		PrivateKeyPkcs8 hexBytes     `json:"privateKeyPkcs8"`
		Tests           []rsaSigTest `json:"tests"`
	}
	if err := json.Unmarshal(raw, &g); err != nil {
		return err
	}
	h, ok := hashByName(g.Sha)
	if !ok {
		return fmt.Errorf("unknown hash %q", g.Sha)
	}
	key, keyErr := parseRSAPrivate(g.PrivateKeyPkcs8)
	var alg *gencrypto.Signature
	if keyErr == nil {
		alg = registryFits(rsaPKCS1Alg(h), key.N.BitLen())
	}
	for i := range g.Tests {
		t := &g.Tests[i]
		c.one(&t.wTest, gencrypto.PrimRSAPKCS1v15, func(b gencrypto.Backend, exp expectation) verdict {
			if keyErr != nil {
				return failed("private key: %v", keyErr)
			}
			var sig []byte
			var err error
			if alg != nil {
				sig, err = alg.Sign(key, t.Msg, gencrypto.WithBackend(b))
			} else {
				sig, err = b.Sign(gencrypto.PrimRSAPKCS1v15, key, h, t.Msg)
			}
			return judgeOutput(b, exp, sig, err, t.Sig, "RSA PKCS#1 v1.5 signing with "+hashName(h))
		})
	}
	return nil
}

func parseRSAPrivate(pkcs8 []byte) (*rsa.PrivateKey, error) {
	k, err := x509.ParsePKCS8PrivateKey(pkcs8)
	if err != nil {
		return nil, err
	}
	rk, ok := k.(*rsa.PrivateKey)
	if !ok {
		return nil, fmt.Errorf("PKCS#8 key is %T, not RSA", k)
	}
	return rk, nil
}

// Reasons for the parameter sets the library refuses on purpose: JOSE and
// COSE pin the PSS salt length to the hash length and MGF1 to the message
// hash (RFC 7518 §3.5, RFC 8230 §2), and OAEP's MGF1 to the OAEP hash (RFC
// 7518 §4.3, RFC 8230 §3), and so does the Backend contract. Such cases are
// not skipped: each must fail under the pinned parameters
// (wctx.refuse), so the library is seen to refuse them.
const (
	refusePSSParams  = "RSA-PSS with an MGF1 hash other than the message hash or a salt length other than the hash length, which JOSE and COSE do not offer (RFC 7518 §3.5, RFC 8230): must not verify under the pinned parameters"
	refuseOAEPParams = "RSA-OAEP with an MGF1 hash other than the OAEP hash, which JOSE and COSE do not offer (RFC 7518 §4.3, RFC 8230): must not decrypt under the pinned parameters"
)

func runRSAPSS(c *wctx, raw json.RawMessage, withParams bool) error {
	var g struct {
		Sha          string       `json:"sha"`
		MGF          string       `json:"mgf"`
		MGFSha       string       `json:"mgfSha"`
		SLen         int          `json:"sLen"`
		PublicKey    rsaPublicHex `json:"publicKey"`
		PublicKeyDer hexBytes     `json:"publicKeyDer"`
		Tests        []rsaSigTest `json:"tests"`
	}
	if err := json.Unmarshal(raw, &g); err != nil {
		return err
	}
	h, ok1 := hashByName(g.Sha)
	mh, ok2 := hashByName(g.MGFSha)
	if !ok1 || !ok2 || g.MGF != "MGF1" {
		return fmt.Errorf("unknown parameters %s/%s/%s", g.Sha, g.MGF, g.MGFSha)
	}
	pub, keyErr := g.PublicKey.key()
	if keyErr == nil && withParams {
		// The key's own RSASSA-PSS parameters must be the group's.
		p, isPSS, err := parsePSSSPKI(g.PublicKeyDer)
		switch {
		case err != nil:
			keyErr = fmt.Errorf("RSASSA-PSS parameters: %w", err)
		case isPSS && (p.hash != h || p.mgfHash != mh || p.saltLen != g.SLen):
			keyErr = fmt.Errorf("SPKI parameters %v/MGF1-%v/%d disagree with the group's %v/MGF1-%v/%d",
				p.hash, p.mgfHash, p.saltLen, h, mh, g.SLen)
		}
	}
	pinned := mh == h && g.SLen == h.Size()
	var alg *gencrypto.Signature
	if keyErr == nil {
		alg = registryFits(rsaPSSAlg(h), pub.N.BitLen())
	}
	verify := func(b gencrypto.Backend, t *rsaSigTest) error {
		if alg != nil {
			return alg.Verify(pub, t.Msg, t.Sig, gencrypto.WithBackend(b))
		}
		return b.Verify(gencrypto.PrimRSAPSS, pub, h, t.Msg, t.Sig)
	}
	// The one invalid case of an unpinned group that may verify under the
	// pinned parameters: its salt length changed to the hash length, when
	// only the salt length was unpinned.
	lands := ""
	if mh == h {
		lands = fmt.Sprintf("s_len changed to %d", h.Size())
	}
	for i := range g.Tests {
		t := &g.Tests[i]
		if !pinned && keyErr == nil {
			c.refuse(&t.wTest, gencrypto.PrimRSAPSS, refusePSSParams, lands, func(b gencrypto.Backend) error { return verify(b, t) })
			continue
		}
		c.one(&t.wTest, gencrypto.PrimRSAPSS, func(b gencrypto.Backend, exp expectation) verdict {
			if keyErr != nil {
				return failed("public key: %v", keyErr)
			}
			return judge(b, exp, verify(b, t), "RSA-PSS with "+hashName(h))
		})
	}
	return nil
}

// rsaOAEPAlg returns the registered RSA-OAEP algorithm for h, or nil.
func rsaOAEPAlg(h crypto.Hash) *gencrypto.KeyEncryption {
	switch h {
	case crypto.SHA1:
		return gencrypto.RSAOAEP()
	case crypto.SHA256:
		return gencrypto.RSAOAEP256()
	case crypto.SHA384:
		return gencrypto.RSAOAEP384()
	case crypto.SHA512:
		return gencrypto.RSAOAEP512()
	}
	return nil
}

func runRSAOAEP(c *wctx, raw json.RawMessage) error {
	var g struct {
		Sha             string   `json:"sha"`
		MGF             string   `json:"mgf"`
		MGFSha          string   `json:"mgfSha"`
		PrivateKeyPkcs8 hexBytes `json:"privateKeyPkcs8"`
		Tests           []struct {
			wTest
			Msg   hexBytes `json:"msg"`
			CT    hexBytes `json:"ct"`
			Label hexBytes `json:"label"`
		} `json:"tests"`
	}
	if err := json.Unmarshal(raw, &g); err != nil {
		return err
	}
	h, ok1 := hashByName(g.Sha)
	mh, ok2 := hashByName(g.MGFSha)
	if !ok1 || !ok2 || g.MGF != "MGF1" {
		return fmt.Errorf("unknown parameters %s/%s/%s", g.Sha, g.MGF, g.MGFSha)
	}
	key, keyErr := parseRSAPrivate(g.PrivateKeyPkcs8)
	alg := rsaOAEPAlg(h)
	if keyErr == nil && alg != nil && key.N.BitLen() < alg.MinRSABits() {
		alg = nil
	}
	for i := range g.Tests {
		t := &g.Tests[i]
		decrypt := func(b gencrypto.Backend) ([]byte, error) {
			if alg != nil && len(t.Label) == 0 {
				return alg.Decrypt(key, t.CT, gencrypto.WithBackend(b))
			}
			return b.DecryptOAEP(h, key, t.CT, t.Label)
		}
		if mh != h && keyErr == nil {
			c.refuse(&t.wTest, gencrypto.PrimRSAOAEP, refuseOAEPParams, "", func(b gencrypto.Backend) error {
				_, err := decrypt(b)
				return err
			})
			continue
		}
		c.one(&t.wTest, gencrypto.PrimRSAOAEP, func(b gencrypto.Backend, exp expectation) verdict {
			if keyErr != nil {
				return failed("private key: %v", keyErr)
			}
			pt, err := decrypt(b)
			return judgeOutput(b, exp, pt, err, t.Msg, "RSA-OAEP with "+hashName(h))
		})
	}
	return nil
}
