package main

import (
	"encoding/base64"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestJWKGenOctKidIsNotThumbprint: jwk gen for a symmetric (oct) key does
// not write its RFC 7638 thumbprint as "kid": that is a hash of the secret,
// which RFC 7638 §7 says to keep from those who do not hold the key, and a
// "kid" goes out in every token signed with it. Its default "kid" is
// random instead (so a JWK Set of several keys still selects it), and
// tokens carry that. On the base the oct key's kid was its thumbprint.
func TestJWKGenOctKidIsNotThumbprint(t *testing.T) {
	dir := t.TempDir()
	seen := map[string]bool{}
	for _, alg := range []string{"HS256", "HS512", "A256KW", "dir"} {
		key := filepath.Join(dir, alg+".jwk")
		mustRunCLI(t, "", "jwk", "gen", "--alg", alg, "-o", key)
		b, _ := os.ReadFile(key)
		var k struct{ Kid string }
		if err := json.Unmarshal(b, &k); err != nil {
			t.Fatal(err)
		}
		tp := strings.TrimSpace(mustRunCLI(t, "", "jwk", "thumbprint", key))
		if k.Kid == "" || k.Kid == tp || seen[k.Kid] {
			t.Errorf("%s: kid %q (thumbprint %q): want a kid of its own, not the thumbprint", alg, k.Kid, tp)
		}
		seen[k.Kid] = true
		if !strings.HasPrefix(alg, "HS") {
			continue
		}
		tok := mustRunCLI(t, "hi", "jws", "sign", "--key", key)
		hdr, _ := base64.RawURLEncoding.DecodeString(strings.Split(tok, ".")[0])
		if strings.Contains(string(hdr), tp) || !strings.Contains(string(hdr), `"kid":"`+k.Kid+`"`) {
			t.Errorf("%s: token header %s: want kid %s, never the thumbprint", alg, hdr, k.Kid)
		}
	}
}
