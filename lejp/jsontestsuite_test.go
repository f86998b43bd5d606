package lejp

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/lwscrypto/lwscrypto/internal/testenv"
)

// jtsFiles returns the JSONTestSuite test_parsing files, name → bytes.
func jtsFiles(t *testing.T, sub string) map[string][]byte {
	dir := testenv.VectorsFile(t, "JSONTestSuite/"+sub)
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	m := make(map[string][]byte)
	for _, e := range es {
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		m[e.Name()] = b
	}
	return m
}

// jtsAccepts is the documented decision for a test_parsing file under
// strict options (see the package doc).
func jtsAccepts(name string) bool {
	switch {
	case strings.HasPrefix(name, "y_object_duplicated_key"):
		return false
	case strings.HasPrefix(name, "y_"), strings.HasPrefix(name, "i_number_"), name == "i_structure_500_nested_arrays.json":
		return true
	}
	return false
}

// TestJSONTestSuite parses every test_parsing file whole, one byte per
// Write, and split in two at every offset, with the default string piece
// size and with 3-byte pieces, and requires the same events and the same
// error each time; the Decoder (over bytes and over a one-byte reader) and
// Check must agree with the Parser.
func TestJSONTestSuite(t *testing.T) {
	files := jtsFiles(t, "test_parsing")
	if len(files) != 318 {
		t.Errorf("%d files, want 318", len(files))
	}
	for name, in := range files {
		t.Run(name, func(t *testing.T) {
			for _, opts := range []*Options{nil, {StringChunk: 3}} {
				whole := pushTrace(opts, nil, false, in)
				failed := strings.Contains(whole, "error ")
				if failed == jtsAccepts(name) {
					t.Fatalf("accepted=%v, want %v:\n%s", !failed, jtsAccepts(name), lastLines(whole))
				}
				if got := pushTrace(opts, nil, false, bytesSplit(in, 1)...); got != whole {
					t.Fatalf("one byte per Write differs:\n%s", diff(whole, got))
				}
				// Splits beyond the error offset (+64) see the same bytes up to
				// the error in their first Write; the two large n_structure files
				// fail after a few KB, so they are split every 97 bytes there.
				limit := len(in)
				if failed && len(in) > 8192 {
					limit = min(len(in), errOffset(whole)+64)
				}
				wholeHash := pushHash(opts, in)
				for k := 1; k < len(in); k++ {
					if k > limit && k%97 != 0 {
						continue
					}
					if got := pushHash(opts, in[:k], in[k:]); got != wholeHash {
						t.Fatalf("split at %d differs: %s, whole %s\n%s", k, got, wholeHash, diff(whole, pushTrace(opts, nil, false, in[:k], in[k:])))
					}
				}
				merged := pushTrace(opts, nil, true, in)
				if got := pullTrace(opts, in, false); got != merged {
					t.Fatalf("Decoder over bytes differs from Parser:\n%s", diff(merged, got))
				}
				if got := pullTrace(opts, in, true); got != merged {
					t.Fatalf("Decoder over one-byte reader differs from Parser:\n%s", diff(merged, got))
				}
				if got, want := checkLine(Check(in, opts)), errTail(whole); got != want {
					t.Fatalf("Check = %q, Parser ended with %q", got, want)
				}
			}
		})
	}
}

// TestJSONTestSuiteLoosened checks the documented behaviour of the i_ and
// duplicate files under the options that loosen strict mode.
func TestJSONTestSuiteLoosened(t *testing.T) {
	files := jtsFiles(t, "test_parsing")
	for name, in := range files {
		err := Check(in, nil)
		switch {
		case strings.HasPrefix(name, "y_object_duplicated_key"):
			if !errors.Is(err, ErrDuplicateName) || Check(in, &Options{AllowDuplicateNames: true}) != nil {
				t.Errorf("%s: strict %v; want ErrDuplicateName, and accepted with AllowDuplicateNames", name, err)
			}
		case strings.HasPrefix(name, "i_string_UTF-16") || strings.HasPrefix(name, "i_string_utf16") || name == "i_structure_UTF-8_BOM_empty_object.json":
			if !errors.Is(err, ErrInvalidChar) {
				t.Errorf("%s: %v, want ErrInvalidChar", name, err)
			}
		case strings.HasPrefix(name, "i_string_") || strings.HasPrefix(name, "i_object_"):
			if !errors.Is(err, ErrInvalidUTF8) {
				t.Errorf("%s: %v, want ErrInvalidUTF8", name, err)
			}
			if err := Check(in, &Options{AllowInvalidUTF8: true}); err != nil {
				t.Errorf("%s: with AllowInvalidUTF8: %v", name, err)
			}
		}
	}
}

// TestJSONTestSuiteTransform pins the behaviour on test_transform, as
// documented in the package doc.
func TestJSONTestSuiteTransform(t *testing.T) {
	files := jtsFiles(t, "test_transform")
	for name, in := range files {
		err := Check(in, nil)
		switch {
		case strings.HasPrefix(name, "number_"):
			if err != nil {
				t.Errorf("%s: %v", name, err)
				continue
			}
			d := NewDecoderBytes(in, nil)
			d.ReadToken()
			tok, _ := d.ReadToken()
			if want := strings.TrimSuffix(strings.TrimPrefix(name, "number_"), ".json"); !strings.EqualFold(string(tok.Value), want) {
				t.Errorf("%s: number text %q, want %q", name, tok.Value, want)
			}
		case strings.HasPrefix(name, "object_same_key"):
			if !errors.Is(err, ErrDuplicateName) {
				t.Errorf("%s: %v, want ErrDuplicateName", name, err)
			}
			tr := pushTrace(&Options{AllowDuplicateNames: true}, nil, false, in)
			if strings.Count(tr, " name ") != 2 || strings.Contains(tr, "error") {
				t.Errorf("%s with AllowDuplicateNames:\n%s", name, tr)
			}
		case strings.HasPrefix(name, "object_key_nf"), name == "string_with_escaped_NULL.json":
			if err != nil {
				t.Errorf("%s: %v", name, err)
			}
		case strings.HasPrefix(name, "string_"):
			if !errors.Is(err, ErrInvalidUTF8) {
				t.Errorf("%s: %v, want ErrInvalidUTF8", name, err)
			}
			if err := Check(in, &Options{AllowInvalidUTF8: true}); err != nil {
				t.Errorf("%s: with AllowInvalidUTF8: %v", name, err)
			}
		default:
			t.Errorf("%s: no documented behaviour", name)
		}
	}
	d := NewDecoderBytes(files["string_with_escaped_NULL.json"], nil)
	d.ReadToken()
	if tok, _ := d.ReadToken(); string(tok.Value) != "A\x00B" {
		t.Errorf("escaped NUL decoded to %q", tok.Value)
	}
}
