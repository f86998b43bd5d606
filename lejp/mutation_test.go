package lejp

// Tests written from mutation testing (the /work/mutate harness): each pins
// a behaviour that a surviving mutant changed without any other test
// noticing. They check what a user sees: exact output bytes, errors with
// their cause and offset, limits at exactly N and N+1.

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"testing"
	"testing/iotest"
	"unicode/utf8"
)

// TestPatternSyntax: which patterns NewParser accepts, that a malformed one
// is an error wrapping ErrPattern (as documented), and that MaxPatterns
// patterns are allowed and one more is not.
func TestPatternSyntax(t *testing.T) {
	for _, p := range []string{"", "a", "a.b", "[]", "[][]", "[].a", "a[]", "a[][].b", "*", "a.*", "*.a", "a.*[]", "*[]", "a.*.b.*"} {
		if _, err := NewParser(&countHandler{}, nil, p); err != nil {
			t.Errorf("pattern %q: %v", p, err)
		}
	}
	for _, p := range []string{".", "a.", ".a", "a..b", "a.[]", "a[", "a]", "a[b]", "a[]x", "[]a", "a.[].b"} {
		_, err := NewParser(&countHandler{}, nil, "ok", p)
		if !errors.Is(err, ErrPattern) || !strings.Contains(err.Error(), `"`+p+`"`) {
			t.Errorf("pattern %q: %v, want ErrPattern naming it", p, err)
		}
	}
	pats := make([]string, MaxPatterns+1)
	for i := range pats {
		pats[i] = "a" + strings.Repeat("[]", i)
	}
	if _, err := NewParser(&countHandler{}, nil, pats[:MaxPatterns]...); err != nil {
		t.Errorf("%d patterns: %v", MaxPatterns, err)
	}
	if _, err := NewParser(&countHandler{}, nil, pats...); !errors.Is(err, ErrPattern) {
		t.Errorf("%d patterns: %v, want ErrPattern", MaxPatterns+1, err)
	}
}

// bigObject returns an object of n members named k000, k001, … (each name
// 4 bytes, so nameOverhead+4 bytes of name memory), the last member's value
// being last, and the offset of each name's opening quote.
func bigObject(n int, last string) (string, []int) {
	var b strings.Builder
	var offs []int
	b.WriteString("{")
	for i := 0; i < n; i++ {
		if i > 0 {
			b.WriteString(",")
		}
		offs = append(offs, b.Len())
		b.WriteString(`"k` + strconv.Itoa(1000 + i)[1:] + `":`)
		if i == n-1 && last != "" {
			b.WriteString(last)
		} else {
			b.WriteString("0")
		}
	}
	b.WriteString("}")
	return b.String(), offs
}

// TestNameMemoryExact holds MaxNameMemory at exactly the memory the names
// take (accepted) and one byte less (ErrTooManyNames at the name that does
// not fit), for small objects and for large ones (hash index), nested, on
// every entry point.
func TestNameMemoryExact(t *testing.T) {
	const per = 4 + nameOverhead
	inner, _ := bigObject(70, "")
	nested, noffs := bigObject(80, inner)
	for _, tc := range []struct {
		in  string
		mem int   // name memory used at the peak
		off int64 // where one byte less fails
	}{
		{`{"a":1,"bc":2,"def":3}`, 6 + 3*nameOverhead, 14},
		// The names of every open object count: a and d, e, f, g at the peak.
		{`{"a":{"b":{"c":1}},"d":{"e":{"f":{"g":1}}}}`, 5 * (1 + nameOverhead), 34},
		{func() string { s, _ := bigObject(100, ""); return s }(), 100 * per, 1 + 99*9},
		{nested, 150 * per, int64(noffs[79] + len(`"k079":{`) + 69*9)},
	} {
		for way, err := range allWays([]byte(tc.in), &Options{MaxNameMemory: tc.mem}) {
			if err != nil {
				t.Errorf("%.30s… MaxNameMemory %d: %s: %v", tc.in, tc.mem, way, err)
			}
		}
		for way, err := range allWays([]byte(tc.in), &Options{MaxNameMemory: tc.mem - 1}) {
			var se *SyntaxError
			if !errors.As(err, &se) || !errors.Is(err, ErrTooManyNames) || se.Offset != tc.off {
				t.Errorf("%.30s… MaxNameMemory %d: %s: %v, want ErrTooManyNames at %d", tc.in, tc.mem-1, way, err, tc.off)
			}
		}
	}
}

