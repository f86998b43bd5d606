package std

// Wycheproof RSA signatures with the hashes JOSE does not use, straight
// against Verify: they take the general path of sum (a hash.Hash written
// and summed into the caller's buffer) rather than the by-value SHA-2
// functions, and SHA-512/224 PSS checks the salt length equal to the hash.

import (
	"crypto"
	"crypto/rsa"
	"errors"
	"math/big"
	"testing"
)

type wpRSAFile struct {
	TestGroups []struct {
		PublicKey struct {
			Modulus  hexBytes `json:"modulus"`
			Exponent hexBytes `json:"publicExponent"`
		} `json:"publicKey"`
		Tests []wpSigTest `json:"tests"`
	} `json:"testGroups"`
}

func TestWycheproofRSAOtherHashes(t *testing.T) {
	b := New()
	for _, fc := range []struct {
		file string
		prim string
		hash crypto.Hash
	}{
		{"rsa_signature_2048_sha224_test.json", primRSAPKCS1v15, crypto.SHA224},
		{"rsa_pss_2048_sha512_224_mgf1_28_test.json", primRSAPSS, crypto.SHA512_224},
	} {
		t.Run(fc.file, func(t *testing.T) {
			f := loadWP[wpRSAFile](t, "testvectors_v1/"+fc.file)
			var valid, invalid, acceptable int
			for _, g := range f.TestGroups {
				pub := &rsa.PublicKey{N: new(big.Int).SetBytes(g.PublicKey.Modulus),
					E: int(new(big.Int).SetBytes(g.PublicKey.Exponent).Int64())}
				for _, tc := range g.Tests {
					err := b.Verify(fc.prim, pub, fc.hash, tc.Msg, tc.Sig)
					switch tc.Result {
					case "valid":
						valid++
						if err != nil {
							t.Errorf("tcId %d (%s): %v", tc.TcID, tc.Comment, err)
						}
					case "invalid":
						invalid++
						if !errors.Is(err, errVerify) {
							t.Errorf("tcId %d (%s %v): %v, want errVerify", tc.TcID, tc.Comment, tc.Flags, err)
						}
					default:
						acceptable++ // either outcome is allowed (the flags say why)
					}
				}
			}
			if valid == 0 || invalid == 0 {
				t.Fatalf("%d valid and %d invalid cases: the file did not load", valid, invalid)
			}
			t.Logf("%d valid verified, %d invalid rejected, %d acceptable either way", valid, invalid, acceptable)
		})
	}
}
