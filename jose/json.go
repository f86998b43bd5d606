package jose

import "unicode/utf8"

// AppendJSONString appends s as a JSON string (RFC 8259 §7) to dst.
// TODO(E): switch to the lejp writer when it lands.
func AppendJSONString(dst []byte, s string) []byte {
	const hex = "0123456789abcdef"
	dst = append(dst, '"')
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c == '"' || c == '\\':
				dst = append(dst, '\\', c)
			case c < 0x20:
				dst = append(dst, '\\', 'u', '0', '0', hex[c>>4], hex[c&15])
			default:
				dst = append(dst, c)
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 {
			dst = append(dst, `\ufffd`...)
		} else {
			dst = append(dst, s[i:i+n]...)
		}
		i += n
	}
	return append(dst, '"')
}

// QuoteName returns s in double quotes for an error message, with control
// bytes, quotes and backslashes replaced and long names cut: safe for
// attacker-supplied names.
func QuoteName(s string) string { return quote(s) }
