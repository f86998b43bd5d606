package jws

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/lwscrypto/lwscrypto/internal/corpus"
	"github.com/lwscrypto/lwscrypto/jose"
)

// seedTokens adds the cookbook's serializations (when the corpus is there)
// and a few hand-made ones.
func seedTokens(f *testing.F) {
	secret := testKeys()["HS256"].([]byte)
	for _, opts := range []*SignOptions{nil, {Unencoded: true}, {Detached: true}} {
		tok, _ := Sign([]byte(`{"sub":"x"}`), SigningKey{Alg: "HS256", Key: secret, KeyID: "k"}, opts)
		f.Add(tok)
		js, _ := SignJSON([]byte(`{"sub":"x"}`), []SigningKey{{Alg: "HS256", Key: secret, Unprotected: []jose.Member{{Name: "kid", Value: []byte(`"k"`)}}}}, false, opts)
		f.Add(js)
		js, _ = SignJSON([]byte(`{"sub":"x"}`), []SigningKey{{Alg: "HS256", Key: secret}}, true, opts)
		f.Add(js)
	}
	for _, s := range oddJSON {
		f.Add([]byte(s))
	}
	f.Add([]byte("Bearer ...."))
	crit, _ := Sign([]byte("x"), SigningKey{Alg: "HS256", Key: secret, Protected: []jose.Member{
		{Name: "crit", Value: []byte(`["exp"]`)}, {Name: "exp", Value: []byte("1")}}}, nil)
	f.Add(crit)
	// signatures no Verifier accepts for their header (headerRules), one
	// among good ones in the general serialization
	for _, tc := range headerRuleCases {
		for _, msg := range ruleForms(tc.prot, tc.unprot) {
			f.Add(msg)
		}
	}
	// refusals that quote a name holding a bidirectional mark or a C1
	// control: in "crit", as an "alg", as a member repeated
	for _, h := range []string{"{\"alg\":\"HS256\",\"crit\":[\"e\u200ex\"]}", "{\"alg\":\"HS256\",\"crit\":[\"\u061c\"],\"\u061c\":1}",
		"{\"alg\":\"H\u200fS256\"}", "{\"alg\":\"HS256\",\"\u0085\":1,\"\u0085\":2}"} {
		for _, msg := range ruleForms(h, "") {
			f.Add(msg)
		}
		f.Add([]byte(hs256(h, "x", secret)))
	}
	dir, err := corpus.Dir()
	if err != nil {
		return
	}
	files, _ := filepath.Glob(filepath.Join(dir, "jose-cookbook", "jws", "*.json"))
	for _, p := range files {
		b, err := os.ReadFile(p)
		if err != nil {
			continue
		}
		for _, key := range [][]byte{[]byte(`"compact": "`)} {
			if i := bytes.Index(b, key); i >= 0 {
				rest := b[i+len(key):]
				if j := bytes.IndexByte(rest, '"'); j > 0 {
					f.Add(bytes.Clone(rest[:j]))
				}
			}
		}
	}
}

// FuzzParseCompact: no panic; a parsed compact token re-serializes to the
// same bytes.
func FuzzParseCompact(f *testing.F) {
	seedTokens(f)
	f.Fuzz(func(t *testing.T, in []byte) {
		m, err := ParseCompact(in)
		if err != nil {
			return
		}
		out, err := m.Compact()
		if err != nil {
			t.Fatalf("parsed but cannot re-serialize: %v", err)
		}
		if !bytes.Equal(out, in) {
			t.Fatalf("re-serialized %q as %q", in, out)
		}
	})
}

// FuzzParseJSON: no panic; parse → serialize → parse → serialize is stable.
func FuzzParseJSON(f *testing.F) {
	seedTokens(f)
	f.Fuzz(func(t *testing.T, in []byte) {
		m, err := ParseJSON(in)
		if err != nil {
			return
		}
		flat := m.Form == FormFlattened
		out, err := m.JSON(flat)
		if err != nil {
			t.Fatalf("parsed but cannot re-serialize: %v", err)
		}
		m2, err := ParseJSON(out)
		if err != nil {
			t.Fatalf("re-serialization %q does not parse: %v", out, err)
		}
		out2, err := m2.JSON(flat)
		if err != nil || !bytes.Equal(out, out2) {
			t.Fatalf("unstable: %q then %q", out, out2)
		}
	})
}

