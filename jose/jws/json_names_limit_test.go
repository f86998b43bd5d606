package jws

import (
	"errors"
	"strings"
	"testing"

	"github.com/lwscrypto/lwscrypto/jose"
)

// TestJSONUnprotectedNameMemory: what SignJSON and Message.JSON write,
// ParseJSON must read, also at lejp's bound on the member names held for
// duplicate detection (lejp.DefaultMaxNameMemory: the names of every open
// object). NewSigner checks an unprotected header alone; in a serialization
// the names of the objects around it ("payload", "protected", "header",
// "signatures") are open too, so a header whose names fill the bound alone
// cannot be read back in a serialization, and must be refused when writing
// (jose.ErrLimit, as ParseJSON refuses it). A header well under the bound
// is written and read back.
func TestJSONUnprotectedNameMemory(t *testing.T) {
	secret := []byte(strings.Repeat("k", 32))
	// 63 names of 65504 bytes and a last one of n: near 4 MiB of names
	header := func(n int) []jose.Member {
		var ms []jose.Member
		for i := range 63 {
			name := strings.Repeat("a", 65501) + string(rune('A'+i/26)) + string(rune('a'+i%26)) + "x"
			ms = append(ms, jose.Member{Name: name, Value: []byte("1")})
		}
		return append(ms, jose.Member{Name: strings.Repeat("z", n), Value: []byte("1")})
	}
	// the longest last name NewSigner accepts: 64 names counted 65536
	// bytes each (lejp adds 32 to a name's length) fill the 4 MiB
	const lo = 65504
	if _, err := NewSigner(SigningKey{Alg: "HS256", Key: secret, Unprotected: header(lo)}, nil); err != nil {
		t.Fatalf("last name %d: %v; lejp's name memory accounting changed, find the bound again", lo, err)
	}
	if _, err := NewSigner(SigningKey{Alg: "HS256", Key: secret, Unprotected: header(lo + 1)}, nil); !errors.Is(err, jose.ErrLimit) {
		t.Fatalf("last name %d: %v, want jose.ErrLimit; lejp's name memory accounting changed, find the bound again", lo+1, err)
	}
	v := must(NewVerifier(secret, []string{"HS256"}))
	for _, n := range []int{lo, lo - 100, lo - 1000} {
		k := SigningKey{Alg: "HS256", Key: secret, Unprotected: header(n)}
		for _, flat := range []bool{true, false} {
			b, err := SignJSON([]byte("hi"), []SigningKey{k}, flat, nil)
			switch {
			case err == nil:
				if _, err := v.Verify(b); err != nil {
					t.Errorf("last name %d (flattened %v): written, then Verify: %v", n, flat, err)
					continue
				}
				// a flattened message written again as a general one
				m, err := ParseJSON(b)
				if err != nil {
					t.Fatal(err)
				}
				if g, err := m.JSON(false); err == nil {
					if _, err := v.Verify(g); err != nil {
						t.Errorf("last name %d: Message.JSON(false), then Verify: %v", n, err)
					}
				} else if !errors.Is(err, jose.ErrLimit) {
					t.Errorf("last name %d: Message.JSON(false): %v, want jose.ErrLimit", n, err)
				}
			case !errors.Is(err, jose.ErrLimit):
				t.Errorf("last name %d (flattened %v): %v, want jose.ErrLimit", n, flat, err)
			case n == lo-1000:
				t.Errorf("last name %d (flattened %v): %v, want it written", n, flat, err)
			}
		}
	}
}
