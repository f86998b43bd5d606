package lecp_test

import (
	"encoding/hex"
	"errors"
	"fmt"
	"strings"

	"github.com/lwscrypto/lwscrypto/lecp"
)

func ExampleParser() {
	// A COSE_Sign1 message: pick out the protected header bytes exactly as
	// received, and the kid (label 4) from the unprotected bucket.
	msg, _ := hex.DecodeString("d28443a10126a10442313154546869732069732074686520636f6e74656e742e40")
	p, _ := lecp.NewParser(lecp.HandlerFunc(func(p *lecp.Parser, ev *lecp.Event) error {
		switch {
		case ev.Pattern == 0 && ev.Kind == lecp.Bytes:
			p.Capture()
		case ev.Kind == lecp.Raw:
			fmt.Printf("protected header item: %x\n", ev.Value)
		case ev.Pattern == 1:
			fmt.Printf("%s = %q\n", p.Path(), ev.Value)
		}
		return nil
	}), nil, "[0]", "[1].4")
	for i := range msg { // one byte at a time: the events are the same
		if _, err := p.Write(msg[i : i+1]); err != nil {
			fmt.Println(err)
		}
	}
	fmt.Println(p.Close())
	// Output:
	// protected header item: 43a10126
	// [1].4 = "11"
	// <nil>
}

func ExampleDecoder() {
	b, _ := hex.DecodeString("a2016161200a")
	d := lecp.NewDecoderBytes(b, nil)
	for {
		t, err := d.ReadToken()
		if err != nil {
			break
		}
		v, _ := t.Int64()
		fmt.Printf("%-9s %3d %q path=%q\n", t.Kind, v, t.Value, d.Path())
	}
	// Output:
	// map-start   0 "" path=""
	// uint        1 "" path=""
	// text        0 "a" path="1"
	// nint       -1 "" path=""
	// uint       10 "" path="-1"
	// map-end     0 "" path=""
}

func ExampleDecoder_ReadValue() {
	// The raw items of an indefinite-length array, [_ 1, "a", [2]], one by
	// one: ErrNoValue says the array ends there, and ReadToken reads its end.
	b, _ := hex.DecodeString("9f0161618102ff")
	d := lecp.NewDecoderBytes(b, nil)
	if _, err := d.ReadToken(); err != nil {
		fmt.Println(err)
		return
	}
	for {
		v, err := d.ReadValue()
		if errors.Is(err, lecp.ErrNoValue) {
			break
		}
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Printf("%x\n", v)
	}
	end, _ := d.ReadToken()
	fmt.Println(end.Kind, d.Finish())
	// Output:
	// 01
	// 6161
	// 8102
	// array-end <nil>
}

func ExampleAppendArrayHeader() {
	// A COSE Sig_structure for COSE_Sign1, built without allocating.
	protected := []byte{0xa1, 0x01, 0x26}
	buf := make([]byte, 0, 64)
	buf = lecp.AppendArrayHeader(buf, 4)
	buf = lecp.AppendText(buf, "Signature1")
	buf = lecp.AppendBytes(buf, protected)
	buf = lecp.AppendBytes(buf, nil) // external_aad
	buf = lecp.AppendBytes(buf, []byte("payload"))
	fmt.Printf("%x\n", buf)
	// Output:
	// 846a5369676e61747572653143a1012640477061796c6f6164
}

func ExampleWriter() {
	w := lecp.Writer{Deterministic: true}
	w.BeginMap()
	w.Text("b")
	w.Float(1.5)
	w.Int(-1)
	w.Float(100000)
	w.EndMap()
	b, _ := w.Bytes()
	d, _ := lecp.AppendDiag(nil, b, nil)
	fmt.Printf("%x\n%s\n", b, d)
	// Output:
	// a220fa47c350006162f93e00
	// {-1: 100000.0, "b": 1.5}
}

