package lecp

import (
	"bytes"
	"errors"
	"slices"
	"strings"
	"unicode/utf8"
)

// Writer builds one CBOR item (or a sequence) from calls that mirror the
// events: Uint, Text, BeginArray … EndArray, and so on. Unlike the Append
// functions it needs no counts up front: the head of an array or map is
// known when it ends, in preferred serialization, and is put in place by
// Bytes in one pass over the output (inside a map key, at once), so deep
// nesting costs no pass over the content per level. EndMap rejects
// duplicate keys; with Deterministic the pairs are also sorted by the
// bytewise order of their encoded keys (RFC 8949 §4.2.1), so the output is
// core deterministic: by EndMap for a short map or one inside a key, by
// Bytes in the same single pass otherwise. The zero value is ready to use.
//
// Misuse does not panic: it is an error matching ErrWriter (see there for
// the kinds), and so are a duplicate map key (which also matches
// ErrDuplicateKey) and a text string that is not UTF-8 (RFC 8949 §3.1;
// also ErrInvalidUTF8, unless AllowInvalidUTF8 is set), so that what a
// Writer produces passes Check's rules. It has no limits: nesting, lengths
// and keys beyond Check's defaults (DefaultMaxDepth, DefaultMaxKeyLen, ...)
// are written, and Check then needs those limits raised. Errors are
// sticky: the first one is kept and returned by Err and Bytes, and later
// calls do nothing. Bytes with an item
// unfinished is the exception: it returns ErrWriter and sets nothing, so
// the item can still be finished.
type Writer struct {
	// Deterministic makes EndMap sort map pairs by their encoded keys.
	Deterministic bool
	// AllowInvalidUTF8 writes text strings that are not UTF-8 as given,
	// as the parser's option of that name reads them, instead of refusing
	// them (ErrInvalidUTF8); RawItem's items too.
	AllowInvalidUTF8 bool

	buf     []byte
	stack   []wframe
	offs    []int // start offsets of the items of open maps
	pendTag int   // tags written whose item has not started
	str     []byte
	strKind Kind // Bytes or Text while pieces of a string are gathered
	indef   []Kind
	err     error
	pairs   []wpair
	tmp     []byte
	heads   []whead // heads of ended arrays and maps, not yet in buf
	sorts   []wsort // deterministic maps whose pairs Bytes lays out sorted
	spans   []wspan // their pairs, each map's in sorted order
	// RawItem's checker (for Deterministic and AllowInvalidUTF8 as rawDet
	// and rawLax say), and EndMap's for the keys of a map that holds raw
	// items
	rawChk         *Checker
	rawDet, rawLax bool
	keyChk         *Checker
}

// rawLimits are the limits of RawItem's checks: none but the rules, as the
// Writer's other calls have none.
var rawLimits = Options{MaxDepth: 1 << 30, MaxItems: 1<<64 - 1, MaxStringLen: -1, MaxKeyLen: maxInt, MaxKeyMemory: maxInt}

// wsort is a map of Deterministic whose pairs were written out of key order
// and whose content is long: its content buf[pos:end] is laid out by Bytes,
// pair by pair in the order of spans[first:first+n], so that a map nested
// in others that also sort is not moved once per level.
type wsort struct{ pos, end, first, n int }

// wspan is a pair's bytes in buf (key and value), as written.
type wspan struct{ from, to int }

// shortContent is the content length up to which a head is inserted as
// its container ends: moving that much costs less than keeping the head
// for Bytes, and no more than that many bytes per container in all.
const shortContent = 64

type wframe struct {
	major uint8
	inKey bool // inside a map key: the head goes in at once
	start int  // offset of the content (the head is inserted here)
	n     int  // items
	offs0 int
	raw   bool // a RawItem lies in the content
}

// whead is the head of an ended array or map whose content starts at pos
// in buf; seq is its index in the order containers ended. For heads at one
// pos, the later (outer) one goes first.
type whead struct {
	pos, seq int
	n        uint8
	b        [9]byte
}

type wpair struct{ k, v, end int }

