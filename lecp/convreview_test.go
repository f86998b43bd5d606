package lecp

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
)

// digitsReader yields prefix, then n copies of fill, then suffix, without
// holding them: a long input that costs the test no memory.
type digitsReader struct {
	prefix, suffix string
	fill           byte
	n              int
}

func (r *digitsReader) Read(p []byte) (int, error) {
	k := 0
	for k < len(p) {
		switch {
		case r.prefix != "":
			c := copy(p[k:], r.prefix)
			r.prefix = r.prefix[c:]
			k += c
		case r.n > 0:
			c := min(len(p)-k, r.n)
			for i := range c {
				p[k+i] = r.fill
			}
			r.n -= c
			k += c
		case r.suffix != "":
			c := copy(p[k:], r.suffix)
			r.suffix = r.suffix[c:]
			k += c
		default:
			if k == 0 {
				return 0, io.EOF
			}
			return k, nil
		}
	}
	return k, nil
}

// TestFromJSONLongNumberMemory: a JSON number too long to convert is
// refused once it is longer than any number FromJSON accepts, not after
// holding all of it: 16 MiB of digits (an integer, or a float's fraction or
// exponent) cost no more than a few KiB beyond the read buffer. The output
// of such a number would be at most a 9-byte float or the refusal, so
// holding it would let a small stream pin memory without bound.
func TestFromJSONLongNumberMemory(t *testing.T) {
	const n = 16 << 20
	for _, tc := range []struct{ prefix, suffix string }{
		{"[1", "]"},
		{`{"a":-1`, "}"},
		{"0.", "1"},
		{"1e", "1"},
	} {
		var err error
		used := allocBytes(func() {
			_, err = FromJSON(nil, &digitsReader{prefix: tc.prefix, suffix: tc.suffix, fill: '0', n: n}, false)
		})
		if !errors.Is(err, ErrJSONNumber) {
			t.Errorf("%s%d zeros%s: %v, want ErrJSONNumber", tc.prefix, n, tc.suffix, err)
		}
		if used > 256<<10 {
			t.Errorf("%s%d zeros%s: %d bytes allocated, want < 256 KiB", tc.prefix, n, tc.suffix, used)
		}
	}
	// the longest accepted number is still accepted, over any split
	long := "-" + strings.Repeat("9", maxJSONBignumDigits-1)
	if _, err := FromJSON(nil, iotestOneByte([]byte(long)), false); err != nil {
		t.Errorf("%d-byte integer: %v", len(long), err)
	}
}

// TestConvertErrorLeavesDst: on an error, AppendDiag and AppendJSON return
// dst unchanged, as FromJSON (and jose's Header.AppendJSON) do, not dst
// with the text written before the error: a caller that reports the error
// and goes on with the next item keeps no half-written text.
func TestConvertErrorLeavesDst(t *testing.T) {
	for _, in := range []string{
		"\x81",             // [ cut short
		"\x82\x01",         // [1, cut short
		"\xa2\x01\x00\x01", // {1: 0, 1: duplicate
		"\x01\x02",         // trailing data
		"\x9f\x01\x5f\x41", // [_ 1, (_ h'.. cut short
		"\xc2\x49\x01",     // a bignum cut short
	} {
		for name, f := range map[string]func([]byte, []byte, *Options) ([]byte, error){"AppendDiag": AppendDiag, "AppendJSON": AppendJSON} {
			dst := []byte("kept")
			out, err := f(dst, []byte(in), nil)
			if err == nil || string(out) != "kept" {
				t.Errorf("%s(%x): %q, %v; want %q and an error", name, in, out, err, "kept")
			}
		}
	}
	// a key collision found after part of the map is written
	dst := []byte("kept")
	out, err := AppendJSON(dst, []byte("\xa2\x01\x00\x61\x31\x00"), nil)
	if !errors.Is(err, ErrKeyCollision) || string(out) != "kept" {
		t.Errorf("AppendJSON({1: 0, \"1\": 0}): %q, %v", out, err)
	}
}

// TestLaxTextReplaced: with AllowInvalidUTF8, as AppendDiag's and
// AppendJSON's docs say, each byte of a text string or key that is not
// UTF-8 is written \ufffd (so the output stays valid JSON).
func TestLaxTextReplaced(t *testing.T) {
	lax := &Options{AllowInvalidUTF8: true}
	in := []byte("\xa1\x62a\xff\x63\xe2\x82b") // {"a\xff": "\xe2\x82b"}
	d, err := AppendDiag(nil, in, lax)
	if err != nil || string(d) != `{"a\ufffd": "\ufffd\ufffdb"}` {
		t.Errorf("diag %s, %v", d, err)
	}
	j, err := AppendJSON(nil, in, lax)
	if err != nil || string(j) != `{"a\ufffd":"\ufffd\ufffdb"}` {
		t.Errorf("json %s, %v", j, err)
	}
}

