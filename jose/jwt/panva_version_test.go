package jwt_test

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// panvaVersion is the panva jose release whose verdicts the differential
// table (differential_claims_test.go) and the round trips pin. CI installs
// exactly this release (.ci/peers.sh); a later 6.x that changed one
// verdict would otherwise break CI on the day it was published, or a
// developer's machine with another release would judge the table against
// the wrong peer. Moving to a new release is a deliberate edit of both.
const panvaVersion = "6.2.17"

// TestPanvaVersionPinnedInCI: .ci/peers.sh installed "jose@6", whatever
// the newest 6.x was on CI day, while the differential pins one release's
// verdicts. The script must install exactly panvaVersion.
func TestPanvaVersionPinnedInCI(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("..", "..", ".ci", "peers.sh"))
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?m)^\s*PANVA_JOSE_VERSION=(\S+)\s*$`).FindSubmatch(b)
	if m == nil {
		t.Fatalf(".ci/peers.sh sets no PANVA_JOSE_VERSION: CI would install whatever jose release is newest, not %s", panvaVersion)
	}
	if got := string(m[1]); got != panvaVersion {
		t.Fatalf(".ci/peers.sh installs jose %s, the tests pin %s's verdicts (panvaVersion)", got, panvaVersion)
	}
	if regexp.MustCompile(`jose@[0-9^~]`).Match(b) {
		t.Errorf(".ci/peers.sh names a jose release other than through PANVA_JOSE_VERSION")
	}
}

// panvaVersionErr says why the panva jose package in dir
// (node_modules/jose) is not the release the tests pin, or is nil: its
// verdicts are written in the table, so another release is no peer to
// compare with, and panvaPeer fails the test rather than skip it.
func panvaVersionErr(dir string) error {
	b, err := os.ReadFile(filepath.Join(dir, "node_modules", "jose", "package.json"))
	if err != nil {
		return fmt.Errorf("panva jose's package.json: %w", err)
	}
	var pkg struct {
		Name, Version string
	}
	if err := json.Unmarshal(b, &pkg); err != nil {
		return fmt.Errorf("panva jose's package.json: %w", err)
	}
	if pkg.Name != "jose" || pkg.Version != panvaVersion {
		return fmt.Errorf("%s/node_modules/jose is %s %s; the tests pin panva jose %s's verdicts (install it with .ci/peers.sh, or npm install --save-exact jose@%s)",
			dir, pkg.Name, pkg.Version, panvaVersion, panvaVersion)
	}
	return nil
}

// TestPanvaOtherVersionRefused: a node_modules/jose of another release
// than panvaVersion is refused, naming both; the pinned one is taken.
func TestPanvaOtherVersionRefused(t *testing.T) {
	for v, ok := range map[string]bool{panvaVersion: true, "6.2.18": false, "6.3.0": false, "5.10.0": false, "": false} {
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
		if err != nil && (!strings.Contains(err.Error(), panvaVersion) || !strings.Contains(err.Error(), " "+v+";")) {
			t.Errorf("jose %q: %v does not name both releases", v, err)
		}
	}
	if err := panvaVersionErr(t.TempDir()); err == nil {
		t.Error("no package.json: no error")
	}
}
