package gencrypto

import (
	"crypto"
	"crypto/aes"
	"crypto/cipher"
)

// AEAD is an authenticated encryption algorithm: AES-GCM, AES-CBC with
// HMAC-SHA-2 (RFC 7518 §5.2), AES-CCM (RFC 9053 §4.2) or ChaCha20-Poly1305.
//
// New returns a standard cipher.AEAD whose Seal appends ciphertext‖tag and
// whose Open fails with ErrVerify whatever went wrong.
//
// The zero AEAD is no algorithm (use A128GCM and the others): New returns
// an error wrapping ErrUnsupported, and KeySize, NonceSize and TagSize
// return 0.
type AEAD struct {
	algInfo
	prim      string
	keySize   int
	nonceSize int
	tagSize   int
	hash      crypto.Hash // AES-CBC-HMAC only
}

var (
	a128gcm  = AEAD{algInfo{"A128GCM", 1, true, KindAEAD, KeyOct, true}, PrimAESGCM, 16, 12, 16, 0}
	a192gcm  = AEAD{algInfo{"A192GCM", 2, true, KindAEAD, KeyOct, true}, PrimAESGCM, 24, 12, 16, 0}
	a256gcm  = AEAD{algInfo{"A256GCM", 3, true, KindAEAD, KeyOct, true}, PrimAESGCM, 32, 12, 16, 0}
	a128cbc  = AEAD{algInfo{"A128CBC-HS256", 0, false, KindAEAD, KeyOct, true}, PrimAESCBCHMAC, 32, 16, 16, crypto.SHA256}
	a192cbc  = AEAD{algInfo{"A192CBC-HS384", 0, false, KindAEAD, KeyOct, true}, PrimAESCBCHMAC, 48, 16, 24, crypto.SHA384}
	a256cbc  = AEAD{algInfo{"A256CBC-HS512", 0, false, KindAEAD, KeyOct, true}, PrimAESCBCHMAC, 64, 16, 32, crypto.SHA512}
	ccm1664a = AEAD{algInfo{"AES-CCM-16-64-128", 10, true, KindAEAD, KeyOct, true}, PrimAESCCM, 16, 13, 8, 0}
	ccm1664b = AEAD{algInfo{"AES-CCM-16-64-256", 11, true, KindAEAD, KeyOct, true}, PrimAESCCM, 32, 13, 8, 0}
	ccm6464a = AEAD{algInfo{"AES-CCM-64-64-128", 12, true, KindAEAD, KeyOct, true}, PrimAESCCM, 16, 7, 8, 0}
	ccm6464b = AEAD{algInfo{"AES-CCM-64-64-256", 13, true, KindAEAD, KeyOct, true}, PrimAESCCM, 32, 7, 8, 0}
	ccm1612a = AEAD{algInfo{"AES-CCM-16-128-128", 30, true, KindAEAD, KeyOct, true}, PrimAESCCM, 16, 13, 16, 0}
	ccm1612b = AEAD{algInfo{"AES-CCM-16-128-256", 31, true, KindAEAD, KeyOct, true}, PrimAESCCM, 32, 13, 16, 0}
	ccm6412a = AEAD{algInfo{"AES-CCM-64-128-128", 32, true, KindAEAD, KeyOct, true}, PrimAESCCM, 16, 7, 16, 0}
	ccm6412b = AEAD{algInfo{"AES-CCM-64-128-256", 33, true, KindAEAD, KeyOct, true}, PrimAESCCM, 32, 7, 16, 0}
	chacha   = AEAD{algInfo{"ChaCha20/Poly1305", 24, true, KindAEAD, KeyOct, false}, PrimChaCha20Poly1305, 32, 12, 16, 0}
)

// A128GCM is AES-128 in GCM mode with a 96-bit nonce and 128-bit tag
// (RFC 7518 §5.3; COSE 1).
func A128GCM() *AEAD { return &a128gcm }

// A192GCM is AES-192-GCM (RFC 7518 §5.3; COSE 2).
func A192GCM() *AEAD { return &a192gcm }

// A256GCM is AES-256-GCM (RFC 7518 §5.3; COSE 3).
func A256GCM() *AEAD { return &a256gcm }

// A128CBCHS256 is AES_128_CBC_HMAC_SHA_256 (RFC 7518 §5.2.3): a 32-byte key
// (MAC key then encryption key), 16-byte IV, 16-byte tag.
func A128CBCHS256() *AEAD { return &a128cbc }

