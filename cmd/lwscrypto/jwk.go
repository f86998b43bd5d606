package main

import (
	"crypto"
	"crypto/rand"
	"encoding/base64"
	"errors"
	"flag"
	"fmt"
	"strings"

	"github.com/lwscrypto/lwscrypto/jose"
	"github.com/lwscrypto/lwscrypto/jose/jwk"
)

func init() {
	register(&command{path: "jwk gen", args: "--alg ALG [--crv CRV] [--bits N] [--kid KID | --no-kid] [-o FILE]",
		summary: "generate a private JWK for ALG (written with \"alg\": ALG, and \"kid\": its RFC 7638 thumbprint, random for a symmetric key, unless --kid or --no-kid)", run: runJWKGen})
	register(&command{path: "jwk pub", args: "[-o FILE] [FILE]",
		summary: "print the public half of a JWK or JWK Set", run: runJWKPub})
	register(&command{path: "jwk thumbprint", args: "[--uri] [-o FILE] [FILE]",
		summary: "print the RFC 7638 SHA-256 thumbprint of each key (--uri: RFC 9278 URI)", run: runJWKThumbprint})
	register(&command{path: "jwk from-pem", args: "[--kid KID] [--alg ALG] [-o FILE] [FILE]",
		summary: "convert a PEM key or certificate (SPKI, PKCS #1, PKCS #8, SEC 1, X.509; a private key with its own certificate chain is that key) to a JWK", run: runJWKFromPEM})
	register(&command{path: "jwk to-pem", args: "[--pub] [-o FILE] [FILE]",
		summary: "convert a JWK to PEM (PKCS #8 for private keys, SPKI for public keys)", run: runJWKToPEM})
}

// writeOut writes b to standard output or to the file path. A file that
// will hold a private or secret key (private) is created with mode 0600;
// an existing regular file loses its group and other permissions before
// it is truncated and the key written (its old mode would otherwise stay).
// A write that fails takes back what it wrote (lazyOutput.Abort).
func writeOut(e *env, path string, b []byte, private ...bool) error {
	out := newOutput(e, path)
	out.private = len(private) > 0 && private[0]
	if _, err := out.Write(b); err != nil {
		out.Abort()
		return outputError(err)
	}
	return outputError(out.Close())
}

// writeJSONOut is writeOut for JSON text: on standard output it is escaped
// as terminalJSON says when that is a terminal (a "kid" may hold control
// or bidi code points).
func writeJSONOut(e *env, path string, b []byte, private bool) error {
	if path == "" || path == "-" {
		b = terminalJSON(e.stdout, b)
	}
	return writeOut(e, path, b, private)
}

func runJWKGen(e *env, args []string) error {
	c := commands["jwk gen"]
	fs := newFlags(c)
	alg := fs.String("alg", "", "the JOSE algorithm the key is for (ES256, EdDSA, RS256, HS256, ECDH-ES, A256KW, …)")
	crv := fs.String("crv", "", "curve for ECDH-ES keys: P-256 (default), P-384, P-521, X25519")
	bits := fs.Int("bits", 0, "RSA modulus size (default 2048), or oct key size for HS* (default the hash size) and dir/PBES2")
	kid := fs.String("kid", "", "key ID to write as \"kid\" (default: the key's RFC 7638 SHA-256 thumbprint, base64url, as jwk thumbprint prints it; for a symmetric (oct) key, whose thumbprint is a hash of the secret, 16 random bytes, base64url)")
	noKid := fs.Bool("no-kid", false, "write no \"kid\"")
	outPath := fs.String("o", "", "write to this file instead of standard output")
	pos, err := parseFlags(e, c, fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usagef("jwk gen takes no arguments")
	}
	if *noKid && *kid != "" {
		return usagef("--kid and --no-kid are exclusive").withHint("give --kid KID for that key ID, --no-kid for none, or neither for the thumbprint")
	}
	if *alg == "" {
		return usagef("--alg is required").withHint("for example: lwscrypto jwk gen --alg ES256")
	}
	// --bits 0 would mean the default size, as leaving --bits out does.
	bitsGiven := false
	fs.Visit(func(f *flag.Flag) { bitsGiven = bitsGiven || f.Name == "bits" })
	if bitsGiven && *bits == 0 {
		return usagef("--bits 0 is not a key size").withHint("give a size, or leave --bits out for the algorithm's default")
	}
	k, err := jwk.Generate(*alg, &jwk.GenerateOptions{Bits: *bits, Curve: *crv})
	if err != nil {
		if errors.Is(err, jose.ErrAlgorithm) {
			return usagef("--alg %s: %v", *alg, err).withHint(joseAlgsHint)
		}
		return usagef("%v", err)
	}
	k.Kid = *kid
	if k.Kid == "" && !*noKid {
		// As step and many identity providers do: a token signed with
		// the key names it, and a JWK Set of several keys selects it.
		// A secret's thumbprint is a hash of the secret, which RFC
		// 7638 §7 says to keep from those who do not hold the key, and
		// a "kid" goes out in every token: an oct key gets a random
		// one.
		var t []byte
		if k.KeyType() == jwk.KeyTypeOct {
			t = make([]byte, 16)
			rand.Read(t) // never fails (crypto/rand)
		} else if t, err = k.Thumbprint(crypto.SHA256); err != nil {
			return failf("%v", err)
		}
		k.Kid = base64.RawURLEncoding.EncodeToString(t)
	}
	out, err := k.AppendJSON(nil)
	if err != nil {
		return failf("%v", err)
	}
	return writeJSONOut(e, *outPath, append(out, '\n'), true)
}

