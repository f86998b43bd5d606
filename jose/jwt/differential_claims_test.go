package jwt_test

// Differential of validation verdicts: a matrix of claim and header edge
// cases, each an HS256 token built by hand (so that any header and any
// payload bytes can be signed), judged by Verifier, by panva jose's
// jwtVerify (in one node process, see interop_panva_test.go) and by
// go-jose v4's jwt package (ParseSigned, Claims, ValidateWithLeeway), all
// with the same fixed clock and the corresponding options. Every verdict
// is written in the table, and every disagreement with a peer carries its
// explanation (why): lwscrypto stricter by design (its godoc, RFC 7519,
// RFC 8725) or the peer laxer than an RFC. A defect of lwscrypto would be
// fixed, not explained.

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	gojose "github.com/go-jose/go-jose/v4"
	gojwt "github.com/go-jose/go-jose/v4/jwt"

	"github.com/lwscrypto/lwscrypto/jose"
	"github.com/lwscrypto/lwscrypto/jose/jwt"
)

// diffSecret signs every token of the matrix.
var diffSecret = []byte("differential-secret-of-32-bytes!")

// The matrix's clock: every verifier judges at diffNow (whole seconds, as
// panva's currentDate is read).
const diffNow = 1_800_000_000

// hsCompact signs header and payload (exact bytes) with HS256 into a
// compact token; with raw, the payload goes in unencoded (RFC 7797).
func hsCompact(header, payload string, raw bool) string {
	enc := base64.RawURLEncoding.EncodeToString
	input := enc([]byte(header)) + "."
	if raw {
		input += payload
	} else {
		input += enc([]byte(payload))
	}
	m := hmac.New(sha256.New, diffSecret)
	m.Write([]byte(input))
	return input + "." + enc(m.Sum(nil))
}

// diffCfg is one validation policy, given to each verifier in its terms.
type diffCfg struct {
	iss, aud, sub, id string
	anyAud            bool     // Validator.AnyAudience (panva and go-jose check no "aud" unless asked)
	required          []string // Validator.Required; panva's requiredClaims
	typ               string   // Validator.Type; panva's typ
	leeway            int      // seconds: Validator.Leeway, clockTolerance, ValidateWithLeeway
	// maxAge gives panva a maxTokenAge (of 10^12 s, so that only its
	// "iat in the future" check bites; it requires "iat") and Validator
	// Required "iat": the pair that checks "iat" alike.
	maxAge bool
}

func (c diffCfg) validator() jwt.Validator {
	v := jwt.Validator{Issuer: c.iss, Audience: c.aud, Subject: c.sub, ID: c.id, AnyAudience: c.anyAud,
		Required: c.required, Type: c.typ, Leeway: time.Duration(c.leeway) * time.Second,
		Now: func() time.Time { return time.Unix(diffNow, 0) }}
	if c.maxAge {
		v.Required = append(v.Required[:len(v.Required):len(v.Required)], "iat")
	}
	return v
}

func (c diffCfg) panvaOpts() json.RawMessage {
	o := map[string]any{}
	if c.iss != "" {
		o["issuer"] = c.iss
	}
	if c.aud != "" {
		o["audience"] = c.aud
	}
	if c.sub != "" {
		o["subject"] = c.sub
	}
	if c.required != nil {
		o["requiredClaims"] = c.required
	}
	if c.typ != "" {
		o["typ"] = c.typ
	}
	if c.leeway != 0 {
		o["clockTolerance"] = c.leeway
	}
	if c.maxAge {
		o["maxTokenAge"] = 1e12
	}
	b, _ := json.Marshal(o)
	return b
}

// gojoseApplies reports whether go-jose's Expected can express the
// policy: it has no required claims, no "typ" check and no maximum age.
func (c diffCfg) gojoseApplies() bool {
	return c.typ == "" && len(c.required) == 0 && !c.maxAge
}

// Verdicts. lws: "ok" or the error class (lwsErrs); panva: "ok" or its
// error code without "ERR_"; go-jose: "ok", "err", or "" where its jwt
// package cannot express the policy (gojoseApplies).
var lwsErrs = map[string]error{
	"expired": jwt.ErrExpired, "nbf": jwt.ErrNotYetValid, "iat": jwt.ErrIssuedInFuture,
	"missing": jwt.ErrMissingClaim, "mismatch": jwt.ErrClaimMismatch,
	"malformed": jose.ErrMalformed, "limit": jose.ErrLimit, "crit": jose.ErrCrit,
}

type diffCase struct {
	name    string
	hdr     string // protected header JSON; "" is {"alg":"HS256","typ":"JWT"}
	payload string
	raw     bool // payload unencoded (b64: false)
	// mut, when not nil, changes the signed token (its serialization).
	mut    func(string) string
	cfg    diffCfg
	lws    string
	panva  string
	gojose string
	// why explains every disagreement of lws with panva or go-jose; it
	// must be empty when all agree.
	why string
}

