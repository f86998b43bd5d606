package jws

import (
	"bytes"
	"crypto"
	"crypto/sha256"
	"errors"
	"hash"
	"io"
	"testing"

	"github.com/lwscrypto/lwscrypto/gencrypto"
)

// shortHash takes left more bytes, then fails: a backend hash (an HSM
// session, say) that stops taking the message part way.
type shortHash struct {
	hash.Hash
	left int
}

func (h *shortHash) Write(p []byte) (int, error) {
	if len(p) > h.left {
		n, _ := h.Hash.Write(p[:h.left])
		h.left = 0
		return n, errors.New("hash session lost")
	}
	h.left -= len(p)
	return h.Hash.Write(p)
}

// TestStreamStateHashFailure: a stream state whose hash fails part way
// through the payload never verifies, even a signature over exactly what
// the hash took, when VerifyReader's writer goes on feeding the other
// states. This is an internal test: every hash of the default backend, the
// only one the API can select, takes every byte.
func TestStreamStateHashFailure(t *testing.T) {
	a, err := lookupAlg([]byte("ES256"))
	if err != nil {
		t.Fatal(err)
	}
	const prot = "eyJhbGciOiJFUzI1NiJ9"
	ss := &streamState{a: a, h: &shortHash{Hash: sha256.New(), left: len(prot) + 1 + 1}}
	if err := ss.writeHeader([]byte(prot)); err != nil {
		t.Fatal(err)
	}
	if err := copyPayload(&fanout{w: []io.Writer{ss, io.Discard}}, bytes.NewReader([]byte("XYZ")), false); err != nil {
		t.Fatalf("copyPayload with another writer alive: %v", err)
	}
	es, _ := gencrypto.ByName("ES256")
	priv := testKeys()["ES256"].(crypto.Signer)
	sig, err := es.(*gencrypto.Signature).Sign(priv, []byte(prot+".X")) // what the hash took
	if err != nil {
		t.Fatal(err)
	}
	if err := ss.verify(nil, priv.Public(), sig); err == nil {
		t.Error("a signature over the part of the payload the hash took verified the whole payload")
	}
}
