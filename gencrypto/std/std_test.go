package std

import (
	"bytes"
	"crypto"
	"crypto/aes"
	"crypto/cipher"
	"crypto/ecdh"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/elliptic"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"math/big"
	"testing"

	"github.com/lwscrypto/lwscrypto/internal/testenv"
)

func TestUnsupported(t *testing.T) {
	b := New()
	key := make([]byte, 32)
	p256, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	x, _ := ecdh.X25519().GenerateKey(rand.Reader)
	errs := map[string]error{}
	_, errs["aead"] = b.NewAEAD("aes-gcm-siv", key, 12, 16, 0)
	_, errs["wrap"] = b.Wrap("aes-kwp", key, key)
	_, errs["unwrap"] = b.Unwrap("aes-kwp", key, make([]byte, 24))
	_, errs["sign"] = b.Sign("ed448", p256, 0, nil)
	errs["verify"] = b.Verify("ecdsa-secp256k1", &p256.PublicKey, crypto.SHA256, nil, nil)
	_, errs["ecdh"] = b.ECDH("x448", x, x.PublicKey())
	_, errs["hash"] = b.NewHash(crypto.MD5)
	_, errs["hash 0"] = b.NewHash(0)
	_, errs["hash 999"] = b.NewHash(crypto.Hash(999))
	_, errs["hmac"] = b.NewHMAC(crypto.RIPEMD160, key)
	_, errs["hkdf"] = b.HKDF(crypto.MD4, key, nil, nil, 16)
	_, errs["pbkdf2"] = b.PBKDF2(crypto.BLAKE2b_256, key, nil, 1, 16)
	_, errs["concat"] = b.ConcatKDF(crypto.MD5SHA1, key, nil, 16)
	_, errs["ecdsa hash"] = b.Sign(primECDSAP256, p256, crypto.MD5, nil)
	errs["ecdsa verify hash"] = b.Verify(primECDSAP256, &p256.PublicKey, crypto.Hash(0), nil, make([]byte, 64))
	_, errs["cbc hash"] = b.NewAEAD(primAESCBCHMAC, key, 16, 16, crypto.MD5)
	_, errs["oaep hash"] = b.EncryptOAEP(crypto.MD5, nil, nil, nil)
	_, errs["ed25519ph"] = b.Sign(primEd25519, p256, crypto.SHA512, nil)
	for what, err := range errs {
		if !errors.Is(err, errors.ErrUnsupported) {
			t.Errorf("%s: %v, want ErrUnsupported", what, err)
		}
	}
	for _, p := range Primitives() {
		if !b.Supports(p) {
			t.Errorf("Supports(%q) = false", p)
		}
	}
	if b.Supports("") || b.Supports("AES-GCM") || b.Name() != "std" {
		t.Error("Supports or Name wrong")
	}
}

// TestInvalidPublicPoints proves that the std path itself, called without
// gencrypto's policy checks, rejects ECDSA public keys off the curve, out of
// range or at infinity.
func TestInvalidPublicPoints(t *testing.T) {
	b := New()
	key, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	msg := []byte("m")
	sig, err := b.Sign(primECDSAP256, key, crypto.SHA256, msg)
	if err != nil {
		t.Fatal(err)
	}
	good := &key.PublicKey
	if err := b.Verify(primECDSAP256, good, crypto.SHA256, msg, sig); err != nil {
		t.Fatalf("good signature: %v", err)
	}
	p := elliptic.P256().Params().P
	for name, pub := range map[string]*ecdsa.PublicKey{
		"off curve": {Curve: elliptic.P256(), X: good.X, Y: new(big.Int).Add(good.Y, big.NewInt(1))},
		"identity":  {Curve: elliptic.P256(), X: new(big.Int), Y: new(big.Int)},
		"x + p":     {Curve: elliptic.P256(), X: new(big.Int).Add(good.X, p), Y: good.Y},
		"y + p":     {Curve: elliptic.P256(), X: good.X, Y: new(big.Int).Add(good.Y, p)},
		"nil y":     {Curve: elliptic.P256(), X: good.X},
		"P-384":     {Curve: elliptic.P384(), X: good.X, Y: good.Y},
	} {
		if err := b.Verify(primECDSAP256, pub, crypto.SHA256, msg, sig); err == nil {
			t.Errorf("%s: verified", name)
		}
	}
}

