package gencrypto

import (
	"crypto"
	"slices"
	"strings"
	"testing"

	"github.com/lwscrypto/lwscrypto/gencrypto/std"
)

// constructors lists every exported algorithm function, so the test can
// check that each is registered and that the registry holds nothing else.
var constructors = map[string]func() Algorithm{
	"RS256": func() Algorithm { return RS256() }, "RS384": func() Algorithm { return RS384() },
	"RS512": func() Algorithm { return RS512() }, "PS256": func() Algorithm { return PS256() },
	"PS384": func() Algorithm { return PS384() }, "PS512": func() Algorithm { return PS512() },
	"ES256": func() Algorithm { return ES256() }, "ES384": func() Algorithm { return ES384() },
	"ES512": func() Algorithm { return ES512() }, "EdDSA": func() Algorithm { return EdDSA() },
	"Ed25519": func() Algorithm { return Ed25519() },
	"HS256":   func() Algorithm { return HS256() }, "HS384": func() Algorithm { return HS384() },
	"HS512": func() Algorithm { return HS512() }, "HMAC 256/64": func() Algorithm { return HMAC256_64() },
	"A128GCM": func() Algorithm { return A128GCM() }, "A192GCM": func() Algorithm { return A192GCM() },
	"A256GCM":            func() Algorithm { return A256GCM() },
	"A128CBC-HS256":      func() Algorithm { return A128CBCHS256() },
	"A192CBC-HS384":      func() Algorithm { return A192CBCHS384() },
	"A256CBC-HS512":      func() Algorithm { return A256CBCHS512() },
	"AES-CCM-16-64-128":  func() Algorithm { return AESCCM16_64_128() },
	"AES-CCM-16-64-256":  func() Algorithm { return AESCCM16_64_256() },
	"AES-CCM-64-64-128":  func() Algorithm { return AESCCM64_64_128() },
	"AES-CCM-64-64-256":  func() Algorithm { return AESCCM64_64_256() },
	"AES-CCM-16-128-128": func() Algorithm { return AESCCM16_128_128() },
	"AES-CCM-16-128-256": func() Algorithm { return AESCCM16_128_256() },
	"AES-CCM-64-128-128": func() Algorithm { return AESCCM64_128_128() },
	"AES-CCM-64-128-256": func() Algorithm { return AESCCM64_128_256() },
	"ChaCha20/Poly1305":  func() Algorithm { return ChaCha20Poly1305() },
	"A128KW":             func() Algorithm { return A128KW() }, "A192KW": func() Algorithm { return A192KW() },
	"A256KW":   func() Algorithm { return A256KW() },
	"RSA-OAEP": func() Algorithm { return RSAOAEP() }, "RSA-OAEP-256": func() Algorithm { return RSAOAEP256() },
	"RSA-OAEP-384": func() Algorithm { return RSAOAEP384() }, "RSA-OAEP-512": func() Algorithm { return RSAOAEP512() },
	"ECDH-P256": func() Algorithm { return ECDHP256() }, "ECDH-P384": func() Algorithm { return ECDHP384() },
	"ECDH-P521": func() Algorithm { return ECDHP521() }, "X25519": func() Algorithm { return X25519() },
	"HKDF-SHA256": func() Algorithm { return HKDFSHA256() }, "HKDF-SHA384": func() Algorithm { return HKDFSHA384() },
	"HKDF-SHA512": func() Algorithm { return HKDFSHA512() }, "PBKDF2-SHA256": func() Algorithm { return PBKDF2SHA256() },
	"PBKDF2-SHA384": func() Algorithm { return PBKDF2SHA384() }, "PBKDF2-SHA512": func() Algorithm { return PBKDF2SHA512() },
	"ConcatKDF-SHA256": func() Algorithm { return ConcatKDFSHA256() },
}

