package jwk

import (
	"bytes"
	"crypto/sha1"
	"crypto/sha256"
	"fmt"
	"strings"
	"testing"

	"github.com/lwscrypto/lwscrypto/jose"
	"github.com/lwscrypto/lwscrypto/lejp"
)

// metaRule is one rule Parse applies to a JWK's metadata members, as a
// change to a good key that breaks it.
type metaRule struct {
	name     string
	member   string // the member the error must name
	sentinel error
	break_   func(t *testing.T, k *Key, leaf []byte)
}

// metaRules lists every metadata rule of Parse (parse.go): the sizes of
// "x5t" and "x5t#S256", "x5c" certificates that are empty, not
// certificates, or whose leaf does not hold the key, thumbprints of
// another certificate than the leaf, "key_ops" that repeat an operation or
// contradict "use", and the bounds jose puts on arrays of strings.
var metaRules = []metaRule{
	{"x5t of 19 bytes", `"x5t"`, jose.ErrMalformed, func(t *testing.T, k *Key, _ []byte) { k.X5t = make([]byte, 19) }},
	{"x5t of 21 bytes", `"x5t"`, jose.ErrMalformed, func(t *testing.T, k *Key, _ []byte) { k.X5t = make([]byte, 21) }},
	{"x5t empty", `"x5t"`, jose.ErrMalformed, func(t *testing.T, k *Key, _ []byte) { k.X5t = []byte{} }},
	{"x5t#S256 of 31 bytes", `"x5t#S256"`, jose.ErrMalformed, func(t *testing.T, k *Key, _ []byte) { k.X5tS256 = make([]byte, 31) }},
	{"x5t#S256 of 20 bytes", `"x5t#S256"`, jose.ErrMalformed, func(t *testing.T, k *Key, _ []byte) { k.X5tS256 = make([]byte, 20) }},
	{"x5t#S256 empty", `"x5t#S256"`, jose.ErrMalformed, func(t *testing.T, k *Key, _ []byte) { k.X5tS256 = []byte{} }},
	{"x5c leaf of another key", `"x5c"`, jose.ErrKey, func(t *testing.T, k *Key, _ []byte) {
		other, _ := Generate("ES256", nil)
		k.X5c = [][]byte{selfSigned(t, other)}
	}},
	{"x5c leaf not a certificate", `"x5c"`, jose.ErrMalformed, func(t *testing.T, k *Key, _ []byte) { k.X5c = [][]byte{[]byte("hello")} }},
	{"x5c leaf empty", `"x5c"`, jose.ErrMalformed, func(t *testing.T, k *Key, _ []byte) { k.X5c = [][]byte{{}} }},
	{"x5c with an empty certificate after the leaf", `"x5c"`, jose.ErrMalformed, func(t *testing.T, k *Key, leaf []byte) { k.X5c = [][]byte{leaf, {}} }},
	{"x5c of more than jose.MaxStrings certificates", `"x5c"`, jose.ErrLimit, func(t *testing.T, k *Key, leaf []byte) {
		k.X5c = make([][]byte, jose.MaxStrings+1)
		for i := range k.X5c {
			k.X5c[i] = leaf
		}
	}},
	{"x5t of another certificate", `"x5t"`, jose.ErrKey, func(t *testing.T, k *Key, leaf []byte) {
		k.X5c, k.X5t = [][]byte{leaf}, make([]byte, sha1.Size)
	}},
	{"x5t#S256 of another certificate", `"x5t#S256"`, jose.ErrKey, func(t *testing.T, k *Key, leaf []byte) {
		k.X5c, k.X5tS256 = [][]byte{leaf}, make([]byte, sha256.Size)
	}},
	{"key_ops repeats sign", `"key_ops"`, jose.ErrKey, func(t *testing.T, k *Key, _ []byte) { k.KeyOps = []string{"sign", "verify", "sign"} }},
	{"key_ops repeats an unknown operation", `"key_ops"`, jose.ErrKey, func(t *testing.T, k *Key, _ []byte) { k.KeyOps = []string{"x", "x"} }},
	{"key_ops encrypt with use sig", `"key_ops"`, jose.ErrKey, func(t *testing.T, k *Key, _ []byte) {
		k.Use, k.KeyOps = "sig", []string{"verify", "encrypt"}
	}},
	{"key_ops sign with use enc", `"key_ops"`, jose.ErrKey, func(t *testing.T, k *Key, _ []byte) {
		k.Use, k.KeyOps = "enc", []string{"sign"}
	}},
	{"key_ops verify with an unknown use", `"key_ops"`, jose.ErrKey, func(t *testing.T, k *Key, _ []byte) {
		k.Use, k.KeyOps = "other", []string{"verify"}
	}},
	{"key_ops of more than jose.MaxStrings operations", `"key_ops"`, jose.ErrLimit, func(t *testing.T, k *Key, _ []byte) {
		k.KeyOps = make([]string, jose.MaxStrings+1)
		for i := range k.KeyOps {
			k.KeyOps[i] = strings.Repeat("o", i+1)
		}
	}},
}

