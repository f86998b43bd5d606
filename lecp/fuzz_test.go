package lecp

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/iotest"
	"unicode/utf8"

	"github.com/fxamacker/cbor/v2"

	"github.com/lwscrypto/lwscrypto/internal/corpus"
	"github.com/lwscrypto/lwscrypto/lejp"
)

// addSeeds adds the Appendix A items and the cose-wg example messages (when
// the corpus is present) and a few hostile inputs as seeds.
func addSeeds(f *testing.F) {
	for _, h := range []string{"", "00", "9f ff", "bf 61 61 01 ff", "5f 41 00 ff", "f8 18", "1c", "c1 c1 81 00", "a2 01 00 01 00",
		"9b ffffffffffffffff", "7a ffffffff 00", "fa 7fc00000", "f9 7c01"} {
		b, _ := hex.DecodeString(strings.ReplaceAll(h, " ", ""))
		f.Add(b)
	}
	dir, err := corpus.Dir()
	if err != nil {
		return
	}
	if b, err := os.ReadFile(filepath.Join(dir, "cbor-test-vectors", "appendix_a.json")); err == nil {
		var items []appendixItem
		if json.Unmarshal(b, &items) == nil {
			for _, it := range items {
				c, _ := hex.DecodeString(it.Hex)
				f.Add(c)
			}
		}
	}
	n := 0
	filepath.WalkDir(filepath.Join(dir, "cose-wg-examples"), func(p string, de os.DirEntry, err error) error {
		if err != nil || de.IsDir() || !strings.HasSuffix(p, ".json") || n >= 60 {
			return nil
		}
		b, _ := os.ReadFile(p)
		var ex struct {
			Output struct {
				CBOR string `json:"cbor"`
			} `json:"output"`
		}
		if json.Unmarshal(b, &ex) == nil {
			if c, err := hex.DecodeString(ex.Output.CBOR); err == nil && len(c) > 0 {
				f.Add(c)
				n++
			}
		}
		return nil
	})
}

