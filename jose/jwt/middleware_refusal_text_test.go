package jwt

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/lwscrypto/lwscrypto/jose"
)

// maxRefusalText bounds the text of an error OnRefusal gets: a quoted
// name is cut at 64 bytes, a JSON Pointer path at 256 (each byte at most
// a six-byte \uXXXX escape), plus the messages' own words.
const maxRefusalText = 2 << 10

// refusalTextErr says what is wrong with msg as one line of a service's
// log: "" if nothing.
func refusalTextErr(msg string) string {
	if len(msg) > maxRefusalText {
		return "longer than maxRefusalText"
	}
	if !utf8.ValidString(msg) {
		return "not UTF-8"
	}
	for _, r := range msg {
		if r < 0x20 || r >= 0x7f && r < 0xa0 || r >= 0x2028 && r <= 0x202e || r >= 0x2066 && r <= 0x2069 {
			return "holds a control, line separator or bidi character"
		}
	}
	return ""
}

// refusalFor serves one request whose Authorization header is "Bearer "
// and the compact token of the protected header hdr and payload, signed
// with the test secret (sign) or with a wrong signature, through
// Middleware over an HS256 Verifier with val, and returns the error its
// OnRefusal hook got (nil if it was not called) and the token.
func refusalFor(t testing.TB, val Validator, hdr, payload string, sign bool) (error, string) {
	e := base64.RawURLEncoding
	in := e.EncodeToString([]byte(hdr)) + "." + e.EncodeToString([]byte(payload))
	sig := "AAAA"
	if sign {
		m := hmac.New(sha256.New, secret)
		m.Write([]byte(in))
		sig = e.EncodeToString(m.Sum(nil))
	}
	tok := in + "." + sig
	var got error
	calls := 0
	h := Middleware(hsVerifier(t, val), http.HandlerFunc(func(http.ResponseWriter, *http.Request) {}),
		OnRefusal(func(_ *http.Request, _ int, err error) { got = err; calls++ }))
	r := httptest.NewRequest("GET", "/", nil)
	r.Header.Set("Authorization", "Bearer "+tok)
	h.ServeHTTP(httptest.NewRecorder(), r)
	if calls > 1 {
		t.Fatalf("hook called %d times", calls)
	}
	return got, tok
}

// TestMiddlewareOnRefusalTextSafe: the error OnRefusal hands a service to
// log is one line of UTF-8 of bounded length, however the token's header
// or claims spell their names and values: a CR LF, a U+2028 or a bidi
// override in an "alg", a "crit" entry, a "typ", a claim value or a
// member name (quoted, or in the JSON Pointer path of a malformed member)
// is replaced or escaped, and a long one cut — whether the token is
// refused before its signature is checked (anyone can send it) or after.
// Every error also matches the sentinel OnRefusal's godoc lists for it
// (jose.ErrAlgorithm among them).
func TestMiddlewareOnRefusalTextSafe(t *testing.T) {
	evil := strings.Repeat(`x\r\nLOG: forged\u2028\u202e`, 40) // JSON escapes
	val := Validator{Audience: "api", Issuer: "https://iss", Required: []string{"exp"}, Type: "JWT"}
	for _, tc := range []struct {
		hdr, payload string
		sign         bool
		want         error
	}{
		{`{"alg":"` + evil + `"}`, `{}`, false, jose.ErrAlgorithm},
		{`{"alg":"none"}`, `{}`, false, jose.ErrAlgorithm},
		{`{"alg":"HS384"}`, `{}`, false, jose.ErrAlgorithm},
		{`{"alg":"HS256","crit":["` + evil + `"]}`, `{}`, false, jose.ErrCrit},
		{`{"alg":"HS256","typ":"` + evil + `"}`, `{}`, true, jose.ErrMalformed},
		{`{"alg":"HS256","` + evil + `":{"` + evil + `":[1,}}`, `{}`, false, jose.ErrMalformed},
		{`{"alg":"HS256","` + evil + `":1,"` + evil + `":2}`, `{}`, false, jose.ErrMalformed},
		{`{"alg":"HS256","typ":"JWT"}`, `{"` + evil + `":{"` + evil + `":[1,}}`, true, jose.ErrMalformed},
		{`{"alg":"HS256","typ":"JWT"}`, `{"exp":2000000000,"` + evil + `":1,"` + evil + `":2}`, true, jose.ErrMalformed},
		{`{"alg":"HS256","typ":"JWT"}`, `{"exp":2000000000,"aud":"` + evil + `"}`, true, ErrClaimMismatch},
		{`{"alg":"HS256","typ":"JWT"}`, `{"exp":2000000000,"aud":"api","iss":"` + evil + `"}`, true, ErrClaimMismatch},
		{`{"alg":"HS256","typ":"JWT"}`, `{"exp":"` + evil + `"}`, true, jose.ErrMalformed},
		{`{"alg":"HS256","typ":"JWT"}`, `{"aud":"api","iss":"https://iss"}`, true, ErrMissingClaim},
	} {
		err, tok := refusalFor(t, val, tc.hdr, tc.payload, tc.sign)
		if err == nil {
			t.Errorf("%.60s . %.60s: accepted", tc.hdr, tc.payload)
			continue
		}
		msg := err.Error()
		if why := refusalTextErr(msg); why != "" {
			t.Errorf("%.60s . %.60s: the hook's error %s: %.300q", tc.hdr, tc.payload, why, msg)
		}
		if !errors.Is(err, tc.want) {
			t.Errorf("%.60s . %.60s: %v; want errors.Is %v", tc.hdr, tc.payload, err, tc.want)
		}
		for _, part := range strings.Split(tok, ".") {
			if len(part) > 8 && strings.Contains(msg, part) {
				t.Errorf("%.60s: the error holds a part of the token: %.100s", tc.hdr, msg)
			}
		}
	}
}

// FuzzMiddlewareRefusalText: TestMiddlewareOnRefusalTextSafe's property
// for any protected header and payload, signed or not.
func FuzzMiddlewareRefusalText(f *testing.F) {
	for _, h := range []string{`{"alg":"HS256"}`, `{"alg":"HS256\r\nX"}`, `{"alg":"HS256","crit":["a\nb"]}`,
		`{"alg":"HS256","typ":"x\u2028"}`, `{"alg":"none"}`, `{"alg":"HS256","a\r\n":{"b\n":[1,}}`} {
		for _, p := range []string{`{}`, `{"aud":"x\r\ny"}`, `{"exp":"x"}`, `{"a\r\nb":{"c\u202e":[1,2,}}`, `{"aud":"api","exp":1}`} {
			f.Add(h, p, true)
			f.Add(h, p, false)
		}
	}
	f.Fuzz(func(t *testing.T, hdr, payload string, sign bool) {
		err, _ := refusalFor(t, Validator{Audience: "api", Issuer: "https://iss", Required: []string{"exp"}}, hdr, payload, sign)
		if err == nil {
			return
		}
		if why := refusalTextErr(err.Error()); why != "" {
			t.Fatalf("the hook's error %s: %q", why, err.Error())
		}
	})
}
