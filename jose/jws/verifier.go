package jws

import (
	"context"
	"crypto"
	"crypto/ed25519"
	"fmt"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/lwscrypto/lwscrypto/gencrypto"
	"github.com/lwscrypto/lwscrypto/jose"
	"github.com/lwscrypto/lwscrypto/jose/jwk"
	"github.com/lwscrypto/lwscrypto/lejp"
)

// Option adjusts a Verifier. The zero set of options is the strict default:
// no extension but "b64" understood, any "kid" or none accepted from a key
// set, embedded "jwk" keys never used, any "typ", Ed25519 streaming payloads
// buffered up to DefaultMaxBufferedPayload. A nil Option changes nothing.
type Option func(*config)

type config struct {
	crit        []string
	requireKid  bool
	anchors     []*jwk.Key
	embedded    bool
	typ         string
	hasTyp      bool
	maxBuffered int64
}

// DefaultMaxBufferedPayload bounds what a streaming Ed25519 verification or
// signature holds in memory (Ed25519 cannot hash as it reads; RFC 8032
// §5.1.6): the whole signing input, that is the encoded protected header,
// '.' and the payload as signed — base64url text, a third longer than the
// payload, unless "b64" is false. More is jose.ErrLimit. (A message with
// several Ed25519 signatures holds its payload once, with room for its
// longest header: each signature's own signing input is bounded.)
const DefaultMaxBufferedPayload = 64 << 20

// Critical names header extensions the caller understands (RFC 7515
// §4.1.11), beyond "b64" (RFC 7797), which this package implements itself.
// A token whose "crit" lists anything else is rejected. The caller reads
// the extension's value from Result.Header (AppendVerifyCompact, which has
// no Result, refuses tokens with such extensions).
func Critical(names ...string) Option {
	return func(c *config) { c.crit = append(c.crit, names...) }
}

// RequireKeyID makes a verifier with a key set reject tokens without a
// "kid", instead of trying every key of the token's algorithm family
// (catalog row 26). Without it such a token costs one signature check per
// key of the family, and a general JSON message up to MaxSignatures times
// that (16 × 256 ES256 keys: about 0.4 s on a 2-core machine), so a
// verifier of untrusted tokens against a large set should require a kid.
func RequireKeyID() Option { return func(c *config) { c.requireKid = true } }

// TrustEmbeddedJWK lets a token carry its verification key in the "jwk"
// header (RFC 7515 §4.1.3), but only a key equal to one of anchors; the
// anchor's own "alg", "use" and "key_ops" then apply. Without this option
// a "jwk" header is ignored, and with it a "jwk" matching no anchor is
// jose.ErrKey (catalog row 4). A nil anchor makes NewVerifier fail with
// jose.ErrKey.
func TrustEmbeddedJWK(anchors ...*jwk.Key) Option {
	return func(c *config) { c.embedded = true; c.anchors = append(c.anchors, anchors...) }
}

// RequireType makes the verifier reject (jose.ErrMalformed, before the
// signature is checked) a token whose protected header has
// no "typ" or one that differs from typ; a "typ" in the unprotected header
// of a JSON serialization is not signed, so it does not count. Media types compare case-insensitively and
// "application/" may be left out on either side (RFC 7515 §4.1.9), so
// RequireType("JWT") accepts "jwt" and "application/jwt". The option
// requires a type to be present: RequireType("") accepts only a "typ" of
// "" (or "application/") and rejects a header without "typ", so it cannot
// be used to require that there be none. Without the option any "typ", or
// none, is accepted.
func RequireType(typ string) Option {
	return func(c *config) { c.typ = typ; c.hasTyp = true }
}

// MaxBufferedPayload changes DefaultMaxBufferedPayload for this verifier. The
// bound is on the signing input, header included: to stream an encoded
// payload of n bytes under a header of h base64url characters, allow
// h + 1 + ceil(4n/3). In a message with several Ed25519 signatures it
// bounds each one's signing input: the payload is held once, with room
// for the longest header, and a signature whose own signing input is over
// the bound fails alone (jose.ErrLimit). The bound binds only Ed25519
// signatures checked by VerifyReader (the others stream, and the other
// methods are given the whole message); n ≤ 0 leaves no room even for the
// header, so every such signature fails with jose.ErrLimit.
func MaxBufferedPayload(n int64) Option { return func(c *config) { c.maxBuffered = n } }

