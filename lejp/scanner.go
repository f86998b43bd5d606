package lejp

// The scanner is the one tokenizer under Parser, Decoder and Check. It
// reads tokens from buf one at a time (next), keeps the grammar state and
// the stack of open containers, and stops with errNeedMore when a token does
// not end inside buf and more input may follow. In that case s.pos is left
// at the token's first byte, so the caller can either add bytes and retry
// (Decoder) or keep the few bytes of an unfinished number or literal aside
// (Parser). Strings are the exception in stream mode: the Parser decodes
// them piece by piece across buffers (string.go) so that memory stays
// bounded however long they are.

import (
	"encoding/binary"
	"errors"
	"hash/maphash"
	"math/bits"
)

// errNeedMore: the buffer ended inside a token (or before one) and more
// input may follow. errEnd: the input is complete and valid.
var (
	errNeedMore = errors.New("lejp: need more input")
	errEnd      = errors.New("lejp: end of input")
)

// Grammar states: what may come next.
const (
	stValue     uint8 = iota // a value (top level, after ':' or after ',' in an array)
	stFirstElem              // after '[': a value or ']'
	stFirstName              // after '{': a name or '}'
	stName                   // after ',' in an object: a name
	stColon                  // after a name: ':'
	stAfter                  // after a value in a container: ',' or the closing bracket
	stDone                   // after the top-level value
)

// frame is one open container.
type frame struct {
	obj     bool
	hashed  bool      // its names are in the hash index
	name    []byte    // current member name (objects)
	index   int64     // arrays: index of the current element; objects: members so far
	arena   int       // len(s.arena) when opened
	ents    int       // len(s.ents) when opened
	nameMem int       // s.nameMem when opened
	bloom   [4]uint64 // filter of the names' keys (names.go); objects only
	live    uint64    // patterns whose prefix matches the path down to this frame's segment
	match   int32     // first pattern matching the path ending in this frame's segment
}

type scanner struct {
	lim limits

	buf  []byte
	pos  int
	base int64 // offset of buf[0] in the whole input
	eof  bool  // no input follows buf

	stream      bool // Parser: strings delivered in pieces, resumable across buffers
	borrowNames bool // buf is the whole input: names may point into it
	noDecode    bool // Check: string values are validated, not decoded
	runDone     bool // Parser carry: a number or literal run ends with buf

	state    uint8
	pendPush uint8 // 1 object, 2 array: push the frame at the next call
	frames   []frame
	depth    int

	// The token just read.
	val    []byte
	tokOff int64

	// Names held for duplicate detection (a stack: the open objects'
	// names, innermost last), their hash index and the memory they use.
	arena   []byte
	ents    []nameEnt
	slots   []int32
	nhashed int
	nameMem int
	seed    maphash.Seed
	seeded  bool

	// Path patterns.
	pats      []pattern
	rootMatch int32

	// String decoding (string.go).
	sbuf   []byte
	str    strState
	inStr  bool
	inComm bool
	err    error

	// A string (value or name) the Decoder's buffer ended inside: the
	// offset of its quote plus one (0: none), the offset up to which it is
	// checked and whether that part has escapes (keepPart, takePart).
	partQuote int64
	partAt    int64
	partEsc   bool

	// A number the Decoder's buffer ended inside (number): the offset
	// of its first byte plus one (0: none), the offset up to which it is
	// checked and the grammar's phase there.
	numPart int64
	numAt   int64
	numPh   uint8
	// numWork counts the bytes number's slow path scans, for the test
	// that bounds it (TestDecoderLongNumberSmallReads).
	numWork int

	// The Parser's fast path (fastevents.go): the most entries s.ents had
	// before it dropped some, to clear them when it ends.
	entsHW int

	// Check's first pass (fastcheck.go).
	fastFrames []fastFrame
	fastEnts   []fastEnt

	// First backing arrays for the slices above, so that a new Decoder,
	// Parser or Check of a small document (a JOSE header, a JWK) allocates
	// nothing more.
	framesBuf [8]frame
	entsBuf   [16]nameEnt
	sbufBuf   [128]byte
	arenaBuf  [128]byte
}

func (s *scanner) init(o *Options) {
	s.lim = resolve(o)
	s.rootMatch = -1
	if s.frames == nil {
		s.frames = s.framesBuf[:0]
		s.ents = s.entsBuf[:0]
		s.sbuf = s.sbufBuf[:0]
		s.arena = s.arenaBuf[:0]
	}
	s.reset()
}

