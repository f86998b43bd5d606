package gencrypto

import (
	"crypto"
	"crypto/subtle"
	"hash"
)

// MAC is an HMAC-based message authentication code, with its output possibly
// truncated (COSE "HMAC 256/64", RFC 9053 §3.1).
//
// The zero MAC is no algorithm (use HS256 and the others): New, Sum and
// Verify return an error wrapping ErrUnsupported, and Hash, TagSize and
// MinKeySize return 0.
type MAC struct {
	algInfo
	hash    crypto.Hash
	tagSize int
}

var (
	hs256   = MAC{algInfo{"HS256", 5, true, KindMAC, KeyOct, true}, crypto.SHA256, 32}
	hs384   = MAC{algInfo{"HS384", 6, true, KindMAC, KeyOct, true}, crypto.SHA384, 48}
	hs512   = MAC{algInfo{"HS512", 7, true, KindMAC, KeyOct, true}, crypto.SHA512, 64}
	hmac256 = MAC{algInfo{"HMAC 256/64", 4, true, KindMAC, KeyOct, true}, crypto.SHA256, 8}
)

// HS256 is HMAC-SHA-256 (RFC 7518 §3.2; COSE 5, "HMAC 256/256").
func HS256() *MAC { return &hs256 }

// HS384 is HMAC-SHA-384 (RFC 7518 §3.2; COSE 6, "HMAC 384/384").
func HS384() *MAC { return &hs384 }

// HS512 is HMAC-SHA-512 (RFC 7518 §3.2; COSE 7, "HMAC 512/512").
func HS512() *MAC { return &hs512 }

// HMAC256_64 is HMAC-SHA-256 truncated to 64 bits (RFC 9053 §3.1; COSE 4).
func HMAC256_64() *MAC { return &hmac256 }

// Primitive returns PrimHMAC.
func (m *MAC) Primitive() string { return PrimHMAC }

// Hash returns the HMAC hash function.
func (m *MAC) Hash() crypto.Hash { return m.hash }

// TagSize returns the tag length in bytes.
func (m *MAC) TagSize() int { return m.tagSize }

// MinKeySize returns the shortest key accepted, in bytes: the hash output
// size, as RFC 7518 §3.2 requires. It is 0 for the zero MAC, which
// accepts no key at all (see MAC).
func (m *MAC) MinKeySize() int {
	if m.hash == 0 {
		return 0
	}
	return m.hash.Size()
}

// New returns a MACKey for key. Keys shorter than MinKeySize are
// ErrKeySize; the zero MAC is an error wrapping ErrUnsupported.
func (m *MAC) New(key []byte, opts ...Option) (*MACKey, error) {
	if m.isZero() {
		return nil, zeroAlgorithm(m)
	}
	if len(key) < m.MinKeySize() {
		return nil, ErrKeySize
	}
	b, err := backendWith(opts, m, PrimHMAC)
	if err != nil {
		return nil, err
	}
	h, err := b.NewHMAC(m.hash, key)
	if err != nil {
		return nil, err
	}
	// an HMAC of another hash than asked for (as NewHash also refuses);
	// every hash of a MAC fits MACKey's buffer
	if h == nil || h.Size() != m.hash.Size() {
		return nil, errBackendOutput
	}
	return &MACKey{h: h, size: m.tagSize, full: m.hash.Size()}, nil
}

// Sum is a one-shot helper: New(key) then Sum(nil, msg).
func (m *MAC) Sum(key, msg []byte, opts ...Option) ([]byte, error) {
	k, err := m.New(key, opts...)
	if err != nil {
		return nil, err
	}
	return k.Sum(nil, msg)
}

// Verify is a one-shot helper: New(key) then Verify(msg, tag).
func (m *MAC) Verify(key, msg, tag []byte, opts ...Option) error {
	k, err := m.New(key, opts...)
	if err != nil {
		return err
	}
	return k.Verify(msg, tag)
}

