package jwk

import (
	"bytes"
	"crypto/ecdh"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/rsa"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/asn1"
	"encoding/pem"
	"errors"
	"fmt"
	"math/big"

	"github.com/lwscrypto/lwscrypto/internal/pemtext"

	"github.com/lwscrypto/lwscrypto/jose"
)

// maxPEM bounds the PEM input ParsePEM looks at.
const maxPEM = 1 << 20

// ParsePEM reads the key or certificate chain in PEM text and returns it
// as a Key. It accepts the blocks
//
//	PUBLIC KEY        SubjectPublicKeyInfo (RFC 5280), any supported key type
//	RSA PUBLIC KEY    PKCS #1 (RFC 8017 Appendix A.1.1)
//	PRIVATE KEY       PKCS #8 (RFC 5208, RFC 8410 for Ed25519 and X25519)
//	RSA PRIVATE KEY   PKCS #1
//	EC PRIVATE KEY    SEC 1 (RFC 5915)
//	CERTIFICATE       X.509: the certificate's public key, with "x5c" set to
//	                  every certificate in the input, leaf first
//
// The text holds one key: one key block, or certificate blocks (a chain,
// leaf first), and "EC PARAMETERS" blocks beside them (before, as
// `openssl ecparam -genkey` writes them, or after). Any other block (a
// second key, a private key with its certificate or public key) is
// jose.ErrMalformed, so that ParsePEM never picks one key out of several,
// and so is a BEGIN line that starts no block (bad base64, a missing or
// mismatched END line), which pem.Decode would skip, or a line that ends
// as a BEGIN line does but begins with other text (indented, or after a
// quote), whose block pem.Decode would skip as text. Other text, before,
// between or after the blocks, is skipped: openssl writes "Bag
// Attributes", "subject=" lines or `x509 -text`'s dump before a block, and
// `pkey -text`'s dump after it. Encrypted PEM is not supported.
// Each EC PARAMETERS block must be a named curve's OID (RFC 5480 §2.1.1;
// jose.ErrMalformed otherwise) naming the key's curve: beside a key of
// another curve or type it is jose.ErrKey. For certificates, the chain is
// not verified, but it obeys the rules Parse applies to "x5c": every block
// a certificate (jose.ErrMalformed), at most jose.MaxStrings (jose.ErrLimit).
func ParsePEM(data []byte) (*Key, error) {
	if len(data) > maxPEM {
		return nil, fmt.Errorf("jwk: PEM input larger than %d bytes: %w", maxPEM, jose.ErrLimit)
	}
	var params []asn1.ObjectIdentifier // of the EC PARAMETERS blocks
	rest := data
	for {
		var b *pem.Block
		b, rest = pem.Decode(rest)
		if b == nil {
			if len(params) < pemtext.BeginLines(data) {
				return nil, errBrokenBlock
			}
			t := bytes.TrimLeft(data, " \t\r\n")
			switch {
			case len(t) > 0 && t[0] == '{':
				return nil, fmt.Errorf("jwk: no PEM key or certificate found: the input is JSON (Parse reads a JWK, ParseSet a JWK Set): %w", jose.ErrMalformed)
			case bytes.HasPrefix(t, []byte("ssh-")) || bytes.HasPrefix(t, []byte("ecdsa-sha2-")):
				return nil, fmt.Errorf("jwk: no PEM key or certificate found: the input is an OpenSSH public key line (ssh-keygen -e -m PKCS8 -f FILE writes an RSA or ECDSA one as PEM): %w", jose.ErrMalformed)
			}
			if len(params) < pemtext.BeginMarks(data) {
				return nil, errBeginMidLine
			}
			return nil, fmt.Errorf("jwk: no PEM key or certificate found: %w", jose.ErrMalformed)
		}
		if len(b.Headers) > 0 {
			return nil, fmt.Errorf("jwk: PEM block with headers (encrypted?) is not supported: %w", jose.ErrMalformed)
		}
		if b.Type == "EC PARAMETERS" {
			o, err := ecParams(b)
			if err != nil {
				return nil, err
			}
			params = append(params, o)
			continue
		}
		// What follows, checked before the block is parsed (cheap first).
		chain, after, err := following(b.Type, rest)
		if err != nil {
			return nil, err
		}
		// pem.Decode passes over a block it cannot read to the next one:
		// every BEGIN line must have been a block read here.
		if n := len(params) + 1 + len(chain) + len(after); n != pemtext.BeginLines(data) {
			return nil, errBrokenBlock
		} else if n != pemtext.BeginMarks(data) {
			return nil, errBeginMidLine
		}
		params = append(params, after...)
		var k *Key
		if b.Type == "CERTIFICATE" {
			k, err = certChain(b.Bytes, chain)
		} else {
			k, err = ParseDER(b.Type, b.Bytes)
		}
		if err != nil {
			return nil, err
		}
		for _, o := range params {
			if want, ok := curveOIDs[k.crv]; !ok || k.kty != KeyTypeEC || !o.Equal(want) {
				return nil, fmt.Errorf("jwk: EC PARAMETERS block names curve %v beside a %s key: %w", o, k.describe(), jose.ErrKey)
			}
		}
		return k, nil
	}
}

