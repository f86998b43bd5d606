# Sourced by .ci/run: installs the interop peers the tests use (see
# ../shared/PEERS.md) and exports where they are. Each step is skipped when
# its peer is already there, so a warm machine pays nothing.

install_apt_peers() {
  local missing=()
  command -v jose >/dev/null 2>&1 || missing+=(jose)
  command -v openssl >/dev/null 2>&1 || missing+=(openssl)
  if [ ${#missing[@]} -gt 0 ]; then
    echo "apt-get install ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
}

# panva jose (the JavaScript reference implementation), for JOSE interop.
# Tests find it through LWSCRYPTO_NPM_PEERS (a directory with node_modules).
# The release is pinned: jose/jwt's differential table records this
# release's verdicts (PanvaJoseVersion in internal/testenv/panva.go, which
# checks that the two agree), so a newer 6.x cannot change CI's outcome on
# the day it is published. A directory holding another release is
# reinstalled.
PANVA_JOSE_VERSION=6.2.17

install_npm_peers() {
  local dir=${LWSCRYPTO_NPM_PEERS:-/tmp/lwscrypto-npm-peers}
  local have=
  if [ -f "$dir/node_modules/jose/package.json" ]; then
    have=$(node -p 'require(process.argv[1]).version' "$dir/node_modules/jose/package.json")
  fi
  if [ "$have" != "$PANVA_JOSE_VERSION" ]; then
    echo "npm install jose@$PANVA_JOSE_VERSION in $dir${have:+ (has $have)}"
    mkdir -p "$dir"
    (cd "$dir" && { [ -f package.json ] || npm init -y >/dev/null; } &&
      npm install --no-audit --no-fund --silent --save-exact "jose@$PANVA_JOSE_VERSION")
  fi
  export LWSCRYPTO_NPM_PEERS=$dir
}

install_peers() {
  install_apt_peers
  install_npm_peers
}
