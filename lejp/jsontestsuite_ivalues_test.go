package lejp

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestJSONTestSuiteInvalidUTF8Values pins what the package doc says the
// i_ string files decode to with AllowInvalidUTF8 (TestJSONTestSuiteLoosened
// checks only that they are accepted): escaped lone, misordered or
// truncated surrogates become U+FFFD, one per escape, and raw bytes that
// are not UTF-8 pass through unchanged.
func TestJSONTestSuiteInvalidUTF8Values(t *testing.T) {
	files := jtsFiles(t, "test_parsing")
	escaped := []string{"i_object_key_lone_2nd_surrogate", "i_string_1st_surrogate_but_2nd_missing",
		"i_string_1st_valid_surrogate_2nd_invalid", "i_string_incomplete_surrogate_and_escape_valid",
		"i_string_incomplete_surrogate_pair", "i_string_incomplete_surrogates_escape_valid",
		"i_string_invalid_lonely_surrogate", "i_string_invalid_surrogate",
		"i_string_inverted_surrogates_U+1D11E", "i_string_lone_second_surrogate"}
	raw := []string{"i_string_UTF-8_invalid_sequence", "i_string_UTF8_surrogate_U+D800", "i_string_invalid_utf-8",
		"i_string_iso_latin_1", "i_string_lone_utf8_continuation_byte", "i_string_not_in_unicode_range",
		"i_string_overlong_sequence_2_bytes", "i_string_overlong_sequence_6_bytes",
		"i_string_overlong_sequence_6_bytes_null", "i_string_truncated-utf-8"}
	// the one string (or name) of each file, decoded
	decoded := func(name string) (in, s []byte) {
		in, ok := files[name+".json"]
		if !ok {
			t.Fatalf("%s.json missing", name)
		}
		d := NewDecoderBytes(in, &Options{AllowInvalidUTF8: true})
		for {
			tok, err := d.ReadToken()
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			if tok.Kind == String || tok.Kind == Name {
				return in, tok.Value
			}
		}
	}
	// exactly: one U+FFFD per bad escape, and what follows it kept
	exact := map[string]string{
		"i_object_key_lone_2nd_surrogate":                "\uFFFD",
		"i_string_1st_surrogate_but_2nd_missing":         "\uFFFD",
		"i_string_1st_valid_surrogate_2nd_invalid":       "\uFFFD\u1234",
		"i_string_incomplete_surrogate_and_escape_valid": "\uFFFD\n",
		"i_string_incomplete_surrogate_pair":             "\uFFFDa",
		"i_string_incomplete_surrogates_escape_valid":    "\uFFFD\uFFFD\n",
		"i_string_invalid_lonely_surrogate":              "\uFFFD",
		"i_string_invalid_surrogate":                     "\uFFFDabc",
		"i_string_inverted_surrogates_U+1D11E":           "\uFFFD\uFFFD",
		"i_string_lone_second_surrogate":                 "\uFFFD",
	}
	for _, name := range escaped {
		in, s := decoded(name)
		if want, ok := exact[name]; !ok || string(s) != want {
			t.Errorf("%s: %q decoded to %q, want %q", name, in, s, want)
		}
		if !utf8.Valid(s) || !bytes.Contains(s, []byte("\uFFFD")) {
			t.Errorf("%s: %q decoded to %q, want U+FFFD for the bad surrogate escapes", name, in, s)
		}
		// every \u escape that is not part of a valid pair is one U+FFFD
		if n, want := strings.Count(string(s), "\uFFFD"), strings.Count(strings.ToLower(string(in)), `\ud`); n == 0 || n > want {
			t.Errorf("%s: %d U+FFFD in %q", name, n, s)
		}
	}
	for _, name := range raw {
		in, s := decoded(name)
		i := bytes.IndexByte(in, '"')
		j := bytes.LastIndexByte(in, '"')
		if want := in[i+1 : j]; !bytes.Equal(s, want) {
			t.Errorf("%s: decoded to %q, want the raw bytes %q", name, s, want)
		}
	}
}
