package jwt

import (
	"bytes"
	"errors"
	"net/http"
	"net/http/httptest"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/lwscrypto/lwscrypto/internal/hostile"
	"github.com/lwscrypto/lwscrypto/internal/testenv"
	"github.com/lwscrypto/lwscrypto/jose/jws"
	"github.com/lwscrypto/lwscrypto/lejp"
)

// wideClaims is {"x":{"a0":1,"a1":1,…}}: one claim holding an object of
// n names.
func wideClaims(n int) string {
	var b strings.Builder
	b.WriteString(`{"x":{`)
	for i := range n {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(`"a` + strconv.Itoa(i) + `":1`)
	}
	b.WriteString(`}}`)
	return b.String()
}

// TestClaimsAllocationBound: verifying a token into a new Claims, as
// Middleware and Verify do for each token, allocates at most a small
// multiple of the token plus a constant, whatever the claims' shape. A
// claim holding a wide object cost 17 to 26 bytes per byte of the token
// (7 MB for a 280 KB token): checkNested's decoder and fold-key tables
// were the Claims' own, grown afresh for every token; they are pooled now,
// and cost about 0.8 bytes per byte. The least of three measurements
// counts: a garbage collection in between may empty the pool.
func TestClaimsAllocationBound(t *testing.T) {
	if testenv.Race {
		t.Skip("sync.Pool drops items at random under -race")
	}
	secret := bytes.Repeat([]byte{1}, 32)
	s, err := NewSigner(jws.SigningKey{Alg: "HS256", Key: secret})
	if err != nil {
		t.Fatal(err)
	}
	v, err := NewVerifier(secret, []string{"HS256"}, Validator{AnyAudience: true})
	if err != nil {
		t.Fatal(err)
	}
	nested := strings.Repeat(`{"a":{"b":[1,{"c":2}]}},`, 8000)
	for name, claims := range map[string]string{
		"wide object, 1,000 names":  wideClaims(1000),
		"wide object, 20,000 names": wideClaims(20000),
		"many small objects":        `{"x":[` + nested + `1]}`,
		"case variants, nested":     `{"x":` + hostile.CaseVariantObject(4096, 16, 'c') + `}`,
		"deep":                      `{"x":` + strings.Repeat(`[`, 62) + strings.Repeat(`]`, 62) + `}`,
		"long string":               `{"x":"` + strings.Repeat("a", 1<<18) + `"}`,
		"many audiences":            `{"aud":[` + strings.Repeat(`"a",`, 1023) + `"b"]}`,
	} {
		tok, err := s.AppendSignJSON(nil, []byte(claims))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		var verr error
		got := leastAllocated(func() { verr = v.VerifyInto(t.Context(), tok, new(Claims)) })
		if verr != nil {
			t.Fatalf("%s: %v", name, verr)
		}
		if limit := uint64(2*len(tok)) + 64<<10; got > limit {
			t.Errorf("%s: %d bytes allocated for a token of %d bytes (limit %d)", name, got, len(tok), limit)
		}
	}
}

// TestMiddlewareWideClaimsAllocation: through Middleware, a token of
// MaxBearerLen whose claims hold one wide object allocates about what an
// ordinary token of that size does (it allocated 280 KB).
func TestMiddlewareWideClaimsAllocation(t *testing.T) {
	if testenv.Race {
		t.Skip("sync.Pool drops items at random under -race")
	}
	secret := bytes.Repeat([]byte{1}, 32)
	s, _ := NewSigner(jws.SigningKey{Alg: "HS256", Key: secret})
	v, err := NewVerifier(secret, []string{"HS256"}, Validator{AnyAudience: true})
	if err != nil {
		t.Fatal(err)
	}
	h := Middleware(v, http.HandlerFunc(func(http.ResponseWriter, *http.Request) {}))
	n := 1
	for {
		tok, _ := s.AppendSignJSON(nil, []byte(wideClaims(n+1)))
		if len(tok) > MaxBearerLen {
			break
		}
		n++
	}
	tok, _ := s.AppendSignJSON(nil, []byte(wideClaims(n)))
	r := httptest.NewRequest("GET", "/", nil)
	r.Header.Set("Authorization", "Bearer "+string(tok))
	w := httptest.NewRecorder()
	got := leastAllocated(func() { h.ServeHTTP(w, r) })
	if w.Code != http.StatusOK {
		t.Fatalf("status %d", w.Code)
	}
	if limit := uint64(4 * len(tok)); got > limit {
		t.Errorf("a %d-byte token of %d names in one object: %d bytes allocated per request (limit %d)", len(tok), n, got, limit)
	}
}

// wideObject is the object of wideClaims' claim.
func wideObject(n int) string {
	w := wideClaims(n)
	return w[len(`{"x":`) : len(w)-1]
}

// leastAllocated is the least of three testenv.AllocatedBytes of f.
func leastAllocated(f func()) uint64 {
	least := testenv.AllocatedBytes(4, f)
	for range 2 {
		least = min(least, testenv.AllocatedBytes(4, f))
	}
	return least
}

// TestNestedIndexEmptiedOnClose: checkNested's index of fold keys is
// emptied as each object closes, so a pooled nestedChecker that read a
// wide object reads the next value without clearing the index (a mark put
// in it survives) and finds case variants in objects nested in indexed
// ones; a walk that stopped inside an indexed object has the index
// dropped by the next.
func TestNestedIndexEmptiedOnClose(t *testing.T) {
	nc := &nestedChecker{dec: lejp.NewDecoderBytes(nil, nestedOpts)}
	if _, err := nc.check([]byte(wideObject(20000)), 0); err != nil {
		t.Fatal(err)
	}
	n := len(nc.nn.slots)
	if nc.nn.nslots != 0 || n < 1<<16 || slices.ContainsFunc(nc.nn.slots, func(e int32) bool { return e != 0 }) {
		t.Fatalf("after a wide object: %d keys in an index of %d slots", nc.nn.nslots, n)
	}
	nc.nn.slots[n-1] = -1 // a mark clearing the index erases
	outer, inner := wideObject(40), wideObject(40)
	body := outer[:len(outer)-1]
	for _, v := range []string{outer, body + `,"y":` + inner + `,"b":` + inner + `}`} {
		if _, err := nc.check([]byte(v), 0); err != nil {
			t.Errorf("%.40s…: %v", v, err)
		}
	}
	if nc.nn.slots[n-1] != -1 {
		t.Errorf("the index of %d slots was cleared", n)
	}
	nc.nn.slots[n-1] = 0
	// A case variant after an indexed inner object closed, and one in it:
	// the walk stops inside indexed objects, and the next drops the index.
	for _, v := range []string{body + `,"y":` + inner + `,"A7":1}`, body + `,"y":` + inner[:len(inner)-1] + `,"A39":1}}`} {
		if _, err := nc.check([]byte(v), 0); !errors.Is(err, errCaseVariant) {
			t.Errorf("%.40s…: %v; want a case variant", v, err)
		}
		if nc.nn.nslots == 0 {
			t.Errorf("%.40s…: no key left in the index by a walk cut short", v)
		}
		if _, err := nc.check([]byte(outer), 0); err != nil || nc.nn.nslots != 0 {
			t.Errorf("after a walk cut short: %v, %d keys left", err, nc.nn.nslots)
		}
	}
}