// TestDuplicateNamesLarge: in objects of more than linearNames members
// (the hash index), a repeat of the first, a middle and the last name is a
// duplicate, also in an object nested in another large object holding the
// same names; and the same names in the inner and outer object are not.
func TestDuplicateNamesLarge(t *testing.T) {
	inner, _ := bigObject(70, "")
	nested, _ := bigObject(80, inner)
	if err := Check([]byte(nested), nil); err != nil {
		t.Fatalf("same names in nested large objects: %v", err)
	}
	for _, tc := range []struct{ in, dup string }{
		{"k000", ""}, {"k040", ""}, {"k099", ""},
		{"k000", "inner"}, {"k069", "inner"},
		{"k000", "outer"}, {"k079", "outer"},
	} {
		var in string
		var want int
		switch tc.dup {
		case "":
			s, _ := bigObject(100, "")
			want = len(s) // the quote after the comma that replaces '}'
			in = s[:len(s)-1] + `,"` + tc.in + `":1}`
		case "inner":
			s, _ := bigObject(70, "")
			s = s[:len(s)-1] + `,"` + tc.in + `":1}`
			in, _ = bigObject(80, s)
			want = strings.LastIndex(in, `"`+tc.in+`"`)
		case "outer":
			in = nested[:len(nested)-1] + `,"` + tc.in + `":1}`
			want = len(nested)
		}
		for way, err := range allWays([]byte(in), nil) {
			var se *SyntaxError
			if !errors.As(err, &se) || !errors.Is(err, ErrDuplicateName) || se.Offset != int64(want) {
				t.Errorf("%s repeated (%s): %s: %v, want ErrDuplicateName at %d", tc.in, tc.dup, way, err, want)
			}
		}
	}
}

// TestLimitsOfOne: a limit of 1 is 1, not "use the default" (only 0 is;
// the limits at 1 are rows of TestLimits); a StringChunk below 4 is 4.
func TestLimitsOfOne(t *testing.T) {
	// MaxValueLen 1: a value longer than the Decoder's first buffer.
	big := []byte(`["` + strings.Repeat("x", 40<<10) + `"]`)
	if _, err := NewDecoder(bytes.NewReader(big), &Options{MaxValueLen: 1}).ReadValue(); !errors.Is(err, ErrValueTooLarge) {
		t.Errorf("ReadValue, MaxValueLen 1: %v, want ErrValueTooLarge", err)
	}
	// StringChunk 1, 3 and 4 all give pieces of 4 bytes; 5 of 5.
	for chunk, want := range map[int]string{1: "abcd efgh i", 3: "abcd efgh i", 4: "abcd efgh i", 5: "abcde fghi"} {
		var pieces []string
		p, _ := NewParser(HandlerFunc(func(p *Parser, ev Event) error {
			if ev.Kind == String || ev.Kind == StringChunk {
				pieces = append(pieces, string(ev.Value))
			}
			return nil
		}), &Options{StringChunk: chunk})
		p.Write([]byte(`"abcdefghi"`))
		if err := p.Close(); err != nil || strings.Join(pieces, " ") != want {
			t.Errorf("StringChunk %d: pieces %q, %v; want %s", chunk, pieces, err, want)
		}
	}
}

