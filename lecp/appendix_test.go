package lecp

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"io"
	"os"
	"strings"
	"testing"

	"github.com/lwscrypto/lwscrypto/internal/jsonvalue"
	"github.com/lwscrypto/lwscrypto/internal/testenv"
)

type appendixItem struct {
	Hex        string          `json:"hex"`
	Roundtrip  bool            `json:"roundtrip"`
	Decoded    json.RawMessage `json:"decoded"`
	Diagnostic string          `json:"diagnostic"`
}

func loadAppendix(t testing.TB) []appendixItem {
	t.Helper()
	b, err := os.ReadFile(testenv.VectorsFile(t, "cbor-test-vectors/appendix_a.json"))
	if err != nil {
		t.Fatal(err)
	}
	var items []appendixItem
	if err := json.Unmarshal(b, &items); err != nil {
		t.Fatal(err)
	}
	if len(items) != 82 {
		t.Fatalf("appendix_a.json has %d items, want 82", len(items))
	}
	return items
}

// tracePull renders the Decoder's tokens like tracePush renders events.
func tracePull(data []byte, opts *Options) string {
	return tracePullFrom(NewDecoder(iotestOneByte(data), opts))
}

// tracePullFrom renders the tokens of d to its end or error.
func tracePullFrom(d *Decoder) string {
	var sb strings.Builder
	for {
		t, err := d.ReadToken()
		if err == io.EOF {
			return sb.String()
		}
		if err != nil {
			sb.WriteString("error: " + err.Error() + "\n")
			return sb.String()
		}
		ev := Event{Kind: t.Kind, Indefinite: t.Indefinite, Width: t.Width, Uint: t.Uint, Float: t.Float, Value: t.Value, Pattern: -1}
		sb.WriteString(traceLine(&ev, d.Path()))
		sb.WriteByte('\n')
	}
}

// iotestOneByte is a reader that returns one byte per Read.
func iotestOneByte(b []byte) io.Reader { return &oneByte{b} }

type oneByte struct{ b []byte }

func (r *oneByte) Read(p []byte) (int, error) {
	if len(r.b) == 0 {
		return 0, io.EOF
	}
	if len(p) == 0 {
		return 0, nil
	}
	p[0] = r.b[0]
	r.b = r.b[1:]
	return 1, nil
}

// TestAppendixA runs all 82 items of RFC 8949 Appendix A: f818 must be
// rejected (erratum 5917); every other item decodes to the same events
// whole, byte by byte, split at every offset and through the pull decoder;
// its diagnostic notation is the one given; its JSON conversion equals the
// decoded value; and items marked roundtrip re-encode byte for byte.
func TestAppendixA(t *testing.T) {
	for _, it := range loadAppendix(t) {
		b, err := hex.DecodeString(it.Hex)
		if err != nil {
			t.Fatal(err)
		}
		whole := tracePush(b, nil, nil)
		if it.Hex == "f818" {
			if !strings.Contains(whole, "error: ") || Check(b, nil) == nil {
				t.Errorf("f818 accepted; it is not well-formed (RFC 8949 §3.3, erratum 5917)")
			}
			continue
		}
		if strings.Contains(whole, "error: ") {
			t.Errorf("%s: %s", it.Hex, whole)
			continue
		}
		if err := Check(b, nil); err != nil {
			t.Errorf("%s: Check: %v", it.Hex, err)
		}
		if got := tracePush(b, nil, func(int) int { return 1 }); got != whole {
			t.Errorf("%s: byte by byte:\n%s\nwhole:\n%s", it.Hex, got, whole)
		}
		for i := 1; i < len(b); i++ {
			if got := tracePush(b, nil, func(k int) int { return []int{i, len(b)}[min(k, 1)] }); got != whole {
				t.Errorf("%s: split at %d:\n%s\nwhole:\n%s", it.Hex, i, got, whole)
			}
		}
		if got := tracePull(b, nil); got != whole {
			t.Errorf("%s: pull:\n%s\npush:\n%s", it.Hex, got, whole)
		}
		if it.Diagnostic != "" {
			d, err := AppendDiag(nil, b, nil)
			if err != nil || string(d) != it.Diagnostic {
				t.Errorf("%s: diag %q, %v; want %q", it.Hex, d, err, it.Diagnostic)
			}
		}
		if it.Decoded != nil {
			j, err := AppendJSON(nil, b, nil)
			if err != nil {
				t.Errorf("%s: to JSON: %v", it.Hex, err)
			} else if !jsonvalue.Equal(j, it.Decoded) {
				t.Errorf("%s: to JSON %s, want %s", it.Hex, j, it.Decoded)
			}
		}
		re := reencode(t, b)
		if it.Roundtrip && !bytes.Equal(re, b) {
			t.Errorf("%s: re-encoded as %x", it.Hex, re)
		}
		if re2 := reencode(t, re); !bytes.Equal(re2, re) {
			t.Errorf("%s: re-encoding not stable: %x then %x", it.Hex, re, re2)
		}
	}
}

// reencode decodes b through the push parser into a Writer.
func reencode(t testing.TB, b []byte) []byte {
	var w Writer
	p, _ := NewParser(HandlerFunc(func(p *Parser, ev *Event) error { w.WriteEvent(ev); return nil }), nil)
	if _, err := p.Write(b); err != nil {
		t.Fatalf("%x: %v", b, err)
	}
	if err := p.Close(); err != nil {
		t.Fatalf("%x: %v", b, err)
	}
	out, err := w.Bytes()
	if err != nil {
		t.Fatalf("%x: writer: %v", b, err)
	}
	return bytes.Clone(out)
}
