package main

import (
	"errors"
	"os"
	"path/filepath"
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
		{bigCBORHex(), []string{"cbor", "get", "[]", "--hex"}},
		{"", []string{"version"}},
		{"", []string{"help"}},
		{"", []string{"help", "json", "get"}},
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

// bigCBORHex is an array of 4,096 one-letter text strings in hex: cbor get
// '[]' prints 16 KB for it, so its output fails while the parser runs.
func bigCBORHex() string {
	return "991000" + strings.Repeat("6161", 4096)
}

// TestMaxInput: a command that reads its input whole takes exactly
// maxInput bytes and refuses one more, from standard input and from a
// file, before parsing it (the limit is lowered here; it is 256 MiB).
func TestMaxInput(t *testing.T) {
	if maxInput != 256<<20 {
		t.Fatalf("maxInput is %d, documented as 256 MiB", maxInput)
	}
	defer func(n int) { maxInput = n }(maxInput)
	maxInput = 64
	doc := `{"a":"` + strings.Repeat("x", maxInput-8) + `"}`
	file := filepath.Join(t.TempDir(), "doc.json")
	for _, n := range []int{maxInput, maxInput + 1} {
		in := doc[:len(doc)-1] + strings.Repeat(" ", n-len(doc)) + "}"
		if err := os.WriteFile(file, []byte(in), 0o600); err != nil {
			t.Fatal(err)
		}
		for _, args := range [][]string{{"cbor", "from-json", "--hex"}, {"cbor", "from-json", "--hex", file}} {
			code, _, errOut := runCLI(t, in, args...)
			if n == maxInput && code != 0 {
				t.Errorf("%d bytes, %v: exit %d, %q", n, args[3:], code, errOut)
			}
			if n > maxInput && (code != 1 || !strings.Contains(errOut, "input larger than 64 bytes")) {
				t.Errorf("%d bytes, %v: exit %d, %q; want 1 and the limit", n, args[3:], code, errOut)
			}
		}
	}
}
