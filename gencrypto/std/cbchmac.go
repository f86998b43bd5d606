package std

// AES_CBC_HMAC_SHA2 (RFC 7518 §5.2), the JWE content encryption A128CBC-HS256,
// A192CBC-HS384 and A256CBC-HS512, as a cipher.AEAD.
//
// The key is MAC_KEY‖ENC_KEY, two halves of equal length (§5.2.2.1). The
// nonce is the 16-byte IV. Seal pads with PKCS #7, encrypts in CBC mode and
// appends T, the HMAC of A‖IV‖E‖AL truncated to the tag size, where AL is
// the bit length of A as a 64-bit big-endian integer. Open checks T in
// constant time before any decryption (§5.2.2.2 step 2), then decrypts and
// removes the padding, which is at most one block and is checked without
// data-dependent branches; a bad tag and bad padding give the same error.
// Both read the IV and the associated data (and Open the whole ciphertext)
// before writing any output, so they are correct whatever the overlap of
// dst with their inputs.

import (
	"crypto"
	"crypto/aes"
	"crypto/cipher"
	"crypto/hmac"
	"crypto/subtle"
	"encoding/binary"
	"hash"
	"sync"
)

type cbcHMAC struct {
	block   cipher.Block
	tagSize int
	// macs holds *macState values with a keyed HMAC (reset before each
	// use, and wiped with the rest of the state after it, see putMAC), so
	// that Seal and Open neither key a new HMAC per call nor allocate their
	// scratch blocks.
	macs sync.Pool
}

type macState struct {
	h    hash.Hash
	sum  [64]byte
	want [64]byte
	al   [8]byte
}

// newCBCHMAC returns AES_CBC_HMAC_SHA2 for key = MAC_KEY‖ENC_KEY. The
// encryption half must be an AES key (16, 24 or 32 bytes), the IV 16 bytes,
// and tagSize between 16 and the full HMAC output (RFC 7518 uses half of it).
func newCBCHMAC(key []byte, nonceSize, tagSize int, h crypto.Hash) (cipher.AEAD, error) {
	f, err := hashFunc(h)
	if err != nil {
		return nil, err
	}
	if len(key)%2 != 0 || !aesKeySize(len(key)/2) {
		return nil, errKeySize
	}
	if nonceSize != aes.BlockSize || tagSize < 16 || tagSize > h.Size() {
		return nil, errParameter
	}
	half := len(key) / 2
	b, err := aes.NewCipher(key[half:])
	if err != nil {
		return nil, err
	}
	macKey := append([]byte(nil), key[:half]...)
	c := &cbcHMAC{block: b, tagSize: tagSize}
	c.macs.New = func() any { return &macState{h: hmac.New(f, macKey)} }
	return c, nil
}

// putMAC wipes what ms holds of the last message and returns it to the
// pool: the HMAC goes back to its keyed initial state (the key-derived pads
// are the AEAD's own, as long-lived as its key), and the full HMAC output,
// the expected tag and AL are cleared, so that a pooled value says nothing
// of the last tag, nor of the tag that would have made a forgery verify.
// HMAC's Reset restores only the inner hash: the outer one would keep the
// last message's inner digest, from which finishing the outer hash gives
// the full HMAC output. Summing the reset HMAC (the MAC of the empty
// message, two compression-function calls, no allocation) leaves the
// outer hash holding the same value after every message.
func (c *cbcHMAC) putMAC(ms *macState) {
	ms.h.Reset()
	ms.h.Sum(ms.sum[:0])
	clear(ms.sum[:])
	clear(ms.want[:])
	clear(ms.al[:])
	if testHookMACPut != nil {
		testHookMACPut(ms)
	}
	c.macs.Put(ms)
}

// testHookMACPut, when set by a test, sees each MAC state as it goes back
// to the pool.
var testHookMACPut func(*macState)

func (c *cbcHMAC) NonceSize() int { return aes.BlockSize }

// Overhead returns the largest expansion of a plaintext: a full block of
// padding plus the tag.
func (c *cbcHMAC) Overhead() int { return aes.BlockSize + c.tagSize }

// macStart resets the HMAC and feeds it A and the IV, the inputs that come
// before E (§5.2.2.1). Seal calls it before writing any output, so that
// what is authenticated is what the caller gave even if dst overlaps them.
func (c *cbcHMAC) macStart(ms *macState, iv, ad []byte) {
	ms.h.Reset()
	ms.h.Write(ad)
	ms.h.Write(iv)
}

