package lejp_test

import (
	"bufio"
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

// Reading a log of JSON lines that goes on past a faulty line: ReadValues
// stops at the first fault, as a stream cannot be read on past malformed
// JSON, so each line is read on its own (bufio.Scanner) and given to
// Values (the offsets are then in the line), which also shows a line
// holding two values: to a strict Check, a fault like any other.
func ExampleValues() {
	log := `{"lvl":"info","msg":"start"}
{"lvl":"warn","msg":"bad \q escape"}
{"lvl":"info"} {"lvl":"info"}

{"lvl":"info","msg":"end"}
`
	sc := bufio.NewScanner(strings.NewReader(log))
	for line := 1; sc.Scan(); line++ {
		n := 0
		for v, err := range lejp.Values(sc.Bytes(), nil) {
			if err != nil {
				fmt.Printf("line %d: skipped: %v\n", line, err)
				n = -1
				break
			}
			if n++; n == 1 {
				fmt.Printf("line %d: %s\n", line, v)
			}
		}
		if n > 1 {
			fmt.Printf("line %d: %d values on one line\n", line, n)
		}
	}
	if err := sc.Err(); err != nil { // a line longer than the Scanner's buffer
		fmt.Println(err)
	}
	// Output:
	// line 1: {"lvl":"info","msg":"start"}
	// line 2: skipped: lejp: invalid escape at offset 25 (path /msg)
	// line 3: {"lvl":"info"}
	// line 3: 2 values on one line
	// line 5: {"lvl":"info","msg":"end"}
}
