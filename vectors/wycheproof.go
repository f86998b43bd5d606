package vectors

// This file walks the Wycheproof corpus and holds what every Wycheproof
// family shares: the file and test structures, the policy for "acceptable"
// cases, and the loop that runs one case against every backend. The families
// live in wycheproof_sig.go (ECDSA, EdDSA), wycheproof_rsa.go (PKCS#1 v1.5,
// PSS, OAEP), wycheproof_kex.go (ECDH, X25519), wycheproof_sym.go (AEADs, key
// wrap, MACs, KDFs); wycheproof_der.go and wycheproof_jwk.go are the strict
// DER and JWK readers they need. The policy is documented on Wycheproof.

import (
	"bytes"
	"crypto"
	"crypto/rsa"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/lwscrypto/lwscrypto/gencrypto"
)

// wycheproofDirs are the folders of the Wycheproof corpus the runner reads,
// with the prefix their files get in result names.
var wycheproofDirs = []struct{ dir, prefix string }{
	{"testvectors_v1", "wycheproof/"},
	{"testvectors_legacy", "wycheproof/legacy/"},
}

// Wycheproof runs Project Wycheproof (C2SP/wycheproof) over gencrypto: every
// JSON file of testvectors_v1 and testvectors_legacy gets one Result, named
// "wycheproof/<file>" or "wycheproof/legacy/<file>".
//
// # How a case is judged
//
// A case runs through the registry when a registered algorithm matches the
// group's parameters exactly (ES256 for P-256 with SHA-256, A128GCM for a
// 128-bit key with a 96-bit IV and 128-bit tag, PS256 for SHA-256 with
// MGF1-SHA-256 and a 32-byte salt, …). When none matches but the primitive
// takes those parameters (GCM with other IV sizes, CCM with other nonce and
// tag sizes, XChaCha20-Poly1305, truncated HMAC tags, SHA-1 HKDF and PBKDF2,
// SHA-224 signatures, RSA keys below the registry's 2048-bit minimum, OAEP
// labels, …), it calls the Backend primitive directly, so the primitive
// itself is proven. Otherwise the case is skipped with the reason.
//
// Every case runs against every backend of Backends that supports its
// primitive. It passes only if every such backend passes; a failure names
// the backend. A backend answering ErrUnsupported for the particular
// parameters does not count for the case; when no backend could run it, the
// case is skipped with that reason. A case is never counted as passed
// without its output or its rejection being checked, and a panic is a
// failure of that case.
//
// "valid" cases must succeed and give the expected output exactly (AEADs
// must both seal to ct‖tag and open it; key wrap must both wrap and
// unwrap); "invalid" ones must be rejected (an invalid wrapped key must not
// unwrap, and wrapping its plaintext must not produce it). An ECDSA or
// EdDSA signature must be rejected as a failed verification: the group's
// key is valid, so an error saying a key or input was refused
// (ErrKeyType, ErrKeySize, ErrInvalidKey, ErrInvalidInput) fails the case
// instead of passing it unchecked. DER ECDSA
// signatures are converted to r‖s by a strict DER reader, so BER lengths,
// padded or negative integers and trailing bytes are rejected before any
// verification; DER public keys must be the canonical encoding of the key
// they hold (parsed by crypto/x509 and re-encoded byte for byte). For
// RSASSA-PSS keys carrying parameters (the _params files), the parameters
// are read from the key and must agree with the group's.
//
// # Acceptable cases
//
// Wycheproof marks some cases "acceptable": either outcome is legal. Each
// is decided by the first of its flags found in this table (acceptablePolicy
// holds it). Every other flag of an acceptable case must be one of the
// companions listed after the table, which only describe the modification
// a deciding flag names; an acceptable case with no deciding flag, or with
// a flag in neither list, fails, so a new flag cannot slip through
// undecided, alone or beside a known one.
//
//	flag                    decision  why
//	ZeroSharedSecret        reject    X25519 with a low-order public key gives an all-zero secret (RFC 7748 §6.1); SharedSecret refuses it
//	CompressedPublic        reject    ECDH public keys must be uncompressed points, the only form JWK and crypto/ecdh take
//	UnnamedCurve            reject    SPKI with explicit curve parameters: only named curves are accepted
//	InvalidAsn              reject    DER public keys must be canonical DER
//	MissingNull             reject    the PKCS#1 v1.5 DigestInfo must carry the NULL parameter (RFC 8017 §9.2 note 1)
//	ShortKey                reject    AES-KW of a key shorter than 16 bytes: RFC 3394 needs two 64-bit blocks
//	SigSize                 reject    ECDSA r‖s must be exactly twice the order's byte length (RFC 7518 §3.4)
//	Twist, NonCanonicalPublic, SpecialPublicKey, SmallPublicKey (X25519),
//	EdgeCaseMultiplication, EdgeCaseShared, LowOrderPublic, Ktv
//	                        accept    X25519 is computed as RFC 7748 §5 says (high bit masked); the secret must match
//	WeakHash                accept    the primitive verifies or signs with the stated hash; the registry never pairs a key with a weaker hash
//	SmallModulus, SmallPublicKey (RSA)
//	                        accept    the primitive signs deterministically and must give the expected signature; the registry refuses RSA below 2048 bits
//	SmallIntegerCiphertext, Constructed, EncryptionWithLabel
//	                        accept    OAEP decryption is well defined; the plaintext must match
//
// Companions (acceptableCompanions), never deciding alone:
//
//	CompressedPoint         beside CompressedPublic: the same compressed point
//	UnusedParam, WrongOrder, ModifiedCofactor, NoCofactor, ModifiedCurveParameter, ModifiedGenerator
//	                        beside UnnamedCurve: which explicit curve parameter was changed
//
// Cases that gencrypto's registry refuses by policy although Wycheproof
// calls them valid (HMAC keys shorter than the hash, RSA below 2048 bits)
// are not failures of the code: they run on the Backend primitive.
//
// # Not run, and why
//
// Each skipped case carries its reason in the report. Whole files of
// algorithms lwscrypto does not offer are skipped: secp256k1 (ES256K is not
// registered yet; JOSE issue), Ed448 and X448 (the circl backend is not
// built yet), ML-DSA and ML-KEM (not registered yet), AES-KWP
// (RFC 5649, not registered), AES-CBC with PKCS#5 padding (no Backend
// primitive; JWE uses AES-CBC only inside A*CBC-HS*), json_web_encryption
// and the JWE groups of json_web_crypto (JWE is not built yet). Groups are
// skipped for their curve only when it is one of those not offered
// (secp256k1, Ed448, X448); a curve name the runners do not know fails its
// group, so a misspelt or renamed member cannot hide a group. The
// json_web_signature and json_web_key files and the JWS groups of
// json_web_crypto are judged by the JOSE runners (WycheproofJWS, the JWK
// runner and the json_web_crypto runner of jose_jwcrypto.go), whose results
// stand in this report.
//
// # Refused as expected
//
// Parameter sets of an offered algorithm that lwscrypto refuses on purpose
// are run, not skipped: RSA-PSS with an MGF1 hash other than the message
// hash or a salt length other than the hash length, and RSA-OAEP with an
// MGF1 hash other than the OAEP hash (JOSE and COSE pin both, and so does
// the Backend contract). Each such case runs under the parameters the
// library offers (the registered algorithm, or the primitive) and must be
// rejected there: it then passes and is counted in Result.Refused with the
// reason. A case accepted there fails, except the invalid one whose
// modification lands on the offered parameters (Wycheproof's "s_len
// changed to 32" in a zero-salt SHA-256 PSS group), which is skipped,
// saying so. Whole algorithms left out on purpose are run the same way
// once the registry is seen not to know them: every case of the RSA PKCS
// #1 v1.5 decryption files (RSA1_5, a padding oracle; RFC 8725 §3.2) is
// decrypted with its key under the RSA decryption the library offers,
// RSA-OAEP-256 and RSA-OAEP, and must fail there.
var Wycheproof = Runner{Name: "wycheproof", Run: runWycheproof}