// metaBase is a public EC key and a self-signed certificate of it.
func metaBase(t *testing.T) (*Key, []byte) {
	t.Helper()
	k, err := Generate("ES256", nil)
	if err != nil {
		t.Fatal(err)
	}
	leaf := selfSigned(t, k)
	pub, err := k.PublicKey()
	if err != nil {
		t.Fatal(err)
	}
	return pub, leaf
}

// TestMarshalMetadataRules: AppendJSON (so MarshalJSON and Set.AppendJSON)
// refuses the metadata that Parse refuses, with Parse's sentinel and an
// error naming the member, and leaves dst as it was, so that no JWK or
// JWKS is published that this package cannot read back. Every row fails
// on the base, which wrote these keys without an error.
func TestMarshalMetadataRules(t *testing.T) {
	for _, r := range metaRules {
		t.Run(r.name, func(t *testing.T) {
			k, leaf := metaBase(t)
			r.break_(t, k, leaf)
			dst := []byte("prefix")
			out, err := k.AppendJSON(dst)
			wantErr(t, "AppendJSON", err, r.sentinel)
			if err != nil && !strings.Contains(err.Error(), r.member) {
				t.Errorf("AppendJSON: %v does not name %s", err, r.member)
			}
			if string(out) != "prefix" {
				t.Errorf("AppendJSON changed dst: %.60q", out)
			}
			_, err = (&Set{Keys: []*Key{k}}).AppendJSON(nil)
			wantErr(t, "Set.AppendJSON", err, r.sentinel)
			// The rule is Parse's: the JWK written without the check is
			// refused with the same sentinel.
			_, err = Parse(uncheckedJSON(t, k))
			wantErr(t, "Parse", err, r.sentinel)
		})
	}
}

// TestMarshalMetadataAccepted: what Parse accepts, AppendJSON writes, and
// it reads back with the same metadata: unknown "use" values and
// operations (RFC 7517 §4.2, §4.3 allow other values), any "alg" (RFC 7517
// §4.4 makes it a hint; CheckUse, not Parse, binds it to the key type),
// "key_ops": [] (no operation), "x5c" with matching thumbprints and a
// chain whose later certificates are not verified (the leaf again, as its
// own issuer), jose.MaxStrings operations.
func TestMarshalMetadataAccepted(t *testing.T) {
	for name, set := range map[string]func(k *Key, leaf []byte){
		"unknown use":          func(k *Key, _ []byte) { k.Use = "other" },
		"unknown use, ops":     func(k *Key, _ []byte) { k.Use, k.KeyOps = "other", []string{"x", "y"} },
		"use sig, unknown ops": func(k *Key, _ []byte) { k.Use, k.KeyOps = "sig", []string{"verify", "x"} },
		"alg of another kty":   func(k *Key, _ []byte) { k.Alg = "RS256" },
		"alg unknown":          func(k *Key, _ []byte) { k.Alg = "XYZ" },
		"key_ops empty":        func(k *Key, _ []byte) { k.KeyOps = []string{} },
		"x5c and thumbprints": func(k *Key, leaf []byte) {
			s1, s256 := sha1.Sum(leaf), sha256.Sum256(leaf)
			k.X5c, k.X5t, k.X5tS256 = [][]byte{leaf, leaf}, s1[:], s256[:]
		},
		"thumbprints without x5c": func(k *Key, _ []byte) { k.X5t, k.X5tS256 = make([]byte, 20), make([]byte, 32) },
		"jose.MaxStrings ops": func(k *Key, _ []byte) {
			k.KeyOps = make([]string, jose.MaxStrings)
			for i := range k.KeyOps {
				k.KeyOps[i] = strings.Repeat("o", i+1)
			}
		},
	} {
		k, leaf := metaBase(t)
		set(k, leaf)
		out, err := k.AppendJSON(nil)
		if err != nil {
			t.Errorf("%s: AppendJSON: %v", name, err)
			continue
		}
		back, err := Parse(out)
		if err != nil {
			t.Errorf("%s: Parse: %v", name, err)
			continue
		}
		if !back.Equal(k) || !sameMeta(back, k) {
			t.Errorf("%s: read back as another key: %s", name, out)
		}
	}
}

