package lecp

import (
	"errors"
	"fmt"
	"testing"
)

// TestParserWithoutHandlerRefused: NewParser(nil, nil) returned a Parser
// whose first Write panicked with a nil pointer dereference (the Handler
// called), and so did the zero Parser's Write of any input (01). Now
// NewParser refuses a nil Handler (a nil interface or a nil HandlerFunc),
// and Write and Close on a Parser without one return errNoHandler, never a
// *SyntaxError and never a panic, as lejp's Parser does.
func TestParserWithoutHandlerRefused(t *testing.T) {
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
	for _, in := range [][]byte{{0x01}, {0x81}, {0xa1, 0x01, 0x02}, {0x1c}, nil} {
		var p Parser
		for i := range 2 {
			if err := call(func() error { _, err := p.Write(in); return err }); !errors.Is(err, errNoHandler) {
				t.Errorf("zero Parser Write(%x) #%d: %v, want errNoHandler", in, i, err)
			}
			if err := call(p.Close); !errors.Is(err, errNoHandler) {
				t.Errorf("zero Parser Close after %x #%d: %v, want errNoHandler", in, i, err)
			}
			if err := call(func() error {
				_, _, _, _, _ = p.Capture(), p.Path(), p.AppendPath(nil), p.Depth(), p.InputOffset()
				return nil
			}); err != nil {
				t.Errorf("zero Parser accessors: %v", err)
			}
			p.Reset()
		}
	}
}
