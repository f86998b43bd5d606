package jwt

import (
	"encoding/binary"
	"encoding/json"
	"math"
	"testing"

	"github.com/lwscrypto/lwscrypto/jose"
)

// fuzzGen builds Go values from fuzz bytes: strings (any bytes, so
// invalid UTF-8 too), float64 (NaN and ±Inf included), int64, bools, nil,
// maps (keys that may collide once encoding/json has replaced invalid
// UTF-8, or differ only in case), slices, json.Number and
// json.RawMessage, nested up to 6 deep.
type fuzzGen struct{ b []byte }

func (g *fuzzGen) byte() byte {
	if len(g.b) == 0 {
		return 0
	}
	c := g.b[0]
	g.b = g.b[1:]
	return c
}

func (g *fuzzGen) str() string {
	n := int(g.byte() % 8)
	if n > len(g.b) {
		n = len(g.b)
	}
	s := string(g.b[:n])
	g.b = g.b[n:]
	return s
}

func (g *fuzzGen) value(depth int) any {
	switch op := g.byte() % 9; {
	case op == 0 || depth > 5:
		return g.str()
	case op == 1:
		var x [8]byte
		for i := range x {
			x[i] = g.byte()
		}
		return math.Float64frombits(binary.LittleEndian.Uint64(x[:]))
	case op == 2:
		m := map[string]any{}
		for n := g.byte() % 4; n > 0; n-- {
			m[g.str()] = g.value(depth + 1)
		}
		return m
	case op == 3:
		var s []any
		for n := g.byte() % 4; n > 0; n-- {
			s = append(s, g.value(depth+1))
		}
		return s
	case op == 4:
		return g.byte()%2 == 0
	case op == 5:
		return nil
	case op == 6:
		return json.Number(g.str())
	case op == 7:
		return json.RawMessage(g.str())
	default:
		return int64(binary.LittleEndian.Uint64(append([]byte(g.str()), 0, 0, 0, 0, 0, 0, 0, 0)[:8]))
	}
}

// FuzzJSONClaimGoValue: whatever Go value JSONClaim accepts, a ClaimSet
// holding it signs, the token verifies (unless the name is a registered
// claim whose value the Validator refuses, as an "exp" in the past), and
// the claims set is valid JSON to encoding/json.
func FuzzJSONClaimGoValue(f *testing.F) {
	f.Add([]byte("\x02\x03\x01a\x00\x01b\x02\x02cd\x05"))
	f.Fuzz(func(t *testing.T, b []byte) {
		g := &fuzzGen{b: b}
		name := g.str()
		v := g.value(0)
		m, err := JSONClaim(name, v)
		if err != nil {
			return
		}
		tok, err := Sign(&ClaimSet{Extra: []jose.Member{m}}, hsKey())
		if err != nil {
			t.Fatalf("%q %#v: value %s: Sign %v", name, v, m.Value, err)
		}
		c, err := fuzzVerifier.Verify(tok)
		if err != nil {
			if registered(name) {
				return
			}
			t.Fatalf("%q %#v: value %s: Verify %v", name, v, m.Value, err)
		}
		if !json.Valid(c.Raw) {
			t.Fatalf("invalid %s", c.Raw)
		}
	})
}
