package jwk

import (
	"bytes"
	"crypto"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"encoding/json"
	"errors"
	"math/big"
	"strings"
	"testing"

	"github.com/lwscrypto/lwscrypto/gencrypto"
	"github.com/lwscrypto/lwscrypto/jose"
	"github.com/lwscrypto/lwscrypto/lejp"
)

// RFC 7638 §3.1: the example key and its SHA-256 thumbprint.
const (
	rfc7638Key   = `{"kty":"RSA","n":"0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw","e":"AQAB","alg":"RS256","kid":"2011-04-29"}`
	rfc7638Thumb = "NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs"
	// RFC 8037 A.1 and A.3.
	rfc8037Key   = `{"kty":"OKP","crv":"Ed25519","d":"nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}`
	rfc8037Thumb = "kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k"
)

func mustParse(t testing.TB, s string) *Key {
	t.Helper()
	k, err := Parse([]byte(s))
	if err != nil {
		t.Fatalf("Parse(%.60s…): %v", s, err)
	}
	return k
}

func TestThumbprintRFC7638(t *testing.T) {
	for _, tc := range []struct{ key, thumb, input string }{
		{rfc7638Key, rfc7638Thumb, `{"e":"AQAB","kty":"RSA","n":"0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw"}`},
		{rfc8037Key, rfc8037Thumb, `{"crv":"Ed25519","kty":"OKP","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}`},
	} {
		k := mustParse(t, tc.key)
		if got := string(k.AppendThumbprintInput(nil)); got != tc.input {
			t.Errorf("thumbprint input\n got %s\nwant %s", got, tc.input)
		}
		tp, err := k.Thumbprint(crypto.SHA256)
		if err != nil || string(jose.AppendBase64URL(nil, tp)) != tc.thumb {
			t.Errorf("thumbprint = %x, %v; want %s", tp, err, tc.thumb)
		}
		uri, err := k.ThumbprintURI(crypto.SHA256)
		if err != nil || uri != "urn:ietf:params:oauth:jwk-thumbprint:sha-256:"+tc.thumb {
			t.Errorf("ThumbprintURI = %q, %v", uri, err)
		}
		// Private and public halves have the same thumbprint.
		if k.IsPrivate() {
			pub, err := k.PublicKey()
			if err != nil {
				t.Fatal(err)
			}
			tp2, _ := pub.Thumbprint(crypto.SHA256)
			if !bytes.Equal(tp, tp2) {
				t.Error("public half has another thumbprint")
			}
		}
	}
	if _, err := mustParse(t, rfc7638Key).ThumbprintURI(crypto.MD5); err == nil {
		t.Error("ThumbprintURI accepted MD5")
	}
}

// RFC 8037 A.1/A.2: the Ed25519 private key's public half.
func TestRFC8037Keys(t *testing.T) {
	k := mustParse(t, rfc8037Key)
	if k.KeyType() != KeyTypeOKP || k.Curve() != CurveEd25519 || !k.IsPrivate() {
		t.Fatalf("key %v", k)
	}
	pub, _ := k.PublicKey()
	if got := string(mustJSON(t, pub)); got != `{"crv":"Ed25519","kty":"OKP","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}` {
		t.Errorf("public JWK %s", got)
	}
	// RFC 8037 A.6: Bob's X25519 public key.
	x := mustParse(t, `{"kty":"OKP","crv":"X25519","kid":"Bob","x":"3p7bfXt9wbTTW2HC7OQ1Nz-DQ8hbeGdNrfx-FG-IK08"}`)
	if _, err := x.ECDHPublic(); err != nil {
		t.Error(err)
	}
	if err := x.CheckUse("EdDSA", OpVerify); err == nil {
		t.Error("an X25519 key verifies EdDSA")
	}
}

