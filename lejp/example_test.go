package lejp_test

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/lwscrypto/lwscrypto/lejp"
)

// Picking values out of a document by path pattern with the push parser,
// fed in small chunks.
func ExampleParser() {
	doc := `{"keys":[{"kty":"EC","kid":"one"},{"kty":"OKP","kid":"two"}],"other":{"kid":"no"}}`
	p, err := lejp.NewParser(lejp.HandlerFunc(func(p *lejp.Parser, ev lejp.Event) error {
		if ev.Pattern == 0 && ev.Kind == lejp.String {
			fmt.Printf("%s = %s\n", p.Pointer(), ev.Value)
		}
		return nil
	}), nil, "keys[].kid")
	if err != nil {
		panic(err)
	}
	for len(doc) > 0 {
		n := min(7, len(doc))
		if _, err := p.Write([]byte(doc[:n])); err != nil {
			panic(err)
		}
		doc = doc[n:]
	}
	if err := p.Close(); err != nil {
		panic(err)
	}
	// Output:
	// /keys/0/kid = one
	// /keys/1/kid = two
}

// Wildcards: what "*" matched is available in the handler.
func ExampleParser_AppendWildcard() {
	p, _ := lejp.NewParser(lejp.HandlerFunc(func(p *lejp.Parser, ev lejp.Event) error {
		if ev.Pattern == 0 && ev.Kind.IsNumber() {
			name, _ := p.AppendWildcard(nil, 0)
			fmt.Printf("%s: %s\n", name, ev.Value)
		}
		return nil
	}), nil, "sizes.*.bytes")
	p.Write([]byte(`{"sizes":{"small":{"bytes":10},"large":{"bytes":1e6}}}`))
	p.Close()
	// Output:
	// small: 10
	// large: 1e6
}

// Reading a JOSE header member by member, strictly, from memory.
func ExampleDecoder() {
	hdr := []byte(`{"alg":"ES256","kid":"k\u00e9y","crit":["b64"],"b64":false,"jwk":{"kty":"EC"}}`)
	d := lejp.NewDecoderBytes(hdr, &lejp.Options{MaxDepth: 64})
	d.ReadToken() // {
	for {
		tok, err := d.ReadToken()
		if err != nil {
			panic(err)
		}
		if tok.Kind == lejp.ObjectEnd {
			break
		}
		switch string(tok.Value) {
		case "alg", "kid":
			v, _ := d.ReadToken()
			fmt.Printf("%s: %s (%s)\n", tok.Value, v.Value, v.Kind)
		default:
			raw, _ := d.ReadValue()
			fmt.Printf("%s: raw %s\n", tok.Value, raw)
		}
	}
	fmt.Println(d.Finish())
	// Output:
	// alg: ES256 (string)
	// kid: kéy (string)
	// crit: raw ["b64"]
	// b64: raw false
	// jwk: raw {"kty":"EC"}
	// <nil>
}

// Errors carry the byte offset, the JSON Pointer and a sentinel cause.
func ExampleSyntaxError() {
	err := lejp.Check([]byte(`{"alg":"HS256","alg":"none"}`), nil)
	fmt.Println(err)
	var se *lejp.SyntaxError
	if errors.As(err, &se) {
		fmt.Println(se.Offset, se.Path, errors.Is(err, lejp.ErrDuplicateName))
	}
	// Output:
	// lejp: duplicate object member name at offset 15 (path /alg)
	// 15 /alg true
}

func ExampleWriter() {
	var w lejp.Writer
	w.BeginObject()
	w.Name("kty")
	w.String("oct")
	w.Name("k")
	w.String("AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow")
	w.Name("ops")
	w.BeginArray()
	w.String("sign")
	w.EndArray()
	w.EndObject()
	out, err := w.Finish()
	fmt.Println(string(out), err)
	// Output:
	// {"kty":"oct","k":"AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow","ops":["sign"]} <nil>
}

func ExampleCheck() {
	for _, s := range []string{`[1, 2]`, `[1, 2,]`, "{\"a\":\"\xff\"}", `[[[`} {
		fmt.Println(lejp.Check([]byte(s), nil))
	}
	// Output:
	// <nil>
	// lejp: invalid character at offset 6 (path /2)
	// lejp: invalid UTF-8 at offset 6 (path /a)
	// lejp: unexpected end of input at offset 3 (path /0/0)
}

