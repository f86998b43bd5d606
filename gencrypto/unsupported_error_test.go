package gencrypto_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/lwscrypto/lwscrypto/gencrypto"
	"github.com/lwscrypto/lwscrypto/internal/testenv"
)

// TestUnsupportedErrorDetail: every field of UnsupportedError is exported,
// so a caller outside the package can build the very value an operation
// returns (to compare with, or to return from a wrapper) and the message
// it gives. Under fips140=only the KDF refusals carry which input the mode
// refuses in Detail; the test re-runs itself in a child process there.
func TestUnsupportedErrorDetail(t *testing.T) {
	e := gencrypto.UnsupportedError{Algorithm: "PBKDF2-SHA256", Backend: "std", Primitive: gencrypto.PrimPBKDF2,
		NotApproved: true, Detail: "a salt shorter than 128 bits"}
	if msg := e.Error(); !strings.Contains(msg, "PBKDF2-SHA256 with a salt shorter than 128 bits") {
		t.Errorf("Error() = %q, want the algorithm and the refused input", msg)
	}
	if !errors.Is(&e, gencrypto.ErrUnsupported) {
		t.Error("errors.Is(UnsupportedError, ErrUnsupported) is false")
	}
	if !testenv.FIPSOnly(t, "fips140=only detail checks done") {
		return
	}
	for _, tc := range []struct {
		call func() error
		want gencrypto.UnsupportedError
	}{
		{func() error {
			_, err := gencrypto.HKDFSHA256().Derive(make([]byte, 13), nil, nil, 32)
			return err
		}, gencrypto.UnsupportedError{Algorithm: "HKDF-SHA256", Backend: "std", Primitive: gencrypto.PrimHKDF,
			NotApproved: true, Detail: "a secret shorter than 112 bits"}},
		{func() error {
			_, err := gencrypto.PBKDF2SHA384().Derive([]byte("pw"), make([]byte, 15), 1000, 16)
			return err
		}, gencrypto.UnsupportedError{Algorithm: "PBKDF2-SHA384", Backend: "std", Primitive: gencrypto.PrimPBKDF2,
			NotApproved: true, Detail: "a salt shorter than 128 bits"}},
		{func() error {
			_, err := gencrypto.PBKDF2SHA512().Derive([]byte("pw"), make([]byte, 16), 1000, 13)
			return err
		}, gencrypto.UnsupportedError{Algorithm: "PBKDF2-SHA512", Backend: "std", Primitive: gencrypto.PrimPBKDF2,
			NotApproved: true, Detail: "an output shorter than 112 bits"}},
		{func() error {
			_, err := gencrypto.ChaCha20Poly1305().New(make([]byte, 32))
			return err
		}, gencrypto.UnsupportedError{Algorithm: "ChaCha20/Poly1305", Backend: "std", Primitive: gencrypto.PrimChaCha20Poly1305,
			NotApproved: true}},
	} {
		var ue *gencrypto.UnsupportedError
		if err := tc.call(); !errors.As(err, &ue) || *ue != tc.want {
			t.Errorf("%v: want %#v", err, tc.want)
		} else if ue.Error() != tc.want.Error() {
			t.Errorf("message %q, the built value's %q", ue.Error(), tc.want.Error())
		}
	}
	t.Log("fips140=only detail checks done")
}
