// Package jsonvalue compares JSON texts as values, with numbers compared by
// exact value (big.Rat), so 1e2 equals 100 and 18446744073709551616 is not
// rounded. Tests and the conformance runners use it to compare decoded
// results with the corpora's expectations.
package jsonvalue

import (
	"bytes"
	"encoding/json"
	"math/big"
)

// Equal reports whether a and b are the same JSON value; numbers compare by
// exact value. Either text failing to parse makes them unequal.
func Equal(a, b []byte) bool {
	var va, vb any
	da := json.NewDecoder(bytes.NewReader(a))
	da.UseNumber()
	db := json.NewDecoder(bytes.NewReader(b))
	db.UseNumber()
	if da.Decode(&va) != nil || db.Decode(&vb) != nil {
		return false
	}
	return valueEqual(va, vb)
}

func valueEqual(a, b any) bool {
	switch x := a.(type) {
	case json.Number:
		y, ok := b.(json.Number)
		if !ok {
			return false
		}
		rx, ok1 := new(big.Rat).SetString(string(x))
		ry, ok2 := new(big.Rat).SetString(string(y))
		return ok1 && ok2 && rx.Cmp(ry) == 0
	case []any:
		y, ok := b.([]any)
		if !ok || len(x) != len(y) {
			return false
		}
		for i := range x {
			if !valueEqual(x[i], y[i]) {
				return false
			}
		}
		return true
	case map[string]any:
		y, ok := b.(map[string]any)
		if !ok || len(x) != len(y) {
			return false
		}
		for k, v := range x {
			if !valueEqual(v, y[k]) {
				return false
			}
		}
		return true
	}
	return a == b
}
