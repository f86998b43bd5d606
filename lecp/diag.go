package lecp

// Diagnostic notation (RFC 8949 §8), spelled as in RFC 8949 Appendix A:
// integers in decimal (down to -18446744073709551616), floats in the
// shortest form that reads back to the same value with a ".0" where it would
// otherwise look like an integer ("1.0", "1.0e+300", "0.00006103515625"),
// Infinity, -Infinity and NaN, h'hex' byte strings, "text" with JSON-style
// escapes and every character beyond ASCII as \uXXXX ("\u00fc",
// "\ud800\udd51"), [_ ...], {_ ...} and (_ ...) for indefinite lengths,
// N(item) for tags, simple(N), false, true, null and undefined; an
// indefinite-length string with no chunks is ''_ or ""_ (§8.1). A bignum
// in preferred serialization (tag 2 or 3 around a definite byte string
// with no leading zero byte whose value lies beyond the 64-bit integers,
// §3.4.3) is written as its decimal value, as Appendix A shows it
// ("18446744073709551616"); such a number can only be that bignum, so the
// text still says which bytes were read. Other bignums (leading zeros,
// small values, chunked content, more than 1024 bytes) stay N(h'...').
// AppendDiag writes no encoding indicators (_0 … _3, §8.1); AppendDiagExact
// (diag_exact.go) writes the same text with them added wherever an item is
// not in preferred serialization.

import (
	"bytes"
	"io"
	"math"
	"math/big"
	"strconv"
	"unicode/utf16"
	"unicode/utf8"
)

// AppendDiag appends the diagnostic notation of the CBOR in b to dst. With
// Options.AllowSequence, b may hold a sequence; its items are separated by
// ", " (RFC 8742 §4.2). The input is checked as by Check; on an error, dst
// is returned unchanged. With Options.AllowInvalidUTF8, each byte of a text
// string that is not UTF-8 is written \ufffd.
func AppendDiag(dst, b []byte, opts *Options) ([]byte, error) {
	d := NewDecoderBytes(b, opts)
	out, err := appendDiagDecoder(dst, d, nil)
	if err != nil {
		return dst, err
	}
	return out, nil
}

type diagLevel struct {
	kind Kind // ArrayStart, MapStart, BytesStart, TextStart, TagStart
	n    int
	at   int // where an indefinite-length string's "(_ " starts in dst
}

// appendDiagDecoder writes the diagnostic notation of d's items. With src
// (the bytes d reads, so that a token's Offset indexes them), it also
// writes the encoding indicators of the heads that are not preferred, as
// AppendDiagExact documents.
func appendDiagDecoder(dst []byte, d *Decoder, src []byte) ([]byte, error) {
	var stack []diagLevel
	top := 0
	var next Token // a token read ahead after a tag 2 or 3
	ahead := false
	for {
		var t Token
		if ahead {
			t, ahead = next, false
		} else {
			var err error
			if t, err = d.ReadToken(); err == io.EOF {
				return dst, nil
			} else if err != nil {
				return dst, err
			}
		}
		if t.Kind.IsEnd() {
			l := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			switch l.kind {
			case ArrayStart:
				dst = append(dst, ']')
			case MapStart:
				dst = append(dst, '}')
			case BytesStart, TextStart:
				if l.n == 0 {
					// no chunks: (_ ) would not say which kind (§8.1)
					dst = dst[:l.at]
					if l.kind == BytesStart {
						dst = append(dst, "''_"...)
					} else {
						dst = append(dst, `""_`...)
					}
				} else {
					dst = append(dst, ')')
				}
			default:
				dst = append(dst, ')')
			}
			continue
		}
		// separator before an item
		if len(stack) == 0 {
			if top > 0 {
				dst = append(dst, ", "...)
			}
			top++
		} else {
			l := &stack[len(stack)-1]
			if l.n > 0 && l.kind != TagStart {
				if l.kind == MapStart && l.n&1 == 1 {
					dst = append(dst, ": "...)
				} else {
					dst = append(dst, ", "...)
				}
			}
			l.n++
		}
		switch t.Kind {
		case Uint:
			dst = strconv.AppendUint(dst, t.Uint, 10)
			dst = appendIndicator(dst, src, t.Offset)
		case Nint:
			dst = appendNegDecimal(dst, t.Uint)
			dst = appendIndicator(dst, src, t.Offset)
		case Bytes:
			dst = appendHexBytes(dst, t.Value)
			dst = appendIndicator(dst, src, t.Offset)
		case Text:
			dst = appendQuotedASCII(dst, t.Value)
			dst = appendIndicator(dst, src, t.Offset)
		case BytesStart, TextStart:
			stack = append(stack, diagLevel{kind: t.Kind, at: len(dst)})
			dst = append(dst, "(_ "...)
		case ArrayStart:
			dst = append(dst, '[')
			if t.Indefinite {
				dst = append(dst, "_ "...)
			} else if src != nil {
				dst = appendOpenIndicator(dst, src, t.Offset)
			}
			stack = append(stack, diagLevel{kind: ArrayStart})
		case MapStart:
			dst = append(dst, '{')
			if t.Indefinite {
				dst = append(dst, "_ "...)
			} else if src != nil {
				dst = appendOpenIndicator(dst, src, t.Offset)
			}
			stack = append(stack, diagLevel{kind: MapStart})
		case TagStart:
			if t.Uint == 2 || t.Uint == 3 {
				c, err := d.ReadToken()
				if err != nil {
					return dst, err
				}
				if isPreferredBignum(c) && (src == nil || preferredBignumHeads(src, t.Offset, c.Offset)) {
					dst = appendBignum(dst, c.Value, t.Uint == 3)
					if _, err := d.ReadToken(); err != nil { // TagEnd
						return dst, err
					}
					break
				}
				next, ahead = c, true
			}
			dst = strconv.AppendUint(dst, t.Uint, 10)
			dst = appendIndicator(dst, src, t.Offset)
			dst = append(dst, '(')
			stack = append(stack, diagLevel{kind: TagStart})
		case Float:
			if src != nil {
				dst = appendExactFloat(dst, src, &t)
			} else {
				dst = appendDiagFloat(dst, t.Float, true)
			}
		case False:
			dst = append(dst, "false"...)
		case True:
			dst = append(dst, "true"...)
		case Null:
			dst = append(dst, "null"...)
		case Undefined:
			dst = append(dst, "undefined"...)
		case Simple:
			dst = append(dst, "simple("...)
			dst = strconv.AppendUint(dst, t.Uint, 10)
			dst = append(dst, ')')
		}
	}
}

