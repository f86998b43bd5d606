package lecp

// FromDiag's items: containers opened, numbers, strings and words.

import (
	"encoding/binary"
	"errors"
	"math"
	"math/big"
	"strconv"
	"unicode/utf8"
)

// maxDiagDigits bounds the digits of an integer in base 2, 8 or 16: 8192
// binary digits are 1024 bytes, the largest bignum magnitude FromDiag
// writes (decimal integers are bounded by maxJSONBignumDigits).
const maxDiagDigits = 8192

// item reads the item starting at offset at (not white space): a scalar
// is written to enc; a container or tag is opened (c.opened).
func (c *fromDiag) item(at int) error {
	ch := c.src[at]
	if n := len(c.stack); n > 0 && c.stack[n-1].kind == dIndefStr {
		f := &c.stack[n-1]
		if ch != '<' {
			return c.chunk(f, at)
		}
		if f.str == majText {
			return c.syntax(at, "a byte string chunk in an indefinite-length text string")
		}
		f.str = majBytes // << >> is a byte string: a chunk
	}
	switch {
	case ch == '[' || ch == '{':
		if err := c.depth(at, 1); err != nil {
			return err
		}
		c.pos++
		indef, width := false, int8(-1)
		if c.pos < len(c.src) && c.src[c.pos] == '_' {
			if word := c.word(c.pos + 1); len(word) == 0 {
				if c.lim.determ {
					return c.fail(c.pos, ErrNotDeterministic)
				}
				indef = true
				c.pos++
			} else {
				var err error
				if width, err = c.indicator(); err != nil {
					return err
				}
			}
		}
		kind := uint8(dArray)
		if ch == '{' {
			kind = dMap
		}
		c.open(c.node(at, kind), at, kind, indef, width)
	case ch == '<':
		if at+1 >= len(c.src) || c.src[at+1] != '<' {
			return c.syntax(at, "unexpected <")
		}
		if err := c.depth(at, 1); err != nil {
			return err
		}
		c.pos += 2
		c.open(c.node(at, dEmbed), at, dEmbed, false, -1)
	case ch == '(':
		if at+1 >= len(c.src) || c.src[at+1] != '_' || len(c.word(at+2)) > 0 {
			return c.syntax(at, "unexpected (: an indefinite-length string is (_ chunk, ...)")
		}
		if c.lim.determ {
			return c.fail(at, ErrNotDeterministic)
		}
		if err := c.depth(at, 1); err != nil {
			return err
		}
		c.pos += 2
		c.open(c.node(at, dIndefStr), at, dIndefStr, true, -1)
	case ch == '"' || ch == '\'':
		_, err := c.strings(at)
		return err
	case ch == '-' || ch == '+' || ch >= '0' && ch <= '9' || ch == '.' && at+1 < len(c.src) && digitOf(c.src[at+1], 10):
		return c.number(at)
	case ch == '.' && at+2 < len(c.src) && c.src[at+1] == '.' && c.src[at+2] == '.':
		return c.syntax(at, "an ellipsis (...) stands for elided data: not accepted")
	case ch >= 'a' && ch <= 'z' || ch >= 'A' && ch <= 'Z':
		return c.wordItem(at)
	default:
		return c.syntax(at, "unexpected "+quoteChar(c.src[at:]))
	}
	return nil
}

// quoteChar names the character b starts with for a message.
func quoteChar(b []byte) string {
	r, n := utf8.DecodeRune(b)
	if r == utf8.RuneError && n <= 1 || r < 0x20 || r == 0x7f {
		return "byte 0x" + strconv.FormatUint(uint64(b[0]), 16)
	}
	return strconv.Quote(string(b[:n]))
}

// letters returns the run of ASCII letters and digits at offset i.
func (c *fromDiag) letters(i int) []byte {
	j := i
	for j < len(c.src) && (wordByte(c.src[j]) && c.src[j] != '_') {
		j++
	}
	return c.src[i:j]
}

// shortWord is w for a message, cut to 32 bytes.
func shortWord(w []byte) string {
	if len(w) > 32 {
		return strconv.Quote(string(w[:32])) + "…"
	}
	return strconv.Quote(string(w))
}