// Explanations used by several rows.
const (
	whyGoJoseExpInclusive = "go-jose accepts exp == now - leeway (it tests now-leeway After exp); RFC 7519 §4.1.4: the current time MUST be before exp"
	whyGoJoseTruncates    = "go-jose truncates a fractional NumericDate to whole seconds, moving nbf earlier; lwscrypto reads it exactly (package doc) as RFC 7519 §2 allows fractions"
	whyIatFuture          = "Validator checks \"iat\" against the clock whenever present (Validator godoc: the zero value checks exp, nbf and iat), as go-jose does; panva only with maxTokenAge"
	whyAudUnchecked       = "Validator.Audience godoc: with no Audience a token with \"aud\" is refused (RFC 7519 §4.1.3: a recipient that does not identify itself with a value of aud MUST reject it); panva and go-jose check aud only when asked"
	whyTypeChecked        = "package doc: every registered claim is type-checked whether or not the Validator asks for it (RFC 7519 §4.1.1-4.1.7 give the types; catalog row 24); panva checks iss/sub/aud/jti types only when it compares them"
	whyRange              = "package doc: a NumericDate is a JSON number within ±2^53 seconds (ErrMalformed beyond); panva accepts any double"
	whyDuplicate          = "package doc: duplicate claim names are refused (RFC 7519 §4: a parser MUST reject them or take the lexically last; catalog row 20); panva's JSON.parse takes the last"
	whyNested             = "package doc: nested objects are read as strictly as the claims set (no duplicate or case-variant names, depth ≤ 64, catalog row 20); JSON.parse takes the last / has no depth bound"
	whyNullRequired       = "Validator.Required godoc: an unregistered claim whose value is null counts as absent; panva's requiredClaims tests presence only"
	whyCty                = "package doc: nested JWTs (cty JWT, RFC 7519 §7.2 step 8) are refused; panva and go-jose ignore cty and read the payload as claims"
	whyBOM                = "lejp refuses a byte order mark (RFC 8259 §8.1: implementations MUST NOT add one; a claims set is UTF-8 JSON, RFC 7519 §7.2 step 10); panva's TextDecoder strips it"
	whyInvalidUTF8        = "a claims set is UTF-8 (RFC 8259 §8.1, RFC 7519 §7.2 step 10): lwscrypto and panva (fatal TextDecoder) refuse invalid bytes; go-jose's encoding/json fork replaces them with U+FFFD"
	whyInfinity           = "1E400 is not a number any JSON reader can represent; panva's JSON.parse makes it ±Infinity, which its checks pass; lwscrypto refuses it (out of range, package doc)"
)