// sameMeta reports whether a and b have the same metadata fields.
func sameMeta(a, b *Key) bool {
	return a.Kid == b.Kid && a.Alg == b.Alg && a.Use == b.Use && a.X5u == b.X5u &&
		(a.KeyOps == nil) == (b.KeyOps == nil) && slicesEqual(a.KeyOps, b.KeyOps) &&
		len(a.X5c) == len(b.X5c) && func() bool {
		for i := range a.X5c {
			if !bytes.Equal(a.X5c[i], b.X5c[i]) {
				return false
			}
		}
		return true
	}() && bytes.Equal(a.X5t, b.X5t) && bytes.Equal(a.X5tS256, b.X5tS256) &&
		(a.X5t == nil) == (b.X5t == nil) && (a.X5tS256 == nil) == (b.X5tS256 == nil)
}

func slicesEqual(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// TestMarshalSetRules: Set.AppendJSON refuses a set that ParseSet would
// refuse or read as another set: two keys with one kid, public keys mixed
// with private ones, more than MaxSetKeys keys, a nil key (the base
// panicked), a zero Key (no material: the base wrote "kty":""), and
// Skipped values that are not objects, hold names differing only in case,
// or are keys this package reads (ParseSet would put them in Keys). The
// base wrote all of them.
func TestMarshalSetRules(t *testing.T) {
	pub, _ := metaBase(t)
	priv, _ := Generate("ES256", nil)
	withKid := func(k *Key, kid string) *Key {
		c := k.clone()
		c.Kid = kid
		return c
	}
	many := func(n int) *Set {
		s := &Set{Keys: make([]*Key, n)}
		for i := range s.Keys {
			s.Keys[i] = pub
		}
		return s
	}
	for name, c := range map[string]struct {
		s        *Set
		sentinel error
	}{
		"two keys with kid a":           {&Set{Keys: []*Key{withKid(pub, "a"), withKid(pub, "a")}}, jose.ErrKey},
		"public and private keys":       {&Set{Keys: []*Key{pub, priv}}, jose.ErrKey},
		"MaxSetKeys+1 keys":             {many(MaxSetKeys + 1), jose.ErrLimit},
		"MaxSetKeys keys and a skipped": {&Set{Keys: many(MaxSetKeys).Keys, Skipped: [][]byte{[]byte(`{"kty":"XYZ"}`)}}, jose.ErrLimit},
		"nil key":                       {&Set{Keys: []*Key{pub, nil}}, jose.ErrKey},
		"zero key":                      {&Set{Keys: []*Key{{}}}, jose.ErrKey},
		"skipped array":                 {&Set{Skipped: [][]byte{[]byte(`[1]`)}}, jose.ErrMalformed},
		"skipped string":                {&Set{Skipped: [][]byte{[]byte(`"XYZ"`)}}, jose.ErrMalformed},
		"skipped case variants":         {&Set{Skipped: [][]byte{[]byte(`{"kty":"XYZ","kid":"a","Kid":"b"}`)}}, jose.ErrMalformed},
		"skipped without kty":           {&Set{Skipped: [][]byte{[]byte(`{"kid":"a"}`)}}, jose.ErrMalformed},
		"skipped supported key":         {&Set{Skipped: [][]byte{mustJSON(t, pub)}}, jose.ErrMalformed},
	} {
		out, err := c.s.AppendJSON([]byte("prefix"))
		wantErr(t, name, err, c.sentinel)
		if string(out) != "prefix" {
			t.Errorf("%s: dst changed: %.60q", name, out)
		}
	}
	// MaxSetKeys keys, and a skipped key of a curve this package does not
	// support, are written and read back.
	for name, s := range map[string]*Set{
		"MaxSetKeys keys":   many(MaxSetKeys),
		"skipped secp256k1": {Keys: []*Key{pub}, Skipped: [][]byte{[]byte(`{"kty":"EC","crv":"secp256k1","x":"AA","y":"AA"}`)}},
	} {
		out, err := s.AppendJSON(nil)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		back, err := ParseSet(out)
		if err != nil || len(back.Keys) != len(s.Keys) || len(back.Skipped) != len(s.Skipped) {
			t.Errorf("%s: ParseSet: %v", name, err)
		}
	}
	// A zero Key alone.
	_, err := (&Key{}).AppendJSON(nil)
	wantErr(t, "zero Key", err, jose.ErrKey)
}

// uncheckedJSON writes k as AppendJSON does but without the metadata rules
// (writeMembers), for tests of Parse that need a JWK breaking them. It is
// internal: the public API no longer writes such keys.
func uncheckedJSON(t testing.TB, k *Key) []byte {
	t.Helper()
	var w lejp.Writer
	w.Reset(nil)
	if _, err := k.writeMembers(&w, nil); err != nil {
		t.Fatal(err)
	}
	out, err := w.Finish()
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestAppendJSONAllocs: the metadata rules allocate nothing, so AppendJSON
// into a large enough dst allocates as before them (6 for a public EC key
// with kid, alg, use and key_ops; 12 for a set of two), and a failing
// check allocates only its error.
func TestAppendJSONAllocs(t *testing.T) {
	k, _ := metaBase(t)
	k.Kid, k.Use, k.KeyOps = "k1", "sig", []string{"verify"}
	k2 := k.clone()
	k2.Kid = "k2"
	s := &Set{Keys: []*Key{k, k2}}
	dst := make([]byte, 0, 4096)
	for name, c := range map[string]struct {
		f    func() error
		most float64
	}{
		"key": {func() error { _, err := k.AppendJSON(dst); return err }, 6},
		"set": {func() error { _, err := s.AppendJSON(dst); return err }, 12},
	} {
		if err := c.f(); err != nil {
			t.Fatal(err)
		}
		n := testing.AllocsPerRun(50, func() { c.f() })
		t.Logf("%s: %v", name, n)
		if n > c.most {
			t.Errorf("%s: %v allocations, want at most %v", name, n, c.most)
		}
	}
}

// TestMarshalExtraCaseVariant: a member Parse kept raw (Extra) whose name
// differs only in case from a metadata member set afterwards ("KID" kept,
// then Kid set) would be written next to it, and Parse refuses names that
// differ only in case (catalog row 20). AppendJSON refuses to write such a
// key (jose.ErrMalformed, naming the member); the base wrote it.
func TestMarshalExtraCaseVariant(t *testing.T) {
	for name, set := range map[string]func(k *Key){
		"KID":     func(k *Key) { k.Kid = "a" },
		"Alg":     func(k *Key) { k.Alg = "HS256" },
		"X5T":     func(k *Key) { k.X5t = make([]byte, 20) },
		"Key_Ops": func(k *Key) { k.KeyOps = []string{"sign"} },
	} {
		k := mustParse(t, `{"kty":"oct","k":"AAAA","`+name+`":"x"}`)
		if _, err := k.AppendJSON(nil); err != nil {
			t.Fatalf("%s alone: %v", name, err)
		}
		set(k)
		_, err := Parse(uncheckedJSON(t, k))
		wantErr(t, name+": Parse", err, jose.ErrMalformed)
		out, err := k.AppendJSON(nil)
		wantErr(t, name+": AppendJSON", err, jose.ErrMalformed)
		if err != nil && !strings.Contains(err.Error(), name) {
			t.Errorf("%s: %v does not name the member", name, err)
		}
		if out != nil {
			t.Errorf("%s: wrote %s", name, out)
		}
	}
}

// TestMarshalMemberLimit: Parse reads at most jose.MaxMembers members, so
// AppendJSON does not write more: a key parsed with that many (kept raw)
// is written back, but not once a metadata field adds one (jose.ErrLimit).
// The base wrote jose.MaxMembers+1 members, which Parse refuses.
func TestMarshalMemberLimit(t *testing.T) {
	var b strings.Builder
	b.WriteString(`{"kty":"oct","k":"AAAA"`)
	for i := range jose.MaxMembers - 2 {
		fmt.Fprintf(&b, `,"m%d":0`, i)
	}
	b.WriteString("}")
	k := mustParse(t, b.String())
	if _, err := Parse(mustJSON(t, k)); err != nil {
		t.Fatalf("%d members: %v", jose.MaxMembers, err)
	}
	k.Kid = "a"
	_, err := Parse(uncheckedJSON(t, k))
	wantErr(t, "Parse of one more", err, jose.ErrLimit)
	_, err = k.AppendJSON(nil)
	wantErr(t, "AppendJSON of one more", err, jose.ErrLimit)
}
