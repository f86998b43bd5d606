package jwt_test

// Interop with panva jose under node (../shared/PEERS.md), found as
// jose/jws's interop tests find it: LWSCRYPTO_NPM_PEERS names a directory
// holding node_modules/jose. A missing node or package skips the tests
// with a message, or fails them under LWSCRYPTO_REQUIRE_PEERS=1; a
// package of another release than testenv.PanvaJoseVersion (the one
// .ci/peers.sh installs, whose verdicts the tests pin) fails them. Every
// request of a test goes to panva in one node process (a JSON batch on
// stdin, the answers on stdout).
//
// TestInteropPanvaJWT: round trips both ways for every algorithm both
// support — tokens of Signer verified and claims-validated by jwtVerify,
// tokens of SignJWT verified and validated by Verifier — with the claims
// compared. The differential of validation verdicts is
// differential_claims_test.go.

import (
	"bytes"
	"crypto"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"encoding/json"
	"reflect"
	"sync"
	"testing"
	"time"

	"github.com/lwscrypto/lwscrypto/internal/testenv"
	"github.com/lwscrypto/lwscrypto/jose"
	"github.com/lwscrypto/lwscrypto/jose/jwk"
	"github.com/lwscrypto/lwscrypto/jose/jws"
	"github.com/lwscrypto/lwscrypto/jose/jwt"
)

// panvaScript answers a batch of requests with panva jose: "sign" makes a
// JWT with SignJWT (claims given whole, then the builder's setters for
// the registered ones in "set"); "verify" runs jwtVerify with the
// request's options, the clock fixed at "now" (seconds), and returns the
// claims set as JSON.stringify writes it, or the error's code.
const panvaScript = `
const jose = await import(process.env.PEER_JOSE);
const chunks = []; for await (const c of process.stdin) chunks.push(c);
const reqs = JSON.parse(Buffer.concat(chunks).toString());
const out = [];
for (const r of reqs) {
  try {
    const key = await jose.importJWK(r.jwk, r.alg);
    switch (r.op) {
    case 'sign': {
      const s = new jose.SignJWT(r.claims ?? {}).setProtectedHeader(r.header);
      const set = r.set ?? {};
      if (set.iss !== undefined) s.setIssuer(set.iss);
      if (set.sub !== undefined) s.setSubject(set.sub);
      if (set.aud !== undefined) s.setAudience(set.aud);
      if (set.jti !== undefined) s.setJti(set.jti);
      if (set.exp !== undefined) s.setExpirationTime(set.exp);
      if (set.nbf !== undefined) s.setNotBefore(set.nbf);
      if (set.iat !== undefined) s.setIssuedAt(set.iat);
      out.push({token: await s.sign(key)});
      break;
    }
    case 'verify': {
      const opts = {...(r.opts ?? {}), algorithms: [r.alg], currentDate: new Date(r.now * 1000)};
      const v = await jose.jwtVerify(r.token, key, opts);
      out.push({payload: JSON.stringify(v.payload), header: v.protectedHeader});
      break;
    }
    default: out.push({error: 'unknown op'});
    }
  } catch (e) { out.push({error: String(e && e.code || e), message: String(e && e.message)}); }
}
process.stdout.write(JSON.stringify(out));
`

type panvaReq struct {
	Op     string          `json:"op"`
	Alg    string          `json:"alg"`
	JWK    json.RawMessage `json:"jwk"`
	Claims json.RawMessage `json:"claims,omitempty"`
	Header json.RawMessage `json:"header,omitempty"`
	Set    json.RawMessage `json:"set,omitempty"`
	Token  string          `json:"token,omitempty"`
	Opts   json.RawMessage `json:"opts,omitempty"`
	Now    int64           `json:"now,omitempty"`
}

type panvaResp struct {
	Token   string          `json:"token"`
	Payload string          `json:"payload"`
	Header  json.RawMessage `json:"header"`
	Error   string          `json:"error"`
	Message string          `json:"message"`
}

// runPanva sends reqs to panva jose in one node process, skipping (or,
// under LWSCRYPTO_REQUIRE_PEERS=1, failing) when node or the package is
// not installed.
func runPanva(t *testing.T, reqs []panvaReq) []panvaResp {
	t.Helper()
	return testenv.RunBatch[panvaReq, panvaResp](t, testenv.PanvaCommand(t, panvaScript), reqs)
}

