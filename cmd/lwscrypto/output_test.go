package main

import (
	"errors"
	"strings"
	"testing"
)

// brokenWriter fails every write, as a closed pipe or a full disk does.
type brokenWriter struct{}

func (brokenWriter) Write([]byte) (int, error) { return 0, errors.New("broken pipe") }

// TestOutputFailure: when standard output cannot be written, every
// command that writes there fails with exit 1 and says the output failed,
// small output (written at the end) and large (written as it goes) alike;
// none reports success.
func TestOutputFailure(t *testing.T) {
	big := `{"a":[` + strings.Repeat(`"xxxxxxxxxxxxxxxx",`, 2000) + `1]}`
	for _, c := range []struct {
		stdin string
		args  []string
	}{
		{`{"a":1}`, []string{"json", "get", "a"}},
		{big, []string{"json", "get", "a[]"}},
		{`{"a":1}`, []string{"json", "events"}},
		{big, []string{"json", "events"}},
		{"a16161 01", []string{"cbor", "get", "a", "--hex"}},
		{"a16161 01", []string{"cbor", "diag", "--hex"}},
		{"a16161 01", []string{"cbor", "to-json", "--hex"}},
		{`{"a":1}`, []string{"cbor", "from-json", "--hex"}},
		{big, []string{"cbor", "from-json", "--hex"}},
		{"", []string{"version"}},
		{"", []string{"jwk", "gen", "--alg", "ES256"}},
		{`{"kty":"oct","k":"AAAA"}`, []string{"jwk", "thumbprint"}},
		{`{"kty":"OKP","crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}`, []string{"jwk", "pub"}},
		{"eyJhbGciOiJIUzI1NiJ9.eyJpc3MiOiJhIn0.AAAA", []string{"jwt", "inspect"}},
	} {
		var errb strings.Builder
		code := Main(c.args, strings.NewReader(c.stdin), brokenWriter{}, &errb)
		if code != 1 || errb.String() != "lwscrypto: error: writing output: broken pipe\n" {
			t.Errorf("%v (%d bytes in): exit %d, stderr %q; want 1 and \"writing output: broken pipe\"", c.args, len(c.stdin), code, errb.String())
		}
	}
}
