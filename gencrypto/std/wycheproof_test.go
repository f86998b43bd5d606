package std

// Wycheproof runs of the constructions this package writes itself (AES-CCM
// over every parameter set of aes_ccm_test.json, AES-KW, AES_CBC_HMAC_SHA2)
// and of the AEADs it configures (GCM with any nonce size, ChaCha20-Poly1305
// and XChaCha20-Poly1305), straight against the Backend methods. The
// registry-level runners in package vectors cover the registered algorithms;
// these cover the general primitives beneath them.

import (
	"bytes"
	"crypto"
	"encoding/hex"
	"encoding/json"
	"os"
	"testing"

	"github.com/lwscrypto/lwscrypto/internal/testenv"
)

type wpFile struct {
	TestGroups []struct {
		KeySize int `json:"keySize"`
		IVSize  int `json:"ivSize"`
		TagSize int `json:"tagSize"`
		Tests   []struct {
			TcID    int      `json:"tcId"`
			Comment string   `json:"comment"`
			Flags   []string `json:"flags"`
			Key     hexBytes `json:"key"`
			IV      hexBytes `json:"iv"`
			AAD     hexBytes `json:"aad"`
			Msg     hexBytes `json:"msg"`
			CT      hexBytes `json:"ct"`
			Tag     hexBytes `json:"tag"`
			Result  string   `json:"result"`
		} `json:"tests"`
	} `json:"testGroups"`
}

type hexBytes []byte

func (h *hexBytes) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return err
	}
	v, err := hex.DecodeString(s)
	*h = v
	return err
}

// wpSigTest is one case of a Wycheproof signature file.
type wpSigTest struct {
	TcID    int      `json:"tcId"`
	Comment string   `json:"comment"`
	Flags   []string `json:"flags"`
	Msg     hexBytes `json:"msg"`
	Sig     hexBytes `json:"sig"`
	Result  string   `json:"result"`
}

// loadWP reads the Wycheproof file rel (under wycheproof/) into a new F.
func loadWP[F any](t *testing.T, rel string) *F {
	t.Helper()
	b, err := os.ReadFile(testenv.VectorsFile(t, "wycheproof/"+rel))
	if err != nil {
		t.Fatal(err)
	}
	var f F
	if err := json.Unmarshal(b, &f); err != nil {
		t.Fatal(err)
	}
	return &f
}

// requireLoaded fails a runner that passed no valid case or rejected no
// invalid one: every file it runs has both, so a file emptied, renamed
// groups or a filter that matches nothing would otherwise pass unnoticed.
func requireLoaded(t *testing.T, valid, invalid int) {
	t.Helper()
	if valid == 0 || invalid == 0 {
		t.Fatalf("%d valid and %d invalid cases: the file did not load", valid, invalid)
	}
}

func TestWycheproofAEAD(t *testing.T) {
	files := []struct {
		file   string
		prim   string
		hash   crypto.Hash
		nonces []int // nonce sizes the primitive is asked to support; nil = any
	}{
		{"aes_ccm_test.json", primAESCCM, 0, nil},
		{"aes_gcm_test.json", primAESGCM, 0, nil},
		{"chacha20_poly1305_test.json", primChaCha20Poly1305, 0, []int{12}},
		{"xchacha20_poly1305_test.json", primChaCha20Poly1305, 0, []int{24}},
		{"a128cbc_hs256_test.json", primAESCBCHMAC, crypto.SHA256, nil},
		{"a192cbc_hs384_test.json", primAESCBCHMAC, crypto.SHA384, nil},
		{"a256cbc_hs512_test.json", primAESCBCHMAC, crypto.SHA512, nil},
	}
	b := New()
	for _, fc := range files {
		t.Run(fc.file, func(t *testing.T) {
			f := loadWP[wpFile](t, "testvectors_v1/"+fc.file)
			var valid, rejected int
			for _, g := range f.TestGroups {
				for _, tc := range g.Tests {
					nonceOK := fc.nonces == nil
					for _, n := range fc.nonces {
						nonceOK = nonceOK || n == len(tc.IV)
					}
					var err error
					var a interface {
						Seal(dst, nonce, plaintext, additionalData []byte) []byte
						Open(dst, nonce, ciphertext, additionalData []byte) ([]byte, error)
					}
					if nonceOK {
						a, err = b.NewAEAD(fc.prim, tc.Key, len(tc.IV), len(tc.Tag), fc.hash)
					}
					if !nonceOK || err != nil {
						if tc.Result == "valid" {
							t.Errorf("tcId %d (%s): valid case rejected at construction: %v", tc.TcID, tc.Comment, err)
						}
						rejected++
						continue
					}
					ct := append(append([]byte(nil), tc.CT...), tc.Tag...)
					pt, err := a.Open(nil, tc.IV, ct, tc.AAD)
					switch tc.Result {
					case "valid":
						valid++
						if err != nil || !bytes.Equal(pt, tc.Msg) {
							t.Errorf("tcId %d (%s): Open = %x, %v; want %x", tc.TcID, tc.Comment, pt, err, tc.Msg)
						}
						if got := a.Seal(nil, tc.IV, tc.Msg, tc.AAD); !bytes.Equal(got, ct) {
							t.Errorf("tcId %d (%s): Seal = %x; want %x", tc.TcID, tc.Comment, got, ct)
						}
					case "invalid":
						rejected++
						if err == nil {
							t.Errorf("tcId %d (%s, %v): invalid case opened", tc.TcID, tc.Comment, tc.Flags)
						}
					default:
						t.Errorf("tcId %d: unexpected result %q in an AEAD file", tc.TcID, tc.Result)
					}
				}
			}
			requireLoaded(t, valid, rejected)
			t.Logf("%d valid passed, %d invalid rejected", valid, rejected)
		})
	}
}

// TestWycheproofKeyWrap runs RFC 3394 key wrap. The "acceptable" cases
// (flag ShortKey) wrap an 8-byte key as a single AES block, which SP 800-38F
// does not define and RFC 7518 §4.4 never produces; this backend rejects
// them, as it rejects every wrapped input shorter than 24 bytes.
func TestWycheproofKeyWrap(t *testing.T) {
	b := New()
	for _, file := range []string{"testvectors_v1/aes_wrap_test.json", "testvectors_legacy/kw_test.json"} {
		t.Run(file, func(t *testing.T) {
			f := loadWP[wpFile](t, file)
			var valid, rejected int
			for _, g := range f.TestGroups {
				for _, tc := range g.Tests {
					got, err := b.Unwrap(primAESKW, tc.Key, tc.CT)
					switch tc.Result {
					case "valid":
						valid++
						if err != nil || !bytes.Equal(got, tc.Msg) {
							t.Errorf("tcId %d (%s): Unwrap = %x, %v; want %x", tc.TcID, tc.Comment, got, err, tc.Msg)
						}
						w, err := b.Wrap(primAESKW, tc.Key, tc.Msg)
						if err != nil || !bytes.Equal(w, tc.CT) {
							t.Errorf("tcId %d (%s): Wrap = %x, %v; want %x", tc.TcID, tc.Comment, w, err, tc.CT)
						}
					case "invalid", "acceptable":
						rejected++
						if err == nil {
							t.Errorf("tcId %d (%s, %s %v): Unwrap accepted %x", tc.TcID, tc.Comment, tc.Result, tc.Flags, got)
						}
					}
				}
			}
			requireLoaded(t, valid, rejected)
			t.Logf("%d valid passed, %d invalid or acceptable rejected", valid, rejected)
		})
	}
}
