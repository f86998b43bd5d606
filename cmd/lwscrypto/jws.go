package main

import (
	"bytes"
	"encoding/pem"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/lwscrypto/lwscrypto/jose"
	"github.com/lwscrypto/lwscrypto/jose/jwk"
	"github.com/lwscrypto/lwscrypto/jose/jws"
)

func init() {
	register(&command{path: "jws sign", args: "--key KEY [--key KEY …] [--alg ALG] [--json] [--detached] [--unencoded] [-o FILE] [FILE]",
		summary: "sign FILE (or standard input) as a JWS; compact unless --json (flattened JSON for one --key, general JSON with one signature per key for several)", run: runJWSSign})
	register(&command{path: "jws verify", args: "--key KEY [--alg ALG[,ALG]] [--payload FILE] [-o FILE] [FILE]",
		summary: "verify a JWS and print its payload, byte for byte, only if it verifies (a detached payload, given with --payload, is not printed); a JSON JWS with several signatures verifies when one of them does with KEY", run: runJWSVerify})
}

// signingKey picks the one key of KEY that can sign, and the algorithm:
// --alg (with the blanks around it trimmed, as every --alg name is), or
// the key's own "alg", or the one its type and curve determine
// (impliedAlgs).
func signingKey(e *env, path, alg string) (*jwk.Key, string, error) {
	if alg != "" { // before the key is read (--key -)
		flagAlg := alg
		if alg = strings.TrimSpace(alg); alg == "" {
			return nil, "", usagef("--alg %s names an empty algorithm", jose.QuoteName(flagAlg)).withHint("name a JWS signing algorithm, e.g. --alg ES256")
		}
		if err := jwsAlgFlag(alg, false); err != nil {
			return nil, "", err
		}
	}
	set, _, err := loadKey(e, path)
	if err != nil {
		return nil, "", err
	}
	if path == "-" {
		path = "the key on standard input"
	}
	var ks []*jwk.Key
	for _, k := range set.Keys {
		if k.IsPrivate() {
			ks = append(ks, k)
		}
	}
	// Both are the key file's fault, not the command line's: exit 1, as
	// for a PEM file of two keys (parsePEMKey).
	switch {
	case len(ks) == 0:
		return nil, "", failf("%s holds no private or secret key", path).withHint("signing needs the private key (lwscrypto jwk gen makes one)")
	case len(ks) > 1:
		return nil, "", failf("%s holds %d private keys; sign with one", path, len(ks)).withHint("put the key to sign with in a file of its own")
	}
	k := ks[0]
	if alg == "" {
		alg = k.Alg
	}
	if alg == "" {
		if algs := impliedAlgs(k); len(algs) > 0 {
			alg = algs[0]
		}
	}
	if alg == "" && len(jwsAlgsFor(k, jwk.OpSign)) == 0 {
		return nil, "", noJWSKey(k, jwk.OpSign)
	}
	if alg == "" {
		return nil, "", usagef("the key has no \"alg\", and an %s key signs with several algorithms; pass --alg", keyTypeName(k)).withHint(fmt.Sprintf("for example --alg %s (%s)", suggestAlg(k), algFamily(k)))
	}
	if err := k.CheckUse(alg, jwk.OpSign); err != nil {
		if errors.Is(err, jose.ErrAlgorithm) { // "none", or no JOSE algorithm at all
			return nil, "", hinted(err, fmt.Sprintf("name a JWS signing algorithm, e.g. --alg %s (\"none\" is never accepted)", suggestAlg(k)))
		}
		return nil, "", hinted(err, "the key's type, \"alg\", \"use\" and \"key_ops\" must allow signing with "+alg)
	}
	return k, alg, nil
}

// impliedAlgs returns the JWS algorithms a key without "alg" determines by
// its type and curve: ES256, ES384 or ES512 for an EC key on P-256, P-384
// or P-521, and EdDSA (then its fully specified name Ed25519, RFC 9864)
// for an Ed25519 key; the first is the one to sign with. RSA and oct keys
// determine none: each signs with several (RS256 … PS512, HS256 …
// HS512), so the algorithm must be named.
func impliedAlgs(k *jwk.Key) []string {
	switch k.KeyType() + " " + k.Curve() {
	case "EC P-256":
		return []string{"ES256"}
	case "EC P-384":
		return []string{"ES384"}
	case "EC P-521":
		return []string{"ES512"}
	case "OKP Ed25519":
		return []string{"EdDSA", "Ed25519"}
	}
	return nil
}