func runWycheproof(dir string, progress func(string)) ([]Result, error) {
	type job struct{ path, short, name string }
	var jobs []job
	for _, d := range wycheproofDirs {
		files, err := jsonFiles(filepath.Join(dir, d.dir))
		if err != nil {
			return nil, fmt.Errorf("vectors: wycheproof: %w", err)
		}
		for _, f := range files {
			jobs = append(jobs, job{filepath.Join(dir, d.dir, f), f, d.prefix + f})
		}
	}
	// Files are independent and the work is CPU-bound (P-521 ECDH, 8192-bit
	// RSA, PBKDF2), so they run on GOMAXPROCS workers; results keep the
	// file order, and progress calls are serialized.
	backends := Backends()
	out := make([]Result, len(jobs))
	next := make(chan int)
	var mu sync.Mutex
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(jobs)) {
		wg.Go(func() {
			for i := range next {
				j := jobs[i]
				if progress != nil {
					mu.Lock()
					progress(strings.TrimPrefix(j.name, "wycheproof/"))
					mu.Unlock()
				}
				out[i] = runWycheproofFile(j.path, j.short, j.name, backends)
			}
		})
	}
	for i := range jobs {
		next <- i
	}
	close(next)
	wg.Wait()
	return out, nil
}

// runWycheproofFile runs one vector file.
func runWycheproofFile(path, short, name string, backends []gencrypto.Backend) (res Result) {
	res = Result{Name: name}
	var wf wFile
	if err := loadJSON(path, &wf); err != nil {
		res.Fail("file: %v", err)
		return res
	}
	if run, ok := wycheproofDelegates[name]; ok {
		res = runDelegate(run, path, name)
	} else {
		c := &wctx{res: &res, file: &wf, fileName: short, backends: backends}
		c.run()
	}
	checkNumberOfTests(&res, wf.NumberOfTests)
	return res
}

