package main

import (
	"testing"
	"time"
)

// Times more than 292 years away overflow a time.Duration: t.Sub saturates
// and negating the minimum Duration stays negative. Before that fix jwt
// inspect said "issued just now" of an "iat" in year 0 and "expires in
// 106751 days" of an "exp" in year 10000. Two years and more are counted
// in whole calendar years ("in 26702 days" said nothing at a glance).
func TestRelativeFarTimes(t *testing.T) {
	now := time.Unix(1_000_000_000, 0) // 2001-09-09 01:46:40 UTC
	for _, c := range []struct {
		t    time.Time
		want string
	}{
		{time.Date(0, 12, 31, 23, 59, 59, 0, time.UTC), "2000 years ago"},
		{time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC), "in 7998 years"},
		{now.AddDate(-300, 0, 0), "300 years ago"},
		{now.AddDate(0, 0, 26702), "in 73 years"},
		{now.AddDate(2, 0, 0), "in 2 years"},
		{now.AddDate(-2, 0, 0), "2 years ago"},
		{now.AddDate(2, 0, 0).Add(-time.Second), "in 729 days"},
		{now.AddDate(-2, 0, 0).Add(time.Second), "730 days ago"},
		{now.AddDate(3, 0, 0).Add(-time.Second), "in 2 years"},
		{now.AddDate(1, 0, 0), "in 365 days"},
		{time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC), "2000 years ago"},
		{time.Unix(1<<62, 0), "in 146138512281 years"},
	} {
		if got := relative(c.t, now); got != c.want {
			t.Errorf("%v: %q, want %q", c.t, got, c.want)
		}
	}
	// Leap days: from 29 February, two years on is 1 March.
	leap := time.Date(2024, 2, 29, 12, 0, 0, 0, time.UTC)
	if got := relative(time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC), leap); got != "in 2 years" {
		t.Errorf("2024-02-29 to 2026-03-01: %q, want in 2 years", got)
	}
	if got := relative(time.Date(2026, 2, 28, 12, 0, 0, 0, time.UTC), leap); got != "in 730 days" {
		t.Errorf("2024-02-29 to 2026-02-28: %q, want in 730 days", got)
	}
}
