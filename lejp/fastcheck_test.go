package lejp

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/lwscrypto/lwscrypto/internal/testenv"
)

// slowCheck is Check without its fast first pass: the scanner's verdict.
func slowCheck(b []byte, opts *Options) error {
	var s scanner
	s.init(opts)
	s.buf, s.eof, s.borrowNames, s.noDecode = b, true, true, true
	for {
		if _, err := s.next(); err != nil {
			if err == errEnd {
				return nil
			}
			return err
		}
	}
}

func fastOK(b []byte, opts *Options) bool {
	var s scanner
	s.init(opts)
	return fastCheck(&s, b)
}

var fastOpts = []*Options{nil, {AllowDuplicateNames: true}, {AllowInvalidUTF8: true}, {MaxDepth: 3}, {MaxNameLen: 4},
	{MaxNumberLen: 3}, {MaxStringLen: 5}, {MaxNameMemory: 100}}

// TestFastCheckNeverAcceptsInvalid: over every JSONTestSuite file (and a set
// of documents near each limit) under several options, the fast pass
// accepts only what the scanner accepts; and it does accept the valid
// files, so Check's common path is the one tested by the suite.
func TestFastCheckNeverAcceptsInvalid(t *testing.T) {
	docs := map[string][]byte{}
	for name, b := range jtsFiles(t, "test_parsing") {
		docs[name] = b
	}
	for i, s := range []string{
		`{"a":1,"a":2}`, `{"a":1,"b":{"a":2},"a":3}`, `{"abcdefghij":1,"abcdefghik":2}`, `{"a\u0062":1,"ab":2}`,
		`[[[[1]]]]`, `[[[1]]]`, `{"abcde":1}`, `{"abcd":1}`, `[1234]`, `[123]`, `["abcdef"]`, `["abcde"]`,
		`1`, ` 1 `, `-`, `-0`, `01`, `1.`, `1e`, `1e+`, `1.5e-3`, `1x`, `truex`, `true1`, `[true,false,null]`,
		"[\"\xff\"]", `["\ud800"]`, `{"a":1 "b":2}`, `{"a" 1}`, `[1,]`, `{,}`, `{"a":1,}`, `[]`, `{}`, ` `, ``,
		"\t[\r\n]\n", "[\x01]", `# c` + "\n1", `1 2`, `{"a":[{"a":{"a":1}}],"b":2}`,
	} {
		docs[fmt.Sprintf("doc%d", i)] = []byte(s)
	}
	// Objects larger than the filter, with and without a late duplicate.
	var big strings.Builder
	big.WriteString(`{`)
	for i := 0; i < 300; i++ {
		fmt.Fprintf(&big, `"k%d":%d,`, i, i)
	}
	docs["big"] = []byte(big.String() + `"end":0}`)
	docs["bigdup"] = []byte(big.String() + `"k17":0}`)
	accepted := 0
	for name, b := range docs {
		for _, o := range fastOpts {
			slow := slowCheck(b, o)
			if fastOK(b, o) {
				if slow != nil {
					t.Errorf("%s %+v: fast pass accepts, scanner: %v", name, o, slow)
				}
				accepted++
			} else if o == nil && slow == nil && !strings.Contains(string(b), `\u`) && !strings.HasPrefix(name, "i_") {
				// Valid, without escaped names: the fast pass must take it.
				if !strings.Contains(string(b), `"\`) {
					t.Errorf("%s: valid, fast pass declines", name)
				}
			}
			if err := Check(b, o); (err == nil) != (slow == nil) || (err != nil && err.Error() != slow.Error()) {
				t.Errorf("%s %+v: Check %v, scanner %v", name, o, err, slow)
			}
		}
	}
	if accepted < 100 {
		t.Errorf("fast pass accepted %d documents", accepted)
	}
}

// TestFastCheckDuplicateWork: an object whose names all share a filter bit
// makes the fast pass's duplicate search stop within its work bound (and
// hand over to the scanner), not go quadratic; the verdict stays exact.
func TestFastCheckDuplicateWork(t *testing.T) {
	var b strings.Builder
	b.WriteString(`{`)
	n := 0
	var nm []byte
	for i := 0; n < 5000; i++ {
		nm = strconv.AppendInt(nm[:0], int64(i), 10)
		if (nameKey(nm)*0x9E3779B97F4A7C15)>>56 != 7 {
			continue
		}
		if n > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, `"%s":0`, nm)
		n++
	}
	b.WriteString(`}`)
	in := []byte(b.String())
	if fastOK(in, nil) {
		t.Fatal("fast pass went through 5000 colliding names")
	}
	if err := Check(in, nil); err != nil {
		t.Fatal(err)
	}
}

// TestFastCheckDuplicateKeys: a repeated name is found whatever its
// length and wherever it lies (a name near the end of the input is read
// by fastName, one further in by the loop itself: both must give it the
// same key), and names that share their first or last eight bytes are
// told apart.
func TestFastCheckDuplicateKeys(t *testing.T) {
	base := "profile_background_image_url_https_and_more_é_bytes"
	for n := 1; n <= len(base); n++ {
		nm := base[:n]
		for pad := 0; pad < 12; pad++ {
			sp := strings.Repeat(" ", pad)
			for _, doc := range []string{
				`{"` + nm + `":1,"` + nm + `":2}` + sp,
				`{"` + nm + `":1,` + sp + `"x":{"` + nm + `":1},"` + nm + `":[1,` + sp + `2]}`,
			} {
				if fastOK([]byte(doc), nil) {
					t.Fatalf("%q: fast pass accepts a duplicate name", doc)
				}
				if utf8.ValidString(doc) && Check([]byte(doc), nil) == nil {
					t.Fatalf("%q: Check accepts a duplicate name", doc)
				}
			}
		}
	}
	doc := `{"profile_link_color":1,"profile_text_color":2,"in_reply_to_user_id_str":3,"in_reply_to_screen_name":4,"abcdefgh":5,"abcdefghabcdefgh":6}`
	if !fastOK([]byte(doc), nil) {
		t.Errorf("%s: fast pass declines", doc)
	}
}

// TestFastCheckBenchmarkFiles: the fast pass takes the benchmark files.
func TestFastCheckBenchmarkFiles(t *testing.T) {
	dir := testenv.VectorsFile(t, "json-benchmark")
	for _, name := range []string{"twitter.json", "citm_catalog.json", "canada.json", "github_events.json"} {
		in, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		if !fastOK(in, nil) {
			t.Errorf("%s: fast pass declines", name)
		}
	}
}

// TestPlainNameKey: a name read plainly and its escaped twin (decoded,
// keyed by nameKey) are found to be the same name by Check and the Parser,
// at every length around the 8-byte words the plain scans read.
// (TestPlainNameEnd checks the plain scan's key against nameKey itself.)
func TestPlainNameKey(t *testing.T) {
	for n := 1; n <= 17; n++ {
		nm := strings.Repeat("abcdefghijklmnopq", 2)[:n]
		twin := `\u00` + fmt.Sprintf("%02x", nm[0]) + nm[1:]
		for _, doc := range []string{`{"` + nm + `":1,"` + twin + `":2}`, `{"` + twin + `":1,"` + nm + `":2}`} {
			if err := Check([]byte(doc), nil); err == nil || !strings.Contains(err.Error(), "duplicate") {
				t.Errorf("%s: Check %v", doc, err)
			}
			if got := pushTrace(nil, nil, false, []byte(doc)); !strings.Contains(got, "duplicate") {
				t.Errorf("%s: Parser:\n%s", doc, lastLines(got))
			}
		}
	}
}
