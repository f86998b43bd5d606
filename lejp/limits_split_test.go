package lejp

import "testing"

// FuzzChunkedLimits: FuzzChunked's comparison under small fuzzed limits
// (depth, name, number and string lengths, name memory, string pieces),
// where an early refusal for a limit could judge split input differently
// from whole input (as lecp.FromJSON did): the Parser fed whole and a byte
// at a time, the Decoder over the bytes and over a one-byte reader, and
// Check agree on every event and error.
func FuzzChunkedLimits(f *testing.F) {
	addSeeds(f, func(b []byte) { f.Add(b, uint8(0), uint8(0x33), uint8(7), uint16(40)) })
	f.Add([]byte(`{"abcdef":[123456,"abcdefghij"],"abcdef":1}`), uint8(0x10), uint8(0x44), uint8(5), uint16(60))
	f.Fuzz(func(t *testing.T, in []byte, flags, nl, sl uint8, mem uint16) {
		opts := &Options{
			StringChunk:         int(flags>>4) + 1,
			MaxDepth:            int(flags>>5) + 2,
			MaxNameLen:          int(nl%16) + 1,
			MaxNumberLen:        int(nl>>4) + 1,
			MaxStringLen:        int64(sl%32) + 1,
			MaxNameMemory:       int(mem%512) + 1,
			AllowDuplicateNames: flags&1 != 0,
			AllowInvalidUTF8:    flags&2 != 0,
			AllowComments:       flags&4 != 0,
			AllowMultipleValues: flags&8 != 0,
		}
		whole := pushTrace(opts, nil, false, in)
		if got := pushTrace(opts, nil, false, bytesSplit(in, 1)...); got != whole {
			t.Fatalf("one byte per Write:\n%s", diff(whole, got))
		}
		merged := pushTrace(opts, nil, true, in)
		if got := pullTrace(opts, in, false); got != merged {
			t.Fatalf("Decoder:\n%s", diff(merged, got))
		}
		if got := pullTrace(opts, in, true); got != merged {
			t.Fatalf("Decoder one byte:\n%s", diff(merged, got))
		}
		if got, want := checkLine(Check(in, opts)), errTail(whole); got != want {
			t.Fatalf("Check %q, Parser %q", got, want)
		}
	})
}
