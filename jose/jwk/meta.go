package jwk

import (
	"bytes"
	"crypto"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/x509"
	"fmt"
	"strings"

	"github.com/lwscrypto/lwscrypto/jose"
)

// checkMeta applies the rules of RFC 7517 §4.3–4.9 on the metadata fields
// that Parse enforces, after decoding them, and that AppendJSON enforces
// before writing them: one function, so that what one writes the other
// reads. The rules:
//
//   - "x5t" is 20 bytes and "x5t#S256" 32 (a non-nil empty slice is
//     present, as "" is in JSON);
//   - "key_ops" and "x5c" hold at most jose.MaxStrings elements, the
//     bound jose puts on arrays of strings;
//   - "key_ops" names no operation twice, and when "use" is present no
//     operation of RFC 7517 §4.3 that belongs to another use (§4.3: the
//     two SHOULD NOT be used together unless consistent);
//   - no member kept raw (Extra) differs only in case from one of these;
//   - every "x5c" entry is a non-empty X.509 certificate (DER, nothing
//     after it), the first one's key is this key, and "x5t", "x5t#S256"
//     are its thumbprints; the chain is not verified.
//
// It allocates nothing unless X5c is set (its certificates are then
// parsed), KeyOps has more than 16 operations (repeated then uses a set)
// or it fails. Its
// errors name the member and wrap jose.ErrMalformed (sizes,
// certificates that are not), jose.ErrLimit (counts) or jose.ErrKey.
func (k *Key) checkMeta() error {
	if k.X5t != nil && len(k.X5t) != sha1.Size {
		return fmt.Errorf(`jwk: "x5t" must be %d bytes: %w`, sha1.Size, jose.ErrMalformed)
	}
	if k.X5tS256 != nil && len(k.X5tS256) != sha256.Size {
		return fmt.Errorf(`jwk: "x5t#S256" must be %d bytes: %w`, sha256.Size, jose.ErrMalformed)
	}
	if len(k.KeyOps) > jose.MaxStrings {
		return fmt.Errorf(`jwk: "key_ops" has more than %d operations: %w`, jose.MaxStrings, jose.ErrLimit)
	}
	if op, dup := repeated(k.KeyOps); dup {
		return fmt.Errorf(`jwk: "key_ops" lists %s twice: %w`, jose.QuoteName(op), jose.ErrKey)
	}
	if k.Use != "" && k.KeyOps != nil {
		for _, op := range k.KeyOps {
			if knownOps[op] && Op(op).use() != k.Use {
				return fmt.Errorf(`jwk: "key_ops" %s contradicts "use" %s: %w`, jose.QuoteName(op), jose.QuoteName(k.Use), jose.ErrKey)
			}
		}
	}
	if err := k.checkExtraNames(); err != nil {
		return err
	}
	if len(k.X5c) > 0 {
		return k.checkX5c()
	}
	return nil
}

// repeated returns an element of ops that appears twice: by comparing
// each with those before it while there are few (no allocation), through
// a set beyond, so that a list of jose.MaxStrings operations in each key
// of a large set costs linear time, not 500,000 comparisons a key.
func repeated(ops []string) (string, bool) {
	if len(ops) <= 16 {
		for i, op := range ops {
			for _, prev := range ops[:i] {
				if prev == op {
					return op, true
				}
			}
		}
		return "", false
	}
	seen := make(map[string]struct{}, len(ops))
	for _, op := range ops {
		if _, dup := seen[op]; dup {
			return op, true
		}
		seen[op] = struct{}{}
	}
	return "", false
}

// metaNames are the metadata members Key's fields hold.
var metaNames = [...]string{"kid", "alg", "use", "key_ops", "x5u", "x5c", "x5t", "x5t#S256"}

// checkExtraNames refuses a member kept raw (Extra) whose name differs only
// in case (strings.EqualFold, Unicode simple folding, as jose.ParseObject
// compares names: "\u212aid" is "kid") from a metadata member k has: Parse
// refuses such pairs (catalog row 20), and they arise when a field is set
// after Parse kept the other spelling.
func (k *Key) checkExtraNames() error {
	for _, m := range k.extra {
		for _, name := range metaNames {
			if m.Name != name && strings.EqualFold(m.Name, name) && k.hasMeta(name) {
				return fmt.Errorf(`jwk: member %s differs only in case from %q: %w`, jose.QuoteName(m.Name), name, jose.ErrMalformed)
			}
		}
	}
	return nil
}

// hasMeta reports whether k writes the metadata member name.
func (k *Key) hasMeta(name string) bool {
	switch name {
	case "kid":
		return k.Kid != ""
	case "alg":
		return k.Alg != ""
	case "use":
		return k.Use != ""
	case "key_ops":
		return k.KeyOps != nil
	case "x5u":
		return k.X5u != ""
	case "x5c":
		return len(k.X5c) > 0
	case "x5t":
		return k.X5t != nil
	case "x5t#S256":
		return k.X5tS256 != nil
	}
	return false
}

// checkX5c checks a non-empty X5c and the thumbprints against its leaf.
func (k *Key) checkX5c() error {
	if len(k.X5c) > jose.MaxStrings {
		return fmt.Errorf(`jwk: "x5c" has more than %d certificates: %w`, jose.MaxStrings, jose.ErrLimit)
	}
	for i, der := range k.X5c {
		if len(der) == 0 {
			return fmt.Errorf(`jwk: "x5c" certificate %d is empty: %w`, i, jose.ErrMalformed)
		}
	}
	// RFC 7517 §4.7: each entry is a DER PKIX certificate. The chain is not
	// verified (the x509 package's job), but what is not a certificate is
	// not kept as one.
	for i, der := range k.X5c[1:] {
		if _, err := x509.ParseCertificate(der); err != nil {
			return fmt.Errorf(`jwk: "x5c" certificate %d: %v: %w`, i+1, err, jose.ErrMalformed)
		}
	}
	cert, err := x509.ParseCertificate(k.X5c[0])
	if err != nil {
		return fmt.Errorf(`jwk: "x5c" leaf certificate: %v: %w`, err, jose.ErrMalformed)
	}
	if e, ok := cert.PublicKey.(interface{ Equal(crypto.PublicKey) bool }); !ok || k.pub == nil || !e.Equal(k.pub) {
		return fmt.Errorf(`jwk: "x5c" leaf certificate does not hold this key: %w`, jose.ErrKey)
	}
	// RFC 7517 §4.8, §4.9: the thumbprints are of the leaf certificate.
	if k.X5t != nil {
		if s := sha1.Sum(k.X5c[0]); !bytes.Equal(k.X5t, s[:]) {
			return fmt.Errorf(`jwk: "x5t" is not the thumbprint of the "x5c" leaf: %w`, jose.ErrKey)
		}
	}
	if k.X5tS256 != nil {
		if s := sha256.Sum256(k.X5c[0]); !bytes.Equal(k.X5tS256, s[:]) {
			return fmt.Errorf(`jwk: "x5t#S256" is not the thumbprint of the "x5c" leaf: %w`, jose.ErrKey)
		}
	}
	return nil
}