// TestTokenConversions: Kind's names and classes, and Token's conversions,
// on the tokens a Decoder returns.
func TestTokenConversions(t *testing.T) {
	d := NewDecoderBytes([]byte(`{"n":[-12,18446744073709551615,9223372036854775808,1.5e2,"s",true,false,null,-0]}`), nil)
	var got []string
	for {
		tok, err := d.ReadToken()
		if err != nil {
			break
		}
		i, ierr := tok.Int64()
		u, uerr := tok.Uint64()
		f, ferr := tok.Float64()
		got = append(got, fmt.Sprintf("%s %q num=%v scalar=%v i=%d,%v u=%d,%v f=%g,%v",
			tok.Kind, tok.String(), tok.Kind.IsNumber(), tok.Kind.IsScalar(), i, ierr != nil, u, uerr != nil, f, ferr != nil))
	}
	want := []string{
		`object-start "" num=false scalar=false i=0,true u=0,true f=0,true`,
		`name "n" num=false scalar=false i=0,true u=0,true f=0,true`,
		`array-start "" num=false scalar=false i=0,true u=0,true f=0,true`,
		`int "-12" num=true scalar=true i=-12,false u=0,true f=-12,false`,
		`int "18446744073709551615" num=true scalar=true i=9223372036854775807,true u=18446744073709551615,false f=1.8446744073709552e+19,false`,
		`int "9223372036854775808" num=true scalar=true i=9223372036854775807,true u=9223372036854775808,false f=9.223372036854776e+18,false`,
		`float "1.5e2" num=true scalar=true i=0,true u=0,true f=150,false`,
		`string "s" num=false scalar=true i=0,true u=0,true f=0,true`,
		`true "true" num=false scalar=true i=0,true u=0,true f=0,true`,
		`false "false" num=false scalar=true i=0,true u=0,true f=0,true`,
		`null "null" num=false scalar=true i=0,true u=0,true f=0,true`,
		`int "-0" num=true scalar=true i=0,false u=0,false f=-0,false`, // -0 is 0, in uint64 range
		`array-end "" num=false scalar=false i=0,true u=0,true f=0,true`,
		`object-end "" num=false scalar=false i=0,true u=0,true f=0,true`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("tokens:\n%s\nwant:\n%s\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"), diff(strings.Join(want, "\n"), strings.Join(got, "\n")))
	}
	for k, want := range map[Kind]string{Invalid: "invalid", StringChunk: "string-chunk", Null: "null", Raw: "raw", Raw + 1: "kind(14)", 255: "kind(255)"} {
		if k.String() != want {
			t.Errorf("Kind(%d).String() = %q, want %q", k, k.String(), want)
		}
	}
	if StringChunk.IsScalar() || StringChunk.IsNumber() || Name.IsScalar() || Float.IsNumber() != true || Raw.IsScalar() || Raw.IsNumber() {
		t.Error("StringChunk and Raw are neither scalar nor number, Name is not scalar, Float is a number")
	}
}

// TestDecoderFinish: Finish after n tokens, over bytes and a one-byte
// reader: nil at a clean end, else the error with its offset and path (a
// value read halfway is ErrUnread at the first unread token, a cut one
// ErrUnexpectedEOF where it ends, a value after the top-level one
// ErrTrailingData, or with AllowMultipleValues checked and skipped); and
// Depth along the way.
func TestDecoderFinish(t *testing.T) {
	multi, comments := &Options{AllowMultipleValues: true}, &Options{AllowComments: true}
	for _, tc := range []struct {
		in     string
		opts   *Options
		n      int
		depths string
		want   string // Finish's error, "" for nil
	}{
		{"1 2", nil, 1, "0", "lejp: data after top-level value at offset 2"},
		{"1 2", multi, 1, "0", ""},
		{"1 2 ]", multi, 1, "0", "lejp: invalid character at offset 4"},
		{"[1] ", nil, 3, "1 1 0", ""},
		{"[1]x", nil, 3, "1 1 0", "lejp: data after top-level value at offset 3"},
		{`{"a":[1`, nil, 2, "1 1", "lejp: unexpected end of input at offset 7 (path /a/0)"},
		{`{"a":[1]}`, nil, 2, "1 1", "lejp: value not read to its end at offset 5 (path /a)"},
		{`{"a":[1`, nil, 4, "1 1 2 2", "lejp: unexpected end of input at offset 7 (path /a/0)"},
		{`{"a":{}} `, nil, 4, "1 1 2 1", "lejp: value not read to its end at offset 7"},
		{" 1 # c\n", comments, 1, "0", ""},
		{"1 #", comments, 1, "0", ""},
		{"", multi, 0, "", ""},
		{" ", nil, 0, "", "lejp: unexpected end of input at offset 1"},
	} {
		for _, reader := range []bool{false, true} {
			d := NewDecoderBytes([]byte(tc.in), tc.opts)
			if reader {
				d = NewDecoder(iotest.OneByteReader(strings.NewReader(tc.in)), tc.opts)
			}
			var depths []string
			for i := 0; i < tc.n; i++ {
				if _, err := d.ReadToken(); err != nil {
					t.Fatalf("%q: token %d: %v", tc.in, i, err)
				}
				depths = append(depths, strconv.Itoa(d.Depth()))
			}
			err := d.Finish()
			got := ""
			if err != nil {
				got = err.Error()
			}
			if got != tc.want || strings.Join(depths, " ") != tc.depths {
				t.Errorf("%q (reader %v): depths %v, Finish %v; want %s, %s", tc.in, reader, depths, err, tc.depths, tc.want)
			}
		}
	}
}

