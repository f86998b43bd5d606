package std

import (
	"bytes"
	"crypto"
	"testing"
)

// TestWycheproofCBCPadding runs aes_cbc_pkcs5_test.json through the CBC and
// PKCS #7 halves of AES_CBC_HMAC_SHA2. The file's key is the encryption
// half (a fixed MAC key of the same length goes before it): Seal of a valid
// message must give the file's ciphertext followed by the tag, and Open of
// the file's ciphertext with a tag computed over it must return the message
// for valid cases and fail for the bad and missing padding ones, so the
// constant-time padding check is held to the file rather than to itself.
func TestWycheproofCBCPadding(t *testing.T) {
	f := loadWP[wpFile](t, "testvectors_v1/aes_cbc_pkcs5_test.json")
	var valid, rejected int
	for _, g := range f.TestGroups {
		for _, tc := range g.Tests {
			key := append(bytes.Repeat([]byte{0x5a}, len(tc.Key)), tc.Key...)
			a, err := newCBCHMAC(key, 16, 16, crypto.SHA256)
			if err != nil {
				t.Fatalf("tcId %d: %v", tc.TcID, err)
			}
			c := a.(*cbcHMAC)
			ad := []byte("ad")
			sealed := append(bytes.Clone(tc.CT), make([]byte, c.tagSize)...)
			ms := c.macs.Get().(*macState)
			c.tag(ms, sealed[len(tc.CT):], tc.IV, tc.CT, ad)
			c.macs.Put(ms)
			pt, err := a.Open(nil, tc.IV, sealed, ad)
			switch tc.Result {
			case "valid":
				valid++
				if err != nil || !bytes.Equal(pt, tc.Msg) {
					t.Errorf("tcId %d (%s): Open = %x, %v; want %x", tc.TcID, tc.Comment, pt, err, tc.Msg)
				}
				if got := a.Seal(nil, tc.IV, tc.Msg, ad); !bytes.Equal(got, sealed) {
					t.Errorf("tcId %d (%s): Seal = %x; want %x", tc.TcID, tc.Comment, got, sealed)
				}
			case "invalid":
				rejected++
				if err == nil {
					t.Errorf("tcId %d (%s, %v): Open accepted padding, returned %x", tc.TcID, tc.Comment, tc.Flags, pt)
				} else if err != errOpen {
					t.Errorf("tcId %d (%s): Open = %v, not the error of a bad tag", tc.TcID, tc.Comment, err)
				}
			default:
				t.Errorf("tcId %d: unexpected result %q", tc.TcID, tc.Result)
			}
		}
	}
	if valid == 0 || rejected == 0 {
		t.Fatalf("%d valid and %d invalid cases: the file did not load", valid, rejected)
	}
	t.Logf("%d valid passed, %d invalid rejected", valid, rejected)
}
