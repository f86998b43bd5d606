package jwt

import (
	"math/rand/v2"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"testing"
)

// TestBearerQueryWork: the check for an "access_token" query parameter,
// made for every request with a well-formed Bearer header before its token
// is verified, allocates nothing whatever the query's size (it parsed the
// query into a url.Values: 10,000 allocations, 1.7 MB, for a 79 KB query),
// and refuses a token in both places however many parameters the query
// has (past 10,000 url.ParseQuery returns none, and the token was taken).
func TestBearerQueryWork(t *testing.T) {
	for _, n := range []int{100, 1000, 9999, 10001, 40000} {
		var b strings.Builder
		for i := range n {
			b.WriteString("k")
			b.WriteString(strconv.Itoa(i))
			b.WriteString("=v&")
		}
		q := b.String() + "access_token=x"
		r := httptest.NewRequest("GET", "/x?"+q, nil)
		r.Header.Set("Authorization", "Bearer abc.def.ghi")
		var c credentials
		if got := testing.AllocsPerRun(100, func() { _, c, _ = bearer(r) }); got != 0 {
			t.Errorf("%d parameters (%d bytes): %v allocations; want 0", n+1, len(q), got)
		}
		if c != credMalformed {
			t.Errorf("%d parameters, the last access_token: credentials %d; want malformed (token in two places)", n+1, c)
		}
	}
}

// TestQueryHasTokenAsParseQuery: under url.ParseQuery's bound on the
// number of parameters, queryHasToken finds "access_token" exactly where
// ParseQuery does, for spellings with escapes, '+', ';', bad escapes in
// the name or the value, and empty parameters.
func TestQueryHasTokenAsParseQuery(t *testing.T) {
	parts := []string{"access_token", "access%5Ftoken", "%61ccess_token", "%61CCESS_token", "access_token+",
		"access_toke", "access_tokenn", "access+token", "access%5ftoken", "access%5", "access%zztoken",
		"%", "%4", "=", "x", ";", "&", "=%", "=%2", "=%zz", "=%41", "=v", "+", "access_token%20", "a;b", ""}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		var b strings.Builder
		for range 1 + rng.IntN(5) {
			b.WriteString(parts[rng.IntN(len(parts))])
		}
		q := b.String()
		v, _ := url.ParseQuery(q)
		if want, got := v.Has("access_token"), queryHasToken(q); got != want {
			t.Fatalf("query %q: queryHasToken %v, url.ParseQuery finds access_token: %v", q, got, want)
		}
	}
}
