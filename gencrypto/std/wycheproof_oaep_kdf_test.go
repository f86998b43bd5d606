package std

// Wycheproof runs of RSA-OAEP decryption, HKDF and PBKDF2 straight against
// the Backend methods, for every hash the files use: the registry-level
// runners in package vectors cover only the registered algorithms.

import (
	"bytes"
	"crypto"
	"crypto/fips140"
	"crypto/rsa"
	"crypto/x509"
	"errors"
	"path/filepath"
	"testing"

	"github.com/lwscrypto/lwscrypto/internal/testenv"
)

// wpHashes maps Wycheproof's hash names to crypto.Hash.
var wpHashes = map[string]crypto.Hash{
	"SHA-1": crypto.SHA1, "SHA-224": crypto.SHA224, "SHA-256": crypto.SHA256,
	"SHA-384": crypto.SHA384, "SHA-512": crypto.SHA512,
	"SHA-512/224": crypto.SHA512_224, "SHA-512/256": crypto.SHA512_256,
}

type wpOAEPFile struct {
	TestGroups []struct {
		KeySize int      `json:"keySize"`
		SHA     string   `json:"sha"`
		MGF     string   `json:"mgf"`
		MGFSHA  string   `json:"mgfSha"`
		PKCS8   hexBytes `json:"privateKeyPkcs8"`
		Tests   []struct {
			TcID    int      `json:"tcId"`
			Comment string   `json:"comment"`
			Flags   []string `json:"flags"`
			Msg     hexBytes `json:"msg"`
			CT      hexBytes `json:"ct"`
			Label   hexBytes `json:"label"`
			Result  string   `json:"result"`
		} `json:"tests"`
	} `json:"testGroups"`
}

// TestWycheproofOAEP runs every RSA-OAEP file whose OAEP and MGF1 hashes
// are the same (DecryptOAEP takes one hash for both; the groups with two
// are skipped and counted). Valid cases decrypt to the message, and the
// message encrypts to a ciphertext that decrypts back; every invalid case
// in a file fails with one and the same error, so that no two failures can
// be told apart (Manger's attack). "acceptable" cases (a ciphertext that is
// a small integer) may go either way. The first valid message of each group
// is also encrypted and decrypted back. In short mode (which keeps the
// test near a second) keys above 3072 bits and three-prime keys, whose
// decryptions take tens of milliseconds each, are skipped. A group whose
// hashes the runner does not know is an error, and a file that passes no
// valid case though some of its groups ran did not load.
func TestWycheproofOAEP(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(testenv.Vectors(t), "wycheproof/testvectors_v1/rsa_*oaep_*_test.json"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no RSA-OAEP files: %v", err)
	}
	b := New()
	for _, path := range files {
		file := filepath.Base(path)
		t.Run(file, func(t *testing.T) {
			f := loadWP[wpOAEPFile](t, "testvectors_v1/"+file)
			var valid, rejected, skipped, ran int
			var failure error
			for _, g := range f.TestGroups {
				h, ok := wpHashes[g.SHA]
				if _, mok := wpHashes[g.MGFSHA]; !ok || !mok || g.MGF != "MGF1" {
					// A group the runner cannot read would otherwise be
					// dropped without a word.
					t.Errorf("%d-bit group with hash %q, %s over %q: not understood", g.KeySize, g.SHA, g.MGF, g.MGFSHA)
					continue
				}
				if g.MGFSHA != g.SHA {
					skipped += len(g.Tests)
					continue
				}
				k, err := x509.ParsePKCS8PrivateKey(g.PKCS8)
				if err != nil {
					t.Fatalf("%d-bit key: %v", g.KeySize, err)
				}
				key := k.(*rsa.PrivateKey)
				if testing.Short() && (g.KeySize > 3072 || len(key.Primes) > 2) {
					skipped += len(g.Tests)
					continue
				}
				if fips140.Enforced() && g.KeySize < 2048 {
					// crypto/rsa refuses such keys in FIPS 140-only mode,
					// with an error of its own.
					skipped += len(g.Tests)
					continue
				}
				ran++
				roundTrip := true
				for _, tc := range g.Tests {
					pt, err := b.DecryptOAEP(h, key, tc.CT, tc.Label)
					if errors.Is(err, errors.ErrUnsupported) && fips140.Enforced() { // SHA-1 under fips140=only
						skipped++
						continue
					}
					switch tc.Result {
					case "valid":
						valid++
						if err != nil || !bytes.Equal(pt, tc.Msg) {
							t.Errorf("tcId %d (%s): DecryptOAEP = %x, %v; want %x", tc.TcID, tc.Comment, pt, err, tc.Msg)
							continue
						}
						if !roundTrip {
							continue
						}
						roundTrip = false
						ct, err := b.EncryptOAEP(h, &key.PublicKey, tc.Msg, tc.Label)
						if err != nil || len(ct) != key.Size() {
							t.Errorf("tcId %d (%s): EncryptOAEP = %d bytes, %v", tc.TcID, tc.Comment, len(ct), err)
						} else if back, err := b.DecryptOAEP(h, key, ct, tc.Label); err != nil || !bytes.Equal(back, tc.Msg) {
							t.Errorf("tcId %d (%s): EncryptOAEP's ciphertext decrypts to %x, %v", tc.TcID, tc.Comment, back, err)
						}
					case "invalid":
						rejected++
						if err == nil {
							t.Errorf("tcId %d (%s, %v): invalid case decrypted to %x", tc.TcID, tc.Comment, tc.Flags, pt)
						} else if failure == nil {
							failure = err
						} else if err != failure {
							t.Errorf("tcId %d (%s, %v): error %v, another than %v: failures can be told apart", tc.TcID, tc.Comment, tc.Flags, err, failure)
						}
					case "acceptable":
						skipped++
					default:
						t.Errorf("tcId %d: unexpected result %q", tc.TcID, tc.Result)
					}
				}
			}
			// An empty file, or one whose groups all went unrun, passes no
			// case: the file did not load.
			if len(f.TestGroups) == 0 || ran > 0 && valid == 0 && !fips140.Enforced() {
				t.Fatalf("%d groups, %d run, %d valid cases passed: the file did not load", len(f.TestGroups), ran, valid)
			}
			t.Logf("%d valid passed, %d invalid rejected, %d skipped (two hashes, unsupported, acceptable, or slow in short mode)", valid, rejected, skipped)
		})
	}
}

