//go:build linux || darwin

package lecp

import (
	"errors"
	"io"
	"slices"
	"strconv"
	"syscall"
	"testing"
)

// TestKeysPast2GiB: map keys are compared in place in the input, at int32
// offsets, as long as they lie below 2 GiB; a key further on is copied. A
// map whose first key ends exactly at offset 2^31, after two byte strings
// of about 1 GiB each (in an anonymous mapping whose untouched pages take no
// memory), must give the right paths and find the duplicate of that key,
// through Check, the Decoder and the Parser (whose loop takes strings of up
// to StringChunk bytes whole), with and without AllowDuplicateKeys. An
// earlier map leaves room in the key arena, so the fast paths keep the key
// in place if their bound lets them.
func TestKeysPast2GiB(t *testing.T) {
	if strconv.IntSize < 64 {
		t.Skip("needs a 64-bit address space for a 2 GiB input")
	}
	// [{0: null, … 5: null}, h'…', h'…', {10: null, 11: null, … 19: null, 10: null}]
	// with the first key 10 of the last map at offset 2^31-1
	const (
		firstKey = 10
		nKeys    = 10
		len1     = (1<<31 - 1 - (1 + 13 + 5 + 5 + 1)) / 2 // both strings at most 1 GiB
		len2     = 1<<31 - 1 - (1 + 13 + 5 + len1 + 5 + 1)
		docLen   = 1<<31 - 1 + 2*(nKeys+1)
		lastKey  = docLen - 2 // the duplicate
	)
	doc, err := syscall.Mmap(-1, 0, docLen, syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_PRIVATE|syscall.MAP_ANON)
	if err != nil {
		t.Skipf("cannot map %d bytes: %v", docLen, err)
	}
	defer syscall.Munmap(doc)
	var want []string
	b := AppendMapHeader(AppendArrayHeader(doc[:0], 4), 6)
	for k := range 6 {
		b = AppendNull(AppendUint(b, uint64(k)))
		want = append(want, "[0]."+strconv.Itoa(k))
	}
	b = AppendBytesHeader(b, len1)
	b = AppendBytesHeader(b[:len(b)+len1], len2)
	b = AppendMapHeader(b[:len(b)+len2], nKeys+1)
	if len(b) != 1<<31-1 {
		t.Fatalf("layout: last map's first key at %d", len(b))
	}
	for k := firstKey; k < firstKey+nKeys; k++ {
		b = AppendNull(AppendUint(b, uint64(k)))
		want = append(want, "[3]."+strconv.Itoa(k))
	}
	b = AppendNull(AppendUint(b, firstKey))
	if len(b) != docLen {
		t.Fatalf("layout: %d bytes, want %d", len(b), docLen)
	}
	for _, allowDup := range []bool{false, true} {
		opts := &Options{MaxStringLen: -1, StringChunk: 1 << 30, AllowDuplicateKeys: allowDup}
		wantPaths := want
		if allowDup {
			wantPaths = append(slices.Clip(want), "[3]."+strconv.Itoa(firstKey))
		}
		check := func(api string, err error, paths []string) {
			t.Helper()
			if allowDup && err != nil {
				t.Errorf("%s, AllowDuplicateKeys: %v", api, err)
			}
			var se *SyntaxError
			if !allowDup && (!errors.As(err, &se) || se.Err != ErrDuplicateKey || se.Offset != lastKey+1 || se.Path != "[3]") {
				t.Errorf("%s: %v, want duplicate key at offset %d (path [3])", api, err, lastKey+1)
			}
			if paths != nil && !slices.Equal(paths, wantPaths) {
				t.Errorf("%s, AllowDuplicateKeys %v: value paths %q, want %q", api, allowDup, paths, wantPaths)
			}
		}
		check("Check", Check(doc, opts), nil)

		var paths []string
		d := NewDecoderBytes(doc, opts)
		for {
			tok, err := d.ReadToken()
			if err != nil {
				if err == io.EOF {
					err = nil
				}
				check("Decoder", err, paths)
				break
			}
			if tok.Kind == Null {
				paths = append(paths, d.Path())
			}
		}

		paths = nil
		p, _ := NewParser(HandlerFunc(func(p *Parser, ev *Event) error {
			if ev.Kind == Null {
				paths = append(paths, p.Path())
			}
			return nil
		}), opts)
		_, err := p.Write(doc)
		if err == nil {
			err = p.Close()
		}
		check("Parser", err, paths)
	}
}
