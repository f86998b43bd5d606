package jwt

import (
	"bytes"
	"encoding/json"
	"errors"
	"strconv"
	"unicode/utf8"

	"github.com/lwscrypto/lwscrypto/jose"
	"github.com/lwscrypto/lwscrypto/lejp"
)

// StringClaim returns the ClaimSet.Extra member name with the JSON string
// v: StringClaim("role", "admin") is jose.Member{Name: "role", Value:
// []byte(`"admin"`)}. A v that is not UTF-8 is kept as it is, so that
// signing refuses it (jose.ErrMalformed, naming the claim) rather than
// carry U+FFFD, another value.
func StringClaim(name, v string) jose.Member {
	return jose.Member{Name: name, Value: appendStringKeepInvalid(nil, v)}
}

// IntClaim returns the ClaimSet.Extra member name with the JSON number v.
func IntClaim(name string, v int64) jose.Member {
	return jose.Member{Name: name, Value: strconv.AppendInt(nil, v, 10)}
}

// BoolClaim returns the ClaimSet.Extra member name with the JSON true or
// false.
func BoolClaim(name string, v bool) jose.Member {
	return jose.Member{Name: name, Value: strconv.AppendBool(nil, v)}
}

// JSONClaim returns the ClaimSet.Extra member name with v encoded by
// encoding/json (without its HTML escaping), checked as the claims reader
// of Verify will read it. Everything that reader refuses, and what
// encoding/json would silently change, is an error wrapping
// jose.ErrMalformed (jose.ErrLimit for a limit) that names the claim: a
// value encoding/json cannot encode (NaN, ±Inf, a channel), two names of
// one object equal or equal but for case (from a json.RawMessage, a
// MarshalJSON method, or a map with keys "scope" and "Scope"), a string
// or name that is not UTF-8 (which encoding/json writes as the escape
// \ufffd: its output holding that escape is refused, also where a
// json.RawMessage wrote it on purpose), a registered claim of the wrong
// type (JSONClaim("exp", "tomorrow")), nesting deeper than the reader
// takes. A name used twice is an error when the ClaimSet is signed.
func JSONClaim(name string, v any) (jose.Member, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return jose.Member{}, wrapCause(jose.ErrMalformed, "Extra claim "+jose.QuoteName(name)+": encoding/json", err)
	}
	val := bytes.TrimSuffix(buf.Bytes(), []byte("\n"))
	if hasReplacementEscape(val) {
		return jose.Member{}, wrapCause(jose.ErrMalformed, "Extra claim "+jose.QuoteName(name)+
			": a string or name is not UTF-8 (encoding/json wrote it as \\ufffd)", lejp.ErrInvalidUTF8)
	}
	// the claims set {name: val}, read as Verify reads one
	var w lejp.Writer
	w.BeginObject()
	w.Name(name)
	if err := w.Err(); err != nil {
		return jose.Member{}, extraError(name, err, false)
	}
	w.Raw(val)
	if err := w.Err(); err != nil {
		return jose.Member{}, extraError(name, err, true)
	}
	w.EndObject()
	obj, err := w.Finish()
	if err != nil {
		return jose.Member{}, syntax(err)
	}
	c := Claims{Raw: obj}
	if err := c.parse(); err != nil {
		if ce := (*ClaimError)(nil); errors.As(err, &ce) && ce.Claim == name {
			return jose.Member{}, wrap(err, "Extra claim") // err names it
		}
		return jose.Member{}, wrap(err, "Extra claim "+jose.QuoteName(name))
	}
	return jose.Member{Name: name, Value: val}, nil
}

// hasReplacementEscape reports whether the JSON text b (encoding/json's
// output) holds the escape \ufffd, which encoding/json writes for each
// byte of a string that is not UTF-8 (it writes a U+FFFD of the input as
// the character itself).
func hasReplacementEscape(b []byte) bool {
	for i := 0; i < len(b); i++ {
		if b[i] != '\\' || i+1 == len(b) {
			continue
		}
		if b[i+1] == 'u' && i+6 <= len(b) && string(b[i+2:i+6]) == "fffd" {
			return true
		}
		i++ // the escaped character: "\\ufffd" is a backslash and "ufffd"
	}
	return false
}

// appendStringKeepInvalid appends s as a JSON string, as lejp.AppendString
// does, but for bytes that are not UTF-8, which it copies as they are
// (so that the strict reader refuses the value) rather than as U+FFFD.
func appendStringKeepInvalid(dst []byte, s string) []byte {
	if utf8.ValidString(s) {
		return lejp.AppendString(dst, s)
	}
	dst = append(dst, '"')
	for len(s) > 0 {
		n := 0 // the valid run
		for n < len(s) {
			r, size := utf8.DecodeRuneInString(s[n:])
			if r == utf8.RuneError && size == 1 {
				break
			}
			n += size
		}
		if n > 0 {
			q := lejp.AppendString(nil, s[:n])
			dst = append(dst, q[1:len(q)-1]...)
		}
		for n < len(s) { // the invalid bytes: none is '"' or '\\'
			r, size := utf8.DecodeRuneInString(s[n:])
			if r != utf8.RuneError || size != 1 {
				break
			}
			dst = append(dst, s[n])
			n++
		}
		s = s[n:]
	}
	return append(dst, '"')
}
