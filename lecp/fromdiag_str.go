package lecp

// FromDiag's string literals: "text", 'text as bytes', h'..', b64'..',
// b32'..', h32'..' (RFC 8610 G.2, G.3, G.6), joined when adjacent (G.4)
// or with + (draft-ietf-cbor-edn-literals §5.1 item 7).

import (
	"slices"
	"unicode/utf8"
)

// stringStart reports whether a string literal starts at offset i: a
// quote, or letters and a single quote.
func (c *fromDiag) stringStart(i int) bool {
	if c.src[i] == '"' || c.src[i] == '\'' {
		return true
	}
	w := c.letters(i)
	return len(w) > 0 && i+len(w) < len(c.src) && c.src[i+len(w)] == '\''
}

// strings reads the string literals starting at offset at, joined, with
// the encoding indicator that may follow the last, and writes the
// string; it returns its major type. lastIndef says whether it was the
// empty indefinite-length string (the empty byte or text string with _).
func (c *fromDiag) strings(at int) (uint8, error) {
	c.str = c.str[:0]
	c.lastIndef = false
	kind, pieces := uint8(0), 0
	plus := false // the string just read was joined with +
	for {
		start := c.pos
		var k uint8
		var err error
		switch c.src[start] {
		case '"':
			k, err = majText, c.quoted(start, '"', true)
		case '\'':
			k, err = majBytes, c.quoted(start, '\'', false)
		default:
			w := c.letters(start)
			c.pos = start + len(w) + 1
			k = majBytes
			switch string(w) {
			case "h":
				err = c.hexString(start)
			case "b64":
				err = c.baseString(start, 6, b64Value)
			case "b32":
				err = c.baseString(start, 5, b32Value)
			case "h32":
				err = c.baseString(start, 5, h32Value)
			case "float":
				return 0, c.syntax(start, "float'...' is a float, not a string to join or a chunk")
			default:
				return 0, c.syntax(start, "application-extension literal "+shortWord(w)+"'...' not supported")
			}
		}
		if err != nil {
			return 0, err
		}
		switch {
		case pieces == 0:
			kind = k
		case k == kind:
		case plus && kind == majText:
			// bytes added to text (the draft's §5.1 item 7: the
			// left side's type; Check finds text that is not UTF-8)
		case plus:
			return 0, c.syntax(start, "a text string cannot be added to a byte string")
		default:
			return 0, c.syntax(start, "a text string and a byte string cannot be joined")
		}
		pieces++
		if c.pos < len(c.src) && c.src[c.pos] == '_' {
			break // an indicator ends the string
		}
		save := c.pos
		more, err := c.space()
		if err != nil {
			return 0, err
		}
		if plus = more && c.src[c.pos] == '+'; plus {
			if err := c.plusOperand(); err != nil {
				return 0, err
			}
			continue
		}
		if !more || !c.stringStart(c.pos) {
			c.pos = save
			break
		}
	}
	width := int8(-1)
	if c.pos < len(c.src) && c.src[c.pos] == '_' {
		if len(c.word(c.pos+1)) == 0 {
			if pieces > 1 || len(c.str) > 0 {
				return 0, c.syntax(c.pos, "_ after a string: only ''_ and \"\"_, the empty indefinite-length strings, take it")
			}
			if c.lim.determ {
				return 0, c.fail(c.pos, ErrNotDeterministic)
			}
			c.pos++
			if err := c.plusAfter(); err != nil {
				return 0, err
			}
			c.node(at, dScalar)
			c.enc = append(c.enc, kind<<5|31, 0xff)
			c.lastIndef = true
			return kind, nil
		}
		var err error
		if width, err = c.indicator(); err != nil {
			return 0, err
		}
		if err := c.plusAfter(); err != nil {
			return 0, err
		}
	}
	c.grow(len(c.str) + 9)
	c.node(at, dScalar)
	var err error
	if c.enc, err = c.headWidth(c.enc, kind, uint64(len(c.str)), width, c.pos-2); err != nil {
		return 0, err
	}
	c.enc = append(c.enc, c.str...)
	return kind, nil
}

// plusOperand skips the + at c.pos and the space after it, up to the
// string literal that must follow.
func (c *fromDiag) plusOperand() error {
	c.pos++
	more, err := c.space()
	switch {
	case err != nil:
		return err
	case !more:
		return c.eof()
	case c.stringStart(c.pos):
		return nil
	case c.src[c.pos] == '<':
		return c.syntax(c.pos, "<< >> joined with +: not accepted")
	case c.src[c.pos] == '.':
		return c.syntax(c.pos, "an ellipsis (...) stands for elided data: not accepted")
	}
	return c.syntax(c.pos, "expected a string literal after +")
}

// plusAfter refuses a + after an encoding indicator at c.pos, which goes
// after the last string of a concatenation.
func (c *fromDiag) plusAfter() error {
	save := c.pos
	more, err := c.space()
	at := c.pos
	c.pos = save
	if err == nil && more && c.src[at] == '+' {
		return c.syntax(at, "+ after an encoding indicator: it goes after the last string")
	}
	return nil
}