// reset prepares for a new input, keeping buffers and patterns.
func (s *scanner) reset() {
	s.buf, s.pos, s.base, s.eof = nil, 0, 0, false
	s.state, s.pendPush, s.depth = stValue, 0, 0
	s.tokOff = 0
	s.forgetInput()
	s.arena, s.ents = s.arena[:0], s.ents[:0]
	if s.nhashed > 0 {
		// Input that stopped inside a large object left names in the
		// index: drop it, and the next large object builds one of its
		// own size. An index that the objects' closing emptied is all
		// zeros already. Either way a reset costs nothing like the
		// index of the largest input read before (it cleared it whole).
		s.slots = nil
	}
	s.nhashed, s.nameMem = 0, 0
	s.sbuf = s.sbuf[:0]
	s.str = strState{}
	s.inStr, s.inComm, s.runDone = false, false, false
	s.partQuote, s.numPart = 0, 0
	s.err = nil
}

// fail records a syntax error at absolute offset off and returns it.
func (s *scanner) fail(off int64, cause error) error {
	depth := s.depth
	if s.state == stName && cause != ErrDuplicateName && cause != ErrTooManyNames {
		// In a member name, or where one is due: the member has no name
		// yet, so the path is the object's, not its previous member's.
		// (A duplicate name, or one over the name memory, is known.)
		depth--
	}
	s.err = &SyntaxError{Offset: off, Path: string(s.appendPointerTo(nil, depth)), Err: cause}
	return s.err
}

// curMatch is the pattern matching the path of the token just read.
func (s *scanner) curMatch() int {
	if len(s.pats) == 0 {
		return -1
	}
	if s.depth == 0 {
		return int(s.rootMatch)
	}
	return int(s.frames[s.depth-1].match)
}

// next reads one token. It returns its kind, with s.val and s.tokOff set,
// or errNeedMore, errEnd or a *SyntaxError.
func (s *scanner) next() (Kind, error) {
	if s.pendPush != 0 {
		s.push(s.pendPush == 1)
		s.pendPush = 0
	}
	if s.err != nil {
		return Invalid, s.err
	}
	if s.inStr {
		return s.streamString()
	}
	buf := s.buf
	i := s.pos
	for {
		// Whitespace (and comments: only with AllowComment, so that
		// inComm is looked at only then).
		if s.lim.allowComment && s.inComm {
			for ; i < len(buf) && buf[i] != '\n'; i++ {
			}
			if i == len(buf) {
				s.pos = i
				return s.atEnd()
			}
			s.inComm = false
		}
		if i < len(buf) && buf[i] <= ' ' {
			i = skipWS(buf, i)
		}
		if s.lim.allowComment && i < len(buf) && buf[i] == '#' {
			s.inComm = true
			continue
		}
		if i >= len(buf) {
			s.pos = i
			return s.atEnd()
		}
		c := buf[i]
		s.pos = i
		switch s.state {
		case stValue, stFirstElem:
			// The common values are dispatched here, one call shallower.
			switch {
			case c == '"':
				return s.stringValue()
			case c-'0' <= 9 || c == '-':
				return s.number()
			case c == ']' && s.state == stFirstElem:
				return s.closeContainer(false)
			}
			return s.value(c)
		case stFirstName, stName:
			if c == '"' {
				return s.name()
			}
			if c == '}' && s.state == stFirstName {
				return s.closeContainer(true)
			}
			return Invalid, s.fail(s.base+int64(i), ErrInvalidChar)
		case stColon:
			if c != ':' {
				return Invalid, s.fail(s.base+int64(i), ErrInvalidChar)
			}
			s.state = stValue
			i++
			// The value is dispatched here when it follows at once (or
			// after whitespace), as the loop would.
			if i < len(buf) && buf[i] == ' ' {
				i++ // the space of ": "
			}
			if i < len(buf) && buf[i] <= ' ' {
				i = skipWS(buf, i)
			}
			if i < len(buf) && buf[i] != '#' {
				s.pos = i
				switch c := buf[i]; {
				case c == '"':
					return s.stringValue()
				case c-'0' <= 9 || c == '-':
					return s.number()
				default:
					return s.value(c)
				}
			}
		case stAfter:
			top := &s.frames[s.depth-1]
			switch {
			case c == ',':
				// The next name or value is dispatched here when it
				// follows at once (or after whitespace).
				i++
				if i < len(buf) && buf[i] <= ' ' {
					i = skipWS(buf, i)
				}
				if top.obj {
					s.state = stName
					if i < len(buf) && buf[i] == '"' {
						s.pos = i
						return s.name()
					}
				} else {
					s.state = stValue
					if i < len(buf) && buf[i] != '#' {
						s.pos = i
						switch c := buf[i]; {
						case c == '"':
							return s.stringValue()
						case c-'0' <= 9 || c == '-':
							return s.number()
						default:
							return s.value(c)
						}
					}
				}
			case c == '}' && top.obj, c == ']' && !top.obj:
				return s.closeContainer(top.obj)
			default:
				return Invalid, s.fail(s.base+int64(i), ErrInvalidChar)
			}
		case stDone:
			if !s.lim.allowMulti {
				return Invalid, s.fail(s.base+int64(i), ErrTrailingData)
			}
			s.state = stValue
		}
	}
}

