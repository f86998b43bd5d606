package main

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/lwscrypto/lwscrypto/lejp"
)

func init() {
	register(&command{path: "json check", args: "[--allow-duplicates] [--allow-invalid-utf8] [--allow-comments] [--allow-multiple] [--max-depth N] [-o FILE] [FILE]",
		summary: "check that FILE is strictly valid JSON (RFC 8259, UTF-8, no duplicate names); streams, so any size", run: runJSONCheck})
	register(&command{path: "json get", args: "PATTERN [flags] [FILE]",
		summary: "print each value whose path matches PATTERN (keys[].kid, a.b, * for one name, final * for all below), one per line; streams, so matches printed before an error further on (exit 1) stay printed (an -o FILE is left without them, unless it is the file standard output already writes to)", run: runJSONGet})
	register(&command{path: "json events", args: "[--pattern P]... [flags] [FILE]",
		summary: "print the parser's events, one per line: offset, kind, JSON Pointer, value, and which --pattern matched; streams, so events printed before an error further on (exit 1) stay printed (an -o FILE is left without them, unless it is the file standard output already writes to)", run: runJSONEvents})
}

// jsonFlags are the options the three json commands share.
type jsonFlags struct {
	dup, utf8, comments, multi *bool
	depth                      *int
}

func addJSONFlags(fs *flag.FlagSet) *jsonFlags {
	return &jsonFlags{
		dup:      fs.Bool("allow-duplicates", false, "accept duplicate member names"),
		utf8:     fs.Bool("allow-invalid-utf8", false, "accept strings that are not UTF-8 (or hold a lone surrogate escape); what is printed of them has U+FFFD in their place"),
		comments: fs.Bool("allow-comments", false, "accept '#' comments to the end of the line"),
		multi:    fs.Bool("allow-multiple", false, "accept a sequence of top-level values (NDJSON)"),
		depth:    fs.Int("max-depth", lejp.DefaultMaxDepth, "deepest nesting accepted"),
	}
}

func (f *jsonFlags) options() *lejp.Options {
	return &lejp.Options{AllowDuplicateNames: *f.dup, AllowInvalidUTF8: *f.utf8,
		AllowComments: *f.comments, AllowMultipleValues: *f.multi, MaxDepth: *f.depth}
}

// streamJSON feeds FILE (or standard input) through a Parser with h, in
// constant memory, and turns a syntax error into the CLI's error with a
// hint.
func streamJSON(e *env, file string, h lejp.Handler, opts *lejp.Options, patterns ...string) error {
	if !opts.AllowInvalidUTF8 {
		// It could match no name: strict JSON's names are UTF-8.
		for _, p := range patterns {
			if !utf8.ValidString(p) {
				return usagef("PATTERN %q is not UTF-8, so it matches no name of UTF-8 JSON", p).
					withHint("--allow-invalid-utf8 reads names that are not UTF-8, and matches them")
			}
		}
	}
	p, err := lejp.NewParser(h, opts, patterns...)
	if err != nil {
		return usagef("%v", err)
	}
	r, err := openInput(e, file)
	if err != nil {
		return err
	}
	defer r.Close()
	name := file
	if name == "" {
		name = "standard input"
	}
	sn := &sniffer{r: r}
	_, err = io.CopyBuffer(p, sn, make([]byte, 64<<10))
	if err == nil {
		err = p.Close()
	}
	var se *lejp.SyntaxError
	switch {
	case err == nil:
		return nil
	case errors.As(err, &se) && se.Offset == 0 && checkBOM(sn.head) != nil:
		return hinted(fmt.Errorf("%s: %w: %w", name, errBOM, err), bomHint)
	case errors.As(err, &se):
		if c, ok := sn.byteAt(se.Offset); ok && c == '#' && !opts.AllowComments {
			return hinted(fmt.Errorf("%s: %w", name, err), "'#' comments are not JSON; --allow-comments accepts them")
		}
		return hinted(fmt.Errorf("%s: %w", name, err), jsonHint(se, opts.MaxDepth))
	case errors.Is(err, errOutput):
		return err
	}
	return failf("%s: %v", name, err)
}

func jsonHint(se *lejp.SyntaxError, maxDepth int) string {
	switch {
	case errors.Is(se, lejp.ErrDuplicateName):
		return "JSON objects here must not repeat a member name; --allow-duplicates accepts them"
	case errors.Is(se, lejp.ErrInvalidUTF8):
		return "JSON text must be UTF-8 with paired surrogate escapes; --allow-invalid-utf8 accepts it"
	case errors.Is(se, lejp.ErrDepth):
		return depthHint(maxDepth)
	case errors.Is(se, lejp.ErrTrailingData):
		return "--allow-multiple reads a sequence of several top-level values (NDJSON)"
	}
	return ""
}

// patternsFlag collects the values of a repeated flag.
type patternsFlag []string

func (p *patternsFlag) String() string     { return strings.Join(*p, " ") }
func (p *patternsFlag) Set(s string) error { *p = append(*p, s); return nil }
func (*patternsFlag) repeatable()          {}

func parseJSONCommand(e *env, path string, args []string, wantPattern bool, extra ...func(*flag.FlagSet)) (file, pattern string, opts *lejp.Options, err error) {
	c := commands[path]
	fs := newFlags(c)
	jf := addJSONFlags(fs)
	for _, f := range extra {
		f(fs)
	}
	pos, err := parseFlags(e, c, fs, args)
	if err != nil {
		return "", "", nil, err
	}
	if *jf.depth < 1 {
		return "", "", nil, usagef("--max-depth %d: the nesting limit must be at least 1", *jf.depth)
	}
	if wantPattern {
		if len(pos) == 0 {
			return "", "", nil, usagef("missing PATTERN").withHint("for example: lwscrypto json get 'keys[].kid' jwks.json")
		}
		pattern, pos = pos[0], pos[1:]
	}
	file, err = inputArg(pos)
	return file, pattern, jf.options(), err
}

