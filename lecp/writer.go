package lecp

import (
	"bytes"
	"encoding/binary"
	"errors"
	"hash/maphash"
	"math/bits"
	"math/rand/v2"
	"slices"
	"strings"
	"unicode/utf8"
)

// Writer builds one CBOR item (or a sequence) from calls that mirror the
// events: Uint, Text, BeginArray … EndArray, and so on. Unlike the Append
// functions it needs no counts up front: the head of an array or map is
// known when it ends, in preferred serialization. A byte is kept for it
// as it begins, the whole head of up to 23 items; the rest of a longer
// head is put in place by Bytes in one pass over the output (at once for
// short content), so deep nesting costs no pass over the content per
// level, in map keys too.
// EndMap rejects duplicate keys; with Deterministic the pairs are also
// sorted by the bytewise order of their encoded keys (RFC 8949 §4.2.1), so
// the output is core deterministic: by EndMap for a short map, by Bytes in
// the same single pass otherwise. EndMap compares keys in their final
// encoding, reading only as far as they agree; without Deterministic, a
// map of more than 8 keys whose encodings are already final (no key holds
// a head still to be placed, nor a RawItem the Writer would encode
// otherwise) is checked by a hash of its keys instead (seeded at random
// per Writer), in time linear in their length
// (or, should the probes run long after all, by sorting them). The zero
// value is ready to use.
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
	// Deterministic makes EndMap sort map pairs by their encoded keys,
	// and writes the byte string of a tag 2 or 3 as a bignum in preferred
	// serialization (see ByteString).
	Deterministic bool
	// AllowInvalidUTF8 writes text strings that are not UTF-8 as given,
	// as the parser's option of that name reads them, instead of refusing
	// them (ErrInvalidUTF8); RawItem's items too.
	AllowInvalidUTF8 bool
	// busy is err != nil || strKind != Invalid || len(indef) > 0 ||
	// pendTag > 0, so that free, on every item's path, tests one byte:
	// setErr and setBusy keep it after every change of those fields
	busy bool

	buf     []byte
	stack   []wframe
	offs    []int // start offsets of the items of open maps
	pendTag int   // tags written whose item has not started
	// tagRun: how many tags in a row that is (1(2(…)) is 2); tagEnds:
	// how many TagEnd events WriteEvent accepts now, those of the tags
	// whose item the last item or end completed
	tagRun, tagEnds int
	// the last tag written: its number and where its head starts in buf
	// (with pendTag, a Deterministic writer puts the byte string of a tag
	// 2 or 3 in a bignum's preferred serialization)
	tagNum  uint64
	tagAt   int
	str     []byte
	strKind Kind // Bytes or Text while pieces of a string are gathered
	indef   []Kind
	err     error
	pairs   []wpair
	keys    []wkey // sortPlain's (keys2: sortKeys's merges)
	// koffs are the offsets of the map EndMap ends when its keys are
	// plain (key i is buf[koffs[2i]:koffs[2i+1]]), for sortPlain and
	// hashDup, which read its keys there
	koffs []int
	keys2 []wkey
	tmp   []byte
	// recs are the arrays and maps begun and not known to be short, in
	// the order they began (so by position): those ended have their head
	// pending, and some maps of Deterministic their pairs to be laid out
	// sorted (sorts)
	recs  []wrec
	sorts []wsort
	spans []wspan // the pairs of those maps, each map's in sorted order
	// raws are the RawItems inside map keys whose encoding is not the
	// canonical one, also in recs (sort < 0): canon holds their canonical
	// encodings, which EndMap compares for equality in their place
	raws   []wraw
	canon  []byte
	walk   [2]wwalk
	pairs2 []wpair
	// RawItem's checker (for Deterministic and AllowInvalidUTF8 as rawDet
	// and rawLax say), and the Writer and Decoder that give a raw map
	// key's canonical encoding
	rawChk         *Checker
	rawDet, rawLax bool
	canonW         *Writer
	canonD         *Decoder

	// hashDup's table and its generation, and its hash's seeds
	// (maphash's and mixKey's words)
	slots          []wslot
	slotGen        uint32
	seed           maphash.Seed
	seedLo, seedHi uint64
	seedMix        uint64
	seeded         bool

	// work counts the bytes moved, copied, compared and hashed, for tests
	work int
}

// wslot is a slot of hashDup's table: a key's hash h and its index i
// among the map's keys, if gen is the table's generation (else the slot
// is empty).
type wslot struct {
	h      uint64
	i, gen uint32
}

// rawLimits are the limits of RawItem's checks: none but the rules, as the
// Writer's other calls have none.
var rawLimits = Options{MaxDepth: 1 << 30, MaxItems: 1<<64 - 1, MaxStringLen: -1, MaxKeyLen: maxInt, MaxKeyMemory: maxInt}

// wrec is an array or map whose content starts at buf[pos], after the
// byte begin kept for its head (buf[pos-1]). When it ends with 24 items
// or more and content longer than shortContent, the rest of its head
// b[:n] is left to go in at pos (by Bytes), and a map of Deterministic
// whose pairs were written out of key order has its content laid out as
// sorts[sort-1] says (sort > 0): so nothing is moved once per level of
// nesting, in map keys too. An array or map that ends short, with no
// wrec inside it (none of a raw key item, see raws), has its head put in
// at once and its wrec (the last) dropped; one whose head is a byte keeps
// a wrec with n = 0 only while wrecs follow it or its pairs are sorted
// (see head). The logical encoding, heads in and pairs sorted, is read
// by a wwalk: EndMap compares keys through it, Bytes lays out through it.
type wrec struct {
	pos  int
	sort int32 // below 2^31: each sorted map has more than 64 bytes; -1-i for raws[i]
	n    uint8
	b    [8]byte
}

