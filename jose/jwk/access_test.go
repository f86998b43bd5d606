package jwk

import (
	"context"
	"crypto/ecdh"
	"crypto/ecdsa"
	"crypto/ed25519"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/lwscrypto/lwscrypto/jose"
)

func TestAccessors(t *testing.T) {
	ec, _ := Generate("ES256", nil)
	if _, ok := ec.PrivateKey().(*ecdsa.PrivateKey); !ok || ec.Secret() != nil {
		t.Error("EC accessors")
	}
	p1, err := ec.ECDHPrivate()
	if err != nil {
		t.Fatal(err)
	}
	p2, err := ec.ECDHPublic()
	if err != nil || !p1.PublicKey().Equal(p2) {
		t.Errorf("ECDH halves: %v", err)
	}
	x, _ := Generate("ECDH-ES", &GenerateOptions{Curve: CurveX25519})
	if p, err := x.ECDHPrivate(); err != nil || p.Curve() != ecdh.X25519() {
		t.Errorf("X25519 ECDHPrivate: %v", err)
	}
	ed, _ := Generate("EdDSA", nil)
	if _, ok := ed.PrivateKey().(ed25519.PrivateKey); !ok {
		t.Error("Ed25519 PrivateKey")
	}
	if _, err := ed.ECDHPublic(); !errors.Is(err, jose.ErrKey) {
		t.Error("Ed25519 as ECDH")
	}
	if _, err := ed.ECDHPrivate(); !errors.Is(err, jose.ErrKey) {
		t.Error("Ed25519 as ECDH")
	}
	oct, _ := Generate("HS256", nil)
	if len(oct.Secret()) != 32 || oct.PrivateKey() != nil || oct.Public() != nil {
		t.Error("oct accessors")
	}
	if _, ok := oct.Signer(); ok {
		t.Error("oct Signer")
	}
	k := mustParse(t, `{"kty":"oct","k":"AAAA","b":1,"a":"x"}`)
	if ex := k.Extra(); len(ex) != 2 || ex[0].Name != "b" {
		t.Errorf("Extra: %v", ex)
	}
	j, err := k.MarshalJSON()
	if err != nil || string(j) != `{"a":"x","b":1,"k":"AAAA","kty":"oct"}` {
		t.Errorf("MarshalJSON %s", j)
	}
	var v any
	s := &Set{Keys: []*Key{k}}
	sj, _ := s.MarshalJSON()
	if err := json.Unmarshal(sj, &v); err != nil {
		t.Errorf("set JSON %s: %v", sj, err)
	}
}

func TestCheckUseJWEAlgorithms(t *testing.T) {
	gen := func(alg string, o *GenerateOptions) *Key {
		k, err := Generate(alg, o)
		if err != nil {
			t.Fatal(err)
		}
		k.Alg = ""
		return k
	}
	rsa, ec, x := gen("RSA-OAEP", nil), gen("ECDH-ES", nil), gen("ECDH-ES", &GenerateOptions{Curve: "X25519"})
	k16, k24, k32 := gen("A128KW", nil), gen("A192KW", nil), gen("A256KW", nil)
	ed := gen("EdDSA", nil)
	for _, tc := range []struct {
		k   *Key
		alg string
		op  Op
		ok  bool
	}{
		{rsa, "RSA-OAEP", OpUnwrapKey, true}, {rsa, "RSA-OAEP-256", OpDecrypt, true}, {rsa, "RSA1_5", OpDecrypt, true},
		{ec, "RSA-OAEP", OpDecrypt, false}, {rsa, "RSA-OAEP", OpSign, false},
		{ec, "ECDH-ES", OpDeriveKey, true}, {x, "ECDH-ES+A128KW", OpDeriveKey, true}, {ed, "ECDH-ES", OpDeriveKey, false},
		{rsa, "ECDH-ES", OpDeriveKey, false},
		{k16, "A128KW", OpWrapKey, true}, {k16, "A256KW", OpWrapKey, false}, {k24, "A192GCMKW", OpWrapKey, true},
		{k32, "A256GCMKW", OpUnwrapKey, true}, {k32, "A128GCMKW", OpUnwrapKey, false}, {k32, "dir", OpDecrypt, true},
		{k32, "A256GCM", OpEncrypt, true}, {k16, "A256GCM", OpEncrypt, false}, {k32, "A128CBC-HS256", OpEncrypt, true},
		{k16, "PBES2-HS256+A128KW", OpUnwrapKey, true}, {ec, "dir", OpDecrypt, false},
		{k32, "A256KW", OpSign, false}, {k32, "XYZ", OpEncrypt, false}, {k32, "A256GCM", OpVerify, false},
	} {
		err := tc.k.CheckUse(tc.alg, tc.op)
		if (err == nil) != tc.ok {
			t.Errorf("%v for %s %s: %v", tc.k, tc.alg, tc.op, err)
		}
	}
}

