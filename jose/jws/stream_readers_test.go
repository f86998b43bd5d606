package jws

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"testing"
	"testing/iotest"

	"github.com/lwscrypto/lwscrypto/jose"
	"github.com/lwscrypto/lwscrypto/jose/jwk"
)

// readerKinds are the ways a payload may arrive: whole, one byte at a time,
// half of each request, its last bytes with io.EOF, and split at every
// position of a short payload.
func readerKinds(p []byte) map[string]func() io.Reader {
	out := map[string]func() io.Reader{
		"whole":   func() io.Reader { return bytes.NewReader(p) },
		"onebyte": func() io.Reader { return iotest.OneByteReader(bytes.NewReader(p)) },
		"half":    func() io.Reader { return iotest.HalfReader(bytes.NewReader(p)) },
		"dataerr": func() io.Reader { return iotest.DataErrReader(bytes.NewReader(p)) },
		// not a WriterTo: io.Copy reads through its own buffer
		"plain": func() io.Reader { return struct{ io.Reader }{bytes.NewReader(p)} },
	}
	if len(p) <= 8 {
		for i := 0; i <= len(p); i++ {
			out[fmt.Sprint("split", i)] = func() io.Reader {
				return io.MultiReader(iotest.DataErrReader(bytes.NewReader(p[:i])), bytes.NewReader(p[i:]))
			}
		}
	}
	return out
}

// TestStreamingSameVerdict: VerifyReader gives, for every algorithm,
// encoded and unencoded payload, and every way the payload is read, the
// verdict VerifyDetached gives on the whole payload, for the signed
// payload and for payloads one byte shorter or longer or with one byte
// changed (whose last partial base64url group is where a dropped flush
// would hide); a reader failing after some data is jose.ErrMalformed with
// the reader's error reachable, never a verdict on the part read.
func TestStreamingSameVerdict(t *testing.T) {
	errBroken := errors.New("connection reset")
	for _, alg := range []string{"HS256", "RS256", "PS256", "ES256", "EdDSA", "Ed25519"} {
		v := must(NewVerifier(verifyKey(alg), []string{alg}))
		for _, unencoded := range []bool{false, true} {
			for _, n := range []int{0, 1, 2, 3, 4, 5, 6, 7, 8, 100, 4097, 40000} {
				payload := bytes.Repeat([]byte("abcdefghij"), n/10+1)[:n]
				opts := &SignOptions{Unencoded: unencoded, Detached: true}
				tok, err := Sign(payload, SigningKey{Alg: alg, Key: testKeys()[alg]}, opts)
				if err != nil {
					t.Fatal(err)
				}
				variants := map[string][]byte{"signed": payload, "longer": append(bytes.Clone(payload), 'x')}
				if n > 0 {
					variants["shorter"] = payload[:n-1]
					changed := bytes.Clone(payload)
					changed[n-1] ^= 1
					variants["changed"] = changed
				}
				for vname, p := range variants {
					_, want := v.VerifyDetached(tok, p)
					if (want == nil) != (vname == "signed") {
						t.Fatalf("%s unencoded=%v n=%d %s: VerifyDetached %v", alg, unencoded, n, vname, want)
					}
					for rname, r := range readerKinds(p) {
						_, got := v.VerifyReader(tok, r())
						if (got == nil) != (want == nil) || want != nil && !errors.Is(got, jose.ErrVerify) {
							t.Errorf("%s unencoded=%v n=%d %s, %s reader: VerifyReader %v, VerifyDetached %v",
								alg, unencoded, n, vname, rname, got, want)
						}
					}
					if len(p) > 1 {
						r := io.MultiReader(bytes.NewReader(p[:len(p)/2]), iotest.ErrReader(errBroken))
						if _, err := v.VerifyReader(tok, r); !errors.Is(err, jose.ErrMalformed) || !errors.Is(err, errBroken) {
							t.Errorf("%s unencoded=%v n=%d %s, failing reader: %v", alg, unencoded, n, vname, err)
						}
					}
				}
			}
		}
	}
}

