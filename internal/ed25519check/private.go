package ed25519check

import (
	"crypto/ed25519"
	"crypto/subtle"
	"weak"
)

// privateKeys remembers the private keys PrivateKey found consistent.
var privateKeys keyCache

// PrivateKey reports whether priv is an Ed25519 private key as
// crypto/ed25519 makes it: 64 bytes, a seed followed by the public key the
// seed derives. crypto/ed25519 signs with the public half the key carries,
// which is hashed into the challenge: two signatures of one message under
// two different public halves reveal the private scalar (the "double
// public key oracle"). A public half of small order, which no seed
// derives, is refused first. A key that passes has a public half that
// passes PublicKey.
//
// Deriving the public key is a scalar multiplication, three quarters of a
// signature: keys found consistent are remembered (see keyCache), so that
// the check of a key used again costs a lookup and a comparison, and no
// allocation.
func PrivateKey(priv []byte) bool {
	if len(priv) != ed25519.PrivateKeySize || SmallOrder(priv[ed25519.SeedSize:]) {
		return false
	}
	p := weak.Make(&priv[0])
	if privateKeys.known(p, priv) {
		return true
	}
	// Check a copy, so that what is remembered is what was checked.
	snap := make([]byte, ed25519.PrivateKeySize)
	copy(snap, priv)
	derived := ed25519.NewKeyFromSeed(snap[:ed25519.SeedSize])
	ok := subtle.ConstantTimeCompare(derived[ed25519.SeedSize:], snap[ed25519.SeedSize:]) == 1
	clear(derived)
	if !ok {
		clear(snap)
		return false
	}
	privateKeys.remember(p, &priv[0], snap)
	return true
}
