package jws

import (
	"bytes"
	"crypto/ed25519"
	"crypto/rand"
	"crypto/rsa"
	"errors"
	"math/big"
	"strings"
	"testing"

	"github.com/lwscrypto/lwscrypto/internal/testenv"
	"github.com/lwscrypto/lwscrypto/jose"
	"github.com/lwscrypto/lwscrypto/jose/jwk"
)

// manySigs returns a general JSON serialization whose n signatures all name
// HS256 and are all wrong, over a payload of p bytes.
func manySigs(p, n int, withPayload bool) string {
	sig := `{"protected":"eyJhbGciOiJIUzI1NiJ9","signature":"` + strings.Repeat("A", 43) + `"}`
	var b strings.Builder
	b.WriteString(`{`)
	if withPayload {
		b.WriteString(`"payload":"` + strings.Repeat("A", p) + `",`)
	}
	b.WriteString(`"signatures":[`)
	for i := range n {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(sig)
	}
	b.WriteString(`]}`)
	return b.String()
}

// TestManySignaturesBound: every signature of a general JSON serialization
// is checked over the whole payload, so verification costs signatures ×
// payload. MaxSignatures bounds the first factor (more is jose.ErrLimit),
// and the signing input is built once per call, not once per signature: the
// memory a verification allocates stays a small multiple of its input
// whatever the number of signatures. (Before: 64 signatures over 1 MiB
// allocated 71 MB, 256 signatures 274 MB, and 65,536 were accepted.)
func TestManySignaturesBound(t *testing.T) {
	v, err := NewVerifier(verifyKey("HS256"), []string{"HS256"})
	if err != nil {
		t.Fatal(err)
	}
	const p = 256 << 10
	for _, n := range []int{1, 4, MaxSignatures} {
		msg := []byte(manySigs(p, n, true))
		got := testenv.AllocatedBytes(1, func() {
			if _, err := v.Verify(msg); !errors.Is(err, jose.ErrVerify) {
				t.Fatalf("%d signatures: Verify: %v", n, err)
			}
			if _, err := v.VerifyAll(msg); !errors.Is(err, jose.ErrVerify) {
				t.Fatalf("%d signatures: VerifyAll: %v", n, err)
			}
			if _, _, err := v.VerifyEach(msg); err != nil {
				t.Fatalf("%d signatures: VerifyEach: %v", n, err)
			}
		})
		t.Logf("%d signatures over %d bytes: %d bytes allocated", n, p, got)
		if limit := uint64(3*6*len(msg)) + 64<<10; got > limit {
			t.Errorf("%d signatures over %d bytes: %d bytes allocated (limit %d)", n, p, got, limit)
		}
	}
	for _, n := range []int{MaxSignatures + 1, 4 * MaxSignatures, 1 << 16} {
		msg := []byte(manySigs(16, n, true))
		if _, err := v.Verify(msg); !errors.Is(err, jose.ErrLimit) {
			t.Errorf("%d signatures: Verify: %v, want ErrLimit", n, err)
		}
		if _, err := Parse(msg); !errors.Is(err, jose.ErrLimit) {
			t.Errorf("%d signatures: Parse: %v, want ErrLimit", n, err)
		}
		if _, err := v.VerifyReader([]byte(manySigs(0, n, false)), strings.NewReader("x")); !errors.Is(err, jose.ErrLimit) {
			t.Errorf("%d signatures: VerifyReader: %v, want ErrLimit", n, err)
		}
	}
}

