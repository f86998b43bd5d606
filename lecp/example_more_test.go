package lecp_test

import (
	"bytes"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/lwscrypto/lwscrypto/lecp"
)

// Iterate over a CBOR sequence (RFC 8742): each item's exact bytes, then
// the error that stops the sequence.
func ExampleItems() {
	seq, _ := hex.DecodeString("01" + "6161" + "820203" + "1c")
	for item, err := range lecp.Items(seq, nil) {
		if err != nil {
			fmt.Println("error:", err, errors.Is(err, lecp.ErrReservedInfo))
			break
		}
		diag, _ := lecp.AppendDiag(nil, item, nil)
		fmt.Printf("%x %s\n", item, diag)
	}
	// Output:
	// 01 1
	// 6161 "a"
	// 820203 [2, 3]
	// error: lecp: reserved additional information at offset 6 true
}

// Stream a long string out of a decoder in bounded memory.
func ExampleDecoder_StringReader() {
	payload := strings.Repeat("x", 100_000)
	var msg []byte
	msg = lecp.AppendArrayHeader(msg, 2)
	msg = lecp.AppendText(msg, "file")
	msg = lecp.AppendBytes(msg, []byte(payload))

	d := lecp.NewDecoder(bytes.NewReader(msg), nil)
	d.ReadToken() // array start
	tok, _ := d.ReadToken()
	name := string(tok.Value) // tok.Value is the decoder's until the next call
	kind, r, err := d.StringReader()
	if err != nil {
		panic(err)
	}
	n, err := io.Copy(io.Discard, r)
	fmt.Println(name, kind, n, err)
	fmt.Println(d.Finish())
	// Output:
	// file bytes 100000 <nil>
	// <nil>
}

// A deterministic Writer sorts map keys by their encoding (RFC 8949
// §4.2.1) and refuses a duplicate key as misuse.
func ExampleWriter_deterministic() {
	w := lecp.Writer{Deterministic: true}
	w.BeginMap()
	w.Text("b")
	w.Int(-1)
	w.Uint(10)
	w.Bool(true)
	w.Text("a")
	w.Null()
	w.EndMap()
	b, err := w.Bytes()
	diag, _ := lecp.AppendDiag(nil, b, nil)
	fmt.Printf("%s %v %v\n", diag, err, lecp.Check(b, &lecp.Options{Deterministic: true}))

	w.Reset()
	w.BeginMap()
	w.Uint(1)
	w.Null()
	w.Uint(1)
	w.Null()
	w.EndMap()
	_, err = w.Bytes()
	fmt.Println(errors.Is(err, lecp.ErrWriter), errors.Is(err, lecp.ErrDuplicateKey))
	// Output:
	// {10: true, "a": null, "b": -1} <nil> <nil>
	// true true
}
