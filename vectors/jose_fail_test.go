package vectors

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/lwscrypto/lwscrypto/internal/testenv"
)

// editJSON decodes a JSON object keeping its members' values raw, lets f
// change them, and encodes it again.
func editJSON(t *testing.T, in []byte, f func(m map[string]json.RawMessage)) []byte {
	t.Helper()
	var m map[string]json.RawMessage
	if err := json.Unmarshal(in, &m); err != nil {
		t.Fatal(err)
	}
	f(m)
	out, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// editMember edits the object held by member k of m.
func editMember(t *testing.T, m map[string]json.RawMessage, k string, f func(m map[string]json.RawMessage)) {
	t.Helper()
	m[k] = editJSON(t, m[k], f)
}

func jsonString(t *testing.T, raw json.RawMessage) string {
	t.Helper()
	var s string
	if err := json.Unmarshal(raw, &s); err != nil {
		t.Fatal(err)
	}
	return s
}

func jsonOf(t *testing.T, v any) json.RawMessage {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// flipLast changes the last character of a base64url string to another
// base64url character.
func flipLast(s string) string {
	c := byte('A')
	if s[len(s)-1] == 'A' {
		c = 'B'
	}
	return s[:len(s)-1] + string(c)
}

// TestCookbookJWSRunnerFails feeds the cookbook JWS runner examples of the
// corpus changed in one way each (read in place, written to a temporary
// folder) and checks that exactly the affected checks fail: a changed
// payload, algorithm, signature, key order, member order, or the b64 quirk
// turned around.
func TestCookbookJWSRunnerFails(t *testing.T) {
	src := testenv.VectorsFile(t, "jose-cookbook")
	read := func(rel string) []byte {
		b, err := os.ReadFile(filepath.Join(src, filepath.FromSlash(rel)))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	const (
		hmac     = "jws/4_4.hmac-sha2_integrity_protection.json"
		rsa      = "jws/4_1.rsa_v15_signature.json"
		detached = "jws/4_5.signature_with_detached_content.json"
		multi    = "jws/4_8.multiple_signatures.json"
		unprot   = "jws/4_6.protecting_specific_header_fields.json"
		b64quirk = "rfc7797/4.2.hmac-sha2_b64_false.json"
		b64ok    = "rfc7797/hmac-sha2_b64_false.json"
	)
	dir := t.TempDir()
	for _, tc := range []struct {
		name string // file name to write (the b64 quirk is keyed on it)
		from string
		edit func(m map[string]json.RawMessage)
		want tally
	}{
		{"hmac.json", hmac, nil, tally{4, 4, 0, 0}},
		{"hmac.json", hmac, func(m map[string]json.RawMessage) {
			editMember(t, m, "input", func(in map[string]json.RawMessage) {
				in["payload"] = jsonOf(t, jsonString(t, in["payload"])+"!")
			})
		}, tally{4, 0, 4, 0}},
		{"hmac.json", hmac, func(m map[string]json.RawMessage) {
			editMember(t, m, "input", func(in map[string]json.RawMessage) { in["alg"] = jsonOf(t, "HS384") })
		}, tally{4, 0, 4, 0}},
		{"hmac.json", hmac, func(m map[string]json.RawMessage) {
			editMember(t, m, "output", func(out map[string]json.RawMessage) {
				out["compact"] = jsonOf(t, flipLast(jsonString(t, out["compact"])))
			})
		}, tally{4, 2, 2, 0}}, // compact, and its reproduction
		{"hmac.json", hmac, func(m map[string]json.RawMessage) {
			editMember(t, m, "output", func(out map[string]json.RawMessage) {
				var f struct{ Payload, Protected, Signature string }
				json.Unmarshal(out["json_flat"], &f)
				// Valid, but not in the order the serializer writes.
				out["json_flat"] = json.RawMessage(`{"signature":"` + f.Signature + `","protected":"` + f.Protected + `","payload":"` + f.Payload + `"}`)
			})
		}, tally{4, 3, 1, 0}},
		{"hmac.json", hmac, func(m map[string]json.RawMessage) { m["reproducible"] = jsonOf(t, false) }, tally{3, 3, 0, 0}},
		{"rsa.json", rsa, func(m map[string]json.RawMessage) {
			editMember(t, m, "output", func(out map[string]json.RawMessage) { delete(out, "compact") })
		}, tally{3, 3, 0, 0}}, // reproduced from the signing header
		{"rsa.json", rsa, func(m map[string]json.RawMessage) {
			editMember(t, m, "signing", func(s map[string]json.RawMessage) {
				s["protected_b64u"] = jsonOf(t, "eyJhbGciOiJSUzI1NiJ9") // {"alg":"RS256"}: no kid
			})
			editMember(t, m, "output", func(out map[string]json.RawMessage) { delete(out, "compact") })
		}, tally{3, 2, 1, 0}},
		{"detached.json", detached, func(m map[string]json.RawMessage) {
			editMember(t, m, "input", func(in map[string]json.RawMessage) {
				in["payload"] = jsonOf(t, jsonString(t, in["payload"])+"!")
			})
		}, tally{4, 0, 4, 0}},
		{"multi.json", multi, nil, tally{1, 1, 0, 0}},
		{"multi.json", multi, func(m map[string]json.RawMessage) {
			editMember(t, m, "input", func(in map[string]json.RawMessage) {
				var ks []json.RawMessage
				json.Unmarshal(in["key"], &ks)
				ks[0], ks[1] = ks[1], ks[0]
				in["key"] = jsonOf(t, ks)
			})
		}, tally{1, 0, 1, 0}},
		{"multi.json", multi, func(m map[string]json.RawMessage) {
			editMember(t, m, "input", func(in map[string]json.RawMessage) {
				var ks []json.RawMessage
				json.Unmarshal(in["key"], &ks)
				in["key"] = jsonOf(t, ks[:2])
			})
		}, tally{1, 0, 1, 0}}, // two keys for three algorithms
		{"unprot.json", unprot, nil, tally{3, 3, 0, 0}},
		{"unprot.json", unprot, func(m map[string]json.RawMessage) {
			editMember(t, m, "signing", func(s map[string]json.RawMessage) {
				s["sig"] = jsonOf(t, flipLast(jsonString(t, s["sig"])))
			})
		}, tally{3, 2, 1, 0}},
		{"4.2.hmac-sha2_b64_false.json", b64quirk, nil, tally{2, 2, 0, 0}},
		// The same example under another name must fail: b64 without crit.
		{"b64.json", b64quirk, func(m map[string]json.RawMessage) { m["reproducible"] = jsonOf(t, false) }, tally{2, 0, 2, 0}},
		// A correct b64 example under the quirk's name must fail: it is
		// not rejected with ErrCrit.
		{"4.2.hmac-sha2_b64_false.json", b64ok, nil, tally{3, 0, 3, 0}},
		{"bad.json", hmac, func(m map[string]json.RawMessage) { m["input"] = json.RawMessage(`{"key":[],"alg":[]}`) }, tally{1, 0, 1, 0}},
		{"bad.json", hmac, func(m map[string]json.RawMessage) {
			editMember(t, m, "input", func(in map[string]json.RawMessage) { in["key"] = json.RawMessage(`{"kty":"oct"}`) })
		}, tally{1, 0, 1, 0}},
	} {
		b := read(tc.from)
		if tc.edit != nil {
			b = editJSON(t, b, tc.edit)
		}
		p := filepath.Join(dir, tc.name)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		r := runCookbookJWSFile(p, "x/"+tc.name)
		if got := tallyOf(r); got != tc.want || r.Name != "x/"+tc.name {
			t.Errorf("%s from %s: %s %+v, want %+v: %q", tc.name, tc.from, r.Name, got, tc.want, r.Failures)
		}
	}
	if r := runCookbookJWSFile(filepath.Join(dir, "missing.json"), "x"); tallyOf(r) != (tally{1, 0, 1, 0}) {
		t.Errorf("missing file: %+v", tallyOf(r))
	}
}

// TestCookbookJWSRunnerFiles checks which files the cookbook JWS runner
// reads and how it names them, on a synthetic corpus.
func TestCookbookJWSRunnerFiles(t *testing.T) {
	src := testenv.VectorsFile(t, "jose-cookbook")
	ex, err := os.ReadFile(filepath.Join(src, "jws", "4_4.hmac-sha2_integrity_protection.json"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"jws/b.json":          string(ex),
		"jws/a.json":          string(ex),
		"jws/notes.txt":       "not an example",
		"rfc7797/c.json":      string(ex),
		"jwe/d.json":          string(ex),
		"curve25519/jws.json": string(ex),
	})
	var progress []string
	res, err := JOSECookbookJWS.Run(dir, func(f string) { progress = append(progress, f) })
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"jws/a.json", "jws/b.json", "rfc7797/c.json", "curve25519/jws.json"}
	var names []string
	for _, r := range res {
		names = append(names, strings.TrimPrefix(r.Name, "jose-cookbook/"))
		if tallyOf(r) != (tally{4, 4, 0, 0}) {
			t.Errorf("%s: %+v %q", r.Name, tallyOf(r), r.Failures)
		}
	}
	if !reflect.DeepEqual(names, want) || !reflect.DeepEqual(progress, want) {
		t.Errorf("results %q, progress %q, want %q", names, progress, want)
	}
	for _, sub := range []string{"rfc7797", "jws"} {
		os.RemoveAll(filepath.Join(dir, sub))
		if _, err := JOSECookbookJWS.Run(dir, nil); err == nil {
			t.Errorf("ran without %s", sub)
		}
	}
}

// TestRFCJWSChecksFail changes the typed-in RFC examples one way each and
// checks that checkRFCJWS fails every changed example, and that runRFCJWS
// groups the examples by RFC.
func TestRFCJWSChecksFail(t *testing.T) {
	byName := map[string]rfcJWS{}
	for _, ex := range rfcJWSExamples {
		byName[ex.name] = ex
	}
	get := func(name string) rfcJWS {
		ex, ok := byName[name]
		if !ok {
			t.Fatalf("no example %s", name)
		}
		return ex
	}
	for _, tc := range []struct {
		what string
		ex   rfcJWS
		edit func(*rfcJWS)
	}{
		{"payload", get("rfc7515/A.1 HS256"), func(e *rfcJWS) { e.payload += "!" }},
		{"signature", get("rfc7515/A.1 HS256"), func(e *rfcJWS) { e.msg = flipLast(e.msg) }},
		{"valid marked reject", get("rfc7515/A.1 HS256"), func(e *rfcJWS) { e.reject = true }},
		{"none not marked reject", get("rfc7515/A.5 none"), func(e *rfcJWS) { e.reject = false }},
		{"ECDSA reproduced", get("rfc7515/A.3 ES256"), func(e *rfcJWS) { e.reproduce = true }},
		{"reproduced with another header", get("rfc7515/A.2 RS256"), func(e *rfcJWS) {
			e.msg = "eyJhbGciOiJSUzI1NiIsImtpZCI6IngifQ" + e.msg[strings.IndexByte(e.msg, '.'):]
		}},
		{"algorithm", get("rfc7515/A.2 RS256"), func(e *rfcJWS) { e.alg = "PS256" }},
		{"key", get("rfc7515/A.3 ES256"), func(e *rfcJWS) { e.key = rfcHMACKey }},
		{"bad key", get("rfc7515/A.3 ES256"), func(e *rfcJWS) { e.key = `{"kty":"EC"}` }},
		{"general JSON payload", get("rfc7515/A.6 general JSON (ES256 signature)"), func(e *rfcJWS) { e.payload = "x" }},
		{"detached payload", get("rfc7797/4.2 b64 false, compact detached"), func(e *rfcJWS) { e.payload = "$.03" }},
		{"detached reproduced attached", get("rfc7797/4.2 b64 false, compact detached"), func(e *rfcJWS) { e.detached = false }},
	} {
		ex := tc.ex
		if err := checkRFCJWS(ex); err != nil {
			t.Errorf("%s: unchanged example fails: %v", ex.name, err)
		}
		tc.edit(&ex)
		if err := checkRFCJWS(ex); err == nil {
			t.Errorf("%s changed (%s): passed", ex.name, tc.what)
		}
	}

	var progress []string
	res, err := RFCJWS.Run("", func(f string) { progress = append(progress, f) })
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range res {
		got = append(got, r.Name)
	}
	if !reflect.DeepEqual(got, []string{"rfc-jws/rfc7515", "rfc-jws/rfc7797"}) || !reflect.DeepEqual(progress, []string{"rfc7515", "rfc7797"}) ||
		tallyOf(res[0]) != (tally{8, 8, 0, 0}) || tallyOf(res[1]) != (tally{3, 3, 0, 0}) {
		t.Errorf("results %q %+v, progress %q", got, res, progress)
	}
}

// TestCookbookJWKRunnerFails runs the cookbook JWK runner over a synthetic
// corpus built from the cookbook's keys (read in place): a private key
// whose "public half" file holds another key, a key that does not parse,
// an example whose key array, ephemeral key or nested key is bad, an
// example without a key, and the X25519 ephemeral-key quirk both as
// upstream has it and corrected (which the runner must notice).
func TestCookbookJWKRunnerFails(t *testing.T) {
	src := testenv.VectorsFile(t, "jose-cookbook")
	key := func(name string) string {
		b, err := os.ReadFile(filepath.Join(src, "jwk", name))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	ecdhES, err := os.ReadFile(filepath.Join(src, "curve25519", "ecdh-es.json"))
	if err != nil {
		t.Fatal(err)
	}
	ecPub, ecPriv, rsaPub, rsaPriv, oct := key("3_1.ec_public_key.json"), key("3_2.ec_private_key.json"), key("3_3.rsa_public_key.json"), key("3_4.rsa_private_key.json"), key("3_6.symmetric_key_encryption.json")
	const bad = `{"kty":"oct"}`
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"jwk/3_1.ec_public_key.json":   rsaPub, // not the public half of 3_2
		"jwk/3_2.ec_private_key.json":  ecPriv,
		"jwk/3_3.rsa_public_key.json":  rsaPub,
		"jwk/3_4.rsa_private_key.json": rsaPriv,
		"jwk/bad.json":                 bad,
		"jwk/notes.txt":                "not a key",
		"jws/good.json":                `{"input":{"key":` + ecPub + `}}`,
		"jws/multi.json":               `{"input":{"key":[` + ecPub + `,` + bad + `]}}`,
		"jwe/epk.json":                 `{"input":{"key":` + oct + `},"encrypting_key":{"epk":` + bad + `}}`,
		"jwe/recipients.json":          `{"encrypting_key":[{"epk":` + ecPub + `},{"cek":"AA"}]}`,
		"nested.json":                  `{"sign":{"input":{"key":` + ecPub + `}},"encrypt":{"input":{"key":` + bad + `}}}`,
		"rfc7797/nokey.json":           `{"input":{"payload":"x"}}`,
		"curve25519/ecdh-es.json":      string(ecdhES),
	})
	run := func() map[string]Result {
		var progress []string
		res, err := JOSECookbookJWK.Run(dir, func(f string) { progress = append(progress, f) })
		if err != nil {
			t.Fatal(err)
		}
		got := map[string]Result{}
		var names []string
		for _, r := range res {
			n := strings.TrimPrefix(r.Name, "jose-cookbook/")
			got[n] = r
			names = append(names, n)
		}
		want := []string{"jwk/3_1.ec_public_key.json", "jwk/3_2.ec_private_key.json", "jwk/3_3.rsa_public_key.json", "jwk/3_4.rsa_private_key.json", "jwk/bad.json", "examples (input keys and ephemeral keys)"}
		if !reflect.DeepEqual(names, want) {
			t.Errorf("results %q, want %q", names, want)
		}
		if want[len(want)-1] = "examples"; !reflect.DeepEqual(progress, want) {
			t.Errorf("progress %q, want %q", progress, want)
		}
		return got
	}
	got := run()
	wantTallies(t, got, map[string]tally{
		"jwk/3_1.ec_public_key.json":               {1, 1, 0, 0},
		"jwk/3_2.ec_private_key.json":              {2, 1, 1, 0},
		"jwk/3_3.rsa_public_key.json":              {1, 1, 0, 0},
		"jwk/3_4.rsa_private_key.json":             {2, 2, 0, 0},
		"jwk/bad.json":                             {1, 0, 1, 0},
		"examples (input keys and ephemeral keys)": {12, 8, 3, 1},
	})

	// The quirk corrected upstream: the runner's expectation no longer
	// holds, and it must say so.
	fixed := strings.Replace(string(ecdhES), "hSDwCYkwp1R0i33ctD73Wg2_Og0mOBr066SpjqqbTmo", "xvXHh3Q2S4VotXgBddGWD_KhnzYZ_euB2eaekLvvADU", 1)
	writeFiles(t, dir, map[string]string{"curve25519/ecdh-es.json": fixed})
	if r := run()["examples (input keys and ephemeral keys)"]; tallyOf(r) != (tally{12, 7, 4, 1}) {
		t.Errorf("corrected quirk: %+v %q", tallyOf(r), r.Failures)
	}

	os.RemoveAll(filepath.Join(dir, "jwk"))
	if _, err := JOSECookbookJWK.Run(dir, nil); err == nil {
		t.Error("ran without jwk/")
	}
}

// TestJWSTokenHelpers pins the two readings WycheproofJWS bases its
// documented exceptions on: whether every part of a token is strict
// base64url, and the "alg" of its header.
func TestJWSTokenHelpers(t *testing.T) {
	const hs256 = "eyJhbGciOiJIUzI1NiJ9" // {"alg":"HS256"}
	for _, tc := range []struct {
		tok string
		b64 bool
		alg string
	}{
		{hs256 + ".cGF5bG9hZA.c2ln", true, "HS256"},
		{hs256 + "..c2ln", true, "HS256"},
		{hs256 + ".cGF5?bG9hZA.c2ln", false, "HS256"},
		{hs256 + ".cGF5bG9hZA.c2ln=", false, "HS256"},
		{"eyJhbGciOiJIUzI1NiJ9?.cGF5bG9hZA.c2ln", false, ""},
		{"bm90IGpzb24.cGF5bG9hZA.c2ln", true, ""}, // header is not JSON
		{"bm9kb3Q", true, ""},                     // no dot
	} {
		if got := jwsPartsBase64URL(tc.tok); got != tc.b64 {
			t.Errorf("jwsPartsBase64URL(%q) = %v", tc.tok, got)
		}
		if got := tokenAlg(tc.tok); got != tc.alg {
			t.Errorf("tokenAlg(%q) = %q, want %q", tc.tok, got, tc.alg)
		}
	}
}

// TestWycheproofJWSKeyRefused checks WycheproofJWS on a synthetic file
// whose group key does not parse: its valid case fails, its invalid case
// passes, and a numberOfTests that disagrees with the cases is a failure.
func TestWycheproofJWSKeyRefused(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"json_web_signature_test.json": `{"numberOfTests":3,"testGroups":[{"public":{"kty":"EC","crv":"P-256"},"tests":[` +
			`{"tcId":1,"jws":"e30.e30.AA","result":"valid"},{"tcId":2,"jws":"e30.e30.AA","result":"invalid"}]}]}`,
	})
	r := WycheproofJWS(filepath.Join(dir, "json_web_signature_test.json"))
	if tallyOf(r) != (tally{3, 1, 2, 0}) || r.Name != "wycheproof/json_web_signature_test.json" ||
		!strings.HasPrefix(r.Failures[0], "tcId 1 ") || !strings.Contains(r.Failures[0], ": key: ") || !strings.Contains(r.Failures[1], "numberOfTests says 3") {
		t.Errorf("%s %+v %q", r.Name, tallyOf(r), r.Failures)
	}
}

