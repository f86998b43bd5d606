package lecp

import (
	"io"
	"iter"
)

// Check reports whether b holds exactly one well-formed, valid CBOR item
// (or, with Options.AllowSequence, a sequence of them) under the strict
// rules and limits of opts. It returns nil or a *SyntaxError. It allocates
// its working state (the checker, the nesting stack, the map keys held for
// duplicate detection), which grows with the nesting and the keys of the
// input, never with a declared length; a reused Checker allocates nothing.
func Check(b []byte, opts *Options) error {
	var c Checker
	c.m.init(opts)
	return c.check(b)
}

// Valid reports whether Check(b, nil) is nil.
func Valid(b []byte) bool { return Check(b, nil) == nil }

// Checker checks many inputs with the same options, reusing its memory: in
// steady state Check allocates nothing. The zero Checker checks with the
// default options, as NewChecker(nil) does.
type Checker struct {
	m machine
}

// NewChecker returns a Checker for opts.
func NewChecker(opts *Options) *Checker {
	c := &Checker{}
	c.m.init(opts)
	return c
}

// Check is the function Check with c's options.
func (c *Checker) Check(b []byte) error {
	if c.m.keys.lim == nil {
		c.m.init(nil) // the zero Checker
	}
	c.m.reset()
	return c.check(b)
}

func (c *Checker) check(b []byte) error {
	m := &c.m
	if m.fastCheck(b) {
		m.off = int64(len(b))
		m.keys.src = nil // keep no reference to b
		return nil
	}
	err := c.run(b)
	// keep nothing of b for the next Check: the last event's Value and a
	// key taken from it are slices of b
	m.ev.Value, m.keys.direct = nil, nil
	return err
}

// run runs the machine over b from the start.
func (c *Checker) run(b []byte) error {
	m := &c.m
	m.reset()
	for {
		n, err := m.step(b, maxInt)
		m.off += int64(n)
		if err == errShort {
			if len(b) > 0 {
				return m.eofIn(b)
			}
			return m.finish()
		}
		if err != nil {
			return err
		}
		b = b[n:]
	}
}

// Items iterates over the items of a CBOR sequence (RFC 8742) held in b,
// yielding the exact bytes of each, checked under opts (whose
// AllowSequence is implied). After an error it yields (nil, err) once and
// stops. An empty b is an empty sequence.
func Items(b []byte, opts *Options) iter.Seq2[[]byte, error] {
	return func(yield func([]byte, error) bool) {
		o := Options{}
		if opts != nil {
			o = *opts
		}
		o.AllowSequence = true
		d := NewDecoderBytes(b, &o)
		for {
			v, err := d.ReadValue()
			if err == io.EOF {
				return
			}
			if err != nil {
				yield(nil, err)
				return
			}
			if !yield(v, nil) {
				return
			}
		}
	}
}

// ReadItems iterates over the items of a CBOR sequence read from r,
// yielding the exact bytes of each (valid until the next iteration), each
// held whole up to Options.MaxValueLen, checked under opts (whose
// AllowSequence is implied). After an error (a *SyntaxError, among them
// ErrValueTooLarge for an item longer than that, or r's error, as
// NewDecoder returns them) it yields (nil, err) once and stops. It reads r
// as a Decoder does, in pieces, ahead of the items it yields, and stops
// reading when the loop does: the bytes read past the last item yielded
// are then dropped. So it is single-use: ranging over it again, or a new
// ReadItems over r, goes on from where r is, not from the next item (a
// Decoder's ReadValue loop can stop and go on later). Items, over bytes,
// starts again at the first item each time.
func ReadItems(r io.Reader, opts *Options) iter.Seq2[[]byte, error] {
	return func(yield func([]byte, error) bool) {
		o := Options{}
		if opts != nil {
			o = *opts
		}
		o.AllowSequence = true
		d := NewDecoder(r, &o)
		for {
			v, err := d.ReadValue()
			if err == io.EOF {
				return
			}
			if err != nil {
				yield(nil, err)
				return
			}
			if !yield(v, nil) {
				return
			}
		}
	}
}
