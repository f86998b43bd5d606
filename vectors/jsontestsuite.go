package vectors

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/lwscrypto/lwscrypto/lejp"
)

// JSONTestSuite runs nst/JSONTestSuite against lejp: every test_parsing
// file must be accepted or rejected as lejp's package documentation decides
// (y_ accepted, n_ rejected, each i_ as documented), the same whole and
// one byte per Write, and a file with none of those prefixes fails; every
// test_transform file must behave as documented.
var JSONTestSuite = Runner{Name: "JSONTestSuite", Run: runJSONTestSuite}

func runJSONTestSuite(dir string, progress func(string)) ([]Result, error) {
	var out []Result
	for _, sub := range []string{"test_parsing", "test_transform"} {
		es, err := os.ReadDir(filepath.Join(dir, sub))
		if err != nil {
			return nil, fmt.Errorf("vectors: JSONTestSuite: %w", err)
		}
		names := make([]string, 0, len(es))
		for _, e := range es {
			if !e.IsDir() && strings.HasSuffix(e.Name(), ".json") {
				names = append(names, e.Name())
			}
		}
		sort.Strings(names)
		for _, name := range names {
			file := sub + "/" + name
			if progress != nil {
				progress(file)
			}
			r := Result{Name: "JSONTestSuite/" + file}
			in, err := os.ReadFile(filepath.Join(dir, sub, name))
			if err != nil {
				return nil, fmt.Errorf("vectors: JSONTestSuite: %w", err)
			}
			if sub == "test_parsing" {
				jtsParsing(&r, name, in)
			} else {
				jtsTransform(&r, name, in)
			}
			out = append(out, r)
		}
	}
	return out, nil
}

// jtsWant is lejp's documented strict decision for a test_parsing file:
// whether it is accepted, the option that makes a rejected file acceptable
// (nil if none does), and the sentinel cause of the rejection (nil for n_
// files, which may fail for any cause).
func jtsWant(name string) (accept bool, loosen *lejp.Options, cause error) {
	switch {
	case strings.HasPrefix(name, "y_object_duplicated_key"):
		return false, &lejp.Options{AllowDuplicateNames: true}, lejp.ErrDuplicateName
	case strings.HasPrefix(name, "y_"), strings.HasPrefix(name, "i_number_"), name == "i_structure_500_nested_arrays.json":
		return true, nil, nil
	case strings.HasPrefix(name, "i_string_UTF-16"), strings.HasPrefix(name, "i_string_utf16"), name == "i_structure_UTF-8_BOM_empty_object.json":
		return false, nil, lejp.ErrInvalidChar
	case strings.HasPrefix(name, "i_"):
		return false, &lejp.Options{AllowInvalidUTF8: true}, lejp.ErrInvalidUTF8
	}
	return false, nil, nil
}

// pushOneByte parses in one byte per Write.
func pushOneByte(in []byte, opts *lejp.Options) error {
	p, err := lejp.NewParser(lejp.HandlerFunc(func(*lejp.Parser, lejp.Event) error { return nil }), opts)
	if err != nil {
		return err
	}
	for i := range in {
		if _, err := p.Write(in[i : i+1]); err != nil {
			return err
		}
	}
	return p.Close()
}

func sameErr(a, b error) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	return a.Error() == b.Error()
}

func jtsParsing(r *Result, name string, in []byte) {
	if !strings.HasPrefix(name, "y_") && !strings.HasPrefix(name, "n_") && !strings.HasPrefix(name, "i_") {
		// jtsWant would judge it as an n_ file: a new prefix or a renamed
		// file must not pass merely because lejp rejects it.
		r.Fail("%s: not a y_, n_ or i_ file: no documented decision", name)
		return
	}
	accept, loosen, cause := jtsWant(name)
	err := lejp.Check(in, nil)
	switch {
	case accept && err != nil:
		r.Fail("%s: rejected: %v", name, err)
	case !accept && err == nil:
		r.Fail("%s: accepted", name)
	case cause != nil && !errors.Is(err, cause):
		r.Fail("%s: rejected with %v, want %v", name, err, cause)
	default:
		var se *lejp.SyntaxError
		if err != nil && !errors.As(err, &se) {
			r.Fail("%s: error is not a *lejp.SyntaxError: %v", name, err)
		} else {
			r.Pass()
		}
	}
	if e2 := pushOneByte(in, nil); !sameErr(err, e2) {
		r.Fail("%s: one byte per Write: %v, whole: %v", name, e2, err)
	} else {
		r.Pass()
	}
	if loosen != nil {
		r.Check(name+" (loosened)", lejp.Check(in, loosen))
	}
}

func jtsTransform(r *Result, name string, in []byte) {
	err := lejp.Check(in, nil)
	switch {
	case strings.HasPrefix(name, "number_"):
		want := strings.TrimSuffix(strings.TrimPrefix(name, "number_"), ".json")
		d := lejp.NewDecoderBytes(in, nil)
		d.ReadToken()
		tok, terr := d.ReadToken()
		switch {
		case err != nil || terr != nil:
			r.Fail("%s: %v %v", name, err, terr)
		case !strings.EqualFold(string(tok.Value), want):
			r.Fail("%s: number text %q, want %q unchanged", name, tok.Value, want)
		default:
			r.Pass()
		}
	case strings.HasPrefix(name, "object_same_key"):
		if !errors.Is(err, lejp.ErrDuplicateName) {
			r.Fail("%s: %v, want ErrDuplicateName", name, err)
		} else {
			r.Pass()
		}
		r.Check(name+" (AllowDuplicateNames)", lejp.Check(in, &lejp.Options{AllowDuplicateNames: true}))
	case strings.HasPrefix(name, "object_key_nf"), name == "string_with_escaped_NULL.json":
		r.Check(name, err)
	case strings.HasPrefix(name, "string_"):
		if !errors.Is(err, lejp.ErrInvalidUTF8) {
			r.Fail("%s: %v, want ErrInvalidUTF8", name, err)
		} else {
			r.Pass()
		}
		r.Check(name+" (AllowInvalidUTF8)", lejp.Check(in, &lejp.Options{AllowInvalidUTF8: true}))
	default:
		r.Skip("no documented behaviour for this test_transform file yet")
	}
}
