package jose

import (
	"bytes"
	"encoding/base64"
	"errors"
	"testing"
)

func TestBase64URLStrict(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want string // hex-free: the decoded text, or "" with bad=true
		bad  bool
	}{
		{"", "", false},
		{"YQ", "a", false},
		{"YWI", "ab", false},
		{"YWJj", "abc", false},
		{"_-8", "\xff\xef", false},
		{"YQ==", "", true},   // padding
		{"YR", "", true},     // non-zero trailing bits (RFC 4648 §3.5)
		{"YWJ", "", true},    // non-zero trailing bits
		{"Y", "", true},      // length 1 mod 4
		{"YW\nJj", "", true}, // line break: the stdlib decoder would skip it
		{"YW\rJj", "", true},
		{"YW Jj", "", true},
		{"YW+j", "", true}, // standard alphabet, not URL
		{"YW/j", "", true},
		{"YWJj\x00", "", true},
	} {
		got, err := DecodeBase64URL([]byte(tc.in))
		if tc.bad {
			if err == nil || !errors.Is(err, ErrMalformed) {
				t.Errorf("DecodeBase64URL(%q) = %q, %v; want ErrMalformed", tc.in, got, err)
			}
			if ValidBase64URL([]byte(tc.in)) {
				t.Errorf("ValidBase64URL(%q) = true", tc.in)
			}
			continue
		}
		if err != nil || string(got) != tc.want {
			t.Errorf("DecodeBase64URL(%q) = %q, %v; want %q", tc.in, got, err, tc.want)
		}
	}
}

func TestAppendBase64URLRoundTrip(t *testing.T) {
	for n := 0; n < 70; n++ {
		src := bytes.Repeat([]byte{byte(n * 7)}, n)
		enc := AppendBase64URL([]byte("x."), src)
		if string(enc[2:]) != base64.RawURLEncoding.EncodeToString(src) {
			t.Fatalf("n=%d: encoding %q", n, enc)
		}
		dec, err := AppendBase64URLDecode([]byte("y"), enc[2:])
		if err != nil || !bytes.Equal(dec[1:], src) || dec[0] != 'y' {
			t.Fatalf("n=%d: decode %q, %v", n, dec, err)
		}
	}
}

func TestBase64URLDecodeAllocs(t *testing.T) {
	src := AppendBase64URL(nil, bytes.Repeat([]byte("payload"), 100))
	dst := make([]byte, 0, 1024)
	if n := testing.AllocsPerRun(100, func() {
		if _, err := AppendBase64URLDecode(dst[:0], src); err != nil {
			t.Fatal(err)
		}
	}); n != 0 {
		t.Errorf("AppendBase64URLDecode into a sized buffer: %v allocs, want 0", n)
	}
}

func FuzzBase64URL(f *testing.F) {
	for _, s := range []string{"", "YQ", "YR", "YQ==", "YW\nJj", "_-8"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		dec, err := DecodeBase64URL(in)
		if err != nil {
			return
		}
		// Strict decoding is injective: re-encoding gives the input back.
		if re := AppendBase64URL(nil, dec); !bytes.Equal(re, in) {
			t.Fatalf("%q decoded to %x re-encodes as %q", in, dec, re)
		}
	})
}

// TestAppendBase64URLGrowth: appending many pieces to one slice costs
// O(log n) allocations and O(n) copying, as append does. On the base each
// call that found no room made a new array of exactly the size needed, so
// 1,000 appends of 4 bytes made 1,000 arrays and copied about 2 MB.
func TestAppendBase64URLGrowth(t *testing.T) {
	const pieces = 1000
	enc := testing.AllocsPerRun(5, func() {
		var dst []byte
		for range pieces {
			dst = AppendBase64URL(dst, []byte("abc"))
		}
	})
	dec := testing.AllocsPerRun(5, func() {
		var dst []byte
		for range pieces {
			var err error
			if dst, err = AppendBase64URLDecode(dst, []byte("YWJj")); err != nil {
				t.Fatal(err)
			}
		}
	})
	// append's policy: about 2× while small, then 1.25×; 4,000 bytes
	// take about 12 arrays.
	if enc > 32 || dec > 32 {
		t.Errorf("%d appends: %v allocations encoding, %v decoding, want at most 32", pieces, enc, dec)
	}
}