// FuzzParse: no panic; the push parser gives the same events whole, byte by
// byte and split in three; Check, push and pull agree on the verdict (pull
// on the error too, from the bytes or from readers of any split);
// accepted input re-encodes to CBOR that is accepted and re-encodes to
// itself (decode→encode→decode is stable); diagnostic notation and JSON
// conversion do not fail on accepted input (JSON may refuse key collisions).
func FuzzParse(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, b []byte) {
		opts := &Options{MaxDepth: 64, StringChunk: 64}
		whole := tracePush(b, opts, nil)
		if got := tracePush(b, opts, func(int) int { return 1 }); got != whole {
			t.Fatalf("byte by byte:\n%s\nwhole:\n%s", got, whole)
		}
		if len(b) > 2 {
			a, c := len(b)/3, len(b)/2
			if got := tracePush(b, opts, func(i int) int { return []int{a, c - a, len(b)}[min(i, 2)] }); got != whole {
				t.Fatalf("split:\n%s\nwhole:\n%s", got, whole)
			}
		}
		if got, want := traceCaptureAll(b, opts, nil), traceCaptureAll(b, opts, func(int) int { return 1 }); got != want {
			t.Fatalf("capture, whole:\n%s\nbyte by byte:\n%s", got, want)
		}
		// under a MaxItems a fuzz input passes, where the element past it
		// in an indefinite container is refused at its head: the same
		// events and error whole and byte by byte, Check's error, the
		// pull decoder's over the bytes and over a one-byte reader
		small := &Options{MaxDepth: 64, StringChunk: 64, MaxItems: 3}
		sw := tracePush(b, small, nil)
		if got := tracePush(b, small, func(int) int { return 1 }); got != sw {
			t.Fatalf("MaxItems 3, byte by byte:\n%s\nwhole:\n%s", got, sw)
		}
		serr := Check(b, small)
		spull := tracePullFrom(NewDecoderBytes(b, small))
		if got := tracePullFrom(NewDecoder(iotestOneByte(b), small)); got != spull {
			t.Fatalf("MaxItems 3, pull from a reader:\n%s\nfrom the bytes:\n%s", got, spull)
		}
		for _, tr := range []string{sw, spull} {
			if serr == nil && strings.Contains(tr, "error: ") || serr != nil && !strings.HasSuffix(tr, "error: "+serr.Error()+"\n") {
				t.Fatalf("MaxItems 3: Check %v, trace:\n%s", serr, tr)
			}
		}
		cerr := Check(b, opts)
		perr := strings.Contains(whole, "error: ")
		if (cerr != nil) != perr || cerr != nil && !strings.HasSuffix(whole, "error: "+cerr.Error()+"\n") {
			t.Fatalf("Check %v, push %q", cerr, whole)
		}
		// the pull decoder gives the same tokens and error over the bytes
		// given whole, one byte per Read, and a reader that returns its
		// last bytes with io.EOF; its error is Check's, offset and path
		// included; Finish after a few tokens says the same however the
		// input arrives
		pull := tracePullFrom(NewDecoderBytes(b, opts))
		for _, r := range []io.Reader{iotestOneByte(b), iotest.DataErrReader(iotest.HalfReader(bytes.NewReader(b)))} {
			if got := tracePullFrom(NewDecoder(r, opts)); got != pull {
				t.Fatalf("pull from a reader:\n%s\nfrom the bytes:\n%s", got, pull)
			}
		}
		if cerr == nil && strings.Contains(pull, "error: ") || cerr != nil && !strings.HasSuffix(pull, "error: "+cerr.Error()+"\n") {
			t.Fatalf("Check %v, pull:\n%s", cerr, pull)
		}
		for k := 1; k <= 3; k++ {
			whole, split := NewDecoderBytes(b, opts), NewDecoder(iotestOneByte(b), opts)
			for range k {
				whole.ReadToken()
				split.ReadToken()
			}
			if w, s := fmt.Sprint(whole.Finish()), fmt.Sprint(split.Finish()); w != s {
				t.Fatalf("Finish after %d tokens: %s from the bytes, %s from a reader", k, w, s)
			}
		}
		if cerr != nil {
			var se *SyntaxError
			if !errors.As(cerr, &se) || se.Offset < 0 || se.Offset > int64(len(b)) {
				t.Fatalf("bad error %v", cerr)
			}
			return
		}
		if _, err := AppendDiag(nil, b, opts); err != nil {
			t.Fatalf("diag: %v", err)
		}
		j, err := AppendJSON(nil, b, opts)
		if err != nil && !errors.Is(err, ErrKeyCollision) {
			t.Fatalf("json: %v", err)
		}
		// what AppendJSON writes is JSON that strict lejp accepts: valid
		// UTF-8 and no two members of an object with the same name
		if err == nil {
			if err := lejp.Check(j, &lejp.Options{MaxDepth: 1 << 20, MaxNumberLen: 1 << 20, MaxStringLen: -1, MaxNameLen: 1 << 30, MaxNameMemory: 1 << 30}); err != nil {
				t.Fatalf("%x: JSON %s: %v", b, j, err)
			}
		}
		re := reencode(t, b)
		if err := Check(re, &Options{MaxDepth: 64}); err != nil {
			t.Fatalf("re-encoding %x rejected: %v", re, err)
		}
		if re2 := reencode(t, re); !bytes.Equal(re, re2) {
			t.Fatalf("re-encoding not stable: %x then %x", re, re2)
		}
	})
}

var (
	fxDec, _ = cbor.DecOptions{
		DupMapKey:        cbor.DupMapKeyEnforcedAPF,
		MaxNestedLevels:  64,
		MaxArrayElements: 2147483647,
		MaxMapPairs:      2147483647,
		IndefLength:      cbor.IndefLengthAllowed,
		TagsMd:           cbor.TagsAllowed,
		UTF8:             cbor.UTF8RejectInvalid,
	}.DecMode()
	fxEnc, _ = cbor.CoreDetEncOptions().EncMode()
)

