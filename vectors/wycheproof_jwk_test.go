package vectors

import (
	"crypto/ecdh"
	"crypto/rand"
	"encoding/base64"
	"encoding/json"
	"testing"
)

func TestJWKReader(t *testing.T) {
	k, err := ecdh.P256().GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	pt := k.PublicKey().Bytes() // 04 ‖ x ‖ y
	enc := base64.RawURLEncoding.EncodeToString
	x, y, d := enc(pt[1:33]), enc(pt[33:]), enc(k.Bytes())
	other, _ := ecdh.P256().GenerateKey(rand.Reader)

	good := jwkJSON{Kty: "EC", Crv: "P-256", X: x, Y: y, D: d}
	if p, err := good.ecdhPrivate(); err != nil || !p.Equal(k) {
		t.Fatalf("private key: %v", err)
	}
	if _, err := good.ecdsaPublic(); err != nil {
		t.Fatalf("ECDSA public key: %v", err)
	}
	offCurve := append([]byte{}, pt[33:]...)
	offCurve[31] ^= 1
	for name, j := range map[string]jwkJSON{
		"padding":           {Kty: "EC", Crv: "P-256", X: x + "=", Y: y},
		"standard base64":   {Kty: "EC", Crv: "P-256", X: base64.RawStdEncoding.EncodeToString(pt[1:33]) + "+/", Y: y},
		"short x":           {Kty: "EC", Crv: "P-256", X: enc(pt[2:33]), Y: y},
		"missing y":         {Kty: "EC", Crv: "P-256", X: x},
		"off curve":         {Kty: "EC", Crv: "P-256", X: x, Y: enc(offCurve)},
		"wrong curve":       {Kty: "EC", Crv: "P-384", X: x, Y: y},
		"wrong kty":         {Kty: "OKP", Crv: "P-256", X: x, Y: y},
		"secp256k1":         {Kty: "EC", Crv: "secp256k1", X: x, Y: y},
		"OKP with y":        {Kty: "OKP", Crv: "X25519", X: x, Y: y},
		"non-canonical end": {Kty: "OKP", Crv: "X25519", X: x[:len(x)-1] + "B"},
	} {
		if _, err := j.ecdhPublic(); err == nil {
			t.Errorf("%s: ECDH public key accepted", name)
		}
		if j.Kty == "EC" {
			if _, err := j.ecdsaPublic(); err == nil {
				t.Errorf("%s: ECDSA public key accepted", name)
			}
		}
	}
	mismatch := jwkJSON{Kty: "EC", Crv: "P-256", X: x, Y: y, D: enc(other.Bytes())}
	if _, err := mismatch.ecdhPrivate(); err == nil {
		t.Error("private key whose x, y belong to another key accepted")
	}
}

func FuzzJWK(f *testing.F) {
	f.Add([]byte(`{"kty":"EC","crv":"P-256","x":"KSexBRK64-3c_kZ4KBKLrSkDJpkZ9whgacjE32xzKDg","y":"x3h5ZOqsAOWSH7FJimD0YGdms9loUAFVjRqXTnNBUT4"}`))
	f.Add([]byte(`{"kty":"OKP","crv":"X25519","d":"yKnVqRCRrYUcZosHNsHJoCk2wNOtYmcIWAiAR7oFdHU","x":"X2S0HM6Kaz1qOHYwiPYVpJd9QiKIrkK0mrOlfi_Nb20"}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		var j jwkJSON
		if json.Unmarshal(b, &j) != nil {
			return
		}
		if p, err := j.ecdhPrivate(); err == nil && j.X != "" {
			pub, err := j.ecdhPublic()
			if err != nil || !pub.Equal(p.PublicKey()) {
				t.Fatalf("private key accepted with public members that do not match")
			}
		}
		j.ecdhPublic()
		j.ecdsaPublic()
	})
}

// TestJWKReaderRefusesLineBreaks: the reader's doc promises strict
// base64url with no non-alphabet bytes, but encoding/base64 skips '\r' and
// '\n' even in strict mode, so a coordinate or private scalar with a line
// break in it was read as if it had none.
func TestJWKReaderRefusesLineBreaks(t *testing.T) {
	k, err := ecdh.P256().GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	pt := k.PublicKey().Bytes()
	enc := base64.RawURLEncoding.EncodeToString
	x, y, d := enc(pt[1:33]), enc(pt[33:]), enc(k.Bytes())
	for _, lb := range []string{"\n", "\r", "\r\n"} {
		brk := func(s string) string { return s[:8] + lb + s[8:] }
		for name, j := range map[string]jwkJSON{
			"x": {Kty: "EC", Crv: "P-256", X: brk(x), Y: y},
			"y": {Kty: "EC", Crv: "P-256", X: x, Y: brk(y)},
		} {
			if _, err := j.ecdhPublic(); err == nil {
				t.Errorf("%q in %s: ECDH public key accepted", lb, name)
			}
			if _, err := j.ecdsaPublic(); err == nil {
				t.Errorf("%q in %s: ECDSA public key accepted", lb, name)
			}
		}
		if _, err := (&jwkJSON{Kty: "EC", Crv: "P-256", D: brk(d)}).ecdhPrivate(); err == nil {
			t.Errorf("%q in d: private key accepted", lb)
		}
	}
}
