package jose

import (
	"bytes"
	"encoding/json"
	"strconv"
	"testing"
)

// FuzzParseObjectStdJSON holds ParseObject and its Member decoders to
// encoding/json, a second implementation nobody here wrote: what
// ParseObject accepts, encoding/json accepts too, as an object with the
// same names (members in input order, each value byte for byte the one
// encoding/json sees), and where a decoder (String, Bool, Int, Strings,
// Array) succeeds, encoding/json decodes the value to the same Go value.
// (The reverse, that ParseObject accepts all encoding/json accepts, is not
// asked: ParseObject also refuses duplicate and case-folded names, lone
// surrogate escapes and invalid UTF-8, by design.)
func FuzzParseObjectStdJSON(f *testing.F) {
	headerSeeds(f)
	for _, s := range []string{
		`{"a":"\u00e9\ud83d\ude00\n\"\\\/","b":[" x ","\u0000"],"c":-9223372036854775808,"d":9223372036854775807}`,
		`{"n":1.0,"m":1e2,"o":-0,"p":0.5e-3,"q":[[],{}],"r":[1,"a",null]}`,
		`{"s":"\ud800"}`, `{"t":"a` + "\u2028" + `b"}`, `{"u":true,"v":false,"w":null}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		o, err := ParseObject(raw)
		if err != nil {
			return
		}
		if !json.Valid(raw) {
			t.Fatalf("ParseObject accepts %q; encoding/json refuses it", raw)
		}
		d := json.NewDecoder(bytes.NewReader(raw))
		if tok, err := d.Token(); err != nil || tok != json.Delim('{') {
			t.Fatalf("%q: accepted, but encoding/json reads %v, %v first", raw, tok, err)
		}
		for i, m := range o.Members {
			tok, err := d.Token()
			name, ok := tok.(string)
			if err != nil || !ok || name != m.Name {
				t.Fatalf("%q: member %d is %q; encoding/json reads %v, %v", raw, i, m.Name, tok, err)
			}
			var v json.RawMessage
			if err := d.Decode(&v); err != nil || !bytes.Equal(v, m.Value) {
				t.Fatalf("%q: member %q is %q; encoding/json reads %q, %v", raw, m.Name, m.Value, v, err)
			}
			checkMemberStdJSON(t, m)
		}
		if tok, err := d.Token(); err != nil || tok != json.Delim('}') {
			t.Fatalf("%q: %d members; encoding/json reads %v, %v after them", raw, len(o.Members), tok, err)
		}
	})
}

// checkMemberStdJSON: each Member decoder that succeeds agrees with
// encoding/json on the same value.
func checkMemberStdJSON(t *testing.T, m Member) {
	t.Helper()
	if s, err := m.String(); err == nil {
		var want string
		if err := json.Unmarshal(m.Value, &want); err != nil || s != want {
			t.Fatalf("member %q: String() = %q; encoding/json %q, %v", m.Name, s, want, err)
		}
	}
	if b, err := m.Bool(); err == nil {
		var want bool
		if err := json.Unmarshal(m.Value, &want); err != nil || b != want {
			t.Fatalf("member %q: Bool() = %v; encoding/json %v, %v", m.Name, b, want, err)
		}
	}
	if n, err := m.Int(); err == nil {
		// Int takes integers only; the text is then an int64 literal
		if want, err := strconv.ParseInt(string(m.Value), 10, 64); err != nil || n != want {
			t.Fatalf("member %q: Int() = %d; strconv %d, %v", m.Name, n, want, err)
		}
		var want int64
		if err := json.Unmarshal(m.Value, &want); err != nil || n != want {
			t.Fatalf("member %q: Int() = %d; encoding/json %d, %v", m.Name, n, want, err)
		}
	}
	if ss, err := m.Strings(); err == nil {
		var want []string
		if err := json.Unmarshal(m.Value, &want); err != nil || len(ss) != len(want) {
			t.Fatalf("member %q: Strings() = %q; encoding/json %q, %v", m.Name, ss, want, err)
		}
		for i := range ss {
			if ss[i] != want[i] {
				t.Fatalf("member %q: Strings()[%d] = %q; encoding/json %q", m.Name, i, ss[i], want[i])
			}
		}
	}
	if els, err := m.Array(); err == nil {
		var want []json.RawMessage
		if err := json.Unmarshal(m.Value, &want); err != nil || len(els) != len(want) {
			t.Fatalf("member %q: Array() has %d elements; encoding/json %d, %v", m.Name, len(els), len(want), err)
		}
		for i := range els {
			if !bytes.Equal(bytes.TrimSpace(els[i]), want[i]) {
				t.Fatalf("member %q: Array()[%d] = %q; encoding/json %q", m.Name, i, els[i], want[i])
			}
		}
	}
}
