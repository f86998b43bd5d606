package lejp

import (
	"fmt"
	"math"
	"strings"
	"testing"
)

// allWaysSafe is allWays with a panic turned into an error, so that one
// bad way does not hide the others.
func allWaysSafe(in []byte, opts *Options) (errs map[string]error) {
	defer func() {
		if r := recover(); r != nil {
			errs = map[string]error{"some way": fmt.Errorf("panic: %v", r)}
		}
	}()
	return allWays(in, opts)
}

// TestHugeLimits: a limit set to the largest int is no limit in effect,
// never a limit of its own: every entry point accepts ordinary documents,
// never panics, and a Parser with the largest StringChunk delivers a
// string as one String event. (Each of MaxNumberLen, MaxNameLen and
// StringChunk once overflowed a "+ 1" and rejected "[1]" as
// ErrInvalidNumber, {"a":1} one byte at a time as ErrNameTooLong, or
// panicked in the Parser.)
func TestHugeLimits(t *testing.T) {
	long := `"` + strings.Repeat("x", 5000) + `"`
	docs := []string{`1`, `[1]`, `-12.5e3`, `{"a":"b"}`, `{"abc":[1,true,null]}`, `[` + long + `]`, `{` + long + `:1}`,
		`[123456789012345678901234567890123456789012345678901234567890]`}
	for _, o := range []*Options{
		{MaxNumberLen: math.MaxInt}, {MaxNameLen: math.MaxInt}, {StringChunk: math.MaxInt},
		{MaxDepth: math.MaxInt}, {MaxValueLen: math.MaxInt}, {MaxNameMemory: math.MaxInt},
		{MaxStringLen: math.MaxInt64},
		{MaxNumberLen: math.MaxInt - 1, MaxNameLen: math.MaxInt - 1, StringChunk: math.MaxInt - 1},
	} {
		for _, in := range docs {
			for way, err := range allWaysSafe([]byte(in), o) {
				if err != nil {
					t.Errorf("%+v: %.20s: %s: %.80v", *o, in, way, err)
				}
			}
		}
	}
	var kinds []string
	p, _ := NewParser(HandlerFunc(func(p *Parser, ev Event) error {
		kinds = append(kinds, fmt.Sprint(ev.Kind, len(ev.Value)))
		return nil
	}), &Options{StringChunk: math.MaxInt})
	func() {
		defer func() {
			if r := recover(); r != nil {
				t.Errorf("panic: %v", r)
			}
		}()
		for i := 0; i < len(long); i += 100 {
			p.Write([]byte(long[i:min(i+100, len(long))]))
		}
	}()
	if err := p.Close(); err != nil || strings.Join(kinds, " ") != "string 5000" {
		t.Errorf("StringChunk MaxInt: events %v, %v", kinds, err)
	}
}