// errBeginMidLine is PEM text with a BEGIN marker that does not start its
// line (see pemtext.BeginMarks).
var errBeginMidLine = fmt.Errorf("jwk: PEM text holds a BEGIN line that does not start its line (indented, or after other text), so its block would be skipped: %w", jose.ErrMalformed)

// errBrokenBlock is PEM text with a BEGIN line that starts no block
// pem.Decode can read (bad base64, an END line of another type or none),
// which it would skip as text: ParsePEM reads around no block.
var errBrokenBlock = fmt.Errorf("jwk: PEM text holds a block that does not decode (bad base64, or a BEGIN line without its END line): %w", jose.ErrMalformed)

// curveOIDs are the named curves' OIDs (RFC 5480 §2.1.1.1).
var curveOIDs = map[string]asn1.ObjectIdentifier{
	CurveP256: {1, 2, 840, 10045, 3, 1, 7},
	CurveP384: {1, 3, 132, 0, 34},
	CurveP521: {1, 3, 132, 0, 35},
}

// following checks what follows the block of type typ that ParsePEM
// reads: EC PARAMETERS blocks, whose curves it returns (checked against
// the key as those before it), and after a certificate, certificates,
// whose DER it returns (the rest of the chain). Text
// before a block is skipped, as before the first one, and so is text after
// the last (ParsePEM refuses a BEGIN line in it, errBrokenBlock).
func following(typ string, rest []byte) (chain [][]byte, params []asn1.ObjectIdentifier, err error) {
	for {
		b, tail := pem.Decode(rest)
		if b == nil {
			break
		}
		switch {
		case typ == "CERTIFICATE" && b.Type == "CERTIFICATE":
			// A chain certificate may carry a comment header (some CA
			// bundles have them), never RFC 1421's encryption headers:
			// an encrypted block is not a certificate to read as one.
			if _, ok := b.Headers["Proc-Type"]; ok {
				return nil, nil, fmt.Errorf("jwk: PEM CERTIFICATE block after the first is encrypted (Proc-Type header): %w", jose.ErrMalformed)
			}
			if _, ok := b.Headers["DEK-Info"]; ok {
				return nil, nil, fmt.Errorf("jwk: PEM CERTIFICATE block after the first is encrypted (DEK-Info header): %w", jose.ErrMalformed)
			}
			chain = append(chain, b.Bytes)
		case b.Type == "EC PARAMETERS":
			o, err := ecParams(b)
			if err != nil {
				return nil, nil, err
			}
			params = append(params, o)
		default:
			return nil, nil, fmt.Errorf("jwk: PEM %s block after the %s one: ParsePEM reads one key (or one certificate chain): %w", b.Type, typ, jose.ErrMalformed)
		}
		rest = tail
	}
	return chain, params, nil
}