// jwsAlgsFor returns the JWS algorithms key k may be used for to perform
// op, as jwk.Key.CheckUse decides: none for a key agreement key (X25519),
// a key for encryption ("use":"enc", a JWE "alg") or one whose "key_ops"
// leave op out.
func jwsAlgsFor(k *jwk.Key, op jwk.Op) []string {
	var algs []string
	for _, a := range jws.Algorithms() {
		if k.CheckUse(a, op) == nil {
			algs = append(algs, a)
		}
	}
	return algs
}

// noJWSKey is the error for key k, which no JWS algorithm may use to
// perform op (jwsAlgsFor): exit 1, saying why as jwk.Key.CheckUse does for
// the algorithm the key names or its type implies (a secret too short for
// HS256, "use":"enc", "key_ops" without op), except for a key agreement
// key (X25519), which no JWS algorithm takes.
func noJWSKey(k *jwk.Key, op jwk.Op) *cliError {
	alg := k.Alg
	if !slices.Contains(jws.Algorithms(), alg) {
		switch implied := impliedAlgs(k); {
		case len(implied) > 0:
			alg = implied[0]
		case k.KeyType() == "RSA" || k.KeyType() == "oct":
			alg = suggestAlg(k)
		default:
			alg = ""
		}
	}
	if alg != "" {
		if err := k.CheckUse(alg, op); err != nil {
			return failf("the %s key cannot %s a JWS: %v", keyTypeName(k), op, err).withHint(noJWSKeyHint)
		}
	}
	return failf("the %s key cannot %s a JWS", keyTypeName(k), op).withHint(noJWSKeyHint)
}

// noJWSKeyHint answers a key that no JWS algorithm may use.
const noJWSKeyHint = "a JWS is signed with an EC, Ed25519 or RSA key or a secret whose \"use\", \"key_ops\" and \"alg\" allow it; X25519 keys and keys for encryption cannot (lwscrypto jwk gen --alg ES256 makes a signing key)"

// algFamily lists, for a hint, the algorithms of a key that determines
// none.
func algFamily(k *jwk.Key) string {
	switch k.KeyType() {
	case "RSA":
		return "RSA keys: RS256, RS384, RS512, PS256, PS384, PS512"
	case "oct":
		return "secrets: HS256, HS384, HS512"
	}
	return "the key type is " + keyTypeName(k)
}

func keyTypeName(k *jwk.Key) string {
	if c := k.Curve(); c != "" {
		return k.KeyType() + " " + c
	}
	return k.KeyType()
}

