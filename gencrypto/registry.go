package gencrypto

// registry lists every algorithm once, in a fixed order: signatures, MACs,
// AEADs, key wrap, key encryption, key agreement, KDFs.
var registry = [...]Algorithm{
	&rs256, &rs384, &rs512, &ps256, &ps384, &ps512, &es256, &es384, &es512, &eddsa, &ed255,
	&hs256, &hs384, &hs512, &hmac256,
	&a128gcm, &a192gcm, &a256gcm, &a128cbc, &a192cbc, &a256cbc,
	&ccm1664a, &ccm1664b, &ccm6464a, &ccm6464b, &ccm1612a, &ccm1612b, &ccm6412a, &ccm6412b, &chacha,
	&a128kw, &a192kw, &a256kw,
	&rsaOAEP, &rsaOAEP256, &rsaOAEP384, &rsaOAEP512,
	&ecdhP256, &ecdhP384, &ecdhP521, &x25519,
	&hkdf256, &hkdf384, &hkdf512, &pbkdf256, &pbkdf384, &pbkdf512, &concat256,
}

// byName and byCOSE are built once from registry and never written again.
var byName, byCOSE = func() (map[string]Algorithm, map[int64]Algorithm) {
	n := make(map[string]Algorithm, len(registry))
	c := make(map[int64]Algorithm, len(registry))
	for _, a := range registry {
		n[a.Name()] = a
		if id, ok := a.COSE(); ok {
			c[id] = a
		}
	}
	return n, c
}()

// All returns every registered algorithm, in a fixed order. The slice is a
// fresh copy.
func All() []Algorithm {
	out := make([]Algorithm, len(registry))
	copy(out, registry[:])
	return out
}

// ByName returns the algorithm with the given name (exact, case-sensitive,
// as JOSE requires). "none" is never found.
func ByName(name string) (Algorithm, bool) {
	a, ok := byName[name]
	return a, ok
}

// ByCOSE returns the algorithm with the given COSE identifier.
func ByCOSE(id int64) (Algorithm, bool) {
	a, ok := byCOSE[id]
	return a, ok
}
