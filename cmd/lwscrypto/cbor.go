package main

import (
	"bufio"
	"bytes"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/lwscrypto/lwscrypto/lecp"
)

func init() {
	register(&command{path: "cbor check", args: "[--hex] [--seq] [--deterministic] [--allow-duplicates] [--allow-invalid-utf8] [--max-depth N] [-o FILE] [FILE]",
		summary: "check that FILE is strictly well-formed, valid CBOR (RFC 8949; UTF-8, no duplicate keys); streams binary input, so any size", run: runCBORCheck})
	register(&command{path: "cbor diag", args: "[--hex] [--seq] [--exact] [flags] [FILE]",
		summary: "print CBOR in diagnostic notation (RFC 8949 §8, Appendix A spellings; --exact adds §8.1 encoding indicators where an item is not in preferred serialization), one item per line (a sequence's separated by commas, RFC 8742 §4.2)", run: runCBORDiag})
	register(&command{path: "cbor to-json", args: "[--hex] [--seq] [flags] [FILE]",
		summary: "convert CBOR to JSON (RFC 8949 §6.1), one JSON text per item and line", run: runCBORToJSON})
	register(&command{path: "cbor from-json", args: "[--hex] [--deterministic] [-o FILE] [FILE]",
		summary: "convert one JSON text to CBOR (RFC 8949 §6.2), binary or --hex", run: runCBORFromJSON})
	register(&command{path: "cbor from-diag", args: "[--hex] [--seq] [--deterministic] [-o FILE] [FILE]",
		summary: "convert diagnostic notation (RFC 8949 §8, §8.1 encoding indicators, RFC 8610 Appendix G) to CBOR, binary or --hex", run: runCBORFromDiag})
	register(&command{path: "cbor get", args: "PATTERN [--hex] [--seq] [flags] [FILE]",
		summary: "print each item whose path matches PATTERN ([0], [1].4, -1, a.b, keys[].kid, * for one key, final * for all below) in diagnostic notation, one per line; the input is checked whole first, so a failure prints nothing", run: runCBORGet})
}

type cborFlags struct {
	hex, seq, determ, dup, utf8 *bool
	exact                       *bool // cbor diag only
	depth                       *int
}

func addCBORFlags(fs *flag.FlagSet) *cborFlags {
	return &cborFlags{
		hex:    fs.Bool("hex", false, "input is hexadecimal text (whitespace ignored) instead of binary"),
		seq:    fs.Bool("seq", false, "input is a CBOR sequence (RFC 8742): zero or more items"),
		determ: fs.Bool("deterministic", false, "require core deterministic encoding (RFC 8949 §4.2.1)"),
		dup:    fs.Bool("allow-duplicates", false, "accept duplicate map keys"),
		utf8:   fs.Bool("allow-invalid-utf8", false, "accept text strings that are not UTF-8; what is printed of them has U+FFFD in their place"),
		depth:  fs.Int("max-depth", lecp.DefaultMaxDepth, "deepest nesting accepted (arrays, maps, tags, indefinite-length strings)"),
	}
}

func (f *cborFlags) options() *lecp.Options {
	return &lecp.Options{AllowSequence: *f.seq, Deterministic: *f.determ, AllowDuplicateKeys: *f.dup,
		AllowInvalidUTF8: *f.utf8, MaxDepth: *f.depth}
}

func parseCBORCommand(e *env, path string, args []string, wantPattern bool) (file, pattern string, cf *cborFlags, err error) {
	c := commands[path]
	fs := newFlags(c)
	cf = addCBORFlags(fs)
	if path == "cbor diag" {
		cf.exact = fs.Bool("exact", false, "write the RFC 8949 §8.1 encoding indicators (_0 … _3, float'..' for a NaN with a payload) wherever an item is not in preferred serialization, so that cbor from-diag gives back the input byte for byte")
	}
	pos, err := parseFlags(e, c, fs, args)
	if err != nil {
		return "", "", nil, err
	}
	if *cf.depth < 1 {
		return "", "", nil, usagef("--max-depth %d: the nesting limit must be at least 1", *cf.depth)
	}
	if wantPattern {
		if len(pos) == 0 {
			return "", "", nil, usagef("missing PATTERN").withHint("for example: lwscrypto cbor get '[1].4' sign1.cbor")
		}
		pattern, pos = pos[0], pos[1:]
	}
	file, err = inputArg(pos)
	return file, pattern, cf, err
}

func inputName(file string) string {
	if file == "" {
		return "standard input"
	}
	return file
}

