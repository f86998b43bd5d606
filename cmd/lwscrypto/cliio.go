package main

import (
	"bytes"
	"encoding/base64"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/term"
)

// newFlags returns a flag set for a command that reports its own errors as
// usage errors instead of printing and exiting.
func newFlags(c *command) *flag.FlagSet {
	fs := flag.NewFlagSet("lwscrypto "+c.path, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	return fs
}

// parseFlags parses args with fs, allowing flags after positional arguments
// ("lwscrypto jws verify tok.jws --key k.jwk") and returns the positional
// arguments. "--" ends flag parsing: everything after it is positional
// ("lwscrypto json get -- -name -file.json"). -h/--help prints the
// command's usage.
//
// A command that defines no -o of its own gets one here: its standard
// output then goes to a file created at the first byte written (Main
// closes it), as the CLI contract gives every command.
func parseFlags(e *env, c *command, fs *flag.FlagSet, args []string) ([]string, error) {
	var outPath *string
	if fs.Lookup("o") == nil {
		outPath = fs.String("o", "", "write to this file instead of standard output")
	}
	pos, err := parseArgs(e, c, fs, args)
	if err == nil {
		err = emptyFlag(c, fs)
	}
	if err == nil {
		err = textFlagUTF8(fs)
	}
	if err == nil && outPath != nil && *outPath != "" && *outPath != "-" {
		e.out = newOutput(e, *outPath)
		e.stdout = e.out
	}
	return pos, err
}

func parseArgs(e *env, c *command, fs *flag.FlagSet, args []string) ([]string, error) {
	twice := onceFlags(fs)
	defer twice.restore()
	var pos []string
	for len(args) > 0 {
		n := flagRun(fs, args)
		if err := fs.Parse(args[:n]); err != nil {
			if twice.name != "" {
				hint := "give it once (only --aud, --pattern and jws sign's --key may repeat)"
				if twice.name == "alg" && strings.Contains(c.args, "ALG[,ALG]") {
					hint = "give it once, with several algorithms as a comma-separated list: --alg ES256,EdDSA"
				}
				return nil, usagef("%s given twice", flagName(twice.name)).withHint(hint)
			}
			if errors.Is(err, flag.ErrHelp) {
				twice.restore() // the usage shows the flags' own defaults
				if err := printUsage(e.stdout, c, fs); err != nil {
					return nil, outputError(err)
				}
				return nil, flag.ErrHelp
			}
			hint := "run 'lwscrypto help " + c.path + "'"
			if isDurationFlagError(fs, err) {
				// flag's own text is only "parse error"
				hint = "a Go duration with its unit, such as 30s, 2m or 1h30m"
			}
			return nil, usagef("%s", flagErrorText(err.Error())).withHint(hint)
		}
		if args = args[n:]; len(args) == 0 {
			break
		}
		if args[0] == "--" {
			return append(pos, args[1:]...), nil
		}
		pos, args = append(pos, args[0]), args[1:]
	}
	return pos, nil
}

// onceGuard watches the flags of a flag set that take one value (neither
// repeatable nor boolean) while arguments are parsed: a second value is
// an error (name says which flag), not a silent replacement of the first.
type onceGuard struct {
	name  string
	flags map[*flag.Flag]flag.Value // the flag's own Value, to restore
}

// onceValue is the Value a watched flag has while arguments are parsed.
type onceValue struct {
	flag.Value
	f    *flag.Flag
	g    *onceGuard
	seen bool
}

var errTwice = errors.New("given twice")

func (v *onceValue) Set(s string) error {
	if v.seen {
		v.g.name = v.f.Name
		return errTwice
	}
	v.seen = true
	return v.Value.Set(s)
}

// repeatable marks a flag Value that collects every value it is given.
type repeatable interface{ repeatable() }

// onceFlags starts watching fs's one-value flags; restore gives them back
// their own Values (printing the usage needs those).
func onceFlags(fs *flag.FlagSet) *onceGuard {
	g := &onceGuard{flags: map[*flag.Flag]flag.Value{}}
	fs.VisitAll(func(f *flag.Flag) {
		if _, ok := f.Value.(repeatable); ok {
			return
		}
		if b, ok := f.Value.(interface{ IsBoolFlag() bool }); ok && b.IsBoolFlag() {
			return
		}
		g.flags[f] = f.Value
		f.Value = &onceValue{Value: f.Value, f: f, g: g}
	})
	return g
}

func (g *onceGuard) restore() {
	for f, v := range g.flags {
		f.Value = v
	}
}

// isDurationFlagError reports whether err is the flag package's refusal
// of a value for a time.Duration flag of fs.
func isDurationFlagError(fs *flag.FlagSet, err error) bool {
	found := false
	fs.VisitAll(func(f *flag.Flag) {
		v := f.Value
		if o, ok := v.(*onceValue); ok {
			v = o.Value
		}
		g, ok := v.(flag.Getter)
		if !ok {
			return
		}
		if _, ok := g.Get().(time.Duration); ok && strings.Contains(err.Error(), " for flag -"+f.Name+": ") {
			found = true
		}
	})
	return found
}

// flagErrorText rewrites an error of the flag package, which spells every
// flag with one dash ("flag needs an argument: -key"), to spell it as the
// synopsis and the rest of the CLI do (flagName: "--key needs a value").
// A message it does not know is returned as is.
func flagErrorText(msg string) string {
	if name, ok := strings.CutPrefix(msg, "flag provided but not defined: -"); ok {
		return "unknown flag " + flagName(name)
	}
	if arg, ok := strings.CutPrefix(msg, "bad flag syntax: "); ok && looksLikeContent(arg) {
		// A PEM key given where its file's name belongs starts with "-".
		return fmt.Sprintf("bad flag syntax: an argument starting with '-' that looks like a file's content, not a file name (%d bytes, not shown)", len(arg))
	}
	if name, ok := strings.CutPrefix(msg, "flag needs an argument: -"); ok {
		return flagName(name) + " needs a value"
	}
	for _, p := range []struct{ start, mid string }{
		{"invalid value ", " for flag -"},
		{"invalid boolean value ", " for -"},
	} {
		rest, ok := strings.CutPrefix(msg, p.start)
		if !ok {
			continue
		}
		// The value is quoted (%q), so the first mid after its closing
		// quote is the flag's.
		q, err := strconv.QuotedPrefix(rest)
		if err != nil {
			return msg
		}
		name, why, ok := strings.Cut(strings.TrimPrefix(rest[len(q):], p.mid), ": ")
		if !ok || !strings.HasPrefix(rest[len(q):], p.mid) {
			return msg
		}
		return p.start + q + " for " + flagName(name) + ": " + why
	}
	return msg
}

// flagName is how messages spell a flag: -o, --key.
func flagName(name string) string {
	if len(name) == 1 {
		return "-" + name
	}
	return "--" + name
}

// flagRun returns how many of args are flags, with their values, before
// the first positional argument or the "--" that ends the flags. "-" alone
// and a negative number ("-1", a CBOR map key) are positional: no flag's
// name starts with a digit. A flag's value is the flag's whatever it looks
// like ("--kid --", "--max-depth -1").
func flagRun(fs *flag.FlagSet, args []string) int {
	i := 0
	for i < len(args) {
		a := args[i]
		if a == "--" || len(a) < 2 || a[0] != '-' || '0' <= a[1] && a[1] <= '9' {
			break
		}
		if takesValue(fs, a) {
			i++
		}
		i++
	}
	return min(i, len(args))
}

// emptyFlag refuses a flag that takes a value given an empty one
// (--iss "$ISS", -o "$OUT" with the variable unset): left as it was, it
// would silently mean what leaving the flag out means (no "iss" in the
// token, standard output, the key's own "alg", no check at all), though
// the command line asked for something. A repeatable flag is refused when
// any of its values is empty, except --pattern, whose "" is a pattern
// (the whole document, as PATTERN "" is).
func emptyFlag(c *command, fs *flag.FlagSet) error {
	var err error
	fs.Visit(func(f *flag.Flag) {
		if err != nil || f.Name == "pattern" {
			return
		}
		empty := false
		switch v := f.Value.(type) {
		case interface{ hasEmpty() bool }:
			empty = v.hasEmpty()
		case flag.Getter:
			s, ok := v.Get().(string)
			empty = ok && s == ""
		}
		if empty {
			err = emptyFlagError(c, f.Name)
		}
	})
	return err
}

// emptyFlagError is the usage error for flag name of c given empty: what
// it would have done, and what to do instead.
func emptyFlagError(c *command, name string) error {
	why, hint := "", "give a value, or leave "+flagName(name)+" out"
	switch name {
	case "o", "payload", "dir":
		hint = "name a file (\"-\" for standard input or output, where it applies)"
	case "key":
		hint = "name the key file (\"-\" reads it from standard input)"
	case "alg":
		hint = "name an algorithm, or leave --alg out for the key's own \"alg\""
		if c.path == "jwk gen" {
			hint = "for example: lwscrypto jwk gen --alg ES256"
		}
	case "crv":
		hint = "name a curve, or leave --crv out for the algorithm's default"
	case "kid":
		why = ": the key would have no \"kid\""
		hint = "give a key ID, or leave --kid out for a key without one"
		if c.path == "jwk gen" {
			hint = "give a key ID, leave --kid out for the key's thumbprint, or --no-kid for a key without one"
		}
	case "exp":
		why = ": the token would never expire"
		hint = "give a lifetime such as 15m, or leave --exp out for a token without \"exp\""
	case "claims":
		hint = "give a JSON object or @FILE, or leave --claims out"
	case "iss", "sub", "aud":
		if c.path == "jwt verify" {
			why = ": it would check nothing"
			hint = map[string]string{"iss": "leave the flag out to accept any issuer", "aud": "use --any-aud to accept any audience"}[name]
		} else {
			why = ": the token would have no \"" + name + "\""
			hint = "give a value, or leave " + flagName(name) + " out for a token without \"" + name + "\""
		}
	}
	return usagef("%s is empty%s", flagName(name), why).withHint(hint)
}

// textFlags are the flags whose values are JOSE text, which is UTF-8
// (flags naming files take any bytes, as file names do).
var textFlags = map[string]bool{"alg": true, "crv": true, "kid": true, "iss": true, "sub": true, "aud": true}

// textFlagUTF8 refuses a text flag whose value is not UTF-8: the command
// line is wrong whatever the input (a usage error), and the value would
// otherwise fail only when JSON is written, or show as "?".
func textFlagUTF8(fs *flag.FlagSet) error {
	var err error
	fs.Visit(func(f *flag.Flag) {
		if textFlags[f.Name] && err == nil && !utf8.ValidString(f.Value.String()) {
			err = usagef("--%s %s is not UTF-8", f.Name, f.Value.String()).withHint("JOSE names and values are UTF-8 text")
		}
	})
	return err
}

// takesValue reports whether a is a flag of fs that takes the next
// argument as its value: "-name" or "--name" of a flag that is not
// boolean, without "=value".
func takesValue(fs *flag.FlagSet, a string) bool {
	if len(a) < 2 || a[0] != '-' || strings.Contains(a, "=") {
		return false
	}
	f := fs.Lookup(strings.TrimPrefix(a[1:], "-"))
	if f == nil {
		return false
	}
	b, ok := f.Value.(interface{ IsBoolFlag() bool })
	return !ok || !b.IsBoolFlag()
}

// printUsage prints the usage of c, whose flags are in fs (every command
// that parses flags has some), and returns w's error.
func printUsage(w io.Writer, c *command, fs *flag.FlagSet) error {
	var b strings.Builder
	fmt.Fprintf(&b, "usage: lwscrypto %s\n\n%s\n\nflags:\n", strings.TrimSpace(c.path+" "+c.args), c.summary)
	var d strings.Builder
	fs.SetOutput(&d)
	fs.PrintDefaults()
	fs.SetOutput(io.Discard)
	// PrintDefaults spells every flag with one dash ("  -alg string");
	// the lines that name a flag, and only they, start with "  -".
	for line := range strings.Lines(d.String()) {
		if rest, ok := strings.CutPrefix(line, "  -"); ok {
			name, _, _ := strings.Cut(strings.TrimRight(rest, "\n"), " ")
			name, _, _ = strings.Cut(name, "\t")
			line = "  " + flagName(name) + rest[len(name):]
		}
		b.WriteString(line)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// inputArg checks that at most one positional argument (FILE) was given and
// returns it, or "" for standard input. "-" also means standard input.
func inputArg(pos []string) (string, error) {
	switch len(pos) {
	case 0:
		return "", nil
	case 1:
		switch pos[0] {
		case "-":
			return "", nil
		case "":
			return "", usagef("FILE is empty").withHint("name the input file, or \"-\" (or nothing) for standard input")
		}
		return pos[0], nil
	}
	extra := slices.Clone(pos[1:])
	for i, a := range extra {
		if looksLikeContent(a) { // a key given after its file's name
			extra[i] = fmt.Sprintf("(%d bytes that look like a file's content, not shown)", len(a))
		}
	}
	return "", usagef("too many arguments: %s", strings.Join(extra, " "))
}

// openInput opens FILE, or standard input when file is "".
func openInput(e *env, file string) (io.ReadCloser, error) { return openInputAs(e, file, "FILE") }

// openInputAs is openInput for FILE named what in errors: "key FILE" for a
// key (which keeps a FILE naming nothing out of the error, as --key's).
func openInputAs(e *env, file, what string) (io.ReadCloser, error) {
	var r io.ReadCloser
	if file == "" {
		if err := e.claimStdin("the input"); err != nil {
			return nil, err
		}
		r = io.NopCloser(e.stdin)
		// "< FILE -o FILE" is the same as "FILE -o FILE".
		e.noteInput(e.stdin, "redirected to standard input")
	} else {
		f, err := os.Open(file)
		if err != nil {
			return nil, openError(what, file, err, "%v")
		}
		if err := e.claimIfStdin(f, "the input"); err != nil {
			f.Close()
			return nil, err
		}
		e.noteInput(f, file)
		r = f
	}
	// The -o parseFlags opened is written while the input is read (json
	// get streams): refuse it now, before the input is read.
	if e.out != nil {
		if err := e.outputIsInput(e.out.path); err != nil {
			r.Close()
			return nil, err
		}
	}
	return r, nil
}

// openError is the error for the file name given as what (--key, FILE, …)
// that did not open (err; format shows it, "%v" or "reading key: %v"),
// unless name looks like what a file holds rather than a file's name (a
// JSON object or array, PEM, several lines, a compact JWS or JWE): --key
// "$JWK", the key itself where its file's name belongs, would otherwise
// print the key into a terminal or a CI log. Then it is a usage error
// that does not show it.
//
// A --key, or a key FILE (what "key FILE": jwk pub, thumbprint, from-pem,
// to-pem), that names no existing file is not shown either, unless its
// name is plainly a key file's (keyFileName): it may be the secret
// itself (--key "$HMAC_SECRET", jwk thumbprint "$SECRET"), which looks like
// any file name.
func openError(what, name string, err error, format string) error {
	if (what == "--key" || what == "key FILE") && !looksLikeContent(name) && !keyFileName(name) {
		if _, serr := os.Lstat(name); serr != nil {
			if what == "key FILE" {
				return failf("FILE: key file not found (the argument, %d bytes, is not shown: it may be the key itself)", len(name)).
					withHint("FILE names a file holding the key (JWK, JWK Set or PEM); to pass a key itself, pipe it in and leave FILE out")
			}
			return failf("--key: key file not found (the argument, %d bytes, is not shown: it may be the key itself)", len(name)).
				withHint("--key takes the name of a file holding the key (JWK, JWK Set or PEM); to pass a secret, pipe it in with --key -")
		}
	}
	if !looksLikeContent(name) {
		return failf(format, err)
	}
	hint := "give the name of a file, or \"-\" with the content on standard input"
	if what == "--key" {
		hint = "put the key in a file only you can read, or pipe it in with --key -"
	}
	return usagef("%s is not a file name: it looks like a file's content (%d bytes, not shown)", what, len(name)).withHint(hint)
}

// keyFileName reports whether name ends in an extension key files have
// (.jwk, .json, .pem, …): such a name is shown in errors, a secret is not.
func keyFileName(name string) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".jwk", ".jwks", ".json", ".pem", ".key", ".der", ".crt", ".cer", ".pub", ".cbor", ".cose":
		return true
	}
	return false
}

// looksLikeContent reports whether arg, given where a file's name belongs,
// looks like what a file holds instead: a JSON object or array, PEM,
// several lines, or a compact JWS or JWE (a bearer credential). Messages
// do not show such an argument: it may be a key or a token. A JSON object
// or array is told by how it starts ({" {} [{ [[ [" []): a file's name may
// start with a brace or bracket too ("[old] k.jwk").
func looksLikeContent(arg string) bool {
	if strings.Contains(arg, "-----BEGIN") || strings.ContainsAny(arg, "\r\n") || looksLikeCompact(arg) {
		return true
	}
	t := strings.TrimLeft(arg, " \t")
	if t == "" || t[0] != '{' && t[0] != '[' {
		return false
	}
	next := strings.TrimLeft(t[1:], " \t")
	if next == "" {
		return false
	}
	if t[0] == '{' {
		return next[0] == '"' || next[0] == '}'
	}
	return strings.IndexByte(`{["]`, next[0]) >= 0
}

// looksLikeCompact reports whether arg reads as a compact JWS or JWE: at
// least three dot-separated parts, the first the base64url of a JSON
// object ({"…}), nothing but base64url and dots.
func looksLikeCompact(arg string) bool {
	head, _, ok := strings.Cut(arg, ".")
	if !ok || strings.Count(arg, ".") < 2 || strings.Trim(arg, base64url+".") != "" {
		return false
	}
	h, err := base64.RawURLEncoding.DecodeString(head)
	return err == nil && bytes.HasPrefix(h, []byte(`{"`)) && bytes.HasSuffix(h, []byte("}"))
}

const base64url = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"

// inputFile is a regular file a command reads: FILE, the --key file, ….
type inputFile struct {
	st   os.FileInfo
	name string
}

// noteInput records r, when it is a regular file, as one of the command's
// inputs, which its -o must not name (outputIsInput).
func (e *env) noteInput(r io.Reader, name string) {
	f, ok := r.(*os.File)
	if !ok {
		return
	}
	if st, err := f.Stat(); err == nil && st.Mode().IsRegular() {
		e.inputs = append(e.inputs, inputFile{st, name})
	}
}

// outputIsInput refuses an output path (-o) that is one of the inputs the
// command has opened: writing opens it truncated, destroying what it
// holds (a private key, the token) or what is still to be read. It is
// checked before the first byte is written, and by openInput for a
// command whose output is written while its input is read.
func (e *env) outputIsInput(path string) error {
	if path == "" || path == "-" || len(e.inputs) == 0 {
		return nil
	}
	ost, err := os.Stat(path)
	if err != nil {
		return nil
	}
	for _, in := range e.inputs {
		if os.SameFile(in.st, ost) {
			return usagef("-o %s is the input file %s: writing would destroy it", path, in.name).withHint("write to another file, then rename it")
		}
	}
	return nil
}

// keyStdinClash refuses --key - when the command's input (pos: no FILE, or
// "-") is standard input too, before either is read; and so when either
// is a file that is standard input under another name (--key /dev/stdin,
// as claimIfStdin finds), which would otherwise be refused only once the
// key had been read (on a terminal: typed in).
func keyStdinClash(e *env, keyPath string, pos []string) error {
	keyNamed := keyPath != "-" && e.namesStdin(keyPath)
	if keyPath != "-" && !keyNamed {
		return nil
	}
	file, err := inputArg(pos)
	if err != nil || (file != "" && !e.namesStdin(file)) {
		return err
	}
	first := e.stdinFor == ""
	if err := e.claimStdin("the key"); err != nil {
		return err
	}
	if first && keyNamed {
		e.stdinName = keyPath
	}
	return e.claimStdin("the input")
}

// namesStdin reports whether path, named on the command line, is standard
// input under another name and not a regular file (see claimIfStdin).
func (e *env) namesStdin(path string) bool {
	st, err := os.Stat(path)
	return err == nil && e.isStdin(st)
}

// isStdin reports whether st, a file named on the command line, is
// standard input and not a regular file.
func (e *env) isStdin(st os.FileInfo) bool {
	in, ok := e.stdin.(*os.File)
	if !ok || st.Mode().IsRegular() {
		return false
	}
	ist, err := in.Stat()
	return err == nil && os.SameFile(ist, st)
}

// claimIfStdin claims standard input for what (as claimStdin) when f, a
// file named on the command line, is standard input under another name
// (/dev/stdin, /dev/fd/0) and not a regular file: reading it consumes
// what the command would read as standard input, so that "cat k.jwk |
// lwscrypto jws sign --key /dev/stdin" is refused as --key - is, instead
// of signing the empty rest of the pipe. (A regular file opened anew
// reads from its start, apart from standard input.)
func (e *env) claimIfStdin(f *os.File, what string) error {
	fst, err := f.Stat()
	if err != nil || !e.isStdin(fst) {
		return nil
	}
	first := e.stdinFor == ""
	if err := e.claimStdin(what); err != nil {
		return err
	}
	if first {
		e.stdinName = f.Name()
	}
	return nil
}

// claimStdin records that standard input is read for what, or refuses when
// it has already been read for something else (e.g. --key - and no FILE).
func (e *env) claimStdin(what string) error {
	if e.stdinFor != "" && e.stdinFor != what {
		h := "give " + e.stdinFor + " or " + what + " as a file"
		switch {
		case e.stdinFor == "the key" && what == "the input":
			// as the user named it: --key - or --key /dev/stdin
			key := "-"
			if e.stdinName != "" {
				key = e.stdinName
			}
			h = "with --key " + key + ", give the input as FILE"
		case e.stdinFor == "the input" && what == "the payload":
			h = "give the JWS as FILE or the payload as --payload FILE"
		}
		return usagef("standard input is already %s; %s must come from a file", e.stdinFor, what).withHint(h)
	}
	e.stdinFor = what
	return nil
}

// maxInput bounds what a command reads into memory at once (a token, a key,
// a document given whole): 256 MiB. Streaming commands read through
// openInput instead. A variable for tests only.
var maxInput = 256 << 20

// readInput reads all of FILE or standard input, up to maxInput bytes.
func readInput(e *env, file string) ([]byte, error) {
	r, err := openInput(e, file)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	tooLarge := failf("input larger than %d bytes; commands that stream (json check, cbor check) take any size", maxInput)
	// A regular file (FILE, or standard input redirected from one) says
	// its size: one too large is refused before a byte of it is read into
	// memory.
	f, ok := r.(*os.File)
	if file == "" {
		f, ok = e.stdin.(*os.File)
	}
	if ok {
		if st, err := f.Stat(); err == nil && st.Mode().IsRegular() {
			if off, err := f.Seek(0, io.SeekCurrent); err == nil && st.Size()-off > int64(maxInput) {
				return nil, tooLarge
			}
		}
	}
	b, err := io.ReadAll(io.LimitReader(r, int64(maxInput)+1))
	if err != nil {
		return nil, failf("reading input: %v", err)
	}
	if len(b) > maxInput {
		return nil, tooLarge
	}
	return b, nil
}

// readKeyInput reads FILE or standard input that holds a key (a JWK, a
// JWK Set, PEM): bounded as a --key file is, by maxKeyFile.
func readKeyInput(e *env, file string) ([]byte, error) {
	r, err := openInputAs(e, file, "key FILE")
	if err != nil {
		return nil, err
	}
	defer r.Close()
	b, err := readLimited(r, maxKeyFile)
	if err != nil {
		return nil, failf("reading key input: %v", err)
	}
	return b, nil
}

// errOutput marks a failure to write the command's output (standard output
// or -o FILE), as opposed to a failure of its input.
var errOutput = errors.New("writing output")

// outputError turns a failed write of the command's output into the CLI's
// error "writing output: <cause>" (exit status 1, errors.Is errOutput). A
// nil error stays nil, and an error already marked is returned as it is.
func outputError(err error) error {
	if err == nil || errors.Is(err, errOutput) {
		return err
	}
	if c, ok := err.(*cliError); ok && c.usage { // -o is an input: outputIsInput
		return err
	}
	return &cliError{err: fmt.Errorf("%w: %v", errOutput, err)}
}

// lazyOutput writes to standard output, or to a file created only when the
// first byte is written or the command succeeds (Close), so a failed
// command leaves no empty file behind;
// Abort also takes back what a failed command had written (see
// finishOutput).
type lazyOutput struct {
	e       *env
	stdout  io.Writer // standard output, which path "" (or "-") means
	path    string
	private bool // the output is a private or secret key: see openPrivate
	f       *os.File
	created bool // f did not exist before this run opened it
	done    bool // closed or aborted: nothing more is written
}

func newOutput(e *env, path string) *lazyOutput {
	if path == "-" {
		path = ""
	}
	return &lazyOutput{e: e, stdout: e.stdout, path: path}
}

// stream returns standard output or standard error when path names the
// file it already writes to (-o /dev/stdout; -o log with standard output
// appended to log, "cmd -o log >> log"; -o /dev/stderr 2>> log), else nil.
func (o *lazyOutput) stream(path string) io.Writer {
	pst, err := os.Stat(path)
	if err != nil {
		return nil
	}
	for _, w := range []io.Writer{o.stdout, o.e.stderr} {
		if f, ok := w.(*os.File); ok {
			if st, err := f.Stat(); err == nil && os.SameFile(st, pst) {
				return w
			}
		}
	}
	return nil
}

func (o *lazyOutput) Write(p []byte) (int, error) {
	if o.path == "" {
		return o.stdout.Write(p)
	}
	if o.done {
		return 0, errors.New("output already closed")
	}
	if o.f == nil {
		if err := o.e.outputIsInput(o.path); err != nil {
			return 0, err
		}
		// Opening it anew would truncate what standard output (or
		// error) holds, the log of "cmd -o log >> log": write to that
		// stream instead, as without -o.
		if w := o.stream(o.path); w != nil {
			// A private key still makes a regular file owner-only, as
			// openPrivate does, without the truncation.
			if f := w.(*os.File); o.private {
				if st, err := f.Stat(); err == nil && st.Mode().IsRegular() && st.Mode().Perm()&0o077 != 0 {
					if err := f.Chmod(st.Mode().Perm() &^ 0o077); err != nil {
						return 0, err
					}
				}
			}
			o.stdout, o.path = w, ""
			return w.Write(p)
		}
		_, err := os.Lstat(o.path)
		created := errors.Is(err, os.ErrNotExist)
		var f *os.File
		if o.private {
			f, err = openPrivate(o.path)
		} else {
			f, err = os.OpenFile(o.path, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
		}
		if err != nil {
			return 0, err
		}
		o.f, o.created = f, created
		o.track(true)
	}
	return o.writeOpen(p)
}

// Close ends the output: it is complete. A file never written to is
// created (or truncated) now, so that it holds the output even when that
// is nothing, not what an earlier run left there. A close that fails
// takes the output back as Abort does.
func (o *lazyOutput) Close() error {
	if o.done {
		return nil
	}
	if o.f == nil && o.path != "" {
		if _, err := o.Write(nil); err != nil {
			o.done = true
			return err
		}
	}
	o.done = true
	if o.f == nil {
		return nil
	}
	o.track(false)
	err := o.f.Close()
	o.f = nil
	if err != nil {
		// What was written may not all be in the file: take it back, as
		// Abort does.
		if o.created {
			os.Remove(o.path)
		} else if st, serr := os.Stat(o.path); serr == nil && st.Mode().IsRegular() {
			os.Truncate(o.path, 0)
		}
	}
	return err
}

// Abort ends the output of a command that failed, whose output may be
// partial: a file this run created is removed, and an existing regular
// file it began to write (truncating it) is left empty. A file never
// written to is left as it was.
func (o *lazyOutput) Abort() {
	o.done = true
	if o.f == nil {
		return
	}
	o.track(false)
	o.takeBack()
	o.f.Close()
	o.f = nil
}

// takeBack undoes what o's open file holds: removes it if this run created
// it, else empties it if it is a regular file (not a device or a pipe).
// Abort and a signal that ends the process (takeBackOutputs) share it.
func (o *lazyOutput) takeBack() {
	if o.created {
		os.Remove(o.path)
	} else if st, err := o.f.Stat(); err == nil && st.Mode().IsRegular() {
		o.f.Truncate(0)
	}
}

// finishOutput ends the -o FILE that parseFlags opened for the command (if
// any) after it returned err: kept if it succeeded, aborted if it failed.
// A command whose output is whole though it fails (vectors, reporting
// failed cases) closes e.out itself first.
func finishOutput(e *env, err error) error {
	if e.out == nil {
		return err
	}
	if err != nil {
		e.out.Abort()
		return err
	}
	return outputError(e.out.Close())
}

// openPrivate opens path for writing a secret: created 0600, or, when it is
// an existing regular file, made owner-only and then truncated. Other
// files (a terminal, a pipe, /dev/null) are left as they are.
func openPrivate(path string) (*os.File, error) {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE, 0o600)
	if err != nil {
		return nil, err
	}
	st, err := f.Stat()
	if err == nil && st.Mode().IsRegular() {
		if perm := st.Mode().Perm(); perm&0o077 != 0 {
			err = f.Chmod(perm &^ 0o077)
		}
		if err == nil {
			err = f.Truncate(0)
		}
	}
	if err != nil {
		f.Close()
		return nil, err
	}
	return f, nil
}

// isTerminal reports whether w is a terminal (for progress lines, and to
// keep binary output off a screen). A character device is not enough:
// /dev/null is one, and output sent there is not shown.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// terminalSafe escapes what a terminal would act on rather than show, in
// text that comes from untrusted input (a token; an error quoting a
// document's path): control characters other than '\n' (C0, DEL, C1
// such as the CSI U+009B), the line and paragraph separators U+2028 and
// U+2029, the bidirectional controls (terminalActs), and invalid UTF-8.
// They become \uXXXX (or \xXX), so the token cannot rewrite the
// UNVERIFIED banner or disguise its claims.
func terminalSafe(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			fmt.Fprintf(&b, "\\x%02x", s[i])
		case r != '\n' && terminalActs(r):
			fmt.Fprintf(&b, "\\u%04x", r)
		default:
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	return b.String()
}

// terminalActs reports whether a terminal may act on r rather than show
// it: a control character (C0, DEL, C1), a line or paragraph separator,
// or a bidirectional control (a mark, embedding, override or isolate:
// U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069).
func terminalActs(r rune) bool {
	return unicode.IsControl(r) || r == 0x2028 || r == 0x2029 || r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069 || r == 0x061c || r == 0x200e || r == 0x200f
}

// terminalSafeLine is terminalSafe for one line of stderr: a '\n' from the
// input is escaped too, so it cannot forge a "lwscrypto: hint:" line.
func terminalSafeLine(s string) string {
	return strings.ReplaceAll(terminalSafe(s), "\n", `\n`)
}
