package lejp

import "sync"

var checkers = sync.Pool{New: func() any { return new(scanner) }}

// Check reports whether b is one valid JSON text under opts (nil for
// strict): nil, or the first *SyntaxError. It reads every byte and decodes
// nothing but escaped member names (for duplicate detection).
func Check(b []byte, opts *Options) error {
	s := checkers.Get().(*scanner)
	s.init(opts)
	if fastCheck(s, b) {
		checkers.Put(s)
		return nil
	}
	s.buf, s.eof, s.borrowNames, s.noDecode = b, true, true, true
	var err error
	for {
		if _, err = s.next(); err != nil {
			break
		}
	}
	if err == errEnd {
		err = nil
	}
	s.buf = nil
	s.stream, s.noDecode = false, false
	s.forgetInput()
	checkers.Put(s)
	return err
}

// forgetInput drops what points into the input (the member names held,
// those of the frames, the last token), so that a pooled or reset scanner
// does not keep the input alive (reset calls it too).
func (s *scanner) forgetInput() {
	clear(s.ents)
	for i := range s.frames {
		s.frames[i].name = nil
	}
	s.val = nil
}

// Valid reports whether b is one strictly valid JSON text.
func Valid(b []byte) bool { return Check(b, nil) == nil }