// Verifier checks JWS signatures against a key or key set the caller trusts,
// for algorithms the caller names. It is safe for concurrent use, and its
// compact path allocates nothing for HMAC and Ed25519 keys (see
// AppendVerifyCompact). The zero Verifier (one not made by NewVerifier)
// has no key: every method returns an error wrapping jose.ErrKey, whatever
// the message; so does a nil *Verifier.
type Verifier struct {
	algs   []string
	keys   []*vkey
	isSet  bool
	remote *jwk.Remote
	cfg    config
	states sync.Pool // *state
	// lastHdr remembers the decision on the most recent protected header
	// read by the fast reader; tokens from one issuer share it.
	lastHdr atomic.Pointer[hdrEntry]
	// remoteKeys holds the vkeys of the remote set last used, made as
	// its keys are first tried (see remoteKey).
	remoteKeys atomic.Pointer[remoteKeys]
	// anchors are the vkeys of cfg.anchors, bound to algs once here
	// rather than at every token that embeds a "jwk".
	anchors []*vkey
	// refused holds, for each of Algorithms not in algs, its refusal
	// (notAllowed), made once so that a refused token allocates nothing.
	refused map[string]error
}

// remoteKeys are the vkeys made for the keys of one set fetched by a
// jwk.Remote, which never changes (a refetch replaces it): a vkey depends
// only on its key and the Verifier's algorithms, so it is made once per
// fetched set rather than at every token.
type remoteKeys struct {
	set  *jwk.Set
	keys sync.Map // *jwk.Key of set → *vkey
}

// vkey is one verification key with its per-algorithm usability decided
// once, when the Verifier is made.
type vkey struct {
	jwk    *jwk.Key // nil for a bare key
	secret []byte
	pub    crypto.PublicKey
	usable []error // parallel to Verifier.algs
	macs   []*sync.Pool
}

// NewVerifier returns a Verifier that accepts only the algorithms in algs
// (at least one; there is no default) and verifies with key, which is:
//
//   - []byte: an HMAC secret (refused if it is in fact an encoded public or
//     private key: PEM, DER or base64 DER of a key or a certificate, JWK
//     JSON or OpenSSH — catalog row 2);
//   - *rsa.PublicKey, *ecdsa.PublicKey, ed25519.PublicKey, or any
//     crypto.Signer (its public half is used); an Ed25519 key of 32 bytes
//     must be what jwk.New accepts (a canonical point, not of small
//     order: under those anyone can sign), else jose.ErrKey;
//   - *jwk.Key: its "alg", "use" and "key_ops" are honoured (catalog row 3),
//     and an oct key whose secret is an encoded key, as above, is refused;
//     its "kid" is not compared with the token's (a key given alone is the
//     key, whatever the token names, as with go-jose and panva's jose):
//     to select by kid, give a *jwk.Set, even of one key;
//   - *jwk.Set: the key is chosen by "kid" (catalog row 26): a token with a
//     kid is checked against that key only; without one, every key of the
//     algorithm's family is tried, unless RequireKeyID. A set built in code
//     with a nil key or two keys with one kid is refused (ParseSet refuses
//     both); unlike ParseSet, it may mix HMAC secrets and public keys,
//     each bound to its own algorithms;
//   - *jwk.Remote: as *jwk.Set, fetched and cached by the Remote (the
//     Verifier binds each key of a fetched set to algs once, when the key
//     is first tried, and keeps that for the set's keys until the Remote
//     replaces the set);
//   - nil, only together with TrustEmbeddedJWK.
//
// A single key (not a set) that fits none of algs is an error now rather
// than at every verification. The keys of a set are not checked this way,
// as a set may hold keys for other algorithms: a token whose key fits none
// is jose.ErrKey when it is verified.
//
// A *jwk.Set is read once, here: keys added to or removed from it later are
// not seen (for rotation use a *jwk.Remote, or make a new Verifier and
// swap it in). Keys are kept, not copied: a []byte secret, and the keys
// behind pointers, must not change while the Verifier is in use.
func NewVerifier(key any, algs []string, opts ...Option) (*Verifier, error) {
	names, err := checkAllowList(algs)
	if err != nil {
		return nil, err
	}
	v := &Verifier{algs: names, refused: make(map[string]error)}
	allowed := strings.Join(names, ", ")
	for _, a := range Algorithms() {
		if !slices.Contains(names, a) {
			v.refused[a] = notAllowed(a, allowed)
		}
	}
	v.cfg.maxBuffered = DefaultMaxBufferedPayload
	for _, o := range opts {
		if o != nil {
			o(&v.cfg)
		}
	}
	if slices.Contains(v.cfg.anchors, nil) {
		return nil, wrap(jose.ErrKey, "nil trust anchor for an embedded \"jwk\"")
	}
	v.states.New = func() any { return newState() }
	for _, a := range v.cfg.anchors {
		v.anchors = append(v.anchors, v.newKey(a, nil, nil))
	}
	switch k := key.(type) {
	case nil:
		if !v.cfg.embedded {
			return nil, wrap(jose.ErrKey, "no verification key")
		}
	case *jwk.Set:
		if k == nil {
			return nil, wrap(jose.ErrKey, "nil key set")
		}
		if err := checkSet(k); err != nil {
			return nil, err
		}
		v.isSet = true
		for _, jk := range k.Keys {
			v.keys = append(v.keys, v.newKey(jk, nil, nil))
		}
	case *jwk.Remote:
		if k == nil {
			return nil, wrap(jose.ErrKey, "nil remote key set")
		}
		v.isSet = true
		v.remote = k
		return v, nil
	case *jwk.Key:
		if k == nil {
			return nil, wrap(jose.ErrKey, "nil key")
		}
		v.keys = append(v.keys, v.newKey(k, nil, nil))
	case []byte:
		if looksLikeEncodedKey(k) {
			return nil, errPubAsSecret
		}
		v.keys = append(v.keys, v.newKey(nil, k, nil))
	default:
		pub, err := publicKeyOf(key)
		if err != nil {
			return nil, err
		}
		if ed, ok := pub.(ed25519.PublicKey); ok && len(ed) == ed25519.PublicKeySize {
			// As an Ed25519 JWK: a point, and not of small order, under
			// which signatures can be forged without a private key.
			if _, err := jwk.New(ed); err != nil {
				return nil, wrapCause(jose.ErrKey, "verification key", err)
			}
		}
		v.keys = append(v.keys, v.newKey(nil, nil, pub))
	}
	if !v.isSet && len(v.keys) == 1 {
		k := v.keys[0]
		for _, e := range k.usable {
			if e == nil {
				return v, nil
			}
		}
		return nil, k.usable[0]
	}
	return v, nil
}

