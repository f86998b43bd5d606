package lecp

import (
	"encoding/binary"
	"math"
)

// The Append functions encode one item (or one head) in preferred
// serialization (RFC 8949 §4.1): the shortest head for every argument, and
// floats in the shortest width that keeps the value. They append to dst and
// return the extended slice, so a caller can build a structure such as a
// COSE Sig_structure in one buffer without allocating:
//
//	b = lecp.AppendArrayHeader(b, 4)
//	b = lecp.AppendText(b, "Signature1")
//	b = lecp.AppendBytes(b, protected)
//	...

// appendHead appends the head of major type maj with argument arg.
func appendHead(dst []byte, maj uint8, arg uint64) []byte {
	mt := maj << 5
	switch {
	case arg < 24:
		return append(dst, mt|byte(arg))
	case arg <= math.MaxUint8:
		return append(dst, mt|24, byte(arg))
	case arg <= math.MaxUint16:
		return binary.BigEndian.AppendUint16(append(dst, mt|25), uint16(arg))
	case arg <= math.MaxUint32:
		return binary.BigEndian.AppendUint32(append(dst, mt|26), uint32(arg))
	}
	return binary.BigEndian.AppendUint64(append(dst, mt|27), arg)
}

// AppendUint appends the unsigned integer v (major type 0).
func AppendUint(dst []byte, v uint64) []byte { return appendHead(dst, majUint, v) }

// AppendInt appends the integer v (major type 0 or 1).
func AppendInt(dst []byte, v int64) []byte {
	if v < 0 {
		return appendHead(dst, majNint, uint64(-1-v))
	}
	return appendHead(dst, majUint, uint64(v))
}

// AppendNegative appends the negative integer -1-arg (major type 1), which
// reaches down to -2^64.
func AppendNegative(dst []byte, arg uint64) []byte { return appendHead(dst, majNint, arg) }

// AppendBytes appends the byte string b.
func AppendBytes(dst, b []byte) []byte {
	return append(appendHead(dst, majBytes, uint64(len(b))), b...)
}

// AppendText appends the text string s. The caller ensures s is UTF-8.
func AppendText(dst []byte, s string) []byte {
	return append(appendHead(dst, majText, uint64(len(s))), s...)
}

// AppendTextBytes appends the text string held in b. The caller ensures b
// is UTF-8.
func AppendTextBytes(dst, b []byte) []byte {
	return append(appendHead(dst, majText, uint64(len(b))), b...)
}

// AppendBytesHeader appends the head of a byte string of n bytes; the
// caller appends the n bytes.
func AppendBytesHeader(dst []byte, n uint64) []byte { return appendHead(dst, majBytes, n) }

// AppendTextHeader appends the head of a text string of n bytes.
func AppendTextHeader(dst []byte, n uint64) []byte { return appendHead(dst, majText, n) }

// AppendArrayHeader appends the head of an array of n items; the caller
// appends the n items.
func AppendArrayHeader(dst []byte, n uint64) []byte { return appendHead(dst, majArray, n) }

// AppendMapHeader appends the head of a map of n pairs; the caller appends
// n keys and values, alternating.
func AppendMapHeader(dst []byte, n uint64) []byte { return appendHead(dst, majMap, n) }

// AppendTag appends the tag number n; the caller appends the tagged item.
func AppendTag(dst []byte, n uint64) []byte { return appendHead(dst, majTag, n) }

// AppendBool appends false or true.
func AppendBool(dst []byte, v bool) []byte {
	if v {
		return append(dst, 0xf5)
	}
	return append(dst, 0xf4)
}

// AppendNull appends null.
func AppendNull(dst []byte) []byte { return append(dst, 0xf6) }

// AppendUndefined appends undefined.
func AppendUndefined(dst []byte) []byte { return append(dst, 0xf7) }

// AppendSimple appends simple value v: one byte below 24, two bytes from
// 32. Values 24 to 31 are not well-formed (RFC 8949 §3.3), and AppendSimple
// panics on them.
func AppendSimple(dst []byte, v uint8) []byte {
	switch {
	case v < 24:
		return append(dst, 0xe0|v)
	case v < 32:
		panic("lecp: simple values 24 to 31 are reserved")
	}
	return append(dst, 0xf8, v)
}

// AppendFloat appends f in the shortest of half, single and double
// precision that keeps its value exactly (RFC 8949 §4.1). The infinities
// and NaN are written as half precision; a NaN is written as the quiet NaN
// f97e00, so NaN payloads are not kept.
func AppendFloat(dst []byte, f float64) []byte {
	if f != f {
		return append(dst, 0xf9, 0x7e, 0x00)
	}
	f32 := float32(f)
	if float64(f32) == f {
		if h, ok := halfExact(f32); ok {
			return binary.BigEndian.AppendUint16(append(dst, 0xf9), h)
		}
		return binary.BigEndian.AppendUint32(append(dst, 0xfa), math.Float32bits(f32))
	}
	return binary.BigEndian.AppendUint64(append(dst, 0xfb), math.Float64bits(f))
}

// AppendFloat64 appends f as a double-precision float regardless of its
// value (not preferred serialization; for protocols that fix the width).
func AppendFloat64(dst []byte, f float64) []byte {
	return binary.BigEndian.AppendUint64(append(dst, 0xfb), math.Float64bits(f))
}

// AppendFloat32 appends f as a single-precision float.
func AppendFloat32(dst []byte, f float32) []byte {
	return binary.BigEndian.AppendUint32(append(dst, 0xfa), math.Float32bits(f))
}

// AppendIndefiniteArray appends the start of an indefinite-length array;
// end it with AppendBreak.
func AppendIndefiniteArray(dst []byte) []byte { return append(dst, 0x9f) }

// AppendIndefiniteMap appends the start of an indefinite-length map.
func AppendIndefiniteMap(dst []byte) []byte { return append(dst, 0xbf) }

// AppendIndefiniteBytes appends the start of an indefinite-length byte
// string; its chunks are definite byte strings, then AppendBreak.
func AppendIndefiniteBytes(dst []byte) []byte { return append(dst, 0x5f) }

// AppendIndefiniteText appends the start of an indefinite-length text
// string.
func AppendIndefiniteText(dst []byte) []byte { return append(dst, 0x7f) }

// AppendBreak appends the break stop code that ends an indefinite-length
// item.
func AppendBreak(dst []byte) []byte { return append(dst, 0xff) }
