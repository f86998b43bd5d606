package jwk

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"slices"
	"strings"

	"github.com/lwscrypto/lwscrypto/jose"
)

// Parse parses one JWK (RFC 7517 §4) strictly:
//
//   - the JSON is parsed by lejp (depth ≤ 64, duplicate names and names
//     differing only in case rejected, catalog row 20);
//   - "kty" is RSA, EC, oct or OKP and its required members are present
//     (other kty values, and OKP curves other than Ed25519 and X25519, are
//     ErrKey);
//   - key members are strict base64url; RSA "n" and "e" have no leading
//     zero octet; EC "x", "y", "d" are exactly the field size and OKP "x",
//     "d" exactly 32 bytes (catalog row 25);
//   - EC points are on the curve (crypto/ecdh), and an Ed25519 "x" is
//     the canonical encoding of a point (RFC 8032 §5.1.3) not of small
//     order (as libsodium: signatures under one can be forged), and an
//     X25519 "x" is none of the 7 u-coordinates of small order (RFC 7748
//     §7: ECDH with one gives the all-zero secret), its top bit ignored as
//     X25519 ignores it; private scalars
//     are in range and match the public key; RSA private keys have all of d, p, q,
//     dp, dq, qi and they are consistent (n = p·q, d·e ≡ 1 mod λ(n), CRT
//     values as the primes imply); RSA "e" is odd, ≥ 3 and < 2^31, and
//     keys with the ROCA fingerprint (CVE-2017-15361) are rejected;
//   - "use", "key_ops", "alg", "kid", "x5u" are strings (key_ops an array
//     of distinct strings, consistent with "use" when both are present;
//     "alg" and "use" not empty, as "" would read as no restriction);
//     "x5c" holds base64 DER certificates whose first one carries this
//     key; "x5t" and "x5t#S256" are 20 and 32 bytes of base64url and, with
//     "x5c", the thumbprints of its first certificate.
//
// Members this package does not interpret are kept raw (Extra) and written
// back by MarshalJSON. Errors wrap jose.ErrMalformed (JSON, types, base64),
// jose.ErrKey (key material) or jose.ErrLimit (input over a bound: nesting
// deeper than jose.MaxDepth, more than jose.MaxMembers members, "key_ops"
// or "x5c" of more than jose.MaxStrings elements, a string longer than
// lejp reads), and *lejp.SyntaxError for JSON syntax.
func Parse(raw []byte) (*Key, error) {
	o, err := jose.ParseObject(raw)
	if err != nil {
		if isPEM(raw) {
			return nil, fmt.Errorf("jwk: the input is PEM, not a JWK (ParsePEM reads it): %w", err)
		}
		return nil, fmt.Errorf("jwk: %w", err)
	}
	if _, ok := o.Get("kty"); !ok {
		if _, ok := o.Get("keys"); ok {
			return nil, fmt.Errorf(`jwk: missing "kty": the input is a JWK Set, not a JWK (ParseSet reads it): %w`, jose.ErrKey)
		}
	}
	return parseObject(o)
}

// isPEM reports whether data, offered as JSON, is in fact PEM text, for
// an error that says which function reads it.
func isPEM(data []byte) bool {
	return bytes.HasPrefix(bytes.TrimLeft(data, " \t\r\n"), []byte("-----BEGIN "))
}

// materialNames lists the members that hold key material, per kty.
var materialNames = map[string][]string{
	KeyTypeRSA: {"n", "e", "d", "p", "q", "dp", "dq", "qi", "oth"},
	KeyTypeEC:  {"crv", "x", "y", "d"},
	KeyTypeOct: {"k"},
	KeyTypeOKP: {"crv", "x", "d"},
}

