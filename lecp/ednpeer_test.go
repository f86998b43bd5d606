package lecp

import (
	"bytes"
	"encoding/hex"
	"fmt"
	"math/rand/v2"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/lwscrypto/lwscrypto/internal/testenv"
)

// Diagnostic notation against an independent implementation: cbor-edn
// (testenv.CBOREDNVersion, Joe Hildebrand's parser after
// draft-ietf-cbor-edn-literals) reads our texts, and cbor2's diagnose
// (testenv.CBOR2Version) writes texts for FromDiag. Each test runs one node
// process over a batch. Where the two sides disagree, the test names the
// form and the reason, counts it, and fails when a disagreement appears
// that it does not name, or a named one no longer occurs.

// ednPeerScript answers a batch of requests: {"parse": text} with the hex
// of parseEDN(text), {"diag": hex} with cbor2's diagnose of the bytes as
// text and the hex of parseEDN of that text; each failure as err (the
// first line of its message).
const ednPeerScript = `
import {readFileSync} from 'node:fs';
const {parseEDN} = await import(process.env.PEER_CBOR_EDN);
const {diagnose} = await import(process.env.PEER_CBOR2);
const hex = b => Buffer.from(b).toString('hex');
const msg = e => String(e && e.message || e).split('\n')[0];
const parse = s => {
  try { return {hex: hex(parseEDN(s))}; } catch (e) { return {err: msg(e)}; }
};
const out = JSON.parse(readFileSync(0, 'utf8')).map(r => {
  if (r.diag === undefined) return parse(r.parse);
  let text;
  try { text = diagnose(Buffer.from(r.diag, 'hex')); } catch (e) { return {err: msg(e)}; }
  return {text, ...parse(text)};
});
process.stdout.write(JSON.stringify(out));
`

type ednPeerReq struct {
	Parse *string `json:"parse,omitempty"`
	Diag  *string `json:"diag,omitempty"`
}

type ednPeerResp struct {
	Text *string `json:"text"` // cbor2's diagnose
	Hex  *string `json:"hex"`  // parseEDN's bytes
	Err  string  `json:"err"`
}

func ednParseReq(s string) ednPeerReq { return ednPeerReq{Parse: &s} }
func ednDiagReq(b []byte) ednPeerReq  { h := hex.EncodeToString(b); return ednPeerReq{Diag: &h} }

// ednPeerRead returns the bytes the peer read, or nil and its error.
func (r ednPeerResp) read() ([]byte, string) {
	if r.Hex == nil {
		return nil, r.Err
	}
	b, err := hex.DecodeString(*r.Hex)
	if err != nil {
		return nil, err.Error()
	}
	return b, ""
}

type ednItem struct {
	name string
	b    []byte
}

// ednPeerItems are the items both directions are tried on: the
// well-formed Appendix A items, the cose-wg examples' output.cbor, and
// diagGen's items for 1500 seeds, each with every head preferred and in
// three random choices of widths.
func ednPeerItems(t *testing.T) (items []ednItem, appendix, cose, gen int) {
	for _, it := range loadAppendix(t) {
		if it.Hex == "f818" {
			continue // not well-formed (erratum 5917)
		}
		items = append(items, ednItem{"appendix A " + it.Hex, testenv.Hex(t, it.Hex)})
		appendix++
	}
	ex := coseExamples(t)
	names := make([]string, 0, len(ex))
	for n := range ex {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		items = append(items, ednItem{"cose-wg " + n, ex[n]})
		cose++
	}
	for seed := range uint64(1500) {
		for w := range uint64(4) {
			g := diagGen{r: rand.New(rand.NewPCG(seed, 1)), w: rand.New(rand.NewPCG(seed, w+2)), wide: w > 0}
			items = append(items, ednItem{fmt.Sprintf("diagGen seed %d widths %d", seed, w), g.item(nil)})
			gen++
		}
	}
	return items, appendix, cose, gen
}

