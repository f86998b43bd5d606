package jwk

import (
	"crypto"
	"strings"
	"testing"

	"github.com/lwscrypto/lwscrypto/jose"
)

func genSet(t *testing.T, algs ...string) *Set {
	t.Helper()
	s := &Set{}
	for i, alg := range algs {
		k, err := Generate(alg, nil)
		if err != nil {
			t.Fatal(err)
		}
		k.Kid = string(rune('A' + i))
		s.Keys = append(s.Keys, k)
	}
	return s
}

func TestSetRoundTrip(t *testing.T) {
	s := genSet(t, "ES256", "EdDSA", "PS256")
	pub, err := s.PublicSet()
	if err != nil {
		t.Fatal(err)
	}
	raw := append(mustJSON(t, pub)[:0:0], mustJSON(t, pub)...)
	raw = []byte(strings.Replace(string(raw), `{"keys":[`, `{"keys":[{"kty":"AKP","alg":"ML-DSA-44","pub":"AAAA"},{"kty":"OKP","crv":"Ed448","x":"AAAA"},{"kty":"EC","crv":"secp256k1","x":"AAAA","y":"AAAA"},`, 1))
	got, err := ParseSet(raw)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Keys) != 3 || len(got.Skipped) != 3 {
		t.Fatalf("%d keys, %d skipped", len(got.Keys), len(got.Skipped))
	}
	for i, k := range got.Keys {
		if !k.Equal(pub.Keys[i]) || k.Kid != pub.Keys[i].Kid || k.Alg != pub.Keys[i].Alg {
			t.Errorf("key %d differs", i)
		}
	}
	// Stable: serialize → parse → serialize.
	out := mustJSON(t, got)
	again, err := ParseSet(out)
	if err != nil || string(mustJSON(t, again)) != string(out) {
		t.Errorf("not stable: %v", err)
	}
	if k, ok := got.LookupKid("B"); !ok || k.KeyType() != KeyTypeOKP {
		t.Error("LookupKid")
	}
	if _, ok := got.LookupKid("Z"); ok {
		t.Error("LookupKid found an unknown kid")
	}
}

func TestSetRules(t *testing.T) {
	for _, tc := range []struct{ name, set string }{
		// Wycheproof json_web_key_test tcId 4 (DuplicateKid).
		{"duplicate kid", `{"keys":[{"kty":"oct","kid":"a","k":"AAAA"},{"kty":"oct","kid":"a","k":"AAAB"}]}`},
		// Wycheproof tcId 1 (MixedKeySet): a secret key beside a public one.
		{"mixed", `{"keys":[{"kty":"oct","kid":"a","k":"AAAA"},{"kty":"EC","crv":"P-256","kid":"b","x":"` + p256x + `","y":"` + p256y + `"}]}`},
		{"bad key", `{"keys":[{"kty":"EC","crv":"P-256","x":"AAAA","y":"AAAA"}]}`},
	} {
		_, err := ParseSet([]byte(tc.set))
		wantErr(t, tc.name, err, jose.ErrKey) // also: the message starts "jwk: "
	}
	for _, s := range []string{`{}`, `{"keys":{}}`, `{"keys":[1]}`, `{"keys":["x"]}`, `[]`, `{"keys":[{"kty":1}]}`} {
		_, err := ParseSet([]byte(s))
		wantErr(t, s, err, jose.ErrMalformed)
	}
}

// TestAttack26KidSelection covers the key side of catalog row 26: with a kid
// only that key is a candidate; without one only keys of the token's alg
// family are, and requireKid turns even that off.
func TestAttack26KidSelection(t *testing.T) {
	s, _ := genSet(t, "ES256", "ES256", "RS256", "EdDSA").PublicSet()
	a, b := s.Keys[0], s.Keys[1]
	if c := s.Candidates("A", true, "ES256", OpVerify, false); len(c) != 1 || c[0] != a {
		t.Errorf("kid A: %v", c)
	}
	if c := s.Candidates("B", true, "ES256", OpVerify, false); len(c) != 1 || c[0] != b {
		t.Errorf("kid B: %v", c)
	}
	if c := s.Candidates("C", true, "ES256", OpVerify, false); len(c) != 0 {
		t.Errorf("kid C (an RSA key) for ES256: %v", c)
	}
	if c := s.Candidates("nope", true, "ES256", OpVerify, false); len(c) != 0 {
		t.Errorf("unknown kid: %v", c)
	}
	if c := s.Candidates("", false, "ES256", OpVerify, false); len(c) != 2 || c[0] != a || c[1] != b {
		t.Errorf("no kid, ES256: %v", c)
	}
	if c := s.Candidates("", false, "EdDSA", OpVerify, false); len(c) != 1 || c[0] != s.Keys[3] {
		t.Errorf("no kid, EdDSA: %v", c)
	}
	if c := s.Candidates("", false, "ES256", OpVerify, true); len(c) != 0 {
		t.Errorf("requireKid: %v", c)
	}
	if c := s.Candidates("", false, "HS256", OpVerify, false); len(c) != 0 {
		t.Errorf("HS256 with public keys: %v", c)
	}
}

