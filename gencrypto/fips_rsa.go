package gencrypto

import (
	"crypto/fips140"
	"crypto/rsa"
)

// fipsRSAKey returns, under GODEBUG=fips140=only, the *UnsupportedError
// for an RSA key the Go Cryptographic Module refuses (crypto/rsa checks
// the same in that mode), whatever the backend: a modulus of odd bit
// length or a public exponent of 2¹⁶ or less, and for a private key in
// memory (priv an *rsa.PrivateKey; a token's key is the token's to judge)
// other than two primes of the same size. pub has passed checkRSAKey.
// Outside that mode, and for a key the module takes, it returns nil.
func fipsRSAKey(a Algorithm, b Backend, pub *rsa.PublicKey, priv any) error {
	if !fips140.Enforced() {
		return nil
	}
	var detail string
	switch {
	case pub.N.BitLen()%2 == 1:
		detail = "a modulus of odd bit length"
	case pub.E <= 1<<16:
		detail = "a public exponent below 65537"
	}
	if k, ok := priv.(*rsa.PrivateKey); ok && k != nil && detail == "" {
		switch {
		case len(k.Primes) != 2:
			detail = "a private key of more than two primes"
			if len(k.Primes) < 2 {
				detail = "a private key without its two primes"
			}
		case k.Primes[0] == nil || k.Primes[1] == nil || k.Primes[0].BitLen() != k.Primes[1].BitLen():
			detail = "primes of different sizes"
		}
	}
	if detail == "" {
		return nil
	}
	return notApprovedInput(a, b, detail)
}
