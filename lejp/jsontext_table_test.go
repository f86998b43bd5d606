//go:build goexperiment.jsonv2

package lejp

// The differences between lejp and encoding/json/jsontext that
// TestJSONTextDiff and FuzzJSONTextDiff allow (jsontextDiffs, each with its
// reason), and the option modes they compare in (diffMode). See
// jsontext_diff_test.go.

import (
	"encoding/json/jsontext"
	"errors"
)

// jsontextDiffs are the deliberate differences between lejp and jsontext,
// under the same mode (diffMode: default options, or duplicate names or
// invalid UTF-8 allowed on both sides). Each row says when it applies
// (lejp's error, jsontext's, lejp's tokens) and why; an input it explains
// is compared again in everything, with lejp's limits raised to jsontext's
// (jsontextRaised) or with jsontext allowing duplicate names, and must then
// agree. The limits are those RFC 8259 §9 allows ("An implementation may
// set limits on the size of texts that it accepts ... the maximum depth of
// nesting ... the range and precision of numbers ... the length and
// character contents of strings"), documented in doc.go ("Strict by
// default") and options.go. jsontext's own limit, nesting depth 10000
// (jsontext/state.go maxNestingDepth), is lejp's MaxDepth in
// jsontextRaised, so inputs nested deeper are rejected by both.
var jsontextDiffs = []jsontextDiff{
	{name: "depth", why: "nesting depth: lejp's default limit is 1000 (DefaultMaxDepth), jsontext's a fixed 10000; RFC 8259 §9 allows a limit on nesting depth",
		applies: lejpLimit(ErrDepth)},
	{name: "number length", why: "number length: lejp's default limit is 1 KiB (DefaultMaxNumberLen), jsontext has none; RFC 8259 §9 allows limits on the range and precision of numbers",
		applies: lejpLimit(ErrNumberTooLong)},
	{name: "name length", why: "member name length: lejp's default limit is 64 KiB (DefaultMaxNameLen), jsontext has none; RFC 8259 §9 allows limits on the length of strings",
		applies: lejpLimit(ErrNameTooLong)},
	{name: "string length", why: "string length: lejp's default limit is 64 MiB (DefaultMaxStringLen), jsontext has none; RFC 8259 §9 allows limits on the length of strings",
		applies: lejpLimit(ErrStringTooLong)},
	{name: "name memory", why: "names held for duplicate detection: lejp's default bound is 4 MiB (DefaultMaxNameMemory) so memory stays bounded, jsontext holds every name of the open objects; RFC 8259 §9 allows limits on the size of texts",
		applies: lejpLimit(ErrTooManyNames)},
	{name: "names with invalid UTF-8", why: "with invalid UTF-8 allowed, lejp compares names byte for byte after decoding escapes (doc.go, Strict by default; RFC 8259 §8.3 compares code unit by code unit), so names differing only in invalid bytes are different names; jsontext compares them after replacing each invalid byte by U+FFFD, so they are duplicates",
		applies: namesDifferInInvalidBytes, fix: fixAllowDup},
	{name: "adjacent values", why: "with several top-level values allowed, lejp reads a number over every byte that may continue one and a literal over every letter, so touching numbers (01, 1-2) or touching literals (truefalse) are one malformed token (doc.go on AllowMultipleValues; RFC 7464 and NDJSON separate values); jsontext's stream ends a number or literal where its grammar does and reads on (0 then 1); compared again with a space between the touching values",
		applies: adjacentValues, fix: fixSeparate},
}

// jsontextDiff is one row of jsontextDiffs: applies tells from the two
// verdicts and tokens whether the row explains them; fix says how to
// compare again.
type jsontextDiff struct {
	name, why string
	applies   func(lerr, jerr error, ltoks, jtoks []dtok) bool
	fix       int
}

// The ways of comparing again: lejp with its limits raised (jsontextRaised),
// jsontext allowing duplicate names, or the input with a space between
// touching top-level values (separate).
const (
	fixRaise = iota
	fixAllowDup
	fixSeparate
)

// lejpLimit: lejp rejects with the limit's error, jsontext accepts.
func lejpLimit(limit error) func(lerr, jerr error, ltoks, jtoks []dtok) bool {
	return func(lerr, jerr error, _, _ []dtok) bool { return errors.Is(lerr, limit) && jerr == nil }
}

