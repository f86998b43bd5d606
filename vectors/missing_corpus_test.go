package vectors_test

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/lwscrypto/lwscrypto/vectors"
)

// TestMissingCorpusIsErrNotExist: every error for a corpus, or part of
// one, that is not there matches fs.ErrNotExist, which the lwscrypto
// vectors command tests to print its hint. Run's "corpus … not found"
// and the jose-cookbook JWK, cose-wg-examples and Wycheproof JWK-keyed
// runners' errors for files that are missing did not (one dropped the
// stat error, one formatted it with %v).
func TestMissingCorpusIsErrNotExist(t *testing.T) {
	dir := t.TempDir()
	if _, err := vectors.Run(dir, vectors.Options{}); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("Run over an empty directory: %v, want fs.ErrNotExist", err)
	}
	for _, r := range vectors.Runners() {
		if r.Builtin {
			continue
		}
		sub := filepath.Join(dir, r.Name)
		if err := os.MkdirAll(sub, 0o755); err != nil {
			t.Fatal(err)
		}
		if _, err := r.Run(sub, nil); !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("runner %s over an empty folder: %v, want fs.ErrNotExist", r.Name, err)
		}
	}

	// A corpus that is a file, not a folder.
	dir = t.TempDir()
	first := ""
	for _, r := range vectors.Runners() {
		if !r.Builtin {
			first = r.Name
			break
		}
	}
	if err := os.WriteFile(filepath.Join(dir, first), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := vectors.Run(dir, vectors.Options{}); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("Run with corpus %s a file: %v, want fs.ErrNotExist", first, err)
	}
}