func TestParseRoundTripLexicographic(t *testing.T) {
	for _, s := range []string{rfc7638Key, rfc8037Key,
		`{"kty":"oct","k":"AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow","kid":"x","zzz":{"a" : [1, 2]},"aaa":true}`,
	} {
		k := mustParse(t, s)
		out := mustJSON(t, k)
		// Member names come out sorted, and the output parses to the same key.
		var m map[string]json.RawMessage
		if err := json.Unmarshal(out, &m); err != nil {
			t.Fatalf("%s: %v", out, err)
		}
		prev := ""
		d := lejp.NewDecoderBytes(out, nil)
		d.ReadToken()
		for {
			tok, err := d.ReadToken()
			if err != nil || tok.Kind == lejp.ObjectEnd {
				break
			}
			if n := string(tok.Value); n <= prev {
				t.Errorf("%s: %q after %q", out, n, prev)
			} else {
				prev = n
			}
			d.SkipValue()
		}
		k2 := mustParse(t, string(out))
		if !k.Equal(k2) || !bytes.Equal(mustJSON(t, k2), out) {
			t.Errorf("round trip changed %s", out)
		}
	}
}

func wantErr(t *testing.T, what string, err, sentinel error) {
	t.Helper()
	if err == nil {
		t.Errorf("%s: accepted", what)
		return
	}
	if !errors.Is(err, sentinel) {
		t.Errorf("%s: %v is not %v", what, err, sentinel)
	}
	if strings.Contains(err.Error(), "\n") || !strings.HasPrefix(err.Error(), "jwk: ") {
		t.Errorf("%s: badly formed message %q", what, err)
	}
}

const (
	p256x = "04N0xi21hshyvBp7I167sbE_bXqyqkAPfefdklMO7wY"
	p256y = "UI8exy-C06a7DUnjIdENkxeFtHM4-l_41LqEw9nVgmw"
	p256d = "yy49oPcINGK2ps0LmtxpB6UTEOiITghHBif6wDqmJ3c"
)

// TestAttack25OversizedOffCurveJWK covers catalog row 25: coordinates longer
// than the field, leading zero padding, off-curve points, d ≥ n, and
// inconsistent private members are rejected at parse.
func TestAttack25OversizedOffCurveJWK(t *testing.T) {
	ec := func(x, y, d, crv string) string {
		s := `{"kty":"EC","crv":"` + crv + `","x":"` + x + `","y":"` + y + `"`
		if d != "" {
			s += `,"d":"` + d + `"`
		}
		return s + "}"
	}
	b64 := func(b []byte) string { return string(jose.AppendBase64URL(nil, b)) }
	dec := func(s string) []byte { b, _ := jose.DecodeBase64URL([]byte(s)); return b }
	n := elliptic.P256().Params().N
	pad := func(s string) string { return b64(append([]byte{0}, dec(s)...)) }
	mustParse(t, ec(p256x, p256y, p256d, "P-256"))
	for _, tc := range []struct{ name, jwk string }{
		{"x longer than the field", ec(pad(p256x), p256y, "", "P-256")},
		{"y longer than the field", ec(p256x, pad(p256y), "", "P-256")},
		{"x shorter than the field", ec(b64(dec(p256x)[1:]), p256y, "", "P-256")},
		{"huge x", ec(b64(bytes.Repeat([]byte{0xff}, 1<<16)), p256y, "", "P-256")},
		{"off curve", ec(p256x, "UI8exy-C06a7DUnjIdENkxeFtHM4-l_41LqEw9nVgnw", "", "P-256")},
		{"point at infinity", ec(b64(make([]byte, 32)), b64(make([]byte, 32)), "", "P-256")},
		{"wrong curve", ec(p256x, p256y, "", "P-384")},
		{"unknown curve", ec(p256x, p256y, "", "P-257")},
		{"d = n", ec(p256x, p256y, b64(n.Bytes()), "P-256")},
		{"d = 0", ec(p256x, p256y, b64(make([]byte, 32)), "P-256")},
		{"d padded", ec(p256x, p256y, pad(p256d), "P-256")},
		{"d not matching", ec(p256x, p256y, b64(big.NewInt(7).FillBytes(make([]byte, 32))), "P-256")},
		{"missing y", `{"kty":"EC","crv":"P-256","x":"` + p256x + `"}`},
		{"missing crv", `{"kty":"EC","x":"` + p256x + `","y":"` + p256y + `"}`},
		{"Ed25519 x 33 bytes", `{"kty":"OKP","crv":"Ed25519","x":"` + b64(make([]byte, 33)) + `"}`},
		{"Ed25519 d not matching", `{"kty":"OKP","crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo","d":"` + b64(make([]byte, 32)) + `"}`},
		{"X25519 x 31 bytes", `{"kty":"OKP","crv":"X25519","x":"` + b64(make([]byte, 31)) + `"}`},
		{"RSA n with leading zero", strings.Replace(rfc7638Key, `"n":"`, `"n":"AA`, 1)},
		{"RSA e = 1", strings.Replace(rfc7638Key, `"AQAB"`, `"AQ"`, 1)},
		{"RSA e even", strings.Replace(rfc7638Key, `"AQAB"`, `"AQAA"`, 1)},
		{"RSA e leading zero", strings.Replace(rfc7638Key, `"AQAB"`, `"AAEAAQ"`, 1)},
		{"RSA n huge", `{"kty":"RSA","e":"AQAB","n":"` + b64(append([]byte{1}, make([]byte, 4096)...)) + `"}`},
		{"RSA partial private", strings.Replace(rfc7638Key, `"e":`, `"d":"AQAB","e":`, 1)},
		{"oct empty", `{"kty":"oct","k":""}`},
		{"oct missing k", `{"kty":"oct"}`},
		{"no kty", `{"k":"AAAA"}`},
		{"unknown kty", `{"kty":"XYZ"}`},
		{"Ed448", `{"kty":"OKP","crv":"Ed448","x":"AAAA"}`},
	} {
		_, err := Parse([]byte(tc.jwk))
		wantErr(t, tc.name, err, jose.ErrKey)
	}
	// Thumbprints of parsed keys never panic and are bounded; fuzzing
	// (FuzzParse) checks arbitrary input.
}