// ErrWriter is the Writer's error for misuse: EndArray or EndMap without
// an open array or map of that kind, or right after a Tag (whose item is
// still due); a map ended with a key and no value; Bytes with an item
// unfinished (an array or map open, a tag without its item, a string of
// WriteEvent pieces or an indefinite-length string not ended); an item, a
// string start or an array's or map's end inside an unfinished string, or
// a string end without its start; a reserved simple value (24 to 31); RawItem bytes that are not
// one item Check accepts (also the SyntaxError); a duplicate map key (also
// ErrDuplicateKey); a text string that is not UTF-8 (also ErrInvalidUTF8;
// see Writer.AllowInvalidUTF8). The error names the misuse; errors.Is matches it to
// ErrWriter.
var ErrWriter = errors.New("lecp: writer misuse")

// writerError is a Writer's error: ErrWriter (and cause, when set) with a
// message naming the misuse.
type writerError struct {
	msg   string
	cause error
}

func (e *writerError) Error() string { return e.msg }

// Unwrap returns ErrWriter, and the other sentinel the error matches.
func (e *writerError) Unwrap() []error {
	if e.cause != nil {
		return []error{ErrWriter, e.cause}
	}
	return []error{ErrWriter}
}

var (
	errUnfinished = &writerError{msg: "lecp: writer misuse: unfinished item"}
	errWriterDup  = &writerError{msg: ErrDuplicateKey.Error(), cause: ErrDuplicateKey}
	errWriterUTF8 = &writerError{msg: "lecp: writer: text string is not UTF-8", cause: ErrInvalidUTF8}
)

// textOK passes on valid, whether a text string is UTF-8 (or allowed not
// to be), setting the error when it is not.
func (w *Writer) textOK(valid bool) bool {
	if !valid && w.err == nil {
		w.err = errWriterUTF8
	}
	return valid
}

func (w *Writer) fail(why string) {
	if w.err == nil {
		w.err = &writerError{msg: "lecp: writer misuse: " + why}
	}
}

// Reset empties w for a new item, keeping its buffers, Deterministic and
// AllowInvalidUTF8.
func (w *Writer) Reset() {
	w.buf, w.stack, w.offs, w.pendTag, w.str, w.indef, w.err = w.buf[:0], w.stack[:0], w.offs[:0], 0, w.str[:0], w.indef[:0], nil
	w.heads, w.sorts, w.spans = w.heads[:0], w.sorts[:0], w.spans[:0]
	w.strKind = Invalid
}

// Err returns the first error.
func (w *Writer) Err() error { return w.err }

// Bytes returns the encoded item(s), or the first error, or ErrWriter when
// an item is unfinished: a container open, a tag without its item, a string
// of WriteEvent pieces or an indefinite-length string not ended. The slice
// is w's buffer until the next call.
func (w *Writer) Bytes() ([]byte, error) {
	if w.err != nil {
		return nil, w.err
	}
	if len(w.stack) > 0 || w.pendTag > 0 || w.strKind != Invalid || len(w.indef) > 0 {
		return nil, errUnfinished
	}
	if len(w.sorts) > 0 {
		w.layOut()
	} else {
		w.placeHeads()
	}
	return w.buf, nil
}

// layOut writes buf anew with the pending heads in place and the pairs of
// each map in w.sorts in sorted order, moving every byte once.
func (w *Writer) layOut() {
	slices.SortFunc(w.heads, func(a, b whead) int {
		if a.pos != b.pos {
			return a.pos - b.pos
		}
		return b.seq - a.seq // at one position the outer head first
	})
	slices.SortFunc(w.sorts, func(a, b wsort) int { return a.pos - b.pos })
	total := len(w.buf)
	for i := range w.heads {
		total += int(w.heads[i].n)
	}
	out := slices.Grow(w.tmp[:0], total)
	out = w.emit(out, 0, len(w.buf), 0)
	w.buf, w.tmp = out, w.buf[:0]
	w.heads, w.sorts, w.spans = w.heads[:0], w.sorts[:0], w.spans[:0]
}

