package jwk

import (
	"bytes"
	"crypto/rsa"
	"crypto/x509"
	"encoding/pem"
	"errors"
	"strings"
	"sync"
	"testing"

	"github.com/lwscrypto/lwscrypto/internal/testenv"

	"github.com/lwscrypto/lwscrypto/jose"
)

// anyKeys are the keys the ParseAny tests write in every format: made
// once (an RSA key takes a while), private, with a kid and an alg.
var anyKeys = sync.OnceValue(func() []*Key {
	var ks []*Key
	for _, alg := range []string{"RS256", "ES256", "ES384", "ES512", "EdDSA", "HS256"} {
		k, err := Generate(alg, nil)
		if err != nil {
			panic(err)
		}
		k.Kid, k.Alg = "kid-"+alg, alg
		ks = append(ks, k)
	}
	x, err := Generate("ECDH-ES", &GenerateOptions{Curve: CurveX25519})
	if err != nil {
		panic(err)
	}
	x.Kid = "kid-X25519"
	return append(ks, x)
})

func anyPEM(typ string, der []byte) []byte {
	return pem.EncodeToMemory(&pem.Block{Type: typ, Bytes: der})
}

// sameSet fails unless got and want hold the same keys (material and
// metadata: their JSON), in order, and the same Skipped.
func sameSet(t *testing.T, name string, got, want *Set) {
	t.Helper()
	if len(got.Keys) != len(want.Keys) || len(got.Skipped) != len(want.Skipped) {
		t.Fatalf("%s: %d keys, %d skipped; want %d, %d", name, len(got.Keys), len(got.Skipped), len(want.Keys), len(want.Skipped))
	}
	for i, k := range got.Keys {
		if !k.Equal(want.Keys[i]) || !bytes.Equal(mustJSON(t, k), mustJSON(t, want.Keys[i])) {
			t.Errorf("%s: key %d is %s, want %s", name, i, k, want.Keys[i])
		}
	}
	for i, r := range got.Skipped {
		if !bytes.Equal(r, want.Skipped[i]) {
			t.Errorf("%s: skipped %d is %s, want %s", name, i, r, want.Skipped[i])
		}
	}
	if !bytes.Equal(mustJSON(t, got), mustJSON(t, want)) {
		t.Errorf("%s: the sets write differently", name)
	}
}

type anyCase struct {
	name   string
	data   []byte
	reader func([]byte) (*Set, error) // the specific reader of data
}

func oneKey(parse func([]byte) (*Key, error)) func([]byte) (*Set, error) {
	return func(b []byte) (*Set, error) {
		k, err := parse(b)
		if err != nil {
			return nil, err
		}
		return &Set{Keys: []*Key{k}}, nil
	}
}