// The forms of AppendDiagExact's text that cbor-edn 0.2.2 reads otherwise
// than RFC 8949 §8.1 and FromDiag do, each with the text it reads them as
// (so that FromDiag of the rewritten text must give the peer's bytes):
//   - float'7e01', the bits of a float (AppendDiagExact's spelling for a
//     NaN with a payload or sign, from draft-bormann-cbor-edn-app-ext): the
//     peer knows no float application literal and makes it the draft's
//     tag 999 for an unknown one, 999(["float", "7e01"]);
//   - an encoding indicator after h'..': the peer drops it, wherever the
//     string stands (h'01'_1 is 4101 to it, the empty h'..' with _ is 40,
//     and so is the chunk of (_ h'01'_0)), while it keeps one after '..',
//     b64'..' and "..": a bug of the peer (cbor2's diagnose writes h'02'_1
//     itself);
//   - a tag number above 2^53 that no double holds: the peer reads it as
//     a JavaScript number (parseInt), so that 9007199254740993(0) is
//     9007199254740992(0) to it, the nearest double, while it reads an
//     integer of that size exactly (as a BigInt): a bug of the peer. A tag
//     number that rounds to 2^64 it writes as a bignum head
//     (c249010000000000000000), which no text can say, so none may occur.
var (
	ednFloatLit     = regexp.MustCompile(`float'([0-9a-f]*)'`)
	ednHexIndicator = regexp.MustCompile(`(h'[0-9a-f]*')_[0-3]?`)
	ednTagNumber    = regexp.MustCompile(`([0-9]+)(?:_[0-3])?\(`)
)

// ednPeerReading rewrites the forms above as the peer reads them, and
// names those it found.
func ednPeerReading(s string) (string, []string) {
	var forms []string
	if ednFloatLit.MatchString(s) {
		forms = append(forms, "float'..'")
		s = ednFloatLit.ReplaceAllString(s, `999(["float", "$1"])`)
	}
	if ednHexIndicator.MatchString(s) {
		forms = append(forms, "h'..' with an indicator")
		s = ednHexIndicator.ReplaceAllString(s, `$1`)
	}
	// a run of digits followed by ( or an indicator and (, which is not
	// the end of a word (simple(N) or a string's tail)
	var sb strings.Builder
	big, last := false, 0
	for _, m := range ednTagNumber.FindAllStringSubmatchIndex(s, -1) {
		if c := s[max(m[0], 1)-1]; m[0] > 0 && (c == '_' || c == '\'' || c == '"' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z') {
			continue
		}
		n, err := strconv.ParseUint(s[m[2]:m[3]], 10, 64)
		f := float64(n)
		if err != nil || f < 1<<64 && uint64(f) == n {
			continue // a double holds it
		}
		big = true
		sb.WriteString(s[last:m[2]])
		if f >= 1<<64 {
			sb.WriteString("no text says how the peer writes this tag")
		} else {
			sb.WriteString(strconv.FormatUint(uint64(f), 10))
		}
		last = m[3]
	}
	s = sb.String() + s[last:]
	if big {
		forms = append(forms, "a tag number above 2^53")
	}
	return s, forms
}