// diffCases is the matrix. Times are around diffNow = 1800000000.
var diffCases = []diffCase{
	// "exp" (RFC 7519 §4.1.4: now MUST be before it)
	{name: "exp now", payload: `{"exp":1800000000}`, lws: "expired", panva: "JWT_EXPIRED", gojose: "ok", why: whyGoJoseExpInclusive},
	{name: "exp now+1", payload: `{"exp":1800000001}`, lws: "ok", panva: "ok", gojose: "ok"},
	{name: "exp now-1", payload: `{"exp":1799999999}`, lws: "expired", panva: "JWT_EXPIRED", gojose: "err"},
	{name: "exp now-1 leeway 1", payload: `{"exp":1799999999}`, cfg: diffCfg{leeway: 1}, lws: "expired", panva: "JWT_EXPIRED", gojose: "ok", why: whyGoJoseExpInclusive},
	{name: "exp now-1 leeway 2", payload: `{"exp":1799999999}`, cfg: diffCfg{leeway: 2}, lws: "ok", panva: "ok", gojose: "ok"},
	{name: "exp now+0.5", payload: `{"exp":1800000000.5}`, lws: "ok", panva: "ok", gojose: "ok"},
	{name: "exp now-0.5", payload: `{"exp":1799999999.5}`, lws: "expired", panva: "JWT_EXPIRED", gojose: "err"},
	{name: "exp now exponent", payload: `{"exp":1.8e9}`, lws: "expired", panva: "JWT_EXPIRED", gojose: "ok", why: whyGoJoseExpInclusive},
	{name: "exp now+1 exponent", payload: `{"exp":18000000010E-1}`, lws: "ok", panva: "ok", gojose: "ok"},
	{name: "exp now+1e-10", payload: `{"exp":1800000000.0000000001}`, lws: "ok", panva: "JWT_EXPIRED", gojose: "ok",
		why: "exp is after now: lwscrypto reads the number exactly (package doc); panva's double rounds it to now"},
	{name: "exp negative", payload: `{"exp":-1}`, lws: "expired", panva: "JWT_EXPIRED", gojose: "err"},
	{name: "exp -0", payload: `{"exp":-0}`, lws: "expired", panva: "JWT_EXPIRED", gojose: "err"},
	{name: "exp string", payload: `{"exp":"1800000001"}`, lws: "malformed", panva: "JWT_CLAIM_VALIDATION_FAILED", gojose: "err"},
	{name: "exp null", payload: `{"exp":null}`, lws: "malformed", panva: "JWT_CLAIM_VALIDATION_FAILED", gojose: "ok",
		why: "Validator.Required godoc / readDate: a registered claim cannot be null (RFC 7519 §4.1.4: a NumericDate); go-jose reads null as absent"},
	{name: "exp bool", payload: `{"exp":true}`, lws: "malformed", panva: "JWT_CLAIM_VALIDATION_FAILED", gojose: "err"},
	{name: "exp 2^53", payload: `{"exp":9007199254740992}`, lws: "ok", panva: "ok", gojose: "ok"},
	{name: "exp 2^53+1", payload: `{"exp":9007199254740993}`, lws: "malformed", panva: "ok", gojose: "ok", why: whyRange},
	{name: "exp 1e300", payload: `{"exp":1e300}`, lws: "malformed", panva: "ok", gojose: "err", why: whyRange},
	{name: "exp 1E400", payload: `{"exp":1E400}`, lws: "malformed", panva: "ok", gojose: "err", why: whyInfinity},

	// "nbf" (§4.1.5: now MUST be after or equal to it)
	{name: "nbf now", payload: `{"nbf":1800000000}`, lws: "ok", panva: "ok", gojose: "ok"},
	{name: "nbf now+1", payload: `{"nbf":1800000001}`, lws: "nbf", panva: "JWT_CLAIM_VALIDATION_FAILED", gojose: "err"},
	{name: "nbf now-1", payload: `{"nbf":1799999999}`, lws: "ok", panva: "ok", gojose: "ok"},
	{name: "nbf now+1 leeway 1", payload: `{"nbf":1800000001}`, cfg: diffCfg{leeway: 1}, lws: "ok", panva: "ok", gojose: "ok"},
	{name: "nbf now+2 leeway 1", payload: `{"nbf":1800000002}`, cfg: diffCfg{leeway: 1}, lws: "nbf", panva: "JWT_CLAIM_VALIDATION_FAILED", gojose: "err"},
	{name: "nbf now+0.5", payload: `{"nbf":1800000000.5}`, lws: "nbf", panva: "JWT_CLAIM_VALIDATION_FAILED", gojose: "ok", why: whyGoJoseTruncates},
	{name: "nbf now+1e-10", payload: `{"nbf":1800000000.0000000001}`, lws: "nbf", panva: "ok", gojose: "ok",
		why: "nbf is after now: lwscrypto reads the number exactly (package doc); panva's double rounds it to now, go-jose truncates it"},
	{name: "nbf negative", payload: `{"nbf":-1}`, lws: "ok", panva: "ok", gojose: "ok"},
	{name: "nbf 1e300", payload: `{"nbf":1e300}`, lws: "malformed", panva: "JWT_CLAIM_VALIDATION_FAILED", gojose: "err"},
	{name: "nbf -1E400", payload: `{"nbf":-1E400}`, lws: "malformed", panva: "ok", gojose: "err", why: whyInfinity},
	{name: "nbf string", payload: `{"nbf":"0"}`, lws: "malformed", panva: "JWT_CLAIM_VALIDATION_FAILED", gojose: "err"},

	// "iat" (§4.1.6: informational)
	{name: "iat now", payload: `{"iat":1800000000}`, lws: "ok", panva: "ok", gojose: "ok"},
	{name: "iat now+1", payload: `{"iat":1800000001}`, lws: "iat", panva: "ok", gojose: "err", why: whyIatFuture},
	{name: "iat now+1 maxTokenAge", payload: `{"iat":1800000001}`, cfg: diffCfg{maxAge: true}, lws: "iat", panva: "JWT_CLAIM_VALIDATION_FAILED"},
	{name: "iat now+1 leeway 1", payload: `{"iat":1800000001}`, cfg: diffCfg{leeway: 1, maxAge: true}, lws: "ok", panva: "ok"},
	{name: "iat now+0.5 maxTokenAge", payload: `{"iat":1800000000.5}`, cfg: diffCfg{maxAge: true}, lws: "iat", panva: "JWT_CLAIM_VALIDATION_FAILED"},
	{name: "iat missing maxTokenAge", payload: `{"exp":1800000001}`, cfg: diffCfg{maxAge: true}, lws: "missing", panva: "JWT_CLAIM_VALIDATION_FAILED"},
	{name: "iat negative", payload: `{"iat":-1}`, lws: "ok", panva: "ok", gojose: "ok"},
	{name: "iat string", payload: `{"iat":"now"}`, lws: "malformed", panva: "JWT_CLAIM_VALIDATION_FAILED", gojose: "err"},
	{name: "iat huge", payload: `{"iat":1e17}`, lws: "malformed", panva: "ok", gojose: "err", why: whyRange},

	// "aud" (§4.1.3)
	{name: "aud string", payload: `{"aud":"api"}`, cfg: diffCfg{aud: "api"}, lws: "ok", panva: "ok", gojose: "ok"},
	{name: "aud array", payload: `{"aud":["x","api"]}`, cfg: diffCfg{aud: "api"}, lws: "ok", panva: "ok", gojose: "ok"},
	{name: "aud other", payload: `{"aud":["x","y"]}`, cfg: diffCfg{aud: "api"}, lws: "mismatch", panva: "JWT_CLAIM_VALIDATION_FAILED", gojose: "err"},
	{name: "aud case", payload: `{"aud":"API"}`, cfg: diffCfg{aud: "api"}, lws: "mismatch", panva: "JWT_CLAIM_VALIDATION_FAILED", gojose: "err"},
	{name: "aud empty array", payload: `{"aud":[]}`, cfg: diffCfg{aud: "api"}, lws: "mismatch", panva: "JWT_CLAIM_VALIDATION_FAILED", gojose: "err"},
	{name: "aud empty array unchecked", payload: `{"aud":[]}`, lws: "mismatch", panva: "ok", gojose: "ok", why: whyAudUnchecked},
	{name: "aud empty array any", payload: `{"aud":[]}`, cfg: diffCfg{anyAud: true}, lws: "ok", panva: "ok", gojose: "ok"},
	{name: "aud unchecked", payload: `{"aud":"api"}`, lws: "mismatch", panva: "ok", gojose: "ok", why: whyAudUnchecked},
	{name: "aud any", payload: `{"aud":"api"}`, cfg: diffCfg{anyAud: true}, lws: "ok", panva: "ok", gojose: "ok"},
	{name: "aud with a number", payload: `{"aud":["api",1]}`, cfg: diffCfg{aud: "api"}, lws: "malformed", panva: "ok", gojose: "err",
		why: "\"aud\" is a string or an array of strings (RFC 7519 §4.1.3; readAud, catalog row 23): lwscrypto and go-jose refuse the array; panva only looks for the audience in it"},
	{name: "aud with null", payload: `{"aud":[null]}`, cfg: diffCfg{anyAud: true}, lws: "malformed", panva: "ok", gojose: "err", why: whyTypeChecked},
	{name: "aud number", payload: `{"aud":1}`, cfg: diffCfg{aud: "api"}, lws: "malformed", panva: "JWT_CLAIM_VALIDATION_FAILED", gojose: "err"},
	{name: "aud null", payload: `{"aud":null}`, cfg: diffCfg{aud: "api"}, lws: "malformed", panva: "JWT_CLAIM_VALIDATION_FAILED", gojose: "err"},
	{name: "aud object", payload: `{"aud":{"api":true}}`, cfg: diffCfg{anyAud: true}, lws: "malformed", panva: "ok", gojose: "err", why: whyTypeChecked},
	{name: "aud missing", payload: `{"sub":"a"}`, cfg: diffCfg{aud: "api"}, lws: "mismatch", panva: "JWT_CLAIM_VALIDATION_FAILED", gojose: "err"},

	// "iss", "sub", "jti" (§4.1.1, §4.1.2, §4.1.7: strings, compared exactly)
	{name: "iss match", payload: `{"iss":"https://idp.example"}`, cfg: diffCfg{iss: "https://idp.example"}, lws: "ok", panva: "ok", gojose: "ok"},
	{name: "iss trailing slash", payload: `{"iss":"https://idp.example/"}`, cfg: diffCfg{iss: "https://idp.example"}, lws: "mismatch", panva: "JWT_CLAIM_VALIDATION_FAILED", gojose: "err"},
	{name: "iss missing", payload: `{"sub":"a"}`, cfg: diffCfg{iss: "https://idp.example"}, lws: "mismatch", panva: "JWT_CLAIM_VALIDATION_FAILED", gojose: "err"},
	{name: "iss number checked", payload: `{"iss":1}`, cfg: diffCfg{iss: "1"}, lws: "malformed", panva: "JWT_CLAIM_VALIDATION_FAILED", gojose: "err"},
	{name: "iss number unchecked", payload: `{"iss":1}`, lws: "malformed", panva: "ok", gojose: "err", why: whyTypeChecked},
	{name: "iss null", payload: `{"iss":null}`, lws: "malformed", panva: "ok", gojose: "ok",
		why: whyTypeChecked + "; go-jose reads null as the empty string"},
	{name: "sub array unchecked", payload: `{"sub":["alice"]}`, lws: "malformed", panva: "ok", gojose: "err", why: whyTypeChecked},
	{name: "sub NFD", payload: `{"sub":"e\u0301"}`, cfg: diffCfg{sub: "\u00e9"}, lws: "mismatch", panva: "JWT_CLAIM_VALIDATION_FAILED", gojose: "err"},
	{name: "sub unicode", payload: `{"sub":"\u00e9"}`, cfg: diffCfg{sub: "é"}, lws: "ok", panva: "ok", gojose: "ok"},
	{name: "jti number", payload: `{"jti":5}`, lws: "malformed", panva: "ok", gojose: "err", why: whyTypeChecked},

	{name: "jti match", payload: `{"jti":"id-1"}`, cfg: diffCfg{id: "id-1"}, lws: "ok", panva: "ok", gojose: "ok"},
	{name: "jti mismatch", payload: `{"jti":"id-2"}`, cfg: diffCfg{id: "id-1"}, lws: "mismatch", panva: "ok", gojose: "err",
		why: "panva's jwtVerify has no jti option (the policy reaches it without one)"},

	// Escapes: registered names and values written with \u escapes are
	// the same claims (RFC 8259 §7), also when they repeat a name.
	{name: "escaped exp name", payload: `{"\u0065xp":1799999999}`, lws: "expired", panva: "JWT_EXPIRED", gojose: "err"},
	{name: "escaped iss name number", payload: `{"\u0069ss":1}`, lws: "malformed", panva: "ok", gojose: "err", why: whyTypeChecked},
	{name: "escaped aud name", payload: `{"\u0061ud":"x"}`, cfg: diffCfg{aud: "api"}, lws: "mismatch", panva: "JWT_CLAIM_VALIDATION_FAILED", gojose: "err"},
	{name: "escaped iss value", payload: `{"iss":"https:\/\/idp.\u0065xample"}`, cfg: diffCfg{iss: "https://idp.example"}, lws: "ok", panva: "ok", gojose: "ok"},
	{name: "escaped dup exp valid last", payload: `{"exp":1799999900,"\u0065xp":1800000100}`, lws: "malformed", panva: "ok", gojose: "err", why: whyDuplicate},
	{name: "escaped dup exp expired last", payload: `{"\u0065xp":1800000100,"exp":1799999900}`, lws: "malformed", panva: "JWT_EXPIRED", gojose: "err"},
	{name: "escaped case variant sub", payload: `{"sub":"alice","\u0053UB":"mallory"}`, cfg: diffCfg{sub: "alice"}, lws: "malformed", panva: "ok", gojose: "ok",
		why: "package doc: case-variant names are refused (catalog row 20); panva and go-jose's case-sensitive fork read them as two claims"},
	{name: "upper-case EXP alone", payload: `{"EXP":1799999999}`, lws: "ok", panva: "ok", gojose: "ok"},

	// NumericDate spellings
	{name: "exp tiny exponent", payload: `{"exp":1e-2000000}`, lws: "expired", panva: "JWT_EXPIRED", gojose: "err"},
	{name: "exp zero huge exponent", payload: `{"exp":0e999999999}`, lws: "expired", panva: "JWT_EXPIRED", gojose: "err"},
	{name: "exp now 18e8", payload: `{"exp":18e8}`, lws: "expired", panva: "JWT_EXPIRED", gojose: "ok", why: whyGoJoseExpInclusive},
	{name: "exp now+1 long mantissa", payload: `{"exp":18000000010000e-4}`, lws: "ok", panva: "ok", gojose: "ok"},
	{name: "exp leading zero", payload: `{"exp":01800000001}`, lws: "malformed", panva: "JWT_INVALID", gojose: "err"},
	{name: "exp plus sign", payload: `{"exp":+1800000001}`, lws: "malformed", panva: "JWT_INVALID", gojose: "err"},
	{name: "exp spaces", payload: `{ "exp" : 1800000001 }`, lws: "ok", panva: "ok", gojose: "ok"},
	{name: "exp now tab", payload: "{\t\"exp\":\t1800000000}", lws: "expired", panva: "JWT_EXPIRED", gojose: "ok", why: whyGoJoseExpInclusive},
	{name: "exp now escaped sibling", payload: `{"exp":1800000000,"x":"\u0041"}`, lws: "expired", panva: "JWT_EXPIRED", gojose: "ok", why: whyGoJoseExpInclusive},
	{name: "nbf after exp", payload: `{"nbf":1800000010,"exp":1800000005}`, lws: "nbf", panva: "JWT_CLAIM_VALIDATION_FAILED", gojose: "err"},

	// Required claims
	{name: "required exp missing", payload: `{"sub":"a"}`, cfg: diffCfg{required: []string{"exp"}}, lws: "missing", panva: "JWT_CLAIM_VALIDATION_FAILED"},
	{name: "required custom", payload: `{"scope":false}`, cfg: diffCfg{required: []string{"scope"}}, lws: "ok", panva: "ok"},
	{name: "required custom null", payload: `{"scope":null}`, cfg: diffCfg{required: []string{"scope"}}, lws: "missing", panva: "ok", why: whyNullRequired},
	{name: "required aud empty", payload: `{"aud":[]}`, cfg: diffCfg{required: []string{"aud"}, anyAud: true}, lws: "ok", panva: "ok"},

	// Duplicate and case-variant names (RFC 7519 §4)
	{name: "dup exp expired last", payload: `{"exp":1800000100,"exp":1799999900}`, lws: "malformed", panva: "JWT_EXPIRED", gojose: "err"},
	{name: "dup exp valid last", payload: `{"exp":1799999900,"exp":1800000100}`, lws: "malformed", panva: "ok", gojose: "err", why: whyDuplicate},
	{name: "dup sub", payload: `{"sub":"mallory","sub":"alice"}`, cfg: diffCfg{sub: "alice"}, lws: "malformed", panva: "ok", gojose: "err", why: whyDuplicate},
	{name: "dup custom", payload: `{"role":"admin","role":"user"}`, lws: "malformed", panva: "ok", gojose: "err", why: whyDuplicate},
	{name: "case variant iss", payload: `{"iss":"a","ISS":"b"}`, cfg: diffCfg{iss: "a"}, lws: "malformed", panva: "ok", gojose: "ok",
		why: "package doc: case-variant names are refused (encoding/json would fold them, catalog row 20); panva and go-jose's case-sensitive fork read them as two claims"},
	{name: "nested dup", payload: `{"x":{"a":1,"a":2}}`, lws: "malformed", panva: "ok", gojose: "ok", why: whyNested},
	{name: "nested case variant", payload: `{"x":{"a":1,"A":2}}`, lws: "malformed", panva: "ok", gojose: "ok", why: whyNested},
	{name: "depth 64", payload: `{"x":` + strings.Repeat("[", 63) + strings.Repeat("]", 63) + `}`, lws: "ok", panva: "ok", gojose: "ok"},
	{name: "depth 65", payload: `{"x":` + strings.Repeat("[", 64) + strings.Repeat("]", 64) + `}`, lws: "limit", panva: "ok", gojose: "ok", why: whyNested},

	// "typ" header (RFC 7515 §4.1.9, RFC 8725 §3.11)
	{name: "typ JWT want JWT", cfg: diffCfg{typ: "JWT"}, payload: `{}`, lws: "ok", panva: "ok"},
	{name: "typ jwt want JWT", hdr: `{"alg":"HS256","typ":"jwt"}`, cfg: diffCfg{typ: "JWT"}, payload: `{}`, lws: "ok", panva: "ok"},
	{name: "typ application/jwt want JWT", hdr: `{"alg":"HS256","typ":"application/jwt"}`, cfg: diffCfg{typ: "JWT"}, payload: `{}`, lws: "ok", panva: "ok"},
	{name: "typ at+jwt want JWT", hdr: `{"alg":"HS256","typ":"at+jwt"}`, cfg: diffCfg{typ: "JWT"}, payload: `{}`, lws: "malformed", panva: "JWT_CLAIM_VALIDATION_FAILED"},
	{name: "typ absent want JWT", hdr: `{"alg":"HS256"}`, cfg: diffCfg{typ: "JWT"}, payload: `{}`, lws: "malformed", panva: "JWT_CLAIM_VALIDATION_FAILED"},
	{name: "typ at+jwt want at+jwt", hdr: `{"alg":"HS256","typ":"at+jwt"}`, cfg: diffCfg{typ: "at+jwt"}, payload: `{}`, lws: "ok", panva: "ok"},
	{name: "typ application/at+jwt want at+jwt", hdr: `{"alg":"HS256","typ":"application/at+jwt"}`, cfg: diffCfg{typ: "at+jwt"}, payload: `{}`, lws: "ok", panva: "ok"},
	{name: "typ AT+JWT want application/at+jwt", hdr: `{"alg":"HS256","typ":"AT+JWT"}`, cfg: diffCfg{typ: "application/at+jwt"}, payload: `{}`, lws: "ok", panva: "ok"},
	{name: "typ JWT want at+jwt", cfg: diffCfg{typ: "at+jwt"}, payload: `{}`, lws: "malformed", panva: "JWT_CLAIM_VALIDATION_FAILED"},
	{name: "typ Kelvin sign", hdr: `{"alg":"HS256","typ":"\u212aB+JWT"}`, cfg: diffCfg{typ: "kb+jwt"}, payload: `{}`, lws: "malformed", panva: "ok",
		why: "media types are ASCII and compare ASCII case-insensitively (RFC 7515 §4.1.9, RFC 6838 §4.2; jws.RequireType godoc); panva's toLowerCase maps U+212A KELVIN SIGN to k"},
	{name: "typ unchecked at+jwt", hdr: `{"alg":"HS256","typ":"at+jwt"}`, payload: `{}`, lws: "ok", panva: "ok", gojose: "ok"},
	{name: "typ number unchecked", hdr: `{"alg":"HS256","typ":1}`, payload: `{}`, lws: "malformed", panva: "ok", gojose: "ok",
		why: "\"typ\" is a string (RFC 7515 §4.1.9): jose's header reader type-checks it always; panva only when asked to compare it, go-jose never"},

	// "cty", "crit" and "b64" headers
	{name: "cty JWT", hdr: `{"alg":"HS256","typ":"JWT","cty":"JWT"}`, payload: `{}`, lws: "malformed", panva: "ok", gojose: "ok", why: whyCty},
	{name: "cty escaped name", hdr: `{"alg":"HS256","\u0063ty":"JWT"}`, payload: `{}`, lws: "malformed", panva: "ok", gojose: "ok", why: whyCty},
	{name: "cty escaped value", hdr: `{"alg":"HS256","cty":"application/\u004aWT"}`, payload: `{}`, lws: "malformed", panva: "ok", gojose: "ok", why: whyCty},
	{name: "typ escaped", hdr: `{"alg":"HS256","typ":"\u004aWT"}`, cfg: diffCfg{typ: "JWT"}, payload: `{}`, lws: "ok", panva: "ok"},
	{name: "header dup typ", hdr: `{"alg":"HS256","typ":"at+jwt","typ":"JWT"}`, cfg: diffCfg{typ: "JWT"}, payload: `{}`, lws: "malformed", panva: "ok",
		why: "RFC 7515 §4: header parameter names MUST be unique and recipients MUST reject duplicates or take the last; jose's header reader rejects them, panva's JSON.parse takes the last"},
	{name: "header dup alg", hdr: `{"alg":"none","alg":"HS256"}`, payload: `{}`, lws: "malformed", panva: "ok", gojose: "err",
		why: "RFC 7515 §4: duplicate header names; jose's header reader and go-jose reject them, panva takes the last"},
	{name: "header BOM", hdr: "\ufeff{\"alg\":\"HS256\"}", payload: `{}`, lws: "malformed", panva: "ok", gojose: "err",
		why: "RFC 8259 §8.1: no byte order mark (the header is UTF-8 JSON, RFC 7515 §5.2 step 3); jose's header reader and go-jose refuse it, panva's TextDecoder strips it"},
	{name: "header array", hdr: `[{"alg":"HS256"}]`, payload: `{}`, lws: "malformed", panva: "JWS_INVALID", gojose: "err"},
	{name: "cty json", hdr: `{"alg":"HS256","typ":"JWT","cty":"json"}`, payload: `{}`, lws: "ok", panva: "ok", gojose: "ok"},
	{name: "crit unknown", hdr: `{"alg":"HS256","crit":["x"],"x":1}`, payload: `{}`, lws: "crit", panva: "JOSE_NOT_SUPPORTED", gojose: "err"},
	{name: "crit registered name", hdr: `{"alg":"HS256","crit":["alg"]}`, payload: `{}`, lws: "crit", panva: "JOSE_NOT_SUPPORTED", gojose: "err"},
	{name: "crit empty", hdr: `{"alg":"HS256","crit":[]}`, payload: `{}`, lws: "crit", panva: "JWS_INVALID", gojose: "ok",
		why: "RFC 7515 §4.1.11: producers MUST NOT use the empty list; go-jose ignores an empty crit"},
	{name: "crit b64 true", hdr: `{"alg":"HS256","b64":true,"crit":["b64"]}`, payload: `{}`, lws: "ok", panva: "ok", gojose: "ok"},
	{name: "crit b64 missing", hdr: `{"alg":"HS256","crit":["b64"]}`, payload: `{}`, lws: "crit", panva: "JWS_INVALID", gojose: "ok",
		why: "RFC 7515 §4.1.11: crit MUST NOT list a name that is not in the header; go-jose does not check it"},
	{name: "b64 false", hdr: `{"alg":"HS256","b64":false,"crit":["b64"]}`, payload: `{}`, raw: true, lws: "malformed", panva: "JWT_INVALID", gojose: "err"},
	{name: "b64 false escaped", hdr: `{"alg":"HS256","\u0062\u0036\u0034":false,"crit":["b64"]}`, payload: `{}`, raw: true, lws: "malformed", panva: "JWT_INVALID", gojose: "err"},
	{name: "b64 false no crit", hdr: `{"alg":"HS256","b64":false}`, payload: `{}`, lws: "crit", panva: "ok", gojose: "err",
		why: "RFC 7797 §6: b64 MUST be listed in crit; without it lwscrypto and go-jose refuse the header, panva ignores b64 and reads the payload as base64url"},

	// The serialization (an HS256 signature is 32 bytes: 43 base64url
	// characters, the last carrying 4 bits and 2 zero bits)
	{name: "token trailing newline", payload: `{}`, mut: func(s string) string { return s + "\n" },
		lws: "malformed", panva: "ok", gojose: "ok",
		why: "RFC 7515 §7.1: the compact serialization is three base64url parts (RFC 7515 §2: no line breaks or whitespace); panva's base64url decoder and go-jose skip the newline"},
	{name: "token leading space", payload: `{}`, mut: func(s string) string { return " " + s }, lws: "malformed", panva: "JWS_SIGNATURE_VERIFICATION_FAILED", gojose: "err"},
	{name: "signature padded", payload: `{}`, mut: func(s string) string { return s + "=" }, lws: "malformed", panva: "ok", gojose: "err",
		why: "RFC 7515 §2: base64url without padding; panva's decoder takes the '='"},
	{name: "signature non-canonical last char", payload: `{}`, mut: nonCanonicalLast, lws: "malformed", panva: "ok", gojose: "ok",
		why: "nonzero trailing bits make a second spelling of one signature (RFC 4648 §3.5 lets decoders reject it; a second valid token for one signature is malleability); panva's and go-jose's decoders drop them"},
	{name: "signature std alphabet", payload: `{"n":2}`, mut: stdAlphabet, lws: "malformed", panva: "JWS_INVALID", gojose: "err"},
	{name: "signature empty", payload: `{}`, mut: func(s string) string { return s[:strings.LastIndexByte(s, '.')+1] }, lws: "malformed", panva: "JWS_SIGNATURE_VERIFICATION_FAILED", gojose: "err"},
	{name: "four parts", payload: `{}`, mut: func(s string) string { return s + ".x" }, lws: "malformed", panva: "JWS_INVALID", gojose: "err"},

	// The payload is not one JSON object (RFC 7519 §7.2 step 10)
	{name: "payload array", payload: `[{"sub":"a"}]`, lws: "malformed", panva: "JWT_INVALID", gojose: "err"},
	{name: "payload string", payload: `"{}"`, lws: "malformed", panva: "JWT_INVALID", gojose: "err"},
	{name: "payload number", payload: `1800000000`, lws: "malformed", panva: "JWT_INVALID", gojose: "err"},
	{name: "payload null", payload: `null`, lws: "malformed", panva: "JWT_INVALID", gojose: "ok",
		why: "RFC 7519 §7.2 step 10: the claims set is a JSON object; go-jose's json.Unmarshal of null into its Claims struct is a no-op"},
	{name: "payload empty", payload: ``, lws: "malformed", panva: "JWT_INVALID", gojose: "err"},
	{name: "payload BOM", payload: "\ufeff{\"sub\":\"a\"}", lws: "malformed", panva: "ok", gojose: "err", why: whyBOM},
	{name: "payload trailing garbage", payload: `{"sub":"a"}x`, lws: "malformed", panva: "JWT_INVALID", gojose: "err"},
	{name: "payload two objects", payload: `{"sub":"a"}{}`, lws: "malformed", panva: "JWT_INVALID", gojose: "err"},
	{name: "payload whitespace around", payload: " \t\n{\"sub\":\"a\"}\r\n ", lws: "ok", panva: "ok", gojose: "ok"},
	{name: "payload trailing NUL", payload: "{\"sub\":\"a\"}\x00", lws: "malformed", panva: "JWT_INVALID", gojose: "err"},
	{name: "payload invalid UTF-8", payload: "{\"sub\":\"\xff\"}", lws: "malformed", panva: "JWT_INVALID", gojose: "ok", why: whyInvalidUTF8},
	{name: "payload lone surrogate escape", payload: `{"sub":"\ud800"}`, lws: "malformed", panva: "ok", gojose: "ok",
		why: "RFC 8259 §8.2: a lone surrogate is not a character; lejp refuses it where panva and go-jose keep or replace it"},
	{name: "payload unicode escapes", payload: `{"sub":"\u00e9\ud83d\ude00"}`, cfg: diffCfg{sub: "é😀"}, lws: "ok", panva: "ok", gojose: "ok"},
}

