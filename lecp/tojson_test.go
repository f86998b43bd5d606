package lecp

import (
	"errors"
	"strconv"
	"strings"
	"testing"
)

// TestToJSONCollisions: AppendJSON refuses a map whose keys become the same
// member name, whichever comes first and however many keys the map has
// (names are compared one by one in small maps and through a table in
// large ones, which grows), and nowhere else: equal names in different
// maps, nested or not, are fine.
func TestToJSONCollisions(t *testing.T) {
	// textMap writes a map of n text keys "0".."n-1" (values null), with
	// the integer key dup (which collides with text key "dup") at index at
	// when at >= 0, and nested as the value of key "0" when given.
	textMap := func(n, dup, at int, nested []byte) []byte {
		pairs := n
		if at >= 0 {
			pairs++
		}
		b := AppendMapHeader(nil, uint64(pairs))
		for i := 0; i <= n; i++ {
			if i == at {
				b = AppendNull(AppendUint(b, uint64(dup)))
			}
			if i == n {
				break
			}
			b = AppendText(b, strconv.Itoa(i))
			if i == 0 && nested != nil {
				b = append(b, nested...)
			} else {
				b = AppendNull(b)
			}
		}
		return b
	}
	for _, n := range []int{1, 2, 14, 15, 16, 17, 31, 32, 33, 100, 1000, 5000} {
		inner := textMap(n, 0, -1, nil)
		for _, doc := range [][]byte{textMap(n, 0, -1, nil), textMap(n, 0, -1, inner), textMap(n, 0, -1, textMap(n, 0, -1, inner))} {
			j, err := AppendJSON(nil, doc, nil)
			if err != nil || strings.Count(string(j), ":") < n {
				t.Errorf("%d keys: %v", n, err)
			}
		}
		for _, dup := range []int{0, n / 2, n - 1} {
			for _, at := range []int{0, n / 2, n} {
				for _, doc := range [][]byte{textMap(n, dup, at, nil), textMap(n+1, 0, -1, textMap(n, dup, at, nil))} {
					_, err := AppendJSON(nil, doc, nil)
					var se *SyntaxError
					if !errors.Is(err, ErrKeyCollision) || !errors.As(err, &se) {
						t.Errorf("%d keys, integer %d at %d: %v", n, dup, at, err)
						continue
					}
					// the later of the two keys is reported
					later := at
					if at <= dup {
						later = dup + 1
					}
					if se.Offset != int64(keyOffset(t, doc, se.Path, later)) {
						t.Errorf("%d keys, integer %d at %d: offset %d (path %q), want key %d", n, dup, at, se.Offset, se.Path, later)
					}
				}
			}
		}
	}
	// text that is not UTF-8 (accepted with AllowInvalidUTF8) is written
	// with U+FFFD, so "a\xff" and "a\xfe" collide, as do exact duplicates
	// (accepted with AllowDuplicateKeys)
	lax := &Options{AllowInvalidUTF8: true, AllowDuplicateKeys: true}
	for _, n := range []int{0, 20} {
		for _, keys := range [][2]string{{"a\xff", "a\xfe"}, {"a\xff", "a\uFFFD"}, {"k", "k"}} {
			b := AppendMapHeader(nil, uint64(n+2))
			b = AppendNull(AppendText(b, keys[0]))
			for i := range n {
				b = AppendNull(AppendText(b, "x"+strconv.Itoa(i)))
			}
			b = AppendNull(AppendText(b, keys[1]))
			if _, err := AppendJSON(nil, b, lax); !errors.Is(err, ErrKeyCollision) {
				t.Errorf("%d keys between %q and %q: %v", n, keys[0], keys[1], err)
			}
		}
	}
}

// keyOffset returns the offset of the i-th key of the map at path in doc.
func keyOffset(t *testing.T, doc []byte, path string, i int) int64 {
	t.Helper()
	d := NewDecoderBytes(doc, nil)
	for {
		tok, err := d.ReadToken()
		if err != nil {
			t.Fatalf("no map at %q", path)
		}
		if tok.Kind == MapStart && d.Path() == path {
			break
		}
	}
	for k := 0; ; k++ {
		off := d.InputOffset()
		if k == i {
			return off
		}
		if err := d.SkipValue(); err != nil {
			t.Fatal(err)
		}
		if err := d.SkipValue(); err != nil {
			t.Fatal(err)
		}
	}
}

// TestToJSONAllocs: AppendJSON allocates for buffers, not per key or per
// map, also when maps are large enough for their names to be indexed.
func TestToJSONAllocs(t *testing.T) {
	var sb strings.Builder
	sb.WriteString("[")
	for i := range 2000 {
		if i > 0 {
			sb.WriteString(",")
		}
		sb.WriteString(`{"id":1,"name":"x","tags":[1,2],"more":{"a":null,"b":true}`)
		for k := range 40 {
			sb.WriteString(`,"f` + strconv.Itoa(k) + `":` + strconv.Itoa(k))
		}
		sb.WriteString("}")
	}
	sb.WriteString("]")
	c, err := FromJSON(nil, strings.NewReader(sb.String()), false)
	if err != nil {
		t.Fatal(err)
	}
	out := make([]byte, 0, 2*sb.Len())
	if n := testing.AllocsPerRun(5, func() { AppendJSON(out, c, nil) }); n > 64 {
		t.Errorf("%.0f allocations for 2,000 maps of 44 keys", n)
	}
}
