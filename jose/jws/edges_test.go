package jws

import (
	"bytes"
	"crypto/ed25519"
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/lwscrypto/lwscrypto/jose"
	"github.com/lwscrypto/lwscrypto/jose/jwk"
)

// The tests of this file pin behaviour that mutation testing (changing one
// operator or constant of the code at a time) showed no other test would
// notice.

var edgeSecret = bytes.Repeat([]byte("s"), 32)

// TestHeaderMemberTypes: "alg", "kid", "typ" and "cty" must be strings; a
// token whose protected header gives one another JSON type is malformed on
// every entry point, also once the verifier has cached the decision for a
// well-formed header of the same shape.
func TestHeaderMemberTypes(t *testing.T) {
	v := must(NewVerifier(edgeSecret, []string{"HS256"}))
	good := hs256(`{"alg":"HS256","kid":"a","typ":"JWT","cty":"x"}`, "p", edgeSecret)
	if _, err := v.Verify(good); err != nil {
		t.Fatalf("well-formed header: %v", err)
	}
	for _, h := range []string{
		`{"alg":1}`, `{"alg":null}`,
		`{"alg":"HS256","kid":1}`, `{"alg":"HS256","kid":["a"]}`, `{"alg":"HS256","kid":null}`,
		`{"alg":"HS256","typ":1}`, `{"alg":"HS256","typ":{}}`,
		`{"alg":"HS256","cty":false}`, `{"alg":"HS256","cty":2}`,
	} {
		tok := hs256(h, "p", edgeSecret)
		for i := 0; i < 2; i++ {
			for api, err := range everyEntryPoint(v, tok) {
				if !errors.Is(err, jose.ErrMalformed) {
					t.Errorf("%s via %s: %v, want ErrMalformed", h, api, err)
				}
			}
		}
	}
}

// TestTypMatches: RFC 7515 §4.1.9 media type comparison — ASCII case
// folded over the whole name (first and last byte included, letters only),
// an "application/" prefix optional on either side, parameters not
// stripped.
func TestTypMatches(t *testing.T) {
	for _, tc := range []struct {
		got, want string
		match     bool
	}{
		{"JWT", "JWT", true},
		{"jwt", "JWT", true},
		{"application/jwt", "JWT", true},
		{"APPLICATION/JWT", "jwt", true},
		{"jwt", "application/JWT", true},
		{"application/jwt", "application/jwt", true},
		{"XWT", "JWT", false},
		{"JWX", "JWT", false},
		{"JW", "JWT", false},
		{"application/jwt;x=1", "JWT", false},
		{"application/", "application/", true},
		{"application/x", "application/", false},
		{"application/", "x", false},
		{"A", "a", true},
		{"Z", "z", true},
		{"a", "A", true},
		{"z", "Z", true},
		{"@", "`", false},
		{"[", "{", false},
	} {
		if got := typMatches([]byte(tc.got), tc.want); got != tc.match {
			t.Errorf("typMatches(%q, %q) = %v", tc.got, tc.want, got)
		}
		v := must(NewVerifier(edgeSecret, []string{"HS256"}, RequireType(tc.want)))
		_, err := v.Verify(hs256(`{"alg":"HS256","typ":"`+tc.got+`"}`, "p", edgeSecret))
		if (err == nil) != tc.match {
			t.Errorf("RequireType(%q), typ %q: %v", tc.want, tc.got, err)
		}
	}
}

// TestUnverifiedPayloadForms: the payload as the message carries it, for
// encoded and unencoded (RFC 7797) payloads, and none for a detached one.
func TestUnverifiedPayloadForms(t *testing.T) {
	key := SigningKey{Alg: "HS256", Key: edgeSecret}
	payload := []byte("a payload $")
	for _, tc := range []struct {
		name string
		opts SignOptions
		json bool
	}{
		{"compact", SignOptions{}, false},
		{"json", SignOptions{}, true},
		{"json unencoded", SignOptions{Unencoded: true}, true},
		{"compact detached", SignOptions{Detached: true}, false},
		{"json detached", SignOptions{Detached: true}, true},
		{"json unencoded detached", SignOptions{Unencoded: true, Detached: true}, true},
	} {
		var tok []byte
		var err error
		if tc.json {
			tok, err = SignJSON(payload, []SigningKey{key}, true, &tc.opts)
		} else {
			tok, err = Sign(payload, key, &tc.opts)
		}
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		m, err := Parse(tok)
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		p, ok := m.UnverifiedPayload()
		if m.Detached() != tc.opts.Detached || m.Encoded() == tc.opts.Unencoded {
			t.Errorf("%s: Detached %v, Encoded %v", tc.name, m.Detached(), m.Encoded())
		}
		if tc.opts.Detached {
			if ok || p != nil {
				t.Errorf("%s: UnverifiedPayload %q, %v", tc.name, p, ok)
			}
		} else if !ok || !bytes.Equal(p, payload) {
			t.Errorf("%s: UnverifiedPayload %q, %v", tc.name, p, ok)
		}
	}
}

