package lecp

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
)

// errReadFailed is a reader's error other than io.EOF.
var errReadFailed = errors.New("read failed")

// dataErrReader returns its data in pieces of at most n bytes, the last
// piece with err: with an error other than io.EOF, a connection that fails
// after delivering bytes, which io.Reader's contract says to process first.
type dataErrReader struct {
	data string
	n    int
	err  error
}

func (r *dataErrReader) Read(p []byte) (int, error) {
	k := copy(p[:min(len(p), r.n)], r.data)
	r.data = r.data[k:]
	if r.data == "" {
		return k, r.err
	}
	return k, nil
}

// TestDecoderReaderErrorAfterData: bytes an io.Reader returns with an
// error are read before the error is returned (io.Reader's contract:
// "Callers should always process the n > 0 bytes returned before
// considering the error"), so a Decoder gives the same tokens, then the
// same error, whether the error comes with the last bytes or on the Read
// after them; a syntax error in those bytes comes first. Seen by
// ReadToken, ReadValue, SkipValue and Finish. (lejp's Decoder was made to
// do so this session; lecp's returned the error at once and lost the
// tokens in those bytes.)
func TestDecoderReaderErrorAfterData(t *testing.T) {
	for _, in := range []string{
		"\x01",                        // 1, complete
		"\x83\x01\x62ab\xa1\x61c\xf6", // [1, "ab", {"c": null}], complete
		"\x83\x01\x02",                // [1, 2, cut
		"\x82\x01\xff",                // [1, break: malformed
		"\xa1\x61a\x82\xf5",           // {"a": [true, cut
		"\x63abc\x01",                 // "abc" then 1: trailing data
	} {
		for _, n := range []int{1, 3, 1 << 20} {
			for op := range 4 {
				run := func(withData bool) string {
					var rd io.Reader = &dataErrReader{data: in, n: n, err: errReadFailed}
					if !withData {
						rd = io.MultiReader(&dataErrReader{data: in, n: n, err: io.EOF}, &dataErrReader{n: n, err: errReadFailed})
					}
					d := NewDecoder(rd, nil)
					var b strings.Builder
					for range 20 {
						var err error
						switch op {
						case 0:
							var tok Token
							tok, err = d.ReadToken()
							fmt.Fprintf(&b, "%v %q;", tok.Kind, tok.Value)
						case 1:
							var v []byte
							v, err = d.ReadValue()
							fmt.Fprintf(&b, "%q;", v)
						case 2:
							err = d.SkipValue()
						case 3:
							err = d.Finish()
						}
						if err != nil && !errors.Is(err, ErrNoValue) {
							return b.String() + err.Error()
						}
					}
					return b.String()
				}
				if got, want := run(true), run(false); got != want {
					t.Errorf("% x in pieces of %d, op %d: error with the last bytes %q, error after them %q", in, n, op, got, want)
				}
			}
		}
	}
}
