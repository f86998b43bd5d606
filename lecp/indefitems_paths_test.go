package lecp

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"testing"

	"github.com/lwscrypto/lwscrypto/internal/testenv"
)

// plainHandler is a Handler that is not a HandlerFunc, so the Parser
// takes writeFast (fastStep) rather than its HandlerFunc loop.
type plainHandler struct{ fn func(*Parser, *Event) error }

func (h plainHandler) HandleEvent(p *Parser, ev *Event) error { return h.fn(p, ev) }

// itemsPathsRun runs b under opts through every way lecp parses and
// returns, per way, the error and the offsets of everything delivered.
func itemsPathsRun(t *testing.T, b []byte, opts *Options) map[string]struct {
	err  error
	offs []int64
} {
	t.Helper()
	type res = struct {
		err  error
		offs []int64
	}
	out := map[string]res{}
	out["Check"] = res{err: Check(b, opts)}
	c := NewChecker(opts)
	c.Check(b)
	out["Checker reused"] = res{err: c.Check(b)}
	parse := func(name string, mk func(fn func(*Parser, *Event) error) (*Parser, error), splits []int) {
		var offs []int64
		p, err := mk(func(p *Parser, ev *Event) error {
			if ev.Kind != Raw {
				offs = append(offs, ev.Offset)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		prev := 0
		for _, s := range append(splits, len(b)) {
			if err == nil {
				_, err = p.Write(b[prev:s])
			}
			prev = s
		}
		if err == nil {
			err = p.Close()
		}
		out[name] = res{err, offs}
	}
	mks := map[string]func(fn func(*Parser, *Event) error) (*Parser, error){
		"Parser func": func(fn func(*Parser, *Event) error) (*Parser, error) {
			return NewParser(HandlerFunc(fn), opts)
		},
		"Parser struct": func(fn func(*Parser, *Event) error) (*Parser, error) {
			return NewParser(plainHandler{fn}, opts)
		},
		"Parser pattern": func(fn func(*Parser, *Event) error) (*Parser, error) {
			return NewParser(HandlerFunc(fn), opts, "*")
		},
		"Parser capture": func(fn func(*Parser, *Event) error) (*Parser, error) {
			return NewParser(HandlerFunc(func(p *Parser, ev *Event) error {
				if p.Depth() == 0 && ev.Kind != Raw {
					p.Capture()
				}
				return fn(p, ev)
			}), opts)
		},
	}
	for name, mk := range mks {
		parse(name+" whole", mk, nil)
		var each []int
		for i := 1; i < len(b); i++ {
			each = append(each, i)
			parse(fmt.Sprintf("%s split %d", name, i), mk, []int{i})
		}
		parse(name+" bytewise", mk, each)
	}
	for _, how := range []string{"bytes", "reader"} {
		mkd := func() *Decoder {
			if how == "bytes" {
				return NewDecoderBytes(b, opts)
			}
			return NewDecoder(iotestOneByte(b), opts)
		}
		d := mkd()
		var offs []int64
		var err error
		for {
			off := d.InputOffset()
			if _, err = d.ReadToken(); err != nil {
				break
			}
			offs = append(offs, off)
		}
		out["Decoder ReadToken "+how] = res{eofNil(err), offs}
		d = mkd()
		for {
			if _, err = d.ReadValue(); err != nil {
				break
			}
		}
		out["Decoder ReadValue "+how] = res{err: eofNil(err)}
		d = mkd()
		for {
			if err = d.SkipValue(); err != nil {
				break
			}
		}
		out["Decoder SkipValue "+how] = res{err: eofNil(err)}
	}
	for _, e := range []error{err0(Items(b, opts))} {
		out["Items"] = res{err: e}
	}
	out["ReadItems"] = res{err: err0(ReadItems(iotestOneByte(b), opts))}
	if !opts.AllowSequence {
		_, err := AppendDiag(nil, b, opts)
		out["AppendDiag"] = res{err: err}
		if !bytes.Contains(b, []byte{0xbf}) && !bytes.Contains(b, []byte{0xa1}) {
			_, err = AppendJSON(nil, b, opts)
			out["AppendJSON"] = res{err: err}
		}
	}
	return out
}

func eofNil(err error) error {
	if err == io.EOF {
		return nil
	}
	return err
}

func err0(seq func(func([]byte, error) bool)) error {
	var e error
	seq(func(_ []byte, err error) bool {
		if err != nil {
			e = err
		}
		return true
	})
	return e
}

// TestIndefiniteItemsEveryPath: every way lecp parses refuses the element
// past MaxItems in an indefinite-length array or map at its head, with the
// same offset and path, delivering nothing of it; a frame holding exactly
// MaxItems then a break is accepted.
func TestIndefiniteItemsEveryPath(t *testing.T) {
	for _, tc := range []struct {
		hex  string
		max  uint64
		off  int64 // -1: valid
		path string
		seq  bool
	}{
		// arrays: every kind of element past the limit
		{"9f 01 02 03 ff", 2, 3, "[2]", false},
		{"9f 01 02 63 616263 ff", 2, 3, "[2]", false},
		{"9f 01 02 5f 41 00 ff ff", 2, 3, "[2]", false},
		{"9f 01 02 c1 00 ff", 2, 3, "[2]", false},
		{"9f 01 02 f9 3c00 ff", 2, 3, "[2]", false},
		{"9f 01 02 a1 01 02 ff", 2, 3, "[2]", false},
		{"9f 01 02 bf ff ff", 2, 3, "[2]", false},
		{"9f 01 02 80 ff", 2, 3, "[2]", false},
		{"9f 01 02 19 0100 ff", 2, 3, "[2]", false},
		{"9f 01 02 1c ff", 2, 3, "[2]", false}, // a malformed head past the limit: its own error first
		{"9f 01 02 ff", 2, -1, "", false},
		{"9f 01 02 ff", 3, -1, "", false},
		{"9f ff", 1, -1, "", false},
		{"9f 00 ff", 1, -1, "", false},
		{"9f 00 00 ff", 1, 2, "[1]", false},
		// maps: every kind of key past the limit
		{"bf 01 02 03 04 05 06 ff", 2, 5, "", false},
		{"bf 61 61 02 61 62 04 61 63 06 ff", 2, 7, "", false},
		{"bf 01 02 03 04 18 05 06 ff", 2, 5, "", false},                     // key with a long head
		{"bf 01 02 03 04 7f 61 61 ff 06 ff", 2, 5, "", false},               // indefinite-length key
		{"bf 01 02 03 04 81 00 06 ff", 2, 5, "", false},                     // array key
		{"bf 01 02 03 04 58 20" + hexZeros(32) + " 06 ff", 2, 5, "", false}, // long byte string key
		{"bf 01 02 03 04 ff", 2, -1, "", false},
		{"bf 01 02 03 ff", 2, 4, "3", false}, // a key pending at the break: ErrBreak, not the limit
		{"bf 01 02 03 04 ff", 3, -1, "", false},
		// nested: the inner full, the outer not, and the reverse
		{"9f 9f 01 02 ff 03 ff", 2, -1, "", false},
		{"9f 9f 01 02 03 ff ff", 2, 4, "[0][2]", false},
		{"9f 01 9f 01 ff 02 ff", 2, 5, "[2]", false},
		{"bf 01 9f 01 02 03 ff ff", 2, 5, "1[2]", false},
		{"9f 01 bf 01 02 03 04 05 06 ff ff", 2, 7, "[1]", false},
		// inside a key being built (an error in a key has the map's path)
		{"bf 9f 01 02 03 ff 00 ff", 2, 4, "", false},
		{"bf 9f 01 02 ff 00 ff", 2, -1, "", false},
		{"bf bf 01 02 03 04 05 06 ff 00 ff", 2, 6, "", false},
		{"a1 9f 01 02 03 ff 00", 2, 4, "", false},
		// under a tag
		{"9f c1 9f 01 02 03 ff ff", 2, 5, "[0][2]", false},
		{"9f 01 02 c1 9f ff ff", 2, 3, "[2]", false},
		// a definite container inside: its own rule, at its head
		{"9f 83 01 02 03 ff", 2, 1, "[0]", false},
		{"9f 82 01 02 82 01 02 ff", 2, -1, "", false},
		// sequences
		{"9f 01 02 ff 9f 01 02 03 ff", 2, 7, "[2]", true},
		{"9f 01 02 ff 01", 2, -1, "", true},
	} {
		b := testenv.Hex(t, tc.hex)
		opts := &Options{MaxItems: tc.max, AllowSequence: tc.seq}
		for name, r := range itemsPathsRun(t, b, opts) {
			if name == "Items" || name == "ReadItems" {
				if !tc.seq && tc.off < 0 {
					continue
				}
			}
			if tc.off < 0 {
				if r.err != nil {
					t.Errorf("%s MaxItems %d %s: %v, want nil", tc.hex, tc.max, name, r.err)
				}
				continue
			}
			var se *SyntaxError
			want := ErrTooManyItems
			switch tc.hex {
			case "bf 01 02 03 ff":
				want = ErrBreak
			case "9f 01 02 1c ff":
				want = ErrReservedInfo
			}
			if !errors.As(r.err, &se) || !errors.Is(r.err, want) || se.Offset != tc.off || se.Path != tc.path {
				t.Errorf("%s MaxItems %d %s: %v, want %v at offset %d path %q", tc.hex, tc.max, name, r.err, want, tc.off, tc.path)
				continue
			}
			for _, o := range r.offs {
				if o >= tc.off {
					t.Errorf("%s MaxItems %d %s: delivered something at offset %d, at or past the error", tc.hex, tc.max, name, o)
				}
			}
		}
	}
}

func hexZeros(n int) string {
	s := ""
	for range n {
		s += "00"
	}
	return s
}

// TestIndefiniteItemsHugeLimits: MaxItems at its extremes leaves
// indefinite-length containers alone (0 is DefaultMaxItems).
func TestIndefiniteItemsHugeLimits(t *testing.T) {
	for _, max := range []uint64{0, 1 << 32, 1 << 63, 1<<64 - 1} {
		for _, h := range []string{"9f 01 02 03 ff", "bf 01 02 03 04 05 06 ff", "9f bf 01 9f 01 ff ff ff"} {
			b := testenv.Hex(t, h)
			for name, r := range itemsPathsRun(t, b, &Options{MaxItems: max}) {
				if r.err != nil {
					t.Errorf("%s MaxItems %d %s: %v", h, max, name, r.err)
				}
			}
		}
	}
}
