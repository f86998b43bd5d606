package lecp

// Diagnostic notation to CBOR (RFC 8949 §8 and §8.1, RFC 8610 Appendix
// G). FromDiag reads the text in one pass, with a stack of open containers
// and no recursion, into enc: every item's encoding but the heads of
// arrays, maps, embedded CBOR and indefinite-length strings, whose lengths
// are known only at their ends. Those heads are kept in the item's node,
// one per item (its offsets in enc and in the text), and go in as the
// output is assembled, each byte moved once. Check then reads the output
// under the caller's Options (duplicate keys, limits), and a fault it finds
// is reported at the offset in the text of the item it lies in (found
// through the nodes). With Deterministic the output is written once more
// through a deterministic Writer, which sorts the map keys.

import (
	"errors"
	"io"
	"strconv"
)

// ErrDiagSyntax: FromDiag's input breaks the grammar of diagnostic
// notation, or holds a form FromDiag does not accept (see FromDiag). The
// SyntaxError's Err wraps it with a word on what was not understood
// ("lecp: invalid diagnostic notation: unknown word \"dt\""); compare with
// errors.Is.
var ErrDiagSyntax = errors.New("lecp: invalid diagnostic notation")

// diagError is a cause matching ErrDiagSyntax, with what was wrong.
type diagError struct{ msg string }

func (e *diagError) Error() string { return "lecp: invalid diagnostic notation: " + e.msg }

// Unwrap returns ErrDiagSyntax.
func (e *diagError) Unwrap() error { return ErrDiagSyntax }

func diagErr(msg string) error { return &diagError{msg} }