// quoted reads a string in quotes q whose opening quote is at offset at,
// with the escapes of JSON (and \' ), into c.str; its bytes must be UTF-8
// unless Options.AllowInvalidUTF8 is set: a text string's as CBOR wants,
// and a byte string's ('..') as EDN is Unicode text (the draft's ABNF
// takes code points, never a stray byte).
func (c *fromDiag) quoted(at int, q byte, text bool) error {
	c.reserve(1)
	src := c.src
	for i := at + 1; ; {
		j := i
		for j < len(src) && src[j] != q && src[j] != '\\' && src[j] >= 0x20 && src[j] < utf8.RuneSelf {
			j++
		}
		c.str = append(c.str, src[i:j]...)
		if j == len(src) {
			return c.eof()
		}
		switch b := src[j]; {
		case b == q:
			c.pos = j + 1
			return nil
		case b == '\\':
			next, err := c.escape(j, q)
			if err != nil {
				return err
			}
			i = next
		case b < 0x20 || b == 0x7f:
			return c.syntax(j, "control character in a string: write it as an escape")
		case !c.lim.allowUTF8:
			r, n := utf8.DecodeRune(src[j:])
			if r == utf8.RuneError && n <= 1 {
				return c.fail(j, ErrInvalidUTF8)
			}
			c.str = append(c.str, src[j:j+n]...)
			i = j + n
		default:
			c.str = append(c.str, b)
			i = j + 1
		}
	}
}

// escape decodes the escape whose backslash is at offset esc, returning
// the offset after it.
func (c *fromDiag) escape(esc int, q byte) (int, error) {
	if esc+1 >= len(c.src) {
		return 0, c.eof()
	}
	ch := c.src[esc+1]
	if b, ok := shortEscape(ch); ok {
		c.str = append(c.str, b)
		return esc + 2, nil
	}
	switch ch {
	case '\'':
		if q != '\'' {
			return 0, c.syntax(esc, `\' is an escape of single-quoted strings only`)
		}
		c.str = append(c.str, ch)
	case 'u':
		if esc+2 < len(c.src) && c.src[esc+2] == '{' {
			return c.braceEscape(esc)
		}
		r, err := c.hex4(esc, esc+2)
		if err != nil {
			return 0, err
		}
		next := esc + 6
		if r >= 0xd800 && r <= 0xdfff {
			// a surrogate half: a high one, and an escaped low one next
			switch {
			case r >= 0xdc00:
				return 0, c.fail(esc, ErrInvalidUTF8)
			case next >= len(c.src):
				return 0, c.eof()
			case c.src[next] != '\\':
				return 0, c.fail(esc, ErrInvalidUTF8)
			case next+1 >= len(c.src):
				return 0, c.eof()
			case c.src[next+1] != 'u':
				return 0, c.fail(esc, ErrInvalidUTF8)
			}
			lo, err := c.hex4(esc, next+2)
			if err != nil {
				return 0, err
			}
			if lo < 0xdc00 || lo > 0xdfff {
				return 0, c.fail(esc, ErrInvalidUTF8)
			}
			r = 0x10000 + (r-0xd800)<<10 + (lo - 0xdc00)
			next += 6
		}
		c.str = utf8.AppendRune(c.str, r)
		return next, nil
	default:
		return 0, c.syntax(esc, "unknown escape")
	}
	return esc + 2, nil
}

// braceEscape decodes \u{...} whose backslash is at offset esc: hex
// digits (any number of leading zeros) of a Unicode scalar value, not a
// surrogate (draft-ietf-cbor-edn-literals §2.5.1, its hexchar rule); it
// returns the offset after the closing brace.
func (c *fromDiag) braceEscape(esc int) (int, error) {
	var r rune
	i := esc + 3
	for ; i < len(c.src) && c.src[i] != '}'; i++ {
		v := hexValue(c.src[i])
		if v < 0 {
			return 0, c.syntax(esc, `\u{...} holds hex digits`)
		}
		if r = r<<4 | rune(v); r > utf8.MaxRune {
			return 0, c.syntax(esc, `\u{...} beyond U+10FFFF`)
		}
	}
	switch {
	case i == len(c.src):
		return 0, c.eof()
	case i == esc+3:
		return 0, c.syntax(esc, `\u{} needs a hex digit`)
	case r >= 0xd800 && r <= 0xdfff:
		return 0, c.fail(esc, ErrInvalidUTF8)
	}
	c.str = utf8.AppendRune(c.str, r)
	return i + 1, nil
}

// hex4 reads the four hex digits of a \u escape at offset i; anything
// else is an error at the escape's backslash esc.
func (c *fromDiag) hex4(esc, i int) (rune, error) {
	var r rune
	for k := i; k < i+4; k++ {
		if k >= len(c.src) {
			return 0, c.eof()
		}
		v := hexValue(c.src[k])
		if v < 0 {
			return 0, c.syntax(esc, `\u needs four hex digits`)
		}
		r = r<<4 | rune(v)
	}
	return r, nil
}

