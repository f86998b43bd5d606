package lecp

import (
	"encoding/hex"
	"errors"
	"io"
	"testing"
)

// TestWriteEventStrayTagEndIsMisuse: WriteEvent ignored TagEnd in any
// state, so a TagEnd no decoder produces went unnoticed and the output
// could say something else than the events: [TagStart 1, TagEnd, 5] (a
// tag ended before its item) came out as c105, 1(5); a TagEnd with no tag
// (81 01 TagEnd) or one too many was dropped; a tag ended inside its array
// or after a later item went unseen. Now a TagEnd is accepted only right
// after the item of a tag (after the TagEnds of the tags inside it, a Raw
// event between allowed) and is misuse (ErrWriter) anywhere else; a TagEnd
// left out is still fine, as the Writer's own Tag needs none.
func TestWriteEventStrayTagEndIsMisuse(t *testing.T) {
	te := &Event{Kind: TagEnd}
	tag := func(n uint64) *Event { return &Event{Kind: TagStart, Uint: n} }
	u := func(v uint64) *Event { return &Event{Kind: Uint, Uint: v} }
	as, ae := &Event{Kind: ArrayStart}, &Event{Kind: ArrayEnd}
	for name, evs := range map[string][]*Event{
		"TagEnd first":                  {te, u(1)},
		"TagEnd in an array":            {as, u(1), te, ae},
		"TagEnd before the tag's item":  {tag(1), te, u(5)},
		"one TagEnd too many":           {tag(1), tag(2), u(3), te, te, te},
		"TagEnd inside the tag's array": {tag(1), as, te, ae},
		"TagEnd after a later item":     {tag(1), u(5), u(6), te},
		"TagEnd after the array's end":  {as, tag(1), u(5), ae, te},
		"TagEnd after a later array":    {tag(1), as, u(1), ae, u(2), te},
		"TagEnd inside a string":        {tag(1), u(5), {Kind: BytesStart}, te, {Kind: BytesEnd}},
		"TagEnd inside string pieces":   {tag(1), u(5), {Kind: TextChunk, Value: []byte("a")}, te, {Kind: Text}},
		"TagEnd after an array start":   {tag(1), u(5), as, te, ae},
	} {
		var w Writer
		for _, ev := range evs {
			w.WriteEvent(ev)
		}
		if b, err := w.Bytes(); !errors.Is(err, ErrWriter) {
			t.Errorf("%s: %x, %v; want ErrWriter", name, b, err)
		}
	}

	// the Writer's own calls count as items too
	var wd Writer
	wd.Tag(1)
	wd.Uint(5)
	wd.Uint(6)
	wd.WriteEvent(te)
	if b, err := wd.Bytes(); !errors.Is(err, ErrWriter) {
		t.Errorf("TagEnd after Tag(1), Uint(5), Uint(6): %x, %v; want ErrWriter", b, err)
	}

	// accepted: what decoders produce, TagEnds left out, a Raw event
	// between a tag's item and its TagEnd, Bytes called before a TagEnd
	for name, tc := range map[string]struct {
		evs  []*Event
		want string
	}{
		"no TagEnd":            {[]*Event{tag(1), u(5)}, "c105"},
		"nested, no TagEnds":   {[]*Event{tag(1), tag(2), u(5), u(6)}, "c1c20506"},
		"Raw before TagEnd":    {[]*Event{tag(1), u(5), {Kind: Raw, Value: []byte{5}}, te}, "c105"},
		"one of two TagEnds":   {[]*Event{tag(1), tag(2), u(5), te, u(6)}, "c1c20506"},
		"TagEnd after array":   {[]*Event{tag(1), as, u(5), ae, te, u(6)}, "c181050" + "6"},
		"TagEnd after a piece": {[]*Event{tag(1), {Kind: BytesChunk, Value: []byte{1}}, {Kind: Bytes, Value: []byte{2}}, te}, "c1420102"},
	} {
		var w Writer
		for _, ev := range tc.evs {
			w.WriteEvent(ev)
		}
		if b, err := w.Bytes(); err != nil || hex.EncodeToString(b) != tc.want {
			t.Errorf("%s: %x, %v; want %s", name, b, err, tc.want)
		}
	}
	var w Writer
	w.WriteEvent(tag(1))
	w.WriteEvent(u(5))
	if b, err := w.Bytes(); err != nil || hex.EncodeToString(b) != "c105" {
		t.Errorf("Bytes before the TagEnd: %x, %v", b, err)
	}
	w.WriteEvent(te)
	if b, err := w.Bytes(); err != nil || hex.EncodeToString(b) != "c105" {
		t.Errorf("Bytes after the TagEnd: %x, %v", b, err)
	}

	// every decoder's tokens re-encode, TagEnds and all
	for _, h := range []string{"c101", "c1c202", "81c101", "c18101", "a1c101c102", "c25f4101ff", "d8188201c1c2c3f6",
		"c37f6161ff", "9fc1bfc201c380ffff", "c2490100000000000000ff", "c2420001", "c1a1c201c2f6"} {
		for _, det := range []bool{false, true} {
			in, _ := hex.DecodeString(h)
			d := NewDecoderBytes(in, nil)
			w := Writer{Deterministic: det}
			for {
				tok, err := d.ReadToken()
				if err == io.EOF {
					break
				}
				if err != nil {
					t.Fatalf("%s: %v", h, err)
				}
				w.WriteToken(tok)
			}
			b, err := w.Bytes()
			if err != nil {
				t.Errorf("%s re-encoded (Deterministic %v): %v", h, det, err)
				continue
			}
			if err := Check(b, &Options{Deterministic: det}); err != nil {
				t.Errorf("%s re-encoded as %x: %v", h, b, err)
			}
		}
	}
}