// TestCompactUnencodedDot: an attached unencoded payload holding '.'
// anywhere, the first byte included, has no compact serialization (RFC
// 7797 §5.2); without a '.' it has one.
func TestCompactUnencodedDot(t *testing.T) {
	key := SigningKey{Alg: "HS256", Key: edgeSecret}
	for _, p := range []string{".", ".abc", "a.b", "abc.", "abc"} {
		js, err := SignJSON([]byte(p), []SigningKey{key}, true, &SignOptions{Unencoded: true})
		if err != nil {
			t.Fatal(err)
		}
		m, err := ParseJSON(js)
		if err != nil {
			t.Fatal(err)
		}
		_, cerr := m.Compact()
		_, serr := Sign([]byte(p), key, &SignOptions{Unencoded: true})
		if strings.Contains(p, ".") {
			if !errors.Is(cerr, jose.ErrMalformed) || !errors.Is(serr, jose.ErrMalformed) {
				t.Errorf("%q: Compact %v, Sign %v; want ErrMalformed", p, cerr, serr)
			}
		} else if cerr != nil || serr != nil {
			t.Errorf("%q: Compact %v, Sign %v", p, cerr, serr)
		}
	}
}

// TestSigningKeyHeaderAndJWKKid: a given Header is used as is, even when
// the *jwk.Key signing with it has a "kid" (which would otherwise go into
// the header); an explicit KeyID with it is still refused.
func TestSigningKeyHeaderAndJWKKid(t *testing.T) {
	k, err := jwk.New(edgeSecret)
	if err != nil {
		t.Fatal(err)
	}
	k.Kid = "k1"
	hdr := []byte(`{"alg":"HS256", "x":1}`)
	tok, err := Sign([]byte("p"), SigningKey{Alg: "HS256", Key: k, Header: hdr}, nil)
	if err != nil {
		t.Fatalf("Header with a jwk that has a kid: %v", err)
	}
	if got := mustDecodeHeader(t, tok); !bytes.Equal(got, hdr) {
		t.Errorf("header %s, want %s", got, hdr)
	}
	if _, err := Sign([]byte("p"), SigningKey{Alg: "HS256", Key: k, Header: hdr, KeyID: "k2"}, nil); !errors.Is(err, jose.ErrMalformed) {
		t.Errorf("Header with KeyID: %v, want ErrMalformed", err)
	}
}

// TestSignJSONUnprotected: unprotected header members reach the JSON
// serialization and the verifier's joined header; one that repeats a
// protected member is refused.
func TestSignJSONUnprotected(t *testing.T) {
	key := SigningKey{Alg: "HS256", Key: edgeSecret,
		Unprotected: []jose.Member{{Name: "kid", Value: []byte(`"u1"`)}, {Name: "x-note", Value: []byte(`[1]`)}}}
	for _, flattened := range []bool{true, false} {
		js, err := SignJSON([]byte("p"), []SigningKey{key}, flattened, nil)
		if err != nil {
			t.Fatalf("flattened %v: %v", flattened, err)
		}
		res, err := must(NewVerifier(edgeSecret, []string{"HS256"})).Verify(js)
		if err != nil {
			t.Fatalf("flattened %v: %v", flattened, err)
		}
		if res.Header.Kid != "u1" {
			t.Errorf("flattened %v: kid %q", flattened, res.Header.Kid)
		}
	}
	dup := key
	dup.KeyID = "p1"
	if _, err := SignJSON([]byte("p"), []SigningKey{dup}, true, nil); !errors.Is(err, jose.ErrMalformed) {
		t.Errorf("kid in both headers: %v, want ErrMalformed", err)
	}
}

type failingReader struct{ err error }

func (r failingReader) Read([]byte) (int, error) { return 0, r.err }

