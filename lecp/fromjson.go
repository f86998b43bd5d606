package lecp

// JSON to CBOR (RFC 8949 §6.2): a strict RFC 8259 reader of its own, since
// lecp imports only the standard library and encoding/json allocates for
// every token (and replaces what FromJSON must refuse with U+FFFD).

import (
	"bytes"
	"errors"
	"io"
	"slices"
	"strconv"
	"unicode/utf8"
)

// Causes FromJSON reports in a SyntaxError besides the CBOR ones it shares
// (ErrUnexpectedEOF, ErrInvalidUTF8, ErrDuplicateKey, ErrDepth,
// ErrTrailingData, ErrKeyTooLarge, ErrStringTooLong, ErrTooManyKeys).
var (
	// ErrJSONSyntax: FromJSON's input breaks the JSON grammar (RFC 8259).
	ErrJSONSyntax = errors.New("lecp: invalid JSON")
	// ErrJSONNumber: a JSON number FromJSON cannot convert: beyond the
	// float64 range, an integer outside -2^8192 … 2^8192-1 (a bignum
	// magnitude of more than 1024 bytes: some integers of 2467 digits, the
	// most those have, are outside; see CBOR ↔ JSON in the package
	// documentation), or any number longer than 2468 bytes (the longest integer,
	// with its sign).
	ErrJSONNumber = errors.New("lecp: JSON number out of range")
)

// FromJSON converts one JSON text (RFC 8259) read from r to CBOR appended to
// dst, with preferred serialization (core deterministic when deterministic
// is set: map keys sorted). Input that is not accepted gives a
// *SyntaxError whose Offset is in the JSON input and whose Path names the
// member or element in the path syntax; its causes are ErrJSONSyntax,
// ErrUnexpectedEOF, ErrTrailingData, ErrJSONNumber, ErrDepth (deeper than
// DefaultMaxDepth, counting a bignum's tag as a level, so that Check
// accepts the output), ErrKeyTooLarge (a member name whose CBOR encoding
// is longer than DefaultMaxKeyLen, for the same reason), ErrStringTooLong
// (a string longer than DefaultMaxStringLen once decoded, likewise; it is
// refused before the rest of it is read), ErrTooManyKeys (the names of
// the open objects past DefaultMaxKeyMemory as Options.MaxKeyMemory counts
// them, likewise, at the name's opening quote; with deterministic, also at
// an object's closing brace when Check, reading its names sorted, would
// hold more: sorting can open a nested map after more of its parent's
// names),
// ErrDuplicateKey (at the opening quote of the first name that repeats an
// earlier one of its object, with the member's path, as lejp reports it;
// found when the object ends, so that an error in the input before its
// closing brace is reported instead) and ErrInvalidUTF8 (invalid UTF-8, or
// a \u escape of an unpaired surrogate), as lejp's defaults refuse them
// and, the size limits aside, at the offsets lejp reports. Errors from r are returned as they are; r
// returning no bytes and no error 100 times in a row is io.ErrNoProgress
// (as for bufio.Reader and NewDecoder), and r
// returning a count below 0 or above the length of the slice it was given
// is an error too, matching bufio.ErrBadReadCount ("lecp: io.Reader
// returned an invalid count"). A nil r is an empty input.
//
// It allocates a 16 KiB read buffer and, amortized, nothing per token:
// memory grows with the output, the longest string (at most
// DefaultMaxStringLen), the member names on the current path (with
// deterministic, all the names of the open objects) and the offset of
// every name of the open objects; a number
// is refused (ErrJSONNumber) once it is longer than 2468 bytes, without
// reading the rest of it (a syntax error in its first 2469 bytes is
// reported as such).
func FromJSON(dst []byte, r io.Reader, deterministic bool) ([]byte, error) {
	return fromJSONLimit(dst, r, deterministic, DefaultMaxStringLen)
}

// fromJSONLimit is FromJSON with strings limited to maxString bytes.
func fromJSONLimit(dst []byte, r io.Reader, deterministic bool, maxString int) ([]byte, error) {
	c := fromJSON{in: jsonInput{r: r, buf: make([]byte, 0, 16<<10)}, maxString: maxString, det: deterministic}
	// The reader has checked every string's UTF-8 already: the Writer
	// need not check it again.
	c.w = Writer{Deterministic: deterministic, AllowInvalidUTF8: true, buf: dst}
	if err := c.run(); err != nil {
		return dst, err
	}
	out, err := c.w.Bytes()
	if err != nil {
		return dst, err // not reached: every container was closed
	}
	return out, nil
}

