package jwt

import (
	"net/http"
	"strings"
	"testing"
)

// Middleware with a nil Verifier or next handler panics when it is built,
// so the mistake shows at start-up. Before, the handler was built and
// panicked (nil pointer) on every request carrying a token, or, with a nil
// next, on every request that passed.
func TestMiddlewareNilArgumentsPanicAtConstruction(t *testing.T) {
	next := http.HandlerFunc(func(http.ResponseWriter, *http.Request) {})
	for _, tc := range []struct {
		name string
		v    *Verifier
		next http.Handler
		want string
	}{
		{"nil Verifier", nil, next, "nil *Verifier"},
		{"nil next", new(Verifier), nil, "nil next handler"},
		{"nil next func", new(Verifier), http.HandlerFunc(nil), "nil next handler"},
	} {
		func() {
			defer func() {
				r := recover()
				if s, _ := r.(string); !strings.Contains(s, tc.want) {
					t.Errorf("%s: recovered %v, want a panic naming %q", tc.name, r, tc.want)
				}
			}()
			Middleware(tc.v, tc.next)
		}()
	}
}
