package jwk

import (
	"bytes"
	"encoding/pem"
	"errors"
	"testing"

	"github.com/lwscrypto/lwscrypto/jose"
)

// TestParsePEMRefusesWhatFollows: ParsePEM reads one key (or one
// certificate chain) and refuses PEM text that holds more, rather than
// silently read its first key. On the base, two keys, a key followed by a
// certificate or by a broken block, and a certificate followed by a
// private key all parsed as their first block. Text before a block is
// still skipped, as openssl writes it there ("Bag Attributes", "subject="
// lines before each certificate of `openssl pkcs7 -print_certs`), and so is
// text after the last block (`openssl pkey -text` writes its dump there;
// TestParsePEMOpensslTextDumpAfterKey).
func TestParsePEMRefusesWhatFollows(t *testing.T) {
	k1, _ := Generate("ES256", nil)
	k2, _ := Generate("ES256", nil)
	pemOf := func(k *Key) []byte {
		t.Helper()
		b, err := k.MarshalPEM()
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	spki := func(k *Key) []byte {
		t.Helper()
		pub, _ := k.PublicKey()
		return pemOf(pub)
	}
	priv := pemOf
	cert1 := pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: selfSigned(t, k1)})
	cert2 := pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: selfSigned(t, k2)})
	cat := func(parts ...[]byte) []byte { return bytes.Join(parts, nil) }
	for name, in := range map[string][]byte{
		"two public keys":                 cat(spki(k1), spki(k2)),
		"two private keys":                cat(priv(k1), priv(k2)),
		"a private key and its public":    cat(priv(k1), spki(k1)),
		"a key and a certificate":         cat(priv(k1), cert1),
		"a certificate and a private key": cat(cert1, priv(k1)),
		"a chain and a private key":       cat(cert1, cert2, priv(k1)),
		"a key and a broken block":        cat(spki(k1), []byte("-----BEGIN PUBLIC KEY-----\nAAAA\n")),
	} {
		if k, err := ParsePEM(in); !errors.Is(err, jose.ErrMalformed) {
			t.Errorf("%s: %v, %v; want jose.ErrMalformed", name, k, err)
		}
	}
	for name, in := range map[string][]byte{
		"a key and whitespace":                      cat(spki(k1), []byte("\n \t\r\n")),
		"a key and text (openssl pkey -text)":       cat(spki(k1), []byte("trailing text\n")),
		"a chain and text":                          cat(cert1, cert2, []byte("x")),
		"text before a key":                         cat([]byte("Bag Attributes\n    localKeyID: 01\n"), priv(k1)),
		"a chain with text before each":             cat([]byte("subject=CN = a\n"), cert1, []byte("\nsubject=CN = b\n"), cert2, []byte("\n")),
		"EC PARAMETERS and a key (openssl ecparam)": cat(pem.EncodeToMemory(&pem.Block{Type: "EC PARAMETERS", Bytes: []byte{6, 8, 42, 134, 72, 206, 61, 3, 1, 7}}), priv(k1)),
	} {
		if _, err := ParsePEM(in); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
}
