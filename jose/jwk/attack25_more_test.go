package jwk

import (
	"crypto/ecdh"
	"crypto/rand"
	"crypto/rsa"
	"math/big"
	"strings"
	"testing"

	"github.com/lwscrypto/lwscrypto/jose"
)

// TestAttack25CoordinateSplit (catalog row 25): EC coordinates of the wrong
// sizes are refused even when together they make a valid 65-byte point
// (x 31 bytes and y 33, or the reverse), so one key has one encoding.
// Before, TestAttack25OversizedOffCurveJWK passed with buildEC's length
// check removed (mutation): each of its wrong-size cases also made a
// point of the wrong length, which ecdsa refused instead; only
// ExampleParse_strict noticed.
func TestAttack25CoordinateSplit(t *testing.T) {
	b64 := func(b []byte) string { return string(jose.AppendBase64URL(nil, b)) }
	dec := func(s string) []byte { b, _ := jose.DecodeBase64URL([]byte(s)); return b }
	x, y := dec(p256x), dec(p256y)
	xy := append(append([]byte(nil), x...), y...)
	for name, split := range map[string]int{"x 31 bytes, y 33": 31, "x 33 bytes, y 31": 33} {
		j := `{"kty":"EC","crv":"P-256","x":"` + b64(xy[:split]) + `","y":"` + b64(xy[split:]) + `"}`
		_, err := Parse([]byte(j))
		wantErr(t, name, err, jose.ErrKey)
	}
}

// TestAttack25X25519PrivateMismatch (catalog row 25): an X25519 JWK whose
// "d" is not the private key of its "x" is refused. Before, no test
// failed with that check removed (mutation).
func TestAttack25X25519PrivateMismatch(t *testing.T) {
	a, err := ecdh.X25519().GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	b, err := ecdh.X25519().GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	b64 := func(p []byte) string { return string(jose.AppendBase64URL(nil, p)) }
	ok := `{"kty":"OKP","crv":"X25519","x":"` + b64(a.PublicKey().Bytes()) + `","d":"` + b64(a.Bytes()) + `"}`
	mustParse(t, ok)
	bad := `{"kty":"OKP","crv":"X25519","x":"` + b64(a.PublicKey().Bytes()) + `","d":"` + b64(b.Bytes()) + `"}`
	_, err = Parse([]byte(bad))
	wantErr(t, "X25519 d of another key", err, jose.ErrKey)
}

// TestAttack25RSARanges (catalog row 25, RSA): an even modulus, and a "d"
// of 0 or at least n (d + φ(n), the same exponent mod p−1 and q−1) are
// refused. Before, no test failed with checkRSAPublic's even-modulus check
// removed (mutation). The d-range check of checkRSAPrivate is backed by
// rsa.Validate, which refuses both d values too, so removing it alone
// changes only the error's wording.
func TestAttack25RSARanges(t *testing.T) {
	rk, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	k, err := New(rk)
	if err != nil {
		t.Fatal(err)
	}
	js, err := k.AppendJSON(nil)
	if err != nil {
		t.Fatal(err)
	}
	priv := string(js)
	mustParse(t, priv)
	b64 := func(n *big.Int) string { return string(jose.AppendBase64URL(nil, n.Bytes())) }
	member := func(name string, v *big.Int) string {
		old := `"` + name + `":"` + b64(map[string]*big.Int{"d": rk.D, "n": rk.N}[name]) + `"`
		if !strings.Contains(priv, old) {
			t.Fatalf("no %s in %s", old, priv)
		}
		return strings.Replace(priv, old, `"`+name+`":"`+b64(v)+`"`, 1)
	}
	phi := new(big.Int).Mul(new(big.Int).Sub(rk.Primes[0], big.NewInt(1)), new(big.Int).Sub(rk.Primes[1], big.NewInt(1)))
	dPlusPhi := new(big.Int).Add(rk.D, phi)
	if dPlusPhi.Cmp(rk.N) < 0 {
		t.Fatal("d + φ(n) < n: d below p+q, impossible for a generated key")
	}
	_, err = Parse([]byte(member("d", dPlusPhi)))
	wantErr(t, "RSA d + φ(n) ≥ n", err, jose.ErrKey)
	_, err = Parse([]byte(member("d", new(big.Int))))
	wantErr(t, "RSA d = 0", err, jose.ErrKey)
	// a public key whose modulus is even: n+1 of an odd n
	pub := `{"kty":"RSA","e":"AQAB","n":"` + b64(new(big.Int).Add(rk.N, big.NewInt(1))) + `"}`
	_, err = Parse([]byte(pub))
	wantErr(t, "RSA even modulus", err, jose.ErrKey)
}
