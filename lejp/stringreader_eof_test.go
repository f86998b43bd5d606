package lejp

// StringReader over input that ends inside the string: every byte of the
// string decoded from what was read (all of it but an escape or UTF-8
// sequence the input ends inside) is delivered before ErrUnexpectedEOF,
// however the io.Reader splits the input and whether it returns io.EOF
// with its last bytes (io.Reader allows both) or on a Read of its own;
// bytes that come with another error are delivered before that error.

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"testing"
	"testing/iotest"
)

// eofWithReader returns all of in in one Read, with io.EOF.
type eofWithReader struct{ in []byte }

func (r *eofWithReader) Read(p []byte) (int, error) {
	n := copy(p, r.in)
	r.in = r.in[n:]
	if len(r.in) == 0 {
		return n, io.EOF
	}
	return n, nil
}

// eofReaders are the ways the tests give a Decoder input: the io.Reader
// returning io.EOF with its last bytes or after them, in one piece or in
// several; a nil reader means NewDecoderBytes.
var eofReaders = []struct {
	name string
	r    func(in []byte) io.Reader
}{
	{"bytes", nil},
	{"eof-with", func(in []byte) io.Reader { return &eofWithReader{in} }},
	{"eof-after", func(in []byte) io.Reader { return bytes.NewReader(in) }},
	{"DataErrReader", func(in []byte) io.Reader { return iotest.DataErrReader(bytes.NewReader(in)) }},
	{"OneByteReader", func(in []byte) io.Reader { return iotest.OneByteReader(bytes.NewReader(in)) }},
	{"OneByte-DataErr", func(in []byte) io.Reader {
		return iotest.OneByteReader(iotest.DataErrReader(bytes.NewReader(in)))
	}},
	{"Half-DataErr", func(in []byte) io.Reader {
		return iotest.HalfReader(iotest.DataErrReader(bytes.NewReader(in)))
	}},
}

// srRead reads the next string of d through StringReader, its reader read
// rs bytes at a time, and returns what it delivered, whether StringReader
// returned a reader, and the error that ended it (io.EOF: the string's
// end). A reader delivering more than max bytes fails the test (one
// delivering a piece again and again would never end).
func srRead(t testing.TB, d *Decoder, rs, max int) (got []byte, reader bool, err error) {
	_, r, err := d.StringReader()
	if err != nil {
		return nil, false, err
	}
	p := make([]byte, rs)
	for err == nil {
		var m int
		m, err = r.Read(p)
		if m < 0 || m > len(p) || (m == 0 && err == nil) {
			t.Fatalf("Read returned %d, %v", m, err)
		}
		got = append(got, p[:m]...)
		if len(got) > max {
			t.Fatalf("the reader delivered %q, more than the %d bytes the input holds", got, max)
		}
	}
	return got, true, err
}

// eofContents are string contents as written in JSON: plain, multi-byte
// UTF-8, escapes and surrogate pairs, longer than a small StringChunk.
var eofContents = []string{
	`abcdefgh`,
	`héllo wörld €𝄞!`,
	`a\"b\\c\u00e9\ud834\udd1ez\n\/`,
	`0123456789abcdefghijklmnopqrstuvwxyz€€€€\u20ac\t`,
}

