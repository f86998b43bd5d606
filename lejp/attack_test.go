package lejp

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"runtime"
	"strings"
	"testing"
	"testing/iotest"
)

// allWays runs in through Check, the Decoder over bytes, the Decoder over a
// one-byte reader, and the Parser whole and one byte per Write, and returns
// each one's error.
func allWays(in []byte, opts *Options) map[string]error {
	errs := map[string]error{"Check": Check(in, opts)}
	drain := func(d *Decoder) error {
		for {
			if _, err := d.ReadToken(); err != nil {
				if err == io.EOF {
					return nil
				}
				return err
			}
		}
	}
	errs["Decoder bytes"] = drain(NewDecoderBytes(in, opts))
	errs["Decoder one-byte reader"] = drain(NewDecoder(iotest.OneByteReader(bytes.NewReader(in)), opts))
	push := func(chunk int) error {
		p, _ := NewParser(&countHandler{}, opts)
		for len(in) > 0 {
			n := min(chunk, len(in))
			if _, err := p.Write(in[:n]); err != nil {
				return err
			}
			in = in[n:]
		}
		return p.Close()
	}
	whole, one := in, in
	in = whole
	errs["Parser whole"] = push(len(in) + 1)
	in = one
	errs["Parser one byte"] = push(1)
	return errs
}

// TestAttack20DuplicateNames is security catalog row 20: duplicate member
// names are rejected on every entry point (one parser under all of them),
// including a duplicate spelled with escapes and one in a large object
// (hashed index), while names differing only in case are different JSON
// names (JOSE rejects those itself, seeing both Name tokens).
func TestAttack20DuplicateNames(t *testing.T) {
	var big strings.Builder
	big.WriteString(`{`)
	for i := 0; i < 1000; i++ {
		fmt.Fprintf(&big, `"m%d":%d,`, i, i)
	}
	big.WriteString(`"m517":0}`)
	for _, in := range []string{
		`{"alg":"HS256","alg":"none"}`,
		`{"sub":"alice","aud":"x","sub":"mallory"}`,
		`{"kty":"EC","crv":"P-256","kty":"oct"}`,
		`{"alg":"HS256","\u0061lg":"none"}`,
		`{"a":{"alg":1},"b":{"x":1,"x":2}}`,
		big.String(),
	} {
		for way, err := range allWays([]byte(in), &Options{MaxDepth: 64}) {
			var se *SyntaxError
			if !errors.Is(err, ErrDuplicateName) || !errors.As(err, &se) {
				t.Errorf("%.40s…: %s: %v, want ErrDuplicateName", in, way, err)
			}
		}
	}
	// The same names in different objects are not duplicates.
	if err := Check([]byte(`{"a":{"alg":1},"b":{"alg":2},"alg":3}`), nil); err != nil {
		t.Errorf("names in sibling objects: %v", err)
	}
	// Case variants are distinct names; both reach the caller.
	d := NewDecoderBytes([]byte(`{"alg":"HS256","Alg":"none"}`), nil)
	var names []string
	for {
		tok, err := d.ReadToken()
		if err != nil {
			break
		}
		if tok.Kind == Name {
			names = append(names, string(tok.Value))
		}
	}
	if strings.Join(names, ",") != "alg,Alg" {
		t.Errorf("case variants: names %v", names)
	}
}

// TestAttack28DeepNesting is security catalog row 28: 1,000,000 nested '['
// give a depth error at the configured limit on every entry point, also
// one byte at a time, with the parser's stack bounded by the limit (no
// recursion: the heap grows by the frames of the limit only).
func TestAttack28DeepNesting(t *testing.T) {
	in := bytes.Repeat([]byte("["), 1_000_000)
	for _, limit := range []int{64, DefaultMaxDepth} {
		opts := &Options{}
		if limit != DefaultMaxDepth {
			opts.MaxDepth = limit
		}
		for way, err := range allWays(in, opts) {
			var se *SyntaxError
			if !errors.As(err, &se) || !errors.Is(err, ErrDepth) || se.Offset != int64(limit) {
				t.Errorf("limit %d: %s: %v, want ErrDepth at offset %d", limit, way, err, limit)
			}
		}
	}
	// Objects too, and the frames stay within the limit.
	obj := bytes.Repeat([]byte(`{"a":`), 200_000)
	var m0, m1 runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&m0)
	p, _ := NewParser(&countHandler{}, &Options{MaxDepth: 64})
	var err error
	for i := 0; i < len(obj) && err == nil; i++ {
		_, err = p.Write(obj[i : i+1])
	}
	runtime.ReadMemStats(&m1)
	if !errors.Is(err, ErrDepth) {
		t.Errorf("nested objects: %v", err)
	}
	if len(p.s.frames) > 64 {
		t.Errorf("%d frames held, limit 64", len(p.s.frames))
	}
	if grew := m1.TotalAlloc - m0.TotalAlloc; grew > 64<<10 {
		t.Errorf("nested objects one byte at a time allocated %d bytes", grew)
	}
}

