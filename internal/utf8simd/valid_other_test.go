//go:build !(goexperiment.simd && amd64)

package utf8simd

// vectorRoutine returns nil: this build has no vector routine.
func vectorRoutine() (func([]byte) bool, int) { return nil, 0 }
