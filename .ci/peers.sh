# Sourced by .ci/run: installs the interop peers the tests use (see
# ../shared/PEERS.md). Each installer is idempotent.

install_peers() {
  :
}
