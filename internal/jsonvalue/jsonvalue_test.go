package jsonvalue

import "testing"

func TestEqual(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want bool
	}{
		{`1e2`, `100`, true},
		{`18446744073709551616`, `18446744073709551617`, false}, // would be equal as float64
		{`{"a":[1,"x",null]}`, `{"a":[1.0,"x",null]}`, true},
		{`{"a":1}`, `{"a":1,"b":2}`, false},
		{`{"a":null,"b":1}`, `{"c":null,"b":1}`, false}, // a null member against a missing one
		{`[1,2]`, `[2,1]`, false},
		{`"1"`, `1`, false},
		{`true`, `true`, true},
		{`{`, `{`, false},
		// A text with data after its value is not a JSON text: it must not
		// compare equal by its first value alone.
		{`[1] [2]`, `[1]`, false},
		{`[1]`, `[1]}`, false},
		{`{"a":1}x`, `{"a":1}`, false},
		{`1 `, ` 1`, true}, // surrounding whitespace is insignificant
		// Invalid UTF-8 would be read as U+FFFD, so different bytes (or
		// U+FFFD itself) would compare equal.
		{"\"\xff\"", "\"\xfe\"", false},
		{"\"\xff\"", `"\ufffd"`, false},
		// A duplicated name would be read as its last value: a text with
		// one must not equal the text without it.
		{`{"a":1,"a":2}`, `{"a":2}`, false},
		{`{"a":2}`, `{"a":2,"a":2}`, false},
		{`[{"b":{"a":1,"a":1}}]`, `[{"b":{"a":1}}]`, false},
		{`{"a":{"a":1},"b":[{"a":1},{"a":1}]}`, `{"b":[{"a":1},{"a":1}],"a":{"a":1}}`, true}, // same name in different objects
	} {
		if got := Equal([]byte(tc.a), []byte(tc.b)); got != tc.want {
			t.Errorf("Equal(%s, %s) = %v, want %v", tc.a, tc.b, got, tc.want)
		}
	}
}
