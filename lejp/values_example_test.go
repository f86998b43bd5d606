package lejp_test

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/lwscrypto/lwscrypto/lejp"
)

// Reading a JSON Lines (NDJSON) stream one record at a time: each record
// is checked strictly (a repeated name is refused) and decoded by
// encoding/json, and the error names the offset and path of the fault.
func ExampleReadValues() {
	log := `{"kid":"a","n":1}
{"kid":"b","n":2}
{"kid":"c","n":3,"n":4}
`
	for v, err := range lejp.ReadValues(strings.NewReader(log), nil) {
		if err != nil {
			fmt.Println("error:", err)
			break
		}
		var rec struct {
			Kid string
			N   int
		}
		if err := json.Unmarshal(v, &rec); err != nil {
			fmt.Println(err)
			break
		}
		fmt.Println(rec.Kid, rec.N)
	}
	// Output:
	// a 1
	// b 2
	// error: lejp: duplicate object member name at offset 53 (path /n)
}