// TestEDNPeerReadsOurs: cbor-edn reads AppendDiagExact's text of every item
// as the item itself, but where the text holds a form listed above, where
// it reads it as that form's rewriting says (and so not as the item); and
// it reads AppendDiag's text as FromDiag does, the preferred re-encoding.
func TestEDNPeerReadsOurs(t *testing.T) {
	items, nA, nC, nG := ednPeerItems(t)
	exacts := make([]string, len(items))
	plains := make([]string, len(items))
	reqs := make([]ednPeerReq, 0, 2*len(items))
	for i, it := range items {
		e, err := AppendDiagExact(nil, it.b, nil)
		if err != nil {
			t.Fatalf("%s: %x: %v", it.name, it.b, err)
		}
		p, err := AppendDiag(nil, it.b, nil)
		if err != nil {
			t.Fatalf("%s: %x: %v", it.name, it.b, err)
		}
		exacts[i], plains[i] = string(e), string(p)
		reqs = append(reqs, ednParseReq(exacts[i]), ednParseReq(plains[i]))
	}
	resp := testenv.RunBatch[ednPeerReq, ednPeerResp](t, testenv.CBOREDNCommand(t, ednPeerScript), reqs)
	same, excluded, plainSame, plainExcluded, indicators := 0, map[string]int{}, 0, map[string]int{}, 0
	withForms := 0
	for i, it := range items {
		exact := exacts[i]
		if hasIndicator(exact) {
			indicators++
		}
		got, perr := resp[2*i].read()
		reading, forms := ednPeerReading(exact)
		want := it.b
		if len(forms) > 0 {
			var err error
			if want, err = FromDiag(nil, []byte(reading), nil); err != nil {
				t.Fatalf("%s: the peer's reading %s: %v", it.name, reading, err)
			}
			if bytes.Equal(want, it.b) {
				t.Errorf("%s: %s: %v changes nothing", it.name, exact, forms)
			}
		}
		switch {
		case perr != "":
			t.Errorf("%s: %x\n%s\nthe peer refuses: %s", it.name, it.b, exact, perr)
		case !bytes.Equal(got, want) && len(forms) == 0:
			t.Errorf("%s: %x\n%s\nthe peer reads %x", it.name, it.b, exact, got)
		case !bytes.Equal(got, want):
			t.Errorf("%s: %x\n%s\nthe peer reads %x, not %x (the text with %v as it reads them)", it.name, it.b, exact, got, want, forms)
		case len(forms) == 0:
			same++
		}
		for _, f := range forms {
			excluded[f]++
		}
		if len(forms) > 0 {
			withForms++
		}

		// AppendDiag's text: what FromDiag makes of it, with the
		// tag numbers the peer rounds rounded
		plain := plains[i]
		reading, forms = ednPeerReading(plain)
		pref, err := FromDiag(nil, []byte(reading), nil)
		if err != nil {
			t.Fatalf("%s: FromDiag(%s): %v", it.name, reading, err)
		}
		if got, perr := resp[2*i+1].read(); perr != "" || !bytes.Equal(got, pref) {
			t.Errorf("%s: %x\n%s\nthe peer reads %x (%s), FromDiag %x (the text with %v as it reads them)", it.name, it.b, plain, got, perr, pref, forms)
		} else if len(forms) == 0 {
			plainSame++
		}
		for _, f := range forms {
			plainExcluded[f]++
		}
	}
	t.Logf("%d items (%d Appendix A, %d cose-wg, %d diagGen; %d texts with an indicator): the peer reads %d exact texts as the item, %d (%v) as the forms' rewriting; %d plain texts as FromDiag, %v as the forms' rewriting",
		len(items), nA, nC, nG, indicators, same, withForms, excluded, plainSame, plainExcluded)
	// the comparison means something only if it covers many indicators
	// and each listed form occurs
	if indicators < 2000 || excluded["float'..'"] < 50 || excluded["h'..' with an indicator"] < 200 || excluded["a tag number above 2^53"] < 50 {
		t.Errorf("too few texts: %d with an indicator, %v", indicators, excluded)
	}
	if len(plainExcluded) != 1 || plainExcluded["a tag number above 2^53"] < 50 {
		t.Errorf("plain texts: %v, want only tag numbers above 2^53", plainExcluded)
	}
}

// ednNaNLit is float'..' at each width, as cbor2's diagnose writes the same
// NaN: NaN, NaN_2 or NaN_3, whatever its sign and payload.
var ednNaNLit = regexp.MustCompile(`float'([0-9a-f]{4}|[0-9a-f]{8}|[0-9a-f]{16})'`)

func ednNaNAsCBOR2(s string) string {
	return ednNaNLit.ReplaceAllStringFunc(s, func(m string) string {
		return map[int]string{4: "NaN", 8: "NaN_2", 16: "NaN_3"}[len(m)-len("float''")]
	})
}