func runJWSSign(e *env, args []string) error {
	c := commands["jws sign"]
	fs := newFlags(c)
	var keyPaths keysFlag
	fs.Var(&keyPaths, "key", "the signing key: a JWK, a JWK Set with one private key, or a PEM file; \"-\" reads it from standard input (the input must then be FILE); repeat it with --json for one signature per key")
	alg := fs.String("alg", "", "the algorithm (default: the key's \"alg\", else the one an EC or Ed25519 key determines: ES256, ES384, ES512, EdDSA; RSA and oct keys need it); with several --key, one algorithm for all or a comma-separated list of one per --key, in order; a name that is no JWS algorithm is a usage error (exit 2), one the key cannot do is invalid input (exit 1)")
	asJSON := fs.Bool("json", false, "write the JSON serialization instead of compact: flattened for one --key, general (a \"signatures\" array, one per key) for several")
	detached := fs.Bool("detached", false, "leave the payload out of the output (RFC 7515 Appendix F)")
	unencoded := fs.Bool("unencoded", false, "sign the payload as is, not base64url-encoded (RFC 7797 \"b64\": false)")
	outPath := fs.String("o", "", "write to this file instead of standard output")
	pos, err := parseFlags(e, c, fs, args)
	if err != nil {
		return err
	}
	file, err := inputArg(pos)
	if err != nil {
		return err
	}
	if len(keyPaths) > 1 {
		return runJWSSignMulti(e, keyPaths, *alg, file, *asJSON, *detached, *unencoded, *outPath)
	}
	keyPath := keyPaths.first()
	if err := keyStdinClash(e, keyPath, pos); err != nil {
		return err
	}
	k, a, err := signingKey(e, keyPath, *alg)
	if err != nil {
		return err
	}
	sk := jws.SigningKey{Alg: a, Key: k}
	opts := &jws.SignOptions{Unencoded: *unencoded, Detached: *detached}
	var out []byte
	var keyPayload bool // the payload in the output holds a private key
	if *detached && !*asJSON {
		// Streams: the payload is never held in memory (Ed25519 aside).
		r, err := openInput(e, file)
		if err != nil {
			return err
		}
		defer r.Close()
		out, err = jws.SignReader(r, sk, opts)
		if err != nil {
			return failf("%v", err)
		}
	} else {
		payload, err := readInput(e, file)
		if err != nil {
			return err
		}
		// Allowed (the payload is the caller's), but most likely the --key
		// file given again as FILE: said, once the JWS is written.
		keyPayload = !*detached && holdsPrivateKey(payload)
		if *asJSON {
			out, err = jws.SignJSON(payload, []jws.SigningKey{sk}, true, opts)
		} else {
			out, err = jws.Sign(payload, sk, opts)
		}
		if err != nil {
			if *unencoded && bytes.IndexByte(payload, '.') >= 0 {
				return hinted(err, "an unencoded payload containing '.' must be --detached or --json")
			}
			return failf("%v", err)
		}
	}
	// An unencoded payload is in the output as it is: on a terminal, JSON
	// is escaped, and a compact JWS a terminal would act on is refused,
	// as jws verify refuses such a payload.
	if *asJSON {
		err = writeJSONOut(e, *outPath, append(out, '\n'), false)
	} else {
		if *unencoded && *outPath == "" && isTerminal(e.stdout) && !printable(out) {
			return usagef("the payload holds bytes a terminal would act on (control characters, or not UTF-8), and --unencoded writes it as it is; refusing to write it to the terminal").
				withHint("use -o FILE or a pipe; force it with -o -")
		}
		err = writeOut(e, *outPath, append(out, '\n'))
	}
	if err == nil && keyPayload {
		fmt.Fprintln(e.stderr, "lwscrypto: warning: the payload holds a private or secret key; the JWS carries it readable by anyone who sees the token")
		fmt.Fprintln(e.stderr, "lwscrypto: hint: sign the public key instead (lwscrypto jwk pub), or use --detached; was FILE meant to be another file than --key?")
	}
	return err
}

// keysFlag is jws sign's --key: repeatable (with --json), one key file per
// value.
type keysFlag []string

func (k *keysFlag) String() string     { return strings.Join(*k, ", ") }
func (*keysFlag) repeatable()          {}
func (k *keysFlag) Set(s string) error { *k = append(*k, s); return nil }

// hasEmpty reports whether a --key was empty, which parseFlags refuses.
func (k *keysFlag) hasEmpty() bool { return slices.Contains(*k, "") }

// first is the one --key, or "" (no key given, which loadKey refuses).
func (k keysFlag) first() string {
	if len(k) == 0 {
		return ""
	}
	return k[0]
}