func TestParseMalformed(t *testing.T) {
	for _, tc := range []struct{ name, jwk string }{
		{"not an object", `[]`},
		{"trailing data", rfc8037Key + "x"},
		{"kty not a string", `{"kty":1}`},
		{"x not a string", `{"kty":"OKP","crv":"Ed25519","x":1}`},
		{"x padded", `{"kty":"OKP","crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo="}`},
		{"x standard base64", `{"kty":"OKP","crv":"Ed25519","x":"11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo"}`},
		{"kid not a string", strings.Replace(rfc8037Key, `"kty"`, `"kid":null,"kty"`, 1)},
		{"key_ops not an array", strings.Replace(rfc8037Key, `"kty"`, `"key_ops":"sign","kty"`, 1)},
		{"x5t wrong size", strings.Replace(rfc8037Key, `"kty"`, `"x5t":"AAAA","kty"`, 1)},
		{"x5c not base64", strings.Replace(rfc8037Key, `"kty"`, `"x5c":["!!"],"kty"`, 1)},
		{"invalid UTF-8", "{\"kty\":\"oct\",\"k\":\"AAAA\",\"kid\":\"\xff\"}"},
	} {
		_, err := Parse([]byte(tc.jwk))
		wantErr(t, tc.name, err, jose.ErrMalformed)
	}
	_, err := Parse([]byte(`{"kty":"oct",}`))
	var se *lejp.SyntaxError
	if !errors.As(err, &se) || se.Offset != 13 {
		t.Errorf("syntax error %v does not carry the lejp offset", err)
	}
}

// TestAttack20DuplicateMembers covers catalog row 20 for JWKs: two "kty",
// and names that differ only by case, are rejected.
func TestAttack20DuplicateMembers(t *testing.T) {
	for _, s := range []string{
		`{"kty":"oct","kty":"oct","k":"AAAA"}`,
		`{"kty":"oct","Kty":"RSA","k":"AAAA"}`,
		`{"kty":"oct","k":"AAAA","K":"BBBB"}`,
		`{"keys":[],"keys":[]}`,
		`{"keys":[],"KEYS":[]}`,
		`{"keys":[{"kty":"oct","k":"AAAA","k":"AAAB"}]}`,
	} {
		_, err := Parse([]byte(s))
		if !strings.Contains(s, `"keys"`) {
			wantErr(t, s, err, jose.ErrMalformed)
		}
		_, err = ParseSet([]byte(s))
		wantErr(t, s, err, jose.ErrMalformed)
	}
}