// checkNumberOfTests fails a Wycheproof file whose cases do not add up to
// its numberOfTests, which every Wycheproof file carries and is never 0: a
// file without cases, or without the count, is not reported clean.
func checkNumberOfTests(res *Result, n int) {
	switch {
	case n <= 0:
		res.Fail("file: numberOfTests missing or %d (%d cases run)", n, res.Cases)
	case res.Cases != n:
		res.Fail("file: %d cases run, numberOfTests says %d", res.Cases, n)
	}
}

// wycheproofDelegates are the Wycheproof files judged by the runner of the
// package that implements them (the JOSE files, whose cases are whole JWS
// tokens and JWK Sets); their Result stands for the file in this runner's
// report, so each file still has exactly one line.
var wycheproofDelegates = map[string]func(path string) Result{
	"wycheproof/json_web_signature_test.json": WycheproofJWS,
	"wycheproof/json_web_key_test.json":       wycheproofJWK,
	"wycheproof/json_web_crypto_test.json":    wycheproofJWCrypto,
}

// runDelegate runs a delegated file, turning a panic into a failure.
func runDelegate(run func(string) Result, path, name string) (res Result) {
	defer func() {
		if r := recover(); r != nil {
			res = Result{Name: name}
			res.Fail("file: panic: %v", r)
		}
	}()
	res = run(path)
	res.Name = name
	return res
}

// jsonFiles lists the .json files of dir, sorted.
func jsonFiles(dir string) ([]string, error) {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, e := range ents {
		if !e.IsDir() && strings.HasSuffix(e.Name(), ".json") {
			out = append(out, e.Name())
		}
	}
	sort.Strings(out)
	return out, nil
}

// loadJSON decodes the JSON file at path into v.
func loadJSON(path string, v any) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	if err := json.Unmarshal(b, v); err != nil {
		return jsonFileError(filepath.Base(path), b, err)
	}
	return nil
}

// jsonFileError is err, from decoding the JSON file name whose content is
// b, prefixed with the file name and, for a syntax or type error, the byte
// offset and line where decoding stopped.
func jsonFileError(name string, b []byte, err error) error {
	off := int64(-1)
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		off = se.Offset
	case errors.As(err, &te):
		off = te.Offset
	}
	if off < 0 {
		return fmt.Errorf("%s: %w", name, err)
	}
	line := 1 + bytes.Count(b[:min(off, int64(len(b)))], []byte("\n"))
	return fmt.Errorf("%s: at byte offset %d (line %d): %w", name, off, line, err)
}

// hexBytes is a byte string written in JSON as lowercase hex, as the
// conformance corpora write binary values.
type hexBytes []byte

func (h *hexBytes) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return err
	}
	d, err := hex.DecodeString(s)
	if err != nil {
		return err
	}
	*h = d
	return nil
}