// jsonInput is a window on the JSON input: buf[pos:] is unread, and buf[0]
// is at input offset base.
type jsonInput struct {
	r    io.Reader
	buf  []byte
	pos  int
	base int64
	err  error // io.EOF or the reader's error, once seen
}

// more reads the next part of the input once buf is used up, reporting
// whether there is any.
func (in *jsonInput) more() bool {
	if in.r == nil && in.err == nil {
		in.err = io.EOF // a nil reader is an empty input
	}
	for empty := 0; in.err == nil && empty < 100; empty++ {
		in.base += int64(len(in.buf))
		n, err := in.r.Read(in.buf[:cap(in.buf)])
		if n < 0 || n > cap(in.buf) {
			in.buf, in.pos, in.err = in.buf[:0], 0, errInvalidRead
			return false
		}
		in.buf, in.pos, in.err = in.buf[:n], 0, err
		if n > 0 {
			return true
		}
	}
	if in.err == nil {
		in.err = io.ErrNoProgress
	}
	return false
}

func (in *jsonInput) off() int64 { return in.base + int64(in.pos) }

// next returns the next byte, or false at the end of the input.
func (in *jsonInput) next() (byte, bool) {
	if in.pos == len(in.buf) && !in.more() {
		return 0, false
	}
	c := in.buf[in.pos]
	in.pos++
	return c, true
}

// nonSpace returns the next byte that is not white space.
func (in *jsonInput) nonSpace() (byte, bool) {
	for {
		for in.pos < len(in.buf) {
			c := in.buf[in.pos]
			in.pos++
			if c != ' ' && c != '\n' && c != '\r' && c != '\t' {
				return c, true
			}
		}
		if !in.more() {
			return 0, false
		}
	}
}

// jframe is an open JSON container. For an object, names[name:nameEnd] is
// the member name being read when named is set.
type jframe struct {
	object, named bool
	n             int // elements before the current one, or members
	name, nameEnd int
	keyMem        int // what the object's names add to fromJSON.keyMem
	// nameAt0: the offsets of the object's names are fromJSON.nameAt[nameAt0:]
	nameAt0 int
	// with deterministic: the object's names are sorted[sorted0:], and
	// peak is the most key memory Check holds inside the container, from
	// its start (see fromJSON.sortedKeys)
	sorted0, peak int
}

// detName is a member name of an open object, with deterministic: its
// bytes are fromJSON.detNames[start:end], and peak is the most key memory
// Check holds inside its value.
type detName struct{ start, end, peak int }

type fromJSON struct {
	in    jsonInput
	w     Writer
	stack []jframe
	names []byte // the member names on the path
	// nameAt holds the input offset of every name of the open objects, to
	// report a duplicate at the repeated name
	nameAt []int64
	str    []byte // the string or number being read

	maxString int // the longest string accepted, decoded
	// keyMem is the key memory Check counts for the names of the open
	// objects: each name's CBOR encoding plus 16 bytes.
	keyMem int

	// with deterministic, Check reads each object's names sorted: the
	// names of the open objects, to count them so (sortedKeys)
	det      bool
	sorted   []detName
	detNames []byte
}

// fail reports cause at input offset off, with the path of the item being
// read; a reader error is returned as it is.
func (c *fromJSON) fail(off int64, cause error) error {
	if cause == ErrUnexpectedEOF && c.in.err != io.EOF {
		return c.in.err
	}
	var p []byte
	for _, f := range c.stack {
		switch {
		case !f.object:
			p = append(p, '[')
			p = strconv.AppendInt(p, int64(f.n), 10)
			p = append(p, ']')
		case f.named:
			if len(p) > 0 {
				p = append(p, '.')
			}
			if s := c.names[f.name:f.nameEnd]; bareKey(s) {
				p = append(p, s...)
			} else {
				p = appendQuoted(p, s)
			}
		default:
			return &SyntaxError{Offset: off, Path: string(p), Err: cause}
		}
	}
	return &SyntaxError{Offset: off, Path: string(p), Err: cause}
}