// FromDiag appends to dst the CBOR of the diagnostic notation in src (RFC
// 8949 §8, with the encoding indicators of §8.1 and the extensions of RFC
// 8610 Appendix G), as cbor.me or diag2cbor do; nil opts are the
// defaults. The text holds exactly one item, with white space and
// /comments/ around it, or, with Options.AllowSequence, zero or more items
// separated by commas (RFC 8742 §4.2, as AppendDiag writes a sequence).
//
// It accepts:
//   - integers in decimal and, with an optional sign, in 0x, 0o and 0b
//     forms (G.5); beyond 64 bits they become bignums (tag 2 or 3, the
//     shortest magnitude), up to 1024 bytes of magnitude, from at most
//     2467 decimal digits or 8192 digits of the other bases;
//   - floats with a fraction or an exponent, hexadecimal floats with a p
//     exponent (0x1.8p3), NaN, Infinity and -Infinity, in the shortest
//     width that keeps the value; and float'7e01', the bits of a half,
//     single or double float in 4, 8 or 16 hex digits, written as they are
//     (the application literal of draft-bormann-cbor-edn-app-ext, which
//     AppendDiagExact writes for a NaN with a payload);
//   - "text" with the escapes of JSON (a \u escape of an unpaired
//     surrogate is refused), 'text' as a byte string (G.2), h'hex' (white
//     space and comments allowed between the digits, G.6), b64'..' (base64
//     or base64url, padding optional, unused bits zero), b32'..' and
//     h32'..' (G.3), and adjacent strings of the same major type joined into
//     one (G.4);
//   - << item, ... >>, a byte string holding the encoded items (§8);
//   - false, true, null, undefined, simple(N) (not 24 to 31), tags N(item)
//     (any 64-bit tag number), arrays and maps (any item as a key);
//   - the encoding indicators of §8.1: _ for an indefinite length, and
//     _0 to _3 for an argument of 1, 2, 4 or 8 bytes after an integer, a
//     string's closing quote, >>, a tag number, or an array's or map's
//     opening bracket; after a float _1, _2 and _3 mean half, single and
//     double precision. An indicator that cannot hold the value (1000_0,
//     1.1_1) is refused.
//
// For example (the last two are the empty indefinite-length strings):
//
//	[_ 1, 2]  {_ "a": 1}  (_ h'01', h'02')  [_1 1]  1_1  1.5_3  24_0(h'')  ''_  ""_
//
// Errors are *SyntaxError, with the Offset in src and the Path of the item
// (up to the innermost embedded CBOR, whose content has no path); causes
// are ErrDiagSyntax (malformed text, or a form not accepted: other
// application literals such as dt'..', unknown words, trailing commas,
// out-of-range numbers, an indicator that does not fit), ErrUnexpectedEOF
// (text cut short), ErrTrailingData (a second item without AllowSequence),
// ErrInvalidUTF8 (text strings, unless Options.AllowInvalidUTF8), ErrDepth
// (nesting deeper than Options.MaxDepth: arrays, maps, tags,
// indefinite-length strings, the tag of a bignum, and here also embedded
// CBOR, each one level), ErrNotDeterministic (with Options.Deterministic,
// an encoding indicator, or a float'..' that is not the preferred encoding
// of its value) and the causes Check finds in the output under opts
// (ErrDuplicateKey at the repeated key, ErrStringTooLong, ...). On an
// error dst is returned unchanged.
//
// The output passes Check under opts. With Options.Deterministic map keys
// are sorted (RFC 8949 §4.2.1) and tag 2 or 3 byte strings put in
// preferred serialization, as a deterministic Writer does (which refuses
// duplicate keys: AllowDuplicateKeys has no effect then); the content of
// << >> is bytes and stays as written, its keys neither sorted nor checked
// for duplicates, so that a test message can hold what a reader must
// refuse. Time and memory are linear in the input: about 32 bytes per item
// besides the output.
func FromDiag(dst, src []byte, opts *Options) ([]byte, error) {
	var c fromDiag
	c.src, c.lim = src, resolve(opts)
	// room for a message of a few kilobytes at once, and its strings, in
	// one allocation; a larger one grows
	n := min(len(src), 4<<10) + 16
	buf := make([]byte, 2*n)
	c.enc, c.str = buf[:0:n], buf[n:n]
	if err := c.run(); err != nil {
		return dst, err
	}
	if !c.lim.determ {
		out := c.assemble(dst)
		if err := c.check(out[len(dst):], opts); err != nil {
			return dst, err
		}
		return out, nil
	}
	out := c.assemble(nil)
	if err := c.check(out, opts); err != nil {
		return dst, err
	}
	w := Writer{Deterministic: true, AllowInvalidUTF8: c.lim.allowUTF8, buf: dst}
	o := rawLimits
	o.AllowInvalidUTF8, o.AllowSequence, o.AllowDuplicateKeys = true, true, true
	d := NewDecoderBytes(out, &o)
	for {
		t, err := d.ReadToken()
		if err == io.EOF {
			break
		}
		if err != nil {
			return dst, err // not reached: Check passed out
		}
		w.WriteToken(t)
	}
	res, err := w.Bytes()
	if err != nil {
		return dst, err // not reached: Check passed out
	}
	return res, nil
}

// Kinds of dnode.
const (
	dScalar   = iota // an integer, float, string, simple value or tag head
	dArray           // the heads of the kinds below go in at assembly
	dMap             //
	dEmbed           // << >>
	dIndefStr        // (_ ...)
)

// dnode is an item of the text: its encoding starts at enc[at] (a
// container's head, hn bytes of head, goes in there), its text at
// src[src]; parent is the node of the container or tag it lies in, or -1.
type dnode struct {
	at, src int
	parent  int32
	kind    uint8
	hn      uint8
	head    [9]byte
	// indef: an indefinite length; width: the §8.1 indicator (0 to 3) or
	// -1; for a string, strKind is majBytes or majText once known
}

// dframe is an open container or tag.
type dframe struct {
	node  int32
	kind  uint8 // dArray, dMap, dEmbed, dIndefStr, or dTag
	indef bool
	width int8   // the §8.1 indicator of an array's or map's head, or -1
	wAt   int    // the indicator's offset
	str   int8   // dIndefStr: the major type of its chunks, or -1
	n     uint64 // items ended (keys and values for a map)
	heads int    // bytes of heads inside, put in at assembly
	// for a map whose key has ended: the key's nodes and enc range
	keyNode, keyNodeEnd int32
	keyEnd              int
}

const dTag = 9

type fromDiag struct {
	src   []byte
	pos   int
	lim   limits
	enc   []byte
	nodes []dnode
	stack []dframe
	str   []byte // a string literal's bytes
	top   int    // top-level items ended
	// opened: the item just read opened a container or tag
	opened bool
	// lastIndef: the string just read was ''_ or ""_
	lastIndef bool
}

