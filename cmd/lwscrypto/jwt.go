package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/lwscrypto/lwscrypto/jose"
	"github.com/lwscrypto/lwscrypto/jose/jws"
	"github.com/lwscrypto/lwscrypto/jose/jwt"
	"github.com/lwscrypto/lwscrypto/lejp"
)

func init() {
	register(&command{path: "jwt sign", args: "--key KEY [--alg ALG] [--iss S] [--sub S] [--aud S[,S]] [--exp DURATION] [--claims JSON|@FILE] [-o FILE]",
		summary: "issue a JWT (iat is now; exp is now + DURATION)", run: runJWTSign})
	register(&command{path: "jwt verify", args: "--key KEY [--alg ALG[,ALG]] [--iss S]... [--aud S[,S] | --any-aud] [--require CLAIM[,CLAIM]] [--leeway D] [-o FILE] [FILE]",
		summary: "verify a JWT (signature, then exp/nbf/iat/iss/aud) and print its claims JSON", run: runJWTVerify})
	register(&command{path: "jwt inspect", args: "[--json] [-o FILE] [FILE]",
		summary: "decode a JWT WITHOUT verifying it, for people: header, claims, times in UTC and relative", run: runJWTInspect})
}

// now is the CLI's clock; tests may pin it.
var now = time.Now

func runJWTSign(e *env, args []string) error {
	c := commands["jwt sign"]
	fs := newFlags(c)
	keyPath := fs.String("key", "", "the signing key: a JWK, a JWK Set with one private key, or a PEM file; \"-\" reads it from standard input")
	alg := fs.String("alg", "", "the algorithm (default: the key's \"alg\", else the one an EC or Ed25519 key determines: ES256, ES384, ES512, EdDSA; RSA and oct keys need it); a name that is no JWS algorithm is a usage error (exit 2), one the key cannot do is invalid input (exit 1)")
	iss := fs.String("iss", "", "issuer (\"iss\")")
	sub := fs.String("sub", "", "subject (\"sub\")")
	var aud audFlag
	fs.Var(&aud, "aud", "`audience` (\"aud\"); comma-separated or repeated for several")
	exp := fs.String("exp", "", "lifetime: \"exp\" is now plus this Go duration (15m, 1h30m); a token with no \"exp\" never expires (signed, with a warning)")
	claims := fs.String("claims", "", "further claims: a JSON object, or @FILE (@- for standard input)")
	outPath := fs.String("o", "", "write to this file instead of standard output")
	pos, err := parseFlags(e, c, fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usagef("jwt sign takes no FILE; claims come from flags and --claims")
	}
	t := now().Truncate(time.Second)
	cs := &jwt.ClaimSet{Issuer: *iss, Subject: *sub, IssuedAt: t}
	cs.Audience = aud // none is empty: parseFlags refuses that
	if *exp != "" {
		d, err := time.ParseDuration(*exp)
		if err != nil {
			return usagef("--exp: %v", err).withHint("a Go duration such as 15m, 2h or 1h30m")
		}
		cs.ExpiresAt = t.Add(d)
	}
	// claimsKey: --claims holds a private or secret key.
	var claimsKey bool
	if *keyPath == "-" || e.namesStdin(*keyPath) { // claimed now, so that --claims @- is refused before anything is read
		if err := e.claimStdin("the key"); err != nil {
			return err
		}
	}
	if *claims != "" {
		raw := []byte(*claims)
		name, inFile := strings.CutPrefix(*claims, "@")
		if inFile {
			if raw, err = readClaimsFile(e, name); err != nil {
				return err
			}
		}
		// Claims given inline are the command line's fault, as "--exp x"
		// is (exit 2); in @FILE they are invalid input (exit 1).
		claimsError := func(err error, hint string) error {
			ce := hinted(fmt.Errorf("--claims: %w", err), hint)
			ce.usage = !inFile
			return ce
		}
		if err := checkBOM(raw); err != nil {
			return claimsError(err, bomHint)
		}
		o, err := jose.ParseObject(bytes.TrimSpace(raw))
		if err != nil {
			return claimsError(err, "--claims takes one JSON object, e.g. '{\"scope\":\"read\"}'")
		}
		// Registered claims of the wrong type or out of range, checked
		// alone so that the error is --claims' (jwt.Sign would check
		// them only after the key is read, blaming no one).
		if _, err := (&jwt.ClaimSet{Extra: o.Members}).AppendJSON(nil); err != nil {
			return claimsError(err, "iss, sub and jti are strings, aud a string or an array of strings, exp, nbf and iat numbers of seconds")
		}
		set := map[string]bool{"iss": *iss != "", "sub": *sub != "", "aud": len(cs.Audience) > 0, "exp": *exp != "", "iat": true}
		for _, m := range o.Members {
			if set[m.Name] {
				if m.Name == "iat" {
					cs.IssuedAt = time.Time{} // --claims sets it
					set["iat"] = false
				} else {
					return usagef("claim %q is given both by a flag and by --claims", m.Name)
				}
			}
			cs.Extra = append(cs.Extra, m)
		}
		claimsKey = holdsPrivateKey(raw)
	}
	k, a, err := signingKey(e, *keyPath, *alg)
	if err != nil {
		return err
	}
	tok, err := jwt.Sign(cs, jws.SigningKey{Alg: a, Key: k})
	if err != nil {
		return failf("%v", err)
	}
	if err := writeOut(e, *outPath, append(tok, '\n')); err != nil {
		return err
	}
	// Allowed (tests of a validator need such tokens), but most likely a
	// sign slip (--exp -5m) or a stale "exp" in --claims: say so.
	// No "exp" at all is allowed too (RFC 7519 makes it optional), but
	// such a token is good for as long as its key is: say so, once.
	if _, c, err := jwt.Inspect(tok); err == nil {
		if x, ok := c.ExpiresAt(); ok && !x.After(t) {
			fmt.Fprintf(e.stderr, "lwscrypto: warning: the token has already expired (exp %s, %s); every verifier refuses it\n",
				x.UTC().Format("2006-01-02 15:04:05 UTC"), relative(x, t))
		} else if _, present := c.Get("exp"); !present {
			fmt.Fprintln(e.stderr, "lwscrypto: warning: the token has no \"exp\": it never expires, and is good for as long as its key is")
			fmt.Fprintln(e.stderr, "lwscrypto: hint: give it a lifetime with --exp, e.g. --exp 15m")
		}
	}
	if claimsKey {
		// Allowed (the claims are the caller's), but most likely the
		// --key file given again as --claims @FILE: say what the token
		// carries, once it is written.
		fmt.Fprintln(e.stderr, "lwscrypto: warning: the claims hold a private or secret key; the JWT carries it readable by anyone who sees the token")
		fmt.Fprintln(e.stderr, "lwscrypto: hint: was --claims @FILE meant to name another file than --key?")
	}
	return nil
}