// adjacentValues: lejp finds an invalid number or literal, jsontext
// accepts, and jsontext's tokens have a top-level number or literal
// followed at once (no byte between) by another.
func adjacentValues(lerr, jerr error, _, jtoks []dtok) bool {
	return jerr == nil && (errors.Is(lerr, ErrInvalidNumber) || errors.Is(lerr, ErrInvalidLiteral)) && len(touching(jtoks)) > 0
}

// touching returns the start offsets of the top-level numbers and literals
// that begin where the previous top-level number or literal ends.
func touching(toks []dtok) []int64 {
	bare := func(k Kind) bool { return k == Int || k == Float || k == True || k == False || k == Null }
	var at []int64
	for i := 1; i < len(toks); i++ {
		a, b := toks[i-1], toks[i]
		if a.depth == 0 && b.depth == 0 && bare(a.kind) && bare(b.kind) && a.end == b.start {
			at = append(at, b.start)
		}
	}
	return at
}

// separate returns in with a space inserted at each offset of at.
func separate(in []byte, at []int64) []byte {
	out := make([]byte, 0, len(in)+len(at))
	prev := int64(0)
	for _, i := range at {
		out = append(append(out, in[prev:i]...), ' ')
		prev = i
	}
	return append(out, in[prev:]...)
}

// namesDifferInInvalidBytes: lejp accepts, jsontext finds a duplicate name,
// and lejp's tokens have, in one object, two names that differ in bytes
// but not once each invalid byte is U+FFFD.
func namesDifferInInvalidBytes(lerr, jerr error, ltoks, _ []dtok) bool {
	if lerr != nil || !errors.Is(jerr, jsontext.ErrDuplicateName) {
		return false
	}
	var stack []map[string]string
	for _, t := range ltoks {
		switch t.kind {
		case ObjectStart:
			stack = append(stack, map[string]string{})
		case ObjectEnd:
			stack = stack[:len(stack)-1]
		case Name:
			m := stack[len(stack)-1]
			r := string([]rune(t.val))
			if raw, ok := m[r]; ok && raw != t.val {
				return true
			}
			m[r] = t.val
		}
	}
	return false
}

// jsontextRaised is lejp with every limit of jsontextDiffs set to
// jsontext's: depth 10000, the others unbounded (as large as an input here
// can be).
var jsontextRaised = Options{
	MaxDepth:      10000,
	MaxNameLen:    1 << 30,
	MaxNumberLen:  1 << 30,
	MaxStringLen:  -1,
	MaxNameMemory: 1 << 30,
}

// diffMode selects the options both sides run with: bit 0 allows
// duplicate names (lejp AllowDuplicateNames, jsontext
// AllowDuplicateNames), bit 1 invalid UTF-8 (AllowInvalidUTF8 on both),
// bit 2 several top-level values (lejp AllowMultipleValues; jsontext's
// Decoder reads a stream of values by default, and jtTokens then does not
// require exactly one).
// With invalid UTF-8 allowed, lejp passes invalid bytes through (doc.go)
// where jsontext's Token.String replaces each by U+FFFD: lejp's decoded
// strings and names are compared with jsontext's after the same
// replacement (normVal).
type diffMode uint8

func (m diffMode) lejp(base Options) *Options {
	base.AllowDuplicateNames = m&1 != 0
	base.AllowInvalidUTF8 = m&2 != 0
	base.AllowMultipleValues = m&4 != 0
	return &base
}

func (m diffMode) jsontext() []jsontext.Options {
	return []jsontext.Options{jsontext.AllowDuplicateNames(m&1 != 0), jsontext.AllowInvalidUTF8(m&2 != 0)}
}

// normVal is lejp's decoded value as jsontext gives it in mode m.
func (m diffMode) normVal(toks []dtok) []dtok {
	if m&2 == 0 {
		return toks
	}
	out := make([]dtok, len(toks))
	for i, t := range toks {
		t.val, t.ptr = string([]rune(t.val)), string([]rune(t.ptr))
		out[i] = t
	}
	return out
}