// fail reports cause at offset off with the path of the item being read.
func (c *fromDiag) fail(off int, cause error) error {
	return &SyntaxError{Offset: int64(off), Path: c.path(), Err: cause}
}

func (c *fromDiag) syntax(off int, msg string) error { return c.fail(off, diagErr(msg)) }

// eof is ErrUnexpectedEOF at the end of the text.
func (c *fromDiag) eof() error { return c.fail(len(c.src), ErrUnexpectedEOF) }

// path writes the path of the item being read, as Check's paths read:
// array indexes and map keys, tags transparent, up to the innermost
// embedded CBOR or indefinite-length string, and the map's own path while
// a key is read.
func (c *fromDiag) path() string {
	var p []byte
	for i := range c.stack {
		f := &c.stack[i]
		switch f.kind {
		case dArray:
			p = append(p, '[')
			p = strconv.AppendUint(p, f.n, 10)
			p = append(p, ']')
			continue
		case dMap:
			if f.n&1 == 1 {
				if len(p) > 0 {
					p = append(p, '.')
				}
				key := c.assembleRange(nil, int(f.keyNode), int(f.keyNodeEnd), c.nodes[f.keyNode].at, f.keyEnd)
				if len(key) > 0 && key[0]&31 == 31 {
					p, _ = AppendDiag(p, key, keyTextOptions)
				} else {
					p = appendKeyText(p, key)
				}
				continue
			}
		case dTag:
			continue
		}
		break
	}
	return string(p)
}

// assemble appends the output to dst: enc with the heads put in.
func (c *fromDiag) assemble(dst []byte) []byte {
	return c.assembleRange(dst, 0, len(c.nodes), 0, len(c.enc))
}

// assembleRange appends enc[from:to] with the heads of nodes[n0:n1] in.
func (c *fromDiag) assembleRange(dst []byte, n0, n1, from, to int) []byte {
	size := to - from
	for i := n0; i < n1; i++ {
		size += int(c.nodes[i].hn)
	}
	if cap(dst)-len(dst) < size {
		dst = append(make([]byte, 0, len(dst)+size), dst...)
	}
	prev := from
	for i := n0; i < n1; i++ {
		if n := &c.nodes[i]; n.hn > 0 {
			dst = append(dst, c.enc[prev:n.at]...)
			dst = append(dst, n.head[:n.hn]...)
			prev = n.at
		}
	}
	return append(dst, c.enc[prev:to]...)
}

// check runs Check over the output out and reports its error, if any, at
// the item of the text it lies in.
func (c *fromDiag) check(out []byte, opts *Options) error {
	if opts != nil && opts.Deterministic {
		o := *opts
		// the keys are sorted after, by a Writer, which refuses
		// duplicates
		o.Deterministic, o.AllowDuplicateKeys = false, false
		opts = &o
	}
	err := Check(out, opts)
	var se *SyntaxError
	if err == nil || !errors.As(err, &se) {
		return err
	}
	// the node whose encoding holds the offset: the last one that starts
	// before it (at it, but for the key errors, reported where the key
	// ends), climbing to the key itself for those
	key := se.Err == ErrDuplicateKey || se.Err == ErrKeyTooLarge || se.Err == ErrTooManyKeys
	x, heads, found := int(se.Offset), 0, -1
	for i := range c.nodes {
		at := c.nodes[i].at + heads
		if at > x || key && at == x {
			break
		}
		found = i
		heads += int(c.nodes[i].hn)
	}
	off := 0
	if found >= 0 {
		if key {
			for p := c.nodes[found].parent; p >= 0 && c.nodes[p].kind != dMap; p = c.nodes[p].parent {
				found = int(p)
			}
		}
		off = c.nodes[found].src
	}
	return &SyntaxError{Offset: int64(off), Path: se.Path, Err: se.Err}
}

// node adds a node for an item at src offset off whose encoding starts
// now.
func (c *fromDiag) node(off int, kind uint8) int32 {
	parent := int32(-1)
	if len(c.stack) > 0 {
		parent = c.stack[len(c.stack)-1].node
	}
	c.nodes = append(c.nodes, dnode{at: len(c.enc), src: off, parent: parent, kind: kind})
	return int32(len(c.nodes) - 1)
}