const spaces8 = 0x2020202020202020

// isWS reports whether c is JSON whitespace (RFC 8259 §2).
func isWS(c byte) bool { return c == ' ' || c == '\n' || c == '\r' || c == '\t' }

// skipWS returns the index of the first byte at or after i that is not
// JSON whitespace. After each whitespace byte, a run of spaces
// (indentation) is measured eight bytes at a time.
func skipWS(buf []byte, i int) int {
	for i < len(buf) {
		if c := buf[i]; c != ' ' && c != '\n' && c != '\r' && c != '\t' {
			return i
		}
		i++
		for i+8 <= len(buf) {
			y := binary.LittleEndian.Uint64(buf[i:i+8]) ^ spaces8
			if y != 0 {
				i += bits.TrailingZeros64(y) >> 3
				break
			}
			i += 8
		}
	}
	return i
}

// atEnd handles the end of buf between tokens.
func (s *scanner) atEnd() (Kind, error) {
	if !s.eof {
		return Invalid, errNeedMore
	}
	if s.state == stDone || (s.lim.allowMulti && s.state == stValue && s.depth == 0) {
		return Invalid, errEnd
	}
	if s.state == stValue {
		// A value is due: after a comma in an array, the next element,
		// whose path the error has (as any other error there has).
		s.beginElem()
	}
	return Invalid, s.fail(s.base+int64(len(s.buf)), ErrUnexpectedEOF)
}

// value starts a value whose first byte is c at s.pos.
func (s *scanner) value(c byte) (Kind, error) {
	i := s.pos
	switch c {
	case '{', '[':
		s.beginElem()
		if s.depth >= s.lim.maxDepth {
			return Invalid, s.fail(s.base+int64(i), ErrDepth)
		}
		s.tokOff = s.base + int64(i)
		s.val = nil
		s.pos = i + 1
		if c == '{' {
			s.pendPush = 1
			s.state = stFirstName
			return ObjectStart, nil
		}
		s.pendPush = 2
		s.state = stFirstElem
		return ArrayStart, nil
	case '"':
		return s.stringValue()
	case 't', 'f', 'n':
		return s.literal()
	}
	if c == '-' || (c >= '0' && c <= '9') {
		return s.number()
	}
	s.beginElem()
	return Invalid, s.fail(s.base+int64(i), ErrInvalidChar)
}

// beginElem counts a new element when the enclosing container is an array.
func (s *scanner) beginElem() {
	if s.depth > 0 {
		if f := &s.frames[s.depth-1]; !f.obj {
			f.index++
		}
	}
}

// afterValue moves the grammar on after a complete value.
func (s *scanner) afterValue() {
	if s.depth == 0 {
		s.state = stDone
	} else {
		s.state = stAfter
	}
}

func (s *scanner) push(obj bool) {
	d := s.depth
	if d == len(s.frames) {
		s.frames = append(s.frames, frame{})
	}
	f := &s.frames[d]
	// Field by field: the filter is used (and cleared) only for objects.
	f.obj, f.hashed, f.name, f.index = obj, false, nil, -1
	f.arena, f.ents, f.nameMem = len(s.arena), len(s.ents), s.nameMem
	f.live, f.match = 0, -1
	if obj {
		f.bloom = [4]uint64{}
	}
	if len(s.pats) > 0 && !obj {
		f.live, f.match = s.stepPatterns(d, nil, true)
	}
	s.depth = d + 1
}