// run reads one JSON text and writes it to c.w.
func (c *fromJSON) run() error {
	const (
		value  = iota // a value comes next
		after         // a value has ended
		member        // a member name comes next
	)
	for state := value; ; {
		ch, ok := c.in.nonSpace()
		if !ok {
			if state == after && len(c.stack) == 0 {
				if c.in.err != io.EOF {
					return c.in.err
				}
				return nil
			}
			return c.fail(c.in.off(), ErrUnexpectedEOF)
		}
		at := c.in.off() - 1
		switch state {
		case member:
			if ch != '"' {
				return c.fail(at, ErrJSONSyntax)
			}
			if err := c.name(at); err != nil {
				return err
			}
			state = value
			continue
		case after:
			if len(c.stack) == 0 {
				return c.fail(at, ErrTrailingData)
			}
			top := &c.stack[len(c.stack)-1]
			switch {
			case ch == ',':
				top.n++
				top.named = false
				if top.object {
					state = member
				} else {
					state = value
				}
			case ch == '}' && top.object || ch == ']' && !top.object:
				if err := c.end(at); err != nil {
					return err
				}
			default:
				return c.fail(at, ErrJSONSyntax)
			}
			continue
		}
		state = after
		switch {
		case ch == '{' || ch == '[':
			if len(c.stack) == DefaultMaxDepth {
				return c.fail(at, ErrDepth)
			}
			object := ch == '{'
			c.stack = append(c.stack, jframe{object: object, name: len(c.names), nameEnd: len(c.names), sorted0: len(c.sorted), nameAt0: len(c.nameAt)})
			if object {
				c.w.BeginMap()
			} else {
				c.w.BeginArray()
			}
			next, ok := c.in.nonSpace()
			switch {
			case ok && (next == '}' && object || next == ']' && !object):
				if err := c.end(c.in.off() - 1); err != nil {
					return err
				}
				continue
			case ok:
				c.in.pos-- // the byte just read is still in buf
			}
			if object {
				state = member
			} else {
				state = value
			}
		case ch == '"':
			if err := c.text(at); err != nil {
				return err
			}
			c.w.TextBytes(c.str)
		case ch == '-' || ch >= '0' && ch <= '9':
			c.in.pos--
			if err := c.number(at); err != nil {
				return err
			}
		case ch == 't':
			if err := c.literal(at, "rue"); err != nil {
				return err
			}
			c.w.Bool(true)
		case ch == 'f':
			if err := c.literal(at, "alse"); err != nil {
				return err
			}
			c.w.Bool(false)
		case ch == 'n':
			if err := c.literal(at, "ull"); err != nil {
				return err
			}
			c.w.Null()
		default:
			return c.fail(at, ErrJSONSyntax)
		}
	}
}

// end closes the innermost container at the bracket at offset at.
func (c *fromJSON) end(at int64) error {
	top := c.stack[len(c.stack)-1]
	if !top.object {
		c.stack = c.stack[:len(c.stack)-1]
		c.w.EndArray()
		c.endPeak(top.peak)
		return nil
	}
	// the object's names, as the Writer wrote them: the pairs start at
	// offs, alternately keys and values (EndMap does not change them)
	wf := c.w.stack[len(c.w.stack)-1]
	offs := c.w.offs[wf.offs0:]
	c.w.EndMap()
	if c.w.Err() != nil {
		// the only error EndMap can meet here
		return c.duplicate(offs)
	}
	if c.det {
		peak := c.sortedKeys(top.sorted0)
		if peak > DefaultMaxKeyMemory {
			c.stack[len(c.stack)-1].named = false
			return c.fail(at, ErrTooManyKeys) // Check would refuse the output
		}
		c.sorted = c.sorted[:top.sorted0]
		if len(c.sorted) > 0 {
			c.detNames = c.detNames[:c.sorted[len(c.sorted)-1].end]
		} else {
			c.detNames = c.detNames[:0]
		}
		top.peak = peak
	}
	c.stack = c.stack[:len(c.stack)-1]
	c.names = c.names[:top.name]
	c.nameAt = c.nameAt[:top.nameAt0]
	c.keyMem -= top.keyMem
	c.endPeak(top.peak)
	return nil
}

