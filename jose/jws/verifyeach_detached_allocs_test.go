package jws_test

import (
	"bytes"
	"testing"

	"github.com/lwscrypto/lwscrypto/internal/testenv"
	"github.com/lwscrypto/lwscrypto/jose/jws"
)

// TestVerifyEachDetachedBadSignaturesAllocs: a message of MaxSignatures
// signatures none of which verifies (what anyone can send) costs
// VerifyEachDetached and VerifyAllDetached no more allocations than
// VerifyEach and VerifyAll cost for the same message attached: nothing per
// signature beyond parsing it. TestVerifyAllDetachedAllocs covers only
// messages that verify.
func TestVerifyEachDetachedBadSignaturesAllocs(t *testing.T) {
	if testenv.Race {
		t.Skip("allocation counts differ under -race")
	}
	secret := []byte("0123456789abcdef0123456789abcdef")
	forged := []byte("fedcba9876543210fedcba9876543210")
	v, err := jws.NewVerifier(secret, []string{"HS256"})
	if err != nil {
		t.Fatal(err)
	}
	keys := make([]jws.SigningKey, jws.MaxSignatures)
	for i := range keys {
		keys[i] = jws.SigningKey{Alg: "HS256", Key: forged}
	}
	payload := bytes.Repeat([]byte("x"), 4<<10)
	for _, unencoded := range []bool{false, true} {
		att, err := jws.SignJSON(payload, keys, false, &jws.SignOptions{Unencoded: unencoded})
		if err != nil {
			t.Fatal(err)
		}
		det, err := jws.SignJSON(payload, keys, false, &jws.SignOptions{Unencoded: unencoded, Detached: true})
		if err != nil {
			t.Fatal(err)
		}
		each := testing.AllocsPerRun(10, func() {
			if res, _, err := v.VerifyEach(att); err != nil || res[0].Err == nil {
				t.Fatal("VerifyEach: a forged signature verified, or an error", err)
			}
		})
		eachDet := testing.AllocsPerRun(10, func() {
			if res, err := v.VerifyEachDetached(det, payload); err != nil || res[0].Err == nil {
				t.Fatal("VerifyEachDetached: a forged signature verified, or an error", err)
			}
		})
		all := testing.AllocsPerRun(10, func() { v.VerifyAll(att) })
		allDet := testing.AllocsPerRun(10, func() { v.VerifyAllDetached(det, payload) })
		t.Logf("unencoded=%v: VerifyEach %v, VerifyEachDetached %v, VerifyAll %v, VerifyAllDetached %v", unencoded, each, eachDet, all, allDet)
		if eachDet > each || allDet > all {
			t.Errorf("unencoded=%v: detached %v/%v allocations, attached %v/%v", unencoded, eachDet, allDet, each, all)
		}
	}
}
