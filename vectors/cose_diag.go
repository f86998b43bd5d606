package vectors

import (
	"bytes"
	"encoding/hex"
	"fmt"
	"strings"
)

// The cbor_diag case of a cose-wg example: its output.cbor_diag, the
// diagnostic notation of the message, must read (lecp.FromDiag) as its
// output.cbor byte for byte. An example without an output.cbor_diag has no
// such case (every example of the corpus has one).
//
// Where the corpus's text is wrong (coseDiagErrata), the case is skipped
// with a reason naming the error, and only after seeing that the text reads
// as other bytes and that, with the one item corrected (the wrong text
// replaced once), it reads as output.cbor exactly: a listed example whose text matches, or whose
// corrected text still differs, fails, as does any example not listed
// whose text does not match. So the list is exactly the corpus's errors.

// coseDiagErratum is an error of an example's output.cbor_diag: the text
// wrong, once in it, what is wrong, and fixed, what output.cbor holds
// there.
type coseDiagErratum struct{ wrong, fixed, what string }

// reason is the skip reason of the erratum's case.
func (e coseDiagErratum) reason() string {
	return fmt.Sprintf("corpus error: output.cbor_diag has %s, %s, %s; corrected so, it reads as output.cbor byte for byte", e.wrong, e.what, e.fixed)
}

// kidAsBytes is the error of x509-examples/signed-01 and signed-02: the
// signer's kid is the text "Alice Lovelace" in output.cbor (6E416C...),
// the bytes of that text in output.cbor_diag.
var kidAsBytes = coseDiagErratum{
	wrong: `4: h'416C696365204C6F76656C616365'`,
	fixed: `4: "Alice Lovelace"`,
	what:  "the signer's kid (label 4) as the bytes of the text string output.cbor holds",
}

// coseDiagErrata are the examples whose output.cbor_diag does not give
// their output.cbor, by Result name.
var coseDiagErrata = map[string]coseDiagErratum{
	"cose-wg-examples/x509-examples/signed-01.json": kidAsBytes,
	"cose-wg-examples/x509-examples/signed-02.json": kidAsBytes,
}

// coseDiagCase records the cbor_diag case of the example in r.
func coseDiagCase(r *Result, diag, cborHex string) {
	if diag == "" {
		return
	}
	const id = "cbor_diag"
	err := coseFromDiag(diag, cborHex)
	e, listed := coseDiagErrata[r.Name]
	switch {
	case !listed:
		r.Check(id, err)
	case err == nil:
		r.Fail("%s: listed as a corpus error (%s), but reads as output.cbor", id, e.what)
	default:
		if err := coseFromDiag(strings.Replace(diag, e.wrong, e.fixed, 1), cborHex); err != nil {
			r.Fail("%s: listed as a corpus error (%s), but with %s corrected: %v", id, e.what, e.wrong, err)
			return
		}
		r.Skip(e.reason())
	}
}

// coseFromDiag checks that diag reads as the CBOR in hex cborHex.
func coseFromDiag(diag, cborHex string) error {
	want, err := hex.DecodeString(cborHex)
	if err != nil {
		return fmt.Errorf("output.cbor: %w", err)
	}
	got, err := fromDiag(nil, []byte(diag), nil)
	if err != nil {
		return fmt.Errorf("output.cbor_diag: %w", err)
	}
	if !bytes.Equal(got, want) {
		i := 0
		for i < min(len(got), len(want)) && got[i] == want[i] {
			i++
		}
		return fmt.Errorf("output.cbor_diag reads as %d bytes, output.cbor has %d; first difference at offset %d (%X, output.cbor %X)",
			len(got), len(want), i, got[i:min(i+8, len(got))], want[i:min(i+8, len(want))])
	}
	return nil
}
