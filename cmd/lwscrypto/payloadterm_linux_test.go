package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// jws verify writes the payload byte for byte, so it cannot escape it; a
// payload a terminal would act on (ESC, C1 controls, bidi overrides,
// bytes that are not UTF-8) is refused on a terminal, as age refuses
// unprintable plaintext ("force with -o -"). Before the fix it went raw to
// the terminal. Printable text (tabs, CR/LF, any UTF-8) is printed; a CR
// not before LF is not printable (it returns to the line's start, so what
// follows hides what came before: "real\rfake" shows "fake").
func TestJWSVerifyPayloadToTerminal(t *testing.T) {
	dir := t.TempDir()
	key := filepath.Join(dir, "k.jwk")
	mustRunCLI(t, "", "jwk", "gen", "--alg", "HS256", "-o", key)
	sign := func(payload string) string {
		f := filepath.Join(dir, "tok")
		if err := os.WriteFile(f, []byte(mustRunCLI(t, payload, "jws", "sign", "--key", key)), 0o600); err != nil {
			t.Fatal(err)
		}
		return f
	}
	for _, p := range []string{"\x1b[2Jok", "a\u009bb", "x\u202ey", "\xff\xfe", "real\rfake"} {
		tok := sign(p)
		ptmx, pts := openPTY(t)
		var errb strings.Builder
		code := Main([]string{"jws", "verify", "--key", key, tok}, strings.NewReader(""), pts, &errb)
		if code != 2 || !strings.Contains(errb.String(), "terminal") || !strings.Contains(errb.String(), "-o -") {
			t.Errorf("payload %q to a terminal: exit %d, stderr %q; want exit 2, a refusal and the -o - hint", p, code, errb.String())
		}
		if got := readPTY(t, ptmx, pts); got != "" {
			t.Errorf("payload %q: the terminal got %q", p, got)
		}
		errb.Reset()
		if code := Main([]string{"jws", "verify", "--key", key, "-o", "-", tok}, strings.NewReader(""), pts, &errb); code != 0 {
			t.Errorf("payload %q with -o -: exit %d, %q; want 0 (forced)", p, code, errb.String())
		}
	}
	tok := sign("text\twith\r\nlines and ünïcödé\n")
	ptmx, pts := openPTY(t)
	var errb strings.Builder
	if code := Main([]string{"jws", "verify", "--key", key, tok}, strings.NewReader(""), pts, &errb); code != 0 {
		t.Fatalf("printable payload: exit %d, %q", code, errb.String())
	}
	if got := readPTY(t, ptmx, pts); !strings.Contains(got, "ünïcödé") {
		t.Errorf("printable payload: terminal got %q", got)
	}
}

// jws sign --unencoded writes the payload as it is inside the JWS: compact,
// byte for byte (refused on a terminal when a terminal would act on it, as
// jws verify refuses; -o - forces it), and with --json as a JSON string,
// escaped on a terminal as every JSON text is (terminalJSON). Before the
// fix both went raw to the terminal.
func TestJWSSignUnencodedToTerminal(t *testing.T) {
	dir := t.TempDir()
	key := filepath.Join(dir, "k.jwk")
	mustRunCLI(t, "", "jwk", "gen", "--alg", "HS256", "-o", key)
	const payload = "\x1b[2Jok\u009b\u202e"
	ptmx, pts := openPTY(t)
	var errb strings.Builder
	code := Main([]string{"jws", "sign", "--key", key, "--unencoded"}, strings.NewReader(payload), pts, &errb)
	if code != 2 || !strings.Contains(errb.String(), "-o -") {
		t.Errorf("compact to a terminal: exit %d, stderr %q; want exit 2 and the -o - hint", code, errb.String())
	}
	if got := readPTY(t, ptmx, pts); got != "" {
		t.Errorf("compact: the terminal got %q", got)
	}
	errb.Reset()
	if code := Main([]string{"jws", "sign", "--key", key, "--unencoded", "-o", "-"}, strings.NewReader(payload), pts, &errb); code != 0 {
		t.Errorf("compact with -o -: exit %d, %q; want 0 (forced)", code, errb.String())
	}
	readPTY(t, ptmx, pts)
	errb.Reset()
	if code := Main([]string{"jws", "sign", "--key", key, "--unencoded", "--json"}, strings.NewReader(payload), pts, &errb); code != 0 {
		t.Fatalf("--json: exit %d, %q", code, errb.String())
	}
	if got := readPTY(t, ptmx, pts); strings.ContainsAny(got, "\x1b\u009b\u202e") || !strings.Contains(got, `\u009b`) {
		t.Errorf("--json to a terminal: %q; want the payload escaped", got)
	}
	// Encoded payloads are base64url: printed as ever.
	if code := Main([]string{"jws", "sign", "--key", key}, strings.NewReader(payload), pts, &errb); code != 0 {
		t.Errorf("encoded: exit %d, %q", code, errb.String())
	}
}