func TestRegistryWalk(t *testing.T) {
	all := All()
	if len(all) != len(constructors) {
		t.Errorf("registry has %d algorithms, constructors %d", len(all), len(constructors))
	}
	names := map[string]bool{}
	ids := map[int64]string{}
	for _, a := range all {
		name := a.Name()
		if name == "" || a.String() != name {
			t.Errorf("%v: Name %q, String %q", a, name, a.String())
		}
		if names[name] {
			t.Errorf("duplicate name %q", name)
		}
		names[name] = true
		if got, ok := ByName(name); !ok || got != a {
			t.Errorf("ByName(%q) = %v, %v; want the registered singleton", name, got, ok)
		}
		f, ok := constructors[name]
		if !ok {
			t.Errorf("%q is registered but has no constructor in this test", name)
		} else if f() != a || f() != f() {
			t.Errorf("%q: constructor does not return the registered singleton", name)
		}
		if id, ok := a.COSE(); ok {
			if prev, dup := ids[id]; dup {
				t.Errorf("COSE id %d used by %q and %q", id, prev, name)
			}
			ids[id] = name
			if got, ok := ByCOSE(id); !ok || got != a {
				t.Errorf("ByCOSE(%d) = %v, %v; want %q", id, got, ok, name)
			}
		} else if id != 0 {
			t.Errorf("%q: COSE() = %d, false; an absent id must be 0", name, id)
		}
		checkFamily(t, a)
	}
	if len(ids) == 0 {
		t.Fatal("no COSE ids")
	}
	// All returns a copy: changing it leaves the registry alone.
	all[0] = nil
	if All()[0] == nil {
		t.Error("All returned the registry itself")
	}
}

// checkFamily checks that Kind and KeyType agree with the concrete type and
// that the family's parameters are self-consistent.
func checkFamily(t *testing.T, a Algorithm) {
	t.Helper()
	name := a.Name()
	switch v := a.(type) {
	case *Signature:
		if a.Kind() != KindSignature {
			t.Errorf("%s: Kind %v", name, a.Kind())
		}
		switch v.Primitive() {
		case PrimRSAPKCS1v15, PrimRSAPSS:
			if a.KeyType() != KeyRSA || v.MinRSABits() < 2048 || v.Curve() != 0 || v.SignatureSize() != 0 {
				t.Errorf("%s: RSA signature with KeyType %v, MinRSABits %d, Curve %v", name, a.KeyType(), v.MinRSABits(), v.Curve())
			}
		case PrimECDSAP256, PrimECDSAP384, PrimECDSAP521:
			if a.KeyType() != KeyEC || v.MinRSABits() != 0 || v.SignatureSize() != 2*((ellipticCurve(v.Curve()).Params().BitSize+7)/8) {
				t.Errorf("%s: ECDSA with KeyType %v, size %d", name, a.KeyType(), v.SignatureSize())
			}
		case PrimEd25519:
			if a.KeyType() != KeyOKP || v.Curve() != CurveEd25519 || v.Hash() != 0 || v.SignatureSize() != 64 {
				t.Errorf("%s: EdDSA with KeyType %v, Curve %v", name, a.KeyType(), v.Curve())
			}
		default:
			t.Errorf("%s: unknown primitive %q", name, v.Primitive())
		}
		if v.Hash() == crypto.SHA1 {
			t.Errorf("%s: SHA-1 signature registered", name)
		}
	case *MAC:
		if a.Kind() != KindMAC || a.KeyType() != KeyOct || v.TagSize() > v.Hash().Size() || v.TagSize() < 8 || v.Hash() == crypto.SHA1 {
			t.Errorf("%s: MAC with Kind %v, KeyType %v, tag %d", name, a.Kind(), a.KeyType(), v.TagSize())
		}
	case *AEAD:
		if a.Kind() != KindAEAD || a.KeyType() != KeyOct || v.KeySize() == 0 || v.NonceSize() == 0 || v.TagSize() == 0 {
			t.Errorf("%s: AEAD with Kind %v, KeyType %v", name, a.Kind(), a.KeyType())
		}
	case *KeyWrap:
		if a.Kind() != KindKeyWrap || a.KeyType() != KeyOct {
			t.Errorf("%s: key wrap with Kind %v, KeyType %v", name, a.Kind(), a.KeyType())
		}
	case *KeyEncryption:
		if a.Kind() != KindKeyEncryption || a.KeyType() != KeyRSA || v.MinRSABits() < 2048 {
			t.Errorf("%s: key encryption with Kind %v, KeyType %v", name, a.Kind(), a.KeyType())
		}
	case *KeyAgreement:
		want := KeyEC
		if v.Curve() == CurveX25519 {
			want = KeyOKP
		}
		if a.Kind() != KindKeyAgreement || a.KeyType() != want {
			t.Errorf("%s: key agreement with Kind %v, KeyType %v", name, a.Kind(), a.KeyType())
		}
	case *HKDF, *PBKDF2, *ConcatKDF:
		if a.Kind() != KindKDF || a.KeyType() != KeyOct {
			t.Errorf("%s: KDF with Kind %v, KeyType %v", name, a.Kind(), a.KeyType())
		}
	default:
		t.Errorf("%s: unexpected concrete type %T", name, a)
	}
}

