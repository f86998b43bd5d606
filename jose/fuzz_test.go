package jose

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/lwscrypto/lwscrypto/internal/corpus"
)

// headerSeeds are protected headers from the cookbook and odd shapes.
func headerSeeds(f *testing.F) {
	for _, s := range []string{
		`{"alg":"ES256"}`, `{"alg":"HS256","b64":false,"crit":["b64"]}`,
		`{"alg":"RS256","kid":"k","jwk":{"kty":"oct","k":"AAAA"},"x5c":["AQID"]}`,
		`{"alg":"ECDH-ES","epk":{"kty":"EC"},"apu":"YQ","p2c":1,"p2s":"ZQ"}`,
		`{"alg":"none","Alg":"x"}`, `{"alg":null}`, `{"crit":[]}`, `{"a":[[[[{}]]]]}`,
		`{"kid":"\u00e9\ud83d\ude00"}`, `{}`, `[]`, `{"alg":"x",}`,
		`{"kid":"a","\u212aid":"b"}`, `{"sub":1,"\u017fub":2}`, `{"é":1,"É":2}`, `{"i":1,"ı":2}`,
		`{"crit":"b64"}`,
	} {
		f.Add([]byte(s))
	}
	// The protected headers of the RFC 7520 examples, if the corpus is here.
	dir, err := corpus.Dir()
	if err != nil {
		return
	}
	fs, _ := filepath.Glob(filepath.Join(dir, "jose-cookbook", "*", "*.json"))
	for _, p := range fs {
		b, err := os.ReadFile(p)
		if err != nil {
			continue
		}
		for _, marker := range [][]byte{[]byte(`"protected_b64u": "`)} {
			if i := bytes.Index(b, marker); i >= 0 {
				rest := b[i+len(marker):]
				if j := bytes.IndexByte(rest, '"'); j > 0 {
					if raw, err := DecodeBase64URL(rest[:j]); err == nil {
						f.Add(raw)
					}
				}
			}
		}
	}
}

// FuzzParseHeader: no panic; a parsed header re-encodes to JSON that parses
// to the same members, and re-encoding that is byte-identical (stable).
func FuzzParseHeader(f *testing.F) {
	headerSeeds(f)
	f.Fuzz(func(t *testing.T, raw []byte) {
		h, err := ParseHeader(raw)
		if err != nil {
			if h != nil {
				t.Fatal("error with a partial result")
			}
			return
		}
		// No two names that encoding/json would take for one (row 20).
		for i, a := range h.members {
			for _, b := range h.members[:i] {
				if strings.EqualFold(a.Name, b.Name) {
					t.Fatalf("names %q and %q both accepted", b.Name, a.Name)
				}
			}
		}
		out, err := h.AppendJSON(nil)
		if err != nil {
			t.Fatalf("parsed header does not re-encode: %v", err)
		}
		h2, err := ParseHeader(out)
		if err != nil {
			t.Fatalf("re-encoded header %s does not parse: %v", out, err)
		}
		if out2, err := h2.AppendJSON(nil); err != nil || !bytes.Equal(out, out2) {
			t.Fatalf("not stable:\n%s\n%s (%v)", out, out2, err)
		}
		if h.Alg != h2.Alg || h.Kid != h2.Kid || h.B64 != h2.B64 || len(h.Crit) != len(h2.Crit) || h.P2c != h2.P2c {
			t.Fatalf("typed fields changed: %+v vs %+v", h, h2)
		}
		// Join with itself always conflicts (every name is in both).
		if len(h.members) > 0 {
			if _, err := Join(h, h2); err == nil {
				t.Fatal("Join of a header with itself succeeded")
			}
		}
	})
}
