package vectors

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"strings"

	"github.com/lwscrypto/lwscrypto/internal/jsonvalue"
	"github.com/lwscrypto/lwscrypto/lecp"
)

// CBORTestVectors runs cbor/test-vectors appendix_a.json (RFC 8949 Appendix
// A) against lecp. Each of the 82 items is one case: the item f818 must be
// rejected (RFC 8949 §3.3, RFC 7049 erratum 5917); every other item must be
// accepted with the same events whole, one byte per Write, split at every
// offset and through the pull decoder; its diagnostic notation must be the
// "diagnostic" text where one is given; its JSON conversion must equal
// "decoded" where that is given (numbers compared by exact value); and
// where "roundtrip" is true, re-encoding the events in preferred
// serialization must give the same bytes.
//
// Its diagnostic notation read back into CBOR (lecp.FromDiag, from
// lecp.AppendDiagExact's text and from the "diagnostic" text) is a second
// line, "cbor-test-vectors/appendix_a.json (diag)": one exact case per
// item but f818, one diagnostic case per item with a "diagnostic" (see
// cbor_diag.go for how each is judged).
var CBORTestVectors = Runner{Name: "cbor-test-vectors", Run: runCBORTestVectors}

type cborVector struct {
	Hex        string          `json:"hex"`
	Roundtrip  bool            `json:"roundtrip"`
	Decoded    json.RawMessage `json:"decoded"`
	Diagnostic string          `json:"diagnostic"`
}

func runCBORTestVectors(dir string, progress func(string)) ([]Result, error) {
	const file = "appendix_a.json"
	if progress != nil {
		progress(file)
	}
	b, err := os.ReadFile(filepath.Join(dir, file))
	if err != nil {
		return nil, fmt.Errorf("vectors: cbor-test-vectors: %w", err)
	}
	r := Result{Name: "cbor-test-vectors/" + file}
	var items []cborVector
	if err := json.Unmarshal(b, &items); err != nil {
		// A file that cannot be decoded is a failure of that file,
		// named with where decoding stopped; the rest of the report
		// stands.
		r.Fail("file: %v", jsonFileError(file, b, err))
		return []Result{r}, nil
	}
	rd := Result{Name: cborDiagName(file)}
	for i, it := range items {
		id := fmt.Sprintf("#%d %s", i, it.Hex)
		r.Check(id, cborCase(it))
		cborDiagCases(&rd, i, it)
	}
	return []Result{r, rd}, nil
}

func cborCase(it cborVector) error {
	in, err := hex.DecodeString(it.Hex)
	if err != nil {
		return err
	}
	whole, werr := cborEvents(in, len(in))
	if it.Hex == "f818" {
		var se *lecp.SyntaxError
		if !errors.As(werr, &se) || !errors.Is(werr, lecp.ErrSimple) {
			return fmt.Errorf("not rejected as a two-byte simple value below 32 (erratum 5917): %v", werr)
		}
		return nil
	}
	if werr != nil {
		return werr
	}
	if err := lecp.Check(in, nil); err != nil {
		return fmt.Errorf("Check: %w", err)
	}
	for n := 1; n < len(in); n++ {
		got, err := cborEvents(in, n)
		if err != nil || got != whole {
			return fmt.Errorf("events differ with writes of %d bytes: %v", n, err)
		}
	}
	for i := 1; i < len(in); i++ {
		got, err := cborEventsSplit(in, i)
		if err != nil || got != whole {
			return fmt.Errorf("events differ when split at %d: %v", i, err)
		}
	}
	if got, err := cborTokens(in); err != nil || got != whole {
		return fmt.Errorf("pull decoder tokens differ from events: %v", err)
	}
	if it.Diagnostic != "" {
		d, err := lecp.AppendDiag(nil, in, nil)
		if err != nil || string(d) != it.Diagnostic {
			return fmt.Errorf("diagnostic notation %q (%v), want %q", d, err, it.Diagnostic)
		}
	}
	if it.Decoded != nil {
		j, err := lecp.AppendJSON(nil, in, nil)
		if err != nil {
			return fmt.Errorf("to JSON: %w", err)
		}
		if !jsonvalue.Equal(j, it.Decoded) {
			return fmt.Errorf("to JSON %s, want %s", j, it.Decoded)
		}
	}
	var w lecp.Writer
	d := lecp.NewDecoderBytes(in, nil)
	for {
		t, err := d.ReadToken()
		if err == io.EOF {
			break
		}
		if err != nil {
			return err
		}
		w.WriteToken(t)
	}
	re, err := w.Bytes()
	if err != nil {
		return fmt.Errorf("re-encoding: %w", err)
	}
	if it.Roundtrip && !bytes.Equal(re, in) {
		return fmt.Errorf("re-encoded as %x", re)
	}
	if err := lecp.Check(re, nil); err != nil {
		return fmt.Errorf("re-encoding %x rejected: %v", re, err)
	}
	return nil
}

func cborEventLine(sb *strings.Builder, k lecp.Kind, indef bool, u uint64, f float64, v []byte) {
	fmt.Fprintf(sb, "%s %t %d %x %x\n", k, indef, u, math.Float64bits(f), v)
}

// cborEvents feeds in to a Parser in writes of n bytes and renders the events.
func cborEvents(in []byte, n int) (string, error) {
	return cborPush(in, func(i int) int { return n })
}

// cborEventsSplit feeds in[:i] then the rest.
func cborEventsSplit(in []byte, i int) (string, error) {
	return cborPush(in, func(k int) int {
		if k == 0 {
			return i
		}
		return len(in)
	})
}

func cborPush(in []byte, size func(int) int) (string, error) {
	var sb strings.Builder
	p, err := lecp.NewParser(lecp.HandlerFunc(func(p *lecp.Parser, ev *lecp.Event) error {
		cborEventLine(&sb, ev.Kind, ev.Indefinite, ev.Uint, ev.Float, ev.Value)
		return nil
	}), nil)
	if err != nil {
		return "", err
	}
	for k := 0; len(in) > 0; k++ {
		n := min(size(k), len(in))
		if _, err := p.Write(in[:n]); err != nil {
			return "", err
		}
		in = in[n:]
	}
	return sb.String(), p.Close()
}

func cborTokens(in []byte) (string, error) {
	var sb strings.Builder
	d := lecp.NewDecoderBytes(in, nil)
	for {
		t, err := d.ReadToken()
		if err == io.EOF {
			return sb.String(), nil
		}
		if err != nil {
			return "", err
		}
		cborEventLine(&sb, t.Kind, t.Indefinite, t.Uint, t.Float, t.Value)
	}
}
