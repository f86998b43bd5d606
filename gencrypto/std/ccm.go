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
// compares in constant time and wipes the plaintext on failure. Both read
// the nonce, the associated data and (Open) the tag before writing any
// output, and apply the key stream in place after moving the input into
// the output, so they are correct whatever the overlap of dst with their
// inputs.

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
// the length field allows. Every input is read before any output is
// written, so the output may overlap the plaintext exactly (plaintext[:0]
// as dst) or at any offset.
func (c *ccm) Seal(dst, nonce, plaintext, additionalData []byte) []byte {
	if len(nonce) != c.nonceSize {
		panic("std: ccm: incorrect nonce length given to CCM")
	}
	if uint64(len(plaintext)) > c.maxPayload() {
		panic("std: ccm: message too large for the nonce size")
	}
	sc := getScratch()
	defer putScratch(sc)
	c.start(sc, nonce, len(plaintext), additionalData)
	c.finish(sc, plaintext)
	ret, out := sliceForAppend(dst, len(plaintext)+c.tagSize)
	body := out[:len(plaintext)]
	moveInto(body, plaintext)
	c.ctr(sc, body)
	copy(out[len(plaintext):], sc.tag[:c.tagSize])
	return ret
}

// Open authenticates and decrypts ciphertext. Any failure returns the same
// error and leaves no plaintext in dst's spare capacity. The nonce, the tag
// and the associated data are read before any output is written, and the
// output may overlap the ciphertext exactly or at any offset.
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
	c.start(sc, nonce, n, additionalData)
	ret, out := sliceForAppend(dst, n)
	moveInto(out, ciphertext[:n])
	c.ctr(sc, out)
	c.finish(sc, out)
	if subtle.ConstantTimeCompare(sc.tag[:c.tagSize], sc.given[:c.tagSize]) != 1 {
		clear(out)
		return nil, errOpen
	}
	return ret, nil
}

// moveInto copies src into dst, which is as long, unless they are the same
// bytes. copy has memmove's semantics, so after it dst holds the input
// whatever the overlap, and the key stream is applied in place: an XOR
// from src into a dst that runs ahead of it would overwrite input not yet
// read, and crypto/cipher panics on such an overlap.
func moveInto(dst, src []byte) {
	if len(src) > 0 && &dst[0] != &src[0] {
		copy(dst, src)
	}
}

// ctrStreamMin is the payload length from which ctr uses crypto/cipher's
// CTR mode (one allocation, but pipelined AES) instead of one block at a
// time. The counter field is the low L bytes of the block, and a payload
// never needs more than 2^(8L)/16 counter values, so the 128-bit increment
// of cipher.NewCTR never carries into the nonce.
const ctrStreamMin = 512

// setCounter writes i into the counter field, the low L bytes, of ctr.
func (c *ccm) setCounter(ctr *[16]byte, i uint64) {
	l := 15 - c.nonceSize
	var be [8]byte
	binary.BigEndian.PutUint64(be[:], i)
	copy(ctr[16-l:], be[8-l:])
}

// ctr XORs buf in place with the key stream from counter 1, the counter
// block sc.ctr (flags‖N, set by start) carrying the nonce.
func (c *ccm) ctr(sc *ccmScratch, buf []byte) {
	if len(buf) >= ctrStreamMin {
		c.setCounter(&sc.ctr, 1)
		cipher.NewCTR(c.b, sc.ctr[:]).XORKeyStream(buf, buf)
		return
	}
	for i := uint64(1); len(buf) > 0; i++ {
		c.setCounter(&sc.ctr, i)
		c.b.Encrypt(sc.ks[:], sc.ctr[:])
		n := subtle.XORBytes(buf, buf, sc.ks[:])
		buf = buf[n:]
	}
}

// start reads the nonce and the associated data: it sets the counter block
// flags‖N‖0 (SP 800-38C A.3), S0 = E(K, Ctr0), and feeds B0 (with the
// payload length n) and the encoded associated data into the CBC-MAC.
func (c *ccm) start(sc *ccmScratch, nonce []byte, n int, ad []byte) {
	l := 15 - c.nonceSize
	sc.ctr[0] = byte(l - 1)
	copy(sc.ctr[1:], nonce)
	c.setCounter(&sc.ctr, 0)
	c.b.Encrypt(sc.s0[:], sc.ctr[:])

	b0 := &sc.b0
	b0[0] = byte(8*((c.tagSize-2)/2) + (l - 1))
	if len(ad) > 0 {
		b0[0] |= 0x40
	}
	copy(b0[1:], nonce)
	var be [8]byte
	binary.BigEndian.PutUint64(be[:], uint64(n))
	copy(b0[16-l:], be[8-l:])

	m := &sc.mac
	*m = cbcMAC{b: c.b}
	m.write(b0[:])
	if len(ad) > 0 {
		// The encoded length, then the data, padded with zeros to a block.
		m.write(adLength(&sc.hdr, uint64(len(ad))))
		m.write(ad)
		m.pad()
	}
}

// adLength encodes a, the length of non-empty associated data, into hdr as
// SP 800-38C A.2.2 does and returns the encoding: 2 bytes below 2^16−2^8,
// 0xff 0xfe and 4 bytes below 2^32, 0xff 0xff and 8 bytes from there.
func adLength(hdr *[10]byte, a uint64) []byte {
	switch {
	case a < 1<<16-1<<8:
		binary.BigEndian.PutUint16(hdr[:], uint16(a))
		return hdr[:2]
	case a <= 1<<32-1:
		hdr[0], hdr[1] = 0xff, 0xfe
		binary.BigEndian.PutUint32(hdr[2:], uint32(a))
		return hdr[:6]
	default:
		hdr[0], hdr[1] = 0xff, 0xff
		binary.BigEndian.PutUint64(hdr[2:], a)
		return hdr[:10]
	}
}

// finish feeds the payload (as long as start was told) into the CBC-MAC and
// sets sc.tag to the MAC XORed with S0.
func (c *ccm) finish(sc *ccmScratch, payload []byte) {
	m := &sc.mac
	m.write(payload)
	m.pad()
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
