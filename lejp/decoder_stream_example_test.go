package lejp_test

import (
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"io"
	"strings"

	"github.com/lwscrypto/lwscrypto/lejp"
)

// Hashing a large base64 member of an object as it arrives: More walks the
// members, StringReader streams the one string through base64 and SHA-256
// in pieces (never held whole, whatever its length; MaxStringLen -1 lifts
// the length limit), and SkipValue passes over the rest.
func ExampleDecoder_StringReader() {
	payload := base64.StdEncoding.EncodeToString([]byte(strings.Repeat("large attachment ", 1000)))
	r := strings.NewReader(`{"name": "report.txt", "data": "` + payload + `", "size": 17000}`)
	d := lejp.NewDecoder(r, &lejp.Options{MaxStringLen: -1})
	if tok, err := d.ReadToken(); err != nil || tok.Kind != lejp.ObjectStart {
		fmt.Println("not an object:", tok.Kind, err)
		return
	}
	for d.More() {
		name, err := d.ReadToken()
		if err != nil {
			fmt.Println(err)
			return
		}
		if string(name.Value) != "data" {
			if err := d.SkipValue(); err != nil {
				fmt.Println(err)
				return
			}
			continue
		}
		_, sr, err := d.StringReader()
		if err != nil {
			fmt.Println("data:", err) // ErrNoValue if it is not a string
			return
		}
		h := sha256.New()
		n, err := io.Copy(h, base64.NewDecoder(base64.StdEncoding, sr))
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Printf("data: %d bytes, sha256 %x...\n", n, h.Sum(nil)[:4])
	}
	if _, err := d.ReadToken(); err != nil { // the '}'
		fmt.Println(err)
		return
	}
	fmt.Println("finish:", d.Finish())
	// Output:
	// data: 17000 bytes, sha256 be2bb0dc...
	// finish: <nil>
}