// duplicate reports the first name of the innermost object that repeats
// an earlier one, at its opening quote and with its path, as lejp does: the
// Writer, which found that two are equal, holds the names as CBOR text
// strings at offs (alternately key and value offsets in its buffer).
func (c *fromJSON) duplicate(offs []int) error {
	top := &c.stack[len(c.stack)-1]
	seen := make(map[string]bool, len(offs)/2)
	for i := 0; i < len(offs); i += 2 {
		k := c.w.buf[offs[i]:offs[i+1]]
		name := k[hl(k):]
		if seen[string(name)] {
			c.names = append(c.names[:top.name], name...)
			top.nameEnd, top.named = len(c.names), true
			return c.fail(c.nameAt[top.nameAt0+i/2], ErrDuplicateKey)
		}
		seen[string(name)] = true
	}
	top.named = false // not reached: the Writer found two names equal
	return c.fail(c.in.off()-1, ErrDuplicateKey)
}

// endPeak passes the peak key memory of a container just ended (with
// deterministic) on to the one around it: to the member it is the value
// of, or to the array it is an element of.
func (c *fromJSON) endPeak(peak int) {
	if !c.det || len(c.stack) == 0 {
		return
	}
	if p := &c.stack[len(c.stack)-1]; p.object {
		c.sorted[len(c.sorted)-1].peak = peak
	} else {
		p.peak = max(p.peak, peak)
	}
}

// sortedKeys returns the most key memory Check holds, from its start, in
// the object whose names are c.sorted[from:] when the Writer has sorted
// them: while it reads the value of a member, the names up to that one in
// sorted order (the bytewise order of their encodings: shorter first, then
// bytewise) and what the value holds. It sorts c.sorted[from:].
func (c *fromJSON) sortedKeys(from int) int {
	names := c.sorted[from:]
	slices.SortFunc(names, func(a, b detName) int {
		if la, lb := a.end-a.start, b.end-b.start; la != lb {
			return la - lb
		}
		return bytes.Compare(c.detNames[a.start:a.end], c.detNames[b.start:b.end])
	})
	held, peak := 0, 0
	for _, n := range names {
		held += headLen(uint64(n.end-n.start)) + n.end - n.start + 16
		peak = max(peak, held+n.peak)
	}
	return peak
}

// name reads a member name whose opening quote is at offset at, and the
// colon after it.
func (c *fromJSON) name(at int64) error {
	if err := c.text(at); err != nil {
		return err
	}
	enc := headLen(uint64(len(c.str))) + len(c.str)
	if enc > DefaultMaxKeyLen {
		return c.fail(at, ErrKeyTooLarge) // Check would refuse the key
	}
	top := &c.stack[len(c.stack)-1]
	if c.keyMem+enc+16 > DefaultMaxKeyMemory {
		return c.fail(at, ErrTooManyKeys) // likewise
	}
	c.keyMem += enc + 16
	top.keyMem += enc + 16
	c.nameAt = append(c.nameAt, at)
	if c.det {
		c.sorted = append(c.sorted, detName{start: len(c.detNames), end: len(c.detNames) + len(c.str)})
		c.detNames = append(c.detNames, c.str...)
	}
	c.w.TextBytes(c.str)
	c.names = append(c.names[:top.name], c.str...)
	top.nameEnd, top.named = len(c.names), true
	switch ch, ok := c.in.nonSpace(); {
	case !ok:
		return c.fail(c.in.off(), ErrUnexpectedEOF)
	case ch != ':':
		return c.fail(c.in.off()-1, ErrJSONSyntax)
	}
	return nil
}

// literal reads the rest of true, false or null, begun at offset at.
func (c *fromJSON) literal(at int64, rest string) error {
	for i := 0; i < len(rest); i++ {
		ch, ok := c.in.next()
		if !ok {
			return c.fail(c.in.off(), ErrUnexpectedEOF)
		}
		if ch != rest[i] {
			return c.fail(c.in.off()-1, ErrJSONSyntax)
		}
	}
	return nil
}

