// Package vectors runs the conformance corpora in ../shared/vectors (or
// wherever LWSCRYPTO_VECTORS points) against lwscrypto and reports, per
// corpus file, how many cases passed, failed and were skipped, and why.
//
// Each corpus has a Runner; Runners lists them all. The corpus files are read
// in place and never copied. The `lwscrypto vectors` command and the
// package's tests both drive Run.
//
// # Corpora
//
// Wycheproof (C2SP/wycheproof) proves gencrypto: every file of its
// testvectors_v1 and testvectors_legacy folders is in the report, and each
// case runs against every backend of Backends that supports it. The
// documentation of Wycheproof gives how cases are judged, the decision for
// each kind of "acceptable" case, and what is skipped and why.
//
// COSEExamples runs the cose-wg Examples against gencrypto's COSE
// algorithm identifiers and algorithms (there is no COSE message layer
// yet); JOSECookbookJWE runs the RFC 7520 JWE examples' cryptography
// through the registry (there is no JWE layer yet); the cbor-test-vectors
// and JSONTestSuite runners prove lecp and lejp, and lecp's diagnostic
// notation read back into CBOR (FromDiag, AppendDiagExact) is proven on
// Appendix A's "(diag)" line and on each cose-wg example's cbor_diag; the
// JOSE runners prove jose/jws and jose/jwk.
//
// # Not supported, and why
//
// A runner never drops a case silently: a case it cannot run is counted as
// skipped with its reason, and the report lists the reasons per file. A
// case whose parameters the library refuses on purpose (a PSS salt length,
// an OAEP MGF1 hash, a curve or algorithm it does not offer) is not
// skipped: it runs, must be refused, and is counted as passed and in
// Result.Refused, with the reason.
package vectors

import (
	"crypto/fips140"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/lwscrypto/lwscrypto/gencrypto"
)

// Result is the outcome of one corpus file.
type Result struct {
	// Name is "<corpus>/<file>", e.g. "wycheproof/aes_gcm_test.json".
	Name string `json:"name"`
	// Cases is the number of cases run or skipped: Passed + Failed +
	// Skipped.
	Cases   int `json:"cases"`
	Passed  int `json:"passed"`
	Failed  int `json:"failed"`
	Skipped int `json:"skipped"`
	// SkipReasons counts skipped cases by reason. Every skip has a reason.
	SkipReasons map[string]int `json:"skip_reasons,omitempty"`
	// Refused counts the passed cases whose parameters the library
	// refuses on purpose (a PSS salt length or an OAEP MGF1 hash it does
	// not offer, an ECDSA hash JOSE does not pair with the curve, …) and
	// which it was seen to refuse: each ran, and would have failed had it
	// been accepted. They are included in Passed, never in Skipped.
	Refused int `json:"refused,omitempty"`
	// RefuseReasons counts the refused cases by reason.
	RefuseReasons map[string]int `json:"refuse_reasons,omitempty"`
	// Failures describes the failed cases (at most MaxFailures of them).
	Failures []string `json:"failures,omitempty"`
}

// MaxFailures bounds how many failure descriptions a Result keeps.
const MaxFailures = 20

// Pass records a passed case.
func (r *Result) Pass() { r.Cases++; r.Passed++ }

// Fail records a failed case with a description (case id and what happened).
func (r *Result) Fail(format string, args ...any) {
	r.Cases++
	r.Failed++
	if len(r.Failures) < MaxFailures {
		r.Failures = append(r.Failures, fmt.Sprintf(format, args...))
	}
}

// Skip records a skipped case and its reason. An empty reason is a runner's
// bug, recorded as a failed case instead, so that no case is skipped
// silently.
func (r *Result) Skip(reason string) {
	if reason == "" {
		r.Fail("case skipped without a reason (a runner bug)")
		return
	}
	r.Cases++
	r.Skipped++
	if r.SkipReasons == nil {
		r.SkipReasons = make(map[string]int)
	}
	r.SkipReasons[reason]++
}

// Refuse records a passed case whose parameters the library refuses on
// purpose and which it did refuse, with the reason it offers no such
// parameters. Call it only after seeing the refusal: an accepted case is a
// Fail.
func (r *Result) Refuse(reason string) {
	r.Pass()
	r.Refused++
	if r.RefuseReasons == nil {
		r.RefuseReasons = make(map[string]int)
	}
	r.RefuseReasons[reason]++
}

// Check records a pass when err is nil and a failure otherwise.
//
// Under GODEBUG=fips140=only an error matching gencrypto.ErrUnsupported is
// the backend refusing by policy what the Go Cryptographic Module does not
// serve (AES-GCM with a given nonce, AES-KW, RSA below 2048 bits…): the
// case is skipped with skipFIPS rather than failed (see fipsRefusal).
func (r *Result) Check(id string, err error) {
	if fipsRefusal(err) {
		r.Skip(skipFIPS)
		return
	}
	if err != nil {
		r.Fail("%s: %v", id, err)
		return
	}
	r.Pass()
}