// checkSet refuses a set built in code that ParseSet would refuse for its
// keys' identity: a nil key, or two keys with one kid (a kid must name one
// key, catalog row 26).
func checkSet(s *jwk.Set) error {
	seen := make(map[string]bool, len(s.Keys))
	for i, k := range s.Keys {
		if k == nil {
			return wrap(jose.ErrKey, fmt.Sprintf("key %d of the set is nil", i))
		}
		if k.Kid != "" {
			if seen[k.Kid] {
				return wrap(jose.ErrKey, "two keys of the set have kid "+quote(k.Kid))
			}
			seen[k.Kid] = true
		}
	}
	return nil
}

// newKey binds a key to every allowed algorithm once.
func (v *Verifier) newKey(jk *jwk.Key, secret []byte, pub crypto.PublicKey) *vkey {
	k := &vkey{jwk: jk, secret: secret, pub: pub}
	var encoded bool // an oct JWK holding an encoded public or private key
	if jk != nil {
		k.secret, k.pub = jk.Secret(), jk.Public()
		encoded = k.secret != nil && looksLikeEncodedKey(k.secret)
	}
	k.usable = make([]error, len(v.algs))
	k.macs = make([]*sync.Pool, len(v.algs))
	for i, name := range v.algs {
		a, _ := lookupAlg([]byte(name))
		err := bindCheck(a, k.secret, k.pub)
		if err == nil && a.mac != nil && encoded {
			err = errPubAsSecret
		}
		if err == nil && jk != nil {
			if e := jk.CheckUse(name, jwk.OpVerify); e != nil {
				err = wrapCause(jose.ErrKey, "key cannot verify "+name, e)
			}
		}
		k.usable[i] = err
		if err == nil && a.mac != nil {
			mac, secret := a.mac, k.secret
			k.macs[i] = &sync.Pool{New: func() any {
				m, err := mac.New(secret)
				if err != nil {
					return err
				}
				return m
			}}
		}
	}
	return k
}

// algIndex returns the index of alg in the allow-list, or -1.
func (v *Verifier) algIndex(alg string) int {
	for i, a := range v.algs {
		if a == alg {
			return i
		}
	}
	return -1
}

// inputDigest is the digest of one signing input under a hashed signature
// algorithm (RS*, PS*, ES*), computed once for every key tried over it:
// the digest does not depend on the key, and hashing the input again for
// each would make a token without "kid" cost a pass over its payload per
// key of a set.
type inputDigest struct {
	sum  []byte
	err  error
	done bool
}

