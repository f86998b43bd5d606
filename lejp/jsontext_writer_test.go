//go:build goexperiment.jsonv2

package lejp

// lejp's Writer encoding against encoding/json/jsontext's (the build tag:
// see jsontext_diff_test.go). Both write strings and numbers in the form
// RFC 8785 (JCS) gives them: strings escape '"', '\\' and the control
// characters only (\b \t \n \f \r, else \u00xx in lower case), numbers are
// the shortest text that reads back as the same float64, in ECMAScript's
// form. So for valid UTF-8 the bytes must be the same. Invalid UTF-8 has
// no JSON form: lejp writes \ufffd for each invalid byte and jsontext's
// AppendQuote reports an error; the difference is allowed, and lejp's
// output must decode (jsontext.AppendUnquote) to the input with each
// invalid byte replaced by U+FFFD. NaN and infinities have no JSON form
// either (RFC 8259 §6): lejp's AppendFloat returns an error (documented),
// jsontext.Float makes a string token of them; only lejp's error is
// required.

import (
	"bytes"
	"encoding/json/jsontext"
	"math"
	"testing"
	"unicode/utf8"
)

// compareWriter fails t where lejp's AppendString or AppendFloat differ
// from jsontext's encoding of s or f.
func compareWriter(t *testing.T, s string, f float64) {
	t.Helper()
	got := AppendString(nil, s)
	if utf8.ValidString(s) {
		want, err := jsontext.AppendQuote(nil, s)
		if err != nil || !bytes.Equal(got, want) {
			t.Fatalf("AppendString(%q) = %s, jsontext %s (%v)", s, got, want, err)
		}
	} else if dec, err := jsontext.AppendUnquote(nil, got); err != nil || string(dec) != string([]rune(s)) {
		t.Fatalf("AppendString(%q) = %s, which jsontext decodes to %q (%v)", s, got, dec, err)
	}

	lf, lerr := AppendFloat(nil, f)
	if math.IsNaN(f) || math.IsInf(f, 0) {
		// No JSON number (RFC 8259 §6): lejp's error (documented), where
		// jsontext.Float makes the token the string "NaN" or "±Infinity".
		if lerr == nil {
			t.Fatalf("AppendFloat(%v) = %s, want an error", f, lf)
		}
		return
	}
	var b bytes.Buffer
	jerr := jsontext.NewEncoder(&b).WriteToken(jsontext.Float(f))
	if (lerr == nil) != (jerr == nil) {
		t.Fatalf("AppendFloat(%v): lejp %q %v, jsontext %q %v", f, lf, lerr, b.Bytes(), jerr)
	}
	if lerr == nil && !bytes.Equal(lf, bytes.TrimSuffix(b.Bytes(), []byte("\n"))) {
		t.Fatalf("AppendFloat(%v) = %s, jsontext %s", f, lf, b.Bytes())
	}
}

// writerStrings and writerFloats are the fixed cases of
// TestJSONTextWriter and the seeds of FuzzJSONTextWriter.
var (
	writerStrings = []string{"", "a", "\"\\/", "\x00\x01\x07\x08\x09\x0a\x0b\x0c\x0d\x1b\x1f\x20\x7f", "é€😀\u2028\u2029<>&'",
		"\ufeff\uffff\U0010ffff", "\xff", "a\xc0\x80b", "\xed\xa0\x80", "\xe2\x82", "\xf4\x90\x80\x80", "</script>"}
	writerFloats = []float64{0, math.Copysign(0, -1), 1, -1, 0.1, 1.5, 100, 1e20, 1e21, 123456789012345680000, 1e-6, 1e-7, 0.000001234,
		5e-324, math.MaxFloat64, -math.MaxFloat64, math.SmallestNonzeroFloat64, 1 << 53, 1<<53 + 2, 9007199254740993, 0.1 + 0.2,
		math.NaN(), math.Inf(1), math.Inf(-1), 1e300, 2.5e-8, 123.456e-10}
)

// TestJSONTextWriter compares the fixed cases, every string with every
// float.
func TestJSONTextWriter(t *testing.T) {
	for _, s := range writerStrings {
		for _, f := range writerFloats {
			compareWriter(t, s, f)
		}
	}
	for c := range 256 {
		compareWriter(t, string(rune(c))+string([]byte{byte(c)}), float64(c)/7)
	}
}

// FuzzJSONTextWriter: lejp's AppendString and AppendFloat against
// jsontext's encoding, on any string and float64.
func FuzzJSONTextWriter(f *testing.F) {
	for i, s := range writerStrings {
		f.Add(s, writerFloats[i%len(writerFloats)])
	}
	f.Fuzz(compareWriter)
}
