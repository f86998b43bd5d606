package lejp_test

import (
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/lwscrypto/lwscrypto/lejp"
)

// Decoding a long JSON array one element at a time with encoding/json, in
// bounded memory: ReadValue holds one element (up to Options.MaxValueLen),
// never the array. At the array's end ReadValue reads the ']' and returns
// ErrNoValue; Finish then checks that nothing follows.
func ExampleDecoder_ReadValue() {
	type item struct {
		ID   int    `json:"id"`
		Name string `json:"name"`
	}
	r := strings.NewReader(`[{"id":1,"name":"a"}, {"id":2,"name":"b"}, {"id":3,"name":"c"}]`)
	d := lejp.NewDecoder(r, &lejp.Options{MaxValueLen: 64 << 10})
	if tok, err := d.ReadToken(); err != nil || tok.Kind != lejp.ArrayStart {
		fmt.Println("not an array:", tok.Kind, err)
		return
	}
	for {
		raw, err := d.ReadValue()
		if errors.Is(err, lejp.ErrNoValue) {
			break // the ']' is read
		}
		if err != nil {
			fmt.Println(err)
			return
		}
		var it item
		if err := json.Unmarshal(raw, &it); err != nil {
			fmt.Println(err)
			return
		}
		fmt.Printf("%d %s\n", it.ID, it.Name)
	}
	fmt.Println(d.Finish())
	// Output:
	// 1 a
	// 2 b
	// 3 c
	// <nil>
}

// Picking values by path with the pull Decoder: it takes no patterns, so
// compare the path of each token; AppendPath reuses one buffer where Path
// would allocate a string per token.
func ExampleDecoder_AppendPath() {
	jwks := strings.NewReader(`{"keys":[{"kty":"EC","kid":"one"},{"kid":"two","x5c":[{"kid":"no"}]}],"kid":"no"}`)
	d := lejp.NewDecoder(jwks, nil)
	var path []byte
	for {
		tok, err := d.ReadToken()
		if err == io.EOF {
			break
		}
		if err != nil {
			fmt.Println(err)
			return
		}
		path = d.AppendPath(path[:0])
		if tok.Kind == lejp.String && string(path) == "keys[].kid" {
			fmt.Printf("%s = %s\n", d.Pointer(), tok.Value)
		}
	}
	// Output:
	// /keys/0/kid = one
	// /keys/1/kid = two
}

// Validating untrusted JSON under tighter limits, with an error for the
// user that says what, where (the byte offset) and in which value (the JSON
// Pointer). MaxStringLen bounds string values only: member names have their
// own limit, MaxNameLen.
func ExampleOptions() {
	opts := &lejp.Options{MaxDepth: 32, MaxStringLen: 1 << 10, MaxNameLen: 1 << 10}
	for _, in := range []string{
		`{"user":{"name":"` + strings.Repeat("x", 2000) + `"}}`,
		`{"a":` + strings.Repeat("[", 40) + strings.Repeat("]", 40) + `}`,
		`{"list":[1,2,tru]}`,
	} {
		err := lejp.Check([]byte(in), opts)
		var se *lejp.SyntaxError
		if errors.As(err, &se) {
			fmt.Printf("rejected at byte %d, in %s: %v\n", se.Offset, se.Path, se.Err)
		}
	}
	// Output:
	// rejected at byte 16, in /user/name: lejp: string too long
	// rejected at byte 36, in /a/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0: lejp: nesting too deep
	// rejected at byte 16, in /list/2: lejp: invalid literal
}

// Hashing a long string value without holding it whole: the Parser
// delivers it as StringChunk events, then a String event with the rest.
// A Parser is an io.Writer, so io.Copy feeds it from a reader.
func ExampleParser_longString() {
	body := strings.Repeat("é", 10_000) // 20000 bytes
	doc := `{"name":"blob","body":"` + body + `"}`

	h := sha256.New()
	pieces := 0
	p, err := lejp.NewParser(lejp.HandlerFunc(func(p *lejp.Parser, ev lejp.Event) error {
		if ev.Pattern == 0 && (ev.Kind == lejp.StringChunk || ev.Kind == lejp.String) {
			h.Write(ev.Value)
			pieces++
		}
		return nil
	}), nil, "body")
	if err != nil {
		panic(err)
	}
	if _, err := io.Copy(p, strings.NewReader(doc)); err != nil {
		fmt.Println(err) // the pieces hashed so far are not to be trusted
		return
	}
	if err := p.Close(); err != nil {
		fmt.Println(err)
		return
	}
	want := sha256.Sum256([]byte(body))
	fmt.Println(pieces, string(h.Sum(nil)) == string(want[:]))
	// Output:
	// 5 true
}
