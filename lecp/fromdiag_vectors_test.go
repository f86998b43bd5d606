package lecp

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/lwscrypto/lwscrypto/internal/jsonvalue"
	"github.com/lwscrypto/lwscrypto/internal/testenv"
)

// appendixDiagNotPreferred are the Appendix A items with a diagnostic
// whose hex is not the preferred serialization FromDiag writes: a NaN or
// an infinity in single or double precision (RFC 8949 Appendix A lists
// them as other encodings of the half-precision ones).
var appendixDiagNotPreferred = map[string]string{
	"fa7f800000":         "f97c00",
	"fa7fc00000":         "f97e00",
	"faff800000":         "f9fc00",
	"fb7ff0000000000000": "f97c00",
	"fb7ff8000000000000": "f97e00",
	"fbfff0000000000000": "f9fc00",
}

// TestFromDiagAppendixA: every Appendix A item with a diagnostic parses;
// the bytes are its hex but for the listed width variants; AppendDiag
// gives the diagnostic back. Every item's AppendDiag also parses back to
// its hex (when that is preferred) and to its decoded value.
func TestFromDiagAppendixA(t *testing.T) {
	items := loadAppendix(t)
	withDiag, exact, variants, refused := 0, 0, 0, 0
	for _, it := range items {
		want, err := hex.DecodeString(it.Hex)
		if err != nil {
			t.Fatal(err)
		}
		if it.Diagnostic != "" {
			withDiag++
			got, err := FromDiag(nil, []byte(it.Diagnostic), nil)
			if it.Hex == "f818" {
				// removed by erratum 5917: f818 is not well-formed
				if !errors.Is(err, ErrDiagSyntax) {
					t.Errorf("%s: got %x, %v; want ErrDiagSyntax", it.Diagnostic, got, err)
				}
				refused++
				continue
			}
			if err != nil {
				t.Errorf("%s: %v", it.Diagnostic, err)
				continue
			}
			if alt, ok := appendixDiagNotPreferred[it.Hex]; ok {
				variants++
				if hex.EncodeToString(got) != alt {
					t.Errorf("%s (%s): got %x, want %s", it.Diagnostic, it.Hex, got, alt)
				}
			} else if !bytes.Equal(got, want) {
				t.Errorf("%s: got %x, want %s", it.Diagnostic, got, it.Hex)
			} else {
				exact++
			}
			if d, err := AppendDiag(nil, got, nil); err != nil || string(d) != it.Diagnostic {
				t.Errorf("%s: AppendDiag(FromDiag) = %q, %v", it.Diagnostic, d, err)
			}
		}
		// every item, through its own diagnostic notation
		d, err := AppendDiag(nil, want, nil)
		if it.Hex == "f818" {
			continue
		}
		if err != nil {
			t.Fatalf("%s: %v", it.Hex, err)
		}
		got, err := FromDiag(nil, d, nil)
		if err != nil {
			t.Errorf("%s: FromDiag(%s): %v", it.Hex, d, err)
			continue
		}
		if it.Roundtrip && !bytes.Equal(got, want) {
			t.Errorf("%s: FromDiag(%s) = %x", it.Hex, d, got)
		}
		if d2, _ := AppendDiag(nil, got, nil); !bytes.Equal(d2, d) {
			t.Errorf("%s: %s read back as %s", it.Hex, d, d2)
		}
		if len(it.Decoded) > 0 {
			j, err := AppendJSON(nil, got, nil)
			if err != nil {
				t.Errorf("%s: %v", it.Hex, err)
			} else if !jsonvalue.Equal(j, it.Decoded) {
				t.Errorf("%s: decoded %s, want %s", it.Hex, j, it.Decoded)
			}
		}
	}
	if withDiag != 23 || exact != 16 || variants != 6 || refused != 1 {
		t.Errorf("%d items with a diagnostic (%d exact, %d width variants, %d refused), want 23 (16, 6, 1)", withDiag, exact, variants, refused)
	}
}

