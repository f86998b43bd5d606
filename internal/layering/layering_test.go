// Package layering holds the test that enforces the import rules of
// DESIGN.md: which packages of the module may depend on which, which
// standard packages (flag, log, testing) only the command may use or link,
// and that only the command writes to stdout/stderr or reads files by path.
// The rules are data (rules below); the check runs `go list -deps` over the
// module and scans each package's non-test files.
package layering

import (
	"bufio"
	"bytes"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/lwscrypto/lwscrypto/internal/corpus"
)

const module = "github.com/lwscrypto/lwscrypto"

// rule constrains the packages under one folder of the module.
type rule struct {
	// under is a folder of the module, e.g. "lejp"; it covers its subfolders.
	under string
	// stdOnly forbids every dependency outside the standard library,
	// except the module's packages listed in allow.
	stdOnly bool
	// allow lists leaf folders of the module a stdOnly package may
	// depend on anyway (each itself stdOnly, so that the dependency
	// brings in nothing else).
	allow []string
	// forbidden lists folders of the module that must not be among the
	// package's (transitive) dependencies.
	forbidden []string
}

// internal/corpus reads the environment and files by path, which DESIGN.md
// allows only in cmd/ (and the conformance runners of vectors/): library
// folders forbid it.
var rules = []rule{
	// lejp and lecp stand alone; lecp may use the UTF-8 validator
	// internal/utf8simd (vectorised in the GOEXPERIMENT=simd build), kept
	// apart so that it is tested on its own and can be shared.
	{under: "lejp", stdOnly: true},
	{under: "lecp", stdOnly: true, allow: []string{"internal/utf8simd"}},
	{under: "gencrypto", forbidden: []string{"lejp", "lecp", "jose", "cose", "x509", "tlsbackends", "vectors", "cmd", "internal/corpus"}},
	{under: "jose", forbidden: []string{"cose", "lecp", "x509", "tlsbackends", "vectors", "cmd", "internal/corpus"}},
	{under: "cose", forbidden: []string{"jose", "lejp", "x509", "tlsbackends", "vectors", "cmd", "internal/corpus"}},
	// x509 → gencrypto, jose/jwk, cose: of the JOSE packages only jose/jwk
	// (and what it uses).
	{under: "x509", forbidden: []string{"jose/jws", "jose/jwt", "tlsbackends", "vectors", "cmd", "internal/corpus"}},
	{under: "tlsbackends", forbidden: []string{"vectors", "cmd", "internal/corpus"}},
	// acme → jose/jws, jose/jwk: not the JWT layer.
	{under: "tlsbackends/acme", forbidden: []string{"jose/jwt"}},
	{under: "vectors", forbidden: []string{"cmd"}},
	{under: "internal", forbidden: []string{"cmd", "vectors"}},
	// The Ed25519 key checks gencrypto and jose/jwk share: below both, so
	// the standard library only.
	{under: "internal/ed25519check", stdOnly: true},
	// The PEM text checks jose/jwk and the CLI share.
	{under: "internal/pemtext", stdOnly: true},
	// lecp's UTF-8 validator: the standard library only (simd/archsimd
	// included), so that allowing it to lecp allows nothing else.
	{under: "internal/utf8simd", stdOnly: true},
}

// commandOnly are standard packages only cmd/ may import directly: library
// code never parses flags, logs, or links the testing package.
var commandOnly = []string{"flag", "log", "testing"}

// exemptCommandOnly may import commandOnly packages: they exist to be
// imported by tests (the corpus/peer helper, the hostile-input builders of
// the bounds tests, and the exported backend conformance suite, whose API
// is func Run(*testing.T, Backend)).
var exemptCommandOnly = map[string]bool{
	module + "/internal/testenv":        true,
	module + "/internal/hostile":        true,
	module + "/gencrypto/gencryptotest": true,
}

