package lecp

// CBOR ↔ JSON (RFC 8949 §6.1, §6.2).
//
// CBOR to JSON: integers and finite floats become numbers; NaN and the
// infinities become null (§6.1); byte strings become base64url strings
// without padding, or base64 with padding / base16 in upper case inside
// tags 22 / 23 (tag 21 asks for base64url; §3.4.5.2); text strings become
// strings; false, true, null stay; undefined and other simple values become
// null; bignums (tags 2 and 3 around a byte string) become exact integer
// numbers (where §6.1 advises base64url text, "~" before a negative one:
// lecp keeps the number, which FromJSON turns back into the bignum), up to
// 1024 bytes of magnitude (2467 digits), beyond which they take §6.1's
// form, since decimal conversion takes time quadratic in the length; other
// tags are dropped and their content converted. Map keys become member
// names: text as it is, integers in decimal, anything else in diagnostic
// notation; a map whose converted keys collide is an error
// (ErrKeyCollision), since JSON readers would keep only one. Keys and tag
// contents are read under the same Options as the rest. What does not map back: the difference
// between bytes and text, tags, integer versus float keys, undefined,
// simple values, NaN and the infinities.
//
// JSON to CBOR: numbers without fraction or exponent become integers, or
// bignums beyond 64 bits (an integer needing more than 1024 bytes is an
// error, as above); other numbers become floats in the shortest
// width that keeps the value (a decimal fraction usually needs a double); a
// number beyond the float64 range is an error (ErrJSONNumber). Strings
// become text (invalid UTF-8 and \u escapes of unpaired surrogates are an
// error, ErrInvalidUTF8, where encoding/json would put U+FFFD), objects maps
// (duplicate names are an error), arrays arrays, nested at most
// DefaultMaxDepth deep. FromJSON's reader is in fromjson.go.

