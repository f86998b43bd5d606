package std

// AES-CCM (NIST SP 800-38C; RFC 3610), general over the parameters: a
// nonce of 7…13 bytes (so the length field L is 15−nonceSize = 2…8 bytes)
// and an even tag size of 4…16 bytes.
//
// The construction follows SP 800-38C §6.1 directly: the formatting function
// of Appendix A (B0, the encoded associated data, the payload, each padded to
// a block) is fed block by block into a CBC-MAC with no buffering beyond one
// block; the payload is encrypted in CTR mode with counter blocks
// flags‖N‖i, i starting at 1; the tag is the MAC's first t bytes XOR S0.
// Open decrypts into dst, recomputes the tag over the recovered plaintext,
// compares in constant time and wipes the plaintext on failure.

import (
	"crypto/cipher"
	"crypto/subtle"
	"encoding/binary"
	"sync"
)

// ccmScratch holds the per-call blocks. Blocks handed to cipher.Block's
// methods escape to the heap, so they live in a pooled value rather than on
// the stack: Seal and Open allocate nothing in the steady state. A scratch
// value is cleared before it goes back to the pool.
type ccmScratch struct {
	ctr, ks, b0, s0, tag, given [16]byte
	hdr                         [10]byte
	mac                         cbcMAC
}

var ccmPool = sync.Pool{New: func() any { return new(ccmScratch) }}

func getScratch() *ccmScratch { return ccmPool.Get().(*ccmScratch) }

func putScratch(s *ccmScratch) {
	*s = ccmScratch{}
	ccmPool.Put(s)
}

type ccm struct {
	b         cipher.Block
	nonceSize int
	tagSize   int
}

// newCCM returns AES-CCM over b (which must have a 16-byte block).
func newCCM(b cipher.Block, nonceSize, tagSize int) (cipher.AEAD, error) {
	if b.BlockSize() != 16 {
		return nil, errParameter
	}
	if nonceSize < 7 || nonceSize > 13 {
		return nil, errParameter
	}
	if tagSize < 4 || tagSize > 16 || tagSize%2 != 0 {
		return nil, errParameter
	}
	return &ccm{b: b, nonceSize: nonceSize, tagSize: tagSize}, nil
}

func (c *ccm) NonceSize() int { return c.nonceSize }
func (c *ccm) Overhead() int  { return c.tagSize }

// maxPayload returns the longest payload the length field can encode, capped
// so that it fits in an int.
func (c *ccm) maxPayload() uint64 {
	l := 15 - c.nonceSize
	if l >= 8 {
		return 1<<63 - 1
	}
	return 1<<(8*uint(l)) - 1
}

// Seal encrypts and authenticates plaintext. It panics, like crypto/cipher's
// AEADs, if the nonce has the wrong length or the plaintext is longer than
// the length field allows.
func (c *ccm) Seal(dst, nonce, plaintext, additionalData []byte) []byte {
	if len(nonce) != c.nonceSize {
		panic("std: ccm: incorrect nonce length given to CCM")
	}
	if uint64(len(plaintext)) > c.maxPayload() {
		panic("std: ccm: message too large for the nonce size")
	}
	sc := getScratch()
	defer putScratch(sc)
	c.mac(sc, nonce, plaintext, additionalData)
	ret, out := sliceForAppend(dst, len(plaintext)+c.tagSize)
	// The MAC is computed first, so plaintext may alias out exactly.
	c.ctr(sc, out[:len(plaintext)], plaintext, nonce)
	copy(out[len(plaintext):], sc.tag[:c.tagSize])
	return ret
}

// Open authenticates and decrypts ciphertext. Any failure returns the same
// error and leaves no plaintext in dst's spare capacity.
func (c *ccm) Open(dst, nonce, ciphertext, additionalData []byte) ([]byte, error) {
	if len(nonce) != c.nonceSize || len(ciphertext) < c.tagSize {
		return nil, errOpen
	}
	n := len(ciphertext) - c.tagSize
	if uint64(n) > c.maxPayload() {
		return nil, errOpen
	}
	sc := getScratch()
	defer putScratch(sc)
	copy(sc.given[:], ciphertext[n:])
	ret, out := sliceForAppend(dst, n)
	c.ctr(sc, out, ciphertext[:n], nonce)
	c.mac(sc, nonce, out, additionalData)
	if subtle.ConstantTimeCompare(sc.tag[:c.tagSize], sc.given[:c.tagSize]) != 1 {
		clear(out)
		return nil, errOpen
	}
	return ret, nil
}

