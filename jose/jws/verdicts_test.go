package jws

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/lwscrypto/lwscrypto/jose"
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

// TestStreamingSameError: VerifyReader refuses a message with the error
// VerifyDetached gives for it, the error of the first signature, also when
// a later signature is refused for its header before the payload is read
// and an earlier one fails its check over the payload.
func TestStreamingSameError(t *testing.T) {
	secret := testKeys()["HS256"].([]byte)
	other := bytes.Repeat([]byte{9}, 64)
	v := must(NewVerifier(secret, []string{"HS256"}))
	payload := []byte("streamed payload")
	sign := func(k SigningKey) *Signature {
		t.Helper()
		js, err := SignJSON(payload, []SigningKey{k}, true, &SignOptions{Detached: true})
		if err != nil {
			t.Fatal(err)
		}
		m, err := ParseJSON(js)
		if err != nil {
			t.Fatal(err)
		}
		return m.Signatures[0]
	}
	wrongKey := sigJSON(sign(SigningKey{Alg: "HS256", Key: other}))                          // ErrVerify
	notAllowed := sigJSON(sign(SigningKey{Alg: "HS512", Key: other}))                        // ErrAlgorithm
	good := sigJSON(sign(SigningKey{Alg: "HS256", Key: secret}))                             // verifies
	critical := sigJSON(sign(SigningKey{Alg: "HS256", Key: secret, Protected: []jose.Member{ // ErrCrit
		{Name: "crit", Value: []byte(`["x"]`)}, {Name: "x", Value: []byte("1")}}}))
	for _, sigs := range [][]string{
		{wrongKey, notAllowed},
		{notAllowed, wrongKey},
		{wrongKey, critical},
		{critical, wrongKey},
		{wrongKey, notAllowed, good},
	} {
		msg := []byte(`{"signatures":[` + strings.Join(sigs, ",") + `]}`)
		r1, err1 := v.VerifyDetached(msg, payload)
		r2, err2 := v.VerifyReader(msg, bytes.NewReader(payload))
		if (err1 == nil) != (err2 == nil) {
			t.Fatalf("%s: VerifyDetached %v, VerifyReader %v", msg, err1, err2)
		}
		if err1 == nil {
			if r1.Index != r2.Index {
				t.Errorf("%s: VerifyDetached verified signature %d, VerifyReader %d", msg, r1.Index, r2.Index)
			}
			continue
		}
		for _, s := range []error{jose.ErrVerify, jose.ErrAlgorithm, jose.ErrCrit, jose.ErrKey, jose.ErrMalformed} {
			if errors.Is(err1, s) != errors.Is(err2, s) {
				t.Errorf("%s: VerifyDetached %v, VerifyReader %v", msg, err1, err2)
				break
			}
		}
	}
}

// TestJSONSignatureCount: what SignJSON and Message.JSON write, ParseJSON
// reads: MaxSignatures signatures are written and verify; one more is
// jose.ErrLimit when writing, as ParseJSON refuses it, rather than a
// message no Verifier accepts; and a message left with no signature
// (Signatures is exported) is not written either.
func TestJSONSignatureCount(t *testing.T) {
	secret := testKeys()["HS256"].([]byte)
	v := must(NewVerifier(secret, []string{"HS256"}))
	keys := make([]SigningKey, MaxSignatures+1)
	for i := range keys {
		keys[i] = SigningKey{Alg: "HS256", Key: secret, Unprotected: []jose.Member{{Name: "n", Value: []byte{'1' + byte(i%9)}}}}
	}
	js, err := SignJSON([]byte("p"), keys[:MaxSignatures], false, nil)
	if err != nil {
		t.Fatal(err)
	}
	if all, err := v.VerifyAll(js); err != nil || len(all) != MaxSignatures {
		t.Fatalf("%d signatures: %v", MaxSignatures, err)
	}
	if js, err := SignJSON([]byte("p"), keys, false, nil); !errors.Is(err, jose.ErrLimit) {
		_, perr := ParseJSON(js)
		t.Errorf("SignJSON with %d keys: %v, want jose.ErrLimit (ParseJSON of what was written: %v)", len(keys), err, perr)
	}
	m, err := ParseJSON(js)
	if err != nil {
		t.Fatal(err)
	}
	m.Signatures = append(m.Signatures, m.Signatures[0])
	if out, err := m.JSON(false); !errors.Is(err, jose.ErrLimit) {
		_, perr := ParseJSON(out)
		t.Errorf("Message.JSON with %d signatures: %v, want jose.ErrLimit (ParseJSON of what was written: %v)", len(m.Signatures), err, perr)
	}
	m.Signatures = nil
	if out, err := m.JSON(false); err == nil {
		t.Errorf("Message.JSON with no signature wrote %s", out)
	}
}

// TestJSONSignaturesAgreeOnB64: a message given a signature from another
// (Signatures is exported, so signatures are combined that way) whose
// "b64" differs from the message's is not written: ParseJSON refuses
// signatures that disagree on "b64" (jose.ErrCrit), so Message.JSON does.
func TestJSONSignaturesAgreeOnB64(t *testing.T) {
	secret := testKeys()["HS256"].([]byte)
	key := SigningKey{Alg: "HS256", Key: secret}
	enc, err := SignJSON([]byte("p"), []SigningKey{key}, false, nil)
	if err != nil {
		t.Fatal(err)
	}
	unenc, err := SignJSON([]byte("p"), []SigningKey{key}, false, &SignOptions{Unencoded: true})
	if err != nil {
		t.Fatal(err)
	}
	me, err := ParseJSON(enc)
	if err != nil {
		t.Fatal(err)
	}
	mu, err := ParseJSON(unenc)
	if err != nil {
		t.Fatal(err)
	}
	me.Signatures = append(me.Signatures, mu.Signatures[0])
	if out, err := me.JSON(false); !errors.Is(err, jose.ErrCrit) {
		_, perr := ParseJSON(out)
		t.Errorf("Message.JSON, signatures disagreeing on b64: %v, want jose.ErrCrit (ParseJSON of what was written: %v)", err, perr)
	}
}