// wFile is one Wycheproof vector file. Groups are kept raw: each family
// decodes its own group type.
type wFile struct {
	Algorithm     string            `json:"algorithm"`
	Schema        string            `json:"schema"`
	NumberOfTests int               `json:"numberOfTests"`
	TestGroups    []json.RawMessage `json:"testGroups"`
}

// wGroupHead is what every group has.
type wGroupHead struct {
	Type string `json:"type"`
}

// wTest is what every test has; families embed it and add their inputs.
type wTest struct {
	TcID    int      `json:"tcId"`
	Comment string   `json:"comment"`
	Flags   []string `json:"flags"`
	Result  string   `json:"result"`
}

// expectation is what the runner requires of a case.
type expectation uint8

const (
	mustAccept expectation = iota + 1 // succeed, with the expected output
	mustReject                        // fail
)

// acceptableFlag is a flag of an acceptable case and its decision.
type acceptableFlag struct {
	flag string
	exp  expectation
}

// acceptablePolicy decides "acceptable" cases: the first entry of this
// table that is among the case's flags wins (table order, not the order of
// the case's flags, so ZeroSharedSecret outranks Twist). The package
// documentation gives the reasons.
var acceptablePolicy = []acceptableFlag{
	{"ZeroSharedSecret", mustReject},
	{"CompressedPublic", mustReject},
	{"UnnamedCurve", mustReject},
	{"InvalidAsn", mustReject},
	{"MissingNull", mustReject},
	{"ShortKey", mustReject},
	{"SigSize", mustReject},
	{"Twist", mustAccept},
	{"NonCanonicalPublic", mustAccept},
	{"SpecialPublicKey", mustAccept},
	{"SmallPublicKey", mustAccept},
	{"EdgeCaseMultiplication", mustAccept},
	{"EdgeCaseShared", mustAccept},
	{"LowOrderPublic", mustAccept},
	{"Ktv", mustAccept},
	{"WeakHash", mustAccept},
	{"SmallModulus", mustAccept},
	{"SmallIntegerCiphertext", mustAccept},
	{"Constructed", mustAccept},
	{"EncryptionWithLabel", mustAccept},
}

// acceptableCompanions are the flags that appear on acceptable cases only
// beside a deciding flag of acceptablePolicy, naming a detail of the same
// modification (which curve parameter of an unnamed curve was changed; that
// the compressed public key is a compressed point). They decide nothing
// alone, but they are known: any other flag fails its acceptable case.
var acceptableCompanions = map[string]string{
	"CompressedPoint":        "CompressedPublic",
	"UnusedParam":            "UnnamedCurve",
	"WrongOrder":             "UnnamedCurve",
	"ModifiedCofactor":       "UnnamedCurve",
	"NoCofactor":             "UnnamedCurve",
	"ModifiedCurveParameter": "UnnamedCurve",
	"ModifiedGenerator":      "UnnamedCurve",
}

// expect resolves a test's result to what the runner requires.
func expect(t *wTest) (expectation, error) {
	switch t.Result {
	case "valid":
		return mustAccept, nil
	case "invalid":
		return mustReject, nil
	case "acceptable":
		return expectAcceptable(t.Flags)
	}
	return 0, fmt.Errorf("unknown result %q", t.Result)
}

// expectAcceptable decides an acceptable case with the given flags: the
// first entry of acceptablePolicy among them, provided every flag is either
// in acceptablePolicy or a companion of a deciding flag the case also has.
func expectAcceptable(flags []string) (expectation, error) {
	var exp expectation
	rank := len(acceptablePolicy)
	for _, f := range flags {
		i := slices.IndexFunc(acceptablePolicy, func(p acceptableFlag) bool { return p.flag == f })
		switch {
		case i >= 0:
			if i < rank {
				rank, exp = i, acceptablePolicy[i].exp
			}
		case acceptableCompanions[f] == "":
			return 0, fmt.Errorf("acceptable case with flag %q, which has no documented policy (flags %v)", f, flags)
		case !slices.Contains(flags, acceptableCompanions[f]):
			return 0, fmt.Errorf("acceptable case with flag %q without %q, the flag it accompanies (flags %v)", f, acceptableCompanions[f], flags)
		}
	}
	if exp == 0 {
		return 0, fmt.Errorf("acceptable case with flags %v has no documented policy", flags)
	}
	return exp, nil
}

