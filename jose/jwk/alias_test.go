package jwk

import (
	"bytes"
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
