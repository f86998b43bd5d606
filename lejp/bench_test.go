package lejp

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/lwscrypto/lwscrypto/internal/testenv"
)

var benchFiles = []string{"twitter.json", "citm_catalog.json", "canada.json"}

func benchInput(b *testing.B, name string) []byte {
	in, err := os.ReadFile(filepath.Join(testenv.VectorsFile(b, "json-benchmark"), name))
	if err != nil {
		b.Fatal(err)
	}
	return in
}

type nopHandler struct{}

func (nopHandler) HandleEvent(*Parser, Event) error { return nil }

// BenchmarkParser: push events for the whole file in one Write, and in
// 4 KiB Writes.
func BenchmarkParser(b *testing.B) {
	for _, name := range benchFiles {
		in := benchInput(b, name)
		for _, chunk := range []int{0, 4096} {
			sub := name
			if chunk > 0 {
				sub += "/4KiB-writes"
			}
			b.Run(sub, func(b *testing.B) {
				p, _ := NewParser(nopHandler{}, nil)
				b.SetBytes(int64(len(in)))
				b.ReportAllocs()
				for b.Loop() {
					p.Reset()
					if chunk == 0 {
						p.Write(in)
					} else {
						for c := in; len(c) > 0; {
							n := min(chunk, len(c))
							p.Write(c[:n])
							c = c[n:]
						}
					}
					if err := p.Close(); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

func BenchmarkDecoder(b *testing.B) {
	for _, name := range benchFiles {
		in := benchInput(b, name)
		b.Run(name, func(b *testing.B) {
			d := NewDecoderBytes(in, nil)
			b.SetBytes(int64(len(in)))
			b.ReportAllocs()
			for b.Loop() {
				d.ResetBytes(in)
				readAll(b, d)
			}
		})
	}
}

func BenchmarkCheck(b *testing.B) {
	for _, name := range benchFiles {
		in := benchInput(b, name)
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(in)))
			b.ReportAllocs()
			for b.Loop() {
				if err := Check(in, nil); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkPatterns: three patterns over twitter.json (the handler sees
// every event with its match index).
func BenchmarkPatterns(b *testing.B) {
	in := benchInput(b, "twitter.json")
	p, _ := NewParser(nopHandler{}, nil, "statuses[].id", "statuses[].user.screen_name", "search_metadata.*")
	b.SetBytes(int64(len(in)))
	b.ReportAllocs()
	for b.Loop() {
		p.Reset()
		p.Write(in)
		if err := p.Close(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkEvents: push events for the whole file in one Write to a
// counting HandlerFunc, as bench/'s lejp-events does (the Parser's
// HandlerFunc path).
func BenchmarkEvents(b *testing.B) {
	for _, name := range benchFiles {
		in := benchInput(b, name)
		b.Run(name, func(b *testing.B) {
			n := 0
			p, _ := NewParser(HandlerFunc(func(*Parser, Event) error { n++; return nil }), nil)
			b.SetBytes(int64(len(in)))
			b.ReportAllocs()
			for b.Loop() {
				p.Reset()
				if _, err := p.Write(in); err != nil {
					b.Fatal(err)
				}
				if err := p.Close(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkDecoderSkip: SkipValue over each whole file (one call), and
// ReadValue of each member of the top-level object.
func BenchmarkDecoderSkip(b *testing.B) {
	for _, name := range benchFiles {
		in := benchInput(b, name)
		b.Run(name, func(b *testing.B) {
			d := NewDecoderBytes(in, nil)
			b.SetBytes(int64(len(in)))
			b.ReportAllocs()
			for b.Loop() {
				d.ResetBytes(in)
				if err := d.SkipValue(); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(name+"/members", func(b *testing.B) {
			d := NewDecoderBytes(in, nil)
			b.SetBytes(int64(len(in)))
			b.ReportAllocs()
			for b.Loop() {
				d.ResetBytes(in)
				if _, err := d.ReadToken(); err != nil {
					b.Fatal(err)
				}
				for {
					if t, err := d.ReadToken(); err != nil {
						b.Fatal(err)
					} else if t.Kind == ObjectEnd {
						break
					}
					if _, err := d.ReadValue(); err != nil {
						b.Fatal(err)
					}
				}
			}
		})
	}
}

// BenchmarkDecoderReader: tokens over an io.Reader (a bytes.Reader: the
// Decoder's own buffer, refilled).
func BenchmarkDecoderReader(b *testing.B) {
	for _, name := range benchFiles {
		in := benchInput(b, name)
		b.Run(name, func(b *testing.B) {
			r := bytes.NewReader(in)
			d := NewDecoder(r, nil)
			b.SetBytes(int64(len(in)))
			b.ReportAllocs()
			for b.Loop() {
				r.Reset(in)
				d.Reset(r)
				readAll(b, d)
			}
		})
	}
}

// BenchmarkDecoderSmall: the per-document cost on JOSE-sized inputs (a
// protected header, a claims set, an EC JWK): ResetBytes, every token to
// io.EOF, as jose reads them.
func BenchmarkDecoderSmall(b *testing.B) {
	docs := map[string]string{
		"header": `{"alg":"ES256","kid":"2026-key-1","typ":"JWT"}`,
		"claims": `{"iss":"https://issuer.example","sub":"user-1234","aud":["api","web"],"exp":1767225600,` +
			`"nbf":1767222000,"iat":1767222000,"jti":"b2c1d4e5-0001","scope":"read write","admin":false}`,
		"jwk": `{"kty":"EC","crv":"P-256","kid":"k1","alg":"ES256","x":"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU",` +
			`"y":"x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0"}`,
	}
	for _, name := range []string{"header", "claims", "jwk"} {
		in := []byte(docs[name])
		b.Run(name, func(b *testing.B) {
			d := NewDecoderBytes(in, nil)
			b.SetBytes(int64(len(in)))
			b.ReportAllocs()
			for b.Loop() {
				d.ResetBytes(in)
				readAll(b, d)
			}
		})
	}
}
