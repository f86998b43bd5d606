package jws

import (
	"errors"
	"strings"
	"testing"

	"github.com/lwscrypto/lwscrypto/jose"
)

// TestJSONUnprotectedDepth: what SignJSON and Message.JSON write,
// ParseJSON must read. An unprotected header is checked alone (NewSigner,
// ParseHeader: depth ≤ jose.MaxDepth), but in a serialization it sits one
// level deeper (flattened: {"header":{…}}) or three ({"signatures":
// [{"header":{…}}]}), and ParseJSON bounds the whole message by
// jose.MaxDepth. A header member nested too deep for its place must be
// refused when writing (jose.ErrLimit, as ParseJSON refuses it), and one
// that fits must be written. Message.JSON turns a flattened message into a
// general one, two levels deeper.
func TestJSONUnprotectedDepth(t *testing.T) {
	secret := []byte(strings.Repeat("k", 32))
	nested := func(n int) []byte { return []byte(strings.Repeat("[", n) + strings.Repeat("]", n)) }
	check := func(what string, n, fits int, b []byte, err error) {
		t.Helper()
		switch {
		case n <= fits && err != nil:
			t.Errorf("%s, member %d deep: %v, want it written", what, n, err)
		case n > fits && !errors.Is(err, jose.ErrLimit):
			_, perr := ParseJSON(b)
			t.Errorf("%s, member %d deep: error %v, want jose.ErrLimit (ParseJSON of what was written: %v)", what, n, err, perr)
		case err == nil:
			if _, err := ParseJSON(b); err != nil {
				t.Errorf("%s, member %d deep: ParseJSON of what was written: %v", what, n, err)
			}
		}
	}
	// a header member's value sits in the top object and the header
	// object (flattened), or also in "signatures" and its element
	const fitsFlat, fitsGeneral = jose.MaxDepth - 2, jose.MaxDepth - 4
	for n := fitsGeneral; n <= fitsFlat+1; n++ {
		k := SigningKey{Alg: "HS256", Key: secret, Unprotected: []jose.Member{{Name: "x", Value: nested(n)}}}
		b, err := SignJSON([]byte("hi"), []SigningKey{k}, true, nil)
		check("SignJSON flattened", n, fitsFlat, b, err)
		b, err = SignJSON([]byte("hi"), []SigningKey{k}, false, nil)
		check("SignJSON general", n, fitsGeneral, b, err)
		flat, err := SignJSON([]byte("hi"), []SigningKey{k}, true, nil)
		if err != nil {
			continue
		}
		m, err := ParseJSON(flat)
		if err != nil {
			continue
		}
		b, err = m.JSON(false)
		check("Message.JSON general of a flattened message", n, fitsGeneral, b, err)
	}
}
