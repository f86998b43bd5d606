package jwk

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/lwscrypto/lwscrypto/jose"
	"github.com/lwscrypto/lwscrypto/lejp"
)

// MaxSetKeys bounds the keys of a JWK Set: more is jose.ErrLimit.
const MaxSetKeys = 4096

// Set is a JWK Set (RFC 7517 §5). The zero Set is an empty set ({"keys":[]}).
// Its methods only read it, so a Set may be used concurrently as long as
// no one changes its fields or its keys. A verifier made from a Set reads
// it once (see jws.NewVerifier); a set that changes is a Remote's job.
//
// A nil *Set holds no key to find (LookupKid finds none, Candidates
// returns none), but it is no set to check, copy or write: Check,
// PublicSet, AppendJSON and MarshalJSON return an error wrapping
// jose.ErrKey.
type Set struct {
	// Keys are the keys of the set this package understands, in order.
	Keys []*Key
	// Skipped holds, raw, the members of "keys" whose kty (or OKP curve)
	// this package does not support; RFC 7517 §5 says to ignore them.
	Skipped [][]byte

	extra []jose.Member
}

// ParseSet parses a JWK Set: an object with a "keys" array of JWKs, each
// parsed as Parse does. Beyond Parse it is strict about the set as a whole:
//
//   - a key of a kty or curve this package does not support (AKP, Ed448,
//     secp256k1, …) is skipped (kept in Skipped), as RFC 7517 §5 asks; any other bad key fails the
//     whole set, so a set is never half-understood;
//   - two keys with the same "kid" are rejected (RFC 7517 §4.5 says kids
//     SHOULD differ; Wycheproof treats duplicates as ambiguous), so that
//     LookupKid names at most one key;
//   - a set that mixes secret or private keys with public-only keys is
//     rejected (Wycheproof "MixedKeySet"): a set is either a verifier's
//     (public keys) or a key holder's (private or secret keys).
func ParseSet(raw []byte) (*Set, error) { return parseSet(raw, nil) }

// parseSet is ParseSet calling screen, if not nil, on each member of
// "keys" once it is read as a JSON object and before its material is
// decoded and checked (costly for an RSA private key), with whether this
// package supports its kty and curve: an error of screen fails the set,
// named by the key's index.
func parseSet(raw []byte, screen func(o *jose.Object, supported bool) error) (*Set, error) {
	o, err := jose.ParseObject(raw)
	if err != nil {
		if isPEM(raw) {
			return nil, fmt.Errorf("jwk: the input is PEM, not a JWK Set (ParsePEM reads it): %w", err)
		}
		return nil, fmt.Errorf("jwk: %w", err)
	}
	km, ok := o.Get("keys")
	if !ok {
		if _, ok := o.Get("kty"); ok {
			return nil, fmt.Errorf(`jwk: JWK Set has no "keys": the input is one JWK, not a set (Parse reads it; a set is {"keys":[…]}): %w`, jose.ErrMalformed)
		}
		return nil, fmt.Errorf(`jwk: JWK Set has no "keys": %w`, jose.ErrMalformed)
	}
	if km.Kind() != jose.KindArray {
		return nil, fmt.Errorf(`jwk: JWK Set "keys" is not an array: %w`, jose.ErrMalformed)
	}
	s := &Set{}
	for _, m := range o.Members {
		if m.Name != "keys" {
			s.extra = append(s.extra, m)
		}
	}
	i := 0
	err = jose.EachElement(km.Value, func(el []byte) error {
		defer func() { i++ }()
		if i == MaxSetKeys {
			return fmt.Errorf("jwk: JWK Set has more than %d keys: %w", MaxSetKeys, jose.ErrLimit)
		}
		ko, err := jose.ParseObject(el)
		if err != nil {
			return fmt.Errorf("jwk: key %d: %w", i, err)
		}
		sup := supported(ko)
		if screen != nil {
			if err := screen(ko, sup); err != nil {
				return &setKeyError{i, err}
			}
		}
		if !sup {
			s.Skipped = append(s.Skipped, bytes.Clone(el)) // el aliases raw
			return nil
		}
		k, err := parseObject(ko)
		if err != nil {
			return &setKeyError{i, err}
		}
		s.Keys = append(s.Keys, k)
		return nil
	})
	if err != nil {
		return nil, err
	}
	if err := s.Check(); err != nil {
		return nil, err
	}
	s.extra = ownMembers(s.extra)
	return s, nil
}

