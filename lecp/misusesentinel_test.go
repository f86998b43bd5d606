package lecp

import (
	"errors"
	"testing"
)

// TestMisuseErrorsMatchSentinels: the errors of a Parser's Write or Close
// called from its own Handler and of a StringReader's reader read after
// its Decoder moved on matched no exported sentinel (errors.Is could only
// compare them with the unexported errHandlerCall and errStaleString), so a
// caller could not tell them from an io.Reader's or a Handler's own error.
// Now the first matches ErrClosed (the Parser is closed to such a call) and
// the second ErrNoValue (the caller's reading is out of step; nothing is
// consumed), their texts unchanged.
func TestMisuseErrorsMatchSentinels(t *testing.T) {
	var werr, cerr error
	p, err := NewParser(HandlerFunc(func(p *Parser, ev *Event) error {
		_, werr = p.Write([]byte{0x01})
		cerr = p.Close()
		return nil
	}), nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.Write([]byte{0x01}); err != nil {
		t.Fatal(err)
	}
	if err := p.Close(); err != nil {
		t.Fatal(err)
	}
	for _, e := range []error{werr, cerr} {
		if !errors.Is(e, ErrClosed) || e.Error() != "lecp: Parser.Write or Close called from its Handler" {
			t.Errorf("Write or Close from the Handler: %v, want an error matching ErrClosed", e)
		}
	}

	d := NewDecoderBytes(fromHex("825f41014102ff01"), nil)
	if _, err := d.ReadToken(); err != nil {
		t.Fatal(err)
	}
	_, r, err := d.StringReader()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := d.ReadToken(); err != nil {
		t.Fatal(err)
	}
	_, err = r.Read(make([]byte, 4))
	if !errors.Is(err, ErrNoValue) || err.Error() != "lecp: StringReader's reader read after its Decoder moved on" {
		t.Errorf("stale StringReader: %v, want an error matching ErrNoValue", err)
	}
}

// TestNoHandlerErrorMatchesErrClosed: the error of a Parser without a
// Handler (NewParser(nil, nil), a nil HandlerFunc, the zero Parser's Write
// and Close) matched no exported sentinel, so a caller could not tell it
// from a Handler's own error with errors.Is. Now it matches ErrClosed, as
// the other misuse of a Parser (Write or Close from its own Handler) does,
// its text unchanged.
func TestNoHandlerErrorMatchesErrClosed(t *testing.T) {
	const msg = "lecp: Parser has no Handler; make it with NewParser"
	var typedNil HandlerFunc
	_, e1 := NewParser(nil, nil)
	_, e2 := NewParser(typedNil, nil)
	var p Parser
	_, e3 := p.Write([]byte{0x01})
	e4 := p.Close()
	for i, e := range []error{e1, e2, e3, e4} {
		var se *SyntaxError
		if !errors.Is(e, ErrClosed) || e.Error() != msg || errors.As(e, &se) {
			t.Errorf("#%d: %v, want %q matching ErrClosed, not a *SyntaxError", i, e, msg)
		}
	}
}
