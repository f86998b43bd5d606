package lecp

import (
	"errors"
	"fmt"
	"testing"
)

// TestWriteEventUnknownKindIsMisuse: WriteEvent documents that events no
// decoder produces are misuse (ErrWriter), but an Event of Kind Invalid (the
// zero Event, or a zero Token through WriteToken) or of a Kind beyond the
// last was silently dropped: [1, <zero token>] came out as the valid 8101,
// an item short, with no error; and WriteEvent(nil) panicked. Now all three
// are misuse, and Raw events are still ignored, as documented.
func TestWriteEventUnknownKindIsMisuse(t *testing.T) {
	call := func(f func() error) (err error) {
		defer func() {
			if r := recover(); r != nil {
				err = fmt.Errorf("panic: %v", r)
			}
		}()
		return f()
	}
	for name, write := range map[string]func(w *Writer){
		"zero Event":      func(w *Writer) { w.WriteEvent(&Event{}) },
		"zero Token":      func(w *Writer) { w.WriteToken(Token{}) },
		"Kind(200) Event": func(w *Writer) { w.WriteEvent(&Event{Kind: 200}) },
		"Kind after Raw":  func(w *Writer) { w.WriteEvent(&Event{Kind: Raw + 1}) },
		"nil Event":       func(w *Writer) { w.WriteEvent(nil) },
	} {
		var w Writer
		err := call(func() error {
			w.BeginArray()
			w.Uint(1)
			write(&w)
			w.EndArray()
			b, err := w.Bytes()
			if err == nil {
				return fmt.Errorf("wrote %x, no error", b)
			}
			return err
		})
		if !errors.Is(err, ErrWriter) {
			t.Errorf("%s: %v; want ErrWriter", name, err)
		}
	}
	var w Writer
	w.WriteEvent(&Event{Kind: Raw, Value: []byte{0x01}})
	w.Uint(2)
	if b, err := w.Bytes(); err != nil || string(b) != "\x02" {
		t.Errorf("Raw event then 2: %x, %v; want 02 (Raw ignored)", b, err)
	}
}