// setKeyError names the member of "keys" a Parse error came from:
// "jwk: key 3: …", keeping the error for errors.Is and errors.As.
type setKeyError struct {
	i   int
	err error
}

func (e *setKeyError) Error() string {
	return fmt.Sprintf("jwk: key %d: %s", e.i, strings.TrimPrefix(e.err.Error(), "jwk: "))
}

func (e *setKeyError) Unwrap() error { return e.err }

// supported reports whether a key object has a kty (and, for EC and OKP, a
// crv) this package implements. Malformed kty or crv members count as
// supported, so that parseObject reports them.
func supported(o *jose.Object) bool {
	m, ok := o.Get("kty")
	if !ok {
		return true
	}
	kty, err := m.String()
	if err != nil {
		return true
	}
	if _, ok := materialNames[kty]; !ok {
		return false
	}
	c, ok := o.Get("crv")
	if !ok {
		return true
	}
	crv, err := c.String()
	if err != nil {
		return true
	}
	switch kty {
	case KeyTypeOKP:
		return crv == CurveEd25519 || crv == CurveX25519
	case KeyTypeEC:
		return crv == CurveP256 || crv == CurveP384 || crv == CurveP521
	}
	return true
}

// errNilSet is what the methods of a nil *Set that return an error return.
var errNilSet = fmt.Errorf("jwk: the JWK Set is nil: %w", jose.ErrKey)

// Check applies the set-wide rules of ParseSet to s (for a set built in
// code): at most MaxSetKeys keys, Skipped included (jose.ErrLimit), no nil
// key, distinct kids and no mix of public-only and private or secret keys
// (jose.ErrKey). Set.AppendJSON applies it, with the rules of each key.
func (s *Set) Check() error {
	if s == nil {
		return errNilSet
	}
	if len(s.Keys) > MaxSetKeys-len(s.Skipped) {
		return fmt.Errorf("jwk: JWK Set has more than %d keys: %w", MaxSetKeys, jose.ErrLimit)
	}
	seen := make(map[string]bool, len(s.Keys))
	priv, pub := 0, 0
	for i, k := range s.Keys {
		if k == nil {
			return fmt.Errorf("jwk: key %d of the set is nil: %w", i, jose.ErrKey)
		}
		if k.Kid != "" {
			if seen[k.Kid] {
				return fmt.Errorf("jwk: JWK Set has two keys with kid %s: %w", jose.QuoteName(k.Kid), jose.ErrKey)
			}
			seen[k.Kid] = true
		}
		if k.IsPrivate() {
			priv++
		} else {
			pub++
		}
	}
	if priv > 0 && pub > 0 {
		return fmt.Errorf("jwk: JWK Set mixes public keys with private or secret keys: %w", jose.ErrKey)
	}
	return nil
}

// LookupKid returns the key whose "kid" is kid. An empty kid names no key:
// Kid "" is how a key without "kid" looks, and such keys are not named.
//
// It scans s.Keys, which s's owner may change at any time, so there is no
// index to go stale: a kid no key has costs one comparison per key, at
// MaxSetKeys keys about 40 µs (BenchmarkLookupKidUnknown4096), the cost of
// one ECDSA verification, which a token with a known kid and a wrong
// signature costs anyway; JWK Sets in use hold a few keys.
func (s *Set) LookupKid(kid string) (*Key, bool) {
	if s == nil {
		return nil, false
	}
	if kid == "" {
		return nil, false
	}
	for _, k := range s.Keys {
		if k != nil && k.Kid == kid {
			return k, true
		}
	}
	return nil, false
}

