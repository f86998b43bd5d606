package testenv

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestCBOREDNVersionPinnedInCI: .ci/peers.sh installs exactly the cbor-edn
// release the interop tests pin, and checks for exactly the cbor2 release
// it brings.
func TestCBOREDNVersionPinnedInCI(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("..", "..", ".ci", "peers.sh"))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ pkg, sh, want string }{
		{"cbor-edn", "CBOR_EDN_VERSION", CBOREDNVersion},
		{"cbor2", "CBOR2_VERSION", CBOR2Version},
	} {
		m := regexp.MustCompile(`(?m)^\s*` + c.sh + `=(\S+)\s*$`).FindSubmatch(b)
		if m == nil {
			t.Errorf(".ci/peers.sh sets no %s: CI would not pin %s %s", c.sh, c.pkg, c.want)
			continue
		}
		if got := string(m[1]); got != c.want {
			t.Errorf(".ci/peers.sh pins %s %s, the tests %s", c.pkg, got, c.want)
		}
		if !strings.Contains(string(b), `"$`+c.sh+`"`) {
			t.Errorf(".ci/peers.sh sets %s but does not use it", c.sh)
		}
		if regexp.MustCompile(regexp.QuoteMeta(c.pkg) + `@[0-9^~]`).Match(b) {
			t.Errorf(".ci/peers.sh names a %s release other than through %s", c.pkg, c.sh)
		}
	}
}

// TestCBOREDNOtherVersionRefused: a package of another release (or
// another name) than the pinned one is refused, naming both.
func TestCBOREDNOtherVersionRefused(t *testing.T) {
	for _, c := range []struct{ name, want string }{{"cbor-edn", CBOREDNVersion}, {"cbor2", CBOR2Version}} {
		for v, ok := range map[string]bool{c.want: true, "0.2.3": false, "2.0.1": false, "": false} {
			dir := t.TempDir()
			if err := os.MkdirAll(filepath.Join(dir, "node_modules", c.name), 0o755); err != nil {
				t.Fatal(err)
			}
			pkg := `{"name":"` + c.name + `","version":"` + v + `"}`
			if err := os.WriteFile(filepath.Join(dir, "node_modules", c.name, "package.json"), []byte(pkg), 0o600); err != nil {
				t.Fatal(err)
			}
			err := npmVersionErr(dir, c.name, c.want)
			if ok != (err == nil) {
				t.Errorf("%s %q: %v", c.name, v, err)
			}
			if err != nil && (!strings.Contains(err.Error(), c.want) || !strings.Contains(err.Error(), " "+v+";")) {
				t.Errorf("%s %q: %v does not name both releases", c.name, v, err)
			}
		}
		if err := npmVersionErr(t.TempDir(), c.name, c.want); err == nil {
			t.Errorf("%s: no package.json: no error", c.name)
		}
	}
	// another package under the name
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "node_modules", "cbor2"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "node_modules", "cbor2", "package.json"), []byte(`{"name":"cbor","version":"`+CBOR2Version+`"}`), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := npmVersionErr(dir, "cbor2", CBOR2Version); err == nil {
		t.Error("a package named cbor as node_modules/cbor2: no error")
	}
}