// TestDifferentialClaimVerdicts judges every row of diffCases with
// Verifier, panva jose and go-jose and holds each to the table.
func TestDifferentialClaimVerdicts(t *testing.T) {
	toks := diffTokens()
	reqs := make([]panvaReq, len(diffCases))
	secretJWK, _ := json.Marshal(map[string]string{"kty": "oct", "k": base64.RawURLEncoding.EncodeToString(diffSecret)})
	for i, c := range diffCases {
		reqs[i] = panvaReq{Op: "verify", Alg: "HS256", JWK: secretJWK, Token: toks[i], Opts: c.cfg.panvaOpts(), Now: diffNow}
	}
	resp := runPanva(t, reqs)
	for i, c := range diffCases {
		t.Run(c.name, func(t *testing.T) {
			panva := "ok"
			if e := resp[i].Error; e != "" {
				panva = strings.TrimPrefix(e, "ERR_")
			}
			checkDiffRow(t, c, toks[i], panva, resp[i].Message)
		})
	}
}

// TestDifferentialClaimVerdictsGoJose holds Verifier and go-jose to the
// table where node is not installed (TestDifferentialClaimVerdicts
// skips): it needs no peer.
func TestDifferentialClaimVerdictsGoJose(t *testing.T) {
	toks := diffTokens()
	for i, c := range diffCases {
		t.Run(c.name, func(t *testing.T) { checkDiffRow(t, c, toks[i], c.panva, "not run") })
	}
}

