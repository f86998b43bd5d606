package jws

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"strings"
	"testing"

	"github.com/lwscrypto/lwscrypto/jose"
)

// headerRuleCases are signatures whose header breaks a rule of RFC 7515 (or
// RFC 7797) that holds whatever a Verifier's options: no Verifier can
// accept them, so the parsers refuse them, and so the Message writers.
// want is the sentinel Verify has always returned for the same fault.
// unprot, when set, is the unprotected header (JSON serializations only).
var headerRuleCases = []struct {
	name          string
	prot, unprot  string
	want          error
	alreadyParsed bool // refused at parse time before (jose.Join)
}{
	{name: "no alg", prot: `{"typ":"JWT"}`, want: jose.ErrMalformed},
	{name: "no alg, only kid", prot: `{"kid":"k"}`, want: jose.ErrMalformed},
	{name: "no alg in either header", prot: `{"kid":"k"}`, unprot: `{"typ":"x"}`, want: jose.ErrMalformed},
	{name: "no alg, unprotected only", unprot: `{"kid":"k"}`, want: jose.ErrMalformed},
	{name: "crit names a missing member", prot: `{"alg":"HS256","crit":["exp"]}`, want: jose.ErrCrit},
	{name: "crit names an unprotected member", prot: `{"alg":"HS256","crit":["exp"]}`, unprot: `{"exp":1}`, want: jose.ErrCrit},
	{name: "crit empty", prot: `{"alg":"HS256","crit":[]}`, want: jose.ErrCrit},
	{name: "crit lists an empty name", prot: `{"alg":"HS256","crit":[""]}`, want: jose.ErrCrit},
	{name: "crit lists a name twice", prot: `{"alg":"HS256","crit":["exp","exp"],"exp":1}`, want: jose.ErrCrit},
	{name: "crit lists a registered name", prot: `{"alg":"HS256","crit":["kid"],"kid":"k"}`, want: jose.ErrCrit},
	{name: "crit lists b64, absent", prot: `{"alg":"HS256","crit":["b64"]}`, want: jose.ErrCrit},
	{name: "b64 without crit", prot: `{"alg":"HS256","b64":true}`, want: jose.ErrCrit},
	{name: "b64 not listed in crit", prot: `{"alg":"HS256","b64":true,"crit":["exp"],"exp":1}`, want: jose.ErrCrit},
	{name: "crit unprotected", prot: `{"alg":"HS256","exp":1}`, unprot: `{"crit":["exp"]}`, want: jose.ErrCrit, alreadyParsed: true},
	{name: "b64 unprotected", prot: `{"alg":"HS256","crit":["b64"]}`, unprot: `{"b64":true}`, want: jose.ErrCrit, alreadyParsed: true},
}

// headerRulesAccepted are headers the parsers must keep accepting: what a
// Verifier refuses there is the caller's policy ("none", an algorithm it
// does not know, an extension it does not understand), not a rule of the
// RFC, and "jwt inspect" must still show such a token.
var headerRulesAccepted = []struct{ prot, unprot string }{
	{`{"alg":"none"}`, ""},
	{`{"alg":"XYZ"}`, ""},
	{`{"alg":""}`, ""},
	{`{"alg":"HS256","crit":["nope"],"nope":1}`, ""},
	{`{"alg":"HS256","crit":["exp"],"exp":1}`, ""},
	{`{"alg":"HS256","b64":true,"crit":["b64"]}`, ""},
	{`{"kid":"k"}`, `{"alg":"HS256"}`},
	{"", `{"alg":"HS256"}`},
	{`{"alg":"HS256","crit":["exp"],"exp":1}`, `{"kid":"k"}`},
}

var ruleSecret = []byte("0123456789abcdef0123456789abcdef")

// ruleSig is the HS256 signature of a signature over the payload "x" whose
// protected header is prot (JSON text, "" for none).
func ruleSig(prot string) (protB64, sig string) {
	if prot != "" {
		protB64 = b64(prot)
	}
	m := hmac.New(sha256.New, ruleSecret)
	m.Write([]byte(protB64 + "." + b64("x")))
	return protB64, base64.RawURLEncoding.EncodeToString(m.Sum(nil))
}

// ruleSigJSON is one signature object.
func ruleSigJSON(prot, unprot string) string {
	p, sig := ruleSig(prot)
	var b strings.Builder
	b.WriteString("{")
	if p != "" {
		b.WriteString(`"protected":"` + p + `",`)
	}
	if unprot != "" {
		b.WriteString(`"header":` + unprot + `,`)
	}
	b.WriteString(`"signature":"` + sig + `"}`)
	return b.String()
}