// space skips white space and comments (G.6), reporting whether any text
// is left; an unterminated comment is ErrUnexpectedEOF.
func (c *fromDiag) space() (bool, error) {
	for c.pos < len(c.src) {
		switch c.src[c.pos] {
		case ' ', '\t', '\n', '\r':
			c.pos++
		case '/':
			end := -1
			for j := c.pos + 1; j < len(c.src); j++ {
				if c.src[j] == '/' {
					end = j
					break
				}
			}
			if end < 0 {
				return false, c.eof()
			}
			c.pos = end + 1
		default:
			return true, nil
		}
	}
	return false, nil
}

// run reads the text and writes enc and the nodes.
func (c *fromDiag) run() error {
	const (
		value = iota // an item comes next
		after        // an item has ended
	)
	c.nodes = make([]dnode, 0, min(len(c.src)/8, 256)+4)
	c.stack = make([]dframe, 0, 8)
	for state := value; ; {
		more, err := c.space()
		if err != nil {
			return err
		}
		if !more {
			switch {
			case len(c.stack) > 0:
				return c.eof()
			case state == after:
				return nil
			case c.top == 0 && c.lim.allowMulti:
				return nil // an empty sequence
			}
			return c.eof()
		}
		at := c.pos
		ch := c.src[at]
		if state == after {
			if len(c.stack) == 0 {
				if ch == ',' && c.lim.allowMulti {
					c.pos++
					state = value
					continue
				}
				if ch == '_' {
					return c.syntax(at, "encoding indicator "+shortWord(c.word(at))+" not allowed here")
				}
				if !c.lim.allowMulti {
					return c.fail(at, ErrTrailingData)
				}
				return c.syntax(at, "expected , between items of a sequence")
			}
			f := &c.stack[len(c.stack)-1]
			switch {
			case f.kind == dMap && f.n&1 == 1:
				if ch != ':' {
					return c.syntax(at, "expected : after a map key")
				}
				c.pos++
				state = value
			case ch == ',' && f.kind != dTag:
				c.pos++
				state = value
			case c.closes(f, at):
				if err := c.end(); err != nil {
					return err
				}
			case ch == '_':
				return c.syntax(at, "encoding indicator "+shortWord(c.word(at))+" not allowed here")
			default:
				return c.syntax(at, "expected , or "+closer(f))
			}
			continue
		}
		// an item, or the end of an empty container
		if n := len(c.stack); n > 0 {
			f := &c.stack[n-1]
			if f.n == 0 && f.kind != dTag && f.kind != dIndefStr && c.closes(f, at) {
				if err := c.end(); err != nil {
					return err
				}
				state = after
				continue
			}
		}
		if n := len(c.stack); n > 0 && c.stack[n-1].n > 0 && c.stack[n-1].kind != dTag {
			f := c.stack[n-1]
			if save := c.pos; c.closes(&f, at) {
				c.pos = save
				return c.syntax(at, "a trailing comma is not allowed")
			}
		}
		if n := len(c.stack); n > 0 && c.stack[n-1].kind == dMap && c.stack[n-1].n&1 == 0 {
			c.stack[n-1].keyNode = int32(len(c.nodes)) // a key starts
		}
		if err := c.item(at); err != nil {
			return err
		}
		if c.opened {
			c.opened = false
			continue // state stays value
		}
		c.itemEnded()
		state = after
	}
}

// closer names what ends the container f.
func closer(f *dframe) string {
	switch f.kind {
	case dArray:
		return "]"
	case dMap:
		return "}"
	case dEmbed:
		return ">>"
	}
	return ")"
}

// closes reports whether the text at offset at ends f, consuming it.
func (c *fromDiag) closes(f *dframe, at int) bool {
	ch := c.src[at]
	switch f.kind {
	case dArray:
		if ch != ']' {
			return false
		}
	case dMap:
		if ch != '}' || f.n&1 == 1 {
			return false
		}
	case dEmbed:
		if ch != '>' || at+1 >= len(c.src) || c.src[at+1] != '>' {
			return false
		}
		c.pos++
	default:
		if ch != ')' {
			return false
		}
	}
	c.pos++
	return true
}

