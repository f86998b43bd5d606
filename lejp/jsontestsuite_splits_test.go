package lejp

import (
	"strings"
	"testing"
)

// splitsAgree parses in whole, one byte per Write and split in two at every
// offset, and requires the same events and error each time; the Decoder
// (over bytes and over a one-byte reader) and Check must agree with the
// Parser. It returns the whole input's trace.
func splitsAgree(t *testing.T, opts *Options, in []byte) string {
	t.Helper()
	whole := pushTrace(opts, nil, false, in)
	if got := pushTrace(opts, nil, false, bytesSplit(in, 1)...); got != whole {
		t.Fatalf("%+v: one byte per Write differs:\n%s", opts, diff(whole, got))
	}
	for k := 1; k < len(in); k++ {
		if got := pushTrace(opts, nil, false, in[:k], in[k:]); got != whole {
			t.Fatalf("%+v: split at %d differs:\n%s", opts, k, diff(whole, got))
		}
	}
	merged := pushTrace(opts, nil, true, in)
	if got := pullTrace(opts, in, false); got != merged {
		t.Fatalf("%+v: Decoder over bytes differs from Parser:\n%s", opts, diff(merged, got))
	}
	if got := pullTrace(opts, in, true); got != merged {
		t.Fatalf("%+v: Decoder over one-byte reader differs from Parser:\n%s", opts, diff(merged, got))
	}
	if got, want := checkLine(Check(in, opts)), errTail(whole); got != want {
		t.Fatalf("%+v: Check = %q, Parser ended with %q", opts, got, want)
	}
	return whole
}

// TestJSONTestSuiteTransformSplits: issue 3 asks for every JSONTestSuite
// file to be parsed whole, byte by byte and split at every offset with the
// same result and events; TestJSONTestSuite does so for test_parsing under
// strict options. This does it for the 22 test_transform files, under
// strict options, with 3-byte string pieces and under the options that
// loosen what they test (duplicate names, invalid UTF-8); and for the
// test_parsing files whose documented decision depends on an option
// (the i_ string and object files, the y_ duplicate-name files) under that
// option, where they are accepted.
func TestJSONTestSuiteTransformSplits(t *testing.T) {
	transform := jtsFiles(t, "test_transform")
	if len(transform) != 22 {
		t.Errorf("%d test_transform files, want 22", len(transform))
	}
	for name, in := range transform {
		t.Run(name, func(t *testing.T) {
			for _, opts := range []*Options{nil, {StringChunk: 3}, {AllowDuplicateNames: true}, {AllowInvalidUTF8: true, StringChunk: 4}} {
				splitsAgree(t, opts, in)
			}
		})
	}
	n := 0
	for name, in := range jtsFiles(t, "test_parsing") {
		var opts *Options
		switch {
		case strings.HasPrefix(name, "y_object_duplicated_key"):
			opts = &Options{AllowDuplicateNames: true}
		case strings.HasPrefix(name, "i_string_UTF-16") || strings.HasPrefix(name, "i_string_utf16") || name == "i_structure_UTF-8_BOM_empty_object.json":
			continue // not UTF-8: rejected under every option
		case strings.HasPrefix(name, "i_string_") || strings.HasPrefix(name, "i_object_"):
			opts = &Options{AllowInvalidUTF8: true, StringChunk: 4}
		default:
			continue
		}
		n++
		t.Run(name, func(t *testing.T) {
			if tr := splitsAgree(t, opts, in); strings.Contains(tr, "error ") {
				t.Fatalf("%+v: rejected:\n%s", opts, lastLines(tr))
			}
		})
	}
	if n != 22 {
		t.Errorf("%d test_parsing files decided by an option, want 22 (2 y_object_duplicated_key, 20 i_ string and object files)", n)
	}
}

// TestMultipleValuesTouching pins what doc.go says of AllowMultipleValues
// (and the differential test against jsontext lists as a difference): a
// number is read over every byte that may continue a number and a literal
// over every letter, so touching numbers or touching literals are one
// malformed token; any other pair of values may touch.
// Every entry point and every split agree (splitsAgree).
func TestMultipleValuesTouching(t *testing.T) {
	opts := &Options{AllowMultipleValues: true}
	for in, want := range map[string]string{
		"1 2": "int int", `1"a"`: "int string", `"a"1`: "string int", "12": "int", "[]{}": "array-start array-end object-start object-end",
		"null1": "null int", "1null": "int null", "01": "", "1-2": "", "-0-0": "", "truefalse": "", "1.5e3-1": "", "": "", " \n ": "", "1\n2\n": "int int",
	} {
		tr := splitsAgree(t, opts, []byte(in))
		var kinds []string
		for _, line := range strings.Split(strings.TrimSuffix(tr, "\n"), "\n") {
			if f := strings.Fields(line); len(f) > 1 && !strings.HasPrefix(line, "error") {
				kinds = append(kinds, f[1])
			}
		}
		failed := strings.Contains(tr, "error ")
		switch {
		case want == "" && (in == "" || strings.TrimSpace(in) == ""):
			if failed || len(kinds) != 0 {
				t.Errorf("%q: %s", in, tr)
			}
		case want == "":
			if !failed {
				t.Errorf("%q accepted: %s", in, tr)
			}
		case failed || strings.Join(kinds, " ") != want:
			t.Errorf("%q: %s, want %s", in, tr, want)
		}
	}
}
