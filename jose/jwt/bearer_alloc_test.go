package jwt

import (
	"net/http/httptest"
	"testing"
)

// Reading the bearer token of a request without a query allocates
// nothing: the check for an "access_token" query parameter (RFC 6750
// §2.3, a second method refused as invalid_request) parses the query only
// when there is one. With a query it is still found, however spelled.
func TestBearerNoQueryAllocatesNothing(t *testing.T) {
	r := httptest.NewRequest("GET", "/x", nil)
	r.Header.Set("Authorization", "Bearer abc.def.ghi")
	if n := testing.AllocsPerRun(100, func() {
		if _, c, _ := bearer(r); c != credToken {
			t.Fatalf("credentials %v", c)
		}
	}); n != 0 {
		t.Errorf("bearer allocated %v times per request without a query; want 0", n)
	}
	for _, q := range []string{"access_token=x", "a=1&access_token=", "access%5Ftoken=x", "%61ccess_token=1"} {
		r := httptest.NewRequest("GET", "/x?"+q, nil)
		r.Header.Set("Authorization", "Bearer abc.def.ghi")
		if _, c, _ := bearer(r); c != credMalformed {
			t.Errorf("query %q: credentials %v; want malformed (token in two places)", q, c)
		}
	}
}
