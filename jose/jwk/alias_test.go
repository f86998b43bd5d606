package jwk

import (
	"bytes"
	"crypto/ed25519"
	"slices"
	"testing"
)

// TestParseDoesNotAliasInput: what Parse and ParseSet return does not
// share memory with their input, as encoding/json's results do not (it
// copies even json.RawMessage): a caller that reuses its buffer (a pooled
// read buffer, the next request) must not change the keys it parsed. On
// the base the members kept raw (Extra), a set's Skipped keys and its
// other members aliased the input, so overwriting the buffer changed what
// Extra returned and what AppendJSON wrote.
func TestParseDoesNotAliasInput(t *testing.T) {
	raw := []byte(`{"kty":"oct","k":"AAAA","ext":"aaaa"}`)
	k, err := Parse(raw)
	if err != nil {
		t.Fatal(err)
	}
	want := mustJSON(t, k)
	overwrite(raw, "aaaa", "bbbb")
	if got := mustJSON(t, k); !bytes.Equal(got, want) {
		t.Errorf("key changed with its input: %s, was %s", got, want)
	}
	if v := k.Extra()[0].Value; string(v) != `"aaaa"` {
		t.Errorf("Extra changed with the input: %s", v)
	}

	raw = []byte(`{"keys":[{"kty":"oct","k":"AAAA"},{"kty":"XYZ","kid":"aaaa"}],"ext":"aaaa"}`)
	s, err := ParseSet(raw)
	if err != nil {
		t.Fatal(err)
	}
	want = mustJSON(t, s)
	overwrite(raw, "aaaa", "bbbb")
	if got := mustJSON(t, s); !bytes.Equal(got, want) {
		t.Errorf("set changed with its input: %s, was %s", got, want)
	}
}

// overwrite replaces every old in b with new, of the same length.
func overwrite(b []byte, old, new string) {
	for i := bytes.Index(b, []byte(old)); i >= 0; i = bytes.Index(b, []byte(old)) {
		copy(b[i:], new)
	}
}

// TestNewDoesNotAliasEd25519: New copies an Ed25519 key, as it copies an
// oct key and as Parse copies "x" and "d": the key was checked when New
// ran (the private key's public half against its seed), and a caller that
// later reuses the slice must not change it. On the base New kept the
// caller's slice, so overwriting it changed the key (and a private key's
// public half no longer matched its seed).
func TestNewDoesNotAliasEd25519(t *testing.T) {
	g, _ := Generate("EdDSA", nil)
	priv := slices.Clone(g.PrivateKey().(ed25519.PrivateKey))
	pub := slices.Clone(g.Public().(ed25519.PublicKey))
	kp, err := New(priv)
	if err != nil {
		t.Fatal(err)
	}
	kq, err := New(pub)
	if err != nil {
		t.Fatal(err)
	}
	clear(priv)
	clear(pub)
	if !kp.Equal(g) || !kq.Equal(must2(g.PublicKey())) {
		t.Error("key changed with the caller's slice")
	}
}

func must2[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}