// readCBOR reads all of FILE, decoding it from hex with --hex.
func readCBOR(e *env, file string, isHex bool) ([]byte, error) {
	b, err := readInput(e, file)
	if err != nil {
		return nil, err
	}
	if !isHex {
		return b, nil
	}
	out, err := decodeHexText(b)
	if err != nil {
		return nil, hinted(fmt.Errorf("%s: not hexadecimal: %w", inputName(file), err), "without --hex the input is read as binary CBOR")
	}
	return out, nil
}

// decodeHexText decodes hexadecimal digits of either case, skipping ASCII
// whitespace anywhere, in place: the bytes decoded overwrite b's start
// (each takes two digits of b), so nothing is allocated.
func decodeHexText(b []byte) ([]byte, error) {
	out, digits := b[:0], 0
	var hi byte
	for i, c := range b {
		var v byte
		switch {
		case '0' <= c && c <= '9':
			v = c - '0'
		case 'a' <= c && c <= 'f':
			v = c - 'a' + 10
		case 'A' <= c && c <= 'F':
			v = c - 'A' + 10
		case c == ' ' || '\t' <= c && c <= '\r': // \t \n \v \f \r
			continue
		default:
			q := fmt.Sprintf("'%c'", c)
			if c < 0x20 || c >= 0x7f {
				q = fmt.Sprintf("'\\x%02x'", c)
			}
			return nil, fmt.Errorf("invalid hexadecimal digit %s at offset %d", q, i)
		}
		if digits++; digits%2 == 1 {
			hi = v
		} else {
			out = append(out, hi<<4|v)
		}
	}
	if digits%2 != 0 {
		return nil, fmt.Errorf("odd number of hexadecimal digits (%d)", digits)
	}
	return out, nil
}

// looksHex reports whether a binary input's first bytes are all hex digits
// or whitespace: hexadecimal text given without --hex.
func looksHex(b []byte) bool {
	if len(b) < 2 {
		return false
	}
	for _, c := range b[:min(len(b), 64)] {
		if !strings.ContainsRune("0123456789abcdefABCDEF \t\r\n", rune(c)) {
			return false
		}
	}
	return true
}

// sniffer keeps the first bytes read through it, and the last read's
// (the caller's buffer, as long as it is not reused).
type sniffer struct {
	r    io.Reader
	head []byte
	last []byte // what the last Read returned
	off  int64  // the input offset of last[0]
}

func (s *sniffer) Read(p []byte) (int, error) {
	n, err := s.r.Read(p)
	if len(s.head) < 64 {
		s.head = append(s.head, p[:min(n, 64-len(s.head))]...)
	}
	s.off += int64(len(s.last))
	s.last = p[:n]
	return n, err
}

// byteAt returns the input's byte at offset off if the last Read returned
// it: where a parser fed that read's bytes stopped.
func (s *sniffer) byteAt(off int64) (byte, bool) {
	if off < s.off || off-s.off >= int64(len(s.last)) {
		return 0, false
	}
	return s.last[off-s.off], true
}

// cborError turns a lecp error into the CLI's error with a hint; hexText
// says the binary input looked like hexadecimal text.
func cborError(file string, err error, maxDepth int, hexText ...bool) error {
	var se *lecp.SyntaxError
	if !errors.As(err, &se) {
		if errors.Is(err, errOutput) {
			return err
		}
		return failf("%s: %v", inputName(file), err)
	}
	hint := ""
	switch {
	case len(hexText) > 0 && hexText[0]:
		hint = "is the input hexadecimal text? then use --hex"
	case errors.Is(err, lecp.ErrDuplicateKey):
		hint = "CBOR maps here must not repeat a key; --allow-duplicates accepts them"
	case errors.Is(err, lecp.ErrInvalidUTF8):
		hint = "text strings must be UTF-8; --allow-invalid-utf8 accepts them"
	case errors.Is(err, lecp.ErrDepth):
		hint = depthHint(maxDepth)
	case errors.Is(err, lecp.ErrTrailingData):
		hint = "--seq reads a CBOR sequence of several items"
	}
	return hinted(fmt.Errorf("%s: %w", inputName(file), err), hint)
}

// depthHint names the nesting limit in effect, which --max-depth sets
// (lower or higher than the default).
func depthHint(maxDepth int) string {
	return fmt.Sprintf("the nesting limit is %d (--max-depth N sets it)", maxDepth)
}

