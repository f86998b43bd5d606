package lecp

import (
	"math/big"
	"strconv"
)

// FromJSON's numbers: RFC 8259 §6 grammar, integers to CBOR integers or
// bignums, others to the shortest float that keeps the value.

// maxJSONNumberLen is the length of the longest JSON number FromJSON
// converts: a minus sign and maxJSONBignumDigits digits. Floats are held
// to it too, so that no number costs memory beyond it.
const maxJSONNumberLen = 1 + maxJSONBignumDigits

// number reads a number starting at offset at and writes it.
func (c *fromJSON) number(at int64) error {
	// the number's bytes: in place when the buffer holds all of them
	var lit []byte
	c.str = c.str[:0]
	for {
		b := c.in.buf[c.in.pos:]
		i := 0
		for i < len(b) && numberByte(b[i]) {
			i++
		}
		c.in.pos += i
		if i < len(b) {
			if len(c.str) == 0 {
				lit = b[:i]
			} else {
				lit = append(c.str, b[:i]...)
			}
			break
		}
		c.str = append(c.str, b...)
		if len(c.str) > maxJSONNumberLen {
			// longer than any number converted: refused without holding
			// the rest (the output would be at most a float)
			return c.longNumber(at, c.str)
		}
		if !c.in.more() {
			lit = c.str
			break
		}
	}
	if len(lit) > maxJSONNumberLen {
		return c.longNumber(at, lit)
	}
	integer, bad := jsonNumber(lit)
	if bad >= 0 {
		if bad == len(lit) && c.in.pos == len(c.in.buf) && c.in.err != nil {
			return c.fail(at+int64(bad), ErrUnexpectedEOF)
		}
		return c.fail(at+int64(bad), ErrJSONSyntax)
	}
	if !integer {
		f, err := strconv.ParseFloat(string(lit), 64)
		if err != nil {
			return c.fail(at, ErrJSONNumber)
		}
		c.w.Float(f)
		return nil
	}
	neg := lit[0] == '-'
	digits := lit
	if neg {
		digits = lit[1:]
	}
	if len(digits) <= 19 { // below 10^19 < 2^64
		var u uint64
		for _, d := range digits {
			u = u*10 + uint64(d-'0')
		}
		writeJSONInt(&c.w, neg, u)
		return nil
	}
	if u, err := strconv.ParseUint(string(digits), 10, 64); err == nil {
		writeJSONInt(&c.w, neg, u)
		return nil
	}
	if len(digits) > maxJSONBignumDigits {
		return c.fail(at, ErrJSONNumber)
	}
	v, _ := new(big.Int).SetString(string(digits), 10) // digits only
	if neg {
		v.Sub(v, big.NewInt(1)) // tag 3 holds -1-n
		if v.IsUint64() {
			c.w.Negative(v.Uint64()) // -2^64
			return nil
		}
	}
	if len(v.Bytes()) > maxJSONBignum {
		return c.fail(at, ErrJSONNumber)
	}
	if len(c.stack) == DefaultMaxDepth {
		return c.fail(at, ErrDepth) // the tag is one more level
	}
	if neg {
		c.w.Tag(3)
	} else {
		c.w.Tag(2)
	}
	c.w.ByteString(v.Bytes())
	return nil
}

// longNumber refuses run, the first bytes of a number longer than
// maxJSONNumberLen. It judges only the first maxJSONNumberLen+1 bytes, all
// that number reads of a run so long whatever the reader's splits: a
// grammar error among them is reported as such (ErrJSONSyntax at its
// offset), and otherwise the number is out of range.
func (c *fromJSON) longNumber(at int64, run []byte) error {
	head := run[:maxJSONNumberLen+1]
	if _, bad := jsonNumber(head); bad >= 0 && bad < len(head) {
		return c.fail(at+int64(bad), ErrJSONSyntax)
	}
	return c.fail(at, ErrJSONNumber)
}

// writeJSONInt writes the integer n, or -n when neg.
func writeJSONInt(w *Writer, neg bool, n uint64) {
	if neg && n > 0 {
		w.Negative(n - 1)
	} else {
		w.Uint(n)
	}
}

// numberByte reports whether ch can be part of a JSON number.
func numberByte(ch byte) bool {
	return ch >= '0' && ch <= '9' || ch == '-' || ch == '+' || ch == '.' || ch == 'e' || ch == 'E'
}

// jsonNumber checks b against the number grammar of RFC 8259 §6 and
// reports whether it is an integer (no fraction, no exponent), or the index
// of the first byte that breaks the grammar (len(b) when it ends early),
// or -1.
func jsonNumber(b []byte) (integer bool, bad int) {
	i := 0
	if i < len(b) && b[i] == '-' {
		i++
	}
	digits := func() bool {
		start := i
		for i < len(b) && b[i] >= '0' && b[i] <= '9' {
			i++
		}
		return i > start
	}
	switch {
	case i < len(b) && b[i] == '0':
		i++
	case !digits():
		return false, i
	}
	integer = true
	if i < len(b) && b[i] == '.' {
		i++
		integer = false
		if !digits() {
			return false, i
		}
	}
	if i < len(b) && (b[i] == 'e' || b[i] == 'E') {
		i++
		integer = false
		if i < len(b) && (b[i] == '+' || b[i] == '-') {
			i++
		}
		if !digits() {
			return false, i
		}
	}
	if i < len(b) {
		return false, i
	}
	return integer, -1
}
