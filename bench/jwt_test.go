package bench

// BenchmarkJWTVerify/<alg>/<impl> and BenchmarkJWTSign/<alg>/<impl> compare
// lwscrypto's jose/jwt with go-jose v4, golang-jwt v5 and lestrrat-go/jwx v3
// on the same ~6-claim token, each validating exp, iss and aud, and with
// "raw": the standard library primitive alone over the same signing input
// (HMAC, ECDSA with SHA-256, RSA PKCS #1 v1.5 with SHA-256, Ed25519), the
// floor any implementation pays.

import (
	"bytes"
	"crypto"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/elliptic"
	"crypto/hmac"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"encoding/base64"
	"hash"
	"math/big"
	"runtime"
	"strings"
	"testing"
	"time"

	gojose "github.com/go-jose/go-jose/v4"
	gojosejwt "github.com/go-jose/go-jose/v4/jwt"
	golangjwt "github.com/golang-jwt/jwt/v5"
	"github.com/lestrrat-go/jwx/v3/jwa"
	jwxjwt "github.com/lestrrat-go/jwx/v3/jwt"

	"github.com/lwscrypto/lwscrypto/jose/jws"
	"github.com/lwscrypto/lwscrypto/jose/jwt"
)

// cpuMeter wraps b.Loop and also reports "cpu-ns/op": the CPU time of the
// benchmark's own OS thread (the goroutine is locked to it), which a busy
// shared machine distorts far less than wall time. Garbage collection done
// by background workers on other threads is not counted, which favours
// the allocating implementations.
type cpuMeter struct {
	b       *testing.B
	start   int64
	started bool
}

func newCPUMeter(b *testing.B) *cpuMeter { return &cpuMeter{b: b} }

func (m *cpuMeter) Loop() bool {
	if !m.started {
		m.started = true
		runtime.LockOSThread()
		m.start = threadCPU()
	}
	if m.b.Loop() {
		return true
	}
	ns := threadCPU() - m.start
	runtime.UnlockOSThread()
	m.b.ReportMetric(float64(ns)/float64(m.b.N), "cpu-ns/op")
	return false
}

const (
	benchIss = "https://issuer.example.com"
	benchAud = "https://api.example.com"
)

var benchAlgs = []string{"HS256", "ES256", "RS256", "EdDSA"}

type benchKeys struct {
	priv crypto.Signer // nil for HS256
	pub  crypto.PublicKey
	sec  []byte
}

func makeKeys(b *testing.B, alg string) benchKeys {
	b.Helper()
	switch alg {
	case "HS256":
		s := bytes.Repeat([]byte("s"), 32)
		return benchKeys{sec: s}
	case "ES256":
		k, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
		return benchKeys{priv: k, pub: &k.PublicKey}
	case "RS256":
		k, _ := rsa.GenerateKey(rand.Reader, 2048)
		return benchKeys{priv: k, pub: &k.PublicKey}
	case "EdDSA":
		_, k, _ := ed25519.GenerateKey(rand.Reader)
		return benchKeys{priv: k, pub: k.Public()}
	}
	b.Fatal(alg)
	return benchKeys{}
}

func (k benchKeys) signKey() any {
	if k.sec != nil {
		return k.sec
	}
	return k.priv
}

func (k benchKeys) verifyKey() any {
	if k.sec != nil {
		return k.sec
	}
	return k.pub
}

// benchClaims is the ~6-claim set every implementation signs.
func benchClaims(now time.Time) *jwt.ClaimSet {
	return &jwt.ClaimSet{Issuer: benchIss, Subject: "user-1234567890", Audience: []string{benchAud},
		ExpiresAt: now.Add(time.Hour), IssuedAt: now, ID: "a3f1c2d4-5e6f-4a7b-8c9d-0e1f2a3b4c5d"}
}