// TestWhitespaceRuns puts a run of whitespace of every length from 0 to 24
// (so that it ends at every alignment to the eight-byte loads, and at the
// very end of the input) at each place of a document where whitespace may
// be, alone: Check, the Decoder over bytes and the Parser must give the
// compact document's tokens.
func TestWhitespaceRuns(t *testing.T) {
	const tmpl = `W{W"a"W:W[W1W,W"xyz"W,W{W}W,W[W]W]W,W"b"W:W-2.5W,W"c"W:WtrueW}W`
	compact := strings.ReplaceAll(tmpl, "W", "")
	parserKinds := func(in []byte) string {
		var b strings.Builder
		p, _ := NewParser(HandlerFunc(func(p *Parser, ev Event) error {
			b.WriteString(ev.Kind.String() + " " + string(ev.Value) + " " + p.Pointer() + "\n")
			return nil
		}), nil)
		if _, err := p.Write(in); err != nil {
			return err.Error()
		}
		if err := p.Close(); err != nil {
			return err.Error()
		}
		return b.String()
	}
	wantD, wantP := kinds([]byte(compact)), parserKinds([]byte(compact))
	places := strings.Count(tmpl, "W")
	for at := 0; at < places; at++ {
		for _, lead := range []string{" ", "\n", "\t", "\r\n"} {
			for n := 0; n <= 24; n++ {
				ws := ""
				if n > 0 {
					ws = lead + strings.Repeat(" ", n-1)
				}
				in := []byte(tmplAt(tmpl, at, ws))
				if err := Check(in, nil); err != nil {
					t.Fatalf("%q: Check: %v", in, err)
				}
				if got := kinds(in); got != wantD {
					t.Fatalf("%q: Decoder:\n%s", in, diff(wantD, got))
				}
				if got := parserKinds(in); got != wantP {
					t.Fatalf("%q: Parser:\n%s", in, diff(wantP, got))
				}
			}
		}
	}
}

// tmplAt replaces the at-th "W" of tmpl by ws and the others by nothing.
func tmplAt(tmpl string, at int, ws string) string {
	var b strings.Builder
	k := 0
	for _, c := range []byte(tmpl) {
		if c != 'W' {
			b.WriteByte(c)
			continue
		}
		if k == at {
			b.WriteString(ws)
		}
		k++
	}
	return b.String()
}

// TestSubstitutedBytes replaces each byte of small documents (one of every
// token kind, escapes of every class, numbers of every part) by each ASCII
// byte in turn and requires encoding/json's verdict on every entry point,
// whole, one byte at a time and split in two, each giving
// the same error (cause and offset); split around the byte changed, in
// chunks of their own (no capacity beyond them). Inputs where the strict rules differ
// from encoding/json (invalid UTF-8, duplicate names, lone surrogate
// escapes) are left out.
func TestSubstitutedBytes(t *testing.T) {
	for _, seed := range []string{
		`{"ab":[0,-12.5e+3,1E-2,true,false,null],"c":{}}`,
		`["x\"\\\/\b\f\n\r\t\u09aF\uD83D\uDE00y",""]`,
		`{"\u0041b":"é"}`,
	} {
		for p := 0; p < len(seed); p++ {
			for c := 0; c < 0x80; c++ {
				in := []byte(seed)
				in[p] = byte(c)
				want := json.Valid(in)
				if want && (!utf8.Valid(in) || stdDuplicateName(in) || loneSurrogateEscape(in)) {
					continue
				}
				errs := allWays(in, nil)
				for k := max(1, p-1); k < len(in) && k <= p+2; k++ {
					p, _ := NewParser(&countHandler{}, nil)
					_, err := p.Write(bytes.Clone(in[:k]))
					if err == nil {
						_, err = p.Write(bytes.Clone(in[k:]))
					}
					if err == nil {
						err = p.Close()
					}
					errs["Parser split at "+strconv.Itoa(k)] = err
				}
				first := errs["Check"]
				for way, err := range errs {
					var se *SyntaxError
					switch {
					case (err == nil) != want:
						t.Fatalf("%q: %s: %v, encoding/json valid: %v", in, way, err, want)
					case err != nil && !errors.As(err, &se):
						t.Fatalf("%q: %s: %v is not a *SyntaxError", in, way, err)
					case err != nil && err.Error() != first.Error():
						t.Fatalf("%q: %s: %v, Check: %v", in, way, err, first)
					}
				}
			}
		}
	}
}