// TestLimits checks each limit's error, offset and that the limit itself is
// allowed, through every entry point.
func TestLimits(t *testing.T) {
	for _, tc := range []struct {
		name   string
		opts   *Options
		ok     string
		bad    string
		cause  error
		offset int64
	}{
		{"name", &Options{MaxNameLen: 4}, `{"abcd":1}`, `{"abcde":1}`, ErrNameTooLong, 1},
		// Each limit at 1, which is 1 and not the default (only 0 is).
		{"depth 1", &Options{MaxDepth: 1}, `[1]`, `[[1]]`, ErrDepth, 1},
		{"name 1", &Options{MaxNameLen: 1}, `{"a":1}`, `{"ab":1}`, ErrNameTooLong, 1},
		{"number 1", &Options{MaxNumberLen: 1}, `[1]`, `[12]`, ErrNumberTooLong, 1},
		{"string 1", &Options{MaxStringLen: 1}, `["a"]`, `["ab"]`, ErrStringTooLong, 1},
		{"names memory 1", &Options{MaxNameMemory: 1}, `{}`, `{"":1}`, ErrTooManyNames, 1},
		{"escaped name counts encoded bytes", &Options{MaxNameLen: 6}, `{"\u0061":1}`, `{"\u0061b":1}`, ErrNameTooLong, 1},
		{"number", &Options{MaxNumberLen: 5}, `[12345]`, `[-12345]`, ErrNumberTooLong, 1},
		{"string", &Options{MaxStringLen: 3}, `["abc"]`, `["abcd"]`, ErrStringTooLong, 1},
		{"depth", &Options{MaxDepth: 2}, `[[1]]`, `[[[1]]]`, ErrDepth, 2},
		{"names memory", &Options{MaxNameMemory: 3 * (1 + nameOverhead)}, `{"a":{"b":1},"c":{"d":1}}`, `{"a":1,"b":2,"c":3,"d":4}`, ErrTooManyNames, 19},
	} {
		for way, err := range allWays([]byte(tc.ok), tc.opts) {
			if err != nil {
				t.Errorf("%s: %s: at the limit: %v", tc.name, way, err)
			}
		}
		for way, err := range allWays([]byte(tc.bad), tc.opts) {
			var se *SyntaxError
			if !errors.As(err, &se) || !errors.Is(err, tc.cause) || se.Offset != tc.offset {
				t.Errorf("%s: %s: %v, want %v at %d", tc.name, way, err, tc.cause, tc.offset)
			}
		}
	}
	// ReadValue from a reader holds at most MaxValueLen.
	big := []byte(`[` + strings.Repeat(`"0123456789",`, 10000) + `1]`)
	d := NewDecoder(bytes.NewReader(big), &Options{MaxValueLen: 1000})
	if _, err := d.ReadValue(); !errors.Is(err, ErrValueTooLarge) {
		t.Errorf("ReadValue over MaxValueLen: %v", err)
	}
	// SkipValue holds no value, so has no such limit.
	d = NewDecoder(bytes.NewReader(big), &Options{MaxValueLen: 1000})
	if err := d.SkipValue(); err != nil {
		t.Errorf("SkipValue over MaxValueLen: %v", err)
	}
	d = NewDecoder(bytes.NewReader(big), nil)
	if v, err := d.ReadValue(); err != nil || !bytes.Equal(v, big) {
		t.Errorf("ReadValue: %v", err)
	}
}

// TestManyNamesNested exercises the hashed duplicate index across nested
// large objects, growth while converting, and reuse after Reset.
func TestManyNamesNested(t *testing.T) {
	var b strings.Builder
	b.WriteString(`{`)
	for i := 0; i < 30; i++ {
		fmt.Fprintf(&b, `"o%d":{`, i)
		for j := 0; j < 40+i; j++ {
			fmt.Fprintf(&b, `"n%d":%d,`, j, j)
		}
		fmt.Fprintf(&b, `"last":{"a":1,"b":2}},`)
	}
	b.WriteString(`"end":0}`)
	in := []byte(b.String())
	d := NewDecoderBytes(in, nil)
	for round := 0; round < 3; round++ {
		d.ResetBytes(in)
		for {
			_, err := d.ReadToken()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatalf("round %d: %v", round, err)
			}
		}
		if d.s.nhashed != 0 || d.s.nameMem != 0 || len(d.s.ents) != 0 {
			t.Fatalf("round %d: names left: %d hashed, %d bytes, %d entries", round, d.s.nhashed, d.s.nameMem, len(d.s.ents))
		}
		for _, sl := range d.s.slots {
			if sl != 0 {
				t.Fatalf("round %d: stale slot", round)
			}
		}
	}
	dup := strings.Replace(string(in), `"n39":39`, `"n39":39,"n3":0`, 1)
	if err := Check([]byte(dup), nil); !errors.Is(err, ErrDuplicateName) {
		t.Fatalf("duplicate in a large nested object: %v", err)
	}
}

// TestNoStringLimit: a negative MaxStringLen means no limit, for the Parser
// (pieces) and the Decoder (whole strings) alike.
func TestNoStringLimit(t *testing.T) {
	in := []byte(`["` + strings.Repeat("x", 100000) + `"]`)
	for way, err := range allWays(in, &Options{MaxStringLen: -1}) {
		if err != nil {
			t.Errorf("%s: %v", way, err)
		}
	}
}