// isPreferredBignum reports whether c, the content of a tag 2 or 3, is a
// bignum in preferred serialization (RFC 8949 §3.4.3): a whole byte string
// without leading zero bytes, longer than eight bytes (so beyond the 64-bit
// integers of major types 0 and 1), at most maxJSONBignum bytes long (the
// decimal conversion's cost grows faster than the length).
func isPreferredBignum(c Token) bool {
	return c.Kind == Bytes && len(c.Value) > 8 && c.Value[0] != 0 && len(c.Value) <= maxJSONBignum
}

// appendBignum appends the decimal value of the bignum with magnitude mag:
// mag for tag 2, -1 - mag for tag 3 (neg).
func appendBignum(dst, mag []byte, neg bool) []byte {
	v := new(big.Int).SetBytes(mag)
	if neg {
		v.Neg(v.Add(v, big.NewInt(1)))
	}
	return v.Append(dst, 10)
}

const hexDigits = "0123456789abcdef"

func appendHexBytes(dst, b []byte) []byte {
	dst = append(dst, "h'"...)
	for _, c := range b {
		dst = append(dst, hexDigits[c>>4], hexDigits[c&15])
	}
	return append(dst, '\'')
}

// appendQuoted appends s as a double-quoted string with JSON escapes (RFC
// 8259 §7): quote, backslash and control characters escaped, other
// characters as they are; bytes that are not UTF-8 are written as \ufffd.
func appendQuoted(dst, s []byte) []byte { return appendQuotedMode(dst, s, false) }

// appendQuotedASCII is appendQuoted with every character beyond ASCII
// written as \uXXXX, a surrogate pair beyond U+FFFF, as RFC 8949 Appendix A
// spells text in diagnostic notation.
func appendQuotedASCII(dst, s []byte) []byte { return appendQuotedMode(dst, s, true) }