// anyCases are inputs of every format ParseAny reads, each with the
// reader that reads it.
func anyCases(t testing.TB) []anyCase {
	var cs []anyCase
	var privs, pubs [][]byte
	for _, k := range anyKeys() {
		j := mustJSON(t, k)
		privs = append(privs, j)
		cs = append(cs, anyCase{"JWK private " + k.Kid, j, oneKey(Parse)},
			anyCase{"JWK in whitespace " + k.Kid, append(append([]byte(" \r\n\t"), j...), "\n \t\r\n"...), oneKey(Parse)})
		if k.kty == KeyTypeOct {
			continue
		}
		pub, err := k.PublicKey()
		if err != nil {
			t.Fatal(err)
		}
		pj := mustJSON(t, pub)
		pubs = append(pubs, pj)
		cs = append(cs, anyCase{"JWK public " + k.Kid, pj, oneKey(Parse)})
		p8, err := k.MarshalPEM()
		if err != nil {
			t.Fatal(err)
		}
		spki, err := pub.MarshalPEM()
		if err != nil {
			t.Fatal(err)
		}
		cs = append(cs, anyCase{"PEM PKCS#8 " + k.Kid, p8, oneKey(ParsePEM)},
			anyCase{"PEM SPKI " + k.Kid, spki, oneKey(ParsePEM)},
			anyCase{"PEM after text " + k.Kid, append([]byte("Bag Attributes\n    localKeyID: 01\n"), p8...), oneKey(ParsePEM)})
		if typ, der, err := k.MarshalLegacyDER(); err == nil { // PKCS #1, SEC 1
			cs = append(cs, anyCase{"PEM " + typ + " " + k.Kid, anyPEM(typ, der), oneKey(ParsePEM)})
		}
		if k.kty != KeyTypeOKP || k.crv == CurveEd25519 { // a signing key signs its certificate
			leaf, root := selfSigned(t, k), selfSigned(t, k)
			chain := append(anyPEM("CERTIFICATE", leaf), anyPEM("CERTIFICATE", root)...)
			cs = append(cs, anyCase{"PEM certificate chain " + k.Kid, chain, oneKey(ParsePEM)})
		}
	}
	rsaPub, _ := anyKeys()[0].PublicKey()
	cs = append(cs, anyCase{"PEM RSA PUBLIC KEY", anyPEM("RSA PUBLIC KEY", x509.MarshalPKCS1PublicKey(rsaPub.Public().(*rsa.PublicKey))), oneKey(ParsePEM)})
	set := func(members ...[]byte) []byte {
		return append(append([]byte(`{"keys":[`), bytes.Join(members, []byte(","))...), "]}"...)
	}
	ed448 := []byte(`{"kty":"OKP","crv":"Ed448","x":"X9dEm1m0Yf0s54fsYWrUah2hNCSFpw4fig6nXYDpZ3jt8SR2m0bHBhvWeD3x5Q9s0foavq_oJWGA"}`)
	cs = append(cs, anyCase{"JWK Set private", set(privs...), ParseSet},
		anyCase{"JWK Set public", set(pubs...), ParseSet},
		anyCase{"JWK Set with an unsupported key", set(pubs[0], ed448), ParseSet},
		anyCase{"JWK Set only unsupported", set(ed448), ParseSet},
		anyCase{"JWK Set empty", []byte(` {"keys":[]} `), ParseSet},
		anyCase{"JWK Set with members", []byte(`{"keys":[],"x":1}`), ParseSet})
	return cs
}

func TestParseAnyReadsEachFormatAsItsReader(t *testing.T) {
	for _, c := range anyCases(t) {
		want, err := c.reader(c.data)
		if err != nil {
			t.Fatalf("%s: the reader refuses the fixture: %v", c.name, err)
		}
		got, isSet, err := ParseAny(c.data)
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		if wantSet := strings.HasPrefix(c.name, "JWK Set"); isSet != wantSet {
			t.Errorf("%s: isSet %v", c.name, isSet)
		}
		sameSet(t, c.name, got, want)
	}
}

