package testenv

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// PanvaJoseVersion is the panva jose release the interop tests run against
// and whose verdicts jose/jwt's differential table records. .ci/peers.sh
// installs exactly this release (a test checks that the two agree): a
// later release that changed one verdict would otherwise break CI on the
// day it was published, and a developer's other release would be compared
// with the table as if it were this one. Moving to another release is a
// deliberate edit of both.
const PanvaJoseVersion = "6.2.17"

// PanvaJose returns node and the directory named by LWSCRYPTO_NPM_PEERS,
// which holds panva jose as node_modules/jose. It skips t when either is
// missing, or fails it when LWSCRYPTO_REQUIRE_PEERS=1, and fails t when the
// package is another release than PanvaJoseVersion, naming both.
func PanvaJose(t testing.TB) (node, dir string) {
	t.Helper()
	dir = os.Getenv("LWSCRYPTO_NPM_PEERS")
	if dir == "" {
		missing(t, "LWSCRYPTO_REQUIRE_PEERS", "LWSCRYPTO_NPM_PEERS is not set (a directory with node_modules/jose; see ../shared/PEERS.md; .ci/peers.sh installs it)")
	}
	if _, err := os.Stat(filepath.Join(dir, "node_modules", "jose", "package.json")); err != nil {
		missing(t, "LWSCRYPTO_REQUIRE_PEERS", "panva jose not installed under LWSCRYPTO_NPM_PEERS: "+err.Error())
	}
	if err := panvaVersionErr(dir); err != nil {
		t.Fatal(err)
	}
	return Peer(t, "node"), dir
}

// panvaVersionErr says why the package dir/node_modules/jose is not panva
// jose PanvaJoseVersion, or is nil.
func panvaVersionErr(dir string) error {
	b, err := os.ReadFile(filepath.Join(dir, "node_modules", "jose", "package.json"))
	if err != nil {
		return fmt.Errorf("panva jose's package.json: %w", err)
	}
	var pkg struct{ Name, Version string }
	if err := json.Unmarshal(b, &pkg); err != nil {
		return fmt.Errorf("panva jose's package.json: %w", err)
	}
	if pkg.Name != "jose" || pkg.Version != PanvaJoseVersion {
		return fmt.Errorf("%s/node_modules/jose is %s %s; the interop tests pin panva jose %s (install it with .ci/peers.sh, or npm install --save-exact jose@%s)",
			dir, pkg.Name, pkg.Version, PanvaJoseVersion, PanvaJoseVersion)
	}
	return nil
}

// PanvaCommand returns a command that runs the ES module script under
// node with panva jose importable as process.env.PEER_JOSE (its web API
// build, the one the interop tests use): the peer found as PanvaJose finds
// it, skipping or failing t when it is missing. The script is written to a
// file in t's temporary directory; the caller sets Stdin, or hands the
// command to RunBatch.
func PanvaCommand(t testing.TB, script string) *exec.Cmd {
	t.Helper()
	node, dir := PanvaJose(t)
	file := filepath.Join(t.TempDir(), "peer.mjs")
	if err := os.WriteFile(file, []byte(script), 0o600); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(node, file)
	cmd.Env = append(os.Environ(), "PEER_JOSE=file://"+filepath.Join(dir, "node_modules", "jose", "dist", "webapi", "index.js"))
	return cmd
}