// joseAlgsHint lists the JOSE algorithms jwk gen and jwk from-pem take.
const joseAlgsHint = "signature: HS256/384/512 RS256/384/512 PS256/384/512 ES256/384/512 EdDSA Ed25519; encryption: RSA-OAEP(-256/384/512) A128/192/256KW A128/192/256GCMKW ECDH-ES(+A*KW) dir PBES2-HS256+A128KW/HS384+A192KW/HS512+A256KW; content encryption: A128/192/256GCM A128CBC-HS256 A192CBC-HS384 A256CBC-HS512"

func runJWKPub(e *env, args []string) error {
	c := commands["jwk pub"]
	fs := newFlags(c)
	outPath := fs.String("o", "", "write to this file instead of standard output")
	pos, err := parseFlags(e, c, fs, args)
	if err != nil {
		return err
	}
	s, isSet, err := readKeyOrSet(e, pos)
	if err != nil {
		return err
	}
	pub, err := s.PublicSet()
	if err != nil {
		return hinted(err, "symmetric (oct) keys have no public half")
	}
	var out []byte
	if isSet {
		out, err = pub.AppendJSON(nil)
	} else {
		out, err = pub.Keys[0].AppendJSON(nil)
	}
	if err != nil {
		return failf("%v", err)
	}
	return writeJSONOut(e, *outPath, append(out, '\n'), false)
}

// readKeyOrSet reads a key input and tells whether it was a JWK Set. A set
// holding keys this tool does not read is refused.
func readKeyOrSet(e *env, pos []string) (*jwk.Set, bool, error) {
	file, err := inputArg(pos)
	if err != nil {
		return nil, false, err
	}
	data, err := readKeyInput(e, file)
	if err != nil {
		return nil, false, err
	}
	s, isSet, err := parseKeyData(data)
	if err != nil {
		return nil, false, hinted(err, keyHint(err))
	}
	// A verifier ignores such keys (RFC 7517 §5); a command that prints
	// one thing per key would silently leave them out.
	if n := len(s.Skipped); n > 0 {
		return nil, false, failf("the JWK Set holds %s of a type or curve this tool does not read (e.g. secp256k1, Ed448, AKP); they would be left out", plural(n, "key")).
			withHint("remove them from the set, or use a tool that reads them")
	}
	if len(s.Keys) == 0 {
		return nil, false, failf("the JWK Set holds no key this tool supports")
	}
	return s, isSet, nil
}

func runJWKThumbprint(e *env, args []string) error {
	c := commands["jwk thumbprint"]
	fs := newFlags(c)
	uri := fs.Bool("uri", false, "print the RFC 9278 thumbprint URI (urn:ietf:params:oauth:jwk-thumbprint:sha-256:…)")
	pos, err := parseFlags(e, c, fs, args)
	if err != nil {
		return err
	}
	s, _, err := readKeyOrSet(e, pos)
	if err != nil {
		return err
	}
	var b strings.Builder
	for _, k := range s.Keys {
		if *uri {
			u, err := k.ThumbprintURI(crypto.SHA256)
			if err != nil {
				return failf("%v", err)
			}
			b.WriteString(u)
		} else {
			t, err := k.Thumbprint(crypto.SHA256)
			if err != nil {
				return failf("%v", err)
			}
			b.Write(jose.AppendBase64URL(nil, t))
		}
		b.WriteByte('\n')
	}
	_, err = fmt.Fprint(e.stdout, b.String())
	return outputError(err)
}

