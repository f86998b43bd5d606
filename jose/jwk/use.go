package jwk

import (
	"crypto/ecdh"
	"crypto/ecdsa"
	"fmt"
	"slices"
	"strings"

	"github.com/lwscrypto/lwscrypto/gencrypto"
	"github.com/lwscrypto/lwscrypto/jose"
)

// Op is a key operation, named as in "key_ops" (RFC 7517 §4.3).
type Op string

// The key operations of RFC 7517 §4.3.
const (
	OpSign       Op = "sign"
	OpVerify     Op = "verify"
	OpEncrypt    Op = "encrypt"
	OpDecrypt    Op = "decrypt"
	OpWrapKey    Op = "wrapKey"
	OpUnwrapKey  Op = "unwrapKey"
	OpDeriveKey  Op = "deriveKey"
	OpDeriveBits Op = "deriveBits"
)

var knownOps = map[string]bool{
	"sign": true, "verify": true, "encrypt": true, "decrypt": true,
	"wrapKey": true, "unwrapKey": true, "deriveKey": true, "deriveBits": true,
}

// use returns the "use" value an operation belongs to (RFC 7517 §4.2).
func (op Op) use() string {
	if op == OpSign || op == OpVerify {
		return "sig"
	}
	return "enc"
}

// private reports whether the operation needs the private (or secret) key.
func (op Op) private() bool {
	switch op {
	case OpSign, OpDecrypt, OpUnwrapKey, OpDeriveKey, OpDeriveBits:
		return true
	}
	return false
}

// CheckUse reports whether k may be used for alg to perform op, and returns
// an error wrapping jose.ErrKey when not. It is the check JWS and JWE run on
// a key before computing anything:
//
//   - a key with "alg" is used with that algorithm only (catalog row 3: an
//     RS256 key does not verify PS256);
//   - a key with "use" is used for that purpose only ("enc" keys do not
//     verify signatures), and a key with "key_ops" for the listed
//     operations only;
//   - the key type, curve and size must fit alg (an HMAC algorithm takes an
//     oct key at least as long as its hash; ES256 takes a P-256 key; RSA
//     algorithms take 2048 bits or more), so an RSA public key can never be
//     an HMAC secret (catalog row 2);
//   - sign, decrypt, unwrapKey and derive operations need the private key.
//
// A key of a type alg does not take is gencrypto.ErrKeyType too, and one
// of its type but a size alg does not take gencrypto.ErrKeySize, as
// gencrypto's own key checks report them.
//
// alg is a JOSE algorithm name: a JWS "alg" (HS256 … EdDSA, Ed25519) or a
// JWE "alg" or "enc". Unknown names, "none", and the names of algorithms
// gencrypto has for COSE only (the truncated MAC "HMAC 256/64", AES-CCM,
// ChaCha20/Poly1305) are jose.ErrAlgorithm.
func (k *Key) CheckUse(alg string, op Op) error {
	if k == nil {
		return errNilKey
	}
	if !knownOps[string(op)] {
		return fmt.Errorf("jwk: unknown key operation %s: %w", jose.QuoteName(string(op)), jose.ErrKey)
	}
	a, known := gencrypto.ByName(alg)
	if !isJOSEAlg(a, known, alg) {
		// Before the key's own rules, so that an unknown name is
		// jose.ErrAlgorithm for every key, as documented.
		if strings.EqualFold(alg, "none") {
			return fmt.Errorf("jwk: \"none\" is never allowed: %w", jose.ErrAlgorithm)
		}
		return fmt.Errorf("jwk: %s is not a known JOSE algorithm: %w", jose.QuoteName(alg), jose.ErrAlgorithm)
	}
	if k.Alg != "" && k.Alg != alg {
		return keyErr("key is for %s, not %s", jose.QuoteName(k.Alg), jose.QuoteName(alg))
	}
	if k.Use != "" && k.Use != op.use() {
		return keyErr("key has use %s and cannot %s", jose.QuoteName(k.Use), op)
	}
	if k.KeyOps != nil && !slices.Contains(k.KeyOps, string(op)) {
		return keyErr("key_ops %s does not allow %s", quoteOps(k.KeyOps), op)
	}
	if op.private() && !k.IsPrivate() {
		return keyErr("%s needs a private key", op)
	}
	if !known {
		return k.fitsJWE(alg, op)
	}
	return k.fits(a, alg, op)
}

