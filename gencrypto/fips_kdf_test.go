package gencrypto_test

import (
	"errors"
	"testing"

	"github.com/lwscrypto/lwscrypto/gencrypto"
	"github.com/lwscrypto/lwscrypto/internal/testenv"
)

// TestFIPSOnlyKDFMinimums: under GODEBUG=fips140=only the Go Cryptographic
// Module refuses HKDF secrets shorter than 112 bits, and PBKDF2 salts
// shorter than 128 bits or outputs shorter than 112 bits (SP 800-132
// §5.1 and §5.3; crypto/hkdf and crypto/pbkdf2 check exactly these). Below
// those minimums the registry answers as for every other operation the
// mode does not approve: an *UnsupportedError with NotApproved set, up
// front, whichever backend was chosen, not the standard library's plain
// error. At the minimums every hash derives. The test re-runs itself in a
// child process, since the setting is read at start-up.
func TestFIPSOnlyKDFMinimums(t *testing.T) {
	if !testenv.FIPSOnly(t, "fips140=only KDF checks done") {
		return
	}
	const pw = "a long password"
	salt := make([]byte, 16)
	for _, a := range []*gencrypto.HKDF{gencrypto.HKDFSHA256(), gencrypto.HKDFSHA384(), gencrypto.HKDFSHA512()} {
		fipsKDFCase(t, a.Name()+" 13-byte secret", false, func(opt gencrypto.Option) ([]byte, error) {
			return a.Derive(make([]byte, 13), nil, nil, 32, opt)
		})
		fipsKDFCase(t, a.Name()+" 14-byte secret", true, func(opt gencrypto.Option) ([]byte, error) {
			return a.Derive(make([]byte, 14), nil, nil, 32, opt)
		})
		fipsKDFCase(t, a.Name()+" empty secret", false, func(opt gencrypto.Option) ([]byte, error) {
			return a.Derive(nil, salt, nil, 32, opt)
		})
		fipsKDFCase(t, a.Name()+" 1-byte output", true, func(opt gencrypto.Option) ([]byte, error) {
			return a.Derive(make([]byte, 32), nil, nil, 1, opt)
		})
	}
	for _, a := range []*gencrypto.PBKDF2{gencrypto.PBKDF2SHA256(), gencrypto.PBKDF2SHA384(), gencrypto.PBKDF2SHA512()} {
		fipsKDFCase(t, a.Name()+" 15-byte salt", false, func(opt gencrypto.Option) ([]byte, error) {
			return a.Derive([]byte(pw), salt[:15], 1000, 16, opt)
		})
		fipsKDFCase(t, a.Name()+" 16-byte salt", true, func(opt gencrypto.Option) ([]byte, error) {
			return a.Derive([]byte(pw), salt, 1000, 16, opt)
		})
		fipsKDFCase(t, a.Name()+" 13-byte output", false, func(opt gencrypto.Option) ([]byte, error) {
			return a.Derive([]byte(pw), salt, 1000, 13, opt)
		})
		fipsKDFCase(t, a.Name()+" 14-byte output", true, func(opt gencrypto.Option) ([]byte, error) {
			return a.Derive([]byte(pw), salt, 1000, 14, opt)
		})
	}
	t.Log("fips140=only KDF checks done")
}

// fipsKDFCase runs derive with the default backend and with a counting
// fake: when ok it must succeed on both; when not, both must be an
// *UnsupportedError with NotApproved, without a call to the fake.
func fipsKDFCase(t *testing.T, name string, ok bool, derive func(gencrypto.Option) ([]byte, error)) {
	t.Helper()
	fake := newFake()
	for _, opt := range []gencrypto.Option{gencrypto.WithBackend(nil), gencrypto.WithBackend(fake)} {
		out, err := derive(opt)
		if ok {
			if err != nil || len(out) == 0 {
				t.Errorf("%s: %d bytes, %v", name, len(out), err)
			}
			continue
		}
		var ue *gencrypto.UnsupportedError
		if out != nil || !errors.As(err, &ue) || !ue.NotApproved || !errors.Is(err, gencrypto.ErrUnsupported) {
			t.Errorf("%s: %d bytes, %v; want *UnsupportedError with NotApproved", name, len(out), err)
		}
	}
	if !ok && fake.calls.Load() != 0 {
		t.Errorf("%s reached the backend", name)
	}
}
