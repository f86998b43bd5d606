// Package jose holds the pieces every JOSE package shares: the strict JSON
// object reader, the JOSE header, base64url, "crit" and the sentinel errors.
// Packages jwk, jws, jwe and jwt build on it.
//
// # Parsing
//
// JOSE headers, JWKs and JWK Sets are read by ParseObject on the lejp
// parser, one strict reader for every entry point (catalog row 20): RFC
// 8259 with valid UTF-8, duplicate member names rejected, names that differ
// only in case rejected ("alg" and "Alg", and "kid" and "\u212aid" with a
// Kelvin sign: Unicode simple folding, the relation Go's encoding/json
// matches names by), nesting limited to MaxDepth (64, catalog row 28) and
// members to MaxMembers. Values are kept as their exact bytes and decoded
// on demand by the typed Member methods; a member of the wrong type is
// ErrMalformed, never a zero value.
//
// JWT claims sets are the exception: package jwt reads them with its own
// one-pass reader, on the same lejp parser and with the same rules and
// limits, which types the registered claims as it reads them and reuses a
// Claims' memory across tokens. It accepts nothing ParseObject refuses (its
// fuzz test holds it to that) and is stricter in one way: it refuses names
// that differ only in case in nested objects too, not only among the
// claims, since jwt's Claims.Decode hands the claims set to encoding/json.
//
// ParseHeader types the registered header parameters of RFC 7515, RFC 7516,
// RFC 7518 and RFC 7797 and keeps the rest raw, together with the exact
// bytes it was given (Header.Raw), which is what signatures cover. Join
// combines the protected and unprotected headers of the JSON serializations
// and says which members are protected.
//
// # Errors
//
// Errors wrap one of ErrMalformed, ErrVerify, ErrAlgorithm, ErrCrit, ErrKey
// or ErrLimit for errors.Is, and JSON syntax errors also wrap the
// *lejp.SyntaxError with its byte offset and path for errors.As. Messages
// start with "jose: " and say it once, the sentinel's words without its own
// prefix (`jose: member "alg" must be a string: malformed input`). The
// subpackages' errors wrap these sentinels too (their texts start with the
// name of the package that found the problem), but for package jwt's claim
// validation errors (jwt.ErrExpired…), which are its own sentinels, and a
// jwk.Remote whose set cannot be had (jwk.ErrFetch wrapping the fetch's
// error, or the caller's context's error), which jws and jwt verifiers
// wrap in ErrKey.
//
// # Not supported, and why
//
//   - Lenient JSON (duplicates, comments, invalid UTF-8): two parsers that
//     disagree on a token are how signature checks get bypassed.
//   - Case-insensitive member lookup: names are matched exactly; the case
//     variants are rejected instead of being resolved either way.
//   - Fetching "jku" or "x5u": nothing in this package or its subpackages
//     follows a URL found in a token (catalog row 5); jwk.Remote fetches
//     only URLs the application configures.
package jose