// rawVerifier returns the primitive check of sig over the signing input.
func rawVerifier(b *testing.B, alg string, k benchKeys, tok string) func() bool {
	i := strings.LastIndexByte(tok, '.')
	input := []byte(tok[:i])
	sig, err := base64.RawURLEncoding.DecodeString(tok[i+1:])
	if err != nil {
		b.Fatal(err)
	}
	switch alg {
	case "HS256":
		m := hmac.New(sha256.New, k.sec)
		var sum [32]byte
		return func() bool {
			m.Reset()
			m.Write(input)
			return hmac.Equal(m.Sum(sum[:0]), sig)
		}
	case "ES256":
		r, s := new(big.Int).SetBytes(sig[:32]), new(big.Int).SetBytes(sig[32:])
		der := derSignature(r, s)
		pub := k.pub.(*ecdsa.PublicKey)
		return func() bool {
			d := sha256.Sum256(input)
			return ecdsa.VerifyASN1(pub, d[:], der)
		}
	case "RS256":
		pub := k.pub.(*rsa.PublicKey)
		return func() bool {
			d := sha256.Sum256(input)
			return rsa.VerifyPKCS1v15(pub, crypto.SHA256, d[:], sig) == nil
		}
	case "EdDSA":
		pub := k.pub.(ed25519.PublicKey)
		return func() bool { return ed25519.Verify(pub, input, sig) }
	}
	return nil
}

// derSignature encodes r, s as the ASN.1 SEQUENCE crypto/ecdsa takes (done
// once at setup, so raw pays nothing for the JOSE r‖s format).
func derSignature(r, s *big.Int) []byte {
	enc := func(x *big.Int) []byte {
		v := x.Bytes()
		if len(v) == 0 || v[0]&0x80 != 0 {
			v = append([]byte{0}, v...)
		}
		return append([]byte{2, byte(len(v))}, v...)
	}
	body := append(enc(r), enc(s)...)
	return append([]byte{0x30, byte(len(body))}, body...)
}

