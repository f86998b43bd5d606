// Package lejp is a streaming JSON parser and writer: a push Parser that
// takes input in chunks of any size and calls a Handler with events, a pull
// Decoder that returns tokens, path patterns that pick values out of a
// document without building a tree, and an append-style Writer. It is
// strict by default (RFC 8259, valid UTF-8, no duplicate member names,
// bounded depth and sizes), allocates nothing per token in steady state and
// uses only the standard library.
//
// It takes its shape from lejp, the JSON parser of libwebsockets (a push
// parser with path patterns and constant memory), rebuilt for Go.
//
// # Which API to use
//
//   - A small document in memory (a JOSE header, JWT claims, a JWK): a
//     Decoder from NewDecoderBytes, reading member by member with
//     ReadToken, ReadValue and SkipValue. Names and unescaped strings point
//     into the input; nothing is copied.
//   - A large or trickling document (a socket, a file of any size): a
//     Parser. Write chunks as they arrive, then Close. Long strings come in
//     pieces, so memory stays bounded whatever the input. A Parser is an
//     io.Writer: io.Copy(p, r) feeds it from a reader. A Decoder streams
//     one long string in pieces too, through Decoder.StringReader (see its
//     Example).
//   - A long array of records, each to decode with encoding/json: a
//     Decoder from NewDecoder over the reader, one ReadValue per element
//     (see its Example), which holds one element, never the array.
//   - A stream of top-level values (JSON Lines, NDJSON, a log): ReadValues
//     (or Values over bytes) yields each value's bytes in a range loop,
//     holding one at a time.
//   - Picking values by path (keys[].kid): a Parser with patterns; a
//     Decoder takes no patterns, but its AppendPath can be compared.
//   - Only "is this valid JSON": Check (or Valid).
//   - Producing JSON: a Writer (strict, see below), or the Append
//     functions. A Writer streams a document of any size: Flush empties
//     it into an io.Writer as it grows, and BeginString, StringPiece and
//     EndString write a long string in pieces.
//
// # Events and tokens
//
// Both the Parser's events and the Decoder's tokens have a Kind:
// ObjectStart, ObjectEnd, ArrayStart, ArrayEnd, Name, String, Int, Float,
// True, False, Null, and (Parser only) StringChunk and Raw. Names and
// strings are decoded (escapes resolved); numbers are their text, Int when
// they have no fraction or exponent, else Float. Values borrow a buffer
// until the next event or call. A Raw event holds the exact bytes of a
// value, as received, after the value's last event; it comes only when the
// Handler asked for it with Parser.Capture at the value's first event or
// at its member's Name (a JWK of a JWK Set to hand to a JWK parser, say),
// whatever the Writes.
//
// The Parser's events are the same for any way of splitting the input,
// down to one byte per Write: the same kinds, values, offsets, paths and
// errors. A string longer than Options.StringChunk bytes (decoded) comes as
// StringChunk events of at most that size (up to 3 bytes less, as pieces
// are cut only between UTF-8 sequences), followed by a String event with
// the rest; where the pieces end depends on the string alone. The pieces of
// a string are delivered as it is read, so StringChunk events may come
// before an error found later in the same string (bad escape, invalid
// UTF-8, the string too long); a Handler that keeps them must drop them on
// error.
//
// # Paths and patterns
//
// An event's path names where it is, in the form lws uses: member names
// joined by '.', and "[]" for the elements of an array. In
// {"keys":[{"kid":"a"}]} the string "a" has the path keys[].kid, the object
// around it keys[], the array keys. The Name event of a member already has
// the member's path. The same location as a JSON Pointer (RFC 6901, with
// array indexes: /keys/0/kid) is available from Pointer, and is what
// SyntaxError.Path holds. Names containing '.' or "[]" make the pattern form
// ambiguous; the JSON Pointer never is.
//
// A Parser can be given up to 64 path patterns. A pattern is written like a
// path, and may use "*" for any one member name and, as its last segment,
// "*" for everything below ("a.*" matches a.b, a.b.c and a.b[], not a).
// The empty pattern matches the top-level value. '*' is a wildcard only as
// a whole segment: "kid*" is not a glob, and NewParser rejects it
// (ErrPattern). A member whose name is empty or holds '.', '[', ']' or '*'
// cannot be named in a pattern: the pattern "a.b" is the member b of the
// member a, never the member named "a.b"; such members are matched by a
// "*" segment, whose Wildcard is the name. Each event carries the
// index of the first pattern that matches its path (or -1), and
// Parser.AppendWildcard returns what each wildcard matched. Matching is
// incremental (a bit set per depth), so picking three members out of a
// 1 GiB document costs a few instructions per event and builds nothing.
//
// # Strict by default
//
// The zero Options (or nil) mean:
//   - RFC 8259 grammar exactly: one value at the top level, no trailing
//     commas, no comments, no leading zeros, no NaN or Infinity, no byte
//     order mark (§8.1 allows rejecting it), only the four whitespace bytes.
//   - Strings are valid UTF-8, control characters are escaped, \u escapes
//     of surrogates come in high-low pairs (§8.2); anything else is
//     ErrInvalidUTF8, ErrInvalidEscape or ErrInvalidChar.
//   - Duplicate member names in one object are ErrDuplicateName (§4 says
//     SHOULD be unique; RFC 7515 §5.2 and RFC 7519 §4 make it MUST for
//     JOSE). Names are compared after decoding escapes, byte for byte (no
//     Unicode normalization). Detection holds the names of the open objects
//     only, within Options.MaxNameMemory bytes (default 4 MiB): an object
//     with more names than fit is ErrTooManyNames, so memory stays bounded
//     even then. A document of any size with objects of ordinary size never
//     comes near it.
//   - Limits: nesting depth 1000 (DefaultMaxDepth), names 64 KiB, numbers
//     1 KiB, strings 64 MiB (encoded lengths). Each is an Options field.
//
// The Writer holds what it produces to the same rules, so that a strict
// reader accepts its output (within the reader's limits, which the Writer
// does not impose) and reads back the strings and names it was given: a string or member name that is not UTF-8 is refused
// (ErrInvalidUTF8) rather than written with U+FFFD in place of the bad
// bytes, which would carry another string (another "kid"), and a member
// name that the object already has is refused (ErrDuplicateName), names
// being compared as a reader decodes them. Both errors also match
// ErrWriter. Its fields AllowInvalidUTF8 (write U+FFFD, as
// encoding/json does) and AllowDuplicateNames loosen one rule each; Raw
// values are checked strictly in any case. The free function AppendString
// replaces bytes that are not UTF-8, as documented, and reports nothing.
//
// Options loosen one rule each: AllowDuplicateNames, AllowInvalidUTF8
// (bytes passed through; an escaped lone surrogate decodes to U+FFFD),
// AllowComments (a '#' to the end of the line wherever whitespace may be,
// as lws allows), AllowMultipleValues (NDJSON and other sequences; a
// number is read over every byte that may continue a number, a literal
// over every letter, so that touching values of one sort are one
// malformed token: "1 2", "1null" and `1"a"` are two values, "12" one,
// "01", "1-2" and "truefalse" none).
//
// These rules are those of encoding/json/jsontext (GOEXPERIMENT=jsonv2)
// with its default options, and the package's tests hold lejp to it: the
// same verdict, tokens, decoded strings, number text, offsets and raw
// values on the whole of JSONTestSuite, large real documents and generated
// inputs of every escape, number shape and nesting depth, also with
// duplicate names, invalid UTF-8 or several top-level values allowed on
// both sides. The differences are in the limits (RFC 8259 §9 lets a
// parser set them): lejp's defaults
// reject nesting deeper than 1000 where jsontext allows 10000, and numbers
// over 1 KiB, names over 64 KiB, strings over 64 MiB and objects whose
// names exceed MaxNameMemory, where jsontext has no limit; and, with
// invalid UTF-8 allowed, in what lejp passes through: the invalid bytes
// themselves, where jsontext gives U+FFFD for each, so that two names
// differing only in invalid bytes are two names to lejp and a duplicate
// to jsontext; and, with several values allowed, in touching numbers (or
// touching literals), which jsontext's stream reads as separate values
// ("01" as 0 and 1) and lejp rejects.
//
// Numbers are not converted: their text is delivered as written, whatever
// its size or precision, and Token.Int64, Uint64 and Float64 convert on
// request, with strconv's sentinels: strconv.ErrRange for a number outside
// the type's range (for Uint64, a negative one too), strconv.ErrSyntax for
// a token that is not of the kind converted (a Float such as 1.0 for
// Int64 and Uint64).
//
// # Errors
//
// Every rejection of input is a *SyntaxError with the byte offset (in the
// whole input, across Writes and Reads), the JSON Pointer of the value and
// a sentinel cause for errors.Is: ErrUnexpectedEOF, ErrInvalidChar,
// ErrTrailingData, ErrInvalidLiteral, ErrInvalidNumber, ErrInvalidEscape,
// ErrInvalidUTF8, ErrDuplicateName, ErrDepth, ErrNameTooLong,
// ErrNumberTooLong, ErrStringTooLong, ErrTooManyNames, ErrValueTooLarge;
// and from Decoder.Finish, ErrUnread for a valid value the caller stopped
// reading before its end. Errors are sticky. An io.Reader's errors are returned as
// they are; one that returns an impossible count (below 0 or above the
// buffer's length) gives an error matching bufio.ErrBadReadCount.
// A Writer's errors match ErrWriter and, for content it refuses, the
// sentinel of the rule (ErrInvalidUTF8, ErrDuplicateName, or from Raw
// the cause of Check's *SyntaxError); they are sticky too, and so is the
// error of the io.Writer given to Flush, which is returned as its cause
// (errors.Is) and does not match ErrWriter.
//
// # JSONTestSuite
//
// Every y_ file of JSONTestSuite (test_parsing) is accepted and every n_
// file rejected, whole and split at every byte, except that
// y_object_duplicated_key.json and y_object_duplicated_key_and_value.json
// are rejected in strict mode (ErrDuplicateName) and accepted with
// AllowDuplicateNames. The i_ files, decided:
//
//   - Accepted, the number's text delivered unchanged (no conversion, so no
//     overflow or underflow): i_number_double_huge_neg_exp,
//     i_number_huge_exp, i_number_neg_int_huge_exp,
//     i_number_pos_double_huge_exp, i_number_real_neg_overflow,
//     i_number_real_pos_overflow, i_number_real_underflow,
//     i_number_too_big_neg_int, i_number_too_big_pos_int,
//     i_number_very_big_negative_int.
//   - Accepted: i_structure_500_nested_arrays (within the depth limit).
//   - Rejected, ErrInvalidUTF8 (escaped lone, misordered or truncated
//     surrogates; accepted with AllowInvalidUTF8, decoded as U+FFFD):
//     i_object_key_lone_2nd_surrogate, i_string_1st_surrogate_but_2nd_missing,
//     i_string_1st_valid_surrogate_2nd_invalid,
//     i_string_incomplete_surrogate_and_escape_valid,
//     i_string_incomplete_surrogate_pair,
//     i_string_incomplete_surrogates_escape_valid,
//     i_string_invalid_lonely_surrogate, i_string_invalid_surrogate,
//     i_string_inverted_surrogates_U+1D11E, i_string_lone_second_surrogate.
//   - Rejected, ErrInvalidUTF8 (raw bytes that are not UTF-8; accepted with
//     AllowInvalidUTF8, passed through): i_string_UTF-8_invalid_sequence,
//     i_string_UTF8_surrogate_U+D800, i_string_invalid_utf-8,
//     i_string_iso_latin_1, i_string_lone_utf8_continuation_byte,
//     i_string_not_in_unicode_range, i_string_overlong_sequence_2_bytes,
//     i_string_overlong_sequence_6_bytes,
//     i_string_overlong_sequence_6_bytes_null, i_string_truncated-utf-8.
//   - Rejected, ErrInvalidChar (JSON is UTF-8, RFC 8259 §8.1; no BOM):
//     i_string_UTF-16LE_with_BOM, i_string_utf16BE_no_BOM,
//     i_string_utf16LE_no_BOM, i_structure_UTF-8_BOM_empty_object.
//
// The test_transform files, pinned by tests: all number files are accepted
// and their text delivered unchanged (1.0 stays "1.0", 1E400 is not
// infinity, -0 is "-0"); object_same_key_* are rejected
// (ErrDuplicateName), and with AllowDuplicateNames both members are
// delivered in order; object_key_nfc_nfd and object_key_nfd_nfc are
// accepted, the two names being different bytes; string_with_escaped_NULL
// decodes to a string holding a zero byte; the string_*_invalid_codepoints
// and string_*_escaped_invalid_codepoints files are rejected
// (ErrInvalidUTF8), and with AllowInvalidUTF8 raw bytes pass through and
// escaped lone surrogates become U+FFFD.
//
// # Performance
//
// Reading a token allocates nothing once a Parser, Decoder or Check has
// warmed up (held by testing.AllocsPerRun tests), and a new Decoder or
// Parser over a small document such as a JOSE header costs one allocation,
// itself: its first buffers are part of it. Strings, indentation and digits
// are scanned eight bytes at a time in plain Go (encoding/binary loads, no
// unsafe, no assembly). The Parser reads the tokens lying wholly inside a
// Write in one loop, keeping member names where they lie in the written
// bytes until Write returns (those of objects still open are then copied),
// and leaves anything else (a token cut by the end of the Write, a string
// to deliver in pieces, anything malformed) to the resumable tokenizer, so
// the events stay the same however the input is split. Duplicate
// detection, the price of strictness, keeps a 256-bit filter per object so
// that most names are known new at once; objects of more than 64 members
// use a hash index keyed by hash/maphash
// with a random seed per parser, so crafted names cannot make it quadratic.
// The benchmarks beside the code and in the bench module (BenchmarkJSON)
// compare lejp with encoding/json, encoding/json/jsontext, goccy/go-json and
// bytedance/sonic; the figures are in the repository's README.
//
// # Not supported, and why
//
//   - Building a tree or decoding into Go values: callers take what they
//     need from events or tokens; encoding/json exists for reflection.
//   - Encodings other than UTF-8, and a byte order mark: RFC 8259 §8.1.
//   - Comments other than '#' lines, trailing commas, single quotes, NaN:
//     not JSON; the one lws extension is kept behind AllowComments.
//   - Unicode normalization of names for duplicate detection: RFC 8259
//     compares names code unit by code unit; so does lejp.
//   - unsafe: none is used; speed comes from scanning eight bytes at a time
//     and from never copying what can be borrowed.
package lejp