import (
	"bytes"
	"encoding/base64"
	"errors"
	"io"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Converting between binary and decimal takes time that grows faster than
// the number's length (Python limits int to 4300 digits for this reason,
// CVE-2020-10735), so bignums are converted to and from JSON numbers only
// up to maxJSONBignum bytes of magnitude, maxJSONBignumDigits digits.
const (
	maxJSONBignum       = 1024
	maxJSONBignumDigits = 2467 // digits of 2^8192-1
)

// ErrKeyCollision: converting a map to JSON gave two members the same name.
var ErrKeyCollision = errors.New("lecp: map keys collide when converted to JSON member names")

// AppendJSON appends the JSON form of the CBOR item in b to dst. With
// Options.AllowSequence, b may hold a sequence, written one JSON text per
// line.
func AppendJSON(dst, b []byte, opts *Options) ([]byte, error) {
	d := NewDecoderBytes(b, opts)
	c := jsonConv{d: d, opts: opts}
	n := 0
	for d.More() {
		if n > 0 {
			dst = append(dst, '\n')
		}
		var err error
		if dst, err = c.item(dst, 0); err != nil {
			return dst, err
		}
		n++
	}
	if _, err := d.ReadToken(); err != io.EOF {
		if err == nil {
			err = errors.New("lecp: unexpected token")
		}
		return dst, err
	}
	return dst, nil
}

type jsonConv struct {
	d    *Decoder
	opts *Options // for the keys and tag contents read again
}

// item converts the next item; enc is 0 for base64url or the tag 22/23
// asking for base64/base16.
func (c *jsonConv) item(dst []byte, enc uint64) ([]byte, error) {
	t, err := c.d.ReadToken()
	if err != nil {
		if err == io.EOF {
			err = c.d.m.fail(0, ErrUnexpectedEOF)
		}
		return dst, err
	}
	switch t.Kind {
	case Uint:
		return strconv.AppendUint(dst, t.Uint, 10), nil
	case Nint:
		return appendNegDecimal(dst, t.Uint), nil
	case Float:
		if math.IsNaN(t.Float) || math.IsInf(t.Float, 0) {
			return append(dst, "null"...), nil
		}
		return appendDiagFloat(dst, t.Float, false), nil
	case False:
		return append(dst, "false"...), nil
	case True:
		return append(dst, "true"...), nil
	case Null, Undefined, Simple:
		return append(dst, "null"...), nil
	case Text:
		return appendQuoted(dst, t.Value), nil
	case Bytes:
		return appendEncoded(dst, t.Value, enc), nil
	case BytesStart, TextStart:
		var all []byte
		for {
			u, err := c.d.ReadToken()
			if err != nil {
				return dst, err
			}
			if u.Kind == BytesEnd || u.Kind == TextEnd {
				break
			}
			all = append(all, u.Value...)
		}
		if t.Kind == TextStart {
			return appendQuoted(dst, all), nil
		}
		return appendEncoded(dst, all, enc), nil
	case ArrayStart:
		dst = append(dst, '[')
		for i := 0; c.d.More(); i++ {
			if i > 0 {
				dst = append(dst, ',')
			}
			if dst, err = c.item(dst, enc); err != nil {
				return dst, err
			}
		}
		if _, err := c.d.ReadToken(); err != nil {
			return dst, err
		}
		return append(dst, ']'), nil
	case MapStart:
		dst = append(dst, '{')
		seen := map[string]struct{}{}
		for i := 0; c.d.More(); i++ {
			if i > 0 {
				dst = append(dst, ',')
			}
			off := c.d.InputOffset()
			raw, err := c.d.ReadValue()
			if err != nil {
				return dst, err
			}
			name, err := keyName(raw, c.opts)
			if err != nil {
				return dst, err
			}
			// names are compared as JSON readers will see them: with
			// AllowInvalidUTF8, every byte that is not UTF-8 is written as
			// U+FFFD (as the conversion to []rune does)
			seenAs := name
			if !utf8.ValidString(name) {
				seenAs = string([]rune(name))
			}
			if _, dup := seen[seenAs]; dup {
				return dst, &SyntaxError{Offset: off, Path: c.d.Path(), Err: ErrKeyCollision}
			}
			seen[seenAs] = struct{}{}
			dst = appendQuoted(dst, []byte(name))
			dst = append(dst, ':')
			if dst, err = c.item(dst, enc); err != nil {
				return dst, err
			}
		}
		if _, err := c.d.ReadToken(); err != nil {
			return dst, err
		}
		return append(dst, '}'), nil
	case TagStart:
		switch t.Uint {
		case 2, 3:
			raw, err := c.d.ReadValue()
			if err != nil {
				return dst, err
			}
			if mag, ok := byteStringContent(raw, c.opts); ok {
				if len(bytes.TrimLeft(mag, "\x00")) > maxJSONBignum {
					// §6.1's advice: base64url, "~" for a negative one
					dst = append(dst, '"')
					if t.Uint == 3 {
						dst = append(dst, '~')
					}
					dst = base64.RawURLEncoding.AppendEncode(dst, mag)
					dst = append(dst, '"')
					break
				}
				dst = appendBignum(dst, mag, t.Uint == 3)
			} else {
				sub := jsonConv{d: NewDecoderBytes(raw, c.opts), opts: c.opts}
				if dst, err = sub.item(dst, enc); err != nil {
					return dst, err
				}
			}
		case 21, 22, 23:
			if dst, err = c.item(dst, t.Uint); err != nil {
				return dst, err
			}
		default:
			if dst, err = c.item(dst, enc); err != nil {
				return dst, err
			}
		}
		_, err := c.d.ReadToken() // TagEnd
		return dst, err
	}
	return dst, errors.New("lecp: unexpected " + t.Kind.String())
}

func appendEncoded(dst, b []byte, enc uint64) []byte {
	dst = append(dst, '"')
	switch enc {
	case 22:
		dst = base64.StdEncoding.AppendEncode(dst, b)
	case 23:
		// base16 "with uppercase alphabetics" (RFC 8949 §3.4.5.2)
		const upper = "0123456789ABCDEF"
		for _, c := range b {
			dst = append(dst, upper[c>>4], upper[c&15])
		}
	default:
		dst = base64.RawURLEncoding.AppendEncode(dst, b)
	}
	return append(dst, '"')
}

// byteStringContent returns the content of a (well-formed) encoded byte
// string, definite or indefinite.
func byteStringContent(raw []byte, opts *Options) ([]byte, bool) {
	if len(raw) == 0 || raw[0]>>5 != majBytes {
		return nil, false
	}
	d := NewDecoderBytes(raw, opts)
	var all []byte
	for {
		t, err := d.ReadToken()
		if err != nil {
			return all, err == io.EOF
		}
		all = append(all, t.Value...)
	}
}

// keyName converts a map key (its encoding, accepted under opts) to a JSON
// member name.
func keyName(raw []byte, opts *Options) (string, error) {
	switch raw[0] >> 5 {
	case majUint:
		a, _ := headArg(raw)
		return strconv.FormatUint(a, 10), nil
	case majNint:
		a, _ := headArg(raw)
		return string(appendNegDecimal(nil, a)), nil
	case majText:
		d := NewDecoderBytes(raw, opts)
		var sb strings.Builder
		for {
			t, err := d.ReadToken()
			if err == io.EOF {
				return sb.String(), nil
			}
			if err != nil {
				return "", err
			}
			sb.Write(t.Value)
		}
	}
	b, err := AppendDiag(nil, raw, opts)
	return string(b), err
}