// quoteOps renders ops for a message as fmt's %q renders a []string, but
// within a bound: at most maxQuotedOps operations, each as jose.QuoteName
// quotes it, then "…" and the count. A key's metadata is its issuer's to
// size, and CheckUse runs for every key of a set a token without "kid"
// may use (Set.Candidates), so a message as long as "key_ops" would cost
// each such token that much.
func quoteOps(ops []string) string {
	var b strings.Builder
	b.WriteByte('[')
	for i, op := range ops {
		if i == maxQuotedOps {
			fmt.Fprintf(&b, " … (%d in all)", len(ops))
			break
		}
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(jose.QuoteName(op))
	}
	b.WriteByte(']')
	return b.String()
}

// maxQuotedOps bounds the operations quoteOps writes.
const maxQuotedOps = 8

// jweAlgs are the JWE "alg" values that are not registry entries of their
// own; fitsJWE handles them.
var jweAlgs = map[string]bool{
	"dir": true, "A128GCMKW": true, "A192GCMKW": true, "A256GCMKW": true,
	"PBES2-HS256+A128KW": true, "PBES2-HS384+A192KW": true, "PBES2-HS512+A256KW": true,
	"RSA1_5": true, "ECDH-ES": true, "ECDH-ES+A128KW": true, "ECDH-ES+A192KW": true, "ECDH-ES+A256KW": true,
}

// joseEnc are the JWE "enc" values (RFC 7518 §5.1) among the registry's
// AEAD entries; the others (AES-CCM, ChaCha20/Poly1305) are COSE-only.
var joseEnc = map[string]bool{
	"A128GCM": true, "A192GCM": true, "A256GCM": true,
	"A128CBC-HS256": true, "A192CBC-HS384": true, "A256CBC-HS512": true,
}

// joseMAC reports whether a registry MAC is a JWS one (HS256/384/512,
// RFC 7518 §3.2): its tag is the whole hash. The truncated ones ("HMAC
// 256/64") are COSE-only.
func joseMAC(a *gencrypto.MAC) bool { return a.TagSize() == a.Hash().Size() }

// isJOSEAlg reports whether CheckUse knows alg: a registry entry a (found
// says it is one) with a JOSE name of a family fits handles, or one of
// jweAlgs. The registry also names COSE-only algorithms of those families;
// they are not JOSE algorithms.
func isJOSEAlg(a gencrypto.Algorithm, found bool, alg string) bool {
	if !found {
		return jweAlgs[alg]
	}
	switch a := a.(type) {
	case *gencrypto.Signature, *gencrypto.KeyWrap, *gencrypto.KeyEncryption:
		return true
	case *gencrypto.MAC:
		return joseMAC(a)
	case *gencrypto.AEAD:
		return joseEnc[alg]
	}
	return false
}

// fits binds the key's type to the algorithm family of a, the registry
// entry named alg.
func (k *Key) fits(a gencrypto.Algorithm, alg string, op Op) error {
	switch a := a.(type) {
	case *gencrypto.Signature:
		if op != OpSign && op != OpVerify {
			return keyErr("%s is a signature algorithm; it cannot %s", alg, op)
		}
		if k.pub == nil {
			return typeErr("%s needs an %s key, not %s", alg, a.KeyType(), k.describe())
		}
		if err := a.CheckPublicKey(k.pub); err != nil {
			return fmt.Errorf("jwk: %s key cannot be used for %s: %w: %w", k.describe(), alg, jose.ErrKey, err)
		}
		if op == OpSign {
			if _, ok := k.Signer(); !ok {
				return keyErr("%s key cannot sign", k.describe())
			}
		}
		return nil
	case *gencrypto.MAC:
		if op != OpSign && op != OpVerify {
			return keyErr("%s is a MAC algorithm; it cannot %s", alg, op)
		}
		if k.kty != KeyTypeOct {
			return typeErr("%s needs an oct key, not %s", alg, k.describe())
		}
		if len(k.sec) < a.MinKeySize() {
			return sizeErr("%d-byte key is too short for %s", len(k.sec), alg)
		}
		return nil
	case *gencrypto.AEAD:
		if op == OpSign || op == OpVerify {
			return keyErr("%s is an encryption algorithm; it cannot %s", alg, op)
		}
		return k.octOfSize(alg, a.KeySize())
	case *gencrypto.KeyWrap:
		if op == OpSign || op == OpVerify {
			return keyErr("%s is a key wrap algorithm; it cannot %s", alg, op)
		}
		return k.octOfSize(alg, a.KeySize())
	case *gencrypto.KeyEncryption:
		if op == OpSign || op == OpVerify {
			return keyErr("%s is a key encryption algorithm; it cannot %s", alg, op)
		}
		if k.kty != KeyTypeRSA {
			return typeErr("%s needs an RSA key, not %s", alg, k.describe())
		}
		if k.Bits() < 2048 {
			return sizeErr("%s needs an RSA key of 2048 bits or more", alg)
		}
		return nil
	}
	return fmt.Errorf("jwk: %s is not a JOSE algorithm: %w", jose.QuoteName(alg), jose.ErrAlgorithm)
}

