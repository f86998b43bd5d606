// Package lecp is a streaming CBOR (RFC 8949) parser and encoder: a push
// parser fed in chunks, a pull decoder over an io.Reader, path patterns
// with integer map keys, exact raw capture, an append-style encoder with
// preferred serialization and a deterministic Writer, diagnostic notation,
// CBOR↔JSON conversion and CBOR sequences. It depends on the standard
// library only (and, built with GOEXPERIMENT=simd on amd64, the module's
// internal UTF-8 validator internal/utf8simd), and is what package
// cose (not built yet) is to parse and build messages with.
//
// # Reading
//
// Parser (push): Write chunks of any size as they arrive; the Handler gets
// one Event per integer, float, simple value, string (or piece of a long
// string), array/map/tag start and end, the same events for any split of the
// input down to one byte at a time. Memory stays bounded: long strings come
// in pieces of Options.StringChunk bytes, and only the keys of open maps and
// a captured item (up to Options.MaxValueLen) are held. Patterns (below) mark the events of interest, and Parser.Capture
// hands over the exact bytes of an item, such as a COSE protected header.
//
// Decoder (pull): ReadToken returns one Token at a time (strings whole),
// ReadValue the exact bytes of the next item, SkipValue moves past one,
// StringReader streams one long string, Path and InputOffset say where the
// decoder is. Tokens borrow the decoder's buffer until the next call.
// NewDecoderBytes reads a slice in place without copying. Asked for an item
// where none starts (at the end of a container, or a string where another
// item comes), ReadValue, SkipValue and StringReader return ErrNoValue and
// consume nothing; after the last top-level item every read returns
// io.EOF.
//
// Check and Checker validate without events; Items and ReadItems iterate
// over a CBOR sequence (RFC 8742).
//
// # Strict by default
//
// The zero Options accept exactly well-formed CBOR (RFC 8949 §3 and
// Appendix F): additional information 28–30, a break outside an
// indefinite-length item, an indefinite-length string chunk of another type,
// a two-byte simple value below 32 (erratum 5917) and truncated items are
// errors; text strings must be UTF-8; map keys must be unique as data items
// (RFC 8949 §5.6.1: 1 and 1.0 differ, as do 1(1) and 2(1); "a" and
// (_ "a") do not, nor do 0.0 and -0.0, nor any two NaNs); depth, item
// counts, string lengths and key sizes are limited. No memory is ever
// reserved for a declared length: a 9-byte header declaring 2^64 items
// costs nothing.
// Options.Deterministic adds the core deterministic encoding rules (RFC 8949
// §4.2.1). Errors are *SyntaxError with the byte offset, the path and a
// sentinel cause for errors.Is; input cut short is ErrUnexpectedEOF (which
// also matches io.ErrUnexpectedEOF), malformed input another cause.
//
// # Paths and patterns
//
// A path names an item from the top by map keys and array indexes: a.b,
// keys[2].kid, [1].4 (integer key 4 in the second element of an array),
// -1, "1" (the text key "1", quoted because it reads as a number), h'01'
// (other keys in diagnostic notation). Tags are transparent. The text is
// for people and can read the same for two places (a float key 1.5 as
// integer keys 1 then 5, an array key [1] as index 1); patterns match the
// keys themselves, never this text. In a pattern,
// [] matches any index, * any one map key, and a final * everything below
// ('*' is a wildcard only as a whole segment: a bare kid* is ErrPattern, and
// a text key holding *, " or ] is named quoted, "kid*");
// a pattern names text, integer and byte-string keys and false, true, null
// and undefined, and other keys (floats, arrays, maps, tags) only through *.
// A COSE_Sign1 reader might use "[0]" for the protected header and "[1].4"
// for the unprotected kid. Patterns do not reach inside a byte string that
// holds CBOR (the protected header's map, tag 24's content): the string's
// content is read again, with a Decoder or Parser of its own, to find the
// protected alg (label 1); Parser.Capture keeps the protected header's item
// exactly as received, head included. The bytes after its head are what
// COSE's Sig_structure takes (RFC 9052 §4.4), as the content of a byte
// string the verifier encodes again with a preferred head (AppendBytes).
//
// # Writing
//
// The Append functions encode one item or head into a caller's buffer in
// preferred serialization (RFC 8949 §4.1): shortest heads, floats in the
// shortest of half, single and double precision that keeps the value, NaN
// and the infinities as half precision. They allocate nothing when the
// buffer has room, which suits structures of known shape such as COSE's
// Sig_structure; they do not check that text is UTF-8. Writer builds items
// whose sizes are not known in advance, refuses text that is not UTF-8 and
// duplicate map keys, so that what it writes passes Check's rules (it has
// no limits: Check's may need raising), and, with
// Deterministic, sorts map keys; it
// checks the pre-encoded items given to RawItem, and its misuse (an end
// without its start, Bytes with an item open, ...) is an error matching
// ErrWriter, never a panic.
//
// # Diagnostic notation and JSON
//
// AppendDiag writes RFC 8949 §8 diagnostic notation with the spellings of
// Appendix A, Table 6 row for row: text beyond ASCII as \u escapes, and a
// bignum in preferred serialization as its number (other tag 2 or 3 items
// keep their tag and content, so the text still says which bytes were
// read). FromDiag reads it back: the Appendix A spellings and the rest of
// §8, the encoding indicators of §8.1 (_ for indefinite lengths, _0 … _3
// for the width of a head or a float), embedded CBOR << >>, and RFC 8610
// Appendix G's forms (0x, 0o and 0b integers, 'text' byte strings, b64, b32
// and h32 strings, joined adjacent strings, comments), float'..', a float's
// bits, and forms of draft-ietf-cbor-edn-literals, the Internet-Draft that
// is to replace both: # comments, strings joined with +, a trailing comma,
// the _i indicator, \u{..} escapes, 1. and .5, simple(0x14); not the
// draft's optional commas, ellipses, stand-in tags, raw strings or
// application literals (dt'..', ip'..'). Without indicators it writes
// preferred serialization, so what does not round trip through AppendDiag
// is what AppendDiag leaves out: the width of a head or a float that is not
// the shortest (1b0000000000000001 and fa3fc00000 come back as 01 and
// f93e00), a NaN's payload and width, and text bytes that are not UTF-8
// (written \ufffd). AppendDiagExact writes those widths as §8.1 indicators
// (0_3, 1.5_2) and a NaN with a payload as float'7e01', so that for every
// well-formed input whose text is UTF-8, FromDiag gives back the input byte
// for byte. Every cose-wg example's cbor_diag reads back to its cbor but
// two, whose diagnostic writes a text kid as bytes.
// AppendJSON and FromJSON convert as RFC 8949 §6.1 and §6.2 describe:
//
// CBOR to JSON: integers and finite floats become numbers; NaN and the
// infinities become null (§6.1); byte strings become base64url strings
// without padding, or base64 with padding / base16 in upper case inside
// tags 22 / 23 (tag 21 asks for base64url; §3.4.5.2); text strings become
// strings; false, true, null stay; undefined and other simple values become
// null; bignums (tags 2 and 3 around a byte string) become exact integer
// numbers (where §6.1 advises base64url text, "~" before a negative one:
// lecp keeps the number, which FromJSON turns back into the bignum), up to
// 1024 bytes of magnitude (2467 digits), beyond which they take §6.1's
// form, since decimal conversion takes time quadratic in the length; other
// tags are dropped and their content converted. Map keys become member
// names: text as it is, integers in decimal, anything else in diagnostic
// notation; a map whose converted keys collide is an error
// (ErrKeyCollision), since JSON readers would keep only one. Keys and tag
// contents are read under the same Options as the rest. What does not map
// back: the difference between bytes and text, tags, integer versus float
// (keys, and values: the float 1.0 is written 1, which FromJSON reads as
// the integer 1; -0.0 is written -0, which FromJSON reads as the integer
// 0), undefined, simple values, NaN and the infinities. The output is
// strict JSON, but not always within a reader's
// default limits: escapes can make a string or member name six times as
// long as in CBOR (a 20000-byte key of control characters is a
// 120000-byte name, beyond lejp's 64 KiB), base64 four thirds as long, and
// a bignum of about 425 bytes or more is a number longer than lejp's 1024
// bytes.
//
// JSON to CBOR: numbers without fraction or exponent become integers, or
// bignums beyond 64 bits (an integer needing more than 1024 bytes is an
// error, as above); other numbers become floats in the shortest
// width that keeps the value (a decimal fraction usually needs a double); a
// number beyond the float64 range (one that rounds to an infinity), or
// longer than 2468 bytes (the longest integer accepted), is an error
// (ErrJSONNumber), while one too small for a float64 rounds to 0 or -0
// (1e-400 is 0.0), as strconv.ParseFloat rounds it. Strings
// become text (invalid UTF-8 and \u escapes of unpaired surrogates are an
// error, ErrInvalidUTF8, where encoding/json would put U+FFFD), objects maps
// (duplicate names are an error), arrays arrays, nested at most
// DefaultMaxDepth deep.
//
// # Not supported, and why
//
//   - Decoding into Go structs or maps: lecp has no reflection. Use the
//     Decoder, or github.com/fxamacker/cbor for struct mapping (as the
//     design has package cose, not built yet, do for CWT claims).
//   - NaN payloads: AppendFloat writes every NaN as f97e00, the preferred
//     quiet NaN; decoding reports the payload in the float64, but a
//     signalling half or single NaN comes back quiet (Go's float32 to
//     float64 conversion sets the quiet bit; keeping it would cost a test
//     on every float). As map keys, all NaNs are the same key (RFC 8949
//     §5.6.1 would tell NaNs with different significands apart). With
//     Options.Deterministic a NaN must be a half (f97e00 or another half
//     NaN): a single or double NaN is ErrNotDeterministic even when a half
//     cannot hold its payload (fa7f800001), which §4.1 would keep at its
//     width.
//   - Inside a composite map key (an array, map or tag used as a key),
//     keys are compared by their preferred encoding: [0.0] and [-0.0]
//     differ, and so do two maps as keys whose pairs come in another order
//     (§5.6.1 compares maps as sets). Deterministic input has neither.
//   - EDN application literals (dt'..', ip'..', draft-ietf-cbor-edn-literals)
//     other than float'..': neither written nor read, a moving draft, and
//     each literal its own format. (AppendDiag writes the Appendix A
//     spellings, AppendDiagExact adds the §8.1 indicators, and FromDiag
//     reads both.)
//   - Tag validity (RFC 8949 §5.3.2, e.g. tag 0 around a non-string): tags
//     are reported, their content is not checked against the tag; that is
//     the application's job. One exception: with Options.Deterministic, a
//     bignum (tag 2 or 3 around a byte string) must be in preferred
//     serialization (§3.4.3), which §4.2.1 requires, and a deterministic
//     Writer writes it so.
//   - Length-first map key ordering (RFC 7049 canonical CBOR, RFC 8949
//     §4.2.3): only the bytewise order of §4.2.1 is checked and produced.
package lecp
