package lecp

import (
	"go/ast"
	"go/build"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"path/filepath"
	"testing"
)

// TestBuilds32Bit type-checks the package as GOARCH=386 builds it, where
// int is 32 bits: a constant that does not fit an int there (an Options
// literal with a limit of 1<<40) stops lecp, and the CLI that imports it,
// from building on 32-bit platforms, which the other tests, run on a 64-bit
// machine, never see.
func TestBuilds32Bit(t *testing.T) {
	ctx := build.Default
	ctx.GOARCH = "386"
	ctx.CgoEnabled = false
	pkg, err := ctx.ImportDir(".", 0)
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	var files []*ast.File
	for _, name := range pkg.GoFiles {
		f, err := parser.ParseFile(fset, filepath.Join(pkg.Dir, name), nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
	}
	conf := types.Config{Importer: importer.ForCompiler(fset, "source", nil), Sizes: types.SizesFor("gc", "386")}
	if _, err := conf.Check(pkg.ImportPath, fset, files, nil); err != nil {
		t.Errorf("GOARCH=386: %v", err)
	}
}