func TestDERToRaw(t *testing.T) {
	for _, tc := range []struct {
		der, raw string // hex; raw "" means rejected
	}{
		{"3006020101020102", "00010002"},
		{"300602017f02017f", "007f007f"},
		{"30080202008002020080", "00800080"},
		{"3007020101020200ff", "000100ff"},
		{"30060201ff020101", ""},     // negative r
		{"3007020200010201", ""},     // non-minimal r, and truncated
		{"30070202000102010101", ""}, // trailing bytes inside
		{"3006020100020101", ""},     // r = 0
		{"300602010102010100", ""},   // trailing after the sequence
		{"308106020101020101", ""},   // long-form length below 128
		{"3006020101020101", "00010001"},
		{"30080203010001020101", ""}, // r too long for 2-byte scalars
		{"300702020001020101", ""},   // r with a superfluous leading zero (00 01)
		{"3106020101020101", ""},     // wrong outer tag
		{"3006030101020101", ""},     // wrong inner tag
		{"30", ""},
		{"", ""},
	} {
		got, err := derToRaw(testenv.Hex(t, tc.der), 2)
		if tc.raw == "" {
			if err == nil {
				t.Errorf("%s: accepted as %x", tc.der, got)
			}
			continue
		}
		if err != nil || !bytes.Equal(got, testenv.Hex(t, tc.raw)) {
			t.Errorf("%s: %x, %v; want %s", tc.der, got, err, tc.raw)
		}
	}
}

// TestAttack12CBCHMACPadding (SECURITY-CATALOG row 12): the tag is checked
// before decryption, so a ciphertext with a valid tag but bad padding and
// one with a bad tag give the same error value; padding longer than one
// block is refused rather than unpadded.
func TestAttack12CBCHMACPadding(t *testing.T) {
	key := make([]byte, 32)
	rand.Read(key)
	a, err := New().NewAEAD(primAESCBCHMAC, key, 16, 16, crypto.SHA256)
	if err != nil {
		t.Fatal(err)
	}
	iv := make([]byte, 16)
	ad := []byte("aad")
	// forge builds ciphertext‖tag for raw (already padded) plaintext blocks,
	// with a correct tag: only the holder of the MAC key can do this, which
	// is exactly the case where a padding check could leak.
	forge := func(raw []byte) []byte {
		blk, _ := aes.NewCipher(key[16:])
		ct := make([]byte, len(raw))
		cipher.NewCBCEncrypter(blk, iv).CryptBlocks(ct, raw)
		m := hmac.New(sha256.New, key[:16])
		m.Write(ad)
		m.Write(iv)
		m.Write(ct)
		var al [8]byte
		binary.BigEndian.PutUint64(al[:], uint64(len(ad))*8)
		m.Write(al[:])
		return append(ct, m.Sum(nil)[:16]...)
	}
	// Valid padding forged this way opens: the forge is right.
	okPad := append(bytes.Repeat([]byte("A"), 12), 4, 4, 4, 4)
	if pt, err := a.Open(nil, iv, forge(okPad), ad); err != nil || string(pt) != "AAAAAAAAAAAA" {
		t.Fatalf("forged valid padding: %q, %v", pt, err)
	}
	sealed := a.Seal(nil, iv, []byte("hello"), ad)
	badTag := append([]byte(nil), sealed...)
	badTag[len(badTag)-1] ^= 1
	_, errTag := a.Open(nil, iv, badTag, ad)
	if errTag == nil {
		t.Fatal("bad tag opened")
	}
	for name, raw := range map[string][]byte{
		"pad 0":            append(bytes.Repeat([]byte("A"), 15), 0),
		"pad 17":           append(bytes.Repeat([]byte("A"), 15), 17),
		"pad 255":          append(bytes.Repeat([]byte("A"), 15), 255),
		"inconsistent":     append(bytes.Repeat([]byte("A"), 13), 3, 2, 3),
		"two blocks of 32": bytes.Repeat([]byte{32}, 32),
		"one block of 16s": append(bytes.Repeat([]byte{16}, 15), 17),
	} {
		dst := make([]byte, 0, 64)
		_, err := a.Open(dst, iv, forge(raw), ad)
		if err != errTag {
			t.Errorf("%s: %v; want the bad-tag error %v", name, err, errTag)
		}
		if !bytes.Equal(dst[:cap(dst)], make([]byte, cap(dst))) {
			t.Errorf("%s: plaintext left in dst", name)
		}
	}
	// A full block of padding is removed entirely, and no more.
	full := append(bytes.Repeat([]byte("B"), 16), bytes.Repeat([]byte{16}, 16)...)
	if pt, err := a.Open(nil, iv, forge(full), ad); err != nil || string(pt) != "BBBBBBBBBBBBBBBB" {
		t.Errorf("full padding block: %q, %v", pt, err)
	}
}

