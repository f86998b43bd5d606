package vectors

// Wycheproof symmetric primitives: AEADs (AES-GCM, AES-CCM,
// ChaCha20-Poly1305, XChaCha20-Poly1305, AES_CBC_HMAC_SHA2), AES key wrap,
// HMAC, HKDF and PBKDF2. The registered algorithm whose parameters match a
// group is found by walking gencrypto.All, so a newly registered algorithm
// is picked up without touching this file.

import (
	"bytes"
	"crypto"
	"crypto/cipher"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/lwscrypto/lwscrypto/gencrypto"
)

func init() {
	families["AeadTest"] = runAEAD
	families["KeywrapTest"] = runKeyWrap
	families["MacTest"] = runMAC
	families["HkdfTest"] = runHKDF
	families["PbkdfTest"] = runPBKDF2
}

// aeadPrimitive maps a Wycheproof AEAD file's algorithm to the Backend
// primitive and, for AES_CBC_HMAC_SHA2, the HMAC hash.
func aeadPrimitive(alg string) (string, crypto.Hash, bool) {
	switch alg {
	case "AES-GCM":
		return gencrypto.PrimAESGCM, 0, true
	case "AES-CCM":
		return gencrypto.PrimAESCCM, 0, true
	case "CHACHA20-POLY1305", "XCHACHA20-POLY1305":
		return gencrypto.PrimChaCha20Poly1305, 0, true
	case "A128CBC-HS256":
		return gencrypto.PrimAESCBCHMAC, crypto.SHA256, true
	case "A192CBC-HS384":
		return gencrypto.PrimAESCBCHMAC, crypto.SHA384, true
	case "A256CBC-HS512":
		return gencrypto.PrimAESCBCHMAC, crypto.SHA512, true
	}
	return "", 0, false
}

// registeredAEAD returns the registered AEAD with exactly these parameters
// (sizes in bytes), or nil.
func registeredAEAD(prim string, key, nonce, tag int) *gencrypto.AEAD {
	return findRegistered(func(x *gencrypto.AEAD) bool {
		return x.Primitive() == prim && x.KeySize() == key && x.NonceSize() == nonce && x.TagSize() == tag
	})
}

// findRegistered returns the registered algorithm of type T that match
// accepts, or nil when none does: a case runs through the registry whenever
// an algorithm with the group's exact parameters is registered, and through
// the backend primitive otherwise.
func findRegistered[T gencrypto.Algorithm](match func(T) bool) T {
	for _, a := range gencrypto.All() {
		if x, ok := a.(T); ok && match(x) {
			return x
		}
	}
	var none T
	return none
}

func runAEAD(c *wctx, raw json.RawMessage) error {
	var g struct {
		KeySize, IvSize, TagSize int
		Tests                    []struct {
			wTest
			Key hexBytes `json:"key"`
			IV  hexBytes `json:"iv"`
			AAD hexBytes `json:"aad"`
			Msg hexBytes `json:"msg"`
			CT  hexBytes `json:"ct"`
			Tag hexBytes `json:"tag"`
		} `json:"tests"`
	}
	if err := json.Unmarshal(raw, &g); err != nil {
		return err
	}
	prim, h, ok := aeadPrimitive(c.file.Algorithm)
	if !ok {
		return fmt.Errorf("unknown AEAD %q", c.file.Algorithm)
	}
	keyLen, ivLen, tagLen := g.KeySize/8, g.IvSize/8, g.TagSize/8
	alg := registeredAEAD(prim, keyLen, ivLen, tagLen)
	what := fmt.Sprintf("%s with a %d-byte key, %d-byte nonce and %d-byte tag", c.file.Algorithm, keyLen, ivLen, tagLen)
	for i := range g.Tests {
		t := &g.Tests[i]
		c.one(&t.wTest, prim, func(b gencrypto.Backend, exp expectation) verdict {
			var a cipher.AEAD
			var err error
			if alg != nil {
				a, err = alg.New(t.Key, gencrypto.WithBackend(b))
			} else {
				a, err = b.NewAEAD(prim, t.Key, ivLen, tagLen, h)
			}
			if err != nil {
				return judge(b, exp, err, what)
			}
			if len(t.IV) != a.NonceSize() {
				return judge(b, exp, errors.New("nonce size"), what)
			}
			sealed := append(append([]byte{}, t.CT...), t.Tag...)
			if exp == mustAccept {
				if got := a.Seal(nil, t.IV, t.Msg, t.AAD); !bytes.Equal(got, sealed) {
					return failed("seal gave %x, want %x", got, sealed)
				}
			}
			pt, err := a.Open(nil, t.IV, sealed, t.AAD)
			return judgeOutput(b, exp, pt, err, t.Msg, what)
		})
	}
	return nil
}

