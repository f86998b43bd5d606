package testenv

import (
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
func panvaVersionErr(dir string) error { return npmVersionErr(dir, "jose", PanvaJoseVersion) }

// PanvaCommand returns a command that runs the ES module script under
// node with panva jose importable as process.env.PEER_JOSE (its web API
// build, the one the interop tests use): the peer found as PanvaJose finds
// it, skipping or failing t when it is missing. The script is written to a
// file in t's temporary directory; the caller sets Stdin, or hands the
// command to RunBatch.
func PanvaCommand(t testing.TB, script string) *exec.Cmd {
	t.Helper()
	node, dir := PanvaJose(t)
	cmd := nodeScript(t, node, script)
	cmd.Env = append(os.Environ(), "PEER_JOSE=file://"+filepath.Join(dir, "node_modules", "jose", "dist", "webapi", "index.js"))
	return cmd
}

// nodeScript returns a command that runs the ES module script under node,
// the script written to a file in t's temporary directory.
func nodeScript(t testing.TB, node, script string) *exec.Cmd {
	t.Helper()
	file := filepath.Join(t.TempDir(), "peer.mjs")
	if err := os.WriteFile(file, []byte(script), 0o600); err != nil {
		t.Fatal(err)
	}
	return exec.Command(node, file)
}
