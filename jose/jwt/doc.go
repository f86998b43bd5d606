// Package jwt issues and verifies JSON Web Tokens (RFC 7519) in the compact
// JWS serialization.
//
// # Verifying
//
//	v, err := jwt.NewVerifier(key, []string{"ES256"}, jwt.Validator{
//		Issuer: "https://idp.example", Audience: "api", Required: []string{"exp"},
//	})
//	claims, err := v.Verify(token)
//
// The signature is checked first (package jws: the caller's algorithms, the
// key bound to the algorithm, "kid" selection from a key set or a
// jwk.Remote); no claim is looked at before it verifies, and no claims are
// returned with any error. Then the claims set is read in one strict pass —
// one JSON object, no duplicate or case-variant names, depth at most 64 —
// and every registered claim is type-checked whether or not the Validator
// asks for it: "iss", "sub" and "jti" are strings, "aud" a string or an
// array of at most 1024 strings (jose.MaxStrings), "exp", "nbf" and "iat"
// NumericDates: JSON numbers within ±2^53 seconds, a fraction or exponent
// read exactly (to the nanosecond at or above the number). Finally the
// Validator checks times (with Leeway and its own clock), issuer, audience,
// subject, ID, required claims and the "typ" header. A token refused for
// its times returns a *TimeError, which says by how much it missed and
// matches ErrExpired, ErrNotYetValid or ErrIssuedInFuture with errors.Is;
// one refused for another claim, a *ClaimError naming the claim (never
// its value) that matches ErrClaimMismatch or ErrMissingClaim.
//
// VerifyInto reuses a caller's Claims and allocates nothing for HMAC and
// Ed25519 keys.
//
// # Claims
//
// Claims gives the registered claims typed (Issuer, Audience, ExpiresAt, …),
// any claim's exact JSON (Get), and Decode into a user struct. Decode uses
// encoding/json, but only on bytes that already passed the strict reader,
// which refuses two names of one object, at any depth, that are equal or
// equal under encoding/json's case folding (Unicode simple folding, so
// "ſcope" is "scope"), so encoding/json never picks between two members
// for one field. It does still fill a field from a lone name that differs
// from its tag in case ("EXP" for "exp"): read the registered claims through
// the typed methods, which the Validator checks.
//
// # HTTP
//
// Middleware takes the bearer token of a request, verifies it and puts the
// claims in the request's context (FromContext). Its answer to a refused
// request never says why; the OnRefusal option tells the service
// (ErrNoToken, ErrInvalidRequest, jose.ErrLimit for a token over
// MaxBearerLen, or the Verifier's error). NewContext puts
// claims where FromContext finds them, for a service's own middleware or
// its handlers' tests.
//
// # Not supported, and why
//
//   - The JWS JSON serializations and JWE: a JWT is compact (RFC 7519 §7.2);
//     accepting other forms invites format confusion. An RFC 7797
//     unencoded payload ("b64": false) is not a JWT's encoding either.
//   - Nested JWTs (RFC 7519 §7.2 step 8): a token whose "cty" is "JWT" is
//     refused with jose.ErrMalformed rather than read as claims; the
//     module has no JWE package yet, and a JWS nested in a JWS proves no
//     more than its outer signature does.
//   - Checking that an "iss", "sub" or "aud" value holding a ':' is a URI
//     (StringOrURI, RFC 7519 §2): the Validator compares these claims as
//     exact strings, as §2 says, so the check would protect nothing, while
//     refusing the tokens of issuers whose subjects are not quite URIs
//     ("12:34", "a b:c"). go-jose, golang-jwt and jwx do not check it
//     either; nor does ClaimSet when signing.
//   - Unverified parsing for decisions: Inspect exists for display only.
//   - "none".
package jwt
