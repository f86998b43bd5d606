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

// TestEmptyPayloadNotNil: an attached empty payload comes back as an empty,
// non-nil slice from every entry point: Result.Payload is nil only for a
// detached payload, and VerifyEach returns a payload (nil meaning none
// verified) when a signature verified.
func TestEmptyPayloadNotNil(t *testing.T) {
	v, msgs := emptyPayloadTokens(t)
	for _, msg := range msgs {
		if r, err := v.Verify(msg); err != nil || r.Payload == nil {
			t.Errorf("Verify %s: %+v, %v; want an empty payload", msg, r, err)
		}
		if all, err := v.VerifyAll(msg); err != nil || all[0].Payload == nil {
			t.Errorf("VerifyAll %s: %+v, %v; want an empty payload", msg, all, err)
		}
		if each, p, err := v.VerifyEach(msg); err != nil || each[0].Err != nil || p == nil {
			t.Errorf("VerifyEach %s: %+v, %q, %v; a signature verified, want an empty payload", msg, each, p, err)
		}
		if m, err := Parse(msg); err != nil {
			t.Error(err)
		} else if p, ok := m.UnverifiedPayload(); isJSON(msg) && (!ok || p == nil) {
			t.Errorf("UnverifiedPayload %s: %q, %v; want an empty payload", msg, p, ok)
		}
	}
}
