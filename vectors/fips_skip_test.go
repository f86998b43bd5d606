package vectors

import (
	"crypto/fips140"
	"fmt"
	"testing"

	"github.com/lwscrypto/lwscrypto/gencrypto"
	"github.com/lwscrypto/lwscrypto/internal/testenv"
)

// TestFIPSRefusalSkippedOnlyInFIPSMode: a case refused because the backend
// does not serve it by policy in FIPS 140-only mode (an error matching
// gencrypto.ErrUnsupported while crypto/fips140.Enforced, that is under
// GODEBUG=fips140=only) is skipped with that reason by the runners'
// checks, not failed; outside that mode the same error fails the case, as
// it always did. The FIPS half runs in a child process, since the setting
// is read at start-up.
func TestFIPSRefusalSkippedOnlyInFIPSMode(t *testing.T) {
	unsupported := fmt.Errorf("gencrypto: A128GCM: backend \"std\" does not support aes-gcm: %w", gencrypto.ErrUnsupported)
	type outcome struct {
		name string
		res  Result
	}
	run := func() []outcome {
		var check, cose, keyed, keyedReject Result
		check.Check("content (A128GCM)", unsupported)
		c := &coseCase{res: &cose, ex: &coseExample{}}
		c.check("encrypted", "A128GCM", func() error { return unsupported })
		judgeKeyed(&keyed, &keyedTest{TcID: 1, Result: "valid"}, unsupported)
		judgeKeyed(&keyedReject, &keyedTest{TcID: 2, Result: "invalid"}, unsupported)
		return []outcome{{"Result.Check", check}, {"COSE content case", cose}, {"JWK-keyed valid case", keyed}, {"JWK-keyed invalid case", keyedReject}}
	}
	if !fips140.Enforced() {
		for _, o := range run() {
			if o.name == "JWK-keyed invalid case" {
				continue // a rejection: passes outside FIPS mode, as before
			}
			if o.res.Failed != 1 || o.res.Skipped != 0 {
				t.Errorf("%s outside FIPS 140-only mode: %+v, want the case failed", o.name, tallyOf(o.res))
			}
		}
		if testing.Short() {
			return
		}
		testenv.FIPSOnly(t, "fips140=only skips checked")
		return
	}
	for _, o := range run() {
		if o.res.Skipped != 1 || o.res.Failed != 0 || o.res.Passed != 0 || o.res.SkipReasons[skipFIPS] != 1 {
			t.Errorf("%s under fips140=only: %+v %v, want skipped for %q", o.name, tallyOf(o.res), o.res.SkipReasons, skipFIPS)
		}
	}
	t.Log("fips140=only skips checked")
}
