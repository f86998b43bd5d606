//go:build linux || darwin || freebsd

package ed25519check

import (
	"syscall"
	"testing"
)

// TestPublicKeyOutsideGoHeap: a public key in memory the Go heap does not
// manage (an anonymous mapping, as a key read from an mmap'd file) is
// checked like any other; a cache keyed by weak pointers would abort the
// program there (weak.Make throws on such memory).
func TestPublicKeyOutsideGoHeap(t *testing.T) {
	mem, err := syscall.Mmap(-1, 0, 4096, syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_ANON|syscall.MAP_PRIVATE)
	if err != nil {
		t.Skipf("no anonymous mapping here: %v", err)
	}
	defer syscall.Munmap(mem)
	pub := mem[:32]
	copy(pub, rfc8032Key()[32:])
	if !PublicKey(pub) || !PublicKey(pub) {
		t.Fatal("RFC 8032's first public key refused")
	}
	copy(pub, smallOrderPoints[5][:])
	if PublicKey(pub) {
		t.Fatal("a small-order key accepted")
	}
}

// TestPrivateKeyOutsideGoHeap: a private key in memory the Go heap does
// not manage is checked like any other (no weak pointer is made to it),
// including after a change in place.
func TestPrivateKeyOutsideGoHeap(t *testing.T) {
	mem, err := syscall.Mmap(-1, 0, 4096, syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_ANON|syscall.MAP_PRIVATE)
	if err != nil {
		t.Skipf("no anonymous mapping here: %v", err)
	}
	defer syscall.Munmap(mem)
	priv := mem[:64]
	copy(priv, rfc8032Key())
	if !PrivateKey(priv) || !PrivateKey(priv) {
		t.Fatal("RFC 8032's first key refused")
	}
	copy(priv[32:], otherPublic)
	if PrivateKey(priv) {
		t.Fatal("a mismatched key accepted")
	}
}