// TestErrorCauses pins the cause and offset of the first error for
// malformed inputs of each kind, on every entry point.
func TestErrorCauses(t *testing.T) {
	for _, tc := range []struct {
		in     string
		cause  error
		offset int64
	}{
		{`[:]`, ErrInvalidChar, 1},
		{`{"a"::1}`, ErrInvalidChar, 5},
		{`{"a":1:}`, ErrInvalidChar, 6},
		{`[1,]`, ErrInvalidChar, 3},
		{`[1,:]`, ErrInvalidChar, 3},
		{`[1, :]`, ErrInvalidChar, 4},
		{`{"a":1,:}`, ErrInvalidChar, 7},
		{`:`, ErrInvalidChar, 0},
		{`[}`, ErrInvalidChar, 1},
		{`{]`, ErrInvalidChar, 1},
		{`{"a":1]`, ErrInvalidChar, 6},
		{`{1:1}`, ErrInvalidChar, 1},
		{`[1d2]`, ErrInvalidChar, 2},
		{`[1.5D2]`, ErrInvalidChar, 4},
		{`[1e5d]`, ErrInvalidChar, 4},
		{`[01]`, ErrInvalidNumber, 2},
		{`[1.]`, ErrInvalidNumber, 3},
		{`[1e+]`, ErrInvalidNumber, 4},
		{`[-]`, ErrInvalidNumber, 2},
		{`[1.5.]`, ErrInvalidNumber, 4},
		{`[tru]`, ErrInvalidLiteral, 4},
		{`[nul1]`, ErrInvalidLiteral, 4},
		{`[falsey]`, ErrInvalidLiteral, 6},
		{`["\x"]`, ErrInvalidEscape, 2},
		{`["\u12G4"]`, ErrInvalidEscape, 2},
		{`["\u12g4"]`, ErrInvalidEscape, 2},
		{`["\u12/4"]`, ErrInvalidEscape, 2},
		{`["\u12:4"]`, ErrInvalidEscape, 2},
		{`["\u12@4"]`, ErrInvalidEscape, 2},
		{"[\"\\u12`4\"]", ErrInvalidEscape, 2},
		{`["\ud800"]`, ErrInvalidUTF8, 2},
		{`["\udc00\ud800"]`, ErrInvalidUTF8, 2},
		{`["\udc00\udc00"]`, ErrInvalidUTF8, 2},
		{`["\udbff\udbff"]`, ErrInvalidUTF8, 2},
		{`["\ud800\u0041"]`, ErrInvalidUTF8, 2},
		{"[\"a\x80\"]", ErrInvalidUTF8, 3},
		{"[\"aa\x80\"]", ErrInvalidUTF8, 4},
		{"[\"aaaaaaaaaaaa\x80\"]", ErrInvalidUTF8, 14},
		{"[\"\xe0\x80\x80\"]", ErrInvalidUTF8, 2},
		{"[\"a\x1f\"]", ErrInvalidChar, 3},
		{`["ab`, ErrUnexpectedEOF, 4},
		{`["ab\u00`, ErrUnexpectedEOF, 8},
		{`{"a":1`, ErrUnexpectedEOF, 6},
		{"\xef\xbb\xbf1", ErrInvalidChar, 0},
		{`1 2`, ErrTrailingData, 2},
		{`[1]]`, ErrTrailingData, 3},
		{"{} \n{}", ErrTrailingData, 4},
		{`"a""b"`, ErrTrailingData, 3},
		{`0 -`, ErrTrailingData, 2},
	} {
		for way, err := range allWays([]byte(tc.in), nil) {
			var se *SyntaxError
			if !errors.As(err, &se) || !errors.Is(err, tc.cause) || se.Offset != tc.offset {
				t.Errorf("%q: %s: %v, want %v at %d", tc.in, way, err, tc.cause, tc.offset)
			}
		}
	}
	// The hex digits of \u escapes: every one of 0-9, a-f and A-F.
	var b strings.Builder
	b.WriteString(`["`)
	for _, c := range "0123456789abcdefABCDEF" {
		b.WriteString(`\u00` + string(c) + `0`)
	}
	b.WriteString(`"]`)
	want := "\x00\x10\x20\x30\x40\x50\x60\x70\u0080\u0090\u00a0\u00b0\u00c0\u00d0\u00e0\u00f0\u00a0\u00b0\u00c0\u00d0\u00e0\u00f0"
	if got := kinds([]byte(b.String())); got != "array-start \nstring "+want+"\narray-end \nEOF" {
		t.Errorf("hex digits: %q", got)
	}
}