func ExampleWriter_Bytes() {
	var w lecp.Writer
	w.BeginMap()
	w.Int(1)
	_, err := w.Bytes() // the map is open: not an error kept, it can still end
	fmt.Println(errors.Is(err, lecp.ErrWriter), err)
	w.Int(-7)
	w.EndMap()
	b, err := w.Bytes()
	fmt.Printf("%x %v\n", b, err)
	w.EndArray() // misuse is kept: every later call returns it
	_, err = w.Bytes()
	fmt.Println(errors.Is(err, lecp.ErrWriter), err)
	// Output:
	// true lecp: writer misuse: unfinished item
	// a10126 <nil>
	// true lecp: writer misuse: EndArray without an open array
}

func ExampleAppendDiag() {
	b, _ := hex.DecodeString("9f018202039f0405ffff")
	d, _ := lecp.AppendDiag(nil, b, nil)
	fmt.Println(string(d))
	// Output: [_ 1, [2, 3], [_ 4, 5]]
}

func ExampleAppendJSON() {
	c, _ := lecp.FromJSON(nil, strings.NewReader(`{"kid":"11","n":[1,-2,0.5]}`), true)
	fmt.Printf("%x\n", c)
	j, _ := lecp.AppendJSON(nil, c, nil)
	fmt.Println(string(j))
	// Output:
	// a2616e830121f93800636b6964623131
	// {"n":[1,-2,0.5],"kid":"11"}
}

func ExampleCheck() {
	b, _ := hex.DecodeString("a201020103")
	fmt.Println(lecp.Check(b, nil))
	b, _ = hex.DecodeString("f818")
	fmt.Println(lecp.Check(b, nil))
	// Output:
	// lecp: duplicate map key at offset 4
	// lecp: invalid two-byte simple value at offset 0
}

func ExampleFromJSON() {
	c, err := lecp.FromJSON(nil, strings.NewReader(`{"alg":-7,"big":18446744073709551616}`), false)
	fmt.Printf("%x %v\n", c, err)
	// Errors name the offset in the JSON text and the path, and wrap a
	// sentinel cause.
	_, err = lecp.FromJSON(nil, strings.NewReader(`{"keys":[{"kid":"a"},{"kid":"\udc00"}]}`), false)
	var se *lecp.SyntaxError
	if errors.As(err, &se) && errors.Is(err, lecp.ErrInvalidUTF8) {
		fmt.Println(se.Offset, se.Path)
	}
	fmt.Println(err)
	// Output:
	// a263616c672663626967c249010000000000000000 <nil>
	// 29 keys[1].kid
	// lecp: invalid UTF-8 in text string at offset 29 (path keys[1].kid)
}

func ExampleFromDiag() {
	// a COSE_Sign1 written by hand: the protected header as embedded CBOR
	edn := `18([<< {1: -7} >>, {4: 'kid1'}, h'6869' / "hi" /, h''])`
	b, err := lecp.FromDiag(nil, []byte(edn), nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%x\n", b)
	d, _ := lecp.AppendDiag(nil, b, nil)
	fmt.Println(string(d))

	// encoding indicators choose the encoding
	b, _ = lecp.FromDiag(nil, []byte(`[_ 1_1, 1.5_3, (_ "a", "b")]`), nil)
	fmt.Printf("%x\n", b)

	_, err = lecp.FromDiag(nil, []byte(`{"a": 1, "a": 2}`), nil)
	fmt.Println(err)
	// a trailing comma is accepted (draft-ietf-cbor-edn-literals), a
	// missing one is not
	b, _ = lecp.FromDiag(nil, []byte(`[1, 2,]`), nil)
	fmt.Printf("%x\n", b)
	_, err = lecp.FromDiag(nil, []byte(`[1, 2 3]`), nil)
	fmt.Println(errors.Is(err, lecp.ErrDiagSyntax), err)
	// Output:
	// d28443a10126a104446b69643142686940
	// 18([h'a10126', {4: h'6b696431'}, h'6869', h''])
	// 9f190001fb3ff80000000000007f61616162ffff
	// lecp: duplicate map key at offset 9
	// 820102
	// true lecp: invalid diagnostic notation: expected , or ] at offset 6 (path [2])
}