// peerKeys returns a private key per algorithm, generated once.
var peerKeys = sync.OnceValue(func() map[string]crypto.PrivateKey {
	r, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		panic(err)
	}
	p256, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	p384, _ := ecdsa.GenerateKey(elliptic.P384(), rand.Reader)
	p521, _ := ecdsa.GenerateKey(elliptic.P521(), rand.Reader)
	_, ed, _ := ed25519.GenerateKey(rand.Reader)
	hs := func(n int, b byte) []byte { return bytes.Repeat([]byte{b}, n) }
	return map[string]crypto.PrivateKey{
		"HS256": hs(32, 1), "HS384": hs(48, 2), "HS512": hs(64, 3),
		"RS256": r, "RS384": r, "RS512": r, "PS256": r, "PS384": r, "PS512": r,
		"ES256": p256, "ES384": p384, "ES512": p521, "EdDSA": ed, "Ed25519": ed,
	}
})

// jwkPair returns alg's private key as a JWK with "alg", and the JSON of
// its private and public JWKs.
func jwkPair(t testing.TB, alg string) (priv *jwk.Key, privJSON, pubJSON []byte) {
	t.Helper()
	k, err := jwk.New(peerKeys()[alg])
	if err != nil {
		t.Fatal(err)
	}
	k.Alg = alg
	pub := k
	if k.KeyType() != "oct" {
		if pub, err = k.PublicKey(); err != nil {
			t.Fatal(err)
		}
	}
	if privJSON, err = k.AppendJSON(nil); err != nil {
		t.Fatal(err)
	}
	if pubJSON, err = pub.AppendJSON(nil); err != nil {
		t.Fatal(err)
	}
	return k, privJSON, pubJSON
}

// The round trips' fixed clock: both sides validate at panvaNow.
const panvaNow = 1_800_000_000

var panvaT0 = time.Unix(panvaNow, 0)

// rtExtra are the unregistered claims of the round trips: unicode strings
// (escapes, U+2028, an astral character, NUL), integers at and past 2^53
// (panva reads them as doubles; both sides are compared as float64, which
// rounds alike), negative and fractional numbers, nested objects and
// arrays, empty ones and null.
var rtExtra = []jose.Member{
	{Name: "uni", Value: []byte(`"h\u00e9llo \"q\" \\ \u0000 😀 ` + "\u2028\u2029 ünï" + `"`)},
	{Name: "名前", Value: []byte(`"ユーザー"`)},
	{Name: "safe", Value: []byte(`9007199254740991`)},
	{Name: "big", Value: []byte(`12345678901234567890`)},
	{Name: "neg", Value: []byte(`-42`)},
	{Name: "frac", Value: []byte(`0.1`)},
	{Name: "tiny", Value: []byte(`1e-7`)},
	{Name: "nested", Value: []byte(`{"a":[1,{"b":null}],"c":{"d":true,"e":"\ud83d\ude00"}}`)},
	{Name: "empty", Value: []byte(`{"o":{},"a":[],"s":""}`)},
	{Name: "nothing", Value: []byte(`null`)},
}

// semantic decodes JSON as panva's JSON.parse would see it (numbers as
// doubles) for comparison.
func semantic(t testing.TB, b []byte) any {
	t.Helper()
	var v any
	if err := json.Unmarshal(b, &v); err != nil {
		t.Fatalf("%s: %v", b, err)
	}
	return v
}

