package lecp

// Differential: lecp's and lejp's StringReader over the same string
// content, a CBOR text string and a JSON string, cut at every offset and
// read through the same kinds of io.Reader, split at the same place in the
// content: both deliver the same bytes and end with the same kind of
// error at the same place in the content.

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"testing"
	"testing/iotest"

	"github.com/lwscrypto/lwscrypto/lejp"
)

// eofWithReader returns all of in in one Read, with err (io.EOF, or
// another).
type eofWithReader struct {
	in  []byte
	err error
}

func (r *eofWithReader) Read(p []byte) (int, error) {
	n := copy(p, r.in)
	r.in = r.in[n:]
	if len(r.in) == 0 {
		return n, r.err
	}
	return n, nil
}

// jsonContent is s as a JSON string's content without its quotes, with
// the offset in it of every byte of s and of its end (at[len(s)]): bytes
// that need an escape get one, the others (UTF-8 included) are written as
// they are, so that s cut at i is the JSON cut at at[i].
func jsonContent(s string) (raw []byte, at []int) {
	for i := 0; i < len(s); i++ {
		at = append(at, len(raw))
		switch c := s[i]; {
		case c == '"' || c == '\\':
			raw = append(raw, '\\', c)
		case c == '\n':
			raw = append(raw, `\n`...)
		case c < 0x20:
			raw = fmt.Appendf(raw, `\u%04x`, c)
		default:
			raw = append(raw, c)
		}
	}
	return raw, append(at, len(raw))
}

// textHead is the head of a CBOR text string of n bytes.
func textHead(n int) []byte {
	switch {
	case n < 24:
		return []byte{0x60 | byte(n)}
	case n < 256:
		return []byte{0x78, byte(n)}
	}
	return []byte{0x79, byte(n >> 8), byte(n)}
}

// srOutcome is what a StringReader delivered and how it ended.
type srOutcome struct {
	got    string
	reader bool   // StringReader returned a reader
	class  string // "EOF" (the string's end), "cut", "utf8", "boom", or the error
	at     int    // for a SyntaxError, its offset from the content's start
}

// diffReaders make the io.Reader of a case from the input and where to
// split it (the first part in a Read of its own; 0: no split); nil means
// the input given whole (NewDecoderBytes).
var diffReaders = []struct {
	name string
	mk   func(in []byte, split int) io.Reader
}{
	{"bytes", nil},
	{"eof-with", func(in []byte, split int) io.Reader {
		return io.MultiReader(bytes.NewReader(in[:split]), &eofWithReader{in[split:], io.EOF})
	}},
	{"eof-after", func(in []byte, split int) io.Reader {
		return io.MultiReader(bytes.NewReader(in[:split]), bytes.NewReader(in[split:]))
	}},
	{"DataErrReader", func(in []byte, split int) io.Reader {
		return iotest.DataErrReader(bytes.NewReader(in))
	}},
	{"OneByte-DataErr", func(in []byte, split int) io.Reader {
		return iotest.OneByteReader(iotest.DataErrReader(bytes.NewReader(in)))
	}},
	{"Half-DataErr", func(in []byte, split int) io.Reader {
		return iotest.HalfReader(iotest.DataErrReader(bytes.NewReader(in)))
	}},
	{"boom-with", func(in []byte, split int) io.Reader {
		return io.MultiReader(bytes.NewReader(in[:split]), &eofWithReader{in[split:], errBoom})
	}},
	{"boom-after", func(in []byte, split int) io.Reader {
		return io.MultiReader(bytes.NewReader(in), iotest.ErrReader(errBoom))
	}},
	{"OneByte-boom-with", func(in []byte, split int) io.Reader {
		return iotest.OneByteReader(&eofWithReader{in, errBoom})
	}},
}

var errBoom = errors.New("boom")