// verdict is the outcome of one case on one backend.
type verdict struct {
	kind uint8 // vPass, vFail or vSkip
	msg  string
}

const (
	vPass uint8 = iota + 1
	vFail
	vSkip
)

var passed = verdict{kind: vPass}

func failed(format string, args ...any) verdict {
	return verdict{kind: vFail, msg: fmt.Sprintf(format, args...)}
}

func skipped(reason string) verdict { return verdict{kind: vSkip, msg: reason} }

// wctx runs the groups of one file.
type wctx struct {
	res      *Result
	file     *wFile
	fileName string
	backends []gencrypto.Backend
}

// family runs every group of a file of one kind.
type family func(c *wctx, raw json.RawMessage) error

func (c *wctx) run() {
	if rsa15File(c.fileName) {
		c.refuseRSA15All()
		return
	}
	if why := fileSkip(c.fileName); why != "" {
		c.skipAll(why)
		return
	}
	for i, raw := range c.file.TestGroups {
		var h wGroupHead
		if err := json.Unmarshal(raw, &h); err != nil {
			c.res.Fail("group %d: %v", i, err)
			continue
		}
		fam, ok := families[h.Type]
		if !ok {
			c.skipGroup(raw, "group type "+h.Type+" has no runner")
			continue
		}
		if err := fam(c, raw); err != nil {
			c.res.Fail("group %d (%s): %v", i, h.Type, err)
		}
	}
}

// families maps a Wycheproof group type to its runner. Filled by the init
// of each family's file.
var families = map[string]family{}

// fileSkip gives the reason a whole file is not run here, or "".
func fileSkip(name string) string {
	switch {
	case name == "json_web_encryption_test.json":
		return "JWE file: run by the JWE runners (JWE is not built yet)"
	case strings.HasPrefix(name, "mldsa_"), strings.HasPrefix(name, "mlkem_"):
		return "ML-DSA/ML-KEM not yet registered in gencrypto"
	case strings.HasPrefix(name, "ed448_"), strings.HasPrefix(name, "x448_"):
		return "Ed448/X448: circl backend not yet built"
	case strings.Contains(name, "secp256k1"):
		return "secp256k1 (ES256K) not registered (JOSE issue)"
	case name == "aes_kwp_test.json":
		return "AES-KWP (RFC 5649) not registered: JOSE and COSE use RFC 3394 AES-KW only"
	case name == "aes_cbc_pkcs5_test.json":
		return "AES-CBC-PKCS5 without a MAC: no Backend primitive (JWE uses AES-CBC only inside A*CBC-HS*)"
	}
	return ""
}

// refuseRSA15 is the reason RSA1_5 cases are refused by design, in the
// Wycheproof PKCS #1 v1.5 decryption files and the cookbook JWE examples.
const refuseRSA15 = "RSA1_5 (RSAES-PKCS1-v1_5 key encryption) refused by design: its decryption is a padding oracle (Bleichenbacher, Marvin; RFC 8725 §3.2); gencrypto.ByName does not know it"

// rsa15File reports whether the Wycheproof file name holds PKCS #1 v1.5
// decryption cases (rsa_pkcs1_2048_test.json; not the _sig_gen_ files).
func rsa15File(name string) bool {
	return strings.HasPrefix(name, "rsa_pkcs1_") && !strings.Contains(name, "_sig_gen_")
}

// refuseRSA15All runs every test of a PKCS #1 v1.5 decryption file as a
// case refused by design (wctx.refuse): once gencrypto.ByName is seen not
// to know RSA1_5, each ciphertext is decrypted with its group's key under
// the RSA decryptions the library does offer, RSA-OAEP-256 and RSA-OAEP,
// and must fail there as a failed decryption. If ByName knows RSA1_5,
// every test fails, since this runner would then have to run it.
func (c *wctx) refuseRSA15All() {
	_, offered := gencrypto.ByName("RSA1_5")
	for _, raw := range c.file.TestGroups {
		var g struct {
			PrivateKeyPkcs8 hexBytes `json:"privateKeyPkcs8"`
			Tests           []struct {
				wTest
				CT hexBytes `json:"ct"`
			} `json:"tests"`
		}
		if err := json.Unmarshal(raw, &g); err != nil {
			c.res.Fail("group: %v", err)
			continue
		}
		key, keyErr := parseRSAPrivate(g.PrivateKeyPkcs8)
		for i := range g.Tests {
			t := &g.Tests[i]
			switch {
			case offered:
				c.res.Fail("tcId %d: gencrypto.ByName knows RSA1_5, which this runner does not run", t.TcID)
				continue
			case keyErr != nil:
				c.res.Fail("tcId %d: private key: %v", t.TcID, keyErr)
				continue
			}
			c.refuse(&t.wTest, gencrypto.PrimRSAOAEP, refuseRSA15, "", func(b gencrypto.Backend) error {
				return decryptUnderOAEP(b, key, t.CT)
			})
		}
	}
}

