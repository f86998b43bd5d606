package jwk

import (
	"bytes"
	"crypto"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/lwscrypto/lwscrypto/internal/corpus"
)

// keySeeds adds the cookbook and Wycheproof JWKs and JWK Sets, and odd
// shapes, to a fuzz corpus.
func keySeeds(f *testing.F) {
	for _, s := range []string{rfc7638Key, rfc8037Key,
		`{"kty":"EC","crv":"P-256","x":"` + p256x + `","y":"` + p256y + `","d":"` + p256d + `"}`,
		`{"kty":"oct","k":"AAAA","kid":"a","use":"sig","key_ops":["sign"],"ext":[1]}`,
		`{"kty":"OKP","crv":"X25519","x":"3p7bfXt9wbTTW2HC7OQ1Nz-DQ8hbeGdNrfx-FG-IK08"}`,
		`{"keys":[{"kty":"oct","k":"AAAA"}]}`, `{"kty":"RSA","n":"AQAB","e":"AQAB"}`, `{}`,
	} {
		f.Add([]byte(s))
	}
	dir, err := corpus.Dir()
	if err != nil {
		return
	}
	fs, _ := filepath.Glob(filepath.Join(dir, "jose-cookbook", "jwk", "*.json"))
	for _, p := range fs {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b)
		}
	}
	if b, err := os.ReadFile(filepath.Join(dir, "wycheproof", "testvectors_v1", "json_web_key_test.json")); err == nil {
		var file struct {
			TestGroups []struct{ Private, Public json.RawMessage }
		}
		json.Unmarshal(b, &file)
		for _, g := range file.TestGroups {
			for _, s := range []json.RawMessage{g.Private, g.Public} {
				if len(s) > 0 {
					f.Add([]byte(s))
				}
			}
		}
	}
}

// FuzzParse: no panic; a parsed key writes JSON that parses to an equal key
// with the same thumbprint, and writing that again is byte-identical.
func FuzzParse(f *testing.F) {
	keySeeds(f)
	f.Fuzz(func(t *testing.T, raw []byte) {
		k, err := Parse(raw)
		if err != nil {
			if k != nil {
				t.Fatal("error with a partial result")
			}
			return
		}
		out := mustJSON(t, k)
		k2, err := Parse(out)
		if err != nil {
			t.Fatalf("written key %s does not parse: %v", out, err)
		}
		if !k.Equal(k2) || !bytes.Equal(mustJSON(t, k2), out) {
			t.Fatalf("not stable: %s", out)
		}
		t1, err1 := k.Thumbprint(crypto.SHA256)
		t2, err2 := k2.Thumbprint(crypto.SHA256)
		if err1 != nil || err2 != nil || !bytes.Equal(t1, t2) {
			t.Fatal("thumbprint changed")
		}
		if k.KeyType() != KeyTypeOct {
			pub, err := k.PublicKey()
			if err != nil || pub.IsPrivate() {
				t.Fatal("PublicKey")
			}
			if t3, _ := pub.Thumbprint(crypto.SHA256); !bytes.Equal(t1, t3) {
				t.Fatal("public half has another thumbprint")
			}
		}
	})
}

// FuzzParseSet: no panic; a parsed set writes JSON that parses to the same
// set, byte-identically.
func FuzzParseSet(f *testing.F) {
	keySeeds(f)
	f.Fuzz(func(t *testing.T, raw []byte) {
		s, err := ParseSet(raw)
		if err != nil {
			return
		}
		out := mustJSON(t, s)
		s2, err := ParseSet(out)
		if err != nil {
			t.Fatalf("written set %s does not parse: %v", out, err)
		}
		if !bytes.Equal(mustJSON(t, s2), out) || len(s2.Keys) != len(s.Keys) {
			t.Fatalf("not stable: %s", out)
		}
	})
}
