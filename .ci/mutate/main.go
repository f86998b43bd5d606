// Command mutate is a small mutation-testing harness for one Go package:
// it measures whether the package's tests fail when its code is wrong.
//
// It finds mutation sites in the package's non-test files (comparison,
// logical and +/- operators, if conditions, bool literals, small integer
// constants, ++/--), applies one at a time through `go test -overlay` (the
// tree is never written), runs the tests with -failfast and a timeout, and
// prints each mutant as killed, SURVIVED, invalid (does not compile) or
// timeout. A survivor is either equivalent (no observable change) or a
// behaviour no test checks. It is a developer tool, not run by CI (a
// sample of 100 mutants of lejp takes about an hour on two cores). From
// the repository root:
//
//	cd .ci/mutate && go build -o /tmp/mutate . && cd ../..
//	/tmp/mutate -dir jose/jwt -n 80 -seed 5            # a uniform sample
//	/tmp/mutate -dir jose/jwt -files claims.go -lines 440-490 -n 0
//	/tmp/mutate -dir jose -pkgs '. ./jws ./jwt' -n 50  # count dependents' tests too
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

type site struct {
	file     string // absolute path
	off, end int    // byte range replaced
	repl     string
	desc     string
	line     int
	col      int
}

var flips = map[token.Token][]string{
	token.LSS:  {"<=", ">="},
	token.LEQ:  {"<", ">"},
	token.GTR:  {">=", "<="},
	token.GEQ:  {">", "<"},
	token.EQL:  {"!="},
	token.NEQ:  {"=="},
	token.LAND: {"||"},
	token.LOR:  {"&&"},
	token.ADD:  {"-"},
	token.SUB:  {"+"},
}

func sites(path string) ([]site, error) {
	src, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, path, src, 0)
	if err != nil {
		return nil, err
	}
	var out []site
	add := func(pos, end token.Pos, repl, desc string) {
		p := fset.Position(pos)
		out = append(out, site{file: path, off: p.Offset, end: fset.Position(end).Offset, repl: repl, desc: desc, line: p.Line, col: p.Column})
	}
	ast.Inspect(f, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.GenDecl:
			if n.Tok == token.CONST || n.Tok == token.VAR || n.Tok == token.IMPORT || n.Tok == token.TYPE {
				// constants and tables: mutate values in const blocks too (limits)
				if n.Tok != token.CONST {
					return n.Tok == token.VAR
				}
			}
		case *ast.BinaryExpr:
			if rs, ok := flips[n.Op]; ok {
				// skip string concatenation
				if n.Op == token.ADD {
					if bl, ok := n.X.(*ast.BasicLit); ok && bl.Kind == token.STRING {
						return true
					}
					if bl, ok := n.Y.(*ast.BasicLit); ok && bl.Kind == token.STRING {
						return true
					}
				}
				for _, r := range rs {
					add(n.OpPos, n.OpPos+token.Pos(len(n.Op.String())), r, n.Op.String()+" -> "+r)
				}
			}
		case *ast.IfStmt:
			add(n.Cond.Pos(), n.Cond.Pos(), "!(", "negate if condition")
			// the closing paren is added in apply via a paired site
			out[len(out)-1].desc = "negate if condition"
			out[len(out)-1].repl = "NEGATE"
			out[len(out)-1].end = fset.Position(n.Cond.End()).Offset
		case *ast.Ident:
			if n.Name == "true" {
				add(n.Pos(), n.End(), "false", "true -> false")
			} else if n.Name == "false" {
				add(n.Pos(), n.End(), "true", "false -> true")
			}
		case *ast.BasicLit:
			if n.Kind == token.INT {
				var v int64
				if _, err := fmt.Sscan(n.Value, &v); err == nil && v < 1<<20 {
					add(n.Pos(), n.End(), fmt.Sprint(v+1), n.Value+" -> "+fmt.Sprint(v+1))
				}
			}
		case *ast.IncDecStmt:
			op := "--"
			if n.Tok == token.DEC {
				op = "++"
			}
			add(n.TokPos, n.TokPos+2, op, n.Tok.String()+" -> "+op)
		}
		return true
	})
	return out, nil
}

func apply(src []byte, s site) []byte {
	var b bytes.Buffer
	b.Write(src[:s.off])
	if s.repl == "NEGATE" {
		b.WriteString("!(")
		b.Write(src[s.off:s.end])
		b.WriteString(")")
	} else {
		b.WriteString(s.repl)
	}
	b.Write(src[s.end:])
	return b.Bytes()
}

