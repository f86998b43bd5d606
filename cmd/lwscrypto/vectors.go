package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/lwscrypto/lwscrypto/internal/corpus"
	"github.com/lwscrypto/lwscrypto/vectors"
)

func init() {
	register(&command{
		path:    "vectors",
		args:    "[--dir DIR] [--json] [-o FILE]",
		summary: "run the conformance corpora (Wycheproof, …) and report per file: cases, passed, failed, skipped",
		run:     runVectors,
	})
}

// vectorsJSON is the --json report: exactly the five counts per corpus file
// and the total of failures. Skip reasons and failure details are in the
// table only.
type vectorsJSON struct {
	Corpora []vectorsJSONLine `json:"corpora"`
	Failed  int               `json:"failed"`
}

type vectorsJSONLine struct {
	Name    string `json:"name"`
	Cases   int    `json:"cases"`
	Passed  int    `json:"passed"`
	Failed  int    `json:"failed"`
	Skipped int    `json:"skipped"`
}

func runVectors(e *env, args []string) error {
	c := commands["vectors"]
	fs := newFlags(c)
	dir := fs.String("dir", "", "the corpus directory, holding wycheproof/ and the other corpora (default: $LWSCRYPTO_VECTORS, else ../shared/vectors beside the module)")
	asJSON := fs.Bool("json", false, "print the report as one JSON object")
	pos, err := parseFlags(e, c, fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usagef("vectors takes no arguments, only flags").withHint("pass the corpus directory with --dir DIR")
	}
	if *dir == "" {
		d, err := corpus.Dir()
		if err != nil {
			// Nothing names the corpus: the command line must (exit 2,
			// as for a missing --key), unlike a --dir naming no
			// directory, which is invalid input (exit 1).
			why := err.Error() // LWSCRYPTO_VECTORS names no directory
			if os.Getenv("LWSCRYPTO_VECTORS") == "" {
				why = "no --dir given, LWSCRYPTO_VECTORS is unset, and "
				if root, rerr := corpus.ModuleRoot(); rerr != nil {
					why += "the working directory is not inside the lwscrypto module, beside which ../shared/vectors would be looked for"
				} else {
					why += "there is no corpus at " + filepath.Join(root, "..", "shared", "vectors") + " (../shared/vectors beside the module)"
				}
			}
			return usagef("no conformance corpus found: %s", why).withHint("pass --dir DIR (the folder holding wycheproof/) or set LWSCRYPTO_VECTORS")
		}
		*dir = d
	} else if st, err := os.Stat(*dir); err != nil || !st.IsDir() {
		// A directory that is not there is invalid input (exit 1), as a
		// FILE, --key or --payload naming no file is.
		if err != nil {
			return failf("--dir: %v", err).withHint("pass the folder holding wycheproof/ and the other corpora")
		}
		return failf("--dir %s is not a directory", *dir).withHint("pass the folder holding wycheproof/ and the other corpora")
	}

	// Every corpus folder must be there (vectors.Run stops at the first
	// missing one, after running those before it): say which are not,
	// before running anything.
	if err := missingCorpora(*dir); err != nil {
		return err
	}

	var opts vectors.Options
	progress := isTerminal(e.stderr)
	if progress {
		opts.Progress = func(name string) { fmt.Fprint(e.stderr, progressLine(name)) }
	}
	rep, err := vectors.Run(*dir, opts)
	if progress {
		fmt.Fprint(e.stderr, "\r\x1b[K")
	}
	if err != nil {
		// The folder hint only if a folder went missing meanwhile; a
		// folder that is there but incomplete gets its own.
		if merr := missingCorpora(*dir); merr != nil {
			return merr
		}
		if errors.Is(err, os.ErrNotExist) {
			return hinted(err, "a corpus folder lacks some of its files: fetch it again (see the corpus README)")
		}
		return failf("%v", err)
	}

	return writeVectorsReport(e, &rep, *asJSON)
}

// missingCorpora refuses a corpus directory that lacks corpus folders,
// naming every one.
func missingCorpora(dir string) error {
	var missing []string
	for _, rn := range vectors.Runners() {
		if st, err := os.Stat(filepath.Join(dir, rn.Name)); !rn.Builtin && (err != nil || !st.IsDir()) && !slices.Contains(missing, rn.Name) {
			missing = append(missing, rn.Name)
		}
	}
	if len(missing) > 0 {
		return failf("%s lacks the corpus folder(s) %s", dir, strings.Join(missing, ", ")).
			withHint("the corpus directory must hold every corpus folder (see its README)")
	}
	return nil
}

// progressLine is the progress line for the corpus file name, which is
// escaped: it comes from the directory --dir names.
func progressLine(name string) string {
	return "\r\x1b[Krunning " + terminalSafeLine(name)
}

// writeVectorsReport prints rep as the table or, with asJSON, as one JSON
// object, and returns an error (exit status 1) if any case failed.
func writeVectorsReport(e *env, rep *vectors.Report, asJSON bool) error {
	if asJSON {
		out := vectorsJSON{Corpora: make([]vectorsJSONLine, 0, len(rep.Corpora)), Failed: rep.Failed}
		for _, r := range rep.Corpora {
			out.Corpora = append(out.Corpora, vectorsJSONLine{r.Name, r.Cases, r.Passed, r.Failed, r.Skipped})
		}
		b, err := json.Marshal(out)
		if err != nil {
			return failf("encoding the report: %v", err)
		}
		// encoding/json leaves C1 controls and bidi overrides raw.
		if _, err := e.stdout.Write(terminalJSON(e.stdout, append(b, '\n'))); err != nil {
			return outputError(err)
		}
	} else if isTerminal(e.stdout) {
		// The table quotes the corpus (file names, failure details, skip
		// reasons): escaped for a terminal, as every message is.
		var b strings.Builder
		rep.WriteTable(&b) // a strings.Builder does not fail
		if _, err := io.WriteString(e.stdout, terminalSafe(b.String())); err != nil {
			return outputError(err)
		}
	} else if err := rep.WriteTable(e.stdout); err != nil {
		return outputError(err)
	}
	if rep.Failed > 0 {
		// The report is whole: -o FILE keeps it, though the exit status is 1.
		if e.out != nil {
			if err := e.out.Close(); err != nil {
				return outputError(err)
			}
		}
		return failf("%d conformance case(s) failed", rep.Failed)
	}
	return nil
}