func TestInteropPanvaJWT(t *testing.T) {
	testenv.PanvaJose(t) // before generating keys
	// Ours: the ClaimSet (times with a fraction, written rounded: "exp"
	// and "iat" down, "nbf" up), with "aud" as an array and as a string.
	ourSets := []*jwt.ClaimSet{
		{Issuer: "https://issuer.example/ü", Subject: "ユーザー😀", Audience: []string{"api", "other"},
			ExpiresAt: panvaT0.Add(time.Hour + 700*time.Millisecond), NotBefore: panvaT0.Add(-60*time.Second - 300*time.Millisecond),
			IssuedAt: panvaT0.Add(-59*time.Second - 900*time.Millisecond), ID: "id-\u2028-1", Extra: rtExtra},
		{Issuer: "https://issuer.example/ü", Subject: "ユーザー😀", Audience: []string{"api"},
			ExpiresAt: panvaT0.Add(time.Hour), NotBefore: panvaT0.Add(-60 * time.Second), IssuedAt: panvaT0.Add(-60 * time.Second), ID: "id-\u2028-1"},
		nil, // ourRaw through AppendSignJSON, "typ": "at+jwt"
	}
	// ourRaw has fractional and exponent NumericDates and escapes.
	const ourRaw = `{"iss":"https:\/\/issuer.example\/\u00fc","sub":"ユーザー😀","aud":["api"],"exp":1.8000036005e9,"nbf":1799999940.25,` +
		`"iat":17999999400e-1,"jti":"id-\u2028-1","n":[1e2,-0.0,1E-3]}`
	// What jwtVerify must hand back for them: the dates in whole seconds.
	wantOurs := []string{
		`{"iss":"https://issuer.example/ü","sub":"ユーザー😀","aud":["api","other"],"exp":1800003600,"nbf":1799999940,"iat":1799999940,"jti":"id-\u2028-1"}`,
		`{"iss":"https://issuer.example/ü","sub":"ユーザー😀","aud":"api","exp":1800003600,"nbf":1799999940,"iat":1799999940,"jti":"id-\u2028-1"}`,
		ourRaw,
	}
	verifyOpts := func(typ string) []byte {
		return []byte(`{"issuer":"https://issuer.example/ü","subject":"ユーザー😀","audience":"api","typ":"` + typ + `",` +
			`"requiredClaims":["exp","nbf","iat","jti"],"maxTokenAge":3600}`)
	}

	// Theirs: SignJWT with claims given whole and with the setters (a
	// fractional "exp", which setExpirationTime keeps as given).
	type theirSet struct {
		claims, set string
		want        string // the claims set Verifier must read, as JSON
		aud         []string
		exp         time.Time
		// hdr is the protected header past "alg" ("typ": "JWT" when
		// empty), typ the Validator.Type that goes with it
		hdr, typ string
	}
	theirs := []theirSet{
		{claims: `{"iss":"https://issuer.example/ü","sub":"ユーザー😀","aud":["other","api"],"exp":1800003600,"nbf":1799999940,"iat":1799999940,"jti":"j\u00e9"}`,
			aud: []string{"other", "api"}, exp: time.Unix(1800003600, 0)},
		{claims: `{"uni":"h\u00e9llo \"q\" \\ \u0000 😀 ` + "\u2028\u2029" + `","safe":9007199254740991,"big":12345678901234567890,` +
			`"neg":-42,"frac":0.1,"tiny":1e-7,"nested":{"a":[1,{"b":null}],"c":{"d":true}},"empty":{"o":{},"a":[],"s":""},"nothing":null}`,
			set: `{"iss":"https://issuer.example/ü","sub":"ユーザー😀","aud":"api","jti":"j\u00e9","exp":1800003600.5,"nbf":1799999940,"iat":1799999940}`,
			aud: []string{"api"}, exp: time.Unix(1800003600, 5e8)},
		{claims: `{"iss":"https://issuer.example/ü","sub":"ユーザー😀","aud":"api","exp":1800003600,"nbf":1799999940,"iat":1799999940,"jti":"j\u00e9"}`,
			aud: []string{"api"}, exp: time.Unix(1800003600, 0),
			hdr: `"typ":"application/AT+JWT","kid":"k\u00e9","b64":true,"crit":["b64"]`, typ: "at+jwt"},
	}
	// the claims set each must produce, as panva serializes it
	theirs[0].want = theirs[0].claims
	theirs[2].want = theirs[2].claims
	theirs[1].want = `{"uni":"h\u00e9llo \"q\" \\ \u0000 😀 ` + "\u2028\u2029" + `","safe":9007199254740991,"big":12345678901234567890,` +
		`"neg":-42,"frac":0.1,"tiny":1e-7,"nested":{"a":[1,{"b":null}],"c":{"d":true}},"empty":{"o":{},"a":[],"s":""},"nothing":null,` +
		`"iss":"https://issuer.example/ü","sub":"ユーザー😀","aud":"api","jti":"j\u00e9","exp":1800003600.5,"nbf":1799999940,"iat":1799999940}`

	type job struct {
		alg   string
		our   int // index in ourSets, or -1
		their int
	}
	var reqs []panvaReq
	var jobs []job
	for _, alg := range jws.Algorithms() {
		priv, privJSON, pubJSON := jwkPair(t, alg)
		for i, cs := range ourSets {
			var tok []byte
			var err error
			typ := "JWT"
			if cs != nil {
				tok, err = jwt.Sign(cs, jws.SigningKey{Alg: alg, Key: priv})
			} else {
				typ = "application/at+jwt"
				var s *jwt.Signer
				if s, err = jwt.NewSigner(jws.SigningKey{Alg: alg, Key: priv, Type: "at+jwt"}); err == nil {
					tok, err = s.AppendSignJSON(nil, []byte(ourRaw))
				}
			}
			if err != nil {
				t.Fatalf("%s: %v", alg, err)
			}
			reqs = append(reqs, panvaReq{Op: "verify", Alg: alg, JWK: pubJSON, Token: string(tok), Opts: verifyOpts(typ), Now: panvaNow})
			jobs = append(jobs, job{alg: alg, our: i, their: -1})
		}
		for i, th := range theirs {
			r := panvaReq{Op: "sign", Alg: alg, JWK: privJSON, Claims: json.RawMessage(th.claims),
				Header: json.RawMessage(`{"alg":"` + alg + `","typ":"JWT"}`)}
			if th.hdr != "" {
				r.Header = json.RawMessage(`{"alg":"` + alg + `",` + th.hdr + `}`)
			}
			if th.set != "" {
				r.Set = json.RawMessage(th.set)
			}
			reqs = append(reqs, r)
			jobs = append(jobs, job{alg: alg, our: -1, their: i})
		}
	}
	resp := runPanva(t, reqs)
	ran := map[string]bool{}
	for i, j := range jobs {
		got := resp[i]
		// No NOT_SUPPORTED is let pass: the pinned release has every
		// algorithm, so it would mean panva cannot read our key or token.
		ran[j.alg] = true
		if got.Error != "" {
			t.Errorf("%s %s #%d: panva: %s: %s", j.alg, reqs[i].Op, max(j.our, j.their), got.Error, got.Message)
			continue
		}
		if j.our >= 0 {
			// panva validated ours: the claims it read are ours.
			want := semantic(t, []byte(wantOurs[j.our]))
			if j.our == 0 {
				m := want.(map[string]any)
				for _, e := range rtExtra {
					m[e.Name] = semantic(t, e.Value)
				}
			}
			if g := semantic(t, []byte(got.Payload)); !reflect.DeepEqual(g, want) {
				t.Errorf("%s: panva read our claims as\n%s\nwant\n%s", j.alg, got.Payload, wantOurs[j.our])
			}
			var h map[string]any
			typ := "JWT"
			if ourSets[j.our] == nil {
				typ = "at+jwt"
			}
			if err := json.Unmarshal(got.Header, &h); err != nil || h["typ"] != typ || h["alg"] != j.alg {
				t.Errorf("%s: panva read our header as %s", j.alg, got.Header)
			}
			continue
		}
		// We validate theirs.
		th := theirs[j.their]
		typ := "JWT"
		if th.typ != "" {
			typ = th.typ
		}
		_, _, pubJSON := jwkPair(t, j.alg)
		pub, err := jwk.Parse(pubJSON)
		if err != nil {
			t.Fatal(err)
		}
		v, err := jwt.NewVerifier(pub, []string{j.alg}, jwt.Validator{
			Issuer: "https://issuer.example/ü", Subject: "ユーザー😀", Audience: "api", ID: "j\u00e9",
			Required: []string{"exp", "nbf", "iat", "jti"}, Type: typ, Now: func() time.Time { return panvaT0 },
		})
		if err != nil {
			t.Fatal(err)
		}
		c, err := v.Verify([]byte(got.Token))
		if err != nil {
			t.Errorf("%s: verifying panva's %s: %v", j.alg, got.Token, err)
			continue
		}
		if g, w := semantic(t, c.Raw), semantic(t, []byte(th.want)); !reflect.DeepEqual(g, w) {
			t.Errorf("%s: panva's claims read as\n%s\nwant\n%s", j.alg, c.Raw, th.want)
		}
		var dec map[string]any
		if err := c.Decode(&dec); err != nil || !reflect.DeepEqual(dec, semantic(t, []byte(th.want))) {
			t.Errorf("%s: Decode: %v %v", j.alg, dec, err)
		}
		iss, _ := c.Issuer()
		sub, _ := c.Subject()
		id, _ := c.ID()
		aud, _ := c.Audience()
		exp, _ := c.ExpiresAt()
		nbf, _ := c.NotBefore()
		iat, _ := c.IssuedAt()
		if iss != "https://issuer.example/ü" || sub != "ユーザー😀" || id != "j\u00e9" || !reflect.DeepEqual(aud, th.aud) ||
			!exp.Equal(th.exp) || !nbf.Equal(time.Unix(1799999940, 0)) || !iat.Equal(time.Unix(1799999940, 0)) {
			t.Errorf("%s: typed claims %q %q %q %q %v %v %v", j.alg, iss, sub, id, aud, exp, nbf, iat)
		}
		if j.their == 1 {
			// The claims panva wrote are there exactly as it wrote them.
			for name, want := range map[string]string{"safe": "9007199254740991", "big": "12345678901234567000", "tiny": "1e-7",
				"exp": "1800003600.5", "nothing": "null", "empty": `{"o":{},"a":[],"s":""}`} {
				if g, ok := c.Get(name); !ok || string(g) != want {
					t.Errorf("%s: Get(%q) = %s, %v; want %s", j.alg, name, g, ok, want)
				}
			}
		}
	}
	// The pinned panva release implements every algorithm jws offers.
	for _, alg := range jws.Algorithms() {
		if !ran[alg] {
			t.Errorf("%s: no round trip ran", alg)
		}
	}
}