// TestEDNPeerWritesForUs: FromDiag reads cbor2's diagnose of every item as
// the item, but where cbor2's text loses information: a NaN with a payload
// or its sign set (AppendDiagExact's float'..') is NaN, NaN_2 or NaN_3 to
// cbor2, its width alone, and FromDiag gives the item with that NaN
// instead. cbor-edn reads cbor2's text as FromDiag does, but for the forms
// listed for TestEDNPeerReadsOurs.
func TestEDNPeerWritesForUs(t *testing.T) {
	items, _, _, _ := ednPeerItems(t)
	reqs := make([]ednPeerReq, len(items))
	for i, it := range items {
		reqs[i] = ednDiagReq(it.b)
	}
	resp := testenv.RunBatch[ednPeerReq, ednPeerResp](t, testenv.CBOREDNCommand(t, ednPeerScript), reqs)
	same, nanLost, peerSame, peerForms := 0, 0, 0, map[string]int{}
	for i, it := range items {
		r := resp[i]
		if r.Text == nil {
			t.Errorf("%s: %x: cbor2's diagnose fails: %s", it.name, it.b, r.Err)
			continue
		}
		text := *r.Text
		exact, err := AppendDiagExact(nil, it.b, nil)
		if err != nil {
			t.Fatal(err)
		}
		got, err := FromDiag(nil, []byte(text), nil)
		switch {
		case err != nil:
			t.Errorf("%s: %x\n%s\nFromDiag: %v", it.name, it.b, text, err)
		case bytes.Equal(got, it.b):
			same++
			if ednNaNLit.Match(exact) {
				t.Errorf("%s: %x\n%s\nkeeps the NaN of %s", it.name, it.b, text, exact)
			}
		case !ednNaNLit.Match(exact):
			t.Errorf("%s: %x\n%s\nFromDiag gives %x", it.name, it.b, text, got)
		default:
			// the item, but for its NaNs
			again, _ := AppendDiagExact(nil, got, nil)
			if want := ednNaNAsCBOR2(string(exact)); string(again) != want {
				t.Errorf("%s: %x\n%s\nFromDiag gives %x\n%s\nwant\n%s", it.name, it.b, text, got, again, want)
			}
			nanLost++
		}
		if err != nil {
			continue
		}
		// cbor-edn reads the same text
		reading, forms := ednPeerReading(text)
		want, err := FromDiag(nil, []byte(reading), nil)
		if err != nil {
			t.Fatalf("%s: the peer's reading %s: %v", it.name, reading, err)
		}
		if peer, perr := r.read(); perr != "" || !bytes.Equal(peer, want) {
			t.Errorf("%s: %x\n%s\ncbor-edn reads %x (%s), not %x (the text with %v as it reads them)", it.name, it.b, text, peer, perr, want, forms)
		} else if len(forms) == 0 {
			peerSame++
		}
		for _, f := range forms {
			peerForms[f]++
		}
	}
	t.Logf("%d items: FromDiag reads cbor2's text as the item for %d, and with NaN payloads or signs lost for %d; cbor-edn reads %d texts as FromDiag, %v as the forms' rewriting",
		len(items), same, nanLost, peerSame, peerForms)
	if nanLost < 50 || same+nanLost != len(items) {
		t.Errorf("%d of %d items compared, %d with a NaN's payload lost", same+nanLost, len(items), nanLost)
	}
}

