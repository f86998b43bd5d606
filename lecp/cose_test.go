package lecp

import (
	"bytes"
	"encoding/hex"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/lwscrypto/lwscrypto/internal/testenv"
)

var update = flag.Bool("update", false, "rewrite the golden trace files in testdata/golden")

// coseExamples returns the output.cbor of every cose-wg example, by file
// (coseDiags read it).
func coseExamples(t testing.TB) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	for name, ex := range coseDiags(t) {
		if c, err := hex.DecodeString(ex[1]); err == nil && len(c) > 0 {
			out[name] = c
		}
	}
	return out
}

// TestCOSEExamples: every cose-wg example message is well-formed CBOR, reads
// the same whole and byte by byte, and re-encodes stably.
func TestCOSEExamples(t *testing.T) {
	ex := coseExamples(t)
	if len(ex) < 250 {
		t.Fatalf("only %d examples with output.cbor", len(ex))
	}
	for name, b := range ex {
		if err := Check(b, nil); err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		whole := tracePush(b, nil, nil)
		if got := tracePush(b, nil, func(int) int { return 1 }); got != whole {
			t.Errorf("%s: byte by byte differs", name)
		}
		re := reencode(t, b)
		if !bytes.Equal(reencode(t, re), re) {
			t.Errorf("%s: re-encoding not stable", name)
		}
	}
}

// coseGolden are the COSE messages whose event traces are kept in
// testdata/golden, with the path patterns a COSE reader would use.
var coseGolden = []string{
	"RFC8152/Appendix_C_2_1.json", // COSE_Sign1
	"RFC8152/Appendix_C_1_1.json", // COSE_Sign
	"RFC8152/Appendix_C_4_1.json", // COSE_Encrypt0
	"RFC8152/Appendix_C_5_1.json", // COSE_Mac
	"CWT/A_3.json",                // CWT in COSE_Sign1
}

var cosePatterns = []string{"[0]", "[1].4", "[1].1", "[2]", "[3][].*", "[1]"}

// traceCapture traces data with the COSE patterns, capturing the raw bytes of
// every item that matches pattern 0 (the protected header bucket).
func traceCapture(data []byte) string {
	var sb strings.Builder
	p, err := NewParser(HandlerFunc(func(p *Parser, ev *Event) error {
		sb.WriteString(traceLine(ev, p.Path()))
		sb.WriteByte('\n')
		if ev.Pattern == 0 && ev.Kind != Raw && !ev.Kind.IsEnd() {
			p.Capture()
		}
		return nil
	}), nil, cosePatterns...)
	if err != nil {
		return err.Error()
	}
	if _, err := p.Write(data); err != nil {
		return sb.String() + "error: " + err.Error() + "\n"
	}
	if err := p.Close(); err != nil {
		return sb.String() + "error: " + err.Error() + "\n"
	}
	return sb.String()
}

// TestGoldenTraces compares event traces (kind, value, path, matching
// pattern, captured raw bytes) with the files in testdata/golden; run with
// -update to rewrite them after a deliberate change.
func TestGoldenTraces(t *testing.T) {
	ex := coseExamples(t)
	cases := map[string][]byte{
		"appendix-nested.trace":    testenv.Hex(t, "bf61610161629f0203ffff"),
		"appendix-bignum.trace":    testenv.Hex(t, "c249010000000000000000"),
		"appendix-indef-str.trace": testenv.Hex(t, "5f42010243030405ff"),
		"int-keys.trace":           testenv.Hex(t, "a3 01 26 20 01 21 58 20 6b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c296"),
	}
	for _, name := range coseGolden {
		b, ok := ex[name]
		if !ok {
			t.Fatalf("example %s missing", name)
		}
		cases["cose-"+strings.ReplaceAll(strings.TrimSuffix(name, ".json"), "/", "-")+".trace"] = b
	}
	for name, b := range cases {
		got := traceCapture(b)
		if all := traceCaptureAll(b, nil, nil); !strings.Contains(all, "raw") || all != traceCaptureAll(b, nil, func(int) int { return 1 }) {
			t.Errorf("%s: capture without patterns not the same when split byte by byte:\n%s", name, all)
		}
		if got != traceCapture(b) || got != tracePushCapture1(b) {
			t.Errorf("%s: trace not the same when split byte by byte", name)
		}
		file := filepath.Join("testdata", "golden", name)
		if *update {
			if err := os.WriteFile(file, []byte(got), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(file)
		if err != nil {
			t.Fatalf("%v (run go test -run GoldenTraces -update)", err)
		}
		if got != string(want) {
			t.Errorf("%s differs:\n--- got\n%s\n--- want\n%s", name, got, want)
		}
	}
}

// tracePushCapture1 is traceCapture fed one byte at a time.
func tracePushCapture1(data []byte) string {
	var sb strings.Builder
	p, _ := NewParser(HandlerFunc(func(p *Parser, ev *Event) error {
		sb.WriteString(traceLine(ev, p.Path()))
		sb.WriteByte('\n')
		if ev.Pattern == 0 && ev.Kind != Raw && !ev.Kind.IsEnd() {
			p.Capture()
		}
		return nil
	}), nil, cosePatterns...)
	for i := range data {
		if _, err := p.Write(data[i : i+1]); err != nil {
			return sb.String() + "error: " + err.Error() + "\n"
		}
	}
	if err := p.Close(); err != nil {
		return sb.String() + "error: " + err.Error() + "\n"
	}
	return sb.String()
}