// maxClaimsFile bounds --claims @FILE, which is read whole (@/dev/zero
// must not fill the memory).
const maxClaimsFile = 1 << 20

// readClaimsFile reads --claims @FILE; "-" is standard input.
func readClaimsFile(e *env, name string) ([]byte, error) {
	var r io.Reader = e.stdin
	if name == "-" {
		if err := e.claimStdin("the claims"); err != nil {
			return nil, err
		}
		e.noteInput(r, "redirected to standard input (--claims @-)")
	} else {
		f, err := os.Open(name)
		if err != nil {
			return nil, openError("--claims @FILE", name, err, "--claims: %v")
		}
		defer f.Close()
		if err := e.claimIfStdin(f, "the claims"); err != nil {
			return nil, err
		}
		e.noteInput(f, name)
		r = f
	}
	b, err := readLimited(r, maxClaimsFile)
	if err != nil {
		return nil, failf("--claims @%s: %v", name, err)
	}
	return b, nil
}

func runJWTVerify(e *env, args []string) error {
	c := commands["jwt verify"]
	fs := newFlags(c)
	keyPath := fs.String("key", "", "the verification key: a JWK, a JWK Set (selected by \"kid\") or a PEM file; \"-\" reads it from standard input (the input must then be FILE)")
	alg := fs.String("alg", "", "the expected algorithm(s), comma-separated (default: each key's \"alg\", else what an EC or Ed25519 key determines: ES256, ES384 or ES512 by curve, EdDSA or Ed25519 (RFC 9864); RSA and oct keys need it; keys for encryption, such as a JWK Set's \"use\":\"enc\" or X25519 keys, are left out); a name that is no JWS algorithm is a usage error (exit 2), one the key cannot do is invalid input (exit 1)")
	var iss issFlag
	fs.Var(&iss, "iss", "require this `issuer`; repeated: any one of them (not split at commas: an issuer is a URL)")
	var require audFlag
	fs.Var(&require, "require", "require these `claims` to be present (e.g. exp); comma-separated or repeated")
	var aud audFlag
	fs.Var(&aud, "aud", "require this `audience`; comma-separated or repeated: any one of them. A token that has \"aud\" is refused without it (RFC 7519 §4.1.3)")
	anyAud := fs.Bool("any-aud", false, "accept a token whatever its \"aud\" says (where the audience is checked elsewhere)")
	leeway := fs.Duration("leeway", 0, "clock skew allowed for exp, nbf and iat (e.g. 30s)")
	outPath := fs.String("o", "", "write to this file instead of standard output")
	pos, err := parseFlags(e, c, fs, args)
	if err != nil {
		return err
	}
	if err := keyStdinClash(e, *keyPath, pos); err != nil {
		return err
	}
	if *anyAud && len(aud) > 0 {
		return usagef("--any-aud and --aud: give one of them").withHint("--aud names the audiences to accept; --any-aud accepts any")
	}
	if *leeway < 0 {
		return usagef("--leeway %v: a clock skew allowance cannot be negative", *leeway).withHint("for example --leeway 30s")
	}
	key, algs, err := verificationKey(e, *keyPath, *alg)
	if err != nil {
		return err
	}
	auds := []string(aud)
	val := jwt.Validator{Issuers: iss, Audiences: auds, Required: require, Leeway: *leeway, Now: now, AnyAudience: *anyAud}
	v, err := jwt.NewVerifier(key, algs, val)
	if err != nil {
		return verifierError(err, algs, *alg)
	}
	tok, err := tokenInput(e, pos)
	if err != nil {
		return err
	}
	claims, err := v.Verify(tok)
	if err != nil {
		return hinted(err, jwtHint(err, tok, algs, len(auds) == 0))
	}
	out := append(bytes.Clone(claims.Raw), '\n')
	return writeJSONOut(e, *outPath, out, false)
}

