package vectors

// A minimal JWK reader for the Wycheproof files whose keys are JWKs (the
// ECDH webcrypto, X25519 jwk and legacy ECDSA webcrypto files). It reads EC
// keys on P-256/384/521 and OKP keys on X25519 and Ed25519 (RFC 7518 §6.2,
// RFC 8037 §2), with strict base64url (RFC 7515 §2: no padding, no
// non-alphabet bytes, canonical final bits) and exact member lengths
// (RFC 7518 §6.2.1.2: coordinates are full field size). Members other than
// kty, crv, x, y and d are ignored. The jose/jwk package is the real reader;
// this one exists so that gencrypto is proven without depending on it.

import (
	"bytes"
	"crypto/ecdh"
	"crypto/ecdsa"
	"crypto/elliptic"
	"encoding/base64"
	"errors"
	"fmt"
	"strings"
)

// jwkJSON is the part of a JWK this reader looks at.
type jwkJSON struct {
	Kty string `json:"kty"`
	Crv string `json:"crv"`
	X   string `json:"x"`
	Y   string `json:"y"`
	D   string `json:"d"`
}

var errJWKCurve = errors.New("jwk: unsupported curve")

// b64url decodes strict unpadded base64url, for every runner of this
// package that reads base64url from the corpus (JWK members here, the JWE
// runner's keys, IVs, tags and expected values). encoding/base64 skips
// '\r' and '\n' even in strict mode, so they are refused first.
func b64url(s string) ([]byte, error) {
	if strings.ContainsAny(s, "\r\n") {
		return nil, errors.New("line break in base64url")
	}
	return base64.RawURLEncoding.Strict().DecodeString(s)
}

// jwkField decodes a base64url member that must be exactly n bytes.
func jwkField(name, s string, n int) ([]byte, error) {
	if s == "" {
		return nil, fmt.Errorf("jwk: missing %q", name)
	}
	b, err := b64url(s)
	if err != nil {
		return nil, fmt.Errorf("jwk: %q: %w", name, err)
	}
	if len(b) != n {
		return nil, fmt.Errorf("jwk: %q is %d bytes, want %d", name, len(b), n)
	}
	return b, nil
}

// ecdhCurve returns the crypto/ecdh curve and its field size for a JWK crv.
func jwkECDHCurve(kty, crv string) (ecdh.Curve, int, error) {
	switch {
	case kty == "EC" && crv == "P-256":
		return ecdh.P256(), 32, nil
	case kty == "EC" && crv == "P-384":
		return ecdh.P384(), 48, nil
	case kty == "EC" && crv == "P-521":
		return ecdh.P521(), 66, nil
	case kty == "OKP" && crv == "X25519":
		return ecdh.X25519(), 32, nil
	}
	return nil, 0, errJWKCurve
}

// ecdhPublic returns the public key of an EC or X25519 JWK.
func (j *jwkJSON) ecdhPublic() (*ecdh.PublicKey, error) {
	c, n, err := jwkECDHCurve(j.Kty, j.Crv)
	if err != nil {
		return nil, err
	}
	x, err := jwkField("x", j.X, n)
	if err != nil {
		return nil, err
	}
	if j.Kty == "OKP" {
		if j.Y != "" {
			return nil, errors.New("jwk: OKP key with \"y\"")
		}
		return c.NewPublicKey(x)
	}
	y, err := jwkField("y", j.Y, n)
	if err != nil {
		return nil, err
	}
	return c.NewPublicKey(append(append([]byte{4}, x...), y...))
}

// ecdhPrivate returns the private key of an EC or X25519 JWK, checking that
// its public members, when present, belong to it.
func (j *jwkJSON) ecdhPrivate() (*ecdh.PrivateKey, error) {
	c, n, err := jwkECDHCurve(j.Kty, j.Crv)
	if err != nil {
		return nil, err
	}
	d, err := jwkField("d", j.D, n)
	if err != nil {
		return nil, err
	}
	k, err := c.NewPrivateKey(d)
	if err != nil {
		return nil, fmt.Errorf("jwk: %w", err)
	}
	if j.X != "" {
		pub, err := j.ecdhPublic()
		if err != nil {
			return nil, err
		}
		if !bytes.Equal(pub.Bytes(), k.PublicKey().Bytes()) {
			return nil, errors.New("jwk: public members do not match \"d\"")
		}
	}
	return k, nil
}

// ecdsaPublic returns the ECDSA public key of an EC JWK.
func (j *jwkJSON) ecdsaPublic() (*ecdsa.PublicKey, error) {
	var c elliptic.Curve
	switch j.Crv {
	case "P-256":
		c = elliptic.P256()
	case "P-384":
		c = elliptic.P384()
	case "P-521":
		c = elliptic.P521()
	}
	if j.Kty != "EC" || c == nil {
		return nil, errJWKCurve
	}
	n := (c.Params().BitSize + 7) / 8
	x, err := jwkField("x", j.X, n)
	if err != nil {
		return nil, err
	}
	y, err := jwkField("y", j.Y, n)
	if err != nil {
		return nil, err
	}
	return ecdsa.ParseUncompressedPublicKey(c, append(append([]byte{4}, x...), y...))
}
