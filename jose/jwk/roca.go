package jwk

import "math/big"

// ROCA (CVE-2017-15361): Infineon's RSA library made primes of the form
// k·M + (65537^a mod M), M a primorial, so the modulus N of every such key
// is a power of 65537 modulo each small prime dividing M. Testing the odd
// primes up to 167 — every M the library used contains them — finds every
// affected key; an unaffected key passes all 38 tests by chance with
// probability about 4·10⁻⁹. This is the public fingerprint test of Nemec et
// al., "The Return of Coppersmith's Attack" (CCS 2017), §2.3.

var rocaPrimes = [...]uint32{3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61,
	67, 71, 73, 79, 83, 89, 97, 101, 103, 107, 109, 113, 127, 131, 137, 139, 149, 151, 157, 163, 167}

// rocaResidues[i] has bit r set when r is a power of 65537 modulo
// rocaPrimes[i].
var rocaResidues = func() (t [len(rocaPrimes)][3]uint64) {
	for i, p := range rocaPrimes {
		g := 65537 % p
		x := uint32(1)
		for range p {
			t[i][x/64] |= 1 << (x % 64)
			x = x * g % p
		}
	}
	return t
}()

// rocaGroup is a run of rocaPrimes, [first, end), and their product.
type rocaGroup struct {
	first, end int
	mod        uint64
}

// rocaGroups splits rocaPrimes into runs whose product stays below 2^56, so
// that n mod (product) is computed in one pass over n's bytes with uint64
// arithmetic ((r<<8 | byte) < 2^64), and each prime's residue from that.
var rocaGroups = func() []rocaGroup {
	var g []rocaGroup
	for i := 0; i < len(rocaPrimes); {
		m, j := uint64(1), i
		for j < len(rocaPrimes) && m*uint64(rocaPrimes[j]) < 1<<56 {
			m *= uint64(rocaPrimes[j])
			j++
		}
		g = append(g, rocaGroup{i, j, m})
		i = j
	}
	return g
}()

// hasROCAFingerprint reports whether n looks like a modulus from the
// vulnerable generator.
func hasROCAFingerprint(n *big.Int) bool {
	b := n.Bytes()
	for _, g := range rocaGroups {
		var r uint64
		for _, c := range b {
			r = (r<<8 | uint64(c)) % g.mod
		}
		for i := g.first; i < g.end; i++ {
			ri := r % uint64(rocaPrimes[i])
			if rocaResidues[i][ri/64]&(1<<(ri%64)) == 0 {
				return false
			}
		}
	}
	return true
}
