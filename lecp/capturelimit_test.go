package lecp

import (
	"bytes"
	"errors"
	"fmt"
	"testing"
)

// captureFirst parses data with opts, split into pieces of size split (0:
// whole), calling Capture on the first event at depth 1 (the first element
// of the top-level array); it returns the Raw event's value and the error.
func captureFirst(data []byte, opts *Options, pats []string, split int) ([]byte, error) {
	var raw []byte
	started := false
	p, err := NewParser(HandlerFunc(func(p *Parser, ev *Event) error {
		if ev.Kind == Raw {
			raw = append([]byte(nil), ev.Value...)
			return nil
		}
		if !started && p.Depth() == 1 {
			started = p.Capture()
		}
		return nil
	}), opts, pats...)
	if err != nil {
		return nil, err
	}
	var sp func(int) int
	if split > 0 {
		sp = func(int) int { return split }
	}
	return raw, writeSplit(p, data, sp)
}

// TestCaptureBoundedByMaxValueLen: Parser.Capture holds the captured item
// whole, so Options.MaxValueLen bounds it: an item of MaxValueLen bytes is
// captured, one of MaxValueLen+1 is ErrValueTooLarge at the item's start
// with its path, whatever the split of the input and whether the item's
// first event is already over the limit. Before, nothing bounded it.
func TestCaptureBoundedByMaxValueLen(t *testing.T) {
	const n = 1000
	// [[h'..'], 0]: the captured [h'..'] is 1+3+len bytes
	item := func(size int) []byte {
		b := AppendArrayHeader(nil, 2)
		b = AppendArrayHeader(b, 1)
		b = AppendBytes(b, make([]byte, size-4))
		return AppendUint(b, 0)
	}
	// [h'..', 0]: a string whose first (and only) piece is over the limit
	long := AppendUint(AppendBytes(AppendArrayHeader(nil, 2), make([]byte, 50)), 0)
	for _, pats := range [][]string{nil, {"[0]"}} {
		for _, split := range []int{0, 1, 7} {
			name := fmt.Sprintf("patterns %q split %d", pats, split)
			opts := &Options{MaxValueLen: n}
			raw, err := captureFirst(item(n), opts, pats, split)
			if err != nil || len(raw) != n || !bytes.Equal(raw, item(n)[1:n+1]) {
				t.Errorf("%s: item of MaxValueLen bytes: %d bytes, %v", name, len(raw), err)
			}
			raw, err = captureFirst(item(n+1), opts, pats, split)
			var se *SyntaxError
			if !errors.Is(err, ErrValueTooLarge) || !errors.As(err, &se) || se.Offset != 1 || se.Path != "[0]" || raw != nil {
				t.Errorf("%s: item of MaxValueLen+1 bytes: %d bytes, %v", name, len(raw), err)
			}
			raw, err = captureFirst(long, &Options{MaxValueLen: 10}, pats, split)
			if !errors.Is(err, ErrValueTooLarge) || !errors.As(err, &se) || se.Offset != 1 || se.Path != "[0]" || raw != nil {
				t.Errorf("%s: 52-byte string, MaxValueLen 10: %d bytes, %v", name, len(raw), err)
			}
		}
	}
}

// TestCaptureMemoryBounded: capturing an 8 MiB item with MaxValueLen 64 KiB
// allocates about 64 KiB, not 8 MiB, and stops with ErrValueTooLarge.
func TestCaptureMemoryBounded(t *testing.T) {
	const size = 8 << 20
	b := AppendArrayHeader(nil, 1)
	b = AppendArrayHeader(b, 1)
	b = AppendBytes(b, make([]byte, size))
	var err error
	got := allocBytes(func() {
		_, err = captureFirst(b, &Options{MaxValueLen: 64 << 10}, []string{"[0]"}, 4<<10)
	})
	if !errors.Is(err, ErrValueTooLarge) {
		t.Errorf("8 MiB capture: %v", err)
	}
	if got > 1<<20 {
		t.Errorf("8 MiB capture with MaxValueLen 64 KiB allocated %d bytes", got)
	}
}

// TestCaptureLimitSplitIndependent: with MaxValueLen small enough to stop
// captures, the events and the error are the same however the input is
// split (the direct loop, fastStep and the machine each meet the limit).
func TestCaptureLimitSplitIndependent(t *testing.T) {
	one := func(int) int { return 1 }
	seven := func(int) int { return 7 }
	docs := append(fastPathDocs(), fromHex("82 83 01 02 03 5820 0000000000000000000000000000000000000000000000000000000000000000"))
	for _, d := range docs {
		for _, n := range []int{1, 2, 5, 16, 40, 64, 200} {
			opts := &Options{MaxValueLen: n, StringChunk: 64}
			want := traceCaptureAll(d, opts, nil)
			if got := traceCaptureAll(d, opts, one); got != want {
				t.Fatalf("%x MaxValueLen %d: whole:\n%s\none byte at a time:\n%s", d, n, want, got)
			}
			if got := traceCaptureAll(d, opts, seven); got != want {
				t.Fatalf("%x MaxValueLen %d: whole:\n%s\n7 bytes at a time:\n%s", d, n, want, got)
			}
		}
	}
}
