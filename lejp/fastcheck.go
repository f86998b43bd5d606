package lejp

// fastCheck is Check's first pass over a whole input: one tight loop with
// no events, paths or resumable state. It only ever accepts: it returns
// true when b is certainly valid under s.lim, and false when b is invalid,
// or uses something it leaves to the scanner (escaped member names, a
// limit reached, comments, multiple values, too much duplicate-search
// work). Check then runs the scanner, whose verdict (and error offset and
// path) is the exact one. So fastCheck may be wrong only towards false, and
// it judges strings with the scanner's own scanStr.

// fastFrame is one open container of fastCheck.
type fastFrame struct {
	obj   bool
	ents  int32     // len(fastEnts) when the object opened
	mem   int       // name memory when the object opened
	bloom [4]uint64 // filter of the object's name keys
}

// fastEnt is one member name of an open object: its key (nameKey) and
// where it lies in the input.
type fastEnt struct {
	key uint64
	off uint32
	n   uint32
}

func fastCheck(s *scanner, b []byte) bool {
	lim := &s.lim
	if lim.allowComment || lim.allowMulti || len(b) >= 1<<32-1 {
		return false
	}
	frames := s.fastFrames[:0]
	ents := s.fastEnts[:0]
	ok := fastLoop(b, lim, &frames, &ents)
	s.fastFrames = frames[:0]
	s.fastEnts = ents[:0]
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

func fastLoop(b []byte, lim *limits, framesp *[]fastFrame, entsp *[]fastEnt) bool {
	frames := *framesp
	ents := *entsp
	defer func() { *framesp, *entsp = frames, ents }()
	// Duplicate search beyond the filter is linear; its total work is
	// bounded so that a crafted object cannot make it quadratic (the
	// scanner's hash index then takes over).
	work := len(b) + 1<<16
	mem := 0
	n := len(b)
	maxDepth, maxNum, maxStr, allowUTF8 := lim.maxDepth, lim.maxNumber, lim.maxString, lim.allowUTF8
	i := fastWS(b, 0)
	if i >= n {
		return false
	}
	var c byte
	var top *fastFrame
	inObj := false // the innermost container is an object
	if c = b[i]; c != '{' && c != '[' {
		return fastScalar(b, i, lim)
	}
value:
	if i >= n {
		return false
	}
	if c = b[i]; c <= ' ' {
		if i = fastWS(b, i); i >= n {
			return false
		}
		c = b[i]
	}
	switch {
	case c == '"':
		if i = fastStr(b, i, maxStr, allowUTF8); i < 0 {
			return false
		}
	case c-'0' <= 9 || c == '-':
		j := fastNum(b, i)
		if j < 0 || j-i > maxNum {
			return false
		}
		i = j
	case c == '{' || c == '[':
		if len(frames) >= maxDepth {
			return false
		}
		if len(frames) == cap(frames) {
			frames = append(frames, fastFrame{})
		} else {
			frames = frames[:len(frames)+1]
		}
		// Field by field: the filter is used (and cleared) only for objects.
		top = &frames[len(frames)-1]
		inObj = c == '{'
		top.obj, top.ents, top.mem = inObj, int32(len(ents)), mem
		if inObj {
			top.bloom = [4]uint64{}
		}
		i++
		if i >= n {
			return false
		}
		if c = b[i]; c <= ' ' {
			if i = fastWS(b, i); i >= n {
				return false
			}
			c = b[i]
		}
		if inObj {
			if c == '}' {
				i++
				goto pop
			}
			goto name
		}
		if c == ']' {
			i++
			goto pop
		}
		goto value
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
		if i = fastWS(b, i); i >= n {
			return false
		}
		c = b[i]
	}
	i++
	if inObj {
		if c == ',' {
			goto name
		}
		if c == '}' {
			top = &frames[len(frames)-1]
			ents = ents[:top.ents]
			mem = top.mem
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
	frames = frames[:len(frames)-1]
	if len(frames) == 0 {
		return fastWS(b, i) == n
	}
	inObj = frames[len(frames)-1].obj
	goto after
name:
	if i >= n {
		return false
	}
	if c = b[i]; c <= ' ' {
		if i = fastWS(b, i); i >= n {
			return false
		}
		c = b[i]
	}
	if c != '"' {
		return false
	}
	{
		end, key := fastName(b, i, lim.maxName, allowUTF8)
		if end < 0 {
			return false
		}
		if !lim.allowDup {
			nm := b[i+1 : end-1]
			top = &frames[len(frames)-1]
			h := (key * 0x9E3779B97F4A7C15) >> 56
			w, bit := h>>6, uint64(1)<<(h&63)
			if top.bloom[w&3]&bit != 0 {
				own := ents[top.ents:]
				work -= len(own)
				if work < 0 {
					return false
				}
				for _, e := range own {
					if e.key == key && string(b[e.off:e.off+e.n]) == string(nm) {
						return false
					}
				}
			}
			top.bloom[w&3] |= bit
			mem += len(nm) + nameOverhead
			if mem > lim.maxNameMem {
				return false
			}
			ents = append(ents, fastEnt{key: key, off: uint32(i + 1), n: uint32(len(nm))})
		}
		i = end
	}
	if i < n && b[i] == ':' {
		i++
	} else {
		if i = fastWS(b, i); i >= n || b[i] != ':' {
			return false
		}
		i++
	}
	if i < n && b[i] == ' ' {
		i++ // the space of ": "
	}
	goto value
}