// MACKey is a MAC bound to one key. It reuses its state between calls, so
// Sum and Verify allocate nothing; it is not safe for concurrent use.
//
// A message too large to hold in memory is streamed instead: Write it in
// pieces (MACKey is an io.Writer), then call SumStream or VerifyStream, and
// Reset before the next message. The one-shot Sum and Verify reset the
// state first, so they discard a stream in progress.
//
// A backend whose HMAC fails to take a message (its Write returns an
// error or takes less than it was given, which hash.Hash does not allow
// but a token's may do) or gives a sum of another length than its hash's
// (a token that lost its session can only append nothing) makes Verify
// and VerifyStream fail with ErrVerify until the next Reset, and Sum and
// SumStream return an error: there is no right tag to give.
//
// The zero MACKey holds no key (only MAC.New makes a usable one): Write,
// Sum, SumStream, Verify and VerifyStream return an error wrapping
// ErrInvalidKey (Write taking no byte), Reset does nothing and Size
// returns 0.
type MACKey struct {
	h      hash.Hash
	size   int  // tag length
	full   int  // HMAC output length
	broken bool // a Write since the last Reset failed
	buf    [64]byte
}

// Sum appends the tag of msg to dst and returns the result. It discards a
// stream in progress and leaves the state reset, so that what is written
// next is a new message. It fails (nil and an error) only when the
// backend's HMAC does (see MACKey).
func (k *MACKey) Sum(dst, msg []byte) ([]byte, error) {
	if k.h == nil {
		return nil, errNoMACKey
	}
	k.Reset()
	k.Write(msg)
	dst, err := k.SumStream(dst)
	k.Reset()
	return dst, err
}

// Verify checks tag over msg in constant time. Any mismatch, including a
// tag of the wrong length, is ErrVerify. Like Sum, it discards a stream in
// progress and leaves the state reset.
func (k *MACKey) Verify(msg, tag []byte) error {
	if k.h == nil {
		return errNoMACKey
	}
	k.Reset()
	k.Write(msg)
	err := k.VerifyStream(tag)
	k.Reset()
	return err
}

// Size returns the tag length in bytes.
func (k *MACKey) Size() int { return k.size }

// Write adds p to the streamed message. It returns an error only when the
// backend's HMAC does (see MACKey), and the message can then no longer be
// authenticated until Reset.
func (k *MACKey) Write(p []byte) (int, error) {
	if k.h == nil {
		return 0, errNoMACKey
	}
	n, err := k.h.Write(p)
	if err != nil || n != len(p) {
		k.broken = true
		if err == nil {
			err = errBackendOutput
		}
	}
	return n, err
}

// Reset discards the streamed message, to start another.
func (k *MACKey) Reset() {
	if k.h != nil {
		k.h.Reset()
	}
	k.broken = false
}

// SumStream appends the tag of the message written since New or the last
// Reset (or Sum, Verify) to dst and returns the result. It does not change
// the state, so writing may go on. It fails (nil and an error) only when
// the backend's HMAC does (see MACKey).
func (k *MACKey) SumStream(dst []byte) ([]byte, error) {
	if k.h == nil {
		return nil, errNoMACKey
	}
	full, ok := k.sum()
	if !ok {
		return nil, errBackendOutput
	}
	return append(dst, full[:k.size]...), nil
}

// sum returns the HMAC of the stream, in k.buf, and whether it can be
// used: every Write since Reset took its bytes, and the sum has the hash's
// length (k.buf still holds the previous sum where a short one stops).
func (k *MACKey) sum() ([]byte, bool) {
	full := k.h.Sum(k.buf[:0])
	return full, len(full) == k.full && !k.broken
}

// VerifyStream checks tag, in constant time, over the message written since
// New or the last Reset (or Sum, Verify). Any mismatch, including a tag of
// the wrong length, is ErrVerify. It does not change the state.
func (k *MACKey) VerifyStream(tag []byte) error {
	if k.h == nil {
		return errNoMACKey
	}
	full, ok := k.sum()
	if !ok || len(tag) != k.size || subtle.ConstantTimeCompare(full[:k.size], tag) != 1 {
		return ErrVerify
	}
	return nil
}