func TestRegistryHasNoNone(t *testing.T) {
	for _, name := range []string{"none", "None", "NONE", "nOnE", "", " none", "HS1", "RS1", "RSA1_5"} {
		if a, ok := ByName(name); ok {
			t.Errorf("ByName(%q) = %v", name, a)
		}
	}
	for _, a := range All() {
		if strings.EqualFold(a.Name(), "none") {
			t.Errorf("registered %q", a.Name())
		}
	}
	if a, ok := ByCOSE(0); ok {
		t.Errorf("ByCOSE(0) = %v", a)
	}
	// ByName is exact: JOSE names are case-sensitive (RFC 7515 §4.1.1).
	if _, ok := ByName("es256"); ok {
		t.Error("ByName is case-insensitive")
	}
}

func TestStringers(t *testing.T) {
	for _, tc := range []struct{ got, want string }{
		{KindAEAD.String(), "aead"}, {Kind(0).String(), "Kind(0)"}, {Kind(99).String(), "Kind(99)"},
		{KeyOKP.String(), "OKP"}, {KeyType(0).String(), "KeyType(0)"},
		{CurveP521.String(), "P-521"}, {Curve(9).String(), "Curve(9)"},
	} {
		if tc.got != tc.want {
			t.Errorf("got %q, want %q", tc.got, tc.want)
		}
	}
	if CurveEd25519.COSE() != 6 || CurveX25519.COSE() != 4 || CurveP256.COSE() != 1 || Curve(9).COSE() != 0 {
		t.Error("Curve.COSE ids wrong")
	}
}

// TestPrimitiveNames checks that the std backend's primitive names are
// exactly this package's Prim* constants (std cannot import them) and that
// every registered algorithm runs on one of them.
func TestPrimitiveNames(t *testing.T) {
	prims := []string{
		PrimAESGCM, PrimAESCCM, PrimChaCha20Poly1305, PrimAESCBCHMAC, PrimAESKW,
		PrimECDSAP256, PrimECDSAP384, PrimECDSAP521, PrimEd25519,
		PrimRSAPKCS1v15, PrimRSAPSS, PrimRSAOAEP,
		PrimECDHP256, PrimECDHP384, PrimECDHP521, PrimX25519,
		PrimHMAC, PrimHKDF, PrimPBKDF2, PrimConcatKDF,
	}
	got := std.Primitives()
	slices.Sort(got)
	want := slices.Clone(prims)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("std.Primitives() = %v\nwant %v", got, want)
	}
	b := DefaultBackend()
	for _, p := range prims {
		if !b.Supports(p) {
			t.Errorf("default backend does not support %q", p)
		}
	}
	for _, p := range []string{"", "none", "AES-GCM", "ed448"} {
		if b.Supports(p) {
			t.Errorf("default backend claims %q", p)
		}
	}
	for _, a := range All() {
		if p := a.Primitive(); !slices.Contains(prims, p) {
			t.Errorf("%s runs on unknown primitive %q", a.Name(), p)
		}
	}
}
