package gencrypto

import "encoding/hex"

// mustHex decodes a constant; it is used only for package-level tables.
func mustHex(s string) []byte {
	b, err := hex.DecodeString(s)
	if err != nil {
		panic(err)
	}
	return b
}