// emit appends buf[a:b] to out with the pending heads and the sorted maps
// at positions from sa on laid out. Each pending head and sorted map lies
// wholly inside every range emit is given that holds its position: a sorted
// map's pairs tile its content, and nothing but the map itself and its
// own head (and those of containers it begins) sits where a pair begins
// (anything else there would be a key, whose heads go in at once and which
// sorts at once). So a pair's range is emitted with sa = its first byte + 1:
// the map and the heads at its start are written already.
func (w *Writer) emit(out []byte, a, b, sa int) []byte {
	hi, _ := slices.BinarySearchFunc(w.heads, sa, func(h whead, pos int) int { return h.pos - pos })
	si, _ := slices.BinarySearchFunc(w.sorts, sa, func(m wsort, pos int) int { return m.pos - pos })
	for a < b {
		next := b
		if hi < len(w.heads) && w.heads[hi].pos < next {
			next = w.heads[hi].pos
		}
		if si < len(w.sorts) && w.sorts[si].pos < next {
			next = w.sorts[si].pos
		}
		out = append(out, w.buf[a:next]...)
		a = next
		for hi < len(w.heads) && w.heads[hi].pos == a && a < b {
			out = append(out, w.heads[hi].b[:w.heads[hi].n]...)
			hi++
		}
		if si < len(w.sorts) && w.sorts[si].pos == a && a < b {
			m := w.sorts[si]
			for _, p := range w.spans[m.first : m.first+m.n] {
				out = w.emit(out, p.from, p.to, p.from+1)
			}
			a = m.end
			hi, _ = slices.BinarySearchFunc(w.heads, a, func(h whead, pos int) int { return h.pos - pos })
			si, _ = slices.BinarySearchFunc(w.sorts, a, func(m wsort, pos int) int { return m.pos - pos })
		}
	}
	return out
}

// placeHeads inserts the pending heads into buf, moving every byte once.
func (w *Writer) placeHeads() {
	if len(w.heads) == 0 {
		return
	}
	// by position, last first; at one position the inner head (ended
	// first) first, so that it goes in nearer its content
	hs := w.heads
	slices.SortFunc(hs, func(a, b whead) int {
		if a.pos != b.pos {
			return b.pos - a.pos
		}
		return a.seq - b.seq
	})
	total := 0
	for i := range hs {
		total += int(hs[i].n)
	}
	old := len(w.buf)
	w.buf = slices.Grow(w.buf, total)[:old+total]
	// fill from the end, so that nothing is overwritten before it moves
	end, dst := old, old+total
	for i := range hs {
		h := &hs[i]
		seg := end - h.pos
		copy(w.buf[dst-seg:dst], w.buf[h.pos:end])
		dst -= seg
		copy(w.buf[dst-int(h.n):dst], h.b[:h.n])
		dst -= int(h.n)
		end = h.pos
	}
	w.heads = w.heads[:0]
}

// item is called where an item starts.
func (w *Writer) item() bool {
	if w.err != nil {
		return false
	}
	if w.strKind != Invalid || len(w.indef) > 0 {
		w.fail("item inside an unfinished string")
		return false
	}
	if w.pendTag > 0 {
		w.pendTag = 0
		return true
	}
	if len(w.stack) > 0 {
		f := &w.stack[len(w.stack)-1]
		if f.major == majMap {
			w.offs = append(w.offs, len(w.buf))
		}
		f.n++
	}
	return true
}

// Uint writes an unsigned integer.
func (w *Writer) Uint(v uint64) {
	if w.item() {
		w.buf = AppendUint(w.buf, v)
	}
}

// Int writes an integer.
func (w *Writer) Int(v int64) {
	if w.item() {
		w.buf = AppendInt(w.buf, v)
	}
}

// Negative writes the negative integer -1-arg.
func (w *Writer) Negative(arg uint64) {
	if w.item() {
		w.buf = AppendNegative(w.buf, arg)
	}
}

// ByteString writes a byte string.
func (w *Writer) ByteString(b []byte) {
	if w.item() {
		w.buf = AppendBytes(w.buf, b)
	}
}

// Text writes a text string. One that is not UTF-8 is refused (see
// Writer).
func (w *Writer) Text(s string) {
	if w.textOK(w.AllowInvalidUTF8 || utf8.ValidString(s)) && w.item() {
		w.buf = AppendText(w.buf, s)
	}
}

// TextBytes writes a text string held in b.
func (w *Writer) TextBytes(b []byte) {
	if w.textOK(w.AllowInvalidUTF8 || utf8.Valid(b)) && w.item() {
		w.buf = AppendTextBytes(w.buf, b)
	}
}

// Float writes f in the shortest width that keeps it (see AppendFloat).
func (w *Writer) Float(f float64) {
	if w.item() {
		w.buf = AppendFloat(w.buf, f)
	}
}