// FuzzDifferential compares lecp with github.com/fxamacker/cbor/v2: the
// same well-formedness verdict, and where both decode, the same value (both
// re-encoded core deterministically). Inputs with tags, undefined or other
// simple values are compared on the verdict only, since fxamacker maps
// those to Go types (time.Time, big.Int, nil) that re-encode differently.
// One verdict differs by design: two NaN keys are one key for lecp (RFC
// 8949 §5.6.1 for equal significands) and two for fxamacker (Go maps).
func FuzzDifferential(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, b []byte) {
		// fxamacker's Wellformed checks neither UTF-8 nor duplicate keys;
		// its Unmarshal does (below)
		opts := &Options{MaxDepth: 64, MaxItems: 2147483647, AllowDuplicateKeys: true, AllowInvalidUTF8: true}
		ours := Check(b, opts)
		theirs := fxDec.Wellformed(b)
		if errors.Is(ours, ErrDepth) || theirs != nil && strings.Contains(theirs.Error(), "nested level") {
			return // depth is counted differently (lecp counts indefinite strings)
		}
		if (ours == nil) != (theirs == nil) {
			t.Fatalf("%x: lecp %v, fxamacker %v", b, ours, theirs)
		}
		if ours != nil {
			return
		}
		var v any
		ferr := fxDec.Unmarshal(b, &v)
		lerr := Check(b, &Options{MaxDepth: 64, MaxItems: 2147483647})
		if errors.Is(lerr, ErrDuplicateKey) && ferr == nil && hasNaN(b) {
			// fxamacker compares keys as Go map keys, where NaN != NaN;
			// RFC 8949 §5.6.1 makes NaNs with the same significand equal,
			// and lecp takes every NaN key as the same (doc.go)
			return
		}
		if lerr != nil && ferr == nil {
			t.Fatalf("%x: lecp %v, fxamacker accepts", b, lerr)
		}
		if ferr != nil || lerr != nil {
			// fxamacker also refuses what Go cannot hold (an array as a map
			// key) and some tag contents; lecp accepts those
			return
		}
		plain := true
		p, _ := NewParser(HandlerFunc(func(p *Parser, ev *Event) error {
			switch ev.Kind {
			case TagStart, Undefined, Simple:
				plain = false
			}
			return nil
		}), opts)
		p.Write(b)
		p.Close()
		if !plain {
			return
		}
		fx, err := fxEnc.Marshal(v)
		if err != nil {
			return // a value fxamacker cannot re-encode
		}
		var w Writer
		w.Deterministic = true
		d := NewDecoderBytes(b, nil)
		for {
			tok, err := d.ReadToken()
			if err != nil {
				break
			}
			w.WriteToken(tok)
		}
		mine, err := w.Bytes()
		if err != nil {
			t.Fatalf("%x: writer: %v", b, err)
		}
		if !bytes.Equal(mine, fx) {
			t.Fatalf("%x: lecp re-encodes as %x, fxamacker as %x", b, mine, fx)
		}
	})
}

// FuzzValidUTF8: validUTF8 agrees with utf8.Valid. The long seeds reach
// utf8simd.Valid in the simd build (64 bytes and more).
func FuzzValidUTF8(f *testing.F) {
	for _, s := range []string{"", "a", "héllo wörld", "日本語のテキスト abc", "\xed\xa0\x80", "\xe0\x80\xaf", "\xf0\x9f\x98\x80 ok", "\xf4\x90\x80\x80", "\xc0\xaf", "\xef\xbf\xbd", "abcdefgh\xe3\x81",
		strings.Repeat("日本語 ", 20), strings.Repeat("ascii text, ", 8) + "\xed\xa0\x80" + strings.Repeat("é", 20)} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		if got, want := validUTF8(b), utf8.Valid(b); got != want {
			t.Fatalf("validUTF8(%x) = %v, utf8.Valid %v", b, got, want)
		}
	})
}

// hasNaN reports whether the well-formed b holds a NaN.
func hasNaN(b []byte) bool {
	found := false
	p, _ := NewParser(HandlerFunc(func(p *Parser, ev *Event) error {
		found = found || ev.Kind == Float && ev.Float != ev.Float
		return nil
	}), &Options{MaxDepth: 64, AllowDuplicateKeys: true, AllowInvalidUTF8: true})
	p.Write(b)
	p.Close()
	return found
}
