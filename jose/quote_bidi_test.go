package jose

import (
	"errors"
	"strings"
	"testing"
)

// TestQuoteNameBidi: QuoteName, which its doc calls safe for
// attacker-supplied names, also replaces the line and paragraph separators
// (U+2028, U+2029) and the bidirectional embeddings, overrides and isolates
// (U+202A–U+202E, U+2066–U+2069), as lejp's and lecp's error messages and
// the CLI escape them: a name holding U+202E would otherwise show the rest
// of an error message reversed, and U+2028 break it over lines. On 383bbff
// they came through as they are, in QuoteName and in every jose error
// naming a member, such as ParseHeader's for two names that differ only in
// case. Neighbouring characters stay.
func TestQuoteNameBidi(t *testing.T) {
	for in, want := range map[string]string{
		"a\u2028b\u2029c":              `"a?b?c"`,
		"\u202aa\u202bb\u202cc\u202dd": `"?a?b?c?d"`,
		"kid\u202e":                    `"kid?"`,
		"\u2066x\u2067y\u2068z\u2069":  `"?x?y?z?"`,
		"\u2027\u202f\u2065\u206a":     "\"\u2027\u202f\u2065\u206a\"",
		"a\u061cb\u200ec\u200fd":       `"a?b?c?d"`, // the marks ALM, LRM, RLM
		"\u061b\u200d\u2010":           "\"\u061b\u200d\u2010\"",
	} {
		if got := QuoteName(in); got != want {
			t.Errorf("QuoteName(%q) = %q, want %q", in, got, want)
		}
	}
	_, err := ParseHeader([]byte(`{"k\u202eid":1,"K\u202eID":2}`))
	if !errors.Is(err, ErrMalformed) {
		t.Fatalf("case variants: %v", err)
	}
	if msg := err.Error(); strings.ContainsRune(msg, '\u202e') {
		t.Errorf("error message holds U+202E: %q", msg)
	}
}
