package lecp

// Diagnostic notation to CBOR (RFC 8949 §8 and §8.1, RFC 8610 Appendix
// G). FromDiag reads the text in one pass, with a stack of open containers
// and no recursion, into enc: every item's encoding, with room for the
// heads of arrays, maps, embedded CBOR and indefinite-length strings, whose
// lengths are known only at their ends: one byte, or the width a §8.1
// indicator gives. A head is written there at the container's end; one
// that needs more room (an argument of 24 or more) is kept aside, a fix,
// and the fixes go in at the end, moving each byte of enc at most once, in
// place. Most documents have few fixes, and nothing else is kept per item.
// Check then reads the output under the caller's Options (duplicate keys,
// limits); a fault it finds is reported at the offset in the text of the
// item it lies in, found by reading the text once more, recording a node
// per item (its offsets in enc and in the text), on that error path only.
// With Deterministic the output is written once more through a
// deterministic Writer, which sorts the map keys.

import (
	"errors"
	"io"
	"slices"
	"strconv"
	"unicode/utf8"
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
// separated by commas (RFC 8742 §4.2, as AppendDiag writes a sequence),
// and a comma may follow the last one (the seq rule of
// draft-ietf-cbor-edn-literals: "1, 2," is two items, "," none).
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
//     one (G.4, which the draft below replaces with +);
//   - << item, ... >>, a byte string holding the encoded items (§8);
//   - false, true, null, undefined, simple(N) (0 to 255, not 24 to 31),
//     tags N(item) (any 64-bit tag number), arrays and maps (any item as a
//     key);
//   - the encoding indicators of §8.1: _ for an indefinite length, and
//     _0 to _3 for an argument of 1, 2, 4 or 8 bytes after an integer, a
//     string's closing quote, >>, a tag number, or an array's or map's
//     opening bracket; after a float _1, _2 and _3 mean half, single and
//     double precision. An indicator that cannot hold the value (1000_0,
//     1.1_1) is refused;
//   - forms of draft-ietf-cbor-edn-literals, the Internet-Draft that is to
//     replace RFC 8949 §8 and RFC 8610 Appendix G (sections as in its
//     editor's copy of April 2025): # comments, to a line feed or the end
//     of the text, wherever white space may go (§2.2), also between the
//     digits of h'..', b64'..', b32'..' and h32'..', where the closing
//     quote ends one too (§2.5.3); a trailing comma after the last item
//     of an array, a map, << >> or (_ ...) (§2.6: [1, 2,]); floats with
//     digits on one side of the point only (1., .5, -.5e1, 0x.8p1: §5.1
//     item 3); the indicator _i (§2.3), an argument of 0 to 23 in the
//     initial byte (1_i, [_i 1], 'a'_i; 24_i and 1.5_i are refused),
//     accepted with Deterministic, as it is the preferred encoding; the
//     escape \u{1F600} in strings, hex digits of a Unicode scalar value
//     (§2.5.1: leading zeros allowed, no surrogates, up to 10FFFF);
//     simple(N) with N in any integer notation (§2.8: simple(0x14)); and
//     string literals joined with + (§5.1 item 7: 'a' + h'62', "a" +
//     "b"): bytes with bytes, text with text, and bytes added to text
//     (the left side's type: "a" + h'c3bc' is text, and must be UTF-8;
//     'a' + "b" is refused); an indicator goes after the last string and
//     encodes the joined one.
//
// It does not accept the draft's other forms: commas left out between
// items ([1 2], which G.4's juxtaposed strings make ambiguous: ['a' 'b']),
// the ellipsis ... and its stand-in tag 888, the stand-in tag 999 for an
// unknown application literal, the dt'..', DT'..', ip'..' and IP'..'
// literals, raw strings, << >> joined with +, and a raw line feed in a
// string literal.
//
// For example (the last two are the empty indefinite-length strings):
//
//	[_ 1, 2]  {_ "a": 1}  (_ h'01', h'02')  [_1 1]  1_1  1.5_3  24_0(h'')  ''_  ""_
//
// Errors are *SyntaxError, with the Offset in src and the Path of the item
// (up to the innermost embedded CBOR, whose content has no path); causes
// are ErrDiagSyntax (malformed text, or a form not accepted: other
// application literals such as dt'..', unknown words, missing commas,
// out-of-range numbers, an indicator that does not fit), ErrUnexpectedEOF
// (text cut short), ErrTrailingData (a second item without AllowSequence),
// ErrInvalidUTF8 (a byte that is not UTF-8 in a string, '..' ones too, or
// a comment, unless Options.AllowInvalidUTF8), ErrDepth
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
// refuse.
//
// Time and memory are linear in the input, and nothing is kept per item:
// the encoding is written in a buffer sized from the text (which becomes
// the output when dst has no room), typically 1.1 to 1.5 times the
// output, and 24 to 48 bytes are kept per array, map or << >> of 24 or
// more items or bytes, whose head needs more than one byte; a
// 1,000,000-item array of small integers takes 1.15 bytes per item in
// all. An error Check finds in the output costs a second reading of the
// text, keeping 32 bytes per item, to find the item it lies in.
func FromDiag(dst, src []byte, opts *Options) ([]byte, error) {
	var c fromDiag
	c.src, c.lim = src, resolve(opts)
	if err := c.parse(); err != nil {
		return dst, err
	}
	out := c.assemble()
	if err := c.check(out, opts); err != nil {
		return dst, err
	}
	if !c.lim.determ {
		if len(dst) == 0 && cap(dst) < len(out) {
			return out, nil // the buffer dst would have grown into
		}
		return append(dst, out...), nil
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
	dArray           // containers, whose heads are written at their ends
	dMap             //
	dEmbed           // << >>
	dIndefStr        // (_ ...)
)

// dnode is an item of the text, recorded only when tracing (on the error
// path of Check): its encoding starts at enc[at], its text at src[src];
// parent is the node of the container or tag it lies in, or -1.
type dnode struct {
	at, src int
	parent  int32
	kind    uint8
}

// dfix is a head longer than the byte left for it at enc[at].
type dfix struct {
	at   int
	hn   uint8
	head [9]byte
}

// dframe is an open container or tag.
type dframe struct {
	node  int32 // its node when tracing
	kind  uint8 // dArray, dMap, dEmbed, dIndefStr, or dTag
	indef bool
	width int8   // the §8.1 indicator of an array's or map's head, or -1
	room  uint8  // the bytes left for the head at enc[at]
	at    int    // the offset in enc of its head
	wAt   int    // the indicator's offset
	str   int8   // dIndefStr: the major type of its chunks, or -1
	n     uint64 // items ended (keys and values for a map)
	extra int    // bytes the fixes inside add to its content
	// for a map whose key has ended: the key's range in enc
	keyAt, keyEnd int
}

const dTag = 9

type fromDiag struct {
	src   []byte
	pos   int
	lim   limits
	enc   []byte
	fix   []dfix
	stack []dframe
	str   []byte // a string literal's bytes
	top   int    // top-level items ended
	// trace: record the nodes (to find the item of an error of Check)
	trace bool
	nodes []dnode
	// opened: the item just read opened a container or tag
	opened bool
	// lastIndef: the string just read was ''_ or ""_
	lastIndef bool
	// inLit: space is skipped inside h'..' (a quote ends a # comment)
	inLit bool
	head  [9]byte // a head being written
}

// parse reads the text into enc (and, when tracing, the nodes).
func (c *fromDiag) parse() error {
	// room for a message of a few kilobytes at once, and its strings, in
	// one allocation; a larger one grows (see grow)
	n := min(len(c.src), 4<<10) + 16
	buf := make([]byte, 2*n)
	c.enc, c.str = buf[:0:n], buf[n:n]
	if c.trace {
		c.nodes = make([]dnode, 0, min(len(c.src)/8, 256)+4)
	}
	c.stack = make([]dframe, 0, 8)
	return c.run()
}

// grow makes room for n more bytes in enc. Past the first buffer it
// guesses the size of the whole from the text read so far, so that a
// document takes one or two buffers, and grows by half at least, so that
// the bytes copied stay linear in the output.
func (c *fromDiag) grow(n int) {
	if cap(c.enc)-len(c.enc) < n {
		c.realloc(n)
	}
}

func (c *fromDiag) realloc(n int) {
	size := cap(c.enc) + cap(c.enc)/2
	if c.pos > 0 {
		// the encoding so far, scaled to the whole text, and an
		// eighth more
		est := float64(len(c.enc)) * float64(len(c.src)) / float64(c.pos) * 1.125
		if est < 4*float64(len(c.src)) && int(est) > size {
			size = int(est)
		}
	}
	size = max(size, len(c.enc)+n)
	enc := make([]byte, len(c.enc), size)
	copy(enc, c.enc)
	c.enc = enc
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
				key := c.encRange(f.keyAt, f.keyEnd)
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

// sortFixes puts the fixes in the order of their offsets (a container
// ends, and is fixed, after the containers in it).
func (c *fromDiag) sortFixes() {
	slices.SortFunc(c.fix, byOffset)
}

func byOffset(a, b dfix) int { return a.at - b.at }

// encRange returns a copy of enc[from:to], whose containers have ended,
// with their fixes in.
func (c *fromDiag) encRange(from, to int) []byte {
	var fix []dfix
	for _, x := range c.fix {
		if x.at >= from && x.at < to {
			fix = append(fix, x)
		}
	}
	slices.SortFunc(fix, byOffset)
	var out []byte
	prev := from
	for _, x := range fix {
		out = append(out, c.enc[prev:x.at]...)
		out = append(out, x.head[:x.hn]...)
		prev = x.at + 1
	}
	return append(out, c.enc[prev:to]...)
}

// assemble puts the fixes in enc, in place, and returns it: the output.
// Each fix replaces the byte left for its head; the bytes after it move
// by the room the fixes before them add, from the last fix back.
func (c *fromDiag) assemble() []byte {
	if len(c.fix) == 0 {
		return c.enc
	}
	c.sortFixes()
	add := 0
	for _, x := range c.fix {
		add += int(x.hn) - 1
	}
	end := len(c.enc)
	enc := slices.Grow(c.enc, add)[:end+add]
	w := len(enc)
	for i := len(c.fix) - 1; i >= 0; i-- {
		x := &c.fix[i]
		w -= copy(enc[w-(end-x.at-1):], enc[x.at+1:end])
		w -= copy(enc[w-int(x.hn):], x.head[:x.hn])
		end = x.at
	}
	c.enc = enc
	return enc
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
	// read the text again, recording the items
	t := fromDiag{src: c.src, lim: c.lim, trace: true}
	if err := t.parse(); err != nil {
		return err // not reached: the text was read once
	}
	t.sortFixes()
	// the node whose encoding holds the offset: the last one that starts
	// before it (at it, but for the key errors, reported where the key
	// ends), climbing to the key itself for those; a node starts in the
	// output after the heads fixed before it
	key := se.Err == ErrDuplicateKey || se.Err == ErrKeyTooLarge || se.Err == ErrTooManyKeys
	x, add, fx, found := int(se.Offset), 0, 0, -1
	for i := range t.nodes {
		for fx < len(t.fix) && t.fix[fx].at < t.nodes[i].at {
			add += int(t.fix[fx].hn) - 1
			fx++
		}
		at := t.nodes[i].at + add
		if at > x || key && at == x {
			break
		}
		found = i
	}
	off := 0
	if found >= 0 {
		if key {
			for p := t.nodes[found].parent; p >= 0 && t.nodes[p].kind != dMap; p = t.nodes[p].parent {
				found = int(p)
			}
		}
		off = t.nodes[found].src
	}
	return &SyntaxError{Offset: int64(off), Path: se.Path, Err: se.Err}
}

// node adds a node, when tracing, for an item at src offset off whose
// encoding starts now.
func (c *fromDiag) node(off int, kind uint8) int32 {
	if !c.trace {
		return -1
	}
	parent := int32(-1)
	if len(c.stack) > 0 {
		parent = c.stack[len(c.stack)-1].node
	}
	c.nodes = append(c.nodes, dnode{at: len(c.enc), src: off, parent: parent, kind: kind})
	return int32(len(c.nodes) - 1)
}

// space skips white space and comments: /inline/ ones (G.6), and the
// end-of-line ones of draft-ietf-cbor-edn-literals (§2.2), from # to a
// line feed or the end of the text (or, with inLit, a single quote); it
// reports whether any text is left.
// An unterminated inline comment is ErrUnexpectedEOF.
func (c *fromDiag) space() (bool, error) {
	for c.pos < len(c.src) {
		switch c.src[c.pos] {
		case ' ', '\t', '\n', '\r':
			c.pos++
		case '#':
			end := lineEnd(c.src, c.pos, c.inLit)
			if err := c.commentUTF8(c.pos+1, end); err != nil {
				return false, err
			}
			c.pos = end
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
			if err := c.commentUTF8(c.pos+1, end); err != nil {
				return false, err
			}
			c.pos = end + 1
		default:
			return true, nil
		}
	}
	return false, nil
}

// commentUTF8 checks that the comment text src[i:end] is UTF-8, as all
// of EDN is, unless Options.AllowInvalidUTF8 is set: the comment is
// skipped, but a stray byte in it is no more diagnostic notation than one
// in a string.
func (c *fromDiag) commentUTF8(i, end int) error {
	if c.lim.allowUTF8 {
		return nil
	}
	for j := i; j < end; {
		if c.src[j] < utf8.RuneSelf {
			j++
			continue
		}
		r, n := utf8.DecodeRune(c.src[j:end])
		if r == utf8.RuneError && n <= 1 {
			return c.fail(j, ErrInvalidUTF8)
		}
		j += n
	}
	return nil
}

// lineEnd returns the offset of the line feed that ends the # comment
// starting at offset i, or the end of src; inside a prefixed literal
// (lit), its closing quote ends the comment too: the draft reads the
// literal's content first, up to the quote, then its digits and comments
// (§2.5.3, app-string-h).
func lineEnd(src []byte, i int, lit bool) int {
	for i < len(src) && src[i] != '\n' && !(lit && src[i] == '\'') {
		i++
	}
	return i
}

// run reads the text and writes enc and the nodes.
func (c *fromDiag) run() error {
	const (
		value = iota // an item comes next
		after        // an item has ended
	)
	for state := value; ; {
		c.grow(32) // any item but a long string or bignum, or an end
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
			case c.lim.allowMulti:
				// an empty sequence, or a trailing comma
				// after its last item (the draft's seq rule)
				return nil
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
		// after a comma: a trailing one (draft-ietf-cbor-edn-literals
		// §2.6, and its seq and streamstring rules)
		if n := len(c.stack); n > 0 && c.stack[n-1].n > 0 && c.stack[n-1].kind != dTag {
			if c.closes(&c.stack[n-1], at) {
				if err := c.end(); err != nil {
					return err
				}
				state = after
				continue
			}
		}
		if n := len(c.stack); n > 0 && c.stack[n-1].kind == dMap && c.stack[n-1].n&1 == 0 {
			c.stack[n-1].keyAt = len(c.enc) // a key starts
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
		f.keyEnd = len(c.enc) // a key ended
	}
}

// open pushes a container or tag read at offset at, whose node is nd,
// leaving room in enc for a container's head: one byte, or as many as its
// width indicator says; the depth is checked by the caller.
func (c *fromDiag) open(nd int32, at int, kind uint8, indef bool, width int8) {
	f := dframe{node: nd, kind: kind, indef: indef, width: width, at: len(c.enc), wAt: at + 1, str: -1}
	if kind != dTag {
		f.room = 1
		if width >= 0 && width != wImm {
			f.room += 1 << width
		}
		c.enc = append(c.enc, make([]byte, f.room)...)
	}
	c.stack = append(c.stack, f)
	c.opened = true
}

// depth checks that one more level fits, at offset at.
func (c *fromDiag) depth(at, levels int) error {
	if len(c.stack)+levels > c.lim.maxDepth {
		return c.fail(at, ErrDepth)
	}
	return nil
}

// end closes the innermost frame, whose closer has been read: it writes
// the container's head (or, for a tag, only pops it), and ends the item.
func (c *fromDiag) end() error {
	f := c.stack[len(c.stack)-1]
	c.stack = c.stack[:len(c.stack)-1]
	add := 0
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
			arg = uint64(len(c.enc) - f.at - 1 + f.extra)
			f.wAt = c.pos
			w, err := c.indicator()
			if err != nil {
				return err
			}
			f.width = w
		case dIndefStr:
			maj = uint8(f.str)
		}
		if f.indef {
			c.enc[f.at] = maj<<5 | 31
			c.enc = append(c.enc, 0xff)
		} else {
			h, err := c.headWidth(c.head[:0], maj, arg, f.width, f.wAt)
			if err != nil {
				return err
			}
			if len(h) == int(f.room) {
				copy(c.enc[f.at:], h)
			} else {
				if len(c.fix) == cap(c.fix) {
					// doubling: append grows a large slice
					// by a quarter
					c.fix = slices.Grow(c.fix, len(c.fix)+16)
				}
				c.fix = append(c.fix, dfix{at: f.at, hn: uint8(len(h)), head: c.head})
				add = len(h) - int(f.room)
			}
		}
	}
	if len(c.stack) > 0 {
		c.stack[len(c.stack)-1].extra += f.extra + add
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
	if w == wImm {
		// the preferred encoding, so allowed with Deterministic
		if arg >= 24 {
			return dst, c.syntax(at, "encoding indicator _i cannot hold "+strconv.FormatUint(arg, 10)+": it is an argument of 0 to 23 in the initial byte")
		}
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

// wImm is the indicator _i of draft-ietf-cbor-edn-literals (§2.3): the
// argument in the initial byte (additional information 0 to 23).
const wImm int8 = 4

// indicator reads an optional §8.1 width indicator _0 to _3, or _i
// (wImm), at the current position, returning it or -1.
func (c *fromDiag) indicator() (int8, error) {
	if c.pos >= len(c.src) || c.src[c.pos] != '_' {
		return -1, nil
	}
	at := c.pos
	word := c.word(at + 1)
	c.pos = at + 1 + len(word)
	if string(word) == "i" {
		return wImm, nil
	}
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