func runCBORCheck(e *env, args []string) error {
	file, _, cf, err := parseCBORCommand(e, "cbor check", args, false)
	if err != nil {
		return err
	}
	opts := cf.options()
	if *cf.hex {
		b, err := readCBOR(e, file, true)
		if err != nil {
			return err
		}
		if err := lecp.Check(b, opts); err != nil {
			return cborError(file, err, *cf.depth)
		}
		return nil
	}
	// binary input streams through the push parser in constant memory
	p, err := lecp.NewParser(lecp.HandlerFunc(func(*lecp.Parser, *lecp.Event) error { return nil }), opts)
	if err != nil {
		return usagef("%v", err)
	}
	r, err := openInput(e, file)
	if err != nil {
		return err
	}
	defer r.Close()
	sn := &sniffer{r: r}
	if _, err = io.CopyBuffer(p, sn, make([]byte, 64<<10)); err == nil {
		err = p.Close()
	}
	if err != nil {
		return cborError(file, err, *cf.depth, looksHex(sn.head))
	}
	return nil
}

// eachItem reads the input and calls f with each top-level item (one, or
// the items of a sequence with --seq), after checking the whole input.
func eachItem(e *env, file string, cf *cborFlags, f func(item []byte) error) error {
	b, err := readCBOR(e, file, *cf.hex)
	if err != nil {
		return err
	}
	opts := cf.options()
	if err := lecp.Check(b, opts); err != nil {
		return cborError(file, err, *cf.depth, !*cf.hex && looksHex(b))
	}
	for item, err := range lecp.Items(b, opts) {
		if err != nil {
			return cborError(file, err, *cf.depth)
		}
		if err := f(item); err != nil {
			return err
		}
	}
	return nil
}

func runCBORDiag(e *env, args []string) error {
	file, _, cf, err := parseCBORCommand(e, "cbor diag", args, false)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(e.stdout)
	var line []byte
	appendDiag := lecp.AppendDiag
	if *cf.exact {
		appendDiag = lecp.AppendDiagExact
	}
	// The items of a sequence end their lines with a comma but the last,
	// as RFC 8742 §4.2 writes a sequence, so that cbor from-diag --seq
	// reads the output back. Each line is written when the next item (or
	// the end) says how it ends.
	n := 0
	err = eachItem(e, file, cf, func(item []byte) error {
		line = line[:0]
		if n > 0 {
			line = append(line, ",\n"...)
		}
		n++
		line, err = appendDiag(line, item, cf.options())
		if err != nil {
			return cborError(file, err, *cf.depth)
		}
		_, err := w.Write(line)
		return outputError(err)
	})
	if n > 0 && err == nil {
		_, err = w.Write([]byte{'\n'})
		err = outputError(err)
	}
	if err != nil {
		return err
	}
	return outputError(w.Flush())
}

// atInputOffset returns err, an error found in an item that starts at
// offset at of the input, with a SyntaxError's Offset counted in the whole
// input, as lecp's are (the item alone counts from its own start).
func atInputOffset(err error, at int64) error {
	var se *lecp.SyntaxError
	if at == 0 || !errors.As(err, &se) {
		return err
	}
	moved := *se
	moved.Offset += at
	return &moved
}

func runCBORToJSON(e *env, args []string) error {
	file, _, cf, err := parseCBORCommand(e, "cbor to-json", args, false)
	if err != nil {
		return err
	}
	jw := jsonWriter(e.stdout)
	w := bufio.NewWriter(jw)
	var line []byte
	var start int64 // the input offset of the item: a sequence's items lie end to end
	err = eachItem(e, file, cf, func(item []byte) error {
		at := start
		start += int64(len(item))
		line, err = lecp.AppendJSON(line[:0], item, cf.options())
		if err != nil {
			err = atInputOffset(err, at)
			if errors.Is(err, lecp.ErrKeyCollision) {
				return hinted(fmt.Errorf("%s: %w", inputName(file), err), "JSON member names are strings: an integer key 1 and a text key \"1\" cannot both be kept")
			}
			return cborError(file, err, *cf.depth)
		}
		line = append(line, '\n')
		_, err := w.Write(line)
		return outputError(err)
	})
	if err != nil {
		return err
	}
	return outputError(flushBoth(w, jw))
}

// readTextInput reads all of FILE, a text (JSON or diagnostic notation),
// refusing a byte order mark.
func readTextInput(e *env, file string) ([]byte, error) {
	in, err := readInput(e, file)
	if err != nil {
		return nil, err
	}
	if err := checkBOM(in); err != nil {
		return nil, hinted(fmt.Errorf("%s: %w", inputName(file), err), bomHint)
	}
	return in, nil
}