// decryptUnderOAEP decrypts ct with key under each registered RSA-OAEP
// algorithm that backend b serves, and returns nil if one accepts it, an
// error other than a failed decryption if one gives that, else the last
// error (an unsupported one when b serves none).
func decryptUnderOAEP(b gencrypto.Backend, key *rsa.PrivateKey, ct []byte) error {
	var last error
	for _, alg := range []*gencrypto.KeyEncryption{gencrypto.RSAOAEP256(), gencrypto.RSAOAEP()} {
		_, err := alg.Decrypt(key, ct, gencrypto.WithBackend(b))
		switch {
		case err == nil || notVerificationFailure(err):
			return err
		case !unsupported(err) || last == nil:
			last = err // a failed decryption outranks an unsupported one
		}
	}
	return last
}

// skipAll records every test of the file as skipped.
func (c *wctx) skipAll(why string) {
	for _, raw := range c.file.TestGroups {
		c.skipGroup(raw, why)
	}
}

// skipGroup records every test of one raw group as skipped.
func (c *wctx) skipGroup(raw json.RawMessage, why string) {
	var g struct {
		Tests []json.RawMessage `json:"tests"`
	}
	if err := json.Unmarshal(raw, &g); err != nil {
		c.res.Fail("group: %v", err)
		return
	}
	for range g.Tests {
		c.res.Skip(why)
	}
}

// one runs test t against every backend that supports prim ("" for all),
// calling f with the resolved expectation, and records the aggregate.
func (c *wctx) one(t *wTest, prim string, f func(b gencrypto.Backend, exp expectation) verdict) {
	exp, err := expect(t)
	if err != nil {
		c.res.Fail("tcId %d: %v", t.TcID, err)
		return
	}
	c.record(t, prim, c.res.Pass, func(b gencrypto.Backend) verdict { return guard(b, exp, f) })
}

// record runs v on every backend that supports prim ("" for all) and
// records the aggregate for test t: a failure on any backend fails the
// case; else a pass on any calls pass; else the first skip's reason, or
// that no backend supports prim, is a skip.
func (c *wctx) record(t *wTest, prim string, pass func(), v func(b gencrypto.Backend) verdict) {
	var ok bool
	var skipWhy string
	var fails []string
	for _, b := range c.backends {
		if prim != "" && !b.Supports(prim) {
			continue
		}
		r := v(b)
		switch r.kind {
		case vPass:
			ok = true
		case vFail:
			fails = append(fails, "["+b.Name()+"] "+r.msg)
		case vSkip:
			if skipWhy == "" {
				skipWhy = r.msg
			}
		}
	}
	switch {
	case len(fails) > 0:
		c.res.Fail("tcId %d (%s, %s%s): %s", t.TcID, t.Result, t.Comment, flagList(t.Flags), strings.Join(fails, "; "))
	case ok:
		pass()
	case skipWhy != "":
		c.res.Skip(skipWhy)
	default:
		c.res.Skip("no backend supports " + prim)
	}
}