// Why FromDiag and cbor-edn read a text differently: the peer's bugs, and
// the changes of draft-ietf-cbor-edn-literals (sections as in its editor's
// copy of April 2025, between -16, which the peer follows, and -18) to RFC
// 8949 §8 and RFC 8610 Appendix G, which FromDiag follows.
const (
	ednWhyFloat      = "peer: no float'..' application literal (draft-bormann-cbor-edn-app-ext); it writes the unknown-literal stand-in 999([\"float\", hex])"
	ednWhyB32        = "draft §2.5.5 leaves b32'..' and h32'..' (RFC 8949 §8) to future application literals: to the peer they are unknown, 999"
	ednWhyJuxtapose  = "draft §5.1 item 7 replaced RFC 8610 G.4's juxtaposed strings with the + operator: the peer refuses 'a' 'b'"
	ednWhyPlus       = "draft §5.1 item 7: << >> joined with + to other byte strings (FromDiag joins string literals only)"
	ednWhyCommas     = "draft §2.6: commas between items optional (FromDiag requires them: with G.4's juxtaposed strings, 'a' 'b' would be ambiguous)"
	ednWhyPlusUTF8   = "peer: \"a\" + h'ff' is a text string that is not UTF-8; draft §5.1 item 7 wants joined text valid (FromDiag: ErrInvalidUTF8 unless Options.AllowInvalidUTF8)"
	ednWhyPlusIndic  = "peer drops an indicator after the last string of a + concatenation; FromDiag gives it to the joined string, as for juxtaposed ones (the draft's grammar allows one on each string, and does not say what it means there)"
	ednWhyEllipsis   = "draft §4.2: ... elides, the stand-in tag 888 (FromDiag refuses)"
	ednWhyAppLit     = "draft §3.1, §3.2: dt, DT, ip, IP application literals (FromDiag refuses them)"
	ednWhyUnknownApp = "draft §4.1: an unknown application literal becomes the stand-in tag 999, to the peer 999([prefix, text]) (FromDiag refuses it)"
	ednWhyNewline    = "draft §2.5.1: a raw line feed in a string literal (FromDiag wants \\n, as JSON)"
	ednWhyHexIndic   = "peer bug: it drops an encoding indicator after h'..' (h'01'_1 is 4101, h''_ is 40)"
	ednWhyTagNumber  = "peer bug: a tag number is a JavaScript number, rounded above 2^53 and written as a bignum head at 2^64 (FromDiag: a 64-bit tag number exactly, refused beyond)"
	ednWhyUpperE     = "peer bug: 1E3 fails (\"Cannot convert 1E3 to a BigInt\"); the draft's \"e\" is case-insensitive ABNF"
	ednWhySimple24   = "peer: simple(24) is f818, not well-formed (RFC 8949 §3.3); FromDiag refuses simple(24) to simple(31)"
	ednWhyDupKey     = "FromDiag refuses a duplicate key (RFC 8949 §5.6) unless Options.AllowDuplicateKeys; the draft §2.6.2 lets a tool accept it on request, the peer always does"
	ednWhyEmbedIndef = "peer bug: <<1>>_ is 5f01ff, not well-formed (a chunk must be a byte string); FromDiag refuses _ there"
	ednWhyRange      = "peer: 1.5e400 is Infinity; FromDiag refuses it, as draft §5.1 item 5 says (the range must fit binary64)"
)

