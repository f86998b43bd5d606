package lecp

// Deterministic and bignums (RFC 8949 §3.4.3 with §4.2.1), and the sentinels
// of deterministic refusals.

import (
	"bytes"
	"errors"
	"io"
	"os"
	"strings"
	"testing"
)

// everyReader returns the error of every reader over b: those of apis, the
// Parser fed one byte at a time, and a Writer's RawItem (Deterministic as
// opts says).
func everyReader(b []byte, opts *Options) map[string]error {
	errs := map[string]error{}
	for i, f := range apis(b, opts) {
		err := f()
		if err == io.EOF { // the end of ReadToken's loop
			err = nil
		}
		errs[string(rune('A'+i))] = err
	}
	p, _ := NewParser(HandlerFunc(func(*Parser, *Event) error { return nil }), opts)
	errs["Parser split"] = writeSplit(p, b, func(int) int { return 1 })
	w := Writer{Deterministic: opts.Deterministic}
	w.RawItem(b)
	errs["Writer.RawItem"] = w.Err()
	return errs
}

// TestDeterministicBignumNotPreferredRefused: with Deterministic, a bignum
// (tag 2 or 3 around a definite byte string) not in its preferred
// serialization (§3.4.3: no leading zero byte, and a major type 0 or 1
// integer where one holds the value) is ErrNotDeterministic in every reader,
// as a map key and nested too; without Deterministic it is accepted, and
// bignums in preferred serialization pass.
func TestDeterministicBignumNotPreferredRefused(t *testing.T) {
	det := &Options{Deterministic: true}
	bad := []string{
		"c24101", "c340", "c240", "c2420001", "c3420001", "c24100",
		"c248ffffffffffffffff", "c348ffffffffffffffff", "c24800ffffffffffffff",
		"c249000100000000000000", "c34a00000000000000000001",
		"82 01 c24101", "a1 c24101 00", "a1 00 c2420001", "d820 c24101", "c2 c24101",
		"c2 58 09 010000000000000000", // long head: refused either way
	}
	for _, h := range bad {
		b := fromHex(h)
		if err := Check(b, nil); err != nil {
			t.Fatalf("%s: Check without Deterministic: %v", h, err)
		}
		for api, err := range everyReader(b, det) {
			if !errors.Is(err, ErrNotDeterministic) {
				t.Errorf("%s: %s: %v, want ErrNotDeterministic", h, api, err)
			}
		}
	}
	good := []string{
		"c249010000000000000000", "c349010000000000000000", "c349ffffffffffffffffff",
		"c2 01", "c3 80", "c2 60", "c4 82 20 c249010000000000000000",
		"a2 c249010000000000000000 00 c349010000000000000000 00",
	}
	for _, h := range good {
		for api, err := range everyReader(fromHex(h), det) {
			if err != nil {
				t.Errorf("%s: %s: %v", h, api, err)
			}
		}
	}
}

// TestDeterministicBignumErrorOffset: the refusal names the byte string's
// head (offset 3, after the tag), the same in Check and the Parser fed one byte at a time.
func TestDeterministicBignumErrorOffset(t *testing.T) {
	b := fromHex("82 00 c2420001")
	err := Check(b, &Options{Deterministic: true})
	var se *SyntaxError
	if !errors.As(err, &se) || se.Offset != 3 || se.Path != "[1]" {
		t.Fatalf("Check: %v", err)
	}
	p, _ := NewParser(HandlerFunc(func(*Parser, *Event) error { return nil }), &Options{Deterministic: true})
	if perr := writeSplit(p, b, func(int) int { return 1 }); errText(perr) != errText(err) {
		t.Fatalf("Parser split: %v; Check: %v", perr, err)
	}
}

// TestDeterministicIndefiniteIsBothSentinels: with Deterministic, a
// well-formed indefinite-length item matches ErrNotDeterministic as well as
// ErrIndefinite in every reader; additional information 31 on an integer or
// tag (malformed) matches ErrIndefinite only.
func TestDeterministicIndefiniteIsBothSentinels(t *testing.T) {
	det := &Options{Deterministic: true}
	for _, h := range []string{"9fff", "bfff", "5fff", "7fff", "5f4101ff", "81 9f01ff", "a1 00 7f6161ff"} {
		for api, err := range everyReader(fromHex(h), det) {
			if !errors.Is(err, ErrIndefinite) || !errors.Is(err, ErrNotDeterministic) {
				t.Errorf("%s: %s: %v, want ErrIndefinite and ErrNotDeterministic", h, api, err)
			}
		}
	}
	for _, h := range []string{"1f", "3f", "df01", "81 1f"} {
		for api, err := range everyReader(fromHex(h), det) {
			if !errors.Is(err, ErrIndefinite) || errors.Is(err, ErrNotDeterministic) {
				t.Errorf("%s: %s: %v, want ErrIndefinite only", h, api, err)
			}
		}
	}
}