// TestStreamEd25519BufferedOnce: VerifyReader buffers the payload for
// Ed25519 (it cannot stream), once per verification, not once per
// signature and key: MaxBufferedPayload bounds what a verification holds.
// (Before: 16 signatures over 1 MiB allocated 107 MB, all held at once.)
func TestStreamEd25519BufferedOnce(t *testing.T) {
	v, err := NewVerifier(verifyKey("EdDSA"), []string{"EdDSA"})
	if err != nil {
		t.Fatal(err)
	}
	const p = 1 << 20
	payload := make([]byte, p)
	sig := `{"protected":"eyJhbGciOiJFZERTQSJ9","signature":"` + strings.Repeat("A", 86) + `"}`
	for _, n := range []int{1, 4, MaxSignatures} {
		msg := []byte(`{"signatures":[` + strings.Repeat(sig+",", n-1) + sig + `]}`)
		got := testenv.AllocatedBytes(1, func() {
			if _, err := v.VerifyReader(msg, bytes.NewReader(payload)); !errors.Is(err, jose.ErrVerify) {
				t.Fatalf("%d signatures: %v", n, err)
			}
		})
		t.Logf("%d Ed25519 signatures over %d bytes: %d bytes allocated", n, p, got)
		if limit := uint64(8*p) + 256<<10; got > limit {
			t.Errorf("%d Ed25519 signatures over %d bytes: %d bytes allocated (limit %d)", n, p, got, limit)
		}
	}
	// A good signature after one with a longer protected header still
	// verifies, and MaxBufferedPayload still holds.
	good, err := SignReader(bytes.NewReader(payload), SigningKey{Alg: "EdDSA", Key: testKeys()["EdDSA"]}, nil)
	if err != nil {
		t.Fatal(err)
	}
	m, err := Parse(good)
	if err != nil {
		t.Fatal(err)
	}
	mixed := []byte(`{"signatures":[{"protected":"eyJhbGciOiJFZERTQSIsImtpZCI6InNvbWV0aGluZy1sb25nZXIifQ","signature":"` + strings.Repeat("A", 86) + `"},{"protected":"` + string(m.Signatures[0].Protected) + `","signature":"` + string(jose.AppendBase64URL(nil, m.Signatures[0].Signature)) + `"}]}`)
	r, err := v.VerifyReader(mixed, bytes.NewReader(payload))
	if err != nil || r.Index != 1 {
		t.Errorf("good second signature: %+v, %v", r, err)
	}
	small, _ := NewVerifier(verifyKey("EdDSA"), []string{"EdDSA"}, MaxBufferedPayload(p))
	if _, err := small.VerifyReader(mixed, bytes.NewReader(payload)); !errors.Is(err, jose.ErrLimit) {
		t.Errorf("payload of %d bytes with MaxBufferedPayload(%d): %v, want ErrLimit", p, p, err)
	}
}

// TestEmbeddedPrivateJWKNotValidated: an embedded "jwk" holding private
// members is refused before it is parsed, so its private half is never
// validated: validating an RSA private key costs about 0.55 s for a
// balanced 16,384-bit key and 3.7 s for one with a 15,872-bit p (the
// validation exponentiates modulo p), per token, for a verifier that
// trusts embedded keys. The probe is a private key that validation would
// call inconsistent.
func TestEmbeddedPrivateJWKNotValidated(t *testing.T) {
	k, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	anchor, err := jwk.New(&k.PublicKey)
	if err != nil {
		t.Fatal(err)
	}
	v, err := NewVerifier(nil, []string{"RS256"}, TrustEmbeddedJWK(anchor))
	if err != nil {
		t.Fatal(err)
	}
	b64 := func(x *big.Int) string { return string(jose.AppendBase64URL(nil, x.Bytes())) }
	wrong := new(big.Int).Add(k.Precomputed.Dp, big.NewInt(2)) // inconsistent on purpose
	for _, priv := range []string{
		`,"d":"` + b64(k.D) + `","p":"` + b64(k.Primes[0]) + `","q":"` + b64(k.Primes[1]) +
			`","dp":"` + b64(wrong) + `","dq":"` + b64(k.Precomputed.Dq) + `","qi":"` + b64(k.Precomputed.Qinv) + `"`,
		`,"d":"` + b64(k.D) + `"`,
	} {
		hdr := `{"alg":"RS256","jwk":{"kty":"RSA","n":"` + b64(k.N) + `","e":"AQAB"` + priv + `}}`
		tok := string(jose.AppendBase64URL(nil, []byte(hdr))) + ".e30." + strings.Repeat("A", 342)
		_, err := v.Verify([]byte(tok))
		if !errors.Is(err, jose.ErrKey) || !strings.Contains(err.Error(), "private material") {
			t.Errorf("embedded private JWK: %v, want it refused as private before parsing", err)
		}
	}
}