// ecParams reads an EC PARAMETERS block, which must be one named curve's
// OID (RFC 5480 §2.1.1).
func ecParams(b *pem.Block) (asn1.ObjectIdentifier, error) {
	if len(b.Headers) > 0 {
		return nil, fmt.Errorf("jwk: PEM block with headers (encrypted?) is not supported: %w", jose.ErrMalformed)
	}
	var o asn1.ObjectIdentifier
	if tail, err := asn1.Unmarshal(b.Bytes, &o); err != nil || len(tail) > 0 {
		return nil, fmt.Errorf("jwk: EC PARAMETERS block is not one named curve OID: %w", jose.ErrMalformed)
	}
	return o, nil
}

func certChain(first []byte, chain [][]byte) (*Key, error) {
	ders := append([][]byte{first}, chain...)
	cert, err := x509.ParseCertificate(first)
	if err != nil {
		return nil, fmt.Errorf("jwk: parsing certificate: %v: %w", err, jose.ErrMalformed)
	}
	k, err := New(cert.PublicKey)
	if err != nil {
		return nil, err
	}
	k.X5c = ders
	// The chain obeys the "x5c" rules of Parse (no empty certificate, at
	// most jose.MaxStrings), so that the key can be written and read back.
	if err := k.checkMeta(); err != nil {
		return nil, err
	}
	return k, nil
}

// ParseDER parses a DER key of the given PEM type ("PUBLIC KEY", "PRIVATE
// KEY", "RSA PRIVATE KEY", "RSA PUBLIC KEY", "EC PRIVATE KEY",
// "CERTIFICATE"). An empty typ tries each key form in turn.
//
// The DER must be one value, with nothing after it (nor after the key
// inside PKCS #8), a PKCS #8 key version 0 or 1 (RFC 5958) and a PKCS #1
// RSA key version 0 (two primes, RFC 8017): jose.ErrMalformed. A private key that carries its
// public key (SEC 1, PKCS #8 v2) or its curve (SEC 1 inside PKCS #8) must
// carry the ones its private key and the PKCS #8 algorithm imply, as Parse
// requires of a JWK's "x", "y" and "d": jose.ErrKey.
func ParseDER(typ string, der []byte) (*Key, error) {
	var key any
	var err error
	switch typ {
	case "PUBLIC KEY", "RSA PUBLIC KEY", "PRIVATE KEY", "RSA PRIVATE KEY", "EC PRIVATE KEY", "CERTIFICATE":
		if err := wholeDER(typ, der); err != nil {
			return nil, err
		}
	}
	switch typ {
	case "PUBLIC KEY":
		key, err = x509.ParsePKIXPublicKey(der)
	case "RSA PUBLIC KEY":
		key, err = x509.ParsePKCS1PublicKey(der)
	case "PRIVATE KEY":
		var info pkcs8Info
		var isRSA bool
		if isRSA, err = checkPKCS8(der, &info); err != nil {
			return nil, err
		}
		if key, err = x509.ParsePKCS8PrivateKey(der); err != nil && isRSA {
			return nil, rsaInvalid(err)
		}
		if err == nil {
			if p, ok := key.(*ecdsa.PrivateKey); ok {
				if err := checkSEC1(info.PrivateKey, info.Algo.Parameters.FullBytes, p); err != nil {
					return nil, err
				}
			}
			if err := checkPKCS8Public(&info, key); err != nil {
				return nil, err
			}
		}
	case "RSA PRIVATE KEY":
		var isRSA bool
		if isRSA, err = checkPKCS1Size(der); err != nil {
			return nil, err
		}
		if key, err = x509.ParsePKCS1PrivateKey(der); err != nil && isRSA {
			return nil, rsaInvalid(err)
		}
	case "EC PRIVATE KEY":
		var p *ecdsa.PrivateKey
		if p, err = x509.ParseECPrivateKey(der); err == nil {
			if err := checkSEC1(der, nil, p); err != nil {
				return nil, err
			}
			key = p
		}
	case "CERTIFICATE":
		return certChain(der, nil)
	case "":
		for _, t := range []string{"PRIVATE KEY", "PUBLIC KEY", "EC PRIVATE KEY", "RSA PRIVATE KEY", "RSA PUBLIC KEY", "CERTIFICATE"} {
			k, err := ParseDER(t, der)
			if err == nil {
				return k, nil
			}
			// ErrKey: the DER is this form's key (or one refused before
			// validation, errRSASize) but the key is not acceptable; the
			// other forms would not read it, and the reason matters.
			if errors.Is(err, jose.ErrKey) {
				return nil, err
			}
		}
		return nil, fmt.Errorf("jwk: DER input is not a supported key or certificate: %w", jose.ErrMalformed)
	case "ENCRYPTED PRIVATE KEY":
		return nil, fmt.Errorf("jwk: PEM block %q is not supported: decrypt the key first (openssl pkey -in FILE -out key.pem): %w", typ, jose.ErrMalformed)
	case "OPENSSH PRIVATE KEY":
		return nil, fmt.Errorf("jwk: PEM block %q is not supported: OpenSSH's own key format (ssh-keygen -p -m PKCS8 -f FILE rewrites an RSA or ECDSA key as PKCS #8): %w", typ, jose.ErrMalformed)
	default:
		return nil, fmt.Errorf("jwk: PEM block %q is not a key: %w", typ, jose.ErrMalformed)
	}
	if err != nil {
		return nil, fmt.Errorf("jwk: parsing %s: %v: %w", typ, err, jose.ErrMalformed)
	}
	return New(key)
}

