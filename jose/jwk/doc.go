// Package jwk reads, writes, generates and converts JSON Web Keys (RFC 7517)
// and JWK Sets, and fetches remote JWK Sets.
//
// # Keys
//
// A Key holds its material as a standard library key (*rsa.PrivateKey,
// *ecdsa.PublicKey, ed25519.PrivateKey, *ecdh.PublicKey for X25519, []byte
// for oct), reachable through Public, PrivateKey, Signer and Secret, so it
// plugs into gencrypto, crypto/tls and anything else that takes
// crypto.Signer. Keys come from Parse (a JWK), ParseSet (a JWK Set), New (a
// standard library key), Generate (a new key for a named algorithm) and
// ParsePEM / ParseDER (SPKI, PKCS #1, PKCS #8, SEC 1, X.509 certificates);
// ParseAny reads a JWK, a JWK Set or PEM told apart by content (a key file
// named in configuration, read by the caller), through the same readers,
// as a Set.
// MarshalJSON writes members in lexicographic order; MarshalPEM and
// MarshalDER write PKCS #8 or SPKI.
//
// Supported: kty RSA (2 primes), EC on P-256, P-384 and P-521, oct, and OKP
// with Ed25519 and X25519 (RFC 8037).
//
// # Strictness
//
// Parse rejects anything it could misread: wrong member types, non-canonical
// base64url, coordinates that are not exactly the field size, points off the
// curve, private scalars out of range or not matching the public key, RSA
// private keys whose members disagree, RSA exponents that are even, below 3
// or above 2^31−1, and RSA moduli with the ROCA fingerprint (catalog row
// 25); New, ParseDER and ParsePEM apply the same bounds to RSA keys. RSA
// moduli are 512 to 16,384 bits; ParseDER and ParsePEM refuse a larger
// private key before the standard library validates it (its cost grows
// faster than the cube of the size). ParseDER also refuses what crypto/x509 lets through:
// bytes after the DER, and a private key whose embedded public key (SEC 1,
// PKCS #8 v2) or curve is not its own. ParseSet also rejects duplicate kids
// and sets that mix public with private keys.
//
// Writing is as strict as reading: what Key.AppendJSON and Set.AppendJSON
// (and MarshalJSON) write, Parse and ParseSet read back as the same keys
// with the same metadata, and what they would refuse is not written. The
// JSON goes through a strict lejp.Writer, which refuses (jose.ErrMalformed
// with lejp.ErrInvalidUTF8) a Kid, Alg, Use, X5u or KeyOps element that is
// not UTF-8, which JSON could carry only as U+FFFD: a key written with
// another key ID than the caller's. The metadata rules Parse applies (X5t
// sizes, X5c holding the key, KeyOps not repeated and not against Use, …)
// are checked by the same code before a key is written, and Set.Check's
// rules before a set is; a Set's Skipped raw keys must each be a strict
// JSON object of a kty or curve this package does not support.
//
// # Using keys
//
// Key.CheckUse(alg, op) is the gate every JOSE operation passes before it
// computes anything: a key's "alg", "use" and "key_ops" are enforced when
// present, and its type, curve and size must fit the algorithm (catalog rows
// 2 and 3). Set.Candidates applies the kid rules of catalog row 26.
//
// # Thumbprints
//
// Key.Thumbprint computes RFC 7638 thumbprints over the required members
// only, so a private key and its public key share one; ThumbprintURI gives
// the RFC 9278 URI.
//
// # Remote JWK Sets
//
// Remote caches a JWK Set fetched over HTTPS: bounded by a timeout (even
// against a transport that ignores it) and size caps (the body; the
// headers too with the client it makes), refetched when a kid is unknown
// but at most once per cooldown (catalog row 27), keeping the last good set when a fetch fails, with
// redirects held to the same URL rules (catalog row 5).
//
// # Not supported, and why
//
//   - Multi-prime RSA ("oth") and RSA private keys without their CRT
//     members: rare, and they cannot be checked for consistency.
//   - Ed448 and X448 (and kty AKP): not in this package yet; sets skip such
//     keys (Set.Skipped) as RFC 7517 §5 asks.
//   - Encrypted PEM: use a tool that decrypts it first; keys are not a
//     place for password handling.
//   - Following "x5u" or a token's "jku": keys are never fetched from URLs
//     found in keys or tokens.
//   - Verifying "x5c" chains: the leaf must carry the key, but trust in the
//     chain is the x509 package's job.
package jwk
