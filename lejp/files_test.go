package lejp

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/lwscrypto/lwscrypto/internal/testenv"
)

// TestBenchmarkFiles parses the JSON benchmark files (large, indented,
// non-ASCII, escaped, number-heavy) through every entry point: all accept,
// and the Parser's events are the same whole, in 4093-byte writes and, for
// twitter.json, one byte per Write.
func TestBenchmarkFiles(t *testing.T) {
	dir := testenv.VectorsFile(t, "json-benchmark")
	for _, name := range []string{"twitter.json", "citm_catalog.json", "canada.json", "twitterescaped.json", "github_events.json"} {
		in, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		if err := Check(in, nil); err != nil {
			t.Errorf("%s: Check: %v", name, err)
			continue
		}
		opts := &Options{StringChunk: 64}
		whole := pushHash(opts, in)
		if got := pushHash(opts, bytesSplit(in, 4093)...); got != whole {
			t.Errorf("%s: 4093-byte writes %s, whole %s", name, got, whole)
		}
		if name == "twitter.json" && !testing.Short() {
			if got := pushHash(opts, bytesSplit(in, 1)...); got != whole {
				t.Errorf("%s: one byte per Write %s, whole %s", name, got, whole)
			}
		}
		if got, want := pullTrace(nil, in, false), pushTrace(nil, nil, true, in); got != want {
			t.Errorf("%s: Decoder and Parser differ:\n%s", name, diff(want, got))
		}
	}
}

// TestIndentation re-indents every JSONTestSuite y_ file with long runs of
// spaces, tabs and CRLF, and requires the same tokens as the compact form.
func TestIndentation(t *testing.T) {
	files := jtsFiles(t, "test_parsing")
	for name, in := range files {
		if !strings.HasPrefix(name, "y_") || strings.Contains(name, "duplicated") {
			continue
		}
		var compact bytes.Buffer
		if json.Compact(&compact, in) != nil {
			continue
		}
		for _, indent := range []string{"                 ", "\t", " \t\r "} {
			var ind bytes.Buffer
			if err := json.Indent(&ind, compact.Bytes(), "   ", indent); err != nil {
				t.Fatal(err)
			}
			doc := append(bytes.ReplaceAll(ind.Bytes(), []byte("\n"), []byte("\r\n")), "            \n"...)
			if err := Check(doc, nil); err != nil {
				t.Errorf("%s indented %q: %v", name, indent, err)
				continue
			}
			if a, b := kinds(compact.Bytes()), kinds(doc); a != b {
				t.Errorf("%s indented %q: tokens differ:\n%s", name, indent, diff(a, b))
			}
		}
	}
}

// kinds lists the tokens' kinds and values, without offsets.
func kinds(in []byte) string {
	var b strings.Builder
	d := NewDecoderBytes(in, nil)
	for {
		tok, err := d.ReadToken()
		if err != nil {
			b.WriteString(err.Error())
			return b.String()
		}
		b.WriteString(tok.Kind.String() + " " + string(tok.Value) + "\n")
	}
}
