package std

// Wycheproof ECDSA straight against the Backend, without gencrypto's policy
// in front (which checks the signature's length and the scalars' range
// before the backend sees them): the P1363 files through Verify, which
// re-encodes r‖s as DER for crypto/ecdsa, and the DER files through
// derToRaw, the strict decoder of a signer's output.

import (
	"bytes"
	"crypto"
	"crypto/ecdsa"
	"crypto/elliptic"
	"errors"
	"math/big"
	"testing"
)

type wpECDSAFile struct {
	TestGroups []struct {
		PublicKey struct {
			WX hexBytes `json:"wx"`
			WY hexBytes `json:"wy"`
		} `json:"publicKey"`
		Tests []wpSigTest `json:"tests"`
	} `json:"testGroups"`
}

type ecdsaFile struct {
	file  string
	prim  string
	curve elliptic.Curve
	size  int
	hash  crypto.Hash
}

var ecdsaP1363Files = []ecdsaFile{
	{"ecdsa_secp256r1_sha256_p1363_test.json", primECDSAP256, elliptic.P256(), 32, crypto.SHA256},
	{"ecdsa_secp384r1_sha384_p1363_test.json", primECDSAP384, elliptic.P384(), 48, crypto.SHA384},
	{"ecdsa_secp521r1_sha512_p1363_test.json", primECDSAP521, elliptic.P521(), 66, crypto.SHA512},
}

var ecdsaDERFiles = []ecdsaFile{
	{"ecdsa_secp256r1_sha256_test.json", primECDSAP256, elliptic.P256(), 32, crypto.SHA256},
	{"ecdsa_secp384r1_sha384_test.json", primECDSAP384, elliptic.P384(), 48, crypto.SHA384},
	{"ecdsa_secp521r1_sha512_test.json", primECDSAP521, elliptic.P521(), 66, crypto.SHA512},
}

// TestWycheproofECDSAP1363 verifies every case with Verify and, for P-256
// (the cheap curve; the path is the same), from the digest with
// VerifyDigest too: valid cases verify, invalid ones (wrong lengths, r or s
// zero or out of range, modified values) give errVerify.
func TestWycheproofECDSAP1363(t *testing.T) {
	b := New()
	for _, fc := range ecdsaP1363Files {
		t.Run(fc.file, func(t *testing.T) {
			f := loadWP[wpECDSAFile](t, "testvectors_v1/"+fc.file)
			var valid, invalid int
			for _, g := range f.TestGroups {
				pub := &ecdsa.PublicKey{Curve: fc.curve,
					X: new(big.Int).SetBytes(g.PublicKey.WX), Y: new(big.Int).SetBytes(g.PublicKey.WY)}
				for _, tc := range g.Tests {
					err := b.Verify(fc.prim, pub, fc.hash, tc.Msg, tc.Sig)
					errD := err
					if fc.prim == primECDSAP256 {
						var buf [maxDigestSize]byte
						d, _ := sum(fc.hash, tc.Msg, &buf)
						errD = b.VerifyDigest(fc.prim, pub, fc.hash, d, tc.Sig)
					}
					switch tc.Result {
					case "valid":
						valid++
						if err != nil || errD != nil {
							t.Errorf("tcId %d (%s): Verify %v, VerifyDigest %v", tc.TcID, tc.Comment, err, errD)
						}
					case "invalid":
						invalid++
						if !errors.Is(err, errVerify) || !errors.Is(errD, errVerify) {
							t.Errorf("tcId %d (%s %v): Verify %v, VerifyDigest %v; want errVerify", tc.TcID, tc.Comment, tc.Flags, err, errD)
						}
					default:
						t.Errorf("tcId %d: result %q in a P1363 file", tc.TcID, tc.Result)
					}
				}
			}
			requireLoaded(t, valid, invalid)
			t.Logf("%d valid verified, %d invalid rejected", valid, invalid)
		})
	}
}

// TestWycheproofECDSADER runs derToRaw, the decoder of the DER a signer
// returns, over the DER files: every valid signature is accepted, and what
// is accepted is DER, so appendDER re-encodes it to the very same bytes
// (a BER length, a superfluous zero or a trailing byte that slipped through
// would come back different). TestWycheproofECDSAP1363 covers verification.
func TestWycheproofECDSADER(t *testing.T) {
	for _, fc := range ecdsaDERFiles {
		t.Run(fc.file, func(t *testing.T) {
			f := loadWP[wpECDSAFile](t, "testvectors_v1/"+fc.file)
			var accepted, refused int
			for _, g := range f.TestGroups {
				for _, tc := range g.Tests {
					raw, err := derToRaw(tc.Sig, fc.size)
					if err != nil {
						refused++
						if tc.Result == "valid" {
							t.Errorf("tcId %d (%s): valid DER refused: %v", tc.TcID, tc.Comment, err)
						}
						continue
					}
					accepted++
					if len(raw) != 2*fc.size {
						t.Fatalf("tcId %d: %d-byte r‖s", tc.TcID, len(raw))
					}
					if der, ok := appendDER(nil, raw[:fc.size], raw[fc.size:]); !ok || !bytes.Equal(der, tc.Sig) {
						t.Errorf("tcId %d (%s %v): accepted %x, which re-encodes as %x", tc.TcID, tc.Comment, tc.Flags, tc.Sig, der)
					}
				}
			}
			requireLoaded(t, accepted, refused)
			t.Logf("%d accepted, %d refused", accepted, refused)
		})
	}
}
