package jose

import (
	"errors"
	"testing"
)

// TestDocClaimsMembersAndB64 pins godoc claims no other test holds: Int
// takes an integer without fraction or exponent that fits int64; Strings
// of [] is empty and non-nil (an absent member is the nil slice); B64 is
// true when "b64" is absent from a header made by ParseHeader or Join,
// false in the zero Header.
func TestDocClaimsMembersAndB64(t *testing.T) {
	for v, want := range map[string]int64{"0": 0, "-0": 0, "-12": -12, "9223372036854775807": 1<<63 - 1, "-9223372036854775808": -1 << 63} {
		if n, err := (Member{Name: "i", Value: []byte(v)}).Int(); err != nil || n != want {
			t.Errorf("Int(%s) = %d, %v; want %d", v, n, err, want)
		}
	}
	for _, v := range []string{"1.0", "1e2", "1E0", "9223372036854775808", "-9223372036854775809", `"1"`, "01"} {
		if n, err := (Member{Name: "i", Value: []byte(v)}).Int(); !errors.Is(err, ErrMalformed) {
			t.Errorf("Int(%s) = %d, %v; want ErrMalformed", v, n, err)
		}
	}
	if s, err := (Member{Name: "key_ops", Value: []byte(`[]`)}).Strings(); err != nil || s == nil || len(s) != 0 {
		t.Errorf("Strings([]) = %#v, %v; want an empty non-nil slice", s, err)
	}
	if (Header{}).B64 {
		t.Error("the zero Header has B64 true")
	}
	h, err := ParseHeader([]byte(`{"alg":"ES256"}`))
	if err != nil || !h.B64 {
		t.Fatalf("ParseHeader without b64: B64 %v, %v", h != nil && h.B64, err)
	}
	for _, pair := range [][2]*Header{{h, nil}, {nil, h}, {h, mustHeader(t, `{"kid":"k"}`)}} {
		if j, err := Join(pair[0], pair[1]); err != nil || !j.B64 {
			t.Errorf("Join without b64: %v, %v", j, err)
		}
	}
}

func mustHeader(t *testing.T, s string) *Header {
	t.Helper()
	h, err := ParseHeader([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return h
}