// issFlag is jwt verify's --iss: repeatable, each value one issuer (a
// URL may hold a comma), each kept once.
type issFlag []string

func (i *issFlag) String() string { return strings.Join(*i, " ") }
func (*issFlag) repeatable()      {}

// hasEmpty reports whether a value of --iss was empty, which parseFlags
// refuses.
func (i *issFlag) hasEmpty() bool { return slices.Contains(*i, "") }

// Set adds the issuer s, once.
func (i *issFlag) Set(s string) error {
	if s == "" || !slices.Contains(*i, s) {
		*i = append(*i, s)
	}
	return nil
}

// audFlag is --aud (and jwt verify's --require): repeatable, each value a
// comma-separated list; the names in the order first given, each once.
type audFlag []string

func (a *audFlag) String() string { return strings.Join(*a, ",") }
func (*audFlag) repeatable()      {}

// hasEmpty reports whether a value of --aud was empty ("", "a,,b"), which
// parseFlags refuses.
func (a *audFlag) hasEmpty() bool { return slices.Contains(*a, "") }

// Set adds the comma-separated audiences of s, each trimmed of spaces
// around it (as --alg's names are) and each once; an empty one ("",
// "a,,b", " ") is kept for hasEmpty to refuse.
func (a *audFlag) Set(s string) error {
	for _, v := range strings.Split(s, ",") { // "" is one empty element
		if v = strings.TrimSpace(v); v == "" || !slices.Contains(*a, v) {
			*a = append(*a, v)
		}
	}
	return nil
}

// hintNotClaims explains a compact JWS whose header reads but whose
// payload is not a JWT claims set.
const hintNotClaims = "the token is a JWS whose payload is not a JSON claims set, so not a JWT; 'lwscrypto jws verify' checks any payload"

// notClaimsPayload reports whether tok is a compact JWS whose payload is
// not a JSON object at all. One that is an object the claims reader
// refused (a repeated claim, an "exp" that is no number) is a JWT that is
// wrong, which the error names: the hint would send it to 'jws verify'.
func notClaimsPayload(tok []byte) bool {
	m, err := jws.ParseCompact(tok)
	if err != nil {
		return false
	}
	p, ok := m.UnverifiedPayload()
	if !ok {
		return false
	}
	p = bytes.TrimLeft(p, " \t\r\n")
	return len(p) == 0 || p[0] != '{'
}

