package lejp

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
)

// dataErrReader returns its data in pieces of at most n bytes, the last
// piece with err (not io.EOF): a connection that fails after delivering
// bytes, which io.Reader's contract says to process first.
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

// TestReaderErrorAfterData: bytes an io.Reader returns with an error are
// read before the error is returned (io.Reader's contract: "Callers should
// always process the n > 0 bytes returned before considering the error"),
// so a Decoder gives the same tokens, then the same error, whether the
// error comes with the last bytes or on the Read after them; a syntax
// error in those bytes comes first. Seen by ReadToken, ReadValue,
// SkipValue and Finish.
func TestReaderErrorAfterData(t *testing.T) {
	for _, in := range []string{`[1,"ab",{"c":null}`, `[1,2`, `[1,x`, `{"a":[true`, `"abc`} {
		for _, n := range []int{1, 3, 1 << 20} {
			for op := range 4 {
				run := func(withData bool) string {
					r := &dataErrReader{data: in, n: n, err: errBoom}
					var rd io.Reader = r
					if !withData {
						rd = io.MultiReader(&dataErrReader{data: in, n: n, err: io.EOF}, &dataErrReader{n: n, err: errBoom})
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
							return b.String() + checkLine(err)
						}
					}
					return b.String()
				}
				if got, want := run(true), run(false); got != want {
					t.Errorf("%q in pieces of %d, op %d: error with the last bytes %q, error after them %q", in, n, op, got, want)
				}
			}
		}
	}
}

// countReader returns its data and then, instead of the count it read,
// count (below 0) or len(p)+count (count above 0): an io.Reader breaking
// its contract (0 <= n <= len(p)).
type countReader struct {
	data  string
	count int
}

func (r *countReader) Read(p []byte) (int, error) {
	if r.data == "" {
		return 0, io.EOF
	}
	k := copy(p, r.data)
	r.data = r.data[k:]
	if r.count < 0 {
		return r.count, nil
	}
	return len(p) + r.count, nil
}

// TestReaderInvalidCount: an io.Reader returning a count below 0 or above
// len(p) is an error of its own (not a *SyntaxError: the input is not at
// fault; sticky), as io.Copy's is for a Writer: the Decoder does not panic
// (slice bounds), nor drop bytes it had read, nor read on past what it
// had. Seen by ReadToken, ReadValue, SkipValue and Finish, also after a
// Reset that kept the buffer of an earlier input.
func TestReaderInvalidCount(t *testing.T) {
	for _, count := range []int{-1, -100, 1, 1 << 20} {
		for op := range 4 {
			d := NewDecoderBytes(nil, nil)
			for _, in := range []string{`["secret","more"]`, `["abc", 12345]`} {
				d.Reset(&countReader{data: in, count: count})
				var err error
				func() {
					defer func() {
						if e := recover(); e != nil {
							err = fmt.Errorf("panic: %v", e)
						}
					}()
					switch op {
					case 0:
						for err == nil {
							_, err = d.ReadToken()
						}
					case 1:
						_, err = d.ReadValue()
					case 2:
						err = d.SkipValue()
					case 3:
						err = d.Finish()
					}
				}()
				var se *SyntaxError
				if err == nil || errors.As(err, &se) || !strings.Contains(err.Error(), "io.Reader returned an invalid count") {
					t.Errorf("count %+d, op %d, %q: %v, want the invalid count error", count, op, in, err)
				}
				if _, again := d.ReadToken(); again != err {
					t.Errorf("count %+d, op %d, %q: then %v, want the same error", count, op, in, again)
				}
			}
		}
	}
}
