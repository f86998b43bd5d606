package jwk

import (
	"bytes"
	"crypto"
	"crypto/sha1"
	"crypto/sha256"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/lwscrypto/lwscrypto/internal/corpus"
	"github.com/lwscrypto/lwscrypto/lejp"
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

// FuzzParse: no panic; a parsed key writes JSON (whatever Parse accepts,
// AppendJSON writes) that parses to an equal key with the same metadata
// and thumbprint, and writing that again is byte-identical.
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
		if !k.Equal(k2) || !sameMeta(k, k2) || !bytes.Equal(mustJSON(t, k2), out) {
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

// FuzzAppendJSON: AppendJSON and Parse agree on the metadata rules. A key
// gets fuzzed metadata (kid, alg, use, key_ops, x5t and x5t#S256 of any
// length, an x5c chain of its own certificate, another key's, garbage or
// an empty one) over members Parse kept raw (one may differ only in case
// from a metadata member); then what AppendJSON writes without error, Parse reads
// back as an equal key with the same metadata, and when AppendJSON
// refuses, the same JWK written without the checks (writeMembers) is
// refused by Parse too.
func FuzzAppendJSON(f *testing.F) {
	own, err := Generate("ES256", nil)
	if err != nil {
		f.Fatal(err)
	}
	other, _ := Generate("ES256", nil)
	leaf, otherLeaf := selfSigned(f, own), selfSigned(f, other)
	pub, _ := own.PublicKey()
	for _, s := range []struct {
		kid, alg, use, ops string
		opsSet             bool
		x5t, x5tS256, x5c  uint8
		extra              string
	}{
		{"k1", "ES256", "sig", "verify", true, 0, 0, 1, ""},
		{"", "", "sig", "verify,sign", true, 255, 255, 5, ""},
		{"", "", "enc", "verify", true, 0, 0, 0, ""},
		{"", "", "", "sign,sign", true, 0, 0, 0, ""},
		{"", "", "x", "", true, 20, 32, 0, ""},
		{"\xff", "", "", "", false, 19, 33, 2, ""},
		{"", "RS256", "", "", false, 0, 0, 3, ""},
		{"", "", "", "", false, 0, 0, 4, ""},
		{"", "", "", "", false, 1, 1, 6, ""},
		{"a", "", "", "", false, 0, 0, 0, "KID"},
		{"", "", "sig", "", false, 0, 0, 0, "Use"},
		{"", "", "", "", false, 0, 0, 0, "x5T#s256"},
	} {
		f.Add(s.kid, s.alg, s.use, s.ops, s.opsSet, s.x5t, s.x5tS256, s.x5c, s.extra)
	}
	f.Fuzz(func(t *testing.T, kid, alg, use, ops string, opsSet bool, x5t, x5tS256, x5c uint8, extra string) {
		k := pub.clone()
		if extra != "" {
			// A member Parse keeps raw, then the fields set over it.
			name, _ := json.Marshal(extra)
			raw := mustJSON(t, pub)
			raw = append(append(append([]byte{'{'}, name...), `:1,`...), raw[1:]...)
			if withExtra, err := Parse(raw); err == nil {
				k = withExtra
			}
		}
		k.Kid, k.Alg, k.Use = kid, alg, use
		if opsSet {
			k.KeyOps = []string{}
			if ops != "" {
				k.KeyOps = strings.Split(ops, ",")
			}
		}
		s1, s256 := sha1.Sum(leaf), sha256.Sum256(leaf)
		thumb := func(n uint8, right []byte) []byte {
			switch {
			case n == 0:
				return nil
			case n == 255:
				return right
			}
			return bytes.Repeat([]byte{n}, int(n-1))
		}
		k.X5t, k.X5tS256 = thumb(x5t, s1[:]), thumb(x5tS256, s256[:])
		switch x5c % 7 {
		case 1:
			k.X5c = [][]byte{leaf}
		case 2:
			k.X5c = [][]byte{leaf, {}}
		case 3:
			k.X5c = [][]byte{otherLeaf}
		case 4:
			k.X5c = [][]byte{[]byte(kid)}
		case 5:
			k.X5c = [][]byte{leaf, otherLeaf, []byte(alg)}
		case 6:
			k.X5c = [][]byte{}
		}
		out, err := k.AppendJSON(nil)
		var w lejp.Writer
		w.Reset(nil)
		_, rerr := k.writeMembers(&w, nil)
		raw, ferr := w.Finish()
		if rerr != nil || ferr != nil {
			if err == nil {
				t.Fatalf("AppendJSON wrote %s, which the Writer alone refuses: %v %v", out, rerr, ferr)
			}
			return
		}
		back, perr := Parse(raw)
		if err != nil {
			if perr == nil {
				t.Fatalf("AppendJSON refused (%v) a key Parse reads: %s", err, raw)
			}
			return
		}
		if !bytes.Equal(out, raw) {
			t.Fatalf("AppendJSON wrote %s, writeMembers %s", out, raw)
		}
		if perr != nil {
			t.Fatalf("AppendJSON wrote %s, which Parse refuses: %v", out, perr)
		}
		if !back.Equal(k) || !sameMeta(back, k) {
			t.Fatalf("read back as another key: %s", out)
		}
	})
}