func TestGenerate(t *testing.T) {
	for _, tc := range []struct {
		alg      string
		opts     *GenerateOptions
		kty, crv string
		bits     int
		op       Op
	}{
		{"HS256", nil, "oct", "", 256, OpSign},
		{"HS384", nil, "oct", "", 384, OpSign},
		{"HS512", nil, "oct", "", 512, OpSign},
		{"RS256", nil, "RSA", "", 2048, OpSign},
		{"PS384", &GenerateOptions{Bits: 3072}, "RSA", "", 3072, OpSign},
		{"ES256", nil, "EC", "P-256", 256, OpSign},
		{"ES384", nil, "EC", "P-384", 384, OpSign},
		{"ES512", nil, "EC", "P-521", 521, OpSign},
		{"EdDSA", nil, "OKP", "Ed25519", 256, OpSign},
		{"Ed25519", nil, "OKP", "Ed25519", 256, OpSign},
		{"RSA-OAEP-256", nil, "RSA", "", 2048, OpDecrypt},
		{"A128KW", nil, "oct", "", 128, OpWrapKey},
		{"A256GCMKW", nil, "oct", "", 256, OpWrapKey},
		{"A256GCM", nil, "oct", "", 256, OpEncrypt},
		{"A128CBC-HS256", nil, "oct", "", 256, OpEncrypt},
		{"dir", &GenerateOptions{Bits: 512}, "oct", "", 512, OpEncrypt},
		{"ECDH-ES", nil, "EC", "P-256", 256, OpDeriveKey},
		{"ECDH-ES+A128KW", &GenerateOptions{Curve: "P-384"}, "EC", "P-384", 384, OpDeriveKey},
		{"ECDH-ES", &GenerateOptions{Curve: "X25519"}, "OKP", "X25519", 256, OpDeriveKey},
	} {
		k, err := Generate(tc.alg, tc.opts)
		if err != nil {
			t.Errorf("%s: %v", tc.alg, err)
			continue
		}
		if k.Alg != tc.alg || k.KeyType() != tc.kty || k.Curve() != tc.crv || k.Bits() != tc.bits || !k.IsPrivate() {
			t.Errorf("%s: got %v (%d bits)", tc.alg, k, k.Bits())
		}
		if err := k.CheckUse(tc.alg, tc.op); err != nil {
			t.Errorf("%s: generated key not usable: %v", tc.alg, err)
		}
		// What Generate writes, Parse reads back identically.
		k2, err := Parse(mustJSON(t, k))
		if err != nil || !k.Equal(k2) || k2.Alg != tc.alg {
			t.Errorf("%s: round trip: %v", tc.alg, err)
		}
		t1, _ := k.Thumbprint(crypto.SHA256)
		t2, _ := k2.Thumbprint(crypto.SHA256)
		if string(t1) != string(t2) {
			t.Errorf("%s: thumbprint changed", tc.alg)
		}
	}
	for _, tc := range []struct {
		alg  string
		opts *GenerateOptions
	}{
		{"none", nil}, {"NONE", nil}, {"XYZ", nil}, {"RS256", &GenerateOptions{Bits: 1024}},
		{"ES256", &GenerateOptions{Curve: "P-384"}}, {"HS256", &GenerateOptions{Bits: 128}},
		{"EdDSA", &GenerateOptions{Curve: "X25519"}}, {"ECDH-ES", &GenerateOptions{Curve: "Ed25519"}},
		{"RS256", &GenerateOptions{Curve: "P-256"}}, {"HMAC 256/64", nil},
	} {
		if k, err := Generate(tc.alg, tc.opts); err == nil {
			t.Errorf("Generate(%q, %+v) = %v", tc.alg, tc.opts, k)
		}
	}
}

// TestEmptyKidNamesNoKey: Kid "" is how a key without "kid" looks (Check
// lets any number of keys have it, MarshalJSON leaves it out), so a token
// kid of "" names no key. Before, LookupKid("") returned the first key
// without a kid, and Candidates gave that key for a token with "kid": "" —
// even with requireKid, whose point is that only keys named by a kid are
// tried.
func TestEmptyKidNamesNoKey(t *testing.T) {
	s := genSet(t, "ES256", "ES256")
	for _, k := range s.Keys {
		k.Kid = ""
	}
	if err := s.Check(); err != nil {
		t.Fatal(err)
	}
	if k, ok := s.LookupKid(""); ok {
		t.Errorf("LookupKid(\"\") = %v", k)
	}
	for _, requireKid := range []bool{false, true} {
		if c := s.Candidates("", true, "ES256", OpSign, requireKid); len(c) != 0 {
			t.Errorf("kid \"\", requireKid %v: %d candidates", requireKid, len(c))
		}
	}
	// Without a kid, requireKid still decides.
	if c := s.Candidates("", false, "ES256", OpSign, false); len(c) != 2 {
		t.Errorf("no kid: %d candidates, want 2", len(c))
	}
}
