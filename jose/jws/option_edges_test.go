package jws

import (
	"bytes"
	"errors"
	"testing"

	"github.com/lwscrypto/lwscrypto/jose"
)

// TestRequireTypeEmptyRequiresEmptyTyp pins what RequireType's godoc says
// of an empty type: RequireType("") accepts a "typ" of "" (or
// "application/") and refuses a header with no "typ" or another one, as
// for any other type; it does not mean "no typ".
func TestRequireTypeEmptyRequiresEmptyTyp(t *testing.T) {
	v := must(NewVerifier(verifyKey("HS256"), []string{"HS256"}, RequireType("")))
	for _, tc := range []struct {
		typ string // raw JSON, "" for no "typ"
		ok  bool
	}{
		{`""`, true},
		{`"application/"`, true},
		{``, false},
		{`"JWT"`, false},
	} {
		k := SigningKey{Alg: "HS256", Key: testKeys()["HS256"]}
		if tc.typ != "" {
			k.Protected = []jose.Member{{Name: "typ", Value: []byte(tc.typ)}}
		}
		tok, err := Sign([]byte("p"), k, nil)
		if err != nil {
			t.Fatal(err)
		}
		_, err = v.Verify(tok)
		if tc.ok && err != nil {
			t.Errorf("typ %s: %v, want accepted", tc.typ, err)
		}
		if !tc.ok && !errors.Is(err, jose.ErrMalformed) {
			t.Errorf("typ %s: %v, want jose.ErrMalformed", tc.typ, err)
		}
	}
}

// TestMaxBufferedPayloadNonPositive pins what MaxBufferedPayload's godoc
// says of n ≤ 0: every Ed25519 signature VerifyReader checks fails with
// jose.ErrLimit, even over an empty payload, while an HMAC signature still
// streams and VerifyDetached, which is given the payload, is unaffected.
func TestMaxBufferedPayloadNonPositive(t *testing.T) {
	for _, n := range []int64{0, -1} {
		for _, alg := range []string{"EdDSA", "HS256"} {
			for _, payload := range [][]byte{nil, []byte("payload")} {
				msg, err := SignReader(bytes.NewReader(payload), SigningKey{Alg: alg, Key: testKeys()[alg]}, nil)
				if err != nil {
					t.Fatal(err)
				}
				v := must(NewVerifier(verifyKey(alg), []string{alg}, MaxBufferedPayload(n)))
				_, err = v.VerifyReader(msg, bytes.NewReader(payload))
				if alg == "EdDSA" && !errors.Is(err, jose.ErrLimit) {
					t.Errorf("%s, MaxBufferedPayload(%d), %d-byte payload: VerifyReader: %v, want jose.ErrLimit", alg, n, len(payload), err)
				}
				if alg != "EdDSA" && err != nil {
					t.Errorf("%s, MaxBufferedPayload(%d): VerifyReader: %v", alg, n, err)
				}
				if _, err := v.VerifyDetached(msg, payload); err != nil {
					t.Errorf("%s, MaxBufferedPayload(%d): VerifyDetached: %v", alg, n, err)
				}
			}
		}
	}
}
