package vectors

import (
	"strings"
	"testing"
)

// TestRefuseIsAPassWithItsReason: a refused-as-expected case counts as a
// case and a pass, never a skip, and the table lists its reason under the
// file and the refused total under the totals.
func TestRefuseIsAPassWithItsReason(t *testing.T) {
	r := Result{Name: "wycheproof/rsa_pss_misc_test.json"}
	r.Pass()
	r.Refuse("salt length not offered")
	r.Refuse("salt length not offered")
	r.Skip("not built")
	if r.Cases != 4 || r.Passed != 3 || r.Refused != 2 || r.Skipped != 1 || r.RefuseReasons["salt length not offered"] != 2 {
		t.Fatalf("%+v", r)
	}
	rep := Report{Corpora: []Result{r}}
	var b strings.Builder
	if err := rep.WriteTable(&b); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"    passed 2 as refused by design: salt length not offered\n",
		"    skipped 1: not built\n",
		"    passed 2 as refused by design in all\n",
	} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("table lacks %q:\n%s", want, b.String())
		}
	}
}