// text reads a string whose opening quote at offset at has been read,
// decoding its escapes into c.str. Errors are reported where lejp reports
// them: invalid UTF-8 at the first byte of the bad sequence, a bad escape
// or unpaired surrogate at its backslash.
func (c *fromJSON) text(at int64) error {
	c.str = c.str[:0]
	// c.str[run:] holds raw bytes from input offset runOff on
	run, runOff := 0, at+1
	for {
		b := c.in.buf[c.in.pos:]
		i := 0
		for i < len(b) && b[i] != '"' && b[i] != '\\' && b[i] >= 0x20 {
			i++
		}
		c.str = append(c.str, b[:i]...)
		c.in.pos += i
		if len(c.str) > c.maxString {
			// Check would refuse it; refused before the rest is read
			return c.fail(at, ErrStringTooLong)
		}
		if i == len(b) {
			if c.in.more() {
				continue
			}
			// bad bytes before the end, not a sequence the end cut short
			if bad := invalidUTF8At(c.str[run:], true); bad >= 0 {
				return c.fail(runOff+int64(bad), ErrInvalidUTF8)
			}
			return c.fail(c.in.off(), ErrUnexpectedEOF)
		}
		if bad := invalidUTF8At(c.str[run:], false); bad >= 0 {
			return c.fail(runOff+int64(bad), ErrInvalidUTF8)
		}
		c.in.pos++
		switch b[i] {
		case '"':
			return nil
		case '\\':
			if err := c.escape(c.in.off() - 1); err != nil {
				return err
			}
			run, runOff = len(c.str), c.in.off()
		default:
			return c.fail(c.in.off()-1, ErrJSONSyntax) // a control character
		}
	}
}

// shortEscape is the byte a one-character escape of JSON (RFC 8259 §7)
// stands for: \" \\ \/ \b \f \n \r \t, the escape's character given.
func shortEscape(ch byte) (byte, bool) {
	switch ch {
	case '"', '\\', '/':
		return ch, true
	case 'b':
		return '\b', true
	case 'f':
		return '\f', true
	case 'n':
		return '\n', true
	case 'r':
		return '\r', true
	case 't':
		return '\t', true
	}
	return 0, false
}

// escape decodes the escape whose backslash is at offset esc.
func (c *fromJSON) escape(esc int64) error {
	ch, ok := c.in.next()
	if !ok {
		return c.fail(c.in.off(), ErrUnexpectedEOF)
	}
	if b, ok := shortEscape(ch); ok {
		c.str = append(c.str, b)
		return nil
	}
	switch ch {
	case 'u':
		r, err := c.hex4(esc, ErrJSONSyntax)
		if err != nil {
			return err
		}
		if r >= 0xd800 && r <= 0xdfff {
			// a surrogate half: a high one, and an escaped low one next
			if r >= 0xdc00 {
				return c.fail(esc, ErrInvalidUTF8)
			}
			for _, want := range []byte{'\\', 'u'} {
				ch, ok := c.in.next()
				if !ok {
					return c.fail(c.in.off(), ErrUnexpectedEOF)
				}
				if ch != want {
					return c.fail(esc, ErrInvalidUTF8)
				}
			}
			lo, err := c.hex4(esc, ErrInvalidUTF8)
			if err != nil {
				return err
			}
			if lo < 0xdc00 || lo > 0xdfff {
				return c.fail(esc, ErrInvalidUTF8)
			}
			r = 0x10000 + (r-0xd800)<<10 + (lo - 0xdc00)
		}
		c.str = utf8.AppendRune(c.str, r)
	default:
		return c.fail(esc, ErrJSONSyntax)
	}
	return nil
}

// hex4 reads the four hex digits of a \u escape; anything else is cause at
// offset esc.
func (c *fromJSON) hex4(esc int64, cause error) (rune, error) {
	var r rune
	for range 4 {
		ch, ok := c.in.next()
		switch {
		case !ok:
			return 0, c.fail(c.in.off(), ErrUnexpectedEOF)
		case ch >= '0' && ch <= '9':
			ch -= '0'
		case ch >= 'a' && ch <= 'f':
			ch -= 'a' - 10
		case ch >= 'A' && ch <= 'F':
			ch -= 'A' - 10
		default:
			return 0, c.fail(esc, cause)
		}
		r = r<<4 | rune(ch)
	}
	return r, nil
}
