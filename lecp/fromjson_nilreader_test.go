package lecp

import (
	"errors"
	"fmt"
	"testing"
)

// TestFromJSONNilReaderIsEmptyInput: FromJSON(dst, nil, …) panicked with a
// nil pointer dereference (Read on the nil io.Reader), where NewDecoder(nil,
// nil) here and lejp's Decoder read a nil reader as an empty input. Now
// FromJSON does too: ErrUnexpectedEOF at offset 0, dst returned unchanged.
func TestFromJSONNilReaderIsEmptyInput(t *testing.T) {
	for _, det := range []bool{false, true} {
		dst := []byte("x")
		var out []byte
		err := func() (err error) {
			defer func() {
				if r := recover(); r != nil {
					err = fmt.Errorf("panic: %v", r)
				}
			}()
			out, err = FromJSON(dst, nil, det)
			return err
		}()
		var se *SyntaxError
		if !errors.Is(err, ErrUnexpectedEOF) || !errors.As(err, &se) || se.Offset != 0 || string(out) != "x" {
			t.Errorf("FromJSON(nil reader, %v): %q, %v; want dst and ErrUnexpectedEOF at offset 0", det, out, err)
		}
	}
}
