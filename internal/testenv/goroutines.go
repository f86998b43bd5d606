package testenv

import (
	"runtime"
	"time"
)

// SettleGoroutines waits up to 5 s for the number of goroutines to fall to
// at most want, and returns the count and, if it did not fall that far,
// the stacks of every goroutine (for the test's failure message).
func SettleGoroutines(want int) (got int, stacks string) {
	for range 500 {
		got = runtime.NumGoroutine()
		if got <= want {
			return got, ""
		}
		time.Sleep(10 * time.Millisecond)
	}
	buf := make([]byte, 1<<20)
	return got, string(buf[:runtime.Stack(buf, true)])
}