// TestWriterDeterministicBignumPreferred: a Deterministic Writer writes a
// tag 2 or 3 around a byte string in the bignum's preferred serialization
// (leading zero bytes dropped, an integer where major type 0 or 1 holds
// it), which Check with Deterministic accepts; without Deterministic it
// writes what it is given.
func TestWriterDeterministicBignumPreferred(t *testing.T) {
	for _, c := range []struct {
		tag       uint64
		content   string
		want      string // with Deterministic
		wantPlain string
	}{
		{2, "01", "01", "c24101"},
		{2, "0001", "01", "c2420001"},
		{2, "", "00", "c240"},
		{3, "", "20", "c340"},
		{3, "00", "20", "c34100"},
		{3, "0100", "390100", "c3420100"},
		{2, "ffffffffffffffff", "1bffffffffffffffff", "c248ffffffffffffffff"},
		{3, "00ffffffffffffffff", "3bffffffffffffffff", "c34900ffffffffffffffff"},
		{2, "00010000000000000000", "c249010000000000000000", "c24a00010000000000000000"},
		{3, "010000000000000000", "c349010000000000000000", "c349010000000000000000"},
	} {
		for _, det := range []bool{true, false} {
			w := Writer{Deterministic: det}
			w.BeginArray()
			w.Tag(c.tag)
			w.ByteString(fromHex(c.content))
			w.EndArray()
			got, err := w.Bytes()
			want := "81" + c.want
			if !det {
				want = "81" + c.wantPlain
			}
			if err != nil || !bytes.Equal(got, fromHex(want)) {
				t.Errorf("%d(h'%s') det=%v: %x, %v; want %s", c.tag, c.content, det, got, err, want)
			}
			if det {
				if err := Check(got, &Options{Deterministic: true}); err != nil {
					t.Errorf("%x: %v", got, err)
				}
			}
		}
	}
	// through WriteEvent, as a map key, and behind another tag
	var w Writer
	w.Deterministic = true
	w.BeginMap()
	w.Tag(2)
	w.WriteEvent(&Event{Kind: BytesStart, Indefinite: true})
	w.WriteEvent(&Event{Kind: BytesChunk, Value: []byte{0}})
	w.WriteEvent(&Event{Kind: BytesChunk, Value: []byte{5}})
	w.WriteEvent(&Event{Kind: BytesEnd})
	w.Uint(1)
	w.Uint(4)
	w.Uint(2)
	w.Tag(100)
	w.Tag(3)
	w.ByteString([]byte{0, 0, 7})
	w.Uint(3)
	w.EndMap()
	got, err := w.Bytes()
	if want := fromHex("a3 04 02 05 01 d864 27 03"); err != nil || !bytes.Equal(got, want) {
		t.Fatalf("map: %x, %v; want %x", got, err, want)
	}
	// through RawItem
	w.Reset()
	w.BeginArray()
	w.Tag(2)
	w.RawItem(fromHex("420001"))
	w.Tag(3)
	w.RawItem(fromHex("4a00010000000000000000"))
	w.EndArray()
	got, err = w.Bytes()
	if want := fromHex("82 01 c349010000000000000000"); err != nil || !bytes.Equal(got, want) {
		t.Fatalf("RawItem: %x, %v; want %x", got, err, want)
	}
	// a duplicate key once normalized
	w.Reset()
	w.BeginMap()
	w.Uint(1)
	w.Null()
	w.Tag(2)
	w.ByteString([]byte{0, 1})
	w.Null()
	w.EndMap()
	if _, err := w.Bytes(); !errors.Is(err, ErrDuplicateKey) {
		t.Fatalf("duplicate key 1 and 2(h'0001'): %v", err)
	}
}