// A192CBCHS384 is AES_192_CBC_HMAC_SHA_384 (RFC 7518 §5.2.4).
func A192CBCHS384() *AEAD { return &a192cbc }

// A256CBCHS512 is AES_256_CBC_HMAC_SHA_512 (RFC 7518 §5.2.5).
func A256CBCHS512() *AEAD { return &a256cbc }

// AESCCM16_64_128 is AES-CCM with L=16 bits (13-byte nonce), a 64-bit tag
// and a 128-bit key (RFC 9053 §4.2; COSE 10).
func AESCCM16_64_128() *AEAD { return &ccm1664a }

// AESCCM16_64_256 is AES-CCM, 13-byte nonce, 64-bit tag, 256-bit key (COSE 11).
func AESCCM16_64_256() *AEAD { return &ccm1664b }

// AESCCM64_64_128 is AES-CCM, 7-byte nonce, 64-bit tag, 128-bit key (COSE 12).
func AESCCM64_64_128() *AEAD { return &ccm6464a }

// AESCCM64_64_256 is AES-CCM, 7-byte nonce, 64-bit tag, 256-bit key (COSE 13).
func AESCCM64_64_256() *AEAD { return &ccm6464b }

// AESCCM16_128_128 is AES-CCM, 13-byte nonce, 128-bit tag, 128-bit key (COSE 30).
func AESCCM16_128_128() *AEAD { return &ccm1612a }

// AESCCM16_128_256 is AES-CCM, 13-byte nonce, 128-bit tag, 256-bit key (COSE 31).
func AESCCM16_128_256() *AEAD { return &ccm1612b }

// AESCCM64_128_128 is AES-CCM, 7-byte nonce, 128-bit tag, 128-bit key (COSE 32).
func AESCCM64_128_128() *AEAD { return &ccm6412a }

// AESCCM64_128_256 is AES-CCM, 7-byte nonce, 128-bit tag, 256-bit key (COSE 33).
func AESCCM64_128_256() *AEAD { return &ccm6412b }

// ChaCha20Poly1305 is ChaCha20-Poly1305 of RFC 8439 (RFC 9053 §4.3; COSE 24).
func ChaCha20Poly1305() *AEAD { return &chacha }

// KeySize returns the key length in bytes.
func (a *AEAD) KeySize() int { return a.keySize }

// NonceSize returns the nonce (IV) length in bytes.
func (a *AEAD) NonceSize() int { return a.nonceSize }

// TagSize returns the authentication tag length in bytes.
func (a *AEAD) TagSize() int { return a.tagSize }

// Primitive returns the Backend primitive the algorithm runs on.
func (a *AEAD) Primitive() string { return a.prim }

// New returns the AEAD keyed with key, which must be exactly KeySize bytes
// (ErrKeySize otherwise). Its Seal appends ciphertext‖tag to dst and, like
// every crypto/cipher AEAD, panics when given a nonce that is not
// NonceSize bytes (a programming error: the caller makes the nonce) or a
// plaintext longer than the algorithm can encrypt: 65535 bytes for the
// AES-CCM-16-* variants, whose 13-byte nonce leaves a 2-byte length field
// (RFC 9053 §4.2), so a caller sealing a payload of unbounded size with
// them must check its length first. The registry makes both checks itself,
// so Seal panics for them whatever the backend. Its Open returns ErrVerify
// for any failure, a nonce of the wrong length included (the nonce of a
// received message is attacker input). Both
// append into dst without allocating for AES-GCM, AES-CCM below 512 bytes
// and ChaCha20-Poly1305.
//
// The rule of cipher.AEAD holds for dst and the input (the plaintext for
// Seal, the ciphertext for Open): to reuse the input's storage, use
// input[:0] as dst; otherwise the rest of dst must not overlap the input —
// they overlap exactly or not at all. Callers must keep to it with every
// algorithm. With the std backend AES-GCM and ChaCha20-Poly1305 panic on a
// partial overlap (crypto/cipher and x/crypto check it), while AES-CCM and
// AES-CBC-HMAC happen to read all their input before writing and give the
// right answer; that leniency is not part of the contract, may differ
// between backends, and code that relies on it breaks when the algorithm
// changes.
func (a *AEAD) New(key []byte, opts ...Option) (cipher.AEAD, error) {
	if a.isZero() {
		return nil, zeroAlgorithm(a)
	}
	if len(key) != a.keySize {
		return nil, ErrKeySize
	}
	b, err := backendWith(opts, a, a.prim)
	if err != nil {
		return nil, err
	}
	c, err := b.NewAEAD(a.prim, key, a.nonceSize, a.tagSize, a.hash)
	if err != nil {
		return nil, err
	}
	// The registry decides the nonce and tag lengths, not the backend: an
	// AEAD with a shorter tag would open truncated tags. AES-CBC-HMAC's
	// overhead is the tag plus at most one block of padding.
	overhead := a.tagSize
	if a.prim == PrimAESCBCHMAC {
		overhead += aes.BlockSize
	}
	if c == nil || c.NonceSize() != a.nonceSize || c.Overhead() != overhead {
		return nil, errBackendOutput
	}
	return &opaqueAEAD{c, a.tagSize, a.prim == PrimAESCBCHMAC, a.maxPlaintext()}, nil
}