func runKeyWrap(c *wctx, raw json.RawMessage) error {
	var g struct {
		KeySize int `json:"keySize"`
		Tests   []struct {
			wTest
			Key hexBytes `json:"key"`
			Msg hexBytes `json:"msg"`
			CT  hexBytes `json:"ct"`
		} `json:"tests"`
	}
	if err := json.Unmarshal(raw, &g); err != nil {
		return err
	}
	alg := findRegistered(func(w *gencrypto.KeyWrap) bool { return w.KeySize()*8 == g.KeySize })
	what := fmt.Sprintf("AES-KW with a %d-bit key", g.KeySize)
	for i := range g.Tests {
		t := &g.Tests[i]
		c.one(&t.wTest, gencrypto.PrimAESKW, func(b gencrypto.Backend, exp expectation) verdict {
			wrap := func() ([]byte, error) {
				if alg != nil {
					return alg.Wrap(t.Key, t.Msg, gencrypto.WithBackend(b))
				}
				return b.Wrap(gencrypto.PrimAESKW, t.Key, t.Msg)
			}
			unwrap := func() ([]byte, error) {
				if alg != nil {
					return alg.Unwrap(t.Key, t.CT, gencrypto.WithBackend(b))
				}
				return b.Unwrap(gencrypto.PrimAESKW, t.Key, t.CT)
			}
			if exp == mustAccept {
				w, err := wrap()
				if v := judgeOutput(b, exp, w, err, t.CT, what); v.kind != vPass {
					return v
				}
				u, err := unwrap()
				return judgeOutput(b, exp, u, err, t.Msg, what)
			}
			// Rejected: unwrapping must fail, and wrapping must not
			// produce this ciphertext.
			u, err := unwrap()
			if unsupported(err) {
				return judge(b, exp, err, what)
			}
			if err == nil {
				return failed("unwrap accepted, gave %x", u)
			}
			if w, err := wrap(); err == nil && bytes.Equal(w, t.CT) {
				return failed("wrap produced the invalid ciphertext")
			}
			return passed
		})
	}
	return nil
}

// macHash maps Wycheproof's HMAC algorithm names to the hash.
func macHash(alg string) (crypto.Hash, bool) {
	s, ok := strings.CutPrefix(alg, "HMACSHA")
	if !ok {
		return 0, false
	}
	return hashByName("SHA-" + s)
}

func runMAC(c *wctx, raw json.RawMessage) error {
	var g struct {
		KeySize int `json:"keySize"`
		TagSize int `json:"tagSize"`
		Tests   []struct {
			wTest
			Key hexBytes `json:"key"`
			Msg hexBytes `json:"msg"`
			Tag hexBytes `json:"tag"`
		} `json:"tests"`
	}
	if err := json.Unmarshal(raw, &g); err != nil {
		return err
	}
	h, ok := macHash(c.file.Algorithm)
	if !ok {
		return fmt.Errorf("unknown MAC %q", c.file.Algorithm)
	}
	tagLen := g.TagSize / 8
	alg := findRegistered(func(m *gencrypto.MAC) bool {
		return m.Hash() == h && m.TagSize() == tagLen && g.KeySize/8 >= m.MinKeySize()
	})
	what := fmt.Sprintf("HMAC with %v", h)
	for i := range g.Tests {
		t := &g.Tests[i]
		c.one(&t.wTest, gencrypto.PrimHMAC, func(b gencrypto.Backend, exp expectation) verdict {
			if alg != nil {
				k, err := alg.New(t.Key, gencrypto.WithBackend(b))
				if err != nil {
					return judge(b, mustAccept, err, what)
				}
				if exp == mustAccept {
					if got, err := k.Sum(nil, t.Msg); err != nil || !bytes.Equal(got, t.Tag) {
						return failed("tag %x (%v), want %x", got, err, t.Tag)
					}
				}
				return judge(b, exp, k.Verify(t.Msg, t.Tag), what)
			}
			m, err := b.NewHMAC(h, t.Key)
			if err != nil {
				return judge(b, mustAccept, err, what)
			}
			m.Write(t.Msg)
			full := m.Sum(nil)
			if tagLen > len(full) {
				return failed("tag size %d exceeds %v output", tagLen, h)
			}
			if exp == mustAccept {
				return judgeOutput(b, exp, full[:tagLen], nil, t.Tag, what)
			}
			if bytes.Equal(full[:tagLen], t.Tag) {
				return failed("modified tag matches")
			}
			return passed
		})
	}
	return nil
}

