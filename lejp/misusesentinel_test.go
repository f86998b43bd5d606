package lejp

import (
	"errors"
	"testing"
)

// TestHandlerCallErrorMatchesErrClosed: Write or Close called from the
// Parser's own Handler returned an error matching no exported sentinel, so a
// caller could not tell it from a Handler's own error with errors.Is. It
// matches ErrClosed now (the Parser is closed to such a call), as lecp's
// does, with its text unchanged.
func TestHandlerCallErrorMatchesErrClosed(t *testing.T) {
	var werr, cerr error
	p, err := NewParser(HandlerFunc(func(p *Parser, ev Event) error {
		_, werr = p.Write([]byte("1"))
		cerr = p.Close()
		return nil
	}), nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.Write([]byte("[1]")); err != nil {
		t.Fatal(err)
	}
	if err := p.Close(); err != nil {
		t.Fatal(err)
	}
	for _, e := range []error{werr, cerr} {
		if !errors.Is(e, ErrClosed) || e.Error() != "lejp: Parser.Write or Close called from its Handler" {
			t.Errorf("Write or Close from the Handler: %v, want an error matching ErrClosed", e)
		}
		var se *SyntaxError
		if errors.As(e, &se) {
			t.Errorf("Write or Close from the Handler: %v is a *SyntaxError", e)
		}
	}
}

// TestNoHandlerMatchesErrClosed: the error of a Parser without a Handler
// (NewParser(nil), or Write and Close on the zero Parser) matched no
// exported sentinel, so errors.Is could not tell it from a Handler's own
// error. It matches ErrClosed now (a Parser without a Handler is closed to
// every call), as the Handler's misuse error does, and is not a
// *SyntaxError: it says nothing about the input.
func TestNoHandlerMatchesErrClosed(t *testing.T) {
	_, nerr := NewParser(nil, nil)
	var p Parser
	_, werr := p.Write([]byte(`{"a":1}`))
	cerr := p.Close()
	for _, e := range []error{nerr, werr, cerr} {
		if !errors.Is(e, ErrClosed) || e.Error() != "lejp: Parser has no Handler; make it with NewParser" {
			t.Errorf("Parser without a Handler: %v, want an error matching ErrClosed", e)
		}
		var se *SyntaxError
		if errors.As(e, &se) {
			t.Errorf("Parser without a Handler: %v is a *SyntaxError", e)
		}
	}
}
