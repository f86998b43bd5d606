package lejp_test

import (
	"errors"
	"fmt"

	"github.com/lwscrypto/lwscrypto/lejp"
)

// The Writer is as strict as the parser: a key ID that is not UTF-8 is
// refused rather than written as another key ID (U+FFFD), and so is a
// member name the object already has. AllowInvalidUTF8 restores the
// replacement where a caller wants it.
func ExampleWriter_strict() {
	var w lejp.Writer
	w.BeginObject()
	w.Name("kid")
	w.String("key-\xff")
	_, err := w.Finish()
	fmt.Println(err)
	fmt.Println(errors.Is(err, lejp.ErrInvalidUTF8), errors.Is(err, lejp.ErrWriter))

	w.Reset(nil)
	w.BeginObject()
	w.Name("alg")
	w.String("ES256")
	w.Name("alg")
	_, err = w.Finish()
	fmt.Println(err)
	fmt.Println(errors.Is(err, lejp.ErrDuplicateName))

	w = lejp.Writer{AllowInvalidUTF8: true}
	w.String("key-\xff")
	out, err := w.Finish()
	fmt.Println(string(out), err)
	// Output:
	// lejp: writer: invalid UTF-8 (a string at output offset 7)
	// true true
	// lejp: writer: duplicate object member name (a member name at output offset 14)
	// true
	// "key-\ufffd" <nil>
}
