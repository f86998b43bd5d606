package lejp

import (
	"io"
	"strconv"
	"strings"
	"testing"
)

// BenchmarkWriter writes the objects JOSE writes (a header, a private RSA
// JWK's 17 members), one large object and a long string, reusing one
// Writer and buffer as a hot loop does.
func BenchmarkWriter(b *testing.B) {
	header := []string{"alg", "b64", "crit", "kid", "typ", "cty"}
	jwk := []string{"kty", "n", "e", "d", "p", "q", "dp", "dq", "qi", "kid", "alg", "use", "key_ops", "x5u", "x5c", "x5t", "x5t#S256"}
	large := make([]string, 1000)
	for i := range large {
		large[i] = "member-" + strconv.Itoa(i)
	}
	long := make([]byte, 4096)
	for i := range long {
		long[i] = "abcdéfgh€"[i%9]
	}
	for _, tc := range []struct {
		name  string
		names []string
		value string
	}{
		{"header", header, "ES256"},
		{"jwk", jwk, "AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T"},
		{"large", large, "v"},
		{"longstring", []string{"payload"}, string(long)},
	} {
		b.Run(tc.name, func(b *testing.B) {
			var w Writer
			buf := make([]byte, 0, 64<<10)
			n := 0
			b.ReportAllocs()
			for b.Loop() {
				w.Reset(buf[:0])
				w.BeginObject()
				for _, nm := range tc.names {
					w.Name(nm)
					w.String(tc.value)
				}
				w.EndObject()
				out, err := w.Finish()
				if err != nil {
					b.Fatal(err)
				}
				n = len(out)
			}
			b.SetBytes(int64(n))
		})
	}
}

// BenchmarkWriterStringPiece writes a long string in 64 KiB pieces,
// flushing each into io.Discard, as a streaming writer does: ASCII,
// text with multi-byte runes and escapes, the same as bytes, and pieces
// of 1 KiB; "String" writes the same text whole with String, for
// comparison.
func BenchmarkWriterStringPiece(b *testing.B) {
	ascii := strings.Repeat("abcdefghijklmnopqrstuvwxyz012345", 2048)
	mixed := strings.Repeat("abcdéfgh€ijklmn\n", 4096)
	for _, tc := range []struct {
		name  string
		text  string
		piece int
		bytes bool
	}{
		{"ascii", ascii, 64 << 10, false},
		{"mixed", mixed, 64 << 10, false},
		{"mixed-bytes", mixed, 64 << 10, true},
		{"mixed-1KiB", mixed, 1 << 10, false},
		{"String", mixed, 0, false},
	} {
		b.Run(tc.name, func(b *testing.B) {
			var w Writer
			tb := []byte(tc.text)
			b.SetBytes(int64(len(tc.text)))
			b.ReportAllocs()
			if tc.piece == 0 {
				buf := make([]byte, 0, 2*len(tc.text))
				for b.Loop() {
					w.Reset(buf[:0])
					w.String(tc.text)
				}
				return
			}
			w.BeginString()
			for b.Loop() {
				for i := 0; i < len(tc.text); i += tc.piece {
					j := min(i+tc.piece, len(tc.text))
					if tc.bytes {
						w.StringPieceBytes(tb[i:j])
					} else {
						w.StringPiece(tc.text[i:j])
					}
					w.Flush(io.Discard)
				}
			}
			w.EndString()
			if err := w.Err(); err != nil {
				b.Fatal(err)
			}
		})
	}
}