// of returns the digest of input under a.
func (d *inputDigest) of(a algorithm, input []byte) ([]byte, error) {
	if !d.done {
		d.done = true
		h, err := newSigHash(a.sig)
		if err != nil {
			d.err = err
		} else {
			h.Write(input)
			d.sum = h.Sum(nil)
		}
	}
	return d.sum, d.err
}

// check runs one candidate key over the signing input. dg, when not nil,
// holds the input's digest for the other keys tried over the same input
// (see inputDigest); nil hashes the input for this key alone.
func (k *vkey) check(ai int, a algorithm, input, sig []byte, dg *inputDigest) error {
	if k.usable[ai] != nil {
		return k.usable[ai]
	}
	if a.mac != nil {
		p := k.macs[ai]
		m, ok := p.Get().(*gencrypto.MACKey)
		if !ok {
			return errKeyType
		}
		err := m.Verify(input, sig)
		p.Put(m)
		if err != nil {
			return errVerify
		}
		return nil
	}
	if dg != nil && a.sig.Hash() != 0 {
		sum, err := dg.of(a, input)
		if err != nil || a.sig.VerifyDigest(k.pub, sum, sig) != nil {
			return errVerify
		}
		return nil
	}
	if sigVerify(a.sig, k.pub, input, sig) != nil {
		return errVerify
	}
	return nil
}

// selection is what the header tells key selection.
type selection struct {
	alg    algorithm
	ai     int
	kid    []byte
	hasKid bool
	jwk    []byte // raw embedded key, when present
}

// verifySig checks sig over input with the candidate keys for sel and
// returns the key that verified it. Failures: jose.ErrKey when no key could
// be used for the algorithm, jose.ErrVerify (opaque) when keys were tried.
// Several keys tried over one input share its digest (inputDigest).
func (v *Verifier) verifySig(ctx context.Context, sel *selection, input, sig []byte) (*vkey, error) {
	if v.cfg.embedded && sel.jwk != nil {
		return v.verifyEmbedded(sel, input, sig)
	}
	if v.remote != nil {
		return v.verifyRemote(ctx, sel, input, sig)
	}
	// In a set, a kid names at most one key (checkSet); without one,
	// every key of the family may be tried.
	var dg *inputDigest
	if v.isSet && !sel.hasKid {
		dg = new(inputDigest)
	}
	tried := false
	var keyErr error = errNoKey
	for _, k := range v.keys {
		if skip, err := v.passOver(k, sel); err != nil {
			return nil, err
		} else if skip {
			continue
		}
		if e := k.usable[sel.ai]; e != nil {
			keyErr = e
			continue
		}
		tried = true
		if k.check(sel.ai, sel.alg, input, sig, dg) == nil {
			return k, nil
		}
	}
	if tried {
		return nil, errVerify
	}
	return nil, keyErr
}

// passOver reports whether key selection by "kid" (catalog row 26) passes
// over k: in a key set, a token's kid names the key with that kid, and a
// kid of "" names none (a key's empty Kid means it has none); a token
// without a kid may use any key, unless RequireKeyID, which is errNeedKid.
func (v *Verifier) passOver(k *vkey, sel *selection) (bool, error) {
	switch {
	case !v.isSet:
		return false, nil
	case sel.hasKid:
		return len(sel.kid) == 0 || k.jwk.Kid != string(sel.kid), nil
	case v.cfg.requireKid:
		return true, errNeedKid
	}
	return false, nil
}

func (v *Verifier) verifyRemote(ctx context.Context, sel *selection, input, sig []byte) (*vkey, error) {
	if ctx == nil {
		ctx = context.Background()
	}
	if !sel.hasKid && v.cfg.requireKid {
		return nil, errNeedKid
	}
	// As v.remote.Candidates, but over the vkeys of the set's keys, whose
	// usability (CheckUse and the algorithm's key check) is decided once
	// per fetched set.
	set, err := v.remote.Set(ctx)
	var jk *jwk.Key
	found := false
	if err == nil && sel.hasKid && len(sel.kid) != 0 {
		if jk, found = set.LookupKid(string(sel.kid)); !found { // keys rotate
			if set, err = v.remote.Refresh(ctx); err == nil {
				jk, found = set.LookupKid(string(sel.kid))
			}
		}
	}
	if err != nil {
		return nil, wrapCause(jose.ErrKey, "remote key set", err)
	}
	if sel.hasKid {
		if !found {
			return nil, errNoKey
		}
		k := v.remoteKey(set, jk)
		if e := k.usable[sel.ai]; e != nil {
			return nil, e // as verifySig over a *jwk.Set: why it is refused
		}
		if k.check(sel.ai, sel.alg, input, sig, nil) != nil {
			return nil, errVerify
		}
		return k, nil
	}
	dg := new(inputDigest)
	tried := false
	var keyErr error = errNoKey
	for _, jk := range set.Keys {
		k := v.remoteKey(set, jk)
		if e := k.usable[sel.ai]; e != nil {
			keyErr = e
			continue
		}
		tried = true
		if k.check(sel.ai, sel.alg, input, sig, dg) == nil {
			return k, nil
		}
	}
	if !tried {
		return nil, keyErr
	}
	return nil, errVerify
}