// TestStringReaderTruncatedDeliversAll: `["` and the content cut at every
// offset, read with each of eofReaders, StringChunk small and default,
// strictly and with AllowInvalidUTF8: the bytes delivered are the content
// decoded up to an escape or UTF-8 sequence it is cut inside (availLen),
// then ErrUnexpectedEOF at the input's end; StringReader returns a reader
// exactly when there is something to deliver.
func TestStringReaderTruncatedDeliversAll(t *testing.T) {
	for _, content := range eofContents {
		full := readTokenValues(t, NewDecoderBytes([]byte(`["`+content+`"]`), nil))
		if len(full) != 1 {
			t.Fatalf("%q: %q", content, full)
		}
		for _, opts := range []*Options{nil, {StringChunk: 4}, {StringChunk: 5, AllowInvalidUTF8: true}} {
			allow := opts != nil && opts.AllowInvalidUTF8
			for cut := 0; cut <= len(content); cut++ {
				raw := []byte(content[:cut])
				n, _, ok := availLen(raw, allow)
				if !ok {
					t.Fatalf("%q cut at %d: availLen says malformed", content, cut)
				}
				want := full[0][:n]
				in := append([]byte(`["`), raw...)
				for _, rd := range eofReaders {
					for _, rs := range []int{1, 3, 100} {
						var d *Decoder
						if rd.r == nil {
							d = NewDecoderBytes(in, opts)
						} else {
							d = NewDecoder(rd.r(in), opts)
						}
						where := fmt.Sprintf("%q %s %s read %d", in, rd.name, optsLabel(opts), rs)
						if _, err := d.ReadToken(); err != nil {
							t.Fatalf("%s: ReadToken: %v", where, err)
						}
						got, reader, err := srRead(t, d, rs, len(in))
						if string(got) != want {
							t.Errorf("%s: delivered %q, want %q", where, got, want)
						}
						if reader != (want != "") {
							t.Errorf("%s: reader returned %v, want %v", where, reader, want != "")
						}
						var se *SyntaxError
						if !errors.As(err, &se) || se.Err != ErrUnexpectedEOF || se.Offset != int64(len(in)) ||
							!errors.Is(err, io.ErrUnexpectedEOF) {
							t.Errorf("%s: %v, want ErrUnexpectedEOF at %d", where, err, len(in))
						}
						// Sticky, and what ReadToken says over the same input.
						if _, err2 := d.ReadToken(); err2 != err {
							t.Errorf("%s: ReadToken after %v, want the same", where, err2)
						}
						d2 := NewDecoderBytes(in, opts)
						d2.ReadToken()
						if _, err2 := d2.ReadToken(); checkLine(err2) != checkLine(err) {
							t.Errorf("%s: reader %v, ReadToken %v", where, err, err2)
						}
					}
				}
			}
		}
	}
}

// errWithReader returns all of in in one Read, with err.
type errWithReader struct {
	in  []byte
	err error
}

func (r *errWithReader) Read(p []byte) (int, error) {
	n := copy(p, r.in)
	r.in = r.in[n:]
	if len(r.in) == 0 {
		return n, r.err
	}
	return n, nil
}

// TestStringReaderErrWithDataDeliversAll: an io.Reader returning the
// string's bytes (the string still open) with an error other than io.EOF,
// in one Read or after others: the bytes decoded from them are delivered,
// then the reader's error, as it is.
func TestStringReaderErrWithDataDeliversAll(t *testing.T) {
	boom := errors.New("boom")
	for _, content := range eofContents {
		full := readTokenValues(t, NewDecoderBytes([]byte(`["`+content+`"]`), nil))[0]
		for _, opts := range []*Options{nil, {StringChunk: 4}} {
			for cut := 0; cut <= len(content); cut++ {
				raw := []byte(content[:cut])
				n, _, _ := availLen(raw, false)
				want := full[:n]
				in := append([]byte(`["`), raw...)
				readers := map[string]io.Reader{
					"err-with":         &errWithReader{in, boom},
					"OneByte-err-with": iotest.OneByteReader(&errWithReader{in, boom}),
					"Half-err-with":    iotest.HalfReader(&errWithReader{in, boom}),
					"err-after":        io.MultiReader(bytes.NewReader(in), iotest.ErrReader(boom)),
				}
				for name, r := range readers {
					where := fmt.Sprintf("%q %s %s", in, name, optsLabel(opts))
					d := NewDecoder(r, opts)
					if _, err := d.ReadToken(); err != nil {
						t.Fatalf("%s: ReadToken: %v", where, err)
					}
					got, _, err := srRead(t, d, 3, len(in))
					if string(got) != want || err != boom {
						t.Errorf("%s: delivered %q, %v, want %q, boom", where, got, err, want)
					}
				}
			}
		}
	}
}

// optsLabel names the options these tests vary.
func optsLabel(o *Options) string {
	if o == nil {
		return "default"
	}
	return fmt.Sprintf("chunk %d utf8 %v", o.StringChunk, o.AllowInvalidUTF8)
}

