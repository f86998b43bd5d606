package gencrypto_test

import (
	"crypto"
	"crypto/hmac"
	"crypto/sha256"
	"errors"
	"hash"
	"testing"

	"github.com/lwscrypto/lwscrypto/gencrypto"
)

// limitedHMAC is an HMAC whose Write fails, writing nothing, for pieces
// longer than 16 bytes, as a token-held HMAC with a small buffer might:
// hash.Hash promises that Write never fails, but a backend's may.
type limitedHMAC struct{ hash.Hash }

var errTooLong = errors.New("token: data too long")

func (h limitedHMAC) Write(p []byte) (int, error) {
	if len(p) > 16 {
		return 0, errTooLong
	}
	return h.Hash.Write(p)
}

type limitedHMACBackend struct{ *fakeBackend }

func (b limitedHMACBackend) NewHMAC(h crypto.Hash, key []byte) (hash.Hash, error) {
	inner, err := b.fakeBackend.NewHMAC(h, key)
	if err != nil {
		return nil, err
	}
	return limitedHMAC{inner}, nil
}

// TestMACKeyBackendWriteError: when the backend's HMAC fails to take the
// message, the tag must not be computed over what it did take. Verify (and
// VerifyStream after a failed Write) fail with ErrVerify; otherwise the
// tag of the empty message would verify any message the backend refuses.
// Sum, which has no error to return, must not hand out that tag either.
func TestMACKeyBackendWriteError(t *testing.T) {
	key := make([]byte, 32)
	m := hmac.New(sha256.New, key)
	emptyTag := m.Sum(nil)
	long := []byte("a message longer than the token's buffer")

	k, err := gencrypto.HS256().New(key, gencrypto.WithBackend(limitedHMACBackend{newFake()}))
	if err != nil {
		t.Fatal(err)
	}
	if err := k.Verify([]byte("short"), mustMAC(t, key, []byte("short"))); err != nil {
		t.Fatalf("Verify of a short message: %v", err)
	}
	if err := k.Verify(long, emptyTag); !errors.Is(err, gencrypto.ErrVerify) {
		t.Errorf("Verify(long message, tag of the empty message) with a failing Write: %v, want ErrVerify", err)
	}
	k.Reset()
	if _, err := k.Write(long); err == nil {
		t.Errorf("Write did not pass the backend's error on")
	}
	if err := k.VerifyStream(emptyTag); !errors.Is(err, gencrypto.ErrVerify) {
		t.Errorf("VerifyStream after a failed Write: %v, want ErrVerify", err)
	}
	k.Reset()
	if err := k.VerifyStream(emptyTag); err != nil {
		t.Errorf("VerifyStream of the empty message after Reset: %v", err)
	}
	if got, err := k.Sum(nil, long); err == nil || got != nil {
		t.Errorf("Sum with a failing Write: %x, %v; want nil and an error", got, err)
	}
}

func mustMAC(t *testing.T, key, msg []byte) []byte {
	t.Helper()
	m := hmac.New(sha256.New, key)
	m.Write(msg)
	return m.Sum(nil)
}