// jwtHint explains a failure. Times come from the (already rejected)
// token, which is fine for a message.
func jwtHint(err error, tok []byte, algs []string, noAud bool) string {
	h, c, _ := jwt.Inspect(tok)
	var auds []string
	if c != nil {
		auds, _ = c.Audience()
	}
	// the claim the Validator refused ("iss" or "aud": jwt verify sets no
	// other), so that the hint speaks of the right flag
	var refused string
	if ce := (*jwt.ClaimError)(nil); errors.As(err, &ce) {
		refused = ce.Claim
	}
	switch {
	case errors.Is(err, jwt.ErrClaimMismatch) && refused == "aud" && noAud && auds != nil:
		q := make([]string, len(auds))
		for i, a := range auds {
			q[i] = strconv.Quote(a)
		}
		if len(q) > 4 {
			q = append(q[:4], "…")
		}
		return "the token is for audience " + strings.Join(q, ", ") + "; give yours with --aud, or --any-aud to accept any"
	case errors.Is(err, jwt.ErrExpired) && c != nil:
		t, _ := c.ExpiresAt()
		return "expired at " + t.Format(time.RFC3339) + " (" + relative(t, now()) + "); --leeway allows clock skew"
	case errors.Is(err, jwt.ErrNotYetValid) && c != nil:
		t, _ := c.NotBefore()
		return "not valid before " + t.Format(time.RFC3339) + " (" + relative(t, now()) + ")"
	case errors.Is(err, jwt.ErrClaimMismatch) && (refused == "iss" || refused == "aud"):
		return "the token's \"" + refused + "\" differs from --" + refused + " (run 'lwscrypto jwt inspect' to see it)"
	case errors.Is(err, jwt.ErrClaimMismatch):
		return "the token's iss/aud differ from --iss/--aud (run 'lwscrypto jwt inspect' to see them)"
	case errors.Is(err, jose.ErrMalformed) && h != nil && c == nil && notClaimsPayload(tok):
		return hintNotClaims
	case errors.Is(err, jose.ErrMalformed):
		return malformedHint(tok)
	}
	return verifyHint(err, algs, tok)
}

const (
	// hintNotCompact explains a token that is not a compact JWS.
	hintNotCompact = "a JWT is one compact JWS: three base64url parts separated by '.'"
	// hintHeaderRules explains a compact JWS whose header breaks a rule
	// of RFC 7515 every verifier holds.
	hintHeaderRules = "the token has the form of a JWS, but its header breaks a rule of RFC 7515 that every verifier enforces, so none accepts it"
)

// malformedHint is the hint for a token refused as malformed: the
// three-part form, unless tok has it, where that hint would mislead. Then
// it is the header's content if jws.ParseCompact refuses the token (a
// missing "alg", a "crit" or "b64" against RFC 7515 §4.1.11 or RFC 7797
// §6), else none: the error names what is wrong (a claims set that does
// not read, "b64": false, a detached payload).
func malformedHint(tok []byte) string {
	if !compactShape(tok) {
		return hintNotCompact
	}
	if _, err := jws.ParseCompact(tok); err != nil {
		return hintHeaderRules
	}
	return ""
}

// compactShape reports whether tok has the form of a compact JWS: three
// parts, a protected header that reads as a JOSE header, a payload in
// base64url (unless "b64" is false) and a non-empty base64url signature.
func compactShape(tok []byte) bool {
	parts := bytes.SplitN(tok, []byte("."), 4)
	if len(parts) != 3 {
		return false
	}
	h, err := jose.ParseProtected(parts[0])
	if err != nil || h.B64 && !jose.ValidBase64URL(parts[1]) {
		return false
	}
	sig, err := jose.DecodeBase64URL(parts[2])
	return err == nil && len(sig) > 0
}

