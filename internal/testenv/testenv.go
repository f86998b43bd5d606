// Package testenv finds the shared conformance corpus and the interop peers
// for tests, and decides whether their absence skips or fails a test.
//
// The corpus is found through LWSCRYPTO_VECTORS or else ../shared/vectors
// beside the module root. When it is absent, tests skip with a message,
// unless LWSCRYPTO_REQUIRE_VECTORS=1 (set by .ci/run) turns that into a
// failure. Peers (external programs such as the latchset jose CLI) follow
// the same rule with LWSCRYPTO_REQUIRE_PEERS=1.
package testenv

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/lwscrypto/lwscrypto/internal/corpus"
)

// Vectors returns the corpus directory for a test, skipping the test with a
// message when the corpus is absent, or failing it when
// LWSCRYPTO_REQUIRE_VECTORS=1.
func Vectors(t testing.TB) string {
	t.Helper()
	d, err := corpus.Dir()
	if err != nil {
		missing(t, "LWSCRYPTO_REQUIRE_VECTORS", "conformance corpus not found: "+err.Error())
	}
	return d
}

// VectorsFile returns the path of a file inside the corpus, failing the test
// if the corpus is present but the file is not (a missing file there is a
// corpus change, never a reason to skip).
func VectorsFile(t testing.TB, rel string) string {
	t.Helper()
	p := filepath.Join(Vectors(t), filepath.FromSlash(rel))
	if _, err := os.Stat(p); err != nil {
		t.Fatalf("corpus file missing: %v", err)
	}
	return p
}

// Peer returns the path of an interop peer program found on PATH, skipping
// the test when it is absent, or failing it when LWSCRYPTO_REQUIRE_PEERS=1.
func Peer(t testing.TB, program string) string {
	t.Helper()
	p, err := exec.LookPath(program)
	if err != nil {
		missing(t, "LWSCRYPTO_REQUIRE_PEERS", "interop peer "+program+" not installed (see ../shared/PEERS.md; .ci/run installs it)")
	}
	return p
}

// RequirePeers reports whether LWSCRYPTO_REQUIRE_PEERS=1.
func RequirePeers() bool { return os.Getenv("LWSCRYPTO_REQUIRE_PEERS") == "1" }

// Missing skips t with why, or fails it when the environment variable env is
// set to 1.
func Missing(t testing.TB, env, why string) { t.Helper(); missing(t, env, why) }

func missing(t testing.TB, env, why string) {
	t.Helper()
	if os.Getenv(env) == "1" {
		t.Fatalf("%s (and %s=1)", why, env)
	}
	t.Skipf("skipping: %s; set %s=1 to make this a failure", why, env)
}

// RunBatch runs cmd, an interop peer answering a batch, with reqs as a
// JSON array on its standard input, and returns its standard output decoded
// as a JSON array of one answer per request. A peer that fails, or answers
// with anything else, fails t, quoting its standard error or output.
func RunBatch[Req, Resp any](t testing.TB, cmd *exec.Cmd, reqs []Req) []Resp {
	t.Helper()
	in, err := json.Marshal(reqs)
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stdin = bytes.NewReader(in)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("%s: %v: %s", filepath.Base(cmd.Path), err, stderr.String())
	}
	var resp []Resp
	if err := json.Unmarshal(out, &resp); err != nil || len(resp) != len(reqs) {
		t.Fatalf("%s answered %d results to %d requests (%v): %.500s", filepath.Base(cmd.Path), len(resp), len(reqs), err, out)
	}
	return resp
}
