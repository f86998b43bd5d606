package lecp_test

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/lwscrypto/lwscrypto/lecp"
)

// Validating untrusted CBOR under tighter limits, with an error for the
// user that says what, where (the byte offset) and in which item (the path).
func ExampleOptions() {
	opts := &lecp.Options{MaxDepth: 32, MaxStringLen: 1 << 10}
	long := lecp.AppendMapHeader(nil, 1)
	long = lecp.AppendText(long, "name")
	long = lecp.AppendText(long, strings.Repeat("x", 2000))
	deep := append(bytes.Repeat([]byte{0x81}, 40), 0x00) // [[[…[0]…]]]
	cut := []byte{0xa2, 0x01, 0x26, 0x04}                // {1: -7, 4: ...
	for _, in := range [][]byte{long, deep, cut} {
		err := lecp.Check(in, opts)
		var se *lecp.SyntaxError
		if errors.As(err, &se) {
			fmt.Printf("rejected at byte %d, in %q: %v\n", se.Offset, se.Path, se.Err)
		}
	}
	// Output:
	// rejected at byte 6, in "name": lecp: string too long
	// rejected at byte 32, in "[0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0]": lecp: nesting too deep
	// rejected at byte 4, in "4": lecp: unexpected end of input
}

// Hashing a long text string without holding it whole: the Parser
// delivers a definite-length string as TextChunk events and a last Text
// event, and an indefinite-length one as Text events (each chunk, maybe
// in pieces too) between TextStart and TextEnd, all at the string's path.
// A Parser is an io.Writer, so io.Copy feeds it from a reader.
func ExampleParser_longText() {
	body := strings.Repeat("é", 10_000) // 20000 bytes
	definite := lecp.AppendText(lecp.AppendMapHeader(nil, 1), "body")
	definite = lecp.AppendText(definite, body)
	indefinite := lecp.AppendText(lecp.AppendMapHeader(nil, 1), "body")
	indefinite = lecp.AppendIndefiniteText(indefinite)
	indefinite = lecp.AppendText(indefinite, body[:5000]) // each chunk is UTF-8 by itself
	indefinite = lecp.AppendText(indefinite, body[5000:])
	indefinite = lecp.AppendBreak(indefinite)

	want := sha256.Sum256([]byte(body))
	for _, msg := range [][]byte{definite, indefinite} {
		h := sha256.New()
		p, err := lecp.NewParser(lecp.HandlerFunc(func(p *lecp.Parser, ev *lecp.Event) error {
			if ev.Pattern == 0 && (ev.Kind == lecp.TextChunk || ev.Kind == lecp.Text) {
				h.Write(ev.Value)
			}
			return nil
		}), nil, "body")
		if err != nil {
			panic(err)
		}
		if _, err := io.Copy(p, bytes.NewReader(msg)); err != nil {
			fmt.Println(err) // what was hashed so far is not to be trusted
			return
		}
		if err := p.Close(); err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(string(h.Sum(nil)) == string(want[:]))
	}
	// Output:
	// true
	// true
}

// Integer map keys (COSE labels) become decimal member names in JSON, and
// byte strings base64url text, so the conversion does not map back: FromJSON
// reads the names as text keys and the strings as text.
func ExampleAppendJSON_integerKeys() {
	var w lecp.Writer
	w.BeginMap()
	w.Int(1)
	w.Int(-7)
	w.Int(4)
	w.ByteString([]byte("kid"))
	w.EndMap()
	c, _ := w.Bytes()
	j, err := lecp.AppendJSON(nil, c, nil)
	fmt.Println(string(j), err)
	back, _ := lecp.FromJSON(nil, bytes.NewReader(j), false)
	diag, _ := lecp.AppendDiag(nil, back, nil)
	fmt.Println(string(diag))
	// Output:
	// {"1":-7,"4":"a2lk"} <nil>
	// {"1": -7, "4": "a2lk"}
}
