package lecp

// Diagnostic notation that names the encoding: AppendDiag's text with the
// encoding indicators of RFC 8949 §8.1 added to each head that is not in
// preferred serialization (§4.1). The walk is AppendDiag's
// (appendDiagDecoder, given the input so that a token's Offset finds its
// head); the functions here read a head from the input and write its
// indicator.

// AppendDiagExact appends the diagnostic notation of the CBOR in b to dst
// as AppendDiag does, and also says how each item was encoded where that
// is not its preferred serialization (RFC 8949 §4.1), so that the text
// determines the bytes. An item in preferred serialization is written
// exactly as AppendDiag writes it; any other gets the encoding indicator of
// RFC 8949 §8.1, _0, _1, _2 or _3 for an argument in 1, 2, 4 or 8 bytes
// (additional information 24 to 27): after an integer, a string literal
// (a whole string or a chunk of an indefinite-length one) or a float;
// after the opening bracket or brace of an array or map, followed by a
// space; between a tag number and its parenthesis. For example:
//
//	1800                      0_0
//	390000                    -1_1
//	59000101                  h'01'_1
//	780161                    "a"_0
//	5f5800ff                  (_ h''_0)
//	980101                    [_0 1]
//	b90000                    {_1 }
//	d9000100                  1_1(0)
//	fa3f800000                1.0_2
//	fb7ff0000000000000        Infinity_3
//	fa7fc00000                NaN_2
//	f97e01                    float'7e01'
//	d80249010000000000000000  2_0(h'010000000000000000')
//
// A float's indicator says its width (_1 half, _2 single, _3 double) when
// that is wider than the shortest width that holds its value. The quiet
// NaN with no payload and a clear sign bit is NaN, NaN_2 or NaN_3 at each
// width (f97e00, fa7fc00000, fb7ff8000000000000); any other NaN, which the
// indicators cannot describe, is written with the float application
// literal of the EDN drafts (draft-bormann-cbor-edn-app-ext): the hex of
// its bits at its width, as float'7e01' above or float'fe00'.
//
// A bignum is written as its decimal value, as AppendDiag writes it, only
// when that number's preferred encoding is the input (tag head c2 or c3,
// byte string head in preferred serialization); otherwise it is the tag
// and its byte string, with their indicators. Indefinite-length items are
// written as AppendDiag writes them. A simple value has one encoding (f820
// to f8ff; f800 to f81f are not well-formed), so it never carries an
// indicator. The bytes of a byte string are not decoded (no <<...>>).
//
// Errors and options are AppendDiag's: the same input gets the same error,
// and on an error dst is returned unchanged.
func AppendDiagExact(dst, b []byte, opts *Options) ([]byte, error) {
	d := NewDecoderBytes(b, opts)
	out, err := appendDiagDecoder(dst, d, b)
	if err != nil {
		return dst, err
	}
	return out, nil
}

// appendIndicator appends the encoding indicator of the head at src[off],
// if it is not the preferred one; with a nil src (AppendDiag) nothing. It
// is small enough to be inlined, so that AppendDiag pays one test.
func appendIndicator(dst, src []byte, off int64) []byte {
	if src != nil {
		dst = appendIndicatorAt(dst, src, off)
	}
	return dst
}

// appendIndicatorAt is appendIndicator for a non-nil src, kept out of
// line: inlined, it made appendIndicator too large to inline in turn.
//
//go:noinline
func appendIndicatorAt(dst, src []byte, off int64) []byte {
	if n := headIndicator(src, off); n >= 0 {
		dst = append(dst, '_', byte('0'+n))
	}
	return dst
}

// appendOpenIndicator appends the indicator of the definite-length array
// or map head at src[off] and a space, if the head is not preferred.
func appendOpenIndicator(dst, src []byte, off int64) []byte {
	if n := headIndicator(src, off); n >= 0 {
		dst = append(dst, '_', byte('0'+n), ' ')
	}
	return dst
}

// headIndicator returns n (0 to 3) when the head at src[off] has additional
// information 24+n and an argument that a shorter head would hold, and -1
// for a head in preferred serialization. It reads only the head.
func headIndicator(src []byte, off int64) int {
	if off < 0 || off >= int64(len(src)) {
		return -1
	}
	ai := int(src[off] & 0x1f)
	if ai < 24 || ai > 27 {
		return -1
	}
	n := 1 << (ai - 24)
	if int64(len(src))-off-1 < int64(n) {
		return -1
	}
	var arg uint64
	for _, c := range src[off+1 : off+1+int64(n)] {
		arg = arg<<8 | uint64(c)
	}
	if headLen(arg) == 1+n {
		return -1
	}
	return ai - 24
}

// preferredBignumHeads reports whether the tag head at src[tag] and the
// byte string head at src[str] are both in preferred serialization, so
// that a bignum's decimal value, encoded again, gives the same bytes.
func preferredBignumHeads(src []byte, tag, str int64) bool {
	return headIndicator(src, tag) < 0 && headIndicator(src, str) < 0
}

// appendExactFloat writes the float token t, whose head is at
// src[t.Offset], as AppendDiagExact documents.
func appendExactFloat(dst, src []byte, t *Token) []byte {
	w := int(t.Width)
	ind := byte('1')
	switch w {
	case 4:
		ind = '2'
	case 8:
		ind = '3'
	}
	if t.Float != t.Float {
		off := t.Offset + 1
		if off < 0 || int64(len(src))-off < int64(w) {
			return append(dst, "NaN"...) // not reached: the head was read
		}
		bits := src[off : off+int64(w)]
		if isQuietNaN(bits) {
			dst = append(dst, "NaN"...)
			if w > 2 {
				dst = append(dst, '_', ind)
			}
			return dst
		}
		dst = append(dst, "float'"...)
		for _, c := range bits {
			dst = append(dst, hexDigits[c>>4], hexDigits[c&15])
		}
		return append(dst, '\'')
	}
	dst = appendDiagFloat(dst, t.Float, true)
	if floatWidth(t.Float) != w {
		dst = append(dst, '_', ind)
	}
	return dst
}

// isQuietNaN reports whether bits (2, 4 or 8 bytes, big-endian) are the
// quiet NaN with a clear sign bit and no payload at that width: 7e00,
// 7fc00000 or 7ff8000000000000, what NaN, NaN_2 and NaN_3 stand for.
func isQuietNaN(bits []byte) bool {
	var first uint16
	switch len(bits) {
	case 2:
		first = 0x7e00
	case 4:
		first = 0x7fc0
	case 8:
		first = 0x7ff8
	default:
		return false
	}
	if uint16(bits[0])<<8|uint16(bits[1]) != first {
		return false
	}
	for _, c := range bits[2:] {
		if c != 0 {
			return false
		}
	}
	return true
}