// TestDifferentialClaimVerdictsShared: the verdicts of the table hold for
// a Verifier shared by every row of one policy, which remembers its last
// header's verdict, and a Claims reused by VerifyInto, the rows run
// forward and then backward (so each header follows others).
func TestDifferentialClaimVerdictsShared(t *testing.T) {
	toks := diffTokens()
	vs := map[string]*jwt.Verifier{}
	var c jwt.Claims
	for pass := range 2 {
		for k := range diffCases {
			i := k
			if pass == 1 {
				i = len(diffCases) - 1 - k
			}
			row := diffCases[i]
			key := fmt.Sprintf("%#v", row.cfg)
			v := vs[key]
			if v == nil {
				var err error
				if v, err = jwt.NewVerifier(diffSecret, []string{"HS256"}, row.cfg.validator()); err != nil {
					t.Fatal(err)
				}
				vs[key] = v
			}
			got := lwsClass(t, v.VerifyInto(context.Background(), []byte(toks[i]), &c))
			if got != row.lws {
				t.Errorf("%s (pass %d): shared Verifier says %q, the table %q", row.name, pass, got, row.lws)
			}
		}
	}
}

// nonCanonicalLast sets the unused low bits of the signature's last
// base64url character, which leaves the decoded bytes as they were.
func nonCanonicalLast(s string) string {
	const alpha = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
	last := strings.IndexByte(alpha, s[len(s)-1])
	return s[:len(s)-1] + string(alpha[last|3])
}

