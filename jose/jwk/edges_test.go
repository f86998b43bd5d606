package jwk

import (
	"bytes"
	"context"
	"crypto/ecdh"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/rand"
	"crypto/rsa"
	"errors"
	"io"
	"math"
	"math/big"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/lwscrypto/lwscrypto/jose"
)

// The tests of this file pin behaviour that mutation testing (changing one
// operator or constant of the code at a time) showed no other test would
// notice.

// TestNewECDH: crypto/ecdh keys become OKP X25519 keys, or EC keys for the
// NIST curves, public and private; typed nil keys are ErrKey, not a panic.
func TestNewECDH(t *testing.T) {
	for _, tc := range []struct {
		curve    ecdh.Curve
		kty, crv string
	}{
		{ecdh.X25519(), KeyTypeOKP, CurveX25519},
		{ecdh.P256(), KeyTypeEC, "P-256"},
		{ecdh.P384(), KeyTypeEC, "P-384"},
	} {
		priv, err := tc.curve.GenerateKey(rand.Reader)
		if err != nil {
			t.Fatal(err)
		}
		for _, in := range []any{priv, priv.PublicKey()} {
			k, err := New(in)
			if err != nil || k == nil {
				t.Fatalf("New(%T on %v): %v, %v", in, tc.curve, k, err)
			}
			_, isPriv := in.(*ecdh.PrivateKey)
			if k.KeyType() != tc.kty || k.Curve() != tc.crv || k.IsPrivate() != isPriv {
				t.Errorf("New(%T on %v): kty %q crv %q private %v", in, tc.curve, k.KeyType(), k.Curve(), k.IsPrivate())
			}
		}
	}
	for _, in := range []any{(*ecdh.PublicKey)(nil), (*ecdh.PrivateKey)(nil), (*rsa.PublicKey)(nil), (*rsa.PrivateKey)(nil)} {
		if k, err := New(in); !errors.Is(err, jose.ErrKey) || k != nil {
			t.Errorf("New(%T(nil)): %v, %v, want ErrKey", in, k, err)
		}
	}
}

// rsaJWK is a public RSA JWK with modulus n and exponent e, plus members.
func rsaJWK(n *big.Int, e int64, members string) []byte {
	b64 := func(x *big.Int) string { return string(jose.AppendBase64URL(nil, x.Bytes())) }
	return []byte(`{"kty":"RSA","n":"` + b64(n) + `","e":"` + b64(big.NewInt(e)) + `"` + members + `}`)
}

// TestRSABounds: the modulus takes 512 to 16,384 bits and the public
// exponent at most 31 bits, both ends inclusive.
func TestRSABounds(t *testing.T) {
	odd := func(bits int) *big.Int { // top and bottom bits set, no ROCA fingerprint (not a product of small primes' powers)
		n := new(big.Int).Lsh(big.NewInt(1), uint(bits-1))
		n.Add(n, big.NewInt(0x1_0000_0001))
		n.Add(n, new(big.Int).Lsh(big.NewInt(0x5a5a5a5a5a5a5a5), uint(bits/2)))
		return n
	}
	for _, tc := range []struct {
		bits int
		e    int64
		ok   bool
	}{
		{511, 65537, false}, {512, 65537, true}, {2048, 65537, true}, {16384, 65537, true}, {16385, 65537, false},
		{2048, 3, true}, {2048, 1<<31 - 1, true}, {2048, 1<<31 + 1, false}, {2048, 1<<32 + 1, false},
	} {
		n := odd(tc.bits)
		if n.BitLen() != tc.bits {
			t.Fatalf("modulus of %d bits, want %d", n.BitLen(), tc.bits)
		}
		_, err := Parse(rsaJWK(n, tc.e, ""))
		if (err == nil) != tc.ok || err != nil && !errors.Is(err, jose.ErrKey) {
			t.Errorf("%d-bit modulus, e = %d: %v (want ok %v)", tc.bits, tc.e, err, tc.ok)
		}
	}
}

// TestRSAPartialPrivate: any one private RSA member without the others is
// ErrKey (RFC 7518 §6.3.2: a private key has them all here, as "oth" is
// not supported), never a public key that silently drops it.
func TestRSAPartialPrivate(t *testing.T) {
	p, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	b64 := func(x *big.Int) string { return string(jose.AppendBase64URL(nil, x.Bytes())) }
	for name, v := range map[string]*big.Int{"d": p.D, "p": p.Primes[0], "q": p.Primes[1],
		"dp": p.Precomputed.Dp, "dq": p.Precomputed.Dq, "qi": p.Precomputed.Qinv} {
		k, err := Parse(rsaJWK(p.N, int64(p.E), `,"`+name+`":"`+b64(v)+`"`))
		if !errors.Is(err, jose.ErrKey) {
			t.Errorf("only %q: %v, %v; want ErrKey", name, k, err)
		}
	}
}

// TestNewECDSAWithoutCurve: an *ecdsa key with no curve, no point or no
// scalar is ErrKey, not a panic (crypto/ecdsa's ECDH and Bytes dereference
// X, Y and D).
func TestNewECDSAWithoutCurve(t *testing.T) {
	p := genP256(t)
	c := p.Curve
	for _, in := range []any{&ecdsa.PublicKey{}, &ecdsa.PrivateKey{},
		&ecdsa.PublicKey{Curve: c}, &ecdsa.PublicKey{Curve: c, X: p.X}, &ecdsa.PublicKey{Curve: c, Y: p.Y},
		&ecdsa.PrivateKey{PublicKey: ecdsa.PublicKey{Curve: c}, D: p.D},
		&ecdsa.PrivateKey{PublicKey: p.PublicKey},
	} {
		if k, err := New(in); !errors.Is(err, jose.ErrKey) || k != nil {
			t.Errorf("New(%T without a curve): %v, %v, want ErrKey", in, k, err)
		}
	}
}

