package jose

import "unicode/utf8"

// registeredNames are the header parameters RFC 7515 §4.1 and RFC 7516 §4.1
// define, plus those RFC 7518 §4.6.1, §4.7.1 and §4.8.1 add for key
// management. "crit" may not list them (RFC 7515 §4.1.11).
var registeredNames = map[string]bool{
	"alg": true, "jku": true, "jwk": true, "kid": true, "x5u": true, "x5c": true,
	"x5t": true, "x5t#S256": true, "typ": true, "cty": true, "crit": true,
	"enc": true, "zip": true, "epk": true, "apu": true, "apv": true,
	"iv": true, "tag": true, "p2s": true, "p2c": true,
}

// IsRegisteredHeader reports whether name is a header parameter defined by
// RFC 7515, RFC 7516 or RFC 7518 (and so may not appear in "crit").
func IsRegisteredHeader(name string) bool { return registeredNames[name] }

// CheckCrit applies RFC 7515 §4.1.11 to a "crit" list found in a protected
// header: the list must be non-empty, without duplicates, name no
// registered parameter, name only parameters present in the protected header
// (present reports that), and name only extensions the caller understands.
// Any violation is ErrCrit. A "crit" found outside the protected header must
// be rejected by the caller before this is reached.
func CheckCrit(crit []string, present func(name string) bool, understood []string) error {
	if len(crit) == 0 {
		return wrapf(ErrCrit, `"crit" is empty`)
	}
	// Long lists (up to MaxStrings names, from attacker input) are checked
	// for repeats and against understood through sets: comparing each name
	// with every other costs O(n²) string comparisons.
	var seen, known map[string]struct{}
	if len(crit) > critScan {
		seen = make(map[string]struct{}, len(crit))
	}
	if len(understood) > critScan {
		known = make(map[string]struct{}, len(understood))
		for _, u := range understood {
			known[u] = struct{}{}
		}
	}
	for i, name := range crit {
		if name == "" {
			return wrapf(ErrCrit, `"crit" lists an empty name`)
		}
		if repeated(name, crit[:i], seen) {
			return wrapf(ErrCrit, `"crit" lists `+quote(name)+` twice`)
		}
		if registeredNames[name] {
			return wrapf(ErrCrit, `"crit" lists the registered parameter `+quote(name))
		}
		if !present(name) {
			return wrapf(ErrCrit, `"crit" lists `+quote(name)+` but the protected header has no such member`)
		}
		ok := false
		if known != nil {
			_, ok = known[name]
		} else {
			for _, u := range understood {
				if nameEqual(u, name) {
					ok = true
					break
				}
			}
		}
		if !ok {
			return wrapf(ErrCrit, "extension "+quote(name)+" is not understood")
		}
	}
	return nil
}

// nameEqual compares two names in the searches that CheckCrit and Header
// make one by one; tests replace it to count the bytes compared.
var nameEqual = func(a, b string) bool { return a == b }

// critScan is the length of list CheckCrit searches by comparing names
// one by one; beyond it, it uses a set.
const critScan = 8

// repeated reports whether name is among prev (the names before it), by
// looking it up in seen and adding it there when seen is not nil, or by
// comparing it with each.
func repeated(name string, prev []string, seen map[string]struct{}) bool {
	if seen != nil {
		if _, dup := seen[name]; dup {
			return true
		}
		seen[name] = struct{}{}
		return false
	}
	for _, p := range prev {
		if nameEqual(p, name) {
			return true
		}
	}
	return false
}

// quote returns name in double quotes for messages (names come from
// attacker input): control characters (C0, DEL, C1), the line and
// paragraph separators (U+2028, U+2029), the bidirectional marks,
// embeddings, overrides and isolates (U+061C, U+200E, U+200F,
// U+202A–U+202E, U+2066–U+2069), quotes,
// backslashes and bytes that are not UTF-8 become '?', as lejp's messages
// escape them, and a name over 64 bytes is cut before the character that
// crosses 64 and ends in "…", so the result is always UTF-8 text that
// cannot reorder or break the message around it.
func quote(name string) string {
	b := make([]byte, 0, min(len(name), 64)+5)
	b = append(b, '"')
	i := 0
	for i < len(name) {
		r, n := utf8.DecodeRuneInString(name[i:])
		if i+n > 64 {
			break
		}
		if r < 0x20 || r >= 0x7f && r < 0xa0 || r >= 0x2028 && r <= 0x202e || r >= 0x2066 && r <= 0x2069 || r == 0x061c || r == 0x200e || r == 0x200f ||
			r == '"' || r == '\\' || r == utf8.RuneError && n == 1 {
			b = append(b, '?')
		} else {
			b = append(b, name[i:i+n]...)
		}
		i += n
	}
	if i < len(name) {
		b = append(b, "…"...)
	}
	return string(append(b, '"'))
}
