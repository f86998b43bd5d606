package ed25519check

import (
	"crypto/ed25519"
	"encoding/binary"
	"sync"
	"testing"
)

// TestConcurrentCacheEviction: PublicKey's cache, filled past maxCached
// from several goroutines at once so that keys are forgotten and the map
// rebuilt (remember) while others look keys up.
func TestConcurrentCacheEviction(t *testing.T) {
	pubs := make([][]byte, maxCached+200)
	for i := range pubs {
		var seed [32]byte
		binary.LittleEndian.PutUint64(seed[:], uint64(i)+1<<40)
		pubs[i] = ed25519.NewKeyFromSeed(seed[:])[32:]
	}
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			for i := range 600 {
				k := pubs[(i*(g+3))%len(pubs)]
				if !PublicKey(k) {
					t.Error("valid key refused")
					return
				}
				if !PrivateKey(ed25519.NewKeyFromSeed(append(make([]byte, 24), byte(g), byte(i), byte(i>>8), 1, 2, 3, 4, 5))) {
					t.Error("valid private key refused")
					return
				}
			}
		})
	}
	wg.Wait()
}