// maxPlaintext returns the longest plaintext the algorithm can encrypt:
// for AES-CCM what its length field of L = 15 − nonce bytes holds (RFC
// 9053 §4.2, SP 800-38C A.2.1), for AES-GCM 2^32−2 blocks (SP 800-38D
// §5.2.1.1), for ChaCha20-Poly1305 the 2^32 64-byte blocks of its 32-bit
// counter less the one Poly1305's key takes, 2^38−64 bytes (RFC 8439
// §2.8); AES-CBC-HMAC has no bound an int can reach.
func (a *AEAD) maxPlaintext() uint64 {
	switch a.prim {
	case PrimAESCCM:
		if l := 15 - a.nonceSize; l < 8 {
			return 1<<(8*uint(l)) - 1
		}
	case PrimAESGCM:
		return (1<<32 - 2) * 16
	case PrimChaCha20Poly1305:
		return 1<<38 - 64
	}
	return 1<<64 - 1
}

// opaqueAEAD maps every Open failure to ErrVerify, whatever the backend
// said, and refuses a plaintext whose length the ciphertext cannot have.
// Its Seal panics, whatever the backend would do, for a nonce that is not
// NonceSize bytes and a plaintext longer than the algorithm can encrypt,
// as AEAD.New documents.
type opaqueAEAD struct {
	cipher.AEAD
	tagSize      int
	padded       bool // AES-CBC-HMAC: 1 to 16 bytes of padding before the tag
	maxPlaintext uint64
}

// Seal is the backend's Seal, after the checks crypto/cipher's AEADs make:
// a backend that forgave a nonce of the wrong length would seal under
// another nonce than the caller's, and one that sealed past the length
// field would, for AES-CCM, wrap it and run the counter into the nonce.
func (o *opaqueAEAD) Seal(dst, nonce, plaintext, additionalData []byte) []byte {
	if len(nonce) != o.NonceSize() {
		panic("gencrypto: incorrect nonce length given to Seal")
	}
	if uint64(len(plaintext)) > o.maxPlaintext {
		panic("gencrypto: plaintext too long for the algorithm")
	}
	return o.AEAD.Seal(dst, nonce, plaintext, additionalData)
}

// Open is the backend's Open with every failure turned into ErrVerify. A
// ciphertext longer than the tag and the longest plaintext the algorithm
// can encrypt is refused the same way before the backend sees it. A
// plaintext of another length than the ciphertext's less the tag (less
// 1 to 16 bytes of padding for AES-CBC-HMAC, RFC 7518 §5.2.2.1), or a
// result shorter than dst, is a backend's error, refused the same way.
func (o *opaqueAEAD) Open(dst, nonce, ciphertext, additionalData []byte) ([]byte, error) {
	if len(nonce) != o.NonceSize() {
		return nil, ErrVerify
	}
	// A ciphertext no correct Seal makes (a plaintext past CCM's length
	// field) is refused before the backend sees it.
	if n := len(ciphertext) - o.tagSize; n > 0 && uint64(n) > o.maxPlaintext {
		return nil, ErrVerify
	}
	out, err := o.AEAD.Open(dst, nonce, ciphertext, additionalData)
	if err != nil {
		return nil, ErrVerify
	}
	// n < 0: the result does not extend dst, which no appending Open
	// gives, whatever want (negative for a ciphertext shorter than the
	// tag) says.
	n, want := len(out)-len(dst), len(ciphertext)-o.tagSize
	ok := n == want
	if o.padded {
		ok = n < want && n >= want-aes.BlockSize
	}
	ok = ok && n >= 0
	if !ok {
		if n > 0 {
			clear(out[len(dst):])
		}
		return nil, ErrVerify
	}
	return out, nil
}
