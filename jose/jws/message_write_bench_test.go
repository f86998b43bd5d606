package jws_test

import (
	"testing"

	"github.com/lwscrypto/lwscrypto/jose/jws"
)

// BenchmarkMessageJSON measures re-serializing a parsed two-signature
// general JSON message (each write parses its output back).
func BenchmarkMessageJSON(b *testing.B) {
	m := signedGeneral(b, nil)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := m.JSON(false); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSignJSONHS256 measures SignJSON with one HMAC key, the
// cheapest signature, where the serialization costs most in proportion.
func BenchmarkSignJSONHS256(b *testing.B) {
	k := []jws.SigningKey{{Alg: "HS256", Key: []byte("0123456789abcdef0123456789abcdef"), KeyID: "a"}}
	p := make([]byte, 200)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := jws.SignJSON(p, k, false, nil); err != nil {
			b.Fatal(err)
		}
	}
}
