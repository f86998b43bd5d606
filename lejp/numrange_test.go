package lejp

import (
	"bufio"
	"errors"
	"math"
	"strconv"
	"testing"
)

// Token's numeric accessors answer strconv's sentinels consistently: a
// well-formed integer outside the type's range is strconv.ErrRange (with
// the nearest value), whatever its sign, and a token that is not an
// integer (a Float, even "1.0", or not a number) is strconv.ErrSyntax.
// Before the fix Uint64 of a negative integer ("-5", a well-formed number
// just below the unsigned range) was ErrSyntax, as strconv.ParseUint says
// of any sign, and Uint64("-0") failed though Int64("-0") is 0.
func TestTokenNumberRangeSentinels(t *testing.T) {
	inf := math.Inf(1)
	for _, tc := range []struct {
		in      string
		i       int64
		ierr    error
		u       uint64
		uerr    error
		f       float64
		ferr    error
		negZero bool
	}{
		{"-0", 0, nil, 0, nil, 0, nil, true},
		{"-5", -5, nil, 0, strconv.ErrRange, -5, nil, false},
		{"-9223372036854775808", math.MinInt64, nil, 0, strconv.ErrRange, -9223372036854775808, nil, false},
		{"-9223372036854775809", math.MinInt64, strconv.ErrRange, 0, strconv.ErrRange, -9223372036854775809, nil, false},
		{"-18446744073709551616", math.MinInt64, strconv.ErrRange, 0, strconv.ErrRange, -18446744073709551616, nil, false},
		{"18446744073709551615", math.MaxInt64, strconv.ErrRange, math.MaxUint64, nil, 18446744073709551615, nil, false},
		{"18446744073709551616", math.MaxInt64, strconv.ErrRange, math.MaxUint64, strconv.ErrRange, 18446744073709551616, nil, false},
		{"1.0", 0, strconv.ErrSyntax, 0, strconv.ErrSyntax, 1, nil, false},
		{"-0.0", 0, strconv.ErrSyntax, 0, strconv.ErrSyntax, 0, nil, true},
		{"1e400", 0, strconv.ErrSyntax, 0, strconv.ErrSyntax, inf, strconv.ErrRange, false},
		{"-1e400", 0, strconv.ErrSyntax, 0, strconv.ErrSyntax, -inf, strconv.ErrRange, false},
		{`"5"`, 0, strconv.ErrSyntax, 0, strconv.ErrSyntax, 0, strconv.ErrSyntax, false},
	} {
		tok, err := NewDecoderBytes([]byte(tc.in), nil).ReadToken()
		if err != nil {
			t.Fatalf("%s: %v", tc.in, err)
		}
		i, ierr := tok.Int64()
		u, uerr := tok.Uint64()
		f, ferr := tok.Float64()
		if i != tc.i || !errors.Is(ierr, tc.ierr) || (ierr == nil) != (tc.ierr == nil) {
			t.Errorf("Int64(%s) = %d, %v; want %d, %v", tc.in, i, ierr, tc.i, tc.ierr)
		}
		if u != tc.u || !errors.Is(uerr, tc.uerr) || (uerr == nil) != (tc.uerr == nil) {
			t.Errorf("Uint64(%s) = %d, %v; want %d, %v", tc.in, u, uerr, tc.u, tc.uerr)
		}
		if f != tc.f || math.Signbit(f) != (tc.negZero || tc.f < 0) || !errors.Is(ferr, tc.ferr) || (ferr == nil) != (tc.ferr == nil) {
			t.Errorf("Float64(%s) = %g, %v; want %g, %v", tc.in, f, ferr, tc.f, tc.ferr)
		}
	}
	// A Token made by hand with a value that is no number is ErrSyntax,
	// a sign or not.
	for _, v := range []string{"-", "--5", "-+5", "-5x", "+5", ""} {
		if _, err := (Token{Kind: Int, Value: []byte(v)}).Uint64(); !errors.Is(err, strconv.ErrSyntax) {
			t.Errorf("Uint64 of Int %q: %v, want ErrSyntax", v, err)
		}
	}
}

// The error for an io.Reader returning a count below 0 or above the
// buffer's length is bufio.ErrBadReadCount for errors.Is, the standard
// library's sentinel for a Read that returned an impossible count. Before
// the fix it was an unexported error that only its text told apart.
func TestReaderInvalidCountIsBadReadCount(t *testing.T) {
	for _, count := range []int{-1, 1 << 20} {
		d := NewDecoder(&countReader{data: `[1]`, count: count}, nil)
		_, err := d.ReadToken()
		if !errors.Is(err, bufio.ErrBadReadCount) {
			t.Errorf("count %+d: %v, want bufio.ErrBadReadCount", count, err)
		}
	}
}
