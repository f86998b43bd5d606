package lejp

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"testing"
)

// pieceReader returns its input at most n bytes per Read, as a socket or a
// pipe does.
type pieceReader struct {
	b     []byte
	n     int
	after func(delivered int) // called after each Read, with the bytes delivered so far
	done  int
}

func (r *pieceReader) Read(p []byte) (int, error) {
	if len(r.b) == 0 {
		return 0, io.EOF
	}
	k := copy(p[:min(len(p), r.n)], r.b)
	r.b = r.b[k:]
	r.done += k
	if r.after != nil {
		r.after(r.done)
	}
	return k, nil
}

// TestDecoderLongStringSmallReads: a Decoder reading a long string from an
// io.Reader that returns it in small pieces scans each byte a bounded
// number of times. It used to scan the string again from its opening quote
// after every Read, so that a string of n bytes arriving in pieces of k
// cost n²/2k byte checks: 4 MiB of "\u00e9" escapes in 1 KiB Reads took
// a minute, a string at the default limit (64 MiB) hours (found by the
// differential test against encoding/json/jsontext, whose reader of random
// small pieces never finished). The strings here (16 MiB, 512-byte Reads)
// finish in well under a second when the scan resumes, and would need
// longer than the test binary's timeout if it started over.
func TestDecoderLongStringSmallReads(t *testing.T) {
	const size = 16 << 20
	for _, tc := range []struct {
		name string
		unit string
		want string
	}{
		{"plain", "abcdefgh", "abcdefgh"},
		{"escaped", `\u00e9`, "é"},
		{"non-ASCII", "é€", "é€"},
		{"surrogate pairs", `\ud83d\ude00`, "😀"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			n := size / len(tc.unit)
			in := []byte(`["` + strings.Repeat(tc.unit, n) + `"]`)
			d := NewDecoder(&pieceReader{b: in, n: 512}, nil)
			if tok, err := d.ReadToken(); err != nil || tok.Kind != ArrayStart {
				t.Fatalf("%v %v", tok, err)
			}
			tok, err := d.ReadToken()
			if err != nil {
				t.Fatal(err)
			}
			if tok.Kind != String || len(tok.Value) != n*len(tc.want) || !bytes.Equal(tok.Value[:len(tc.want)], []byte(tc.want)) {
				t.Fatalf("string of %d bytes, kind %v", len(tok.Value), tok.Kind)
			}
			if _, err := d.ReadToken(); err != nil {
				t.Fatal(err)
			}
			if err := d.Finish(); err != nil {
				t.Fatal(err)
			}
			// ReadValue (raw bytes, pinned across refills) and SkipValue
			// (nothing decoded) read the string by the same scan.
			d = NewDecoder(&pieceReader{b: in, n: 512}, nil)
			if v, err := d.ReadValue(); err != nil || !bytes.Equal(v, in) {
				t.Fatalf("ReadValue: %d bytes, %v", len(v), err)
			}
			d = NewDecoder(&pieceReader{b: in, n: 512}, nil)
			d.ReadToken()
			if err := d.SkipValue(); err != nil || d.InputOffset() != int64(len(in)-1) {
				t.Fatalf("SkipValue: at %d, %v", d.InputOffset(), err)
			}
		})
	}
}

// TestDecoderStringResumes: strings and names that arrive in pieces of 1,
// 7 and 64 bytes, which the Decoder scans on from where the previous
// piece ended (keepPart, takePart), give the same tokens, and the same
// errors at the same offsets, as the whole input, under strict options,
// with lower length limits and with invalid UTF-8 allowed.
func TestDecoderStringResumes(t *testing.T) {
	docs := []string{
		`["` + strings.Repeat(`ab\u00e9\ud83d\ude00é€\n`, 300) + `"]`,
		`{"` + strings.Repeat(`nm\u00e9é\t`, 300) + `":1}`,
		`["` + strings.Repeat(`abcdefgh`, 300) + "\x01" + `"]`,
		`{"` + strings.Repeat(`\u00e9`, 300) + `\ud800x":1}`,
		`{"` + strings.Repeat(`\u00e9`, 300) + `":1,"` + strings.Repeat(`\u00e9`, 299) + `\u00E9":2}`,
		`["` + strings.Repeat(`é`, 300) + "\xff" + `"]`,
		`["` + strings.Repeat(`é`, 300) + `\q"]`,
		`["` + strings.Repeat(`é`, 300),
		`["` + strings.Repeat(`x`, 3000) + `", "` + strings.Repeat(`\/`, 1000) + `"]`,
	}
	for _, opts := range []*Options{nil, {MaxStringLen: 1000, MaxNameLen: 1000}, {AllowInvalidUTF8: true}} {
		for _, doc := range docs {
			in := []byte(doc)
			want := pullTrace(opts, in, false)
			for _, k := range []int{1, 7, 64} {
				var d *Decoder
				resumed := 0
				r := &pieceReader{b: in, n: k, after: func(int) {
					if d.s.partQuote != 0 {
						resumed++
					}
				}}
				d = NewDecoder(r, opts)
				var got strings.Builder
				for {
					tok, err := d.ReadToken()
					if err == io.EOF {
						break
					}
					if err != nil {
						got.WriteString(errLine(err))
						break
					}
					fmt.Fprintf(&got, "%d %s %s", tok.Offset, tok.Kind, d.Pointer())
					if tok.Value != nil {
						fmt.Fprintf(&got, " %q", tok.Value)
					}
					got.WriteByte('\n')
				}
				if got.String() != want {
					t.Errorf("%+v %.40q in %d-byte Reads:\n%s", opts, doc, k, diff(want, got.String()))
				}
				if resumed == 0 {
					t.Errorf("%+v %.40q in %d-byte Reads: no string was resumed", opts, doc, k)
				}
			}
		}
	}
}
