package lecp

// Paths name the item being parsed, from the top: map keys and array
// indexes, with tags and indefinite-length strings transparent. The text
// form, used in SyntaxError.Path, by Parser.Path and Decoder.Path and by
// patterns:
//
//	a.b          text key "a", then text key "b"
//	keys[2].kid  text key "keys", array index 2, text key "kid"
//	[1].4        index 1 of a top-level array, then integer key 4
//	-1           integer key -1 (a COSE label)
//	"1"          text key "1" (quoted because it reads as a number; also
//	             keys that read as another key, such as "true", "{}" or
//	             "h'01'", keys with . [ ] * " or control characters, and "")
//	h'0102'      any other key, in diagnostic notation: h'0102', true, null
//
// The text form is diagnostic: a float key 1.5 reads as integer keys 1 then
// 5 would, an array key [1] as index 1 would. Patterns are matched against
// the keys (their canonical encodings) and indexes, not against this text,
// so such a key never matches a pattern meant for the other place.
//
// A pattern is a path in which [] (or [*]) matches any index, * matches any
// one map key, and a * as the last segment matches everything below (one or
// more further segments of any kind), as in lejp: '*' is a wildcard only
// as a whole segment, and a bare key holding *, " or ] is refused (quoted,
// it is a text key). A pattern names text,
// integer and byte-string keys, false, true, null and undefined; a key of
// another kind (a float, simple(n), an array, map or tag) cannot be named,
// and NewParser refuses a pattern that tries: * matches it.

import (
	"bytes"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"
)

// pathFrames walks the stack and calls fn for each path element: an array
// index (isIndex) or a map key's canonical encoding. It stops at a map whose
// key is being read.
func (m *machine) pathElems(fn func(isIndex bool, idx uint64, key []byte) bool) {
	n := len(m.stack)
	if m.ev.Kind.isStart() {
		n-- // a start event's path is the container's own
	}
	for i := 0; i < n; i++ {
		f := &m.stack[i]
		idx := f.n
		if m.doneInc && i == m.doneDepth-1 {
			idx--
		}
		switch f.major {
		case majArray:
			if !fn(true, idx, nil) {
				return
			}
		case majMap:
			if idx&1 == 0 {
				return
			}
			if !fn(false, 0, m.keys.current(f)) {
				return
			}
		}
	}
}

// appendPath appends the current path in text form.
func (m *machine) appendPath(dst []byte) []byte {
	start := len(dst)
	m.pathElems(func(isIndex bool, idx uint64, key []byte) bool {
		if isIndex {
			dst = append(dst, '[')
			dst = strconv.AppendUint(dst, idx, 10)
			dst = append(dst, ']')
			return true
		}
		if len(dst) > start {
			dst = append(dst, '.')
		}
		dst = appendKeyText(dst, key)
		return true
	})
	return dst
}

func (m *machine) pathString() string { return string(m.appendPath(nil)) }

// itemPath is the path of an item that started inside the outermost depth
// frames (Decoder.ReadValue's value, a Parser capture): that of those
// frames (an array's index and a map's current key do not change until the
// item ends; once it has (done), the machine's doneInc says that the count
// of the frame around it has moved on).
func (m *machine) itemPath(depth int, done bool) string {
	stack, kind, inc := m.stack, m.ev.Kind, m.doneInc
	m.stack, m.ev.Kind, m.doneInc = m.stack[:depth], Invalid, inc && done
	p := m.pathString()
	m.stack, m.ev.Kind, m.doneInc = stack, kind, inc
	return p
}

// appendKeyText appends a key, given as its canonical encoding, in path
// form.
func appendKeyText(dst, key []byte) []byte {
	if len(key) == 0 {
		return dst
	}
	maj := key[0] >> 5
	arg, hl := headArg(key)
	switch maj {
	case majUint:
		return strconv.AppendUint(dst, arg, 10)
	case majNint:
		return appendNegDecimal(dst, arg)
	case majText:
		s := key[hl:]
		if bareKey(s) {
			return append(dst, s...)
		}
		return appendQuoted(dst, s)
	case majBytes:
		// written here, as AppendDiag writes them, without the Decoder
		// AppendDiag allocates: a byte string, simple value or float key
		return appendHexBytes(dst, key[hl:])
	case majOther:
		switch ai := key[0] & 31; {
		case ai >= 20 && ai <= 23:
			return append(dst, [...]string{"false", "true", "null", "undefined"}[ai-20]...)
		case ai == 25:
			return appendDiagFloat(dst, halfToFloat(uint16(arg)), true)
		case ai == 26:
			return appendDiagFloat(dst, float64(math.Float32frombits(uint32(arg))), true)
		case ai == 27:
			return appendDiagFloat(dst, math.Float64frombits(arg), true)
		}
		dst = append(dst, "simple("...)
		dst = strconv.AppendUint(dst, arg, 10)
		return append(dst, ')')
	}
	// an array, map or tag
	d, err := AppendDiag(dst, key, keyTextOptions)
	if err != nil {
		return append(dst, "?"...) // not reached: the machine accepted the key
	}
	return d
}

