//go:build goexperiment.simd && amd64

package utf8simd

// This file is the vectorised validator: Keiser and Lemire's "lookup"
// algorithm over 32-byte blocks with AVX2 (see the package doc). Each
// pair of adjacent bytes is classified by three tables indexed by the
// previous byte's high and low nibbles and the current byte's high nibble;
// a byte of the ANDed result names the errors the pair shows (the flags
// below). Only the pair continuation–continuation is not decided by the
// pair: it is right exactly where the byte two back starts a 3- or 4-byte
// sequence or the byte three back a 4-byte one, so that flag (twoConts,
// bit 7) is XORed with a mask of those positions. The tables are the
// package's own, derived from RFC 3629 §4 and checked against
// unicode/utf8 over every byte pair by the tests.

import (
	"simd/archsimd"
	"unicode/utf8"
)

// The error flags of a pair of adjacent bytes (previous, current). A flag
// is set in a table entry when the entry's nibble can be part of a pair
// showing that error; a pair shows it when all three of its entries set it.
const (
	tooShort  = 1 << 0 // a lead byte 11xxxxxx not followed by a continuation
	tooLong   = 1 << 1 // ASCII followed by a continuation 10xxxxxx
	overlong3 = 1 << 2 // E0 followed by 80–9F: a 3-byte overlong form
	tooLarge  = 1 << 3 // F4 followed by 90–BF, or F5–FF by 90–BF
	surrogate = 1 << 4 // ED followed by A0–BF: U+D800–U+DFFF
	overlong2 = 1 << 5 // C0 or C1 followed by a continuation
	// tooLarge1000 (F5–FF followed by 80–8F) and overlong4 (F0 followed
	// by 80–8F) share a bit: they differ only in the low nibble of the
	// lead, which byte1Low tells apart.
	tooLarge1000 = 1 << 6
	overlong4    = 1 << 6
	twoConts     = 1 << 7 // a continuation followed by a continuation
	carry        = tooShort | tooLong | twoConts
)

// byte1High, byte1Low and byte2High are the three tables, indexed by the
// previous byte's high nibble, its low nibble and the current byte's high
// nibble, each repeated for both 128-bit lanes (VPSHUFB looks up within a
// lane).
var (
	byte1High = lanes([16]uint8{
		// 0x00–0x7F: ASCII
		tooLong, tooLong, tooLong, tooLong, tooLong, tooLong, tooLong, tooLong,
		// 0x80–0xBF: continuation
		twoConts, twoConts, twoConts, twoConts,
		// 0xC0–0xCF, 0xD0–0xDF: 2-byte leads (C0, C1 overlong)
		tooShort | overlong2,
		tooShort,
		// 0xE0–0xEF: 3-byte leads (E0 overlong, ED surrogates)
		tooShort | overlong3 | surrogate,
		// 0xF0–0xFF: 4-byte leads (F0 overlong, F4 and up too large)
		tooShort | tooLarge | tooLarge1000 | overlong4,
	})
	byte1Low = lanes([16]uint8{
		carry | overlong3 | overlong2 | overlong4, // x0: C0, E0, F0
		carry | overlong2,                         // x1: C1
		carry,
		carry,
		carry | tooLarge, // x4: F4
		carry | tooLarge | tooLarge1000,
		carry | tooLarge | tooLarge1000,
		carry | tooLarge | tooLarge1000,
		carry | tooLarge | tooLarge1000,
		carry | tooLarge | tooLarge1000,
		carry | tooLarge | tooLarge1000,
		carry | tooLarge | tooLarge1000,
		carry | tooLarge | tooLarge1000,
		carry | tooLarge | tooLarge1000 | surrogate, // xD: ED
		carry | tooLarge | tooLarge1000,
		carry | tooLarge | tooLarge1000,
	})
	byte2High = lanes([16]uint8{
		// 0x00–0x7F: ASCII, after a lead
		tooShort, tooShort, tooShort, tooShort, tooShort, tooShort, tooShort, tooShort,
		// 0x80–0x8F
		tooLong | overlong2 | twoConts | overlong3 | tooLarge1000 | overlong4,
		// 0x90–0x9F
		tooLong | overlong2 | twoConts | overlong3 | tooLarge,
		// 0xA0–0xBF
		tooLong | overlong2 | twoConts | surrogate | tooLarge,
		tooLong | overlong2 | twoConts | surrogate | tooLarge,
		// 0xC0–0xFF: a lead, after a lead
		tooShort, tooShort, tooShort, tooShort,
	})
	// incompleteMax holds, for the last three bytes of a block, the
	// largest byte that ends no sequence early there (a 4-byte lead 3
	// from the end, a 3- or 4-byte lead 2 from the end, any lead at the
	// end): a byte above it leaves a sequence to the next block.
	incompleteMax = [32]uint8{
		0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
		0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
		0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
		0xff, 0xff, 0xff, 0xff, 0xff, 0xef, 0xdf, 0xbf,
	}
)

// lanes repeats a 16-entry table for both 128-bit lanes of a vector.
func lanes(t [16]uint8) [32]uint8 {
	var v [32]uint8
	copy(v[:16], t[:])
	copy(v[16:], t[:])
	return v
}

