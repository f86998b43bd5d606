package testenv

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestPanvaVersionPinnedInCI: .ci/peers.sh installed "jose@6", whatever
// the newest 6.x was on CI day, while the differential pins one release's
// verdicts. The script must install exactly PanvaJoseVersion.
func TestPanvaVersionPinnedInCI(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("..", "..", ".ci", "peers.sh"))
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?m)^\s*PANVA_JOSE_VERSION=(\S+)\s*$`).FindSubmatch(b)
	if m == nil {
		t.Fatalf(".ci/peers.sh sets no PANVA_JOSE_VERSION: CI would install whatever jose release is newest, not %s", PanvaJoseVersion)
	}
	if got := string(m[1]); got != PanvaJoseVersion {
		t.Fatalf(".ci/peers.sh installs jose %s, the tests pin %s's verdicts (PanvaJoseVersion)", got, PanvaJoseVersion)
	}
	if regexp.MustCompile(`jose@[0-9^~]`).Match(b) {
		t.Errorf(".ci/peers.sh names a jose release other than through PANVA_JOSE_VERSION")
	}
}

// TestPanvaOtherVersionRefused: a node_modules/jose of another release
// than PanvaJoseVersion is refused, naming both; the pinned one is taken.
func TestPanvaOtherVersionRefused(t *testing.T) {
	for v, ok := range map[string]bool{PanvaJoseVersion: true, "6.2.18": false, "6.3.0": false, "5.10.0": false, "": false} {
		dir := t.TempDir()
		if err := os.MkdirAll(filepath.Join(dir, "node_modules", "jose"), 0o755); err != nil {
			t.Fatal(err)
		}
		pkg := `{"name":"jose","version":"` + v + `"}`
		if err := os.WriteFile(filepath.Join(dir, "node_modules", "jose", "package.json"), []byte(pkg), 0o600); err != nil {
			t.Fatal(err)
		}
		err := panvaVersionErr(dir)
		if ok != (err == nil) {
			t.Errorf("jose %q: %v", v, err)
		}
		if err != nil && (!strings.Contains(err.Error(), PanvaJoseVersion) || !strings.Contains(err.Error(), " "+v+";")) {
			t.Errorf("jose %q: %v does not name both releases", v, err)
		}
	}
	if err := panvaVersionErr(t.TempDir()); err == nil {
		t.Error("no package.json: no error")
	}
}