// FuzzVerify: no panic on any entry point, the zero-allocation compact
// path agrees with the general one, Parse reads every message Verify
// accepts (the compact path does not go through ParseCompact, which
// refuses what no Verifier accepts), and VerifyAllDetached verifies no
// one-signature message that VerifyDetached refuses.
func FuzzVerify(f *testing.F) {
	seedTokens(f)
	secret := testKeys()["HS256"].([]byte)
	v := must(NewVerifier(secret, []string{"HS256", "HS384"}, Critical("exp")))
	f.Fuzz(func(t *testing.T, in []byte) {
		fast, errFast := v.AppendVerifyCompact(nil, in)
		r, errSlow := v.Verify(in)
		if errSlow == nil && errors.Is(errFast, jose.ErrCrit) && slices.Contains(r.Header.Crit, "exp") {
			errFast, fast = nil, r.Payload // an extension only Verify can hand over
		}
		if !isJSON(in) && (errFast == nil) != (errSlow == nil) {
			t.Fatalf("compact paths disagree on %q: %v / %v", in, errFast, errSlow)
		}
		if errFast == nil && errSlow == nil && !bytes.Equal(fast, r.Payload) {
			t.Fatalf("payloads differ: %q / %q", fast, r.Payload)
		}
		_, errParse := Parse(in)
		if errSlow == nil && errParse != nil {
			t.Fatalf("Verify accepts %q, Parse refuses it: %v", in, errParse)
		}
		// refusals name what they quote from the input (header names,
		// "crit" entries, "alg") as plain text: no control characters,
		// separators or bidirectional controls
		for _, err := range []error{errFast, errSlow, errParse} {
			if err != nil && !plainMessage(err.Error()) {
				t.Fatalf("%q: message %q is not plain text", in, err)
			}
		}
		v.VerifyEach(in)
		v.VerifyAll(in)
		_, errDet := v.VerifyDetached(in, []byte("x"))
		// The detached multi-signature forms: no panic, and with one
		// signature VerifyAllDetached's verdict is VerifyDetached's.
		all, errAll := v.VerifyAllDetached(in, []byte("x"))
		v.VerifyEachDetached(in, []byte("x"))
		if errAll == nil && len(all) == 1 && errDet != nil {
			t.Fatalf("one signature: VerifyAllDetached verified %q, VerifyDetached %v", in, errDet)
		}
	})
}

// oddJSON are structurally odd JSON serializations: missing, null,
// non-string or empty "protected", "header", "signature" and
// "signatures", and JWE members (catalog row 10).
var oddJSON = []string{
	`{"payload":"eA","signature":"c2ln"}`,
	`{"payload":"eA","protected":null,"signature":"c2ln"}`,
	`{"payload":"eA","protected":5,"signature":"c2ln"}`,
	`{"payload":"eA","protected":"","signature":"c2ln"}`,
	`{"payload":"eA","protected":{},"signature":"c2ln"}`,
	`{"payload":"eA","header":null,"signature":"c2ln"}`,
	`{"payload":"eA","header":"x","signature":"c2ln"}`,
	`{"payload":"eA","header":{},"signature":"c2ln"}`,
	`{"payload":"eA","header":[],"signature":"c2ln"}`,
	`{"payload":"eA","header":{"alg":"HS256"}}`,
	`{"payload":"eA","header":{"alg":"HS256"},"signature":null}`,
	`{"payload":"eA","header":{"alg":"HS256"},"signature":5}`,
	`{"payload":"eA","header":{"alg":"HS256"},"signature":""}`,
	`{"payload":"eA","header":{"alg":"HS256"},"signature":"!!"}`,
	`{"payload":"eA","signatures":null}`,
	`{"payload":"eA","signatures":[]}`,
	`{"payload":"eA","signatures":[null]}`,
	`{"payload":"eA","signatures":[5]}`,
	`{"payload":"eA","signatures":"x"}`,
	`{"payload":"eA","signatures":[{}]}`,
	`{"payload":"eA","signatures":[{"signature":"c2ln"}]}`,
	`{"payload":"eA","signatures":[{"protected":null,"signature":"c2ln"}]}`,
	`{"payload":"eA","signatures":[{"header":null,"signature":"c2ln"}]}`,
	`{"payload":"eA","signatures":[{"header":{"alg":"HS256"}}]}`,
	`{"payload":"eA","signatures":[{"header":{"alg":"HS256"},"signature":null}]}`,
	`{"payload":"eA","signatures":[{"header":{"alg":"HS256"},"signature":"c2ln","recipients":[]}]}`,
	`{"payload":"eA","recipients":[],"header":{"alg":"HS256"},"signature":"c2ln"}`,
	`{"payload":null,"header":{"alg":"HS256"},"signature":"c2ln"}`,
	`{"payload":5,"header":{"alg":"HS256"},"signature":"c2ln"}`,
	`{"payload":"eA","header":{"alg":"HS256"},"signature":"c2ln","signatures":[]}`,
	`{"protected":"eyJhbGciOiJIUzI1NiJ9","ciphertext":"eA","iv":"eA","tag":"eA"}`,
	`{"payload":"eA","payload":"eA","header":{"alg":"HS256"},"signature":"c2ln"}`,
	`{"payload":"eA","Payload":"eA","header":{"alg":"HS256"},"signature":"c2ln"}`,
	`[]`, `null`, `{`, `{}`, `"x"`,
}

