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

func isWS(c byte) bool { return c == ' ' || c == '\n' || c == '\r' || c == '\t' }

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
	i := 0
	var c byte
	var top *fastFrame
value:
	if i < n && b[i] == ' ' {
		i++ // the space of ": "
	}
	if i < n && b[i] <= ' ' {
		i = skipWS(b, i)
	}
	if i >= n {
		return false
	}
	c = b[i]
	switch {
	case c == '"':
		end, _, _, cause := scanStr(b, i, lim.maxString, lim.allowUTF8)
		if cause != nil || end < 0 {
			return false
		}
		i = end
	case c-'0' <= 9 || c == '-':
		i = fastNumber(b, i, lim.maxNumber)
		if i < 0 {
			return false
		}
	case c == '{' || c == '[':
		if len(frames) >= lim.maxDepth {
			return false
		}
		if len(frames) == cap(frames) {
			frames = append(frames, fastFrame{})
		} else {
			frames = frames[:len(frames)+1]
		}
		// Field by field: the filter is used (and cleared) only for objects.
		top = &frames[len(frames)-1]
		top.obj, top.ents, top.mem = c == '{', int32(len(ents)), mem
		if c == '{' {
			top.bloom = [4]uint64{}
		}
		i++
		if i < n && b[i] <= ' ' {
			i = skipWS(b, i)
		}
		if i >= n {
			return false
		}
		if c == '{' {
			if b[i] == '}' {
				frames = frames[:len(frames)-1]
				i++
				goto after
			}
			goto name
		}
		if b[i] == ']' {
			frames = frames[:len(frames)-1]
			i++
			goto after
		}
		goto value
	case c == 't':
		if i+4 > n || string(b[i:i+4]) != "true" {
			return false
		}
		i += 4
		if i < n && litClass[b[i]] {
			return false
		}
	case c == 'n':
		if i+4 > n || string(b[i:i+4]) != "null" {
			return false
		}
		i += 4
		if i < n && litClass[b[i]] {
			return false
		}
	case c == 'f':
		if i+5 > n || string(b[i:i+5]) != "false" {
			return false
		}
		i += 5
		if i < n && litClass[b[i]] {
			return false
		}
	default:
		return false
	}
after:
	if i < n && b[i] <= ' ' {
		i = skipWS(b, i)
	}
	if len(frames) == 0 {
		return i == n
	}
	if i >= n {
		return false
	}
	top = &frames[len(frames)-1]
	c = b[i]
	i++
	switch {
	case c == ',':
		if top.obj {
			goto name
		}
		goto value
	case c == '}' && top.obj:
		ents = ents[:top.ents]
		mem = top.mem
		frames = frames[:len(frames)-1]
		goto after
	case c == ']' && !top.obj:
		frames = frames[:len(frames)-1]
		goto after
	}
	return false
name:
	if i < n && b[i] <= ' ' {
		i = skipWS(b, i)
	}
	if i >= n || b[i] != '"' {
		return false
	}
	{
		var nm []byte
		var key uint64
		end := -1
		if k, kk := plainName(b, i); k >= 0 && k <= lim.maxName {
			end = i + k + 2
			nm = b[i+1 : end-1]
			key = kk
		}
		if end < 0 {
			e, esc, _, cause := scanStr(b, i, int64(lim.maxName), lim.allowUTF8)
			if cause != nil || e < 0 || esc {
				return false
			}
			end = e
			nm = b[i+1 : end-1]
			key = nameKey(nm)
		}
		top = &frames[len(frames)-1]
		if !lim.allowDup {
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
	for i < n && isWS(b[i]) {
		i++
	}
	if i >= n || b[i] != ':' {
		return false
	}
	i++
	goto value
}

// fastNumber returns the end of the number at b[i], or -1 if it is not a
// valid number followed by a byte that cannot continue one, or is longer
// than max.
func fastNumber(b []byte, i, max int) int {
	start := i
	n := len(b)
	if b[i] == '-' {
		i++
	}
	switch {
	case i >= n:
		return -1
	case b[i] == '0':
		i++
	case b[i]-'1' <= 8:
		i = digits(b, i+1, n)
	default:
		return -1
	}
	if i < n && b[i] == '.' {
		i++
		d := i
		i = digits(b, i, n)
		if i == d {
			return -1
		}
	}
	if i < n && b[i]|0x20 == 'e' {
		i++
		if i < n && (b[i] == '+' || b[i] == '-') {
			i++
		}
		d := i
		for i < n && b[i]-'0' <= 9 {
			i++
		}
		if i == d {
			return -1
		}
	}
	if i-start > max || (i < n && numClass[b[i]]) {
		return -1
	}
	return i
}
