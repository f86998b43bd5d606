// Package corpus locates the shared conformance corpus: LWSCRYPTO_VECTORS, or
// else ../shared/vectors beside the module root. The CLI and the tests share
// it; package testenv adds the skip-or-fail rule for tests.
package corpus

import (
	"errors"
	"os"
	"path/filepath"
)

// Dir returns the corpus directory, or an error saying where it was
// looked for. It does not depend on package testing, so the CLI uses it too.
func Dir() (string, error) {
	if d := os.Getenv("LWSCRYPTO_VECTORS"); d != "" {
		if st, err := os.Stat(d); err != nil || !st.IsDir() {
			return "", errors.New("LWSCRYPTO_VECTORS=" + d + " is not a directory")
		}
		return d, nil
	}
	root, err := ModuleRoot()
	if err != nil {
		return "", err
	}
	d := filepath.Join(root, "..", "shared", "vectors")
	if st, err := os.Stat(d); err != nil || !st.IsDir() {
		return "", errors.New("no corpus at " + d + " and LWSCRYPTO_VECTORS is unset")
	}
	return filepath.Clean(d), nil
}

// ModuleRoot walks up from the working directory to the directory holding
// this module's go.mod.
func ModuleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if b, err := os.ReadFile(filepath.Join(dir, "go.mod")); err == nil && isThisModule(b) {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("not inside the lwscrypto module")
		}
		dir = parent
	}
}

func isThisModule(gomod []byte) bool {
	const want = "module github.com/lwscrypto/lwscrypto\n"
	return len(gomod) >= len(want) && string(gomod[:len(want)]) == want
}

// JSONTestSuite returns the contents of the JSONTestSuite files of the
// corpus (test_parsing, then test_transform) of at most maxSize bytes each
// (0: any size), for tests that use them as documents or fuzz seeds; none
// when the corpus is absent or unreadable (the runners in package vectors,
// not these, are what require the suite).
func JSONTestSuite(maxSize int) [][]byte {
	dir, err := Dir()
	if err != nil {
		return nil
	}
	var docs [][]byte
	for _, sub := range []string{"test_parsing", "test_transform"} {
		es, _ := os.ReadDir(filepath.Join(dir, "JSONTestSuite", sub))
		for _, e := range es {
			b, err := os.ReadFile(filepath.Join(dir, "JSONTestSuite", sub, e.Name()))
			if err == nil && (maxSize == 0 || len(b) <= maxSize) {
				docs = append(docs, b)
			}
		}
	}
	return docs
}
