package main

import (
	"testing"
	"time"
)

// Times more than 292 years away overflow a time.Duration: t.Sub saturates
// and negating the minimum Duration stays negative. Before the fix jwt
// inspect said "issued just now" of an "iat" in year 0 and "expires in
// 106751 days" of an "exp" in year 10000.
func TestRelativeFarTimes(t *testing.T) {
	now := time.Unix(1_000_000_000, 0) // 2001-09-09
	for _, c := range []struct {
		t    time.Time
		want string
	}{
		{time.Date(0, 12, 31, 23, 59, 59, 0, time.UTC), "730736 days ago"},
		{time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC), "in 2921322 days"},
		{now.AddDate(-300, 0, 0), "109573 days ago"},
	} {
		if got := relative(c.t, now); got != c.want {
			t.Errorf("%v: %q, want %q", c.t, got, c.want)
		}
	}
}