// Bool writes false or true.
func (w *Writer) Bool(v bool) {
	if w.item() {
		w.buf = AppendBool(w.buf, v)
	}
}

// Null writes null.
func (w *Writer) Null() {
	if w.item() {
		w.buf = AppendNull(w.buf)
	}
}

// Undefined writes undefined.
func (w *Writer) Undefined() {
	if w.item() {
		w.buf = AppendUndefined(w.buf)
	}
}

// Simple writes simple value v; 24 to 31 are an error.
func (w *Writer) Simple(v uint8) {
	if v >= 24 && v < 32 {
		w.fail("simple values 24 to 31 are reserved")
		return
	}
	if w.item() {
		w.buf = AppendSimple(w.buf, v)
	}
}

// Tag writes tag number n; the next item is the tagged one.
func (w *Writer) Tag(n uint64) {
	if w.item() {
		w.buf = AppendTag(w.buf, n)
		w.pendTag = 1
	}
}

// RawItem writes one complete encoded item as it is (for example a
// protected header kept as received). It is checked first as Check checks
// with the default rules (well-formed, UTF-8 text unless AllowInvalidUTF8
// is set, unique map keys; no limits), and with Deterministic it must be in
// core deterministic encoding; bytes that do not pass are misuse (ErrWriter, also matching the
// SyntaxError) and nothing is written. As a map key it is compared with the
// other keys as a data item, so another encoding of a key already there is
// a duplicate.
func (w *Writer) RawItem(b []byte) {
	if w.err != nil {
		return
	}
	if w.rawChk == nil || w.rawDet != w.Deterministic || w.rawLax != w.AllowInvalidUTF8 {
		o := rawLimits
		o.Deterministic, o.AllowInvalidUTF8 = w.Deterministic, w.AllowInvalidUTF8
		w.rawChk, w.rawDet, w.rawLax = NewChecker(&o), w.Deterministic, w.AllowInvalidUTF8
	}
	if err := w.rawChk.Check(b); err != nil {
		w.err = &writerError{msg: "lecp: writer misuse: RawItem: " + strings.TrimPrefix(err.Error(), "lecp: "), cause: err}
		return
	}
	if w.item() {
		if n := len(w.stack); n > 0 {
			w.stack[n-1].raw = true
		}
		w.buf = append(w.buf, b...)
	}
}

// BeginArray starts an array; its head is written by EndArray.
func (w *Writer) BeginArray() { w.begin(majArray) }

// BeginMap starts a map; write keys and values alternately, then EndMap.
func (w *Writer) BeginMap() { w.begin(majMap) }

func (w *Writer) begin(maj uint8) {
	if w.item() {
		inKey := false
		if n := len(w.stack); n > 0 {
			p := &w.stack[n-1]
			inKey = p.inKey || p.major == majMap && p.n&1 == 1
		}
		w.stack = append(w.stack, wframe{major: maj, inKey: inKey, start: len(w.buf), offs0: len(w.offs)})
	}
}

// EndArray ends the innermost array.
func (w *Writer) EndArray() {
	if w.err != nil {
		return
	}
	if w.endInString() {
		return
	}
	if len(w.stack) == 0 || w.stack[len(w.stack)-1].major != majArray || w.pendTag > 0 {
		w.fail("EndArray without an open array")
		return
	}
	f := w.stack[len(w.stack)-1]
	w.stack = w.stack[:len(w.stack)-1]
	w.endRaw(&f)
	w.head(&f, majArray, uint64(f.n))
}

// endInString reports (and sets the error) when a container would end
// inside an unfinished string: the string, ended later, would land after
// the container.
func (w *Writer) endInString() bool {
	if w.strKind != Invalid || len(w.indef) > 0 {
		w.fail("container end inside an unfinished string")
		return true
	}
	return false
}

// endRaw passes on to the enclosing frame that the ended frame f holds a
// raw item.
func (w *Writer) endRaw(f *wframe) {
	if n := len(w.stack); f.raw && n > 0 {
		w.stack[n-1].raw = true
	}
}

