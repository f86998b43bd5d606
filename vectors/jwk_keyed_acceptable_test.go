package vectors

import (
	"encoding/hex"
	"path/filepath"
	"testing"

	"github.com/lwscrypto/lwscrypto/internal/testenv"
)

// TestWycheproofJWKKeyedAcceptable checks that the JWK-keyed runner judges
// "acceptable" cases by the documented flag table (package documentation,
// # Acceptable cases), as the main Wycheproof runner does, instead of
// counting them as passed whatever happens. In x25519_jwk_test.json an
// acceptable case without the ZeroSharedSecret flag must give the expected
// shared secret: with that secret changed, each such case must fail. A case
// whose result is none of Wycheproof's three words must fail too.
func TestWycheproofJWKKeyedAcceptable(t *testing.T) {
	const rel = "testvectors_v1/x25519_jwk_test.json"
	src := testenv.VectorsFile(t, "wycheproof/"+rel)
	orig := wycheproofJWKKeyed(src)
	if orig.Failed != 0 || orig.Passed == 0 {
		t.Fatalf("%+v %q", tallyOf(orig), orig.Failures)
	}
	tmp := filepath.Join(t.TempDir(), filepath.FromSlash(rel))
	nAccept := 0
	wycheproofMutate(t, src, tmp, func(_, c map[string]any) {
		if c["result"] != "acceptable" {
			return
		}
		for _, f := range c["flags"].([]any) {
			if f == "ZeroSharedSecret" {
				return
			}
		}
		nAccept++
		b, _ := hex.DecodeString(c["shared"].(string))
		b[len(b)-1] ^= 1
		c["shared"] = hex.EncodeToString(b)
	})
	if nAccept == 0 {
		t.Fatal("no acceptable case to accept in the file")
	}
	r := wycheproofJWKKeyed(tmp)
	if want := (tally{orig.Cases, orig.Passed - nAccept, nAccept, orig.Skipped}); tallyOf(r) != want {
		t.Errorf("acceptable cases with a changed shared secret: %+v, want %+v", tallyOf(r), want)
	}

	wycheproofMutate(t, src, tmp, func(_, c map[string]any) {
		if c["tcId"] == float64(1) {
			c["result"] = "maybe"
		}
	})
	r = wycheproofJWKKeyed(tmp)
	if want := (tally{orig.Cases, orig.Passed - 1, 1, orig.Skipped}); tallyOf(r) != want {
		t.Errorf("result \"maybe\": %+v, want %+v", tallyOf(r), want)
	}
}
