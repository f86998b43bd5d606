package jws

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/lwscrypto/lwscrypto/jose"
)

// TestStreamEd25519BoundPerSignature: MaxBufferedPayload bounds each
// Ed25519 signature's own signing input (its header, '.', the payload as
// signed), as its godoc says ("allow h + 1 + ceil(4n/3)"): in a general
// JSON message with two Ed25519 signatures under headers of different
// lengths, a bound that holds the shorter header's signing input lets
// VerifyReader verify that signature, in either order, while the one
// whose signing input is over it is jose.ErrLimit; a byte less and
// neither fits. Fails on 422df4a: the shared payload buffer was bounded
// by the longest header's signing input, so both signatures were
// jose.ErrLimit.
func TestStreamEd25519BoundPerSignature(t *testing.T) {
	payload := bytes.Repeat([]byte("p"), 300) // 400 base64url characters
	short := SigningKey{Alg: "EdDSA", Key: testKeys()["EdDSA"]}
	long := SigningKey{Alg: "EdDSA", Key: testKeys()["EdDSA"], KeyID: strings.Repeat("k", 200)}
	for _, order := range [][]SigningKey{{short, long}, {long, short}} {
		msg, err := SignJSON(payload, order, false, &SignOptions{Detached: true})
		if err != nil {
			t.Fatal(err)
		}
		m, err := Parse(msg)
		if err != nil {
			t.Fatal(err)
		}
		want := 0
		if len(m.Signatures[1].Protected) < len(m.Signatures[0].Protected) {
			want = 1
		}
		limit := int64(len(m.Signatures[want].Protected) + 1 + 400)
		v := must(NewVerifier(verifyKey("EdDSA"), []string{"EdDSA"}, MaxBufferedPayload(limit)))
		r, err := v.VerifyReader(msg, bytes.NewReader(payload))
		if err != nil || r.Index != want {
			t.Errorf("short header's signature %d, its signing input at the bound: %+v, %v; want it verified", want, r, err)
		}
		// the other signature alone is over the bound
		if _, err := v.VerifyDetached(msg, payload); err != nil {
			t.Fatalf("VerifyDetached: %v", err)
		}
		v = must(NewVerifier(verifyKey("EdDSA"), []string{"EdDSA"}, MaxBufferedPayload(limit-1)))
		if r, err := v.VerifyReader(msg, bytes.NewReader(payload)); !errors.Is(err, jose.ErrLimit) {
			t.Errorf("a byte under both signing inputs: %+v, %v; want jose.ErrLimit", r, err)
		}
	}
}