// splitReader serves in in pieces of the sizes in sizes (cycled; one byte
// each if there are none), then err: with the last bytes if with is set,
// else on a Read of its own.
type splitReader struct {
	in    []byte
	sizes []byte
	i     int
	err   error
	with  bool
}

func (r *splitReader) Read(p []byte) (int, error) {
	if len(r.in) == 0 {
		return 0, r.err
	}
	n := 1
	if len(r.sizes) > 0 {
		n += int(r.sizes[r.i%len(r.sizes)])
		r.i++
	}
	n = copy(p[:min(n, len(p))], r.in)
	r.in = r.in[n:]
	if len(r.in) == 0 && r.with {
		return n, r.err
	}
	return n, nil
}

// FuzzStringReaderCut: `["` and fuzzed string content (closed by a quote
// in it or not, well-formed or not), read through StringReader from an
// io.Reader that splits it at fuzzed places and ends with io.EOF or
// another error, with the last bytes or on a Read of its own. The
// reference reads one byte per Read, the end on a Read of its own, so
// that it delivers every byte decoded before the string's end or error.
// Where the string ends, or the input ends inside it, or the io.Reader
// fails, the fuzzed reading delivers exactly the reference's bytes and
// ends with its error; where the string is malformed (or too long), it
// ends with the reference's error, and what each delivered is a prefix
// of what the other did: the piece the fault is found in is dropped, as
// lecp does, and where pieces end depends on the split (with
// AllowInvalidUTF8, the reference holds back a byte that starts a
// sequence until the byte after it comes, where a piece cut at
// StringChunk in a longer Read may end after it).
func FuzzStringReaderCut(f *testing.F) {
	for _, c := range []string{
		`abcdefgh`, `héllo wörld €𝄞!`, `a\"b\\c\u00e9\ud834\udd1ez\n\/`, `abc"]`,
		`abc\u00`, "ab\xe2\x82", "ab\x01cd", "ab\xffcd", `ab\x`, `\ud834\u`,
		`0123456789abcdefghijklmnopqrstuvwxyz€€€€\u20ac\t`,
	} {
		f.Add([]byte(c), []byte{0, 3, 1}, uint8(0))
		f.Add([]byte(c), []byte{200}, uint8(0x0d))
		f.Add([]byte(c), []byte{2}, uint8(0x32))
	}
	f.Fuzz(func(t *testing.T, content, sizes []byte, o uint8) {
		if len(content) > 4096 || len(sizes) > 64 {
			return
		}
		in := append([]byte(`["`), content...)
		// o: the end (bits 0-1), StringChunk (2-3), AllowInvalidUTF8
		// (4), a small MaxStringLen (5), the Read size (6-7).
		end := errBoom
		if o&1 == 0 {
			end = io.EOF
		}
		opts := &Options{
			StringChunk:      []int{0, 4, 5, 64}[o>>2&3],
			AllowInvalidUTF8: o&0x10 != 0,
		}
		if o&0x20 != 0 {
			opts.MaxStringLen = 20
		}
		rs := []int{1, 2, 7, 100}[o>>6]
		read := func(r io.Reader) ([]byte, bool, error) {
			d := NewDecoder(r, opts)
			if _, err := d.ReadToken(); err != nil {
				t.Fatalf("%q: ReadToken: %v", in, err)
			}
			return srRead(t, d, rs, len(in))
		}
		want, _, wantErr := read(&splitReader{in: in, err: end})
		got, _, err := read(&splitReader{in: in, sizes: sizes, err: end, with: o&2 != 0})
		if checkLine(err) != checkLine(wantErr) || (err == errBoom) != (wantErr == errBoom) {
			t.Fatalf("%q split %v, %s: %v, want %v", in, sizes, optsLabel(opts), err, wantErr)
		}
		var se *SyntaxError
		whole := err == io.EOF || err == errBoom || errors.As(err, &se) && se.Err == ErrUnexpectedEOF
		if whole && !bytes.Equal(got, want) || !bytes.HasPrefix(want, got) && !bytes.HasPrefix(got, want) {
			t.Fatalf("%q split %v, %s: delivered %q, want %q (%v)", in, sizes, optsLabel(opts), got, want, err)
		}
	})
}
