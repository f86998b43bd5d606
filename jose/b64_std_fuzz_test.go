package jose

import (
	"bytes"
	"encoding/base64"
	"errors"
	"testing"
)

// FuzzBase64URLStd holds the strict base64url decoder to encoding/base64's
// RawURLEncoding.Strict(), a second implementation: on input without '\r'
// or '\n' (which the standard decoder skips, and which ours refuses), both
// accept the same inputs and give the same bytes; with them ours refuses;
// ValidBase64URL and AppendBase64URLDecode (onto a non-empty dst) say the
// same as DecodeBase64URL, and a refusal wraps ErrMalformed. FuzzBase64URL
// checks only that what is accepted re-encodes to itself.
func FuzzBase64URLStd(f *testing.F) {
	for _, s := range []string{"", "YQ", "YR", "YQ==", "YW\nJj", "_-8", "+/", "YWJj", "Y", "YWJjZA", "YWJjZB", "YW Jj", "YWJj\r"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		got, err := DecodeBase64URL(in)
		if err != nil && !errors.Is(err, ErrMalformed) {
			t.Fatalf("%q: %v does not wrap ErrMalformed", in, err)
		}
		if ValidBase64URL(in) != (err == nil) {
			t.Fatalf("%q: ValidBase64URL %v, DecodeBase64URL %v", in, ValidBase64URL(in), err)
		}
		app, aerr := AppendBase64URLDecode([]byte("x"), in)
		if (aerr == nil) != (err == nil) || err == nil && (string(app[:1]) != "x" || !bytes.Equal(app[1:], got)) {
			t.Fatalf("%q: AppendBase64URLDecode %q, %v; DecodeBase64URL %q, %v", in, app, aerr, got, err)
		}
		if bytes.ContainsAny(in, "\r\n") {
			if err == nil {
				t.Fatalf("%q: accepted with a line break", in)
			}
			return
		}
		want, serr := base64.RawURLEncoding.Strict().DecodeString(string(in))
		if (serr == nil) != (err == nil) || err == nil && !bytes.Equal(got, want) {
			t.Fatalf("%q: ours %x, %v; encoding/base64 %x, %v", in, got, err, want, serr)
		}
	})
}
