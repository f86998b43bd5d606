// Package utf8simd validates UTF-8 for lecp, the module's strict CBOR
// parser, which checks every text string it reads.
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
// The package stands apart so that it is tested on its own and can be
// shared (lecp's rule of importing nothing outside the standard library
// admits this one leaf package of the module, which itself imports the
// standard library only), and is internal so that SIMD validation is not
// part of the module's public API while simd/archsimd is an experiment.
// lejp does not use it: its strings are validated as they are scanned, and
// a vector pass over each string's run cost lejp more than it saved (on
// twitter.json, the JSON strings with non-ASCII text are mostly short).
package utf8simd
