package jwk

import (
	"fmt"
	"testing"
)

// TestStringOfKeyWithoutMaterial: String describes a Key without key
// material (the zero Key, or one given only metadata) as such; before, it
// read " public key" (an empty key type and a claim of a public key that
// is not there), and a nil *Key panicked.
func TestStringOfKeyWithoutMaterial(t *testing.T) {
	for _, tc := range []struct {
		k    *Key
		want string
	}{
		{&Key{}, "key without key material"},
		{&Key{Kid: "k1", Alg: "ES256"}, `key without key material, kid "k1", alg "ES256"`},
		{nil, "<nil>"},
	} {
		var got string
		func() {
			defer func() {
				if r := recover(); r != nil {
					got = fmt.Sprint("panic: ", r)
				}
			}()
			got = tc.k.String()
		}()
		if got != tc.want {
			t.Errorf("String() = %q, want %q", got, tc.want)
		}
	}
	k, err := Generate("ES256", nil)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := k.String(), `EC P-256 private key, alg "ES256"`; got != want {
		t.Errorf("String() = %q, want %q", got, want)
	}
}