// TestJSONZeroAndUnderflow holds what the comment on CBOR ↔ JSON says of
// zeros: a JSON number too small for a float64 is the float 0.0 or -0.0,
// not an error; -0.0 is written -0, which reads back as the integer 0.
func TestJSONZeroAndUnderflow(t *testing.T) {
	for in, want := range map[string]string{
		"1e-400": "\xf9\x00\x00", "-1e-400": "\xf9\x80\x00", "-0.0": "\xf9\x80\x00", "-0": "\x00",
		"2e-324": "\xf9\x00\x00", "3e-324": "\xfb\x00\x00\x00\x00\x00\x00\x00\x01",
	} {
		c, err := FromJSON(nil, strings.NewReader(in), false)
		if err != nil || string(c) != want {
			t.Errorf("%s: %x, %v; want %x", in, c, err, want)
		}
	}
	if j, err := AppendJSON(nil, []byte("\xf9\x80\x00"), nil); err != nil || string(j) != "-0" {
		t.Errorf("-0.0: %s, %v", j, err)
	}
}

// TestFromJSONKeyLen: FromJSON refuses a member name whose CBOR encoding
// (head and text) would be longer than DefaultMaxKeyLen with
// ErrKeyTooLarge, at the name's opening quote, as it refuses nesting deeper
// than DefaultMaxDepth: so that Check accepts what it writes. The longest
// name accepted (65533 bytes, a 3-byte head) is written and checks.
func TestFromJSONKeyLen(t *testing.T) {
	for _, n := range []int{DefaultMaxKeyLen - 3, DefaultMaxKeyLen - 2, DefaultMaxKeyLen} {
		name := strings.Repeat("k", n)
		in := `{"a":1,"` + name + `":2}`
		c, err := FromJSON(nil, strings.NewReader(in), false)
		if n+3 <= DefaultMaxKeyLen {
			if err != nil || Check(c, nil) != nil {
				t.Errorf("%d-byte name: %v, Check %v", n, err, Check(c, nil))
			}
			continue
		}
		var se *SyntaxError
		if !errors.Is(err, ErrKeyTooLarge) || !errors.As(err, &se) || se.Offset != 7 {
			t.Errorf("%d-byte name: %v (Check of the output: %v), want ErrKeyTooLarge at offset 7", n, err, Check(c, nil))
		}
	}
	// the encoded length counts: a name of escapes that decode short is
	// measured decoded, as CBOR holds it
	short := `{"` + strings.Repeat(`\u0061`, DefaultMaxKeyLen-3) + `":1}`
	if c, err := FromJSON(nil, strings.NewReader(short), false); err != nil || Check(c, nil) != nil {
		t.Errorf("escaped name: %v", err)
	}
}

// TestFromJSONStringLen: FromJSON refuses a string (value or name) longer
// than DefaultMaxStringLen once decoded, with ErrStringTooLong at its
// opening quote, as soon as it passes that length: Check would refuse the
// text string, and memory stays bounded however long the string is (the
// base read a string of any length whole, and wrote what Check refuses).
// One string of the limit plus one byte, streamed: about 64 MiB held.
func TestFromJSONStringLen(t *testing.T) {
	if testing.Short() {
		t.Skip("skipping in -short mode: reads a 64 MiB string (TestFromJSONStringLimit holds the boundary at a small limit)")
	}
	var err error
	used := allocBytes(func() {
		_, err = FromJSON(nil, &digitsReader{prefix: `["`, suffix: `"]`, fill: 'a', n: DefaultMaxStringLen + 1}, false)
	})
	var se *SyntaxError
	if !errors.Is(err, ErrStringTooLong) || !errors.As(err, &se) || se.Offset != 1 {
		t.Errorf("%d-byte string: %v, want ErrStringTooLong at offset 1", DefaultMaxStringLen+1, err)
	}
	if used > 6*DefaultMaxStringLen {
		t.Errorf("%d bytes allocated", used)
	}
}

// TestFromJSONStringLimit holds the boundary of FromJSON's string limit at
// a limit of 10 bytes through fromJSONLimit, which FromJSON calls with
// DefaultMaxStringLen: an internal test because reaching the default
// through FromJSON costs 64 MiB per case (TestFromJSONStringLen does it
// once). The length counted is the decoded one, for values and names, over
// any split of the input.
func TestFromJSONStringLimit(t *testing.T) {
	for _, tc := range []struct {
		in string
		ok bool
	}{
		{`"0123456789"`, true},
		{`"0123456789a"`, false},
		{`"\u00e9\u00e9\u00e9\u00e9\u00e9"`, true}, // 10 bytes decoded
		{`"\u00e9\u00e9\u00e9\u00e9\u00e9a"`, false},
		{`"012345678\n"`, true},
		{`"012345678\n\n"`, false},
		{`{"0123456789":1}`, true},
		{`{"0123456789a":1}`, false},
		{`[1,"0123456789a"]`, false},
	} {
		for _, split := range []bool{false, true} {
			var r io.Reader = strings.NewReader(tc.in)
			if split {
				r = iotestOneByte([]byte(tc.in))
			}
			c, err := fromJSONLimit(nil, r, false, 10)
			if tc.ok {
				if err != nil || Check(c, nil) != nil {
					t.Errorf("%s (split %v): %v", tc.in, split, err)
				}
				continue
			}
			var se *SyntaxError
			at := int64(strings.IndexByte(tc.in[1:], '"') + 1)
			if tc.in[0] == '"' {
				at = 0
			}
			if !errors.Is(err, ErrStringTooLong) || !errors.As(err, &se) || se.Offset != at {
				t.Errorf("%s (split %v): %v, want ErrStringTooLong at %d", tc.in, split, err, at)
			}
		}
	}
}