type wpKDFFile struct {
	TestGroups []struct {
		Tests []struct {
			TcID       int      `json:"tcId"`
			Comment    string   `json:"comment"`
			Flags      []string `json:"flags"`
			IKM        hexBytes `json:"ikm"`
			Password   hexBytes `json:"password"`
			Salt       hexBytes `json:"salt"`
			Info       hexBytes `json:"info"`
			Size       int      `json:"size"`
			Iterations int      `json:"iterationCount"`
			DKLen      int      `json:"dkLen"`
			OKM        hexBytes `json:"okm"`
			DK         hexBytes `json:"dk"`
			Result     string   `json:"result"`
		} `json:"tests"`
	} `json:"testGroups"`
}

// TestWycheproofHKDF runs HKDF for SHA-1 and SHA-2. The invalid cases ask
// for more than 255 hash lengths (RFC 5869 §2.3), which HKDF refuses.
func TestWycheproofHKDF(t *testing.T) {
	b := New()
	for file, h := range map[string]crypto.Hash{
		"hkdf_sha1_test.json": crypto.SHA1, "hkdf_sha256_test.json": crypto.SHA256,
		"hkdf_sha384_test.json": crypto.SHA384, "hkdf_sha512_test.json": crypto.SHA512,
	} {
		t.Run(file, func(t *testing.T) {
			f := loadWP[wpKDFFile](t, "testvectors_v1/"+file)
			var valid, rejected, skipped int
			for _, g := range f.TestGroups {
				for _, tc := range g.Tests {
					out, err := b.HKDF(h, tc.IKM, tc.Salt, tc.Info, tc.Size)
					if errors.Is(err, errors.ErrUnsupported) && fips140.Enforced() { // SHA-1 or short secrets under fips140=only
						skipped++
						continue
					}
					switch tc.Result {
					case "valid":
						valid++
						if err != nil || !bytes.Equal(out, tc.OKM) {
							t.Errorf("tcId %d (%s): HKDF = %x, %v; want %x", tc.TcID, tc.Comment, out, err, tc.OKM)
						}
					case "invalid":
						rejected++
						if err == nil {
							t.Errorf("tcId %d (%s, %v): invalid case derived %d bytes", tc.TcID, tc.Comment, tc.Flags, len(out))
						}
					default:
						t.Errorf("tcId %d: unexpected result %q", tc.TcID, tc.Result)
					}
				}
			}
			if (valid == 0 || rejected == 0) && !fips140.Enforced() {
				t.Fatalf("%d valid and %d invalid cases: the file did not load", valid, rejected)
			}
			t.Logf("%d valid passed, %d invalid rejected, %d unsupported", valid, rejected, skipped)
		})
	}
}

// TestWycheproofPBKDF2 runs PBKDF2 with HMAC-SHA-1 and SHA-2. Every case is
// valid; the one of 2^24 iterations (RFC 6070) takes seconds and is skipped
// in short mode.
func TestWycheproofPBKDF2(t *testing.T) {
	b := New()
	for file, h := range map[string]crypto.Hash{
		"pbkdf2_hmacsha1_test.json": crypto.SHA1, "pbkdf2_hmacsha256_test.json": crypto.SHA256,
		"pbkdf2_hmacsha384_test.json": crypto.SHA384, "pbkdf2_hmacsha512_test.json": crypto.SHA512,
	} {
		t.Run(file, func(t *testing.T) {
			f := loadWP[wpKDFFile](t, "testvectors_v1/"+file)
			var valid, skipped int
			for _, g := range f.TestGroups {
				for _, tc := range g.Tests {
					if tc.Iterations > 1<<20 && testing.Short() {
						skipped++
						continue
					}
					out, err := b.PBKDF2(h, tc.Password, tc.Salt, tc.Iterations, tc.DKLen)
					if errors.Is(err, errors.ErrUnsupported) && fips140.Enforced() { // SHA-1, short salts or outputs under fips140=only
						skipped++
						continue
					}
					if tc.Result != "valid" {
						t.Errorf("tcId %d: unexpected result %q", tc.TcID, tc.Result)
						continue
					}
					valid++
					if err != nil || !bytes.Equal(out, tc.DK) {
						t.Errorf("tcId %d (%s): PBKDF2 = %x, %v; want %x", tc.TcID, tc.Comment, out, err, tc.DK)
					}
				}
			}
			if valid == 0 && !fips140.Enforced() {
				t.Fatalf("no valid case: the file did not load")
			}
			t.Logf("%d valid passed, %d skipped (unsupported, or over 2^20 iterations in short mode)", valid, skipped)
		})
	}
}