// keyTextOptions are the options under which appendKeyText writes a key
// that the machine has accepted under its own options, whatever those
// were: every rule loosened that a key may have needed, and no limit.
var keyTextOptions = &Options{
	MaxDepth: maxInt, MaxItems: 1<<64 - 1, MaxStringLen: -1, MaxKeyLen: maxInt, MaxKeyMemory: maxInt,
	AllowDuplicateKeys: true, AllowInvalidUTF8: true,
}

// bareKey reports whether a text key can be written without quotes: it
// does not read as a number or as another key in diagnostic notation
// (h'..', true, NaN, simple(..), {..}, …).
func bareKey(s []byte) bool {
	if len(s) == 0 || s[0] == '-' || s[0] >= '0' && s[0] <= '9' || s[0] == 'h' && len(s) > 1 && s[1] == '\'' ||
		s[0] == '{' || s[0] == '(' || diagWord(string(s)) || bytes.HasPrefix(s, []byte("simple(")) {
		return false
	}
	for _, c := range s {
		if c < 0x20 || c == 0x7f || c == '.' || c == '[' || c == ']' || c == '*' || c == '"' || c == '\\' || c == ' ' {
			return false
		}
	}
	return utf8.Valid(s) // else quoted, with \ufffd for the bad bytes
}

// diagWord reports whether s is a word of diagnostic notation that names a
// key other than a text string.
func diagWord(s string) bool {
	switch s {
	case "false", "true", "null", "undefined", "NaN", "Infinity":
		return true
	}
	return false
}

// headArg decodes the argument of a well-formed head.
func headArg(b []byte) (uint64, int) {
	switch ai := b[0] & 31; {
	case ai < 24:
		return uint64(ai), 1
	case ai == 24:
		return uint64(b[1]), 2
	case ai == 25:
		return uint64(binary.BigEndian.Uint16(b[1:])), 3
	case ai == 26:
		return uint64(binary.BigEndian.Uint32(b[1:])), 5
	case ai == 27:
		return binary.BigEndian.Uint64(b[1:]), 9
	}
	return 0, 1
}

// appendNegDecimal appends -1-arg in decimal, down to -18446744073709551616.
func appendNegDecimal(dst []byte, arg uint64) []byte {
	if arg == 1<<64-1 {
		return append(dst, "-18446744073709551616"...)
	}
	return strconv.AppendUint(append(dst, '-'), arg+1, 10)
}

// segment kinds of a compiled pattern
const (
	segText  = iota // text key
	segInt          // integer key: u, neg
	segIndex        // any array index
	segIdxN         // array index u
	segAny          // any one key or index
	segRest         // everything below
	segKey          // another key: text is its canonical encoding
)

// simpleWords are the simple values a pattern names by their word.
var simpleWords = map[string]uint8{"false": 20, "true": 21, "null": 22, "undefined": 23}

type segment struct {
	kind uint8
	neg  bool
	u    uint64
	text string
}

type pattern []segment

// ErrPattern is wrapped by the error NewParser returns for a malformed path
// pattern.
var ErrPattern = errors.New("lecp: invalid path pattern")

