package jws

import (
	"testing"
)

// emptyPayloadTokens returns an HS256 verifier and the compact and general
// JSON serializations of the empty payload, encoded and unencoded.
func emptyPayloadTokens(t *testing.T) (*Verifier, [][]byte) {
	t.Helper()
	secret := testKeys()["HS256"].([]byte)
	v := must(NewVerifier(secret, []string{"HS256"}))
	key := SigningKey{Alg: "HS256", Key: secret}
	var out [][]byte
	for _, opts := range []*SignOptions{nil, {Unencoded: true}} {
		tok, err := Sign(nil, key, opts)
		if err != nil {
			t.Fatal(err)
		}
		js, err := SignJSON(nil, []SigningKey{key}, false, opts)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, tok, js)
	}
	return v, out
}

// TestEmptyPayloadEveryEntryPoint: a compact token over the empty payload
// ("header..signature", what Sign makes of an empty payload) is read by
// Verify and AppendVerifyCompact as the empty attached payload; VerifyEach
// and VerifyAll, which also take an attached payload, give the same verdict
// on the same token, as all of them do for the JSON serialization with
// "payload": "".
func TestEmptyPayloadEveryEntryPoint(t *testing.T) {
	v, msgs := emptyPayloadTokens(t)
	for _, msg := range msgs {
		if _, err := v.Verify(msg); err != nil {
			t.Fatalf("Verify %s: %v", msg, err)
		}
		if all, err := v.VerifyAll(msg); err != nil || len(all) != 1 {
			t.Errorf("VerifyAll %s: %+v, %v; Verify accepted it", msg, all, err)
		}
		if each, _, err := v.VerifyEach(msg); err != nil || len(each) != 1 || each[0].Err != nil {
			t.Errorf("VerifyEach %s: %+v, %v; Verify accepted it", msg, each, err)
		}
		if !isJSON(msg) {
			if _, err := v.AppendVerifyCompact(nil, msg); err != nil {
				t.Errorf("AppendVerifyCompact %s: %v", msg, err)
			}
		}
	}
}