// MarshalPEM returns k in PEM: private keys as PKCS #8 ("PRIVATE KEY"),
// public keys as SubjectPublicKeyInfo ("PUBLIC KEY"). oct keys have no PEM
// form.
func (k *Key) MarshalPEM() ([]byte, error) {
	typ, der, err := k.MarshalDER()
	if err != nil {
		return nil, err
	}
	return pem.EncodeToMemory(&pem.Block{Type: typ, Bytes: der}), nil
}

// MarshalDER returns k as DER with its PEM type: PKCS #8 for private keys,
// SubjectPublicKeyInfo for public ones.
func (k *Key) MarshalDER() (typ string, der []byte, err error) {
	if k == nil {
		return "", nil, errNilKey
	}
	if k.kty == "" {
		return "", nil, fmt.Errorf(`jwk: key has no key material ("kty"); make it with Parse, New or Generate: %w`, jose.ErrKey)
	}
	if k.kty == KeyTypeOct {
		return "", nil, fmt.Errorf("jwk: oct keys have no PEM or DER form: %w", jose.ErrKey)
	}
	if k.prv != nil {
		der, err = x509.MarshalPKCS8PrivateKey(k.prv)
		typ = "PRIVATE KEY"
	} else {
		der, err = x509.MarshalPKIXPublicKey(k.pub)
		typ = "PUBLIC KEY"
	}
	if err != nil {
		return "", nil, fmt.Errorf("jwk: encoding %s: %v: %w", k.describe(), err, jose.ErrKey)
	}
	return typ, der, nil
}

// MarshalLegacyDER returns a private key in its algorithm-specific form:
// PKCS #1 for RSA ("RSA PRIVATE KEY"), SEC 1 for EC ("EC PRIVATE KEY"); and
// an RSA public key as PKCS #1 ("RSA PUBLIC KEY"). Other keys have no such
// form (use MarshalDER).
func (k *Key) MarshalLegacyDER() (typ string, der []byte, err error) {
	if k == nil {
		return "", nil, errNilKey
	}
	switch p := k.prv.(type) {
	case *rsa.PrivateKey:
		return "RSA PRIVATE KEY", x509.MarshalPKCS1PrivateKey(p), nil
	case *ecdsa.PrivateKey:
		der, err := x509.MarshalECPrivateKey(p)
		if err != nil {
			return "", nil, fmt.Errorf("jwk: %v: %w", err, jose.ErrKey)
		}
		return "EC PRIVATE KEY", der, nil
	case nil:
		if p, ok := k.pub.(*rsa.PublicKey); ok {
			return "RSA PUBLIC KEY", x509.MarshalPKCS1PublicKey(p), nil
		}
	}
	return "", nil, fmt.Errorf("jwk: %s key has no PKCS #1 or SEC 1 form: %w", k.describe(), jose.ErrKey)
}

// errRSASize marks an RSA private key refused by checkPKCS1Size.
var errRSASize = errors.New("refused before validation")