// runJWSSignMulti is jws sign with several --key: the general JSON
// serialization, one signature per key, each with its key's algorithm
// (its "alg", or the one its type determines) or, with --alg, the one
// algorithm given for all keys or the one at the key's position in a
// comma-separated list.
func runJWSSignMulti(e *env, keyPaths []string, flagAlg, file string, asJSON, detached, unencoded bool, outPath string) error {
	if !asJSON {
		return usagef("%d --key given, but a compact JWS holds one signature", len(keyPaths)).
			withHint("add --json for the general JSON serialization, one signature per key")
	}
	if len(keyPaths) > jws.MaxSignatures {
		return usagef("%d --key given; a JWS holds at most %d signatures", len(keyPaths), jws.MaxSignatures)
	}
	if slices.Contains(keyPaths, "-") {
		return usagef("--key - with several --key: standard input holds one key").
			withHint("give every key as a file")
	}
	algs := make([]string, len(keyPaths))
	if flagAlg != "" {
		list := strings.Split(flagAlg, ",")
		switch len(list) {
		case 1:
			for i := range algs {
				algs[i] = list[0]
			}
		case len(keyPaths):
			copy(algs, list)
		default:
			return usagef("--alg %s names %d algorithms for %d --key", flagAlg, len(list), len(keyPaths)).
				withHint("give one algorithm for every key, or one per --key in the same order (e.g. --alg ES256,EdDSA)")
		}
		for i, a := range algs {
			if algs[i] = strings.TrimSpace(a); algs[i] == "" {
				return usagef("--alg %s names an empty algorithm", flagAlg).withHint("one algorithm per --key, comma-separated: --alg ES256,EdDSA")
			}
		}
	}
	sks := make([]jws.SigningKey, len(keyPaths))
	for i, p := range keyPaths {
		if e.namesStdin(p) {
			return usagef("--key %s is standard input; with several --key, give every key as a file", p)
		}
		k, a, err := signingKey(e, p, algs[i])
		if err != nil {
			// Say which key, by position (a path that names no file
			// is not echoed: it may be the secret itself).
			if ce, ok := err.(*cliError); ok {
				ce.err = fmt.Errorf("--key %d of %d: %w", i+1, len(keyPaths), ce.err)
			}
			return err
		}
		sks[i] = jws.SigningKey{Alg: a, Key: k}
	}
	payload, err := readInput(e, file)
	if err != nil {
		return err
	}
	out, err := jws.SignJSON(payload, sks, false, &jws.SignOptions{Unencoded: unencoded, Detached: detached})
	if err != nil {
		return failf("%v", err)
	}
	err = writeJSONOut(e, outPath, append(out, '\n'), false)
	if err == nil && !detached && holdsPrivateKey(payload) {
		fmt.Fprintln(e.stderr, "lwscrypto: warning: the payload holds a private or secret key; the JWS carries it readable by anyone who sees the token")
		fmt.Fprintln(e.stderr, "lwscrypto: hint: sign the public key instead (lwscrypto jwk pub), or use --detached; was FILE meant to be another file than --key?")
	}
	return err
}

// holdsPrivateKey reports whether payload is key material holding a
// private or secret key: what a KEY argument could be (a JWK, a JWK Set,
// PEM or DER), or a JWK Set or PEM text that a KEY argument may not be
// (public and private keys mixed, several private keys) but whose keys
// each parse. Payloads larger than a key file are not looked at; JSON
// that merely has "d" or "k" members is no key.
func holdsPrivateKey(payload []byte) bool {
	if len(payload) > maxKeyFile {
		return false
	}
	if set, _, err := parseKeyData(payload); err == nil {
		return slices.ContainsFunc(set.Keys, (*jwk.Key).IsPrivate)
	}
	// Each key is parsed, at most maxKeyLook of them: a payload of many
	// keys that fail to parse costs no more than one of a few.
	look := 0
	private := func(k *jwk.Key, err error) bool { look++; return err == nil && k.IsPrivate() }
	t := bytes.TrimSpace(payload)
	if len(t) > 0 && t[0] == '{' { // a JWK Set ParseSet refuses: each key
		o, err := jose.ParseObject(t)
		if err != nil {
			return false
		}
		// An object both a JWK and a JWK Set (ParseAny refuses it as
		// ambiguous): the object as a key, then each key of the set,
		// its "keys" named in any case.
		if private(jwk.Parse(t)) {
			return true
		}
		var m jose.Member
		for _, c := range o.Members {
			if strings.EqualFold(c.Name, "keys") {
				m = c
			}
		}
		if m.Kind() != jose.KindArray {
			return false
		}
		found := false
		jose.EachElement(m.Value, func(el []byte) error {
			if found = private(jwk.Parse(el)); found || look == maxKeyLook {
				return errStopLook
			}
			return nil
		})
		return found
	}
	for rest := payload; look < maxKeyLook; { // PEM of several keys: each block
		var b *pem.Block
		if b, rest = pem.Decode(rest); b == nil {
			return false
		}
		if strings.HasSuffix(b.Type, "PRIVATE KEY") && private(jwk.ParsePEM(appendPEM(nil, b))) {
			return true
		}
	}
	return false
}