// stdAlphabet writes the signature in the standard base64 alphabet. Its
// row's payload is chosen so that the signature holds a '-' or '_'.
func stdAlphabet(s string) string {
	dot := strings.LastIndexByte(s, '.')
	sig := s[dot+1:]
	if !strings.ContainsAny(sig, "-_") {
		return s // unchanged: the row's verdicts then fail it
	}
	return s[:dot+1] + strings.NewReplacer("-", "+", "_", "/").Replace(sig)
}

// diffTokens signs the rows of diffCases.
func diffTokens() []string {
	toks := make([]string, len(diffCases))
	for i, c := range diffCases {
		hdr := c.hdr
		if hdr == "" {
			hdr = `{"alg":"HS256","typ":"JWT"}`
		}
		toks[i] = hsCompact(hdr, c.payload, c.raw)
		if c.mut != nil {
			toks[i] = c.mut(toks[i])
		}
	}
	return toks
}

// checkDiffRow compares the verdicts on tok (panva's given) with row c,
// and checks that c explains its disagreements, and only those.
func checkDiffRow(t *testing.T, c diffCase, tok, panva, panvaMsg string) {
	t.Helper()
	lws := lwsVerdict(t, c, tok)
	gj := ""
	if c.cfg.gojoseApplies() {
		gj = gojoseVerdict(c, tok)
	}
	if lws != c.lws || panva != c.panva || gj != c.gojose {
		t.Errorf("verdicts lws %q panva %q (%s) go-jose %q; the table says %q %q %q",
			lws, panva, panvaMsg, gj, c.lws, c.panva, c.gojose)
	}
	agree := (c.lws == "ok") == (c.panva == "ok") && (c.gojose == "" || (c.lws == "ok") == (c.gojose == "ok"))
	switch {
	case !agree && c.why == "":
		t.Error("a disagreement with no explanation in the table")
	case agree && c.why != "":
		t.Error("an explanation where all agree")
	}
}