// checkPKCS1Size refuses a PKCS #1 RSA private key (RFC 8017 Appendix
// A.1.2) of a version other than 0 (jose.ErrMalformed), or whose modulus
// is larger than maxRSABits, or whose primes do not multiply to it
// (checkRSAFactors), before crypto/x509 validates it: the
// standard library bounds neither, and its checks cost about bits^3.6 (a
// 131,072-bit key takes seconds). Input that does not even start like one
// is left to crypto/x509 to report; isRSA reports whether der starts like
// one (a version, n, e, d, p and q), so that a refusal by crypto/x509 is
// about the key, not the encoding (rsaInvalid).
func checkPKCS1Size(der []byte) (isRSA bool, err error) {
	var head struct {
		Version int
		N       *big.Int
		E       int
		D, P, Q *big.Int
	}
	if _, err := asn1.Unmarshal(der, &head); err != nil || head.N == nil || head.D == nil || head.P == nil || head.Q == nil {
		return false, nil
	}
	// RFC 8017 Appendix A.1.2: 0 for two primes, 1 for more (not
	// supported); crypto/x509 refuses only versions above 1.
	if head.Version != 0 {
		return true, fmt.Errorf("jwk: RSA private key of version %d, not 0 (two primes): %w", head.Version, jose.ErrMalformed)
	}
	if b := head.N.BitLen(); b > maxRSABits {
		return true, fmt.Errorf("jwk: RSA modulus of %d bits is larger than %d: %w: %w", b, maxRSABits, jose.ErrKey, errRSASize)
	}
	if err := checkRSAFactors(head.N, head.P, head.Q); err != nil {
		return true, fmt.Errorf("%w: %w", err, errRSASize)
	}
	return true, nil
}

// rsaInvalid is crypto/x509's refusal of a DER RSA private key that
// checkPKCS1Size read: its members disagree (d or the CRT values against
// the primes) or it has more than two primes, which Parse refuses as
// jose.ErrKey too.
func rsaInvalid(err error) error {
	return fmt.Errorf("jwk: invalid RSA private key: %v: %w", err, jose.ErrKey)
}

// oidRSA is rsaEncryption (RFC 8017 Appendix C).
var oidRSA = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 1, 1}

// pkcs8Info is a PKCS #8 PrivateKeyInfo (RFC 5208 §5), or a v2
// OneAsymmetricKey with its public key (RFC 5958 §2).
type pkcs8Info struct {
	Version    int
	Algo       pkix.AlgorithmIdentifier
	PrivateKey []byte
	Attributes asn1.RawValue  `asn1:"optional,tag:0"`
	PublicKey  asn1.BitString `asn1:"optional,tag:1"`
}

// checkPKCS8Public checks the public key a PKCS #8 v2 key carries, which
// crypto/x509 ignores: it must be the one of key, the private key read
// from it.
func checkPKCS8Public(info *pkcs8Info, key any) error {
	if info.PublicKey.BitLength == 0 {
		return nil
	}
	var want []byte
	switch p := key.(type) {
	case *rsa.PrivateKey:
		want = x509.MarshalPKCS1PublicKey(&p.PublicKey)
	case *ecdsa.PrivateKey:
		return samePoint(info.PublicKey, &p.PublicKey)
	case ed25519.PrivateKey:
		want = p.Public().(ed25519.PublicKey)
	case *ecdh.PrivateKey:
		want = p.PublicKey().Bytes()
	}
	if info.PublicKey.BitLength != 8*len(info.PublicKey.Bytes) || !bytes.Equal(info.PublicKey.Bytes, want) {
		return fmt.Errorf("jwk: PKCS #8 private key carries a public key that is not its own: %w", jose.ErrKey)
	}
	return nil
}

