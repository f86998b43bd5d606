// Package gencrypto is lwscrypto's one registry of cryptographic algorithms
// and the policy that goes with them, computed by swappable backends. It
// knows nothing of JSON or CBOR: package jose names its algorithms through
// it (as package cose will, once it is built), and every strictness rule
// below holds whichever format names the algorithm.
//
// # Registry
//
// Each algorithm is a sealed singleton returned by a function: ES256(),
// A128GCM(), A128KW(), HKDFSHA256()… Two calls return the same pointer, so
// algorithms compare with ==. The families and their concrete types:
//
//   - signatures, *Signature: RS256/384/512 (RSASSA-PKCS1-v1_5), PS256/384/512
//     (RSASSA-PSS), ES256/384/512 (ECDSA, raw r‖s), EdDSA and Ed25519
//   - MACs, *MAC: HS256/384/512 and COSE's truncated "HMAC 256/64"
//   - AEADs, *AEAD: A128/192/256GCM, A128CBC-HS256, A192CBC-HS384,
//     A256CBC-HS512 (RFC 7518 §5.2), the eight AES-CCM-L-M-K variants of
//     RFC 9053 §4.2, and ChaCha20/Poly1305
//   - key wrap, *KeyWrap: A128KW, A192KW, A256KW (RFC 3394)
//   - key encryption, *KeyEncryption: RSA-OAEP, RSA-OAEP-256/384/512
//   - key agreement, *KeyAgreement: ECDH on P-256, P-384, P-521, and X25519
//   - KDFs: *HKDF (RFC 5869), *PBKDF2 (RFC 8018), *ConcatKDF (NIST SP
//     800-56A as RFC 7518 §4.6.2 uses it)
//
// ByName looks an algorithm up by its JOSE name (or the RFC 9053 name where
// JOSE has none), ByCOSE by its COSE identifier, and All lists them. Lookups
// exist for agility when reading a header; code that knows its algorithm
// calls the function. Every algorithm carries its Kind, its KeyType and its
// key rules (key and nonce sizes, curve, minimum RSA modulus), and reports
// whether NIST approves it (FIPSApproved).
//
// # Backends
//
// A Backend computes primitives; this package decides everything else. The
// default backend is package gencrypto/std, on the Go standard library.
// Another backend (one whose keys live in an HSM, or one with more
// algorithms) is chosen per call with WithBackend; there is no global
// setting. A backend says which primitives it implements (Supports); asking
// an algorithm whose primitive it lacks returns an *UnsupportedError, for
// which errors.Is(err, ErrUnsupported) holds. Package
// gencrypto/gencryptotest is the conformance suite every backend must pass.
//
// # Streaming
//
// A message too large to hold in memory (a detached RFC 7797 payload, a
// COSE payload read from a file) is streamed. For the hashed signature
// algorithms (RS*, PS*, ES*), NewHash returns the algorithm's hash from the
// selected backend; the caller writes the message into it and passes the
// digest to SignDigest or VerifyDigest, which apply exactly the policy of
// Sign and Verify and produce and accept the same signatures. EdDSA signs
// the message itself (RFC 8032 §5.1) and has no digest form: those calls
// return ErrUnsupported. A MACKey is an io.Writer; SumStream and
// VerifyStream finish what was written.
//
// # Keys
//
// Keys are the standard library's types: []byte for MACs, AEADs, key wrap
// and KDFs; *ecdsa.PublicKey, *rsa.PublicKey and ed25519.PublicKey to
// verify and encrypt; any crypto.Signer to sign and any crypto.Decrypter to
// decrypt, so keys held in a token or a KMS work like keys in memory;
// *ecdh.PrivateKey or any ecdh.KeyExchanger with an *ecdh.PublicKey for key
// agreement.
//
// The key is bound to the algorithm before anything is computed: an RSA key
// given to ES256, a P-384 key given to ES256, or a key of the right curve
// given to the wrong family is ErrKeyType; an RSA modulus below 2048 bits
// (or above 16384), an HMAC key shorter than its hash output, or an AES key
// of the wrong length is ErrKeySize; an ECDSA public point that is not on
// its curve, or an RSA key with an even modulus or an exponent that is even,
// below 3 or above 2³¹−1, is ErrInvalidKey, and so is an *ecdsa.PrivateKey
// or *rsa.PrivateKey given to sign or decrypt without its private scalar D.
// An Ed25519 public key must be 32 bytes (ErrKeySize) that are the
// canonical encoding of a curve point (RFC 8032 §5.1.3: a y-coordinate
// below p, no sign bit on x = 0), not one of the eight points of small
// order (ErrInvalidKey otherwise), whatever the backend: crypto/ed25519
// decodes the non-canonical encodings, and under a small-order key anyone
// can make a signature that verifies, while no honest key is one; RFC 8032
// does not exclude them, libsodium refuses them too, and so does package
// jwk. (A key that fails to decode makes every signature invalid, RFC 8032
// §5.1.7 step 1.) Verify reports all of these as the key's fault,
// ErrInvalidKey, before it looks at the signature, as it does an ECDSA
// point off its curve. An ed25519.PrivateKey must be its
// seed followed by the public key the seed derives (ErrInvalidKey
// otherwise, which includes every second half of small order or not
// canonically encoded): crypto/ed25519 signs with the half it is given,
// and two signatures of one message under two halves reveal the private
// scalar. Both checks cost an exponentiation or a scalar multiplication;
// a key that passed is remembered (by its content, hashed for a private
// key, for a bounded number of keys), so a key used again costs a lookup
// and no allocation, and a key changed in place is checked again.
//
// # Errors
//
// Every failed authentication (signature, MAC tag, AEAD tag, key-wrap
// integrity check, OAEP decryption) is the one opaque ErrVerify, whatever
// went wrong, so that no caller can become an oracle. ECDSA signatures must
// be exactly r‖s of the curve's size with 0 < r, s < n; anything else,
// including the ASN.1 DER form, is ErrVerify before any curve arithmetic;
// so is an Ed25519 signature whose S is not below the group order L
// (RFC 8032 §5.1.7), so that no backend can make signatures malleable.
// Malformed inputs other than keys (a wrapped key whose length is not a
// multiple of 8, an out-of-range output length, a digest that is not the
// hash's output length) are ErrInvalidInput.
//
// A backend's result is checked against the algorithm too, since a backend
// (a token, a remote service) may be buggy: a signature, RSA-OAEP
// ciphertext, wrapped key, derived key or shared secret whose length is not
// the one the algorithm defines, or a hash, HMAC or AEAD of other sizes
// than asked, is refused with an error that matches none of the sentinels
// above, and never handed on. A plaintext of a length the ciphertext cannot
// have, from an AEAD's Open, RSA-OAEP decryption or AES-KW unwrapping, is
// ErrVerify like every other failed decryption, so that failures stay
// indistinguishable. An ECDSA signature with r or s out of range or an
// Ed25519 signature with S ≥ L is refused from Sign as it is in Verify.
//
// # FIPS 140-3
//
// FIPSApproved reports whether an algorithm is approved for FIPS 140-3 mode.
// When the program runs with GODEBUG=fips140=only, operations of an
// algorithm that is not approved (ChaCha20/Poly1305, X25519, RSA-OAEP with
// SHA-1) return an *UnsupportedError with NotApproved set, up front instead
// of failing or panicking halfway; so do inputs the Go Cryptographic Module
// refuses to approved algorithms, whatever the backend: an HKDF secret
// shorter than 112 bits, a PBKDF2 salt shorter than 128 bits or a PBKDF2
// output shorter than 112 bits, an RSA key whose modulus has an odd bit
// length or whose public exponent is 2¹⁶ or less, and an *rsa.PrivateKey
// of other than two primes of the same size (a valid signature under such
// a key is not reported forged). Backends narrow this further: in that
// mode the std backend serves only what the Go Cryptographic Module serves,
// so AES-GCM with caller-supplied nonces, AES-CCM, AES-KW and the Concat
// KDF report ErrUnsupported too (see package gencrypto/std).
//
// # Not supported, and why
//
//   - No "none": an unsigned token is not a signature algorithm, and a
//     registry that could return one invites the "alg: none" bypasses
//     (CVE-2022-23540 and many before it).
//   - No SHA-1 signatures or MACs (RS1, HS1): SHA-1 collisions are practical.
//     SHA-1 remains only inside RSA-OAEP, where RFC 7518 names it and
//     collisions do not matter.
//   - No RSA1_5 key transport: PKCS #1 v1.5 decryption is a padding oracle
//     (Bleichenbacher, Marvin); package jwe may enable it explicitly.
//   - No RSA keys below 2048 bits (RFC 7518 §3.3 and §3.5) and no PSS salt
//     other than the hash length (RFC 7518 §3.5).
//   - No DER-encoded ECDSA signatures: JOSE and COSE define r‖s only, and
//     accepting both makes signatures malleable.
//   - No AES-KW with padding (RFC 5649) and no AES-GCM-SIV: neither JOSE nor
//     COSE registers them.
//   - Ed448, X448, ML-DSA, ML-KEM and ES256K are not in this registry yet;
//     they arrive with the circl and secp256k1 backends. Nor are COSE's
//     AES-MAC (CBC-MAC, COSE 14, 15, 25, 26) and HSS-LMS (-46): not built
//     yet, not left out on purpose.
package gencrypto
