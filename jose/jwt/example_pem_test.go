package jwt_test

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"fmt"
	"time"

	"github.com/lwscrypto/lwscrypto/jose"
	"github.com/lwscrypto/lwscrypto/jose/jwk"
	"github.com/lwscrypto/lwscrypto/jose/jws"
	"github.com/lwscrypto/lwscrypto/jose/jwt"
)

// privatePEM is a P-256 key made for these examples with
// `openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256`, and
// publicPEM its public half (`openssl pkey -pubout`). Never use them for
// anything else.
const (
	privatePEM = `-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgQLgBETnd6HJI0m/o
RcXcXq5gI2Figlvq0xmx70B/Q56hRANCAATmmbNR8shCGLx9X2M9Xc4Z2WeeFp7O
ddSlHeg1gePerFsMIecp144BypCWIpFHqwx8ZUqhZVp11+WNURd23pY/
-----END PRIVATE KEY-----
`
	publicPEM = `-----BEGIN PUBLIC KEY-----
MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE5pmzUfLIQhi8fV9jPV3OGdlnnhae
znXUpR3oNYHj3qxbDCHnKdeOAcqQliKRR6sMfGVKoWVaddfljVEXdt6WPw==
-----END PUBLIC KEY-----
`
)

// Issuing a JWT with a private key from a PEM file and verifying it with
// the public key, with a custom claim. The same code takes a JWK file
// (jwk.Parse, e.g. from `lwscrypto jwk gen`), an RSA key (RS256, PS256) or
// an Ed25519 key (EdDSA); an HMAC secret is a []byte of at least the
// hash's size (32 bytes for HS256).
func Example_pemKeys() {
	priv, err := jwk.ParsePEM([]byte(privatePEM)) // os.ReadFile("key.pem")
	if err != nil {
		panic(err)
	}
	now := time.Now()
	tok, err := jwt.Sign(&jwt.ClaimSet{
		Issuer: "https://idp.example", Subject: "alice", Audience: []string{"api"},
		IssuedAt: now, ExpiresAt: now.Add(15 * time.Minute),
		// Extra values are raw JSON: a string keeps its quotes.
		Extra: []jose.Member{{Name: "role", Value: []byte(`"admin"`)}},
	}, jws.SigningKey{Alg: "ES256", Key: priv})
	if err != nil {
		panic(err)
	}

	pub, err := jwk.ParsePEM([]byte(publicPEM))
	if err != nil {
		panic(err)
	}
	// Make the Verifier once and share it: it is safe for concurrent use.
	v, err := jwt.NewVerifier(pub, []string{"ES256"}, jwt.Validator{
		Issuer: "https://idp.example", Audience: "api", Required: []string{"exp"},
	})
	if err != nil {
		panic(err)
	}
	claims, err := v.Verify(tok)
	if err != nil {
		panic(err)
	}
	sub, _ := claims.Subject()
	role, _ := claims.Get("role") // the claim's exact JSON
	var custom struct {
		Role string `json:"role"`
	}
	if err := claims.Decode(&custom); err != nil {
		panic(err)
	}
	fmt.Println(sub, string(role), custom.Role)
	// Output: alice "admin" admin
}

// What a refused token returns, for errors.Is: the jwt sentinels for
// claims that fail the Validator (checked only after the signature
// verifies), the jose sentinels for the token itself. The refusals here
// are an expired token, one for another audience or from another issuer,
// an unsigned one ("alg": "none"), the classic confusion attack (HS256
// with the public key as the HMAC secret, refused because the Verifier
// accepts ES256 only, and a public key is never an HMAC secret) and a
// token signed by another key. The Middleware answers 401 to all of them
// and tells the client nothing more.
func ExampleVerifier_Verify_refused() {
	priv, _ := jwk.ParsePEM([]byte(privatePEM))
	pub, _ := jwk.ParsePEM([]byte(publicPEM))
	v, _ := jwt.NewVerifier(pub, []string{"ES256"}, jwt.Validator{
		Issuer: "https://idp.example", Audience: "api", Required: []string{"exp"},
	})
	now := time.Now()
	sign := func(iss, aud string, exp time.Time) []byte {
		tok, err := jwt.Sign(&jwt.ClaimSet{Issuer: iss, Audience: []string{aud}, ExpiresAt: exp},
			jws.SigningKey{Alg: "ES256", Key: priv})
		if err != nil {
			panic(err)
		}
		return tok
	}
	b64 := base64.RawURLEncoding.EncodeToString
	claims := b64([]byte(`{"iss":"https://idp.example","aud":"api","exp":4102444800}`))
	none := b64([]byte(`{"alg":"none"}`)) + "." + claims + "."
	input := b64([]byte(`{"alg":"HS256"}`)) + "." + claims
	mac := hmac.New(sha256.New, []byte(publicPEM))
	mac.Write([]byte(input))
	confused := input + "." + b64(mac.Sum(nil))
	other, _ := jwk.Generate("ES256", nil)
	forged, _ := jwt.Sign(&jwt.ClaimSet{Issuer: "https://idp.example", Audience: []string{"api"},
		ExpiresAt: now.Add(time.Minute)}, jws.SigningKey{Alg: "ES256", Key: other})

	for _, c := range []struct {
		name string
		tok  []byte
	}{
		{"expired", sign("https://idp.example", "api", now.Add(-time.Minute))},
		{"other audience", sign("https://idp.example", "web", now.Add(time.Minute))},
		{"other issuer", sign("https://evil.example", "api", now.Add(time.Minute))},
		{"alg none", []byte(none)},
		{"HS256 with the public key", []byte(confused)},
		{"signed by another key", forged},
	} {
		_, err := v.Verify(c.tok)
		switch {
		case errors.Is(err, jwt.ErrExpired):
			fmt.Println(c.name, "→ jwt.ErrExpired")
		case errors.Is(err, jwt.ErrClaimMismatch):
			fmt.Println(c.name, "→ jwt.ErrClaimMismatch")
		case errors.Is(err, jose.ErrAlgorithm):
			fmt.Println(c.name, "→ jose.ErrAlgorithm")
		case errors.Is(err, jose.ErrVerify):
			fmt.Println(c.name, "→ jose.ErrVerify")
		default:
			fmt.Println(c.name, "→", err)
		}
	}
	// Output:
	// expired → jwt.ErrExpired
	// other audience → jwt.ErrClaimMismatch
	// other issuer → jwt.ErrClaimMismatch
	// alg none → jose.ErrAlgorithm
	// HS256 with the public key → jose.ErrAlgorithm
	// signed by another key → jose.ErrVerify
}
