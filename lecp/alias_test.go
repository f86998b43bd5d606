package lecp

import (
	"bytes"
	"slices"
	"testing"
	"testing/iotest"

	"github.com/lwscrypto/lwscrypto/internal/testenv"
)

// The values the package hands out (token and event values, ReadValue's
// bytes, Items' items) borrow the input or the decoder's buffer. Their
// capacity must end where they end: an append by the caller then copies,
// instead of writing over the input that follows, still to be read (lejp
// caps its values the same way). On the base they reached to the end of
// the buffer: appending one byte to the text "ab" of ["ab", 1, ...] turned
// the next item, 1, into -1 (0x20), and the decoder read it so.

// aliasDoc is [ "ab", 1, h'00', 2 ]: appending 0x20 to a value in place
// would turn the integer after it into -1.
const aliasDoc = "84 62 6162 01 41 00 02"

func TestTokenValueCapped(t *testing.T) {
	for _, mode := range []string{"bytes", "reader", "one-byte reader"} {
		b := testenv.Hex(t, aliasDoc)
		var d *Decoder
		switch mode {
		case "bytes":
			d = NewDecoderBytes(b, nil)
		case "reader":
			d = NewDecoder(bytes.NewReader(b), nil)
		default:
			d = NewDecoder(iotest.OneByteReader(bytes.NewReader(b)), nil)
		}
		var got []Kind
		for {
			tok, err := d.ReadToken()
			if err != nil {
				break
			}
			got = append(got, tok.Kind)
			if tok.Kind == Text || tok.Kind == Bytes {
				_ = append(tok.Value, 0x20)
			}
		}
		want := []Kind{ArrayStart, Text, Uint, Bytes, Uint, ArrayEnd}
		if !slices.Equal(got, want) {
			t.Errorf("%s: tokens %v after appending to values, want %v", mode, got, want)
		}
		if !bytes.Equal(b, testenv.Hex(t, aliasDoc)) {
			t.Errorf("%s: the input changed: %x", mode, b)
		}
	}
}

func TestReadValueCapped(t *testing.T) {
	for _, mode := range []string{"bytes", "reader"} {
		b := testenv.Hex(t, aliasDoc)
		d := NewDecoderBytes(b, nil)
		if mode == "reader" {
			d = NewDecoder(bytes.NewReader(b), nil)
		}
		if _, err := d.ReadToken(); err != nil {
			t.Fatal(err)
		}
		var got []string
		for {
			v, err := d.ReadValue()
			if err != nil {
				break
			}
			got = append(got, string(v))
			_ = append(v, 0x20)
		}
		want := []string{"\x62ab", "\x01", "\x41\x00", "\x02"}
		if len(got) != len(want) {
			t.Errorf("%s: ReadValue after appending to values: %q, want %q", mode, got, want)
			continue
		}
		for i := range got {
			if got[i] != want[i] {
				t.Errorf("%s: ReadValue after appending to values: %q, want %q", mode, got, want)
				break
			}
		}
	}
	b := testenv.Hex(t, "62 6162 01 41 00 02")
	var items []string
	for v, err := range Items(b, nil) {
		if err != nil {
			t.Fatalf("Items after appending to items: %v (got %q)", err, items)
		}
		items = append(items, string(v))
		_ = append(v, 0x20)
	}
	if len(items) != 4 || items[1] != "\x01" || items[3] != "\x02" {
		t.Errorf("Items after appending to items: %q", items)
	}
}

func TestEventValueCapped(t *testing.T) {
	b0 := testenv.Hex(t, aliasDoc)
	for _, pats := range [][]string{nil, {"[1]"}} {
		for _, step := range []int{len(b0), 1, 2, 3} {
			b := bytes.Clone(b0)
			var got []Kind
			h := HandlerFunc(func(p *Parser, ev *Event) error {
				got = append(got, ev.Kind)
				if ev.Kind == Text || ev.Kind == Bytes {
					_ = append(ev.Value, 0x20)
				}
				return nil
			})
			p, err := NewParser(h, nil, pats...)
			if err != nil {
				t.Fatal(err)
			}
			for i := 0; i < len(b); i += step {
				if _, err := p.Write(b[i:min(i+step, len(b))]); err != nil {
					t.Fatalf("patterns %q, writes of %d: %v", pats, step, err)
				}
			}
			if err := p.Close(); err != nil {
				t.Fatal(err)
			}
			want := []Kind{ArrayStart, Text, Uint, Bytes, Uint, ArrayEnd}
			if !slices.Equal(got, want) {
				t.Errorf("patterns %q, writes of %d: events %v after appending to values, want %v", pats, step, got, want)
			}
		}
	}
}