// stdio and fileByPath are the qualified identifiers by which code writes
// to the process's stdout or stderr, or opens files by path: DESIGN.md
// leaves both to cmd/.
var (
	stdio = map[string]bool{"os.Stdout": true, "os.Stderr": true,
		"fmt.Print": true, "fmt.Printf": true, "fmt.Println": true, "log.Print": true}
	fileByPath = map[string]bool{"os.Open": true, "os.OpenFile": true, "os.ReadFile": true, "os.ReadDir": true,
		"os.Create": true, "os.WriteFile": true, "os.DirFS": true}
)

// exemptFiles may read files by path: the conformance runners and the
// corpus locator read the corpus, and ACME keeps its cache directory.
var exemptFiles = map[string]bool{"vectors": true, "internal/corpus": true, "tlsbackends/acme": true}

// usesOf returns the stdio and file-by-path identifiers the files use, as
// selectors on the standard package names (os, fmt, log); a renamed import
// is not followed.
func usesOf(files []string) ([]string, error) {
	seen := map[string]bool{}
	fset := token.NewFileSet()
	for _, f := range files {
		af, err := parser.ParseFile(fset, f, nil, parser.SkipObjectResolution)
		if err != nil {
			return nil, err
		}
		ast.Inspect(af, func(n ast.Node) bool {
			if sel, ok := n.(*ast.SelectorExpr); ok {
				if id, ok := sel.X.(*ast.Ident); ok {
					if q := id.Name + "." + sel.Sel.Name; stdio[q] || fileByPath[q] {
						seen[q] = true
					}
				}
			}
			return true
		})
	}
	out := make([]string, 0, len(seen))
	for q := range seen {
		out = append(out, q)
	}
	sort.Strings(out)
	return out, nil
}

// pkgInfo is what go list reports for one package.
type pkgInfo struct {
	path    string
	imports []string
	deps    []string
	// uses lists the qualified identifiers of stdio and file access
	// ("os.Stdout", "fmt.Println", "os.ReadFile", …) its non-test files use.
	uses []string
}

// check returns every violation of rules and commandOnly among pkgs.
func check(pkgs []pkgInfo) []string {
	var bad []string
	for _, p := range pkgs {
		rel, ok := strings.CutPrefix(p.path, module+"/")
		if !ok {
			continue
		}
		for _, r := range rules {
			if rel != r.under && !strings.HasPrefix(rel, r.under+"/") {
				continue
			}
			for _, d := range p.deps {
				drel, inModule := strings.CutPrefix(d, module+"/")
				if r.stdOnly && !isStd(d) && !(inModule && slices.Contains(r.allow, drel)) {
					bad = append(bad, fmt.Sprintf("%s depends on %s: only the standard library is allowed", rel, d))
					continue
				}
				if !inModule {
					continue
				}
				for _, f := range r.forbidden {
					if drel == f || strings.HasPrefix(drel, f+"/") {
						bad = append(bad, fmt.Sprintf("%s depends on %s, which DESIGN.md forbids", rel, drel))
					}
				}
			}
		}
		if strings.HasPrefix(rel, "cmd/") || exemptCommandOnly[p.path] {
			continue
		}
		for _, imp := range p.imports {
			for _, c := range commandOnly {
				if imp == c {
					bad = append(bad, fmt.Sprintf("%s imports %s, which only cmd/ may use", rel, imp))
				}
			}
		}
		for _, u := range p.uses {
			switch {
			case stdio[u]:
				bad = append(bad, fmt.Sprintf("%s uses %s: only cmd/ writes to stdout or stderr", rel, u))
			case fileByPath[u] && !exemptFiles[rel]:
				bad = append(bad, fmt.Sprintf("%s uses %s: only cmd/ reads files by path", rel, u))
			}
		}
		// Library code must not link testing at all, not even through an
		// exempt test helper (flag and log are linked by standard packages
		// such as net/http, so only their direct import is a violation).
		if !slices.Contains(p.imports, "testing") && slices.Contains(p.deps, "testing") {
			bad = append(bad, fmt.Sprintf("%s links testing (through another package), which only cmd/ and test helpers may use", rel))
		}
	}
	sort.Strings(bad)
	return bad
}

