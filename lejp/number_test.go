package lejp

import (
	"errors"
	"testing"
)

// checkNumber is the reference for number: it checks a run of number characters against RFC 8259 §6. It
// returns whether the number has a fraction or exponent, and -1 or the
// index of the first byte that breaks the grammar (len(b) when it ends
// too early).
func checkNumber(b []byte) (float bool, bad int) {
	i := 0
	if i < len(b) && b[i] == '-' {
		i++
	}
	if i == len(b) {
		return false, i
	}
	switch c := b[i]; {
	case c == '0':
		i++
	case c >= '1' && c <= '9':
		i++
		for i < len(b) && b[i] >= '0' && b[i] <= '9' {
			i++
		}
	default:
		return false, i
	}
	if i < len(b) && b[i] == '.' {
		float = true
		i++
		d := i
		for i < len(b) && b[i] >= '0' && b[i] <= '9' {
			i++
		}
		if i == d {
			return true, i
		}
	}
	if i < len(b) && (b[i] == 'e' || b[i] == 'E') {
		float = true
		i++
		if i < len(b) && (b[i] == '+' || b[i] == '-') {
			i++
		}
		d := i
		for i < len(b) && b[i] >= '0' && b[i] <= '9' {
			i++
		}
		if i == d {
			return true, i
		}
	}
	if i != len(b) {
		return float, i
	}
	return float, -1
}

// TestNumberGrammar compares the scanner's one-pass number reading with
// checkNumber on every run of up to four number characters (and the
// Parser, one byte per Write, which reads them through its carry), for the
// verdict, the error offset and the Int/Float kind.
func TestNumberGrammar(t *testing.T) {
	const alpha = "0123456789+-.eE"
	small := "019+-.eE"
	var runs []string
	var gen func(prefix string, n int)
	gen = func(prefix string, n int) {
		if prefix != "" {
			runs = append(runs, prefix)
		}
		if n == 0 {
			return
		}
		set := alpha
		if len(prefix) >= 2 {
			set = small
		}
		for i := 0; i < len(set); i++ {
			gen(prefix+set[i:i+1], n-1)
		}
	}
	gen("", 5)
	for _, run := range runs {
		if c := run[0]; c != '-' && (c < '0' || c > '9') {
			continue
		}
		in := []byte("[" + run + "]")
		err := Check(in, nil)
		float, bad := checkNumber([]byte(run))
		var se *SyntaxError
		switch {
		case bad < 0 && err != nil:
			t.Fatalf("%q: %v, want valid", run, err)
		case bad >= 0 && (!errors.As(err, &se) || !errors.Is(err, ErrInvalidNumber) || se.Offset != int64(1+bad)):
			t.Fatalf("%q: %v, want ErrInvalidNumber at %d", run, err, 1+bad)
		}
		if bad < 0 {
			d := NewDecoderBytes(in, nil)
			d.ReadToken()
			tok, _ := d.ReadToken()
			if (tok.Kind == Float) != float {
				t.Fatalf("%q: kind %v", run, tok.Kind)
			}
		}
		if got, want := pushTrace(nil, nil, false, bytesSplit(in, 1)...), pushTrace(nil, nil, false, in); got != want {
			t.Fatalf("%q: one byte per Write:\n%s", run, diff(want, got))
		}
	}
}