// macEnd feeds E and AL, for associated data of adLen bytes, and writes the
// truncated tag into out (at least tagSize bytes).
func (c *cbcHMAC) macEnd(ms *macState, out, ciphertext []byte, adLen int) {
	ms.h.Write(ciphertext)
	binary.BigEndian.PutUint64(ms.al[:], alBits(adLen))
	ms.h.Write(ms.al[:])
	copy(out, ms.h.Sum(ms.sum[:0])[:c.tagSize])
}

// tag computes HMAC(A‖IV‖E‖AL) truncated, into out (at least tagSize bytes).
func (c *cbcHMAC) tag(ms *macState, out, iv, ciphertext, ad []byte) {
	c.macStart(ms, iv, ad)
	c.macEnd(ms, out, ciphertext, len(ad))
}

// alBits is AL of RFC 7518 §5.2.2.1: the length of the associated data in
// bits, computed in 64 bits so that it cannot wrap where int is 32 bits
// (CVE-2016-9123).
func alBits(n int) uint64 { return uint64(n) * 8 }

// Seal encrypts and authenticates plaintext. It panics if the IV is not 16
// bytes, as crypto/cipher's AEADs do for a wrong nonce. The IV and the
// associated data are read before any output is written, and the output may
// overlap the plaintext exactly or at any offset.
func (c *cbcHMAC) Seal(dst, nonce, plaintext, additionalData []byte) []byte {
	if len(nonce) != aes.BlockSize {
		panic("std: cbc-hmac: incorrect IV length")
	}
	ms := c.macs.Get().(*macState)
	defer c.putMAC(ms)
	c.macStart(ms, nonce, additionalData)
	enc := cipher.NewCBCEncrypter(c.block, nonce)
	pad := aes.BlockSize - len(plaintext)%aes.BlockSize
	n := len(plaintext) + pad
	ret, out := sliceForAppend(dst, n+c.tagSize)
	copy(out, plaintext) // memmove: right whatever the overlap
	for i := len(plaintext); i < n; i++ {
		out[i] = byte(pad)
	}
	enc.CryptBlocks(out[:n], out[:n])
	c.macEnd(ms, out[n:], out[:n], len(additionalData))
	return ret
}

// Open authenticates and decrypts ciphertext‖tag. Every failure (wrong
// lengths, bad tag, bad padding) returns the same error. Every input is
// read before any output is written, and the output may overlap the
// ciphertext exactly or at any offset.
func (c *cbcHMAC) Open(dst, nonce, ciphertext, additionalData []byte) ([]byte, error) {
	if len(nonce) != aes.BlockSize || len(ciphertext) < aes.BlockSize+c.tagSize {
		return nil, errOpen
	}
	n := len(ciphertext) - c.tagSize
	if n%aes.BlockSize != 0 {
		return nil, errOpen
	}
	ms := c.macs.Get().(*macState)
	c.tag(ms, ms.want[:], nonce, ciphertext[:n], additionalData)
	ok := subtle.ConstantTimeCompare(ms.want[:c.tagSize], ciphertext[n:])
	c.putMAC(ms)
	if ok != 1 {
		return nil, errOpen
	}
	dec := cipher.NewCBCDecrypter(c.block, nonce)
	ret, out := sliceForAppend(dst, n)
	// crypto/cipher refuses an output that overlaps its input other than
	// exactly: move the ciphertext into place first (moveInto).
	moveInto(out, ciphertext[:n])
	dec.CryptBlocks(out, out)
	pad, ok := checkPadding(out[n-aes.BlockSize:])
	if ok != 1 {
		clear(out)
		return nil, errOpen
	}
	return ret[:len(ret)-pad], nil
}

// checkPadding checks the PKCS #7 padding of the last block without
// branching on its contents, returning the pad length and 1 if it is valid.
func checkPadding(last []byte) (pad int, ok int) {
	p := last[len(last)-1]
	ok = subtle.ConstantTimeLessOrEq(1, int(p)) & subtle.ConstantTimeLessOrEq(int(p), len(last))
	for i := range last {
		// Bytes at positions len-p … len-1 must equal p.
		inPad := subtle.ConstantTimeLessOrEq(len(last), i+int(p))
		eq := subtle.ConstantTimeByteEq(last[i], p)
		ok &= ^inPad&1 | eq
	}
	return int(p), ok
}