// ruleForms returns the serializations of a message over "x" with the
// signature (prot, unprot): compact (when it has no unprotected header),
// flattened, and general with the signature second of three, the others
// good. The general form's error must name signature 1.
func ruleForms(prot, unprot string) map[string][]byte {
	out := map[string][]byte{}
	if unprot == "" {
		p, sig := ruleSig(prot)
		out["compact"] = []byte(p + "." + b64("x") + "." + sig)
	}
	one := ruleSigJSON(prot, unprot)
	out["flattened"] = []byte(`{"payload":"` + b64("x") + `",` + one[1:])
	good := ruleSigJSON(`{"alg":"HS256"}`, "")
	out["general"] = []byte(`{"payload":"` + b64("x") + `","signatures":[` + good + "," + one + "," + good + `]}`)
	return out
}

// TestParseRefusesHeaderRules: Parse, ParseCompact and ParseJSON refuse a
// signature whose header has no "alg" (RFC 7515 §4.1.1) or a "crit" (and
// "b64") that breaks RFC 7515 §4.1.11 or RFC 7797 §6 whatever the
// extensions a caller understands, in every serialization, and in a general
// one even beside good signatures, naming the bad one. Before, only Verify
// refused them. Verify's sentinel for each stays what it was, with a
// Verifier that understands "exp" (so the refusal is the rule's).
func TestParseRefusesHeaderRules(t *testing.T) {
	v := must(NewVerifier(ruleSecret, []string{"HS256"}, Critical("exp")))
	for _, tc := range headerRuleCases {
		for form, msg := range ruleForms(tc.prot, tc.unprot) {
			name := tc.name + "/" + form
			_, err := Parse(msg)
			if !errors.Is(err, tc.want) {
				t.Errorf("%s: Parse: %v, want %v", name, err, tc.want)
			}
			if form == "general" && (err == nil || !strings.HasPrefix(err.Error(), "jws: signature 1: ")) {
				t.Errorf("%s: Parse: %v, want it to name signature 1", name, err)
			}
			if form == "compact" {
				_, err = ParseCompact(msg)
			} else {
				_, err = ParseJSON(msg)
			}
			if !errors.Is(err, tc.want) {
				t.Errorf("%s: ParseCompact/ParseJSON: %v, want %v", name, err, tc.want)
			}
			// exactly the sentinels Verify gave before: jose.ErrCrit
			// alone for "crit" and "b64" (jose.Join's refusals are
			// jose.ErrMalformed too, as they were)
			malformed := tc.want == jose.ErrMalformed || tc.alreadyParsed
			if _, err := v.Verify(msg); !errors.Is(err, tc.want) || errors.Is(err, jose.ErrMalformed) != malformed {
				t.Errorf("%s: Verify: %v, want %v (and jose.ErrMalformed %v)", name, err, tc.want, malformed)
			}
			if each, _, err := v.VerifyEach(msg); err == nil {
				if form != "general" {
					err = each[0].Err
				}
				if !errors.Is(err, tc.want) {
					t.Errorf("%s: VerifyEach: %v, want %v", name, err, tc.want)
				}
			} else if !errors.Is(err, tc.want) {
				t.Errorf("%s: VerifyEach: %v, want %v", name, err, tc.want)
			}
		}
	}
}

// TestParseKeepsPolicyForVerify: what only a Verifier's options refuse
// ("alg":"none", an unknown algorithm, an extension not understood) still
// parses in every serialization.
func TestParseKeepsPolicyForVerify(t *testing.T) {
	for _, tc := range headerRulesAccepted {
		for form, msg := range ruleForms(tc.prot, tc.unprot) {
			m, err := Parse(msg)
			if err != nil {
				t.Errorf("%s %s, %s: %v", tc.prot, tc.unprot, form, err)
				continue
			}
			if form == "compact" {
				_, err = m.Compact()
			} else {
				_, err = m.JSON(form == "flattened")
			}
			if err != nil {
				t.Errorf("%s %s, %s: writing it back: %v", tc.prot, tc.unprot, form, err)
			}
		}
	}
}