func TestRemoteRefresh(t *testing.T) {
	body, _ := publicSetJSON(t, "ES256")
	srv := newJWKSServer(t, body)
	clock := &fakeClock{}
	r, _ := NewRemote(srv.URL, RemoteOptions{InsecureAllowLoopbackHTTP: true, Now: clock.now})
	if _, err := r.Refresh(context.Background()); err != nil {
		t.Fatal(err)
	}
	r.Refresh(context.Background()) // within the cooldown: no request
	clock.add(DefaultCooldown)
	r.Refresh(context.Background())
	if n := srv.requests.Load(); n != 2 {
		t.Errorf("%d requests, want 2", n)
	}
}

// TestCheckUseUnknownAlgorithm: CheckUse's doc says unknown names and "none"
// are jose.ErrAlgorithm. That must hold whatever the key's "alg", "use" and
// "key_ops" say; before, a key with any of them answered jose.ErrKey ("key
// is for RS256, not none"), so errors.Is(err, jose.ErrAlgorithm) failed
// exactly for the keys that carry metadata.
func TestCheckUseUnknownAlgorithm(t *testing.T) {
	rs, err := Generate("RS256", nil) // "alg": "RS256"
	if err != nil {
		t.Fatal(err)
	}
	use := mustParse(t, `{"kty":"EC","crv":"P-256","use":"enc","x":"`+p256x+`","y":"`+p256y+`"}`)
	ops := mustParse(t, `{"kty":"EC","crv":"P-256","key_ops":["deriveKey"],"x":"`+p256x+`","y":"`+p256y+`","d":"`+p256d+`"}`)
	bare := mustParse(t, `{"kty":"EC","crv":"P-256","x":"`+p256x+`","y":"`+p256y+`"}`)
	for _, k := range []*Key{rs, use, ops, bare} {
		for _, alg := range []string{"none", "None", "XYZ", "", "X25519", "HKDF-SHA256"} {
			for _, op := range []Op{OpVerify, OpSign, OpEncrypt} {
				if err := k.CheckUse(alg, op); !errors.Is(err, jose.ErrAlgorithm) {
					t.Errorf("%v: CheckUse(%q, %s) = %v, want jose.ErrAlgorithm", k, alg, op, err)
				}
			}
		}
	}
}

// TestCheckUseJWEAlgWrongOp: a known JWE algorithm used to sign or verify
// is a key that cannot be used so (jose.ErrKey), as CheckUse documents
// (only unknown names and "none" are jose.ErrAlgorithm) and as it already
// answered for A128KW, A128GCM and RSA-OAEP. The base answered
// jose.ErrAlgorithm for dir, A*GCMKW, PBES2-*, RSA1_5 and ECDH-ES*, whose
// checks live apart (fitsJWE), and described "dir" and PBES2 as needing a
// "0-byte oct key".
func TestCheckUseJWEAlgWrongOp(t *testing.T) {
	oct := must2(New(make([]byte, 32)))
	ec := must2(Generate("ECDH-ES", nil))
	rk := must2(Generate("RSA-OAEP", nil))
	for alg, k := range map[string]*Key{
		"dir": oct, "A256GCMKW": oct, "PBES2-HS256+A128KW": oct, "RSA1_5": rk,
		"ECDH-ES": ec, "ECDH-ES+A128KW": ec, "A256KW": oct, "A256GCM": oct, "RSA-OAEP": rk,
	} {
		k.Alg = ""
		for _, op := range []Op{OpSign, OpVerify} {
			err := k.CheckUse(alg, op)
			wantErr(t, alg+" "+string(op), err, jose.ErrKey)
			if errors.Is(err, jose.ErrAlgorithm) {
				t.Errorf("%s %s: %v is jose.ErrAlgorithm", alg, op, err)
			}
		}
	}
	for _, alg := range []string{"dir", "PBES2-HS256+A128KW"} {
		if err := ec.CheckUse(alg, OpDecrypt); err == nil || strings.Contains(err.Error(), "0-byte") {
			t.Errorf("%s with an EC key: %v", alg, err)
		}
	}
}