// TestAttack13CBCHMACAADLength (SECURITY-CATALOG row 13): AL is the AAD
// length in bits as a 64-bit value even where int is 32 bits. Allocating
// 2^29 bytes of AAD is out of place in a unit test, so the test checks the
// function that computes AL at the lengths where a 32-bit product wraps;
// run it with GOARCH=386 to check the 32-bit build.
func TestAttack13CBCHMACAADLength(t *testing.T) {
	for _, tc := range []struct {
		n    int
		want uint64
	}{
		{0, 0}, {42, 336}, {1<<29 - 1, 1<<32 - 8}, {1 << 29, 1 << 32}, {1<<29 + 1, 1<<32 + 8}, {1<<31 - 1, 1<<34 - 8},
	} {
		if got := alBits(tc.n); got != tc.want {
			t.Errorf("alBits(%d) = %d, want %d", tc.n, got, tc.want)
		}
	}
}

// TestAttack11KeyWrapLengths (SECURITY-CATALOG row 11) at the backend: no
// length panics, and every length that is not ≥ 24 and a multiple of 8 is
// refused.
func TestAttack11KeyWrapLengths(t *testing.T) {
	b := New()
	kek := make([]byte, 16)
	for n := 0; n <= 40; n++ {
		_, err := b.Unwrap(primAESKW, kek, make([]byte, n))
		if (n < 24 || n%8 != 0) && !errors.Is(err, errLength) {
			t.Errorf("Unwrap(%d bytes): %v, want a length error", n, err)
		}
		if n >= 24 && n%8 == 0 && !errors.Is(err, errOpen) {
			t.Errorf("Unwrap(%d zero bytes): %v, want an integrity failure", n, err)
		}
		_, err = b.Wrap(primAESKW, kek, make([]byte, n))
		if (n < 16 || n%8 != 0) != (err != nil) {
			t.Errorf("Wrap(%d bytes): %v", n, err)
		}
	}
	for _, k := range [][]byte{nil, make([]byte, 15), make([]byte, 64)} {
		if _, err := b.Wrap(primAESKW, k, make([]byte, 16)); err == nil {
			t.Errorf("Wrap with a %d-byte KEK succeeded", len(k))
		}
	}
}

// TestConstructionParameters: the general constructions refuse parameters
// their specifications do not define, with an error and no panic.
func TestConstructionParameters(t *testing.T) {
	b := New()
	k16 := make([]byte, 16)
	for _, tc := range []struct {
		prim       string
		key        []byte
		nonce, tag int
		h          crypto.Hash
		ok         bool
	}{
		{primAESCCM, k16, 7, 4, 0, true}, {primAESCCM, k16, 13, 16, 0, true},
		{primAESCCM, k16, 6, 16, 0, false}, {primAESCCM, k16, 14, 16, 0, false},
		{primAESCCM, k16, 12, 2, 0, false}, {primAESCCM, k16, 12, 5, 0, false}, {primAESCCM, k16, 12, 18, 0, false},
		{primAESCCM, make([]byte, 20), 12, 16, 0, false},
		{primAESGCM, k16, 12, 16, 0, true}, {primAESGCM, k16, 12, 12, 0, true}, {primAESGCM, k16, 16, 16, 0, true},
		{primAESGCM, k16, 0, 16, 0, false}, {primAESGCM, k16, 16, 12, 0, false}, {primAESGCM, k16, 12, 11, 0, false},
		{primAESGCM, make([]byte, 17), 12, 16, 0, false},
		{primChaCha20Poly1305, make([]byte, 32), 12, 16, 0, true}, {primChaCha20Poly1305, make([]byte, 32), 24, 16, 0, true},
		{primChaCha20Poly1305, make([]byte, 32), 8, 16, 0, false}, {primChaCha20Poly1305, make([]byte, 32), 12, 8, 0, false},
		{primChaCha20Poly1305, k16, 12, 16, 0, false},
		{primAESCBCHMAC, make([]byte, 32), 16, 16, crypto.SHA256, true}, {primAESCBCHMAC, make([]byte, 64), 16, 32, crypto.SHA512, true},
		{primAESCBCHMAC, make([]byte, 31), 16, 16, crypto.SHA256, false}, {primAESCBCHMAC, make([]byte, 40), 16, 16, crypto.SHA256, false},
		{primAESCBCHMAC, make([]byte, 32), 12, 16, crypto.SHA256, false}, {primAESCBCHMAC, make([]byte, 32), 16, 33, crypto.SHA256, false},
		{primAESCBCHMAC, make([]byte, 32), 16, 8, crypto.SHA256, false},
	} {
		a, err := b.NewAEAD(tc.prim, tc.key, tc.nonce, tc.tag, tc.h)
		if (err == nil) != tc.ok {
			t.Errorf("%s key %d nonce %d tag %d: %v", tc.prim, len(tc.key), tc.nonce, tc.tag, err)
			continue
		}
		if err != nil {
			continue
		}
		if a.NonceSize() != tc.nonce {
			t.Errorf("%s: NonceSize %d", tc.prim, a.NonceSize())
		}
		// Round trip through exactly aliased buffers, as cipher.AEAD allows.
		nonce := make([]byte, tc.nonce)
		buf := make([]byte, 37, 37+a.Overhead())
		copy(buf, "the quick brown fox jumps over the do")
		ct := a.Seal(buf[:0], nonce, buf, nil)
		pt, err := a.Open(ct[:0], nonce, ct, nil)
		if err != nil || string(pt) != "the quick brown fox jumps over the do" {
			t.Errorf("%s: in-place round trip %q, %v", tc.prim, pt, err)
		}
	}
}

