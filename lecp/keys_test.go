package lecp

import (
	"errors"
	"strconv"
	"strings"
	"testing"
)

// keyDocs are maps whose keys exercise the duplicate detection: n keys
// (below, at and past linearKeys, where the hash table takes over), keys
// that share their first 8 bytes and their length, short keys, integer
// keys, a duplicate at the start, middle or end or none, at the top and
// inside a nested map.
func keyDocs() [][]byte {
	var docs [][]byte
	name := func(i int) []byte {
		switch i % 4 {
		case 0:
			return AppendText(nil, "profile_"+strconv.Itoa(i)+"_color") // shared prefix
		case 1:
			return AppendText(nil, "k"+strconv.Itoa(i)) // short
		case 2:
			return AppendInt(nil, int64(-i)) // integer
		}
		return AppendText(nil, strings.Repeat("x", 20)+strconv.Itoa(1000+i)) // shared prefix and length
	}
	for _, n := range []int{1, 2, 9, 47, 48, 49, 100} {
		for _, dup := range []int{-1, 0, n / 2, n - 1} {
			inner := AppendMapHeader(nil, uint64(n+1))
			for i := range n {
				inner = append(inner, name(i)...)
				inner = AppendInt(inner, int64(i))
			}
			if dup >= 0 {
				inner = append(inner, name(dup)...)
			} else {
				inner = AppendText(inner, "last")
			}
			inner = AppendNull(inner)
			docs = append(docs, inner)
			outer := AppendMapHeader(nil, 2)
			outer = AppendText(outer, "profile_x_color")
			outer = append(outer, inner...)
			outer = AppendText(outer, "profile_y_color")
			outer = append(outer, inner...)
			docs = append(docs, outer)
		}
	}
	return docs
}

// TestKeyFilter: Check, the push parser and the Decoder find exactly the
// duplicate keys the machine finds (the Decoder over a one-byte reader),
// also when every key collides in the maps' filters (filter multiplier 0),
// so that each new key is compared with all earlier ones.
func TestKeyFilter(t *testing.T) {
	for _, collide := range []bool{false, true} {
		for _, b := range keyDocs() {
			want := traceDecoder(NewDecoder(iotestOneByte(b), nil))
			c := NewChecker(nil)
			p, _ := NewParser(HandlerFunc(func(*Parser, *Event) error { return nil }), nil)
			d := NewDecoderBytes(b, nil)
			if collide {
				c.m.keys.mul, p.m.keys.mul, d.m.keys.mul = 0, 0, 0
			}
			for range 2 { // the second time with the arena and ents grown
				err := c.Check(b)
				werr := ""
				if i := strings.LastIndex(want, "error: "); i >= 0 {
					werr = strings.TrimSuffix(want[i+len("error: "):], "\n")
				}
				if got := ""; err != nil {
					got = err.Error()
					if got != werr {
						t.Fatalf("collide %v, %x: Check %q, machine %q", collide, b, got, werr)
					}
				} else if werr != "" {
					t.Fatalf("collide %v, %x: Check accepts, machine %q", collide, b, werr)
				}
				if dup := strings.Contains(want, "duplicate"); dup != errors.Is(err, ErrDuplicateKey) {
					t.Fatalf("collide %v, %x: Check %v, duplicate in the document: %v", collide, b, err, dup)
				}
				p.Reset()
				_, perr := p.Write(b)
				if perr == nil {
					perr = p.Close()
				}
				if (perr == nil) != (err == nil) || err != nil && perr.Error() != err.Error() {
					t.Fatalf("collide %v, %x: push %v, Check %v", collide, b, perr, err)
				}
				d.ResetBytes(b)
				if got := traceDecoder(d); got != want {
					t.Fatalf("collide %v, %x: decoder over the bytes:\n%s\nmachine:\n%s", collide, b, got, want)
				}
			}
		}
	}
}
