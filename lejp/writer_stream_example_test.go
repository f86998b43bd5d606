package lejp_test

import (
	"encoding/base64"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/lwscrypto/lwscrypto/lejp"
)

// stringPieces is an io.Writer that writes each Write as a piece of the
// string its lejp.Writer has open.
type stringPieces struct{ w *lejp.Writer }

func (s stringPieces) Write(b []byte) (int, error) {
	s.w.StringPieceBytes(b)
	return len(b), s.w.Err()
}

// A Writer streams a document of any size: Flush hands what is written
// to an io.Writer (a file, a socket; os.Stdout here) and empties the
// Writer's buffer, and a string written in pieces never needs to be whole.
// Here a payload read from an io.Reader is written base64url-encoded,
// flushing after each piece, so memory stays bounded by the pieces'
// size whatever the payload's.
func ExampleWriter_Flush() {
	payload := strings.NewReader(`{"iss":"joe","exp":1300819380}`)
	out := os.Stdout

	var w lejp.Writer
	w.BeginObject()
	w.Name("protected")
	w.String("eyJhbGciOiJFUzI1NiJ9")
	w.Name("payload")
	w.BeginString()
	enc := base64.NewEncoder(base64.RawURLEncoding, stringPieces{&w})
	buf := make([]byte, 8) // small pieces, to show them; 64 KiB in practice
	for {
		n, err := payload.Read(buf)
		enc.Write(buf[:n])
		w.Flush(out)
		if err == io.EOF {
			break
		}
	}
	enc.Close() // the last bytes of the encoding
	w.EndString()
	w.Name("signature")
	w.String("DtEhU3ljbEg8L38VWAfUAqOyKAM6-Xx-F4GawxaepmXFCgfTjDxw5djxLa8ISlSApmWQxfKTUJqPP3-Kg6NU1Q")
	w.EndObject()
	if err := w.Flush(out); err != nil {
		fmt.Println(err)
	}
	if _, err := w.Finish(); err != nil {
		fmt.Println(err)
	}
	fmt.Println()
	// Output:
	// {"protected":"eyJhbGciOiJFUzI1NiJ9","payload":"eyJpc3MiOiJqb2UiLCJleHAiOjEzMDA4MTkzODB9","signature":"DtEhU3ljbEg8L38VWAfUAqOyKAM6-Xx-F4GawxaepmXFCgfTjDxw5djxLa8ISlSApmWQxfKTUJqPP3-Kg6NU1Q"}
}