func BenchmarkJWTVerify(b *testing.B) {
	now := time.Now()
	for _, alg := range benchAlgs {
		k := makeKeys(b, alg)
		tok, err := jwt.Sign(benchClaims(now), jws.SigningKey{Alg: alg, Key: k.signKey()})
		if err != nil {
			b.Fatal(err)
		}
		stok := string(tok)
		b.Run(alg+"/lwscrypto", func(b *testing.B) {
			v, err := jwt.NewVerifier(k.verifyKey(), []string{alg}, jwt.Validator{Issuer: benchIss, Audience: benchAud, Required: []string{"exp"}})
			if err != nil {
				b.Fatal(err)
			}
			var c jwt.Claims
			b.ReportAllocs()
			b.SetBytes(int64(len(tok)))
			for cm := newCPUMeter(b); cm.Loop(); {
				if err := v.VerifyInto(b.Context(), tok, &c); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(alg+"/raw", func(b *testing.B) {
			check := rawVerifier(b, alg, k, stok)
			b.ReportAllocs()
			b.SetBytes(int64(len(tok)))
			for cm := newCPUMeter(b); cm.Loop(); {
				if !check() {
					b.Fatal("raw verify failed")
				}
			}
		})
		b.Run(alg+"/go-jose", func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(tok)))
			exp := gojosejwt.Expected{Issuer: benchIss, AnyAudience: gojosejwt.Audience{benchAud}}
			for cm := newCPUMeter(b); cm.Loop(); {
				t, err := gojosejwt.ParseSigned(stok, []gojose.SignatureAlgorithm{gojose.SignatureAlgorithm(alg)})
				if err != nil {
					b.Fatal(err)
				}
				var c gojosejwt.Claims
				if err := t.Claims(k.verifyKey(), &c); err != nil {
					b.Fatal(err)
				}
				if c.Expiry == nil {
					b.Fatal("no exp")
				}
				if err := c.Validate(exp.WithTime(time.Now())); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(alg+"/golang-jwt", func(b *testing.B) {
			p := golangjwt.NewParser(golangjwt.WithValidMethods([]string{alg}), golangjwt.WithIssuer(benchIss),
				golangjwt.WithAudience(benchAud), golangjwt.WithExpirationRequired())
			key := k.verifyKey()
			kf := func(*golangjwt.Token) (any, error) { return key, nil }
			b.ReportAllocs()
			b.SetBytes(int64(len(tok)))
			for cm := newCPUMeter(b); cm.Loop(); {
				var c golangjwt.RegisteredClaims
				if _, err := p.ParseWithClaims(stok, &c, kf); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(alg+"/jwx", func(b *testing.B) {
			ja := jwxAlg(alg)
			b.ReportAllocs()
			b.SetBytes(int64(len(tok)))
			for cm := newCPUMeter(b); cm.Loop(); {
				if _, err := jwxjwt.Parse(tok, jwxjwt.WithKey(ja, k.verifyKey()), jwxjwt.WithValidate(true),
					jwxjwt.WithIssuer(benchIss), jwxjwt.WithAudience(benchAud), jwxjwt.WithRequiredClaim("exp")); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func jwxAlg(alg string) jwa.SignatureAlgorithm {
	switch alg {
	case "HS256":
		return jwa.HS256()
	case "ES256":
		return jwa.ES256()
	case "RS256":
		return jwa.RS256()
	}
	return jwa.EdDSA()
}

func BenchmarkJWTSign(b *testing.B) {
	now := time.Now()
	for _, alg := range benchAlgs {
		k := makeKeys(b, alg)
		cs := benchClaims(now)
		b.Run(alg+"/lwscrypto", func(b *testing.B) {
			s, err := jwt.NewSigner(jws.SigningKey{Alg: alg, Key: k.signKey()})
			if err != nil {
				b.Fatal(err)
			}
			dst := make([]byte, 0, 1024)
			b.ReportAllocs()
			for cm := newCPUMeter(b); cm.Loop(); {
				if _, err := s.AppendSign(dst[:0], cs); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(alg+"/raw", func(b *testing.B) {
			tok, _ := jwt.Sign(cs, jws.SigningKey{Alg: alg, Key: k.signKey()})
			input := tok[:bytes.LastIndexByte(tok, '.')]
			var m hash.Hash
			if k.sec != nil {
				m = hmac.New(sha256.New, k.sec)
			}
			var sum [32]byte
			b.ReportAllocs()
			for cm := newCPUMeter(b); cm.Loop(); {
				switch alg {
				case "HS256":
					m.Reset()
					m.Write(input)
					m.Sum(sum[:0])
				case "EdDSA":
					ed25519.Sign(k.priv.(ed25519.PrivateKey), input)
				case "ES256":
					d := sha256.Sum256(input)
					if _, err := ecdsa.SignASN1(rand.Reader, k.priv.(*ecdsa.PrivateKey), d[:]); err != nil {
						b.Fatal(err)
					}
				case "RS256":
					d := sha256.Sum256(input)
					if _, err := rsa.SignPKCS1v15(nil, k.priv.(*rsa.PrivateKey), crypto.SHA256, d[:]); err != nil {
						b.Fatal(err)
					}
				}
			}
		})
		b.Run(alg+"/go-jose", func(b *testing.B) {
			s, err := gojose.NewSigner(gojose.SigningKey{Algorithm: gojose.SignatureAlgorithm(alg), Key: k.signKey()},
				(&gojose.SignerOptions{}).WithType("JWT"))
			if err != nil {
				b.Fatal(err)
			}
			c := gojosejwt.Claims{Issuer: cs.Issuer, Subject: cs.Subject, Audience: gojosejwt.Audience(cs.Audience),
				Expiry: gojosejwt.NewNumericDate(cs.ExpiresAt), IssuedAt: gojosejwt.NewNumericDate(cs.IssuedAt), ID: cs.ID}
			b.ReportAllocs()
			for cm := newCPUMeter(b); cm.Loop(); {
				if _, err := gojosejwt.Signed(s).Claims(c).Serialize(); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(alg+"/golang-jwt", func(b *testing.B) {
			m := golangjwt.GetSigningMethod(alg)
			c := golangjwt.RegisteredClaims{Issuer: cs.Issuer, Subject: cs.Subject, Audience: cs.Audience,
				ExpiresAt: golangjwt.NewNumericDate(cs.ExpiresAt), IssuedAt: golangjwt.NewNumericDate(cs.IssuedAt), ID: cs.ID}
			b.ReportAllocs()
			for cm := newCPUMeter(b); cm.Loop(); {
				if _, err := golangjwt.NewWithClaims(m, c).SignedString(k.signKey()); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(alg+"/jwx", func(b *testing.B) {
			t, err := jwxjwt.NewBuilder().Issuer(cs.Issuer).Subject(cs.Subject).Audience(cs.Audience).
				Expiration(cs.ExpiresAt).IssuedAt(cs.IssuedAt).JwtID(cs.ID).Build()
			if err != nil {
				b.Fatal(err)
			}
			ja := jwxAlg(alg)
			b.ReportAllocs()
			for cm := newCPUMeter(b); cm.Loop(); {
				if _, err := jwxjwt.Sign(t, jwxjwt.WithKey(ja, k.signKey())); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