// TestStreamEd25519LimitAtLastGroup: a streamed Ed25519 payload whose
// base64url text reaches MaxBufferedPayload only with its last partial
// group (the 2 or 3 characters the encoder writes when it is closed) is
// refused with ErrLimit, when signing and when verifying. Before, the
// error of that last write was dropped: the signature covered the payload
// without its last byte or two, so a payload one or two bytes longer than
// the signed one verified.
func TestStreamEd25519LimitAtLastGroup(t *testing.T) {
	key := SigningKey{Alg: "EdDSA", Key: testKeys()["EdDSA"]}
	payload := bytes.Repeat([]byte("p"), 3*100) // 400 base64url characters, no partial group
	good, err := SignReader(bytes.NewReader(payload), key, nil)
	if err != nil {
		t.Fatal(err)
	}
	m, err := Parse(good)
	if err != nil {
		t.Fatal(err)
	}
	// room for the signing input of exactly the signed payload
	limit := int64(len(m.Signatures[0].Protected) + 1 + 400)
	v, err := NewVerifier(verifyKey("EdDSA"), []string{"EdDSA"}, MaxBufferedPayload(limit))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := v.VerifyReader(good, bytes.NewReader(payload)); err != nil {
		t.Fatalf("the signed payload at the limit: %v", err)
	}
	for _, extra := range []string{"x", "xy"} {
		longer := append(append([]byte{}, payload...), extra...)
		r, err := v.VerifyReader(good, bytes.NewReader(longer))
		if !errors.Is(err, jose.ErrLimit) {
			t.Errorf("payload with %q appended: %+v, %v; want ErrLimit", extra, r, err)
		}
	}
	// SignReader buffers up to DefaultMaxBufferedPayload: a payload whose
	// last group crosses it is refused, not signed without its end.
	for _, kid := range []string{"", "k", "kk"} {
		key.KeyID = kid
		s, err := SignReader(bytes.NewReader(nil), key, nil)
		if err != nil {
			t.Fatal(err)
		}
		head := int64(bytes.IndexByte(s, '.') + 1) // the protected header and its dot
		d := (DefaultMaxBufferedPayload - head) % 4
		if d == 3 {
			continue // a partial group of 2 or 3 characters would fit
		}
		q := (DefaultMaxBufferedPayload - head - d) / 4 // full groups that fit
		n := 3*q + 1                                    // and a partial group of 2 characters
		if d == 2 {
			n++ // of 3
		}
		if _, err := SignReader(bytes.NewReader(make([]byte, n)), key, nil); !errors.Is(err, jose.ErrLimit) {
			t.Errorf("SignReader of %d bytes (header %d), last group past the limit: %v; want ErrLimit", n, head, err)
		}
		if _, err := SignReader(bytes.NewReader(make([]byte, 3*q)), key, nil); err != nil {
			t.Errorf("SignReader of %d bytes (header %d), at the limit: %v", 3*q, head, err)
		}
		return
	}
	t.Fatal("no key ID gave a header length to test with")
}

// TestStreamEd25519LimitBelowHeader: a MaxBufferedPayload too small for
// the protected header itself refuses the verification with ErrLimit.
// Before, the header's write error was dropped and the signing input was
// "." and the payload, so an Ed25519 signature over just "." verified
// under any protected header.
func TestStreamEd25519LimitBelowHeader(t *testing.T) {
	priv := testKeys()["EdDSA"].(ed25519.PrivateKey)
	sig := jose.AppendBase64URL(nil, ed25519.Sign(priv, []byte(".")))
	msg := []byte(`{"protected":"eyJhbGciOiJFZERTQSJ9","signature":"` + string(sig) + `"}`)
	v, err := NewVerifier(verifyKey("EdDSA"), []string{"EdDSA"}, MaxBufferedPayload(4))
	if err != nil {
		t.Fatal(err)
	}
	if r, err := v.VerifyReader(msg, bytes.NewReader(nil)); !errors.Is(err, jose.ErrLimit) {
		t.Errorf("header longer than MaxBufferedPayload: %+v, %v; want ErrLimit", r, err)
	}
}

// TestStreamStatesStayWithTheirKeys: when VerifyReader cannot start the
// stream of one candidate key, the other keys' streams stay paired with
// their own keys, so the Result names the key whose secret verified.
// (No key reaches that failure through the API today: NewVerifier checks
// every key as newStreamState would; the test makes the first key's secret
// too short after that check.)
func TestStreamStatesStayWithTheirKeys(t *testing.T) {
	a, err := jwk.New(bytes.Repeat([]byte{1}, 32))
	if err != nil {
		t.Fatal(err)
	}
	b, err := jwk.New(bytes.Repeat([]byte{2}, 32))
	if err != nil {
		t.Fatal(err)
	}
	a.Kid, b.Kid = "a", "b"
	v, err := NewVerifier(&jwk.Set{Keys: []*jwk.Key{a, b}}, []string{"HS256"})
	if err != nil {
		t.Fatal(err)
	}
	v.keys[0].secret = v.keys[0].secret[:1] // newStreamState refuses it
	payload := []byte("payload")
	msg, err := SignReader(bytes.NewReader(payload), SigningKey{Alg: "HS256", Key: bytes.Repeat([]byte{2}, 32)}, nil)
	if err != nil {
		t.Fatal(err)
	}
	r, err := v.VerifyReader(msg, bytes.NewReader(payload))
	if err != nil || r.Key != b {
		t.Fatalf("signed by b: %+v, %v; want key b", r, err)
	}
}