func (s *scanner) closeContainer(obj bool) (Kind, error) {
	f := &s.frames[s.depth-1]
	if obj {
		s.dropNames(f)
	}
	s.depth--
	s.tokOff = s.base + int64(s.pos)
	s.val = nil
	s.pos++
	s.afterValue()
	if obj {
		return ObjectEnd, nil
	}
	return ArrayEnd, nil
}

// Character classes for numbers and literals, scanned as runs so that a
// token split across buffers is judged exactly as a whole one.
var (
	numClass [256]bool
	litClass [256]bool
)

func init() {
	for _, c := range []byte("0123456789+-.eE") {
		numClass[c] = true
	}
	for c := 'a'; c <= 'z'; c++ {
		litClass[c] = true
	}
	for c := 'A'; c <= 'Z'; c++ {
		litClass[c] = true
	}
}

// Where number's grammar stands at a byte: the phases of
// -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?.
const (
	numIntStart   uint8 = iota // the integer part's first digit is due (after an optional '-')
	numIntDigits               // in the digits after a leading 1-9
	numAfterInt                // after the integer part: '.', 'e' or the end
	numFracFirst               // after '.': a digit is due
	numFracDigits              // in the fraction's digits: more, 'e' or the end
	numExpSign                 // after 'e': a sign or a digit
	numExpFirst                // after the exponent's sign: a digit is due
	numExpDigits               // in the exponent's digits
	numOver                    // the number ended before the byte
)

// number reads a number token at s.pos. It checks the grammar as it goes;
// the token ends at the first byte that does not fit, which is an error if
// it is a number character (so "1.2.3" fails at the second '.', exactly as
// the Parser's carried-over run would). Only the first MaxNumberLen+1 bytes
// are looked at. A number that buf ends inside, well-formed so far, is
// scanned on from where it stopped when the Decoder calls again with more
// input (numPart): scanning it again from its first byte after every Read
// would cost n²/2k for a number of n bytes arriving k at a time.
func (s *scanner) number() (Kind, error) {
	start := s.pos
	buf := s.buf
	j := start
	ph := numIntStart
	if s.numPart != 0 && s.numPart == s.base+int64(start)+1 {
		// The rest of a number the Decoder's buffer ended inside.
		j, ph = int(s.numAt-s.base), s.numPh
		s.numPart = 0
	} else {
		if e, k := numEnd(buf, start); e >= 0 && e-start <= s.lim.maxNumber {
			// A well-formed number ending inside buf, within the limit:
			// what the scan below finds too, in one pass. beginElem and
			// afterValue with one look at the depth.
			if d := s.depth; d > 0 {
				if f := &s.frames[d-1]; !f.obj {
					f.index++
				}
				s.state = stAfter
			} else {
				s.state = stDone
			}
			s.tokOff = s.base + int64(start)
			s.val = buf[start:e]
			s.pos = e
			return k, nil
		}
		if buf[j] == '-' {
			j++
		}
	}
	float := ph >= numFracFirst // resumed in the fraction or the exponent
	lim := len(buf)
	cut := false
	if max := start + s.lim.maxNumber + 1; max <= lim {
		lim, cut = max, true
	}
	from := j
	bad := false
	if ph == numIntStart {
		switch {
		case j >= lim:
		case buf[j] == '0':
			j++
			ph = numAfterInt
		case buf[j] >= '1' && buf[j] <= '9':
			j++
			ph = numIntDigits
		default:
			bad = true
		}
	}
	if ph == numIntDigits {
		if j = digits(buf, j, lim); j < lim {
			ph = numAfterInt
		}
	}
	if ph == numAfterInt && j < lim {
		switch {
		case buf[j] == '.':
			j++
			ph, float = numFracFirst, true
		case buf[j]|0x20 == 'e':
			j++
			ph, float = numExpSign, true
		default:
			ph = numOver
		}
	}
	if ph == numFracFirst && j < lim {
		if buf[j]-'0' <= 9 {
			j++
			ph = numFracDigits
		} else {
			bad = true
		}
	}
	if ph == numFracDigits {
		if j = digits(buf, j, lim); j < lim {
			if buf[j]|0x20 == 'e' {
				j++
				ph = numExpSign // float already
			} else {
				ph = numOver
			}
		}
	}
	if ph == numExpSign && j < lim {
		if buf[j] == '+' || buf[j] == '-' {
			j++
		}
		ph = numExpFirst
	}
	if ph == numExpFirst && j < lim {
		if buf[j]-'0' <= 9 {
			j++
			ph = numExpDigits
		} else {
			bad = true
		}
	}
	if ph == numExpDigits {
		for j < lim && buf[j]-'0' <= 9 {
			j++
		}
	}
	s.numWork += j - from
	if j == len(buf) && !cut && !s.eof && !s.runDone {
		if !s.stream {
			s.numPart, s.numAt, s.numPh = s.base+int64(start)+1, s.base+int64(j), ph
		}
		return Invalid, errNeedMore
	}
	// Where buf (or the limit) ends, a digit that is due is missing.
	bad = bad || ph == numIntStart || ph == numFracFirst || ph == numExpSign || ph == numExpFirst
	s.beginElem()
	if j == lim && cut {
		return Invalid, s.fail(s.base+int64(start), ErrNumberTooLong)
	}
	if bad && j == len(buf) && s.eof {
		// A digit was due where the input ends ("-", "1.", "1e+").
		return Invalid, s.fail(s.base+int64(j), ErrUnexpectedEOF)
	}
	if bad || (j < len(buf) && numClass[buf[j]]) {
		return Invalid, s.fail(s.base+int64(j), ErrInvalidNumber)
	}
	s.tokOff = s.base + int64(start)
	s.val = buf[start:j]
	s.pos = j
	s.afterValue()
	if float {
		return Float, nil
	}
	return Int, nil
}