// TestStreamingSignSame: SignReader, however the payload is read, writes
// what Sign writes for a detached payload (the same bytes for the
// deterministic algorithms, a token VerifyDetached accepts for the others),
// and a reader failing after some data is an error, never a signature over
// the part read.
func TestStreamingSignSame(t *testing.T) {
	errBroken := errors.New("connection reset")
	deterministic := map[string]bool{"HS256": true, "RS256": true, "EdDSA": true, "Ed25519": true}
	for _, alg := range []string{"HS256", "RS256", "PS256", "ES256", "EdDSA", "Ed25519"} {
		v := must(NewVerifier(verifyKey(alg), []string{alg}))
		key := SigningKey{Alg: alg, Key: testKeys()[alg], KeyID: "k"}
		for _, unencoded := range []bool{false, true} {
			opts := &SignOptions{Unencoded: unencoded, Detached: true}
			for _, n := range []int{0, 1, 2, 3, 4, 5, 100, 4097} {
				payload := bytes.Repeat([]byte("abcdefghij"), n/10+1)[:n]
				want, err := Sign(payload, key, opts)
				if err != nil {
					t.Fatal(err)
				}
				for rname, r := range readerKinds(payload) {
					got, err := SignReader(r(), key, opts)
					switch {
					case err != nil:
						t.Errorf("%s unencoded=%v n=%d, %s reader: %v", alg, unencoded, n, rname, err)
					case deterministic[alg] && !bytes.Equal(got, want):
						t.Errorf("%s unencoded=%v n=%d, %s reader: %s, Sign wrote %s", alg, unencoded, n, rname, got, want)
					default:
						if _, err := v.VerifyDetached(got, payload); err != nil {
							t.Errorf("%s unencoded=%v n=%d, %s reader: %v", alg, unencoded, n, rname, err)
						}
					}
				}
				if n > 1 {
					r := io.MultiReader(bytes.NewReader(payload[:n/2]), iotest.ErrReader(errBroken))
					if got, err := SignReader(r, key, opts); !errors.Is(err, errBroken) || !errors.Is(err, jose.ErrMalformed) {
						t.Errorf("%s unencoded=%v n=%d, failing reader: %s, %v", alg, unencoded, n, got, err)
					}
				}
			}
		}
	}
}

// TestMaxBufferedPayloadFormula: MaxBufferedPayload's godoc says what bound
// streams an encoded payload of n bytes under a header of h characters,
// h + 1 + ceil(4n/3); exactly that verifies, one byte less is jose.ErrLimit,
// and for an unencoded payload h + 1 + n.
func TestMaxBufferedPayloadFormula(t *testing.T) {
	key := SigningKey{Alg: "EdDSA", Key: testKeys()["EdDSA"]}
	for _, unencoded := range []bool{false, true} {
		for _, n := range []int64{0, 1, 2, 3, 4, 5, 300} {
			payload := bytes.Repeat([]byte("p"), int(n))
			tok, err := Sign(payload, key, &SignOptions{Detached: true, Unencoded: unencoded})
			if err != nil {
				t.Fatal(err)
			}
			h := int64(bytes.IndexByte(tok, '.'))
			bound := h + 1 + (4*n+2)/3
			if unencoded {
				bound = h + 1 + n
			}
			for _, limit := range []int64{bound, bound - 1} {
				v := must(NewVerifier(verifyKey("EdDSA"), []string{"EdDSA"}, MaxBufferedPayload(limit)))
				_, err := v.VerifyReader(tok, bytes.NewReader(payload))
				if limit == bound && err != nil || limit < bound && !errors.Is(err, jose.ErrLimit) {
					t.Errorf("unencoded=%v n=%d, MaxBufferedPayload(%d) (formula %d): %v", unencoded, n, limit, bound, err)
				}
			}
		}
	}
}

// TestStreamHMACBesideBufferedEd25519: VerifyReader's godoc says HMAC, RSA
// and ECDSA signatures stream and only Ed25519 buffers up to
// MaxBufferedPayload; so a message whose Ed25519 signature cannot be
// buffered still verifies by its other signature, as VerifyDetached
// verifies it, and only a message with nothing else to verify is
// jose.ErrLimit.
func TestStreamHMACBesideBufferedEd25519(t *testing.T) {
	secret := testKeys()["HS256"].([]byte)
	hk, err := jwk.New(secret)
	if err != nil {
		t.Fatal(err)
	}
	ek, err := jwk.New(verifyKey("EdDSA"))
	if err != nil {
		t.Fatal(err)
	}
	set := &jwk.Set{Keys: []*jwk.Key{hk, ek}}
	v := must(NewVerifier(set, []string{"HS256", "EdDSA"}, MaxBufferedPayload(64)))
	payload := bytes.Repeat([]byte("p"), 1000)
	hs := SigningKey{Alg: "HS256", Key: secret}
	ed := SigningKey{Alg: "EdDSA", Key: testKeys()["EdDSA"]}
	for _, keys := range [][]SigningKey{{hs, ed}, {ed, hs}, {hs}, {ed}} {
		msg, err := SignJSON(payload, keys, false, &SignOptions{Detached: true})
		if err != nil {
			t.Fatal(err)
		}
		_, whole := v.VerifyDetached(msg, payload)
		if whole != nil {
			t.Fatalf("%s: VerifyDetached: %v", msg, whole)
		}
		r, err := v.VerifyReader(msg, bytes.NewReader(payload))
		onlyEd := len(keys) == 1 && keys[0].Alg == "EdDSA"
		switch {
		case onlyEd && !errors.Is(err, jose.ErrLimit):
			t.Errorf("Ed25519 alone over MaxBufferedPayload: %+v, %v; want jose.ErrLimit", r, err)
		case !onlyEd && err != nil:
			t.Errorf("%d signatures, %s first: %v; VerifyDetached verifies it, and HMAC streams", len(keys), keys[0].Alg, err)
		case !onlyEd && keys[r.Index].Alg != "HS256":
			t.Errorf("%d signatures: signature %d verified, want the HMAC one", len(keys), r.Index)
		}
	}
}
