package testenv

import (
	"errors"
	"fmt"
	"testing"
)

// RunCall makes one call of a table of calls that must not panic (nil
// receivers, nil or empty arguments): do returns what the call returned
// (one value, or a []any of several), which check judges. A panic, or
// what check says, is an error of t naming the call; the table goes on.
func RunCall(t testing.TB, name string, do func() any, check func(any) error) {
	t.Helper()
	defer func() {
		if p := recover(); p != nil {
			t.Errorf("%s: panic: %v", name, p)
		}
	}()
	if err := check(do()); err != nil {
		t.Errorf("%s: %v", name, err)
	}
}

// ErrorIs is the check that a call returned an error wrapping target.
func ErrorIs(target error) func(any) error {
	return func(v any) error {
		if err, _ := v.(error); !errors.Is(err, target) {
			return fmt.Errorf("got %v, want an error wrapping %v", v, target)
		}
		return nil
	}
}

// Prints is the check that a call returned what prints as want does
// (fmt.Sprint).
func Prints(want any) func(any) error {
	return func(v any) error {
		if fmt.Sprint(v) != fmt.Sprint(want) {
			return fmt.Errorf("got %v, want %v", v, want)
		}
		return nil
	}
}