// digits returns the end of the run of ASCII digits at buf[j:lim], eight
// bytes at a time.
func digits(buf []byte, j, lim int) int {
	for j+8 <= lim {
		// fastNonDigit: 4 operations a word, the lowest flag exact.
		if nd := fastNonDigit(binary.LittleEndian.Uint64(buf[j : j+8])); nd != 0 {
			return j + bits.TrailingZeros64(nd)>>3
		}
		j += 8
	}
	for j < lim && buf[j]-'0' <= 9 {
		j++
	}
	return j
}

// literal reads true, false or null at s.pos.
func (s *scanner) literal() (Kind, error) {
	start := s.pos
	buf := s.buf
	// Fast path: the whole literal and the byte after it are in buf.
	if start+5 < len(buf) {
		var k Kind
		n := 4
		switch binary.LittleEndian.Uint32(buf[start:]) {
		case 'e'<<24 | 'u'<<16 | 'r'<<8 | 't':
			k = True
		case 'l'<<24 | 'l'<<16 | 'u'<<8 | 'n':
			k = Null
		case 's'<<24 | 'l'<<16 | 'a'<<8 | 'f':
			if buf[start+4] == 'e' {
				k, n = False, 5
			}
		}
		if k != Invalid && !litClass[buf[start+n]] {
			s.beginElem()
			s.tokOff = s.base + int64(start)
			s.val = nil
			s.pos = start + n
			s.afterValue()
			return k, nil
		}
	}
	lim := min(len(buf), start+6)
	j := start
	for j < lim && litClass[buf[j]] {
		j++
	}
	if j == len(buf) && !s.eof && !s.runDone {
		return Invalid, errNeedMore
	}
	s.beginElem()
	k, bad := checkLiteral(buf[start:j])
	if bad == j-start && j == len(buf) && s.eof {
		// The start of a literal where the input ends ("tru").
		return Invalid, s.fail(s.base+int64(j), ErrUnexpectedEOF)
	}
	if bad >= 0 {
		return Invalid, s.fail(s.base+int64(start+bad), ErrInvalidLiteral)
	}
	s.tokOff = s.base + int64(start)
	s.val = nil
	s.pos = start + len(kindNames[k])
	s.afterValue()
	return k, nil
}

// checkLiteral matches a run of letters (at most 6 of them) against the
// three literals and returns the kind, or the index of the first wrong byte.
func checkLiteral(b []byte) (Kind, int) {
	var lit string
	var k Kind
	switch b[0] {
	case 't':
		lit, k = "true", True
	case 'f':
		lit, k = "false", False
	default:
		lit, k = "null", Null
	}
	for i := 0; i < len(lit); i++ {
		if i >= len(b) || b[i] != lit[i] {
			return Invalid, i
		}
	}
	if len(b) > len(lit) {
		return Invalid, len(lit)
	}
	return k, -1
}