func runJWTInspect(e *env, args []string) error {
	c := commands["jwt inspect"]
	fs := newFlags(c)
	asJSON := fs.Bool("json", false, "machine-readable output: {\"verified\":false,\"header\":…,\"claims\":…}")
	pos, err := parseFlags(e, c, fs, args)
	if err != nil {
		return err
	}
	tok, err := tokenInput(e, pos)
	if err != nil {
		return err
	}
	h, claims, err := jwt.Inspect(tok)
	if err != nil {
		if h != nil { // a JWS whose payload is refused as a claims set
			if notClaimsPayload(tok) {
				return hinted(err, hintNotClaims)
			}
			return err
		}
		return hinted(err, malformedHint(tok))
	}
	if *asJSON {
		var w lejp.Writer
		w.BeginObject()
		w.Name("verified")
		w.Bool(false)
		w.Name("header")
		w.Raw(h.Raw)
		w.Name("claims")
		w.Raw(claims.Raw)
		w.EndObject()
		out, err := w.Finish()
		if err != nil {
			return failf("%v", err)
		}
		return writeOut(e, "", terminalJSON(e.stdout, append(out, '\n')))
	}
	var b strings.Builder
	b.WriteString("UNVERIFIED: the signature has NOT been checked; do not trust anything below.\n")
	b.WriteString("            (use 'lwscrypto jwt verify --key KEY' to verify)\n\n")
	// One line each: line ends between tokens would start lines of their own.
	fmt.Fprintf(&b, "header: %s\n", terminalSafeLine(string(h.Raw)))
	fmt.Fprintf(&b, "claims: %s\n", terminalSafeLine(string(claims.Raw)))
	t := now()
	lines := [][2]string{}
	if v, ok := claims.Issuer(); ok {
		lines = append(lines, [2]string{"iss", v})
	}
	if v, ok := claims.Subject(); ok {
		lines = append(lines, [2]string{"sub", v})
	}
	if v, ok := claims.Audience(); ok {
		lines = append(lines, [2]string{"aud", strings.Join(v, ", ")})
	}
	if v, ok := claims.ExpiresAt(); ok {
		rel := "expires " + relative(v, t)
		if !v.After(t) {
			rel = "expired " + relative(v, t)
		}
		lines = append(lines, [2]string{"exp", v.Format("2006-01-02 15:04:05 UTC") + "  (" + rel + ")"})
	}
	if v, ok := claims.NotBefore(); ok {
		rel := "valid from " + relative(v, t)
		if v.After(t) {
			rel = "not valid yet; valid " + relative(v, t)
		}
		lines = append(lines, [2]string{"nbf", v.Format("2006-01-02 15:04:05 UTC") + "  (" + rel + ")"})
	}
	if v, ok := claims.IssuedAt(); ok {
		lines = append(lines, [2]string{"iat", v.Format("2006-01-02 15:04:05 UTC") + "  (issued " + relative(v, t) + ")"})
	}
	if v, ok := claims.ID(); ok {
		lines = append(lines, [2]string{"jti", v})
	}
	if len(lines) > 0 {
		b.WriteString("\n")
	}
	for _, l := range lines {
		fmt.Fprintf(&b, "  %s  %s\n", l[0], terminalSafeLine(l[1])) // a value's newline would forge a line
	}
	_, err = io.WriteString(e.stdout, terminalSafe(b.String()))
	return outputError(err)
}

// relative says how far t is from now in words: "in 14 minutes",
// "2 hours ago", "in 3 days", "in 73 years", "just now". From two
// calendar years on it counts whole years; closer times (then well within
// a Duration's ±292 years) count seconds, minutes, hours or days.
func relative(t, now time.Time) string {
	future := t.After(now)
	if y := wholeYears(t, now); y >= 2 {
		if future {
			return "in " + plural(y, "year")
		}
		return plural(y, "year") + " ago"
	}
	d := t.Sub(now)
	if d < 0 {
		d = -d
	}
	var s string
	switch {
	case d < 2*time.Second:
		return "just now"
	case d < time.Minute:
		s = plural(int(d/time.Second), "second")
	case d < time.Hour:
		s = plural(int(d/time.Minute), "minute")
	case d < 48*time.Hour:
		s = plural(int(d/time.Hour), "hour")
	default:
		s = plural(int(d/(24*time.Hour)), "day")
	}
	if future {
		return "in " + s
	}
	return s + " ago"
}

// wholeYears counts the whole calendar years between a and b, in UTC:
// from 29 February, a year on is 1 March.
func wholeYears(a, b time.Time) int {
	a, b = a.UTC(), b.UTC()
	if a.After(b) {
		a, b = b, a
	}
	n := b.Year() - a.Year()
	if n > 0 && a.AddDate(n, 0, 0).After(b) {
		n--
	}
	return n
}

func plural(n int, unit string) string {
	if n == 1 {
		return "1 " + unit
	}
	return fmt.Sprintf("%d %ss", n, unit)
}