// TestValueStartBytes feeds every byte that cannot start a value where a
// value must start: as the first element, after a comma (where the scanner
// dispatches at once), after a comma and a space, and as a member's value.
// Each is ErrInvalidChar at that byte on every entry point, never another
// cause (0xD0 to 0xD9 are c-'0' ≤ 9 under byte arithmetic the other way
// round).
func TestValueStartBytes(t *testing.T) {
	for c := 0; c < 256; c++ {
		if isWS(byte(c)) || bytes.IndexByte([]byte(`"-0123456789tfn{[`), byte(c)) >= 0 {
			continue
		}
		for _, pre := range []string{`[`, `[1,`, `[1, `, `{"a":`} {
			if pre == `[` && c == ']' {
				continue
			}
			in := pre + string([]byte{byte(c)}) + `]`
			for way, err := range allWays([]byte(in), nil) {
				var se *SyntaxError
				if !errors.As(err, &se) || !errors.Is(err, ErrInvalidChar) || se.Offset != int64(len(pre)) {
					t.Fatalf("%q: %s: %v, want %v at %d", in, way, err, ErrInvalidChar, len(pre))
				}
			}
		}
	}
}

// TestExactCapacity gives every entry point its input in slices with no
// capacity beyond their length (as a caller's own buffers may be): each
// prefix of a document whole (Check and the Decoder over bytes, which must
// give the same *SyntaxError), and the document split in two at every offset
// (the Parser), so that no eight-byte load reads past the end of a buffer.
func TestExactCapacity(t *testing.T) {
	for _, doc := range []string{
		`{"abcdefgh":12345678,"abcdefghijklmnop":[1234567890123456,-0.12345678e+12345678],"k":"abcdefghijklmnopqrstuvw"}`,
		`[true,false,null,{"a":{}},[[]],"x\n\u00e9y","ééééé€€€€"]`,
	} {
		want := pushTrace(nil, nil, false, []byte(doc))
		for k := 0; k <= len(doc); k++ {
			pre := []byte(doc[:k])
			pre = pre[:k:k]
			if k < len(doc) {
				cerr := Check(pre, nil)
				d := NewDecoderBytes(pre, nil)
				var err error
				for err == nil {
					_, err = d.ReadToken()
				}
				var se *SyntaxError
				if !errors.As(cerr, &se) || err == nil || err.Error() != cerr.Error() {
					t.Errorf("%q: Check %v, Decoder %v", pre, cerr, err)
				}
				rest := []byte(doc[k:])
				if got := pushTrace(nil, nil, false, pre, rest[:len(rest):len(rest)]); got != want {
					t.Errorf("Parser split at %d:\n%s", k, diff(want, got))
				}
			}
		}
	}
}

// TestParserWriteCount: Parser.Write keeps io.Writer's contract: it returns
// len(p) with no error, and 0 <= n <= len(p) with one, for errors in the
// first or the second of two Writes, in a carried number or in a string
// being delivered in pieces.
func TestParserWriteCount(t *testing.T) {
	for _, in := range []string{`[1,x]`, `{"a":1,"a":2}`, `["ab\x"]`, `[1.x]`, `[12345x]`, `[tx]`, "[\"abc\x01\"]", `[1,2,3]]`, `["abcdefghijklmnopqrstuvwxyz\q"]`} {
		for k := 0; k <= len(in); k++ {
			p, _ := NewParser(&countHandler{}, &Options{StringChunk: 4})
			for _, chunk := range []string{in[:k], in[k:]} {
				n, err := p.Write([]byte(chunk))
				if n < 0 || n > len(chunk) || (err == nil && n != len(chunk)) {
					t.Errorf("%q split at %d: Write(%q) = %d, %v", in, k, chunk, n, err)
				}
				if err != nil {
					break
				}
			}
		}
	}
}