// counter fills ctr with the counter block flags‖N‖i (SP 800-38C A.3).
func (c *ccm) counter(ctr *[16]byte, nonce []byte, i uint64) {
	l := 15 - c.nonceSize
	ctr[0] = byte(l - 1)
	copy(ctr[1:], nonce)
	var be [8]byte
	binary.BigEndian.PutUint64(be[:], i)
	copy(ctr[16-l:], be[8-l:])
}

// ctrStreamMin is the payload length from which ctr uses crypto/cipher's
// CTR mode (one allocation, but pipelined AES) instead of one block at a
// time. The counter field is the low L bytes of the block, and a payload
// never needs more than 2^(8L)/16 counter values, so the 128-bit increment
// of cipher.NewCTR never carries into the nonce.
const ctrStreamMin = 512

// ctr XORs src with the key stream from counter 1 into dst.
func (c *ccm) ctr(sc *ccmScratch, dst, src, nonce []byte) {
	if len(src) >= ctrStreamMin {
		c.counter(&sc.ctr, nonce, 1)
		cipher.NewCTR(c.b, sc.ctr[:]).XORKeyStream(dst[:len(src)], src)
		return
	}
	for i := uint64(1); len(src) > 0; i++ {
		c.counter(&sc.ctr, nonce, i)
		c.b.Encrypt(sc.ks[:], sc.ctr[:])
		n := subtle.XORBytes(dst, src, sc.ks[:])
		dst, src = dst[n:], src[n:]
	}
}

// mac computes the CBC-MAC of the formatted input, XORed with S0, into
// sc.tag.
func (c *ccm) mac(sc *ccmScratch, nonce, payload, ad []byte) {
	l := 15 - c.nonceSize
	b0 := &sc.b0
	b0[0] = byte(8*((c.tagSize-2)/2) + (l - 1))
	if len(ad) > 0 {
		b0[0] |= 0x40
	}
	copy(b0[1:], nonce)
	var be [8]byte
	binary.BigEndian.PutUint64(be[:], uint64(len(payload)))
	copy(b0[16-l:], be[8-l:])

	m := &sc.mac
	*m = cbcMAC{b: c.b}
	m.write(b0[:])
	if len(ad) > 0 {
		// SP 800-38C A.2.2: the length of the associated data, in 2, 6 or
		// 10 bytes, then the data, padded with zeros to a block.
		hdr := &sc.hdr
		a := uint64(len(ad))
		switch {
		case a < 1<<16-1<<8:
			binary.BigEndian.PutUint16(hdr[:], uint16(a))
			m.write(hdr[:2])
		case a <= 1<<32-1:
			hdr[0], hdr[1] = 0xff, 0xfe
			binary.BigEndian.PutUint32(hdr[2:], uint32(a))
			m.write(hdr[:6])
		default:
			hdr[0], hdr[1] = 0xff, 0xff
			binary.BigEndian.PutUint64(hdr[2:], a)
			m.write(hdr[:10])
		}
		m.write(ad)
		m.pad()
	}
	m.write(payload)
	m.pad()

	c.counter(&sc.ctr, nonce, 0)
	c.b.Encrypt(sc.s0[:], sc.ctr[:])
	subtle.XORBytes(sc.tag[:], m.state[:], sc.s0[:])
}

// cbcMAC is a CBC-MAC with a zero IV fed in pieces of any length.
type cbcMAC struct {
	b     cipher.Block
	state [16]byte
	pos   int // bytes XORed into state since the last encryption
}

func (m *cbcMAC) write(p []byte) {
	for len(p) > 0 {
		n := subtle.XORBytes(m.state[m.pos:], m.state[m.pos:], p)
		m.pos += n
		p = p[n:]
		if m.pos == 16 {
			m.b.Encrypt(m.state[:], m.state[:])
			m.pos = 0
		}
	}
}

// pad completes a partial block with zeros (which leave the XOR state as it
// is) and encrypts it.
func (m *cbcMAC) pad() {
	if m.pos != 0 {
		m.b.Encrypt(m.state[:], m.state[:])
		m.pos = 0
	}
}