// itemEnded counts an item just ended in its container; a tag ends with
// it.
func (c *fromDiag) itemEnded() {
	if len(c.stack) == 0 {
		c.top++
		return
	}
	f := &c.stack[len(c.stack)-1]
	f.n++
	if f.kind == dMap && f.n&1 == 1 {
		f.keyNodeEnd, f.keyEnd = int32(len(c.nodes)), len(c.enc) // a key ended
	}
}

// open pushes a container or tag whose node is nd; the depth is checked by
// the caller.
func (c *fromDiag) open(nd int32, kind uint8, indef bool, width int8) {
	c.stack = append(c.stack, dframe{node: nd, kind: kind, indef: indef, width: width, wAt: c.nodes[nd].src + 1, str: -1})
	c.opened = true
}

// depth checks that one more level fits, at offset at.
func (c *fromDiag) depth(at, levels int) error {
	if len(c.stack)+levels > c.lim.maxDepth {
		return c.fail(at, ErrDepth)
	}
	return nil
}

// end closes the innermost frame, whose closer has been read: it sets the
// container's head (or, for a tag, only pops it), and ends the item.
func (c *fromDiag) end() error {
	f := c.stack[len(c.stack)-1]
	c.stack = c.stack[:len(c.stack)-1]
	n := &c.nodes[f.node]
	if f.kind != dTag {
		var maj uint8
		arg := f.n
		switch f.kind {
		case dArray:
			maj = majArray
		case dMap:
			maj = majMap
			arg /= 2
		case dEmbed:
			maj = majBytes
			arg = uint64(len(c.enc) - n.at + f.heads)
			f.wAt = c.pos
			w, err := c.indicator()
			if err != nil {
				return err
			}
			f.width = w
		case dIndefStr:
			maj = uint8(f.str)
		}
		var h []byte
		if f.indef {
			h = append(n.head[:0], maj<<5|31)
			c.enc = append(c.enc, 0xff)
		} else {
			var err error
			if h, err = c.headWidth(n.head[:0], maj, arg, f.width, f.wAt); err != nil {
				return err
			}
		}
		n.hn = uint8(len(h))
	}
	if len(c.stack) > 0 {
		c.stack[len(c.stack)-1].heads += f.heads + int(n.hn)
	}
	c.itemEnded()
	return nil
}

// headWidth appends the head of major type maj with argument arg, its
// argument in the width the §8.1 indicator w says (-1: the shortest);
// an argument that does not fit is an error at offset at.
func (c *fromDiag) headWidth(dst []byte, maj uint8, arg uint64, w int8, at int) ([]byte, error) {
	if w < 0 {
		return appendHead(dst, maj, arg), nil
	}
	if c.lim.determ {
		return dst, c.fail(at, ErrNotDeterministic)
	}
	bytes := 1 << w
	if bytes < 8 && arg>>(8*bytes) != 0 {
		return dst, c.syntax(at, "encoding indicator _"+strconv.Itoa(int(w))+" cannot hold "+strconv.FormatUint(arg, 10))
	}
	dst = append(dst, maj<<5|byte(24+w))
	for i := bytes - 1; i >= 0; i-- {
		dst = append(dst, byte(arg>>(8*i)))
	}
	return dst, nil
}

// indicator reads an optional §8.1 width indicator _0 to _3 at the
// current position, returning it or -1.
func (c *fromDiag) indicator() (int8, error) {
	if c.pos >= len(c.src) || c.src[c.pos] != '_' {
		return -1, nil
	}
	at := c.pos
	word := c.word(at + 1)
	c.pos = at + 1 + len(word)
	if len(word) == 1 && word[0] >= '0' && word[0] <= '3' {
		if c.lim.determ {
			return -1, c.fail(at, ErrNotDeterministic)
		}
		return int8(word[0] - '0'), nil
	}
	return -1, c.syntax(at, "encoding indicator _"+string(word)+" not allowed here")
}

// word returns the run of letters, digits and underscores at offset i.
func (c *fromDiag) word(i int) []byte {
	j := i
	for j < len(c.src) && wordByte(c.src[j]) {
		j++
	}
	return c.src[i:j]
}

func wordByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b == '_'
}
