package lejp

import (
	"encoding/binary"
	"math/bits"
)

// fastCheck is Check's first pass over a whole input: one tight loop with
// no events, paths or resumable state. It only ever accepts: it returns
// true when b is certainly valid under s.lim, and false when b is invalid,
// or uses something it leaves to the scanner (escaped member names, a
// limit reached, comments, multiple values, too much duplicate-search
// work). Check then runs the scanner, whose verdict (and error offset and
// path) is the exact one. So fastCheck may be wrong only towards false. Its
// token routines (fastcheck_scan.go) take the common forms themselves and
// hand any other string to the scanner's own scanStr, so a string is judged
// as the scanner judges it (TestFastStrAgrees, FuzzFastStr); the fast pass
// as a whole is held to the scanner by TestFastCheckNeverAcceptsInvalid,
// checkFastDocs, TestFastNum, TestFastNumArrays, TestFastWSDocs,
// FuzzFastCheck and FuzzChunked.

// fastFrame is one open container of fastCheck.
type fastFrame struct {
	obj   bool
	ents  int32     // len(fastEnts) when the object opened
	mem   int       // name memory when the object opened
	bloom [8]uint64 // filter of the object's name keys, one bit a name
}

// fastEnt is one member name of an open object: its key (fastKey) and
// where it lies in the input.
type fastEnt struct {
	key uint64
	off uint32
	n   uint32
}

func fastCheck(s *scanner, b []byte) bool {
	lim := &s.lim
	if lim.allowComment || lim.allowMulti || uint64(len(b)) >= 1<<32-1 {
		return false
	}
	s.fastFrames = s.fastFrames[:0]
	s.fastEnts = s.fastEnts[:0]
	ok := fastLoop(s, b)
	s.fastFrames = s.fastFrames[:0]
	s.fastEnts = s.fastEnts[:0]
	return ok
}

// fastScalar reports whether b[i] starts a string, number or literal that
// is the whole of b but whitespace.
func fastScalar(b []byte, i int, lim *limits) bool {
	switch c := b[i]; {
	case c == '"':
		i = fastStr(b, i, lim.maxString, lim.allowUTF8)
	case c-'0' <= 9 || c == '-':
		j := fastNum(b, i)
		if j < 0 || j-i > lim.maxNumber {
			return false
		}
		i = j
	case len(b)-i >= 4 && (string(b[i:i+4]) == "true" || string(b[i:i+4]) == "null"):
		i += 4
	case len(b)-i >= 5 && string(b[i:i+5]) == "false":
		i += 5
	default:
		return false
	}
	return i >= 0 && fastWS(b, i) == len(b)
}