// writeCBOR writes the CBOR out to standard output or -o FILE, as hex and
// a newline with isHex; binary CBOR is not written to a terminal unless
// asked for with -o -.
func writeCBOR(e *env, out []byte, isHex bool, outPath string) error {
	if isHex {
		out = append([]byte(hex.EncodeToString(out)), '\n')
	} else if outPath == "" && isTerminal(e.stdout) { // "-o -" forces it, as in age
		return usagef("refusing to write binary CBOR to a terminal").withHint("use --hex, -o FILE or a pipe; force it with -o -")
	}
	o := newOutput(e, outPath)
	if _, err := o.Write(out); err != nil {
		o.Abort()
		return outputError(err)
	}
	return outputError(o.Close())
}

func runCBORFromJSON(e *env, args []string) error {
	c := commands["cbor from-json"]
	fs := newFlags(c)
	isHex := fs.Bool("hex", false, "write hexadecimal text instead of binary CBOR")
	determ := fs.Bool("deterministic", false, "sort map keys (core deterministic encoding, RFC 8949 §4.2.1)")
	outPath := fs.String("o", "", "write to `FILE` instead of standard output")
	pos, err := parseFlags(e, c, fs, args)
	if err != nil {
		return err
	}
	file, err := inputArg(pos)
	if err != nil {
		return err
	}
	in, err := readTextInput(e, file)
	if err != nil {
		return err
	}
	out, err := lecp.FromJSON(nil, bytes.NewReader(in), *determ)
	if err != nil {
		return failf("%s: %v", inputName(file), err)
	}
	return writeCBOR(e, out, *isHex, *outPath)
}

func runCBORFromDiag(e *env, args []string) error {
	c := commands["cbor from-diag"]
	fs := newFlags(c)
	isHex := fs.Bool("hex", false, "write hexadecimal text instead of binary CBOR")
	seq := fs.Bool("seq", false, "read a sequence: zero or more items separated by commas (RFC 8742), as cbor diag --seq writes")
	determ := fs.Bool("deterministic", false, "sort map keys (core deterministic encoding, RFC 8949 §4.2.1); encoding indicators are refused")
	outPath := fs.String("o", "", "write to `FILE` instead of standard output")
	pos, err := parseFlags(e, c, fs, args)
	if err != nil {
		return err
	}
	file, err := inputArg(pos)
	if err != nil {
		return err
	}
	in, err := readTextInput(e, file)
	if err != nil {
		return err
	}
	out, err := lecp.FromDiag(nil, in, &lecp.Options{AllowSequence: *seq, Deterministic: *determ})
	if err != nil {
		if errors.Is(err, lecp.ErrTrailingData) && !*seq {
			return hinted(fmt.Errorf("%s: %w", inputName(file), err), "more than one item: use --seq for a sequence")
		}
		return failf("%s: %v", inputName(file), err)
	}
	return writeCBOR(e, out, *isHex, *outPath)
}

func runCBORGet(e *env, args []string) error {
	file, pattern, cf, err := parseCBORCommand(e, "cbor get", args, true)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(e.stdout)
	var line []byte
	// a captured item is one item, read with the options it was parsed with
	diagOpts := cf.options()
	diagOpts.AllowSequence = false
	// The input is whole in memory (at most maxInput bytes): a match may be
	// as long, not only lecp's default bound on what a capture holds.
	getOpts := cf.options()
	getOpts.MaxValueLen = maxInput
	p, perr := lecp.NewParser(lecp.HandlerFunc(func(p *lecp.Parser, ev *lecp.Event) error {
		switch {
		case ev.Kind == lecp.Raw:
			var err error
			line, err = lecp.AppendDiag(line[:0], ev.Value, diagOpts)
			if err != nil {
				return err
			}
			line = append(line, '\n')
			if _, err := w.Write(line); err != nil {
				return outputError(err)
			}
		case ev.Pattern == 0 && !ev.Kind.IsEnd():
			p.Capture()
		}
		return nil
	}), getOpts, pattern)
	if perr != nil {
		return usagef("%v", perr)
	}
	b, err := readCBOR(e, file, *cf.hex)
	if err != nil {
		return err
	}
	// The input is whole in memory: check it all before printing any
	// match, so that a failure prints nothing (as cbor diag).
	if err := lecp.Check(b, cf.options()); err != nil {
		return cborError(file, err, *cf.depth, !*cf.hex && looksHex(b))
	}
	if _, err = p.Write(b); err == nil {
		err = p.Close()
	}
	if err != nil {
		w.Flush()
		return cborError(file, err, *cf.depth, !*cf.hex && looksHex(b))
	}
	return outputError(w.Flush())
}
