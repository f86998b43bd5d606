package lejp

import (
	"io"
	"testing"
)

// corpusStrings returns the decoded names and strings of a benchmark file.
func corpusStrings(b *testing.B, name string) ([]string, int) {
	d := NewDecoderBytes(benchInput(b, name), nil)
	var out []string
	n := 0
	for {
		t, err := d.ReadToken()
		if err == io.EOF {
			return out, n
		}
		if err != nil {
			b.Fatal(err)
		}
		if t.Kind == Name || t.Kind == String {
			out = append(out, string(t.Value))
			n += len(t.Value)
		}
	}
}

// BenchmarkAppendString appends every name and string of each benchmark
// file as a JSON string (MB/s of the strings' decoded bytes): the escaping
// and UTF-8 checking a Writer does for its strings.
func BenchmarkAppendString(b *testing.B) {
	for _, name := range benchFiles {
		strs, n := corpusStrings(b, name)
		b.Run(name, func(b *testing.B) {
			buf := make([]byte, 0, 4*n)
			b.SetBytes(int64(n))
			b.ReportAllocs()
			for b.Loop() {
				buf = buf[:0]
				for _, s := range strs {
					buf, _ = appendString(buf, s, true)
				}
			}
		})
	}
}
