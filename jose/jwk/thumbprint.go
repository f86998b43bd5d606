package jwk

import (
	"crypto"
	"crypto/ecdh"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/rsa"
	"fmt"

	"github.com/lwscrypto/lwscrypto/jose"
)

// AppendThumbprintInput appends the RFC 7638 §3 thumbprint input of k to dst:
// the required public members only, in lexicographic order, without
// whitespace — {"e","kty","n"} for RSA, {"crv","kty","x","y"} for EC,
// {"k","kty"} for oct and {"crv","kty","x"} for OKP (RFC 8037 §2). Values are
// base64url or fixed names, so no escaping is needed. A Key without key
// material (the zero Key) has no thumbprint input: dst is returned as it
// is (Thumbprint refuses such a key).
func (k *Key) AppendThumbprintInput(dst []byte) []byte {
	if k == nil {
		return dst
	}
	if k.kty == "" {
		return dst
	}
	str := func(dst []byte, name, v string, last bool) []byte {
		dst = append(dst, '"')
		dst = append(dst, name...)
		dst = append(dst, `":"`...)
		dst = append(dst, v...)
		if last {
			return append(dst, `"}`...)
		}
		return append(dst, `",`...)
	}
	b64 := func(dst []byte, name string, v []byte, last bool) []byte {
		dst = append(dst, '"')
		dst = append(dst, name...)
		dst = append(dst, `":"`...)
		dst = jose.AppendBase64URL(dst, v)
		if last {
			return append(dst, `"}`...)
		}
		return append(dst, `",`...)
	}
	dst = append(dst, '{')
	switch p := k.pub.(type) {
	case *rsa.PublicKey:
		dst = b64(dst, "e", bigEndian(p.E), false)
		dst = str(dst, "kty", KeyTypeRSA, false)
		dst = b64(dst, "n", p.N.Bytes(), true)
	case *ecdsa.PublicKey:
		x, y := ecCoords(p)
		dst = str(dst, "crv", k.crv, false)
		dst = str(dst, "kty", KeyTypeEC, false)
		dst = b64(dst, "x", x, false)
		dst = b64(dst, "y", y, true)
	case ed25519.PublicKey:
		dst = str(dst, "crv", k.crv, false)
		dst = str(dst, "kty", KeyTypeOKP, false)
		dst = b64(dst, "x", p, true)
	case *ecdh.PublicKey:
		dst = str(dst, "crv", k.crv, false)
		dst = str(dst, "kty", KeyTypeOKP, false)
		dst = b64(dst, "x", p.Bytes(), true)
	default:
		dst = b64(dst, "k", k.sec, false)
		dst = str(dst, "kty", KeyTypeOct, true)
	}
	return dst
}

// Thumbprint returns the RFC 7638 thumbprint of k with hash h (crypto.SHA256
// is the usual choice): the hash of the thumbprint input, which depends only
// on the required public members, so a private key and its public key have
// the same thumbprint.
//
// A Key without key material (the zero Key) has no thumbprint: jose.ErrKey.
func (k *Key) Thumbprint(h crypto.Hash) ([]byte, error) {
	if k == nil {
		return nil, errNilKey
	}
	if k.kty == "" {
		return nil, fmt.Errorf("jwk: key has no key material to take a thumbprint of: %w", jose.ErrKey)
	}
	if !h.Available() {
		return nil, fmt.Errorf("jwk: thumbprint hash %v is not available: %w", h, jose.ErrAlgorithm)
	}
	var buf [512]byte
	in := k.AppendThumbprintInput(buf[:0])
	hh := h.New()
	hh.Write(in)
	return hh.Sum(nil), nil
}

// Thumbprint URI hash names from the IANA "Named Information Hash Algorithm"
// registry, as RFC 9278 §3 requires.
var uriHashNames = map[crypto.Hash]string{
	crypto.SHA256:   "sha-256",
	crypto.SHA384:   "sha-384",
	crypto.SHA512:   "sha-512",
	crypto.SHA3_256: "sha3-256",
	crypto.SHA3_384: "sha3-384",
	crypto.SHA3_512: "sha3-512",
}

// ThumbprintURI returns the RFC 9278 JWK thumbprint URI of k:
// "urn:ietf:params:oauth:jwk-thumbprint:sha-256:<base64url thumbprint>".
func (k *Key) ThumbprintURI(h crypto.Hash) (string, error) {
	name, ok := uriHashNames[h]
	if !ok {
		return "", fmt.Errorf("jwk: no RFC 9278 name for hash %v: %w", h, jose.ErrAlgorithm)
	}
	t, err := k.Thumbprint(h)
	if err != nil {
		return "", err
	}
	b := []byte("urn:ietf:params:oauth:jwk-thumbprint:" + name + ":")
	return string(jose.AppendBase64URL(b, t)), nil
}

// bigEndian returns the minimal big-endian bytes of a positive int.
func bigEndian(v int) []byte {
	var b [8]byte
	i := len(b)
	for v > 0 {
		i--
		b[i] = byte(v)
		v >>= 8
	}
	return b[i:]
}