// kdfHash reads the hash from "HKDF-SHA-256" or "PBKDF2-HMACSHA256".
func kdfHash(alg string) (crypto.Hash, bool) {
	if s, ok := strings.CutPrefix(alg, "HKDF-"); ok {
		return hashByName(s)
	}
	if s, ok := strings.CutPrefix(alg, "PBKDF2-HMACSHA"); ok {
		return hashByName("SHA-" + s)
	}
	return 0, false
}

func runHKDF(c *wctx, raw json.RawMessage) error {
	var g struct {
		Tests []struct {
			wTest
			IKM  hexBytes `json:"ikm"`
			Salt hexBytes `json:"salt"`
			Info hexBytes `json:"info"`
			Size int      `json:"size"`
			OKM  hexBytes `json:"okm"`
		} `json:"tests"`
	}
	if err := json.Unmarshal(raw, &g); err != nil {
		return err
	}
	h, ok := kdfHash(c.file.Algorithm)
	if !ok {
		return fmt.Errorf("unknown KDF %q", c.file.Algorithm)
	}
	alg := findRegistered(func(k *gencrypto.HKDF) bool { return k.Hash() == h })
	what := fmt.Sprintf("HKDF with %v", h)
	for i := range g.Tests {
		t := &g.Tests[i]
		c.one(&t.wTest, gencrypto.PrimHKDF, func(b gencrypto.Backend, exp expectation) verdict {
			var okm []byte
			var err error
			if alg != nil {
				okm, err = alg.Derive(t.IKM, t.Salt, t.Info, t.Size, gencrypto.WithBackend(b))
			} else {
				okm, err = b.HKDF(h, t.IKM, t.Salt, t.Info, t.Size)
			}
			return judgeOutput(b, exp, okm, err, t.OKM, what)
		})
	}
	return nil
}

func runPBKDF2(c *wctx, raw json.RawMessage) error {
	var g struct {
		Tests []struct {
			wTest
			Password       hexBytes `json:"password"`
			Salt           hexBytes `json:"salt"`
			IterationCount int      `json:"iterationCount"`
			DKLen          int      `json:"dkLen"`
			DK             hexBytes `json:"dk"`
		} `json:"tests"`
	}
	if err := json.Unmarshal(raw, &g); err != nil {
		return err
	}
	h, ok := kdfHash(c.file.Algorithm)
	if !ok {
		return fmt.Errorf("unknown KDF %q", c.file.Algorithm)
	}
	alg := findRegistered(func(k *gencrypto.PBKDF2) bool { return k.Hash() == h })
	what := fmt.Sprintf("PBKDF2 with HMAC-%v", h)
	for i := range g.Tests {
		t := &g.Tests[i]
		c.one(&t.wTest, gencrypto.PrimPBKDF2, func(b gencrypto.Backend, exp expectation) verdict {
			var dk []byte
			var err error
			if alg != nil {
				dk, err = alg.Derive(t.Password, t.Salt, t.IterationCount, t.DKLen, gencrypto.WithBackend(b))
			} else {
				dk, err = b.PBKDF2(h, t.Password, t.Salt, t.IterationCount, t.DKLen)
			}
			return judgeOutput(b, exp, dk, err, t.DK, what)
		})
	}
	return nil
}
