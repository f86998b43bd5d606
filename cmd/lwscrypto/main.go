// Command lwscrypto signs, verifies, encrypts and inspects JOSE and COSE
// objects, checks and converts JSON and CBOR, and runs the conformance
// corpora.
//
// Usage:
//
//	lwscrypto <object> <verb> [flags] [FILE]
//
// Input comes from FILE or standard input, output goes to standard output or
// the file named by -o; a command that fails leaves no partial output in
// that file (on standard output, json get and json events stream: what they
// printed before an error stays). An -o naming the file standard output or
// standard error already writes to (-o /dev/stdout, or "-o log >> log")
// writes to that stream, as without -o, instead of truncating it (a private
// key still makes it owner-only). The exit status is 0 on success, 1 when
// the input is invalid or a verification failed, and 2 on a usage error. A
// file or directory named on the command line (FILE, --key, --payload,
// --dir) that is not there or cannot be read is invalid input. A
// file that cannot serve (a KEY with no private key, or with several, or one
// that --alg does not fit) is invalid input; a command line that lacks what
// it needs (no --key; a key without "alg" and no --alg) or holds a value
// that is malformed whatever the input (--alg ES265 or none, --exp x,
// --claims given inline that
// is not one JSON object, any flag given an empty value: --iss "") is a
// usage error. Errors are printed to standard
// error as "lwscrypto: error: …", with a "hint: …" line where one helps. Run
// "lwscrypto help" for the list of commands.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strconv"
	"strings"
)