// ednSameTexts are texts of every form FromDiag takes (its godoc's list,
// in order) and of the draft's new forms, each with why the two differ, or
// "" where they must agree: the same bytes, or both refuse.
var ednSameTexts = []struct{ text, differs string }{
	// integers, with bignums beyond 64 bits, in each base
	{"0", ""}, {"23", ""}, {"24", ""}, {"-1", ""}, {"-24", ""}, {"-25", ""},
	{"18446744073709551615", ""}, {"-18446744073709551616", ""},
	{"18446744073709551616", ""}, {"-18446744073709551617", ""},
	{"1000000000000000000000000000000", ""}, {"+1", ""}, {"01", ""},
	{"0x1f", ""}, {"-0x1f", ""}, {"+0x1f", ""}, {"0X1F", ""}, {"0o17", ""}, {"0b101", ""}, {"-0b101", ""},
	{"0x0102030405060708090a0b0c0d0e0f10", ""},
	// floats
	{"1.5", ""}, {"-0.0", ""}, {"0.0", ""}, {"1e3", ""}, {"1.0e-5", ""}, {"1.1", ""},
	{"65504.0", ""}, {"100000.0", ""}, {"3.4028234663852886e+38", ""}, {"1.0e+300", ""}, {"5e-324", ""},
	{"0x1.8p3", ""}, {"-0x1.8p3", ""}, {"0x1.8P3", ""}, {"0x10p0", ""}, {"0x1p-1074", ""},
	{"NaN", ""}, {"Infinity", ""}, {"-Infinity", ""}, {"1e", ""},
	{"1E3", ednWhyUpperE}, {"1.5e400", ednWhyRange}, {".5", ""}, {"1.", ""},
	{"-.5", ""}, {"1.e3", ""}, {".", ""}, {"-.e3", ""}, {"0x.8p1", ""}, {"0x1.p3", ""},
	{"float'7e01'", ednWhyFloat}, {"float'7fc00001'", ednWhyFloat}, {"float'7ff8000000000001'", ednWhyFloat},
	{"float'3c00'", ednWhyFloat},
	// strings
	{`"a\u00fcb"`, ""}, {`"\ud83d\ude00"`, ""}, {`"\ud800"`, ""}, {`"\/"`, ""}, {`"a\nb"`, ""},
	{"\"a\nb\"", ednWhyNewline}, {`"\u{1F600}"`, ""}, {`"\u{0041}"`, ""}, {`"\u{110000}"`, ""},
	{`"\u{d800}"`, ""}, {`"\u{}"`, ""}, {`'\u{fc}'`, ""}, {"\"a\tb\"", ""}, {`'\u0041'`, ""},
	{`'abc'`, ""}, {`'a\'b'`, ""}, {`'\u00fc'`, ""},
	{"h'0102'", ""}, {"h'01 02 /c/ 03'", ""}, {"h'0A0b'", ""}, {"h'010'", ""},
	{"b64'AQI'", ""}, {"b64'AQI='", ""}, {"b64'-_8'", ""}, {"b64'+/8='", ""}, {"b64'AQ=='", ""},
	{"b32'ME'", ednWhyB32}, {"b32'ME======'", ednWhyB32}, {"h32'C4'", ednWhyB32},
	{"'a' 'b'", ednWhyJuxtapose}, {"h'01' /c/ h'02'", ednWhyJuxtapose}, {`"a" "b"`, ednWhyJuxtapose},
	{"'a' h'62'", ednWhyJuxtapose}, {"'''a'''", ednWhyJuxtapose}, {`"a" 'b'`, ""},
	{"<<1, 2>>", ""}, {"<<>>", ""}, {"<<1>> <<2>>", ""},
	// simple values, tags, arrays, maps
	{"false", ""}, {"true", ""}, {"null", ""}, {"undefined", ""},
	{"simple(16)", ""}, {"simple(255)", ""}, {"simple(256)", ""}, {"simple(24)", ednWhySimple24},
	{"simple(0x14)", ""}, {"simple(0b10100)", ""}, {"simple(0x100)", ""}, {"simple(-1)", ""},
	{"1(0)", ""}, {"9007199254740992(0)", ""}, {"true(1)", ""},
	{"9007199254740993(0)", ednWhyTagNumber}, {"18446744073709551615(0)", ednWhyTagNumber},
	{"18446744073709551616(0)", ednWhyTagNumber},
	{"[]", ""}, {"[1, [2]]", ""}, {"{}", ""}, {`{1: 2, "a": [3]}`, ""}, {"{[1]: 2}", ""}, {"[,]", ""}, {"{1 2}", ""},
	{"{1: 2, 1: 3}", ednWhyDupKey},
	// encoding indicators
	{"[_ 1, 2]", ""}, {`{_ "a": 1}`, ""}, {"[_ ]", ""}, {"(_ h'01', h'02')", ""}, {"(_ 'a', h'62')", ""},
	{`(_ "a"_0)`, ""}, {"''_", ""}, {`""_`, ""}, {"(_ )", ""},
	{"[_1 1]", ""}, {"[_0 ]", ""}, {"{_1 }", ""}, {"1_1", ""}, {"-1_3", ""}, {"1.5_3", ""}, {"1.0_1", ""},
	{"NaN_2", ""}, {"Infinity_3", ""}, {"24_0(h'')", ""}, {"'a'_0", ""}, {"b64'AQ'_2", ""}, {"<<1>>_0", ""},
	{"<<1>>_1", ""}, {"1000_0", ""}, {"1.1_1", ""}, {"1.0_0", ""}, {"1_4", ""}, {"18446744073709551616_3", ""},
	{"1_i", ""}, {"[_i 1]", ""}, {"24_i", ""}, {"1.5_i", ""}, {"'a'_i", ""}, {"1_i(2)", ""}, {"<<1>>_i", ""}, {"<<1>>_", ednWhyEmbedIndef},
	{"h'01'_1", ednWhyHexIndic}, {"h''_", ednWhyHexIndic}, {"(_ h'01', h'02'_1)", ednWhyHexIndic},
	// white space and comments
	{"/c/ 1 /d/", ""}, {"[1, /x/ 2]", ""}, {"\t1\r\n", ""}, {"", ""}, {" ", ""}, {"1 2", ""}, {"\x00", ""},
	{"1\u00a0", ""},
	{"1 # comment", ""}, {"# c\n1", ""}, {"h'01 # c\n02'", ""}, {"[1, # x / y\n2]", ""}, {"b64'AQ # c\nID'", ""},
	{"# 1", ""}, {"h'01 # c'", ""},
	// the draft's other new forms
	{"[1,]", ""}, {"{1: 2,}", ""}, {"[1,,]", ""}, {"<<1,>>", ""}, {"(_ h'01',)", ""}, {"[1 2]", ednWhyCommas}, {"{1: 2 3: 4}", ednWhyCommas},
	{"'a' + 'b'", ""}, {"h'01' + h'02'", ""}, {`"a" + "b"`, ""}, {"'a' + h'62'", ""}, {`"a" + h'62'`, ""},
	{`"a" + 'b'`, ""}, {`'a' + "b"`, ""}, {`"a" + h'ff'`, ednWhyPlusUTF8}, {"'a' + # c\n 'b'", ""}, {"'a' +", ""}, {"'a' + 1", ""},
	{"'a' + 'b'_0", ednWhyPlusIndic}, {"<<1>> + <<2>>", ednWhyPlus}, {"'a' + <<2>>", ednWhyPlus},
	{"...", ednWhyEllipsis}, {"[1, ...]", ednWhyEllipsis}, {"h'01...'", ednWhyEllipsis}, {"'ab...'", ""},
	{"dt'2020-01-01T00:00:00Z'", ednWhyAppLit}, {"DT'2020-01-01T00:00:00Z'", ednWhyAppLit},
	{"ip'192.0.2.1'", ednWhyAppLit}, {"IP'192.0.2.0/24'", ednWhyAppLit},
	{"cri'x'", ednWhyUnknownApp}, {"H'01'", ednWhyUnknownApp}, {"r'abc'", ednWhyUnknownApp},
}

