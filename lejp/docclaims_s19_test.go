package lejp

import (
	"errors"
	"io"
	"strings"
	"testing"
	"testing/iotest"
)

// TestMaxStringLenLeavesNamesToMaxNameLen pins Options.MaxStringLen's
// godoc: it bounds string values only; a member name longer than it is
// accepted, and MaxNameLen bounds names.
func TestMaxStringLenLeavesNamesToMaxNameLen(t *testing.T) {
	if err := Check([]byte(`{"abcdefgh":1}`), &Options{MaxStringLen: 3}); err != nil {
		t.Errorf("MaxStringLen 3, 8-byte name: %v, want nil", err)
	}
	if err := Check([]byte(`["abcdefgh"]`), &Options{MaxStringLen: 3}); !errors.Is(err, ErrStringTooLong) {
		t.Errorf("MaxStringLen 3, 8-byte value: %v, want ErrStringTooLong", err)
	}
	if err := Check([]byte(`{"abcdefgh":1}`), &Options{MaxNameLen: 3, MaxStringLen: 100}); !errors.Is(err, ErrNameTooLong) {
		t.Errorf("MaxNameLen 3, 8-byte name: %v, want ErrNameTooLong", err)
	}
}

// TestParserIOCopy pins the Parser godoc: a Parser is an io.WriteCloser
// that io.Copy feeds from a reader, and Close says whether that was one
// complete value.
func TestParserIOCopy(t *testing.T) {
	var _ io.WriteCloser = (*Parser)(nil)
	n := 0
	p, _ := NewParser(HandlerFunc(func(*Parser, Event) error { n++; return nil }), nil)
	if c, err := io.Copy(p, iotest.OneByteReader(strings.NewReader(`{"a":[1,"x"]}`))); c != 13 || err != nil {
		t.Fatalf("io.Copy: %d, %v", c, err)
	}
	if err := p.Close(); err != nil || n != 7 {
		t.Errorf("Close: %v after %d events, want nil after 7", err, n)
	}
	p, _ = NewParser(HandlerFunc(func(*Parser, Event) error { return nil }), nil)
	if _, err := io.Copy(p, strings.NewReader(`{"a":`)); err != nil {
		t.Fatal(err)
	}
	if err := p.Close(); !errors.Is(err, ErrUnexpectedEOF) {
		t.Errorf("Close after an incomplete value: %v, want ErrUnexpectedEOF", err)
	}
}