// lwsVerdict is Verifier's verdict on tok: "ok" or the name of the one
// error class (lwsErrs) the error is.
func lwsVerdict(t *testing.T, c diffCase, tok string) string {
	v, err := jwt.NewVerifier(diffSecret, []string{"HS256"}, c.cfg.validator())
	if err != nil {
		t.Fatal(err)
	}
	_, err = v.Verify([]byte(tok))
	return lwsClass(t, err)
}

// lwsClass names the one error class (lwsErrs) of err, or "ok".
func lwsClass(t *testing.T, err error) string {
	if err == nil {
		return "ok"
	}
	var names []string
	for name, e := range lwsErrs {
		if errors.Is(err, e) {
			names = append(names, name)
		}
	}
	if len(names) != 1 {
		t.Errorf("error %v is of classes %v", err, names)
		return "?"
	}
	return names[0]
}

// gojoseVerdict is go-jose's: its jwt.ParseSigned, Claims and
// ValidateWithLeeway at the same clock and leeway.
func gojoseVerdict(c diffCase, tok string) string {
	p, err := gojwt.ParseSigned(tok, []gojose.SignatureAlgorithm{gojose.HS256})
	if err != nil {
		return "err"
	}
	var cl gojwt.Claims
	if err := p.Claims(diffSecret, &cl); err != nil {
		return "err"
	}
	e := gojwt.Expected{Issuer: c.cfg.iss, Subject: c.cfg.sub, ID: c.cfg.id, Time: time.Unix(diffNow, 0)}
	if c.cfg.aud != "" {
		e.AnyAudience = gojwt.Audience{c.cfg.aud}
	}
	if err := cl.ValidateWithLeeway(e, time.Duration(c.cfg.leeway)*time.Second); err != nil {
		return "err"
	}
	return "ok"
}
