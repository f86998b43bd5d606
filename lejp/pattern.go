package lejp

import (
	"errors"
	"fmt"
	"math/bits"
	"strconv"
	"strings"
)

// ErrPattern is wrapped by the error NewParser returns for a malformed path
// pattern, or for more than MaxPatterns patterns.
var ErrPattern = errors.New("lejp: invalid path pattern")

// MaxPatterns is how many path patterns one Parser may have; NewParser
// refuses more (ErrPattern).
const MaxPatterns = 64

type segKind uint8

const (
	segName  segKind = iota // a member name
	segAny                  // "*": any one member name
	segArray                // "[]": an array element
)

type seg struct {
	kind segKind
	name string
}

// pattern is a compiled path pattern.
type pattern struct {
	segs []seg
	rest bool // ends in "*": matches one or more further segments of any kind
}

// compilePattern parses a path pattern: member names separated by '.',
// "[]" after a name (or at the start) for the elements of an array, "*" for
// any one member name, and a final "*" for everything below. A name holds
// no '.', '[', ']' or '*' and is not empty.
func compilePattern(p string) (pattern, error) {
	var pt pattern
	if p == "" {
		return pt, nil
	}
	bad := func(why string) (pattern, error) {
		return pattern{}, fmt.Errorf("%w %s: %s", ErrPattern, strconv.Quote(p), why)
	}
	parts := strings.Split(p, ".")
	for k, part := range parts {
		name := part
		narr := 0
		for strings.HasSuffix(name, "[]") {
			name = name[:len(name)-2]
			narr++
		}
		if strings.ContainsAny(name, "[]") {
			return bad("'[' and ']' only as \"[]\" after a name")
		}
		if name != "*" && strings.Contains(name, "*") {
			// Not a glob, as in lws lejp, nor silently a literal name.
			return bad("'*' only as a whole segment")
		}
		switch {
		case name == "" && !(k == 0 && narr > 0):
			return bad("empty member name")
		case name == "*" && k == len(parts)-1 && narr == 0:
			pt.rest = true
		case name == "*":
			pt.segs = append(pt.segs, seg{kind: segAny})
		case name != "":
			pt.segs = append(pt.segs, seg{kind: segName, name: name})
		}
		for ; narr > 0; narr-- {
			pt.segs = append(pt.segs, seg{kind: segArray})
		}
	}
	return pt, nil
}

// setPatterns compiles the patterns for the scanner.
func (s *scanner) setPatterns(ps []string) error {
	if len(ps) > MaxPatterns {
		return fmt.Errorf("%w: more than %d patterns", ErrPattern, MaxPatterns)
	}
	s.pats = s.pats[:0]
	s.rootMatch = -1
	for i, p := range ps {
		pt, err := compilePattern(p)
		if err != nil {
			return err
		}
		s.pats = append(s.pats, pt)
		if len(pt.segs) == 0 && !pt.rest && s.rootMatch < 0 {
			s.rootMatch = int32(i)
		}
	}
	return nil
}

func (s *scanner) allLive() uint64 {
	if len(s.pats) == 64 {
		return ^uint64(0)
	}
	return 1<<len(s.pats) - 1
}

// stepPatterns computes, for the segment at depth d (a member name, or an
// array element when arr), which patterns stay live and which matches first.
func (s *scanner) stepPatterns(d int, name []byte, arr bool) (uint64, int32) {
	parent := s.allLive()
	if d > 0 {
		parent = s.frames[d-1].live
	}
	var live uint64
	match := int32(-1)
	for m := parent; m != 0; m &= m - 1 {
		i := bits.TrailingZeros64(m)
		p := &s.pats[i]
		if d < len(p.segs) {
			sg := &p.segs[d]
			var ok bool
			switch sg.kind {
			case segArray:
				ok = arr
			case segAny:
				ok = !arr
			default:
				ok = !arr && sg.name == string(name)
			}
			if !ok {
				continue
			}
			live |= 1 << i
			if d+1 == len(p.segs) && !p.rest && match < 0 {
				match = int32(i)
			}
		} else if p.rest {
			live |= 1 << i
			if match < 0 {
				match = int32(i)
			}
		}
	}
	return live, match
}

// appendWildcard appends what wildcard i of the matching pattern matched:
// the member name for a "*" segment, or the rest of the path (in pattern
// form) for a final "*". ok is false when there is no such wildcard.
func (s *scanner) appendWildcard(dst []byte, i int) ([]byte, bool) {
	m := s.curMatch()
	if m < 0 || i < 0 {
		return dst, false
	}
	p := &s.pats[m]
	n := 0
	for k, sg := range p.segs {
		if sg.kind != segAny {
			continue
		}
		if n == i {
			return append(dst, s.frames[k].name...), true
		}
		n++
	}
	if p.rest && n == i {
		return s.appendPathFrom(dst, len(p.segs), false), true
	}
	return dst, false
}
