package testenv

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// CBOREDNVersion is the release of cbor-edn (Joe Hildebrand's parser of
// CBOR diagnostic notation, after draft-ietf-cbor-edn-literals) that lecp's
// diagnostic-notation interop tests run against, and CBOR2Version the
// release of cbor2 it requires exactly (whose diagnose writes EDN). The
// tests list each place where these releases and lecp disagree, so
// .ci/peers.sh installs exactly these (a test checks that the two agree),
// as it does PanvaJoseVersion. Moving to another release is a deliberate
// edit of both, and of the tests' lists.
const (
	CBOREDNVersion = "0.2.2"
	CBOR2Version   = "1.11.0"
)

// CBOREDN returns node and the directory named by LWSCRYPTO_NPM_PEERS,
// which holds cbor-edn and cbor2 under node_modules. It skips t when node,
// the directory or a package is missing, or fails it when
// LWSCRYPTO_REQUIRE_PEERS=1, and fails t when a package is another release
// than CBOREDNVersion or CBOR2Version, naming both.
func CBOREDN(t testing.TB) (node, dir string) {
	t.Helper()
	dir = os.Getenv("LWSCRYPTO_NPM_PEERS")
	if dir == "" {
		missing(t, "LWSCRYPTO_REQUIRE_PEERS", "LWSCRYPTO_NPM_PEERS is not set (a directory with node_modules/cbor-edn; .ci/peers.sh installs it)")
	}
	for _, pkg := range []string{"cbor-edn", "cbor2"} {
		if _, err := os.Stat(filepath.Join(dir, "node_modules", pkg, "package.json")); err != nil {
			missing(t, "LWSCRYPTO_REQUIRE_PEERS", pkg+" not installed under LWSCRYPTO_NPM_PEERS: "+err.Error())
		}
	}
	if err := npmVersionErr(dir, "cbor-edn", CBOREDNVersion); err != nil {
		t.Fatal(err)
	}
	if err := npmVersionErr(dir, "cbor2", CBOR2Version); err != nil {
		t.Fatal(err)
	}
	return Peer(t, "node"), dir
}

// npmVersionErr says why dir/node_modules/name is not the npm package name
// at release want, or is nil.
func npmVersionErr(dir, name, want string) error {
	b, err := os.ReadFile(filepath.Join(dir, "node_modules", name, "package.json"))
	if err != nil {
		return fmt.Errorf("%s's package.json: %w", name, err)
	}
	var pkg struct{ Name, Version string }
	if err := json.Unmarshal(b, &pkg); err != nil {
		return fmt.Errorf("%s's package.json: %w", name, err)
	}
	if pkg.Name != name || pkg.Version != want {
		return fmt.Errorf("%s/node_modules/%s is %s %s; the interop tests pin %s %s (install it with .ci/peers.sh, or npm install --save-exact %s@%s)",
			dir, name, pkg.Name, pkg.Version, name, want, name, want)
	}
	return nil
}

// CBOREDNCommand returns a command that runs the ES module script under
// node with cbor-edn's and cbor2's entry points importable as
// process.env.PEER_CBOR_EDN and process.env.PEER_CBOR2 (file URLs): the
// peers found as CBOREDN finds them, skipping or failing t when they are
// missing. The script is written to a file in t's temporary directory; the
// caller sets Stdin, or hands the command to RunBatch.
func CBOREDNCommand(t testing.TB, script string) *exec.Cmd {
	t.Helper()
	node, dir := CBOREDN(t)
	cmd := nodeScript(t, node, script)
	mod := func(pkg string) string {
		return "file://" + filepath.Join(dir, "node_modules", pkg, "lib", "index.js")
	}
	cmd.Env = append(os.Environ(), "PEER_CBOR_EDN="+mod("cbor-edn"), "PEER_CBOR2="+mod("cbor2"))
	return cmd
}