// TestSignReaderReadError: a payload reader's error is reported as
// ErrMalformed with the reader's error reachable.
func TestSignReaderReadError(t *testing.T) {
	readErr := errors.New("disk on fire")
	for _, alg := range []string{"HS256", "EdDSA"} {
		k := SigningKey{Alg: alg, Key: edgeSecret}
		if alg == "EdDSA" {
			k.Key = ed25519.NewKeyFromSeed(make([]byte, 32))
		}
		r := io.MultiReader(strings.NewReader("abc"), failingReader{readErr})
		_, err := SignReader(r, k, nil)
		if !errors.Is(err, jose.ErrMalformed) || !errors.Is(err, readErr) {
			t.Errorf("%s: %v, want ErrMalformed wrapping the reader's error", alg, err)
		}
	}
}

// TestStreamBufferLimit: the buffer of a streamed Ed25519 signing input
// takes exactly its maximum, not a byte more.
func TestStreamBufferLimit(t *testing.T) {
	a, err := lookupAlg([]byte("EdDSA"))
	if err != nil {
		t.Fatal(err)
	}
	s, err := newStreamState(a, nil, 10)
	if err != nil {
		t.Fatal(err)
	}
	if n, err := s.Write(make([]byte, 6)); n != 6 || err != nil {
		t.Fatalf("6 bytes: %d, %v", n, err)
	}
	if n, err := s.Write(make([]byte, 4)); n != 4 || err != nil {
		t.Fatalf("10 bytes: %d, %v", n, err)
	}
	if n, err := s.Write(make([]byte, 1)); n != 0 || !errors.Is(err, jose.ErrLimit) {
		t.Fatalf("11 bytes: %d, %v, want ErrLimit", n, err)
	}
}

