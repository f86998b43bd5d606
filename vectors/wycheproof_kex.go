package vectors

// Wycheproof key agreement: ECDH on P-256/384/521 with public keys as DER
// SubjectPublicKeyInfo ("asn"), raw points ("ecpoint") or JWKs
// ("webcrypto"), and X25519 with raw, ASN.1 (SPKI/PKCS#8) or JWK keys. The
// shared secret comes from the registry's KeyAgreement.SharedSecret.

import (
	"bytes"
	"crypto/ecdh"
	"crypto/ecdsa"
	"crypto/x509"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/lwscrypto/lwscrypto/gencrypto"
)

func init() {
	families["EcdhTest"] = runECDH
	families["EcdhEcpointTest"] = runECDH
	families["EcdhWebcryptoTest"] = runECDH
	families["XdhComp"] = runXDH
	families["XdhAsnComp"] = runXDH
	families["XdhJwkComp"] = runXDH
}

type kexTest struct {
	wTest
	Public  json.RawMessage `json:"public"`
	Private json.RawMessage `json:"private"`
	Shared  hexBytes        `json:"shared"`
}

type kexGroup struct {
	Curve    string    `json:"curve"`
	Encoding string    `json:"encoding"`
	Type     string    `json:"type"`
	Tests    []kexTest `json:"tests"`
}

// parseSPKIStrict parses a DER SubjectPublicKeyInfo with crypto/x509 and
// accepts it only if it is the canonical encoding of the key it holds:
// crypto/x509 tolerates some trailing and repeated elements that strict DER
// forbids, so the key is re-encoded and must come out byte-identical.
func parseSPKIStrict(der []byte) (any, error) {
	k, err := x509.ParsePKIXPublicKey(der)
	if err != nil {
		return nil, err
	}
	re, err := x509.MarshalPKIXPublicKey(k)
	if err != nil {
		return nil, err
	}
	if !bytes.Equal(re, der) {
		return nil, errors.New("SPKI is not the canonical DER encoding of its key")
	}
	return k, nil
}

// hexOf decodes a JSON string of hex.
func hexOf(raw json.RawMessage) ([]byte, error) {
	var h hexBytes
	err := json.Unmarshal(raw, &h)
	return h, err
}

// jwkOf decodes a JSON JWK object.
func jwkOf(raw json.RawMessage) (*jwkJSON, error) {
	var j jwkJSON
	if err := json.Unmarshal(raw, &j); err != nil {
		return nil, err
	}
	return &j, nil
}

// scalar turns Wycheproof's big-endian private scalar (which may carry a
// leading zero or be shorter than the field) into exactly size bytes.
func scalar(b []byte, size int) ([]byte, error) {
	for len(b) > size && b[0] == 0 {
		b = b[1:]
	}
	if len(b) > size {
		return nil, errors.New("private scalar longer than the curve order")
	}
	out := make([]byte, size)
	copy(out[size-len(b):], b)
	return out, nil
}

func runECDH(c *wctx, raw json.RawMessage) error {
	var g kexGroup
	if err := json.Unmarshal(raw, &g); err != nil {
		return err
	}
	cv, ok := ecCurveByName(g.Curve)
	if !ok {
		return skipCurve(c, g.Curve, len(g.Tests))
	}
	switch g.Encoding {
	case "asn", "ecpoint", "webcrypto":
	default:
		// Every public key would read as rejected: the invalid cases
		// would pass without a key being looked at.
		return fmt.Errorf("unknown encoding %q", g.Encoding)
	}
	ka := cv.kex
	for i := range g.Tests {
		t := &g.Tests[i]
		c.one(&t.wTest, cv.dh, func(b gencrypto.Backend, exp expectation) verdict {
			priv, err := ecdhPrivate(g.Encoding, t.Private, ka.ECDHCurve(), cv.size)
			if err != nil {
				return failed("private key: %v", err)
			}
			pub, err := ecdhPublic(g.Encoding, t.Public, ka.ECDHCurve())
			if err != nil {
				return judge(b, exp, fmt.Errorf("public key: %w", err), "")
			}
			z, err := ka.SharedSecret(priv, pub, gencrypto.WithBackend(b))
			return judgeOutput(b, exp, z, err, t.Shared, "ECDH on "+g.Curve)
		})
	}
	return nil
}

