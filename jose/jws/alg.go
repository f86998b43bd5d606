package jws

import (
	"bytes"
	"crypto"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/rsa"
	"crypto/x509"
	"encoding/base64"
	"encoding/pem"
	"errors"
	"fmt"

	"github.com/lwscrypto/lwscrypto/gencrypto"
	"github.com/lwscrypto/lwscrypto/jose"
)

// algorithm is one JWS "alg" value (RFC 7518 §3.1, RFC 8037 §3.1, RFC 9864
// §2.2) resolved to its gencrypto singleton: exactly one of sig and mac is
// set. "none" has no algorithm and so can never verify.
type algorithm struct {
	sig *gencrypto.Signature
	mac *gencrypto.MAC
}

func (a algorithm) name() string {
	if a.sig != nil {
		return a.sig.Name()
	}
	return a.mac.Name()
}

// jwsAlgs are the names this package signs and verifies with. The registry
// holds more (COSE-only MACs such as "HMAC 256/64"); those are not JWS
// algorithms.
var jwsAlgs = map[string]bool{
	"HS256": true, "HS384": true, "HS512": true,
	"RS256": true, "RS384": true, "RS512": true,
	"PS256": true, "PS384": true, "PS512": true,
	"ES256": true, "ES384": true, "ES512": true,
	"EdDSA": true, "Ed25519": true,
}

// Algorithms returns the "alg" values this package supports, in a fixed
// order.
func Algorithms() []string {
	return []string{"HS256", "HS384", "HS512", "RS256", "RS384", "RS512",
		"PS256", "PS384", "PS512", "ES256", "ES384", "ES512", "EdDSA", "Ed25519"}
}

// lookupAlg resolves an "alg" name. Anything but the names of Algorithms,
// compared exactly (RFC 7515 §4.1.1 values are case-sensitive), is
// ErrAlgorithm; "none" in any spelling among them.
func lookupAlg(name []byte) (algorithm, error) {
	// The map lookup with string(name) does not allocate.
	if !jwsAlgs[string(name)] {
		return algorithm{}, errUnknownAlg
	}
	a, _ := gencrypto.ByName(string(name))
	switch a := a.(type) {
	case *gencrypto.Signature:
		return algorithm{sig: a}, nil
	case *gencrypto.MAC:
		return algorithm{mac: a}, nil
	}
	return algorithm{}, errUnknownAlg
}

var (
	errUnknownAlg = wrap(jose.ErrAlgorithm, "unknown or unsupported algorithm")
	errNoAlgs     = wrap(jose.ErrAlgorithm, "no algorithms allowed: name the expected algorithm(s)")
)

// checkAllowList validates a caller's allow-list: non-empty, every name a
// supported JWS algorithm. It returns the names as the canonical registry
// strings.
func checkAllowList(algs []string) ([]string, error) {
	if len(algs) == 0 {
		return nil, errNoAlgs
	}
	out := make([]string, 0, len(algs))
	for _, n := range algs {
		a, err := lookupAlg([]byte(n))
		if err != nil {
			return nil, wrap(jose.ErrAlgorithm, "cannot allow "+quote(n))
		}
		out = append(out, a.name())
	}
	return out, nil
}

// publicKeyOf returns the public key of key for verification. It accepts
// the standard public key types, the private key types and any
// crypto.Signer (through gencrypto.PublicKeyOf, which refuses a nil or
// malformed standard private key: jose.ErrKey). An HMAC secret is []byte
// and handled by the caller.
func publicKeyOf(key any) (crypto.PublicKey, error) {
	switch k := key.(type) {
	case *rsa.PublicKey, *ecdsa.PublicKey, ed25519.PublicKey:
		return k, nil
	case crypto.Signer:
		return signerPublic(k)
	}
	return nil, wrap(jose.ErrKey, fmt.Sprintf("unsupported key type %T: want []byte (an HMAC secret), *rsa.PublicKey, *ecdsa.PublicKey, ed25519.PublicKey, a crypto.Signer, *jwk.Key, *jwk.Set or *jwk.Remote", key))
}

// signerPublic is the public half of a signer, or jose.ErrKey for a nil or
// malformed standard private key.
func signerPublic(s crypto.Signer) (crypto.PublicKey, error) {
	pub, err := gencrypto.PublicKeyOf(s)
	if err != nil {
		return nil, wrapCause(jose.ErrKey, "malformed private key", err)
	}
	return pub, nil
}

// bindCheck reports whether a key of the given form can be used with alg
// at all. It is applied before any computation: an HMAC algorithm needs a
// secret ([]byte), a signature algorithm a public key of its own type and
// size (gencrypto CheckPublicKey). This is the key-type/algorithm binding of
// catalog row 2. It runs when a key is set up (NewSigner, NewVerifier, a
// remote set's key first tried), never per token, so its errors say what
// the algorithm needs and what was given.
func bindCheck(a algorithm, secret []byte, pub crypto.PublicKey) error {
	if a.mac != nil {
		if secret == nil {
			return wrap(jose.ErrKey, a.name()+" needs an HMAC secret ([]byte or an oct JWK), not "+describeKey(pub))
		}
		if len(secret) < a.mac.MinKeySize() {
			return wrap(jose.ErrKey, fmt.Sprintf("%s needs a secret of at least %d bytes, not %d", a.name(), a.mac.MinKeySize(), len(secret)))
		}
		return nil
	}
	if pub == nil {
		given := "an HMAC secret"
		if secret == nil { // the zero jwk.Key: no key material at all
			given = "no key"
		}
		return wrap(jose.ErrKey, a.name()+" needs "+needsKey(a.sig)+", not "+given)
	}
	if err := a.sig.CheckPublicKey(pub); err != nil {
		switch {
		case errors.Is(err, gencrypto.ErrKeySize):
			return wrap(jose.ErrKey, "key size not allowed for the algorithm: "+a.name()+" needs "+needsKey(a.sig)+", not "+describeKey(pub))
		case errors.Is(err, gencrypto.ErrInvalidKey):
			return errInvalidKey
		}
		return wrap(jose.ErrKey, "key type does not match the algorithm: "+a.name()+" needs "+needsKey(a.sig)+", not "+describeKey(pub))
	}
	return nil
}