// wordItem reads an item starting with a letter: a word or a string
// literal with a prefix (h'..', b64'..').
func (c *fromDiag) wordItem(at int) error {
	w := c.letters(at)
	end := at + len(w)
	if end < len(c.src) && c.src[end] == '\'' {
		if string(w) == "float" {
			return c.floatBits(at, end+1)
		}
		_, err := c.strings(at)
		return err
	}
	c.pos = end
	switch string(w) {
	case "false":
		c.node(at, dScalar)
		c.enc = append(c.enc, 0xf4)
	case "true":
		c.node(at, dScalar)
		c.enc = append(c.enc, 0xf5)
	case "null":
		c.node(at, dScalar)
		c.enc = append(c.enc, 0xf6)
	case "undefined":
		c.node(at, dScalar)
		c.enc = append(c.enc, 0xf7)
	case "NaN":
		return c.float(at, math.NaN())
	case "Infinity":
		return c.float(at, math.Inf(1))
	case "simple":
		return c.simple(at)
	default:
		return c.syntax(at, "unknown word "+shortWord(w))
	}
	return nil
}

// floatBits reads float'..', the float application literal of the EDN
// drafts (draft-bormann-cbor-edn-app-ext) that AppendDiagExact writes for a
// NaN the indicators cannot describe: the hex of a float's bits, 4, 8 or 16
// digits for half, single or double precision, written as they are (white
// space and comments between digits as in h'..'). at is the literal's
// offset, i the offset after its opening quote. With Deterministic, only
// the preferred encoding of its value is accepted.
func (c *fromDiag) floatBits(at, i int) error {
	c.str = c.str[:0]
	c.pos = i
	if err := c.hexString(at); err != nil {
		return err
	}
	var head byte
	switch len(c.str) {
	case 2:
		head = 0xf9
	case 4:
		head = 0xfa
	case 8:
		head = 0xfb
	default:
		return c.syntax(at, "float'...' holds 2, 4 or 8 bytes (half, single or double precision), not "+strconv.Itoa(len(c.str)))
	}
	if c.pos < len(c.src) && c.src[c.pos] == '_' {
		return c.syntax(c.pos, "encoding indicator after float'...', whose width its digits give")
	}
	if c.lim.determ {
		var f float64
		switch head {
		case 0xf9:
			f = halfToFloat(binary.BigEndian.Uint16(c.str))
		case 0xfa:
			f = float64(math.Float32frombits(binary.BigEndian.Uint32(c.str)))
		default:
			f = math.Float64frombits(binary.BigEndian.Uint64(c.str))
		}
		if p := AppendFloat(nil, f); p[0] != head || string(p[1:]) != string(c.str) {
			return c.fail(at, ErrNotDeterministic)
		}
	}
	c.node(at, dScalar)
	c.enc = append(append(c.enc, head), c.str...)
	return nil
}

// simple reads simple(N) after the word: N in any integer notation.
func (c *fromDiag) simple(at int) error {
	if c.pos >= len(c.src) || c.src[c.pos] != '(' {
		return c.syntax(c.pos, "expected ( after simple")
	}
	c.pos++
	if _, err := c.space(); err != nil {
		return err
	}
	// any integer notation (draft-ietf-cbor-edn-literals §2.8):
	// simple(0x14) is false
	numAt := c.pos
	neg := false
	if c.pos < len(c.src) && (c.src[c.pos] == '+' || c.src[c.pos] == '-') {
		neg = c.src[c.pos] == '-'
		c.pos++
	}
	d := c.letters(c.pos)
	c.pos += len(d)
	digits, base := d, 10
	if len(d) >= 2 && d[0] == '0' {
		switch d[1] {
		case 'x', 'X':
			digits, base = d[2:], 16
		case 'o', 'O':
			digits, base = d[2:], 8
		case 'b', 'B':
			digits, base = d[2:], 2
		}
	}
	v, err := strconv.ParseUint(string(digits), base, 8)
	switch {
	case c.pos == len(c.src) && len(d) == 0:
		return c.eof()
	case err != nil || neg && v != 0:
		return c.syntax(numAt, "simple value must be an integer from 0 to 255")
	case v >= 24 && v < 32:
		return c.syntax(numAt, "simple values 24 to 31 are reserved")
	}
	if more, err := c.space(); err != nil {
		return err
	} else if !more {
		return c.eof()
	}
	if c.src[c.pos] != ')' {
		return c.syntax(c.pos, "expected ) after the simple value")
	}
	c.pos++
	c.node(at, dScalar)
	if v < 24 {
		c.enc = append(c.enc, 0xe0|byte(v))
	} else {
		c.enc = append(c.enc, 0xf8, byte(v))
	}
	return nil
}