func hexValue(b byte) int {
	switch {
	case b >= '0' && b <= '9':
		return int(b - '0')
	case b >= 'a' && b <= 'f':
		return int(b-'a') + 10
	case b >= 'A' && b <= 'F':
		return int(b-'A') + 10
	}
	return -1
}

// hexString reads the digits of h'..' (white space and comments between
// them, G.6, and # comments, which the closing quote ends too) from
// c.pos, the literal starting at offset at.
func (c *fromDiag) hexString(at int) error {
	c.reserve(2)
	half, odd := byte(0), false
	for {
		c.inLit = true
		more, err := c.space()
		c.inLit = false
		if err != nil {
			return err
		}
		if !more {
			return c.eof()
		}
		b := c.src[c.pos]
		if b == '\'' {
			if odd {
				return c.syntax(c.pos, "odd number of hex digits")
			}
			c.pos++
			return nil
		}
		// a run of digits at once
		i := c.pos
		for i < len(c.src) {
			v := hexValue(c.src[i])
			if v < 0 {
				break
			}
			if odd {
				c.str = append(c.str, half<<4|byte(v))
			} else {
				half = byte(v)
			}
			odd = !odd
			i++
		}
		if i == c.pos {
			return c.syntax(c.pos, "invalid character "+quoteChar(c.src[c.pos:])+" in h'...'")
		}
		c.pos = i
	}
}

// b64Value, b32Value and h32Value are the values of the digits of
// base64 and base64url (RFC 4648 §4, §5: either alphabet), base32 and
// base32hex (§6, §7: either case), or -1.
func b64Value(b byte) int {
	switch {
	case b >= 'A' && b <= 'Z':
		return int(b - 'A')
	case b >= 'a' && b <= 'z':
		return int(b-'a') + 26
	case b >= '0' && b <= '9':
		return int(b-'0') + 52
	case b == '+' || b == '-':
		return 62
	case b == '/' || b == '_':
		return 63
	}
	return -1
}

func b32Value(b byte) int {
	switch {
	case b >= 'A' && b <= 'Z':
		return int(b - 'A')
	case b >= 'a' && b <= 'z':
		return int(b - 'a')
	case b >= '2' && b <= '7':
		return int(b-'2') + 26
	}
	return -1
}

func h32Value(b byte) int {
	switch {
	case b >= '0' && b <= '9':
		return int(b - '0')
	case b >= 'A' && b <= 'V':
		return int(b-'A') + 10
	case b >= 'a' && b <= 'v':
		return int(b-'a') + 10
	}
	return -1
}

// baseString reads the digits of b64'..', b32'..' or h32'..' (k bits per
// digit) from c.pos, the literal starting at offset at: white space and #
// comments (draft-ietf-cbor-edn-literals §2.5.3) between them, padding optional but, if present, complete, and the bits
// of the last digit past the last byte zero.
func (c *fromDiag) baseString(at, k int, value func(byte) int) error {
	c.reserve(1)
	var acc uint
	nbits, digits, pads := 0, 0, 0
	group := 4 // digits per padded group
	if k == 5 {
		group = 8
	}
	for ; ; c.pos++ {
		if c.pos >= len(c.src) {
			return c.eof()
		}
		b := c.src[c.pos]
		switch {
		case b == ' ' || b == '\t' || b == '\n' || b == '\r':
			continue
		case b == '#': // a comment to the end of the line
			c.pos = lineEnd(c.src, c.pos, true) - 1
			continue
		case b == '\'':
			if nbits >= k || acc != 0 {
				return c.syntax(c.pos, "incomplete last digit group (or bits set past the last byte)")
			}
			if pads > 0 && (digits+pads)%group != 0 {
				return c.syntax(c.pos, "wrong padding")
			}
			c.pos++
			return nil
		case b == '=':
			if digits%group == 0 {
				return c.syntax(c.pos, "wrong padding")
			}
			pads++
			continue
		}
		v := value(b)
		if v < 0 || pads > 0 {
			return c.syntax(c.pos, "invalid character "+quoteChar(c.src[c.pos:])+" in a base32 or base64 literal")
		}
		digits++
		acc = acc<<k | uint(v)
		nbits += k
		if nbits >= 8 {
			nbits -= 8
			c.str = append(c.str, byte(acc>>nbits))
			acc &= 1<<nbits - 1
		}
	}
}

// reserve makes room in c.str for the literal at c.pos, up to the next
// single or double quote, at per bytes of text a byte (a hint: a quote
// may come earlier, in a comment, or later, after an escaped one).
func (c *fromDiag) reserve(per int) {
	i := c.pos + 1
	for i < len(c.src) && c.src[i] != '\'' && c.src[i] != '"' {
		i++
	}
	c.str = slices.Grow(c.str, (i-c.pos)/per+1)
}