// skipFIPS is the reason of a case skipped because the backend refuses it
// by policy in FIPS 140-only mode.
const skipFIPS = "not served in FIPS 140-only mode (GODEBUG=fips140=only): the backend refuses it by policy (gencrypto.ErrUnsupported)"

// fipsRefusal reports whether err is a refusal by policy of FIPS 140-only
// mode: that mode is in effect (crypto/fips140.Enforced, true under
// GODEBUG=fips140=only only; fips140.Enabled is true for fips140=on too,
// which refuses nothing) and err matches gencrypto.ErrUnsupported. Outside
// that mode an unsupported error is no excuse and fails the case.
func fipsRefusal(err error) bool {
	return err != nil && fips140.Enforced() && errors.Is(err, gencrypto.ErrUnsupported)
}

// Report is the outcome of a whole run.
type Report struct {
	// Corpora holds one Result per corpus file, in the order of Runners
	// and, within a corpus, of its runner.
	Corpora []Result `json:"corpora"`
	// Failed is the total of failed cases over all corpora.
	Failed int `json:"failed"`
}

// Runner runs one corpus.
type Runner struct {
	// Name is the corpus folder under the vectors directory, e.g. "wycheproof".
	Name string
	// Builtin marks a runner whose cases are RFC example values typed into
	// this repository (e.g. RFC 7515 Appendix A), not files of the shared
	// corpus; its Run receives the vectors directory itself, which it may
	// ignore, and no folder named Name is required.
	Builtin bool
	// Run runs every file of the corpus found under dir (the corpus folder
	// itself) and returns one Result per file. progress, if not nil, is
	// called with each file name as it starts. A file that is there but
	// cannot be decoded is a failed case of that file's Result, named with
	// the file and the offset where decoding stopped; an error means the
	// corpus could not be read at all.
	Run func(dir string, progress func(file string)) ([]Result, error)
}

// Options adjust Run.
type Options struct {
	// Progress, if not nil, is called with "<corpus>/<file>" as each file
	// starts.
	Progress func(name string)
	// Only, if not empty, restricts the run to results whose name has this
	// prefix (the whole corpus is still read).
	Only string
}

// Run runs every Runner over the corpus directory dir and returns the report.
// A corpus folder that is missing under dir is an error: the corpus is
// expected to be complete. That error, and a runner's for a file or folder
// missing from its corpus, matches fs.ErrNotExist (errors.Is).
func Run(dir string, opts Options) (Report, error) {
	var rep Report
	for _, rn := range Runners() {
		sub := filepath.Join(dir, rn.Name)
		if rn.Builtin {
			sub = dir
		} else if st, err := os.Stat(sub); err != nil || !st.IsDir() {
			if err == nil {
				err = fmt.Errorf("%s is not a directory: %w", sub, fs.ErrNotExist)
			}
			return rep, fmt.Errorf("vectors: corpus %s not found under %s: %w", rn.Name, dir, err)
		}
		var progress func(string)
		if opts.Progress != nil {
			progress = func(f string) { opts.Progress(rn.Name + "/" + f) }
		}
		res, err := rn.Run(sub, progress)
		if err != nil {
			return rep, err
		}
		for _, r := range res {
			if opts.Only != "" && !strings.HasPrefix(r.Name, opts.Only) {
				continue
			}
			rep.Corpora = append(rep.Corpora, r)
			rep.Failed += r.Failed
		}
	}
	return rep, nil
}

// WriteTable writes the report as a human-readable table: one line per
// corpus file, then the reasons of refused-as-expected cases (counted in
// passed), skip reasons and failures indented below it, then totals.
func (rep *Report) WriteTable(w io.Writer) error {
	width := len("corpus")
	for _, r := range rep.Corpora {
		width = max(width, len(r.Name))
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%-*s %7s %7s %7s %7s\n", width, "corpus", "cases", "passed", "failed", "skipped")
	var tc, tp, tf, ts, tr int
	for _, r := range rep.Corpora {
		fmt.Fprintf(&b, "%-*s %7d %7d %7d %7d\n", width, r.Name, r.Cases, r.Passed, r.Failed, r.Skipped)
		for _, why := range sortedKeys(r.RefuseReasons) {
			fmt.Fprintf(&b, "    passed %d as refused by design: %s\n", r.RefuseReasons[why], why)
		}
		for _, why := range sortedKeys(r.SkipReasons) {
			fmt.Fprintf(&b, "    skipped %d: %s\n", r.SkipReasons[why], why)
		}
		for _, f := range r.Failures {
			fmt.Fprintf(&b, "    FAILED: %s\n", f)
		}
		tc, tp, tf, ts, tr = tc+r.Cases, tp+r.Passed, tf+r.Failed, ts+r.Skipped, tr+r.Refused
	}
	fmt.Fprintf(&b, "%-*s %7d %7d %7d %7d\n", width, "total", tc, tp, tf, ts)
	if tr > 0 {
		fmt.Fprintf(&b, "    passed %d as refused by design in all\n", tr)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// sortedKeys returns the keys of m, sorted.
func sortedKeys(m map[string]int) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
