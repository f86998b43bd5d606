package lejp

import (
	"bytes"
	"errors"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

// pieceStrings are strings to write whole and in pieces: ASCII, every
// escape, control characters, DEL, U+2028/2029 (which String copies),
// multi-byte runes, U+FFFD itself, and bytes that are not UTF-8 (alone,
// overlong, surrogates, past U+10FFFF, sequences cut short inside and at
// the end).
var pieceStrings = []string{
	"", "a", "plain ascii text", `quote" back\ slash/`, "\n\r\t\b\f",
	"\x00\x01\x1f\x20\x7f", "\u2028\u2029", "é€𝄞", "x\u00e9y\u20acz\U0001d11e!",
	"\ufffd", "\xff", "a\xffb", "\xc0\xaf", "\xe0\x80\x80", "\xe0\xa0",
	"\xe0\xa0A", "\xf0\x90\x80", "\xf0\x90\x80\x80", "\xed\xa0\x80",
	"\xf4\x90\x80\x80", "\xf5\x80", "€\xe2\x82", "\xe2\x82€",
	"x\xe2\x82\xac\xe2\x82y\xf0\x9f\x98\x80\x80\x80z", "\x80\x80\x80\x80",
	"\"\xe2\x80\xa8\\\xf0\x9f\x98", "é\n\xc3",
}

// randomPieceString is a string of up to n bytes drawn from bytes that
// matter to escaping and UTF-8.
func randomPieceString(r *rand.Rand, n int) string {
	const alphabet = "a\"\\\n\x00\x1f\x7f\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80\xff\xed\xa0\xe0\xc0\xf4\x90"
	b := make([]byte, r.IntN(n+1))
	for i := range b {
		b[i] = alphabet[r.IntN(len(alphabet))]
	}
	return string(b)
}

// wholeString writes s with String, as the second element of an array,
// and returns the Writer's output (all of it, or what is left after a
// refusal) and its error.
func wholeString(s string, allow bool) (string, error) {
	w := Writer{AllowInvalidUTF8: allow}
	w.BeginArray()
	w.Int(1)
	w.String(s)
	w.EndArray()
	b, err := w.Finish()
	return string(b), err
}

// piecesString is wholeString with s written in pieces cut at cuts
// (increasing), flushed into a buffer after every piece when flush is
// set, and as bytes when asBytes is set.
func piecesString(s string, cuts []int, allow, flush, asBytes bool) (string, error) {
	w := Writer{AllowInvalidUTF8: allow}
	var out bytes.Buffer
	w.BeginArray()
	w.Int(1)
	w.BeginString()
	prev := 0
	for _, c := range append(cuts, len(s)) {
		if asBytes {
			w.StringPieceBytes([]byte(s[prev:c]))
		} else {
			w.StringPiece(s[prev:c])
		}
		prev = c
		if flush {
			w.Flush(&out)
		}
	}
	w.EndString()
	w.EndArray()
	b, err := w.Finish()
	out.Write(b)
	return out.String(), err
}

// TestWriterPiecesEverySplit holds that a string written in pieces,
// cut at every place and every pair of places (inside UTF-8 sequences
// too), as strings or bytes, flushed or not, is byte for byte the output of
// String, or, for a string String refuses, the same error (same text,
// ErrInvalidUTF8) and, unflushed, the same output left; with
// AllowInvalidUTF8 each bad byte is the same \ufffd. Random strings of the
// bytes that matter extend the fixed set.
func TestWriterPiecesEverySplit(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	strs := append([]string(nil), pieceStrings...)
	for range 300 {
		strs = append(strs, randomPieceString(r, 12))
	}
	for _, s := range strs {
		for _, allow := range []bool{false, true} {
			want, wantErr := wholeString(s, allow)
			check := func(cuts []int, flush, asBytes bool) {
				got, err := piecesString(s, cuts, allow, flush, asBytes)
				switch {
				case wantErr == nil && (err != nil || got != want):
					t.Fatalf("%q allow=%v cuts %v flush=%v bytes=%v: got %s, %v; want %s",
						s, allow, cuts, flush, asBytes, got, err, want)
				case wantErr != nil && (err == nil || err.Error() != wantErr.Error() ||
					!errors.Is(err, ErrInvalidUTF8) || !errors.Is(err, ErrWriter)):
					t.Fatalf("%q allow=%v cuts %v: got error %v, want %v", s, allow, cuts, err, wantErr)
				case wantErr != nil && !flush && got != want:
					t.Fatalf("%q cuts %v: left %q after the refusal, want %q as String", s, cuts, got, want)
				}
			}
			for i := 0; i <= len(s); i++ {
				for _, flush := range []bool{false, true} {
					check([]int{i}, flush, i%2 == 0)
				}
				for j := i; j <= len(s) && len(s) <= 16; j++ {
					check([]int{i, j}, j%2 == 1, j%3 == 0)
				}
			}
			one := make([]int, 0, len(s)) // every byte its own piece
			for i := 1; i < len(s); i++ {
				one = append(one, i)
			}
			check(one, false, false)
			check(one, true, true)
		}
	}
	if !utf8.ValidString(pieceStrings[7]) || utf8.ValidString(pieceStrings[len(pieceStrings)-1]) {
		t.Fatal("pieceStrings lost the cases it was written for")
	}
}

// TestWriterPiecesPendingThenEnd holds the pending bytes' cases directly:
// an incomplete sequence at EndString is not UTF-8 (refused, or one
// \ufffd per byte), a piece too short to complete one stays pending, and
// pieces that complete one write it whole, and a replaced one leaves
// nothing pending for the next string.
func TestWriterPiecesPendingThenEnd(t *testing.T) {
	for _, c := range []struct {
		pieces []string
		allow  bool
		want   string
	}{
		{[]string{"\xf0", "\x9f", "\x98", "\x80"}, false, `"😀"`},
		{[]string{"\xf0\x9f", "", "\x98\x80!"}, false, `"😀!"`},
		{[]string{"a\xf0", "\x9f\x98"}, true, `"a\ufffd\ufffd\ufffd"`},
		{[]string{"a\xe2\x82"}, true, `"a\ufffd\ufffd"`},
		{[]string{"\xe2", "A"}, true, `"\ufffdA"`},
		{[]string{"\xe2\x82", "\x22"}, true, `"\ufffd\ufffd\""`},
	} {
		w := Writer{AllowInvalidUTF8: c.allow}
		w.BeginString()
		for _, p := range c.pieces {
			w.StringPiece(p)
		}
		w.EndString()
		if b, err := w.Finish(); string(b) != c.want || err != nil {
			t.Errorf("%q: got %s, %v; want %s", c.pieces, b, err, c.want)
		}
	}
	// An incomplete sequence replaced at EndString leaves nothing pending
	// for the next string.
	w := Writer{AllowInvalidUTF8: true}
	w.BeginArray()
	w.BeginString()
	w.StringPiece("a\xe2\x82")
	w.EndString()
	w.BeginString()
	w.StringPiece("bc")
	w.EndString()
	w.EndArray()
	if b, err := w.Finish(); string(b) != `["a\ufffd\ufffd","bc"]` || err != nil {
		t.Errorf("string after a replaced incomplete one: %s, %v", b, err)
	}
	w = Writer{}
	w.BeginString()
	w.StringPiece("ok\xe2\x82")
	if string(w.Bytes()) != `"ok` || w.Err() != nil {
		t.Errorf("pending bytes: Bytes %q, Err %v", w.Bytes(), w.Err())
	}
	w.EndString()
	if _, err := w.Finish(); !errors.Is(err, ErrInvalidUTF8) ||
		err.Error() != "lejp: writer: invalid UTF-8 (a string at output offset 0)" {
		t.Errorf("incomplete at EndString: %v", err)
	}
}

// wop is one Writer call of a generated or fuzzed sequence.
type wop struct {
	k byte
	s string
	i int64
}

const (
	opBeginObject = iota
	opEndObject
	opBeginArray
	opEndArray
	opName
	opString
	opInt
	opNull
	opBeginString
	opPiece
	opPieceBytes
	opEndString
	opFlush
	opFloat
	opRaw
	opAllowDup
	nOps
)

// applyOps makes the calls on w, flushing into out where asked when out is
// not nil, and returns the whole output (out's and what is left).
func applyOps(w *Writer, ops []wop, out *bytes.Buffer) ([]byte, error) {
	for _, op := range ops {
		switch op.k {
		case opBeginObject:
			w.BeginObject()
		case opEndObject:
			w.EndObject()
		case opBeginArray:
			w.BeginArray()
		case opEndArray:
			w.EndArray()
		case opName:
			w.Name(op.s)
		case opString:
			w.String(op.s)
		case opInt:
			w.Int(op.i)
		case opNull:
			w.Null()
		case opBeginString:
			w.BeginString()
		case opPiece:
			w.StringPiece(op.s)
		case opPieceBytes:
			w.StringPieceBytes([]byte(op.s))
		case opEndString:
			w.EndString()
		case opFlush:
			if out != nil {
				w.Flush(out)
			}
		case opFloat:
			w.Float(float64(op.i) / 8)
		case opRaw:
			w.Raw([]byte(op.s))
		case opAllowDup:
			w.AllowDuplicateNames = op.i != 0
		}
	}
	b, err := w.Finish()
	if out == nil {
		return b, err
	}
	out.Write(b)
	return out.Bytes(), err
}

// randomDocOps generates the calls of a valid document: nested objects
// (some of more than 32 names, some with AllowDuplicateNames and a
// duplicate), arrays, strings whole and in pieces, and a Flush after a
// random share of calls.
func randomDocOps(r *rand.Rand) []wop {
	var ops []wop
	flush := func() {
		if r.IntN(3) == 0 {
			ops = append(ops, wop{k: opFlush})
		}
	}
	var value func(depth int)
	value = func(depth int) {
		flush()
		switch k := r.IntN(10); {
		case k < 2 && depth < 6:
			dup := r.IntN(8) == 0
			ops = append(ops, wop{k: opAllowDup, i: map[bool]int64{true: 1}[dup]},
				wop{k: opBeginObject}, wop{k: opAllowDup})
			n := r.IntN(6)
			if r.IntN(6) == 0 {
				n = 30 + r.IntN(40)
			}
			for i := range n {
				name := "n" + strconv.Itoa(i) + randomPieceString(r, 3)
				if !utf8.ValidString(name) {
					name = strings.ToValidUTF8(name, "?")
				}
				if i > 0 && (dup || r.IntN(4) == 0) && r.IntN(2) == 0 {
					name = "dup" // only where duplicates are allowed
					if !dup {
						name = "n" + strconv.Itoa(i) + "\u00e9\n\""
					}
				}
				flush()
				ops = append(ops, wop{k: opName, s: name})
				value(depth + 1)
			}
			flush()
			ops = append(ops, wop{k: opEndObject})
		case k < 4 && depth < 6:
			ops = append(ops, wop{k: opBeginArray})
			for range r.IntN(6) {
				value(depth + 1)
			}
			flush()
			ops = append(ops, wop{k: opEndArray})
		case k < 6:
			s := strings.ToValidUTF8(randomPieceString(r, 40), "\ufffd")
			ops = append(ops, wop{k: opBeginString})
			for prev := 0; prev < len(s); {
				c := min(len(s), prev+r.IntN(8))
				ops = append(ops, wop{k: opPiece + byte(r.IntN(2)), s: s[prev:c]})
				flush()
				prev = c
			}
			ops = append(ops, wop{k: opEndString})
		case k < 7:
			ops = append(ops, wop{k: opString, s: strings.ToValidUTF8(randomPieceString(r, 10), "")})
		case k < 8:
			ops = append(ops, wop{k: opRaw, s: `{"a":[1,"\u00e9"]}`})
		case k < 9:
			ops = append(ops, wop{k: opFloat, i: r.Int64N(1000) - 500})
		default:
			ops = append(ops, wop{k: opInt, i: r.Int64()})
		}
	}
	value(0)
	flush()
	return ops
}

// TestWriterFlushRandomDocuments holds that random documents written
// with Flush after random calls come out, flushed pieces joined, byte for
// byte as the same calls without Flush, that neither reports an error and
// that a strict reader accepts the output.
func TestWriterFlushRandomDocuments(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	var w1, w2 Writer
	var out bytes.Buffer
	big := 0
	for i := range 2000 {
		ops := randomDocOps(r)
		w1.Reset(nil)
		w2.Reset(nil)
		out.Reset()
		want, err1 := applyOps(&w1, ops, nil)
		got, err2 := applyOps(&w2, ops, &out)
		if err1 != nil || err2 != nil || !bytes.Equal(got, want) {
			t.Fatalf("document %d: flushed %s, %v; unflushed %s, %v", i, got, err2, want, err1)
		}
		if err := Check(got, &Options{AllowDuplicateNames: hasDup(ops)}); err != nil {
			t.Fatalf("document %d: %s: %v", i, got, err)
		}
		if w2.names.work > 0 && len(want) > 1000 {
			big++
		}
	}
	if big < 20 {
		t.Errorf("only %d documents were large with names compared", big)
	}
}

// hasDup reports whether ops allow duplicate names anywhere.
func hasDup(ops []wop) bool {
	for _, op := range ops {
		if op.k == opAllowDup && op.i != 0 {
			return true
		}
	}
	return false
}

// opsFromBytes reads a call sequence from fuzz data: each byte picks a
// call, and the calls that take an argument take the next byte too.
func opsFromBytes(data []byte) []wop {
	names := []string{"a", "b", "a\u00e9", "\xff", "\ufffd", "a\"\n", ""}
	strs := []string{"x", "\xe2\x82", "\xac", "\xf0\x9f", "\x98\x80", "\\\"\x01", "é\u2028", "\xff"}
	raws := []string{`{"a":1}`, `[1,2]`, `{"a":1,"a":2}`, `"x"`, `1 2`}
	var ops []wop
	for i := 0; i < len(data); i++ {
		op := wop{k: data[i] % nOps}
		arg := byte(0)
		if i+1 < len(data) {
			arg = data[i+1]
		}
		switch op.k {
		case opName:
			if arg < 128 {
				op.s = names[int(arg)%len(names)]
			} else { // up to 48 names: objects of over 32
				op.s = "k" + strconv.Itoa(int(arg)%48)
			}
			i++
		case opString, opPiece, opPieceBytes:
			op.s = strs[int(arg)%len(strs)] + strings.Repeat("y", int(arg)/32)
			i++
		case opRaw:
			op.s = raws[int(arg)%len(raws)]
			i++
		case opInt, opFloat, opAllowDup:
			op.i = int64(arg) - 128
			if op.k == opAllowDup {
				op.i = int64(arg & 1)
			}
			i++
		}
		ops = append(ops, op)
	}
	return ops
}

// FuzzWriterFlushPieces runs a sequence of Writer calls, Flush and string
// pieces included, on a Writer that flushes and on one that ignores the
// Flushes: both end with the same error, or none, and then with the same
// output, which a strict Check accepts.
func FuzzWriterFlushPieces(f *testing.F) {
	f.Add([]byte{opBeginObject, opName, 1, opBeginString, opPiece, 1, opFlush, opPiece, 2, opEndString, opEndObject})
	f.Add([]byte{opBeginArray, opString, 0, opFlush, opBeginObject, opName, 200, opNull, opFlush, opName, 200})
	f.Add([]byte{opBeginString, opPiece, 3, opFlush, opPieceBytes, 4, opEndString})
	f.Add([]byte{opAllowDup, 1, opBeginObject, opName, 0, opInt, 1, opFlush, opName, 0, opNull, opEndObject})
	f.Add([]byte{opBeginArray, opBeginString, opInt, 1, opEndString})
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, allow := range []bool{false, true} {
			ops := opsFromBytes(data)
			w1 := Writer{AllowInvalidUTF8: allow}
			w2 := Writer{AllowInvalidUTF8: allow}
			var out bytes.Buffer
			want, err1 := applyOps(&w1, ops, nil)
			got, err2 := applyOps(&w2, ops, &out)
			if (err1 == nil) != (err2 == nil) || err1 != nil && err1.Error() != err2.Error() {
				t.Fatalf("errors differ: flushed %v, unflushed %v", err2, err1)
			}
			if err1 != nil {
				if !errors.Is(err2, ErrWriter) {
					t.Fatalf("error %v does not match ErrWriter", err2)
				}
				continue
			}
			if !bytes.Equal(got, want) {
				t.Fatalf("flushed %q, unflushed %q", got, want)
			}
			// A strict reader accepts it, but for the duplicates the
			// Writer was told to allow.
			opts := &Options{MaxDepth: 1 << 20, AllowDuplicateNames: hasDup(ops)}
			if err := Check(got, opts); err != nil {
				t.Fatalf("Check(%q): %v", got, err)
			}
		}
	})
}
