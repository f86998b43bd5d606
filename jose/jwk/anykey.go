package jwk

// ParseAny: keys from text whose format is told by its content (a JWK, a
// JWK Set or PEM), for keys named in configuration. The
// function only routes: every rule is the specific reader's (Parse,
// ParseSet, ParsePEM), which it calls on the input as given.

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/lwscrypto/lwscrypto/internal/pemtext"

	"github.com/lwscrypto/lwscrypto/jose"
)

// ParseAny reads the keys in data, which holds one JWK, a JWK Set or PEM
// text, told apart by their content, never by a file name:
//
//   - a JSON object (after JSON whitespace) with "kty" is a JWK, read by
//     Parse; one with "keys" is a JWK Set, read by ParseSet; one with both
//     or neither is jose.ErrMalformed. Member names are compared here
//     regardless of case, as some JSON readers match them (Go's
//     encoding/json): an object with "kty" and "KEYS" is refused as
//     ambiguous, and one with "KEYS" alone goes to ParseSet, which
//     refuses it for its missing "keys";
//   - text with a PEM BEGIN line is read by ParsePEM: one key (SPKI,
//     PKCS #1, PKCS #8, SEC 1), or a certificate chain whose leaf gives
//     the key.
//
// The result is always a Set, so that callers treat the three forms
// alike: a JWK or a PEM key is a Set of that one key, with no Skipped. A
// JWK Set is what ParseSet returns: its Skipped holds, raw, the keys of a
// kty or curve this package does not support (RFC 7517 §5), and its Keys
// may be empty (all skipped, or "keys":[]), so a caller that needs a key
// checks len(set.Keys). A single JWK of such a kty or curve is not skipped
// but refused (jose.ErrKey), as Parse refuses it.
//
// isSet reports whether data was a JWK Set, which matters to a verifier:
// jws.NewVerifier and jwt.NewVerifier given a *Set select the key by the
// token's "kid", and a key without one (every PEM key) matches no token
// that names a kid; given a *Key, they use it whatever kid a token names.
// A verifier of keys from a file that may hold one key passes set.Keys[0]
// when isSet is false, and the set otherwise (as lwscrypto jws verify
// --key does).
//
// ParseAny is exactly as strict as the reader it calls, and its errors
// are that reader's: ParsePEM's refusal of several keys (a private key
// beside its certificate included), of encrypted and OpenSSH PEM blocks
// and of text over its bound; ParseSet's duplicate kids and mixed
// public and private keys. Input that is none of the three is
// jose.ErrMalformed with an error saying what it looked like: empty or
// only whitespace, text that begins with a UTF-8 byte order mark (not
// JSON, RFC 8259 §8.1), a JSON array or string, an OpenSSH public key
// line, binary data such as DER (ParseDER reads DER, given its type) or
// COSE_Key CBOR, or other text. Keys given as bytes (an oct key's secret)
// are JWKs: raw secret bytes are not a key format.
func ParseAny(data []byte) (set *Set, isSet bool, err error) {
	if bytes.HasPrefix(data, []byte(utf8BOM)) {
		return nil, false, fmt.Errorf("jwk: the input begins with a UTF-8 byte order mark (EF BB BF), which neither JSON nor PEM allows there (save it as UTF-8 without one): %w", jose.ErrMalformed)
	}
	t := bytes.TrimLeft(data, " \t\r\n")
	isPEM := pemtext.BeginLines(data) > 0 || bytes.HasPrefix(t, []byte("-----BEGIN"))
	switch {
	case len(t) == 0:
		return nil, false, fmt.Errorf("jwk: the input is empty or only whitespace%s: %w", notAny, jose.ErrMalformed)
	case t[0] == '{':
		o, err := jose.ParseObject(data)
		if err != nil {
			if isPEM {
				return nil, false, fmt.Errorf("jwk: the input begins as JSON but is not a JSON object, and holds PEM: %w", err)
			}
			return nil, false, fmt.Errorf("jwk: %w", err)
		}
		kty, keys := hasFold(o, "kty"), hasFold(o, "keys")
		switch {
		case kty && keys:
			return nil, false, fmt.Errorf(`jwk: the input is a JSON object with both "kty" (a JWK) and "keys" (a JWK Set), which is ambiguous: %w`, jose.ErrMalformed)
		case keys:
			if set, err = ParseSet(data); err != nil {
				return nil, false, err
			}
			return set, true, nil
		case kty:
			k, err := Parse(data)
			if err != nil {
				return nil, false, err
			}
			return &Set{Keys: []*Key{k}}, false, nil
		}
		return nil, false, fmt.Errorf(`jwk: the input is a JSON object with neither "kty" (a JWK) nor "keys" (a JWK Set): %w`, jose.ErrMalformed)
	case isPEM:
		k, err := ParsePEM(data)
		if err != nil {
			return nil, false, err
		}
		return &Set{Keys: []*Key{k}}, false, nil
	}
	what, hint := lookslike(t)
	return nil, false, fmt.Errorf("jwk: the input is %s%s%s: %w", what, notAny, hint, jose.ErrMalformed)
}

// hasFold reports whether o has a member named name but for case
// (strings.EqualFold, as jose.ParseObject compares names): a reader that
// matches names regardless of case, as Go's encoding/json does, takes
// "KEYS" for "keys", so ParseAny routes on, and refuses as ambiguous, the
// names such a reader would see.
func hasFold(o *jose.Object, name string) bool {
	for _, m := range o.Members {
		if strings.EqualFold(m.Name, name) {
			return true
		}
	}
	return false
}

// notAny is the end of ParseAny's errors for input of no format it reads.
const notAny = `, not a JWK, a JWK Set ({"keys":[…]}) or PEM text`

// utf8BOM is the UTF-8 byte order mark some editors write at the start of
// a text file.
const utf8BOM = "\xef\xbb\xbf"

// lookslike names what t (the input from its first byte that is not JSON
// whitespace) looks like, and how to make it a key file, for an error
// that shows none of it (it may be a secret).
func lookslike(t []byte) (what, hint string) {
	switch {
	case t[0] == '[':
		return "a JSON array", ""
	case t[0] == '"':
		return "a JSON string", ""
	case bytes.HasPrefix(t, []byte("ssh-")) || bytes.HasPrefix(t, []byte("ecdsa-sha2-")) || bytes.HasPrefix(t, []byte("sk-ssh-")) || bytes.HasPrefix(t, []byte("sk-ecdsa-")):
		return "an OpenSSH public key line", " (ssh-keygen -e -m PKCS8 -f FILE writes an RSA or ECDSA one as PEM)"
	case t[0] == 0x30 && !textual(t):
		return "binary data that begins as DER does", " (ParseDER reads DER, given its PEM type)"
	case !textual(t):
		return "binary data", ""
	}
	return "text", ""
}

// textual reports whether b is UTF-8 without control characters other
// than whitespace: what a JWK or PEM file holds, and what DER and CBOR
// almost never are.
func textual(b []byte) bool {
	if !utf8.Valid(b) {
		return false
	}
	for _, c := range b {
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7f {
			return false
		}
	}
	return true
}
