package std

// AES Key Wrap (RFC 3394 §2.2.1 and §2.2.2, the index-based form) with the
// default initial value A6A6A6A6A6A6A6A6 (§2.2.3.1).

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/subtle"
	"encoding/binary"
)

var defaultIV = [8]byte{0xa6, 0xa6, 0xa6, 0xa6, 0xa6, 0xa6, 0xa6, 0xa6}

func kwCipher(primitive string, kek []byte) (cipher.Block, error) {
	if primitive != primAESKW {
		return nil, unsupported("key wrap " + primitive)
	}
	if err := checkFIPS(primitive); err != nil {
		return nil, err
	}
	if !aesKeySize(len(kek)) {
		return nil, errKeySize
	}
	return aes.NewCipher(kek)
}

// Wrap wraps key (n ≥ 2 64-bit blocks) under kek and returns n+1 blocks.
func (*Backend) Wrap(primitive string, kek, key []byte) ([]byte, error) {
	b, err := kwCipher(primitive, kek)
	if err != nil {
		return nil, err
	}
	if len(key) < 16 || len(key)%8 != 0 {
		return nil, errLength
	}
	n := len(key) / 8
	out := make([]byte, 8+len(key))
	copy(out[8:], key)
	var blk [16]byte
	copy(blk[:8], defaultIV[:])
	for j := 0; j < 6; j++ {
		for i := 1; i <= n; i++ {
			r := out[8*i : 8*i+8]
			copy(blk[8:], r)
			b.Encrypt(blk[:], blk[:])
			t := uint64(n*j + i)
			binary.BigEndian.PutUint64(blk[:8], binary.BigEndian.Uint64(blk[:8])^t)
			copy(r, blk[8:])
		}
	}
	copy(out[:8], blk[:8])
	clear(blk[:]) // it escapes to the heap (cipher.Block); it held the key's blocks
	return out, nil
}

// Unwrap reverses Wrap. The integrity check on the recovered initial value
// is constant-time; on failure nothing of the key is returned.
func (*Backend) Unwrap(primitive string, kek, wrapped []byte) ([]byte, error) {
	b, err := kwCipher(primitive, kek)
	if err != nil {
		return nil, err
	}
	if len(wrapped) < 24 || len(wrapped)%8 != 0 {
		return nil, errLength
	}
	n := len(wrapped)/8 - 1
	r := make([]byte, 8*n)
	copy(r, wrapped[8:])
	var blk [16]byte
	copy(blk[:8], wrapped[:8])
	for j := 5; j >= 0; j-- {
		for i := n; i >= 1; i-- {
			ri := r[8*(i-1) : 8*i]
			t := uint64(n*j + i)
			binary.BigEndian.PutUint64(blk[:8], binary.BigEndian.Uint64(blk[:8])^t)
			copy(blk[8:], ri)
			b.Decrypt(blk[:], blk[:])
			copy(ri, blk[8:])
		}
	}
	ok := subtle.ConstantTimeCompare(blk[:8], defaultIV[:]) == 1
	// blk escapes to the heap (cipher.Block) and ends holding the key's
	// first block: wipe it, as CCM and CBC-HMAC wipe their scratch.
	clear(blk[:])
	if !ok {
		clear(r)
		return nil, errOpen
	}
	return r, nil
}