// needsKey names the key a signature algorithm takes, for messages.
func needsKey(s *gencrypto.Signature) string {
	switch {
	case s.MinRSABits() > 0:
		return fmt.Sprintf("an RSA key of %d bits or more", s.MinRSABits())
	case s.Curve() != 0 && s.KeyType() == gencrypto.KeyEC:
		return "an EC " + s.Curve().String() + " key"
	case s.KeyType() == gencrypto.KeyOKP:
		return "an Ed25519 key"
	}
	return "a key of its type"
}

// describeKey names the type and size of a public key for messages, never
// its value.
func describeKey(pub crypto.PublicKey) string {
	switch k := pub.(type) {
	case nil:
		return "no key"
	case *rsa.PublicKey:
		if k == nil || k.N == nil {
			return "an empty *rsa.PublicKey"
		}
		return fmt.Sprintf("an RSA %d-bit key", k.N.BitLen())
	case *ecdsa.PublicKey:
		if k == nil || k.Curve == nil {
			return "an empty *ecdsa.PublicKey"
		}
		if p := k.Curve.Params(); p != nil && p.Name != "" {
			return "an EC " + p.Name + " key"
		}
		return fmt.Sprintf("an EC key on a curve of type %T", k.Curve)
	case ed25519.PublicKey:
		return fmt.Sprintf("an Ed25519 key of %d bytes", len(k))
	}
	return fmt.Sprintf("a %T", pub)
}

var (
	errKeyType     = wrap(jose.ErrKey, "key type does not match the algorithm")
	errInvalidKey  = wrap(jose.ErrKey, "invalid key: no valid key of its type (a point off its curve or of small order, an RSA modulus or exponent out of range)")
	errPubAsSecret = wrap(jose.ErrKey, "HMAC secret looks like an encoded public or private key; "+
		"pass the decoded key (a *rsa.PublicKey, *ecdsa.PublicKey, ed25519.PublicKey or a jwk key) instead")
)

// looksLikeEncodedKey reports whether secret, offered as an HMAC key, is in
// fact an encoded asymmetric key: PEM (even after leading whitespace), a JWK
// JSON object, an OpenSSH public key line, or DER that parses as a public or
// private key or a certificate, as is or in base64 without PEM armor. Such a "secret" is the classic HMAC/RSA confusion (catalog
// row 2: CVE-2015-9235, CVE-2023-48223, CVE-2026-48526) and is refused.
func looksLikeEncodedKey(secret []byte) bool {
	t := bytes.TrimLeft(secret, " \t\r\n\f\v")
	switch {
	case bytes.Contains(t, []byte("-----BEGIN")):
		return true
	case len(t) > 0 && t[0] == '{':
		return bytes.Contains(t, []byte(`"kty"`))
	case bytes.HasPrefix(t, []byte("ssh-")), bytes.HasPrefix(t, []byte("ecdsa-sha2-")),
		bytes.HasPrefix(t, []byte("sk-")):
		return true
	}
	if b, _ := pem.Decode(t); b != nil {
		return true
	}
	return isDERKey(secret) || isDERKey(decodeAnyBase64(t))
}

// isDERKey reports whether b is a DER public or private key, or a DER
// certificate (which carries a public key: an "x5c" entry is one in base64).
func isDERKey(b []byte) bool {
	if len(b) == 0 || b[0] != 0x30 { // DER SEQUENCE
		return false
	}
	if _, err := x509.ParsePKIXPublicKey(b); err == nil {
		return true
	}
	if _, err := x509.ParsePKCS1PublicKey(b); err == nil {
		return true
	}
	if _, err := x509.ParsePKCS8PrivateKey(b); err == nil {
		return true
	}
	if _, err := x509.ParsePKCS1PrivateKey(b); err == nil {
		return true
	}
	if _, err := x509.ParseECPrivateKey(b); err == nil {
		return true
	}
	_, err := x509.ParseCertificate(b)
	return err == nil
}

// decodeAnyBase64 decodes s as standard or URL-safe base64, padded or not,
// ignoring whitespace (a PEM body without its armor lines), or returns nil.
func decodeAnyBase64(s []byte) []byte {
	s = bytes.Join(bytes.Fields(s), nil)
	for _, enc := range []*base64.Encoding{base64.StdEncoding, base64.RawStdEncoding, base64.URLEncoding, base64.RawURLEncoding} {
		if b, err := enc.Strict().DecodeString(string(s)); err == nil {
			return b
		}
	}
	return nil
}