// TestEDNPeerSameTexts: FromDiag and cbor-edn read every cose-wg example's
// output.cbor_diag to the same bytes, and each text of ednSameTexts the
// same way (the same bytes, or both refuse) but where it names why not.
func TestEDNPeerSameTexts(t *testing.T) {
	ex := coseDiags(t)
	names := make([]string, 0, len(ex))
	for n := range ex {
		names = append(names, n)
	}
	sort.Strings(names)
	texts := make([]string, 0, len(names)+len(ednSameTexts))
	for _, n := range names {
		texts = append(texts, ex[n][0])
	}
	for _, c := range ednSameTexts {
		texts = append(texts, c.text)
	}
	reqs := make([]ednPeerReq, len(texts))
	for i, s := range texts {
		reqs[i] = ednParseReq(s)
	}
	resp := testenv.RunBatch[ednPeerReq, ednPeerResp](t, testenv.CBOREDNCommand(t, ednPeerScript), reqs)
	cose, bothRead, bothRefuse, differ := 0, 0, 0, map[string]int{}
	for i, s := range texts {
		ours, err := FromDiag(nil, []byte(s), nil)
		theirs, perr := resp[i].read()
		agree := err != nil && perr != "" || err == nil && perr == "" && bytes.Equal(ours, theirs)
		why := ""
		if i >= len(names) {
			why = ednSameTexts[i-len(names)].differs
		}
		switch {
		case i < len(names) && !agree:
			t.Errorf("cose-wg %s: FromDiag %x (%v), the peer %x (%s)", names[i], ours, err, theirs, perr)
		case i < len(names):
			cose++
		case agree && why != "":
			t.Errorf("%q: both read %x (or refuse: %v, %s), but listed as differing: %s", s, ours, err, perr, why)
		case !agree && why == "":
			t.Errorf("%q: FromDiag %x (%v), the peer %x (%s)", s, ours, err, theirs, perr)
		case !agree:
			differ[why]++
			t.Logf("%q: FromDiag %x (%v), the peer %x (%s): %s", s, ours, err, theirs, perr, why)
		case err == nil:
			bothRead++
		default:
			bothRefuse++
		}
	}
	n := 0
	for _, c := range differ {
		n += c
	}
	t.Logf("%d cose-wg texts read alike; of %d hand-written texts, %d read alike, %d refused by both, %d differ for %d reasons",
		cose, len(ednSameTexts), bothRead, bothRefuse, n, len(differ))
	if cose != len(names) || len(names) != 306 || bothRead < 80 {
		t.Errorf("%d of %d cose-wg texts, %d hand-written read alike", cose, len(names), bothRead)
	}
}