func appendQuotedMode(dst, s []byte, ascii bool) []byte {
	dst = append(dst, '"')
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x20 && c != '"' && c != '\\' && c < utf8.RuneSelf {
			// a run of characters written as they are, appended at once
			j := i + 1
			for j < len(s) && s[j] >= 0x20 && s[j] != '"' && s[j] != '\\' && s[j] < utf8.RuneSelf {
				j++
			}
			dst = append(dst, s[i:j]...)
			i = j
			continue
		}
		if c >= utf8.RuneSelf {
			r, n := utf8.DecodeRune(s[i:])
			switch {
			case r == utf8.RuneError && n == 1:
				dst = append(dst, `\ufffd`...)
			case !ascii:
				dst = append(dst, s[i:i+n]...)
			case r > 0xFFFF:
				r1, r2 := utf16.EncodeRune(r)
				dst = appendU4(appendU4(dst, r1), r2)
			default:
				dst = appendU4(dst, r)
			}
			i += n
			continue
		}
		switch c {
		case '"':
			dst = append(dst, `\"`...)
		case '\\':
			dst = append(dst, `\\`...)
		case '\n':
			dst = append(dst, `\n`...)
		case '\r':
			dst = append(dst, `\r`...)
		case '\t':
			dst = append(dst, `\t`...)
		case '\b':
			dst = append(dst, `\b`...)
		case '\f':
			dst = append(dst, `\f`...)
		default:
			dst = appendU4(dst, rune(c))
		}
		i++
	}
	return append(dst, '"')
}

// appendU4 appends the escape \uXXXX of the UTF-16 code unit r.
func appendU4(dst []byte, r rune) []byte {
	return append(dst, '\\', 'u', hexDigits[r>>12&15], hexDigits[r>>8&15], hexDigits[r>>4&15], hexDigits[r&15])
}

// appendDiagFloat writes f in the shortest decimal that reads back to f,
// laid out as ECMAScript's Number::toString does (plain digits for decimal
// exponents from -6 to 20, otherwise d.ddde±x); with point, a ".0" is added
// where the text would otherwise read as an integer, as RFC 8949 Appendix A
// does. NaN and the infinities are written NaN, Infinity, -Infinity.
func appendDiagFloat(dst []byte, f float64, point bool) []byte {
	switch {
	case f != f:
		return append(dst, "NaN"...)
	case math.IsInf(f, 1):
		return append(dst, "Infinity"...)
	case math.IsInf(f, -1):
		return append(dst, "-Infinity"...)
	}
	if math.Signbit(f) {
		dst = append(dst, '-')
		f = -f
	}
	if f == 0 {
		if point {
			return append(dst, "0.0"...)
		}
		return append(dst, '0')
	}
	if minPlain <= f && f < 1e21 {
		// The shortest decimal lies in [1e-6, 1e21) exactly when f does
		// (rounding is monotonic and both bounds are float64 values whose
		// shortest decimals are 1e-6 and 1e21), and there ECMAScript's
		// layout is strconv's 'f' layout of the same shortest digits.
		n := len(dst)
		dst = strconv.AppendFloat(dst, f, 'f', -1, 64)
		if point && bytes.IndexByte(dst[n:], '.') < 0 {
			dst = append(dst, ".0"...)
		}
		return dst
	}
	return appendDiagFloatExp(dst, f, point)
}

// minPlain is the float64 nearest 1e-6, the least value appendDiagFloat
// writes without an exponent.
const minPlain = 1e-6

// appendDiagFloatExp is appendDiagFloat for a finite f > 0, laid out from
// the digits and exponent of strconv's shortest 'e' format; it handles every
// such f, and appendDiagFloat sends it those outside [1e-6, 1e21).
func appendDiagFloatExp(dst []byte, f float64, point bool) []byte {
	var buf [32]byte
	e := strconv.AppendFloat(buf[:0], f, 'e', -1, 64) // d.ddde±xx
	ei := 0
	for e[ei] != 'e' {
		ei++
	}
	exp, _ := strconv.Atoi(string(e[ei+1:]))
	var dig [24]byte
	digits := dig[:0]
	for _, c := range e[:ei] {
		if c != '.' {
			digits = append(digits, c)
		}
	}
	k := len(digits)
	n := exp + 1 // position of the decimal point
	switch {
	case k <= n && n <= 21:
		dst = append(dst, digits...)
		for range n - k {
			dst = append(dst, '0')
		}
		if point {
			dst = append(dst, ".0"...)
		}
	case 0 < n && n <= 21:
		dst = append(dst, digits[:n]...)
		dst = append(dst, '.')
		dst = append(dst, digits[n:]...)
	case -6 < n && n <= 0:
		dst = append(dst, "0."...)
		for range -n {
			dst = append(dst, '0')
		}
		dst = append(dst, digits...)
	default:
		dst = append(dst, digits[0])
		if k > 1 {
			dst = append(dst, '.')
			dst = append(dst, digits[1:]...)
		} else if point {
			dst = append(dst, ".0"...)
		}
		dst = append(dst, 'e')
		if n-1 >= 0 {
			dst = append(dst, '+')
		}
		dst = strconv.AppendInt(dst, int64(n-1), 10)
	}
	return dst
}
