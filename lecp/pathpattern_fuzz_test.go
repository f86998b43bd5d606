package lecp

import (
	"errors"
	"testing"
)

// pathDoc builds from spec a document holding one leaf (the integer 7)
// under a chain of keys and indices, each map and array definite or
// indefinite, with a sibling before the chain's item. Each step takes a
// selector byte: %6 picks a text key (the next byte's count of bytes
// following), a uint or negative key (the next byte), an array index (the
// next byte %5), a byte string key (as a text key) or false, true, null or
// undefined (the next byte %4); bit 3 makes the container indefinite.
func pathDoc(spec []byte) []byte {
	var build func(spec []byte, depth int) []byte
	build = func(spec []byte, depth int) []byte {
		if len(spec) < 2 || depth > 6 {
			return AppendUint(nil, 7)
		}
		sel, arg, rest := spec[0], spec[1], spec[2:]
		indef := sel&8 != 0
		var key []byte
		switch sel % 6 {
		case 0, 4:
			n := min(int(arg), len(rest))
			if sel%6 == 0 {
				key = AppendTextBytes(nil, rest[:n])
			} else {
				key = AppendBytes(nil, rest[:n])
			}
			rest = rest[n:]
		case 1:
			key = AppendUint(nil, uint64(arg))
		case 2:
			key = AppendNegative(nil, uint64(arg))
		case 3:
			idx := int(arg % 5)
			var b []byte
			if indef {
				b = AppendIndefiniteArray(nil)
			} else {
				b = AppendArrayHeader(nil, uint64(idx+1))
			}
			for range idx {
				b = AppendUint(b, 7) // siblings with the leaf's value
			}
			b = append(b, build(rest, depth+1)...)
			if indef {
				b = AppendBreak(b)
			}
			return b
		case 5:
			key = AppendSimple(nil, 20+arg%4)
		}
		var b []byte
		if indef {
			b = AppendIndefiniteMap(nil)
		} else {
			b = AppendMapHeader(nil, 2)
		}
		// a sibling: the same key bytes under another major type where
		// there is one (text for bytes and simple keys, bytes for text)
		sib := AppendText(nil, "sibling")
		if key[0]>>5 == majText {
			sib = append(AppendBytesHeader(nil, uint64(len(key)-hl(key))), key[hl(key):]...)
		}
		b = append(append(b, sib...), AppendUint(nil, 7)...)
		b = append(append(b, key...), build(rest, depth+1)...)
		if indef {
			b = AppendBreak(b)
		}
		return b
	}
	return build(spec, 0)
}

// FuzzPathPattern: the path text the Parser gives an item whose keys are
// text, integers, byte strings, false, true, null or undefined (the keys a
// pattern can name), given back as a pattern, compiles and matches that
// item and only items with the same path text; and any pattern string
// either compiles or is refused with ErrPattern, never a panic.
func FuzzPathPattern(f *testing.F) {
	for _, s := range []string{"\x00\x01a", "\x00\x03a.b\x03\x02", "\x00\x04kid*\x01\x05", "\x00\x02\"]\x02\xff",
		"\x08\x03\xe2\x80\x8f\x0b\x01", "\x00\x01\x7f", "\x00\x03\t\n\\", "\x00\x011", "\x00\x04true\x05\x02",
		"\x04\x02h'\x05\x01", "\x00\x00\x03\x04", "\x00\x05simple", "\x00\x03NaN", "\x00\x02{}\x00\x01(",
		"\x00\x02-1\x02\xff", "\x0b\x04\x01\x00\x02\x00"} {
		f.Add([]byte(s), "a.*")
	}
	for _, p := range []string{"kid*", `"a\"b"`, "[", "a[x]", "h'zz'", "-0", "-18446744073709551616", "a..b", `"\ud83d"`} {
		f.Add([]byte{0, 1, 'a'}, p)
	}
	nop := HandlerFunc(func(*Parser, *Event) error { return nil })
	f.Fuzz(func(t *testing.T, spec []byte, pat string) {
		if _, err := NewParser(nop, nil, pat); err != nil && !errors.Is(err, ErrPattern) {
			t.Fatalf("pattern %q: %v, not ErrPattern", pat, err)
		}
		if len(spec) > 64 {
			spec = spec[:64]
		}
		doc := pathDoc(spec)
		leaf := ""
		var off int64 = -1
		p, _ := NewParser(HandlerFunc(func(p *Parser, ev *Event) error {
			if ev.Kind == Uint && ev.Uint == 7 {
				leaf, off = p.Path(), ev.Offset // the last one is the leaf
			}
			return nil
		}), nil)
		if _, err := p.Write(doc); err != nil || p.Close() != nil {
			return // a key that is not UTF-8, or too deep
		}
		if leaf == "" {
			return // the leaf at the top
		}
		matched := false
		p, err := NewParser(HandlerFunc(func(p *Parser, ev *Event) error {
			if ev.Pattern != 0 {
				return nil
			}
			if got := p.Path(); got != leaf {
				t.Fatalf("%x: pattern %q matches %s at %d", doc, leaf, got, ev.Offset)
			}
			matched = matched || ev.Offset == off
			return nil
		}), nil, leaf)
		if err != nil {
			t.Fatalf("%x: the leaf's path %q as a pattern: %v", doc, leaf, err)
		}
		if _, err := p.Write(doc); err != nil || p.Close() != nil {
			t.Fatalf("%x: %v", doc, err)
		}
		if !matched {
			t.Fatalf("%x: pattern %q does not match the leaf at %d", doc, leaf, off)
		}
	})
}