// Finish tells a cut input from a malformed one and from one the caller
// stopped reading early, each with its offset and path.
func ExampleDecoder_Finish() {
	for _, in := range []string{`{"keys":[1,2]}`, `{"keys":[1,2`, `{"keys":[1,2,]}`} {
		d := lejp.NewDecoderBytes([]byte(in), nil)
		d.ReadToken() // {
		d.ReadToken() // "keys"
		d.ReadToken() // [
		err := d.Finish()
		fmt.Println(errors.Is(err, lejp.ErrUnread), errors.Is(err, io.ErrUnexpectedEOF), err)
	}
	// Output:
	// true false lejp: value not read to its end at offset 9 (path /keys/0)
	// false true lejp: unexpected end of input at offset 12 (path /keys/1)
	// false false lejp: invalid character at offset 13 (path /keys/2)
}

// Capture: the keys of a JWK Set, each as the exact bytes received, to
// hand to a JWK parser, however the input arrives. Capture is called from
// each key's start event; the Raw event follows the key's last event, at
// the key's path (so it matches the same pattern).
func ExampleParser_Capture() {
	doc := `{"keys": [
  {"kty": "OKP", "crv": "Ed25519", "kid": "one",
   "x": "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"},
  {"kty":"EC","kid":"two"}
]}`
	p, err := lejp.NewParser(lejp.HandlerFunc(func(p *lejp.Parser, ev lejp.Event) error {
		if ev.Pattern != 0 {
			return nil
		}
		switch ev.Kind {
		case lejp.ObjectStart:
			p.Capture()
		case lejp.Raw:
			fmt.Printf("%s at %d: %s\n", p.Pointer(), ev.Offset, ev.Value)
		}
		return nil
	}), nil, "keys[]")
	if err != nil {
		panic(err)
	}
	for len(doc) > 0 {
		n := min(16, len(doc))
		if _, err := p.Write([]byte(doc[:n])); err != nil {
			panic(err)
		}
		doc = doc[n:]
	}
	if err := p.Close(); err != nil {
		panic(err)
	}
	// Output:
	// /keys/0 at 13: {"kty": "OKP", "crv": "Ed25519", "kid": "one",
	//    "x": "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}
	// /keys/1 at 118: {"kty":"EC","kid":"two"}
}

// Taking the members of a JWS JSON serialization's signatures: a Handler
// that calls Capture at every event its pattern matches gets one Raw event
// per value, whatever its kind, here from the member's Name. A string's Raw
// is its text as written, quotes and escapes included; the "protected"
// member, whose decoded value is part of the JWS signing input, is taken
// from its String event instead.
func ExampleParser_Capture_name() {
	doc := `{"payload":"eyJpc3MiOiJqb2UifQ","signatures":[
  {"protected":"\u0065yJhbGciOiJFUzI1NiJ9", "header": {"kid": "e9bc"},"signature":"DtEh"}]}`
	p, err := lejp.NewParser(lejp.HandlerFunc(func(p *lejp.Parser, ev lejp.Event) error {
		switch {
		case ev.Pattern < 0:
		case ev.Kind == lejp.Raw:
			fmt.Printf("%s raw: %s\n", p.Pointer(), ev.Value)
		case ev.Kind == lejp.String && ev.Pattern == 0:
			fmt.Printf("%s decoded: %s\n", p.Pointer(), ev.Value)
		default:
			p.Capture() // does nothing inside a value being captured
		}
		return nil
	}), nil, "signatures[].protected", "signatures[].header")
	if err != nil {
		panic(err)
	}
	if _, err := io.Copy(p, strings.NewReader(doc)); err != nil {
		panic(err)
	}
	if err := p.Close(); err != nil {
		panic(err)
	}
	// Output:
	// /signatures/0/protected decoded: eyJhbGciOiJFUzI1NiJ9
	// /signatures/0/protected raw: "\u0065yJhbGciOiJFUzI1NiJ9"
	// /signatures/0/header raw: {"kid": "e9bc"}
}