func TestParseAnyRefusesWhatNoReaderReads(t *testing.T) {
	es, _ := Generate("ES256", nil)
	typ, der, err := es.MarshalDER()
	if err != nil {
		t.Fatal(err)
	}
	j := mustJSON(t, es)
	for _, c := range []struct {
		name, data string
		want       string // in the error
	}{
		{"empty", "", "empty or only whitespace"},
		{"whitespace", " \r\n\t \n", "empty or only whitespace"},
		{"BOM before a JWK", "\xef\xbb\xbf" + string(j), "byte order mark"},
		{"BOM before PEM", "\xef\xbb\xbf" + string(anyPEM(typ, der)), "byte order mark"},
		{"DER", string(der), "begins as DER does, not a JWK"},
		{"CBOR", "\xa4\x01\x01\x20\x06\x21\x58\x20" + strings.Repeat("\x00", 32), "binary data"},
		{"NUL in text", "abc\x00def", "binary data"},
		{"OpenSSH public key", "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl me@host\n", "OpenSSH public key line"},
		{"OpenSSH security key", "sk-ssh-ed25519@openssh.com AAAA x\n", "OpenSSH public key line"},
		{"JSON array", ` [` + string(j) + `]`, "JSON array"},
		{"JSON string", `"` + string(j[:10]) + `"`, "JSON string"},
		{"JSON number", `42`, "the input is text, not"},
		{"other text", "hello\n", "the input is text, not"},
		{"JSON object, no kty, no keys", `{"n":"AQAB"}`, `neither "kty"`},
		{"empty object", `{}`, `neither "kty"`},
		{"kty and keys", `{"kty":"oct","k":"AAAA","keys":[]}`, `both "kty"`},
		{"keys and kty", `{"keys":[],"kty":"oct"}`, `both "kty"`},
		{"JSON then text", string(j) + "x", "lejp"},
		{"JSON with a PEM block", "{\n" + string(anyPEM(typ, der)), "holds PEM"},
	} {
		s, isSet, err := ParseAny([]byte(c.data))
		if s != nil || isSet || !errors.Is(err, jose.ErrMalformed) || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v, %v; want jose.ErrMalformed saying %q", c.name, s, err, c.want)
		}
		// The input may be a secret: the error shows none of it.
		if n := len(c.data); err != nil && n >= 16 && c.name != "JSON then text" && strings.Contains(err.Error(), c.data[n/2-4:n/2+4]) {
			t.Errorf("%s: the error shows the input: %v", c.name, err)
		}
	}
}

// TestParseAnyRefusesAsItsReader: what the reader ParseAny picks refuses,
// ParseAny refuses with the reader's own error.
func TestParseAnyRefusesAsItsReader(t *testing.T) {
	ks := anyKeys()
	rsa, es := ks[0], ks[1]
	esPub, _ := es.PublicKey()
	p8, _ := rsa.MarshalPEM()
	p8b, _ := es.MarshalPEM()
	spki, _ := esPub.MarshalPEM()
	cert := anyPEM("CERTIFICATE", selfSigned(t, es))
	dup := *es
	dup.Alg = ""
	big := append(bytes.Repeat([]byte("comment line\n"), maxPEM/13+1), spki...)
	for _, c := range []struct {
		name   string
		data   []byte
		reader func([]byte) (*Set, error)
		is     error
	}{
		{"JWK of an unsupported curve", []byte(`{"kty":"OKP","crv":"Ed448","x":"X9dEm1m0Yf0s54fsYWrUah2hNCSFpw4fig6nXYDpZ3jt8SR2m0bHBhvWeD3x5Q9s0foavq_oJWGA"}`), oneKey(Parse), jose.ErrKey},
		{"JWK without kty", []byte(`{"kty":1}`), oneKey(Parse), jose.ErrMalformed},
		{"JWK bad material", []byte(`{"kty":"EC","crv":"P-256","x":"AA","y":"AA"}`), oneKey(Parse), jose.ErrKey},
		{"JWK duplicate member", []byte(`{"kty":"oct","k":"AAAA","k":"AAAA"}`), oneKey(Parse), jose.ErrMalformed},
		{"JWK Set duplicate kid", []byte(`{"keys":[` + string(mustJSON(t, es)) + `,` + string(mustJSON(t, &dup)) + `]}`), ParseSet, jose.ErrKey},
		{"JWK Set mixing public and private", []byte(`{"keys":[` + string(mustJSON(t, ks[2])) + `,` + string(mustJSON(t, esPub)) + `]}`), ParseSet, jose.ErrKey},
		{"JWK Set keys not an array", []byte(`{"keys":{}}`), ParseSet, jose.ErrMalformed},
		{"JWK Set bad key", []byte(`{"keys":[{"kty":"EC"}]}`), ParseSet, jose.ErrKey},
		{"PEM two keys", append(append([]byte{}, p8...), p8b...), oneKey(ParsePEM), jose.ErrMalformed},
		{"PEM private key and its certificate", append(append([]byte{}, p8b...), cert...), oneKey(ParsePEM), jose.ErrMalformed},
		{"PEM private and public key", append(append([]byte{}, p8b...), spki...), oneKey(ParsePEM), jose.ErrMalformed},
		{"PEM broken block", []byte("-----BEGIN PUBLIC KEY-----\n!!!\n-----END PUBLIC KEY-----\n"), oneKey(ParsePEM), jose.ErrMalformed},
		{"PEM indented BEGIN line", append([]byte("  "), spki...), oneKey(ParsePEM), jose.ErrMalformed},
		{"PEM encrypted", []byte("-----BEGIN ENCRYPTED PRIVATE KEY-----\nAAAA\n-----END ENCRYPTED PRIVATE KEY-----\n"), oneKey(ParsePEM), jose.ErrMalformed},
		{"PEM OpenSSH private key", []byte("-----BEGIN OPENSSH PRIVATE KEY-----\nAAAA\n-----END OPENSSH PRIVATE KEY-----\n"), oneKey(ParsePEM), jose.ErrMalformed},
		{"PEM over ParsePEM's bound", big, oneKey(ParsePEM), jose.ErrLimit},
	} {
		_, rerr := c.reader(c.data)
		if rerr == nil {
			t.Fatalf("%s: the reader accepts it", c.name)
		}
		s, isSet, err := ParseAny(c.data)
		if s != nil || isSet || err == nil || err.Error() != rerr.Error() || !errors.Is(err, c.is) {
			t.Errorf("%s: %v, %v; want the reader's %v", c.name, s, err, rerr)
		}
	}
}