// rawKeysDistinct reports whether the keys of a map holding raw items, at
// offs (key and value starts, alternately), are distinct as data
// items, as the parser judges them: a raw key may be another encoding of a
// key the Writer wrote (a longer head, a wider float, an indefinite
// length), which the bytewise comparison does not see.
func (w *Writer) rawKeysDistinct(offs []int) bool {
	w.tmp = appendHead(w.tmp[:0], majMap, uint64(len(offs)/2))
	for i := 0; i < len(offs); i += 2 {
		w.tmp = append(w.tmp, w.buf[offs[i]:offs[i+1]]...)
		w.tmp = append(w.tmp, 0xf6)
	}
	if w.keyChk == nil {
		o := rawLimits
		o.AllowInvalidUTF8 = true // Text is the caller's to check
		w.keyChk = NewChecker(&o)
	}
	return w.keyChk.Check(w.tmp) == nil
}

// EndMap ends the innermost map, checking its keys are unique and, with
// Deterministic, sorting its pairs.
func (w *Writer) EndMap() {
	if w.err != nil {
		return
	}
	if w.endInString() {
		return
	}
	if len(w.stack) == 0 || w.stack[len(w.stack)-1].major != majMap || w.pendTag > 0 {
		w.fail("EndMap without an open map")
		return
	}
	f := w.stack[len(w.stack)-1]
	w.stack = w.stack[:len(w.stack)-1]
	w.endRaw(&f)
	offs := w.offs[f.offs0:]
	w.offs = w.offs[:f.offs0]
	if f.n&1 != 0 {
		w.fail("map with a key and no value")
		return
	}
	if f.raw && !w.rawKeysDistinct(offs) {
		w.err = errWriterDup
		return
	}
	w.pairs = w.pairs[:0]
	for i := 0; i < len(offs); i += 2 {
		end := len(w.buf)
		if i+2 < len(offs) {
			end = offs[i+2]
		}
		w.pairs = append(w.pairs, wpair{k: offs[i], v: offs[i+1], end: end})
	}
	buf := w.buf
	slices.SortFunc(w.pairs, func(a, b wpair) int { return bytes.Compare(buf[a.k:a.v], buf[b.k:b.v]) })
	zeros := 0
	for i := range w.pairs {
		k := buf[w.pairs[i].k:w.pairs[i].v]
		if i > 0 && bytes.Equal(buf[w.pairs[i-1].k:w.pairs[i-1].v], k) {
			w.err = errWriterDup
			return
		}
		if len(k) == 3 && k[0] == 0xf9 && k[1]&0x7f == 0 && k[2] == 0 {
			zeros++ // 0.0 or -0.0, the same key (RFC 8949 §5.6.1)
		}
	}
	if zeros > 1 {
		w.err = errWriterDup
		return
	}
	if w.Deterministic && len(w.pairs) > 1 && !pairsInPlace(w.pairs) {
		if f.inKey || len(w.buf)-f.start <= shortContent {
			// a key (whose bytes the enclosing map compares) or a short
			// map: sorted now. Neither holds a pending head or a map left
			// for Bytes: their containers are keys or short too, and
			// those go in at once (head).
			w.tmp = w.tmp[:0]
			for _, p := range w.pairs {
				w.tmp = append(w.tmp, buf[p.k:p.end]...)
			}
			copy(w.buf[f.start:], w.tmp)
		} else {
			// Bytes lays the pairs out in order (layOut), once however
			// deeply such maps nest
			w.sorts = append(w.sorts, wsort{pos: f.start, end: len(w.buf), first: len(w.spans), n: len(w.pairs)})
			for _, p := range w.pairs {
				w.spans = append(w.spans, wspan{p.k, p.end})
			}
		}
	}
	w.head(&f, majMap, uint64(f.n/2))
}

// pairsInPlace reports whether the sorted pairs are already in the order
// they were written, so that nothing needs to move (a map written in
// order costs no copy).
func pairsInPlace(pairs []wpair) bool {
	for i := 1; i < len(pairs); i++ {
		if pairs[i].k < pairs[i-1].k {
			return false
		}
	}
	return true
}

