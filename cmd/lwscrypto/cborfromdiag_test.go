package main

import (
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/lwscrypto/lwscrypto/internal/testenv"
)

// TestCBORFromDiagRoundTrip: a cose-wg example's cbor_diag, through
// cbor from-diag, is its cbor; cbor diag of that, through cbor from-diag
// again, is the same bytes, from a file and from standard input.
func TestCBORFromDiagRoundTrip(t *testing.T) {
	b, err := os.ReadFile(testenv.VectorsFile(t, "cose-wg-examples/sign1-tests/sign-pass-01.json"))
	if err != nil {
		t.Fatal(err)
	}
	var ex struct {
		Output struct {
			CBOR string `json:"cbor"`
			Diag string `json:"cbor_diag"`
		} `json:"output"`
	}
	if err := json.Unmarshal(b, &ex); err != nil {
		t.Fatal(err)
	}
	want := strings.ToLower(ex.Output.CBOR) + "\n"
	if got := mustRunCLI(t, ex.Output.Diag, "cbor", "from-diag", "--hex"); got != want {
		t.Fatalf("from-diag: %q, want %q", got, want)
	}
	diag := mustRunCLI(t, want, "cbor", "diag", "--hex")
	file := filepath.Join(t.TempDir(), "msg.edn")
	if err := os.WriteFile(file, []byte(diag), 0o600); err != nil {
		t.Fatal(err)
	}
	if got := mustRunCLI(t, "", "cbor", "from-diag", "--hex", file); got != want {
		t.Errorf("from-diag of cbor diag: %q, want %q", got, want)
	}
	// binary to -o
	out := filepath.Join(t.TempDir(), "msg.cbor")
	mustRunCLI(t, diag, "cbor", "from-diag", "-o", out)
	if got, _ := os.ReadFile(out); hex.EncodeToString(got)+"\n" != want {
		t.Errorf("-o: %x", got)
	}
}

// TestCBORFromDiagFlags: --seq and --deterministic.
func TestCBORFromDiagFlags(t *testing.T) {
	if got := mustRunCLI(t, `1, "a", [_ 2]`, "cbor", "from-diag", "--hex", "--seq"); got != "0161619f02ff\n" {
		t.Errorf("--seq: %q", got)
	}
	if got := mustRunCLI(t, `{"b": 1, "a": 2}`, "cbor", "from-diag", "--hex", "--deterministic"); got != "a2616102616201\n" {
		t.Errorf("--deterministic: %q", got)
	}
	if got := mustRunCLI(t, "", "cbor", "from-diag", "--hex", "--seq"); got != "\n" {
		t.Errorf("empty sequence: %q", got)
	}
}

// TestCBORFromDiagErrors: refused text is exit 1 with the offset, and
// nothing on standard output; a usage error is exit 2.
func TestCBORFromDiagErrors(t *testing.T) {
	for _, c := range []struct {
		stdin string
		args  []string
		code  int
		err   string
	}{
		{"[1, , 2]", nil, 1, "lwscrypto: error: standard input: lecp: invalid diagnostic notation: unexpected \",\" at offset 4 (path [1])\n"},
		{"{1: 1, 1: 2}", nil, 1, "lwscrypto: error: standard input: lecp: duplicate map key at offset 7\n"},
		{"1000_0", nil, 1, "lwscrypto: error: standard input: lecp: invalid diagnostic notation: encoding indicator _0 cannot hold 1000 at offset 4\n"},
		{"dt'2020-01-01'", nil, 1, "lwscrypto: error: standard input: lecp: invalid diagnostic notation: application-extension literal \"dt\"'...' not supported at offset 0\n"},
		{"[1", nil, 1, "lwscrypto: error: standard input: lecp: unexpected end of input at offset 2 (path [1])\n"},
		{"1, 2", nil, 1, "lwscrypto: error: standard input: lecp: data after top-level item at offset 1\nlwscrypto: hint: more than one item: use --seq for a sequence\n"},
		{"1_0", []string{"--deterministic"}, 1, "lwscrypto: error: standard input: lecp: not core deterministic encoding at offset 1\n"},
		{"1", []string{"--frob"}, 2, ""},
	} {
		args := append([]string{"cbor", "from-diag", "--hex"}, c.args...)
		code, out, errOut := runCLI(t, c.stdin, args...)
		if code != c.code || out != "" || c.err != "" && errOut != c.err || c.err == "" && !strings.Contains(errOut, "lwscrypto: error: ") {
			t.Errorf("%q %v: exit %d, stdout %q, stderr %q; want exit %d, stderr %q", c.stdin, c.args, code, out, errOut, c.code, c.err)
		}
	}
}

// TestCBORDiagExactSeq: cbor diag --seq writes one item a line, the
// lines of a sequence ending in commas (RFC 8742 §4.2), and with --exact
// the encoding indicators, so that cbor from-diag --seq gives back the
// input byte for byte; without --exact, its preferred serialization.
func TestCBORDiagExactSeq(t *testing.T) {
	in := "1801 f97e01 fa3fc00000 9f5900010aff b9000118012626"
	diag := mustRunCLI(t, in, "cbor", "diag", "--hex", "--seq", "--exact")
	if want := "1_0,\nfloat'7e01',\n1.5_2,\n[_ h'0a'_1],\n{_1 1_0: -7},\n-7\n"; diag != want {
		t.Fatalf("diag --exact: %q, want %q", diag, want)
	}
	if got := mustRunCLI(t, diag, "cbor", "from-diag", "--hex", "--seq"); got != strings.ReplaceAll(in, " ", "")+"\n" {
		t.Errorf("from-diag of diag --exact: %q", got)
	}
	plain := mustRunCLI(t, in, "cbor", "diag", "--hex", "--seq")
	if want := "1,\nNaN,\n1.5,\n[_ h'0a'],\n{1: -7},\n-7\n"; plain != want {
		t.Fatalf("diag: %q, want %q", plain, want)
	}
	if got := mustRunCLI(t, plain, "cbor", "from-diag", "--hex", "--seq"); got != "01f97e00f93e009f410affa1012626\n" {
		t.Errorf("from-diag of diag: %q", got)
	}
	// one item: no comma; none: nothing
	if got := mustRunCLI(t, "1800", "cbor", "diag", "--hex", "--exact"); got != "0_0\n" {
		t.Errorf("one item: %q", got)
	}
	if got := mustRunCLI(t, "", "cbor", "diag", "--hex", "--seq"); got != "" {
		t.Errorf("empty sequence: %q", got)
	}
}
