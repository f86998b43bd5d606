package jwk

import "testing"

// TestEqualNilReceiver: Equal's godoc says a nil *Key equals no key; as
// the argument it is false (TestZeroKey), and as the receiver too, instead
// of a nil dereference (a Set slot or a lookup result left nil).
func TestEqualNilReceiver(t *testing.T) {
	k, _ := Generate("ES256", nil)
	var nilKey *Key
	for name, x := range map[string]*Key{"a key": k, "nil": nil, "the zero Key": {}} {
		func() {
			defer func() {
				if r := recover(); r != nil {
					t.Errorf("nil *Key Equal(%s) panics: %v", name, r)
				}
			}()
			if nilKey.Equal(x) {
				t.Errorf("nil *Key Equal(%s) is true", name)
			}
		}()
	}
}