func main() {
	handleSignals()
	os.Exit(Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// env is what a command may touch: its standard streams. Commands never use
// os.Stdin/os.Stdout/os.Stderr directly, so tests can run them in process.
type env struct {
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
	// stdinFor names what standard input has been read for ("the key",
	// "the input"), so that a second use is refused instead of reading
	// nothing.
	stdinFor string
	// stdinName is the name standard input was claimed under when that
	// was a file named on the command line (/dev/stdin), for the hint.
	stdinName string
	// inputs are the regular files the command has opened to read, which
	// its -o must not name.
	inputs []inputFile
	// out is the -o file parseFlags opened for a command without its own
	// -o (then also stdout); Main closes it.
	out *lazyOutput
	// args are the command line's arguments, which report does not show
	// where they look like a key or a token (hideContent)
	args []string
}

// command is one "<object> <verb>" of the CLI.
type command struct {
	path    string // "jws sign", "version"
	args    string // the synopsis after the path: "--key KEY [--alg ALG] [FILE]"
	summary string // one line for help
	run     func(e *env, args []string) error
}

var commands = map[string]*command{}

// register adds a command; each file of this package registers its own from
// init, so adding an object touches no shared table.
func register(c *command) {
	if _, dup := commands[c.path]; dup {
		panic("duplicate command " + c.path)
	}
	commands[c.path] = c
}

// Main runs the CLI and returns the exit status.
func Main(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	e := &env{stdin: stdin, stdout: stdout, stderr: stderr, args: args}
	if len(args) == 0 {
		writeHelp(stderr) // exit 2 whether or not stderr takes it
		return 2
	}
	if isHelpFlag(args[0]) {
		return report(e, outputError(writeHelp(stdout)))
	}
	cmd, rest := lookup(args)
	if cmd == nil && len(args) > 1 && isHelpFlag(args[1]) && len(objectVerbs(args[0])) > 0 {
		// "jwt -h": help asked for on an object
		return report(e, outputError(writeObjectHelp(stdout, args[0])))
	}
	if cmd == nil && len(args) == 1 && len(objectVerbs(args[0])) > 0 {
		// "lwscrypto jwt": an object, but no verb
		return report(e, usagef("%s needs a verb", args[0]).withHint(unknownHint(args[0])))
	}
	if cmd == nil {
		return report(e, usagef("unknown command %q", strings.Join(args[:min(2, len(args))], " ")).withHint(unknownHint(args[0])))
	}
	return report(e, finishOutput(e, cmd.run(e, rest)))
}

// lookup finds the longest command path that prefixes args.
func lookup(args []string) (*command, []string) {
	for n := min(3, len(args)); n > 0; n-- {
		if c, ok := commands[strings.Join(args[:n], " ")]; ok {
			return c, args[n:]
		}
	}
	return nil, nil
}

// report prints err (if any) in the CLI's manner and returns the exit status.
func report(e *env, err error) int {
	if err == nil {
		return 0
	}
	if errors.Is(err, flag.ErrHelp) {
		return 0
	}
	msg := err.Error()
	msg = strings.TrimPrefix(msg, "lwscrypto: ")
	fmt.Fprintf(e.stderr, "lwscrypto: error: %s\n", terminalSafeLine(hideContent(msg, e.args)))
	var h interface{ hint() string }
	if errors.As(err, &h) && h.hint() != "" {
		fmt.Fprintf(e.stderr, "lwscrypto: hint: %s\n", terminalSafeLine(hideContent(h.hint(), e.args)))
	}
	var u *cliError
	if errors.As(err, &u) && u.usage {
		return 2
	}
	return 1
}

// hideContent replaces in msg each argument of args that looks like a
// file's content (looksLikeContent: a key, a compact JWS or JWE), as is or
// quoted or cut short, with its length: whatever path reports it (a flag's value, as
// with --alg "$ALG" "$TOKEN" and ALG unset; a file name; a command), a
// key or a bearer token given on the command line is not printed into a
// terminal or a CI log. Arguments shorter than 16 bytes are left: they
// hold no secret, and a short one ("{}") could match the message's own
// words.
func hideContent(msg string, args []string) string {
	for _, a := range args {
		if len(a) < 16 || !looksLikeContent(a) {
			continue
		}
		hidden := fmt.Sprintf("(%d bytes that look like a file's content, not shown)", len(a))
		msg = strings.ReplaceAll(msg, strconv.Quote(a), hidden)
		msg = strings.ReplaceAll(msg, a, hidden)
		// a message may show the value cut short ("eyJ…"): any 16 bytes
		// or more of its start go too
		var b strings.Builder
		for {
			i := strings.Index(msg, a[:16])
			if i < 0 {
				break
			}
			n := 16
			for n < len(a) && i+n < len(msg) && msg[i+n] == a[n] {
				n++
			}
			b.WriteString(msg[:i])
			b.WriteString(hidden)
			msg = msg[i+n:]
		}
		msg = b.String() + msg
	}
	return msg
}

// cliError is an error with an optional hint and a usage flag (exit 2).
type cliError struct {
	err   error
	h     string
	usage bool
}

func (c *cliError) Error() string { return c.err.Error() }
func (c *cliError) Unwrap() error { return c.err }
func (c *cliError) hint() string  { return c.h }

// withHint returns a copy of c with a hint line.
func (c *cliError) withHint(h string) *cliError {
	d := *c
	d.h = h
	return &d
}

// usagef is a usage error: exit status 2.
func usagef(format string, args ...any) *cliError {
	return &cliError{err: fmt.Errorf(format, args...), usage: true}
}

// failf is an invalid-input or failed-verification error: exit status 1.
func failf(format string, args ...any) *cliError {
	return &cliError{err: fmt.Errorf(format, args...)}
}

// hinted wraps err (exit status 1) with a hint.
func hinted(err error, h string) *cliError {
	return &cliError{err: err, h: h}
}

// unknownHint is the hint for a command line that names no command: the
// verbs of object, if it is one, else where to find the commands.
func unknownHint(object string) string {
	verbs := objectVerbs(object)
	if len(verbs) == 0 {
		return "run 'lwscrypto help' for the list of commands"
	}
	return object + " takes a verb: " + strings.Join(verbs, ", ")
}

// isHelpFlag reports whether arg asks for help: -h, --help or -help.
func isHelpFlag(arg string) bool {
	return arg == "-h" || arg == "--help" || arg == "-help"
}

// objectVerbs returns the verbs of object, sorted; none if it is no
// object (a command of one word, such as version, has none).
func objectVerbs(object string) []string {
	var verbs []string
	for p := range commands {
		if v, ok := strings.CutPrefix(p, object+" "); ok {
			verbs = append(verbs, v)
		}
	}
	sort.Strings(verbs)
	return verbs
}

// writeObjectHelp writes the verbs of object, each with its synopsis and
// summary, to w (what "lwscrypto OBJECT -h" and "lwscrypto help OBJECT"
// print) and returns w's error.
func writeObjectHelp(w io.Writer, object string) error {
	var b strings.Builder
	fmt.Fprintf(&b, "usage: lwscrypto %s <verb> [flags] [FILE]\n\n", object)
	b.WriteString("'lwscrypto " + object + " <verb> -h' describes one verb.\n\nverbs:\n")
	for _, v := range objectVerbs(object) {
		c := commands[object+" "+v]
		fmt.Fprintf(&b, "  %s\n      %s\n", strings.TrimSpace(v+" "+c.args), c.summary)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// writeHelp writes the list of commands to w and returns w's error.
func writeHelp(w io.Writer) error {
	paths := make([]string, 0, len(commands))
	for p := range commands {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	var b strings.Builder
	b.WriteString("usage: lwscrypto <object> <verb> [flags] [FILE]\n\n")
	b.WriteString("Input is FILE or standard input; output is standard output or -o FILE.\n")
	b.WriteString("Exit status: 0 success, 1 invalid input or failed verification, 2 usage error.\n")
	b.WriteString("'lwscrypto help <object> <verb>' or '<object> <verb> -h' describes one command;\n")
	b.WriteString("'lwscrypto help <object>' or '<object> -h' lists an object's verbs.\n\ncommands:\n")
	for _, p := range paths {
		c := commands[p]
		fmt.Fprintf(&b, "  %s\n      %s\n", strings.TrimSpace(p+" "+c.args), c.summary)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func init() {
	register(&command{path: "help", args: "[OBJECT [VERB]]", summary: "print this list of commands, the verbs of an object, or the usage of one command", run: runHelp})
}

// runHelp prints the list of commands, what 'OBJECT VERB -h' prints, or
// what 'OBJECT -h' prints.
// It takes no flags (not even -o): anything after OBJECT VERB (or after
// OBJECT -h) is ignored,
// so that 'help' can be put in front of a failing command line.
func runHelp(e *env, args []string) error {
	if len(args) == 1 && isHelpFlag(args[0]) {
		c := commands["help"]
		_, err := fmt.Fprintf(e.stdout, "usage: lwscrypto %s %s\n\n%s\n", c.path, c.args, c.summary)
		return outputError(err)
	}
	if len(args) > 0 {
		if c, _ := lookup(args); c != nil {
			// The usage -h prints, flags and all.
			if err := c.run(e, []string{"-h"}); !errors.Is(err, flag.ErrHelp) {
				return err
			}
			return nil
		}
		if (len(args) == 1 || isHelpFlag(args[1])) && len(objectVerbs(args[0])) > 0 { // help OBJECT [-h]
			return outputError(writeObjectHelp(e.stdout, args[0]))
		}
		return usagef("no command %q", strings.Join(args, " ")).withHint(unknownHint(args[0]))
	}
	return outputError(writeHelp(e.stdout))
}
