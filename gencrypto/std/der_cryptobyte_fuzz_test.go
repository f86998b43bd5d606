package std

import (
	"bytes"
	"math/big"
	"testing"

	"golang.org/x/crypto/cryptobyte"
	"golang.org/x/crypto/cryptobyte/asn1"
)

// FuzzDERToRawCryptobyte holds derToRaw to a second DER reader,
// golang.org/x/crypto/cryptobyte: derToRaw takes exactly the inputs that
// are one SEQUENCE of two INTEGERs in DER (minimal lengths and integers,
// nothing after) whose values are positive and fit size bytes, and gives
// those values. FuzzDERToRaw checks that what it takes is DER; this also
// checks it refuses no signature a signer may rightly send.
func FuzzDERToRawCryptobyte(f *testing.F) {
	for _, s := range []struct {
		der  []byte
		size int
	}{
		{[]byte{0x30, 0x06, 0x02, 0x01, 0x01, 0x02, 0x01, 0x01}, 32},
		{[]byte{0x30, 0x06, 0x02, 0x01, 0x00, 0x02, 0x01, 0x01}, 32},
		{[]byte{0x30, 0x06, 0x02, 0x01, 0x7f, 0x02, 0x01, 0xff}, 1},
		{[]byte{0x30, 0x07, 0x02, 0x02, 0x00, 0x80, 0x02, 0x01, 0x01}, 1},
		{[]byte{0x30, 0x08, 0x02, 0x02, 0x00, 0x01, 0x02, 0x02, 0x01, 0x00}, 2},
		{[]byte{0x30, 0x81, 0x06, 0x02, 0x01, 0x01, 0x02, 0x01, 0x01}, 32},
		{append([]byte{0x30, 0x81, 0x88, 0x02, 0x42, 0x01}, append(bytes.Repeat([]byte{0xff}, 65), append([]byte{0x02, 0x42, 0x01}, bytes.Repeat([]byte{0xff}, 65)...)...)...), 66},
	} {
		f.Add(s.der, s.size)
	}
	f.Fuzz(func(t *testing.T, der []byte, size int) {
		if size < 1 || size > 66 {
			return
		}
		raw, err := derToRaw(der, size)
		var seq cryptobyte.String
		r, s := new(big.Int), new(big.Int)
		in := cryptobyte.String(der)
		ok := in.ReadASN1(&seq, asn1.SEQUENCE) && in.Empty() &&
			seq.ReadASN1Integer(r) && seq.ReadASN1Integer(s) && seq.Empty() &&
			r.Sign() > 0 && s.Sign() > 0 && len(r.Bytes()) <= size && len(s.Bytes()) <= size
		if ok != (err == nil) {
			t.Fatalf("derToRaw(%x, %d): %v; cryptobyte reads r=%v s=%v (acceptable %v)", der, size, err, r, s, ok)
		}
		if ok && (new(big.Int).SetBytes(raw[:size]).Cmp(r) != 0 || new(big.Int).SetBytes(raw[size:]).Cmp(s) != 0) {
			t.Fatalf("derToRaw(%x, %d) = %x; cryptobyte reads r=%x s=%x", der, size, raw, r, s)
		}
	})
}
