package gencrypto_test

import (
	"crypto"
	"errors"
	"fmt"
	"hash"
	"sync/atomic"
	"testing"

	"github.com/lwscrypto/lwscrypto/gencrypto"
)

// deadHMAC is an HMAC whose computation can stop working, as a token-held
// one does when its session is lost: hash.Hash's Sum has no error return,
// so once dead it appends nothing to b.
type deadHMAC struct {
	hash.Hash
	dead *atomic.Bool
}

func (h deadHMAC) Sum(b []byte) []byte {
	if h.dead.Load() {
		return b
	}
	return h.Hash.Sum(b)
}

type deadHMACBackend struct {
	*fakeBackend
	dead *atomic.Bool
}

func (b deadHMACBackend) NewHMAC(h crypto.Hash, key []byte) (hash.Hash, error) {
	inner, err := b.fakeBackend.NewHMAC(h, key)
	if err != nil {
		return nil, err
	}
	return deadHMAC{inner, b.dead}, nil
}

// TestMACKeyBackendSumLength: a MACKey keeps its last HMAC output in a
// buffer it reuses. When the backend's HMAC gives no output (or a short
// one) the tag must not be read from that buffer: Verify and VerifyStream
// would accept the tag of the previous message for any message, and Sum
// would hand that tag out again. A sum of the wrong length fails
// verification, and Sum does not return the stale tag.
func TestMACKeyBackendSumLength(t *testing.T) {
	for _, a := range []*gencrypto.MAC{gencrypto.HS256(), gencrypto.HS512(), gencrypto.HMAC256_64()} {
		dead := new(atomic.Bool)
		k, err := a.New(make([]byte, a.MinKeySize()), gencrypto.WithBackend(deadHMACBackend{newFake(), dead}))
		if err != nil {
			t.Fatal(err)
		}
		signed := []byte("the message that was authenticated")
		tag, err := k.Sum(nil, signed)
		if err != nil {
			t.Fatal(err)
		}
		if err := k.Verify(signed, tag); err != nil {
			t.Fatalf("%s Verify(own tag): %v", a, err)
		}
		dead.Store(true)
		forged := []byte("another message, with the same tag")
		if err := k.Verify(forged, tag); !errors.Is(err, gencrypto.ErrVerify) {
			t.Errorf("%s Verify with a backend that gave no sum: %v, want ErrVerify (the previous tag was accepted)", a, err)
		}
		k.Reset()
		k.Write(forged)
		if err := k.VerifyStream(tag); !errors.Is(err, gencrypto.ErrVerify) {
			t.Errorf("%s VerifyStream with a backend that gave no sum: %v, want ErrVerify", a, err)
		}
		if got, err := k.Sum(nil, forged); err == nil || got != nil {
			t.Errorf("%s Sum with a backend that gave no sum: %x, %v; want nil and an error", a, got, err)
		}
		k.Reset()
		k.Write(forged)
		if got, err := k.SumStream([]byte("dst")); err == nil || got != nil {
			t.Errorf("%s SumStream with a backend that gave no sum: %q, %v; want nil and an error", a, got, err)
		}
	}
}

// TestMACSumBackendFailure: the one-shot MAC.Sum has an error to return,
// so a backend HMAC that gives no sum, or fails a Write, is an error there
// rather than MACKey.Sum's panic; MAC.Verify is ErrVerify.
func TestMACSumBackendFailure(t *testing.T) {
	dead := new(atomic.Bool)
	dead.Store(true)
	for name, opt := range map[string]gencrypto.Option{
		"no sum":       gencrypto.WithBackend(deadHMACBackend{newFake(), dead}),
		"failed Write": gencrypto.WithBackend(limitedHMACBackend{newFake()}),
	} {
		msg := []byte("a message longer than sixteen bytes")
		err := func() (err error) {
			defer func() {
				if r := recover(); r != nil {
					err = fmt.Errorf("panic: %v", r)
				}
			}()
			tag, err := gencrypto.HS256().Sum(make([]byte, 32), msg, opt)
			if err == nil {
				return fmt.Errorf("tag %x", tag)
			}
			return err
		}()
		if !errors.Is(err, gencrypto.ErrBackendOutput) {
			t.Errorf("MAC.Sum, backend HMAC with %s: %v, want the malformed-result error", name, err)
		}
		if err := gencrypto.HS256().Verify(make([]byte, 32), msg, make([]byte, 32), opt); !errors.Is(err, gencrypto.ErrVerify) {
			t.Errorf("MAC.Verify, backend HMAC with %s: %v, want ErrVerify", name, err)
		}
	}
}