func TestAttack28DeepJWK(t *testing.T) {
	deep := `{"kty":"oct","k":"AAAA","x":` + strings.Repeat("[", 1_000_000) + `}`
	_, err := Parse([]byte(deep))
	var se *lejp.SyntaxError
	if !errors.Is(err, jose.ErrLimit) || !errors.As(err, &se) || !errors.Is(err, lejp.ErrDepth) {
		t.Errorf("deep JWK: %v", err)
	}
}

func genP256(t testing.TB) *ecdsa.PrivateKey {
	p, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func TestRSAPrivateConsistency(t *testing.T) {
	p, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	k, err := New(p)
	if err != nil {
		t.Fatal(err)
	}
	good := string(mustJSON(t, k))
	mustParse(t, good)
	var m map[string]string
	json.Unmarshal([]byte(good), &m)
	for _, field := range []string{"d", "p", "q", "dp", "dq", "qi", "n"} {
		bad := map[string]string{}
		for k, v := range m {
			bad[k] = v
		}
		b, _ := jose.DecodeBase64URL([]byte(m[field]))
		b[len(b)-1] ^= 2 // keep it odd/even as it was
		bad[field] = string(jose.AppendBase64URL(nil, b))
		raw, _ := json.Marshal(bad)
		_, err := Parse(raw)
		wantErr(t, "tampered "+field, err, jose.ErrKey)
	}
	// Swapped primes give another qi: rejected unless recomputed.
	sw := map[string]string{}
	for k, v := range m {
		sw[k] = v
	}
	sw["p"], sw["q"] = m["q"], m["p"]
	raw, _ := json.Marshal(sw)
	_, err = Parse(raw)
	wantErr(t, "swapped primes", err, jose.ErrKey)
}

func TestROCA(t *testing.T) {
	// The ROCA-affected key of Wycheproof json_web_key_test (tcId 7).
	const roca = "AanFpofbj7KjD4Lf-N2hVMKR7yewSyXhhbirIMTGpfYEhZ_lnt5UoK98DnKIgArXGTu3MaW_HhFw16HGaTDUHqPrId7fe4r11CqRw09yBFuW79V8sYIwHdzCaWflUI6auImYbVfoN9_nD5n8N8SY9DwXw7mwZM9wREPXoDPgOoIWl6q_MPsp7n0zs3Z5ZaiQWOOzl1S9OhwAfSiiOwz6efnXEaxuTEtPd7BjSx7NaFka8Dx9U7YqXy2RFj1O9PjyaDGuRh7YXsX3iMUSP_wSyHQg_c_qHRtKUsNSGCT7OZg0hzm2KphtjnayKJvC64vAbROBR4Ubg6Bxg9IQVZ-QYyE"
	_, err := Parse([]byte(`{"kty":"RSA","e":"AQAB","n":"` + roca + `"}`))
	wantErr(t, "ROCA key", err, jose.ErrKey)
	// Fresh keys pass (false positive rate about 4e-9).
	for range 3 {
		p, _ := rsa.GenerateKey(rand.Reader, 2048)
		if hasROCAFingerprint(p.N) {
			t.Fatal("fresh key flagged as ROCA")
		}
	}
}

// TestAttack03KeyAlgUseOps covers the key half of catalog rows 2 and 3 and
// the key_ops/use rules: CheckUse binds a key to its alg, use and key_ops,
// and its type to the algorithm family.
func TestAttack03KeyAlgUseOps(t *testing.T) {
	rsaKey, err := Generate("RS256", nil)
	if err != nil {
		t.Fatal(err)
	}
	rsaPub, _ := rsaKey.PublicKey()
	if err := rsaPub.CheckUse("RS256", OpVerify); err != nil {
		t.Fatal(err)
	}
	for _, alg := range []string{"PS256", "RS384", "ES256", "HS256", "EdDSA"} {
		wantErr(t, "RS256 key for "+alg, rsaPub.CheckUse(alg, OpVerify), jose.ErrKey)
	}
	// Without "alg", the family still binds: an RSA public key is never an
	// HMAC secret (row 2), in any form it could come in.
	rsaPub.Alg = ""
	if err := rsaPub.CheckUse("PS512", OpVerify); err != nil {
		t.Error(err)
	}
	for _, alg := range []string{"HS256", "HS384", "HS512", "ES256", "EdDSA"} {
		wantErr(t, "RSA key for "+alg, rsaPub.CheckUse(alg, OpVerify), jose.ErrKey)
	}
	wantErr(t, "sign with public", rsaPub.CheckUse("RS256", OpSign), jose.ErrKey)
	if err := rsaPub.CheckUse("none", OpVerify); !errors.Is(err, jose.ErrAlgorithm) {
		t.Errorf("none: %v", err)
	}
	if err := rsaPub.CheckUse("RS256", "fly"); !errors.Is(err, jose.ErrKey) {
		t.Errorf("unknown op: %v", err)
	}

	ec := mustParse(t, `{"kty":"EC","crv":"P-256","use":"enc","x":"`+p256x+`","y":"`+p256y+`"}`)
	wantErr(t, "use=enc verifies", ec.CheckUse("ES256", OpVerify), jose.ErrKey)
	if err := ec.CheckUse("ECDH-ES", OpEncrypt); err != nil {
		t.Error(err)
	}
	ops := mustParse(t, `{"kty":"EC","crv":"P-256","key_ops":["verify"],"x":"`+p256x+`","y":"`+p256y+`","d":"`+p256d+`"}`)
	wantErr(t, "key_ops=[verify] signs", ops.CheckUse("ES256", OpSign), jose.ErrKey)
	if err := ops.CheckUse("ES256", OpVerify); err != nil {
		t.Error(err)
	}
	wantErr(t, "P-256 for ES384", ops.CheckUse("ES384", OpVerify), jose.ErrKey)

	hs := mustParse(t, `{"kty":"oct","k":"AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow"}`)
	for _, alg := range []string{"HS256", "HS384", "HS512"} {
		if err := hs.CheckUse(alg, OpSign); err != nil {
			t.Error(alg, err)
		}
	}
	short := mustParse(t, `{"kty":"oct","k":"AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHg"}`)
	err = short.CheckUse("HS256", OpVerify)
	wantErr(t, "31-byte HS256 key", err, jose.ErrKey)
	if !errors.Is(err, gencrypto.ErrKeySize) {
		t.Errorf("short key error %v is not gencrypto.ErrKeySize", err)
	}
	wantErr(t, "oct for RS256", hs.CheckUse("RS256", OpVerify), jose.ErrKey)
	wantErr(t, "HS key for A256GCM", hs.CheckUse("A256GCM", OpEncrypt), jose.ErrKey)
	wantErr(t, "HS256 for encrypt", hs.CheckUse("HS256", OpEncrypt), jose.ErrKey)

	// use and key_ops that contradict each other are rejected at parse.
	_, err = Parse([]byte(`{"kty":"oct","k":"AAAA","use":"sig","key_ops":["encrypt"]}`))
	wantErr(t, "use sig with key_ops encrypt", err, jose.ErrKey)
	_, err = Parse([]byte(`{"kty":"oct","k":"AAAA","key_ops":["sign","sign"]}`))
	wantErr(t, "duplicate key_ops", err, jose.ErrKey)
}

func TestNewAndEqual(t *testing.T) {
	p := genP256(t)
	k, err := New(p)
	if err != nil {
		t.Fatal(err)
	}
	k2, err := New(&p.PublicKey)
	if err != nil {
		t.Fatal(err)
	}
	pub, _ := k.PublicKey()
	if !pub.Equal(k2) || k.Equal(k2) {
		t.Error("Equal")
	}
	e, err := p.ECDH()
	if err != nil {
		t.Fatal(err)
	}
	k3, err := New(e) // a NIST ECDH key becomes an EC key
	if err != nil || !k3.Equal(k) {
		t.Errorf("New(*ecdh.PrivateKey) = %v, %v", k3, err)
	}
	for _, bad := range []any{nil, "x", 42, []byte{}, (*rsa.PublicKey)(nil)} {
		if _, err := New(bad); err == nil {
			t.Errorf("New(%T) accepted", bad)
		}
	}
	if s := k.String(); strings.Contains(s, "d") && strings.Contains(s, string(jose.AppendBase64URL(nil, p.D.Bytes()))) {
		t.Error("String leaks the private key")
	}
}

// The grouped residue computation agrees with big.Int arithmetic.
func TestROCAResidues(t *testing.T) {
	for range 20 {
		n, _ := rand.Int(rand.Reader, new(big.Int).Lsh(big.NewInt(1), 2048))
		b := n.Bytes()
		for _, g := range rocaGroups {
			var r uint64
			for _, c := range b {
				r = (r<<8 | uint64(c)) % g.mod
			}
			for i := g.first; i < g.end; i++ {
				want := new(big.Int).Mod(n, big.NewInt(int64(rocaPrimes[i]))).Uint64()
				if r%uint64(rocaPrimes[i]) != want {
					t.Fatalf("prime %d: %d, want %d", rocaPrimes[i], r%uint64(rocaPrimes[i]), want)
				}
			}
		}
	}
	if len(rocaGroups) > 6 {
		t.Errorf("%d groups", len(rocaGroups))
	}
}

// An empty "key_ops" array allows no operation (RFC 7517 §4.3 lists the
// operations a key is for; none listed means none allowed). It must not be
// read as an absent "key_ops", which allows every operation, and it must
// survive a round trip.
func TestEmptyKeyOpsAllowsNothing(t *testing.T) {
	k := mustParse(t, `{"kty":"EC","crv":"P-256","key_ops":[],"x":"`+p256x+`","y":"`+p256y+`","d":"`+p256d+`"}`)
	for _, op := range []Op{OpSign, OpVerify} {
		wantErr(t, "key_ops=[] "+string(op), k.CheckUse("ES256", op), jose.ErrKey)
	}
	out := mustJSON(t, k)
	if !bytes.Contains(out, []byte(`"key_ops":[]`)) {
		t.Errorf("round trip lost the empty key_ops: %s", out)
	}
	pub, err := k.PublicKey()
	if err != nil {
		t.Fatal(err)
	}
	wantErr(t, "public half of key_ops=[] key verifies", pub.CheckUse("ES256", OpVerify), jose.ErrKey)
}

// A key member present with an empty value ("d": "") is malformed key
// material (RFC 7518 §2: a Base64urlUInt has at least one octet; §6.2.2.1
// and RFC 8037 §2: "d" is the full field size). It must be rejected, not
// read as absent, which turned a private JWK into a public one.
func TestEmptyKeyMemberRejected(t *testing.T) {
	for name, raw := range map[string]string{
		"EC d":     `{"kty":"EC","crv":"P-256","x":"` + p256x + `","y":"` + p256y + `","d":""}`,
		"OKP d":    `{"kty":"OKP","crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo","d":""}`,
		"X25519 d": `{"kty":"OKP","crv":"X25519","x":"hSDwCYkwp1R0i33ctD73Wg2_Og0mOBr066SpjqqbTmo","d":""}`,
		"RSA d":    strings.Replace(rfc7638Key, `"e":"AQAB"`, `"e":"AQAB","d":""`, 1),
		"RSA p":    strings.Replace(rfc7638Key, `"e":"AQAB"`, `"e":"AQAB","p":""`, 1),
		"RSA qi":   strings.Replace(rfc7638Key, `"e":"AQAB"`, `"e":"AQAB","qi":""`, 1),
		"RSA e":    strings.Replace(rfc7638Key, `"e":"AQAB"`, `"e":""`, 1),
		"oct k":    `{"kty":"oct","k":""}`,
		"EC x":     `{"kty":"EC","crv":"P-256","x":"","y":"` + p256y + `"}`,
		"OKP x":    `{"kty":"OKP","crv":"Ed25519","x":""}`,
		"RSA n":    `{"kty":"RSA","n":"","e":"AQAB"}`,
	} {
		k, err := Parse([]byte(raw))
		if err == nil {
			t.Errorf("%s empty: accepted as a %s", name, k)
			continue
		}
		wantErr(t, name+" empty", err, jose.ErrKey)
	}
}