// TestAttack10OddJSON: each odd serialization is an error on every entry
// point, never a panic (catalog row 10; FuzzParseJSON and FuzzVerify run the
// same seeds).
func TestAttack10OddJSON(t *testing.T) {
	v := must(NewVerifier(testKeys()["HS256"], []string{"HS256"}))
	for _, s := range oddJSON {
		if _, err := ParseJSON([]byte(s)); err == nil {
			t.Errorf("ParseJSON accepted %s", s)
		} else if !errors.Is(err, jose.ErrMalformed) && !errors.Is(err, jose.ErrLimit) {
			t.Errorf("ParseJSON %s: %v is not ErrMalformed", s, err)
		}
		for api, err := range everyEntryPoint(v, []byte(s)) {
			if err == nil {
				t.Errorf("%s accepted %s", api, s)
			}
		}
	}
}

// FuzzDecodeB64: the one-pass decoder agrees with jose.AppendBase64URLDecode.
func FuzzDecodeB64(f *testing.F) {
	for _, s := range []string{"", "YQ", "YR", "YQ==", "YW\nJj", "_-8", "YW\rJj", "Y", "YWJj\x00", "+/", "YWJj\n", "\nYWJj", "YW\nJjZA", "YWJjZA\r\n", "YWJjZGU\n"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		a, errA := decodeB64([]byte("x"), in)
		b, errB := jose.AppendBase64URLDecode([]byte("x"), in)
		if (errA == nil) != (errB == nil) || errA == nil && !bytes.Equal(a, b) {
			t.Fatalf("%q: %q %v / %q %v", in, a, errA, b, errB)
		}
	})
}

// FuzzSignVerify: whatever a Signer agrees to sign, a Verifier with the
// same key (understanding every extension the header lists) accepts, in
// every serialization, with the exact payload and the header as given
// (kid, typ, cty, the extra protected and unprotected members): a signer
// never makes a token that verification refuses or reads differently.
func FuzzSignVerify(f *testing.F) {
	f.Add([]byte("payload"), "k", "JWT", "", "exp", []byte("1"), "x", []byte(`"y"`), false, false)
	f.Add([]byte("a.b"), "", "", "text/plain", "crit", []byte(`["exp"]`), "", []byte(nil), true, true)
	f.Add([]byte{}, "\xff", "", "", "b64", []byte("false"), "kid", []byte(`"k"`), true, false)
	f.Add([]byte("p"), "", "", "", "crit", []byte(`[]`), "crit", []byte(`["x"]`), false, true)
	key := bytes.Repeat([]byte{7}, 32)
	f.Fuzz(func(t *testing.T, payload []byte, kid, typ, cty, pname string, pval []byte, uname string, uval []byte, unencoded, detached bool) {
		sk := SigningKey{Alg: "HS256", Key: key, KeyID: kid, Type: typ, ContentType: cty}
		if pname != "" {
			sk.Protected = []jose.Member{{Name: pname, Value: pval}}
		}
		if uname != "" {
			sk.Unprotected = []jose.Member{{Name: uname, Value: uval}}
		}
		opts := &SignOptions{Unencoded: unencoded, Detached: detached}
		s, err := NewSigner(sk, opts)
		if err != nil {
			return
		}
		var crit []string
		if pname == "crit" {
			var names []string
			if json.Unmarshal(pval, &names) == nil {
				crit = names
			}
		}
		v, err := NewVerifier(key, []string{"HS256"}, Critical(crit...))
		if err != nil {
			t.Fatal(err)
		}
		check := func(form string, msg []byte, r *Result, err error) {
			t.Helper()
			if err != nil {
				t.Fatalf("%s: signed %q, then verify: %v", form, msg, err)
			}
			if !detached && !bytes.Equal(r.Payload, payload) {
				t.Fatalf("%s: payload %q, signed %q", form, r.Payload, payload)
			}
			h := r.Header
			if h.Kid != kid && (kid != "" || h.Has("kid")) || h.Typ != typ || h.Cty != cty {
				t.Fatalf("%s: header kid %q typ %q cty %q, signed %q %q %q", form, h.Kid, h.Typ, h.Cty, kid, typ, cty)
			}
		}
		verify := func(form string, msg []byte) {
			var r *Result
			var err error
			if detached {
				r, err = v.VerifyDetached(msg, payload)
			} else {
				r, err = v.Verify(msg)
			}
			check(form, msg, r, err)
		}
		if tok, err := s.AppendCompact(nil, payload); err == nil {
			verify("compact", tok)
		}
		for _, flat := range []bool{true, false} {
			// (an unencoded attached payload must be UTF-8 text in JSON)
			if msg, err := SignJSON(payload, []SigningKey{sk}, flat, opts); err == nil {
				verify("JSON", msg)
			}
		}
	})
}

// plainMessage reports whether an error message is one line of text a
// terminal shows as it is: valid UTF-8 without control characters (C0,
// DEL, C1), line or paragraph separators or bidirectional controls
// (U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069).
func plainMessage(msg string) bool {
	return utf8.ValidString(msg) && !strings.ContainsFunc(msg, func(r rune) bool {
		return r < 0x20 || r >= 0x7f && r < 0xa0 || r >= 0x2028 && r <= 0x202e || r >= 0x2066 && r <= 0x2069 ||
			r == 0x061c || r == 0x200e || r == 0x200f
	})
}