// Candidates returns the keys a verifier (or decrypter) may try for an
// object whose header names alg and kid, for op (catalog row 26):
//
//   - with a kid, only the key with that kid, and only if CheckUse(alg, op)
//     allows it — never another key, even if the kid is unknown; a kid of
//     "" names no key (see LookupKid), so it gives none;
//   - without a kid, every key that CheckUse(alg, op) allows (so only keys of
//     alg's family are tried), unless requireKid is set, in which case none.
func (s *Set) Candidates(kid string, hasKid bool, alg string, op Op, requireKid bool) []*Key {
	if s == nil {
		return nil
	}
	if hasKid {
		if k, ok := s.LookupKid(kid); ok && k.CheckUse(alg, op) == nil {
			return []*Key{k}
		}
		return nil
	}
	if requireKid {
		return nil
	}
	var out []*Key
	for _, k := range s.Keys {
		if k != nil && k.CheckUse(alg, op) == nil {
			out = append(out, k)
		}
	}
	return out
}

// PublicSet returns a set of the public halves of s's keys. oct keys, which
// have no public half, are an error, and so is a nil key (jose.ErrKey, as
// Check says).
func (s *Set) PublicSet() (*Set, error) {
	if s == nil {
		return nil, errNilSet
	}
	out := &Set{extra: s.extra}
	for i, k := range s.Keys {
		if k == nil {
			return nil, fmt.Errorf("jwk: key %d of the set is nil: %w", i, jose.ErrKey)
		}
		p, err := k.PublicKey()
		if err != nil {
			return nil, err
		}
		out.Keys = append(out.Keys, p)
	}
	return out, nil
}

// AppendJSON appends the set as {"keys":[…]} (keys as Key.AppendJSON writes
// them, skipped keys raw, then the set's other members). What it writes,
// ParseSet reads back as the same set: a set that Check refuses, a key that
// Key.AppendJSON refuses, or a Skipped value that is not a JSON object
// (strict, as Parse reads one) of a kty or curve this package does not
// support is an error (wrapping the sentinel ParseSet uses: jose.ErrKey,
// jose.ErrLimit, or jose.ErrMalformed for Skipped values), and dst is
// returned unchanged. So is a raw value that nests too deep for its place
// in the set (jose.ErrLimit): ParseSet bounds the whole set by
// jose.MaxDepth, so a key's Extra member or a Skipped key may nest two
// levels less than in a JWK of its own.
func (s *Set) AppendJSON(dst []byte) ([]byte, error) {
	if s == nil {
		return dst, errNilSet
	}
	if err := s.Check(); err != nil {
		return dst, err
	}
	var w lejp.Writer
	w.Reset(dst)
	w.BeginObject()
	w.Name("keys")
	w.BeginArray()
	var buf [256]byte
	tmp := buf[:0]
	for i, k := range s.Keys {
		var err error
		if tmp, err = k.write(&w, tmp, 2); err != nil {
			return dst, fmt.Errorf("jwk: key %d of the set: %w", i, err)
		}
	}
	for i, raw := range s.Skipped {
		// in {"keys":[…]}: two levels deeper than alone
		if err := rawDepth(raw, 2); err != nil {
			return dst, fmt.Errorf("jwk: skipped key %d of the set: %w", i, err)
		}
		w.Raw(raw)
		if err := w.Err(); err != nil {
			return dst, fmt.Errorf("jwk: skipped key %d of the set: %w: %w", i, jose.ErrMalformed, err)
		}
		// One JSON value, now one that ParseSet skips again.
		o, err := jose.ParseObject(raw)
		if err != nil {
			return dst, fmt.Errorf("jwk: skipped key %d of the set: %w", i, err)
		}
		if supported(o) {
			return dst, fmt.Errorf("jwk: skipped key %d of the set has a kty this package reads; put it in Keys: %w", i, jose.ErrMalformed)
		}
	}
	w.EndArray()
	for _, m := range s.extra {
		w.Name(m.Name)
		w.Raw(m.Value)
	}
	w.EndObject()
	out, err := w.Finish()
	if err != nil {
		return dst, fmt.Errorf("jwk: writing the set: %w: %w", jose.ErrMalformed, err)
	}
	return out, nil
}

// MarshalJSON returns AppendJSON(nil): the set, or AppendJSON's error.
func (s *Set) MarshalJSON() ([]byte, error) { return s.AppendJSON(nil) }