func parseObject(o *jose.Object) (*Key, error) {
	ktyM, ok := o.Get("kty")
	if !ok {
		return nil, fmt.Errorf(`jwk: missing "kty": %w`, jose.ErrKey)
	}
	kty, err := ktyM.String()
	if err != nil {
		return nil, fmt.Errorf("jwk: %w", err)
	}
	names, ok := materialNames[kty]
	if !ok {
		return nil, fmt.Errorf("jwk: unsupported kty %s: %w", jose.QuoteName(kty), jose.ErrKey)
	}
	// Decode the material members of this kty.
	mat := map[string][]byte{}
	crv := ""
	var oth bool
	for _, name := range names {
		m, ok := o.Get(name)
		if !ok {
			continue
		}
		switch name {
		case "crv":
			if crv, err = m.String(); err != nil {
				return nil, fmt.Errorf("jwk: %w", err)
			}
		case "oth":
			oth = true
		default:
			b, err := m.Base64URL()
			if err != nil {
				return nil, fmt.Errorf("jwk: %w", err)
			}
			if b == nil {
				// "" decodes to nil, which the builders read as absent:
				// keep it present and empty so that they reject it.
				b = []byte{}
			}
			mat[name] = b
		}
	}
	var k *Key
	switch kty {
	case KeyTypeRSA:
		k, err = buildRSA(&rsaParams{n: mat["n"], e: mat["e"], d: mat["d"], p: mat["p"], q: mat["q"],
			dp: mat["dp"], dq: mat["dq"], qi: mat["qi"], oth: oth})
	case KeyTypeEC:
		if _, ok := o.Get("crv"); !ok {
			return nil, fmt.Errorf(`jwk: EC key needs "crv": %w`, jose.ErrKey)
		}
		k, err = buildEC(crv, mat["x"], mat["y"], mat["d"])
	case KeyTypeOKP:
		if _, ok := o.Get("crv"); !ok {
			return nil, fmt.Errorf(`jwk: OKP key needs "crv": %w`, jose.ErrKey)
		}
		k, err = buildOKP(crv, mat["x"], mat["d"])
	case KeyTypeOct:
		kb, ok := mat["k"]
		if !ok {
			return nil, fmt.Errorf(`jwk: oct key needs "k": %w`, jose.ErrKey)
		}
		if len(kb) == 0 {
			return nil, fmt.Errorf(`jwk: oct key "k" is empty: %w`, jose.ErrKey)
		}
		k = &Key{kty: KeyTypeOct, sec: kb}
	}
	if err != nil {
		return nil, err
	}
	if err := k.parseMeta(o, names); err != nil {
		return nil, err
	}
	k.extra = ownMembers(k.extra)
	return k, nil
}

// ownMembers copies the values of members, which alias the parsed input,
// into one buffer of their own, so that a caller reusing its input buffer
// does not change the key (encoding/json's results do not alias their
// input either). It allocates nothing for no members.
func ownMembers(ms []jose.Member) []jose.Member {
	n := 0
	for _, m := range ms {
		n += len(m.Value)
	}
	if n == 0 {
		return ms
	}
	buf := make([]byte, 0, n)
	for i, m := range ms {
		start := len(buf)
		buf = append(buf, m.Value...)
		ms[i] = jose.Member{Name: m.Name, Value: buf[start:len(buf):len(buf)]}
	}
	return ms
}

// parseMeta reads the members common to every kty (RFC 7517 §4.2–4.9),
// keeps the rest raw, and applies checkMeta, the rules AppendJSON applies
// too.
func (k *Key) parseMeta(o *jose.Object, material []string) error {
	var err error
	for _, m := range o.Members {
		switch m.Name {
		case "kty":
		case "kid":
			k.Kid, err = m.String()
		case "alg":
			k.Alg, err = restriction(m)
		case "use":
			k.Use, err = restriction(m)
		case "x5u":
			k.X5u, err = m.String()
		case "key_ops":
			k.KeyOps, err = m.Strings()
		case "x5t":
			k.X5t, err = present(m.Base64URL())
		case "x5t#S256":
			k.X5tS256, err = present(m.Base64URL())
		case "x5c":
			err = k.parseX5c(m)
		default:
			if !slices.Contains(material, m.Name) {
				k.extra = append(k.extra, m)
			}
		}
		if err != nil {
			return fmt.Errorf("jwk: %w", err)
		}
	}
	return k.checkMeta()
}

// restriction decodes "alg" or "use", which restrict the key's use
// (CheckUse). "" names no algorithm or use, and a Key field of "" means
// absent, unrestricted: a present empty value is refused rather than read
// as no restriction (as "key_ops": [] is kept as allowing nothing).
func restriction(m jose.Member) (string, error) {
	s, err := m.String()
	if err == nil && s == "" {
		err = fmt.Errorf("%s is empty: %w", jose.QuoteName(m.Name), jose.ErrMalformed)
	}
	return s, err
}

// present keeps a decoded member present: "" decodes to nil, which would
// read as absent, so it becomes an empty slice, which checkMeta refuses.
func present(b []byte, err error) ([]byte, error) {
	if b == nil && err == nil {
		b = []byte{}
	}
	return b, err
}

// parseX5c decodes "x5c"; checkMeta checks the certificates.
func (k *Key) parseX5c(m jose.Member) error {
	certs, err := m.Strings()
	if err != nil {
		return err
	}
	if len(certs) == 0 {
		return fmt.Errorf(`"x5c" is empty: %w`, jose.ErrMalformed)
	}
	k.X5c = make([][]byte, len(certs))
	for i, c := range certs {
		der, err := base64.StdEncoding.Strict().DecodeString(c)
		if err != nil || len(c) == 0 || strings.ContainsAny(c, "\r\n") {
			return fmt.Errorf(`"x5c" certificate %d is not base64: %w`, i, jose.ErrMalformed)
		}
		k.X5c[i] = der
	}
	return nil
}
