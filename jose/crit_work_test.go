package jose

import (
	"fmt"
	"strings"
	"testing"
)

// countNames counts the bytes nameEqual is given while f runs.
func countNames(f func()) int {
	n := 0
	saved := nameEqual
	nameEqual = func(a, b string) bool { n += len(a); return saved(a, b) }
	defer func() { nameEqual = saved }()
	f()
	return n
}

// TestCritWork: checking a long "crit" (up to MaxStrings names, each a
// member of the header) costs a small constant per byte of the header, as
// parsing it does, not crit² name comparisons: for repeats, for presence
// (Header.IsProtected, called once per name) and against the names
// understood. Before, a 22 KB header of 1,022 members all listed in
// "crit" cost about three million comparisons, milliseconds to parse.
func TestCritWork(t *testing.T) {
	for _, n := range []int{critScan, critScan + 1, 100, MaxMembers - 2} {
		for _, pad := range []int{0, 200} {
			var names, members []string
			for i := range n {
				name := fmt.Sprintf("%s%05d", strings.Repeat("x", pad), i)
				names = append(names, `"`+name+`"`)
				members = append(members, `"`+name+`":0`)
			}
			raw := `{"alg":"HS256","crit":[` + strings.Join(names, ",") + `],` + strings.Join(members, ",") + `}`
			h, err := ParseHeader([]byte(raw))
			if err != nil {
				t.Fatal(err)
			}
			understood := h.Crit
			var cerr error
			work := countNames(func() { cerr = CheckCrit(h.Crit, h.IsProtected, understood) })
			if cerr != nil {
				t.Fatalf("%d names: %v", n, cerr)
			}
			// one by one, up to critScan names, and a header of up to
			// foldScan members searched in order
			if limit := 4*len(raw) + critScan*critScan*(pad+5); work > limit {
				t.Errorf("%d names of %d bytes: %d bytes compared for a %d-byte header", n, pad+5, work, len(raw))
			}
			// a repeat is still found, first or last
			dup := append(append([]string{}, h.Crit...), h.Crit[len(h.Crit)-1])
			if err := CheckCrit(dup, h.IsProtected, understood); err == nil || !strings.Contains(err.Error(), "twice") {
				t.Errorf("%d names, last repeated: %v", n, err)
			}
			if err := CheckCrit(h.Crit, h.IsProtected, understood[1:]); err == nil || !strings.Contains(err.Error(), "not understood") {
				t.Errorf("%d names, first not understood: %v", n, err)
			}
			if err := CheckCrit(h.Crit, h.IsProtected, understood[:len(understood)-1]); err == nil || !strings.Contains(err.Error(), "not understood") {
				t.Errorf("%d names, last not understood: %v", n, err)
			}
		}
	}
}

// TestHeaderLookupWork: Get, Has and IsProtected on a header of many
// members, parsed or joined, find every member, protected or not, without
// comparing names one by one.
func TestHeaderLookupWork(t *testing.T) {
	var prot, unprot []string
	for i := range 500 {
		prot = append(prot, fmt.Sprintf(`"p%d":%d`, i, i))
		unprot = append(unprot, fmt.Sprintf(`"u%d":%d`, i, i))
	}
	ph, err := ParseHeader([]byte(`{` + strings.Join(prot, ",") + `}`))
	if err != nil {
		t.Fatal(err)
	}
	uh, err := ParseHeader([]byte(`{` + strings.Join(unprot, ",") + `}`))
	if err != nil {
		t.Fatal(err)
	}
	j, err := Join(ph, uh)
	if err != nil {
		t.Fatal(err)
	}
	work := countNames(func() {
		for i := range 500 {
			p, u := fmt.Sprintf("p%d", i), fmt.Sprintf("u%d", i)
			if v, ok := j.Get(p); !ok || string(v) != fmt.Sprint(i) || !j.IsProtected(p) || !ph.Has(p) || ph.Has(u) {
				t.Fatalf("%s: %q %v", p, v, ok)
			}
			if v, ok := j.Get(u); !ok || string(v) != fmt.Sprint(i) || j.IsProtected(u) || !uh.IsProtected(u) {
				t.Fatalf("%s: %q %v", u, v, ok)
			}
		}
		if j.Has("absent") || j.IsProtected("absent") {
			t.Fatal("absent member found")
		}
	})
	if work != 0 {
		t.Errorf("%d bytes compared one by one", work)
	}
}
