package lecp

import (
	"errors"
	"strings"
	"testing"
)

// TestPatternStarInsideKeyRefused: '*' is a wildcard only as a whole
// segment, as in lejp, whose NewParser refuses "kid*". lecp took a bare
// "kid*" as the text key "kid*", so a caller who meant a glob silently
// matched nothing (and cbor get 'kid*' printed nothing, exit 0, where json
// get 'kid*' is a usage error). A bare key holding '*', '"' or ']' — which
// the path text form always quotes — is now ErrPattern; quoted, such a key
// is named as before.
func TestPatternStarInsideKeyRefused(t *testing.T) {
	nop := HandlerFunc(func(*Parser, *Event) error { return nil })
	for _, pat := range []string{"kid*", "*kid", "a.k*d", "[0].*x", `a"b`, "a]b", "x[]*"} {
		if _, err := NewParser(nop, nil, pat); !errors.Is(err, ErrPattern) {
			t.Errorf("pattern %q: %v, want ErrPattern", pat, err)
		}
	}
	for _, pat := range []string{"*", "a.*", "*.b", "a[*]", "[]", "a.*.b", `"kid*"`, `"a\"b"`, `"a]b"`, "kid"} {
		if _, err := NewParser(nop, nil, pat); err != nil {
			t.Errorf("pattern %q: %v", pat, err)
		}
	}
	// the quoted form names the key {"kid*": 1}
	b := AppendUint(AppendText(AppendMapHeader(nil, 1), "kid*"), 1)
	matched := false
	p, _ := NewParser(HandlerFunc(func(_ *Parser, ev *Event) error {
		matched = matched || ev.Kind == Uint && ev.Pattern == 0
		return nil
	}), nil, `"kid*"`)
	if _, err := p.Write(b); err != nil || p.Close() != nil || !matched {
		t.Errorf(`pattern "\"kid*\"" did not match {"kid*": 1} (%v)`, err)
	}
}

// TestPatternQuoteOrBracketKeyMessage: a bare key refused for holding '"'
// or ']' (no '*') is named for that, not told that '*' is a wildcard only
// as a whole segment.
func TestPatternQuoteOrBracketKeyMessage(t *testing.T) {
	nop := HandlerFunc(func(*Parser, *Event) error { return nil })
	for _, pat := range []string{`a"b`, "a]b", `x.a"`} {
		_, err := NewParser(nop, nil, pat)
		if !errors.Is(err, ErrPattern) || strings.Contains(err.Error(), "'*'") || !strings.Contains(err.Error(), "quote") {
			t.Errorf("pattern %q: %v, want ErrPattern saying to quote the key, not about '*'", pat, err)
		}
	}
	if _, err := NewParser(nop, nil, "kid*"); err == nil || !strings.Contains(err.Error(), "'*' only as a whole segment") {
		t.Errorf("pattern kid*: %v", err)
	}
}