func (k *Key) sizeString() string {
	if k.kty == KeyTypeOct {
		return fmt.Sprintf("a %d-byte oct key", len(k.sec))
	}
	return k.describe()
}

// fitsJWE covers JWE "alg" values that are not registry entries of their own:
// dir, A*GCMKW, ECDH-ES(+A*KW), PBES2, RSA1_5.
func (k *Key) fitsJWE(alg string, op Op) error {
	if op == OpSign || op == OpVerify {
		// A known name (CheckUse answered jose.ErrAlgorithm for the
		// others): the key cannot be used so, as in fits.
		return keyErr("%s is a JWE algorithm; it cannot %s", alg, op)
	}
	octSize := func(n int) error { return k.octOfSize(alg, n) }
	switch alg {
	case "dir":
		return octSize(0)
	case "A128GCMKW":
		return octSize(16)
	case "A192GCMKW":
		return octSize(24)
	case "A256GCMKW":
		return octSize(32)
	case "PBES2-HS256+A128KW", "PBES2-HS384+A192KW", "PBES2-HS512+A256KW":
		return octSize(0)
	case "RSA1_5":
		return k.rsaOf2048(alg)
	case "ECDH-ES", "ECDH-ES+A128KW", "ECDH-ES+A192KW", "ECDH-ES+A256KW":
		switch k.pub.(type) {
		case *ecdsa.PublicKey:
			return nil
		case *ecdh.PublicKey:
			return nil
		}
		return typeErr("%s needs an EC or X25519 key, not %s", alg, k.describe())
	}
	return fmt.Errorf("jwk: %s is not a known JOSE algorithm: %w", jose.QuoteName(alg), jose.ErrAlgorithm)
}

// typeErr and sizeErr are CheckUse's refusals of a key that does not fit
// alg, as gencrypto's checks of signature keys report them: a key of
// another type than alg takes (gencrypto.ErrKeyType), or of its type but
// a size alg does not take (gencrypto.ErrKeySize), both jose.ErrKey too.
func typeErr(format string, args ...any) error {
	return fmt.Errorf("jwk: "+format+": %w: %w", append(args, jose.ErrKey, gencrypto.ErrKeyType)...)
}

func sizeErr(format string, args ...any) error {
	return fmt.Errorf("jwk: "+format+": %w: %w", append(args, jose.ErrKey, gencrypto.ErrKeySize)...)
}

// octOfSize refuses a key for alg unless it is an oct key of n bytes (of
// any size when n is 0).
func (k *Key) octOfSize(alg string, n int) error {
	switch {
	case k.kty != KeyTypeOct || len(k.sec) == 0:
		if n == 0 {
			return typeErr("%s needs an oct key, not %s", alg, k.sizeString())
		}
		return typeErr("%s needs a %d-byte oct key, not %s", alg, n, k.sizeString())
	case n != 0 && len(k.sec) != n:
		return sizeErr("%s needs a %d-byte oct key, not %s", alg, n, k.sizeString())
	}
	return nil
}

// rsaOf2048 refuses a key for alg (RSA1_5) unless it is an RSA key of
// 2048 bits or more.
func (k *Key) rsaOf2048(alg string) error {
	if k.kty != KeyTypeRSA {
		return typeErr("%s needs an RSA key of 2048 bits or more, not %s", alg, k.describe())
	}
	if k.Bits() < 2048 {
		return sizeErr("%s needs an RSA key of 2048 bits or more, not %s", alg, k.describe())
	}
	return nil
}
