package lecp_test

import (
	"encoding/hex"
	"fmt"

	"github.com/lwscrypto/lwscrypto/lecp"
)

// A COSE protected header {1: -7} (alg ES256) in preferred serialization
// and with its map head and key in longer forms, a float written wider
// than needed and a tag number in two bytes: AppendDiag shows the values
// alike, AppendDiagExact also how they were encoded.
func ExampleAppendDiagExact() {
	for _, h := range []string{"a10126", "b90001180126", "fa3f800000", "d900011a514b67b0"} {
		b, _ := hex.DecodeString(h)
		plain, _ := lecp.AppendDiag(nil, b, nil)
		exact, _ := lecp.AppendDiagExact(nil, b, nil)
		fmt.Printf("%-16s %-13s %s\n", h, plain, exact)
	}
	// Output:
	// a10126           {1: -7}       {1: -7}
	// b90001180126     {1: -7}       {_1 1_0: -7}
	// fa3f800000       1.0           1.0_2
	// d900011a514b67b0 1(1363896240) 1_1(1363896240)
}
