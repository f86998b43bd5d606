package lecp

import (
	"encoding/hex"
	"errors"
	"testing"

	"github.com/lwscrypto/lwscrypto/internal/testenv"
)

// FuzzDiagExact: on any input AppendDiagExact does not panic; where Check
// accepts it, its text with the indicators taken out (stripIndicators) is
// AppendDiag's; where Check refuses it, its error is AppendDiag's, and
// Check's, and dst comes back unchanged.
func FuzzDiagExact(f *testing.F) {
	addDiagExactSeeds(f)
	f.Fuzz(func(t *testing.T, b []byte, seq bool) {
		opts := &Options{AllowSequence: seq, MaxDepth: 64}
		dst := []byte("dst:")
		exact, err := AppendDiagExact(dst, b, opts)
		plain, perr := AppendDiag(nil, b, opts)
		cerr := Check(b, opts)
		if cerr != nil {
			var se *SyntaxError
			if err == nil || perr == nil || err.Error() != perr.Error() || err.Error() != cerr.Error() || !errors.As(err, &se) {
				t.Fatalf("%x: error %v, AppendDiag %v, Check %v", b, err, perr, cerr)
			}
			if string(exact) != "dst:" {
				t.Fatalf("%x: dst %q after an error", b, exact)
			}
			return
		}
		if err != nil || perr != nil {
			t.Fatalf("%x: Check accepts; AppendDiagExact %v, AppendDiag %v", b, err, perr)
		}
		if s := stripIndicators(string(exact[len("dst:"):])); s != string(plain) {
			t.Fatalf("%x: without indicators\n%s\nAppendDiag\n%s", b, s, plain)
		}
	})
}

// addDiagExactSeeds seeds a fuzz target taking (input, seq) with the rows
// of diagExactTable and the items of Appendix A.
func addDiagExactSeeds(f *testing.F) {
	for _, c := range diagExactTable {
		f.Add(testenv.Hex(f, c.hex), false)
	}
	for _, it := range loadAppendix(f) {
		b, _ := hex.DecodeString(it.Hex)
		f.Add(b, true)
	}
}