// TestWritersRefuseHeaderRules: Compact and JSON refuse a Message holding
// a signature that breaks the same rules, as Parse would refuse what they
// wrote: the bad signature replaces the one of a parsed compact or
// flattened message, or joins two good ones of a general one (and JSON
// names it). The error is jose.ErrMalformed, as every refusal of the
// writers, and Parse's sentinel too.
func TestWritersRefuseHeaderRules(t *testing.T) {
	good := ruleForms(`{"alg":"HS256"}`, "")
	for _, tc := range headerRuleCases {
		p, sig := ruleSig(tc.prot)
		bad := func() *Signature {
			s := &Signature{Signature: []byte(sig)}
			if p != "" {
				s.Protected = []byte(p)
			}
			if tc.unprot != "" {
				s.Unprotected = []byte(tc.unprot)
			}
			return s
		}
		if tc.unprot == "" {
			m := mustParse(t, good["compact"])
			m.Signatures[0] = bad()
			if _, err := m.Compact(); !isAll(err, tc.want, jose.ErrMalformed) {
				t.Errorf("%s: Compact: %v, want %v", tc.name, err, tc.want)
			}
		}
		m := mustParse(t, good["flattened"])
		m.Signatures[0] = bad()
		if _, err := m.JSON(true); !isAll(err, tc.want, jose.ErrMalformed) {
			t.Errorf("%s: JSON(true): %v, want %v", tc.name, err, tc.want)
		}
		m = mustParse(t, good["general"])
		m.Signatures[1] = bad()
		_, err := m.JSON(false)
		if !isAll(err, tc.want, jose.ErrMalformed) || !strings.HasPrefix(err.Error(), "jws: signature 1: ") {
			t.Errorf("%s: JSON(false): %v, want %v naming signature 1", tc.name, err, tc.want)
		}
		// the message without it still writes
		m.Signatures = append(m.Signatures[:1], m.Signatures[2:]...)
		if _, err := m.JSON(false); err != nil {
			t.Errorf("%s: JSON(false) of the good signatures: %v", tc.name, err)
		}
	}
}

// TestVerifyHeaderRuleOrder: Verify's compact path (which does not go
// through ParseCompact) reports a header's rule fault before the
// algorithm's support, as the JSON path (through ParseJSON) does, so one
// token gives one sentinel in either serialization.
func TestVerifyHeaderRuleOrder(t *testing.T) {
	v := must(NewVerifier(ruleSecret, []string{"HS256"}))
	for _, prot := range []string{`{"alg":"XYZ","crit":["exp"]}`, `{"alg":"none","b64":true}`} {
		for form, msg := range ruleForms(prot, "") {
			if form == "general" {
				continue
			}
			if _, err := v.Verify(msg); !errors.Is(err, jose.ErrCrit) {
				t.Errorf("%s, %s: Verify: %v, want jose.ErrCrit", prot, form, err)
			}
		}
	}
}

func mustParse(t *testing.T, msg []byte) *Message {
	t.Helper()
	m, err := Parse(bytes.Clone(msg))
	if err != nil {
		t.Fatalf("%s: %v", msg, err)
	}
	return m
}

// isAll reports whether errors.Is(err, s) holds for every s.
func isAll(err error, sentinels ...error) bool {
	for _, s := range sentinels {
		if !errors.Is(err, s) {
			return false
		}
	}
	return true
}

// TestHeaderRuleErrorsSayJWSOnce: the writers' error for a header that
// breaks a rule of RFC 7515 or RFC 7797 names the package and the header
// once, as Parse's does. Before, Compact and JSON wrapped jws's own "crit"
// or "b64" error under "header", so the message said "jws: header: jws:
// …".
func TestHeaderRuleErrorsSayJWSOnce(t *testing.T) {
	good := ruleForms(`{"alg":"HS256"}`, "")
	for _, tc := range headerRuleCases {
		p, sig := ruleSig(tc.prot)
		s := &Signature{Signature: []byte(sig), Protected: []byte(p)}
		if p == "" {
			s.Protected = nil
		}
		if tc.unprot != "" {
			s.Unprotected = []byte(tc.unprot)
		}
		errs := map[string]error{}
		if tc.unprot == "" {
			m := mustParse(t, good["compact"])
			m.Signatures[0] = s
			_, errs["Compact"] = m.Compact()
		}
		m := mustParse(t, good["general"])
		m.Signatures[1] = s
		_, errs["JSON"] = m.JSON(false)
		_, errs["Parse"] = Parse(ruleForms(tc.prot, tc.unprot)["general"])
		for call, err := range errs {
			if err == nil {
				t.Errorf("%s: %s: no error", tc.name, call)
				continue
			}
			msg := err.Error()
			if strings.Count(msg, "jws: ") != 1 || strings.Contains(msg, "header: header") {
				t.Errorf("%s: %s: %q says jws or header twice", tc.name, call, msg)
			}
		}
	}
}