// remoteKey returns the vkey of jk, a key of set, the remote set in use:
// the one made when jk was first tried, or a new one kept for the next
// tokens. The keys of one set only are kept, so that what is kept is
// bounded by the set and dropped with it when the Remote replaces it.
func (v *Verifier) remoteKey(set *jwk.Set, jk *jwk.Key) *vkey {
	c := v.remoteKeys.Load()
	if c == nil || c.set != set {
		// a new set (or, for a caller still on an older one, briefly the
		// old one again: either way the vkeys are right for their keys)
		c = &remoteKeys{set: set}
		v.remoteKeys.Store(c)
	}
	if k, ok := c.keys.Load(jk); ok {
		return k.(*vkey)
	}
	k, _ := c.keys.LoadOrStore(jk, v.newKey(jk, nil, nil))
	return k.(*vkey)
}

// verifyEmbedded uses the "jwk" header key, which must equal a trust anchor.
func (v *Verifier) verifyEmbedded(sel *selection, input, sig []byte) (*vkey, error) {
	// Refuse private material before parsing: jwk.Parse validates a private
	// key, and an RSA one costs up to seconds (the validation exponentiates
	// modulo p).
	o, err := jose.ParseObject(sel.jwk)
	if err != nil {
		return nil, wrapCause(jose.ErrKey, `embedded "jwk"`, err)
	}
	for _, name := range privateMembers {
		if o.Has(name) {
			return nil, errEmbeddedPrivate
		}
	}
	ek, err := jwk.Parse(sel.jwk)
	if err != nil {
		return nil, wrapCause(jose.ErrKey, `embedded "jwk"`, err)
	}
	if ek.IsPrivate() {
		return nil, errEmbeddedPrivate
	}
	for _, k := range v.anchors {
		// anchor.PublicKey().Equal(ek) without copying the anchor per
		// token: an oct anchor (Public nil) matches no embedded key.
		pa, ok := k.jwk.Public().(interface{ Equal(crypto.PublicKey) bool })
		if !ok || !pa.Equal(ek.Public()) {
			continue
		}
		if err := k.check(sel.ai, sel.alg, input, sig, nil); err != nil {
			return nil, err
		}
		return k, nil
	}
	return nil, wrap(jose.ErrKey, `embedded "jwk" matches no trust anchor`)
}

// privateMembers are the JWK members of private or secret material (RFC
// 7518 §6.2.2, §6.3.2, §6.4.1; RFC 8037 §2).
var privateMembers = []string{"d", "p", "q", "dp", "dq", "qi", "oth", "k"}

var (
	errEmbeddedPrivate = wrap(jose.ErrKey, `embedded "jwk" holds private material`)
	errNoKey           = wrap(jose.ErrKey, "no key for this algorithm and kid")
	errNeedKid         = wrap(jose.ErrKey, `token has no "kid" and the verifier requires one`)
)

// state is the per-call scratch space, pooled so that compact verification
// allocates nothing.
type state struct {
	dec *lejp.Decoder
	hdr []byte
	sig []byte
	in  []byte
	kid []byte
	typ []byte
}

var hdrOpts = &lejp.Options{MaxDepth: jose.MaxDepth}

func newState() *state {
	return &state{
		dec: lejp.NewDecoderBytes(nil, hdrOpts),
		hdr: make([]byte, 0, 512),
		sig: make([]byte, 0, 512),
		kid: make([]byte, 0, 64),
		typ: make([]byte, 0, 32),
	}
}

// errZeroVerifier is what every method of the zero Verifier returns.
var errZeroVerifier = wrap(jose.ErrKey, "the Verifier was not made by NewVerifier: it has no key")

// zero reports whether v is the zero Verifier: NewVerifier always sets
// states.New, which getState needs.
func (v *Verifier) zero() bool { return v == nil || v.states.New == nil }

func (v *Verifier) getState() *state { return v.states.Get().(*state) }

func (v *Verifier) putState(s *state) {
	if cap(s.hdr) > 8<<10 || cap(s.sig) > 8<<10 || cap(s.in) > 64<<10 {
		return // do not keep large buffers alive
	}
	v.states.Put(s)
}