// refuse runs test t, whose parameters the library does not offer on
// purpose, against every backend that supports prim: op performs the case
// under the parameters the library does offer (the registered algorithm, or
// the Backend primitive with its pinned parameters) and must fail as a
// failed verification: a key or input refused (notVerificationFailure)
// fails the case. Seen refused on every such
// backend, the case passes as refused for reason why
// (Result.Refuse). A valid or acceptable case accepted there fails. An
// invalid case accepted there fails too, unless its comment is lands, the
// modification that sets the offered parameters (Wycheproof's "s_len
// changed to 32" in a zero-salt PSS group is a correct PS256 signature):
// that one is skipped, saying so, as it says nothing of the refusal.
func (c *wctx) refuse(t *wTest, prim, why, lands string, op func(b gencrypto.Backend) error) {
	if _, err := expect(t); err != nil {
		c.res.Fail("tcId %d: %v", t.TcID, err)
		return
	}
	c.record(t, prim, func() { c.res.Refuse(why) }, func(b gencrypto.Backend) verdict {
		return guard(b, mustReject, func(b gencrypto.Backend, _ expectation) verdict {
			err := op(b)
			if unsupported(err) {
				return skipped(b.Name() + " backend: unsupported: " + err.Error())
			}
			switch {
			case err == nil && t.Result == "invalid" && lands != "" && t.Comment == lands:
				return skipped("invalid under parameters the library does not offer, but valid under those it does (the modification lands on them): not a refusal to check")
			case err == nil:
				return failed("accepted under the parameters the library offers, which these are not")
			case notVerificationFailure(err):
				// Under the pinned parameters such a case can only
				// fail to verify or decrypt; a key or input refused
				// is a defect, not the refusal.
				return failed("refused for another reason than a failed verification: %v", err)
			}
			return passed
		})
	})
}

// notVerificationFailure reports whether err says a key or an input was
// refused (gencrypto.ErrKeyType, ErrKeySize, ErrInvalidKey,
// ErrInvalidInput) rather than that a signature or ciphertext did not
// check. The registry reports the latter as gencrypto.ErrVerify; the
// Backend primitives, whose contract names no error, as their own (std:
// crypto/rsa.ErrDecryption, an unexported verification error; each also
// matches gencrypto.ErrVerify).
func notVerificationFailure(err error) bool {
	for _, e := range []error{gencrypto.ErrKeyType, gencrypto.ErrKeySize, gencrypto.ErrInvalidKey, gencrypto.ErrInvalidInput} {
		if errors.Is(err, e) {
			return true
		}
	}
	return false
}

func flagList(flags []string) string {
	if len(flags) == 0 {
		return ""
	}
	return "; flags " + strings.Join(flags, ",")
}

// guard runs f, turning a panic (a bug: vectors are attacker input) into a
// failure so one bad case cannot stop the run.
func guard(b gencrypto.Backend, exp expectation, f func(gencrypto.Backend, expectation) verdict) (v verdict) {
	defer func() {
		if r := recover(); r != nil {
			v = failed("panic: %v", r)
		}
	}()
	return f(b, exp)
}

// unsupported reports whether err says the backend lacks what was asked.
func unsupported(err error) bool { return errors.Is(err, gencrypto.ErrUnsupported) }

// judge turns the error of an operation whose output needs no comparison
// (a signature check, a rejection) into a verdict. what names the
// parameters for a skip reason.
func judge(b gencrypto.Backend, exp expectation, err error, what string) verdict {
	if unsupported(err) {
		return skipped(b.Name() + " backend: " + what + " unsupported")
	}
	switch {
	case exp == mustAccept && err != nil:
		return failed("rejected: %v", err)
	case exp == mustReject && err == nil:
		return failed("accepted")
	}
	return passed
}

// judgeOutput is judge for operations with an output: on success it must
// equal want when the case must be accepted.
func judgeOutput(b gencrypto.Backend, exp expectation, got []byte, err error, want []byte, what string) verdict {
	if err == nil && exp == mustAccept && !bytes.Equal(got, want) {
		return failed("output %x, want %x", got, want)
	}
	return judge(b, exp, err, what)
}

// hashByName maps Wycheproof's hash names to crypto.Hash.
func hashByName(s string) (crypto.Hash, bool) {
	switch s {
	case "SHA-1":
		return crypto.SHA1, true
	case "SHA-224":
		return crypto.SHA224, true
	case "SHA-256":
		return crypto.SHA256, true
	case "SHA-384":
		return crypto.SHA384, true
	case "SHA-512":
		return crypto.SHA512, true
	case "SHA-512/224":
		return crypto.SHA512_224, true
	case "SHA-512/256":
		return crypto.SHA512_256, true
	}
	return 0, false
}

// hashName is the spelling of h in skip reasons.
func hashName(h crypto.Hash) string { return h.String() }
