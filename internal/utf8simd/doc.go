// Package utf8simd validates UTF-8 for the module's strict parsers, lejp
// (JSON) and lecp (CBOR), which check every string they read.
//
// [Valid] gives exactly the verdict of [unicode/utf8.Valid] (RFC 3629 §3
// and §4: no overlong forms, no surrogates U+D800–U+DFFF, nothing above
// U+10FFFF, no truncated sequences). Built with GOEXPERIMENT=simd on amd64
// and run on a CPU with AVX2, it checks 32 bytes at a time with the
// "lookup" algorithm of Keiser and Lemire ("Validating UTF-8 in less than
// one instruction per byte", Software: Practice and Experience, 2021):
// three 16-entry table lookups (VPSHUFB) classify every pair of adjacent
// bytes by the previous byte's two nibbles and the current byte's high
// nibble, a separate check requires continuation bytes in the third and
// fourth positions of 3- and 4-byte sequences, and blocks that are all
// ASCII skip the lookups. Otherwise (the default build, another
// architecture, a CPU without AVX2, or an input shorter than 35 bytes) it
// is utf8.Valid.
//
// The package is internal so that both parsers share one validator (and
// their rule of importing nothing outside the standard library admits one
// leaf package of the module, which itself imports the standard library
// only), without making SIMD validation part of the module's public API
// while simd/archsimd is an experiment.
package utf8simd