// isStd reports whether an import path is in the standard library (its
// first element has no dot), including vendored golang.org/x under std.
func isStd(path string) bool {
	first, _, _ := strings.Cut(path, "/")
	return !strings.Contains(first, ".")
}

// goList lists every package of the module with its direct imports and its
// transitive dependencies (test files excluded, as the rules are about what
// ships).
func goList(t *testing.T) []pkgInfo {
	t.Helper()
	root, err := corpus.ModuleRoot()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("go", "list", "-f", "{{.ImportPath}}|{{join .Imports \" \"}}|{{join .Deps \" \"}}|{{.Dir}}|{{join .GoFiles \" \"}}", "./...")
	cmd.Dir = root
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, stderr.String())
	}
	var pkgs []pkgInfo
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		parts := strings.SplitN(sc.Text(), "|", 5)
		if len(parts) != 5 {
			t.Fatalf("go list line %q", sc.Text())
		}
		var files []string
		for _, f := range strings.Fields(parts[4]) {
			files = append(files, filepath.Join(parts[3], f))
		}
		uses, err := usesOf(files)
		if err != nil {
			t.Fatal(err)
		}
		pkgs = append(pkgs, pkgInfo{path: parts[0], imports: strings.Fields(parts[1]), deps: strings.Fields(parts[2]), uses: uses})
	}
	if len(pkgs) == 0 {
		t.Fatal("go list returned no packages")
	}
	return pkgs
}

func TestLayering(t *testing.T) {
	if _, err := exec.LookPath("go"); err != nil {
		t.Fatalf("the go command is needed to list packages: %v", err)
	}
	for _, v := range check(goList(t)) {
		t.Error(v)
	}
}

// TestCheckCatchesViolations proves the checker is not vacuous: each kind of
// violation in a synthetic package list is reported.
func TestCheckCatchesViolations(t *testing.T) {
	pkgs := []pkgInfo{
		{path: module + "/lejp", deps: []string{"bytes", "github.com/goccy/go-json"}},
		{path: module + "/gencrypto", deps: []string{module + "/lejp"}},
		{path: module + "/jose/jws", deps: []string{module + "/cose"}},
		{path: module + "/cose", deps: []string{module + "/jose/jwk"}},
		{path: module + "/lecp", imports: []string{"log"}, deps: []string{"log"}},
		{path: module + "/x509", deps: []string{module + "/tlsbackends/acme"}},
		{path: module + "/cmd/lwscrypto", imports: []string{"flag"}, deps: []string{module + "/lejp"}},
		{path: module + "/internal/testenv", imports: []string{"testing"}},
		// the one module package lecp may use, which lejp may not, and
		// others lecp may not; and what the validator itself may use
		{path: module + "/lecp", deps: []string{"simd/archsimd", module + "/internal/utf8simd"}},
		{path: module + "/lejp/sub", deps: []string{module + "/internal/utf8simd", module + "/internal/pemtext"}},
		{path: module + "/lecp", deps: []string{module + "/internal/utf8simd/more"}},
		{path: module + "/internal/utf8simd", deps: []string{"simd/archsimd", "golang.org/x/sys/cpu"}},
	}
	got := check(pkgs)
	want := []string{
		"cose depends on jose/jwk, which DESIGN.md forbids",
		"gencrypto depends on lejp, which DESIGN.md forbids",
		"internal/utf8simd depends on golang.org/x/sys/cpu: only the standard library is allowed",
		"jose/jws depends on cose, which DESIGN.md forbids",
		"lecp depends on github.com/lwscrypto/lwscrypto/internal/utf8simd/more: only the standard library is allowed",
		"lecp imports log, which only cmd/ may use",
		"lejp depends on github.com/goccy/go-json: only the standard library is allowed",
		"lejp/sub depends on github.com/lwscrypto/lwscrypto/internal/pemtext: only the standard library is allowed",
		"lejp/sub depends on github.com/lwscrypto/lwscrypto/internal/utf8simd: only the standard library is allowed",
		"x509 depends on tlsbackends/acme, which DESIGN.md forbids",
	}
	wantFound(t, got, want)
}

