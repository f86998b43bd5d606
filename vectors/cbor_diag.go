package vectors

import (
	"bytes"
	"encoding/hex"
	"errors"
	"fmt"

	"github.com/lwscrypto/lwscrypto/lecp"
)

// The diagnostic-notation cases of RFC 8949 Appendix A, reported by the
// CBORTestVectors runner on a line of their own,
// "cbor-test-vectors/appendix_a.json (diag)", as the JWK-keyed runner
// reports its second pass over a Wycheproof file on a "(jwk)" line: they
// prove another API (lecp.FromDiag and lecp.AppendDiagExact, text to CBOR)
// on the same items, and keep the item line at one case per item.
//
// Each item gives an exact case: lecp.FromDiag of lecp.AppendDiagExact's
// text must give back the item's bytes, byte for byte. The item f818 has
// none: it is not well-formed (RFC 8949 §3.3, RFC 7049 erratum 5917), so
// it has no diagnostic notation; the item line requires the parser to
// reject it (lecp.ErrSimple), and its diagnostic case below requires
// FromDiag to refuse the corpus's "simple(24)".
//
// Each item with a "diagnostic" gives a diagnostic case: FromDiag of that
// text must give the item's bytes when the item is in preferred
// serialization (RFC 8949 §4.1: AppendDiagExact writes it with no encoding
// indicator). The plain notation does not say a width, so for an item that
// is not (Infinity and NaN in single and double precision, which Appendix
// A lists beside the half-precision ones) it must give the preferred
// encoding of the same value: other bytes, in preferred serialization,
// whose AppendDiag is the corpus's diagnostic.

// fromDiag is lecp.FromDiag; the tests replace it with broken ones to prove
// the diagnostic cases notice.
var fromDiag = lecp.FromDiag

// cborDiagName is the name of the diagnostic-notation line of file.
func cborDiagName(file string) string { return "cbor-test-vectors/" + file + " (diag)" }

// cborDiagCases records the exact and diagnostic cases of item i in r.
func cborDiagCases(r *Result, i int, it cborVector) {
	id := fmt.Sprintf("#%d %s", i, it.Hex)
	in, herr := hex.DecodeString(it.Hex)
	if it.Hex != "f818" {
		err := herr
		if err == nil {
			err = cborDiagExact(in)
		}
		r.Check(id+" exact", err)
	}
	if it.Diagnostic != "" {
		err := herr
		if err == nil {
			err = cborDiagRead(in, it.Diagnostic)
		}
		r.Check(id+" diagnostic", err)
	}
}

// cborDiagExact checks that in's AppendDiagExact text reads back as in.
func cborDiagExact(in []byte) error {
	text, err := lecp.AppendDiagExact(nil, in, nil)
	if err != nil {
		return fmt.Errorf("AppendDiagExact: %w", err)
	}
	got, err := fromDiag(nil, text, nil)
	if err != nil {
		return fmt.Errorf("FromDiag(%q): %w", text, err)
	}
	if !bytes.Equal(got, in) {
		return fmt.Errorf("FromDiag(%q) = %x", text, got)
	}
	return nil
}

// cborDiagRead checks what FromDiag makes of the corpus's diagnostic of in.
func cborDiagRead(in []byte, diag string) error {
	got, err := fromDiag(nil, []byte(diag), nil)
	if bytes.Equal(in, []byte{0xf8, 0x18}) {
		var se *lecp.SyntaxError
		if !errors.As(err, &se) || !errors.Is(err, lecp.ErrDiagSyntax) {
			return fmt.Errorf("FromDiag(%q) = %x, %v; want it refused (lecp.ErrDiagSyntax): simple values 24 to 31 have no encoding (erratum 5917)", diag, got, err)
		}
		return nil
	}
	if err != nil {
		return fmt.Errorf("FromDiag(%q): %w", diag, err)
	}
	if bytes.Equal(got, in) {
		return nil
	}
	preferred, err := cborPreferred(in)
	if err != nil {
		return err
	}
	if preferred {
		return fmt.Errorf("FromDiag(%q) = %x, want the item (in preferred serialization)", diag, got)
	}
	if p, err := cborPreferred(got); err != nil || !p {
		return fmt.Errorf("FromDiag(%q) = %x, not in preferred serialization (%v)", diag, got, err)
	}
	d, err := lecp.AppendDiag(nil, got, nil)
	if err != nil || string(d) != diag {
		return fmt.Errorf("FromDiag(%q) = %x, which reads %q (%v)", diag, got, d, err)
	}
	if v, err := lecp.AppendDiag(nil, in, nil); err != nil || !bytes.Equal(v, d) {
		return fmt.Errorf("FromDiag(%q) = %x, not the item's value %q (%v)", diag, got, v, err)
	}
	return nil
}

// cborPreferred reports whether the item b is in preferred serialization
// (RFC 8949 §4.1), as AppendDiagExact says by writing no encoding
// indicator, that is exactly what AppendDiag writes.
func cborPreferred(b []byte) (bool, error) {
	exact, err := lecp.AppendDiagExact(nil, b, nil)
	if err != nil {
		return false, fmt.Errorf("AppendDiagExact: %w", err)
	}
	plain, err := lecp.AppendDiag(nil, b, nil)
	if err != nil {
		return false, fmt.Errorf("AppendDiag: %w", err)
	}
	return bytes.Equal(exact, plain), nil
}