// readSR reads the string StringReader gives (after open, the tokens
// before it), rs bytes per Read; a reader delivering more than max bytes
// (one delivering a piece again and again would never end) fails t.
func readSR(t *testing.T, open func() error, sr func() (io.Reader, error), rs, max int) srOutcome {
	var o srOutcome
	err := open()
	if err == nil {
		var r io.Reader
		if r, err = sr(); err == nil {
			o.reader = true
			p := make([]byte, rs)
			for err == nil {
				var m int
				m, err = r.Read(p)
				o.got += string(p[:m])
				if len(o.got) > max {
					t.Fatalf("a reader delivered %q, more than the %d bytes of its input", o.got, max)
				}
			}
		}
	}
	switch {
	case err == io.EOF:
		o.class = "EOF"
	case err == errBoom:
		o.class = "boom"
	case errors.Is(err, ErrUnexpectedEOF) || errors.Is(err, lejp.ErrUnexpectedEOF):
		o.class = "cut"
	case errors.Is(err, ErrInvalidUTF8) || errors.Is(err, lejp.ErrInvalidUTF8):
		o.class = "utf8"
	default:
		o.class = err.Error()
	}
	var ce *SyntaxError
	var je *lejp.SyntaxError
	switch {
	case errors.As(err, &ce):
		o.at = int(ce.Offset)
	case errors.As(err, &je):
		o.at = int(je.Offset)
	}
	return o
}

func TestStringReaderCutAgreesWithLejp(t *testing.T) {
	contents := []string{
		"abcdefgh",
		"héllo wörld €𝄞!",
		"a\"b\\c\né\x01z/\t",
		"0123456789abcdefghijklmnopqrstuvwxyz€€€€𝄞𝄞 0123456789abcdefghijklmnopqrstuvwxyz!",
		"ab\xffcd",       // malformed: an invalid byte
		"é\xe2\x28ab",    // malformed: a sequence broken by its second byte
		"ab\xed\xa0\x80", // malformed: a surrogate
	}
	checked := 0
	for _, content := range contents {
		jraw, at := jsonContent(content)
		for cut := 0; cut <= len(content); cut++ {
			jin := append([]byte(`["`), jraw[:at[cut]]...)
			// The head says one byte more than the content: as the JSON
			// string has no closing quote, the text string is never whole.
			cin := append(append([]byte{0x81}, textHead(len(content)+1)...), content[:cut]...)
			chead := len(cin) - cut
			for split := 0; split <= cut; split++ {
				for _, rd := range diffReaders {
					if rd.name != "eof-with" && rd.name != "boom-with" && rd.name != "eof-after" && split > 0 {
						continue // splits at their own places
					}
					for _, jopts := range []*lejp.Options{nil, {StringChunk: 4}} {
						for _, rs := range []int{1, 100} {
							var jd *lejp.Decoder
							var cd *Decoder
							if rd.mk == nil {
								jd, cd = lejp.NewDecoderBytes(jin, jopts), NewDecoderBytes(cin, nil)
							} else {
								jd, cd = lejp.NewDecoder(rd.mk(jin, 2+at[split]), jopts), NewDecoder(rd.mk(cin, chead+split), nil)
							}
							jo := readSR(t, func() error { _, err := jd.ReadToken(); return err },
								func() (io.Reader, error) { _, r, err := jd.StringReader(); return r, err }, rs, len(jin))
							co := readSR(t, func() error { _, err := cd.ReadToken(); return err },
								func() (io.Reader, error) { _, r, err := cd.StringReader(); return r, err }, rs, len(cin))
							// The offsets, from the content's start, in the
							// content's own bytes.
							if jo.at >= 2 {
								for i, a := range at {
									if a == jo.at-2 {
										jo.at = i
										break
									}
								}
							}
							if co.at >= chead {
								co.at -= chead
							}
							if jo != co {
								t.Errorf("%q cut at %d split at %d, %s, lejp chunk %d, read %d:\nlejp %+v\nlecp %+v",
									content, cut, split, rd.name, chunk(jopts), rs, jo, co)
							}
							checked++
						}
					}
				}
			}
		}
	}
	t.Logf("%d cases", checked)
}

// chunk is the StringChunk of o, 0 for the default.
func chunk(o *lejp.Options) int {
	if o == nil {
		return 0
	}
	return o.StringChunk
}
