package jose

import "github.com/lwscrypto/lwscrypto/lejp"

// AppendJSONString appends s as a JSON string (RFC 8259 §7) to dst, escaped
// by the lejp writer (quotes, backslashes and control bytes escaped; invalid
// UTF-8 written as U+FFFD).
func AppendJSONString(dst []byte, s string) []byte { return lejp.AppendString(dst, s) }

// QuoteName returns s in double quotes for an error message, with control
// bytes, quotes and backslashes replaced and long names cut: safe for
// attacker-supplied names.
func QuoteName(s string) string { return quote(s) }
