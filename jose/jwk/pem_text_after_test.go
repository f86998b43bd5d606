package jwk

import (
	"bytes"
	"encoding/pem"
	"testing"
)

// TestParsePEMOpensslTextDumpAfterKey: `openssl genpkey -text` and
// `openssl pkey -text` (with or without -pubout) write the key's PEM and
// then its text dump ("ED25519 Private-Key:", "priv:", hex lines), as
// `openssl x509 -text` writes the dump before the certificate. ParsePEM
// skips text before a block, and text after the last is no more a key:
// it is skipped too (a block in it that does not decode is still refused,
// TestParsePEMBrokenBlockRefused). On the base such files, which parsed
// before the session's ParsePEM change, were jose.ErrMalformed.
func TestParsePEMOpensslTextDumpAfterKey(t *testing.T) {
	k, _ := Generate("EdDSA", nil)
	priv, err := k.MarshalPEM()
	if err != nil {
		t.Fatal(err)
	}
	pub, _ := k.PublicKey()
	spki, err := pub.MarshalPEM()
	if err != nil {
		t.Fatal(err)
	}
	cert := pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: selfSigned(t, k)})
	dump := []byte("ED25519 Private-Key:\npriv:\n    62:dd:68:b7:fe:cf:2f:84:32:b5:01:bf:8a:fa:aa:\n    c3:7a\npub:\n    8d:b3:2e:50:3f:1b:51:4d:e3:ca:53:46:e9:41:ef:\n    02:3e\n")
	for name, in := range map[string][]byte{
		"openssl genpkey -text":        append(bytes.Clone(priv), dump...),
		"openssl pkey -pubout -text":   append(bytes.Clone(spki), dump...),
		"a certificate and a comment":  append(bytes.Clone(cert), "# issued 2026-11-23\n"...),
		"a key and a CRLF text dump":   append(bytes.Clone(priv), bytes.ReplaceAll(dump, []byte("\n"), []byte("\r\n"))...),
		"a key, then text without EOL": append(bytes.Clone(spki), "end"...),
	} {
		if got, err := ParsePEM(in); err != nil {
			t.Errorf("%s: %v", name, err)
		} else if !got.Equal(k) && !got.Equal(pub) {
			t.Errorf("%s: got %v", name, got)
		}
	}
}
