package lecp

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/lwscrypto/lwscrypto/internal/corpus"
)

// addDiagSeeds adds the Appendix A diagnostics, a few cose-wg ones and
// texts of each form as seeds.
func addDiagSeeds(f *testing.F, add func(string)) {
	for _, s := range []string{
		"", "1, 2", "[_ 1, {_ \"a\": (_ h'01', h'02')}]", "<<1, [2]>>_1", "24_0(h'01' 'a')", "1.5_1", "NaN_3",
		"b64'AQ=='", "b32'ME'", "h32'C4'", "{1: 1, 1: 2}", "18446744073709551616", "-0x1p-2", "simple(255)", `""_`,
		`"\ud83d\ude00" /c/ "x"`, "[_1 1]", "{_0 1: 2}", "0b1010_3", "dt'x'", "[1,]",
		// draft-ietf-cbor-edn-literals' forms
		"[1, # c\n 2] # d", "h'01 # c\n 02'", "h'01 # c'", "b64'AQ # c\nID'", "{1: 2,}", "<<1,>>", "(_ h'01',)", "1, 2,",
		"[_i 1_i, 'a'_i, 1_i(2)]", "24_i", "1.5_i", `"\u{1F600}\u{41}"`, `'\u{fc}'`, `"\u{d800}"`, "[1., .5, -.5e1, 0x.8p1]",
		"simple(0x14)", "simple(-0)", "'a' + 'b'_0", `"a" + h'c3bc' + "b"`, `"a" + h'ff'`, "'a' + \"b\"", "(_ 'a' + 'b')",
	} {
		add(s)
	}
	dir, err := corpus.Dir()
	if err != nil {
		return
	}
	if b, err := os.ReadFile(filepath.Join(dir, "cbor-test-vectors", "appendix_a.json")); err == nil {
		var items []appendixItem
		if json.Unmarshal(b, &items) == nil {
			for _, it := range items {
				if it.Diagnostic != "" {
					add(it.Diagnostic)
				}
			}
		}
	}
	n := 0
	filepath.WalkDir(filepath.Join(dir, "cose-wg-examples"), func(p string, de os.DirEntry, err error) error {
		if err != nil || de.IsDir() || !strings.HasSuffix(p, ".json") || n >= 20 {
			return nil
		}
		b, _ := os.ReadFile(p)
		var ex struct {
			Output struct {
				Diag string `json:"cbor_diag"`
			} `json:"output"`
		}
		if json.Unmarshal(b, &ex) == nil && ex.Output.Diag != "" {
			add(ex.Output.Diag)
			n++
		}
		return nil
	})
}

// FuzzFromDiag: any text, under options from the flags: no panic; the
// output, when accepted, passes Check under the same options, and its
// diagnostic notation reads back to CBOR with the same notation.
func FuzzFromDiag(f *testing.F) {
	addDiagSeeds(f, func(s string) { f.Add([]byte(s), byte(0)); f.Add([]byte(s), byte(1)) })
	f.Fuzz(func(t *testing.T, src []byte, flags byte) {
		opts := &Options{
			AllowSequence: flags&1 != 0, Deterministic: flags&2 != 0,
			AllowDuplicateKeys: flags&4 != 0, AllowInvalidUTF8: flags&8 != 0,
		}
		dst := []byte{0xaa}
		out, err := FromDiag(dst, src, opts)
		if err != nil {
			if len(out) != 1 || out[0] != 0xaa {
				t.Fatalf("dst changed on error: %x", out)
			}
			return
		}
		out = out[1:]
		if err := Check(out, opts); err != nil {
			t.Fatalf("FromDiag(%q) = %x: Check: %v", src, out, err)
		}
		d, err := AppendDiag(nil, out, opts)
		if err != nil {
			t.Fatalf("AppendDiag(%x): %v", out, err)
		}
		o2 := *opts
		// \ufffd for each invalid byte can make two keys one
		o2.AllowDuplicateKeys = o2.AllowDuplicateKeys || o2.AllowInvalidUTF8
		if o2.Deterministic && o2.AllowInvalidUTF8 {
			return
		}
		out2, err := FromDiag(nil, d, &o2)
		if err != nil {
			t.Fatalf("FromDiag(%q) (from %q): %v", d, src, err)
		}
		d2, err := AppendDiag(nil, out2, &o2)
		if err != nil || !bytes.Equal(d2, d) {
			t.Fatalf("%q → %x → %q → %x → %q, %v", src, out, d, out2, d2, err)
		}
	})
}

// FuzzDiagRoundTrip: for any CBOR Check accepts, its diagnostic notation
// reads back to CBOR whose notation is the same.
func FuzzDiagRoundTrip(f *testing.F) {
	addSeeds(f)
	for _, h := range []string{"c249010000000000000000", "5f42010243030405ff", "7fff", "fb7ff8000000000001", "d9000101"} {
		b, _ := hex.DecodeString(h)
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		if Check(b, nil) != nil {
			return
		}
		d, err := AppendDiag(nil, b, nil)
		if err != nil {
			t.Fatalf("AppendDiag(%x): %v", b, err)
		}
		x, err := FromDiag(nil, d, nil)
		if err != nil {
			t.Fatalf("FromDiag(%q) (from %x): %v", d, b, err)
		}
		d2, err := AppendDiag(nil, x, nil)
		if err != nil || !bytes.Equal(d2, d) {
			t.Fatalf("%x → %q → %x → %q, %v", b, d, x, d2, err)
		}
	})
}
