package lecp

import (
	"encoding/hex"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"github.com/lwscrypto/lwscrypto/internal/testenv"
)

// TestFromDiagMemory: FromDiag keeps nothing per item. Beyond the output
// it allocates the encoding (the output itself, when dst has no room) in
// one or two buffers sized from the text, and a fix per container of 24
// items or more (whose head is longer than the byte left for it); with
// room in dst, little more than one copy of the output.
func TestFromDiagMemory(t *testing.T) {
	if testenv.Race {
		t.Skip("allocation counts differ under -race")
	}
	const n = 1000000
	var m strings.Builder // a map of 24 entries
	m.WriteString("{")
	for k := range 24 {
		if k > 0 {
			m.WriteString(", ")
		}
		m.WriteString(strconv.Itoa(k) + ": 1")
	}
	m.WriteString("}")
	for _, c := range []struct {
		name  string
		text  string
		items int // items in the text
		fixes int // containers of 24 items or more
	}{
		// small integers, one byte each
		{"ints", "[" + strings.Repeat("1, ", n-1) + "1]", n + 1, 1},
		// arrays of two, each its head and two bytes
		{"pairs", "[" + strings.Repeat("[1, 2], ", n/3-1) + "[1, 2]]", n/3*3 + 1, 1},
		// maps of 24 entries, whose heads are fixed
		{"maps", "[" + strings.Repeat(m.String()+", ", n/49-1) + m.String() + "]", n/49*49 + 1, n/49 + 1},
	} {
		text := []byte(c.text)
		var out []byte
		var err error
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		out, err = FromDiag(nil, text, nil)
		runtime.ReadMemStats(&after)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		a := after.TotalAlloc - before.TotalAlloc
		t.Logf("%s: %d items, %d bytes of text, %d of output: %d bytes allocated (%.2f per item), %d allocations",
			c.name, c.items, len(text), len(out), a, float64(a)/float64(c.items), after.Mallocs-before.Mallocs)
		// the output and half of it again at most, 48 bytes a fix
		// (24, in a slice that doubles), and the first buffers
		if limit := uint64(len(out)+len(out)/2+48*c.fixes) + 64<<10; a > limit {
			t.Errorf("%s: %d bytes allocated for %d items (%d bytes of output), want at most %d",
				c.name, a, c.items, len(out), limit)
		}
		if m := after.Mallocs - before.Mallocs; m > 40 {
			t.Errorf("%s: %d allocations", c.name, m)
		}
		// into a dst with room: the output is copied there, and the
		// encoding is the only buffer of its size
		dst := make([]byte, 0, len(out))
		runtime.GC()
		runtime.ReadMemStats(&before)
		got, err := FromDiag(dst, text, nil)
		runtime.ReadMemStats(&after)
		if err != nil || string(got) != string(out) || &got[:1][0] != &dst[:1][0] {
			t.Fatalf("%s: into dst: %v", c.name, err)
		}
		if limit := uint64(len(out)+len(out)/2+48*c.fixes) + 64<<10; after.TotalAlloc-before.TotalAlloc > limit {
			t.Errorf("%s: into dst: %d bytes allocated, want at most %d", c.name, after.TotalAlloc-before.TotalAlloc, limit)
		}
	}
}

// TestFromDiagFixedHeads: containers of 24 items or more, whose heads need
// more than the byte left for them, in embedded CBOR, in map keys (whose
// text is the path) and before the items of errors Check finds, which are
// reported at the same items of the text as without them.
func TestFromDiagFixedHeads(t *testing.T) {
	var b strings.Builder
	for k := range 24 {
		if k > 0 {
			b.WriteString(", ")
		}
		b.WriteString(strconv.Itoa(k))
	}
	n24 := b.String()
	a24 := "[" + n24 + "]" // 98 18 00 ... 17
	const a24hex = "9818000102030405060708090a0b0c0d0e0f1011121314151617"
	for _, c := range []struct{ in, hex string }{
		{"<<" + a24 + ">>", "581a" + a24hex},
		{"<<" + a24 + ">>_1", "59001a" + a24hex},
		{"<<<<" + a24 + ">>>>", "581c581a" + a24hex},
		{"{" + a24 + ": " + a24 + "}", "a1" + a24hex + a24hex},
		{"[_ " + a24 + ", [" + n24 + ", 24]]", "9f" + a24hex + "9819" + a24hex[4:] + "1818ff"},
	} {
		got, err := FromDiag(nil, []byte(c.in), nil)
		if err != nil || hex.EncodeToString(got) != c.hex {
			t.Errorf("FromDiag(%q) = %x, %v; want %s", c.in, got, err, c.hex)
		}
	}
	for _, c := range []struct {
		in   string
		opts *Options
		off  int64
		path string
		err  error
	}{
		{"{" + a24 + ": [0, 1, x]}", nil, 96, a24 + "[2]", ErrDiagSyntax},
		{"{<<" + a24 + ">>: [x]}", nil, 94, "h'" + a24hex + "'[0]", ErrDiagSyntax},
		{"{" + a24 + ": [" + n24 + ", 24]}", &Options{MaxItems: 24}, 89, a24, ErrTooManyItems},
		{"[" + a24 + ", [" + n24 + ", 24]]", &Options{MaxItems: 24}, 89, "[1]", ErrTooManyItems},
		{"{" + a24 + ": 1, " + a24 + ": 2}", nil, 92, "", ErrDuplicateKey},
		{"[" + a24 + ", <<" + a24 + ">>, h'" + strings.Repeat("00", 31) + "']", &Options{MaxStringLen: 30}, 181, "[2]", ErrStringTooLong},
	} {
		fromDiagErr(t, c.in, c.opts, c.off, c.path, c.err)
	}
}
