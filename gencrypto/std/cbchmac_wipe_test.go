package std

import (
	"bytes"
	"crypto"
	"crypto/hmac"
	"crypto/sha256"
	"encoding"
	"fmt"
	"hash"
	"reflect"
	"testing"
	"unsafe"
)

// TestCBCHMACPooledStateWiped: the MAC state Seal and Open return to the
// pool holds neither the last tag (sum, the full HMAC output; want, the tag
// Open expected, which for a forged message is the tag that would have
// authenticated it) nor the last AL, and its HMAC is back at the keyed
// initial state, so a pooled value kept alive says nothing of the last
// message. testHookMACPut sees each value as it goes back.
func TestCBCHMACPooledStateWiped(t *testing.T) {
	key := make([]byte, 32)
	a, err := New().NewAEAD(primAESCBCHMAC, key, 16, 16, crypto.SHA256)
	if err != nil {
		t.Fatal(err)
	}
	// A Reset HMAC has hashed nothing since its key: its output is the MAC
	// of the empty message.
	empty := hmac.New(sha256.New, key[:16]).Sum(nil)
	var problems []string
	testHookMACPut = func(ms *macState) {
		if ms.sum != ([64]byte{}) || ms.want != ([64]byte{}) || ms.al != ([8]byte{}) {
			problems = append(problems, fmt.Sprintf("keeps sum %x, want %x, al %x", ms.sum[:16], ms.want[:16], ms.al))
		}
		if got := ms.h.Sum(nil); !bytes.Equal(got, empty) {
			problems = append(problems, fmt.Sprintf("HMAC still holds the last message (MAC %x, of the empty message %x)", got[:8], empty[:8]))
		}
		problems = append(problems, "")
	}
	defer func() { testHookMACPut = nil }()

	iv, ad, msg := make([]byte, 16), []byte("ad"), []byte("message")
	ct := a.Seal(nil, iv, msg, ad)
	forged := append([]byte(nil), ct...)
	forged[len(forged)-1] ^= 1
	if _, err := a.Open(nil, iv, ct, ad); err != nil {
		t.Fatal(err)
	}
	if _, err := a.Open(nil, iv, forged, ad); err == nil {
		t.Fatal("forged tag accepted")
	}
	calls := 0
	for _, p := range problems {
		if p == "" {
			calls++
			continue
		}
		t.Errorf("call %d: pooled MAC state %s", calls, p)
	}
	if calls != 3 {
		t.Fatalf("%d MAC states returned to the pool, want 3 (Seal, Open, failed Open)", calls)
	}
}

// TestCBCHMACPooledOuterHashWiped: HMAC's Reset restores only its inner
// hash; the outer one keeps the inner digest of the last message, from
// which finishing the outer hash gives the last full HMAC output (for a
// forged message, the tag that would have verified it). The HMAC state
// going back to the pool must be the same whatever the last message was.
func TestCBCHMACPooledOuterHashWiped(t *testing.T) {
	key := make([]byte, 32)
	a, err := New().NewAEAD(primAESCBCHMAC, key, 16, 16, crypto.SHA256)
	if err != nil {
		t.Fatal(err)
	}
	var states [][]byte
	testHookMACPut = func(ms *macState) { states = append(states, hmacState(t, ms.h)) }
	defer func() { testHookMACPut = nil }()
	iv := make([]byte, 16)
	ct := a.Seal(nil, iv, []byte("first message"), []byte("ad"))
	a.Seal(nil, iv, []byte("another message, longer than the first"), nil)
	ct[len(ct)-1] ^= 1
	if _, err := a.Open(nil, iv, ct, []byte("ad")); err == nil {
		t.Fatal("forged tag accepted")
	}
	if len(states) != 3 {
		t.Fatalf("%d MAC states returned to the pool, want 3", len(states))
	}
	for i, s := range states[1:] {
		if !bytes.Equal(s, states[0]) {
			t.Errorf("call %d: pooled HMAC state differs from call 0's: it depends on the last message", i+1)
		}
	}
}

// hmacState returns the marshaled inner and outer hash states of h, a
// crypto/hmac HMAC, read through its unexported fields.
func hmacState(t *testing.T, h hash.Hash) []byte {
	t.Helper()
	v := reflect.ValueOf(h)
	if v.Kind() != reflect.Pointer || v.Elem().Kind() != reflect.Struct {
		t.Fatalf("crypto/hmac's HMAC is a %T: update hmacState", h)
	}
	var out []byte
	for _, name := range []string{"inner", "outer"} {
		f := v.Elem().FieldByName(name)
		if !f.IsValid() {
			t.Fatalf("crypto/hmac's %T has no field %s: update hmacState", h, name)
		}
		f = reflect.NewAt(f.Type(), unsafe.Pointer(f.UnsafeAddr())).Elem()
		m, ok := f.Interface().(encoding.BinaryMarshaler)
		if !ok {
			t.Fatalf("%s hash %T cannot be marshaled: update hmacState", name, f.Interface())
		}
		b, err := m.MarshalBinary()
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, b...)
	}
	return out
}