// TestParsePEMSizeLimit: ParsePEM reads at most 1 MiB: one byte more is
// ErrLimit before anything is decoded, while 1 MiB exactly is parsed (and
// here fails for holding no PEM block, not for its size).
func TestParsePEMSizeLimit(t *testing.T) {
	for _, n := range []int{1 << 20, 1<<20 + 1} {
		_, err := ParsePEM(bytes.Repeat([]byte("x"), n))
		if got, want := errors.Is(err, jose.ErrLimit), n > 1<<20; err == nil || got != want {
			t.Errorf("%d bytes: %v (ErrLimit %v, want %v)", n, err, got, want)
		}
	}
}

// TestSetSkippedRoundTrip: a set's skipped members are written back
// between commas whatever their number and whether keys precede them.
func TestSetSkippedRoundTrip(t *testing.T) {
	skipped := []string{`{"kty":"XYZ","a":1}`, `{"kty":"OKP","crv":"Ed448X","x":"AA"}`, `{"kty":"QQ"}`}
	for _, keys := range []string{``, `{"kty":"oct","k":"c2VjcmV0c2VjcmV0c2VjcmV0c2VjcmV0"},`} {
		for n := 1; n <= len(skipped); n++ {
			in := `{"keys":[` + keys + strings.Join(skipped[:n], ",") + `],"x":true}`
			s, err := ParseSet([]byte(in))
			if err != nil {
				t.Fatalf("%s: %v", in, err)
			}
			if len(s.Skipped) != n {
				t.Fatalf("%s: %d skipped, want %d", in, len(s.Skipped), n)
			}
			out := mustJSON(t, s)
			s2, err := ParseSet(out)
			if err != nil {
				t.Fatalf("%s written as %s: %v", in, out, err)
			}
			if len(s2.Keys) != len(s.Keys) || len(s2.Skipped) != n {
				t.Errorf("%s written as %s: %d keys, %d skipped", in, out, len(s2.Keys), len(s2.Skipped))
			}
		}
	}
}

// TestRemoteSetCached: Remote.Set fetches once and then serves the cached
// set until MaxAge, even when the cooldown would allow a refetch.
func TestRemoteSetCached(t *testing.T) {
	var fetches atomic.Int64
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fetches.Add(1)
		w.Header().Set("Content-Type", "application/jwk-set+json")
		io.WriteString(w, `{"keys":[{"kty":"OKP","crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo","kid":"a"}]}`)
	}))
	defer srv.Close()
	r, err := NewRemote(srv.URL+"/jwks", RemoteOptions{Client: srv.Client(), MaxAge: time.Hour, Cooldown: time.Nanosecond})
	if err != nil {
		t.Fatal(err)
	}
	for range 3 {
		s, err := r.Set(context.Background())
		if err != nil || len(s.Keys) != 1 {
			t.Fatalf("Set: %v, %v", s, err)
		}
	}
	if n := fetches.Load(); n != 1 {
		t.Errorf("%d fetches for three Set calls within MaxAge, want 1", n)
	}
}

// TestRemoteMaxSize: a set of exactly MaxSize bytes is taken and one byte
// less is ErrLimit, down to a MaxSize of 1 (only 0 means the default), and
// up to the largest MaxSize (math.MaxInt64, "no cap": its MaxSize+1 read
// limit used to overflow to a negative one that read nothing).
func TestRemoteMaxSize(t *testing.T) {
	const body = `{"keys":[{"kty":"OKP","crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo","kid":"a"}]}`
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/jwk-set+json")
		io.WriteString(w, body)
	}))
	defer srv.Close()
	for _, max := range []int64{0, int64(len(body)), int64(len(body)) - 1, 1, math.MaxInt64} {
		r, err := NewRemote(srv.URL+"/jwks", RemoteOptions{Client: srv.Client(), MaxSize: max})
		if err != nil {
			t.Fatal(err)
		}
		_, err = r.Set(context.Background())
		if want := max == 0 || max >= int64(len(body)); (err == nil) != want || err != nil && !errors.Is(err, jose.ErrLimit) {
			t.Errorf("MaxSize %d, body of %d bytes: %v", max, len(body), err)
		}
	}
}

// TestNewMismatchedPrivate: New checks keys as Parse does, so a standard
// library private key whose public half is not the one its private half
// implies is refused. Parse refuses the same key as a JWK ("d" does not
// match "x"), so New accepting it made keys that MarshalJSON wrote and
// Parse could not read back, and that signed under one public key while
// naming (and thumbprinting) another.
func TestNewMismatchedPrivate(t *testing.T) {
	_, edA, _ := ed25519.GenerateKey(rand.Reader)
	edB, _, _ := ed25519.GenerateKey(rand.Reader)
	ed := append(bytes.Clone(edA.Seed()), edB...) // seed of A, public key of B
	ecA, ecB := genP256(t), genP256(t)
	ec := &ecdsa.PrivateKey{PublicKey: ecB.PublicKey, D: ecA.D} // scalar of A, point of B
	for name, in := range map[string]any{"Ed25519": ed25519.PrivateKey(ed), "ECDSA": ec} {
		k, err := New(in)
		if err == nil {
			_, perr := Parse(mustJSON(t, k))
			t.Errorf("%s with a foreign public half: accepted (its JWK then fails Parse: %v)", name, perr)
			continue
		}
		wantErr(t, name+" with a foreign public half", err, jose.ErrKey)
	}
	// The genuine keys still pass.
	for name, in := range map[string]any{"Ed25519": edA, "ECDSA": ecA} {
		if _, err := New(in); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
}
