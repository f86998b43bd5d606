// Package jws signs and verifies JSON Web Signatures (RFC 7515) in the
// compact, flattened JSON and general JSON serializations, with attached,
// detached (RFC 7515 Appendix F) and unencoded (RFC 7797 "b64": false)
// payloads, the last streamable from an io.Reader in constant memory.
//
// # Algorithms
//
// HS256, HS384, HS512 (RFC 7518 §3.2; keys at least as long as the hash),
// RS256, RS384, RS512 and PS256, PS384, PS512 (RSA keys of 2048 bits or
// more), ES256, ES384, ES512 (RFC 7518 §3.4, fixed-length r‖s), EdDSA with
// Ed25519 keys (RFC 8037) and Ed25519 (RFC 9864). The primitives come from
// package gencrypto. Signing takes any crypto.Signer, so keys held in an HSM
// or a KMS sign as in-memory keys do.
//
// # Verifying
//
// A Verifier is made from the key (or key set) the caller trusts and the
// algorithms the caller expects; there is no default list and "none" is
// never an algorithm:
//
//	v, err := jws.NewVerifier(pub, []string{"ES256"})
//	res, err := v.Verify(token)             // any serialization
//	payload, err := v.AppendVerifyCompact(buf[:0], token) // compact, zero-alloc for HMAC and EdDSA
//
// Before any computation the key is bound to the algorithm: an HMAC
// algorithm needs a secret, a signature algorithm a public key of its own
// type, curve and size, and a JWK's "alg", "use" and "key_ops" are
// honoured. A []byte "secret" that is really an encoded public or private
// key (PEM, DER or base64 DER of a key or a certificate, JWK JSON, OpenSSH) is refused outright. With a *jwk.Set,
// "kid" selects the key (a "kid" of "" names none); without one, only keys of the algorithm's family
// are tried (RequireKeyID turns that off). Failed checks return the opaque
// jose.ErrVerify; jose.ErrMalformed, ErrAlgorithm, ErrCrit and ErrKey say
// why a token was refused before any signature was computed.
//
// For general JSON with several signatures, Verify returns the first one
// that verifies with its index and headers (Result.Index, Result.Header),
// VerifyEach reports every signature, and VerifyAll succeeds only if all
// verify; for a detached payload (RFC 7515 Appendix F), compact or JSON,
// VerifyDetached, VerifyEachDetached and VerifyAllDetached do the same
// given the payload. Each signature is checked over the whole payload, so a message
// may carry at most MaxSignatures (16) of them; more is jose.ErrLimit.
//
// With a *jwk.Remote key set, each entry point has a …Context variant
// (VerifyContext, VerifyDetachedContext, VerifyEachContext,
// VerifyEachDetachedContext, VerifyAllContext, VerifyAllDetachedContext,
// AppendVerifyCompactContext) whose context stops the
// wait for a fetch; VerifyReader takes no remote key set.
//
// # Headers
//
// Headers are parsed by jose.ParseHeader (strict lejp: duplicate and
// case-variant names rejected, depth 64). "crit" is enforced (RFC 7515
// §4.1.11): only "b64" and what the caller names with Critical are
// understood, and the caller reads the latter from Result.Header (so
// AppendVerifyCompact, which returns no header, refuses them). "b64" and
// "crit" must be protected, and "b64" needs "crit" to list it; only a
// protected "typ" satisfies RequireType. Protected and unprotected headers
// must be disjoint.
//
// What no Verifier's options relax is checked when a JWS is parsed: Parse,
// ParseCompact and ParseJSON (and so every Verify… entry point, and the
// Message writers for what they write) refuse a signature whose header has
// no "alg" (RFC 7515 §4.1.1; jose.ErrMalformed), or a "crit" or "b64"
// against RFC 7515 §4.1.11 or RFC 7797 §6 — a "crit" that is empty, lists
// an empty, repeated or registered name or one the protected header lacks,
// or is unprotected, a "b64" it does not list (jose.ErrCrit) — with the
// error Verify has always given for it. In a general JSON serialization one
// such signature makes the whole message malformed, however many others
// verify. What is the caller's policy is left to the Verifier, so Parse
// still reads a token for inspection whose "alg" is "none" or unknown or
// whose "crit" lists an extension the caller may not understand. A Signer
// holds the headers it writes to the same rules, and refuses a "kid",
// "typ", "cty" or member name that is not UTF-8 (JSON would carry it as
// U+FFFD): what it signs, a Verifier reads back as given.
//
// # Not supported, and why
//
//   - "none" (RFC 7518 §3.6): an unsecured JWS is not a signature.
//   - Following "jku" or "x5u": a token must not choose where keys come
//     from (SSRF, key substitution). Use jwk.Remote with a URL you chose.
//   - Trusting an embedded "jwk" header, unless TrustEmbeddedJWK names the
//     keys it may equal.
//   - Chain validation of "x5c": that belongs to package x509.
//   - Signatures without a protected header: Sign always protects "alg"
//     (such JSON signatures from others still verify).
//   - Streaming Ed25519: RFC 8032 signs the message itself, in two passes,
//     so a streamed Ed25519 payload is buffered, with its header, up to
//     MaxBufferedPayload.
//   - ES256K, Ed448 and ML-DSA: not in gencrypto's registry yet.
package jws