// TestWycheproofJWSInvalidVerified checks WycheproofJWS on a synthetic file
// built from RFC 7515 A.1: an "invalid" token that verifies fails, unless a
// "valid" case of its group is the same token (the documented data quirk,
// a skip).
func TestWycheproofJWSInvalidVerified(t *testing.T) {
	var a1 rfcJWS
	for _, ex := range rfcJWSExamples {
		if ex.name == "rfc7515/A.1 HS256" {
			a1 = ex
		}
	}
	tok := string(jsonOf(t, a1.msg))
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"json_web_signature_test.json": `{"numberOfTests":3,"testGroups":[` +
			`{"private":` + a1.key + `,"tests":[{"tcId":1,"jws":` + tok + `,"result":"invalid"}]},` +
			`{"private":` + a1.key + `,"tests":[{"tcId":2,"jws":` + tok + `,"result":"valid"},{"tcId":3,"jws":` + tok + `,"result":"invalid"}]}]}`,
	})
	r := WycheproofJWS(filepath.Join(dir, "json_web_signature_test.json"))
	if tallyOf(r) != (tally{3, 1, 1, 1}) || !strings.HasPrefix(r.Failures[0], "tcId 1 ") || !strings.Contains(r.Failures[0], "invalid token verified") {
		t.Errorf("%+v %q %v", tallyOf(r), r.Failures, r.SkipReasons)
	}
}