// vectorMin is the shortest input Valid checks with vectors: a block of
// 32 bytes and, for the last block, the 3 bytes before it (see
// validAVX2). Below it utf8.Valid is about as fast as a vector block
// would be.
const vectorMin = 35

// avx2 caches archsimd.X86.AVX2.
var avx2 = archsimd.X86.AVX2()

// Valid reports whether b is entirely valid UTF-8, exactly as utf8.Valid
// does. With AVX2, inputs of 35 bytes or more are checked 32 bytes at a
// time; others go to utf8.Valid.
func Valid(b []byte) bool {
	if len(b) < vectorMin || !avx2 {
		return utf8.Valid(b)
	}
	return validAVX2(b)
}

// Vectorized reports whether Valid checks long inputs with SIMD
// instructions (in this build: whether the CPU has AVX2), so that a
// caller with a faster scalar check of its own can keep it otherwise.
func Vectorized() bool { return avx2 }

// validAVX2 is Valid with AVX2 for inputs of at least vectorMin bytes.
// Full blocks are loaded in place, and each byte's predecessors one, two
// and three back shifted in from the block before (zero bytes before the
// first). The last partial block is the input's last 32 bytes, which
// overlap the block before (checking a byte twice changes no verdict),
// with their predecessors loaded from offsets -1, -2 and -3 (loads that
// cross cache lines, slower than the shifts, but only once).
func validAVX2(b []byte) bool {
	t1 := archsimd.LoadUint8x32(&byte1High)
	t2 := archsimd.LoadUint8x32(&byte1Low)
	t3 := archsimd.LoadUint8x32(&byte2High)
	maxTail := archsimd.LoadUint8x32(&incompleteMax)
	nibble := archsimd.BroadcastUint8x32(0x0f)
	high := archsimd.BroadcastUint8x32(0x80)
	// a byte two back of at least E0, or three back of at least F0,
	// saturates to 0x80 or more when these are subtracted
	third := archsimd.BroadcastUint8x32(0xe0 - 0x80)
	fourth := archsimd.BroadcastUint8x32(0xf0 - 0x80)
	// errs collects the error flags of every block; prev is the block
	// before (zero before the first), incomplete its bytes that start a
	// sequence it does not finish
	var errs, prev, incomplete archsimd.Uint8x32
	n := len(b)
	i := 0
	for ; i+32 <= n; i += 32 {
		cur := archsimd.LoadUint8x32Slice(b[i : i+32])
		if cur.And(high).IsZero() {
			// all ASCII: right unless the block before left a
			// sequence unfinished; none is left now (the subtraction
			// is zero, and cheaper than loading a zero vector)
			errs = errs.Or(incomplete)
			incomplete = cur.SubSaturated(maxTail)
			prev = cur
			continue
		}
		// the 16-byte shifts (VPALIGNR) act per lane: the lower lane's
		// predecessors come from prev's upper lane
		across := prev.Select128FromPair(1, 2, cur)
		errs = errs.Or(blockErrors(cur,
			cur.ConcatShiftBytesRightGrouped(15, across),
			cur.ConcatShiftBytesRightGrouped(14, across),
			cur.ConcatShiftBytesRightGrouped(13, across),
			t1, t2, t3, nibble, high, third, fourth))
		incomplete = cur.SubSaturated(maxTail)
		prev = cur
	}
	if i < n {
		// the last 32 bytes and the 3 before them
		w := (*[35]uint8)(b[n-35:])
		cur := archsimd.LoadUint8x32Slice(w[3:])
		if !cur.And(high).IsZero() {
			errs = errs.Or(blockErrors(cur, archsimd.LoadUint8x32Slice(w[2:34]),
				archsimd.LoadUint8x32Slice(w[1:33]), archsimd.LoadUint8x32Slice(w[:32]),
				t1, t2, t3, nibble, high, third, fourth))
		}
		// this block checks every byte after the block before, and
		// overlaps at least its last byte: if that is ASCII, the block
		// before found any sequence it left unfinished itself
		incomplete = cur.SubSaturated(maxTail)
	}
	return errs.Or(incomplete).IsZero()
}

// blockErrors returns the error flags of block cur, whose bytes'
// predecessors one, two and three back are prev1, prev2 and prev3: the
// three lookups in tables t1, t2 and t3, ANDed, XORed with the positions
// where the byte two or three back requires a continuation. The other
// arguments are validAVX2's constants.
func blockErrors(cur, prev1, prev2, prev3, t1, t2, t3, nibble, high, third, fourth archsimd.Uint8x32) archsimd.Uint8x32 {
	hi1 := prev1.AsUint16x16().ShiftAllRight(4).AsUint8x32().And(nibble)
	lo1 := prev1.And(nibble)
	hi2 := cur.AsUint16x16().ShiftAllRight(4).AsUint8x32().And(nibble)
	special := t1.PermuteOrZeroGrouped(hi1.AsInt8x32()).
		And(t2.PermuteOrZeroGrouped(lo1.AsInt8x32())).
		And(t3.PermuteOrZeroGrouped(hi2.AsInt8x32()))
	must23 := prev2.SubSaturated(third).Or(prev3.SubSaturated(fourth)).And(high)
	return special.Xor(must23)
}
