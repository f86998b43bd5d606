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

# cbor-edn (Joe Hildebrand's parser of CBOR diagnostic notation, after
# draft-ietf-cbor-edn-literals) and cbor2, which it depends on and whose
# diagnose writes EDN, for lecp's diagnostic-notation interop (lecp/
# ednpeer_test.go). Pinned for the same reason as jose: the test lists
# exactly where this release and lecp disagree (CBOREDNVersion and
# CBOR2Version in internal/testenv/cboredn.go, which checks that they agree
# with these). cbor-edn 0.2.2 requires exactly cbor2 1.11.0; a cbor2 other
# than CBOR2_VERSION after the install is an error, not a silent change.
CBOR_EDN_VERSION=0.2.2
CBOR2_VERSION=1.11.0

# npm_peer_version DIR NAME prints the version of DIR/node_modules/NAME, or
# nothing when it is not installed.
npm_peer_version() {
  if [ -f "$1/node_modules/$2/package.json" ]; then
    node -p 'require(process.argv[1]).version' "$1/node_modules/$2/package.json"
  fi
}

# npm_peer DIR NAME VERSION installs NAME@VERSION (exactly) into DIR unless
# it is already there at that release; a directory holding another release
# is reinstalled. The other packages of DIR/package.json stay as they are.
npm_peer() {
  local dir=$1 name=$2 want=$3 have
  have=$(npm_peer_version "$dir" "$name")
  if [ "$have" != "$want" ]; then
    echo "npm install $name@$want in $dir${have:+ (has $have)}"
    mkdir -p "$dir"
    (cd "$dir" && { [ -f package.json ] || npm init -y >/dev/null; } &&
      npm install --no-audit --no-fund --silent --save-exact "$name@$want")
  fi
}

install_npm_peers() {
  local dir=${LWSCRYPTO_NPM_PEERS:-/tmp/lwscrypto-npm-peers}
  npm_peer "$dir" jose "$PANVA_JOSE_VERSION"
  npm_peer "$dir" cbor-edn "$CBOR_EDN_VERSION"
  local cbor2
  cbor2=$(npm_peer_version "$dir" cbor2)
  if [ "$cbor2" != "$CBOR2_VERSION" ]; then
    echo "cbor-edn@$CBOR_EDN_VERSION brought cbor2 ${cbor2:-(none)}, not $CBOR2_VERSION" >&2
    return 1
  fi
  export LWSCRYPTO_NPM_PEERS=$dir
}

install_peers() {
  install_apt_peers
  install_npm_peers
}