// wraw is a RawItem inside a map key, buf[pos:end] (pos is its wrec's),
// whose canonical encoding canon[co:co+cn] differs from it.
type wraw struct{ end, co, cn int }

// wsort is a map of Deterministic whose pairs were written out of key order
// and whose content buf[pos:end] is long: it is laid out pair by pair in
// the order of spans[first:first+n].
type wsort struct{ end, first, n int }

// wspan is a pair's bytes buf[from:to] (key and value), as written, and
// ri the index of the first wrec at from or later.
type wspan struct{ from, to, ri int }

// shortContent is the content length up to which a head is inserted as
// its container ends: moving that much costs less than keeping the head
// for Bytes, and no more than that many bytes per container in all.
const shortContent = 64

type wframe struct {
	major uint8
	start int // offset of the content (the head is inserted here)
	n     int // items
	offs0 int
	tags  int   // the tags holding it (their TagEnds are due at its end)
	raw   bool  // a RawItem lies in the content
	inKey bool  // inside a map key
	rec   int32 // index of its wrec
}

// wpair is a pair of the map EndMap ends: its key buf[k:v] and value
// buf[v:end]; r is the index of the first wrec at k or later when one lies
// in the key, else -1 (the key's encoding is buf[k:v]).
type wpair struct{ k, v, end, r int }

// ErrWriter is the Writer's error for misuse: EndArray or EndMap without
// an open array or map of that kind, or right after a Tag (whose item is
// still due); a map ended with a key and no value; Bytes with an item
// unfinished (an array or map open, a tag without its item, a string of
// WriteEvent pieces or an indefinite-length string not ended); an item, a
// string start or an array's or map's end inside an unfinished string, or
// a string end without its start; a WriteEvent TagEnd other than right
// after a tag's item (see WriteEvent); a reserved simple value (24 to 31);
// RawItem bytes that are not one item Check accepts (also the
// SyntaxError); a duplicate map key (also ErrDuplicateKey); a text string
// that is not UTF-8 (also ErrInvalidUTF8; see Writer.AllowInvalidUTF8).
// The error's text is "lecp: writer misuse: " and what it was (as
// "lecp: writer misuse: duplicate map key"); errors.Is matches it to
// ErrWriter, and to the other sentinel named above, if any.
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
	errWriterDup  = &writerError{msg: "lecp: writer misuse: duplicate map key", cause: ErrDuplicateKey}
	errWriterUTF8 = &writerError{msg: "lecp: writer misuse: text string is not UTF-8", cause: ErrInvalidUTF8}
)

// textOK passes on valid, whether a text string is UTF-8 (or allowed not
// to be), setting the error when it is not.
func (w *Writer) textOK(valid bool) bool {
	if !valid && w.err == nil {
		w.setErr(errWriterUTF8)
	}
	return valid
}

func (w *Writer) fail(why string) {
	if w.err == nil {
		w.setErr(&writerError{msg: "lecp: writer misuse: " + why})
	}
}

// setErr sets the error, which stays until Reset (so w is busy).
func (w *Writer) setErr(err error) {
	w.err, w.busy = err, true
}

// setBusy sets busy after a change of strKind, indef or pendTag.
func (w *Writer) setBusy() {
	w.busy = w.err != nil || w.strKind != Invalid || len(w.indef) > 0 || w.pendTag > 0
}

// Reset empties w for a new item, keeping its buffers, Deterministic and
// AllowInvalidUTF8.
func (w *Writer) Reset() {
	w.buf, w.stack, w.offs, w.pendTag, w.str, w.indef, w.err = w.buf[:0], w.stack[:0], w.offs[:0], 0, w.str[:0], w.indef[:0], nil
	w.tagRun, w.tagEnds = 0, 0
	w.recs, w.sorts, w.spans, w.raws, w.canon = w.recs[:0], w.sorts[:0], w.spans[:0], w.raws[:0], w.canon[:0]
	w.strKind = Invalid
	w.setBusy()
}

// Err returns the first error.
func (w *Writer) Err() error { return w.err }

// Bytes returns the encoded item(s), or the first error, or ErrWriter when
// an item is unfinished: a container open, a tag without its item, a string
// of WriteEvent pieces or an indefinite-length string not ended. The slice
// is w's buffer until the next call.
//
// Bytes does not count items: what was written is returned, one item or a
// sequence of them (RFC 8742), and with nothing written (or after Reset)
// that is an empty result and no error, an empty sequence: nil from a
// Writer that has written nothing, an empty slice of the buffer it keeps
// after Reset. Check refuses
// both an empty input (ErrUnexpectedEOF) and more than one item
// (ErrTrailingData) unless Options.AllowSequence is set, so a caller that
// means to send one item and may have written none tests for an empty
// result (len(b) == 0, not b == nil).
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
// each sorted map in order, moving every byte once.
func (w *Writer) layOut() {
	total := len(w.buf)
	for i := range w.recs {
		total += int(w.recs[i].n)
	}
	out := slices.Grow(w.tmp[:0], total)
	k := &w.walk[0]
	w.walkStart(k, 0, len(w.buf), 0, false)
	for c := w.walkNext(k); c != nil; c = w.walkNext(k) {
		out = append(out, c...)
	}
	w.work += len(out)
	w.buf, w.tmp = out, w.buf[:0]
	w.recs, w.sorts, w.spans, w.raws, w.canon = w.recs[:0], w.sorts[:0], w.spans[:0], w.raws[:0], w.canon[:0]
}