func TestSignKeyMismatch(t *testing.T) {
	b := New()
	p384, _ := ecdsa.GenerateKey(elliptic.P384(), rand.Reader)
	_, ed, _ := ed25519.GenerateKey(rand.Reader)
	if _, err := b.Sign(primECDSAP256, p384, crypto.SHA256, nil); !errors.Is(err, errKeyType) {
		t.Errorf("P-384 key for P-256: %v", err)
	}
	if _, err := b.Sign(primRSAPSS, ed, crypto.SHA256, nil); !errors.Is(err, errKeyType) {
		t.Errorf("Ed25519 key for PSS: %v", err)
	}
	if _, err := b.Sign(primEd25519, p384, 0, nil); !errors.Is(err, errKeyType) {
		t.Errorf("P-384 key for Ed25519: %v", err)
	}
	if _, err := b.Sign(primEd25519, nil, 0, nil); !errors.Is(err, errKeyType) {
		t.Errorf("nil key: %v", err)
	}
	if err := b.Verify(primEd25519, ed.Public(), 0, nil, make([]byte, 64)); !errors.Is(err, errVerify) {
		t.Errorf("zero Ed25519 signature: %v", err)
	}
	if err := b.Verify(primRSAPKCS1v15, ed.Public(), crypto.SHA256, nil, nil); !errors.Is(err, errKeyType) {
		t.Errorf("Ed25519 key for RSA: %v", err)
	}
	x, _ := ecdh.X25519().GenerateKey(rand.Reader)
	p, _ := ecdh.P256().GenerateKey(rand.Reader)
	if _, err := b.ECDH(primX25519, x, p.PublicKey()); !errors.Is(err, errKeyType) {
		t.Errorf("mixed curves: %v", err)
	}
	if _, err := b.ECDH(primECDHP256, x, p.PublicKey()); !errors.Is(err, errKeyType) {
		t.Errorf("X25519 private for P-256: %v", err)
	}
	if _, err := b.ECDH(primECDHP256, p384, p.PublicKey()); !errors.Is(err, errKeyType) {
		t.Errorf("ECDSA private for P-256 ECDH: %v", err)
	}
}

// TestAppendDER checks the encoder against the strict decoder, at the
// boundaries: high bits set (a 0x00 pad), leading zeros, and P-521 sizes
// that need the long-form sequence length.
func TestAppendDER(t *testing.T) {
	for _, size := range []int{32, 48, 66} {
		for _, tc := range [][2][]byte{
			{bytes.Repeat([]byte{0xff}, size), bytes.Repeat([]byte{0x7f}, size)},
			{append(make([]byte, size-1), 1), append(make([]byte, size-1), 0x80)},
			{append([]byte{0x01}, make([]byte, size-1)...), bytes.Repeat([]byte{0x80}, size)},
		} {
			der, ok := appendDER(nil, tc[0], tc[1])
			if !ok {
				t.Fatalf("size %d: refused %x", size, tc)
			}
			if len(der) > maxDERSize {
				t.Fatalf("size %d: %d-byte DER exceeds maxDERSize %d", size, len(der), maxDERSize)
			}
			raw, err := derToRaw(der, size)
			if err != nil || !bytes.Equal(raw, append(append([]byte(nil), tc[0]...), tc[1]...)) {
				t.Errorf("size %d: round trip of %x gave %x, %v (DER %x)", size, tc, raw, err, der)
			}
		}
		if _, ok := appendDER(nil, make([]byte, size), bytes.Repeat([]byte{1}, size)); ok {
			t.Errorf("size %d: r = 0 encoded", size)
		}
	}
}
