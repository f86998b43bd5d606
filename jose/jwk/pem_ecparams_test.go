package jwk

import (
	"crypto/x509"
	"encoding/asn1"
	"encoding/pem"
	"testing"

	"github.com/lwscrypto/lwscrypto/jose"
)

// TestPEMECParametersChecked: an "EC PARAMETERS" block before the key (as
// `openssl ecparam -genkey` writes it) must name the key's curve. Before,
// ParsePEM skipped it unread, so a file declaring P-384 gave a P-256 key
// (and a file declaring a curve beside an RSA key, an RSA key): the two
// halves of the input disagreed about what it holds, and ParsePEM picked
// one. A block naming another curve, or standing beside a key that has no
// curve, is jose.ErrKey (as checkSEC1 refuses a curve inside PKCS #8 that
// is not the outer one); one that is not a curve OID, or has headers, is
// jose.ErrMalformed.
func TestPEMECParametersChecked(t *testing.T) {
	// openssl ecparam -name prime256v1: the OID 1.2.840.10045.3.1.7.
	p256Params := pem.EncodeToMemory(&pem.Block{Type: "EC PARAMETERS", Bytes: []byte{0x06, 0x08, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x07}})
	oid := func(o asn1.ObjectIdentifier) []byte {
		der, err := asn1.Marshal(o)
		if err != nil {
			t.Fatal(err)
		}
		return pem.EncodeToMemory(&pem.Block{Type: "EC PARAMETERS", Bytes: der})
	}
	p384Params := oid(asn1.ObjectIdentifier{1, 3, 132, 0, 34})
	unknownParams := oid(asn1.ObjectIdentifier{1, 3, 132, 0, 10}) // secp256k1

	ec := genP256(t)
	sec1, err := x509.MarshalECPrivateKey(ec)
	if err != nil {
		t.Fatal(err)
	}
	sec1PEM := pem.EncodeToMemory(&pem.Block{Type: "EC PRIVATE KEY", Bytes: sec1})
	k, err := New(ec)
	if err != nil {
		t.Fatal(err)
	}
	pkcs8PEM, err := k.MarshalPEM()
	if err != nil {
		t.Fatal(err)
	}
	pub, _ := k.PublicKey()
	spkiPEM, err := pub.MarshalPEM()
	if err != nil {
		t.Fatal(err)
	}
	rsaKey, err := Generate("RS256", nil)
	if err != nil {
		t.Fatal(err)
	}
	rsaPEM, err := rsaKey.MarshalPEM()
	if err != nil {
		t.Fatal(err)
	}
	edKey, err := Generate("EdDSA", nil)
	if err != nil {
		t.Fatal(err)
	}
	edPEM, err := edKey.MarshalPEM()
	if err != nil {
		t.Fatal(err)
	}
	cat := func(bs ...[]byte) []byte {
		var out []byte
		for _, b := range bs {
			out = append(out, b...)
		}
		return out
	}
	for name, in := range map[string][]byte{
		"P-256 params, SEC 1 key":    cat(p256Params, sec1PEM),
		"P-256 params, PKCS #8 key":  cat(p256Params, pkcs8PEM),
		"P-256 params, SPKI":         cat(p256Params, spkiPEM),
		"P-256 params twice, SEC 1":  cat(p256Params, p256Params, sec1PEM),
		"P-256 params after the key": cat(sec1PEM, p256Params),
	} {
		got, err := ParsePEM(in)
		if err != nil {
			t.Errorf("%s: %v", name, err)
		} else if got.Curve() != CurveP256 {
			t.Errorf("%s: a %s key", name, got.describe())
		}
	}
	for name, in := range map[string][]byte{
		"P-384 params, SEC 1 P-256 key":   cat(p384Params, sec1PEM),
		"P-384 params, PKCS #8 P-256 key": cat(p384Params, pkcs8PEM),
		"P-384 params, SPKI P-256 key":    cat(p384Params, spkiPEM),
		"P-256 then P-384 params, SEC 1":  cat(p256Params, p384Params, sec1PEM),
		// before ParsePEM refused what follows the key, these were ignored
		"SEC 1, P-384 params after":      cat(sec1PEM, p384Params),
		"SPKI P-256, P-384 params after": cat(spkiPEM, p384Params),
		"secp256k1 params, SEC 1 P-256":  cat(unknownParams, sec1PEM),
		"P-256 params, RSA PKCS #8 key":  cat(p256Params, rsaPEM),
		"P-256 params, Ed25519 key":      cat(p256Params, edPEM),
	} {
		_, err := ParsePEM(in)
		wantErr(t, name, err, jose.ErrKey)
	}
	for name, in := range map[string][]byte{
		"params not an OID": cat(pem.EncodeToMemory(&pem.Block{Type: "EC PARAMETERS", Bytes: []byte{0x05, 0x00}}), sec1PEM),
		"params with a tail": cat(pem.EncodeToMemory(&pem.Block{Type: "EC PARAMETERS",
			Bytes: []byte{0x06, 0x08, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x07, 0x00}}), sec1PEM),
		"params with headers": cat(pem.EncodeToMemory(&pem.Block{Type: "EC PARAMETERS", Headers: map[string]string{"Proc-Type": "4,ENCRYPTED"},
			Bytes: []byte{0x06, 0x08, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x07}}), sec1PEM),
	} {
		_, err := ParsePEM(in)
		wantErr(t, name, err, jose.ErrMalformed)
	}
}