func runJSONCheck(e *env, args []string) error {
	file, _, opts, err := parseJSONCommand(e, "json check", args, false)
	if err != nil {
		return err
	}
	return streamJSON(e, file, lejp.HandlerFunc(func(*lejp.Parser, lejp.Event) error { return nil }), opts)
}

// getHandler prints each matching value compactly, one per line, as the
// events arrive (long strings and large containers are never held whole).
type getHandler struct {
	w       *bufio.Writer
	scratch []byte
	depth   int    // > 0 while printing a matched container
	comma   []bool // per open container being printed: a value precedes
	inStr   bool   // inside a string delivered in pieces
}

func (g *getHandler) put(b []byte) error {
	if _, err := g.w.Write(b); err != nil {
		return outputError(err)
	}
	return nil
}

// escaped writes the JSON escaping of a string piece, without quotes.
func (g *getHandler) escaped(v []byte) error {
	g.scratch = lejp.AppendStringBytes(g.scratch[:0], v)
	return g.put(g.scratch[1 : len(g.scratch)-1])
}

func (g *getHandler) HandleEvent(p *lejp.Parser, ev lejp.Event) error {
	if g.depth == 0 {
		if ev.Pattern < 0 || ev.Kind == lejp.Name || ev.Kind == lejp.ObjectEnd || ev.Kind == lejp.ArrayEnd {
			return nil
		}
	}
	// A separator before a value or name inside a printed container.
	if g.depth > 0 && !g.inStr && ev.Kind != lejp.ObjectEnd && ev.Kind != lejp.ArrayEnd {
		top := len(g.comma) - 1
		if g.comma[top] {
			if err := g.put([]byte{','}); err != nil {
				return err
			}
		}
		g.comma[top] = ev.Kind != lejp.Name
	}
	var err error
	switch ev.Kind {
	case lejp.ObjectStart, lejp.ArrayStart:
		c := byte('{')
		if ev.Kind == lejp.ArrayStart {
			c = '['
		}
		g.depth++
		g.comma = append(g.comma, false)
		return g.put([]byte{c})
	case lejp.ObjectEnd, lejp.ArrayEnd:
		c := byte('}')
		if ev.Kind == lejp.ArrayEnd {
			c = ']'
		}
		g.depth--
		g.comma = g.comma[:len(g.comma)-1]
		if err = g.put([]byte{c}); err != nil {
			return err
		}
	case lejp.Name:
		g.scratch = lejp.AppendStringBytes(g.scratch[:0], ev.Value)
		g.scratch = append(g.scratch, ':')
		return g.put(g.scratch)
	case lejp.StringChunk:
		if !g.inStr {
			if err := g.put([]byte{'"'}); err != nil {
				return err
			}
			g.inStr = true
		}
		return g.escaped(ev.Value)
	case lejp.String:
		if !g.inStr {
			err = g.put([]byte{'"'})
		}
		g.inStr = false
		if err == nil {
			err = g.escaped(ev.Value)
		}
		if err == nil {
			err = g.put([]byte{'"'})
		}
	case lejp.True, lejp.False, lejp.Null:
		err = g.put([]byte(ev.Kind.String()))
	default: // numbers
		err = g.put(ev.Value)
	}
	if err == nil && g.depth == 0 {
		err = g.put([]byte{'\n'})
	}
	return err
}

func runJSONGet(e *env, args []string) error {
	file, pattern, opts, err := parseJSONCommand(e, "json get", args, true)
	if err != nil {
		return err
	}
	jw := jsonWriter(e.stdout)
	out := bufio.NewWriter(jw)
	err = streamJSON(e, file, &getHandler{w: out}, opts, pattern)
	if ferr := flushBoth(out, jw); err == nil {
		err = outputError(ferr)
	}
	return err
}

// eventsHandler prints one line per event.
type eventsHandler struct {
	w   *bufio.Writer
	buf []byte
}

func (h *eventsHandler) HandleEvent(p *lejp.Parser, ev lejp.Event) error {
	b := strconv.AppendInt(h.buf[:0], ev.Offset, 10)
	b = append(b, ' ')
	b = append(b, ev.Kind.String()...)
	b = append(b, ' ')
	ptr := p.AppendPointer(nil)
	b = lejp.AppendStringBytes(b, ptr)
	switch ev.Kind {
	case lejp.Name, lejp.String, lejp.StringChunk:
		b = append(b, ' ')
		b = lejp.AppendStringBytes(b, ev.Value)
	case lejp.Int, lejp.Float:
		b = append(b, ' ')
		b = append(b, ev.Value...)
	}
	if ev.Pattern >= 0 {
		b = append(b, " match "...)
		b = strconv.AppendInt(b, int64(ev.Pattern), 10)
	}
	b = append(b, '\n')
	h.buf = b
	if _, err := h.w.Write(b); err != nil {
		return outputError(err)
	}
	return nil
}

func runJSONEvents(e *env, args []string) error {
	var patterns patternsFlag
	file, _, opts, err := parseJSONCommand(e, "json events", args, false, func(fs *flag.FlagSet) {
		fs.Var(&patterns, "pattern", "a path `PATTERN` to match (repeatable); matching events end in \"match N\", N counting the patterns from 0")
	})
	if err != nil {
		return err
	}
	jw := jsonWriter(e.stdout)
	out := bufio.NewWriter(jw)
	err = streamJSON(e, file, &eventsHandler{w: out}, opts, patterns...)
	if ferr := flushBoth(out, jw); err == nil {
		err = outputError(ferr)
	}
	return err
}
