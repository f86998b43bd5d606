package gencrypto

// KeyWrap is the AES Key Wrap of RFC 3394 as JWE (RFC 7518 §4.4) and COSE
// (RFC 9053 §6.2.1) use it.
//
// The zero KeyWrap is no algorithm (use A128KW and the others): Wrap and
// Unwrap return an error wrapping ErrUnsupported, and KeySize returns 0.
type KeyWrap struct {
	algInfo
	keySize int
}

var (
	a128kw = KeyWrap{algInfo{"A128KW", -3, true, KindKeyWrap, KeyOct, true}, 16}
	a192kw = KeyWrap{algInfo{"A192KW", -4, true, KindKeyWrap, KeyOct, true}, 24}
	a256kw = KeyWrap{algInfo{"A256KW", -5, true, KindKeyWrap, KeyOct, true}, 32}
)

// A128KW is AES Key Wrap with a 128-bit key-encryption key (COSE -3).
func A128KW() *KeyWrap { return &a128kw }

// A192KW is AES Key Wrap with a 192-bit key-encryption key (COSE -4).
func A192KW() *KeyWrap { return &a192kw }

// A256KW is AES Key Wrap with a 256-bit key-encryption key (COSE -5).
func A256KW() *KeyWrap { return &a256kw }

// Primitive returns PrimAESKW.
func (w *KeyWrap) Primitive() string { return PrimAESKW }

// KeySize returns the key-encryption key length in bytes.
func (w *KeyWrap) KeySize() int { return w.keySize }

// Wrap wraps key, whose length must be a multiple of 8 and at least 16
// (ErrInvalidInput otherwise), under kek, which must be KeySize bytes
// (ErrKeySize otherwise, as for Unwrap).
func (w *KeyWrap) Wrap(kek, key []byte, opts ...Option) ([]byte, error) {
	if w.isZero() {
		return nil, zeroAlgorithm(w)
	}
	if len(kek) != w.keySize {
		return nil, ErrKeySize
	}
	if len(key) < 16 || len(key)%8 != 0 {
		return nil, ErrInvalidInput
	}
	b, err := backendWith(opts, w, PrimAESKW)
	if err != nil {
		return nil, err
	}
	out, err := b.Wrap(PrimAESKW, kek, key)
	return exactOutput(out, err, len(key)+8) // RFC 3394 §2.2.1: n+1 blocks
}

// Unwrap unwraps wrapped. A length that is not a multiple of 8 or below 24
// is ErrInvalidInput. Every decryption failure is ErrVerify: a failed
// integrity check, and a backend's result that is not one block shorter
// than wrapped (RFC 3394 §2.2.2), which no correct unwrapping gives, so
// that the two cannot be told apart.
func (w *KeyWrap) Unwrap(kek, wrapped []byte, opts ...Option) ([]byte, error) {
	if w.isZero() {
		return nil, zeroAlgorithm(w)
	}
	if len(kek) != w.keySize {
		return nil, ErrKeySize
	}
	if len(wrapped) < 24 || len(wrapped)%8 != 0 {
		return nil, ErrInvalidInput
	}
	b, err := backendWith(opts, w, PrimAESKW)
	if err != nil {
		return nil, err
	}
	out, err := b.Unwrap(PrimAESKW, kek, wrapped)
	if err != nil {
		return nil, passUnsupported(err, ErrVerify)
	}
	// RFC 3394 §2.2.2: n blocks. A result of another length is a
	// backend's bug, reported as every failed decryption is (see
	// KeyEncryption.Decrypt); the bytes are dropped, not cleared, as
	// exactOutput does.
	if len(out) != len(wrapped)-8 {
		return nil, ErrVerify
	}
	return out, nil
}
