package vectors

import (
	"reflect"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/lwscrypto/lwscrypto/internal/testenv"
	"github.com/lwscrypto/lwscrypto/lecp"
)

// TestCBORDiagCatchesBrokenFromDiag: on RFC 8949 Appendix A, a FromDiag
// that reads every text as lecp's does but is wrong in one way fails
// exactly the "(diag)" cases it should. One that ignores the width
// indicators _0 to _3 fails the exact case of each item not in preferred
// serialization (the six wide Infinity and NaN items); one that writes
// Infinity and NaN in double precision fails the exact case of the
// half-precision ones, and the diagnostic case of them and of the single
// precision ones, which must read as the preferred (half) encoding;
// the double-precision ones are then read as their own bytes and pass. One
// that refuses simple(24) with an error other than lecp.ErrDiagSyntax
// fails its diagnostic case.
func TestCBORDiagCatchesBrokenFromDiag(t *testing.T) {
	dir := testenv.VectorsFile(t, "cbor-test-vectors")
	old := fromDiag
	t.Cleanup(func() { fromDiag = old })
	indicator := regexp.MustCompile(`_[0-3]`)
	double := map[string][]byte{
		"\xf9\x7c\x00": {0xfb, 0x7f, 0xf0, 0, 0, 0, 0, 0, 0},
		"\xf9\x7e\x00": {0xfb, 0x7f, 0xf8, 0, 0, 0, 0, 0, 0},
		"\xf9\xfc\x00": {0xfb, 0xff, 0xf0, 0, 0, 0, 0, 0, 0},
	}
	for _, tc := range []struct {
		name   string
		broken func(dst, src []byte, opts *lecp.Options) ([]byte, error)
		failed []string
	}{
		{"ignores widths", func(dst, src []byte, opts *lecp.Options) ([]byte, error) {
			return lecp.FromDiag(dst, indicator.ReplaceAll(src, nil), opts)
		}, []string{
			"#34 fa7f800000 exact", "#35 fa7fc00000 exact", "#36 faff800000 exact",
			"#37 fb7ff0000000000000 exact", "#38 fb7ff8000000000000 exact", "#39 fbfff0000000000000 exact",
		}},
		{"doubles", func(dst, src []byte, opts *lecp.Options) ([]byte, error) {
			b, err := lecp.FromDiag(nil, src, opts)
			if d, ok := double[string(b)]; ok {
				b = d
			}
			return append(dst, b...), err
		}, []string{
			"#31 f97c00 exact", "#32 f97e00 exact", "#33 f9fc00 exact",
			"#31 f97c00 diagnostic", "#32 f97e00 diagnostic", "#33 f9fc00 diagnostic",
			"#34 fa7f800000 diagnostic", "#35 fa7fc00000 diagnostic", "#36 faff800000 diagnostic",
		}},
		{"refuses simple(24) for a limit", func(dst, src []byte, opts *lecp.Options) ([]byte, error) {
			if string(src) == "simple(24)" {
				return dst, &lecp.SyntaxError{Offset: 0, Err: lecp.ErrDepth}
			}
			return lecp.FromDiag(dst, src, opts)
		}, []string{"#45 f818 diagnostic"}},
	} {
		fromDiag = tc.broken
		res, err := CBORTestVectors.Run(dir, nil)
		if err != nil {
			t.Fatal(err)
		}
		if len(res) != 2 || res[0].Failed != 0 {
			t.Fatalf("%s: %+v", tc.name, res)
		}
		var got []string
		for _, f := range res[1].Failures {
			id, _, _ := strings.Cut(f, ":")
			got = append(got, id)
		}
		want := append([]string(nil), tc.failed...)
		sort.Strings(got)
		sort.Strings(want)
		if !reflect.DeepEqual(got, want) || res[1].Failed != len(want) {
			t.Errorf("%s: %d failed %q, want %q", tc.name, res[1].Failed, res[1].Failures, want)
		}
	}
	fromDiag = old
	if res, _ := CBORTestVectors.Run(dir, nil); len(res) != 2 || res[1].Failed != 0 {
		t.Errorf("lecp.FromDiag restored: %+v", res)
	}
}
