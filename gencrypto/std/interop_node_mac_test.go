package std_test

import (
	"bytes"
	"errors"
	"fmt"
	"testing"

	"github.com/lwscrypto/lwscrypto/gencrypto"
)

// TestInteropNodeMAC: for every MAC of the registry (HS256/384/512 and
// COSE's truncated HMAC 256/64), node's createHmac, cut to the algorithm's
// tag size, verifies the tags the std backend makes and the std backend
// verifies node's, one-shot and streamed; keys from the shortest allowed to
// longer than the hash's block (which HMAC hashes first), messages around
// the block size. A tag with one bit changed is refused each way. HMAC
// 256/64 has no JOSE peer, so this is its only independent round trip.
func TestInteropNodeMAC(t *testing.T) {
	b := newNodeBatch(t)
	n := 0
	for _, alg := range gencrypto.All() {
		m, ok := alg.(*gencrypto.MAC)
		if !ok {
			continue
		}
		n++
		h := nodeHash(m.Hash())
		for i, kl := range []int{m.MinKeySize(), m.MinKeySize() + 1, 200} {
			for j, ml := range []int{0, 1, 63, 64, 65, 129, 1000} {
				key, msg := randBytes(t, kl), randBytes(t, ml)
				where := fmt.Sprintf("%s key %d msg %d", m, kl, ml)
				k, err := m.New(key, stdOpt)
				if err != nil {
					t.Fatalf("%s: %v", where, err)
				}
				tamper := i == 0 && j == 2

				// We tag, node verifies; one bit of our tag changed fails.
				tag, err := k.Sum(nil, msg)
				if err != nil || len(tag) != m.TagSize() {
					t.Fatalf("%s: Sum %x, %v", where, tag, err)
				}
				r := nodeReq{Op: "hmac-verify", Hash: h, TagLen: m.TagSize(), Key: key, Data: msg, Tag: tag}
				b.add(r, func(got nodeResp) {
					if got.Err != "" {
						t.Errorf("%s: node refused our tag %x: %s", where, tag, got.Err)
					}
				})
				if tamper {
					bad := r
					bad.Tag = flip(tag, -1)
					b.add(bad, func(got nodeResp) {
						if got.Err == "" {
							t.Errorf("%s: node accepted our tag with a bit changed", where)
						}
					})
				}

				// Node tags, we verify (one-shot and streamed).
				b.add(nodeReq{Op: "hmac", Hash: h, TagLen: m.TagSize(), Key: key, Data: msg}, func(got nodeResp) {
					if got.Err != "" {
						t.Errorf("%s: node: %s", where, got.Err)
						return
					}
					if !bytes.Equal(got.Out, tag) {
						t.Errorf("%s: node's tag %x, ours %x", where, got.Out, tag)
					}
					if err := k.Verify(msg, got.Out); err != nil {
						t.Errorf("%s: verifying node's tag %x: %v", where, got.Out, err)
					}
					k.Reset()
					half := len(msg) / 2
					k.Write(msg[:half])
					k.Write(msg[half:])
					if err := k.VerifyStream(got.Out); err != nil {
						t.Errorf("%s: verifying node's tag streamed: %v", where, err)
					}
					k.Reset()
					if tamper {
						if err := k.Verify(msg, flip(got.Out, 0)); !errors.Is(err, gencrypto.ErrVerify) {
							t.Errorf("%s: node's tag with a bit changed: %v", where, err)
						}
					}
				})
			}
		}
	}
	if n != 4 {
		t.Fatalf("%d MACs in the registry, want 4", n)
	}
	b.run(t)
}