// TestVerifyDetachedRefusesAttached: VerifyDetached takes a JSON message
// that carries no payload of its own; one that does is refused whatever
// payload is given, while the same message without it verifies.
func TestVerifyDetachedRefusesAttached(t *testing.T) {
	key := SigningKey{Alg: "HS256", Key: edgeSecret}
	v := must(NewVerifier(edgeSecret, []string{"HS256"}))
	att, err := SignJSON([]byte("p"), []SigningKey{key}, true, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{"p", "q", ""} {
		if _, err := v.VerifyDetached(att, []byte(p)); err == nil {
			t.Errorf("attached JSON message verified detached with %q", p)
		}
	}
	det, err := SignJSON([]byte("p"), []SigningKey{key}, true, &SignOptions{Detached: true})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := v.VerifyDetached(det, []byte("p")); err != nil {
		t.Errorf("detached JSON message: %v", err)
	}
}

// TestStreamingRefusesRemoteAndEmbedded: VerifyReader needs the keys up
// front; a remote key set or a key embedded in the token is refused with
// ErrKey before any payload is read.
func TestStreamingRefusesRemoteAndEmbedded(t *testing.T) {
	remote, err := jwk.NewRemote("https://127.0.0.1:9/jwks", jwk.RemoteOptions{})
	if err != nil {
		t.Fatal(err)
	}
	priv := ed25519.NewKeyFromSeed(bytes.Repeat([]byte{7}, 32))
	pk, err := jwk.New(priv.Public())
	if err != nil {
		t.Fatal(err)
	}
	hdr, err := pk.MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	tok, err := Sign([]byte("p"), SigningKey{Alg: "EdDSA", Key: priv,
		Protected: []jose.Member{{Name: "jwk", Value: hdr}}}, &SignOptions{Detached: true})
	if err != nil {
		t.Fatal(err)
	}
	for name, v := range map[string]*Verifier{
		"remote":   must(NewVerifier(remote, []string{"EdDSA"})),
		"embedded": must(NewVerifier(pk, []string{"EdDSA"}, TrustEmbeddedJWK(pk))),
	} {
		read := false
		r := readFunc(func(p []byte) (int, error) { read = true; return 0, io.EOF })
		if _, err := v.VerifyReader(tok, r); !errors.Is(err, jose.ErrKey) || read {
			t.Errorf("%s: %v (payload read: %v), want ErrKey before reading", name, err, read)
		}
	}
	// Trusting embedded keys does not stop streaming a token that embeds
	// none, verified with the configured key.
	plain, err := Sign([]byte("p"), SigningKey{Alg: "EdDSA", Key: priv}, &SignOptions{Detached: true})
	if err != nil {
		t.Fatal(err)
	}
	v := must(NewVerifier(pk, []string{"EdDSA"}, TrustEmbeddedJWK(pk)))
	if _, err := v.VerifyReader(plain, strings.NewReader("p")); err != nil {
		t.Errorf("embedded keys trusted, token without one: %v", err)
	}
}

type readFunc func([]byte) (int, error)

func (f readFunc) Read(p []byte) (int, error) { return f(p) }

// TestSignerRefusesBadCrit: the producer's rules of RFC 7515 §4.1.11 and
// RFC 7797 §6 hold for the header a Signer writes, whether it is given
// whole (SigningKey.Header) or built with SigningKey.Protected: a "crit"
// that is empty, lists a registered name, a name twice or a member the
// header lacks, or a "b64" without "crit" listing it, is ErrCrit, and no
// token is made that a verifier would refuse. Well-formed extensions sign
// and verify.
func TestSignerRefusesBadCrit(t *testing.T) {
	key := bytes.Repeat([]byte{1}, 32)
	v, err := NewVerifier(key, []string{"HS256"}, Critical("exp"))
	if err != nil {
		t.Fatal(err)
	}
	check := func(name string, sk SigningKey, unencoded, ok bool) {
		t.Helper()
		tok, err := Sign([]byte("p"), sk, &SignOptions{Unencoded: unencoded})
		switch {
		case !ok && !errors.Is(err, jose.ErrCrit):
			t.Errorf("%s: %s, %v; want ErrCrit", name, tok, err)
		case ok && err != nil:
			t.Errorf("%s: %v", name, err)
		case ok:
			if _, err := v.Verify(tok); err != nil {
				t.Errorf("%s: signed, then verify: %v", name, err)
			}
		}
	}
	for _, c := range []struct {
		header    string
		unencoded bool
		ok        bool
	}{
		{`{"alg":"HS256","b64":false}`, true, false},
		{`{"alg":"HS256","b64":true}`, false, false},
		{`{"alg":"HS256","crit":[]}`, false, false},
		{`{"alg":"HS256","crit":["exp"]}`, false, false},
		{`{"alg":"HS256","crit":["b64"]}`, false, false},
		{`{"alg":"HS256","crit":["alg"]}`, false, false},
		{`{"alg":"HS256","exp":1,"crit":["exp","exp"]}`, false, false},
		{`{"alg":"HS256","exp":1,"crit":["exp"]}`, false, true},
		{`{"alg":"HS256","b64":false,"crit":["b64"]}`, true, true},
		{`{"alg":"HS256","b64":true,"crit":["b64"]}`, false, true},
	} {
		check(c.header, SigningKey{Alg: "HS256", Key: key, Header: []byte(c.header)}, c.unencoded, c.ok)
	}
	m := func(name, value string) jose.Member { return jose.Member{Name: name, Value: []byte(value)} }
	for _, c := range []struct {
		name      string
		protected []jose.Member
		ok        bool
	}{
		{"Protected crit empty", []jose.Member{m("crit", `[]`)}, false},
		{"Protected crit without its member", []jose.Member{m("crit", `["exp"]`)}, false},
		{"Protected crit naming kid", []jose.Member{m("kid", `"k"`), m("crit", `["kid"]`)}, false},
		{"Protected crit well formed", []jose.Member{m("exp", `1`), m("crit", `["exp"]`)}, true},
	} {
		check(c.name, SigningKey{Alg: "HS256", Key: key, Protected: c.protected}, false, c.ok)
	}
}

// TestSignerRefusesNonUTF8: a "kid", "typ" or "cty", or a header member
// name, that is not UTF-8 is ErrMalformed: JSON would carry it as U+FFFD,
// and the token would name another key ID (or type) than the one given.
func TestSignerRefusesNonUTF8(t *testing.T) {
	key := bytes.Repeat([]byte{1}, 32)
	member := []jose.Member{{Name: "x\xff", Value: []byte("1")}}
	for _, sk := range []SigningKey{
		{KeyID: "\xff"}, {Type: "JWT\xc3"}, {ContentType: "\xed\xa0\x80"},
		{Protected: member}, {Unprotected: member},
	} {
		sk.Alg, sk.Key = "HS256", key
		if _, err := NewSigner(sk, nil); !errors.Is(err, jose.ErrMalformed) {
			t.Errorf("%+v: %v; want ErrMalformed", sk, err)
		}
	}
	sk := SigningKey{Alg: "HS256", Key: key, KeyID: "clé", Type: "JWT", Unprotected: []jose.Member{{Name: "ü", Value: []byte("1")}}}
	if _, err := NewSigner(sk, nil); err != nil {
		t.Errorf("UTF-8 header: %v", err)
	}
}