// maxKeyLook bounds the keys holdsPrivateKey parses one by one.
const maxKeyLook = 16

// errStopLook ends holdsPrivateKey's walk through a JWK Set's keys.
var errStopLook = errors.New("stop")

// verificationKey loads KEY for a verify command and returns it with the
// algorithms the caller allows: --alg if given, else the key's own "alg".
// The key is a *jwk.Key for a single key (a JWK or PEM file), used
// whatever the token's "kid", and a *jwk.Set for a JWK Set, even of one
// key, which selects by "kid".
func verificationKey(e *env, keyPath, flagAlg string) (key any, algs []string, err error) {
	if flagAlg != "" { // its usage errors before the key is read (--key -)
		if _, err := verifyAlgs(nil, flagAlg); err != nil {
			return nil, nil, err
		}
	}
	set, isSet, err := loadKey(e, keyPath)
	if err != nil {
		return nil, nil, err
	}
	if len(set.Keys) == 0 {
		if keyPath == "-" {
			keyPath = "standard input"
		}
		return nil, nil, failf("key %s: the JWK Set holds no key this tool supports", keyPath).
			withHint("keys of a type or curve this tool does not support are skipped when a JWK Set is read")
	}
	if algs, err = verifyAlgs(set, flagAlg); err != nil {
		return nil, nil, err
	}
	if !isSet {
		return set.Keys[0], algs, nil
	}
	return set, algs, nil
}

// verifyAlgs returns the allow-list: --alg, or the "alg" of every key.
func verifyAlgs(set *jwk.Set, flagAlg string) ([]string, error) {
	if flagAlg != "" {
		var algs []string
		for _, a := range strings.Split(flagAlg, ",") {
			// An empty name ("ES256,", --alg "$EXTRA,ES256" with EXTRA
			// unset) is refused as an empty --alg is, not dropped.
			if a = strings.TrimSpace(a); a == "" {
				return nil, usagef("--alg %s names an empty algorithm", flagAlg).withHint("a comma-separated list of algorithms: --alg ES256,EdDSA")
			}
			if err := jwsAlgFlag(a, true); err != nil {
				return nil, err
			}
			algs = append(algs, a)
		}
		return algs, nil
	}
	seen := map[string]bool{}
	for _, k := range set.Keys {
		// A key no JWS algorithm may use to verify (an encryption key of
		// a JWK Set that holds both kinds: "use":"enc", a JWE "alg", an
		// X25519 key) adds nothing to the allow-list: its "alg" would
		// make the verifier refuse the whole set.
		if len(jwsAlgsFor(k, jwk.OpVerify)) == 0 {
			continue
		}
		if k.Alg != "" {
			seen[k.Alg] = true
			continue
		}
		// An EC or Ed25519 key determines its algorithm; the verifier
		// binds each key to it (jwk.Key.CheckUse), so a key of a set is
		// never tried with another's.
		implied := impliedAlgs(k)
		if len(implied) == 0 {
			return nil, usagef("the %s key has no \"alg\", so the expected algorithm is unknown; pass --alg", keyTypeName(k)).
				withHint(fmt.Sprintf("for example --alg %s (never accept an algorithm just because the token names it)", suggestAlg(k)))
		}
		for _, a := range implied {
			seen[a] = true
		}
	}
	if len(seen) == 0 {
		if len(set.Keys) == 1 {
			return nil, noJWSKey(set.Keys[0], jwk.OpVerify)
		}
		return nil, failf("no key of the JWK Set can verify a JWS").withHint(noJWSKeyHint)
	}
	algs := make([]string, 0, len(seen))
	for a := range seen {
		algs = append(algs, a)
	}
	sort.Strings(algs)
	return algs, nil
}

