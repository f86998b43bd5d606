package lejp

import (
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
)

// The Parser's place answers (Pattern, Path, Pointer, Depth, Index,
// AppendWildcard) against a reference that knows nothing of the scanner:
// it follows the events alone, keeps its own stack of segments, and
// matches the patterns as the package documentation states them, segment
// by segment ("*" one member name, "[]" an array element, a final "*"
// everything below, the first matching pattern winning). The other tests
// compare the Parser with itself (split, fast path, Decoder); this one
// says what the answers must be.

// refSeg is one segment of a path: an array element (with its index) or
// a member (with its name and index).
type refSeg struct {
	arr  bool
	name string
	idx  int64
}

// refPlace is the reference: the segments of the open containers and
// whether a string is under way (its pieces are one value).
type refPlace struct {
	pats  []pattern
	path  []refSeg
	inStr bool
	errs  []string
}

// refMatch matches path against pt; it returns what the wildcards
// matched.
func refMatch(pt pattern, path []refSeg) (bool, []string) {
	n := len(pt.segs)
	if len(path) < n || (pt.rest && len(path) == n) || (!pt.rest && len(path) > n) {
		return false, nil
	}
	var wild []string
	for i, sg := range pt.segs {
		switch sg.kind {
		case segArray:
			if !path[i].arr {
				return false, nil
			}
		case segAny:
			if path[i].arr {
				return false, nil
			}
			wild = append(wild, path[i].name)
		default:
			if path[i].arr || path[i].name != sg.name {
				return false, nil
			}
		}
	}
	if pt.rest {
		wild = append(wild, refPathText(path[n:]))
	}
	return true, wild
}

func refPathText(path []refSeg) string {
	var b strings.Builder
	for i, s := range path {
		if s.arr {
			b.WriteString("[]")
			continue
		}
		if i > 0 {
			b.WriteByte('.')
		}
		b.WriteString(s.name)
	}
	return b.String()
}

func refPointer(path []refSeg) string {
	var b strings.Builder
	for _, s := range path {
		b.WriteByte('/')
		if s.arr {
			b.WriteString(strconv.FormatInt(s.idx, 10))
		} else {
			b.WriteString(strings.NewReplacer("~", "~0", "/", "~1").Replace(s.name))
		}
	}
	return b.String()
}

func (h *refPlace) HandleEvent(p *Parser, ev Event) error {
	top := len(h.path) - 1
	switch ev.Kind {
	case ObjectEnd, ArrayEnd:
		h.path = h.path[:top]
	case Name:
		h.path[top].name = string(ev.Value)
		h.path[top].idx++
	default:
		// A value begins (a string's first piece, or its only event):
		// in an array, the next element.
		if top >= 0 && h.path[top].arr && !h.inStr {
			h.path[top].idx++
		}
	}
	h.inStr = ev.Kind == StringChunk
	want, wantIdx := -1, int64(-1)
	var wild []string
	for i, pt := range h.pats {
		if ok, w := refMatch(pt, h.path); ok {
			want, wild = i, w
			break
		}
	}
	if len(h.path) > 0 {
		wantIdx = h.path[len(h.path)-1].idx
	}
	got := fmt.Sprintf("#%d %q %q d%d i%d", ev.Pattern, p.Path(), p.Pointer(), p.Depth(), p.Index())
	exp := fmt.Sprintf("#%d %q %q d%d i%d", want, refPathText(h.path), refPointer(h.path), len(h.path), wantIdx)
	for i := 0; ; i++ {
		w, ok := p.AppendWildcard(nil, i)
		if !ok {
			break
		}
		got += fmt.Sprintf(" *%q", w)
	}
	for _, w := range wild {
		exp += fmt.Sprintf(" *%q", w)
	}
	if got != exp {
		h.errs = append(h.errs, fmt.Sprintf("%s at %d: %s, want %s", ev.Kind, ev.Offset, got, exp))
	}
	if ev.Kind == ObjectStart || ev.Kind == ArrayStart {
		h.path = append(h.path, refSeg{arr: ev.Kind == ArrayStart, idx: -1})
	}
	return nil
}

// refDoc writes a random document whose member names include ones a
// pattern cannot name ("", "a.b", "*", "[]") and ones a pointer escapes.
func refDoc(r *rand.Rand, depth int, b *strings.Builder) {
	names := []string{"a", "b", "c", "", "a.b", "*", "[]", "~/"}
	if depth > 5 {
		b.WriteString("1")
		return
	}
	switch r.IntN(4) {
	case 0:
		b.WriteByte('{')
		used := map[string]bool{}
		for range r.IntN(4) {
			nm := names[r.IntN(len(names))]
			if used[nm] {
				continue
			}
			if len(used) > 0 {
				b.WriteByte(',')
			}
			used[nm] = true
			b.Write(AppendString(nil, nm))
			b.WriteByte(':')
			refDoc(r, depth+1, b)
		}
		b.WriteByte('}')
	case 1:
		b.WriteByte('[')
		for i := range r.IntN(4) {
			if i > 0 {
				b.WriteByte(',')
			}
			refDoc(r, depth+1, b)
		}
		b.WriteByte(']')
	case 2:
		b.WriteString(`"a string of pieces"`)
	default:
		b.WriteString("12")
	}
}

// TestPatternsAgreeWithReference: on random documents and random sets of
// up to MaxPatterns patterns, whole and split, each event's Pattern,
// wildcards, Path, Pointer, Depth and Index are what the reference says.
func TestPatternsAgreeWithReference(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	segs := []string{"a", "b", "c", "*", "a[]", "*[]", "b[][]"}
	for iter := range 1500 {
		var b strings.Builder
		refDoc(r, 0, &b)
		in := []byte(b.String())
		raws := make([]string, 1+r.IntN(MaxPatterns))
		for i := range raws {
			var ps []string
			for range 1 + r.IntN(4) {
				ps = append(ps, segs[r.IntN(len(segs))])
			}
			if r.IntN(3) == 0 {
				ps = append(ps, "*")
			}
			switch r.IntN(20) {
			case 0:
				raws[i] = ""
			case 1:
				raws[i] = "[]"
			case 2:
				raws[i] = "[][]." + strings.Join(ps, ".")
			default:
				raws[i] = strings.Join(ps, ".")
			}
		}
		pats := make([]pattern, len(raws))
		for i, s := range raws {
			var err error
			if pats[i], err = compilePattern(s); err != nil {
				t.Fatalf("%q: %v", s, err)
			}
		}
		opts := []*Options{nil, {AllowDuplicateNames: true, StringChunk: 4}}[iter%2]
		for _, split := range []int{len(in) + 1, 1, 5} {
			h := &refPlace{pats: pats}
			p, err := NewParser(h, opts, raws...)
			if err != nil {
				t.Fatal(err)
			}
			for _, c := range bytesSplit(in, split) {
				if _, err := p.Write(c); err != nil {
					t.Fatalf("%s: %v", in, err)
				}
			}
			if err := p.Close(); err != nil {
				t.Fatalf("%s: %v", in, err)
			}
			for _, e := range h.errs {
				t.Fatalf("%s, patterns %q, %d-byte Writes: %s", in, raws, split, e)
			}
		}
	}
}
