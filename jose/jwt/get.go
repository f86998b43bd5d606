package jwt

// This file finds an unregistered claim by name for Claims.Get among the
// claims the reader has read: the claims are not read again, and nothing in
// the Claims is written, so Get stays a read-only method. A claims set of
// more than foldScan claims read by the strict reader has checkCase's map
// from the hash of each name's fold key to its index in names; Get looks
// the name up there, so n Gets on n claims cost O(n·L), not O(n²·L). Other
// claims sets have at most fastMaxClaims claims (the fast reader) or
// foldScan (the strict one), and are scanned.

import (
	"hash/maphash"
	"sort"
	"unicode/utf8"
)

// parsedRaw reports whether the claims were read by parse from Raw as it is
// now (the caller may have given Raw another slice since).
func (c *Claims) parsedRaw() bool {
	return c.read != nil && len(c.read) == len(c.Raw) && (len(c.Raw) == 0 || &c.read[0] == &c.Raw[0])
}

// registered reports whether name is a registered claim, which the
// readers keep typed rather than among the unregistered claims.
func registered(name string) bool {
	switch name {
	case "iss", "sub", "aud", "exp", "nbf", "iat", "jti":
		return true
	}
	return false
}

// getExtra returns the value of the unregistered claim name.
func (c *Claims) getExtra(name string) ([]byte, bool) {
	if !c.inRaw && len(c.names) > foldScan {
		i, ok := c.fold[foldHashString(name)]
		if !ok {
			// every name read has its key's hash in the map
			return nil, false
		}
		if nm := c.names[i]; string(c.bytes(nm)) == name {
			// extra holds the unregistered names in the order of names,
			// so by increasing offset in strs, then length: the empty
			// name takes no bytes, so the name after it starts where it
			// does
			k := sort.Search(len(c.extra), func(k int) bool {
				e := c.extra[k].name
				return e.off > nm.off || e.off == nm.off && e.n >= nm.n
			})
			if k < len(c.extra) && c.extra[k].name == nm {
				return c.value(c.extra[k]), true
			}
			return nil, false // a registered claim's name
		}
		// a case variant of a claim's name, or two names with one hash
		// (2^-64 odds): scan
	}
	for _, m := range c.extra {
		if string(c.bytes(m.name)) == name {
			return c.value(m), true
		}
	}
	return nil, false
}

// value returns the exact bytes of m's value.
func (c *Claims) value(m member) []byte { return c.Raw[m.value.off : m.value.off+m.value.n] }

// foldHashString is Claims.foldHash of name, computed without the scratch
// buffer, so that Get writes nothing: the same bytes (appendFoldKey's)
// written to a maphash.Hash give the same sum as maphash.Bytes.
func foldHashString(name string) uint64 {
	var h maphash.Hash
	h.SetSeed(foldSeed)
	var buf [utf8.UTFMax]byte
	for i := 0; i < len(name); {
		c := name[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			h.WriteByte(c)
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(name[i:])
		r = foldRune(r)
		if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		}
		h.Write(utf8.AppendRune(buf[:0], r))
		i += n
	}
	return h.Sum64()
}