// compilePattern parses a pattern in path syntax.
func compilePattern(s string) (pattern, error) {
	var p pattern
	bad := func(why string) (pattern, error) {
		return nil, fmt.Errorf("%w %s: %s", ErrPattern, strconv.Quote(s), why)
	}
	i := 0
	first := true
	for i < len(s) {
		if s[i] == '[' {
			j := strings.IndexByte(s[i:], ']')
			if j < 0 {
				return bad("unclosed [")
			}
			in := s[i+1 : i+j]
			switch in {
			case "", "*":
				p = append(p, segment{kind: segIndex})
			default:
				u, err := strconv.ParseUint(in, 10, 64)
				if err != nil {
					return bad("index " + strconv.Quote(in))
				}
				p = append(p, segment{kind: segIdxN, u: u})
			}
			i += j + 1
			first = false
			continue
		}
		if !first {
			if s[i] != '.' {
				return bad("expected . or [ at " + strconv.Itoa(i))
			}
			i++
		}
		first = false
		if i < len(s) && s[i] == '"' {
			q, err := strconv.QuotedPrefix(s[i:])
			if err != nil {
				return bad("bad quoted key")
			}
			t, _ := strconv.Unquote(q)
			p = append(p, segment{kind: segText, text: t})
			i += len(q)
			continue
		}
		j := i
		for j < len(s) && s[j] != '.' && s[j] != '[' {
			j++
		}
		k := s[i:j]
		i = j
		switch {
		case k == "":
			return bad("empty key")
		case k == "*":
			if i == len(s) {
				p = append(p, segment{kind: segRest})
			} else {
				p = append(p, segment{kind: segAny})
			}
		case k[0] == '-' || k[0] >= '0' && k[0] <= '9':
			neg := k[0] == '-'
			digits := k
			if neg {
				digits = k[1:]
			}
			var u uint64
			if neg && digits == "18446744073709551616" {
				u = 1<<64 - 1 // -2^64, the least CBOR integer, as a path spells it
			} else {
				var err error
				if u, err = strconv.ParseUint(digits, 10, 64); err != nil {
					return bad("integer key " + strconv.Quote(k))
				}
				if neg {
					if u == 0 {
						return bad("integer key -0")
					}
					u-- // stored as the CBOR argument: -1-u
				}
			}
			p = append(p, segment{kind: segInt, neg: neg, u: u})
		case k == "false" || k == "true" || k == "null" || k == "undefined":
			p = append(p, segment{kind: segKey, text: string(AppendSimple(nil, simpleWords[k]))})
		case len(k) >= 3 && k[0] == 'h' && k[1] == '\'' && k[len(k)-1] == '\'':
			b, err := hex.DecodeString(k[2 : len(k)-1])
			if err != nil {
				return bad("byte string key " + strconv.Quote(k))
			}
			p = append(p, segment{kind: segKey, text: string(AppendBytes(nil, b))})
		case k[0] == '{' || k[0] == '(' || k[0] == 'h' && len(k) > 1 && k[1] == '\'' || diagWord(k) ||
			strings.HasPrefix(k, "simple("):
			return bad("key " + strconv.Quote(k) + ": a pattern names text, integer and byte string keys, " +
				"false, true, null and undefined; * matches the others (quote a text key)")
		case strings.ContainsRune(k, '*'):
			// as in lejp, '*' is a wildcard only as a whole segment
			return bad("key " + strconv.Quote(k) + ": '*' only as a whole segment; quote a text key holding * \" or ]")
		case strings.ContainsAny(k, `"]`):
			return bad("key " + strconv.Quote(k) + ": a bare key holds no \" or ]; quote a text key holding them")
		default:
			if !utf8.ValidString(k) {
				return bad("key not UTF-8")
			}
			p = append(p, segment{kind: segText, text: k})
		}
	}
	return p, nil
}

// match reports whether the machine's current path matches p.
func (m *machine) match(p pattern) bool {
	i := 0
	ok := true
	m.pathElems(func(isIndex bool, idx uint64, key []byte) bool {
		if i >= len(p) {
			ok = false
			return false
		}
		s := &p[i]
		switch s.kind {
		case segRest:
			i = len(p) + 1 // matched; stop
			return false
		case segAny:
			ok = !isIndex
		case segIndex:
			ok = isIndex
		case segIdxN:
			ok = isIndex && idx == s.u
		case segText:
			ok = !isIndex && len(key) > 0 && key[0]>>5 == majText && string(key[hl(key):]) == s.text
		case segKey:
			ok = !isIndex && string(key) == s.text
		case segInt:
			want := uint8(majUint)
			if s.neg {
				want = majNint
			}
			if ok = !isIndex && len(key) > 0 && key[0]>>5 == want; ok {
				a, _ := headArg(key)
				ok = a == s.u
			}
		}
		i++
		return ok
	})
	if !ok {
		return false
	}
	return i == len(p) || i == len(p)+1 // all segments used, or a trailing * that matched something
}

func hl(key []byte) int { _, n := headArg(key); return n }
