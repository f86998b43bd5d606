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

// BenchmarkAppendStringKinds is BenchmarkAppendString over each file's
// strings split by kind, plain ASCII with nothing to escape ("plain") and
// the others ("other": non-ASCII text, escapes), with the escaping and
// the one it replaced (appendStringOld) side by side: compare them with
// benchstat -col /impl.
func BenchmarkAppendStringKinds(b *testing.B) {
	impls := []struct {
		name string
		f    func([]byte, string, bool) ([]byte, bool)
	}{{"new", appendString[string]}, {"old", appendStringOld[string]}}
	for _, name := range benchFiles {
		strs, _ := corpusStrings(b, name)
		var kinds [2][]string
		var sizes [2]int
		for _, s := range strs {
			k := 0
			for i := 0; i < len(s); i++ {
				if c := s[i]; c < 0x20 || c >= 0x80 || c == '"' || c == '\\' {
					k = 1
					break
				}
			}
			kinds[k] = append(kinds[k], s)
			sizes[k] += len(s)
		}
		for k, kind := range []string{"plain", "other"} {
			if len(kinds[k]) == 0 {
				continue
			}
			for _, impl := range impls {
				b.Run(name+"/kind="+kind+"/impl="+impl.name, func(b *testing.B) {
					buf := make([]byte, 0, 6*sizes[k]+2*len(kinds[k]))
					b.SetBytes(int64(sizes[k]))
					b.ReportAllocs()
					for b.Loop() {
						buf = buf[:0]
						for _, s := range kinds[k] {
							buf, _ = impl.f(buf, s, true)
						}
					}
				})
			}
		}
	}
}