// head puts the head of the ended frame f in place: at once inside a map
// key (whose encoding EndMap compares) or when the content is short (a
// small move; an append when empty), else by Bytes. So every pending head
// has content after it: its position lies inside its container, two heads
// share a position only when one container begins the other, and no
// pending head lies inside a container whose head goes in at once.
func (w *Writer) head(f *wframe, maj uint8, n uint64) {
	if f.inKey || len(w.buf)-f.start <= shortContent {
		w.insertHead(f.start, maj, n)
		return
	}
	h := whead{pos: f.start, seq: len(w.heads)}
	h.n = uint8(len(appendHead(h.b[:0], maj, n)))
	w.heads = append(w.heads, h)
}

func (w *Writer) insertHead(pos int, maj uint8, n uint64) {
	var hb [9]byte
	h := appendHead(hb[:0], maj, n)
	end := len(w.buf)
	w.buf = append(w.buf, h...)
	copy(w.buf[pos+len(h):], w.buf[pos:end])
	copy(w.buf[pos:], h)
}

// WriteEvent writes the item an event (or token) describes, so a decoder's
// output can be re-encoded: pieces of a string are gathered and written as
// one definite-length string, indefinite-length strings are joined,
// indefinite arrays and maps become definite, and floats take their
// shortest width. The result is the preferred serialization of the same
// data items (RFC 8949 §4.1). Raw events are ignored. Events no decoder
// produces are misuse (ErrWriter): a Simple event above 255, a string
// piece or end of the other kind (byte or text) than the string it
// continues, and any other item or an array's or map's end while a
// string is unfinished.
func (w *Writer) WriteEvent(ev *Event) {
	switch ev.Kind {
	case Uint:
		w.Uint(ev.Uint)
	case Nint:
		w.Negative(ev.Uint)
	case BytesChunk, TextChunk, Bytes, Text:
		k := Bytes + 2*((ev.Kind-Bytes)/2)
		last := ev.Kind == Bytes || ev.Kind == Text
		inIndef := len(w.indef) > 0
		cur := w.strKind // the kind of the string under way, if any
		if inIndef {
			cur = Bytes + 2*((w.indef[len(w.indef)-1]-BytesStart)/2)
		}
		if w.err == nil && cur != Invalid && cur != k {
			w.fail("string piece of another kind than its string")
			return
		}
		if !inIndef && w.strKind == Invalid && last {
			if k == Bytes {
				w.ByteString(ev.Value)
			} else {
				w.TextBytes(ev.Value)
			}
			return
		}
		if !inIndef {
			w.strKind = k
		}
		w.str = append(w.str, ev.Value...)
		if last && !inIndef {
			w.strKind = Invalid
			w.writeStr(k)
		}
	case BytesStart, TextStart:
		if w.err != nil {
			return
		}
		if w.strKind != Invalid || len(w.indef) > 0 {
			w.fail("string start inside an unfinished string")
			return
		}
		w.indef = append(w.indef, ev.Kind)
		w.str = w.str[:0]
	case BytesEnd, TextEnd:
		if len(w.indef) == 0 {
			w.fail("string end without start")
			return
		}
		if w.err == nil && ev.Kind-BytesEnd != w.indef[len(w.indef)-1]-BytesStart {
			w.fail("string end of another kind than its start")
			return
		}
		w.indef = w.indef[:len(w.indef)-1]
		w.writeStr(Bytes + 2*((ev.Kind-BytesEnd)/2))
	case ArrayStart:
		w.BeginArray()
	case ArrayEnd:
		w.EndArray()
	case MapStart:
		w.BeginMap()
	case MapEnd:
		w.EndMap()
	case TagStart:
		w.Tag(ev.Uint)
	case TagEnd:
	case Float:
		w.Float(ev.Float)
	case False:
		w.Bool(false)
	case True:
		w.Bool(true)
	case Null:
		w.Null()
	case Undefined:
		w.Undefined()
	case Simple:
		if ev.Uint > 255 {
			w.fail("simple value above 255")
			return
		}
		w.Simple(uint8(ev.Uint))
	}
}

// WriteToken is WriteEvent for a Decoder's token.
func (w *Writer) WriteToken(t Token) {
	ev := Event{Kind: t.Kind, Indefinite: t.Indefinite, Width: t.Width, Uint: t.Uint, Float: t.Float, Value: t.Value}
	w.WriteEvent(&ev)
}

func (w *Writer) writeStr(k Kind) {
	s := w.str
	if k == Bytes {
		w.ByteString(s)
	} else {
		w.TextBytes(s)
	}
	w.str = w.str[:0]
}
