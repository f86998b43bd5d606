package jwt

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"
)

// TestMiddlewareNewContext: NewContext puts claims where FromContext finds
// them, the same *Claims, not a copy; a nil Claims hides any the context
// had (FromContext: nil, false), and a context without claims has none.
func TestMiddlewareNewContext(t *testing.T) {
	v := hsVerifier(t, Validator{Audience: "api"})
	c, err := v.Verify(mustSign(t, claimSet()))
	if err != nil {
		t.Fatal(err)
	}
	if got, ok := FromContext(context.Background()); got != nil || ok {
		t.Errorf("empty context: %v, %v", got, ok)
	}
	ctx := NewContext(context.Background(), c)
	if got, ok := FromContext(ctx); got != c || !ok {
		t.Errorf("FromContext(NewContext(c)) = %p, %v; want %p, true", got, ok, c)
	}
	if got, ok := FromContext(NewContext(ctx, nil)); got != nil || ok {
		t.Errorf("nil Claims over claims: %v, %v; want nil, false", got, ok)
	}
	// A handler that reads claims, tested without Middleware.
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c, ok := FromContext(r.Context())
		if !ok {
			http.Error(w, "no claims", http.StatusUnauthorized)
			return
		}
		sub, _ := c.Subject()
		w.Write([]byte(sub))
	})
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequestWithContext(ctx, "GET", "/", nil))
	if rec.Body.String() != "alice" {
		t.Errorf("handler under NewContext: %d %q", rec.Code, rec.Body)
	}
}
