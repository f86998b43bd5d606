package lejp

import (
	"errors"
	"fmt"
	"testing"
)

// TestParserWithoutHandler: a Parser without a Handler cannot parse. Before,
// NewParser(nil, …) returned a Parser whose Write panicked (a nil
// Handler called) on any input, and the zero Parser's Write said valid
// input `{"a":1}` was nested too deep (a *SyntaxError with ErrDepth, its
// limits being zero). Now NewParser refuses a nil Handler, and Write and
// Close on a Parser without one return errNoHandler, never a *SyntaxError
// and never a panic.
func TestParserWithoutHandler(t *testing.T) {
	if p, err := NewParser(nil, nil); !errors.Is(err, errNoHandler) || p != nil {
		t.Errorf("NewParser(nil): parser %v, %v; want errNoHandler", p != nil, err)
	}
	var typedNil HandlerFunc
	if p, err := NewParser(typedNil, nil); !errors.Is(err, errNoHandler) || p != nil {
		t.Errorf("NewParser(nil HandlerFunc): parser %v, %v; want errNoHandler", p != nil, err)
	}
	call := func(f func() error) (err error) {
		defer func() {
			if r := recover(); r != nil {
				err = fmt.Errorf("panic: %v", r)
			}
		}()
		return f()
	}
	var p Parser
	for i := range 2 {
		if err := call(func() error { _, err := p.Write([]byte(`{"a":1}`)); return err }); !errors.Is(err, errNoHandler) {
			t.Errorf("zero Parser Write #%d: %v, want errNoHandler", i, err)
		}
		if err := call(p.Close); !errors.Is(err, errNoHandler) {
			t.Errorf("zero Parser Close #%d: %v, want errNoHandler", i, err)
		}
		p.Reset()
	}
}

// TestTooManyPatternsIsErrPattern: NewParser takes MaxPatterns patterns and
// refuses one more with an error wrapping ErrPattern (its godoc said only a
// malformed pattern is an error).
func TestTooManyPatternsIsErrPattern(t *testing.T) {
	pats := make([]string, MaxPatterns+1)
	for i := range pats {
		pats[i] = fmt.Sprint("a", i)
	}
	h := HandlerFunc(func(*Parser, Event) error { return nil })
	if _, err := NewParser(h, nil, pats[:MaxPatterns]...); err != nil {
		t.Errorf("%d patterns: %v", MaxPatterns, err)
	}
	if p, err := NewParser(h, nil, pats...); !errors.Is(err, ErrPattern) || p != nil {
		t.Errorf("%d patterns: parser %v, %v; want ErrPattern", MaxPatterns+1, p != nil, err)
	}
}
