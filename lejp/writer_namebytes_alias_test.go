package lejp

import (
	"bytes"
	"errors"
	"testing"
)

// TestNameBytesAliasedMatchesOld: a name given to NameBytes that lies in
// the spare capacity of the slice the Writer appends to (given to Reset),
// k bytes past where its escaped text goes, comes out as a single escaping
// pass gives it (appendStringOld on the same aliased bytes), where that pass
// gives the name as written unaliased. A strict pass that fails on a name
// that is not UTF-8 has written over the start of such a name, so with
// AllowInvalidUTF8 the name must not be read again after it.
func TestNameBytesAliasedMatchesOld(t *testing.T) {
	for _, allow := range []bool{false, true} {
		for _, nm := range revNames {
			for k := 1; k < 20; k++ {
				ref, _ := appendStringOld([]byte("{"), nm, false)
				// the old escaping, aliased the same way
				old := make([]byte, 1+k+len(nm)+8)
				old[0] = '{'
				copy(old[1+k:], nm)
				got, _ := appendStringOld(old[:1], old[1+k:1+k+len(nm)], false)
				if !bytes.Equal(got, ref) {
					continue // wrong before too
				}
				buf := make([]byte, len(old))
				copy(buf[1+k:], nm)
				w := Writer{AllowInvalidUTF8: allow}
				w.Reset(buf[:0])
				w.BeginObject()
				w.NameBytes(buf[1+k : 1+k+len(nm)])
				if !allow && errors.Is(w.Err(), ErrInvalidUTF8) {
					continue
				}
				w.Int(1)
				w.EndObject()
				out, err := w.Finish()
				if want := string(ref) + ":1}"; err != nil || string(out) != want {
					t.Errorf("allow %v, name %q at dst[1+%d:]: got %q, %v; want %q",
						allow, nm, k, out, err, want)
				}
			}
		}
	}
}