// jwsAlgFlag refuses an --alg name that is no JWS algorithm ("none", a
// typo, a JWE algorithm): the command line is wrong whatever the key and
// the input, a usage error (exit 2). An algorithm the key cannot do is
// the key file's fault instead (exit 1, from CheckUse or the verifier).
func jwsAlgFlag(name string, verify bool) error {
	if slices.Contains(jws.Algorithms(), name) {
		return nil
	}
	what := "signing"
	if verify {
		what = "verification"
	}
	why := "is not a JWS algorithm"
	if strings.EqualFold(name, "none") {
		why = "is never accepted"
	}
	return usagef("--alg %s %s", jose.QuoteName(name), why).
		withHint(fmt.Sprintf("name a JWS %s algorithm: %s (\"none\" is never accepted)", what, strings.Join(jws.Algorithms(), ", ")))
}

func suggestAlg(k *jwk.Key) string {
	switch k.KeyType() {
	case "RSA":
		return "RS256"
	case "oct":
		return "HS256"
	case "OKP":
		return "EdDSA"
	}
	switch k.Curve() {
	case "P-384":
		return "ES384"
	case "P-521":
		return "ES512"
	}
	return "ES256"
}

// newVerifier builds a verifier for key, as verificationKey returns it.
func newVerifier(key any, algs []string, flagAlg string) (*jws.Verifier, error) {
	v, err := jws.NewVerifier(key, algs)
	if err != nil {
		return nil, verifierError(err, algs, flagAlg)
	}
	return v, nil
}

// verifierError explains why no verifier could be built: an algorithm that
// is never accepted ("none", an unknown name) given with --alg is the
// flag's fault, not the key's; otherwise the key does not fit the
// algorithms. Both exit 1; a name that is no JWS algorithm at all is
// refused before, by jwsAlgFlag (exit 2).
func verifierError(err error, algs []string, flagAlg string) error {
	if flagAlg != "" && errors.Is(err, jose.ErrAlgorithm) {
		return hinted(fmt.Errorf("--alg %s: %w", flagAlg, err), "name the algorithm(s) to accept, e.g. --alg ES256 or --alg RS256,PS256 (\"none\" is never accepted)")
	}
	return hinted(err, "the key must fit the algorithm: "+strings.Join(algs, ", "))
}

// tokenInput reads the token, dropping surrounding whitespace (a shell
// redirect adds a newline; a JWS has none of its own).
func tokenInput(e *env, pos []string) ([]byte, error) {
	file, err := inputArg(pos)
	if err != nil {
		return nil, err
	}
	b, err := readInput(e, file)
	if err != nil {
		return nil, err
	}
	b = bytes.TrimSpace(b)
	if len(b) == 0 {
		return nil, failf("empty input: no token")
	}
	if err := checkBOM(b); err != nil {
		return nil, hinted(err, bomHint)
	}
	return b, nil
}

// verifyHint explains a verification failure of token tok without
// weakening it.
func verifyHint(err error, algs []string, tok []byte) string {
	switch {
	case errors.Is(err, jose.ErrAlgorithm):
		return "the token's \"alg\" is not among the expected: " + strings.Join(algs, ", ")
	case errors.Is(err, jose.ErrKey):
		return "no key of KEY fits the token's algorithm and \"kid\""
	case errors.Is(err, jose.ErrCrit):
		if _, perr := jws.Parse(tok); errors.Is(perr, jose.ErrCrit) {
			// refused by the parser: not an extension, a "crit" (or
			// "b64") that breaks the RFC, whatever a verifier knows
			return "the token's \"crit\" or \"b64\" breaks RFC 7515 §4.1.11 or RFC 7797 §6, so no verifier accepts it"
		}
		return "the token has critical header parameters this tool does not understand"
	case errors.Is(err, jose.ErrVerify):
		return "the signature does not match this key and payload"
	}
	return ""
}