// TestCheckTransitiveTestingAndAllowlists proves two rules of DESIGN.md that
// a direct-import or partial check misses: library code must not link the
// testing package through an exempt helper (internal/testenv, internal/hostile),
// and x509 and acme may use only the JOSE packages DESIGN.md lists
// ("x509 → gencrypto, jose/jwk, cose"; "acme → jose/jws, jose/jwk").
func TestCheckTransitiveTestingAndAllowlists(t *testing.T) {
	pkgs := []pkgInfo{
		{path: module + "/jose/jws", imports: []string{module + "/internal/testenv"}, deps: []string{module + "/internal/testenv", "testing"}},
		{path: module + "/internal/testenv", imports: []string{"testing"}, deps: []string{"testing"}},
		{path: module + "/x509", deps: []string{module + "/jose/jws"}},
		{path: module + "/tlsbackends/acme", deps: []string{module + "/jose/jwt"}},
		{path: module + "/gencrypto/gencryptotest", imports: []string{"testing"}, deps: []string{"testing"}},
	}
	got := check(pkgs)
	want := []string{
		"jose/jws links testing (through another package), which only cmd/ and test helpers may use",
		"tlsbackends/acme depends on jose/jwt, which DESIGN.md forbids",
		"x509 depends on jose/jws, which DESIGN.md forbids",
	}
	wantFound(t, got, want)
}

// TestCheckCorpusReaders proves that library packages may not use
// internal/corpus, which reads the environment and files by path (go.mod,
// the corpus folder): DESIGN.md allows that only in cmd/ (and the
// conformance runners of vectors/, whose job it is).
func TestCheckCorpusReaders(t *testing.T) {
	var pkgs []pkgInfo
	for _, p := range []string{"gencrypto", "jose/jwk", "cose", "x509", "tlsbackends/acme"} {
		pkgs = append(pkgs, pkgInfo{path: module + "/" + p, deps: []string{module + "/internal/corpus"}})
	}
	pkgs = append(pkgs, pkgInfo{path: module + "/vectors", deps: []string{module + "/internal/corpus"}})
	got := check(pkgs)
	want := []string{
		"cose depends on internal/corpus, which DESIGN.md forbids",
		"gencrypto depends on internal/corpus, which DESIGN.md forbids",
		"jose/jwk depends on internal/corpus, which DESIGN.md forbids",
		"tlsbackends/acme depends on internal/corpus, which DESIGN.md forbids",
		"x509 depends on internal/corpus, which DESIGN.md forbids",
	}
	wantFound(t, got, want)
}

// TestCheckStdioAndFiles proves the last rule of DESIGN.md's import
// direction: nothing outside cmd/ writes to stdout or stderr or reads files
// by path, except the corpus readers (vectors, internal/corpus) and the
// ACME cache directory (tlsbackends/acme).
func TestCheckStdioAndFiles(t *testing.T) {
	pkgs := []pkgInfo{
		{path: module + "/jose/jws", uses: []string{"fmt.Println"}},
		{path: module + "/gencrypto", uses: []string{"os.Stderr"}},
		{path: module + "/cose", uses: []string{"os.ReadFile"}},
		{path: module + "/tlsbackends/acme", uses: []string{"os.ReadFile", "os.Stdout"}},
		{path: module + "/vectors", uses: []string{"os.ReadFile", "os.ReadDir"}},
		{path: module + "/internal/corpus", uses: []string{"os.ReadFile"}},
		{path: module + "/cmd/lwscrypto", uses: []string{"os.Stdout", "os.ReadFile"}},
	}
	got := check(pkgs)
	want := []string{
		"cose uses os.ReadFile: only cmd/ reads files by path",
		"gencrypto uses os.Stderr: only cmd/ writes to stdout or stderr",
		"jose/jws uses fmt.Println: only cmd/ writes to stdout or stderr",
		"tlsbackends/acme uses os.Stdout: only cmd/ writes to stdout or stderr",
	}
	wantFound(t, got, want)
}

// wantFound requires check's findings to be exactly want, in order.
func wantFound(t *testing.T, got, want []string) {
	t.Helper()
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("check found:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