// TestFromJSONKeyMemory: FromJSON refuses the member name that takes the
// names of the open objects past DefaultMaxKeyMemory as Check counts it
// (each key's CBOR encoding plus 16 bytes), with ErrTooManyKeys at the
// name's opening quote, so that Check accepts what it writes: 131072
// names of 15 bytes (32 bytes each, counted) fill the limit exactly; one
// byte more is refused. The names of an object that has ended no longer
// count.
func TestFromJSONKeyMemory(t *testing.T) {
	const n = DefaultMaxKeyMemory / 32
	object := func(extra string) string {
		var b strings.Builder
		b.WriteByte('{')
		for i := range n {
			if i > 0 {
				b.WriteByte(',')
			}
			fmt.Fprintf(&b, `"%015d":0`, i)
		}
		b.WriteString(extra)
		b.WriteByte('}')
		return b.String()
	}
	full := object("")
	c, err := FromJSON(nil, strings.NewReader(full), false)
	if err != nil || Check(c, nil) != nil {
		t.Fatalf("%d names at the limit: %v, Check %v", n, err, Check(c, nil))
	}
	// two such objects one after the other: the first one's names are gone
	c, err = FromJSON(nil, strings.NewReader("["+full+","+full+"]"), false)
	if err != nil || Check(c, nil) != nil {
		t.Errorf("two objects at the limit: %v, Check %v", err, Check(c, nil))
	}
	for _, extra := range []string{`,"":0`, `,"a":{"":0}`} {
		in := object(extra)
		c, err := FromJSON(nil, strings.NewReader(in), false)
		var se *SyntaxError
		at := int64(len(full)) // the quote after the comma
		if !errors.Is(err, ErrTooManyKeys) || !errors.As(err, &se) || se.Offset != at && se.Offset != at+6 {
			t.Errorf("one more name (%s): %v (Check of the output: %v), want ErrTooManyKeys", extra, err, Check(c, nil))
		}
	}
}

// TestFromJSONDeterministicKeyMemory: with deterministic, the map keys
// Check holds are counted in the sorted order it reads them, so that Check
// accepts what FromJSON writes: an object whose nested object sorts after
// the parent's other names is read by Check with all of those names held.
// At most the limit is written (and Check accepts it); one name more is
// ErrTooManyKeys at the closing brace of the object whose sorted keys take
// Check past DefaultMaxKeyMemory. Without deterministic the same input is
// converted as read. On the base FromJSON wrote, with deterministic, CBOR
// that Check refused with ErrTooManyKeys.
func TestFromJSONDeterministicKeyMemory(t *testing.T) {
	// 15-digit names take 32 bytes each as Check counts them (16 for the
	// encoding, 16 more); the 16-byte name of the nested object 33 and
	// sorts after them
	doc := func(nested, parent int) string {
		var b strings.Builder
		b.WriteString(`{"~~~~~~~~~~~~~~~~":{`)
		for i := range nested {
			if i > 0 {
				b.WriteByte(',')
			}
			fmt.Fprintf(&b, `"%015d":0`, i)
		}
		b.WriteString(`}`)
		for i := range parent {
			fmt.Fprintf(&b, `,"%015d":0`, i)
		}
		b.WriteString(`}`)
		return b.String()
	}
	const k = 65535 // 33 + 32*(k + k) <= DefaultMaxKeyMemory < 33 + 32*(2k+1)
	for _, det := range []bool{false, true} {
		c, err := FromJSON(nil, strings.NewReader(doc(k, k)), det)
		if err != nil || Check(c, nil) != nil {
			t.Errorf("deterministic %v, at the limit: %v, Check %v", det, err, Check(c, nil))
		}
	}
	over := doc(k, k+1)
	if c, err := FromJSON(nil, strings.NewReader(over), false); err != nil || Check(c, nil) != nil {
		t.Errorf("one name more, in JSON order: %v, Check %v", err, Check(c, nil))
	}
	c, err := FromJSON(nil, strings.NewReader(over), true)
	var se *SyntaxError
	if !errors.Is(err, ErrTooManyKeys) || !errors.As(err, &se) || se.Offset != int64(len(over)-1) || se.Path != "" {
		t.Errorf("one name more, deterministic: %v (Check of the output: %v), want ErrTooManyKeys at offset %d", err, Check(c, nil), len(over)-1)
	}
}
