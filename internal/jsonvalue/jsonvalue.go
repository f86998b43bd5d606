// Package jsonvalue compares JSON texts as values, with numbers compared by
// exact value (big.Rat), so 1e2 equals 100 and 18446744073709551616 is not
// rounded. Tests and the conformance runners use it to compare decoded
// results with the corpora's expectations.
package jsonvalue

import (
	"bytes"
	"encoding/json"
	"io"
	"math/big"
	"unicode/utf8"
)

// Equal reports whether a and b are the same JSON value; numbers compare by
// exact value. Either text failing to parse (including data after the value,
// invalid UTF-8 and a member name repeated in one object) makes them unequal.
func Equal(a, b []byte) bool { return EqualFunc(a, b, ExactNumbers) }

// EqualFunc is Equal with numbers compared by num, given their texts.
func EqualFunc(a, b []byte, num func(x, y string) bool) bool {
	va, ok1 := decode(a)
	vb, ok2 := decode(b)
	return ok1 && ok2 && valueEqual(va, vb, num)
}

// decode reads b as exactly one JSON text: valid UTF-8 (encoding/json
// would read bad bytes as U+FFFD) and nothing but whitespace after the value.
func decode(b []byte) (any, bool) {
	if !utf8.Valid(b) {
		return nil, false
	}
	var v any
	d := json.NewDecoder(bytes.NewReader(b))
	d.UseNumber()
	if d.Decode(&v) != nil {
		return nil, false
	}
	if _, err := d.Token(); err != io.EOF {
		return nil, false
	}
	return v, uniqueNames(b)
}

// uniqueNames reports whether no object of the (valid) JSON text b repeats
// a member name: decoding into a map keeps only the last value.
func uniqueNames(b []byte) bool {
	type level struct {
		names   map[string]bool // nil for an array
		wantKey bool
	}
	var stack []level
	d := json.NewDecoder(bytes.NewReader(b))
	d.UseNumber()
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return true
		}
		if err != nil {
			return false
		}
		if n := len(stack); n > 0 && stack[n-1].names != nil && stack[n-1].wantKey {
			if tok == json.Delim('}') {
				stack = stack[:n-1]
				continue
			}
			name, _ := tok.(string)
			if stack[n-1].names[name] {
				return false
			}
			stack[n-1].names[name] = true
			stack[n-1].wantKey = false
			continue
		}
		// A value (or the end of an array).
		if n := len(stack); n > 0 && stack[n-1].names != nil {
			stack[n-1].wantKey = true
		}
		switch tok {
		case json.Delim('{'):
			stack = append(stack, level{names: map[string]bool{}, wantKey: true})
		case json.Delim('['):
			stack = append(stack, level{})
		case json.Delim(']'):
			stack = stack[:len(stack)-1]
		}
	}
}

// ExactNumbers reports whether two JSON numbers have the same exact value.
func ExactNumbers(x, y string) bool {
	rx, ok1 := new(big.Rat).SetString(x)
	ry, ok2 := new(big.Rat).SetString(y)
	return ok1 && ok2 && rx.Cmp(ry) == 0
}

func valueEqual(a, b any, num func(x, y string) bool) bool {
	switch x := a.(type) {
	case json.Number:
		y, ok := b.(json.Number)
		return ok && num(string(x), string(y))
	case []any:
		y, ok := b.([]any)
		if !ok || len(x) != len(y) {
			return false
		}
		for i := range x {
			if !valueEqual(x[i], y[i], num) {
				return false
			}
		}
		return true
	case map[string]any:
		y, ok := b.(map[string]any)
		if !ok || len(x) != len(y) {
			return false
		}
		for k, v := range x {
			if w, ok := y[k]; !ok || !valueEqual(v, w, num) {
				return false
			}
		}
		return true
	}
	return a == b
}
