package main

import (
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestSitesApply: every site of a small file yields source that still
// parses and differs from the original exactly at the site.
func TestSitesApply(t *testing.T) {
	src := `package p

const limit = 16

func f(a, b int, ok bool) int {
	if a < b && ok || a == 0 {
		a++
	}
	return a + b - limit
}
`
	p := filepath.Join(t.TempDir(), "p.go")
	if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	ss, err := sites(p)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]bool{"< -> <=": true, "< -> >=": true, "&& -> ||": true, "|| -> &&": true, "== -> !=": true,
		"++ -> --": true, "+ -> -": true, "- -> +": true, "negate if condition": true, "16 -> 17": true, "0 -> 1": true}
	seen := map[string]bool{}
	for _, s := range ss {
		seen[s.desc] = true
		out := string(apply([]byte(src), s))
		if out == src {
			t.Errorf("%s at %d:%d changes nothing", s.desc, s.line, s.col)
		}
		if !strings.HasPrefix(out, src[:s.off]) || !strings.HasSuffix(out, src[s.end:]) {
			t.Errorf("%s at %d:%d changes more than its site", s.desc, s.line, s.col)
		}
		if _, err := parser.ParseFile(token.NewFileSet(), "m.go", out, 0); err != nil {
			t.Errorf("%s at %d:%d: %v\n%s", s.desc, s.line, s.col, err, out)
		}
	}
	for d := range want {
		if !seen[d] {
			t.Errorf("no site %q", d)
		}
	}
}