// placeHeads inserts the pending heads into buf, moving every byte once.
func (w *Writer) placeHeads() {
	if len(w.recs) == 0 {
		return
	}
	total := 0
	for i := range w.recs {
		total += int(w.recs[i].n)
	}
	old := len(w.buf)
	w.buf = slices.Grow(w.buf, total)[:old+total]
	// fill from the end, so that nothing is overwritten before it moves;
	// at one position the inner head (begun later) first, so that it goes
	// in nearer its content
	end, dst := old, old+total
	for i := len(w.recs) - 1; i >= 0; i-- {
		h := &w.recs[i]
		seg := end - h.pos
		copy(w.buf[dst-seg:dst], w.buf[h.pos:end])
		dst -= seg
		copy(w.buf[dst-int(h.n):dst], h.b[:h.n])
		dst -= int(h.n)
		end = h.pos
	}
	w.work += old
	w.recs, w.raws, w.canon = w.recs[:0], w.raws[:0], w.canon[:0]
}

// wwalk reads the logical encoding of a range of buf: with the pending
// heads in and the pairs of sorted maps in order.
type wwalk struct {
	st []wstep
	// canon reads the canonical encodings of the RawItems in raws in
	// their place
	canon bool
}

// wstep is a range buf[x:b] left to read, whose next wrec is recs[ri],
// and then the pairs spans[pi:pn] of a sorted map (none but for the step
// of one), each read as such a range in turn.
type wstep struct {
	x, b, ri int
	pi, pn   int
}

