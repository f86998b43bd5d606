package lejp

import (
	"io"
	"iter"
)

// Values iterates over the top-level values held in b — one JSON text, or
// a sequence of them separated by optional whitespace such as NDJSON
// (Options.AllowMultipleValues is implied) — yielding the exact bytes of
// each, checked under opts as Decoder.ReadValue checks them. After an
// error (a *SyntaxError) it yields (nil, err) once and stops. An empty b,
// or one of whitespace only, holds no values. The bytes are b's own; with
// Options.AllowComments a comment inside a value is among them. Ranging
// over it again starts again at the first value.
func Values(b []byte, opts *Options) iter.Seq2[[]byte, error] {
	return func(yield func([]byte, error) bool) {
		yieldValues(NewDecoderBytes(b, multiple(opts)), yield)
	}
}

// ReadValues iterates over the top-level values read from r, as Values
// does over bytes, yielding the exact bytes of each (valid until the next
// iteration), each held whole up to Options.MaxValueLen. After an error (a
// *SyntaxError, among them ErrValueTooLarge for a value longer than that,
// or r's error, as NewDecoder returns them) it yields (nil, err) once and
// stops: a stream is not read on past a fault (to skip a faulty line of
// NDJSON, give each line to Values, as its Example does). It reads r as a
// Decoder does, in pieces, ahead of the values it yields, and stops
// reading when the loop does: the bytes read past the last value yielded
// are then dropped. So it is single-use: ranging over it again, or a new
// ReadValues over r, goes on from where r is, not from the next value (a
// Decoder's ReadValue loop can stop and go on later).
func ReadValues(r io.Reader, opts *Options) iter.Seq2[[]byte, error] {
	return func(yield func([]byte, error) bool) {
		yieldValues(NewDecoder(r, multiple(opts)), yield)
	}
}

// multiple returns a copy of opts with AllowMultipleValues set.
func multiple(opts *Options) *Options {
	o := Options{}
	if opts != nil {
		o = *opts
	}
	o.AllowMultipleValues = true
	return &o
}

func yieldValues(d *Decoder, yield func([]byte, error) bool) {
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