func runJWSVerify(e *env, args []string) error {
	c := commands["jws verify"]
	fs := newFlags(c)
	keyPath := fs.String("key", "", "the verification key: a JWK, a JWK Set (selected by \"kid\") or a PEM file; \"-\" reads it from standard input (the input must then be FILE)")
	alg := fs.String("alg", "", "the expected algorithm(s), comma-separated (default: each key's \"alg\", else what an EC or Ed25519 key determines: ES256, ES384 or ES512 by curve, EdDSA or Ed25519 (RFC 9864); RSA and oct keys need it; keys for encryption, such as a JWK Set's \"use\":\"enc\" or X25519 keys, are left out); a name that is no JWS algorithm is a usage error (exit 2), one the key cannot do is invalid input (exit 1)")
	payloadPath := fs.String("payload", "", "the detached payload (streamed; required for a JWS without payload); it is not printed again: exit status 0 says it verified; \"-\" reads it from standard input (the JWS must then be FILE)")
	outPath := fs.String("o", "", "write the payload to this file instead of standard output")
	pos, err := parseFlags(e, c, fs, args)
	if err != nil {
		return err
	}
	// Usage errors first, before any input is read.
	if err := keyStdinClash(e, *keyPath, pos); err != nil {
		return err
	}
	if *payloadPath != "" && *outPath != "" {
		return usagef("-o has no use with --payload: the payload is not printed, it is the --payload file")
	}
	// --payload - (or a name of standard input, /dev/stdin): refused
	// here, before the key or the JWS is read from standard input.
	if *payloadPath == "-" || (*payloadPath != "" && e.namesStdin(*payloadPath)) {
		file, err := inputArg(pos)
		if err != nil {
			return err
		}
		if *keyPath == "-" || e.namesStdin(*keyPath) { // the key would be standard input too
			if err := e.claimStdin("the key"); err != nil {
				return err
			}
			return e.claimStdin("the payload")
		}
		if file == "" || e.namesStdin(file) { // the JWS would be standard input too
			if err := e.claimStdin("the input"); err != nil {
				return err
			}
			return e.claimStdin("the payload")
		}
	}
	key, algs, err := verificationKey(e, *keyPath, *alg)
	if err != nil {
		return err
	}
	v, err := newVerifier(key, algs, *alg)
	if err != nil {
		return err
	}
	tok, err := tokenInput(e, pos)
	if err != nil {
		return err
	}
	if *payloadPath != "" {
		var f io.Reader = e.stdin
		if *payloadPath == "-" {
			if err := e.claimStdin("the payload"); err != nil {
				return err
			}
		} else {
			pf, err := os.Open(*payloadPath)
			if err != nil {
				return openError("--payload", *payloadPath, err, "%v")
			}
			defer pf.Close()
			if err := e.claimIfStdin(pf, "the payload"); err != nil {
				return err
			}
			e.noteInput(pf, *payloadPath)
			f = pf
		}
		if _, err := v.VerifyReader(tok, f); err != nil {
			return hinted(err, verifyHint(err, algs, tok))
		}
		return nil // the payload is the caller's file: nothing to print
	}
	res, err := v.Verify(tok)
	if err != nil {
		if m, perr := jws.Parse(tok); perr == nil && m.Detached() {
			return hinted(err, "the JWS has a detached payload: pass it with --payload FILE")
		}
		return hinted(err, verifyHint(err, algs, tok))
	}
	// The payload goes out byte for byte, so on a terminal it cannot be
	// escaped: what a terminal would act on is refused there ("-o -"
	// forces it, as in age).
	if *outPath == "" && isTerminal(e.stdout) && !printable(res.Payload) {
		return usagef("the payload verified, but it holds bytes a terminal would act on (control characters, or not UTF-8); refusing to write it to the terminal").
			withHint("use -o FILE or a pipe; force it with -o -")
	}
	return writeOut(e, *outPath, res.Payload)
}

// printable reports whether b is UTF-8 text a terminal shows as it is:
// nothing terminalSafe would escape but tabs and line ends (LF, or CR LF:
// a CR alone returns to the line's start, and what follows hides what
// came before it).
func printable(b []byte) bool {
	for len(b) > 0 {
		r, n := utf8.DecodeRune(b)
		switch {
		case r == '\r' && len(b) > 1 && b[1] == '\n', r == '\t', r == '\n':
		case r == utf8.RuneError && n == 1, terminalActs(r):
			return false
		}
		b = b[n:]
	}
	return true
}
