package jws

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/lwscrypto/lwscrypto/internal/testenv"
	"github.com/lwscrypto/lwscrypto/jose"
	"github.com/lwscrypto/lwscrypto/lejp"
)

// TestJSONPayloadLimit: what SignJSON writes, ParseJSON must read. ParseJSON
// reads the "payload" member as a JSON string, which lejp bounds to
// DefaultMaxStringLen (64 MiB) between the quotes; a longer payload part
// (a payload over 48 MiB base64url-encoded, or an unencoded one over 64
// MiB once escaped) must be refused when writing (jose.ErrLimit, as ParseJSON refuses
// it), and one of exactly 64 MiB written and read back. The compact form
// has no such bound. (About 0.5 GB of memory, briefly.)
func TestJSONPayloadLimit(t *testing.T) {
	if testing.Short() {
		t.Skip("allocates about 0.5 GB (-short)")
	}
	k := SigningKey{Alg: "HS256", Key: []byte(strings.Repeat("k", 32))}
	at := bytes.Repeat([]byte("a"), lejp.DefaultMaxStringLen/4*3) // base64url: exactly 64 MiB
	b, err := SignJSON(at, []SigningKey{k}, true, nil)
	if err != nil {
		t.Fatalf("SignJSON of a payload of %d bytes (64 MiB encoded): %v", len(at), err)
	}
	if _, err := ParseJSON(b); err != nil {
		t.Fatalf("ParseJSON of a payload part of 64 MiB: %.200v", err)
	}
	b = nil
	over := append(at, "abc"...) // 4 bytes more encoded
	b, err = SignJSON(over, []SigningKey{k}, true, nil)
	if !errors.Is(err, jose.ErrLimit) {
		_, perr := ParseJSON(b)
		t.Errorf("SignJSON of a payload part over 64 MiB: %d bytes, %v; want jose.ErrLimit (ParseJSON of it: %.200v)", len(b), err, perr)
	}
	// an unencoded payload is bounded as JSON carries it, escapes included:
	// 32 MiB of '"' is 64 MiB of \"
	quotes := bytes.Repeat([]byte(`"`), lejp.DefaultMaxStringLen/2+1)
	b, err = SignJSON(quotes, []SigningKey{k}, true, &SignOptions{Unencoded: true})
	if !errors.Is(err, jose.ErrLimit) {
		_, perr := ParseJSON(b)
		t.Errorf("SignJSON of an unencoded payload of 64 MiB + 2 escaped: %d bytes, %v; want jose.ErrLimit (ParseJSON of it: %.200v)", len(b), err, perr)
	}
}

// TestJSONProtectedLimit: the "protected" member of a JSON serialization
// is a JSON string too, which ParseJSON bounds to 64 MiB: a protected
// header over 48 MiB (base64url over 64 MiB), which NewSigner accepts
// (its strings are within lejp's limits), must be refused when writing
// (jose.ErrLimit), not written for ParseJSON to refuse. (About 0.5 GB.)
func TestJSONProtectedLimit(t *testing.T) {
	if testing.Short() {
		t.Skip("allocates about 0.5 GB (-short)")
	}
	const prefix, suffix = `{"alg":"HS256","x":"`, `"}`
	n := lejp.DefaultMaxStringLen/4*3 + 3 - len(prefix) - len(suffix) // header: 4 bytes over encoded
	hdr := append(append([]byte(prefix), bytes.Repeat([]byte("a"), n)...), suffix...)
	k := SigningKey{Alg: "HS256", Key: []byte(strings.Repeat("k", 32)), Header: hdr}
	b, err := SignJSON([]byte("hi"), []SigningKey{k}, true, nil)
	if !errors.Is(err, jose.ErrLimit) {
		_, perr := ParseJSON(b)
		t.Errorf("SignJSON with a protected header of %d bytes: %d bytes, %v; want jose.ErrLimit (ParseJSON of it: %.200v)", len(hdr), len(b), err, perr)
	}
}

// TestJSONPayloadRefusedBeforeWork: a payload part too long for the JSON
// serialization is refused before the payload is encoded and signed: it
// allocated about four times the payload first (200 MB through
// "lwscrypto jws sign --json" peaked at 1.2 GB before the error).
func TestJSONPayloadRefusedBeforeWork(t *testing.T) {
	if testing.Short() {
		t.Skip("allocates about 0.1 GB (-short)")
	}
	k := SigningKey{Alg: "HS256", Key: []byte(strings.Repeat("k", 32))}
	over := bytes.Repeat([]byte("a"), lejp.DefaultMaxStringLen/4*3+1) // 2 bytes over encoded
	for _, o := range []*SignOptions{nil, {Unencoded: true}} {
		in := over
		if o != nil {
			in = bytes.Repeat([]byte("a"), lejp.DefaultMaxStringLen+1)
		}
		var err error
		got := testenv.AllocatedBytes(1, func() { _, err = SignJSON(in, []SigningKey{k}, false, o) })
		if !errors.Is(err, jose.ErrLimit) {
			t.Fatalf("options %+v: %v; want jose.ErrLimit", o, err)
		}
		if got > 64<<10 {
			t.Errorf("options %+v: %d bytes allocated to refuse a payload of %d bytes", o, got, len(in))
		}
	}
}
