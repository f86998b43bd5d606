package jwt

import (
	"errors"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"

	"github.com/lwscrypto/lwscrypto/lejp"
)

// refCheck is checkNested's check done simply: a set of fold keys per open
// object (duplicate names are lejp's).
func refCheck(v []byte) error {
	d := lejp.NewDecoderBytes(v, nestedOpts)
	var stack []map[string]bool
	for {
		tok, err := d.ReadToken()
		if err != nil {
			return err
		}
		switch tok.Kind {
		case lejp.ObjectStart:
			stack = append(stack, map[string]bool{})
		case lejp.ObjectEnd:
			stack = stack[:len(stack)-1]
		case lejp.Name:
			k := string(appendFoldKey(nil, tok.Value))
			if stack[len(stack)-1][k] {
				return errCaseVariant
			}
			stack[len(stack)-1][k] = true
		}
		if d.Depth() == 0 {
			return nil
		}
	}
}

// genObj writes a random object of up to 60 names, some of them equal
// under case folding (K, k and the Kelvin sign; s, S and long s), with
// objects nested in it.
func genObj(r *rand.Rand, depth int, b *strings.Builder) {
	names := []string{"a", "A", "b", "k", "\u212a", "K", "s", "\u017f", "S"}
	b.WriteByte('{')
	n := r.IntN(60)
	used := map[string]bool{}
	for i := range n {
		if i > 0 {
			b.WriteByte(',')
		}
		var nm string
		if r.IntN(40) == 0 {
			nm = names[r.IntN(len(names))]
		} else {
			nm = "n" + strconv.Itoa(r.IntN(200))
		}
		if used[nm] {
			nm += "x" + strconv.Itoa(i) // few exact duplicates
		}
		used[nm] = true
		b.WriteString(strconv.Quote(nm) + ":")
		if depth < 4 && r.IntN(40) == 0 {
			genObj(r, depth+1, b)
		} else if depth < 4 && r.IntN(40) == 0 {
			b.WriteByte('[')
			genObj(r, depth+1, b)
			b.WriteByte(']')
		} else {
			b.WriteByte('1')
		}
	}
	b.WriteByte('}')
}

// TestNestedNamesAsReference: checkNested, with its index of the fold
// keys of objects of more than foldScan names shared by the open objects
// and emptied as they close, refuses exactly the values refCheck refuses,
// on random objects nested in each other, one pooled checker after
// another.
func TestNestedNamesAsReference(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	c := &Claims{}
	for range 4000 {
		var b strings.Builder
		genObj(r, 0, &b)
		v := []byte(b.String())
		_, got := c.checkNested(v, 0)
		want := refCheck(v)
		gf, wf := errors.Is(got, errCaseVariant), errors.Is(want, errCaseVariant)
		if gf != wf || (got == nil) != (want == nil) {
			t.Fatalf("%s:\n got %v\nwant %v", v, got, want)
		}
	}
}
