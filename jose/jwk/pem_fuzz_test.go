package jwk

import (
	"encoding/pem"
	"errors"
	"testing"

	"github.com/lwscrypto/lwscrypto/jose"
)

// FuzzParsePEM: ParsePEM on arbitrary text never panics. FuzzParseDER
// hands it one well-formed block only, so the armor handling of its own —
// leading text, blocks with headers, "EC PARAMETERS" blocks before the key,
// certificate chains, several blocks — was not fuzzed. An error comes with
// no key and wraps jose.ErrMalformed, jose.ErrKey or jose.ErrLimit; an
// accepted key survives its own DER form.
func FuzzParsePEM(f *testing.F) {
	for _, alg := range []string{"RS256", "ES256", "EdDSA"} {
		k, err := Generate(alg, nil)
		if err != nil {
			f.Fatal(err)
		}
		pub, _ := k.PublicKey()
		for _, kk := range []*Key{k, pub} {
			if typ, der, err := kk.MarshalDER(); err == nil {
				blk := pem.EncodeToMemory(&pem.Block{Type: typ, Bytes: der})
				f.Add(blk)
				f.Add(append([]byte("leading text\n"), blk...))
				f.Add(append(pem.EncodeToMemory(&pem.Block{Type: "EC PARAMETERS", Bytes: []byte{6, 8, 0x2a, 0x86, 0x48, 0xce, 0x3d, 3, 1, 7}}), blk...))
				f.Add(pem.EncodeToMemory(&pem.Block{Type: typ, Headers: map[string]string{"Proc-Type": "4,ENCRYPTED"}, Bytes: der}))
			}
		}
	}
	f.Add([]byte("-----BEGIN CERTIFICATE-----\nMAMCAQA=\n-----END CERTIFICATE-----\n"))
	f.Add([]byte("-----BEGIN PUBLIC KEY-----\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		k, err := ParsePEM(data)
		if err != nil {
			if k != nil {
				t.Fatal("error with a partial result")
			}
			if !errors.Is(err, jose.ErrMalformed) && !errors.Is(err, jose.ErrKey) && !errors.Is(err, jose.ErrLimit) {
				t.Fatalf("%v wraps no sentinel", err)
			}
			return
		}
		typ, der, err := k.MarshalDER()
		if err != nil {
			t.Fatalf("accepted key does not marshal: %v", err)
		}
		k2, err := ParseDER(typ, der)
		if err != nil || !k2.Equal(k) {
			t.Fatalf("DER round trip: %v", err)
		}
	})
}