func runJWKFromPEM(e *env, args []string) error {
	c := commands["jwk from-pem"]
	fs := newFlags(c)
	kid := fs.String("kid", "", "key ID to write as \"kid\"")
	alg := fs.String("alg", "", "algorithm to write as \"alg\" (checked against the key: an unknown name is a usage error, exit 2; one the key cannot do is invalid input, exit 1)")
	outPath := fs.String("o", "", "write to this file instead of standard output")
	pos, err := parseFlags(e, c, fs, args)
	if err != nil {
		return err
	}
	file, err := inputArg(pos)
	if err != nil {
		return err
	}
	if *alg != "" { // before the key is read
		if err := joseAlgFlag(*alg); err != nil {
			return err
		}
	}
	data, err := readKeyInput(e, file)
	if err != nil {
		return err
	}
	err = checkBOM(data)
	var k *jwk.Key
	if err == nil {
		k, err = parsePEMKey(data)
	}
	if err != nil {
		return hinted(err, pemHint(err))
	}
	k.Kid = *kid
	if *alg != "" {
		if err := k.CheckUse(*alg, keyOp(*alg, k.IsPrivate())); err != nil {
			// An unknown name is the flag's fault whatever the key (exit
			// 2); a real algorithm the key cannot do is the key's (1).
			if errors.Is(err, jose.ErrAlgorithm) {
				return usagef("--alg %s: %v", *alg, err).withHint(joseAlgsHint)
			}
			return failf("%v", err)
		}
		k.Alg = *alg
	}
	out, err := k.AppendJSON(nil)
	if err != nil {
		return failf("%v", err)
	}
	return writeJSONOut(e, *outPath, append(out, '\n'), k.IsPrivate())
}

// joseAlgFlag refuses an --alg that is no JOSE algorithm ("none", a typo)
// whatever the key: a usage error (exit 2), found before the key is read.
// CheckUse judges the name before the key, so any key serves to ask it.
func joseAlgFlag(alg string) error {
	probe, err := jwk.Parse([]byte(`{"kty":"oct","k":"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"}`))
	if err != nil {
		return fmt.Errorf("jwk from-pem: probe key: %w", err) // cannot happen
	}
	if err := probe.CheckUse(alg, keyOp(alg, true)); errors.Is(err, jose.ErrAlgorithm) {
		return usagef("--alg %s: %v", alg, err).withHint(joseAlgsHint)
	}
	return nil
}

// keyOp is the operation a key is for under alg, to check that the key fits
// alg: signing or verifying for a JWS algorithm, wrapping a content key
// (the public half) or unwrapping it (the private half) for a JWE key
// management algorithm (RSA-OAEP*, RSA1_5, ECDH-ES*).
func keyOp(alg string, private bool) jwk.Op {
	enc := strings.HasPrefix(alg, "RSA-OAEP") || strings.HasPrefix(alg, "ECDH-ES") || alg == "RSA1_5"
	switch {
	case enc && private:
		return jwk.OpUnwrapKey
	case enc:
		return jwk.OpWrapKey
	case private:
		return jwk.OpSign
	}
	return jwk.OpVerify
}

func runJWKToPEM(e *env, args []string) error {
	c := commands["jwk to-pem"]
	fs := newFlags(c)
	pubOnly := fs.Bool("pub", false, "write only the public key")
	outPath := fs.String("o", "", "write to this file instead of standard output")
	pos, err := parseFlags(e, c, fs, args)
	if err != nil {
		return err
	}
	s, _, err := readKeyOrSet(e, pos)
	if err != nil {
		return err
	}
	if len(s.Keys) != 1 {
		return failf("the input holds %d keys; to-pem converts one", len(s.Keys)).withHint("extract one key from the set first")
	}
	k := s.Keys[0]
	if *pubOnly {
		if k, err = k.PublicKey(); err != nil {
			return failf("%v", err)
		}
	}
	p, err := k.MarshalPEM()
	if err != nil {
		return hinted(err, "symmetric (oct) keys have no PEM form")
	}
	return writeOut(e, *outPath, p, k.IsPrivate())
}