func ecdhPrivate(encoding string, raw json.RawMessage, curve ecdh.Curve, size int) (*ecdh.PrivateKey, error) {
	if encoding == "webcrypto" {
		j, err := jwkOf(raw)
		if err != nil {
			return nil, err
		}
		return j.ecdhPrivate()
	}
	h, err := hexOf(raw)
	if err != nil {
		return nil, err
	}
	s, err := scalar(h, size)
	if err != nil {
		return nil, err
	}
	return curve.NewPrivateKey(s)
}

func ecdhPublic(encoding string, raw json.RawMessage, curve ecdh.Curve) (*ecdh.PublicKey, error) {
	switch encoding {
	case "webcrypto":
		j, err := jwkOf(raw)
		if err != nil {
			return nil, err
		}
		return j.ecdhPublic()
	case "ecpoint":
		h, err := hexOf(raw)
		if err != nil {
			return nil, err
		}
		return curve.NewPublicKey(h)
	case "asn":
		h, err := hexOf(raw)
		if err != nil {
			return nil, err
		}
		k, err := parseSPKIStrict(h)
		if err != nil {
			return nil, err
		}
		ek, ok := k.(*ecdsa.PublicKey)
		if !ok {
			return nil, fmt.Errorf("SPKI holds %T, not an EC key", k)
		}
		return ek.ECDH()
	}
	return nil, fmt.Errorf("unknown encoding %q", encoding)
}

func runXDH(c *wctx, raw json.RawMessage) error {
	var g kexGroup
	if err := json.Unmarshal(raw, &g); err != nil {
		return err
	}
	if g.Curve != "curve25519" {
		return skipCurve(c, g.Curve, len(g.Tests))
	}
	ka := gencrypto.X25519()
	for i := range g.Tests {
		t := &g.Tests[i]
		c.one(&t.wTest, gencrypto.PrimX25519, func(b gencrypto.Backend, exp expectation) verdict {
			priv, pub, err := xdhKeys(g.Type, t)
			if err != nil {
				if g.Type == "XdhAsnComp" {
					// A malformed PKCS#8 private key is itself a case.
					return judge(b, exp, err, "")
				}
				return failed("%v", err)
			}
			if pub == nil {
				return judge(b, exp, errors.New("public key rejected"), "")
			}
			z, err := ka.SharedSecret(priv, pub, gencrypto.WithBackend(b))
			return judgeOutput(b, exp, z, err, t.Shared, "X25519")
		})
	}
	return nil
}

// xdhKeys decodes an X25519 case's keys. A public key that does not parse
// gives a nil key and no error: rejecting it is the case's expected outcome
// (or its failure), which the caller judges.
func xdhKeys(typ string, t *kexTest) (*ecdh.PrivateKey, *ecdh.PublicKey, error) {
	var priv *ecdh.PrivateKey
	var pub *ecdh.PublicKey
	switch typ {
	case "XdhComp":
		d, err := hexOf(t.Private)
		if err != nil {
			return nil, nil, err
		}
		if priv, err = ecdh.X25519().NewPrivateKey(d); err != nil {
			return nil, nil, fmt.Errorf("private key: %w", err)
		}
		if p, err := hexOf(t.Public); err == nil {
			pub, _ = ecdh.X25519().NewPublicKey(p)
		}
	case "XdhAsnComp":
		d, err := hexOf(t.Private)
		if err != nil {
			return nil, nil, err
		}
		k, err := x509.ParsePKCS8PrivateKey(d)
		if err != nil {
			return nil, nil, fmt.Errorf("private key: %w", err)
		}
		var ok bool
		if priv, ok = k.(*ecdh.PrivateKey); !ok || priv.Curve() != ecdh.X25519() {
			return nil, nil, fmt.Errorf("private key is %T, not X25519", k)
		}
		if p, err := hexOf(t.Public); err == nil {
			if k, err := parseSPKIStrict(p); err == nil {
				pub, _ = k.(*ecdh.PublicKey)
			}
		}
	case "XdhJwkComp":
		j, err := jwkOf(t.Private)
		if err != nil {
			return nil, nil, err
		}
		if priv, err = j.ecdhPrivate(); err != nil {
			return nil, nil, fmt.Errorf("private key: %w", err)
		}
		if j, err := jwkOf(t.Public); err == nil {
			pub, _ = j.ecdhPublic()
		}
	default:
		return nil, nil, fmt.Errorf("unknown group type %q", typ)
	}
	return priv, pub, nil
}