// float writes the float f read at offset at, with the width indicator
// that may follow.
func (c *fromDiag) float(at int, f float64) error {
	indAt := c.pos
	w, err := c.indicator()
	if err != nil {
		return err
	}
	c.node(at, dScalar)
	switch w {
	case -1:
		c.enc = AppendFloat(c.enc, f)
		return nil
	case 0, wImm:
		return c.syntax(indAt, "encoding indicator "+string(c.src[indAt:c.pos])+" on a float (a float is _1, _2 or _3)")
	case 1:
		if f != f {
			c.enc = append(c.enc, 0xf9, 0x7e, 0x00)
			return nil
		}
		if h, ok := halfExact(float32(f)); ok && float64(float32(f)) == f {
			c.enc = binary.BigEndian.AppendUint16(append(c.enc, 0xf9), h)
			return nil
		}
	case 2:
		if f != f {
			c.enc = append(c.enc, 0xfa, 0x7f, 0xc0, 0, 0)
			return nil
		}
		if float64(float32(f)) == f {
			c.enc = AppendFloat32(c.enc, float32(f))
			return nil
		}
	case 3:
		if f != f {
			c.enc = append(c.enc, 0xfb, 0x7f, 0xf8, 0, 0, 0, 0, 0, 0)
			return nil
		}
		c.enc = AppendFloat64(c.enc, f)
		return nil
	}
	return c.syntax(indAt, "encoding indicator _"+strconv.Itoa(int(w))+" cannot hold the float without changing its value")
}

// number reads a number at offset at (a sign or a digit): an integer, a
// bignum, a float, or the number of a tag.
func (c *fromDiag) number(at int) error {
	i, neg := at, false
	if c.src[i] == '-' || c.src[i] == '+' {
		neg = c.src[i] == '-'
		i++
	}
	// (a number seldom has letters to look at)
	if i < len(c.src) && c.src[i] == 'I' && string(c.letters(i)) == "Infinity" {
		c.pos = i + len("Infinity")
		sign := 1
		if neg {
			sign = -1
		}
		return c.float(at, math.Inf(sign))
	}
	base, isFloat := 10, false
	if i+1 < len(c.src) && c.src[i] == '0' {
		switch c.src[i+1] {
		case 'x', 'X':
			base = 16
		case 'o', 'O':
			base = 8
		case 'b', 'B':
			base = 2
		}
	}
	digits0 := i
	if base != 10 {
		i += 2
		digits0 = i
	}
	j := i
	if base == 10 {
		for j < len(c.src) && c.src[j] >= '0' && c.src[j] <= '9' {
			j++
		}
	} else {
		for j < len(c.src) && digitOf(c.src[j], base) {
			j++
		}
	}
	digits := c.src[digits0:j]
	switch base {
	case 10:
		// digits before or after the point, or both: 1., .5 and
		// 1.e3 are floats (draft-ietf-cbor-edn-literals §5.1 item 3)
		if j < len(c.src) && c.src[j] == '.' {
			isFloat = true
			k := j + 1
			for k < len(c.src) && c.src[k] >= '0' && c.src[k] <= '9' {
				k++
			}
			if k == j+1 && j == i {
				return c.syntax(at, "malformed number: digits expected before or after the point")
			}
			j = k
		} else if j == i {
			return c.syntax(at, "malformed number")
		}
		if j < len(c.src) && (c.src[j] == 'e' || c.src[j] == 'E') {
			isFloat = true
			if j, _ = c.exponent(j); j < 0 {
				return c.syntax(at, "malformed number: digits expected in the exponent")
			}
		}
	case 16:
		frac := j < len(c.src) && c.src[j] == '.'
		if frac {
			k := j + 1
			for k < len(c.src) && digitOf(c.src[k], 16) {
				k++
			}
			if k == j+1 && j == digits0 {
				return c.syntax(at, "malformed number: digits expected before or after the point")
			}
			j = k
		}
		if j < len(c.src) && (c.src[j] == 'p' || c.src[j] == 'P') {
			isFloat = true
			if j, _ = c.exponent(j); j < 0 {
				return c.syntax(at, "malformed number: digits expected in the exponent")
			}
		} else if frac {
			return c.syntax(at, "malformed number: a hexadecimal float needs a p exponent")
		}
		if j == digits0 {
			return c.syntax(at, "malformed number")
		}
	default:
		if j == digits0 {
			return c.syntax(at, "malformed number")
		}
	}
	if j < len(c.src) && (wordByte(c.src[j]) && c.src[j] != '_' || c.src[j] == '.') {
		return c.syntax(at, "malformed number")
	}
	c.pos = j
	if isFloat {
		f, err := strconv.ParseFloat(string(c.src[at:j]), 64)
		if err != nil {
			if errors.Is(err, strconv.ErrRange) && math.IsInf(f, 0) {
				return c.syntax(at, "number beyond the float64 range")
			}
			if !errors.Is(err, strconv.ErrRange) {
				return c.syntax(at, "malformed number")
			}
		}
		return c.float(at, f)
	}
	return c.integer(at, digits, base, neg)
}

