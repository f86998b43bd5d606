package lecp

// The fast checker validates a complete input in one tight loop, without
// events, paths or the byte-resumable bookkeeping of step. It handles the
// common shapes only: definite-length items, map keys that are integers or
// strings with the shortest head (their encoding as received is their
// canonical encoding, so they go to the key set without being rebuilt).
// It is conservative: it returns
// true only when every rule and limit step enforces holds, and false as
// soon as it meets anything else (an error, an indefinite-length item, a
// key of another kind, Options.Deterministic, ...), in which case the
// caller runs the machine from the start for the exact verdict, offset and
// path. So Check's results are the machine's, only faster.

import (
	"encoding/binary"
	"math/bits"
	"unicode/utf8"
)

// fastCheck reports whether b is certainly valid under m's limits. It uses
// m's stack and key set as scratch; the caller resets m afterwards.
func (m *machine) fastCheck(b []byte) bool {
	lim := &m.lim
	if lim.determ {
		return false
	}
	ks := &m.keys
	ks.src = b // keys stay in place: the caller resets m afterwards
	i := 0
	for {
		if i >= len(b) {
			return false // empty input or truncated item: let the machine say
		}
		start := i
		ib := b[i]
		maj := ib >> 5
		ai := ib & 31
		var arg uint64
		switch {
		case ai < 24:
			arg = uint64(ai)
			i++
		case ai == 24:
			if len(b)-i < 2 {
				return false
			}
			arg = uint64(b[i+1])
			i += 2
		case ai == 25:
			if len(b)-i < 3 {
				return false
			}
			arg = uint64(binary.BigEndian.Uint16(b[i+1:]))
			i += 3
		case ai == 26:
			if len(b)-i < 5 {
				return false
			}
			arg = uint64(binary.BigEndian.Uint32(b[i+1:]))
			i += 5
		case ai == 27:
			if len(b)-i < 9 {
				return false
			}
			arg = binary.BigEndian.Uint64(b[i+1:])
			i += 9
		default:
			return false // indefinite length, break, reserved
		}
		var top *frame
		key := false
		if n := len(m.stack); n > 0 {
			top = &m.stack[n-1]
			if top.major == majMap && top.left&1 == 0 {
				// key position: only keys whose encoding is canonical
				if maj > majText || i-start != headLen(arg) {
					return false
				}
				key = true
			}
		}
		switch maj {
		case majBytes, majText:
			if arg > lim.maxString || uint64(len(b)-i) < arg {
				return false
			}
			s := b[i : i+int(arg)]
			i += int(arg)
			if maj == majText && !lim.allowUTF8 && !shortASCII(s) && !validUTF8(s) {
				return false
			}
		case majArray, majMap, majTag:
			d := len(m.stack)
			left := uint64(1)
			if maj != majTag {
				if arg > lim.maxItems || maj == majMap && arg > 1<<63-1 {
					return false
				}
				left = arg
				if maj == majMap {
					left = 2 * arg
				}
			}
			if d >= lim.maxDepth {
				return false
			}
			if left > 0 {
				// push (inline: a call here spilled the loop's registers)
				if d == cap(m.stack) {
					m.growStack()
				}
				m.stack = m.stack[:d+1]
				f := &m.stack[d]
				f.major, f.indef, f.left, f.n, f.kpos = maj, false, left, 0, -1
				if maj == majMap {
					ks.mapStart(f)
				}
				continue
			}
		case majOther:
			if ai == 24 && arg < 32 {
				return false
			}
		}
		if key {
			if lim.allowDup {
				// all keyDone would check
				if i-start > lim.maxKey {
					return false
				}
			} else {
				// keyDirect's common case inline: a new key by the filter,
				// with room in ents and the arena (Check uses neither
				// srcFrom nor the current key, and resets m afterwards)
				kb := b[start:i]
				n, nents, end := len(kb), len(ks.ents), len(ks.arena)+len(kb)
				pre := keyPrefix(kb)
				bit := ks.filterBit(pre, kb)
				w := &ks.ht[int(top.ht0)+int(bit>>5)]
				mask := int32(1) << (bit & 31)
				if *w&mask == 0 && n <= lim.maxKey && nents-int(top.keys0) < linearKeys && nents < cap(ks.ents) &&
					end <= cap(ks.arena) && end+16*(nents+1) <= lim.maxKeyMem && start < 1<<31-1-n {
					*w |= mask
					ks.arena = ks.arena[:end]
					ks.ents = ks.ents[:nents+1]
					e := &ks.ents[nents]
					e.pre, e.off, e.n = pre, int32(-start-1), int32(n)
				} else if !ks.keyDirect(top, kb, start) {
					ks.direct = kb
					if ks.keyDone(top, len(m.stack)) != nil {
						return false
					}
				}
			}
		}
		// the item is complete: count it in the enclosing frames
		for n := len(m.stack); n > 0; n-- {
			f := &m.stack[n-1]
			f.left--
			if f.left > 0 {
				break
			}
			if f.major == majMap {
				ks.mapEnd(f)
			}
			m.stack = m.stack[:n-1]
		}
		if len(m.stack) == 0 {
			if i == len(b) {
				return true
			}
			if !lim.allowMulti {
				return false
			}
		}
	}
}

