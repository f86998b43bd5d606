package gencrypto

import "fmt"

// Algorithm is one registered algorithm. The set is closed: only this package
// defines algorithms (the interface has an unexported method), and each is a
// singleton returned by a function such as ES256, so two calls return the same
// pointer and algorithms compare with ==.
//
// The concrete types are *Signature, *MAC, *AEAD, *KeyWrap, *KeyEncryption,
// *KeyAgreement, *HKDF, *PBKDF2 and *ConcatKDF; a type switch on an Algorithm
// gives the operations of its family.
type Algorithm interface {
	// Name is the JOSE name ("ES256", "A128GCM") or, for an algorithm JOSE
	// does not name, the name RFC 9053 gives it ("HMAC 256/64",
	// "AES-CCM-16-64-128"). Names are unique across the registry.
	Name() string
	// COSE returns the COSE algorithm identifier (RFC 9053, IANA "COSE
	// Algorithms") and whether the algorithm has one.
	COSE() (id int64, ok bool)
	// Kind tells the family.
	Kind() Kind
	// KeyType tells the kind of key the algorithm takes.
	KeyType() KeyType
	// FIPSApproved reports whether the algorithm is approved for FIPS 140-3
	// mode (FIPS 186-5, SP 800-38C/D/F, SP 800-56A/B/C, SP 800-132); false
	// for ChaCha20/Poly1305, X25519 and RSA-OAEP with SHA-1. Under
	// GODEBUG=fips140=only the operations of an algorithm that is not
	// approved return an *UnsupportedError with NotApproved set. An approved
	// algorithm may still be unsupported by a backend in that mode (see
	// package gencrypto/std).
	FIPSApproved() bool
	// Primitive names the Backend primitive (a Prim* constant) the
	// algorithm runs on; Backend.Supports(a.Primitive()) tells whether a
	// backend can serve it.
	Primitive() string

	fmt.Stringer
	info() *algInfo
}

// Kind is the family of an algorithm.
type Kind uint8

// The algorithm families.
const (
	KindSignature     Kind = iota + 1 // *Signature: digital signatures
	KindMAC                           // *MAC: message authentication codes
	KindAEAD                          // *AEAD: authenticated encryption
	KindKeyWrap                       // *KeyWrap: AES key wrap
	KindKeyEncryption                 // *KeyEncryption: RSA-OAEP key transport
	KindKeyAgreement                  // *KeyAgreement: (EC)DH
	KindKDF                           // *HKDF, *PBKDF2, *ConcatKDF
)

var kindNames = [...]string{"", "signature", "mac", "aead", "key wrap", "key encryption", "key agreement", "kdf"}

// String returns the family name, e.g. "signature".
func (k Kind) String() string {
	if int(k) < len(kindNames) && k != 0 {
		return kindNames[k]
	}
	return fmt.Sprintf("Kind(%d)", uint8(k))
}

// KeyType is the kind of key an algorithm takes, named after the JOSE "kty"
// values (RFC 7518 §6.1, RFC 8037 §2) that COSE_Key shares (RFC 9053 §7).
type KeyType uint8

// The key types.
const (
	KeyOct KeyType = iota + 1 // symmetric bytes ("oct", COSE Symmetric)
	KeyRSA                    // *rsa.PublicKey / *rsa.PrivateKey or a crypto.Signer over one
	KeyEC                     // *ecdsa.PublicKey / *ecdh keys on a NIST curve
	KeyOKP                    // Ed25519 / X25519 (octet key pair)
)

var keyTypeNames = [...]string{"", "oct", "RSA", "EC", "OKP"}

// String returns the JOSE "kty" spelling, e.g. "EC".
func (k KeyType) String() string {
	if int(k) < len(keyTypeNames) && k != 0 {
		return keyTypeNames[k]
	}
	return fmt.Sprintf("KeyType(%d)", uint8(k))
}

// Curve names an elliptic curve, as JOSE "crv" spells it.
type Curve uint8

// The curves.
const (
	CurveP256    Curve = iota + 1 // "P-256", COSE crv 1
	CurveP384                     // "P-384", COSE crv 2
	CurveP521                     // "P-521", COSE crv 3
	CurveX25519                   // "X25519", COSE crv 4
	CurveEd25519                  // "Ed25519", COSE crv 6
)

var curveNames = [...]string{"", "P-256", "P-384", "P-521", "X25519", "Ed25519"}
var curveCOSE = [...]int64{0, 1, 2, 3, 4, 6}

// String returns the JOSE "crv" spelling, e.g. "P-256".
func (c Curve) String() string {
	if int(c) < len(curveNames) && c != 0 {
		return curveNames[c]
	}
	return fmt.Sprintf("Curve(%d)", uint8(c))
}

// COSE returns the curve's identifier in the IANA "COSE Elliptic Curves"
// registry (RFC 9053 §7.1), or 0 for a Curve that is none of the constants
// above (the zero Curve of a non-ECDSA algorithm, say): 0 is reserved in
// that registry, no curve's identifier.
func (c Curve) COSE() int64 {
	if int(c) < len(curveCOSE) {
		return curveCOSE[c]
	}
	return 0
}

// algInfo is the data every algorithm carries. Each family's struct embeds it.
type algInfo struct {
	name    string
	cose    int64
	hasCOSE bool
	kind    Kind
	kty     KeyType
	fips    bool
}

func (a *algInfo) info() *algInfo { return a }

// isZero reports whether a belongs to the zero value of its type rather
// than to a registered algorithm: every registered algorithm has a Kind.
func (a *algInfo) isZero() bool { return a.kind == 0 }

// Name implements Algorithm.
func (a *algInfo) Name() string { return a.name }

// String returns the name.
func (a *algInfo) String() string { return a.name }

// COSE implements Algorithm.
func (a *algInfo) COSE() (int64, bool) { return a.cose, a.hasCOSE }

// Kind implements Algorithm.
func (a *algInfo) Kind() Kind { return a.kind }

// KeyType implements Algorithm.
func (a *algInfo) KeyType() KeyType { return a.kty }

// FIPSApproved implements Algorithm.
func (a *algInfo) FIPSApproved() bool { return a.fips }