// checkPKCS8 reads der's PrivateKeyInfo into info, refuses bytes after the
// key inside it (crypto/x509 ignores them), and applies checkPKCS1Size to
// an RSA key. Input that does not even start like one (the three members
// crypto/x509 reads) is left to crypto/x509 to report. Input that does,
// but whose optional members after them (attributes, RFC 5958 public key)
// are malformed, is jose.ErrMalformed once the checks on the key itself
// have passed: crypto/x509 skips those members unread, so leaving such
// input to it would skip the checks here. isRSA is checkPKCS1Size's, for
// an RSA key.
func checkPKCS8(der []byte, info *pkcs8Info) (isRSA bool, err error) {
	var head struct { // what crypto/x509 reads
		Version    int
		Algo       pkix.AlgorithmIdentifier
		PrivateKey []byte
	}
	if _, err := asn1.Unmarshal(der, &head); err != nil {
		return false, nil
	}
	if err := wholeDER("PKCS #8 private key", head.PrivateKey); err != nil {
		return false, err
	}
	if head.Algo.Algorithm.Equal(oidRSA) {
		if isRSA, err = checkPKCS1Size(head.PrivateKey); err != nil {
			return isRSA, err
		}
	}
	if _, err := asn1.Unmarshal(der, info); err != nil {
		return isRSA, fmt.Errorf("jwk: PKCS #8 private key: attributes or public key: %v: %w", err, jose.ErrMalformed)
	}
	// RFC 5958 §2: v1 (0, RFC 5208) or v2 (1); crypto/x509 does not look.
	if info.Version != 0 && info.Version != 1 {
		return isRSA, fmt.Errorf("jwk: PKCS #8 private key of version %d, not 0 or 1: %w", info.Version, jose.ErrMalformed)
	}
	return isRSA, nil
}

// wholeDER refuses der when bytes follow its first DER value: crypto/x509
// ignores them after PKCS #8 and SEC 1 keys, which would give one key many
// encodings. Input that is not DER at all is left to crypto/x509.
func wholeDER(what string, der []byte) error {
	var v asn1.RawValue
	if rest, err := asn1.Unmarshal(der, &v); err == nil && len(rest) > 0 {
		return fmt.Errorf("jwk: %s: %d bytes after the DER value: %w", what, len(rest), jose.ErrMalformed)
	}
	return nil
}

// sec1Info is an ECPrivateKey (RFC 5915 §3).
type sec1Info struct {
	Version    int
	PrivateKey []byte
	Curve      asn1.ObjectIdentifier `asn1:"optional,explicit,tag:0"`
	PublicKey  asn1.BitString        `asn1:"optional,explicit,tag:1"`
}

// checkSEC1 checks what crypto/x509 ignores in an EC private key it read
// as p from der: the curve inside, against the PKCS #8 algorithm's
// parameters (params, nil for a key alone), and the public key, which must
// be p's, uncompressed or compressed (SEC 1 §2.3.3).
func checkSEC1(der, params []byte, p *ecdsa.PrivateKey) error {
	var s sec1Info
	if _, err := asn1.Unmarshal(der, &s); err != nil {
		return fmt.Errorf("jwk: EC private key: %v: %w", err, jose.ErrMalformed)
	}
	if params != nil && len(s.Curve) > 0 {
		var outer asn1.ObjectIdentifier
		if _, err := asn1.Unmarshal(params, &outer); err == nil && !outer.Equal(s.Curve) {
			return fmt.Errorf("jwk: EC private key names curve %v inside PKCS #8 for %v: %w", s.Curve, outer, jose.ErrKey)
		}
	}
	if s.PublicKey.BitLength == 0 {
		return nil
	}
	return samePoint(s.PublicKey, &p.PublicKey)
}

// samePoint checks that an EC public key found in a private key's DER is
// pub, uncompressed or compressed (SEC 1 §2.3.3).
func samePoint(b asn1.BitString, pub *ecdsa.PublicKey) error {
	want, err := pub.Bytes()
	if err != nil {
		return fmt.Errorf("jwk: invalid EC private key: %w", jose.ErrKey)
	}
	got, size := b.Bytes, (len(want)-1)/2
	switch {
	case b.BitLength != 8*len(got):
	case bytes.Equal(got, want):
		return nil
	case len(got) == 1+size && got[0]&^1 == 2 && got[0]&1 == want[len(want)-1]&1 && bytes.Equal(got[1:], want[1:1+size]):
		return nil
	}
	return fmt.Errorf("jwk: EC private key carries a public key that is not its scalar's: %w", jose.ErrKey)
}
