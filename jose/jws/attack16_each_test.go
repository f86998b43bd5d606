package jws

import (
	"testing"

	"github.com/lwscrypto/lwscrypto/jose/jwk"
)

// TestAttack16EachKey (catalog row 16): VerifyEach names, for every
// signature, the key that verified that signature and no other, and no key
// for one that failed. Before, TestAttack16WhichSignature passed with
// VerifyEach storing each verifying key at index 0 (mutation): it never
// read SignatureResult.Key.
func TestAttack16EachKey(t *testing.T) {
	a, _ := jwk.Generate("ES256", nil)
	a.Kid = "a"
	b, _ := jwk.Generate("ES256", nil)
	b.Kid = "b"
	stranger, _ := jwk.Generate("ES256", nil)
	stranger.Kid = "stranger"
	js, err := SignJSON([]byte("x"), []SigningKey{{Alg: "ES256", Key: a}, {Alg: "ES256", Key: stranger}, {Alg: "ES256", Key: b}}, false, nil)
	if err != nil {
		t.Fatal(err)
	}
	ap, _ := a.PublicKey()
	bp, _ := b.PublicKey()
	v := must(NewVerifier(&jwk.Set{Keys: []*jwk.Key{bp, ap}}, []string{"ES256"}))
	each, _, err := v.VerifyEach(js)
	if err != nil || len(each) != 3 {
		t.Fatalf("VerifyEach: %+v, %v", each, err)
	}
	for i, want := range []string{"a", "", "b"} {
		got := ""
		if each[i].Key != nil {
			got = each[i].Key.Kid
		}
		if got != want || (want == "") != (each[i].Err != nil) || each[i].Index != i {
			t.Errorf("signature %d: index %d, key %q, err %v; want key %q", i, each[i].Index, got, each[i].Err, want)
		}
	}
}
