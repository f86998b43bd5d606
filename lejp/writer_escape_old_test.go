package lejp

import (
	"math/bits"
	"unicode/utf8"
)

// appendStringOld and appendEscapedOld are the escaping as it was before
// the word-at-a-time appendString (main at s23: lejp/writer.go), kept as
// the oracle of the differential tests in writer_escape_diff_test.go: the
// new code must give the same bytes and the same ok flag for every input,
// refusals included.
func appendStringOld[T byteText](dst []byte, s T, strict bool) ([]byte, bool) {
	dst, ok := appendEscapedOld(append(dst, '"'), s, strict)
	if !ok {
		return dst, false
	}
	return append(dst, '"'), true
}

func appendEscapedOld[T byteText](dst []byte, s T, strict bool) ([]byte, bool) {
	start, i := 0, 0
	for {
		for i+8 <= len(s) {
			if m := fastSpecial(load64(s, i)); m != 0 {
				i += bits.TrailingZeros64(m) >> 3
				goto unit
			}
			i += 8
		}
		for i < len(s) && s[i] >= 0x20 && s[i] != '"' && s[i] != '\\' && s[i] < utf8.RuneSelf {
			i++
		}
		if i == len(s) {
			break
		}
	unit:
		c := s[i]
		if c >= utf8.RuneSelf {
			if k := fastUTF8(s, i); k > i {
				i = k
				continue
			}
			// s[i] starts no well-formed sequence
			if strict {
				return dst, false
			}
			dst = append(dst, s[start:i]...)
			dst = append(dst, "\\ufffd"...)
			i++
			start = i
			continue
		}
		dst = append(dst, s[start:i]...)
		dst = appendEscape(dst, c)
		i++
		start = i
	}
	return append(dst, s[start:]...), true
}