func main() {
	dir := flag.String("dir", "", "package directory")
	files := flag.String("files", "", "comma-separated file names in dir (default: all non-test .go files)")
	n := flag.Int("n", 100, "number of mutants to sample (0 = all)")
	seed := flag.Int64("seed", 1, "sampling seed")
	run := flag.String("run", "", "go test -run pattern")
	skip := flag.String("skip", "", "go test -skip pattern")
	timeout := flag.Duration("timeout", 3*time.Minute, "per-mutant timeout")
	outPath := flag.String("out", "", "append results here as well as stdout")
	lines := flag.String("lines", "", "only sites on these lines: a-b (with a single -files)")
	list := flag.Bool("list", false, "list sites and exit")
	pkgs := flag.String("pkgs", ".", "space-separated package patterns to test, relative to -dir")
	flag.Parse()
	abs, _ := filepath.Abs(*dir)
	var names []string
	if *files != "" {
		names = strings.Split(*files, ",")
	} else {
		m, _ := filepath.Glob(filepath.Join(abs, "*.go"))
		for _, p := range m {
			if !strings.HasSuffix(p, "_test.go") {
				names = append(names, filepath.Base(p))
			}
		}
	}
	var all []site
	for _, nm := range names {
		s, err := sites(filepath.Join(abs, nm))
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(2)
		}
		all = append(all, s...)
	}
	if *lines != "" {
		var a, b int
		fmt.Sscanf(*lines, "%d-%d", &a, &b)
		var keep []site
		for _, s := range all {
			if s.line >= a && s.line <= b {
				keep = append(keep, s)
			}
		}
		all = keep
	}
	fmt.Fprintf(os.Stderr, "%d sites\n", len(all))
	if *list {
		for _, s := range all {
			fmt.Printf("%s:%d %s\n", filepath.Base(s.file), s.line, s.desc)
		}
		return
	}
	r := rand.New(rand.NewSource(*seed))
	r.Shuffle(len(all), func(i, j int) { all[i], all[j] = all[j], all[i] })
	if *n > 0 && *n < len(all) {
		all = all[:*n]
	}
	sort.SliceStable(all, func(i, j int) bool {
		if all[i].file != all[j].file {
			return all[i].file < all[j].file
		}
		return all[i].off < all[j].off
	})
	var out *os.File
	if *outPath != "" {
		out, _ = os.OpenFile(*outPath, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
	}
	tmp, _ := os.MkdirTemp("", "mutate")
	defer os.RemoveAll(tmp)
	counts := map[string]int{}
	for i, s := range all {
		src, _ := os.ReadFile(s.file)
		mut := apply(src, s)
		mp := filepath.Join(tmp, fmt.Sprintf("m%d.go", i))
		os.WriteFile(mp, mut, 0o644)
		ov, _ := json.Marshal(map[string]any{"Replace": map[string]string{s.file: mp}})
		op := filepath.Join(tmp, "overlay.json")
		os.WriteFile(op, ov, 0o644)
		args := []string{"test", "-count=1", "-failfast", "-overlay", op}
		if *run != "" {
			args = append(args, "-run", *run)
		}
		if *skip != "" {
			args = append(args, "-skip", *skip)
		}
		args = append(args, strings.Fields(*pkgs)...)
		ctx, cancel := context.WithTimeout(context.Background(), *timeout)
		cmd := exec.CommandContext(ctx, "go", args...)
		cmd.Dir = abs
		cmd.WaitDelay = 5 * time.Second
		start := time.Now()
		outb, err := cmd.CombinedOutput()
		timedOut := ctx.Err() == context.DeadlineExceeded
		cancel()
		res := "killed"
		switch {
		case timedOut:
			res = "timeout"
		case err == nil:
			res = "SURVIVED"
		case bytes.Contains(outb, []byte("[build failed]")) || bytes.Contains(outb, []byte("[setup failed]")):
			res = "invalid"
		}
		counts[res]++
		srcLine := strings.TrimSpace(strings.Split(string(src[lineStart(src, s.off):]), "\n")[0])
		msg := fmt.Sprintf("%-8s %s:%d:%d  %s  | %s  (%.0fs)", res, filepath.Base(s.file), s.line, s.col, s.desc, srcLine, time.Since(start).Seconds())
		if res == "killed" {
			if k := firstFail(outb); k != "" {
				msg += "  by " + k
			}
		}
		fmt.Println(msg)
		if out != nil {
			fmt.Fprintln(out, msg)
		}
	}
	sum := fmt.Sprintf("summary: %d mutants: killed %d, SURVIVED %d, invalid %d, timeout %d", len(all), counts["killed"], counts["SURVIVED"], counts["invalid"], counts["timeout"])
	fmt.Println(sum)
	if out != nil {
		fmt.Fprintln(out, sum)
		out.Close()
	}
}

func lineStart(src []byte, off int) int {
	i := bytes.LastIndexByte(src[:off], '\n')
	return i + 1
}

func firstFail(out []byte) string {
	for _, l := range strings.Split(string(out), "\n") {
		l = strings.TrimSpace(l)
		if strings.HasPrefix(l, "--- FAIL: ") {
			f := strings.Fields(l)
			if len(f) >= 3 {
				return f[2]
			}
		}
		if strings.HasPrefix(l, "panic:") {
			return "panic"
		}
	}
	return ""
}