// recAt is the index of the first wrec at position pos or later among
// recs[from:] (those before contain pos or lie before it).
func (w *Writer) recAt(pos, from int) int {
	lo, hi := from, len(w.recs)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if w.recs[m].pos < pos {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// walkStart sets k to read buf[a:b], whose next wrec is recs[ri].
func (w *Writer) walkStart(k *wwalk, a, b, ri int, canon bool) {
	k.st, k.canon = k.st[:0], canon
	s := grow1(&k.st)
	s.x, s.b, s.ri, s.pi, s.pn = a, b, ri, 0, 0
}

// walkNext returns the next piece of k's range (a head or bytes of buf),
// never empty, or nil at its end. Every wrec in the range has ended, and
// those at one position began outer first, so their heads go in that
// order; a sorted map's head is followed by its pairs in order, each read
// as a range whose wrecs start after the map's.
func (w *Writer) walkNext(k *wwalk) []byte {
	for len(k.st) > 0 {
		s := &k.st[len(k.st)-1]
		if s.x >= s.b {
			if s.pi == s.pn {
				k.st = k.st[:len(k.st)-1]
				continue
			}
			p := &w.spans[s.pi]
			s.pi++
			s.x, s.b, s.ri = p.from, p.to, p.ri
			continue
		}
		next := s.b
		if s.ri < len(w.recs) && w.recs[s.ri].pos < next {
			next = w.recs[s.ri].pos
		}
		if s.x < next {
			c := w.buf[s.x:next]
			s.x = next
			return c
		}
		ri := s.ri
		r := &w.recs[ri]
		if r.sort < 0 {
			s.ri++
			if k.canon {
				a := w.raws[-1-r.sort]
				s.x = a.end
				return w.canon[a.co : a.co+a.cn]
			}
			continue
		}
		if r.sort > 0 {
			// the map's pairs, in order, then the rest of s's range
			// (grown in place, not appended as a value: its fields
			// stored one by one and read back whole stalled store
			// forwarding)
			m := w.sorts[r.sort-1]
			s.x, s.ri = m.end, w.recAt(m.end, ri+1)
			t := grow1(&k.st)
			t.x, t.b, t.ri, t.pi, t.pn = 0, 0, 0, m.first, m.first+m.n
		} else {
			s.ri++
		}
		if r.n > 0 {
			return r.b[:r.n]
		}
	}
	return nil
}

// compareKeys compares the encodings of the keys of pairs a and b,
// reading a key with pending heads or sorted maps inside only as far as
// they agree.
func (w *Writer) compareKeys(a, b wpair, canon bool) int {
	if a.r < 0 && b.r < 0 {
		w.work += min(a.v-a.k, b.v-b.k)
		return bytes.Compare(w.buf[a.k:a.v], w.buf[b.k:b.v])
	}
	ka, kb := &w.walk[0], &w.walk[1]
	var ca, cb []byte
	if a.r < 0 {
		ca = w.buf[a.k:a.v]
		ka.st = ka.st[:0]
	} else {
		w.walkStart(ka, a.k, a.v, a.r, canon)
	}
	if b.r < 0 {
		cb = w.buf[b.k:b.v]
		kb.st = kb.st[:0]
	} else {
		w.walkStart(kb, b.k, b.v, b.r, canon)
	}
	for {
		if len(ca) == 0 {
			ca = w.walkNext(ka)
		}
		if len(cb) == 0 {
			cb = w.walkNext(kb)
		}
		switch {
		case len(ca) == 0 && len(cb) == 0:
			return 0
		case len(ca) == 0:
			return -1
		case len(cb) == 0:
			return 1
		}
		n := min(len(ca), len(cb))
		w.work += n
		if c := bytes.Compare(ca[:n], cb[:n]); c != 0 {
			return c
		}
		ca, cb = ca[n:], cb[n:]
	}
}

// item is called where an item starts. It sets tagEnds to the number of
// tags holding the item (begin and Tag take that over).
func (w *Writer) item() bool {
	if w.free() {
		w.next()
		return true
	}
	return w.itemSlow()
}

// free reports whether an item may start with nothing but next's
// bookkeeping: no error, no string under way and no tag pending.
func (w *Writer) free() bool {
	return !w.busy
}

// next counts an item that starts where free holds, noting its offset in
// a map.
func (w *Writer) next() {
	w.tagEnds = 0
	if n := len(w.stack); n > 0 {
		f := &w.stack[n-1]
		if f.major == majMap {
			w.offs = append(w.offs, len(w.buf))
		}
		f.n++
	}
}

// itemSlow is item where free does not hold.
func (w *Writer) itemSlow() bool {
	if w.err != nil {
		return false
	}
	if w.strKind != Invalid || len(w.indef) > 0 {
		w.fail("item inside an unfinished string")
		return false
	}
	// a tag is pending
	w.pendTag = 0
	w.setBusy()
	w.tagEnds, w.tagRun = w.tagRun, 0
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

// ByteString writes a byte string. With Deterministic, a byte string that
// is the content of tag 2 or 3 (a bignum, RFC 8949 §3.4.3) is written in
// the bignum's preferred serialization, which §4.2.1 requires: without
// its leading zero bytes, and as an integer (major type 0 or 1, the tag
// dropped) when one holds the value, so 2(h'0001') is written as 1 and
// 3(h'00') as -1.
func (w *Writer) ByteString(b []byte) {
	big := w.bignumNext()
	if w.item() {
		if big {
			w.appendBignum(b)
		} else {
			w.buf = AppendBytes(w.buf, b)
		}
	}
}

// bignumNext reports whether the next item is the content of a tag 2 or 3
// that Deterministic puts in preferred serialization when it is a byte
// string.
func (w *Writer) bignumNext() bool {
	return w.Deterministic && w.err == nil && w.pendTag > 0 && (w.tagNum == 2 || w.tagNum == 3)
}

// appendBignum writes the magnitude b of the bignum whose tag head ends
// buf in preferred serialization.
func (w *Writer) appendBignum(b []byte) {
	for len(b) > 0 && b[0] == 0 {
		b = b[1:]
	}
	if len(b) > 8 {
		w.buf = AppendBytes(w.buf, b)
		return
	}
	var v uint64
	for _, c := range b {
		v = v<<8 | uint64(c)
	}
	neg := w.tagNum == 3
	w.buf = w.buf[:w.tagAt]
	if neg {
		w.buf = AppendNegative(w.buf, v)
	} else {
		w.buf = AppendUint(w.buf, v)
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
	// the capacity cut, so that validUTF8 reads nothing past b
	if w.textOK(w.AllowInvalidUTF8 || validUTF8(b[:len(b):len(b)])) && w.item() {
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
		w.tagNum, w.tagAt = n, len(w.buf)
		w.buf = AppendTag(w.buf, n)
		w.pendTag = 1
		w.setBusy()
		w.tagRun, w.tagEnds = w.tagEnds+1, 0
	}
}

// RawItem writes one complete encoded item as it is (for example a
// protected header kept as received). It is checked first as Check checks
// with the default rules (well-formed, UTF-8 text unless AllowInvalidUTF8
// is set, unique map keys; no limits), and with Deterministic it must be
// in core deterministic encoding; bytes that do not pass are misuse
// (ErrWriter, also matching the SyntaxError) and nothing is written. With
// Deterministic, a byte string given as the content of tag 2 or 3 is
// written as ByteString writes it. As a map key it is compared with the
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
		w.setErr(&writerError{msg: "lecp: writer misuse: RawItem: " + strings.TrimPrefix(err.Error(), "lecp: "), cause: err})
		return
	}
	if b[0]>>5 == majBytes && w.bignumNext() {
		// a bignum's content: put in preferred serialization as
		// ByteString does (Check refused an indefinite length)
		hl := 1
		if ai := b[0] & 31; ai >= 24 {
			hl += 1 << (ai - 24)
		}
		w.ByteString(b[hl:])
		return
	}
	if w.item() {
		if n := len(w.stack); n > 0 {
			f := &w.stack[n-1]
			f.raw = true
			if f.inKey || f.major == majMap && f.n&1 == 1 {
				w.rawKey(b)
			}
		}
		w.buf = append(w.buf, b...)
	}
}

// rawKey notes the RawItem b, about to be written inside a map key, with
// its canonical encoding (preferred serialization and definite lengths, as
// the parser compares keys: RFC 8949 §5.6.1) when that differs from b, so
// that the maps whose keys hold it compare it as a data item: once, however
// many maps it lies in the keys of.
func (w *Writer) rawKey(b []byte) {
	if w.canonW == nil {
		o := rawLimits
		o.AllowInvalidUTF8 = true // RawItem checked it
		w.canonW, w.canonD = &Writer{AllowInvalidUTF8: true}, NewDecoderBytes(nil, &o)
	}
	cw, d := w.canonW, w.canonD
	cw.Reset()
	cw.work = 0
	d.ResetBytes(b)
	for {
		t, err := d.ReadToken()
		if err != nil {
			break
		}
		cw.WriteToken(t)
	}
	d.ResetBytes(nil) // keep nothing of b: the caller's buffer, often part of a larger one
	c, err := cw.Bytes()
	w.work += len(b) + cw.work
	if err != nil || bytes.Equal(c, b) {
		return // canonical already (an error cannot be: Check passed b)
	}
	w.recs = append(w.recs, wrec{pos: len(w.buf), sort: int32(-1 - len(w.raws))})
	w.raws = append(w.raws, wraw{end: len(w.buf) + len(b), co: len(w.canon), cn: len(c)})
	w.canon = append(w.canon, c...)
	w.work += len(c)
}

// BeginArray starts an array; its head is written by EndArray.
func (w *Writer) BeginArray() { w.begin(majArray) }

// BeginMap starts a map; write keys and values alternately, then EndMap.
func (w *Writer) BeginMap() { w.begin(majMap) }

func (w *Writer) begin(maj uint8) {
	if w.free() {
		w.next()
	} else if !w.itemSlow() {
		return
	}
	{
		inKey := false
		if n := len(w.stack); n > 0 {
			p := &w.stack[n-1]
			inKey = p.inKey || p.major == majMap && p.n&1 == 1
		}
		// the new wrec and wframe are set field by field in place: built
		// as values and appended, they were stored on the stack piece by
		// piece and copied in 16-byte loads, which stalled store
		// forwarding (a fifth of a canada.json replay)
		// a byte for the head, which a container of up to 23 items
		// fills in place as it ends
		w.buf = append(w.buf, 0)
		r := grow1(&w.recs)
		*r = wrec{pos: len(w.buf)}
		f := grow1(&w.stack)
		f.major, f.inKey, f.rec, f.raw = maj, inKey, int32(len(w.recs)-1), false
		f.start, f.n, f.offs0, f.tags = len(w.buf), 0, len(w.offs), w.tagEnds
		w.tagEnds = 0
	}
}

// grow1 lengthens *s by one element and returns it, for the caller to
// set in place.
func grow1[T any](s *[]T) *T {
	n := len(*s)
	if n == cap(*s) {
		*s = append(*s, *new(T))
	} else {
		*s = (*s)[:n+1]
	}
	return &(*s)[n]
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
	w.tagEnds = f.tags
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
	// a key's encoding is buf's bytes unless a head or sorted map is
	// pending inside it (a wrec lies in it): when no key holds one, the
	// keys are read straight from offs, key i at offs[2i:2i+2]
	inner, from := len(w.recs) > int(f.rec)+1, int(f.rec)+1
	plain := true
	if inner {
		for i, r := 0, from; i < len(offs); i += 2 {
			if r = w.recAt(offs[i], r); r < len(w.recs) && w.recs[r].pos < offs[i+1] {
				plain = false
				break
			}
		}
	}
	var byKeys, inPlace, ok bool
	if plain && uint64(len(offs)/2) <= maxKeyPairs {
		// every key's encoding is its bytes in buf (so a RawItem in a
		// key is canonical too): sorted by their first 8 bytes, into
		// keys (the pairs stay as they are), or without Deterministic
		// for more than hashPairs keys hashed (hashDup)
		w.koffs = offs
		switch {
		case w.Deterministic || len(offs) <= 2*hashPairs:
			ok, inPlace = w.sortPlain()
			byKeys = true
		default:
			switch zeros := w.hashDup(); {
			case zeros == hashDupFound || zeros > 1:
				w.setErr(errWriterDup)
			case zeros == hashDupLong:
				ok, _ = w.sortPlain() // the probes ran long
			default:
				ok = true
			}
		}
	} else {
		w.pairs = w.pairs[:0]
		for i := 0; i < len(offs); i += 2 {
			end := len(w.buf)
			if i+2 < len(offs) {
				end = offs[i+2]
			}
			p := grow1(&w.pairs)
			p.k, p.v, p.end, p.r = offs[i], offs[i+1], end, -1
			if r := w.recAt(p.k, from); r < len(w.recs) && w.recs[r].pos < p.v {
				p.r = r
			}
		}
		if ok = w.sortPairs(&f); ok && w.Deterministic {
			inPlace = pairsInPlace(w.pairs)
		}
	}
	if !ok {
		return
	}
	if w.Deterministic && !inPlace {
		w.sortedMap(&f, inner, from, byKeys)
	}
	w.head(&f, majMap, uint64(f.n/2))
	w.tagEnds = f.tags
}

// sortPairs checks the keys of the pairs of the map f ends, some of which
// are not plain (a wrec lies in them), for duplicates and with
// Deterministic sorts the pairs, reading keys with compareKeys (through
// pending heads and sorted maps, and a RawItem's canonical encoding). It
// reports false, with the error set, on a duplicate.
func (w *Writer) sortPairs(f *wframe) bool {
	cmp := func(a, b wpair) int { return w.compareKeys(a, b, false) }
	// a RawItem in a key may be another encoding of a key already there
	// (a longer head, a wider float, an indefinite length): the keys are
	// then told apart by their canonical encodings, in which the raw
	// items' are read
	canon := f.raw && len(w.raws) > 0
	dups := w.pairs
	if canon {
		w.pairs2 = append(w.pairs2[:0], w.pairs...)
		dups = w.pairs2
		slices.SortFunc(dups, func(a, b wpair) int { return w.compareKeys(a, b, true) })
	}
	if !canon || w.Deterministic {
		slices.SortFunc(w.pairs, cmp)
	}
	zeros := 0
	for i := range dups {
		if i > 0 && w.compareKeys(dups[i-1], dups[i], canon) == 0 {
			w.setErr(errWriterDup)
			return false
		}
		if w.keyZero(dups[i]) {
			zeros++ // 0.0 or -0.0, the same key (RFC 8949 §5.6.1)
		}
	}
	if zeros > 1 {
		w.setErr(errWriterDup)
		return false
	}
	return true
}

// sortedMap puts the pairs of the map f ends in their sorted order, that
// of keys (byKeys: the pairs are then read from koffs) or of pairs: at
// once for a short map, else by Bytes.
func (w *Writer) sortedMap(f *wframe, inner bool, from int, byKeys bool) {
	buf := w.buf
	n := len(w.pairs)
	if byKeys {
		n = len(w.keys)
	}
	short := len(w.buf)-f.start <= shortContent && len(w.recs) == int(f.rec)+1
	if short {
		w.tmp = w.tmp[:0]
	} else {
		// Bytes lays the pairs out in order (layOut), once however
		// deeply such maps nest, in keys too (the enclosing maps compare
		// keys in that order: compareKeys)
		w.sorts = append(w.sorts, wsort{end: len(w.buf), first: len(w.spans), n: n})
		w.recs[f.rec].sort = int32(len(w.sorts))
	}
	for j := range n {
		var k, end int
		if byKeys {
			k, end = w.pairSpan(int(w.keys[j].i))
		} else {
			p := &w.pairs[j]
			k, end = p.k, p.end
		}
		if short {
			w.tmp = append(w.tmp, buf[k:end]...)
			continue
		}
		ri := from
		if inner {
			ri = w.recAt(k, from)
		}
		sp := grow1(&w.spans)
		sp.from, sp.to, sp.ri = k, end, ri
	}
	if short {
		// a short map: sorted now. It holds no pending head, map or raw
		// key item: its containers are short too, and those go in at
		// once (head).
		copy(w.buf[f.start:], w.tmp)
		w.work += 2 * len(w.tmp)
	}
}

// pairSpan returns where pair i of the map EndMap ends, of plain keys,
// starts and ends in buf (its key at koffs[2i], the next key or buf's end
// after its value).
func (w *Writer) pairSpan(i int) (k, end int) {
	k, end = w.koffs[2*i], len(w.buf)
	if 2*i+2 < len(w.koffs) {
		end = w.koffs[2*i+2]
	}
	return k, end
}

// hashPairs is the pair count above which EndMap finds a duplicate key
// of a map with plain keys by hashing them (hashDup) instead of sorting.
const hashPairs = 8

// hashDup's results besides the count of 0.0 and -0.0 keys
const (
	hashDupFound = -1 // a duplicate key
	hashDupLong  = -2 // the probes ran long: sort instead
)

// hashDup reports whether two keys of the map EndMap ends, all plain (key
// i is buf[koffs[2i]:koffs[2i+1]]), have the same encoding (hashDupFound),
// with an open-addressing table of the keys' hashes (mixKey's of their
// words, or maphash's for a key over 16 bytes; seeded at random per
// Writer, so no input makes the probes long but by chance) and linear
// probing, at most half full; if not, it returns how many keys are
// the float 0.0 or -0.0 (equal keys of other encodings). Should the probes
// pass four per key after all, it gives up (hashDupLong), leaving EndMap
// to sort: the work is linear in the keys' length, or their sort. A slot
// is taken only if its gen is the table's current generation, which each
// call advances: no map clears the slots of the one before.
func (w *Writer) hashDup() int {
	w.seedKeys()
	offs, buf := w.koffs, w.buf
	lg := bits.Len(uint(len(offs))) // slots: between 2 and 4 per key
	size := 1 << lg
	if cap(w.slots) < size {
		w.slots = make([]wslot, size) // gen 0: empty
	}
	if w.slotGen++; w.slotGen == 0 {
		// 2^32 maps on, the generations start again from empty
		clear(w.slots[:cap(w.slots)])
		w.slotGen = 1
	}
	slots, gen := w.slots[:size], w.slotGen
	mask, shift := size-1, uint(64-lg)
	probes, zeros := 2*len(offs), 0 // four per key
	// The loop makes no calls, so its values stay in registers: a key
	// of more than 16 bytes (maphash.Bytes) and a slot of the same hash
	// (bytes.Equal) are taken after it, from where it goes on with key
	// i+2 (goto keys).
	var h uint64
	var j int
	i := 0
keys:
	for ; i+1 < len(offs); i += 2 {
		key := buf[offs[i]:offs[i+1]]
		w.work += len(key)
		if len(key) > 16 {
			goto long
		}
		var lo, hi uint64
		if cap(key) >= 16 {
			lo, hi = keyWordsRoomy(key)
		} else {
			lo, hi = keyWordsTight(key)
		}
		// 0.0 or -0.0, the same key (RFC 8949 §5.6.1): f9 0000 or
		// f9 8000 (no other key is these bytes zero-padded: a key is
		// one item, and no item's encoding is a prefix of another's)
		if lo&^0x8000 == 0xf9 {
			zeros++
		}
		h = w.mixKey(lo, hi)
		// the hash's top bits pick the slot: they depend on every bit
		// of the key's words, where the low bits of a product do not
		j = int(h >> shift)
		for ; slots[j].gen == gen; j = (j + 1) & mask {
			if probes--; probes < 0 {
				return hashDupLong
			}
			if slots[j].h == h {
				goto same
			}
		}
		slots[j] = wslot{h: h, i: uint32(i / 2), gen: gen}
	}
	return zeros
long:
	h = maphash.Bytes(w.seed, buf[offs[i]:offs[i+1]])
	j = int(h >> shift)
probe:
	// key i, hashed (h), from slot j on
	for ; slots[j].gen == gen; j = (j + 1) & mask {
		if probes--; probes < 0 {
			return hashDupLong
		}
		if slots[j].h == h {
			goto same
		}
	}
	slots[j] = wslot{h: h, i: uint32(i / 2), gen: gen}
	i += 2
	goto keys
same:
	// slot j (its probe counted) holds key i's hash: the same key?
	{
		q, key := 2*int(slots[j].i), buf[offs[i]:offs[i+1]]
		w.work += len(key)
		if bytes.Equal(buf[offs[q]:offs[q+1]], key) {
			return hashDupFound
		}
	}
	j = (j + 1) & mask
	goto probe
}

// seedKeys seeds hashDup's hash, once per Writer.
func (w *Writer) seedKeys() {
	if !w.seeded {
		w.seed, w.seeded = maphash.MakeSeed(), true
		w.seedLo, w.seedHi = rand.Uint64(), rand.Uint64()|1
		w.seedMix = rand.Uint64() | 1
	}
}

// mixKey is the hash of a key of at most 16 bytes, zero-padded to the
// words lo and hi: the halves of (lo^seedLo)·(hi^seedHi), xored, whose
// top bits (hashDup's slot) depend on every bit of both words. (A key's
// length needs no mixing in: its words tell it, as no item's encoding
// is a prefix of another's. The slot was once the low bits of such a
// hash, which kept too much of the pattern of keys that differ in a few
// bytes: for one seed in forty the probes ran past hashDup's cap.)
func (w *Writer) mixKey(lo, hi uint64) uint64 {
	a, b := bits.Mul64(lo^w.seedLo, hi^w.seedHi)
	return (a ^ b) * w.seedMix
}

// keyWordsRoomy returns the bytes of kb (at most 16, in a capacity of 16
// or more) as two little-endian words, zero-padded: two words read, the
// bytes past kb's end masked off.
func keyWordsRoomy(kb []byte) (lo, hi uint64) {
	n := uint(len(kb))
	kb = kb[:16]
	lo, hi = binary.LittleEndian.Uint64(kb), binary.LittleEndian.Uint64(kb[8:])
	if n < 8 {
		return lo & (1<<(8*n) - 1), 0
	}
	return lo, hi & (1<<(8*(n-8)) - 1)
}

// keyWordsTight is keyWordsRoomy for a key near the end of buf's
// capacity, read byte by byte.
func keyWordsTight(kb []byte) (lo, hi uint64) {
	for i, c := range kb {
		if i < 8 {
			lo |= uint64(c) << (8 * i)
		} else {
			hi |= uint64(c) << (8 * (i - 8))
		}
	}
	return lo, hi
}

// keyZero reports whether the key of pair p is the float 0.0 or -0.0 (in
// its canonical encoding, for a RawItem).
func (w *Writer) keyZero(p wpair) bool {
	k := w.buf[p.k:p.v] // 3 bytes only with nothing pending
	if p.r >= 0 {
		r := w.recs[p.r]
		if r.pos != p.k || r.sort >= 0 || w.raws[-1-r.sort].end != p.v {
			return false
		}
		a := w.raws[-1-r.sort]
		k = w.canon[a.co : a.co+a.cn]
	}
	return len(k) == 3 && k[0] == 0xf9 && k[1]&0x7f == 0 && k[2] == 0
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

// head puts the head of the ended frame f in place. Its first byte goes
// in the byte begin kept for it, which is the whole head of a container
// of up to 23 items: nothing moves. The rest of a longer head is inserted
// at once when the content is short (a small move) and holds no wrec
// (that of a raw key item in raws keeps its containers pending), else by
// Bytes, in map keys too (whose logical encodings EndMap compares). So
// every pending head has content after it: its position lies inside its
// container, two heads share a position only when one container begins
// the other, and no pending head lies inside a container whose head is
// inserted at once (whose wrec, the last, is dropped). A container whose
// head is in place drops its wrec too when it is the last, else keeps it
// with no head (n = 0) for the order of the wrecs after it and, for a
// sorted map, its pairs.
func (w *Writer) head(f *wframe, maj uint8, n uint64) {
	last := len(w.recs) == int(f.rec)+1
	if n < 24 {
		w.buf[f.start-1] = maj<<5 | byte(n)
		if last && w.recs[f.rec].sort == 0 {
			w.recs = w.recs[:f.rec]
		}
		return
	}
	var hb [9]byte
	h := appendHead(hb[:0], maj, n)
	w.buf[f.start-1] = h[0]
	if len(w.buf)-f.start <= shortContent && last {
		w.recs = w.recs[:f.rec]
		w.insertAt(f.start, h[1:])
		return
	}
	r := &w.recs[f.rec]
	r.n = uint8(copy(r.b[:], h[1:]))
}

// insertAt inserts h into buf at pos, moving the bytes after it.
func (w *Writer) insertAt(pos int, h []byte) {
	end := len(w.buf)
	w.buf = append(w.buf, h...)
	w.work += end - pos
	copy(w.buf[pos+len(h):], w.buf[pos:end])
	copy(w.buf[pos:], h)
}

// WriteEvent writes the item an event (or token) describes, so a decoder's
// output can be re-encoded: pieces of a string are gathered and written as
// one definite-length string, indefinite-length strings are joined,
// indefinite arrays and maps become definite, and floats take their
// shortest width. The result is the preferred serialization of the same
// data items (RFC 8949 §4.1), except that a bignum's byte string (tag 2
// or 3, §3.4.3) is kept as given unless Deterministic is set (see
// ByteString). Raw events are ignored. A TagEnd is checked and writes
// nothing (the tag ended with its item); TagEnds may be left out, as the
// Writer's Tag needs none. Events no decoder produces are misuse
// (ErrWriter): a nil Event, one of Kind Invalid (a zero Event or Token) or
// of no Kind this package defines, a Simple event above 255, a string piece
// or end of the other kind (byte or text) than the string it continues,
// any other item or an array's or map's end while a string is unfinished,
// and a TagEnd anywhere but right after the item of a tag (after the
// TagEnds of the tags inside it, if any; a Raw event may come between),
// such as one before the tag's item, inside it or after a later item.
func (w *Writer) WriteEvent(ev *Event) {
	if ev == nil {
		w.fail("nil event")
		return
	}
	w.write(ev.Kind, ev.Uint, ev.Float, ev.Value)
}

// WriteToken is WriteEvent for a Decoder's token.
func (w *Writer) WriteToken(t Token) {
	// not through an Event: building one on the stack from t's fields
	// and reading it back stalled store forwarding, ~20 % of a replay
	w.write(t.Kind, t.Uint, t.Float, t.Value)
}

// write writes the item an event or token of kind kind describes, with
// its fields Uint (u), Float (f) and Value (v): WriteEvent's body.
func (w *Writer) write(kind Kind, u uint64, f float64, v []byte) {
	if w.free() {
		// the common items, written here as their calls write them
		// where item has nothing to do but next
		switch kind {
		case Text:
			// the capacity cut, so that validUTF8 reads nothing past v
			if !w.AllowInvalidUTF8 && !validUTF8(v[:len(v):len(v)]) {
				w.setErr(errWriterUTF8)
				return
			}
			w.next()
			w.buf = AppendTextBytes(w.buf, v)
			return
		case Uint:
			w.next()
			w.buf = AppendUint(w.buf, u)
			return
		case Nint:
			w.next()
			w.buf = AppendNegative(w.buf, u)
			return
		case Float:
			w.next()
			w.buf = AppendFloat(w.buf, f)
			return
		case Bytes:
			w.next()
			w.buf = AppendBytes(w.buf, v)
			return
		case False, True:
			w.next()
			w.buf = AppendBool(w.buf, kind == True)
			return
		case Null:
			w.next()
			w.buf = AppendNull(w.buf)
			return
		}
	}
	if kind != TagEnd && kind != Raw {
		w.tagEnds = 0 // set again by the item or end this event completes
	}
	switch kind {
	case ArrayStart:
		w.BeginArray()
	case ArrayEnd:
		w.EndArray()
	case MapStart:
		w.BeginMap()
	case MapEnd:
		w.EndMap()
	default:
		w.writeSlow(kind, u, f, v)
	}
}

// writeSlow is write for the events its two switches leave: out of line,
// so that write keeps nothing across the calls made here.
//
//go:noinline
func (w *Writer) writeSlow(kind Kind, u uint64, f float64, v []byte) {
	switch kind {
	case Uint:
		w.Uint(u)
	case Nint:
		w.Negative(u)
	case BytesChunk, TextChunk, Bytes, Text:
		k := Bytes + 2*((kind-Bytes)/2)
		last := kind == Bytes || kind == Text
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
				w.ByteString(v)
			} else {
				w.TextBytes(v)
			}
			return
		}
		if !inIndef {
			w.strKind = k
			w.setBusy()
		}
		w.str = append(w.str, v...)
		if last && !inIndef {
			w.strKind = Invalid
			w.setBusy()
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
		w.indef = append(w.indef, kind)
		w.setBusy()
		w.str = w.str[:0]
	case BytesEnd, TextEnd:
		if len(w.indef) == 0 {
			w.fail("string end without start")
			return
		}
		if w.err == nil && kind-BytesEnd != w.indef[len(w.indef)-1]-BytesStart {
			w.fail("string end of another kind than its start")
			return
		}
		w.indef = w.indef[:len(w.indef)-1]
		w.setBusy()
		w.writeStr(Bytes + 2*((kind-BytesEnd)/2))
	case TagStart:
		w.Tag(u)
	case TagEnd:
		if w.err != nil {
			return
		}
		if w.tagEnds == 0 {
			w.fail("TagEnd not right after the item of a tag")
			return
		}
		w.tagEnds--
	case Float:
		w.Float(f)
	case False:
		w.Bool(false)
	case True:
		w.Bool(true)
	case Null:
		w.Null()
	case Undefined:
		w.Undefined()
	case Simple:
		if u > 255 {
			w.fail("simple value above 255")
			return
		}
		w.Simple(uint8(u))
	case Raw:
		// a captured item's bytes, after its own events: nothing to write
	default:
		w.fail("event of kind " + kind.String())
	}
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