// TestParseAnyAllocsAsItsReader: ParseAny costs what its reader costs,
// plus reading the top-level object once to tell a JWK from a set (which
// allocates per member, not per byte) and the Set of one key.
func TestParseAnyAllocsAsItsReader(t *testing.T) {
	if testenv.Race {
		t.Skip("allocation counts differ under -race (CI's race step); the test step counts them")
	}
	es := anyKeys()[1]
	pub, _ := es.PublicKey()
	j := mustJSON(t, pub)
	var members [][]byte
	for i := range 64 {
		k := *pub
		k.Kid = strings.Repeat("k", i+1)
		members = append(members, mustJSON(t, &k))
	}
	set := append(append([]byte(`{"keys":[`), bytes.Join(members, []byte(","))...), "]}"...)
	p, _ := pub.MarshalPEM()
	pad := func(b []byte) []byte {
		return append(append(bytes.Repeat([]byte(" \n"), 1<<11), b...), bytes.Repeat([]byte("\n"), 1<<12)...)
	}
	// Counted with the collector off: the set's 20 runs start collections,
	// whose pool refills added up to 4 allocations each (12 in all at
	// GOGC=1) to a count whose only slack, in an exact comparison, is what
	// AllocsPerRun's rounding down hides (15 over 20 runs here).
	allocs := func(f func() error) float64 {
		return testenv.AllocsPerRun(20, func() {
			if err := f(); err != nil {
				t.Fatal(err)
			}
		})
	}
	for _, c := range []struct {
		name   string
		data   []byte
		reader func([]byte) (*Set, error)
		json   bool
	}{
		{"JWK", j, oneKey(Parse), true},
		{"JWK Set", set, ParseSet, true},
		{"PEM", p, oneKey(ParsePEM), false},
	} {
		reader := allocs(func() error { _, err := c.reader(c.data); return err })
		object := 0.0
		if c.json {
			object = allocs(func() error { _, err := jose.ParseObject(c.data); return err })
		}
		got := allocs(func() error { _, _, err := ParseAny(c.data); return err })
		if got > reader+object {
			t.Errorf("%s: %v allocations; the reader makes %v (the Set of one key included), the object %v", c.name, got, reader, object)
		}
		// Whitespace (read by no allocation) costs none.
		padded := pad(c.data)
		if n := allocs(func() error { _, _, err := ParseAny(padded); return err }); n > got {
			t.Errorf("%s: %v allocations with 8 KiB of whitespace around it, %v without", c.name, n, got)
		}
	}
}