func fastLoop(s *scanner, b []byte) bool {
	// Only the input, the position and the byte at hand live in
	// registers. The frames and names stay in s, and the innermost frame,
	// the name memory and the search budget in acct: all of them memory,
	// used only when a container opens or closes and at a member name. (Go
	// keeps a variable whose address is taken in memory; with them in
	// registers too, the loop spilled and shuffled registers at every
	// label: 5-10 % more instructions.)
	b = b[:len(b):len(b)]
	// Duplicate search beyond the filter is linear; its total work is
	// bounded so that a crafted object cannot make it quadratic (the
	// scanner's hash index then takes over).
	acct := &fastAcct{work: len(b) + 1<<16}
	n := len(b)
	i := fastWS(b, 0)
	if i >= n {
		return false
	}
	var c byte
	if c = b[i]; c != '{' && c != '[' {
		return fastScalar(b, i, &s.lim)
	}
	// The hot paths (whitespace, plain strings and names, numbers) are
	// written out here rather than called: a call spills every live
	// variable of this loop.
value:
	if i >= n {
		return false
	}
	if c = b[i]; c <= ' ' {
		for {
			if c != ' ' && c != '\n' && c != '\r' && c != '\t' {
				return false
			}
			// The whitespace byte and the spaces after it, a word at a time.
			if i+8 > n {
				i++
				goto valueWS
			}
			if y := (binary.LittleEndian.Uint64(b[i:i+8]) ^ spaces8) >> 8; y != 0 {
				i += 1 + bits.TrailingZeros64(y)>>3
				goto valueWS
			}
			for i += 8; i+8 <= n; i += 8 {
				if y := binary.LittleEndian.Uint64(b[i:i+8]) ^ spaces8; y != 0 {
					i += bits.TrailingZeros64(y) >> 3
					goto valueWS
				}
			}
		valueWS:
			if i >= n {
				return false
			}
			if c = b[i]; c > ' ' {
				break
			}
		}
	}
valueC:
	switch {
	case c == '"':
		j := i + 1
		for j+8 <= n {
			if m := fastSpecial(binary.LittleEndian.Uint64(b[j : j+8])); m != 0 {
				j += bits.TrailingZeros64(m) >> 3
				if b[j] == '"' {
					goto strEnd
				}
				break
			}
			j += 8
		}
		if i, _ = fastStrFrom(b, i, j, s.lim.maxString, s.lim.allowUTF8); i < 0 {
			return false
		}
		goto after
	strEnd:
		if int64(j-i-1) > s.lim.maxString {
			return false
		}
		i = j + 1
	case c-'0' <= 9 || c == '-':
		// -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?, the byte after it
		// left to "after" (which takes none that could continue it).
		j := i
		if c == '-' {
			j++
		}
		k := j
		for k+8 <= n {
			if m := fastNonDigit(binary.LittleEndian.Uint64(b[k : k+8])); m != 0 {
				k += bits.TrailingZeros64(m) >> 3
				goto intDone
			}
			k += 8
		}
		for k < n && b[k]-'0' <= 9 {
			k++
		}
	intDone:
		if k == j || (b[j] == '0' && k > j+1) || k >= n {
			return false
		}
		if c = b[k]; c == '.' {
			k++
			j = k
			for k+8 <= n {
				if m := fastNonDigit(binary.LittleEndian.Uint64(b[k : k+8])); m != 0 {
					k += bits.TrailingZeros64(m) >> 3
					goto fracDone
				}
				k += 8
			}
			for k < n && b[k]-'0' <= 9 {
				k++
			}
		fracDone:
			if k == j || k >= n {
				return false
			}
			c = b[k]
		}
		if c|0x20 == 'e' {
			if k = fastExp(b, k); k < 0 {
				return false
			}
		}
		if k-i > s.lim.maxNumber {
			return false
		}
		i = k
	case c == '{' || c == '[':
		goto push
	case c == 't':
		if n-i < 4 || string(b[i:i+4]) != "true" {
			return false
		}
		i += 4
	case c == 'n':
		if n-i < 4 || string(b[i:i+4]) != "null" {
			return false
		}
		i += 4
	case c == 'f':
		if n-i < 5 || string(b[i:i+5]) != "false" {
			return false
		}
		i += 5
	default:
		return false
	}
after:
	// After a value inside a container: a comma or the container's end.
	// (A letter or number byte here, which would have continued the
	// token, fails too.)
	if i >= n {
		return false
	}
	if c = b[i]; c <= ' ' {
		for {
			if c != ' ' && c != '\n' && c != '\r' && c != '\t' {
				return false
			}
			// The whitespace byte and the spaces after it, a word at a time.
			if i+8 > n {
				i++
				goto afterWS
			}
			if y := (binary.LittleEndian.Uint64(b[i:i+8]) ^ spaces8) >> 8; y != 0 {
				i += 1 + bits.TrailingZeros64(y)>>3
				goto afterWS
			}
			for i += 8; i+8 <= n; i += 8 {
				if y := binary.LittleEndian.Uint64(b[i:i+8]) ^ spaces8; y != 0 {
					i += bits.TrailingZeros64(y) >> 3
					goto afterWS
				}
			}
		afterWS:
			if i >= n {
				return false
			}
			if c = b[i]; c > ' ' {
				break
			}
		}
	}
	i++
	if acct.top.obj {
		if c == ',' {
			goto name
		}
		if c == '}' {
			acct.top = &s.fastFrames[len(s.fastFrames)-1]
			s.fastEnts = s.fastEnts[:acct.top.ents]
			acct.mem = acct.top.mem
			goto pop
		}
		return false
	}
	if c == ',' {
		goto value
	}
	if c != ']' {
		return false
	}
pop:
	s.fastFrames = s.fastFrames[:len(s.fastFrames)-1]
	if len(s.fastFrames) == 0 {
		return fastWS(b, i) == n
	}
	acct.top = &s.fastFrames[len(s.fastFrames)-1]
	goto after
push:
	if len(s.fastFrames) >= s.lim.maxDepth {
		return false
	}
	if c == '[' && len(s.fastFrames) > 0 && i+1 < n {
		// An array of numbers ([-65.6,43.4], [76,94]) is read in numArr,
		// and an empty one here, without a frame of their own.
		d := b[i+1]
		if d-'0' <= 9 || d == '-' {
			i++
			c = d
			goto numArr
		}
		if d == ']' {
			i += 2
			goto after
		}
	}
	if len(s.fastFrames) == cap(s.fastFrames) {
		s.fastFrames = append(s.fastFrames, fastFrame{})
	} else {
		s.fastFrames = s.fastFrames[:len(s.fastFrames)+1]
	}
	// Field by field: the filter is used (and cleared) only for objects.
	acct.top = &s.fastFrames[len(s.fastFrames)-1]
	acct.top.obj = c == '{'
	i++
	if i >= n {
		return false
	}
	if acct.top.obj {
		acct.top.ents, acct.top.mem = int32(len(s.fastEnts)), acct.mem
		acct.top.bloom = [8]uint64{}
		if c = b[i]; c <= ' ' {
			for {
				if c != ' ' && c != '\n' && c != '\r' && c != '\t' {
					return false
				}
				// The whitespace byte and the spaces after it, a word at a time.
				if i+8 > n {
					i++
					goto objWS
				}
				if y := (binary.LittleEndian.Uint64(b[i:i+8]) ^ spaces8) >> 8; y != 0 {
					i += 1 + bits.TrailingZeros64(y)>>3
					goto objWS
				}
				for i += 8; i+8 <= n; i += 8 {
					if y := binary.LittleEndian.Uint64(b[i:i+8]) ^ spaces8; y != 0 {
						i += bits.TrailingZeros64(y) >> 3
						goto objWS
					}
				}
			objWS:
				if i >= n {
					return false
				}
				if c = b[i]; c > ' ' {
					break
				}
			}
		}
		if c == '}' {
			i++
			goto pop
		}
		goto nameC
	}
	if c = b[i]; c <= ' ' {
		for {
			if c != ' ' && c != '\n' && c != '\r' && c != '\t' {
				return false
			}
			// The whitespace byte and the spaces after it, a word at a time.
			if i+8 > n {
				i++
				goto arrWS
			}
			if y := (binary.LittleEndian.Uint64(b[i:i+8]) ^ spaces8) >> 8; y != 0 {
				i += 1 + bits.TrailingZeros64(y)>>3
				goto arrWS
			}
			for i += 8; i+8 <= n; i += 8 {
				if y := binary.LittleEndian.Uint64(b[i:i+8]) ^ spaces8; y != 0 {
					i += bits.TrailingZeros64(y) >> 3
					goto arrWS
				}
			}
		arrWS:
			if i >= n {
				return false
			}
			if c = b[i]; c > ' ' {
				break
			}
		}
	}
	if c == ']' {
		i++
		goto pop
	}
	goto valueC
name:
	if i >= n {
		return false
	}
	if c = b[i]; c <= ' ' {
		for {
			if c != ' ' && c != '\n' && c != '\r' && c != '\t' {
				return false
			}
			// The whitespace byte and the spaces after it, a word at a time.
			if i+8 > n {
				i++
				goto nameWS
			}
			if y := (binary.LittleEndian.Uint64(b[i:i+8]) ^ spaces8) >> 8; y != 0 {
				i += 1 + bits.TrailingZeros64(y)>>3
				goto nameWS
			}
			for i += 8; i+8 <= n; i += 8 {
				if y := binary.LittleEndian.Uint64(b[i:i+8]) ^ spaces8; y != 0 {
					i += bits.TrailingZeros64(y) >> 3
					goto nameWS
				}
			}
		nameWS:
			if i >= n {
				return false
			}
			if c = b[i]; c > ' ' {
				break
			}
		}
	}
nameC:
	if c != '"' {
		return false
	}
	{
		// A plain name: its key (fastKey: length, first and last eight
		// bytes) is taken from the words read to find its end.
		var key uint64
		j := i + 1
		if j+8 <= n {
			w := binary.LittleEndian.Uint64(b[j : j+8])
			if m := fastSpecial(w); m != 0 {
				k := bits.TrailingZeros64(m) >> 3
				if byte(w>>(8*k)) == '"' {
					j += k
					key = w&(1<<(8*k)-1) ^ uint64(k)*0x9E3779B97F4A7C15
					goto nameEnd
				}
			} else {
				for j += 8; j+8 <= n; j += 8 {
					if m := fastSpecial(binary.LittleEndian.Uint64(b[j : j+8])); m != 0 {
						j += bits.TrailingZeros64(m) >> 3
						if b[j] == '"' {
							key = w ^ bits.RotateLeft64(binary.LittleEndian.Uint64(b[j-8:j]), 31) ^ uint64(j-i-1)*0x9E3779B97F4A7C15
							goto nameEnd
						}
						break
					}
				}
			}
		}
		if j, key = fastName(b, i, s.lim.maxName, s.lim.allowUTF8); j < 0 {
			return false
		}
		j-- // at the closing quote
	nameEnd:
		if j-i-1 > s.lim.maxName {
			return false
		}
		if !s.lim.allowDup {
			// acct.top is the object. One bit of a 512-bit filter per
			// name: read, then set, so that only whether it was set stays
			// live across the (rare) search.
			h := key * 0x9E3779B97F4A7C15
			p1 := &acct.top.bloom[h>>61]
			hit := *p1 >> (h >> 55 & 63) & 1
			*p1 |= 1 << (h >> 55 & 63)
			if hit != 0 {
				if !fastDup(s.fastEnts[acct.top.ents:], b, key, b[i+1:j], acct) {
					return false
				}
			}
			if acct.mem += j - i - 1 + nameOverhead; acct.mem > s.lim.maxNameMem {
				return false
			}
			s.fastEnts = append(s.fastEnts, fastEnt{key: key, off: uint32(i + 1), n: uint32(j - i - 1)})
		}
		i = j + 1
	}
	if i+2 <= n && binary.LittleEndian.Uint16(b[i:i+2]) == ':'|' '<<8 {
		i += 2 // ": "
		goto value
	}
	if i < n && b[i] == ':' {
		i++
	} else {
		if i = fastWS(b, i); i >= n || b[i] != ':' {
			return false
		}
		i++
	}
	goto value
numArr:
	// In an array of numbers whose frame is not pushed (acct.top is its
	// parent), at a number (c, at b[i]). The number grammar as in
	// valueC; then a comma and another number, or the closing bracket.
	// Anything else pushes the array's frame and goes the general way.
	{
		j := i
		if c == '-' {
			j++
		}
		k := j
		for k+8 <= n {
			if m := fastNonDigit(binary.LittleEndian.Uint64(b[k : k+8])); m != 0 {
				k += bits.TrailingZeros64(m) >> 3
				goto arrIntDone
			}
			k += 8
		}
		for k < n && b[k]-'0' <= 9 {
			k++
		}
	arrIntDone:
		if k == j || (b[j] == '0' && k > j+1) || k >= n {
			return false
		}
		if c = b[k]; c == '.' {
			k++
			j = k
			for k+8 <= n {
				if m := fastNonDigit(binary.LittleEndian.Uint64(b[k : k+8])); m != 0 {
					k += bits.TrailingZeros64(m) >> 3
					goto arrFracDone
				}
				k += 8
			}
			for k < n && b[k]-'0' <= 9 {
				k++
			}
		arrFracDone:
			if k == j || k >= n {
				return false
			}
			c = b[k]
		}
		if c|0x20 == 'e' {
			if k = fastExp(b, k); k < 0 {
				return false
			}
			if k >= n {
				return false
			}
			c = b[k]
		}
		if k-i > s.lim.maxNumber {
			return false
		}
		i = k
	}
	// c is b[i], the byte after the number.
	if c <= ' ' {
		if i = fastWS(b, i); i >= n {
			return false
		}
		c = b[i]
	}
	if c == ',' {
		if i = fastWS(b, i+1); i >= n {
			return false
		}
		if c = b[i]; c-'0' <= 9 || c == '-' {
			goto numArr
		}
		// Another value: the array's frame, as push makes it.
		if len(s.fastFrames) == cap(s.fastFrames) {
			s.fastFrames = append(s.fastFrames, fastFrame{})
		} else {
			s.fastFrames = s.fastFrames[:len(s.fastFrames)+1]
		}
		acct.top = &s.fastFrames[len(s.fastFrames)-1]
		acct.top.obj = false
		goto valueC
	}
	if c == ']' {
		i++
		// [-65.6,43.4],[-65.6,43.4]: the next array of numbers in an
		// array, as deep as this one (which was within the limit).
		if i+2 < n && b[i] == ',' && b[i+1] == '[' && !acct.top.obj {
			if c = b[i+2]; c-'0' <= 9 || c == '-' {
				i += 2
				goto numArr
			}
		}
		goto after
	}
	return false
}

// fastAcct is the fast pass's name accounting: the name memory held (as
// the scanner counts it) and the duplicate-search work left.
type fastAcct struct {
	top       *fastFrame // the innermost container
	mem, work int
}
