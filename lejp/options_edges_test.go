package lejp

import (
	"strings"
	"testing"
)

// TestStringChunkSizes: StringChunk's godoc says 0 means
// DefaultStringChunk and values below 4 mean 4; a negative value is the
// default, as a negative value of every other limit is (it said "below 4
// … mean 4", which a negative value is). The pieces a Parser delivers a
// long string in are checked for each.
func TestStringChunkSizes(t *testing.T) {
	long := strings.Repeat("a", 3*DefaultStringChunk)
	for _, tc := range []struct{ opt, want int }{
		{0, DefaultStringChunk}, {-1, DefaultStringChunk}, {-1 << 40, DefaultStringChunk},
		{1, 4}, {3, 4}, {4, 4}, {5, 5}, {1000, 1000},
	} {
		first := -1
		p, err := NewParser(HandlerFunc(func(p *Parser, ev Event) error {
			if ev.Kind == StringChunk && first < 0 {
				first = len(ev.Value)
			}
			return nil
		}), &Options{StringChunk: tc.opt})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := p.Write([]byte(`"` + long + `"`)); err != nil {
			t.Fatal(err)
		}
		if err := p.Close(); err != nil {
			t.Fatal(err)
		}
		if first != tc.want {
			t.Errorf("StringChunk %d: pieces of %d bytes, want %d", tc.opt, first, tc.want)
		}
	}
}

// TestNegativeLimitsAreDefaults: a negative MaxDepth, MaxNameLen,
// MaxNumberLen, MaxValueLen or MaxNameMemory is the default limit, not no
// limit; a negative MaxStringLen is no limit, as its godoc says.
func TestNegativeLimitsAreDefaults(t *testing.T) {
	neg := resolve(&Options{MaxDepth: -1, MaxNameLen: -1, MaxNumberLen: -1, MaxValueLen: -1, MaxNameMemory: -1})
	def := resolve(nil)
	if neg != def {
		t.Errorf("negative limits resolve to %+v, want the defaults %+v", neg, def)
	}
	deep := strings.Repeat("[", DefaultMaxDepth+1) + strings.Repeat("]", DefaultMaxDepth+1)
	if err := Check([]byte(deep), &Options{MaxDepth: -1}); err == nil {
		t.Errorf("MaxDepth -1 accepted nesting of %d", DefaultMaxDepth+1)
	}
	if l := resolve(&Options{MaxStringLen: -1}); l.maxString < 1<<62 {
		t.Errorf("MaxStringLen -1 resolves to %d, want no limit", l.maxString)
	}
}