// exponent reads the exponent of a float whose e or p is at offset j,
// returning the offset after it, or -1 if it has no digits.
func (c *fromDiag) exponent(j int) (int, bool) {
	j++
	if j < len(c.src) && (c.src[j] == '+' || c.src[j] == '-') {
		j++
	}
	k := j
	for k < len(c.src) && digitOf(c.src[k], 10) {
		k++
	}
	if k == j {
		return -1, false
	}
	return k, true
}

func digitOf(b byte, base int) bool {
	switch base {
	case 2:
		return b == '0' || b == '1'
	case 8:
		return b >= '0' && b <= '7'
	case 10:
		return b >= '0' && b <= '9'
	}
	return b >= '0' && b <= '9' || b >= 'a' && b <= 'f' || b >= 'A' && b <= 'F'
}

// integer writes the integer of the given digits read at offset at, or
// opens a tag when a ( follows (after an optional width indicator); an
// integer beyond 64 bits is a bignum: tag 2 or 3 around its magnitude
// (-1 - n for a negative n).
func (c *fromDiag) integer(at int, digits []byte, base int, neg bool) error {
	maj, v, ok := uint8(majUint), uint64(0), false
	if base == 10 && len(digits) <= 19 {
		// cannot overflow: ParseUint's value, without its work
		for _, d := range digits {
			v = v*10 + uint64(d-'0')
		}
		ok = true
		if neg && v > 0 {
			maj, v = majNint, v-1
		}
	} else if len(digits) <= 64 {
		var err error
		v, err = strconv.ParseUint(string(digits), base, 64)
		ok = err == nil
		if ok && neg && v > 0 {
			maj, v = majNint, v-1
		}
	}
	var mag []byte
	if !ok {
		// refused before conversion when too long, so that the time
		// (quadratic in decimal) stays bounded
		if base == 10 && len(digits) > maxJSONBignumDigits || len(digits) > maxDiagDigits {
			return c.syntax(at, "integer too long: at most 1024 bytes of magnitude are written")
		}
		b, _ := new(big.Int).SetString(string(digits), base) // digits checked
		if neg && b.Sign() > 0 {
			maj = majNint
			b.Sub(b, big.NewInt(1))
		}
		if b.IsUint64() { // -2^64, or leading zeros
			v = b.Uint64()
		} else if mag = b.Bytes(); len(mag) > maxJSONBignum {
			return c.syntax(at, "integer too long: at most 1024 bytes of magnitude are written")
		}
	}
	if mag != nil {
		switch {
		case c.pos < len(c.src) && c.src[c.pos] == '_':
			return c.syntax(c.pos, "encoding indicator on an integer beyond 64 bits")
		case c.pos < len(c.src) && c.src[c.pos] == '(':
			return c.syntax(at, "tag number beyond 64 bits")
		}
		if err := c.depth(at, 1); err != nil {
			return err // the bignum's tag is a level, as Check counts it
		}
		c.grow(len(mag) + 12)
		c.node(at, dScalar)
		c.enc = AppendBytes(AppendTag(c.enc, 2+uint64(maj)), mag)
		return nil
	}
	indAt := c.pos
	w, err := c.indicator()
	if err != nil {
		return err
	}
	if c.pos < len(c.src) && c.src[c.pos] == '(' {
		if neg {
			return c.syntax(at, "a tag number cannot be negative")
		}
		if err := c.depth(at, 1); err != nil {
			return err
		}
		nd := c.node(at, dScalar)
		if c.enc, err = c.headWidth(c.enc, majTag, v, w, indAt); err != nil {
			return err
		}
		c.pos++
		c.open(nd, at, dTag, false, -1)
		return nil
	}
	c.node(at, dScalar)
	c.enc, err = c.headWidth(c.enc, maj, v, w, indAt)
	return err
}

// chunk reads a chunk of the indefinite-length string f at offset at: a
// definite string of its major type.
func (c *fromDiag) chunk(f *dframe, at int) error {
	if c.src[at] == ')' {
		return c.syntax(at, `an empty indefinite-length string is written ''_ or ""_`)
	}
	if !c.stringStart(at) {
		return c.syntax(at, "a chunk of an indefinite-length string must be a string")
	}
	kind, err := c.strings(at)
	if err != nil {
		return err
	}
	if c.lastIndef {
		return c.syntax(at, "a chunk of an indefinite-length string cannot be indefinite")
	}
	if f.str >= 0 && uint8(f.str) != kind {
		return c.syntax(at, "chunks of an indefinite-length string must be of one major type")
	}
	f.str = int8(kind)
	return nil
}