// TestFromJSONBignumsDeterministic: FromJSON's integers beyond 64 bits are
// bignums in preferred serialization, and those that fit are integers, so
// Check with Deterministic accepts what FromJSON(deterministic) writes.
func TestFromJSONBignumsDeterministic(t *testing.T) {
	for in, want := range map[string]string{
		"18446744073709551615":        "1bffffffffffffffff",
		"18446744073709551616":        "c249010000000000000000",
		"-18446744073709551616":       "3bffffffffffffffff",
		"-18446744073709551617":       "c349010000000000000000",
		"[1, -100000000000000000000]": "82 01 c349056bc75e2d630fffff",
	} {
		got, err := FromJSON(nil, strings.NewReader(in), true)
		if err != nil || !bytes.Equal(got, fromHex(want)) {
			t.Errorf("%s: %x, %v; want %s", in, got, err, want)
			continue
		}
		if err := Check(got, &Options{Deterministic: true}); err != nil {
			t.Errorf("%s: %x: %v", in, got, err)
		}
	}
}

// bignumPreferred returns v with every tag 2 or 3 around a byte string in
// the bignum's preferred serialization (RFC 8949 §3.4.3), as a
// Deterministic Writer writes it: leading zero bytes dropped, and an
// integer where one holds the value.
func bignumPreferred(v tv) tv {
	if v.kind == TagStart && (v.u == 2 || v.u == 3) && v.elem[0].kind == Bytes {
		b := bytes.TrimLeft(v.elem[0].b, "\x00")
		if len(b) > 8 {
			return tv{kind: TagStart, u: v.u, elem: []tv{{kind: Bytes, b: b}}}
		}
		var n uint64
		for _, c := range b {
			n = n<<8 | uint64(c)
		}
		return tv{kind: Uint + Kind(v.u-2), u: n}
	}
	if v.elem != nil {
		elem := make([]tv, len(v.elem))
		for i, e := range v.elem {
			elem[i] = bignumPreferred(e)
		}
		v.elem = elem
	}
	return v
}

// TestSyntaxErrorCauseAsDocumented: SyntaxError's godoc says Err is one of
// the package's sentinels but for an indefinite length under
// Deterministic, whose Err is not == either sentinel but matches both
// (errors.Is on Err itself). The merge that made that Err match both left
// the godoc saying every Err is a sentinel, which `se.Err ==
// ErrIndefinite`, the comparison the godoc invited, no longer finds
// (documentation).
func TestSyntaxErrorCauseAsDocumented(t *testing.T) {
	sentinels := []error{ErrReservedInfo, ErrIndefinite, ErrBreak, ErrChunkType, ErrSimple, ErrUnexpectedEOF,
		ErrNotDeterministic, ErrTrailingData, ErrDuplicateKey, ErrInvalidUTF8, ErrDepth, ErrStringTooLong}
	det := &Options{Deterministic: true}
	for _, tc := range []struct {
		hex  string
		opts *Options
		both bool // an indefinite length under Deterministic
	}{
		{"1f", nil, false}, {"df01", nil, false}, {"1f", det, false}, {"ff", nil, false}, {"82", det, false},
		{"fc", nil, false}, {"f818", nil, false}, {"7f 4100 ff", nil, false}, {"a2 01 00 01 00", nil, false},
		{"1801", det, false}, {"c24101", det, false}, {"a2 01 00 00 00", det, false},
		{"9fff", det, true}, {"5f4101ff", det, true}, {"bfff", det, true},
	} {
		err := Check(fromHex(tc.hex), tc.opts)
		var se *SyntaxError
		if !errors.As(err, &se) {
			t.Fatalf("%s: %v, want a SyntaxError", tc.hex, err)
		}
		if tc.both {
			if se.Err == ErrIndefinite || se.Err == ErrNotDeterministic ||
				!errors.Is(se.Err, ErrIndefinite) || !errors.Is(se.Err, ErrNotDeterministic) {
				t.Errorf("%s: Err %#v, want its own, matching ErrIndefinite and ErrNotDeterministic", tc.hex, se.Err)
			}
			continue
		}
		found := false
		for _, s := range sentinels {
			found = found || se.Err == s
		}
		if !found {
			t.Errorf("%s: Err %v is not one of the sentinels", tc.hex, se.Err)
		}
	}
	// the godoc says so
	src, err := os.ReadFile("errors.go")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(src, []byte("compare Err\n// with errors.Is, not ==")) {
		t.Error("SyntaxError's godoc does not say that one Err is not a sentinel")
	}
}