// growStack doubles the stack's capacity (append grows by 1.25 at this
// size, which costs more in total).
func (m *machine) growStack() {
	ns := make([]frame, len(m.stack), max(16, 2*cap(m.stack)))
	copy(ns, m.stack)
	m.stack = ns
}

// validUTF8Scalar is utf8.Valid, faster on the text CBOR usually carries:
// ASCII runs go 8 bytes at a time wherever they start (utf8.Valid does
// that only before the first non-ASCII byte), and the common 2- and 3-byte
// sequences are checked inline; anything else goes to utf8.DecodeRune. It
// is validUTF8 in the default build (utf8_other.go); the simd build
// (utf8_simd.go) keeps it for short text.
func validUTF8Scalar(s []byte) bool {
	const hi = 0x8080808080808080
	n := len(s)
	if n < 8 {
		// s's bytes alone (its capacity may end with it, as the Writer's
		// TextBytes cuts it): two 4-byte words that overlap, or the
		// first, middle and last bytes, which are all of up to 3
		if n >= 4 {
			return (binary.LittleEndian.Uint32(s)|binary.LittleEndian.Uint32(s[n-4:]))&0x80808080 == 0 || validUTF8From(s)
		}
		return n == 0 || s[0]|s[n>>1]|s[n-1] < utf8.RuneSelf || validUTF8From(s)
	}
	i := 0
	for ; i+16 <= n; i += 16 {
		w := s[i : i+16 : i+16]
		if (binary.LittleEndian.Uint64(w)|binary.LittleEndian.Uint64(w[8:]))&hi != 0 {
			return validUTF8From(s[i:]) // s[:i] is ASCII: i starts a rune
		}
	}
	for ; i+8 <= n; i += 8 {
		if binary.LittleEndian.Uint64(s[i:])&hi != 0 {
			return validUTF8From(s[i:])
		}
	}
	return binary.LittleEndian.Uint64(s[n-8:])&hi == 0 || validUTF8From(s[i:])
}

// shortASCII reports whether s is at most 16 bytes, all ASCII, reading it
// as two words up to its capacity (false also when it cannot): the common
// short key or value, checked without calling validUTF8.
func shortASCII(s []byte) bool {
	n := uint(len(s))
	if n > 16 || cap(s) < 16 {
		return false
	}
	w := s[:16]
	lo, hi := binary.LittleEndian.Uint64(w), binary.LittleEndian.Uint64(w[8:])
	if n < 8 {
		lo &= 1<<(8*n) - 1
		hi = 0
	} else {
		hi &= 1<<(8*(n-8)) - 1
	}
	return (lo|hi)&0x8080808080808080 == 0
}

// validUTF8From is validUTF8 once a non-ASCII byte is near. ASCII goes a
// word at a time, and from a word's first non-ASCII byte on: runs of
// 3-byte sequences (CJK text) two per word, then the common 2- and 3-byte
// sequences inline; anything else goes to utf8.DecodeRune.
func validUTF8From(s []byte) bool {
	const hi = 0x8080808080808080
	n := len(s)
	i := 0
	for i < n {
		if i+8 <= n {
			w := binary.LittleEndian.Uint64(s[i:])
			if w&hi == 0 {
				i += 8
				continue
			}
			i += bits.TrailingZeros64(w&hi) >> 3 // past the ASCII bytes
			// two 3-byte sequences at a time: leads 1110xxxx but not E0 or
			// ED (whose second byte is restricted), two continuation bytes each
			for i+8 <= n {
				w := binary.LittleEndian.Uint64(s[i:])
				if w&0xC0C0F0C0C0F0 != 0x8080E08080E0 {
					break
				}
				if b0, b3 := byte(w), byte(w>>24); b0 == 0xE0 || b0 == 0xED || b3 == 0xE0 || b3 == 0xED {
					break
				}
				i += 6
			}
			if i >= n {
				break
			}
		}
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			continue
		}
		switch {
		case 0xc2 <= c && c <= 0xdf:
			if i+1 < n && s[i+1]&0xc0 == 0x80 {
				i += 2
				continue
			}
			return false
		case 0xe1 <= c && c <= 0xec || c == 0xee || c == 0xef:
			// no overlong forms or surrogates start with these
			if i+2 < n && s[i+1]&0xc0 == 0x80 && s[i+2]&0xc0 == 0x80 {
				i += 3
				continue
			}
			return false
		}
		r, size := utf8.DecodeRune(s[i:])
		if r == utf8.RuneError && size == 1 {
			return false
		}
		i += size
	}
	return true
}