// coseDiagMismatch lists the cose-wg examples whose output.cbor_diag does
// not give their output.cbor: the text in the diagnostic that is wrong,
// and what output.cbor holds there, with which it matches.
var coseDiagMismatch = map[string]struct{ diag, fixed, why string }{
	"x509-examples/signed-01.json": {
		`4: h'416C696365204C6F76656C616365'`, `4: "Alice Lovelace"`,
		"the kid (label 4) is the text string 6e... in cbor, written as bytes in cbor_diag",
	},
	"x509-examples/signed-02.json": {
		`4: h'416C696365204C6F76656C616365'`, `4: "Alice Lovelace"`,
		"the kid (label 4) is the text string 6e... in cbor, written as bytes in cbor_diag",
	},
}

// coseDiags returns output.cbor_diag and output.cbor (hex) of every cose-wg
// example, by file; either is "" where the example has none.
func coseDiags(t testing.TB) map[string][2]string {
	t.Helper()
	dir := testenv.VectorsFile(t, "cose-wg-examples")
	out := map[string][2]string{}
	err := filepath.WalkDir(dir, func(p string, de os.DirEntry, err error) error {
		if err != nil || de.IsDir() || !strings.HasSuffix(p, ".json") {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		var ex struct {
			Output struct {
				CBOR string `json:"cbor"`
				Diag string `json:"cbor_diag"`
			} `json:"output"`
		}
		if err := json.Unmarshal(b, &ex); err != nil {
			t.Errorf("%s: %v", p, err)
			return nil
		}
		rel, _ := filepath.Rel(dir, p)
		out[filepath.ToSlash(rel)] = [2]string{ex.Output.Diag, ex.Output.CBOR}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestFromDiagCOSEExamples: every cose-wg example's output.cbor_diag gives
// exactly its output.cbor, but for the examples listed with the reason.
func TestFromDiagCOSEExamples(t *testing.T) {
	ex := coseDiags(t)
	if len(ex) != 306 {
		t.Fatalf("%d cose-wg examples, want 306", len(ex))
	}
	names := make([]string, 0, len(ex))
	for n := range ex {
		names = append(names, n)
	}
	sort.Strings(names)
	matched := 0
	bad := map[string]string{}
	for _, name := range names {
		diag, want := ex[name][0], ex[name][1]
		if diag == "" || want == "" {
			bad[name] = "no cbor_diag or cbor"
			continue
		}
		got, err := FromDiag(nil, []byte(diag), nil)
		switch {
		case err != nil:
			bad[name] = err.Error()
		case !strings.EqualFold(hex.EncodeToString(got), want):
			bad[name] = "differs"
		default:
			matched++
		}
	}
	for n, why := range bad {
		m, ok := coseDiagMismatch[n]
		if !ok || why != "differs" {
			t.Errorf("%s: %s", n, why)
			continue
		}
		// the corrected text gives the cbor exactly
		diag := ex[n][0]
		if strings.Count(diag, m.diag) != 1 {
			t.Errorf("%s: %q not found once in cbor_diag", n, m.diag)
			continue
		}
		got, err := FromDiag(nil, []byte(strings.Replace(diag, m.diag, m.fixed, 1)), nil)
		if err != nil || !strings.EqualFold(hex.EncodeToString(got), ex[n][1]) {
			t.Errorf("%s: corrected (%s) still differs: %v", n, m.why, err)
		}
	}
	for n := range coseDiagMismatch {
		if _, ok := bad[n]; !ok {
			t.Errorf("%s: listed as a mismatch, but matches", n)
		}
	}
	if matched+len(coseDiagMismatch) != 306 {
		t.Errorf("%d matched, %d listed", matched, len(coseDiagMismatch))
	}
	t.Logf("%d of %d cose-wg examples matched byte for byte", matched, len(ex))
}
